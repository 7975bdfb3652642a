"""Crash suite for forum posts: SIGKILL the bot between Discord making a post and the store
recording it, while it posts one change to 40 servers' forums.

A forum post takes no nonce, so a resend cannot be folded into the first post as a message's
is: the resend must find the post among the guild's active threads. Each run is killed by the
sandbox itself right after it has made a post, before the answer reaches the bot (the post
landed, its record did not); a last run finishes. In the end each forum holds exactly one
post, made by exactly one create, and the store records its id.

The seed of the kill schedule is printed; ``CRASH_SEED=<n>`` replays it.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

from bot.sandbox.driver import Sandbox
from bot.store import Store
from tests.reliability.conftest import (
    BotRuns,
    KillOnceMade,
    crash_schedule,
    ingest_one_change,
    sent_posts,
    until,
)
from tests.reliability.test_crash import ROUTE_LIMITS

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

GUILDS = 40
KILLS = 5
MAX_MADE = 6  # the sandbox kills the bot after 1 to this many posts of the run


async def test_sigkills_after_a_forum_post_leave_one_post_per_forum(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed, rng = crash_schedule()
    killer = KillOnceMade.on(monkeypatch, "start_post")  # before the routes are bound
    async with Sandbox(guilds=GUILDS, route_limits=ROUTE_LIMITS) as sb:
        forums = [sb.add_forum(g, "kitty-news", tags=["News"], require_tag=True) for g in sb.guilds]
        database = tmp_path / "kissbot.db"
        store = await Store.open(database)
        await store.migrate()
        for guild, forum in zip(sb.guilds, forums, strict=True):
            tag = sb.forum_tag(forum, "News")
            await store.guilds.update(
                guild.id,
                channel_id=forum,
                forum=True,
                forum_tag_id=tag,
                role_id=guild.role("News pings"),
            )
        await store.close()
        assert (await ingest_one_change(database, "http://127.0.0.1:9/outlet.xml")).queued == GUILDS

        def posted() -> int:
            return sum(1 for f in forums if sb.posts(f))

        runs = BotRuns(sb, database, tmp_path, killer.running)
        start, logs = runs.start, runs.logs

        at_kill: list[int] = []
        for _ in range(KILLS):
            killer.at = killer.made + rng.randint(1, MAX_MADE)
            proc = await start()
            try:
                await until(lambda p=proc: p.returncode is not None, 30, "the sandbox's kill")
                assert proc.returncode == -9, runs.log()
            finally:
                with contextlib.suppress(ProcessLookupError):
                    proc.kill()
                await proc.wait()
            at_kill.append(posted())

        await runs.last_run(lambda: posted() >= GUILDS, "every forum's post")

        creates = [r for r in sb.requests if r.method == "POST" and r.template.endswith("/threads")]
        print(f"\nforum crash suite (seed {seed}): posts at each kill {at_kill}")
        assert all(0 < n < GUILDS for n in at_kill), at_kill
        # 0 lost, 0 duplicates: Discord's view (one create each, so none was made twice)…
        counts = [len(sb.posts(f)) for f in forums]
        assert counts.count(1) == GUILDS, {n: counts.count(n) for n in set(counts)}
        assert sum(1 for r in creates if r.status == 201) == GUILDS
        # …and the store's, post for post.
        recorded = await sent_posts(database, GUILDS)
        assert recorded == {f: sb.posts(f)[0].id for f in forums}
        for forum in forums:
            (starter,) = sb.messages(sb.posts(forum)[0].id)
            assert starter.pinged_roles and not starter.pinged_everyone
        for log in logs:
            assert "Traceback" not in log.read_text(errors="replace"), log.name
