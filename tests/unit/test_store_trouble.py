"""The store's own trouble (a full disk, a file made read-only, another program's lock) is
the host's to hear of, never a feed's failure: nothing is lost, nothing is disabled."""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from datetime import timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

import aiohttp
import pytest

from bot.__main__ import main
from bot.app import held_store
from bot.catalog import load_catalog
from bot.errors import RETRY_LATER, ConfigError
from bot.news import pipeline
from bot.news.fetch import FetchResult
from bot.news.pipeline import NewsDeps
from bot.news.service import NewsService
from bot.settings import Settings
from bot.store import Database, Store
from bot.store.db import migrations
from tests.conftest import NOW, REPO, ReadyClient

RENEWAL = "Netflix renews XO, Kitty for season 4"


def document(*titles: str) -> bytes:
    """An RSS document of these headlines, an hour old, each keyed by its words."""
    when = format_datetime(NOW - timedelta(hours=1))
    items = "".join(
        f"<item><title>{title}</title><link>https://e.org/{quote(title)}</link>"
        f"<pubDate>{when}</pubDate></item>"
        for title in titles
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
    feed_id = await followed(news)
    baseline = await store.feeds.get(feed_id)
    assert baseline is not None and baseline.etag is not None
    # Enough new entries to need pages the capped file has no room for.
    served.append(document(RENEWAL, *(f"Kitty's fan diary, day {n} " * 8 for n in range(40))))
    await full_disk(store)
    for poll in range(8):
        news.deps.now = lambda poll=poll: NOW + timedelta(days=poll)  # past any backoff
        assert await news.poll(feed_id) is None
    after = await store.feeds.get(feed_id)
    assert after is not None and after.enabled
    assert after.failures == 0 and after.last_error is None
    assert after.etag == baseline.etag  # or the next poll's 304 would hide the news
    assert await store.outbox.due(NOW + timedelta(days=30), 9) == []
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and "free some space on its disk" in warnings[0].getMessage()
    assert not any(r.exc_info for r in caplog.records)

    await store.db.conn.execute("PRAGMA max_page_count = 1073741823")  # space freed
    report = await news.poll(feed_id)
    assert report is not None and report.verdicts["change"] == 1 and report.queued == 1
    (post,) = await store.outbox.due(NOW + timedelta(days=30), 9)
    assert "renewed" in post.message["embed"]["title"].lower()


@contextmanager
def host_shell(path: Path, *, write: bool, table: str = "feeds") -> Iterator[sqlite3.Connection]:
    """A host's `sqlite3 kissbot.db` left in a transaction: a write (BEGIN IMMEDIATE) holds
    every writer off; a read (`.backup`, a long SELECT) holds a snapshot."""
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    try:
        conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        conn.execute(f"SELECT count(*) FROM {table}").fetchone()
        yield conn
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        conn.close()


async def followed(news: NewsService) -> int:
    """A feed a server follows, its baseline (nothing) polled; its id."""
    feed = await news.store.feeds.add("https://e.org/feed")
    await news.store.guilds.update(1, channel_id=10)
    await news.store.feeds.subscribe(1, feed.id, None)
    await news.poll(feed.id)
    return feed.id


def polled_later(news: NewsService, minutes: int) -> None:
    """The clock ``minutes`` on: the feed's next poll is due (one a minute)."""
    news.deps.now = lambda: NOW + timedelta(minutes=minutes)


async def test_a_lock_held_past_the_busy_timeout_is_no_failure_of_the_feed(
    news: NewsService,
    store: Store,
    served: list[bytes],
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """ "database is locked" (another program's write held past the busy timeout) counted as
    the feed's failure, and each drain's was a traceback."""
    feed_id = await followed(news)
    served.append(document(RENEWAL))
    await store.db.conn.execute("PRAGMA busy_timeout = 100")  # 5 s in the bot: a slow test
    polled_later(news, 2)
    with host_shell(tmp_path / "kissbot.db", write=True):
        assert await news.poll(feed_id) is None
    after = await store.feeds.get(feed_id)
    assert after is not None and after.failures == 0 and after.last_error is None
    (warning,) = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert "database is locked" in warning.getMessage() and "let it finish" in warning.getMessage()
    assert not any(r.exc_info for r in caplog.records)
    report = await news.poll(feed_id)  # let go: the news was waiting
    assert report is not None and report.queued == 1


async def test_a_host_reading_the_store_holds_up_no_poll(
    news: NewsService, served: list[bytes], tmp_path: Path
) -> None:
    """WAL: a reader (a `.backup`, a long SELECT) never holds a write up, and a writer that
    lets go within the busy timeout is waited for."""
    feed_id = await followed(news)
    served.append(document(RENEWAL))
    polled_later(news, 2)
    with host_shell(tmp_path / "kissbot.db", write=False):
        report = await news.poll(feed_id)
    assert report is not None and report.queued == 1
    served.append(document("XO, Kitty season 4 begins filming in Seoul"))
    polled_later(news, 4)
    with host_shell(tmp_path / "kissbot.db", write=True) as shell:
        threading.Timer(0.3, shell.execute, ("COMMIT",)).start()
        report = await news.poll(feed_id)
    assert report is not None and report.queued == 1


def test_a_lock_held_as_the_store_is_migrated_is_one_line_and_worth_a_retry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """At start (the bot's migrations, `db migrate`), a lock held past the busy timeout was a
    traceback; it is one line and exit status 1, which the service unit retries (2 would
    leave the bot stopped for good over a passing restore)."""
    path = tmp_path / "kissbot.db"
    sqlite3.connect(path).execute("PRAGMA journal_mode = WAL").close()
    monkeypatch.setenv("DATABASE_PATH", str(path))
    with host_shell(path, write=True, table="sqlite_master"), pytest.raises(SystemExit) as ended:
        main(["db", "migrate"])
    assert ended.value.code == RETRY_LATER
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is busy (database is locked)" in err and str(path) in err


async def test_a_read_only_store_stops_the_bot_before_it_is_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store at the current schema is not written as the bot starts: read-only (its mode,
    its folder's, a unit's ProtectSystem), it ran, and every poll, drain and moderator
    command then failed. Held by a bot (or `db migrate`, `db prune`), it is refused in one
    line. Read-only as SQLite's query_only: permission bits do not bind root."""
    path = tmp_path / "kissbot.db"
    async with held_store(path) as store:
        await store.migrate()
    opened = Database.open

    async def read_only(cls: type[Database], where: Path | str) -> Database:
        db = await opened(where)
        await db.conn.execute("PRAGMA query_only = 1")
        return db

    monkeypatch.setattr(Database, "open", classmethod(read_only))
    with pytest.raises(ConfigError) as refused:
        async with held_store(path):
            pass
    assert type(refused.value) is ConfigError  # exit status 2: the host's to mend
    assert "attempt to write a readonly database" in str(refused.value)
    assert "make it and its folder writable" in str(refused.value)
    async with held_store(path, alone=False) as store:  # what reads it (`sync`) still may
        assert await store.db.user_version() > 0


async def test_a_full_disk_mid_migration_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    """Already so: each migration is one transaction with its version, so a disk that
    fills mid-way leaves the schema and version as they were (one line, exit status 2),
    and the next start applies it whole."""
    path = tmp_path / "kissbot.db"
    with pytest.raises(ConfigError, match="free some space on its disk"):
        async with held_store(path) as store:
            await full_disk(store)
            await store.migrate()
    async with held_store(path) as store:
        assert await store.db.user_version() == 0
        assert await store.db.rows("SELECT name FROM sqlite_master") == []
        assert await store.migrate() == len(migrations())
