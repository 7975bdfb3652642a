"""Memory the bot keeps as servers, channels, fans and news come and go (a soak).

The real bot runs in this process against the sandbox and one loopback feed. Each round,
``GUILDS`` new servers invite it, run ``/setup`` (channel, all-news mode, status card) and
``/feeds add``; ``FANS`` new fans each type into ``/cast``'s and ``/episode``'s
autocomplete, run ``/cast``, ``/progress set`` and a ``/recap`` past their progress (half
press *Show it anyway*, half let it time out); the feed publishes an article every new
server is sent; each server makes and deletes a channel, half remove the feed, and all
remove the bot. tracemalloc counts what the bot's own code (``bot/``, ``cogs/``, and
discord.py, APScheduler and aiosqlite under it; never the sandbox's) holds after the
first round, the baseline, and after the last: what a bot running for months would keep
per round shows as the difference. The bot's per-key structures are counted too.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.common import Json, Scale, all_met, goal, rounded
from bench.feeds import NewsFeed
from bot.client import KissBot
from bot.sandbox import state
from bot.sandbox.driver import Sandbox, running_bot
from bot.sandbox.gateway import GUILDS_INTENT

log = logging.getLogger("bench.soak")

GUILDS = 3  # new servers a round
FANS = 4  # new fans a round
REVEAL_S = 0.3  # "Show it anyway" waits this long here (5 minutes in the bot)
POSTED_WITHIN_S = 20.0
FRAMES = 16
# Allocations made under these belong to the apparatus, wherever else they were made.
_APPARATUS = ("/bot/sandbox/", "/bench/")
# The bot's own code, and the libraries that only the bot uses here.
_OWN = ("/bot/", "/cogs/")
_LIBRARIES = ("/discord/", "/apscheduler/", "/aiosqlite/")


def held_by_bot(snapshot: tracemalloc.Snapshot) -> tuple[int, int]:
    """Bytes traced that the bot's own code allocated (where the allocation was made), and
    those made anywhere under the bot's code or its libraries; never under the apparatus."""
    own = under = 0
    for stat in snapshot.statistics("traceback"):
        files = [frame.filename for frame in stat.traceback]  # oldest call first
        if any(a in f for f in files for a in _APPARATUS):
            continue
        if any(o in files[-1] for o in _OWN):
            own += stat.size
        if any(b in f for f in files for b in (*_OWN, *_LIBRARIES)):
            under += stat.size
    return own, under


# Counts a round leaves as it found them (the others may grow to their bounds; the tasks
# count is reported only: a poll may be running as it is read).
_RETURN_TO_BASELINE = ("publishing_tasks", "views", "scheduler_jobs", "guilds_cached")


def structures(bot: KissBot) -> dict[str, int]:
    """Sizes of what the bot keeps per guild, channel, fan, delivery or feed."""
    announcer = bot.news.announcer
    views = bot._connection._view_store
    feeds: Any = bot.get_cog("Feeds")
    return {
        "pacer_keys": len(announcer.pacer._next) + len(announcer.channel_pacer._next),
        "publish_quota_keys": len(announcer.publishes._used),
        "publishing_tasks": len(announcer._publishing),
        "views": sum(len(items) for items in views._views.values()),
        "scheduler_jobs": len(bot.scheduler.get_jobs()),
        "guilds_cached": len(bot.guilds),
        "feed_add_cooldowns": len(feeds.add_cooldown._last),
        "tasks": len(asyncio.all_tasks()),
    }


def _join(sb: Sandbox) -> state.GuildIds:
    """A new server invites the bot (GUILD_CREATE)."""
    world = sb.world
    guild = world._build_guild(len(world.guilds))
    world.guilds[guild.id] = guild
    world.channels.update(guild.channels)
    # A join's GUILD_CREATE has no "unavailable" (false means back from an outage).
    joined = {k: v for k, v in guild.payload().items() if k != "unavailable"}
    sb.server.gateway.dispatch_guild_create(joined)
    ids = world.ids_of(guild)
    sb.guilds.append(ids)
    return ids


def _fan(sb: Sandbox, guild: state.GuildIds, n: int) -> int:
    user = state.User(sb.world.ids.seeded(), f"fan{n}")
    sb.world.users[user.id] = user
    sb.world.guilds[guild.id].members[user.id] = state.Member(user, [])
    return user.id


def _channel_comes_and_goes(sb: Sandbox, guild: state.GuildIds, name: str) -> None:
    channel = state.Channel(sb.world.ids.seeded(), state.TEXT, name, 9, guild.id)
    channel.changed = asyncio.Event()
    sb.world.guilds[guild.id].channels[channel.id] = channel
    sb.world.channels[channel.id] = channel
    sb.server.gateway.dispatch("CHANNEL_CREATE", channel.payload(), intent=GUILDS_INTENT)
    sb.delete_channel(channel.id)


async def _until(done: Callable[[], object], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError(what)
        await asyncio.sleep(0.05)


async def churn(sb: Sandbox, bot: KissBot, feed: NewsFeed, r: int) -> None:
    """One round (see the module's docstring)."""
    joined = [_join(sb) for _ in range(GUILDS)]
    await _until(lambda: all(bot.get_guild(g.id) for g in joined), 10, "guilds not joined")
    for g in joined:
        await sb.invoke("setup", {"channel": g.channels["news"]}, guild=g, subcommand="channel")
        await sb.invoke("setup", {"mode": "all"}, guild=g, subcommand="mode")
        await sb.invoke("setup", {"channel": g.channels["general"]}, guild=g, subcommand="card")
        await sb.invoke("feeds", {"url": feed.url}, guild=g, subcommand="add", timeout=30)
    for f in range(FANS):
        g = joined[f % GUILDS]
        fan = _fan(sb, g, r * 1000 + f)
        await sb.autocomplete("cast", {"name": f"min{r}-{f}"}, focused="name", guild=g, user=fan)
        await sb.autocomplete(
            "episode", {"episode": f"s{r}e{f}"}, focused="episode", guild=g, user=fan
        )
        await sb.invoke("cast", {"name": f"kitty {r} {f}"}, guild=g, user=fan)
        await sb.invoke("progress", {"episode": "S1E1"}, subcommand="set", guild=g, user=fan)
        gated = await sb.invoke("recap", {"season": 2}, guild=g, user=fan)
        if f % 2 and gated.buttons:
            await sb.click(gated, "recap:reveal", user=fan)
    feed.publish(f"XO, Kitty's Anna Cathcart talks fans, fame and K-dramas, part {r}")
    await _until(
        lambda: all(sb.messages(g.channels["news"]) for g in joined),
        POSTED_WITHIN_S,
        f"round {r}: the article was not posted in every new server",
    )
    for g in joined:
        _channel_comes_and_goes(sb, g, f"tmp{r}")
        if r % 2 == 0:
            await sb.invoke("feeds", {"feed": feed.url}, guild=g, subcommand="remove")
        sb.remove_guild(g)
    await _until(lambda: not any(bot.get_guild(g.id) for g in joined), 10, "guilds not left")
    await asyncio.sleep(REVEAL_S * 2)  # the unanswered questions time out


async def _held(bot: KissBot) -> tuple[tuple[int, int], dict[str, int]]:
    gc.collect()
    return held_by_bot(tracemalloc.take_snapshot()), structures(bot)


async def measure(scale: Scale) -> Json:
    rounds = scale.pick(8, 3)
    with tempfile.TemporaryDirectory(prefix="kissbot-bench-soak-") as tmpdir:
        async with contextlib.AsyncExitStack() as stack:
            feed = await stack.enter_async_context(NewsFeed())
            sb = await stack.enter_async_context(Sandbox(guilds=1))
            bot = await stack.enter_async_context(
                running_bot(sb, Path(tmpdir), feed_poll_seconds=1)
            )
            # the module as the bot loaded it (an extension is a module of its own)
            sys.modules["cogs.recap"].REVEAL_SECONDS = REVEAL_S  # type: ignore[attr-defined]
            # The first server follows the feed for good: its poll job outlives the churn.
            await sb.invoke("feeds", {"url": feed.url}, subcommand="add", timeout=60)
            await churn(sb, bot, feed, 0)  # first-use caches and imports
            tracemalloc.start(FRAMES)
            try:
                await churn(sb, bot, feed, 1)
                (own_1, under_1), sizes_1 = await _held(bot)
                started = time.perf_counter()
                for r in range(2, rounds + 1):
                    await churn(sb, bot, feed, r)
                per_round_s = (time.perf_counter() - started) / (rounds - 1)
                (own_n, under_n), sizes_n = await _held(bot)
            finally:
                tracemalloc.stop()

    def kib(held: int) -> float:
        return rounded(held / 1024, 1)

    def a_round(first: int, last: int) -> float:
        return rounded((last - first) / 1024 / (rounds - 1), 2)

    log.info(
        "soak: the bot's code holds %.1f KiB after round 1, %.1f KiB after round %d; with "
        "its libraries %.1f and %.1f KiB",
        own_1 / 1024,
        own_n / 1024,
        rounds,
        under_1 / 1024,
        under_n / 1024,
    )
    # Bounded structures still filling grow a little in a run this short: each channel's
    # publishes of the hour (``Quota``), the lookup memos (4,096 queries), CPython's free
    # lists; with the libraries, discord.py's rate-limit buckets (one per interaction, kept 5
    # idle minutes). A fan's recap question or a guild's state kept would be far more.
    # What no round should leave behind: a view (with its timeout task), a job, a guild.
    kept = sum(sizes_n[k] - sizes_1[k] for k in _RETURN_TO_BASELINE)
    goals = {
        "own_kib_per_round": goal(a_round(own_1, own_n), "<=", 8),
        "views_jobs_guilds_kept": goal(kept, "<=", 0),
    }
    return {
        "rounds": rounds,
        "guilds_per_round": GUILDS,
        "fans_per_round": FANS,
        "own_kib_after_round_1": kib(own_1),
        "own_kib_after_last_round": kib(own_n),
        "own_kib_per_round": a_round(own_1, own_n),
        "with_libraries_kib_after_round_1": kib(under_1),
        "with_libraries_kib_after_last_round": kib(under_n),
        "with_libraries_kib_per_round": a_round(under_1, under_n),
        "structures_after_round_1": sizes_1,
        "structures_after_last_round": sizes_n,
        "round_s": rounded(per_round_s, 2),
        "baseline": {"own_kib_after_round_1": kib(own_1)},
        "goals": goals,
        "met": all_met(goals),
    }


def run(scale: Scale) -> Json:
    return asyncio.run(measure(scale))
