"""Posts in an Announcement channel are published to the servers that follow it: the real
bot, a loopback feed and the sandbox Discord, which keeps Discord's ten an hour per channel."""

from __future__ import annotations

import time
from datetime import timedelta
from pathlib import Path

import pytest

from bot.client import KissBot
from bot.news import announce
from bot.news.announce import Quota
from bot.sandbox.driver import Sandbox
from bot.sandbox.ratelimit import Limit
from tests.e2e.test_moderator_kit import Item, feed_world, poll, rss
from tests.feedserver import FeedServer

pytestmark = pytest.mark.e2e

CROSSPOST = "/channels/{channel_id}/messages/{message_id}/crosspost"
CHANGES = [
    Item("r", "Netflix renews XO, Kitty for season 4", age=timedelta(minutes=9)),
    Item("f", "XO, Kitty season 4 has officially started filming", age=timedelta(minutes=5)),
]


async def publish_news(sb: Sandbox, server: FeedServer, bot: KissBot, items: list[Item]) -> int:
    """A feed the guild follows reports ``items`` after its baseline; returns the posts sent."""
    server.serve("/k.xml", rss("Kitty Weekly", []))
    feed = await bot.store.feeds.add(server.url("/k.xml"))
    await bot.store.feeds.subscribe(sb.guild.id, feed.id, None)
    await poll(bot, feed.id)  # the baseline
    server.serve("/k.xml", rss("Kitty Weekly", items))
    assert (await poll(bot, feed.id)).queued == len(items)
    sent = (await bot.news.drain()).sent
    await bot.news.announcer.settle()  # publishing runs off the lane
    return sent


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
        assert await publish_news(sb, server, bot, CHANGES[:1]) == 1

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
        assert await publish_news(sb, server, bot, CHANGES) == 2

        first, second = sb.messages(news)
        assert first.crossposted and not second.crossposted
        assert crossposts(sb) == 1


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
        assert await publish_news(sb, server, bot, CHANGES[:1]) == 1
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
        server.serve("/k.xml", rss("Kitty Weekly", []))
        feed = await bot.store.feeds.add(server.url("/k.xml"))
        await bot.store.feeds.subscribe(sb.guild.id, feed.id, None)
        await poll(bot, feed.id)
        server.serve("/k.xml", rss("Kitty Weekly", CHANGES))
        await poll(bot, feed.id)
        started = time.monotonic()
        assert (await bot.news.drain()).sent == 2
        assert time.monotonic() - started < 3  # one second between the posts, not four
        await bot.news.announcer.settle()
        first, second = sb.messages(news)
        assert first.crossposted and not second.crossposted
