"""News in a forum channel, end to end: /setup channel with a forum, each delivery a post of
its own (named, tagged, pinging the role), the moderators' notices, a converted channel."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from bot.client import KissBot
from bot.sandbox import perms, state
from bot.sandbox.driver import Sandbox
from tests.e2e.test_moderator_kit import Item, feed_world, kitty_feed, poll, refused, rss, until
from tests.e2e.test_publish import CHANGES, publish_news

pytestmark = pytest.mark.e2e

THREADS = "/channels/{channel_id}/threads"


def forum_cached(bot: KissBot, guild_id: int, forum_id: int, **flags: bool) -> bool:
    """discord.py's cache shows the forum (with these of the bot's rights there)."""
    guild = bot.get_guild(guild_id)
    forum = guild.get_channel(forum_id) if guild is not None else None
    if forum is None or guild is None or guild.me is None:
        return False
    have = forum.permissions_for(guild.me)
    return all(getattr(have, flag) == on for flag, on in flags.items())


async def choose_forum(
    sb: Sandbox, bot: KissBot, name: str = "kitty-news", **kwargs: object
) -> int:
    forum = sb.add_forum(None, name, **kwargs)  # type: ignore[arg-type]
    await until(lambda: forum_cached(bot, sb.guild.id, forum))
    return forum


async def test_a_change_is_a_forum_post_named_tagged_and_pinging_the_role(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with feed_world(tmp_path, monkeypatch) as (sb, server, bot):
        forum = await choose_forum(sb, bot, tags=["Episodes", "News"], require_tag=True)
        reply = await sb.invoke("setup", {"channel": "kitty-news"}, subcommand="channel")
        assert f"News will be posted in <#{forum}>, each story a post of its own" in reply.content
        assert "tagged **News**" in reply.content
        await sb.invoke("setup", {"role": "News pings"}, subcommand="role")
        assert await publish_news(server, bot, CHANGES[:1]) == 1

        (post,) = sb.posts(forum)
        assert post.name == "XO, Kitty season 4: renewed"  # confirmed: no "(confirmed)"
        assert post.applied_tags == [sb.forum_tag(forum, "News")]
        (starter,) = sb.messages(post.id)
        assert starter.id == post.id
        assert "renewed" in starter.embeds[0]["title"]
        assert starter.pinged_roles == (sb.guild.role("News pings"),)
        assert not starter.pinged_everyone
        assert sb.messages(sb.guild.channel("announcements")) == []
        # The outbox records the post, and no thread or publish is tried on it.
        assert await bot.store.outbox.counts() == {"sent": 1}
        templates = {r.template for r in sb.requests}
        assert not any(t.endswith(("/crosspost", "/{message_id}/threads")) for t in templates)

        view = (await sb.invoke("setup", subcommand="view")).embeds[0]
        fields = {f["name"]: f["value"] for f in view["fields"]}
        assert f"✅ I can post in <#{forum}>" in fields["In the channel now"]
        assert "tagged **News**" in fields["In the channel now"]
        assert "its own thread" in fields["Threads"]


async def test_all_news_posts_are_named_for_their_headlines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with feed_world(tmp_path, monkeypatch, mode="all") as (sb, server, bot):
        feed, backlog = await kitty_feed(sb, server, bot)
        forum = await choose_forum(sb, bot)
        reply = await sb.invoke("setup", {"channel": "kitty-news"}, subcommand="channel")
        assert "No tag on my posts" in reply.content
        title = "**XO, Kitty** star @everyone talks <@&123456789012345678> season 3 [video](https://x.example)"
        news = [Item("n1", title, age=timedelta(minutes=3))]
        server.serve("/kitty.xml", rss("Kitty Weekly", news + backlog))
        assert (await poll(bot, feed.id)).queued == 1
        assert (await bot.news.drain()).sent == 1
        (post,) = sb.posts(forum)
        assert post.name == "XO, Kitty star everyone talks season 3 video"
        assert post.applied_tags == []
        (starter,) = sb.messages(post.id)
        assert not starter.pinged_everyone and not starter.pinged_roles


async def test_setup_channel_checks_a_forums_rights_and_tags(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with feed_world(tmp_path, monkeypatch) as (sb, _server, bot):
        gid = sb.guild.id
        before = (await bot.store.guilds.get(gid)).channel_id
        # Send Messages is what creates a post in a forum.
        forum = await choose_forum(sb, bot)
        sb.set_bot_permissions(forum, deny=perms.SEND_MESSAGES)
        await until(lambda: forum_cached(bot, gid, forum, send_messages=False))
        reply = await sb.invoke("setup", {"channel": "kitty-news"}, subcommand="channel")
        refused(reply, "Send Messages")

        # A forum that wants a tag and has none: refused now, not every post later.
        bare = await choose_forum(sb, bot, "bare", require_tag=True)
        reply = await sb.invoke("setup", {"channel": "bare"}, subcommand="channel")
        refused(reply, "wants a tag on each post and has no tags", "“News”")
        # Only a tag moderators may apply, and the bot lacks Manage Threads: the same.
        sb.set_forum_tags(bare, [("Staff", True)], require_tag=True)
        await until(lambda: bool(bot.get_channel(bare).available_tags))  # type: ignore[union-attr]
        reply = await sb.invoke("setup", {"channel": "bare"}, subcommand="channel")
        refused(reply, "only moderators may apply")
        assert (await bot.store.guilds.get(gid)).channel_id == before

        # A tag it may apply, not named for news: used, and the moderator told which.
        sb.set_forum_tags(bare, [("Staff", True), "Season 3", "Season 4"], require_tag=True)
        await until(lambda: len(bot.get_channel(bare).available_tags) == 3)  # type: ignore[union-attr]
        reply = await sb.invoke("setup", {"channel": "bare"}, subcommand="channel")
        assert "I tag posts **Season 3**, its first" in reply.content
        settings = await bot.store.guilds.get(gid)
        assert settings.forum and settings.forum_tag_id == sb.forum_tag(bare, "Season 3")

        # /setup threads means nothing in a forum: said, not refused.
        reply = await sb.invoke("setup", {"enabled": True}, subcommand="threads")
        assert reply.ephemeral and "own thread already" in reply.content
        assert (await bot.store.guilds.get(gid)).threads

        # A media channel: refused, clearly.
        sb.add_forum(None, "clips", channel_type=state.MEDIA)
        await until(lambda: bot.get_guild(gid).get_channel(sb.guild.channel("clips")) is not None)  # type: ignore[union-attr]
        reply = await sb.invoke("setup", {"channel": "clips"}, subcommand="channel")
        refused(reply, "media channel")

        # Back to a text channel: posts are messages again.
        await sb.invoke("setup", {"channel": "announcements"}, subcommand="channel")
        settings = await bot.store.guilds.get(gid)
        assert not settings.forum and settings.forum_tag_id is None


@pytest.mark.usefixtures("general_is_system_channel")
async def test_a_forum_that_stops_taking_posts_pauses_and_tells_the_moderators_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A forum made to want a tag the bot can't apply: Discord refuses each post (400 code
    40067), so the server is paused and told once, in its system channel, what to add."""
    async with feed_world(tmp_path, monkeypatch, mode="all") as (sb, server, bot):
        feed, backlog = await kitty_feed(sb, server, bot)
        forum = await choose_forum(sb, bot, tags=["Episodes"])
        await sb.invoke("setup", {"channel": "kitty-news"}, subcommand="channel")
        sb.set_forum_tags(forum, [("Staff", True)], require_tag=True)
        await until(lambda: bot.get_channel(forum).flags.require_tag)  # type: ignore[union-attr]

        news: list[Item] = []
        for n, title in enumerate(("XO, Kitty season 3 starts filming", "XO, Kitty wraps"), 1):
            news.insert(0, Item(f"n{n}", title, age=timedelta(minutes=5 - n)))
            server.serve("/kitty.xml", rss("Kitty Weekly", news + backlog))
            assert (await poll(bot, feed.id)).queued == 1
            await bot.news.drain()
        assert sb.posts(forum) == []
        paused = await bot.store.guilds.get(sb.guild.id)
        assert not paused.announces and "wants a tag on each post" in (paused.disabled_reason or "")
        (notice,) = sb.messages(sb.guild.channel("general"))  # told once, where it can be
        assert "I stopped posting news here" in notice.content and "“News”" in notice.content
        tries = [r for r in sb.requests if r.template == THREADS and r.method == "POST"]
        assert len(tries) == 1  # the second story was held, not tried

        # A tag anyone may apply, and /setup channel: the held news goes out, tagged.
        sb.set_forum_tags(forum, [("Staff", True), "News"], require_tag=True)
        await until(lambda: len(bot.get_channel(forum).available_tags) == 2)  # type: ignore[union-attr]
        reply = await sb.invoke("setup", {"channel": "kitty-news"}, subcommand="channel")
        assert "back on" in reply.content and "2 posts will now be posted" in reply.content
        await bot.news.drain()
        posts = sb.posts(forum)
        assert [p.name for p in posts] == [i.title for i in reversed(news)]
        assert all(p.applied_tags == [sb.forum_tag(forum, "News")] for p in posts)


async def test_moderators_notices_are_posts_of_their_own_in_the_forum(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """AutoMod blocks a post: the moderators hear it once, in a post named for them, tagged
    as the news is (the forum wants a tag), that pings nobody."""
    async with feed_world(tmp_path, monkeypatch, mode="all") as (sb, server, bot):
        feed, backlog = await kitty_feed(sb, server, bot)
        forum = await choose_forum(sb, bot, tags=["News"], require_tag=True)
        await sb.invoke("setup", {"channel": "kitty-news"}, subcommand="channel")
        await sb.invoke("setup", {"role": "News pings"}, subcommand="role")
        news: list[Item] = []
        for n, title in enumerate(("XO, Kitty season 3 starts filming", "XO, Kitty wraps"), 1):
            sb.inject("POST", f"/channels/{forum}/threads", "automod")
            news.insert(0, Item(f"n{n}", title, age=timedelta(minutes=5 - n)))
            server.serve("/kitty.xml", rss("Kitty Weekly", news + backlog))
            assert (await poll(bot, feed.id)).queued == 1
            report = await bot.news.drain()
            assert report.failed == 1 and report.held == 0  # given up, not paused

        (notice,) = sb.posts(forum)  # told once a day
        assert notice.name.startswith("For moderators: This server's AutoMod blocked my post")
        assert len(notice.name) <= 100
        assert notice.applied_tags == [sb.forum_tag(forum, "News")]
        (text,) = sb.messages(notice.id)
        assert "AutoMod" in text.content and not text.pinged_roles and not text.pinged_everyone
        assert (await bot.store.guilds.get(sb.guild.id)).announces


@pytest.mark.usefixtures("general_is_system_channel")
async def test_a_text_channel_made_a_forum_waits_for_a_moderator_to_choose_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Converted, the channel refuses messages (400 code 50008): the server pauses, and its
    moderators hear they can choose the forum itself, whose rights and tags /setup channel
    then checks; its held news goes out as forum posts."""
    async with feed_world(tmp_path, monkeypatch, mode="all") as (sb, server, bot):
        feed, backlog = await kitty_feed(sb, server, bot)
        announcements, general = sb.guild.channel("announcements"), sb.guild.channel("general")
        sb.convert_channel(announcements, state.FORUM)
        news = [Item("n1", "XO, Kitty season 3 starts filming", age=timedelta(minutes=3))]
        server.serve("/kitty.xml", rss("Kitty Weekly", news + backlog))
        assert (await poll(bot, feed.id)).queued == 1
        await bot.news.drain()
        paused = await bot.store.guilds.get(sb.guild.id)
        assert not paused.announces and "it is a forum now" in (paused.disabled_reason or "")
        (notice,) = sb.messages(general)
        assert "run `/setup channel` with it to have news posted there as forum posts" in (
            notice.content
        )
        view = (await sb.invoke("setup", subcommand="view")).embeds[0]
        checks = {f["name"]: f["value"] for f in view["fields"]}["In the channel now"]
        assert "is a forum now" in checks and "I can post" not in checks

        reply = await sb.invoke("setup", {"channel": "announcements"}, subcommand="channel")
        assert "each story a post of its own" in reply.content and "back on" in reply.content
        await bot.news.drain()
        (post,) = sb.posts(announcements)
        assert post.name == "XO, Kitty season 3 starts filming"
        assert len(sb.messages(general)) == 1
