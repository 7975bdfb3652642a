"""The evaluation corpus's real feeds (../shared/eval/feeds) through the real pipeline, served
from loopback: polled, polled again as feeds change between polls, and posted (skipped when
the corpus is absent)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from bot.news.models import Article
from bot.news.parse import parse_feed
from bot.news.pipeline import FeedReport, NewsDeps
from bot.render.text import timestamp
from tests.conftest import NOW
from tests.feedserver import FeedServer
from tests.integration.test_shared_feeds import deps, poll  # noqa: F401 (a fixture)
from tests.unit.test_parse_corpus import CORPUS, ROWS

pytestmark = pytest.mark.skipif(not ROWS, reason=f"evaluation corpus not found at {CORPUS}")

# The corpus's feeds of several entries (the rest test the parser, one quirk each).
FEEDS = [r["file"] for r in ROWS if int(r["fp_entries"] or 0) >= 3]
HEADLINES = (
    "Netflix renews XO, Kitty for season 4",
    "XO, Kitty season 3 trailer is here",
    "XO, Kitty star Anna Cathcart talks Dae and Min Ho",
)
# An entry's own start and end tags (not a self-closing <item /> nested in one: PCMag's).
_ENTRY = re.compile(rb"<(item|entry)\b[^>]*(?<!/)>.*?</\1\s*>", re.DOTALL)
_TITLE = re.compile(rb"(<title\b[^>]*>).*?(</title\s*>)", re.DOTALL)
_GUID = re.compile(rb"(<(?:guid|id)\b[^>]*>)(\s*)")
_RSS_DATE = re.compile(rb"(<pubDate>)[^<]*")
_ATOM_DATE = re.compile(rb"(<(?:published|updated|dc:date)>)[^<]*")


def split(body: bytes) -> tuple[bytes, list[bytes], bytes]:
    """(what comes before the entries, each entry newest first, what comes after)."""
    found = list(_ENTRY.finditer(body))
    assert len(found) >= 3, "the corpus feed's entries were not found"
    head, entries, tail = body[: found[0].start()], [m[0] for m in found], body[found[-1].end() :]
    if published(head, entries[0], tail) < published(head, entries[-1], tail):
        return head, entries[::-1], tail  # listed oldest first (AreWeAntiCheatYet)
    return head, entries, tail


def join(head: bytes, entries: list[bytes], tail: bytes) -> bytes:
    return head + b"\n".join(entries) + tail


def lone(head: bytes, entry: bytes, tail: bytes) -> Article:
    """The article the feed makes of ``entry`` alone."""
    (article,) = parse_feed(join(head, [entry], tail), "https://corpus.example/").articles
    return article


def published(head: bytes, entry: bytes, tail: bytes) -> datetime:
    return lone(head, entry, tail).published or NOW


def titled(entry: bytes, title: str) -> bytes:
    return _TITLE.sub(lambda m: m[1] + title.encode() + m[2], entry, count=1)


def dated(entry: bytes, when: datetime) -> bytes:
    rss = _RSS_DATE.sub(lambda m: m[1] + format_datetime(when, usegmt=True).encode(), entry)
    return _ATOM_DATE.sub(lambda m: m[1] + when.isoformat().encode(), rss)


def about_the_show(body: bytes) -> bytes:
    """The feed, newest first, with its newest entries' headlines news of the show, so that
    what the pipeline does with them (queue or not) is what is tested, not the classifier's
    "not about it"."""
    head, entries, tail = split(body)
    shown = [titled(e, h) for e, h in zip(entries, HEADLINES, strict=False)]
    return join(head, shown + entries[len(shown) :], tail)


def newest(body: bytes) -> datetime:
    dates = [a.published for a in parse_feed(body, "https://corpus.example/").articles]
    return max((d for d in dates if d), default=NOW)


def changes(body: bytes, now: datetime) -> Iterator[tuple[str, bytes, str]]:
    """What a feed does between two polls: (what, the body, what of its newest entry it
    changes: nothing of it, its date or its headline)."""
    head, entries, tail = split(body)
    first, rest = entries[0], entries[1:]
    yield "served again, a byte apart", body + b"\n", "nothing"
    yield "entries reordered", join(head, entries[::-1], tail), "nothing"
    yield "cut to its newest three", join(head, entries[:3], tail), "nothing"
    edited = titled(first, f"{HEADLINES[0]}, and more")
    yield "the newest entry's headline edited", join(head, [edited, *rest], tail), "headline"
    bumped = dated(first, now - timedelta(minutes=5))
    yield "the newest entry's date bumped", join(head, [bumped, *rest], tail), "date"


async def poll_with(
    deps: NewsDeps,  # noqa: F811
    feed_server: FeedServer,
    body: bytes,
) -> FeedReport:
    feed_server.serve("/feed.xml", body)
    (feed,) = await deps.store.feeds.all()
    return await poll(deps, feed)


async def followed(
    deps: NewsDeps,  # noqa: F811
    feed_server: FeedServer,
    name: str,
) -> tuple[bytes, datetime]:
    """The corpus feed with news of the show, shared with a server of each mode, and the
    clock an hour after its newest entry: (its body, the clock)."""
    body = about_the_show((CORPUS / name).read_bytes())
    now = newest(body) + timedelta(hours=1)
    deps.now = lambda: now
    await deps.store.guilds.update(1, channel_id=10, mode="all")
    await deps.store.guilds.update(2, channel_id=20, mode="changes")
    await deps.store.feeds.share(feed_server.url("/feed.xml"), title=None)
    return body, now


@pytest.mark.parametrize("name", FEEDS)
async def test_a_real_feed_polled_again_brings_nothing_that_is_not_new(
    deps: NewsDeps,  # noqa: F811
    feed_server: FeedServer,
    name: str,
) -> None:
    body, now = await followed(deps, feed_server, name)
    articles = parse_feed(body, "https://corpus.example/").articles
    assert (await poll_with(deps, feed_server, body)).verdicts == {"baseline": len(articles)}
    head, entries, tail = split(body)
    # An entry with neither guid nor link is keyed by its headline and date: either changed,
    # it has a new key (its story, the same headline, tells it), and a headline edited is
    # all that can tell it from a new entry.
    hashed = lone(head, entries[0], tail).key.startswith("hash:")
    for what, changed, edits in changes(body, now):
        report = await poll_with(deps, feed_server, changed)
        if not hashed or edits == "nothing":
            assert report.verdicts == {}, what
        if not hashed or edits != "headline":
            assert report.queued == 0, what
        # and back as it was: what a cut or edit hid is not new either
        assert (await poll_with(deps, feed_server, body)).verdicts == {}, what
    assert await deps.store.outbox.counts() == ({"pending": 2} if hashed else {})


@pytest.mark.parametrize("name", FEEDS)
async def test_a_real_feed_whose_guids_change_every_poll_does_not_flood(
    deps: NewsDeps,  # noqa: F811
    feed_server: FeedServer,
    name: str,
) -> None:
    body, _ = await followed(deps, feed_server, name)
    await poll_with(deps, feed_server, body)
    for n in range(3):
        rekeyed = _GUID.sub(lambda m, n=n: m[1] + m[2] + f"poll{n}-".encode(), body)
        report = await poll_with(deps, feed_server, rekeyed)
        assert report.queued == 0 and set(report.verdicts) <= {
            "reissued",
            "not_about_show",
            "too_old",
        }
    assert await deps.store.outbox.counts() == {}


# What must not reach a fan's post from feed text.
_LEFTOVERS = re.compile(
    r"</?[a-z][a-z0-9]*(?:\s[^<>]*)?/?>|<!|&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);|\]\]>"
    r"|appeared first on|Read full article|Continue reading|Read more|\[(?:…|\.\.\.)\]",
)


@pytest.mark.parametrize("name", FEEDS)
async def test_a_real_entry_posts_clean_text_and_the_articles_own_link(
    deps: NewsDeps,  # noqa: F811
    feed_server: FeedServer,
    name: str,
) -> None:
    """Each feed's newest entry, told as news after the rest was its backlog, in all-news
    mode."""
    head, entries, tail = split((CORPUS / name).read_bytes())
    first = titled(entries[0], HEADLINES[2])
    told = lone(head, first, tail)
    now = (told.published or NOW) + timedelta(hours=1)
    deps.now = lambda: now
    await deps.store.guilds.update(1, channel_id=10, mode="all")
    await deps.store.feeds.share(feed_server.url("/feed.xml"), title=None)
    await poll_with(deps, feed_server, join(head, entries[1:], tail))
    report = await poll_with(deps, feed_server, join(head, [first, *entries[1:]], tail))
    assert report.queued == 1
    (delivery,) = await deps.store.outbox.due(now, 9)
    embed = delivery.message["embed"]
    assert embed["description"] == HEADLINES[2]
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    summary = fields.get("Summary", "")
    assert not _LEFTOVERS.search(summary), summary
    link, _, when = fields["Source"].partition(" · ")
    assert link == "(no link)" or link.startswith(("http://", "https://"))
    assert "utm_" not in link, link
    # FeedBurner's redirect, where the feed gives the article's own address (PCMag's sits
    # after an illegally nested <item />, outside the entry as feedparser reads it)
    if name != "illegally-nested.xml":
        assert "feedproxy.google.com" not in link, link
    if told.published is not None:
        assert told.published.tzinfo == UTC and when == timestamp(told.published, "D")


# Mojibake: UTF-8 read as Latin-1 or cp1252 ("â€™" for "’", "Ã©" for "é"), and C1 controls.
_MOJIBAKE = re.compile("â€|Ã[\u0080-\u00bf]|[\u0080-\u009f]|\ufeff|ï»¿")


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        # UTF-8, as its XML declares, under a server's default charset (Apache's
        # AddDefaultCharset): titles with raw UTF-8 quotes read "Thatâ€™s Our Territoryâ€™"
        ("fastfeedparser_9f9555d69283aeda", "text/xml; charset=ISO-8859-1"),
        ("fastfeedparser_9f9555d69283aeda", "application/rss+xml; charset=us-ascii"),
        ("fastfeedparser_93a9689b034963f5", "application/rss+xml; charset=windows-1252"),  # BOM
        ("fastfeedparser_a4911bd5d9977a79", "text/xml; charset=utf-8"),  # Latin-1, declared
        ("shiftjis.xml", "application/atom+xml; charset=Shift_JIS"),
    ],
)
async def test_a_feed_served_under_another_charset_reads_as_written(
    deps: NewsDeps,  # noqa: F811
    feed_server: FeedServer,
    name: str,
    content_type: str,
) -> None:
    await deps.store.feeds.share(feed_server.url("/feed.xml"), title=None)
    feed_server.serve("/feed.xml", (CORPUS / name).read_bytes(), content_type=content_type)
    report = await poll_with_served(deps)
    assert report.verdicts["baseline"] >= 1
    texts = [t for (t,) in await deps.store.db.rows("SELECT title || summary FROM articles")]
    assert texts and [t for t in texts if _MOJIBAKE.search(t)] == []


@pytest.mark.parametrize("content_type", ["text/xml; charset=utf-8", "text/xml; charset=latin-1"])
async def test_a_byte_order_mark_names_the_encoding_whatever_the_header_says(
    deps: NewsDeps,  # noqa: F811
    feed_server: FeedServer,
    content_type: str,
) -> None:
    """A UTF-16 feed with its byte order mark, served as UTF-8 (IIS does): was "not a feed",
    a failed poll, and in time a disabled feed. The mark decides (XML 1.0, appendix F)."""
    await deps.store.feeds.share(feed_server.url("/feed.xml"), title=None)
    body = (CORPUS / "utf-16le-bom.xml").read_bytes()
    feed_server.serve("/feed.xml", body, content_type=content_type)
    report = await poll_with_served(deps)
    (feed,) = await deps.store.feeds.all()
    assert report.outcome == "fetched" and feed.failures == 0, feed.last_error


async def poll_with_served(deps: NewsDeps) -> FeedReport:  # noqa: F811
    (feed,) = await deps.store.feeds.all()
    return await poll(deps, feed)
