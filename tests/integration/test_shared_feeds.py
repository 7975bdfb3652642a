"""The host's shared feed list (FEEDS_FILE) against the real store and a loopback feed server:
what each (re)start makes of the list."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from datetime import timedelta
from email.utils import format_datetime
from pathlib import Path

import aiohttp
import pytest
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.catalog import load_catalog
from bot.errors import ConfigError
from bot.news import service
from bot.news.parse import KEY_SCHEME, feed_key
from bot.news.pipeline import FeedReport, NewsDeps, poll_feed
from bot.news.service import NewsService, read_feed_list
from bot.settings import Settings
from bot.store import Store
from bot.store import feeds as feed_store
from bot.store.feeds import Feed
from tests.conftest import NOW, REPO, ReadyClient
from tests.feedserver import RSS_TEMPLATE, FeedServer, make_rss


@pytest.fixture
async def deps(
    store: Store, feed_session: aiohttp.ClientSession, tmp_path: Path
) -> AsyncIterator[NewsDeps]:
    settings = Settings(
        feed_poll_seconds=60,
        allow_private_feeds=True,
        feed_parse_workers=0,
        feeds_file=tmp_path / "feeds.toml",
    )
    built = NewsDeps.build(store, feed_session, load_catalog(REPO / "data" / "shows"), settings)
    built.now = lambda: NOW
    built.classifier_warm = True  # nothing here is about the show: skip the 2 s warm-up
    yield built


def list_feeds(deps: NewsDeps, *urls: str) -> None:
    """Write the host's FEEDS_FILE."""
    entries = [f'[[feed]]\nurl = "{url}"\n' for url in urls]
    deps.settings.feeds_file.write_text("\n".join(entries), "utf-8")


async def restart(deps: NewsDeps) -> None:
    """What a (re)start does with the feed list; the scheduler is never started."""
    await NewsService(ReadyClient(), deps).start(AsyncIOScheduler())  # type: ignore[arg-type]


async def poll(deps: NewsDeps, feed: Feed) -> FeedReport:
    """One poll of the feed as stored now, whatever its schedule says."""
    current = await deps.store.feeds.get(feed.id)
    assert current is not None
    return await poll_feed(deps, current)


def rss(*titles: str, guid_first: bool = False) -> bytes:
    """A feed of these headlines, an hour old, each keyed by its title (given before the
    title with ``guid_first``, as many CMSs write it)."""
    when = format_datetime(NOW - timedelta(hours=1), usegmt=True)
    items = "".join(
        (
            f"<item><guid>{t}</guid><title>{t}</title>"
            if guid_first
            else f"<item><title>{t}</title><guid>{t}</guid>"
        )
        + f"<link>https://news.example/{n}</link><pubDate>{when}</pubDate></item>"
        for n, t in enumerate(titles)
    )
    return RSS_TEMPLATE.format(title="Outlet", items=items).encode()


async def one_feed_at_two_addresses(deps: NewsDeps, feed_server: FeedServer) -> tuple[str, str]:
    """(old, new): two addresses serving the same backlog, and two all-news servers."""
    old, new = feed_server.url("/old.xml"), feed_server.url("/new.xml")
    for path in ("/old.xml", "/new.xml"):
        feed_server.serve(path, rss("XO, Kitty cast visits Seoul"))
    for guild in (1, 7):
        await deps.store.guilds.update(guild, channel_id=guild * 10, mode="all")
    return old, new


async def notices(deps: NewsDeps) -> list[str]:
    return [n.text for n in await deps.store.outbox.pending_notices()]


@pytest.mark.parametrize(("status", "polls"), [(503, 8), (410, 1)])
async def test_a_disabled_shared_feed_warns_the_host_and_a_restart_retries_it(
    deps: NewsDeps,
    feed_server: FeedServer,
    caplog: pytest.LogCaptureFixture,
    status: int,
    polls: int,
) -> None:
    url = feed_server.url("/shared.xml")
    list_feeds(deps, url)
    await deps.store.guilds.update(1, channel_id=10)  # a server that hears shared feeds
    await restart(deps)
    feed = await deps.store.feeds.by_url(url)
    assert feed is not None and feed.shared

    feed_server.status("/shared.xml", status)
    with caplog.at_level(logging.WARNING, logger="bot.news.pipeline"):
        for _ in range(polls):
            report = await poll(deps, feed)
    assert report.outcome.startswith("disabled")
    (warning,) = [r.getMessage() for r in caplog.records if "disabled" in r.getMessage()]
    assert warning.startswith(f"shared feed {url} disabled: ") and str(status) in warning
    assert str(deps.settings.feeds_file) in warning and "restart" in warning
    # No server can mend it, so none is sent a notice (/feeds list shows its state).
    assert await notices(deps) == []

    caplog.clear()
    feed_server.serve("/shared.xml", make_rss(2))
    with caplog.at_level(logging.INFO, logger="bot.news.service"):
        await restart(deps)
    after = await deps.store.feeds.get(feed.id)
    assert after is not None and after.enabled and after.failures == 0
    assert after.next_poll_at is None  # polled at once
    assert any(
        r.getMessage().startswith(f"shared feed {url} is listed in ") for r in caplog.records
    )
    assert [f.id for f in await deps.store.feeds.active()] == [feed.id]
    assert (await poll(deps, feed)).outcome == "fetched"


async def test_a_shared_feed_a_restart_retries_takes_what_it_missed_as_history(
    deps: NewsDeps, feed_server: FeedServer
) -> None:
    """Nobody heard the feed while it was disabled: as ``/feeds add`` does for a server's
    own feed, its first poll again is a baseline, not a flood of what it said meanwhile."""
    url = feed_server.url("/shared.xml")
    list_feeds(deps, url)
    await deps.store.guilds.update(1, channel_id=10, mode="all")
    await restart(deps)
    feed = await deps.store.feeds.by_url(url)
    assert feed is not None
    feed_server.serve("/shared.xml", rss("XO, Kitty cast visits Seoul"))
    assert (await poll(deps, feed)).verdicts == {"baseline": 1}
    await deps.store.feeds.disable(feed.id, "8 failures in a row", now=NOW)

    missed = [f"XO, Kitty star {n} talks season 3" for n in range(4)]
    feed_server.serve("/shared.xml", rss(*missed, "XO, Kitty cast visits Seoul"))
    await restart(deps)
    report = await poll(deps, feed)
    assert (report.verdicts, report.queued) == ({"baseline": 4}, 0)
    feed_server.serve("/shared.xml", rss("XO, Kitty cast returns to Seoul", *missed))
    report = await poll(deps, feed)
    assert report.queued == 1  # what it says from now on is news again


async def test_a_feed_taken_off_the_list_stops_being_shared(
    deps: NewsDeps, caplog: pytest.LogCaptureFixture
) -> None:
    a, b, c = (f"https://{name}.example/feed" for name in "abc")
    list_feeds(deps, a, b, c)
    await restart(deps)
    kept = await deps.store.feeds.by_url(c)
    assert kept is not None
    await deps.store.feeds.subscribe(7, kept.id, None)  # a server that added c itself too

    list_feeds(deps, a)
    with caplog.at_level(logging.INFO, logger="bot.news.service"):
        await restart(deps)
    assert [f.url for f in await deps.store.feeds.shared()] == [a]
    assert [f.url for f in await deps.store.feeds.active()] == [a, c]
    assert [s.feed.url for s in await deps.store.feeds.for_guild(7)] == [c]
    dropped = await deps.store.feeds.by_url(b)
    assert dropped is not None and not dropped.shared and not dropped.enabled
    said = [r.getMessage() for r in caplog.records]
    assert any(m.startswith(f"feed {b} is not in ") and "no longer shared" in m for m in said)
    assert any(
        m.startswith(f"feed {c} is not in ") and "kept by the 1 server(s)" in m for m in said
    )

    list_feeds(deps, a, b)  # listed again: shared and polled again
    await restart(deps)
    assert [f.url for f in await deps.store.feeds.active()] == [a, b, c]


async def test_a_missing_feed_file_leaves_the_shared_feeds_as_they_were(
    deps: NewsDeps, caplog: pytest.LogCaptureFixture
) -> None:
    """A wrong FEEDS_FILE path is a mistake, not an empty list: it stops nothing."""
    a = "https://a.example/feed"
    list_feeds(deps, a)
    await restart(deps)
    deps.settings.feeds_file.unlink()
    with caplog.at_level(logging.WARNING, logger="bot.news.service"):
        await restart(deps)
    assert [f.url for f in await deps.store.feeds.active()] == [a]
    assert any("does not exist" in r.getMessage() for r in caplog.records)


async def test_a_moved_shared_feed_is_found_again_at_the_address_the_host_lists(
    deps: NewsDeps, feed_server: FeedServer
) -> None:
    old, new = feed_server.url("/old.xml"), feed_server.url("/new.xml")
    feed_server.redirect("/old.xml", "/new.xml", status=301)
    feed_server.serve("/new.xml", make_rss(2))
    list_feeds(deps, old)
    await restart(deps)
    (feed,) = await deps.store.feeds.all()
    await poll(deps, feed)
    await restart(deps)  # FEEDS_FILE still names the old address
    (after,) = await deps.store.feeds.all()
    assert (after.id, after.url, after.moved_from, after.shared) == (feed.id, new, old, True)
    await poll(deps, after)
    assert (feed_server.hits("/old.xml"), feed_server.hits("/new.xml")) == (1, 2)

    list_feeds(deps)  # taken off the list by the address it was listed at
    await restart(deps)
    assert await deps.store.feeds.shared() == []


async def test_a_move_onto_another_feeds_address_folds_the_two_into_one(
    deps: NewsDeps, feed_server: FeedServer
) -> None:
    """Two rows reach one feed (a store from before moves were remembered, where a restart
    re-added the old address): the move that makes them meet leaves one row, with both rows'
    servers, seen keys and history, and nothing is queued twice."""
    old, new = await one_feed_at_two_addresses(deps, feed_server)
    moved = await deps.store.feeds.add(new, shared=True)
    await deps.store.feeds.subscribe(7, moved.id, None)
    await deps.store.feeds.set_filter(7, moved.id, "kitty", "")
    twin = await deps.store.feeds.add(old, shared=True)
    for feed in (moved, twin):
        await poll(deps, feed)  # the baselines

    renewal = "Netflix renews XO, Kitty for season 4"
    feed_server.serve("/new.xml", rss(renewal, "XO, Kitty cast visits Seoul"))
    assert (await poll(deps, moved)).queued == 2
    feed_server.redirect("/old.xml", "/new.xml", status=301)
    assert (await poll(deps, twin)).queued == 0

    (one,) = await deps.store.feeds.all()
    assert (one.id, one.url, one.moved_from, one.shared) == (twin.id, new, old, True)
    (sub,) = await deps.store.feeds.for_guild(7)
    assert sub.feed.id == twin.id and sub.include == ("kitty",)
    (article, *_) = await deps.store.news.find_articles([twin.id], "renews")
    assert article.verdict.startswith("change")  # what /feeds why reads is still there
    assert await deps.store.outbox.queued_by(7, twin.id, article.key) is not None
    assert (await poll(deps, one)).queued == 0
    assert await deps.store.outbox.counts() == {"pending": 2}


@pytest.mark.parametrize("own_polled", [True, False])
async def test_a_poll_that_folds_a_shared_feed_in_goes_on_as_the_folded_feed(
    deps: NewsDeps, feed_server: FeedServer, own_polled: bool
) -> None:
    """A server's own feed starts redirecting onto a shared feed's address and is polled
    first: its poll is the shared feed's from then on, so every server hears the news in
    it. Never polled before, it is not a first poll either: the shared feed's were."""
    old, new = await one_feed_at_two_addresses(deps, feed_server)
    shared = await deps.store.feeds.add(new, shared=True)
    own = await deps.store.feeds.add(old)
    await deps.store.feeds.subscribe(7, own.id, None)
    await poll(deps, shared)
    if own_polled:
        await poll(deps, own)

    renewal = "Netflix renews XO, Kitty for season 4"
    feed_server.serve("/new.xml", rss(renewal, "XO, Kitty cast visits Seoul"))
    feed_server.redirect("/old.xml", "/new.xml", status=301)
    report = await poll(deps, own)
    assert report.verdicts == {"change": 1} and report.queued == 2
    (one,) = await deps.store.feeds.all()
    assert one.shared and (await poll(deps, one)).queued == 0
    assert sorted(d.guild_id for d in await deps.store.outbox.due(NOW, 9)) == [1, 7]


async def test_a_feed_redirected_onto_another_feeds_address_brings_no_seen_keys_along(
    deps: NewsDeps, feed_server: FeedServer
) -> None:
    """Server 7's feed recorded guids the other feed's site has yet to publish (WordPress's
    "?p=N" are guessable), then redirected onto that feed's address: the fold kept those
    keys, so server 1 never heard the article when its site published it, and its key,
    carried by no feed, was never pruned. The address's own seen keys stand now; its
    backlog, which server 7 never heard, stays history for it too."""
    target, hostile = feed_server.url("/target.xml"), feed_server.url("/hostile.xml")
    renewal = "Netflix renews XO, Kitty for season 4"
    feed_server.serve("/target.xml", rss("XO, Kitty cast visits Seoul"))
    feed_server.serve("/hostile.xml", rss(renewal))  # its guid: the site's next post's
    feeds = {}
    for guild, url in ((1, target), (7, hostile)):
        await deps.store.guilds.update(guild, channel_id=guild * 10, mode="all")
        feeds[guild] = await deps.store.feeds.add(url)
        await deps.store.feeds.subscribe(guild, feeds[guild].id, None)
        assert (await poll(deps, feeds[guild])).verdicts == {"baseline": 1}
    feed_server.redirect("/hostile.xml", "/target.xml", status=301)
    assert (await poll(deps, feeds[7])).queued == 0  # the fold: Seoul is history to both

    feed_server.serve("/target.xml", rss(renewal, "XO, Kitty cast visits Seoul"))
    (one,) = await deps.store.feeds.all()
    assert (await poll(deps, one)).verdicts == {"change": 1}
    assert sorted(d.guild_id for d in await deps.store.outbox.due(NOW, 9)) == [1, 7]


@pytest.mark.parametrize("same_body", [False, True])
async def test_a_feed_redirected_onto_a_feed_never_read_reads_that_address_as_a_baseline(
    deps: NewsDeps, feed_server: FeedServer, same_body: bool
) -> None:
    """The host lists a feed, not polled yet, and a server's own feed redirects onto it:
    the kept row was primed, so the address's backlog was news to every server (all that
    the mover's keys missed). Now that poll is the baseline; and where the two served the
    same bytes (an "unchanged" answer, read against the old address's hash), the next one
    is, not a poll that finds it unchanged for as long as the feed is."""
    target, own = feed_server.url("/target.xml"), feed_server.url("/own.xml")
    backlog = rss("Netflix renews XO, Kitty for season 4", "XO, Kitty cast visits Seoul")
    feed_server.serve("/target.xml", backlog)
    feed_server.serve("/own.xml", backlog if same_body else rss("XO, Kitty cast visits Seoul"))
    for guild in (1, 7):
        await deps.store.guilds.update(guild, channel_id=guild * 10, mode="all")
    list_feeds(deps, target)
    await restart(deps)
    mover = await deps.store.feeds.add(own)
    await deps.store.feeds.subscribe(7, mover.id, None)
    await poll(deps, mover)
    feed_server.redirect("/own.xml", "/target.xml", status=301)
    report = await poll(deps, mover)
    assert report.queued == 0 and report.outcome == ("unchanged" if same_body else "fetched")
    (one,) = await deps.store.feeds.all()
    assert one.shared and one.primed is not same_body
    assert (await poll(deps, one)).queued == 0

    feed_server.serve(
        "/target.xml",
        rss("XO, Kitty season 4 gets a release date", "Netflix renews XO, Kitty for season 4"),
    )
    assert (await poll(deps, one)).queued == 2
    assert sorted(d.guild_id for d in await deps.store.outbox.due(NOW, 9)) == [1, 7]


@pytest.mark.parametrize(
    ("why", "shared"), [("8 failures in a row", True), ("taken off the shared list", False)]
)
async def test_a_feed_redirected_onto_a_disabled_feed_polls_that_address_again(
    deps: NewsDeps, feed_server: FeedServer, why: str, shared: bool
) -> None:
    """Should a move onto a disabled feed's address start it again? Yes: the move is stored
    only once that address answered, so a feed the bot stopped for failing works again, and
    every server hears it (a restart would have retried it anyway; the host's list names the
    mover, listed or not). One the host took off the list stays no one's but the mover's
    servers'. Nobody heard the address meanwhile: its backlog is history to all."""
    target, own = feed_server.url("/target.xml"), feed_server.url("/own.xml")
    feed_server.serve("/target.xml", rss("XO, Kitty cast visits Seoul"))
    feed_server.serve("/own.xml", rss("XO, Kitty cast visits Seoul"))
    for guild in (1, 7):
        await deps.store.guilds.update(guild, channel_id=guild * 10, mode="all")
    stopped = await deps.store.feeds.add(target, shared=True)
    await poll(deps, stopped)
    if not shared:
        await deps.store.feeds.unshare(stopped.id)
    await deps.store.feeds.disable(stopped.id, why, now=NOW)
    mover = await deps.store.feeds.add(own)
    await deps.store.feeds.subscribe(7, mover.id, None)
    await poll(deps, mover)

    feed_server.serve("/target.xml", rss("Netflix renews XO, Kitty for season 4"))
    feed_server.redirect("/own.xml", "/target.xml", status=301)
    assert (await poll(deps, mover)).queued == 0  # published while disabled: history
    (one,) = await deps.store.feeds.all()
    assert (one.id, one.url, one.enabled, one.shared) == (mover.id, target, True, shared)
    assert one in await deps.store.feeds.active()

    feed_server.serve(
        "/target.xml",
        rss("XO, Kitty season 4 gets a release date", "Netflix renews XO, Kitty for season 4"),
    )
    assert (await poll(deps, one)).queued == (2 if shared else 1)
    heard = sorted(d.guild_id for d in await deps.store.outbox.due(NOW, 9))
    assert heard == ([1, 7] if shared else [7])


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"# caf\xe9\n", "not UTF-8 text (byte 6 is not)"),
        (None, "cannot read it: Is a directory"),
        (b'[[feed]]\nurl = "https://e.org/feed"\ntitle = 5\n', "feed[0].title: must be a string"),
        # One `[feed]` table: had read as "feed[0].url: must be an http(s) URL".
        (
            b'[feed]\nurl = "https://e.org/feed"\n',
            "feed: write each feed as its own [[feed]] table",
        ),
    ],
)
def test_an_unreadable_feed_file_is_one_line_naming_it(
    tmp_path: Path, content: bytes | None, problem: str
) -> None:
    """A Latin-1 or directory FEEDS_FILE had stopped the bot with a traceback."""
    path = tmp_path / "feeds.toml"
    if content is None:
        path.mkdir()
    else:
        path.write_bytes(content)
    with pytest.raises(ConfigError) as caught:
        read_feed_list(path)
    assert str(caught.value) == f"{path}: {problem}"


def test_a_listed_address_may_write_its_scheme_in_capitals(tmp_path: Path) -> None:
    path = tmp_path / "feeds.toml"
    path.write_text('[[feed]]\nurl = "HTTPS://E.org/Feed"\ntitle = "E"\n', "utf-8")
    assert read_feed_list(path) == [("HTTPS://E.org/Feed", "E")]  # as written: rows match it


def addresses_read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The feed addresses the store reads for their keys from now on (what folding twins
    costs: about 33 ms a start at 3,000 feeds)."""
    read: list[str] = []

    def key(url: str) -> str:
        read.append(url)
        return feed_key(url)

    monkeypatch.setattr(feed_store, "feed_key", key)
    return read


async def stored_twice(deps: NewsDeps) -> Feed:
    """Feeds at two spellings of one address, as an older release stored them, among others."""
    for n in range(20):
        await deps.store.feeds.add(f"https://site{n}.example/feed")
    return await deps.store.feeds.add("https://www.site0.example/feed/")


async def test_a_second_start_reads_no_feeds_address_for_twins(
    deps: NewsDeps, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Twins come from a store written before ``parse.KEY_SCHEME`` (or a move, which folds
    them itself): a start folds them once per scheme, not every time."""
    await stored_twice(deps)
    read = addresses_read(monkeypatch)
    list_feeds(deps, "https://site1.example/feed")
    await restart(deps)
    assert len(read) >= 21 and len(await deps.store.feeds.all()) == 20
    read.clear()
    await restart(deps)
    assert read == []
    assert len(await deps.store.feeds.all()) == 20


async def test_a_start_after_the_key_scheme_changed_folds_twins_again(
    deps: NewsDeps, monkeypatch: pytest.MonkeyPatch
) -> None:
    await restart(deps)
    twin = await stored_twice(deps)  # spellings the scheme of that start told apart
    await restart(deps)
    assert twin in await deps.store.feeds.all()
    monkeypatch.setattr(service, "KEY_SCHEME", KEY_SCHEME + 1)
    await restart(deps)
    assert [f.url for f in await deps.store.feeds.all()] == [
        f"https://site{n}.example/feed" for n in range(20)
    ]
