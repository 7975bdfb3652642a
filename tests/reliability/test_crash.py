"""Crash suite: SIGKILL the bot 20 times in the middle of a 1,000-guild fan-out.

The status change is queued (1,000 deliveries, written in one transaction by the real
``ingest``) before the first start. Each run of ``python -m bot run`` picks the outbox
up where the last one died and is killed at a random moment while posting; a last run
finishes. A kill can land between Discord accepting a post and the store marking it
sent: the resend carries the same nonce and Discord (the sandbox) folds it into the
first post. In the end every announcement channel holds exactly one post.

The seed of the kill schedule is printed; ``CRASH_SEED=<n>`` replays it.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.sandbox.driver import Sandbox
from bot.sandbox.ratelimit import DEFAULT_ROUTE_LIMITS, Limit
from bot.store import Store
from tests.reliability.conftest import (
    BotRuns,
    announce_everywhere,
    crash_schedule,
    ingest_one_change,
    sent_posts,
    until,
)

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

GUILDS = 1000
KILLS = 20
MAX_DELAY_S = 1.2  # after a run's first post; ~48 posts/s, so a run posts ~30 on average
# Each start syncs the dev guild's commands, and Discord allows 10 syncs per 20 s: 21 starts
# in ~45 s would wait out that limit twice (5 s each). Messages keep Discord's real limits.
ROUTE_LIMITS = {
    **DEFAULT_ROUTE_LIMITS,
    ("PUT", "/applications/{app_id}/guilds/{guild_id}/commands"): Limit(50, 20.0),
}


async def test_twenty_sigkills_during_a_1000_guild_fan_out(tmp_path: Path) -> None:
    seed, rng = crash_schedule()
    async with Sandbox(guilds=GUILDS, route_limits=ROUTE_LIMITS) as sb:
        database = tmp_path / "kissbot.db"
        store = await Store.open(database)
        await store.migrate()
        await announce_everywhere(store, sb)
        await store.close()
        report = await ingest_one_change(database, "http://127.0.0.1:9/outlet.xml")
        assert report.queued == GUILDS

        channels = [sb.world.channels[g.channel("announcements")] for g in sb.guilds]

        def posted() -> int:
            return sum(1 for c in channels if c.messages)

        runs = BotRuns(sb, database, tmp_path)
        start, logs = runs.start, runs.logs

        at_kill: list[int] = []
        for _ in range(KILLS):
            before = posted()
            proc = await start()
            try:
                await until(lambda b=before: posted() > b, 20, "the restarted bot to post")
                await asyncio.sleep(rng.uniform(0.0, MAX_DELAY_S))
                assert proc.returncode is None, f"the bot exited by itself: {runs.log()}"
            finally:
                proc.kill()  # SIGKILL: no clean-up of any kind
                await proc.wait()
            at_kill.append(posted())

        await runs.last_run(lambda: posted() >= GUILDS, "the fan-out to finish")

        posts = [r for r in sb.requests if r.method == "POST" and r.template.endswith("/messages")]
        resends = sum(1 for r in posts if r.status == 200) - GUILDS
        print(
            f"\ncrash suite (seed {seed}): posts at each kill {at_kill}; "
            f"{resends} post(s) resent after a kill and folded by nonce; "
            f"{sb.global_429s} global 429(s)"
        )
        # Every kill hit the fan-out itself, each run getting further.
        assert all(0 < n < GUILDS for n in at_kill), at_kill
        assert at_kill == sorted(at_kill)

        # 0 lost, 0 duplicates: Discord's view…
        counts = [len(sb.messages(c.id)) for c in channels]
        assert counts.count(1) == GUILDS, {n: counts.count(n) for n in set(counts)}
        # …and the store's, message for message.
        recorded = await sent_posts(database, GUILDS)
        assert recorded == {c.id: c.messages[0].id for c in channels}
        assert all(
            c.messages[0].pinged_roles and not c.messages[0].pinged_everyone for c in channels
        )
        for log in logs:
            assert "Traceback" not in log.read_text(errors="replace"), log.name
