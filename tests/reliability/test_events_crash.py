"""Crash suite for premiere events: SIGKILL the bot while it makes 150 servers' events.

A release date for season 4 is on record and every server has /setup events on before the
first start. Half the runs of ``python -m bot run`` are killed by the sandbox itself the
moment it has made an event, before the answer reaches the bot (so before the bot can record
the event's id: the create landed, the record did not); the others at a random moment while
creating (mostly between a create's intended row and its request). A last run finishes. In
the end each server has exactly one event, and the store records its id.

The seed of the kill schedule is printed; ``CRASH_SEED=<n>`` replays it.
"""

from __future__ import annotations

import asyncio
import contextlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.news.models import Milestone
from bot.sandbox import perms
from bot.sandbox.driver import Sandbox
from bot.store import Store
from tests.e2e.test_premiere_events import learn
from tests.reliability.conftest import BotRuns, KillOnceMade, crash_schedule, until
from tests.reliability.test_crash import ROUTE_LIMITS

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

GUILDS = 150
KILLS = 8
MAX_DELAY_S = 0.4  # after a run's first create; ~48 creates/s, so a run makes ~10 on average
DAYS = timedelta(days=60)  # to the premiere
MAX_MADE = 10  # the sandbox kills the bot after 1 to this many creates of the run


async def _dated_premiere(database: Path, gids: list[int]) -> None:
    store = await Store.open(database)
    try:
        await store.migrate()
        for gid in gids:
            await store.guilds.update(gid, events=True)
        await learn(store, Milestone.RELEASE_DATE_ANNOUNCED, (datetime.now(UTC) + DAYS).date())
    finally:
        await store.close()


async def test_sigkills_mid_create_leave_one_event_per_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed, rng = crash_schedule()
    killer = KillOnceMade.on(monkeypatch, "create_event")  # before the routes are bound
    async with Sandbox(guilds=GUILDS, route_limits=ROUTE_LIMITS) as sb:
        for guild in sb.guilds:
            sb.set_bot_role_permissions(guild, perms.BOT_DEFAULT | perms.CREATE_EVENTS)
        database = tmp_path / "kissbot.db"
        await _dated_premiere(database, [g.id for g in sb.guilds])

        def events() -> int:
            return sum(len(sb.scheduled_events(g)) for g in sb.guilds)

        runs = BotRuns(sb, database, tmp_path, killer.running)
        start, logs = runs.start, runs.logs

        at_kill: list[int] = []
        for run in range(KILLS):
            before = events()
            killer.at = 0 if run % 2 else killer.made + rng.randint(1, MAX_MADE)
            proc = await start()
            try:
                await until(lambda b=before: events() > b, 30, "the restarted bot to create")
                if run % 2:  # a random moment; else the sandbox's kill after a create
                    await asyncio.sleep(rng.uniform(0.0, MAX_DELAY_S))
                else:
                    await until(lambda p=proc: p.returncode is not None, 30, "the sandbox's kill")
                assert proc.returncode in (None, -9), runs.log()
            finally:
                with contextlib.suppress(ProcessLookupError):  # the sandbox's kill came first
                    proc.kill()  # SIGKILL: no clean-up of any kind
                await proc.wait()
            at_kill.append(events())

        await runs.last_run(lambda: events() >= GUILDS, "every server's event")

        creates = [
            r for r in sb.requests if r.method == "POST" and r.template.endswith("scheduled-events")
        ]
        print(
            f"\nevents crash suite (seed {seed}): events at each kill {at_kill}; "
            f"{len(creates)} create(s) for {GUILDS} servers"
        )
        assert all(0 < n < GUILDS for n in at_kill), at_kill
        # 0 lost, 0 duplicates: Discord's view…
        counts = [len(sb.scheduled_events(g)) for g in sb.guilds]
        assert counts.count(1) == GUILDS, {n: counts.count(n) for n in set(counts)}
        assert sum(1 for r in creates if r.status == 200) == GUILDS
        # …and the store's, event for event.
        store = await Store.open(database)
        try:
            recorded = {(row.guild_id, row.event_id) for row in await store.events.all()}
        finally:
            await store.close()
        assert recorded == {(g.id, int(sb.scheduled_events(g)[0]["id"])) for g in sb.guilds}
        for log in logs:
            assert "Traceback" not in log.read_text(errors="replace"), log.name
