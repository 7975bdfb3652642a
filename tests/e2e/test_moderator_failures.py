"""When things break: a failing feed backs off, is disabled and is told once; a channel the
bot may no longer post in pauses that server only, with one notice."""

from __future__ import annotations

import asyncio
import random
from datetime import timedelta
from pathlib import Path

import pytest

from bot.moderation.cooldown import GuildCooldown
from bot.news.fetch import DISABLE_AFTER_FAILURES
from bot.sandbox import perms, state
from bot.sandbox.driver import CommandUsageError
from bot.store.rows import parse_iso
from tests.e2e.test_moderator_kit import Item, feed_world, kitty_feed, poll, refused, rss, until

pytestmark = pytest.mark.e2e
ANNOUNCE = {"channel": "announcements"}


class WorstCase(random.Random):
    """Backoff jitter always at its ceiling, so the schedule is exact."""

    def uniform(self, a: float, b: float) -> float:
        return b


async def test_a_failing_feed_backs_off_then_is_disabled_with_one_notice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with feed_world(tmp_path, monkeypatch) as (sb, server, bot):
        announcements = sb.guild.channel("announcements")
        server.serve("/kitty.xml", rss("Kitty Weekly", [Item("a", "XO, Kitty news")]))
        await sb.invoke("feeds", {"url": server.url("/kitty.xml")}, subcommand="add")
        feed = await bot.store.feeds.by_url(server.url("/kitty.xml"))
        assert feed is not None
        bot.news.deps.rng = WorstCase()
        server.status("/kitty.xml", 500)

        delays = []
        for attempt in range(1, DISABLE_AFTER_FAILURES + 1):
            await poll(bot, feed.id)
            feed = await bot.store.feeds.get(feed.id)
            assert feed is not None and feed.failures == attempt
            tried, due = parse_iso(feed.last_attempt_at), parse_iso(feed.next_poll_at)
            assert tried is not None and due is not None
            delays.append((due - tried).total_seconds())
            if attempt == 3:
                reply = await sb.invoke("feeds", subcommand="list")
                health = reply.embeds[0]["fields"][0]["value"]
                assert "🟠 failing: 3 failures in a row" in health and "500" in health
                assert "Next poll: <t:" in health
            if attempt < DISABLE_AFTER_FAILURES:
                assert feed.enabled
        # Exponential backoff from the poll interval (1 s here): 1, 2, 4, … seconds.
        assert delays == [2.0**n for n in range(DISABLE_AFTER_FAILURES)]
        assert not feed.enabled and "8 failures in a row" in (feed.disabled_reason or "")

        # Told once, in the announcement channel; a disabled feed is not polled again.
        await bot.news.drain()
        assert await bot.news.poll(feed.id) is None
        await bot.news.drain()
        (notice,) = sb.messages(announcements)
        assert "I stopped polling the feed" in notice.content and "/feeds list" in notice.content
        assert not notice.pinged_everyone and not notice.pinged_roles
        reply = await sb.invoke("feeds", subcommand="list")
        assert "🔴 disabled" in reply.embeds[0]["fields"][0]["value"]

        # The feed recovers; adding it again (as the notice says) polls it again, and what
        # it published meanwhile is history, not news.
        later = [Item("b", "XO, Kitty season 3 wraps filming"), Item("a", "XO, Kitty news")]
        server.serve("/kitty.xml", rss("Kitty Weekly", later))
        bot.get_cog("Feeds").add_cooldown = GuildCooldown(0)  # type: ignore[union-attr]
        reply = await sb.invoke("feeds", {"url": server.url("/kitty.xml")}, subcommand="add")
        assert reply.ephemeral and "Polling again **Kitty Weekly**" in reply.content
        feed = await bot.store.feeds.get(feed.id)
        assert feed is not None and feed.enabled and feed.failures == 0
        assert (await poll(bot, feed.id)).queued == 0
        await bot.news.drain()
        assert len(sb.messages(announcements)) == 1  # still only the notice


@pytest.mark.usefixtures("general_is_system_channel")
async def test_a_lost_channel_pauses_only_that_server_and_is_told_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with feed_world(tmp_path, monkeypatch, guilds=2, mode="all") as (sb, server, bot):
        a, b = sb.guilds
        url = server.url("/kitty.xml")
        backlog = [Item("old", "XO, Kitty season 2 recap", age=timedelta(days=1))]
        server.serve("/kitty.xml", rss("Kitty Weekly", backlog))
        for guild in (a, b):
            await sb.invoke(
                "setup", {"channel": "announcements"}, subcommand="channel", guild=guild
            )
            await sb.invoke("setup", {"mode": "all"}, subcommand="mode", guild=guild)
            reply = await sb.invoke("feeds", {"url": url}, subcommand="add", guild=guild)
            assert reply.embeds, reply.content
        feed = await bot.store.feeds.by_url(url)
        assert feed is not None and sorted(await bot.store.feeds.followers(feed.id)) == sorted(
            [a.id, b.id]
        )

        sb.set_bot_permissions(a.channel("announcements"), deny=perms.SEND_MESSAGES)
        news = [Item("n1", "XO, Kitty season 3 starts filming", age=timedelta(minutes=3))]
        server.serve("/kitty.xml", rss("Kitty Weekly", news + backlog))
        assert (await poll(bot, feed.id)).queued == 2
        await bot.news.drain()

        assert sb.messages(a.channel("announcements")) == []
        assert len(sb.messages(b.channel("announcements"))) == 1
        paused = await bot.store.guilds.get(a.id)
        assert not paused.announces and "missing permissions" in (paused.disabled_reason or "")
        (notice,) = sb.messages(a.channel("general"))
        assert (
            "I stopped posting news here" in notice.content and "/setup channel" in notice.content
        )

        # The next story: the other server hears it; the paused one's is held (no request to
        # Discord), and no second notice.
        news.insert(0, Item("n2", "XO, Kitty season 3 wraps filming", age=timedelta(minutes=1)))
        server.serve("/kitty.xml", rss("Kitty Weekly", news + backlog))
        assert (await poll(bot, feed.id)).queued == 2
        await bot.news.drain()
        assert len(sb.messages(b.channel("announcements"))) == 2
        assert len(sb.messages(a.channel("general"))) == 1
        assert sb.messages(a.channel("announcements")) == []

        # The moderator sees why, can't resume until it's fixed, then resumes.
        reply = await sb.invoke("setup", subcommand="view", guild=a)
        assert "paused" in reply.embeds[0]["description"]
        reply = await sb.invoke(
            "setup", {"channel": "announcements"}, subcommand="channel", guild=a
        )
        refused(reply, "Send Messages")
        sb.set_bot_permissions(a.channel("announcements"))
        guild_a = bot.get_guild(a.id)
        assert guild_a is not None and guild_a.me is not None

        def can_send() -> bool:
            channel = guild_a.get_channel(a.channel("announcements"))
            return channel is not None and channel.permissions_for(guild_a.me).send_messages

        await until(can_send)
        reply = await sb.invoke(
            "setup", {"channel": "announcements"}, subcommand="channel", guild=a
        )
        assert "back on" in reply.content and "2 posts will now be posted" in reply.content
        await bot.news.drain()  # the held news, in order
        held, told = (sb.messages(g.channel("announcements")) for g in (a, b))
        assert [m.embeds for m in held] == [m.embeds for m in told]  # n1 then n2, once each
        news.insert(0, Item("n3", "XO, Kitty season 3 release date announced", age=timedelta(0)))
        server.serve("/kitty.xml", rss("Kitty Weekly", news + backlog))
        assert (await poll(bot, feed.id)).queued == 2
        await bot.news.drain()
        assert len(sb.messages(a.channel("announcements"))) == 3
        assert len(sb.messages(b.channel("announcements"))) == 3


@pytest.mark.usefixtures("general_is_system_channel")
async def test_a_server_that_invites_the_bot_back_hears_that_posting_is_still_paused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """News that came while the bot was kicked was refused, which paused the server; the
    notice saying so had nowhere to go. Invited back, its moderators are told."""
    async with feed_world(tmp_path, monkeypatch, mode="all") as (sb, server, bot):
        feed, backlog = await kitty_feed(sb, server, bot)

        sb.remove_guild(sb.guild)
        await until(lambda: bot.get_guild(sb.guild.id) is None)
        news = [Item("n1", "XO, Kitty season 3 starts filming", age=timedelta(minutes=3))]
        server.serve("/kitty.xml", rss("Kitty Weekly", news + backlog))
        assert (await poll(bot, feed.id)).queued == 1
        await bot.news.drain()
        assert not (await bot.store.guilds.get(sb.guild.id)).announces

        sb.readd_guild(sb.guild)
        general = sb.guild.channel("general")
        for _ in range(40):  # the join is handled beside the drains
            await bot.news.drain()
            if sb.messages(general):
                break
            await asyncio.sleep(0.05)
        await bot.news.drain()
        (notice,) = sb.messages(general)  # told once
        assert "paused" in notice.content and "/setup channel" in notice.content
        assert not notice.pinged_everyone and not notice.pinged_roles
        assert sb.messages(sb.guild.channel("announcements")) == []


@pytest.mark.usefixtures("general_is_system_channel")
async def test_a_channel_made_a_category_pauses_the_server_until_a_text_channel_is_chosen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Discord answers every post in a channel that no longer holds messages (converted to a
    category, say) with 400 code 50008. It was retried and given up post by post, the
    moderators never told; it pauses the server, holds its news and tells them, as a lost
    channel does. (One made a forum: tests/e2e/test_forum_news.py.)"""
    async with feed_world(tmp_path, monkeypatch, mode="all") as (sb, server, bot):
        feed, backlog = await kitty_feed(sb, server, bot)
        announcements, general = sb.guild.channel("announcements"), sb.guild.channel("general")
        sb.convert_channel(announcements, state.CATEGORY)

        news = [Item("n1", "XO, Kitty season 3 starts filming", age=timedelta(minutes=3))]
        server.serve("/kitty.xml", rss("Kitty Weekly", news + backlog))
        assert (await poll(bot, feed.id)).queued == 1
        report = await bot.news.drain()
        assert report is not None and (report.held, report.retried, report.failed) == (1, 0, 0)
        paused = await bot.store.guilds.get(sb.guild.id)
        why = "no longer takes messages: it is not a text channel"
        assert not paused.announces and why in (paused.disabled_reason or "")
        (notice,) = sb.messages(general)
        assert "I stopped posting news here" in notice.content and why in notice.content
        assert "`/setup channel`" in notice.content and "permissions" not in notice.content

        def to_channel() -> int:
            return sum(1 for r in sb.requests if r.path.startswith(f"/channels/{announcements}/"))

        # The next story is held, not tried (one refused post), and no second notice.
        news.insert(0, Item("n2", "XO, Kitty season 3 wraps filming", age=timedelta(minutes=1)))
        server.serve("/kitty.xml", rss("Kitty Weekly", news + backlog))
        assert (await poll(bot, feed.id)).queued == 1
        await bot.news.drain()
        assert to_channel() == 1 and len(sb.messages(general)) == 1
        assert await bot.store.outbox.counts() == {"pending": 2}

        # /setup view names the cause; /setup channel offers no category.
        view = (await sb.invoke("setup", subcommand="view")).embeds[0]
        assert "paused" in view["description"] and why in view["description"]
        checks = " ".join(f["value"] for f in view["fields"])
        assert "no longer a text channel" in checks and "I can post" not in checks
        with pytest.raises(CommandUsageError, match="not an allowed channel type"):
            await sb.invoke("setup", {"channel": "announcements"}, subcommand="channel")

        reply = await sb.invoke("setup", {"channel": "general"}, subcommand="channel")
        assert "back on" in reply.content and "2 posts will now be posted" in reply.content
        await bot.news.drain()
        await bot.news.drain()
        posts = sb.messages(general)[1:]
        assert [p.embeds[0]["description"] for p in posts] == [i.title for i in reversed(news)]
        assert await bot.store.outbox.counts() == {"sent": 2}


async def test_posts_automod_blocks_are_given_up_the_moderators_told_once_the_next_posted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each post AutoMod blocked was tried 8 times over 20 minutes, and nobody was told.
    async with feed_world(tmp_path, monkeypatch, mode="all") as (sb, server, bot):
        channel = sb.guild.channel("announcements")
        feed, backlog = await kitty_feed(sb, server, bot)
        news: list[Item] = []
        stories = ("XO, Kitty season 3 starts filming", "XO, Kitty season 3 wraps filming")
        for n, title in enumerate(stories, 1):
            blocked = sb.inject("POST", f"/channels/{channel}/messages", "automod")
            news.insert(0, Item(f"n{n}", title, age=timedelta(minutes=5 - n)))
            server.serve("/kitty.xml", rss("Kitty Weekly", news + backlog))
            assert (await poll(bot, feed.id)).queued == 1
            report = await bot.news.drain()
            assert blocked.served == 1 and (report.failed, report.retried) == (1, 0)
        (notice,) = sb.messages(channel)  # told once, of the first
        assert f"AutoMod blocked my post of “{stories[0]}”" in notice.content
        assert "exemptions" in notice.content
        assert (await bot.store.guilds.get(sb.guild.id)).announces  # not paused

        news.insert(0, Item("n3", "XO, Kitty season 3 release date announced", age=timedelta(0)))
        server.serve("/kitty.xml", rss("Kitty Weekly", news + backlog))
        assert (await poll(bot, feed.id)).queued == 1
        assert (await bot.news.drain()).sent == 1
        _, post = sb.messages(channel)
        assert post.embeds[0]["description"] == "XO, Kitty season 3 release date announced"
        assert await bot.store.outbox.counts() == {"failed": 2, "sent": 1}
        reply = await sb.invoke("feeds", {"article": "starts filming"}, subcommand="why")
        assert "Discord refused this post: AutoMod blocked it" in reply.embeds[0]["description"]
