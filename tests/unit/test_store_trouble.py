"""The store's own trouble (a full disk, a file made read-only, another program's lock) is
the host's to hear of, never a feed's failure: nothing is lost, nothing is disabled."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from datetime import timedelta
from email.utils import format_datetime
from typing import Any

import aiohttp
import pytest

from bot.catalog import load_catalog
from bot.news import pipeline
from bot.news.fetch import FetchResult
from bot.news.pipeline import NewsDeps
from bot.news.service import NewsService
from bot.settings import Settings
from bot.store import Store
from tests.conftest import NOW, REPO

RENEWAL = "Netflix renews XO, Kitty for season 4"


class ReadyClient:
    async def wait_until_ready(self) -> None:
        return None


def document(*titles: str) -> bytes:
    """An RSS document of these headlines, an hour old, newest first."""
    when = format_datetime(NOW - timedelta(hours=1))
    items = "".join(
        f"<item><title>{title}</title><link>https://e.org/{n}</link><guid>g{n}</guid>"
        f"<pubDate>{when}</pubDate></item>"
        for n, title in enumerate(titles)
    )
    return f"<rss version='2.0'><channel><title>t</title>{items}</channel></rss>".encode()


@pytest.fixture
def served() -> list[bytes]:
    """What the feed answers: its last document."""
    return [document()]


@pytest.fixture
async def news(
    store: Store, served: list[bytes], monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[NewsService]:
    """A news service on a real store whose feed answers ``served`` (parsed in a thread)."""
    settings = Settings(feed_poll_seconds=60, feed_parse_workers=0)

    async def fetch(_: Any, url: str, **__: Any) -> FetchResult:
        # An etag of its own per document: one stored would answer the next poll 304.
        return FetchResult("ok", url, body=served[-1], etag=f'"{len(served[-1])}"')

    monkeypatch.setattr(pipeline, "fetch_feed", fetch)
    async with aiohttp.ClientSession() as http:  # never used: fetch_feed is the stub's
        deps = NewsDeps.build(store, http, load_catalog(REPO / "data" / "shows"), settings)
        deps.now = lambda: NOW
        service = NewsService(ReadyClient(), deps)  # type: ignore[arg-type]
        monkeypatch.setattr(service, "drain", ReadyClient().wait_until_ready)  # queued is enough
        yield service


async def full_disk(store: Store) -> None:
    """SQLite's cap on the file's pages, at what it has now: a write that needs one more page
    fails with SQLITE_FULL, as on a full disk."""
    async with store.db.conn.execute("PRAGMA page_count") as cur:
        row = await cur.fetchone()
    assert row is not None
    await store.db.conn.execute(f"PRAGMA max_page_count = {row[0]}")


async def test_a_full_disk_mid_poll_is_no_failure_of_the_feed_and_loses_no_news(
    news: NewsService, store: Store, served: list[bytes], caplog: pytest.LogCaptureFixture
) -> None:
    """A poll whose write the disk refused counted as its feed's failure: a backoff, an
    "unexpected error" shown to moderators in /feeds list, a traceback per feed per poll,
    and after 8 such polls the feed disabled (a shared one until the host restarts the bot)."""
    feed = await store.feeds.add("https://e.org/feed")
    await store.guilds.update(1, channel_id=10)
    await store.feeds.subscribe(1, feed.id, None)
    await news.poll(feed.id)  # the baseline: nothing in it
    baseline = await store.feeds.get(feed.id)
    assert baseline is not None and baseline.etag is not None
    # Enough new entries to need pages the capped file has no room for.
    served.append(document(RENEWAL, *(f"Kitty's fan diary, day {n} " * 8 for n in range(40))))
    await full_disk(store)
    for poll in range(8):
        news.deps.now = lambda poll=poll: NOW + timedelta(days=poll)  # past any backoff
        assert await news.poll(feed.id) is None
    after = await store.feeds.get(feed.id)
    assert after is not None and after.enabled
    assert after.failures == 0 and after.last_error is None
    assert after.etag == baseline.etag  # or the next poll's 304 would hide the news
    assert await store.outbox.due(NOW + timedelta(days=30), 9) == []
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and "free some space on its disk" in warnings[0].getMessage()
    assert not any(r.exc_info for r in caplog.records)

    await store.db.conn.execute("PRAGMA max_page_count = 1073741823")  # space freed
    report = await news.poll(feed.id)
    assert report is not None and report.verdicts["change"] == 1 and report.queued == 1
    (post,) = await store.outbox.due(NOW + timedelta(days=30), 9)
    assert "renewed" in post.message["embed"]["title"].lower()
