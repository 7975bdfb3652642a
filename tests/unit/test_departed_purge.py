"""A server the bot left over DEPARTED_KEEP_DAYS ago has its data deleted, every table of it,
in one transaction, daily and at start; one that left more recently, or never, keeps it."""

from __future__ import annotations

import logging
import sqlite3
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import msgspec
import pytest

from bot.news.announce import REMOVED
from bot.news.pipeline import NewsDeps
from bot.news.service import NewsService
from bot.store import Store
from bot.store.feeds import NOBODY_FOLLOWS, NOBODY_HERE
from bot.store.guilds import GUILD_TABLES
from bot.store.retention import RETENTION
from bot.store.rows import iso
from tests.conftest import NOW, ReadyClient, scheduled_job
from tests.unit.test_announce_safety import queue
from tests.unit.test_guild_departed import own_feed, reason

LONG_GONE, JUST_GONE, HERE = 1, 2, 3
KEEP = timedelta(days=30)


async def guild_tables(store: Store) -> set[str]:
    """Every table of the migrated schema with a guild_id column."""
    rows = await store.db.rows(
        "SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) p "
        "WHERE m.type = 'table' AND p.name = 'guild_id'"
    )
    return {row[0] for row in rows}


async def held(store: Store, table: str, guild_id: int) -> int:
    rows = await store.db.rows(f"SELECT count(*) FROM {table} WHERE guild_id = ?", (guild_id,))
    return int(rows[0][0])


async def a_guild_in_every_table(store: Store, guild_id: int, feed_id: int) -> None:
    """A row of ``guild_id`` in each table that has one, as the bot writes them."""
    await store.guilds.update(guild_id, channel_id=guild_id * 10, mode="all")
    await store.feeds.subscribe(guild_id, feed_id, None)
    await queue(store, guild_id, guild_id=guild_id, channel_id=guild_id * 10)
    await store.outbox.add_notice(guild_id, "key", "a notice")
    await store.events.intend(guild_id, "xo-kitty", 3)
    await store.cards.place(guild_id, guild_id * 10)


async def test_the_purge_names_every_table_with_a_guild_id(store: Store) -> None:
    """A table a later migration adds with a guild_id column must be purged too."""
    assert await guild_tables(store) == set(GUILD_TABLES)


async def test_a_server_left_over_the_grace_period_loses_every_row_others_keep_theirs(
    store: Store,
) -> None:
    feed = await own_feed(store, "https://e.org/everyone")
    for guild_id in (LONG_GONE, JUST_GONE, HERE):
        await a_guild_in_every_table(store, guild_id, feed.id)
    await store.guilds.depart(LONG_GONE, REMOVED, iso(NOW - KEEP - timedelta(hours=1)))
    await store.guilds.depart(JUST_GONE, REMOVED, iso(NOW - KEEP + timedelta(hours=1)))
    tables = await guild_tables(store)
    for table in tables:  # each was written: so the purge below is tested on each
        assert await held(store, table, LONG_GONE) == 1, table

    assert await store.guilds.purge_departed(NOW - KEEP, now=NOW) == [LONG_GONE]
    for table in tables:
        assert await held(store, table, LONG_GONE) == 0, table
        assert await held(store, table, JUST_GONE) == 1, table
        assert await held(store, table, HERE) == 1, table
    assert await store.guilds.known() == {JUST_GONE: True, HERE: False}
    assert await reason(store, feed) is None  # still followed
    # Nothing more to go: a second run deletes nothing.
    assert await store.guilds.purge_departed(NOW - KEEP, now=NOW) == []


async def test_back_within_the_grace_period_a_server_keeps_everything(store: Store) -> None:
    feed = await own_feed(store, "https://e.org/a")
    await a_guild_in_every_table(store, LONG_GONE, feed.id)
    await store.guilds.depart(LONG_GONE, REMOVED, iso(NOW - KEEP - timedelta(days=5)))
    assert await store.guilds.restore(LONG_GONE)
    assert await store.guilds.purge_departed(NOW - KEEP, now=NOW) == []
    for table in GUILD_TABLES:
        assert await held(store, table, LONG_GONE) == 1, table


async def test_feeds_only_purged_servers_followed_are_nobodys_and_retention_forgets_them(
    store: Store,
) -> None:
    """A feed resting since its servers left is then followed by nobody, as after the last
    /feeds remove: kept resting, it would wake for no one and never be forgotten."""
    left = NOW - KEEP - timedelta(days=1)
    theirs = await own_feed(store, "https://e.org/theirs", LONG_GONE)
    cut_short = await own_feed(store, "https://e.org/cut-short", LONG_GONE)
    both = await own_feed(store, "https://e.org/both", LONG_GONE, HERE)
    shared = await store.feeds.share("https://e.org/shared")
    await store.guilds.depart(LONG_GONE, REMOVED, iso(left))
    await store.feeds.rest(now=left, anyone_here=True)
    await store.feeds.enable(cut_short.id)  # a departure cut short before its feeds rested
    assert await reason(store, theirs) == NOBODY_HERE

    assert await store.guilds.purge_departed(NOW - KEEP, now=NOW) == [LONG_GONE]
    assert await reason(store, theirs) == NOBODY_FOLLOWS
    assert await reason(store, cut_short) == NOBODY_FOLLOWS
    assert await reason(store, both) is None
    assert await reason(store, shared) is None
    got = await store.feeds.get(theirs.id)
    assert got is not None and got.disabled_at == iso(left)  # not polled since it rested
    assert {f.id for f in await store.feeds.active()} == {both.id, shared.id}
    # Retention's rule for a feed nobody names takes it, RETENTION after it stopped.
    await store.feeds.add("https://e.org/newest")  # the newest feed's id is never reused
    await store.retention.prune(NOW + RETENTION + timedelta(seconds=1))
    assert {f.url for f in await store.feeds.all()} >= {both.url, shared.url}
    assert await store.feeds.get(theirs.id) is None
    assert await store.feeds.get(cut_short.id) is None


async def test_the_bot_purges_at_start_and_daily_after_its_setting(
    deps: NewsDeps, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    deps.settings = msgspec.structs.replace(
        deps.settings, feeds_file=tmp_path / "none.toml", departed_keep_days=7
    )
    news = NewsService(ReadyClient(), deps)  # type: ignore[arg-type]
    job = await scheduled_job(news, "departed")
    assert job.trigger.interval == timedelta(days=1)
    assert job.next_run_time <= datetime.now(UTC) + timedelta(seconds=5)  # at start
    store = deps.store
    await store.guilds.update(LONG_GONE, channel_id=10)
    await store.guilds.update(JUST_GONE, channel_id=20)
    await store.guilds.depart(LONG_GONE, REMOVED, iso(NOW - timedelta(days=8)))
    await store.guilds.depart(JUST_GONE, REMOVED, iso(NOW - timedelta(days=6)))
    await news.guilds_listed({HERE})  # the start's guild list, read before any purge
    with caplog.at_level(logging.INFO, logger="bot.news.service"):
        assert await news.purge_departed() == [LONG_GONE]
    assert "1 server(s) left over 7 days ago: their data is deleted (1)" in caplog.text
    assert await store.guilds.known() == {JUST_GONE: True}


def test_the_grace_period_is_a_setting_of_at_least_a_day() -> None:
    from bot.errors import ConfigError
    from bot.settings import Settings

    assert Settings.from_env({}, env_file=None).departed_keep_days == 30
    assert Settings.from_env({"DEPARTED_KEEP_DAYS": "90"}, env_file=None).departed_keep_days == 90
    with pytest.raises(ConfigError, match="DEPARTED_KEEP_DAYS"):
        Settings.from_env({"DEPARTED_KEEP_DAYS": "0"}, env_file=None)


async def test_with_nobody_to_purge_the_write_lock_is_not_taken(
    store: Store, tmp_path: Path
) -> None:
    """The job runs at every start beside the others that write: with no server gone long
    enough it takes no write lock, so another writer holding it delays nothing."""
    await store.guilds.update(HERE, channel_id=HERE * 10)
    await store.guilds.depart(JUST_GONE, REMOVED, iso(NOW - KEEP + timedelta(hours=1)))
    holder = sqlite3.connect(tmp_path / "kissbot.db", isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # a host's shell mid-write
        started = time.monotonic()
        assert await store.guilds.purge_departed(NOW - KEEP, now=NOW) == []
        assert time.monotonic() - started < 1.0  # not the 5 s busy timeout
    finally:
        holder.execute("ROLLBACK")
        holder.close()


async def test_a_server_the_bot_is_in_keeps_its_data_though_its_return_went_unrecorded(
    deps: NewsDeps,
) -> None:
    """Back in a server whose return the store refused (the join's write, or the start's
    guild list: ``guilds_missed`` mends it at the next feeds job), the store still says it
    left long ago. The purge deleted its settings and feeds while the bot was in it."""
    store = deps.store
    feed = await own_feed(store, "https://e.org/theirs", LONG_GONE)
    await a_guild_in_every_table(store, LONG_GONE, feed.id)
    await store.guilds.depart(LONG_GONE, REMOVED, iso(NOW - KEEP - timedelta(days=5)))
    news = NewsService(ReadyClient(guilds=[LONG_GONE, HERE]), deps)  # type: ignore[arg-type]
    assert await news.purge_departed() == []
    for table in GUILD_TABLES:
        assert await held(store, table, LONG_GONE) == 1, table
    assert await reason(store, feed) is None
    # Its return recorded later, it is as it left it; left again, the grace starts afresh.
    assert await store.guilds.restore(LONG_GONE)


async def test_many_servers_go_a_batch_a_transaction(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """10,000 servers gone at once (the first start after a long history) held the store
    for 1.7 s in one transaction, every command waiting: they go a batch at a time."""
    monkeypatch.setattr("bot.store.guilds.PURGE_BATCH", 2)
    gone_ids = [LONG_GONE * 100 + i for i in range(5)]
    for guild_id in gone_ids:
        await store.guilds.update(guild_id, channel_id=guild_id * 10)
        await store.guilds.depart(guild_id, REMOVED, iso(NOW - KEEP - timedelta(days=1)))
    opened = 0
    transaction = store.db.transaction

    def counted() -> Any:
        nonlocal opened
        opened += 1
        return transaction()

    monkeypatch.setattr(store.db, "transaction", counted)
    assert sorted(await store.guilds.purge_departed(NOW - KEEP, now=NOW)) == gone_ids
    assert opened == 3  # 2 + 2 + 1
    assert await store.guilds.known() == {}
