"""Races between the jobs and the moderators' commands, interleaved deterministically (the
first side held at a chosen point by an event, the other run to its end meanwhile)."""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.news.pipeline import poll_guarded
from tests.e2e.test_moderator_kit import BACKLOG_ITEM, Item, feed_world, poll, rss

pytestmark = pytest.mark.e2e


def held_before(
    monkeypatch: pytest.MonkeyPatch, owner: Any, name: str
) -> tuple[asyncio.Event, asyncio.Event]:
    """Hold every call of ``owner.name`` at its start: (reached, go on)."""
    real: Callable[..., Any] = getattr(owner, name)
    reached, go = asyncio.Event(), asyncio.Event()

    async def held(*args: Any, **kwargs: Any) -> Any:
        reached.set()
        await go.wait()
        return await real(*args, **kwargs)

    monkeypatch.setattr(owner, name, held)
    return reached, go


async def test_retention_forgetting_a_feed_as_feeds_add_takes_it_on_loses_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """/feeds add of a feed nobody had followed for over 30 days found its row, and the day's
    retention forgot that row (and the baseline's articles of a feed still disabled) before
    the add recorded its baseline and subscribed the server: the command failed on a foreign
    key, or the server followed a feed whose backlog the next poll took for news."""
    async with feed_world(tmp_path, monkeypatch) as (sb, server, bot):
        store, old = bot.store, datetime.now(UTC) - timedelta(days=40)
        url = server.url("/kitty.xml")
        server.serve("/kitty.xml", rss("Kitty Weekly", [BACKLOG_ITEM]))
        feed = await store.feeds.add(url)
        await store.feeds.disable(feed.id, "removed by the last server following it", now=old)
        await store.feeds.add(server.url("/later.xml"))  # a newer row: the id is not reused
        reached, go = held_before(monkeypatch, sys.modules["cogs.feeds"], "adopt")
        add = asyncio.create_task(sb.invoke("feeds", {"url": url}, subcommand="add"))
        await asyncio.wait_for(reached.wait(), 10)
        await store.retention.prune(datetime.now(UTC))
        go.set()
        reply = await add
        assert "Now following" in reply.content or "Polling again" in reply.content, reply.text
        followed = await store.feeds.for_guild(sb.guild.id)
        assert [f.feed.url for f in followed] == [url]
        # Its backlog is history: the next poll announces nothing.
        assert (await poll(bot, followed[0].feed.id)).queued == 0
        assert await store.outbox.counts() == {}


async def test_a_feed_folded_into_another_mid_poll_loses_and_doubles_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Feed B's poll was under way when feed A's poll followed a permanent redirect onto
    B's address and folded B into A (B's row gone): B's poll then recorded its articles for
    a feed no longer there, 'FOREIGN KEY constraint failed', logged as a crash of the poll
    (a traceback) and counted against a feed that no longer exists."""
    async with feed_world(tmp_path, monkeypatch, mode="all") as (sb, server, bot):
        store, guild = bot.store, sb.guild.id
        feeds = {}
        for name in ("a", "b"):
            server.serve(f"/{name}.xml", rss(f"Feed {name}", [BACKLOG_ITEM]))
            feeds[name] = await store.feeds.add(server.url(f"/{name}.xml"))
            await store.feeds.subscribe(guild, feeds[name].id, None)
            await poll(bot, feeds[name].id)  # the baseline
        news = [Item("n", "Netflix renews XO, Kitty for season 4"), BACKLOG_ITEM]
        server.serve("/b.xml", rss("Feed b", news))
        server.redirect("/a.xml", "/b.xml", status=301)
        pipeline = sys.modules["bot.news.pipeline"]
        ingest, reached, go = pipeline.ingest, asyncio.Event(), asyncio.Event()

        async def b_held(deps: Any, feed: Any, *args: Any) -> Any:
            if feed.id == feeds["b"].id:
                reached.set()
                await go.wait()
            return await ingest(deps, feed, *args)

        monkeypatch.setattr(pipeline, "ingest", b_held)
        b_poll = asyncio.create_task(poll_guarded(bot.news.deps, feeds["b"]))
        await asyncio.wait_for(reached.wait(), 10)
        a_report = await poll_guarded(bot.news.deps, feeds["a"])  # moves onto b, folds it
        go.set()
        await b_poll
        assert await store.feeds.get(feeds["b"].id) is None
        assert a_report is not None and a_report.queued == 1
        assert await store.outbox.counts() == {"pending": 1}  # once, not lost, not twice
        assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []
        kept = await store.feeds.get(feeds["a"].id)
        assert kept is not None and kept.failures == 0
