"""One status change announced in 1,000 guilds, under Discord's 50 requests/s.

The true path, in the real bot process: every guild has run ``/setup`` (its
announcements channel is in the store), the bot follows one loopback feed, primes it,
and then the feed publishes a change. The bot's pipeline queues one delivery per guild
and its Announcer drains them while the sandbox enforces the global limit and the
per-channel buckets. Baseline: a bare discord.py client posting the same 1,000 messages
as fast as discord.py's own rate-limit handling allows, against a fresh sandbox.
"""

from __future__ import annotations

import asyncio
import logging
import tempfile
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

import discord

from bench.common import STDERR_FD, Json, Scale, all_met, child_env, goal, ratio, rounded
from bench.feeds import NewsFeed
from bot.endpoint import point_discord_at
from bot.sandbox.driver import Sandbox, spawn_bot
from bot.sandbox.server import RequestRecord
from bot.store import Store

log = logging.getLogger("bench.fanout")

LIMIT_PER_S = 50
POST = ("POST", "/channels/{channel_id}/messages")
CHANGE = "XO, Kitty season 4 has officially started filming in Seoul, Netflix confirms"


def posts(records: list[RequestRecord]) -> list[RequestRecord]:
    return [r for r in records if (r.method, r.template) == POST]


def rate(sent: list[RequestRecord]) -> float:
    """Messages per second from the first accepted post to the last."""
    ok = [r.at for r in sent if r.status == 200]
    if len(ok) < 2 or ok[-1] == ok[0]:
        return 0.0
    return (len(ok) - 1) / (ok[-1] - ok[0])


async def _configure(database: Path, sb: Sandbox) -> dict[int, int]:
    """Every guild ran /setup: channel id -> guild id."""
    store = await Store.open(database)
    try:
        await store.migrate()
        channels = {}
        for guild in sb.guilds:
            channel = guild.channels["announcements"]
            await store.guilds.update(guild.id, channel_id=channel)
            channels[channel] = guild.id
        return channels
    finally:
        await store.close()


async def _delivered(sb: Sandbox, channels: dict[int, int], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while sum(1 for c in channels if sb.messages(c)) < len(channels):
        if time.monotonic() > deadline:
            return
        await asyncio.sleep(0.25)


async def bot_fanout(guilds: int) -> Json:
    with tempfile.TemporaryDirectory(prefix="kissbot-bench-fanout-") as tmpdir:
        tmp = Path(tmpdir)
        async with NewsFeed() as feed, Sandbox(guilds=guilds) as sb:
            channels = await _configure(tmp / "bot.db", sb)
            feed.publish("Where to watch every season of XO, Kitty", age=timedelta(hours=30))
            feeds_file = tmp / "feeds.toml"
            feeds_file.write_text(f'[[feed]]\nurl = "{feed.url}"\n', "utf-8")
            env = child_env(FEEDS_FILE=str(feeds_file), FEED_POLL_SECONDS="1")
            proc = await spawn_bot(sb, env, database_path=tmp / "bot.db", stdout=STDERR_FD)
            try:
                await sb.wait_for_identify(timeout=120)
                await feed.wait_hits(2, timeout=60)  # a second poll: the first one primed it
                first = len(sb.requests)
                global_429s = sb.global_429s
                feed.publish(CHANGE)
                published = time.monotonic()
                await _delivered(sb, channels, timeout=30 + guilds / 20)
                await asyncio.sleep(2.0)  # room for a late duplicate to show
            finally:
                proc.terminate()
                await proc.wait()
            sent = posts(sb.requests[first:])
            per_channel = Counter(len(sb.messages(c)) for c in channels)
            accepted = Counter(r.path for r in sent if r.status == 200)
            ok = [r.at for r in sent if r.status == 200]
            return {
                "guilds": guilds,
                "msgs_per_s": rounded(rate(sent), 2),
                "lost": per_channel[0],
                "duplicates": sum((n - 1) * k for n, k in per_channel.items() if n > 1),
                "duplicate_posts": sum(n - 1 for n in accepted.values() if n > 1),
                "global_429s": sb.global_429s - global_429s,
                "route_429s": sb.route_429s,
                "first_post_after_s": rounded(ok[0] - published, 2) if ok else None,
                "last_post_after_s": rounded(ok[-1] - published, 2) if ok else None,
                "peak_requests_in_1s": sb.peak_requests_per_second(),
            }


async def bare_fanout(guilds: int) -> Json:
    """A plain discord.py client, no pacing of its own: discord.py's limiter alone."""
    quiet = logging.getLogger("discord")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # one warning per global 429 otherwise
    try:
        return await _bare_fanout(guilds)
    finally:
        quiet.setLevel(level)


async def _bare_fanout(guilds: int) -> Json:
    async with Sandbox(guilds=guilds) as sb:
        point_discord_at(sb.api_base, sb.gateway_url)
        client = discord.Client(intents=discord.Intents.none())
        await client.login(sb.token)
        gate = asyncio.Semaphore(LIMIT_PER_S)

        async def one(channel: int) -> None:
            async with gate:
                await client.get_partial_messageable(channel).send(CHANGE)

        try:
            first = len(sb.requests)
            await asyncio.gather(*(one(g.channels["announcements"]) for g in sb.guilds))
        finally:
            await client.close()
        sent = posts(sb.requests[first:])
        return {
            "msgs_per_s": rounded(rate(sent), 2),
            "global_429s": sb.global_429s,
            "route_429s": sb.route_429s,
        }


async def measure(scale: Scale) -> Json:
    guilds = scale.pick(1000, 100)
    figures = await bot_fanout(guilds)
    baseline = await bare_fanout(guilds)
    log.info("bot %.1f msgs/s, bare discord.py %.1f", figures["msgs_per_s"], baseline["msgs_per_s"])
    fraction = ratio(figures["msgs_per_s"], LIMIT_PER_S)
    goals = {
        "ratio": goal(fraction, ">=", 0.9),
        "lost": goal(figures["lost"], "<=", 0),
        "duplicates": goal(figures["duplicates"] + figures["duplicate_posts"], "<=", 0),
        "global_429s": goal(figures["global_429s"], "<=", 10),
    }
    return {
        **figures,
        "limit_per_s": LIMIT_PER_S,
        "ratio": fraction,
        "baseline": {"bare_discord_py": baseline},
        "ratio_to_baseline": ratio(figures["msgs_per_s"], baseline["msgs_per_s"]),
        "goals": goals,
        "met": all_met(goals),
    }


def run(scale: Scale) -> Json:
    return asyncio.run(measure(scale))
