"""Who sees an event: a shared feed's news is every server's, a server's own feed's only its
followers'. A moderator of one server must never change what another server is told."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from bot.domain.status import LearnedEvent
from bot.news.cards import StatusCards
from bot.news.models import Certainty, Milestone
from bot.news.pipeline import NewsDeps, ingest
from bot.render.card import Card
from bot.store import Store
from bot.store.cards import StatusCard
from bot.store.feeds import Feed
from bot.store.news import PUBLIC, View
from tests.conftest import NOW, REPO, article

CANCELS = "Netflix confirms XO, Kitty has been cancelled, no season 4"
RENEWS = "Netflix renews XO, Kitty for season 4"
RETOLD = "Netflix has renewed XO, Kitty for season 4"
STORES = sorted((REPO / "tests" / "fixtures" / "stores").glob("*.sql"))


async def feed(deps: NewsDeps, url: str, *guilds: int, shared: bool = False) -> Feed:
    """A feed the ``guilds`` follow (each given a channel), its baseline poll behind it."""
    added = await deps.store.feeds.add(url, shared=shared)
    for guild in guilds:
        await deps.store.guilds.update(guild, channel_id=guild * 10, mode="changes")
        await deps.store.feeds.subscribe(guild, added.id, None)
    await ingest(deps, added, [], NOW)
    primed = await deps.store.feeds.get(added.id)
    assert primed is not None and primed.primed
    return primed


async def posts(deps: NewsDeps) -> list[tuple[int, str]]:
    return [(d.guild_id, d.message["embed"]["title"]) for d in await deps.store.outbox.due(NOW, 99)]


async def test_a_servers_own_feed_changes_nothing_another_server_sees(deps: NewsDeps) -> None:
    """Server 2's own feed tells a cancellation: server 1's view (and the public one) is
    unchanged, and the shared feed's real renewal later is a change posted to server 1."""
    await deps.store.guilds.update(1, channel_id=10, mode="changes")
    shared = await feed(deps, "https://host.org/feed", shared=True)
    own = await feed(deps, "https://mine.org/feed", 2)
    told = await ingest(deps, own, [article("h1", CANCELS)], NOW)
    assert told.verdicts == {"change": 1} and await posts(deps) == [
        (2, "XO, Kitty season 4: cancelled")
    ]
    news, two = deps.store.news, await deps.store.feeds.view_of(2)
    for view in (PUBLIC, await deps.store.feeds.view_of(1)):
        assert await news.learned_events("xo-kitty", 4, view=view) == []
        assert await news.learned_seasons("xo-kitty", view=view) == []
    assert [e.milestone for e in await news.learned_events("xo-kitty", 4, view=two)] == [
        Milestone.CANCELLED
    ]
    later = await ingest(deps, shared, [article("s1", RENEWS)], NOW + timedelta(hours=1))
    assert later.verdicts == {"change": 1}
    assert (await posts(deps)).count((1, "XO, Kitty season 4: renewed")) == 1
    change = await news.latest_change("xo-kitty", 4, Milestone.RENEWED)
    assert change is not None and change.kind == "new_milestone"  # not an extra source


async def test_a_change_heard_from_an_own_feed_is_not_told_again_by_a_shared_one(
    deps: NewsDeps,
) -> None:
    """Server 2 hears the renewal from its own feed; the shared feed then tells it: server 1
    hears it once from the shared feed, server 2 is not told it a second time."""
    await deps.store.guilds.update(1, channel_id=10, mode="changes")
    shared = await feed(deps, "https://host.org/feed", shared=True)
    own = await feed(deps, "https://mine.org/feed", 2)
    await ingest(deps, own, [article("h1", RENEWS)], NOW)
    later = await ingest(deps, shared, [article("s1", RETOLD)], NOW + timedelta(hours=1))
    assert later.verdicts == {"change": 1} and later.queued == 1
    assert sorted(await posts(deps)) == [
        (1, "XO, Kitty season 4: renewed"),
        (2, "XO, Kitty season 4: renewed"),
    ]
    again = await ingest(deps, own, [article("h2", "XO, Kitty renewed: season 4 confirmed")], NOW)
    assert again.queued == 0  # server 2 heard it from its own feed, which is told it again


async def test_a_change_two_own_feeds_tell_is_heard_once(deps: NewsDeps) -> None:
    """Server 2 follows two feeds of its own (the second one server 3's too): the second
    feed's word of the change server 2 heard from the first tells server 2 nothing, and
    tells server 3, which never heard it, once. The shared feed then tells neither again."""
    await deps.store.guilds.update(1, channel_id=10, mode="changes")
    shared = await feed(deps, "https://host.org/feed", shared=True)
    first = await feed(deps, "https://mine.org/feed", 2)
    second = await feed(deps, "https://other.org/feed", 2, 3)
    await ingest(deps, first, [article("a1", RENEWS)], NOW)
    told = await ingest(deps, second, [article("b1", RETOLD)], NOW + timedelta(minutes=5))
    assert told.queued == 1
    await ingest(deps, shared, [article("s1", RETOLD)], NOW + timedelta(minutes=10))
    assert sorted(await posts(deps)) == [
        (1, "XO, Kitty season 4: renewed"),
        (2, "XO, Kitty season 4: renewed"),
        (3, "XO, Kitty season 4: renewed"),
    ]


async def test_a_servers_own_feed_moves_no_other_servers_newest_season(
    deps: NewsDeps,
) -> None:
    """'Renewed for season 5' in server 2's own feed made season 5 the newest season every
    feed's headlines naming none were read against, and /status's default for all."""
    await deps.store.guilds.update(1, channel_id=10, mode="changes")
    shared = await feed(deps, "https://host.org/feed", shared=True)
    own = await feed(deps, "https://mine.org/feed", 2)
    await ingest(
        deps,
        own,
        [article("h1", RENEWS), article("h2", "Netflix renews XO, Kitty for season 5")],
        NOW,
    )
    assert await deps.store.news.learned_seasons("xo-kitty") == []
    await ingest(deps, shared, [article("s1", "Netflix renews XO, Kitty")], NOW)
    assert (1, "XO, Kitty season 4: renewed") in await posts(deps)


async def test_a_view_sees_the_public_news_and_its_own_feeds_news(store: Store) -> None:
    host = await store.feeds.add("https://host.org/feed", shared=True)
    mine = await store.feeds.add("https://mine.org/feed")
    theirs = await store.feeds.add("https://theirs.org/feed")
    await store.feeds.subscribe(2, mine.id, None)
    ids = {}
    async with store.db.transaction():
        for name, told, milestone, season in (
            ("host", host, Milestone.RENEWED, 4),
            ("mine", mine, Milestone.CANCELLED, 5),
            ("theirs", theirs, Milestone.RENEWED, 6),
        ):
            ids[name] = await store.news.add_event(
                show="xo-kitty",
                season=season,
                event=LearnedEvent(milestone, Certainty.CONFIRMED, None, name, "", NOW),
                kind="new_milestone",
                feed_id=told.id,
                story_id=None,
                rule="",
                public=told.shared,
            )
    two = await store.feeds.view_of(2)
    assert two == View((mine.id,)) and await store.feeds.view_of(None) == PUBLIC
    assert await store.feeds.views() == {2: two}
    assert await store.news.learned_seasons("xo-kitty") == [4]
    assert await store.news.learned_seasons("xo-kitty", view=two) == [4, 5]
    assert await store.news.learned_events("xo-kitty", 5) == []
    assert len(await store.news.learned_events("xo-kitty", 5, view=two)) == 1
    assert await store.news.latest_change("xo-kitty", 6, Milestone.RENEWED, view=two) is None
    found = await store.news.latest_change("xo-kitty", 5, Milestone.CANCELLED, view=two)
    assert found is not None and found.id == ids["mine"]


def _old_events(dump: Path, path: Path, *, unlist: bool = False) -> dict[int, int]:
    """Restore an old release's store at ``path``, with an event whose feed is gone (and
    ``unlist``: its shared feeds taken off the list, as a host may have done before the
    upgrade); each event's id with whether it was every server's news before the upgrade
    and is kept so: all but those of a feed known to be a server's own (not shared, followed)."""
    with sqlite3.connect(path) as conn:
        conn.executescript(dump.read_text())
        conn.execute(
            "INSERT INTO status_events (show_slug, season, milestone, certainty, kind, "
            "source_url, source_title, feed_id, rule, seen_at) "
            "VALUES ('xo-kitty', 4, 'cancelled', 3, 'new_milestone', '', '', NULL, '', '')"
        )
        if unlist:
            conn.execute(
                "UPDATE feeds SET shared = 0 WHERE shared = 1 "
                "AND id NOT IN (SELECT feed_id FROM guild_feeds)"
            )
        rows = conn.execute(
            "SELECT e.id, NOT (f.shared = 0 AND f.id IN (SELECT feed_id FROM guild_feeds)) "
            "FROM status_events e LEFT JOIN feeds f ON f.id = e.feed_id"
        ).fetchall()
    conn.close()
    return {int(i): 1 if public is None else int(public) for i, public in rows}


@pytest.mark.parametrize("unlist", [False, True], ids=["listed", "unlisted"])
@pytest.mark.parametrize("dump", STORES, ids=[p.stem for p in STORES])
async def test_an_old_stores_events_keep_their_reach(
    dump: Path, unlist: bool, tmp_path: Path
) -> None:
    """Upgraded, a server's own feed's events are its followers'; every other event stays
    every server's, as it was: a shared feed's, and those of a feed the host unlisted before
    the upgrade, or one gone. Hidden, an unlisted feed's renewal left every server's /status
    (and its release date every server's premiere event) at the upgrade."""
    path = tmp_path / "old.db"
    before = _old_events(dump, path, unlist=unlist)
    assert set(before.values()) == {0, 1}  # a server's own feed's, and every server's
    store = await Store.open(path)
    try:
        await store.migrate()
        rows = await store.db.rows("SELECT id, public FROM status_events")
        seen = await store.db.rows("SELECT count(*) FROM status_events s WHERE " + PUBLIC.sql()[0])
    finally:
        await store.close()
    assert {int(i): int(public) for i, public in rows} == before
    assert seen[0][0] == sum(before.values())


async def test_each_servers_status_card_reads_its_own_view(deps: NewsDeps) -> None:
    """Rendered once per show for every server, the status card showed server 2's own feed's
    cancellation in every server's channel."""
    await deps.store.guilds.update(1, channel_id=10, mode="changes")
    own = await feed(deps, "https://mine.org/feed", 2)
    cards = StatusCards(None, deps.store, deps.catalog, None)  # type: ignore[arg-type]
    one, two = (StatusCard(g, g * 10, None, None) for g in (1, 2))
    before = await cards.render(deps.catalog.default_show, NOW)
    await ingest(deps, own, [article("h1", CANCELS)], NOW)
    rendered: dict[tuple[str, View], Card] = {}
    assert (await cards._card(one, rendered, NOW)).digest == before.digest
    assert (await cards._card(two, rendered, NOW)).digest != before.digest
    assert len(rendered) == 2  # one card for the public view, one for server 2's


async def test_a_change_heard_from_an_own_feed_since_removed_is_not_told_again(
    deps: NewsDeps,
) -> None:
    """Server 2 heard the renewal from its own feed, then removed that feed: its view no
    longer holds the renewal, but its channel does, so the shared feed's word of it later
    is posted to server 1 only."""
    await deps.store.guilds.update(1, channel_id=10, mode="changes")
    shared = await feed(deps, "https://host.org/feed", shared=True)
    own = await feed(deps, "https://mine.org/feed", 2)
    await ingest(deps, own, [article("h1", RENEWS)], NOW)
    await deps.store.feeds.unsubscribe(2, own.id)
    later = await ingest(deps, shared, [article("s1", RETOLD)], NOW + timedelta(hours=1))
    assert later.verdicts == {"change": 1} and later.queued == 1
    assert sorted(await posts(deps)) == [
        (1, "XO, Kitty season 4: renewed"),
        (2, "XO, Kitty season 4: renewed"),
    ]


async def test_a_change_overturned_since_a_removed_feed_told_it_is_told_again(
    deps: NewsDeps,
) -> None:
    """What a removed feed told counts as heard only while nothing overturned it: renewed
    (own feed), cancelled (shared), renewed again (shared) is three posts to server 2."""
    shared = await feed(deps, "https://host.org/feed", shared=True)
    own = await feed(deps, "https://mine.org/feed", 2)
    await ingest(deps, own, [article("h1", RENEWS)], NOW)
    await ingest(deps, shared, [article("s1", CANCELS)], NOW + timedelta(hours=1))
    await deps.store.feeds.unsubscribe(2, own.id)
    await ingest(deps, shared, [article("s2", RETOLD)], NOW + timedelta(hours=2))
    assert [title for _, title in await posts(deps)] == [
        "XO, Kitty season 4: renewed",
        "XO, Kitty season 4: cancelled",
        "XO, Kitty season 4: renewed",
    ]


async def test_a_guild_that_follows_a_feed_since_hearing_its_news_elsewhere_hears_it_once(
    deps: NewsDeps,
) -> None:
    """Server 3 heard the renewal from the shared feed, then followed feed A, which had told
    it first: its other own feed B's word of it tells server 3 nothing."""
    shared = await feed(deps, "https://host.org/feed", shared=True)
    a = await feed(deps, "https://a.org/feed", 2)
    b = await feed(deps, "https://b.org/feed", 3)
    await ingest(deps, a, [article("a1", RENEWS)], NOW)
    await ingest(deps, shared, [article("s1", RETOLD)], NOW + timedelta(minutes=5))
    await deps.store.feeds.subscribe(3, a.id, None)
    told = await ingest(deps, b, [article("b1", RETOLD)], NOW + timedelta(minutes=10))
    assert told.queued == 0
    assert sorted(await posts(deps)) == [
        (2, "XO, Kitty season 4: renewed"),
        (3, "XO, Kitty season 4: renewed"),
    ]


@pytest.mark.parametrize("mode", ["changes", "all"])
async def test_the_shared_feed_first_then_two_own_feeds_tell_each_server_once(
    deps: NewsDeps, mode: str
) -> None:
    await deps.store.guilds.update(1, channel_id=10, mode=mode)
    shared = await feed(deps, "https://host.org/feed", shared=True)
    a = await feed(deps, "https://a.org/feed", 2)
    b = await feed(deps, "https://b.org/feed", 2, 3)
    for guild in (2, 3):
        await deps.store.guilds.update(guild, mode=mode)
    await ingest(deps, shared, [article("s1", RENEWS)], NOW)
    await ingest(deps, a, [article("a1", RETOLD)], NOW + timedelta(minutes=5))
    await ingest(deps, b, [article("b1", RETOLD)], NOW + timedelta(minutes=10))
    told = [(g, t) for g, t in await posts(deps) if t == "XO, Kitty season 4: renewed"]
    assert sorted(told) == [(g, "XO, Kitty season 4: renewed") for g in (1, 2, 3)]


async def _event_reads(deps: NewsDeps, guilds: int) -> int:
    """How many reads of status_events a shared feed's change makes with ``guilds`` servers
    each following a feed of its own that told nothing of that season."""
    shared = await feed(deps, "https://host.org/feed", shared=True)
    own = await feed(deps, "https://mine.org/feed", *range(1, guilds + 1))
    await ingest(deps, own, [article("o1", "Netflix renews XO, Kitty for season 5")], NOW)
    statements: list[str] = []
    await deps.store.db.conn.set_trace_callback(statements.append)
    told = await ingest(deps, shared, [article("s1", RENEWS)], NOW + timedelta(minutes=5))
    await deps.store.db.conn.set_trace_callback(None)
    assert told.queued == guilds
    return sum(s.lstrip().startswith("SELECT") and "status_events" in s for s in statements)


@pytest.mark.parametrize("guilds", [2, 40])
async def test_the_reads_of_a_change_do_not_grow_with_servers_on_own_feeds(
    deps: NewsDeps, guilds: int
) -> None:
    """Judged again per guild, each server following an own feed cost a read of the season's
    news inside the poll's write lock (1,000 servers: 1,000 reads per article)."""
    assert await _event_reads(deps, guilds) <= 6
