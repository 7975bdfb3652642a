"""Discord faults in the middle of a fan-out: nothing lost, nothing doubled.

One status change, ingested by the real pipeline from a loopback feed, goes to 90 guilds.
While the bot drains it, the sandbox answers with a global 429, per-route 429s, 500, 502,
503 and 504, drops a connection, refuses one guild's channel (403), has lost another's
channel (404), and sends op 7 (reconnect) and op 9 (invalid session) on the gateway.
Afterwards every other guild has exactly one post, the two broken guilds are paused with
one notice each in their system channel, and the store agrees with what Discord shows.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.news.announce import Announcer
from bot.news.pipeline import poll_feed
from bot.sandbox import perms
from bot.sandbox.gateway import GUILDS_INTENT
from bot.sandbox.ratelimit import Fault
from tests.e2e.test_moderator_kit import Item, rss
from tests.reliability.conftest import announce_everywhere, bot_world, until

pytestmark = pytest.mark.e2e

GUILDS = 90
POSTS = "/channels/*/messages"


@pytest.mark.usefixtures("system_channels")
async def test_a_fan_out_through_rate_limits_errors_lost_channels_and_reconnects(
    tmp_path: Path,
) -> None:
    async with bot_world(tmp_path, guilds=GUILDS) as (sb, server, bot):
        store = bot.store
        await announce_everywhere(store, sb)
        forbidden, deleted = sb.guilds[3], sb.guilds[GUILDS // 2]
        healthy = [g for g in sb.guilds if g not in (forbidden, deleted)]
        announcements = {g.id: g.channel("announcements") for g in sb.guilds}

        # One change through the real pipeline: a first poll primes the feed, the second
        # sees the news and queues one delivery per guild.
        old = Item("old", "XO, Kitty season 3 recap")
        server.serve("/outlet.xml", rss("Outlet", [old]), etag='"1"')
        feed = await store.feeds.add(server.url("/outlet.xml"), shared=True)
        assert (await poll_feed(bot.news.deps, feed)).queued == 0
        news = Item("s4", "Netflix confirms XO, Kitty season 4 has started filming", summary="")
        server.serve("/outlet.xml", rss("Outlet", [news, old]), etag='"2"')
        primed = await store.feeds.get(feed.id)
        assert primed is not None
        assert (await poll_feed(bot.news.deps, primed)).queued == GUILDS

        # Two destinations are broken before anything is sent.
        sb.set_bot_permissions(forbidden.channel("announcements"), deny=perms.SEND_MESSAGES)
        sb.delete_channel(deleted.channel("announcements"))

        def posted() -> int:
            return sum(1 for g in healthy if sb.messages(announcements[g.id]))

        faults: list[Fault] = []
        drain = asyncio.create_task(bot.news.drain())
        await until(lambda: posted() >= 10, 10, "the fan-out to start")
        faults.append(sb.inject("POST", POSTS, "429-global", retry_after=0.4))
        faults.append(sb.inject("POST", POSTS, "429", count=3, retry_after=0.3))
        await until(lambda: posted() >= 25, 10, "the fan-out to pass 25 guilds")
        await sb.reconnect()  # op 7: the bot resumes while posting
        assert not drain.done()
        for kind in (500, 502, 503, 504, "drop"):
            faults.append(sb.inject("POST", POSTS, kind))
        await until(lambda: posted() >= 45, 10, "the fan-out to pass 45 guilds")
        # op 9, not resumable: discord.py identifies afresh (after its identify delay).
        reidentified = asyncio.create_task(sb.invalidate_session(resumable=False))
        await asyncio.sleep(0.01)  # let the task send op 9
        assert not drain.done()
        await until(lambda: posted() >= 60, 10, "the fan-out to pass 60 guilds")
        faults.append(sb.inject("POST", POSTS, 503))
        report = await drain
        assert report is not None
        await reidentified

        assert all(f.served == f.count for f in faults), [(f.kind, f.served) for f in faults]
        assert sb.global_429s >= 1 and sb.route_429s >= 3
        assert report.disabled_guilds == {forbidden.id, deleted.id}
        # 503 and a dropped connection are Discord's trouble, not ours: retried later. The
        # paused guilds' posts are held for them.
        counts = await store.outbox.counts()
        assert report.held == 2 and not report.failed
        assert counts.get("pending", 0) == report.retried + 2 and report.retried >= 2, counts

        # The retries fall due (a clock a quarter of an hour ahead) and are sent.
        later = Announcer(bot, store, now=lambda: datetime.now(UTC) + timedelta(minutes=15))
        again = await later.drain()
        assert again.sent == report.retried and not again.failed and not again.retried
        assert await store.outbox.counts() == {"sent": GUILDS - 2, "pending": 2}  # held

        # Discord's view: one post per healthy guild, pinging its role only.
        for guild in healthy:
            (post,) = sb.messages(announcements[guild.id])
            assert post.embeds and "filming" in post.embeds[0]["title"]
            assert post.pinged_roles == (guild.role("News pings"),)
            assert not post.pinged_everyone and not post.pinged_users
            assert sb.messages(guild.channel("general")) == []
        assert sb.messages(forbidden.channel("announcements")) == []
        # The store's view matches message for message.
        async with store.db.conn.execute(
            "SELECT guild_id, message_id FROM deliveries WHERE state = 'sent'"
        ) as cur:
            recorded = {row[0]: row[1] for row in await cur.fetchall()}
        assert recorded == {g.id: sb.messages(announcements[g.id])[0].id for g in healthy}

        # The broken guilds are paused, each told once in its system channel.
        for guild, why in ((forbidden, "missing permissions"), (deleted, "channel not found")):
            settings = await store.guilds.get(guild.id)
            assert not settings.announces and why in (settings.disabled_reason or "")
            (notice,) = sb.messages(guild.channel("general"))
            assert "I stopped posting news here" in notice.content and why in notice.content
            assert not notice.pinged_everyone and not notice.pinged_roles
        assert (await later.drain()).sent == 0  # nothing left, nothing sent twice
        assert sum(len(sb.messages(g.channel("general"))) for g in sb.guilds) == 2

        stats = sb.server.gateway.stats
        assert stats.resumes >= 1 and stats.ready_sent >= 2
        assert (await sb.invoke("ping")).content == "pong"


@pytest.mark.usefixtures("system_channels")
async def test_a_notice_that_meets_a_discord_outage_is_sent_when_discord_is_back(
    tmp_path: Path,
) -> None:
    # A moderator notice (here: a followed feed is gone) must survive Discord's bad moments
    # like a delivery does: a 5xx is retried on a later drain, and a guild Discord reports
    # unavailable is not even tried until it is back.
    async with bot_world(tmp_path, guilds=2) as (sb, server, bot):
        store = bot.store
        await announce_everywhere(store, sb)
        server.status("/gone.xml", 410)
        feed = await store.feeds.add(server.url("/gone.xml"))
        for guild in sb.guilds:
            await store.feeds.subscribe(guild.id, feed.id, added_by=sb.admin_id)
        a, b = sb.guilds
        a_channel, b_channel = a.channel("announcements"), b.channel("announcements")

        def posts_to(channel: int) -> int:
            return sum(
                1
                for r in sb.requests
                if r.method == "POST" and r.path.endswith(f"/{channel}/messages")
            )

        # Guild B's Discord is down (GUILD_DELETE unavailable) and guild A's channel hiccups.
        sb.server.gateway.dispatch(
            "GUILD_DELETE", {"id": str(b.id), "unavailable": True}, intent=GUILDS_INTENT
        )
        await until(lambda: getattr(bot.get_guild(b.id), "unavailable", False), 5, "B unavailable")
        sb.inject("POST", f"/channels/{a_channel}/messages", 503)
        await poll_feed(bot.news.deps, feed)  # 410: disabled, one notice per follower
        await bot.news.drain()
        assert sb.messages(a_channel) == [] and sb.messages(b_channel) == []
        assert posts_to(b_channel) == 0  # not tried while B is unavailable

        await bot.news.drain()  # A's channel answers again
        assert len(sb.messages(a_channel)) == 1 and sb.messages(b_channel) == []

        sb.server.gateway.dispatch(
            "GUILD_CREATE", sb.world.guilds[b.id].payload(), intent=GUILDS_INTENT
        )
        await until(lambda: not getattr(bot.get_guild(b.id), "unavailable", True), 5, "B back")
        await bot.news.drain()
        await bot.news.drain()
        for channel in (a_channel, b_channel):
            (notice,) = sb.messages(channel)
            assert "I stopped polling the feed" in notice.content and "HTTP 410" in notice.content
