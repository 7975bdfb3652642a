"""A moderator's change reaches the posts already queued: a removed feed's, those a feed's
new filter drops, the articles a switch to "status changes only" no longer wants, and
everything after /setup reset are not sent later (an outage's retries and a pause hold posts
for up to a day)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from pathlib import Path

import pytest

from bot.client import KissBot
from bot.moderation.cooldown import GuildCooldown
from bot.sandbox.driver import Sandbox
from bot.store.feeds import Feed
from tests.e2e.test_moderator_kit import BACKLOG_ITEM, Item, feed_world, kitty_feed, poll, rss
from tests.feedserver import FeedServer

pytestmark = pytest.mark.e2e

CHANGE = Item("n1", "Netflix renews XO, Kitty for season 4", age=timedelta(minutes=3))
ARTICLE = Item("n2", "XO, Kitty star Anna Cathcart talks fashion", age=timedelta(minutes=2))
# Another outlet's word of CHANGE.
RETOLD = Item("o1", "Netflix has renewed XO, Kitty for season 4", age=timedelta(minutes=1))


async def other_outlet(sb: Sandbox, server: FeedServer, bot: KissBot) -> Feed:
    """A second feed the server follows, "Other Outlet", added with its backlog only."""
    other = server.url("/other.xml")
    server.serve("/other.xml", rss("Other Outlet", [BACKLOG_ITEM]))
    bot.get_cog("Feeds").add_cooldown = GuildCooldown(0)  # type: ignore[union-attr]
    await sb.invoke("feeds", {"url": other}, subcommand="add")
    outlet = await bot.store.feeds.by_url(other)
    assert outlet is not None
    return outlet


@asynccontextmanager
async def two_queued(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[tuple[Sandbox, KissBot, Feed]]:
    """An all-news server whose feed just queued CHANGE and ARTICLE, neither sent yet."""
    async with feed_world(tmp_path, monkeypatch, mode="all") as (sb, server, bot):
        feed, backlog = await kitty_feed(sb, server, bot)
        server.serve("/kitty.xml", rss("Kitty Weekly", [ARTICLE, CHANGE, *backlog]))
        assert (await poll(bot, feed.id)).queued == 2
        yield sb, bot, feed


async def test_posts_queued_from_a_feed_the_server_removes_are_not_sent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with two_queued(tmp_path, monkeypatch) as (sb, bot, feed):
        reply = await sb.invoke("feeds", {"feed": str(feed.id)}, subcommand="remove")
        assert "Stopped following **Kitty Weekly**" in reply.content
        assert "2 of its posts still queued here won't be sent" in reply.content
        await bot.news.drain()
        assert sb.messages(sb.guild.channel("announcements")) == []


async def test_a_removed_feeds_change_comes_once_from_the_other_feed_that_carried_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A guild hears a change once: another outlet's word of it, polled after the first
    feed queued it, queued nothing. Removing the first feed before its post went out lost
    the change, though the other outlet, still followed, carried it."""
    async with feed_world(tmp_path, monkeypatch) as (sb, server, bot):
        kitty, backlog = await kitty_feed(sb, server, bot)
        server.serve("/kitty.xml", rss("Kitty Weekly", [ARTICLE, CHANGE, *backlog]))
        assert (await poll(bot, kitty.id)).queued == 1
        outlet = await other_outlet(sb, server, bot)
        server.serve("/other.xml", rss("Other Outlet", [RETOLD, BACKLOG_ITEM]))
        report = await poll(bot, outlet.id)
        assert report.verdicts == {"repeat": 1} and report.queued == 0
        reply = await sb.invoke("feeds", {"feed": str(kitty.id)}, subcommand="remove")
        assert "1 of its posts still queued here won't be sent" in reply.content
        assert "1 of them will come from another of your feeds instead" in reply.content
        await bot.news.drain()
        (post,) = sb.messages(sb.guild.channel("announcements"))
        assert "season 4: renewed" in str(post.embeds)
        assert "has renewed" in str(post.embeds) and "news.example/o1" in str(post.embeds)
        why = await sb.invoke("feeds", {"article": "has renewed"}, subcommand="why")
        assert "which this server had not heard" in str(why.embeds)
        assert "this server got this article's post" in str(why.embeds)


async def test_a_switch_to_changes_only_drops_the_queued_articles_not_the_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with two_queued(tmp_path, monkeypatch) as (sb, bot, _):
        reply = await sb.invoke("setup", {"mode": "changes"}, subcommand="mode")
        assert "1 queued article that tells no status change won't be posted" in reply.content
        await bot.news.drain()
        (post,) = sb.messages(sb.guild.channel("announcements"))
        assert "season 4" in str(post.embeds).casefold()
        assert "fashion" not in str(post.embeds).casefold()


async def test_setup_reset_drops_what_was_queued(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with two_queued(tmp_path, monkeypatch) as (sb, bot, _):
        await sb.invoke("setup", subcommand="reset")
        # Straight back to a channel, before any drain: the reset said "no posts".
        await sb.invoke("setup", {"channel": "announcements"}, subcommand="channel")
        await bot.news.drain()
        assert sb.messages(sb.guild.channel("announcements")) == []


async def test_a_new_filter_drops_the_queued_posts_it_does_not_want(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """/feeds filter reached only news polled after it: a post its feed had queued (a retry
    or a paused channel keeps it up to a day) went out whatever the new filter said."""
    async with two_queued(tmp_path, monkeypatch) as (sb, bot, feed):
        # Both posts have "XO, Kitty" (one word, commas and all): none is withdrawn.
        options = {"feed": str(feed.id), "include": '"XO, Kitty"'}
        reply = await sb.invoke("feeds", options, subcommand="filter")
        assert 'only with: "XO, Kitty".' in reply.content
        assert "queued" not in reply.content
        options = {"feed": str(feed.id), "include": '"season 4", renewal', "exclude": "quiz"}
        reply = await sb.invoke("feeds", options, subcommand="filter")
        assert "1 of its posts still queued here won't be sent" in reply.content
        await bot.news.drain()
        (post,) = sb.messages(sb.guild.channel("announcements"))
        assert "season 4" in str(post.embeds).casefold()
        assert "fashion" not in str(post.embeds).casefold()
        why = await sb.invoke("feeds", {"article": "talks fashion"}, subcommand="why")
        assert "not sent: this server's filter on its feed dropped it first" in str(why.embeds)


async def test_a_switch_of_mode_tells_neither_a_change_nor_a_story_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "changes" keys a post by its change, "all" by its story: the change posted in
    all-news mode was told again by another outlet's word of it after a switch to
    "changes", and the story again by another outlet's copy after a switch back."""
    async with feed_world(tmp_path, monkeypatch, mode="all") as (sb, server, bot):
        kitty, backlog = await kitty_feed(sb, server, bot)
        server.serve("/kitty.xml", rss("Kitty Weekly", [CHANGE, *backlog]))
        assert (await poll(bot, kitty.id)).queued == 1
        await bot.news.drain()
        channel = sb.guild.channel("announcements")
        assert len(sb.messages(channel)) == 1
        outlet = await other_outlet(sb, server, bot)
        await sb.invoke("setup", {"mode": "changes"}, subcommand="mode")
        server.serve("/other.xml", rss("Other Outlet", [RETOLD, BACKLOG_ITEM]))
        report = await poll(bot, outlet.id)
        assert report.verdicts == {"repeat": 1} and report.queued == 0
        why = await sb.invoke("feeds", {"article": "has renewed"}, subcommand="why")
        assert "heard that change from another article" in str(why.embeds)
        await sb.invoke("setup", {"mode": "all"}, subcommand="mode")
        copy = Item("o2", CHANGE.title, age=timedelta(minutes=1))
        server.serve("/other.xml", rss("Other Outlet", [copy, RETOLD, BACKLOG_ITEM]))
        assert (await poll(bot, outlet.id)).queued == 0
        why = await sb.invoke("feeds", {"article": "https://news.example/o2"}, subcommand="why")
        assert "heard this story from another article" in str(why.embeds)
        await bot.news.drain()
        assert len(sb.messages(channel)) == 1
