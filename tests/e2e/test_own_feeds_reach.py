"""A server's own feed informs that server only, end to end: the real bot, two sandbox servers
and loopback feeds. Server H's moderator adds a feed of their own; server G follows only the
host's shared list. What H's feed tells must never change G's /status or what G is posted."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from bot.client import KissBot
from bot.sandbox.driver import Reply, Sandbox, running_bot
from bot.store.feeds import Feed
from tests.e2e.test_moderator_kit import MODERATOR_EXTENSIONS, Item, poll, rss
from tests.feedserver import FeedServer

pytestmark = pytest.mark.e2e

CANCELS = "Netflix confirms XO, Kitty has been cancelled, no season 4"
RENEWS = "Netflix renews XO, Kitty for season 4"
RETOLD = "Netflix has renewed XO, Kitty for season 4"
RENEWED = "XO, Kitty season 4: renewed"


@contextlib.asynccontextmanager
async def two_servers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[tuple[Sandbox, FeedServer, KissBot, Feed, Feed]]:
    """Servers G and H announcing in #announcements; the host's shared /host.xml, and
    /mine.xml that H's moderator added with /feeds add (both past their baseline). Polls
    are driven by the test: (sandbox, feed server, bot, shared feed, H's feed)."""
    defaults = KissBot.__init__.__kwdefaults__
    assert defaults is not None
    monkeypatch.setitem(defaults, "extensions", (*MODERATOR_EXTENSIONS, "cogs.status"))
    async with Sandbox(guilds=2) as sb, FeedServer() as server:
        feeds_file = tmp_path / "feeds.toml"
        feeds_file.write_text(f'[[feed]]\nurl = "{server.url("/host.xml")}"\n', "utf-8")
        for path in ("/host.xml", "/mine.xml"):
            server.serve(path, rss("Outlet", []))
        async with running_bot(
            sb, tmp_path, feeds_file=feeds_file, feed_poll_seconds=1.0, allow_private_feeds=True
        ) as bot:
            bot.scheduler.pause()
            g, h = sb.guilds
            for guild in (g, h):
                channel = {"channel": "announcements"}
                await sb.invoke("setup", channel, subcommand="channel", guild=guild)
            shared = await bot.store.feeds.by_url(server.url("/host.xml"))
            assert shared is not None and shared.shared
            await poll(bot, shared.id)  # the baseline
            added = await sb.invoke(
                "feeds", {"url": server.url("/mine.xml")}, subcommand="add", guild=h
            )
            mine = await bot.store.feeds.by_url(server.url("/mine.xml"))
            assert mine is not None and mine.primed, added.content
            yield sb, server, bot, shared, mine


def shown(reply: Reply) -> str:
    """What /status answered: its title, description and fields (or its refusal)."""
    if not reply.embeds:
        return reply.content
    (embed,) = reply.embeds
    fields = " ".join(f"{f['name']}: {f['value']}" for f in embed.get("fields", []))
    return f"{embed.get('title')} | {embed.get('description')} | {fields}"


def posted(sb: Sandbox, guild: int) -> list[str]:
    channel = next(g for g in sb.guilds if g.id == guild).channels["announcements"]
    return [str((m.raw.get("embeds") or [{}])[0].get("title")) for m in sb.messages(channel)]


async def test_a_servers_own_feed_changes_no_other_servers_status(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """H's own feed tells a confirmed cancellation: H's /status shows it, G's is unchanged,
    and the shared feed's real renewal later is posted to G, once."""
    async with two_servers(tmp_path, monkeypatch) as (sb, server, bot, shared, mine):
        g, h = sb.guilds

        async def status(guild: int, **season: int) -> str:
            return shown(await sb.invoke("status", season, guild=guild, user="member"))

        before = [await status(g.id), await status(g.id, season=4)]
        server.serve("/mine.xml", rss("Mine", [Item("m1", CANCELS, age=timedelta(minutes=5))]))
        assert (await poll(bot, mine.id)).queued == 1
        await bot.news.drain()
        assert posted(sb, h.id) == ["XO, Kitty season 4: cancelled"] and posted(sb, g.id) == []
        assert [await status(g.id), await status(g.id, season=4)] == before
        theirs = await status(h.id, season=4)
        assert "ancel" in theirs and "ancel" not in before[1]

        renewal = Item("s1", RENEWS, age=timedelta(minutes=2))
        server.serve("/host.xml", rss("Host", [renewal]))
        assert (await poll(bot, shared.id)).verdicts == {"change": 1}
        await bot.news.drain()
        assert posted(sb, g.id) == [RENEWED]
        assert "renew" in (await status(g.id, season=4)).lower()


async def test_a_change_heard_from_an_own_feed_is_posted_once_where_the_shared_feed_tells_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """H hears the renewal from its own feed; then the shared feed tells it: one post in H
    (its own feed's), one in G (the shared feed's)."""
    async with two_servers(tmp_path, monkeypatch) as (sb, server, bot, shared, mine):
        g, h = sb.guilds
        server.serve("/mine.xml", rss("Mine", [Item("m1", RENEWS, age=timedelta(minutes=5))]))
        assert (await poll(bot, mine.id)).queued == 1
        server.serve("/host.xml", rss("Host", [Item("s1", RETOLD, age=timedelta(minutes=2))]))
        report = await poll(bot, shared.id)
        assert report.verdicts == {"change": 1} and report.queued == 1
        await bot.news.drain()
        assert posted(sb, h.id) == [RENEWED] and posted(sb, g.id) == [RENEWED]
        (h_post,) = sb.messages(h.channels["announcements"])
        assert "news.example/m1" in str(h_post.raw)  # its own feed's article
