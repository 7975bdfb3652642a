"""Posts in an Announcement channel are published to the servers that follow it: the real
bot, a loopback feed and the sandbox Discord, which keeps Discord's ten an hour per channel."""

from __future__ import annotations

import time
from datetime import timedelta
from pathlib import Path

import pytest

from bot.client import KissBot
from bot.news import announce
from bot.news.announce import Announcer, Quota
from bot.sandbox.driver import Sandbox
from bot.sandbox.ratelimit import Limit
from tests.e2e.test_moderator_kit import Item, feed_world, poll, rss, until
from tests.feedserver import FeedServer

pytestmark = pytest.mark.e2e

CROSSPOST = "/channels/{channel_id}/messages/{message_id}/crosspost"
CHANGES = [
    Item("r", "Netflix renews XO, Kitty for season 4", age=timedelta(minutes=9)),
    Item("f", "XO, Kitty season 4 has officially started filming", age=timedelta(minutes=5)),
]


async def queue_news(server: FeedServer, bot: KissBot, items: list[Item]) -> int:
    """The guild's feed reports ``items`` after a baseline; returns the feed's id."""
    server.serve("/k.xml", rss("Kitty Weekly", []))
    feed = await bot.store.feeds.add(server.url("/k.xml"))
    await bot.store.feeds.subscribe(bot.guilds[0].id, feed.id, None)
    await poll(bot, feed.id)  # the baseline
    server.serve("/k.xml", rss("Kitty Weekly", items))
    assert (await poll(bot, feed.id)).queued == len(items)
    return feed.id


async def drain(bot: KissBot) -> int:
    """Send what is queued and let its publishes finish (they run off the lane); returns
    the posts sent."""
    sent = (await bot.news.drain()).sent
    await bot.news.announcer.settle()
    return sent


async def publish_news(server: FeedServer, bot: KissBot, items: list[Item]) -> int:
    """A feed the guild follows reports ``items`` after its baseline; returns the posts sent."""
    await queue_news(server, bot, items)
    return await drain(bot)


def crossposts(sb: Sandbox) -> int:
    return sum(r.template == CROSSPOST for r in sb.requests)


@pytest.mark.parametrize(("channel", "published"), [("news", True), ("announcements", False)])
async def test_a_change_is_published_from_an_announcement_channel_only(
    channel: str, published: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with feed_world(tmp_path, monkeypatch) as (sb, server, bot):
        target = sb.guild.channel(channel)
        reply = await sb.invoke("setup", {"channel": channel}, subcommand="channel")
        said = f"<#{target}> is an Announcement channel: I'll publish each post" in reply.content
        assert said == published
        view = await sb.invoke("setup", subcommand="view")
        checks = {f["name"]: f["value"] for f in view.embeds[0]["fields"]}["In the channel now"]
        assert ("is an Announcement channel" in checks) == published
        assert await publish_news(server, bot, CHANGES[:1]) == 1

        (post,) = sb.messages(target)
        assert "renewed" in post.embeds[0]["title"].lower()
        assert post.crossposted == published and crossposts(sb) == int(published)


async def test_past_the_hours_quota_a_post_is_sent_but_not_published(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The quota is the bot's own count, so the post past it costs no wait for Discord's
    hour: it is sent at once, and only not passed on."""
    async with feed_world(tmp_path, monkeypatch) as (sb, server, bot):
        news = sb.guild.channel("news")
        await sb.invoke("setup", {"channel": "news"}, subcommand="channel")
        bot.news.announcer.publishes = Quota(1, 3600.0)
        assert await publish_news(server, bot, CHANGES) == 2

        first, second = sb.messages(news)
        assert first.crossposted and not second.crossposted
        assert crossposts(sb) == 1


async def test_a_publish_discord_refuses_keeps_no_slot_of_the_hour(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A publish Discord refused (403: the bot lacked Manage Messages there for a moment)
    still used one of the channel's publishes of the hour in the bot's count, so with the
    hour's last slot the next post, which Discord would have published, was not."""
    async with feed_world(tmp_path, monkeypatch) as (sb, server, bot):
        news = sb.guild.channel("news")
        await sb.invoke("setup", {"channel": "news"}, subcommand="channel")
        bot.news.announcer.publishes = Quota(1, 3600.0)
        refused = sb.inject("POST", "/channels/*/messages/*/crosspost", 403)
        assert await publish_news(server, bot, CHANGES[:1]) == 1
        assert refused.served
        assert await publish_news(server, bot, CHANGES[1:]) == 1
        first, second = sb.messages(news)
        assert not first.crossposted and second.crossposted
        assert await publish_state(bot) == ["failed", "done"]


async def test_a_publish_discord_holds_up_is_let_go(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A restarted bot's count is fresh while Discord's is not: a 429 on the publish costs
    the lane the timeout, not Discord's hour, and the post stands."""
    monkeypatch.setattr(announce, "PUBLISH_TIMEOUT_S", 0.5)
    async with feed_world(tmp_path, monkeypatch) as (sb, server, bot):
        news = sb.guild.channel("news")
        await sb.invoke("setup", {"channel": "news"}, subcommand="channel")
        sb.inject("POST", "/channels/*/messages/*/crosspost", "429", retry_after=3600)
        started = time.monotonic()
        assert await publish_news(server, bot, CHANGES[:1]) == 1
        assert time.monotonic() - started < 5
        (post,) = sb.messages(news)
        assert not post.crossposted and await bot.store.outbox.counts() == {"sent": 1}


async def test_a_publish_held_by_discord_does_not_hold_the_next_post(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The hour's last publish comes back with no slots left, and discord.py waits out the
    hour before returning it: the guild's next post still goes out at its channel's pace."""
    monkeypatch.setattr(announce, "PUBLISH_TIMEOUT_S", 4.0)
    async with feed_world(tmp_path, monkeypatch) as (sb, server, bot):
        news = sb.guild.channel("news")
        await sb.invoke("setup", {"channel": "news"}, subcommand="channel")
        sb.server.limiter.route_limits[("POST", CROSSPOST)] = Limit(1, 3600.0)
        bot.news.announcer.publishes = Quota(1, 3600.0)
        await queue_news(server, bot, CHANGES)
        started = time.monotonic()
        assert (await bot.news.drain()).sent == 2
        assert time.monotonic() - started < 3  # one second between the posts, not four
        await bot.news.announcer.settle()
        first, second = sb.messages(news)
        assert first.crossposted and not second.crossposted


async def publish_state(bot: KissBot) -> list[str | None]:
    async with bot.store.db.conn.execute("SELECT publish FROM deliveries ORDER BY id") as cur:
        return [row[0] for row in await cur.fetchall()]


async def test_a_publish_cut_short_by_a_stop_is_resumed_by_the_next_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The post is sent and recorded; its publish, held by Discord, is dropped when the
    client closes. The next process (a new announcer on the same store) publishes it, and
    sends nothing again."""
    async with feed_world(tmp_path, monkeypatch) as (sb, server, bot):
        news = sb.guild.channel("news")
        await sb.invoke("setup", {"channel": "news"}, subcommand="channel")
        await queue_news(server, bot, CHANGES[:1])
        held = sb.inject("POST", "/channels/*/messages/*/crosspost", "429", retry_after=3600)
        assert (await bot.news.drain()).sent == 1
        await until(lambda: crossposts(sb) == 1)  # Discord answered: wait an hour
        bot.news.announcer.stop()
        await bot.news.announcer.settle()
        (post,) = sb.messages(news)
        assert not post.crossposted and await publish_state(bot) == ["due"]

        sb.server.limiter.faults.remove(held)
        after = Announcer(bot, bot.store)
        assert (await after.drain()).sent == 0
        await after.settle()
        assert [m.id for m in sb.messages(news)] == [post.id] and sb.messages(news)[0].crossposted
        assert await publish_state(bot) == ["done"]


async def test_a_publish_that_landed_before_its_record_is_recorded_as_done(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crash between Discord's publish and the store's record: the resume meets Discord's
    "already crossposted" and records the publish, with no error and no second post."""
    async with feed_world(tmp_path, monkeypatch) as (sb, server, bot):
        news = sb.guild.channel("news")
        await sb.invoke("setup", {"channel": "news"}, subcommand="channel")
        await queue_news(server, bot, CHANGES[:1])
        assert await drain(bot) == 1
        await bot.store.db.write("UPDATE deliveries SET publish = 'due', published_at = NULL")

        after = Announcer(bot, bot.store)
        await after.drain()
        await after.settle()
        assert crossposts(sb) == 2 and len(sb.messages(news)) == 1
        assert await publish_state(bot) == ["done"]


async def test_the_hours_publishes_are_counted_across_a_restart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The store's count of the hour's publishes carries over: a restarted bot does not
    spend a publish Discord would hold for the rest of the hour."""
    monkeypatch.setattr(announce, "PUBLISH_PER_HOUR", 1)
    async with feed_world(tmp_path, monkeypatch) as (sb, server, bot):
        news = sb.guild.channel("news")
        await sb.invoke("setup", {"channel": "news"}, subcommand="channel")
        feed_id = await queue_news(server, bot, CHANGES[:1])
        assert await drain(bot) == 1

        server.serve("/k.xml", rss("Kitty Weekly", CHANGES))
        assert (await poll(bot, feed_id)).queued == 1
        after = Announcer(bot, bot.store)
        assert (await after.drain()).sent == 1
        await after.settle()
        first, second = sb.messages(news)
        assert first.crossposted and not second.crossposted and crossposts(sb) == 1
        assert await publish_state(bot) == ["done", "skipped"]
