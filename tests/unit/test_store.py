"""The store: migrations, transactions, and the repositories' idempotency."""

from __future__ import annotations

import sqlite3
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.domain.status import LearnedEvent
from bot.errors import ConfigError
from bot.moderation.keywords import join_keywords
from bot.news.dedupe import Seen
from bot.news.fingerprint import headline_fingerprint
from bot.news.models import Article, Certainty, Milestone
from bot.news.parse import safer_spelling
from bot.store import Store
from bot.store import feeds as feed_store
from bot.store.db import Database, migrations
from bot.store.news import Judged
from bot.store.outbox import Heard
from bot.store.rows import iso
from tests.conftest import NOW


async def test_migrations_are_numbered_and_reach_the_latest(tmp_path: Path) -> None:
    store = await Store.open(tmp_path / "a.db")
    try:
        latest = len(migrations())
        assert await store.migrate() == latest
        assert await store.migrate() == latest  # idempotent
        async with store.db.conn.execute("PRAGMA journal_mode") as cur:
            assert (await cur.fetchone())[0] == "wal"
        async with store.db.conn.execute("PRAGMA foreign_keys") as cur:
            assert (await cur.fetchone())[0] == 1
    finally:
        await store.close()


async def test_a_failing_migration_leaves_schema_and_version_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = migrations()
    broken = [
        *good,
        (len(good) + 1, "9999_broken.sql", "CREATE TABLE x (a); SELECT nope FROM nowhere;"),
    ]
    monkeypatch.setattr("bot.store.db.migrations", lambda: broken)
    db = await Database.open(tmp_path / "b.db")
    try:
        with pytest.raises(sqlite3.OperationalError):
            await db.migrate()
        assert await db.user_version() == len(good)
        async with db.conn.execute("SELECT name FROM sqlite_master WHERE name = 'x'") as cur:
            assert await cur.fetchone() is None
    finally:
        await db.close()


async def test_a_store_from_a_newer_kissbot_is_refused_untouched(tmp_path: Path) -> None:
    """Rolled back to an older release: it must not write to tables it doesn't know."""
    newer = len(migrations()) + 1
    db = await Database.open(tmp_path / "newer.db")
    try:
        await db.conn.execute(f"PRAGMA user_version = {newer}")
        with pytest.raises(ConfigError, match=f"schema version {newer}, newer than"):
            await db.migrate()
        assert await db.user_version() == newer
        async with db.conn.execute("SELECT count(*) FROM sqlite_master") as cur:
            assert (await cur.fetchone())[0] == 0
    finally:
        await db.close()


async def upgraded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, version: int, rows: str
) -> Store:
    """A store migrated to ``version``, holding ``rows`` (SQL), then to the newest."""
    monkeypatch.setattr("bot.store.db.migrations", lambda: migrations()[:version])
    store = await Store.open(tmp_path / "old.db")
    try:
        assert await store.migrate() == version
        await store.db.conn.executescript(rows)
        monkeypatch.undo()
        assert await store.migrate() == len(migrations())
    except BaseException:
        await store.close()
        raise
    return store


async def test_an_older_store_keeps_its_rows_through_the_newest_migration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bot upgraded mid-flight: the article seen and the post queued under version 3 are
    still there after migration 4, read with no change or article named, and still sent."""
    store = await upgraded(
        tmp_path,
        monkeypatch,
        3,
        "INSERT INTO feeds (id, url) VALUES (1, 'https://e.org/feed');"
        "INSERT INTO articles (feed_id, key, url, title, verdict, first_seen_at) VALUES "
        "(1, 'k', 'https://e.org/a', 'XO, Kitty renewed', 'repeat', '2026-01-01T00:00:00Z');"
        "INSERT INTO deliveries (guild_id, channel_id, dedupe_key, payload) VALUES "
        "(7, 70, 'event:1', '{\"content\": \"a\"}');",
    )
    try:
        (seen,) = await store.news.find_articles([1], "renewed")
        assert seen.verdict == "repeat" and seen.change_id is None
        now = datetime(2026, 1, 1, tzinfo=UTC)
        (due,) = await store.outbox.due(now, 10)
        assert due.feed_id is None and due.article_key is None and due.message == {"content": "a"}
        assert await store.outbox.mark_sending(due.id) is not None
        await store.outbox.mark_sent(due.id, 999, now)
        assert await store.outbox.counts() == {"sent": 1}
        assert await store.outbox.publishes_due(now) == []  # a text channel's post
    finally:
        await store.close()


async def test_an_article_stored_before_migration_19_reads_with_no_earlier_headline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Seen before the upgrade, an entry has had only the headline stored: one corrected
    after it is read again, and what was stored is kept beside the new headline."""
    store = await upgraded(
        tmp_path,
        monkeypatch,
        18,
        "INSERT INTO feeds (id, url) VALUES (1, 'https://e.org/feed');"
        "INSERT INTO articles (feed_id, key, url, title, verdict, first_seen_at) VALUES "
        "(1, 'k', 'https://e.org/a', 'Netflix eyes XO, Kitty', 'not_news', "
        "'2026-01-01T00:00:00Z');",
    )
    try:
        seen = await store.news.seen(1, ["k", "other"])
        assert seen == {"k": Seen("Netflix eyes XO, Kitty", "", "not_news", None)}
        async with store.db.transaction():
            corrected = Article("f", "k", "https://e.org/a", "Netflix renews XO, Kitty", NOW, "")
            await store.news.retitle(1, [(corrected, "d1", Judged("not_change", "r"))])
        (stored,) = await store.news.find_articles([1], "renews")
        assert (stored.verdict, stored.rule, stored.story_id) == ("not_change", "r", None)
        assert (await store.news.seen(1, ["k"]))["k"].read_as == "d1"
    finally:
        await store.close()


async def test_publishing_is_kept_per_post(store: Store) -> None:
    """A sent post records the channel it went to and whether it is still to be published;
    the publishes of the last hour are counted per channel, the due ones listed to resume."""
    async with store.db.transaction():
        for key in ("event:1", "event:2", "event:3"):
            await store.outbox.enqueue(
                guild_id=1, channel_id=10, dedupe_key=key, message={"content": key}
            )
    first, second, third = await store.outbox.due(datetime(2026, 1, 1, 9, tzinfo=UTC), 10)
    at = datetime(2026, 1, 1, 10, tzinfo=UTC)
    await store.outbox.mark_sent(first.id, 101, at, channel_id=11, publish="due")
    await store.outbox.mark_sent(second.id, 102, at, channel_id=11, publish="due")
    await store.outbox.mark_sent(third.id, 103, at)
    moved, kept = await store.outbox.find(1, "event:1"), await store.outbox.find(1, "event:3")
    assert moved is not None and moved.channel_id == 11  # where /setup had moved it
    assert kept is not None and kept.channel_id == 10  # no channel given: as queued
    assert [p.message_id for p in await store.outbox.publishes_due(at)] == [101, 102]
    later = at + timedelta(minutes=5)
    await store.outbox.mark_published(first.id, "done", later)
    await store.outbox.mark_published(second.id, "skipped", later)
    assert await store.outbox.publishes_due(at) == []
    assert await store.outbox.published_since(at) == [(11, later)]
    assert await store.outbox.published_since(later + timedelta(seconds=1)) == []
    # A post found published already (on a resend) counts against its channel's hour.
    await store.outbox.mark_sent(third.id, 103, later, channel_id=11, publish="done")
    assert await store.outbox.published_since(at) == [(11, later), (11, later)]


async def test_a_publish_due_for_too_long_is_given_up(store: Store) -> None:
    """Resumed only for posts sent since the cut-off; an older one is recorded as expired,
    not left "being published" for /feeds why to report forever."""
    await store.outbox.enqueue(guild_id=1, channel_id=10, dedupe_key="e", message={})
    (queued,) = await store.outbox.due(datetime(2026, 1, 1, tzinfo=UTC), 9)
    await store.outbox.mark_sent(queued.id, 101, datetime(2026, 1, 1, tzinfo=UTC), publish="due")
    assert await store.outbox.publishes_due(datetime(2026, 1, 2, tzinfo=UTC)) == []
    found = await store.outbox.find(1, "e")
    assert found is not None and found.publish == "expired"


async def test_transaction_rolls_back_on_error(store: Store) -> None:
    with pytest.raises(RuntimeError):
        async with store.db.transaction() as conn:
            await conn.execute("INSERT INTO guild_settings (guild_id) VALUES (1)")
            raise RuntimeError("boom")
    assert (await store.guilds.get(1)).channel_id is None
    async with store.db.conn.execute("SELECT count(*) FROM guild_settings") as cur:
        assert (await cur.fetchone())[0] == 0


async def test_guild_settings_upsert_and_reset(store: Store) -> None:
    assert not (await store.guilds.get(7)).announces
    await store.guilds.update(7, channel_id=70, role_id=700)
    await store.guilds.update(7, mode="all")
    got = await store.guilds.get(7)
    assert (got.channel_id, got.role_id, got.mode) == (70, 700, "all")
    assert [g.guild_id for g in await store.guilds.announcing()] == [7]
    await store.guilds.update(7, disabled_reason="403")
    assert await store.guilds.announcing() == []
    await store.guilds.reset(7)
    assert (await store.guilds.get(7)).channel_id is None
    with pytest.raises(ValueError, match="unknown"):
        await store.guilds.update(7, colour="pink")


async def test_feed_subscriptions_and_due(store: Store) -> None:
    feed = await store.feeds.add("https://example.org/feed.xml", title="Example")
    again = await store.feeds.add("https://example.org/feed.xml")
    assert feed.id == again.id
    now = datetime(2026, 1, 1, tzinfo=UTC)
    assert await store.feeds.due(now) == []  # nobody follows it yet
    assert await store.feeds.subscribe(1, feed.id, added_by=5)
    assert not await store.feeds.subscribe(1, feed.id, added_by=5)
    assert [f.id for f in await store.feeds.due(now)] == [feed.id]
    await store.feeds.set_filter(1, feed.id, "kitty, season 3", "review")
    (gf,) = await store.feeds.for_guild(1)
    assert gf.include == ("kitty", "season 3") and gf.exclude == ("review",)
    # A word with a comma ("XO, Kitty") comes back whole, to this guild and the pipeline.
    await store.feeds.set_filter(1, feed.id, join_keywords(("XO, Kitty",)), "review")
    (gf,) = await store.feeds.for_guild(1)
    assert gf.include == ("XO, Kitty",)
    assert (await store.feeds.followers(feed.id))[1].include == ("XO, Kitty",)
    failures = await store.feeds.record_failure(feed.id, now=now, next_poll=now, error="timeout")
    assert failures == 1
    await store.feeds.disable(feed.id, "gone", now=now)
    assert await store.feeds.due(now) == []
    assert await store.feeds.unsubscribe(1, feed.id)


async def test_outbox_is_idempotent_per_guild_and_key(store: Store) -> None:
    async with store.db.transaction():
        assert await store.outbox.enqueue(
            guild_id=1, channel_id=10, dedupe_key="event:1", message={"content": "a"}
        )
        assert not await store.outbox.enqueue(
            guild_id=1, channel_id=10, dedupe_key="event:1", message={"content": "b"}
        )
        assert await store.outbox.enqueue(
            guild_id=2, channel_id=20, dedupe_key="event:1", message={"content": "a"}
        )
    now = datetime(2026, 1, 1, tzinfo=UTC)
    due = await store.outbox.due(now, 10)
    assert [(d.guild_id, d.message["content"]) for d in due] == [(1, "a"), (2, "a")]
    await store.outbox.mark_sending(due[0].id)
    # A crash after mark_sending: the delivery is still due, with its attempt counted.
    again = await store.outbox.due(now, 10)
    assert again[0].state == "sending" and again[0].attempts == 1
    await store.outbox.mark_sent(due[0].id, 999, now)
    (other,) = await store.outbox.due(now, 10)
    assert other.guild_id == 2
    await store.outbox.fail(other.id, "400")
    assert await store.outbox.counts() == {"sent": 1, "failed": 1}
    assert await store.outbox.add_notice(2, "destination:20", "lost it")
    assert not await store.outbox.add_notice(2, "destination:20", "lost it again")


async def test_a_fold_keeps_the_address_the_host_lists(store: Store) -> None:
    """The host lists A, which moved to B; a server's own C moves to B too and folds the
    shared row into its own: A still finds that one row at the next start."""
    a, b, c = (f"https://{name}.example/feed" for name in "abc")
    shared = await store.feeds.share(a)
    await store.feeds.move(shared.id, b)
    own = await store.feeds.add(c)
    await store.feeds.subscribe(7, own.id, None)
    await store.feeds.move(own.id, b)
    (one,) = await store.feeds.all()
    assert (one.url, one.moved_from, one.shared) == (b, a, True)
    assert (await store.feeds.share(a)).id == one.id and len(await store.feeds.all()) == 1


async def test_a_move_onto_another_spelling_of_a_feeds_address_folds_the_two(
    store: Store,
) -> None:
    """A server's feed redirected to the shared feed's address spelled otherwise ("www.", a
    trailing slash): two rows polled one feed until the next start."""
    shared = await store.feeds.share("https://site.example/feed")
    own = await store.feeds.add("https://old.example/feed")
    await store.feeds.subscribe(7, own.id, None)
    await store.feeds.move(own.id, "https://www.site.example/feed/")
    (one,) = await store.feeds.all()
    assert (one.id, one.shared, one.moved_from) == (own.id, True, "https://old.example/feed")
    assert (await store.feeds.share(shared.url)).id == own.id
    assert [s.feed.id for s in await store.feeds.for_guild(7)] == [own.id]


async def test_feeds_at_spellings_of_one_address_fold_into_the_one_that_works(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stored by an earlier version as several feeds: the one kept answers (not disabled),
    then is https; a fold stopped midway leaves them all, for the next start to fold."""
    broken = await store.feeds.add("http://site.example/feed")
    await store.feeds.disable(broken.id, "the feed is gone (HTTP 410)", now=datetime.now(UTC))
    await store.feeds.subscribe(7, broken.id, None)
    await store.feeds.add("http://site.example/feed/?utm_source=x")
    https = await store.feeds.add("https://www.site.example/feed/")
    other = await store.feeds.add("https://site.example/other")
    monkeypatch.setattr(feed_store, "_FOLD", (*feed_store._FOLD, "DELETE FROM no_such_table"))
    with pytest.raises(sqlite3.OperationalError):
        await store.feeds.fold_twins()
    assert len(await store.feeds.all()) == 4
    monkeypatch.undo()
    assert await store.feeds.fold_twins() == 2
    assert [f.id for f in await store.feeds.all()] == [https.id, other.id]
    assert [s.feed.id for s in await store.feeds.for_guild(7)] == [https.id]
    assert await store.feeds.fold_twins() == 0


async def test_a_feed_added_at_another_spelling_of_a_stored_one_is_that_one(
    store: Store,
) -> None:
    """``add_once`` looks for the feed at any spelling in its insert's transaction: a /feeds
    add whose own look-up came before another server stored a spelling (or a 301 moved a
    feed onto one) stored a twin, folded only at a start (now: once per key scheme)."""
    kept = await store.feeds.add("https://site.example/feed")
    moved = await store.feeds.add("https://old.example/feed")
    await store.feeds.move(moved.id, "https://new.example/feed")
    found = await store.feeds.add_once("HTTP://WWW.Site.Example/feed/?utm_source=x", title="T")
    assert (found.id, found.url, found.title) == (kept.id, kept.url, "T")
    assert (await store.feeds.add_once("https://www.old.example/feed/")).id == moved.id
    assert (await store.feeds.add_once("https://site.example/feed", shared=True)).shared
    new = await store.feeds.add_once("https://site.example/other")
    assert [f.id for f in await store.feeds.all()] == [kept.id, moved.id, new.id]


async def test_an_https_spelling_of_a_feed_stored_as_http_upgrades_its_address(
    store: Store,
) -> None:
    """One server stored http://…, a second asked for https://… and got the feed read over
    plain http (a site serving both without a redirect): every server's polls now go over
    https, and the feed keeps its seen keys. http never downgrades an https address, and a
    feed that only moved away from the address asked for keeps its own."""
    plain = await store.feeds.add("http://site.example/feed")
    async with store.db.transaction():
        seen = Article(plain.url, "guid:1", "https://site.example/1", "Seen", None, "")
        await store.news.record_articles(plain.id, [(seen, Judged("baseline"))], NOW)
    upgraded = await store.feeds.add_once("https://www.site.example/feed/", title="T")
    assert (upgraded.id, upgraded.url) == (plain.id, "https://site.example/feed")
    assert await store.news.seen_keys(plain.id, ["guid:1", "guid:2"]) == {"guid:1"}
    again = await store.feeds.add_once("http://site.example/feed")
    assert (again.id, again.url) == (plain.id, upgraded.url)

    listed = await store.feeds.add("http://listed.example/feed")
    listed_https = await store.feeds.share("https://www.listed.example/feed/")
    assert (listed_https.id, listed_https.url) == (listed.id, "https://listed.example/feed")
    moved = await store.feeds.add("http://old.example/feed")
    await store.feeds.move(moved.id, "http://new.example/feed")
    found = await store.feeds.add_once("https://old.example/feed")
    assert (found.id, found.url) == (moved.id, "http://new.example/feed")
    assert [f.id for f in await store.feeds.all()] == [plain.id, listed.id, moved.id]


@pytest.mark.parametrize(
    ("given", "stored", "read"),
    [
        ("https://e.org/feed", "http://e.org/feed", "https://e.org/feed"),
        ("HTTPS://www.e.org/feed/", "http://e.org/feed", "https://e.org/feed"),  # scheme only
        ("https://e.org/feed", "HTTP://e.org:80/feed", "https://e.org/feed"),
        ("http://e.org/feed", "https://e.org/feed", "https://e.org/feed"),
        ("https://e.org/feed", "http://e.org/other", "http://e.org/other"),  # moved there
        ("https://e.org:8443/feed", "http://e.org:8080/feed", "http://e.org:8080/feed"),
    ],
)
def test_an_https_spelling_is_read_over_an_http_one(given: str, stored: str, read: str) -> None:
    assert safer_spelling(given, stored) == read


async def test_a_server_following_twins_keeps_what_either_filter_let_through(
    store: Store,
) -> None:
    """A server that followed one feed at two spellings, one filtered ("kitty", never
    "spoiler") and one not, heard everything; the fold kept the kept row's filter alone, so
    it heard only "kitty" from then on. A move onto the other spelling does the same."""
    for guild, move in ((7, False), (8, True)):
        a = await store.feeds.add(f"https://site{guild}.example/feed")
        b = await store.feeds.add("https://old.example/feed" if move else f"{a.url}/")
        for feed, include, exclude in ((a, "kitty", "spoiler"), (b, "", "spoiler, quiz")):
            await store.feeds.subscribe(guild, feed.id, None)
            await store.feeds.set_filter(guild, feed.id, include, exclude)
        if move:
            await store.feeds.move(b.id, f"{a.url}/")
        else:
            await store.feeds.fold_twins()
        (sub,) = await store.feeds.for_guild(guild)
        assert (sub.include, sub.exclude) == ((), ("spoiler",))


async def test_twins_folded_keep_a_word_with_a_comma_whole(store: Store) -> None:
    """The fold rewrites the kept row's filter: "XO, Kitty" stays one word."""
    a = await store.feeds.add("https://site.example/feed")
    b = await store.feeds.add("https://site.example/feed/")
    for feed, include in ((a, ("XO, Kitty",)), (b, ("trailer", "Min, Ho"))):
        await store.feeds.subscribe(7, feed.id, None)
        await store.feeds.set_filter(7, feed.id, join_keywords(include), "quiz")
    assert await store.feeds.fold_twins() == 1
    (sub,) = await store.feeds.for_guild(7)
    assert (sub.include, sub.exclude) == (("XO, Kitty", "trailer", "Min, Ho"), ("quiz",))


async def test_a_backlogs_stories_are_made_in_one_go(store: Store) -> None:
    """More fingerprints than one statement may bind, some repeated, some known already."""
    now = datetime(2026, 1, 1, tzinfo=UTC)
    async with store.db.transaction():
        known, _ = await store.news.story("title:7", "https://e.org/7", "seven", now)
        told = [(f"title:{n % 1000}", f"https://e.org/{n}", f"story {n}") for n in range(1200)]
        ids = await store.news.stories(told, now)
    assert len(ids) == 1200 and len(set(ids)) == 1000
    assert ids[7] == ids[1007] == known and ids[0] == ids[1000] != ids[1]


# Two stories an older release told apart (a kicker mark, a "[Video]" tag) that read alike now.
TOLD_ALIKE = [
    ("title:old-marked", "https://e.org/1", "EXCLUSIVE: XO, Kitty cast talks season 3"),
    ("title:old-plain", "https://e.org/2", "XO, Kitty cast talks season 3 [Video]"),
]


async def test_stories_an_older_release_fingerprinted_are_read_anew(store: Store) -> None:
    """A release that kept kicker marks stored "EXCLUSIVE: …" under another fingerprint than
    today's; the older of two stories that now read alike keeps the fingerprint."""
    now = datetime(2026, 1, 1, tzinfo=UTC)
    told = [
        *TOLD_ALIKE,
        ("title:already", "https://e.org/3", "Netflix renews XO, Kitty"),
        ("url:abc", "https://e.org/4", "???"),
    ]
    async with store.db.transaction():
        marked, plain, already, by_url = await store.news.stories(told, now)
    fresh = headline_fingerprint("XO, Kitty cast talks season 3")
    renewed = headline_fingerprint("Netflix renews XO, Kitty")
    assert fresh is not None and renewed is not None
    await store.db.write("UPDATE stories SET fingerprint = ? WHERE id = ?", (renewed, already))

    assert await store.news.refingerprint(headline_fingerprint) == 1
    rows = await store.db.rows("SELECT id, fingerprint FROM stories ORDER BY id")
    assert [tuple(r) for r in rows] == [
        (marked, fresh),
        (plain, "title:old-plain"),
        (already, renewed),
        (by_url, "url:abc"),
    ]
    assert (await store.news.story(fresh, "", "", now))[0] == marked


async def test_a_storys_other_wording_is_that_story_and_follows_a_merge(store: Store) -> None:
    """A corrected headline's fingerprint (``also_told_as``) finds its story, one by one or
    in a backlog, dated when that wording was first told; a wording that is a story of its
    own stays so; and when the story is folded into another, its other wordings go too."""
    now = datetime(2026, 1, 1, tzinfo=UTC)
    later = now + timedelta(hours=3)
    wording, renews = "XO, Kitty cast talk about season 3", "Netflix renews XO, Kitty"
    corrected, renewed = headline_fingerprint(wording), headline_fingerprint(renews)
    assert corrected is not None and renewed is not None
    async with store.db.transaction():
        marked, plain = await store.news.stories(TOLD_ALIKE, now)
        other, _ = await store.news.story(renewed, "https://e.org/5", renews, now)
        await store.news.also_told_as(plain, corrected, "https://e.org/2", wording, later)
        await store.news.also_told_as(plain, renewed, "https://e.org/2", renews, later)
        assert await store.news.story(corrected, "", "", later) == (plain, False)
        assert await store.news.stories([(corrected, "", "")], later) == [plain]
        assert (await store.news.story(renewed, "", "", later))[0] == other
    assert await store.news.story_told_at(corrected) == later
    assert await store.news.story_told_at("title:old-plain") == now
    await store.news.refingerprint(headline_fingerprint)  # plain now reads as marked
    async with store.db.transaction():
        assert (await store.news.story(corrected, "", "", later))[0] == marked


async def test_a_polls_reads_are_one_round_trip_each(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each round trip wakes the SQLite thread and then the event loop, and a poll reads
    # inside its transaction, holding the write lock every other feed's poll waits on.
    feed = await store.feeds.add("https://e.org/feed")
    await store.guilds.update(1, channel_id=10)
    await store.feeds.subscribe(1, feed.id, None)
    trips = 0
    execute = store.db.conn._execute

    async def counted(fn: Any, *args: Any, **kwargs: Any) -> Any:
        nonlocal trips
        trips += 1
        return await execute(fn, *args, **kwargs)

    monkeypatch.setattr(store.db.conn, "_execute", counted)
    reads: tuple[Callable[[], Awaitable[object]], ...] = (
        lambda: store.feeds.get(feed.id),
        lambda: store.feeds.due(NOW),
        lambda: store.guilds.with_channel(),
        lambda: store.guilds.get(1),
        lambda: store.news.seen_keys(feed.id, ["a", "b"]),
        lambda: store.news.learned_seasons("xo-kitty"),
    )
    for read in reads:
        before = trips
        await read()
        assert trips - before == 1
    before = trips
    assert len(await store.feeds.followers(feed.id)) == 1  # the feed, then its subscriptions
    assert trips - before == 2


async def test_a_server_that_heard_a_story_merged_away_is_not_told_it_again(
    store: Store,
) -> None:
    """Two stories an older release told apart ("EXCLUSIVE: …" and "… [Video]") read alike
    today: the older keeps the fingerprint. An all-news server that heard only the newer one
    has heard the story, so its next telling is not posted there again; a feed whose backlog
    held the newer one still has it in its backlog."""
    now = datetime(2026, 1, 1, tzinfo=UTC)
    feed = await store.feeds.add("https://example.org/feed.xml")
    told = TOLD_ALIKE
    async with store.db.transaction():
        older, newer = await store.news.stories(told, now)
        await store.outbox.enqueue(
            guild_id=1, channel_id=10, dedupe_key=f"story:{newer}", message={}, story_id=newer
        )
        await store.outbox.enqueue(
            guild_id=2, channel_id=20, dedupe_key=f"story:{older}", message={}, story_id=older
        )
        await store.outbox.enqueue(
            guild_id=2, channel_id=20, dedupe_key=f"story:{newer}", message={}, story_id=newer
        )
        await store.db.conn.execute(
            "INSERT INTO articles (feed_id, key, url, title, story_id, verdict, first_seen_at) "
            "VALUES (?, 'k', '', '', ?, 'baseline', ?)",
            (feed.id, newer, iso(now)),
        )

    await store.news.refingerprint(headline_fingerprint)
    fresh = headline_fingerprint("XO, Kitty cast talks season 3")
    assert fresh is not None
    async with store.db.transaction():
        story_id, created = await store.news.story(fresh, "https://f.org/1", "", now)
        assert (story_id, created) == (older, False)
        assert await store.news.in_backlog(feed.id, older)
        assert not await store.outbox.enqueue(
            guild_id=1, channel_id=10, dedupe_key=f"story:{story_id}", message={}
        )
    heard = await store.db.rows(
        "SELECT guild_id, dedupe_key, story_id FROM deliveries ORDER BY guild_id, id"
    )
    assert [tuple(r) for r in heard] == [
        (1, f"story:{older}", older),
        (2, f"story:{older}", older),
        (2, f"story:{newer}", newer),  # heard both: its own record of each stays
    ]


async def test_a_change_heard_of_a_story_merged_away_is_of_the_story_it_joined(
    store: Store,
) -> None:
    """A "changes" server's post is keyed by its change, not its story: after a merge it
    still named the story merged away, so a switch to all-news mode posted the story."""
    now = datetime(2026, 1, 1, tzinfo=UTC)
    told = TOLD_ALIKE
    async with store.db.transaction():
        older, newer = await store.news.stories(told, now)
        await store.outbox.enqueue(
            guild_id=1, channel_id=10, dedupe_key="event:9", message={}, story_id=newer
        )
    await store.news.refingerprint(headline_fingerprint)
    assert await store.outbox.has_heard(1, Heard(story=older))


@pytest.mark.parametrize(
    ("heard", "index"),
    [
        (Heard(story=7), "deliveries_by_story (story_id=? AND guild_id=?)"),
        (Heard(changes=(3, 4)), "deliveries_by_change (event_id=? AND guild_id=?)"),
    ],
)
async def test_what_a_guild_heard_is_looked_up_for_that_guild_alone(
    store: Store, heard: Heard, index: str
) -> None:
    """A post per guild is queued for each story in all-news mode: looking up whether the
    guild heard it among every guild's posts of the story made a poll quadratic in guilds."""
    where, params = heard.where()
    async with store.db.conn.execute(
        f"EXPLAIN QUERY PLAN SELECT 1 FROM deliveries WHERE guild_id = ? AND {where}",
        (1, *params),
    ) as cur:
        plan = " ".join(row[-1] for row in await cur.fetchall())
    assert f"USING INDEX {index}" in plan


async def test_a_storys_post_found_is_one_that_reached_the_guild_before_one_given_up(
    store: Store,
) -> None:
    """Looked up by story alone, a post given up untried (all-news mode's, withdrawn by a
    switch to "changes") came before the post that told the story's change: /feeds why said
    the story's post "was given up" though the server had heard it."""
    await store.db.write(
        "INSERT INTO stories (id, fingerprint, url, title, first_seen_at) "
        "VALUES (7, 'f', '', '', '')"
    )
    await store.db.write(
        "INSERT INTO status_events (id, show_slug, season, milestone, certainty, kind, "
        "source_url, source_title, story_id, seen_at) "
        "VALUES (3, 's', 1, 'm', 1, 'k', '', '', 7, '')"
    )
    async with store.db.transaction():
        await store.outbox.enqueue(
            guild_id=1, channel_id=10, dedupe_key="story:7", message={}, story_id=7
        )
    await store.outbox.withdraw(1, "mode", changes=False)
    async with store.db.transaction():
        await store.outbox.enqueue(
            guild_id=1, channel_id=10, dedupe_key="event:3", message={}, event_id=3, story_id=7
        )
    found = await store.outbox.find_heard(1, Heard(story=7))
    assert found is not None and found.dedupe_key == "event:3"


async def test_a_delay_keeps_the_day_it_moved_away_from(store: Store) -> None:
    """The day a delay left ("premiere on June 5 postponed") was never stored, so read back
    the delay was one naming no day: a retelling that leaves the day."""
    left = LearnedEvent(
        Milestone.DELAYED, Certainty.REPORTED, None, "u", "", NOW, moved_from=date(2027, 6, 5)
    )
    read = await stored_and_read(store, left, replace(left, source_url="v", moved_from=None))
    assert [e.moved_from for e in read] == [date(2027, 6, 5), None]


async def stored_and_read(store: Store, *events: LearnedEvent) -> list[LearnedEvent]:
    """``events``, news of season 3, stored and read back as /status reads them."""
    async with store.db.transaction():
        for event in events:
            await store.news.add_event(
                show="xo-kitty",
                season=3,
                event=event,
                kind="new_milestone",
                feed_id=None,
                story_id=None,
                rule="",
                public=True,
            )
    return await store.news.learned_events("xo-kitty", 3)


async def test_headlines_corrected_before_migration_20_are_their_stories_wordings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store at migration 19 kept a corrected headline beside its entry's story, with no
    row naming it as that story's wording: another outlet's telling in the corrected words
    was a new story. Recorded once at start, as one read today would be; history (never read
    again), a headline read by its link and a wording that is a story already get none."""
    renews, talks = "Netflix renews XO, Kitty for season 4", "XO, Kitty cast talks season 4"
    renewed, talked = headline_fingerprint(renews), headline_fingerprint(talks)
    assert renewed is not None and talked is not None
    store = await upgraded(
        tmp_path,
        monkeypatch,
        19,
        "INSERT INTO feeds (id, url) VALUES (1, 'https://e.org/feed');"
        "INSERT INTO stories (id, fingerprint, url, title, first_seen_at) VALUES "
        "(1, 'title:eyes', 'https://e.org/a', 'Netflix eyes XO, Kitty season 4', "
        "'2026-01-01T00:00:00Z'), (2, 'title:old', 'https://e.org/b', 'Old news', "
        "'2026-01-01T00:00:00Z'), (3, 'title:x', 'https://e.org/c', 'x', '2026-01-01T00:00:00Z'),"
        f"(4, '{talked}', 'https://o.org/t', '{talks}', '2026-01-01T00:00:00Z');"
        "INSERT INTO articles (feed_id, key, url, title, story_id, verdict, read_as, "
        "first_seen_at) VALUES "
        f"(1, 'a', 'https://e.org/a', '{renews}', 1, 'change:renewed', 'd1', "
        "'2026-01-01T00:00:00Z'),"
        f"(1, 'b', 'https://e.org/b', 'Netflix renews Wednesday', 2, 'baseline', 'd2', "
        "'2026-01-01T00:00:00Z'),"
        "(1, 'c', 'https://e.org/c', '???', 3, 'not_news', 'd3', '2026-01-01T00:00:00Z'),"
        f"(1, 'd', 'https://e.org/d', '{talks}', 3, 'edited', 'd4', '2026-01-01T00:00:00Z'),"
        "(1, 'e', 'https://e.org/e', 'Netflix renews Emily', 3, 'not_news', '', "
        "'2026-01-01T00:00:00Z');",
    )
    try:
        assert await store.news.record_corrected_wordings(headline_fingerprint, NOW) == 1
        async with store.db.transaction():
            assert await store.news.story(renewed, "", "", NOW) == (1, False)
            assert (await store.news.story(talked, "", "", NOW))[0] == 4  # a story already
            wednesday = headline_fingerprint("Netflix renews Wednesday")
            assert wednesday is not None
            assert (await store.news.story(wednesday, "", "", NOW))[1]  # history: none
        assert await store.news.story_told_at(renewed) == NOW
        # run again (a start that stopped before it recorded the scheme): nothing more
        assert await store.news.record_corrected_wordings(headline_fingerprint, NOW) == 0
    finally:
        await store.close()


async def test_a_wording_read_anew_as_another_story_joins_the_two(store: Store) -> None:
    """A corrected headline's wording, stored under an older fingerprint scheme, reads today
    as another story's: the wording could not take the fingerprint and nothing was merged,
    so a server that heard the corrected story heard the next telling in those words again
    (all-news mode). The two are one story now, found by either wording."""
    now = datetime(2026, 1, 1, tzinfo=UTC)
    eyes = "Netflix eyes XO, Kitty cast for season 3"
    fresh, first = headline_fingerprint(TOLD_ALIKE[1][2]), headline_fingerprint(eyes)
    assert fresh is not None and first is not None
    async with store.db.transaction():
        corrected, _ = await store.news.story(first, "https://e.org/1", eyes, now)
        # the correction's wording as an older release read it, then another outlet's
        _, url, marked = TOLD_ALIKE[0]
        await store.news.also_told_as(corrected, "title:old-marked", url, marked, now)
        other, _ = await store.news.story(fresh, "https://o.org/1", TOLD_ALIKE[1][2], now)
        for guild, story in ((1, corrected), (2, other)):
            await store.outbox.enqueue(
                guild_id=guild,
                channel_id=10,
                dedupe_key=f"story:{story}",
                message={},
                story_id=story,
            )
    await store.news.refingerprint(headline_fingerprint)
    async with store.db.transaction():
        assert (await store.news.story(fresh, "", "", now))[0] == other
        assert (await store.news.story(first, "", "", now))[0] == other
        for guild in (1, 2):
            assert not await store.outbox.enqueue(
                guild_id=guild, channel_id=10, dedupe_key=f"story:{other}", message={}
            )
