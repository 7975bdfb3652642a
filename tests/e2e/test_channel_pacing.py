"""Per-channel pacing through the sandbox Discord and discord.py's own rate limiting.

One guild has a backlog, three others a post each. The backlog must reach its channel in
the order queued, spaced by the announcer (not by 429s or discord.py's bucket waits), and
the other guilds must not wait behind it. The sandbox's channel bucket is scaled down with
the interval: 5 posts per second instead of 5 per 5 s.
"""

from __future__ import annotations

import itertools
from typing import Any

import discord
import pytest

from bot.news.announce import Announcer
from bot.sandbox.driver import Sandbox
from bot.sandbox.ratelimit import DEFAULT_ROUTE_LIMITS, Limit
from bot.sandbox.server import RequestRecord
from bot.sandbox.state import GuildIds
from bot.store import Store

pytestmark = pytest.mark.e2e

POST = ("POST", "/channels/{channel_id}/messages")
INTERVAL = 0.2
BACKLOG = 8  # more than one bucket's worth


def posts_to(records: list[RequestRecord], channel_id: int) -> list[RequestRecord]:
    return [
        r for r in records if (r.method, r.path) == ("POST", f"/channels/{channel_id}/messages")
    ]


async def queue(store: Store, guild: GuildIds, title: str) -> None:
    await store.outbox.enqueue(
        guild_id=guild.id,
        channel_id=guild.channel("announcements"),
        dedupe_key=f"story:{title}",
        message={"content": "", "role_id": None, "embed": {"title": title}},
    )


async def test_a_backlog_is_spaced_in_order_without_429s_and_holds_up_no_other_guild(
    store: Store, point_discord: Any
) -> None:
    limits = {**DEFAULT_ROUTE_LIMITS, POST: Limit(5, 5 * INTERVAL)}
    async with Sandbox(guilds=4, route_limits=limits) as sb:
        point_discord(sb)
        busy, *others = sb.guilds
        client = discord.Client(intents=discord.Intents.none())
        try:
            for guild in sb.guilds:
                await store.guilds.update(guild.id, channel_id=guild.channel("announcements"))
            for n in range(BACKLOG):
                await queue(store, busy, f"backlog {n}")
            for guild in others:
                await queue(store, guild, f"news for {guild.name}")
            await store.outbox.add_notice(busy.id, "notice:1", "A word for the moderators.")
            await client.login(sb.token)
            first = len(sb.requests)
            # Two slots only: a backlog that slept in them would stall every other guild.
            announcer = Announcer(client, store, channel_interval=INTERVAL, concurrency=2)
            report = await announcer.drain()
        finally:
            await client.close()

        assert (report.sent, report.retried, report.failed) == (BACKLOG + len(others), 0, 0)
        # In the order queued, the notice last: it is paced like any post to the channel.
        channel = busy.channel("announcements")
        posted = [m.embeds[0]["title"] if m.embeds else m.content for m in sb.messages(channel)]
        assert posted == [f"backlog {n}" for n in range(BACKLOG)] + ["A word for the moderators."]

        # Every request to the busy channel was accepted, the first time.
        to_busy = posts_to(sb.requests[first:], channel)
        assert [r.status for r in to_busy] == [200] * (BACKLOG + 1)
        assert sb.route_429s == 0 and sb.global_429s == 0
        # Spaced by the interval (less a little for the loopback's jitter).
        gaps = [b.at - a.at for a, b in itertools.pairwise(to_busy)]
        assert min(gaps) >= INTERVAL - 0.02, gaps

        # The other guilds went out while the backlog waited: before its second post.
        for guild in others:
            (post,) = posts_to(sb.requests[first:], guild.channel("announcements"))
            assert post.status == 200 and post.at < to_busy[1].at
