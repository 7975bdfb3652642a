"""Retention: each rule at its edges (just past and just within its age), and what must stay."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import msgspec
import pytest

from bot import cli
from bot.__main__ import build_parser
from bot.app import held_store
from bot.errors import ConfigError
from bot.news.dedupe import MAX_AGE
from bot.news.models import Article
from bot.news.pipeline import NewsDeps, ingest
from bot.news.service import NewsService
from bot.settings import Settings
from bot.store import Store
from bot.store import retention as retention_module
from bot.store.feeds import Feed
from bot.store.retention import MARK_EVERY, RETENTION, Pruned
from bot.store.rows import iso
from tests.conftest import NOW, article, scheduled_job
from tests.unit.test_service_poll import ReadyClient

T = datetime(2027, 3, 1, tzinfo=UTC)
OLD = iso(T - RETENTION - timedelta(seconds=1))  # just past the limit: may go
EDGE = iso(T - RETENTION)  # exactly as old as kept: stays
NEW = iso(T - timedelta(days=1))


async def rows(store: Store, table: str, column: str = "id") -> list[object]:
    async with store.db.conn.execute(f"SELECT {column} FROM {table} ORDER BY {column}") as cur:
        return [row[0] for row in await cur.fetchall()]


async def put(store: Store, sql: str, *params: object) -> None:
    await store.db.write(sql, params)


async def a_feed(store: Store, url: str = "https://e.org/feed") -> int:
    return (await store.feeds.add(url)).id


async def seen(
    store: Store,
    feed: int,
    key: str,
    *,
    published: str | None,
    first_seen: str,
    story: int | None = None,
    last_seen: str | None = None,
) -> None:
    await put(
        store,
        "INSERT INTO articles (feed_id, key, url, title, published, story_id, verdict, "
        "first_seen_at, last_seen_at) VALUES (?, ?, ?, 't', ?, ?, 'not_news', ?, ?)",
        feed,
        key,
        f"https://e.org/{key}",
        published,
        story,
        first_seen,
        last_seen,
    )


async def moved_on(store: Store, feed: int, at: str = NEW) -> None:
    """A later document of the feed, without the keys seen before it: they may go."""
    await seen(store, feed, "latest", published=at, first_seen=at)


async def a_primed_shared_feed(deps: NewsDeps) -> Feed:
    """A shared feed, its first poll done, for guild 1 in all-news mode and guild 2 in
    changes mode."""
    feed = await deps.store.feeds.add("https://e.org/feed", shared=True)
    await deps.store.guilds.update(1, channel_id=10, mode="all")
    await deps.store.guilds.update(2, channel_id=20, mode="changes")
    await ingest(deps, feed, [], NOW)
    primed = await deps.store.feeds.get(feed.id)
    assert primed is not None
    return primed


async def a_story(store: Store, story_id: int, first_seen: str = OLD) -> None:
    await put(
        store,
        "INSERT INTO stories (id, fingerprint, url, title, first_seen_at) "
        "VALUES (?, ?, 'u', 't', ?)",
        story_id,
        f"fp{story_id}",
        first_seen,
    )


async def a_post(
    store: Store,
    key: str,
    *,
    state: str = "sent",
    created: str = OLD,
    guild: int = 1,
    story: int | None = None,
    publish: str | None = None,
) -> None:
    await put(
        store,
        "INSERT INTO deliveries (guild_id, channel_id, dedupe_key, story_id, payload, state, "
        "created_at, publish) VALUES (?, 10, ?, ?, '{}', ?, ?, ?)",
        guild,
        key,
        story,
        state,
        created,
        publish,
    )


def test_retention_outlasts_the_max_age_and_the_repeat_window() -> None:
    """A re-seen article must read as too old, and a change can no longer be repeated: a
    day's margin for dates up to a day ahead, and more for clocks and slow outlets."""
    assert MAX_AGE + timedelta(days=7) <= RETENTION


async def test_a_dated_article_goes_once_its_date_and_first_sighting_are_old(
    store: Store,
) -> None:
    feed = await a_feed(store)
    await seen(store, feed, "old", published=OLD, first_seen=OLD)
    await seen(store, feed, "edge-date", published=EDGE, first_seen=OLD)
    await seen(store, feed, "edge-seen", published=OLD, first_seen=EDGE)
    # first seen lately, though long published (too old then too): /feeds why still has it
    await seen(store, feed, "seen-lately", published=OLD, first_seen=NEW)
    pruned = await store.retention.prune(T)
    assert pruned == Pruned(articles=1)
    assert await rows(store, "articles", "key") == ["edge-date", "edge-seen", "seen-lately"]


async def test_a_dated_article_goes_once_its_last_sighting_is_old(store: Store) -> None:
    feed = await a_feed(store)
    older = iso(T - 2 * RETENTION)
    await seen(store, feed, "gone", published=older, first_seen=older, last_seen=OLD)
    await seen(store, feed, "edge", published=older, first_seen=older, last_seen=EDGE)
    await moved_on(store, feed)
    assert await store.retention.prune(T) == Pruned(articles=1)
    assert await rows(store, "articles", "key") == ["edge", "latest"]


async def test_a_dated_article_stays_while_its_feed_may_still_carry_it(store: Store) -> None:
    """A changed document still carrying a key marks it once its mark is MARK_EVERY old: only
    a mark of its feed later than that proves the key has left the document. A feed that
    answered 304 (or the same body) since marked nothing, and still carries it."""
    gone, edge, unchanged = [await a_feed(store, f"https://{n}.org/f") for n in "abc"]
    for feed in (gone, edge, unchanged):
        await seen(store, feed, "old", published=OLD, first_seen=OLD)
    refreshed = T - RETENTION - timedelta(seconds=1) + MARK_EVERY  # when "old" was due again
    await moved_on(store, gone, iso(refreshed + timedelta(seconds=1)))
    await moved_on(store, edge, iso(refreshed))
    assert await store.retention.prune(T) == Pruned(articles=1)
    assert await rows(store, "articles", "feed_id || key") == [
        f"{gone}latest",
        f"{edge}latest",
        f"{edge}old",
        f"{unchanged}old",
    ]


async def test_a_poll_marks_the_keys_it_carries_at_most_every_day(deps: NewsDeps) -> None:
    store = deps.store
    feed = await store.feeds.add("https://e.org/feed")
    first = [article("a", "Bridgerton recap"), article("b", "Bridgerton recap 2")]
    await ingest(deps, feed, first, NOW)
    primed = await store.feeds.get(feed.id)
    assert primed is not None
    marks = "key || ':' || coalesce(last_seen_at, '-')"
    due = NOW + MARK_EVERY
    await ingest(deps, primed, [article("c", "Bridgerton recap 3"), first[0]], due)
    assert await rows(store, "articles", marks) == ["a:-", "b:-", "c:-"]  # not yet stale
    later = due + timedelta(seconds=1)
    await ingest(deps, primed, [article("c", "Bridgerton recap 3"), *first], later)
    assert await rows(store, "articles", marks) == [f"a:{iso(later)}", f"b:{iso(later)}", "c:-"]


async def test_an_undated_article_stays_while_its_feed_is_polled(store: Store) -> None:
    """Undated, it is new whenever first seen: forgotten, the feed still carrying it would
    announce it again."""
    polled, dropped, lately = [await a_feed(store, f"https://{n}.org/f") for n in "abc"]
    for feed in (polled, dropped, lately):
        await seen(store, feed, "undated", published=None, first_seen=OLD)
        await seen(store, feed, "dated-new", published=NEW, first_seen=NEW)
    await store.feeds.disable(dropped, "removed", now=T - RETENTION - timedelta(seconds=1))
    await store.feeds.disable(lately, "removed", now=T - RETENTION)
    # all the dropped feed's, then the feed itself: no server or list names it
    assert await store.retention.prune(T) == Pruned(articles=2, feeds=1)
    assert await rows(store, "articles", "feed_id") == [polled, polled, lately, lately]


async def test_a_forgotten_key_back_in_its_feed_is_never_announced_again(
    deps: NewsDeps,
) -> None:
    store = deps.store
    primed = await a_primed_shared_feed(deps)
    news = article("a", "Netflix renews XO, Kitty for season 4")
    chat = article("b", "XO, Kitty star Anna Cathcart talks fashion")
    first = await ingest(deps, primed, [news, chat], NOW)
    assert first.queued == 3  # the change to both guilds, the chat to the all-news one
    # the feed moves on: a later document without them (carried, they would stay)
    await ingest(deps, primed, [article("c", "Bridgerton recap")], NOW + timedelta(days=2))
    later = NOW + RETENTION + timedelta(days=3)
    await mark_all_sent(store, NOW)
    pruned = await store.retention.prune(later)
    assert (pruned.articles, pruned.deliveries) == (2, 3)
    again = await ingest(deps, primed, [news, chat], later)
    assert again.verdicts == {"too_old": 2} and again.queued == 0
    assert await store.outbox.due(later, 99) == []


@pytest.mark.parametrize("static", [False, True], ids=["changing", "unchanged"])
async def test_an_entry_edited_while_its_feed_still_carries_it_is_not_announced_again(
    deps: NewsDeps, static: bool
) -> None:
    """An Atom entry with only <updated> reads a fresh date once edited: its key must outlive
    RETENTION while the feed carries it, whether the document changed daily around it or the
    feed answered "unchanged" (304, same body) for weeks, when nothing is written at all."""
    store = deps.store
    primed = await a_primed_shared_feed(deps)
    start = NOW - timedelta(days=90)

    def kept(published: datetime) -> list[Article]:
        return [
            replace(article("news", "Netflix renews XO, Kitty for season 4"), published=published),
            replace(
                article("chat", "XO, Kitty star Anna Cathcart talks fashion"), published=published
            ),
        ]

    def filler(day: int) -> Article:
        return replace(
            article(f"other{day}", f"Bridgerton recap {day}"), published=start + timedelta(days=day)
        )

    first = await ingest(deps, primed, kept(start), start)
    assert first.queued == 3  # the change to both guilds, the chat to the all-news one
    await mark_all_sent(store, start)
    await put(store, "UPDATE deliveries SET created_at = ?", iso(start))  # queued back then
    queued, served = 0, kept(start)
    for day in range(1, 91):
        now = start + timedelta(days=day)
        # edited on day 60: an Atom feed with only <updated> dates the entry anew
        document = kept(start if day < 60 else start + timedelta(days=60))
        document.append(filler(min(day, 4) if static else day))
        if document != served:  # else a 304 or the same body: nothing is ingested
            queued += (await ingest(deps, primed, document, now)).queued
            served = document
        await store.retention.prune(now)
    assert queued == 0 and await store.outbox.due(NOW, 99) == []
    assert {"chat", "news"} <= set(await rows(store, "articles", "key"))


async def mark_all_sent(store: Store, at: datetime) -> None:
    for n, delivery in enumerate(await store.outbox.due(at, 999)):
        await store.outbox.mark_sent(delivery.id, 1000 + n, at)


async def test_finished_posts_go_after_the_limit_unfinished_ones_stay(store: Store) -> None:
    await a_post(store, "event:1")  # sent, just past: goes
    await a_post(store, "event:2", created=EDGE)  # sent, exactly at the limit: stays
    await a_post(store, "event:3", state="failed")  # given up: goes
    await a_post(store, "event:4", state="pending")  # still to send
    await a_post(store, "event:5", state="sending")  # a crash left it mid-send
    await a_post(store, "event:6", publish="due")  # its publishing is still to resume
    await a_post(store, "event:7", publish="done")  # published: goes
    assert await store.retention.prune(T) == Pruned(deliveries=3)
    assert await rows(store, "deliveries", "dedupe_key") == [
        "event:2",
        "event:4",
        "event:5",
        "event:6",
    ]


async def test_a_paused_guilds_given_up_posts_and_notices_stay(store: Store) -> None:
    """Resuming counts the posts the pause gave up; what it was told stays with the pause."""
    await store.guilds.update(1, channel_id=10, disabled_reason="403", disabled_at=OLD)
    await store.guilds.update(2, channel_id=20)
    for guild in (1, 2):
        await a_post(store, "event:1", state="failed", guild=guild)
        await a_post(store, "event:2", state="sent", guild=guild)
        await store.outbox.add_notice(guild, "destination:1", "paused")
        await put(store, "UPDATE notices SET state = 'sent', created_at = ?", OLD)
    await store.outbox.add_notice(2, "pending", "not told yet")
    await put(store, "UPDATE notices SET created_at = ?", OLD)
    assert await store.retention.prune(T) == Pruned(deliveries=3, notices=1)
    assert await rows(store, "deliveries", "guild_id || dedupe_key") == ["1event:1"]
    assert await rows(store, "notices", "guild_id || dedupe_key") == ["1destination:1", "2pending"]


async def test_an_all_news_post_stays_while_an_article_of_its_story_does(store: Store) -> None:
    """Keyed by story: forgotten while the story's article is kept, a later article of the
    same story would post it again to that guild."""
    feed = await a_feed(store)
    for story in (1, 2, 3):
        await a_story(store, story)
        await a_post(store, f"story:{story}", story=story)
    await seen(store, feed, "kept", published=NEW, first_seen=NEW, story=1)
    await seen(store, feed, "goes", published=OLD, first_seen=OLD, story=2)
    # a change's post is keyed by its event: its story's articles don't hold it
    await a_post(store, "event:9", story=1)
    pruned = await store.retention.prune(T)
    assert pruned == Pruned(articles=1, deliveries=3, stories=2)
    assert await rows(store, "deliveries", "dedupe_key") == ["story:1"]
    assert await rows(store, "stories") == [1]


async def test_a_story_stays_while_anything_cites_it(store: Store) -> None:
    feed = await a_feed(store)
    for story in range(1, 7):
        await a_story(store, story, first_seen=EDGE if story == 6 else OLD)
    await seen(store, feed, "a", published=None, first_seen=OLD, story=1)
    await put(
        store,
        "INSERT INTO status_events (show_slug, season, milestone, certainty, kind, source_url, "
        "source_title, story_id, seen_at) VALUES ('xo-kitty', 3, 'renewed', 3, "
        "'new_milestone', 'u', 't', 2, ?)",
        OLD,
    )
    await a_post(store, "event:1", state="pending", story=3)
    await a_post(store, "event:2", created=NEW, story=4)
    # story 5: nothing cites it; story 6: nothing either, but told exactly RETENTION ago
    assert await store.retention.prune(T) == Pruned(stories=1)
    assert await rows(store, "stories") == [1, 2, 3, 4, 6]
    assert await rows(store, "status_events", "story_id") == [2]  # events always stay


async def test_a_storys_other_wording_stays_while_its_story_does(store: Store) -> None:
    """A corrected headline's wording (``stories.same_as``) is cited by nothing: its story's
    articles cite the story. Forgotten while that story was kept, another outlet's telling
    in the corrected words became a story of its own, posted again in all-news mode; the
    first words still found the story."""
    feed = await a_feed(store)
    await a_story(store, 10)
    await seen(store, feed, "kept", published=NEW, first_seen=OLD, story=10)
    async with store.db.transaction():
        await store.news.also_told_as(10, "corrected", "u", "t", T - RETENTION * 2)
        await store.news.also_told_as(10, "again", "u", "t", T - RETENTION * 2)
    await put(store, "DELETE FROM articles")  # the story, and so its wordings, may go now
    await a_story(store, 20)
    await seen(store, feed, "still", published=NEW, first_seen=OLD, story=20)
    async with store.db.transaction():
        await store.news.also_told_as(20, "fixed", "u", "t", T - RETENTION * 2)
    assert await store.retention.prune(T) == Pruned(stories=1)
    async with store.db.transaction():
        assert await store.news.story("fixed", "u", "t", T) == (20, False)
    # the first story's wordings outlive it by a prune (the delete nulls their same_as)
    assert await store.retention.prune(T) == Pruned(stories=2)
    assert await rows(store, "stories", "fingerprint") == ["fixed", "fp20"]


async def test_forgetting_stories_takes_time_linear_in_the_stories_kept(store: Store) -> None:
    """Each story deleted has SQLite look for the other wordings citing it (``same_as``, ON
    DELETE SET NULL): unindexed, a scan of every story per story forgotten, 9 s of the write
    lock for 5,000 of 20,000 stories (0.04 s with the index). Counted in SQLite's VM steps,
    which a loaded machine does not change: 1,000 of 4,000 took 24.6M unindexed, 133k."""
    await store.db.conn.executemany(
        "INSERT INTO stories (fingerprint, url, title, first_seen_at) VALUES (?, 'u', 't', ?)",
        [(f"fp{i}", OLD if i < 1000 else NEW) for i in range(4000)],
    )
    await store.db.conn.commit()
    steps = 0

    def step() -> int:
        nonlocal steps
        steps += 1
        return 0  # go on

    await store.db.conn.set_progress_handler(step, 1000)
    try:
        assert await store.retention.prune(T) == Pruned(stories=1000)
    finally:
        await store.db.conn.set_progress_handler(None, 1000)
    assert steps * 1000 < 200 * 4000  # VM steps: a few hundred per story at most


async def test_a_feed_no_one_names_goes_once_unpolled_for_the_limit(store: Store) -> None:
    """A feed a moderator removed (or the host unlisted) was kept for good, one row per
    address ever added; it goes once it has not been polled for the limit, unless a server,
    one the bot has left too, or the host's list still names it."""
    removed, edge, departed, unlisted, shared, polled, newest = [
        await a_feed(store, f"https://{n}.org/f") for n in "abcdefg"
    ]
    past = T - RETENTION - timedelta(seconds=1)
    for feed in (removed, departed, unlisted, shared, newest):
        await store.feeds.disable(feed, "no server follows it", now=past)
    await store.feeds.disable(edge, "no server follows it", now=T - RETENTION)
    await store.feeds.subscribe(7, departed, None)  # its guild's settings wait for its return
    await store.feeds.unshare(unlisted)
    await put(store, "UPDATE feeds SET shared = 1 WHERE id = ?", shared)
    await seen(store, removed, "old", published=OLD, first_seen=OLD)
    assert await store.retention.prune(T) == Pruned(articles=1, feeds=2)
    # the newest stays however old, so no later feed takes a gone one's id
    assert await rows(store, "feeds") == [edge, departed, shared, polled, newest]
    assert (await store.feeds.add("https://a.org/f")).id == newest + 1  # a new feed, afresh


async def test_feeds_added_and_removed_for_months_level_off(store: Store) -> None:
    """Moderators try feeds and drop them every day: the table holds about a month of them."""
    day = T
    for n in range(120):
        day += timedelta(days=1)
        for k in range(3):
            feed = await a_feed(store, f"https://d{n}-{k}.org/f")
            await store.feeds.subscribe(k, feed, None)
            await store.feeds.unsubscribe(k, feed)
            assert await store.feeds.retire(feed, "no server follows it", now=day)
        await store.retention.prune(day)
    assert len(await rows(store, "feeds")) <= 3 * (RETENTION.days + 2)


async def test_a_dry_run_counts_exactly_and_forgets_nothing(store: Store) -> None:
    feed = await a_feed(store)
    await a_story(store, 1)
    await seen(store, feed, "a", published=OLD, first_seen=OLD, story=1)
    await moved_on(store, feed)
    await a_post(store, "story:1", story=1)
    expected = Pruned(articles=1, deliveries=1, stories=1)  # the story, freed by the others
    assert await store.retention.prune(T, dry_run=True) == expected
    assert len(await rows(store, "stories")) == 1 and len(await rows(store, "deliveries")) == 1
    assert await store.retention.prune(T) == expected
    assert await store.retention.prune(T) == Pruned()


async def test_tables_are_walked_in_batches(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(retention_module, "BATCH", 3)
    feed = await a_feed(store)
    for n in range(10):
        await seen(store, feed, f"old{n}", published=OLD, first_seen=OLD)
        await seen(store, feed, f"new{n}", published=NEW, first_seen=NEW)
    statements: list[str] = []
    write = store.db.write

    async def counted(sql: str, params: object = ()) -> int:
        statements.append(sql)
        return await write(sql, params)  # type: ignore[arg-type]

    monkeypatch.setattr(store.db, "write", counted)
    assert (await store.retention.prune(T)).articles == 10
    assert sum(s.startswith("DELETE FROM articles") for s in statements) == 7  # 20 rows, 3 a run
    assert len(await rows(store, "articles", "key")) == 10


def test_pruned_reads_as_counts() -> None:
    assert str(replace(Pruned(), articles=3, stories=1)) == (
        "3 articles, 0 deliveries, 0 notices, 1 stories, 0 feeds"
    )
    assert Pruned(articles=3, stories=1).total == 4


async def test_the_bot_prunes_daily_and_logs_the_counts(
    deps: NewsDeps, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    deps.settings = msgspec.structs.replace(deps.settings, feeds_file=tmp_path / "none.toml")
    news = NewsService(ReadyClient(), deps)  # type: ignore[arg-type]
    job = await scheduled_job(news, "retention")
    assert job.trigger.interval == timedelta(days=1)
    assert job.next_run_time > datetime.now(UTC) + timedelta(minutes=5)  # after start-up
    feed = await a_feed(deps.store)
    await seen(deps.store, feed, "old", published=OLD, first_seen=OLD)
    await moved_on(deps.store, feed)
    deps.now = lambda: T
    with caplog.at_level(logging.INFO, logger="bot.news.service"):
        assert await news.prune() == Pruned(articles=1)
    assert (
        "retention: forgot 1 articles, 0 deliveries, 0 notices, 0 stories, 0 feeds older than "
        "30 days" in (caplog.text)
    )


async def test_db_prune_counts_forgets_and_shrinks_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "k.db"
    store = await Store.open(path)
    try:
        await store.migrate()
        feed = await a_feed(store)
        old = iso(datetime.now(UTC) - RETENTION - timedelta(days=1))
        for n in range(2000):
            await seen(store, feed, f"k{n}", published=old, first_seen=old)
        await moved_on(store, feed, iso(datetime.now(UTC)))
    finally:
        await store.close()
    settings = Settings(database_path=path)
    assert await cli.db_prune(settings, dry_run=True, vacuum=True) == 0
    assert capsys.readouterr().out == (
        f"{path}: would forget 2000 articles, 0 deliveries, 0 notices, 0 stories, 0 feeds "
        "(older than 30 days)\n"
    )
    size = path.stat().st_size
    assert await cli.db_prune(settings, dry_run=False, vacuum=True) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{path}: forgot 2000 articles") and "after VACUUM" in out[1]
    assert path.stat().st_size < size / 2


async def test_db_prune_wants_the_latest_schema_and_a_stopped_bot(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = Settings(database_path=tmp_path / "k.db")
    assert await cli.db_prune(settings, dry_run=True, vacuum=False) == 2
    assert "run `python -m bot db migrate` first" in capsys.readouterr().err
    async with held_store(settings.database_path) as store:
        await store.migrate()
        with pytest.raises(ConfigError, match="a running bot prunes its database daily"):
            await cli.db_prune(settings, dry_run=False, vacuum=False)


async def test_an_upgraded_stores_carried_keys_outlive_its_first_prune(
    deps: NewsDeps, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store from before migration 9 has no marks: its keys' first sightings are all it
    has, and a feed whose document has not changed since (a quiet feed: 304s for weeks)
    still carries its old keys. The first prune after the upgrade must not read them as
    gone, or an entry then edited (a fresh <updated>) is announced a second time."""
    from bot.store.db import migrations

    monkeypatch.setattr("bot.store.db.migrations", lambda: migrations()[:6])
    store = await Store.open(tmp_path / "old.db")
    try:
        assert await store.migrate() == 6
        start = T - timedelta(days=60)
        await store.db.conn.executescript(
            "INSERT INTO feeds (id, url, shared, primed) VALUES (1, 'https://e.org/feed', 1, 1);"
            "INSERT INTO guild_settings (guild_id, channel_id, mode) VALUES (1, 10, 'all');"
        )
        for key, at in (("chat", iso(start)), ("later", iso(T - timedelta(days=10)))):
            await put(
                store,
                "INSERT INTO articles (feed_id, key, url, title, published, verdict, "
                "first_seen_at) VALUES (1, ?, ?, 't', ?, 'not_news', ?)",
                *(key, f"https://e.org/{key}", at, at),
            )
        monkeypatch.undo()
        assert await store.migrate() == len(migrations())
        assert (await store.retention.prune(T)).articles == 0  # the feed carries both still
        deps = replace(deps, store=store, now=lambda: T)
        feed = await store.feeds.get(1)
        assert feed is not None
        edited = replace(article("chat", "XO, Kitty star Anna Cathcart talks fashion"), published=T)
        later = replace(article("later", "Bridgerton recap"), published=T - timedelta(days=10))
        assert (await ingest(deps, feed, [edited, later], T)).queued == 0
    finally:
        await store.close()


async def test_a_departed_guilds_given_up_posts_and_notices_go_after_the_limit(
    store: Store,
) -> None:
    """A server that removed the bot is paused, and its news is queued, held and given up
    a day later, for as long as it stays away: kept like a paused server's, a server gone
    for good would grow the outbox by every post for good. Its return starts afresh (its
    feeds re-baselined), and what /setup channel then counts is what /feeds why explains."""
    await store.guilds.update(1, channel_id=10)
    await store.guilds.depart(1, "I was removed from this server", OLD)
    await a_post(store, "event:1", state="failed", guild=1)
    await a_post(store, "event:2", state="failed", guild=1, created=NEW)
    await store.outbox.add_notice(1, "rejoined:10", "still paused")
    await put(store, "UPDATE notices SET state = 'failed', created_at = ?", OLD)
    assert await store.retention.prune(T) == Pruned(deliveries=1, notices=1)
    assert await rows(store, "deliveries", "dedupe_key") == ["event:2"]


def test_db_prune_refuses_a_dry_run_that_would_vacuum(capsys: pytest.CaptureFixture[str]) -> None:
    # The dry run ignored --vacuum without a word: the host thought the file was shrunk.
    with pytest.raises(SystemExit) as exit_:
        build_parser().parse_args(["db", "prune", "--dry-run", "--vacuum"])
    assert exit_.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err
