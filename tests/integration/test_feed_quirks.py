"""Real feeds' quirks against the real store and a loopback feed server: each story is
told once, and none is lost."""

from __future__ import annotations

from datetime import timedelta

from bot.news.pipeline import NewsDeps
from tests.conftest import NOW
from tests.feedserver import FeedServer
from tests.integration.test_shared_feeds import (  # noqa: F401 (a fixture)
    deps,
    list_feeds,
    poll,
    restart,
    rss,
)


def guid_first(*titles: str) -> bytes:
    """A feed whose items give their guid first, as many CMSs write them, an hour old."""
    return rss(*titles, guid_first=True)


async def test_an_entry_cut_short_is_judged_from_the_whole_copy(
    deps: NewsDeps,  # noqa: F811
    feed_server: FeedServer,
) -> None:
    """A document cut short in transit kept its last entry as far as it went: its guid with
    no title yet, judged 'not about the show' and its key seen, so the whole copy's renewal
    was never judged (lost); or, its guid after the cut, a key of its own (a second post)."""
    await deps.store.guilds.update(1, channel_id=10, mode="changes")
    await deps.store.guilds.update(2, channel_id=20, mode="all")
    feed = await deps.store.feeds.share(feed_server.url("/feed.xml"), title=None)
    feed_server.serve("/feed.xml", guid_first("Minho actor talks fans"))
    assert (await poll(deps, feed)).verdicts == {"baseline": 1}
    renewal = "Netflix renews XO, Kitty for season 4"
    whole = guid_first(renewal, "Minho actor talks fans")
    feed_server.serve("/feed.xml", whole[: whole.index(b"<title>", whole.index(b"<item>"))])
    cut = await poll(deps, feed)
    assert cut.outcome == "fetched" and not cut.verdicts
    stored = await deps.store.feeds.get(feed.id)
    assert stored is not None and "SAXParseException" in (stored.last_error or "")
    feed_server.serve("/feed.xml", whole)
    told = await poll(deps, feed)
    assert told.verdicts == {"change": 1} and told.queued == 2


async def test_a_server_feed_the_host_lists_in_another_spelling_is_one_feed(
    deps: NewsDeps,  # noqa: F811
    feed_server: FeedServer,
) -> None:
    """A server's feed that the host's list gives in another spelling (a trailing slash, a
    utm_source) was a second feed, polled beside it: a headline edited between the two
    rows' polls was a new story to the second, and all-news servers were sent it twice."""
    await deps.store.guilds.update(1, channel_id=10, mode="all")
    url = feed_server.url("/kitty.xml")
    own = await deps.store.feeds.add(url)
    await deps.store.feeds.subscribe(1, own.id, None)
    backlog = guid_first("Minho actor talks fans")
    for path in ("/kitty.xml", "/kitty.xml/"):  # as many a site answers both
        feed_server.serve(path, backlog)
    list_feeds(deps, f"{url}/?utm_source=list")
    await restart(deps)
    for feed in await deps.store.feeds.all():
        await poll(deps, feed)  # the baseline
    feeds = await deps.store.feeds.all()
    assert [(f.id, f.shared) for f in feeds] == [(own.id, True)]
    headline = "XO, Kitty season 4 starts filming in Seoul"
    # The feed's polls fall apart in time; between them, the headline is edited (same guid).
    for title, polled in ((headline, feeds[:1]), (f"{headline} next month", feeds)):
        body = guid_first(title).replace(f"<guid>{title}<".encode(), f"<guid>{headline}<".encode())
        for path in ("/kitty.xml", "/kitty.xml/"):
            feed_server.serve(path, body)
        for feed in polled:
            await poll(deps, feed)
    assert len(await deps.store.outbox.due(NOW, 99)) == 1


async def test_a_feed_stored_twice_by_an_earlier_version_is_one_feed_after_a_start(
    deps: NewsDeps,  # noqa: F811
    feed_server: FeedServer,
) -> None:
    """Before spellings of an address were told apart, a server's feed, another server's
    spelling of it and the host's listing of it were three feeds, each polled: a headline
    edited between their polls was a new story to the next. A start folds them into one, with
    every server, filter and seen entry; what one saw since another's last poll still
    reaches that one's servers, once."""
    await deps.store.guilds.update(1, channel_id=10, mode="all")
    await deps.store.guilds.update(2, channel_id=20, mode="changes")
    url, listed = feed_server.url("/kitty.xml"), feed_server.url("/kitty.xml/?utm_source=list")
    for path in ("/kitty.xml", "/kitty.xml/"):
        feed_server.serve(path, guid_first("Minho actor talks fans"))
    own = await deps.store.feeds.add(url)
    await deps.store.feeds.subscribe(1, own.id, None)
    await deps.store.feeds.set_filter(1, own.id, "kitty", "")
    slash = await deps.store.feeds.add(f"{url}/")
    await deps.store.feeds.subscribe(2, slash.id, None)
    shared = await deps.store.feeds.add(listed, shared=True)
    for feed in (own, slash, shared):
        await poll(deps, feed)  # the baselines

    renewal = guid_first("Netflix renews XO, Kitty for season 4", "Minho actor talks fans")
    for path in ("/kitty.xml", "/kitty.xml/"):
        feed_server.serve(path, renewal)
    deps.now = lambda: NOW + timedelta(minutes=5)
    assert (await poll(deps, slash)).queued == 1  # the others are polled later
    list_feeds(deps, listed)
    await restart(deps)
    (one,) = await deps.store.feeds.all()
    assert (one.id, one.url, one.shared) == (own.id, url, True)
    for guild, include in ((1, ("kitty",)), (2, ())):
        (sub,) = await deps.store.feeds.for_guild(guild)
        assert (sub.feed.id, sub.include) == (own.id, include)
    # Each server has the renewal's post once; the backlog is still history. Server 2's own
    # feed told it only to server 2: from the shared listing it is news to every server's
    # view (a change), which server 2, having heard it, is not told again.
    assert (await poll(deps, one)).verdicts == {"change": 1}
    assert (await poll(deps, one)).outcome == "unchanged"
    assert sorted(d.guild_id for d in await deps.store.outbox.due(NOW, 99)) == [1, 2]
    await restart(deps)
    assert [f.id for f in await deps.store.feeds.all()] == [own.id]


async def test_a_story_reissued_under_a_marked_headline_is_told_once(
    deps: NewsDeps,  # noqa: F811
    feed_server: FeedServer,
) -> None:
    """An outlet re-issued a story under a new guid with its headline marked "UPDATE:" (or
    "[Video]", "BREAKING:"): a new story to its fingerprint, so all-news servers were sent it
    again. A headline saying more than a mark is still another story."""
    await deps.store.guilds.update(1, channel_id=10, mode="all")
    feed = await deps.store.feeds.share(feed_server.url("/feed.xml"), title=None)
    feed_server.serve("/feed.xml", rss("Minho actor talks fans"))
    await poll(deps, feed)  # the baseline
    trailer = "XO, Kitty season 3 trailer is here"
    feed_server.serve("/feed.xml", rss(trailer, "Minho actor talks fans"))
    assert (await poll(deps, feed)).queued == 1
    for marked in (f"UPDATE: {trailer}", f"BREAKING: {trailer} [Video]"):
        feed_server.serve("/feed.xml", rss(marked, trailer, "Minho actor talks fans"))
        told = await poll(deps, feed)
        assert sum(told.verdicts.values()) == 1 and told.queued == 0
    feed_server.serve("/feed.xml", rss("UPDATE: XO, Kitty season 3 delayed", trailer))
    assert (await poll(deps, feed)).queued == 1
    assert len(await deps.store.outbox.due(NOW, 99)) == 2


async def test_a_feeds_note_or_problem_is_back_once_it_heals_unchanged(
    deps: NewsDeps,  # noqa: F811
    feed_server: FeedServer,
) -> None:
    """A Shift_JIS feed naming no encoding (a note) or an ill-formed one (a problem) that
    failed once, then answered with the same bytes (or a 304) as before the failure, was
    never parsed again: its note or problem was gone from /feeds list until the feed changed,
    an ill-formed feed reading as sound."""
    japanese = rss("XO、キティ シーズン3の配信日が決定").decode().replace(' encoding="utf-8"', "")
    bodies = {
        "/jp.xml": (japanese.encode("shift_jis"), "note: no encoding declared"),
        "/cut.xml": (rss("Minho actor talks fans")[:-40], "kept what parsed: SAXParseException"),
    }
    for path, (body, said) in bodies.items():
        feed = await deps.store.feeds.share(feed_server.url(path), title=None)
        for etag in (None, f'"{path}"'):  # the same bytes again, then a 304
            feed_server.serve(path, body, content_type="application/rss+xml", etag=etag)
            await poll(deps, feed)
            feed_server.status(path, 503)
            await poll(deps, feed)
            feed_server.serve(path, body, content_type="application/rss+xml", etag=etag)
            await poll(deps, feed)
            healed = await deps.store.feeds.get(feed.id)
            assert healed is not None and healed.failures == 0
            assert (healed.last_error or "").startswith(said), (path, etag, healed.last_error)
