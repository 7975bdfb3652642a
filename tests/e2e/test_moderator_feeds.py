"""/feeds through the sandbox, against a loopback feed server: preview, no backlog, health,
why, filters, removal, and every refusal."""

from __future__ import annotations

import asyncio
import dataclasses
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from aiohttp import web

from bot.moderation.cooldown import GuildCooldown
from bot.moderation.health import PAGE_SIZE
from bot.news.classify_tables import tables
from bot.sandbox.driver import Reply, Sandbox
from tests.conftest import NOW
from tests.e2e.test_moderator_kit import (
    Item,
    feed_world,
    moderator_bot,
    poll,
    refused,
    rss,
    until,
)
from tests.feedserver import HTML_PAGE

pytestmark = pytest.mark.e2e

BACKLOG = [
    Item("b1", "Netflix renews XO, Kitty for season 3", age=timedelta(hours=5)),
    Item("b2", "XO, Kitty season 4 starts filming in Seoul", age=timedelta(hours=2)),
    Item("b3", "Banana bread recipe", age=timedelta(minutes=30)),
    Item("b4", "XO, Kitty star talks fashion", age=timedelta(hours=3)),
    Item("b5", "XO, Kitty season 2 recap", age=timedelta(days=40)),
]


def fields(reply: Reply, index: int = 0) -> dict[str, str]:
    return {f["name"]: f["value"] for f in reply.embeds[index].get("fields", [])}


async def test_add_shows_a_preview_and_posts_none_of_the_backlog(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with feed_world(tmp_path, monkeypatch, mode="all") as (sb, server, bot):
        announcements = sb.guild.channel("announcements")
        server.serve("/kitty.xml", rss("Kitty Weekly", BACKLOG))
        url = server.url("/kitty.xml")

        reply = await sb.invoke("feeds", {"url": url}, subcommand="add", timeout=10)
        assert reply.ephemeral and reply.deferred
        assert "Now following **Kitty Weekly**" in reply.content
        (embed,) = reply.embeds
        assert embed["title"] == "Preview: Kitty Weekly"
        assert "5 items in the feed" in embed["description"]
        assert "Nothing already in the feed will be posted" in embed["description"]
        items = fields(reply)
        names = list(items)
        assert [n[:3] for n in names] == ["1. ", "2. ", "3. "]  # the newest three, newest first
        assert "Banana" in names[0] and "starts filming" in names[1] and "fashion" in names[2]
        assert "would skip" in items[names[0]] and "not about a show I know" in items[names[0]]
        assert "would post" in items[names[1]] and "filming_started" in items[names[1]]
        assert "would post" in items[names[2]] and "no status milestone" in items[names[2]]
        assert all("Rule: `" in value and "<t:" in value for value in items.values())
        assert "all news" in embed["footer"]["text"]

        # The preview's fetch was the first poll: everything in it is baseline.
        feed = await bot.store.feeds.by_url(url)
        assert feed is not None and feed.primed and feed.last_success_at is not None
        assert server.hits("/kitty.xml") == 1
        report = await poll(bot, feed.id)
        assert report.queued == 0
        await bot.news.drain()
        assert sb.messages(announcements) == []

        # Something new appears: that, and only that, is posted.
        fresh = Item("n1", "XO, Kitty season 4 wraps filming", age=timedelta(minutes=5))
        server.serve("/kitty.xml", rss("Kitty Weekly", [fresh, *BACKLOG]))
        report = await poll(bot, feed.id)
        assert report.queued == 1
        await bot.news.drain()
        (post,) = sb.messages(announcements)
        assert "wraps filming" in str(post.raw["embeds"])

        # /feeds list: the feed's health, with Discord timestamps.
        reply = await sb.invoke("feeds", subcommand="list")
        assert reply.ephemeral
        health = fields(reply)["1. Kitty Weekly"]
        assert "🟢 healthy" in health and "Last success: <t:" in health
        assert "Next poll: <t:" in health and url in health

        # /feeds why: a backlog item stops at "New?", the posted one passes every stage.
        reply = await sb.invoke("feeds", {"article": "banana bread"}, subcommand="why")
        assert reply.ephemeral and "❌ **New?**" in reply.embeds[0]["description"]
        assert "backlog is never posted" in reply.embeds[0]["description"]
        reply = await sb.invoke("feeds", {"article": "wraps filming"}, subcommand="why")
        description = reply.embeds[0]["description"]
        assert "❌" not in description and "It was posted to this server." in description
        assert "filming_wrapped" in description and "✅ **Posted**" in description
        reply = await sb.invoke("feeds", {"article": "https://news.example/n1"}, subcommand="why")
        assert reply.embeds[0]["url"] == "https://news.example/n1"
        reply = await sb.invoke("feeds", {"article": "season 9 cancelled"}, subcommand="why")
        assert reply.ephemeral and "None of this server's feeds" in reply.content


async def test_a_feed_added_is_polled_within_seconds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its poll job came with the next sync of the jobs with the store, up to 30 s after the
    add (a poll a second here: then within two)."""
    async with feed_world(tmp_path, monkeypatch) as (sb, server, bot):
        await bot.news.drain()  # returns once the guild list is reconciled with the store
        bot.scheduler.resume()
        synced = datetime.now(UTC) + timedelta(seconds=10)
        feeds_job = bot.scheduler.get_job("feeds")
        await until(lambda: feeds_job.next_run_time > synced)  # the start's sync is done
        server.serve("/kitty.xml", rss("Kitty Weekly", BACKLOG))
        url = {"url": server.url("/kitty.xml")}
        add = asyncio.create_task(sb.invoke("feeds", url, subcommand="add", timeout=10))
        await until(lambda: server.hits("/kitty.xml") >= 2, timeout=4)  # the add's, a poll
        assert "Now following" in (await add).content


async def test_filters_removal_and_refusals(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with feed_world(tmp_path, monkeypatch, mode="all") as (sb, server, bot):
        gid, announcements = sb.guild.id, sb.guild.channel("announcements")
        server.serve("/kitty.xml", rss("Kitty Weekly", BACKLOG[:2]))
        server.status("/missing.xml", 404)
        server.serve("/page.html", HTML_PAGE, content_type="text/html")
        url = server.url("/kitty.xml")
        await sb.invoke("feeds", {"url": url}, subcommand="add", timeout=10)

        # Refusals, each ephemeral and with its reason; none of them follows anything.
        add = "feeds"
        refused(await sb.invoke(add, {"url": url}, subcommand="add"), "already follows")
        refused(
            await sb.invoke(add, {"url": server.url("/other.xml")}, subcommand="add"),
            "Slow down",
            "30 s",
        )
        bot.get_cog("Feeds").add_cooldown = GuildCooldown(0)  # type: ignore[union-attr]
        refused(await sb.invoke(add, {"url": "ftp://example.org/f"}, subcommand="add"), "`ftp`")
        long_url = "https://example.org/" + "x" * 2100
        refused(await sb.invoke(add, {"url": long_url}, subcommand="add"), "at most 2,048")
        reply = await sb.invoke(add, {"url": server.url("/missing.xml")}, subcommand="add")
        refused(reply, "couldn't fetch", "404")
        reply = await sb.invoke(add, {"url": server.url("/page.html")}, subcommand="add")
        refused(reply, "doesn't serve a feed")
        # A site's home page that links to its feed: the reply names the address to paste.
        home = HTML_PAGE.replace(
            b"</head>",
            b'<link rel="alternate" type="application/rss+xml" href="/kitty.xml"></head>',
        )
        server.serve("/home.html", home, content_type="text/html")
        reply = await sb.invoke(add, {"url": server.url("/home.html")}, subcommand="add")
        refused(reply, f"The feed it links to is <{url}>", "run `/feeds add` with that address")
        # A shared feed is the host's: a server can't switch a disabled one back on.
        shared = await bot.store.feeds.add(server.url("/shared.xml"), shared=True)
        refused(await sb.invoke(add, {"url": shared.url}, subcommand="add"), "every server")
        await bot.store.feeds.disable(shared.id, "the feed is gone (HTTP 410)", now=NOW)
        reply = await sb.invoke(add, {"url": shared.url}, subcommand="add")
        refused(reply, "shared list", "HTTP 410", "Only the bot's host")
        listed = (await sb.invoke("feeds", subcommand="list")).embeds[0]["description"]
        assert "🔴" in listed and "only the bot's host can start it again" in listed
        assert [s.feed.url for s in await bot.store.feeds.for_guild(gid)] == [url]

        # filter: autocomplete offers the server's feeds; words are kept per feed.
        choices = await sb.autocomplete(
            "feeds", {"feed": "kit"}, focused="feed", subcommand="filter"
        )
        assert [c["name"] for c in choices] == ["Kitty Weekly"]
        feed_id = choices[0]["value"]
        reply = await sb.invoke(
            "feeds", {"feed": feed_id, "exclude": "quiz, Poll"}, subcommand="filter"
        )
        assert reply.ephemeral and "never with: quiz, Poll" in reply.content
        refused(
            await sb.invoke(
                "feeds",
                {"feed": feed_id, "include": "kitty", "exclude": "KITTY"},
                subcommand="filter",
            ),
            "both required and excluded",
        )
        refused(
            await sb.invoke("feeds", {"feed": "no such feed", "include": "x"}, subcommand="filter"),
            "doesn't follow a feed",
        )
        quiz = Item("q1", "XO, Kitty quiz: which Kitty are you?", age=timedelta(minutes=1))
        server.serve("/kitty.xml", rss("Kitty Weekly", [quiz, *BACKLOG[:2]]))
        assert (await poll(bot, int(feed_id))).queued == 0
        await bot.news.drain()
        assert sb.messages(announcements) == []
        reply = await sb.invoke("feeds", {"article": "which kitty"}, subcommand="why")
        assert "❌ **Filter**" in reply.embeds[0]["description"]
        assert "'quiz'" in reply.embeds[0]["description"]

        # remove: gone from the list, and no longer polled since nobody follows it.
        reply = await sb.invoke("feeds", {"feed": feed_id}, subcommand="remove")
        assert reply.ephemeral and "Stopped following **Kitty Weekly**" in reply.content
        reply = await sb.invoke("feeds", subcommand="list")
        assert "no feeds of its own" in reply.embeds[0]["description"]
        feed = await bot.store.feeds.get(int(feed_id))
        assert feed is not None and feed.disabled_reason == "no server follows it"
        refused(await sb.invoke("feeds", {"feed": feed_id}, subcommand="remove"), "doesn't follow")

        # The limit: a server with 25 feeds is told to remove one first.
        for n in range(25):
            extra = await bot.store.feeds.add(server.url(f"/extra{n}.xml"))
            await bot.store.feeds.subscribe(gid, extra.id, None)
        refused(
            await sb.invoke("feeds", {"url": server.url("/one-more.xml")}, subcommand="add"),
            "already follows 25 feeds",
        )
        reply = await sb.invoke("feeds", subcommand="list", followups=3)
        assert len(reply.followups) == 3  # four pages of eight, each within Discord's limits
        assert all(f.ephemeral for f in reply.followups)


async def test_why_a_repeat_says_whether_this_server_heard_the_change_from_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Feed A reports a renewal to guild 1 (guild 2's filter of A drops it); feed B repeats
    it to both guilds: guild 2 hears it from B, guild 1 had already heard it, and /feeds why
    tells each which case applies, for B's article and for A's. (Both follow A: a feed's news
    informs only its followers.)"""
    async with feed_world(tmp_path, monkeypatch, guilds=2) as (sb, server, bot):
        one, two = sb.guilds
        feeds = {}
        for path in ("/a.xml", "/b.xml"):
            server.serve(path, rss("Outlet", []))
            feeds[path] = feed = await bot.store.feeds.add(server.url(path))
            for guild in (one, two):
                await bot.store.feeds.subscribe(guild.id, feed.id, None)
            await poll(bot, feed.id)  # the baseline
        await bot.store.feeds.set_filter(two.id, feeds["/a.xml"].id, "", "renews")
        renewal = Item("a1", "Netflix renews XO, Kitty for season 4", age=timedelta(minutes=5))
        server.serve("/a.xml", rss("Outlet A", [renewal]))
        assert (await poll(bot, feeds["/a.xml"].id)).queued == 1
        echo = Item("b1", "XO, Kitty: Netflix renews the K-drama for season 4")
        server.serve("/b.xml", rss("Outlet B", [echo]))
        report = await poll(bot, feeds["/b.xml"].id)
        assert report.verdicts == {"repeat": 1} and report.queued == 1
        await bot.news.drain()

        reply = await sb.invoke("feeds", {"article": "K-drama"}, subcommand="why", guild=two)
        description = reply.embeds[0]["description"]
        assert "which this server had not heard" in description and "✅ **Posted**" in description
        assert "❌" not in description and "It was posted to this server." in description
        reply = await sb.invoke("feeds", {"article": "K-drama"}, subcommand="why", guild=one)
        description = reply.embeds[0]["description"]
        assert "heard that change from another article, so nothing was posted" in description
        assert "Not posted here: stopped at **Status change?**" in description

        # Guild 2 takes feed A whole now: it heard A's change from B's article, not A's.
        await bot.store.feeds.set_filter(two.id, feeds["/a.xml"].id, "", "")
        reply = await sb.invoke(
            "feeds", {"article": "Netflix renews XO"}, subcommand="why", guild=two
        )
        description = reply.embeds[0]["description"]
        assert "heard that change from another article" in description
        assert "Not posted here" in description
        reply = await sb.invoke(
            "feeds", {"article": "Netflix renews XO"}, subcommand="why", guild=one
        )
        assert "It was posted to this server." in reply.embeds[0]["description"]


async def test_why_reads_the_record_once_an_article_was_posted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Posted in all-news mode, then the server switched to changes only and later reset its
    settings: /feeds why still says the article was posted, as it was."""
    async with feed_world(tmp_path, monkeypatch, mode="all") as (sb, server, bot):
        server.serve("/k.xml", rss("Kitty Weekly", []))
        feed = await bot.store.feeds.add(server.url("/k.xml"))
        await bot.store.feeds.subscribe(sb.guild.id, feed.id, None)
        await poll(bot, feed.id)
        renewal = Item("r", "Netflix renews XO, Kitty for season 4", age=timedelta(minutes=5))
        server.serve("/k.xml", rss("Kitty Weekly", [renewal]))
        assert (await poll(bot, feed.id)).queued == 1
        assert (await bot.news.drain()).sent == 1
        for command, options in (("mode", {"mode": "changes"}), ("reset", {})):
            await sb.invoke("setup", options, subcommand=command)
            reply = await sb.invoke("feeds", {"article": "renews"}, subcommand="why")
            description = reply.embeds[0]["description"]
            assert "It was posted to this server." in description and "❌" not in description


async def test_why_answers_while_the_classifier_is_still_cold(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a start with no feed to poll, the first /feeds why builds the classifier's
    tables (seconds): it defers first, so Discord's three seconds never run out."""
    async with feed_world(tmp_path, monkeypatch) as (sb, server, bot):
        server.serve("/k.xml", rss("Kitty Weekly", BACKLOG))
        feed = await bot.store.feeds.add(server.url("/k.xml"))
        await bot.store.feeds.subscribe(sb.guild.id, feed.id, None)
        await poll(bot, feed.id)  # the baseline, which never classifies
        tables.cache_clear()
        bot.news.deps.classifier_warm = False

        reply = await sb.invoke("feeds", {"article": "starts filming"}, subcommand="why")
        assert reply.deferred and reply.ephemeral
        assert "already in the feed when I started following it" in str(reply.embeds)
        assert bot.news.deps.classifier_warm


async def test_list_page_one_fits_beside_many_shared_feeds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Eight long feeds and twenty long shared titles once made page 1 too big to send."""
    async with Sandbox(guilds=1) as sb, moderator_bot(sb, tmp_path, monkeypatch) as bot:
        for n in range(PAGE_SIZE):
            feed = await bot.store.feeds.add(f"https://e.org/{n}/" + "a" * 2000)
            await bot.store.feeds.subscribe(sb.guild.id, feed.id, None)
            # The URL line is clipped now: a long reason fills the field to its 500 instead.
            await bot.store.feeds.disable(feed.id, "r" * 300, now=NOW)
        for n in range(20):
            await bot.store.feeds.add(f"https://s.org/{n}", title="S" * 200, shared=True)
        reply = await sb.invoke("feeds", subcommand="list")
        assert reply.ephemeral and len(fields(reply)) == PAGE_SIZE
        assert "more" in reply.embeds[0]["description"].splitlines()[-1]


async def test_a_feed_added_in_capitals_is_the_same_feed_when_typed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hosts are folded to lower case now; a feed stored before that, in capitals, is still
    the one the server follows, not a second one beside it."""
    async with feed_world(tmp_path, monkeypatch) as (sb, server, bot):
        gid = sb.guild.id
        server.serve("/kitty.xml", rss("Kitty Weekly", BACKLOG[:2]))
        typed = server.url("/kitty.xml").replace("127.0.0.1", "LocalHost")
        old = await bot.store.feeds.add(typed)
        await bot.store.feeds.subscribe(gid, old.id, None)
        for spelling in (typed, typed.replace("http://LocalHost", "HTTP://LOCALHOST")):
            reply = await sb.invoke("feeds", {"url": spelling}, subcommand="add")
            refused(reply, "already follows")
        assert [s.feed.id for s in await bot.store.feeds.for_guild(gid)] == [old.id]


async def test_a_feed_typed_in_another_spelling_is_the_same_feed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A trailing slash, "www.", https for http or a utm_source made another feed: the
    server followed it twice (two polls, a second post of a headline edited between them),
    and a shared feed spelled so was followed again beside the shared one."""
    async with feed_world(tmp_path, monkeypatch) as (sb, server, bot):
        gid = sb.guild.id
        server.serve("/kitty.xml", rss("Kitty Weekly", BACKLOG[:2]))
        server.serve("/shared.xml", rss("Kitty Daily", BACKLOG[:2]))
        url = server.url("/kitty.xml")
        own = await bot.store.feeds.add(url)
        await bot.store.feeds.subscribe(gid, own.id, None)
        shared = await bot.store.feeds.share(server.url("/shared.xml"))
        www = url.replace("http://127.0.0.1", "https://www.127.0.0.1")
        for spelling in (f"{url}/", f"{www}?utm_source=discord"):
            refused(await sb.invoke("feeds", {"url": spelling}, subcommand="add"), "already")
        reply = await sb.invoke("feeds", {"url": server.url("/shared.xml/")}, subcommand="add")
        refused(reply, "shared list")
        assert [f.id for f in await bot.store.feeds.all()] == [own.id, shared.id]


async def test_a_feed_password_is_never_shown_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The URL's line in /feeds list, and the refusal of a feed that failed, showed a
    private feed's password to every moderator of the server."""
    async with feed_world(tmp_path, monkeypatch) as (sb, server, bot):
        server.serve("/kitty.xml", rss("Kitty Weekly", BACKLOG[:2]))
        server.status("/missing.xml", 404)
        secret = server.url("/kitty.xml").replace("http://", "http://reader:hunter2@")
        reply = await sb.invoke("feeds", {"url": secret}, subcommand="add", timeout=10)
        assert "Now following **Kitty Weekly**" in reply.content
        (sub,) = await bot.store.feeds.for_guild(sb.guild.id)
        assert sub.feed.url == secret  # still fetched with it
        listed = fields(await sb.invoke("feeds", subcommand="list"))
        assert "hunter2" not in str(listed) and "reader:***@" in str(listed)
        bot.get_cog("Feeds").add_cooldown = GuildCooldown(0)  # type: ignore[union-attr]
        missing = secret.replace("/kitty.xml", "/missing.xml")
        reply = await sb.invoke("feeds", {"url": missing}, subcommand="add", timeout=10)
        refused(reply, "couldn't fetch", "reader:")
        assert "hunter2" not in reply.content


async def test_a_server_that_also_follows_a_shared_feed_cant_restart_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Added by a server before the host listed it: re-adding the disabled feed switched it
    back on for every server, which /feeds list says only the host can do."""
    async with feed_world(tmp_path, monkeypatch) as (sb, server, bot):
        server.serve("/kitty.xml", rss("Kitty Weekly", BACKLOG[:2]))
        url = server.url("/kitty.xml")
        feed = await bot.store.feeds.add(url)
        await bot.store.feeds.subscribe(sb.guild.id, feed.id, None)
        await bot.store.feeds.share(url)
        await bot.store.feeds.disable(feed.id, "the feed is gone (HTTP 410)", now=NOW)
        reply = await sb.invoke("feeds", {"url": url}, subcommand="add")
        refused(reply, "shared list", "HTTP 410", "Only the bot's host")
        after = await bot.store.feeds.get(feed.id)
        assert after is not None and not after.enabled


async def test_removing_a_feed_the_host_also_lists_says_its_news_still_comes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server's own feed the host listed later: /feeds remove answered "Stopped following"
    and nothing more, yet its news kept coming (every server hears a shared feed), now
    without the filter the server had set on it. The answer says so."""
    async with feed_world(tmp_path, monkeypatch) as (sb, server, bot):
        server.serve("/kitty.xml", rss("Kitty Weekly", BACKLOG[:2]))
        url = server.url("/kitty.xml")
        assert "Now following" in (await sb.invoke("feeds", {"url": url}, subcommand="add")).content
        await bot.store.feeds.share(url)
        reply = await sb.invoke("feeds", {"feed": url}, subcommand="remove")
        refused(reply, "Stopped following **Kitty Weekly**", "also on the shared list")
        assert reply.content.count("only the bot's host") == 1
        assert await bot.store.feeds.for_guild(sb.guild.id) == []
        feed = await bot.store.feeds.by_url(url)
        assert feed is not None and feed.shared and feed.enabled


async def test_removing_a_disabled_feed_the_host_also_lists_says_nothing_comes_from_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The host's listed feed was disabled (a 410): /feeds remove still said its news "still
    comes here", and the moderator waited for posts that never came. The answer says it is
    listed but stopped, and why."""
    async with feed_world(tmp_path, monkeypatch) as (sb, server, bot):
        server.serve("/kitty.xml", rss("Kitty Weekly", BACKLOG[:2]))
        url = server.url("/kitty.xml")
        assert "Now following" in (await sb.invoke("feeds", {"url": url}, subcommand="add")).content
        feed = await bot.store.feeds.share(url)
        await bot.store.feeds.disable(feed.id, "the feed is gone (HTTP 410)", now=NOW)
        reply = await sb.invoke("feeds", {"feed": url}, subcommand="remove")
        refused(
            reply,
            "Stopped following **Kitty Weekly**",
            "also on the shared list, but I stopped polling it (the feed is gone (HTTP 410))",
            "only the bot's host can start it again",
        )
        assert "still comes" not in reply.content
        assert await bot.store.feeds.for_guild(sb.guild.id) == []
        after = await bot.store.feeds.get(feed.id)
        assert after is not None and after.shared and not after.enabled


async def test_a_feed_added_in_capitals_is_picked_by_the_address_typed_then(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """/feeds add stores the host in lower case; /feeds remove (or filter) given the very
    address the moderator typed to add it answered "doesn't follow a feed matching"."""
    async with feed_world(tmp_path, monkeypatch) as (sb, server, bot):
        server.serve("/kitty.xml", rss("Kitty Weekly", BACKLOG[:2]))
        typed = server.url("/kitty.xml").replace("http://127.0.0.1", "HTTP://LocalHost")
        reply = await sb.invoke("feeds", {"url": typed}, subcommand="add", timeout=10)
        assert "Now following" in reply.content
        reply = await sb.invoke("feeds", {"feed": typed}, subcommand="remove")
        assert "doesn't follow" not in reply.content
        assert await bot.store.feeds.for_guild(sb.guild.id) == []


async def test_a_shared_feed_listed_in_capitals_is_still_the_shared_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The host's FEEDS_FILE keeps its spelling; adding that very address folded it and
    followed a second copy of the shared feed instead of saying every server hears it."""
    async with feed_world(tmp_path, monkeypatch) as (sb, server, bot):
        server.serve("/kitty.xml", rss("Kitty Weekly", BACKLOG[:2]))
        listed = server.url("/kitty.xml").replace("http://127.0.0.1", "http://LocalHost")
        shared = await bot.store.feeds.share(listed)
        reply = await sb.invoke("feeds", {"url": listed}, subcommand="add", timeout=10)
        refused(reply, "shared list")
        assert [f.id for f in await bot.store.feeds.all()] == [shared.id]


async def test_a_server_adding_a_feed_another_is_removing_keeps_it_polled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Server A removes the feed (its last follower) while server B adds it: B's add found it
    polled, so took no baseline, and A's removal then found nobody following and stopped
    it. B must not end up following a feed nobody polls."""
    async with feed_world(tmp_path, monkeypatch, guilds=2) as (sb, server, bot):
        a, b = sb.guilds
        url = server.url("/kitty.xml")
        server.serve("/kitty.xml", rss("Kitty Weekly", BACKLOG))
        await sb.invoke("feeds", {"url": url}, subcommand="add", guild=a)
        feeds = bot.store.feeds
        subscribe, adding, removed = feeds.subscribe, asyncio.Event(), asyncio.Event()

        async def held(guild_id: int, feed_id: int, added_by: int | None) -> bool:
            if guild_id == b.id:  # B's add has checked the feed: A's removal runs now
                adding.set()
                await removed.wait()
            return await subscribe(guild_id, feed_id, added_by)

        monkeypatch.setattr(feeds, "subscribe", held)
        add = asyncio.create_task(sb.invoke("feeds", {"url": url}, subcommand="add", guild=b))
        await asyncio.wait_for(adding.wait(), 5)
        reply = await sb.invoke("feeds", {"feed": url}, subcommand="remove", guild=a)
        assert "Stopped following" in reply.content
        removed.set()
        assert "Now following" in (await add).content

        feed = await feeds.by_url(url)
        assert feed is not None
        assert feed.enabled, feed.disabled_reason
        assert [f.id for f in await feeds.active()] == [feed.id]
        assert [s.feed.id for s in await feeds.for_guild(b.id)] == [feed.id]


async def test_a_server_adding_the_https_spelling_of_an_http_feed_is_never_read_over_http(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first server stored http://…; a second, typing https://…, had the stored
    spelling fetched, previewed and polled, over plain http, and was told it followed it.
    Its add reads the https address now (this loopback site serves no TLS: refused, with
    that address named), and the http feed is neither fetched for it nor followed."""
    async with feed_world(tmp_path, monkeypatch, guilds=2) as (sb, server, bot):
        a, b = sb.guilds
        server.serve("/kitty.xml", rss("Kitty Weekly", BACKLOG[:2]))
        url = server.url("/kitty.xml")
        reply = await sb.invoke("feeds", {"url": url}, subcommand="add", guild=a)
        assert "Now following" in reply.content
        https = url.replace("http://", "https://")
        reply = await sb.invoke("feeds", {"url": https}, subcommand="add", guild=b, timeout=10)
        refused(reply, "I couldn't fetch https:\u200b//127.0.0.1")
        assert server.hits("/kitty.xml") == 1
        assert await bot.store.feeds.for_guild(b.id) == []
        assert [f.url for f in await bot.store.feeds.all()] == [url]


async def test_a_server_adding_the_https_spelling_of_its_own_http_feed_upgrades_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server following http://… that typed https://… was told it "already follows" it,
    and its feed stayed on plain http (only a second server's add moved it to https). Now
    the https address is fetched: answering, the feed is read there from then on, for every
    server, with nothing posted again; not answering, it stays http and the answer says so.
    The loopback site serves no TLS, so for the answering case its https fetch is made over
    http to the same site (the feed's fetch, not Discord's edge)."""
    async with feed_world(tmp_path, monkeypatch) as (sb, server, bot):
        server.serve("/kitty.xml", rss("Kitty Weekly", BACKLOG[:2]))
        url = server.url("/kitty.xml")
        assert "Now following" in (await sb.invoke("feeds", {"url": url}, subcommand="add")).content
        bot.get_cog("Feeds").add_cooldown = GuildCooldown(0)  # type: ignore[union-attr]
        https = url.replace("http://", "https://")
        reply = await sb.invoke("feeds", {"url": https}, subcommand="add", timeout=10)
        refused(reply, "already follows that feed, at http:", "keep reading it over http")
        assert [f.url for f in await bot.store.feeds.all()] == [url]

        # The module the bot loaded the cog from (an extension is loaded afresh, not imported).
        feeds_cog = sys.modules[type(bot.get_cog("Feeds")).__module__]
        real = feeds_cog.fetch_feed

        async def over_loopback(session: object, address: str, **kwargs: object) -> object:
            # Answered at the https address (not sent back to http: that is another test's).
            fetched = await real(session, address.replace("https://", "http://"), **kwargs)  # type: ignore[arg-type]
            return dataclasses.replace(fetched, url=address)

        monkeypatch.setattr(feeds_cog, "fetch_feed", over_loopback)
        reply = await sb.invoke("feeds", {"url": https}, subcommand="add", timeout=10)
        refused(reply, "already follows **Kitty Weekly**", "over https")
        (sub,) = await bot.store.feeds.for_guild(sb.guild.id)
        assert sub.feed.url == https and sub.feed.primed
        assert [f.id for f in await bot.store.feeds.all()] == [sub.feed.id]
        assert await bot.store.outbox.counts() == {}


async def test_an_upgrade_moved_for_good_onto_a_stored_feed_leaves_one_feed_for_both(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The https address of a server's own http feed answered through a 301 to another
    https feed already stored (another server's): the feed was stored at the address typed,
    beside the one it moved to, two rows polling one feed until a poll folded them, and the
    answer named the address typed. Now the move is stored at once: one row, at the address
    it moved to, followed by both servers, and nothing posted again. The loopback site serves
    no TLS: its https fetches are made over http to the same site, their addresses told as
    https (the feed's fetch, not Discord's edge)."""
    async with feed_world(tmp_path, monkeypatch, guilds=2) as (sb, server, bot):
        a, b = sb.guilds
        body = rss("Kitty Weekly", BACKLOG[:2])
        server.serve("/old.xml", body)
        server.serve("/new.xml", body)
        old = server.url("/old.xml")
        assert "Now following" in (await sb.invoke("feeds", {"url": old}, subcommand="add")).content
        feeds_cog = sys.modules[type(bot.get_cog("Feeds")).__module__]
        real = feeds_cog.fetch_feed

        def secure(address: str | None) -> str | None:
            return address and address.replace("http://", "https://")

        async def over_loopback(session: object, address: str, **kwargs: object) -> object:
            fetched = await real(session, address.replace("https://", "http://"), **kwargs)  # type: ignore[arg-type]
            return dataclasses.replace(
                fetched, url=secure(fetched.url), permanent_url=secure(fetched.permanent_url)
            )

        monkeypatch.setattr(feeds_cog, "fetch_feed", over_loopback)
        new = secure(server.url("/new.xml"))
        reply = await sb.invoke("feeds", {"url": new}, subcommand="add", guild=b, timeout=10)
        assert "Now following" in reply.content
        server.redirect("/old.xml", "/new.xml", status=301)
        bot.get_cog("Feeds").add_cooldown = GuildCooldown(0)  # type: ignore[union-attr]
        reply = await sb.invoke("feeds", {"url": secure(old)}, subcommand="add", guild=a)
        refused(reply, "already follows **Kitty Weekly**", "/new.xml from now on, over https")

        (feed,) = await bot.store.feeds.all()
        assert feed.url == new and feed.primed and feed.enabled
        for guild in (a, b):
            assert [sub.feed.id for sub in await bot.store.feeds.for_guild(guild.id)] == [feed.id]
        await poll(bot, feed.id)
        await bot.news.drain()
        assert await bot.store.outbox.counts() == {}


async def test_the_https_spelling_of_an_own_feed_that_sends_back_to_http_leaves_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The https address of a server's own http feed answered from http (a redirect back):
    the feed was moved to https and the answer said "over https from now on", yet every poll
    was sent back to http, and a 301 moved the feed back. Now it stays at http and the
    answer says why. The loopback site serves no TLS: its https fetch ends at http, as the
    redirect's does (the feed's fetch, not Discord's edge)."""
    async with feed_world(tmp_path, monkeypatch) as (sb, server, bot):
        server.serve("/kitty.xml", rss("Kitty Weekly", BACKLOG[:2]))
        url = server.url("/kitty.xml")
        assert "Now following" in (await sb.invoke("feeds", {"url": url}, subcommand="add")).content
        bot.get_cog("Feeds").add_cooldown = GuildCooldown(0)  # type: ignore[union-attr]
        feeds_cog = sys.modules[type(bot.get_cog("Feeds")).__module__]
        real = feeds_cog.fetch_feed

        async def back_to_http(session: object, address: str, **kwargs: object) -> object:
            return await real(session, address.replace("https://", "http://"), **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(feeds_cog, "fetch_feed", back_to_http)
        https = url.replace("http://", "https://")
        reply = await sb.invoke("feeds", {"url": https}, subcommand="add", timeout=10)
        refused(reply, "already follows that feed, at http:", "sends me back to http")
        assert [f.url for f in await bot.store.feeds.all()] == [url]


async def test_two_servers_adding_one_feed_in_two_spellings_at_once_share_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each add looked for the feed at another spelling before its fetch, found none, and
    stored its own: one feed polled and told twice, until a start folded them (which a
    start now does only when ``parse.KEY_SCHEME`` changes)."""
    async with feed_world(tmp_path, monkeypatch, guilds=2) as (sb, server, bot):
        a, b = sb.guilds
        url = server.url("/kitty.xml")
        body = rss("Kitty Weekly", BACKLOG)
        fetching, stored = asyncio.Event(), asyncio.Event()

        async def held(request: web.Request) -> web.StreamResponse:
            if not fetching.is_set():  # A's fetch: B adds its spelling meanwhile
                fetching.set()
                await stored.wait()
            return web.Response(body=body, content_type="application/rss+xml")

        server.route("/kitty.xml", held)
        add = asyncio.create_task(sb.invoke("feeds", {"url": url}, subcommand="add", guild=a))
        await asyncio.wait_for(fetching.wait(), 5)
        spelling = {"url": f"{url}?utm_source=discord"}
        reply = await sb.invoke("feeds", spelling, subcommand="add", guild=b)
        assert "Now following" in reply.content
        stored.set()
        assert "Now following" in (await add).content
        (feed,) = await bot.store.feeds.all()
        for guild in (a, b):
            assert [s.feed.id for s in await bot.store.feeds.for_guild(guild.id)] == [feed.id]


async def test_feeds_sharing_a_title_are_told_apart_and_never_removed_by_guess(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two outlets' "Kitty News" were two identical choices, and /feeds remove given the
    title stopped the first; a feed titled like another's id stood in for it when that one
    was picked from the list."""
    async with Sandbox(guilds=1) as sb, moderator_bot(sb, tmp_path, monkeypatch) as bot:
        gid, feeds = sb.guild.id, bot.store.feeds
        first = await feeds.add("https://a.example/rss", title="Kitty News")
        second = await feeds.add("https://b.example/rss", title="Kitty News")
        numbered = await feeds.add("https://c.example/rss", title=str(second.id + 2))
        target = await feeds.add("https://d.example/rss", title="Seoul Daily")
        for feed in (numbered, first, second, target):
            await feeds.subscribe(gid, feed.id, None)
        choices = await sb.autocomplete(
            "feeds", {"feed": "kitty"}, focused="feed", subcommand="remove"
        )
        names = [c["name"] for c in choices]
        assert len(set(names)) == 2 and "b.example/rss" in names[1], names
        refused(
            await sb.invoke("feeds", {"feed": "Kitty News"}, subcommand="remove"),
            "2 of this server's feeds are called",
        )
        assert len(await feeds.for_guild(gid)) == 4
        reply = await sb.invoke("feeds", {"feed": choices[1]["value"]}, subcommand="remove")
        assert "Stopped following **Kitty News**" in reply.content
        assert str(target.id) == numbered.title  # the value picking it is another's title
        reply = await sb.invoke("feeds", {"feed": str(target.id)}, subcommand="remove")
        assert "Stopped following **Seoul Daily**" in reply.content
        left = {s.feed.id for s in await feeds.for_guild(gid)}
        assert left == {numbered.id, first.id}


async def test_a_blank_titled_feed_leaves_autocomplete_working(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A feed titled " " (the host's feeds file allows it) was an empty choice name, and
    Discord refused the whole list: no feed of the server could be picked."""
    async with Sandbox(guilds=1) as sb, moderator_bot(sb, tmp_path, monkeypatch) as bot:
        for url, title in (("https://a.example/rss", "Kitty News"), ("https://b.example/", " ")):
            feed = await bot.store.feeds.add(url, title=title)
            await bot.store.feeds.subscribe(sb.guild.id, feed.id, None)
        choices = await sb.autocomplete("feeds", {"feed": ""}, focused="feed", subcommand="filter")
        assert [c["name"] for c in choices] == ["Kitty News", "https://b.example/"]


async def test_an_address_moved_for_good_onto_a_feed_the_server_follows_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """/feeds add of an address that 301s to a feed this server already follows (with its
    filter) answered "Now following" with a preview, as if a second feed were followed: the
    move folded the two, and the server's one subscription, filter and all, is what stands."""
    async with feed_world(tmp_path, monkeypatch) as (sb, server, bot):
        body = rss("Kitty Weekly", BACKLOG[:2])
        server.serve("/new.xml", body)
        new = server.url("/new.xml")
        assert "Now following" in (await sb.invoke("feeds", {"url": new}, subcommand="add")).content
        (feed,) = await bot.store.feeds.all()
        await bot.store.feeds.set_filter(sb.guilds[0].id, feed.id, "kitty", "")
        server.redirect("/old.xml", "/new.xml", status=301)
        bot.get_cog("Feeds").add_cooldown = GuildCooldown(0)  # type: ignore[union-attr]
        reply = await sb.invoke("feeds", {"url": server.url("/old.xml")}, subcommand="add")
        refused(reply, "already follows **Kitty Weekly**", "/new.xml")
        assert "Now following" not in reply.text
        (moved,) = await bot.store.feeds.all()
        assert moved.url == new and moved.primed and moved.enabled
        (sub,) = await bot.store.feeds.for_guild(sb.guilds[0].id)
        assert sub.feed.id == moved.id and sub.include == ("kitty",)
        await poll(bot, moved.id)
        await bot.news.drain()
        assert await bot.store.outbox.counts() == {}


async def test_a_feed_read_in_a_detected_encoding_is_healthy_with_a_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Shift_JIS feed that names no encoding, read as written, showed in /feeds list under
    "Last error … kept what parsed: CharacterEncodingOverride…": the detector's note was
    stored as a problem. A feed truly ill-formed still shows its error."""
    async with feed_world(tmp_path, monkeypatch) as (sb, server, bot):
        titles = ["XO、キティ シーズン3の配信日が決定", "キティ役のアンナにインタビュー"]
        items = [Item(f"j{n}", title) for n, title in enumerate(titles)]

        def japanese(count: int) -> bytes:
            body = rss("Kitty Japan", items[:count]).decode().replace(' encoding="utf-8"', "")
            return body.encode("shift_jis")

        server.serve("/jp.xml", japanese(1), content_type="application/rss+xml")
        server.serve("/cut.xml", rss("Cut Short", items[:1])[:-40])
        detected = r"no encoding declared, read as Japanese Shift\_JIS (detected)"  # as shown
        reply = await sb.invoke("feeds", {"url": server.url("/jp.xml")}, subcommand="add")
        preview = fields(reply)
        assert preview["Note"] == detected and "Feed problems" not in preview
        cut = await bot.store.feeds.add(server.url("/cut.xml"))  # one /feeds add per 30 s
        await bot.store.feeds.subscribe(sb.guild.id, cut.id, None)
        server.serve("/jp.xml", japanese(2), content_type="application/rss+xml")
        for path in ("/jp.xml", "/cut.xml"):
            feed = await bot.store.feeds.by_url(server.url(path))
            assert feed is not None
            await poll(bot, feed.id)

        health = fields(await sb.invoke("feeds", subcommand="list"))
        lines = health["1. Kitty Japan"].splitlines()
        assert lines[1] == "🟢 healthy" and lines[3] == f"Note: {detected}", lines
        assert "Last error" not in health["1. Kitty Japan"]
        assert "Last error (<t:" in health["2. Cut Short"]
        assert "kept what parsed: SAXParseException" in health["2. Cut Short"]


async def test_feeds_differing_only_in_a_masked_token_are_told_apart_and_picked_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two untitled feeds ``/rss/<token1>`` and ``/rss/<token2>`` read alike in /feeds list
    and in /feeds remove's suggestions; the address the list shows (masked), pasted into
    /feeds remove, found no titled feed."""
    tokens = ("9f8e7d6c5b4a39281706f5e4d3c2b1a0", "0a1b2c3d4e5f60718293a4b5c6d7e8f9")
    async with Sandbox(guilds=1) as sb, moderator_bot(sb, tmp_path, monkeypatch) as bot:
        gid, feeds = sb.guild.id, bot.store.feeds
        for host, title in (("x.example", None), ("y.example", "Kitty Private")):
            for token in tokens:
                feed = await feeds.add(f"https://{host}/rss/{token}", title=title)
                await feeds.subscribe(gid, feed.id, None)

        reply = await sb.invoke("feeds", subcommand="list")
        listed = fields(reply)
        text = str(reply.embeds)
        assert not any(token[:-4] in text for token in tokens)
        untitled = [name for name in listed if "x.example" in name]
        assert len(untitled) == 2 and untitled[0][3:] != untitled[1][3:], untitled
        choices = await sb.autocomplete(
            "feeds", {"feed": "example"}, focused="feed", subcommand="remove"
        )
        names = [c["name"] for c in choices]
        assert len(names) == 4 and len(set(names)) == 4, names
        assert not any(token[:-4] in name for token in tokens for name in names)

        # The titled feed's address pasted from its /feeds list field picks that one.
        titled = [value for name, value in listed.items() if "Kitty Private" in name]
        address = titled[1].splitlines()[0].strip("`")
        assert address == "https://y.example/rss/***e8f9"
        reply = await sb.invoke("feeds", {"feed": address}, subcommand="remove")
        assert "Stopped following **Kitty Private**" in reply.content
        left = {s.feed.url for s in await feeds.for_guild(gid)}
        assert f"https://y.example/rss/{tokens[1]}" not in left and len(left) == 3
        # Masked whole (as a reply or the log shows it), two feeds could be meant: neither.
        refused(
            await sb.invoke("feeds", {"feed": "https://x.example/rss/***"}, subcommand="remove"),
            "More than one feed matches",
        )
        assert len(await feeds.for_guild(gid)) == 3
