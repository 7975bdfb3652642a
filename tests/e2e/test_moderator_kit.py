"""Set-up shared by the moderator end-to-end tests, and how their commands are registered.

The other ``test_moderator_*`` modules import ``moderator_bot``, ``rss`` and ``Item`` from
here. The bot is the real one (``bot.app.open_bot``) against the sandbox, with only the
moderator cogs loaded, no shared feeds (a feeds file that does not exist) and the scheduler
paused: each test polls and drains by hand, so every step happens exactly when it says.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest

from bot.client import KissBot
from bot.news.pipeline import FeedReport, poll_feed
from bot.sandbox import perms
from bot.sandbox.driver import Reply, Sandbox, running_bot
from bot.store.feeds import Feed
from tests.feedserver import FeedServer

pytestmark = pytest.mark.e2e

MODERATOR_EXTENSIONS = ("cogs.meta", "cogs.setup", "cogs.feeds", "cogs.news")
MODERATOR_COMMANDS = {
    "setup": [
        "card",
        "channel",
        "events",
        "mode",
        "reset",
        "role",
        "show",
        "spoilers",
        "threads",
        "view",
    ],
    "feeds": ["add", "filter", "list", "remove", "why"],
}


@dataclass(frozen=True, slots=True)
class Item:
    guid: str
    title: str
    age: timedelta = timedelta(hours=1)
    summary: str = ""


def rss(title: str, items: Sequence[Item], *, now: datetime | None = None) -> bytes:
    """An RSS 2.0 document whose items are dated relative to ``now``."""
    moment = now or datetime.now(UTC)
    body = "".join(
        f"<item><title>{escape(i.title)}</title><link>https://news.example/{i.guid}</link>"
        f"<guid>{i.guid}</guid><pubDate>{format_datetime(moment - i.age)}</pubDate>"
        f"<description>{escape(i.summary)}</description></item>"
        for i in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>https://news.example/</link>{body}</channel></rss>"
    ).encode()


@contextlib.asynccontextmanager
async def moderator_bot(
    sb: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, **overrides: Any
) -> AsyncIterator[KissBot]:
    defaults = KissBot.__init__.__kwdefaults__
    assert defaults is not None
    monkeypatch.setitem(defaults, "extensions", MODERATOR_EXTENSIONS)
    settings: dict[str, Any] = {
        "feeds_file": tmp_path / "no-shared-feeds.toml",  # never the real default feeds
        "feed_poll_seconds": 1.0,
        "allow_private_feeds": True,  # the feed server is on loopback
    }
    settings.update(overrides)
    async with running_bot(sb, tmp_path, **settings) as bot:
        bot.scheduler.pause()
        yield bot


@contextlib.asynccontextmanager
async def feed_world(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *, guilds: int = 1, mode: str = "changes"
) -> AsyncIterator[tuple[Sandbox, FeedServer, KissBot]]:
    """Sandbox, loopback feed server and bot; every guild announces in #announcements."""
    async with (
        Sandbox(guilds=guilds) as sb,
        FeedServer() as server,
        moderator_bot(sb, tmp_path, monkeypatch) as bot,
    ):
        for guild in sb.guilds:
            channel = {"channel": "announcements"}
            await sb.invoke("setup", channel, subcommand="channel", guild=guild)
            await sb.invoke("setup", {"mode": mode}, subcommand="mode", guild=guild)
        yield sb, server, bot


# A day-old story the first poll keeps as backlog.
BACKLOG_ITEM = Item("old", "XO, Kitty season 2 recap", age=timedelta(days=1))


async def kitty_feed(sb: Sandbox, server: FeedServer, bot: KissBot) -> tuple[Feed, list[Item]]:
    """The first guild adds /kitty.xml, a feed of one backlog story: (its row, the backlog)."""
    url = server.url("/kitty.xml")
    backlog = [BACKLOG_ITEM]
    server.serve("/kitty.xml", rss("Kitty Weekly", backlog))
    await sb.invoke("feeds", {"url": url}, subcommand="add")
    feed = await bot.store.feeds.by_url(url)
    assert feed is not None
    return feed, backlog


async def poll(bot: KissBot, feed_id: int) -> FeedReport:
    """One poll of one feed, whatever its schedule says (backoff included)."""
    feed = await bot.store.feeds.get(feed_id)
    assert feed is not None
    return await poll_feed(bot.news.deps, feed)


async def until(condition: Callable[[], bool], timeout: float = 3.0) -> None:
    """Wait for discord.py's cache (or the store) to catch up with a change."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("the change never showed up")
        await asyncio.sleep(0.02)


def refused(reply: Reply, *phrases: str) -> None:
    """An ephemeral answer (never a channel post) that says why, with no embed."""
    assert reply.ephemeral, f"{reply.command} answered publicly: {reply.content!r}"
    for phrase in phrases:
        assert phrase in reply.content, f"{reply.command}: {phrase!r} not in {reply.content!r}"


async def test_moderator_commands_are_server_only_and_need_manage_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with Sandbox(guilds=1) as sb, moderator_bot(sb, tmp_path, monkeypatch):
        for name, subcommands in MODERATOR_COMMANDS.items():
            command = sb.command(name)
            assert str(command["default_member_permissions"]) == str(perms.MANAGE_GUILD)
            assert command.get("contexts") in (None, [0]) and command.get("dm_permission") in (
                None,
                False,
            )
            assert sorted(o["name"] for o in command["options"]) == subcommands
        news = sb.command("news")
        assert news.get("default_member_permissions") is None  # every fan may opt in
        assert sorted(o["name"] for o in news["options"]) == ["subscribe", "unsubscribe"]
