"""Hostile or broken feeds: parse_feed keeps what it can, in bounded time, and never raises."""

from __future__ import annotations

import codecs
import io
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from bot.news import markup
from bot.news.dedupe import too_old
from bot.news.fetch import feeds_parse_cli
from bot.news.markup import html_to_text
from bot.news.parse import (
    ARTICLES_MAX,
    UNWRAP_MAX,
    _mend_surrogate_refs,
    canonical_url,
    parse_feed,
)
from bot.store.rows import iso, parse_iso

FEED = "https://e.org/feed"
GOOD = "".join(
    f"<item><title>XO, Kitty story {i}</title><link>https://e.org/{i}</link></item>"
    for i in range(5)
)


def rss(*items: str) -> bytes:
    inner = "<title>t</title>" + "".join(items)
    head = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0">'
    return f"{head}<channel>{inner}</channel></rss>".encode()


def item(title: str, link: str = "https://e.org/x", date: datetime | None = None) -> str:
    published = f"<pubDate>{format_datetime(date)}</pubDate>" if date else ""
    return f"<item><title>{title}</title><link>{link}</link>{published}</item>"


# --- surrogate character references -----------------------------------------------------


@pytest.mark.parametrize(
    ("refs", "text"),
    [
        ("&#55357;&#56832;", "here 😀"),  # a UTF-16 pair, as some CMSs write emoji
        ("&#xD83D;&#xde00;", "here 😀"),
        ("&#0055357;&#x0DE00;", "here 😀"),
        ("&#55357;", "here �"),  # a lone half
        ("&#xDE00;&#55357;&#56832;", "here �😀"),  # a stray low half, then a pair
        ("&#55357; &#56832;", "here � �"),  # not adjacent: not a pair
    ],
)
def test_surrogate_references_are_mended_and_the_other_entries_kept(refs: str, text: str) -> None:
    parsed = parse_feed(rss(item(f"here {refs}"), GOOD), FEED)
    assert parsed.error is None
    assert [a.title for a in parsed.articles] == [text] + [f"XO, Kitty story {i}" for i in range(5)]


def test_references_that_are_not_surrogates_stay_as_they_were() -> None:
    title = "It&#8217;s &#x2014; &#55295; &#57344; &#128512;"
    parsed = parse_feed(rss(item(title)), FEED)
    assert parsed.articles[0].title == "It’s — \ud7ff \ue000 😀"


def encoded(body: bytes, codec: str, bom: bytes = b"", declared: str = "") -> bytes:
    """``body`` (UTF-8, from ``rss``) written in ``codec`` after ``bom``, its prolog
    declaring ``declared`` (default: ``codec``)."""
    text = body.decode().replace('encoding="utf-8"', f'encoding="{declared or codec}"', 1)
    return bom + text.encode(codec)


# (codec, byte order mark, what the prolog declares): feedparser reads each of them.
WIDE = [
    pytest.param("utf-16-le", codecs.BOM_UTF16_LE, "utf-16", id="utf-16le-bom"),
    pytest.param("utf-16-be", codecs.BOM_UTF16_BE, "utf-16", id="utf-16be-bom"),
    pytest.param("utf-16-le", b"", "utf-16", id="utf-16le-declared"),
    pytest.param("utf-16-be", b"", "utf-16", id="utf-16be-declared"),
    pytest.param("utf-32-le", codecs.BOM_UTF32_LE, "utf-32", id="utf-32le-bom"),
    pytest.param("utf-32-be", b"", "utf-32", id="utf-32be-declared"),
]
OTHERS = [item("Kitty’s café", "https://e.org/1"), item("Dae 🎬 &#8217;", "https://e.org/2")]


@pytest.mark.parametrize(("codec", "bom", "declared"), WIDE)
@pytest.mark.parametrize(
    ("refs", "text"),
    [
        pytest.param("&#55357;&#56832;", "here 😀", id="pair"),
        pytest.param("&#xD83D;&#xde00;", "here 😀", id="hex-pair"),
        pytest.param("&#55357;", "here �", id="lone-high"),
        pytest.param("&#xDE00;&#55357;&#56832;", "here �😀", id="lone-low-then-pair"),
    ],
)
def test_surrogate_references_are_mended_in_feeds_that_are_not_ascii_compatible(
    codec: str, bom: bytes, declared: str, refs: str, text: str
) -> None:
    body = encoded(rss(item(f"here {refs}"), *OTHERS), codec, bom, declared)
    parsed = parse_feed(body, FEED)
    assert parsed.error is None and not parsed.bozo, parsed.problems
    assert [a.title for a in parsed.articles] == [text, "Kitty’s café", "Dae 🎬 ’"]


@pytest.mark.parametrize(("codec", "bom", "declared"), WIDE)
def test_only_the_surrogate_references_change_and_the_encoding_stays(
    codec: str, bom: bytes, declared: str
) -> None:
    def feed(refs: str) -> bytes:
        return encoded(rss(item(f"here {refs} &#8217; ’ 🎬"), *OTHERS), codec, bom, declared)

    assert _mend_surrogate_refs(feed("&#55357;&#56832;&#56832;")) == feed("&#128512;&#65533;")


def test_an_ascii_compatible_feed_keeps_its_other_bytes() -> None:
    body = encoded(rss(item("café &#55357;&#56832; “x”")), "windows-1252")
    mended = encoded(rss(item("café &#128512; “x”")), "windows-1252")
    assert _mend_surrogate_refs(body) == mended
    assert parse_feed(body, FEED).articles[0].title == "café 😀 “x”"


@pytest.mark.parametrize(
    "body",
    [
        rss(GOOD),  # no reference at all
        rss(item("It&#8217;s &#128512; 🎬")),  # references, none to a surrogate
        encoded(rss(item("It&#8217;s &#128512; café")), "windows-1252"),
        encoded(rss(item("It&#8217;s 🎬")), "utf-16-le", codecs.BOM_UTF16_LE, "utf-16"),
        encoded(rss(item("It’s 🎬")), "utf-16-be", codecs.BOM_UTF16_BE, "utf-16"),
        encoded(rss(item("It&#8217;s")), "utf-32-be"),
    ],
    ids=["utf-8", "utf-8-refs", "cp1252-refs", "utf-16le-refs", "utf-16be", "utf-32be-refs"],
)
def test_a_feed_without_surrogate_references_is_handed_on_as_it_came(body: bytes) -> None:
    assert _mend_surrogate_refs(body) is body  # not copied, let alone decoded


# --- links --------------------------------------------------------------------------------


def google(link: str, depth: int) -> str:
    for _ in range(depth):
        link = f"https://www.google.com/url?q={link}"
    return link


def test_deeply_nested_redirects_neither_raise_nor_lose_the_feed() -> None:
    hostile = google("https://e.org/a", 1100)  # over 30,000 characters
    parsed = parse_feed(rss(item("good", "https://e.org/ok"), item("XO, Kitty", hostile)), FEED)
    assert [(a.title, a.url) for a in parsed.articles] == [
        ("good", "https://e.org/ok"),
        ("XO, Kitty", ""),  # too long to be an address
    ]


def test_redirects_are_unwrapped_a_few_levels_deep_only() -> None:
    assert canonical_url(google("https://e.org/a?utm_source=x", UNWRAP_MAX)) == "https://e.org/a"
    deeper = google("https://e.org/a", UNWRAP_MAX + 40)
    assert canonical_url(deeper) == google("https://e.org/a", 40)  # read as a plain link


# --- markup in bounded time ---------------------------------------------------------------

# Each of these used to rescan the rest of the text from every occurrence: quadratic.
# (unit, whether the text keeps it)
UNCLOSED = [
    ("<!--", True),  # a comment never closed is text
    ("<script>", False),  # a script never closed: only its tags go
    ("<STYLE x>", False),
    ("<a", True),  # a "tag" with no ">" is text
    ("<b ", True),
    ("<x", True),
]


@pytest.mark.parametrize(("unit", "kept"), UNCLOSED, ids=[u for u, _ in UNCLOSED])
def test_unclosed_markup_takes_linear_time(
    monkeypatch: pytest.MonkeyPatch, unit: str, kept: bool
) -> None:
    # Twenty times the real bound: quadratic scanning takes minutes here, linear takes
    # milliseconds, so the loose limit holds on any machine.
    monkeypatch.setattr(markup, "SCAN_MAX", 400_000)
    body = unit * (200_000 // len(unit))
    started = time.perf_counter()
    text = html_to_text("<p>ok</p>" + body)
    assert time.perf_counter() - started < 2.0
    assert text == " ".join(f"ok {body if kept else ''}".split())


@pytest.mark.parametrize(
    ("fragment", "text"),
    [
        ("a<!--b", "a<!--b"),
        ("<script>x", "x"),
        ("<!-- a --><!-- b", "<!-- b"),
        ("<!--<script>x</script>", "<!--"),
        ("<script>a<!--b</script>c-->", "c-->"),
        ("<Script type=x>a</SCRIPT >b<noscript>c</noscript\n>d", "b d"),
        ("<!---->a<!-->b-->c", "a c"),
        ("<a<a<a>x", "x"),
        ("<p>x</p><a href='y'", "x <a href='y'"),
        ("<scripts>x</scripts>", "x"),
    ],
)
def test_blocks_and_tags_are_read_as_before(fragment: str, text: str) -> None:
    assert html_to_text(fragment) == text


def test_a_huge_hostile_field_is_cut_without_a_half_tag() -> None:
    text = html_to_text("<a" * 5_000 + ">" + "word " * 10_000 + "<a href='x'" * 3)
    assert text.startswith("word") and "<" not in text


# --- dates --------------------------------------------------------------------------------

READ_AT = datetime(2026, 6, 1, 12, tzinfo=UTC)


def test_a_date_far_in_the_future_is_no_date() -> None:
    dates = [READ_AT + timedelta(days=3 * 365), READ_AT + timedelta(hours=20), READ_AT]
    items = [item(f"t{i}", f"https://e.org/{i}", d) for i, d in enumerate(dates)]
    parsed = parse_feed(rss(*items), FEED, now=READ_AT)
    assert [a.published for a in parsed.articles] == [None, dates[1], dates[2]]


def test_a_placeholder_date_before_feeds_existed_is_no_date() -> None:
    """The Unix epoch and .NET's DateTime.MinValue (year 1) stand for "no date"; year 1 was
    also stored as "1-01-01…", which /feeds why could not read back."""
    body = rss(
        "<item><title>a</title><guid>a</guid><pubDate>Mon, 01 Jan 0001 00:00:00 GMT</pubDate>"
        "</item><item><title>b</title><guid>b</guid><pubDate>Thu, 01 Jan 1970 00:00:00 GMT"
        "</pubDate></item>",
        item("c", "https://e.org/c", datetime(2001, 9, 9, tzinfo=UTC)),
    )
    parsed = parse_feed(body, FEED, now=READ_AT)
    assert [a.published for a in parsed.articles] == [None, None, datetime(2001, 9, 9, tzinfo=UTC)]


@pytest.mark.parametrize(
    "written",
    [
        "-0001-11-30T00:00:00+00:00",  # PHP's zero date (a draft's or a scheduled post's)
        "2026",  # W3C dates may stop at the year or the month
        "2026-05",
    ],
)
def test_a_date_feedparser_reads_as_a_day_nobody_gave_is_no_date(written: str) -> None:
    """feedparser reads PHP's "-0001-11-30" as January 1, 2000, and a year or a month as its
    first day: each entry was too old to be news, for good, however new it was."""
    body = rss(f"<item><title>a</title><guid>a</guid><pubDate>{written}</pubDate></item>")
    (entry,) = parse_feed(body, FEED, now=READ_AT).articles
    assert entry.published is None and not too_old(entry, READ_AT)


def test_stored_times_read_back_whatever_the_year() -> None:
    for moment in (datetime(1, 1, 1, tzinfo=UTC), datetime(999, 3, 4, 5, 6, 7, tzinfo=UTC)):
        assert parse_iso(iso(moment)) == moment
    assert iso(datetime(1, 1, 1, tzinfo=UTC)) < iso(datetime(999, 1, 1, tzinfo=UTC))


def test_without_a_given_time_the_clock_decides() -> None:
    parsed = parse_feed(rss(item("t", date=datetime(2999, 1, 1, tzinfo=UTC))), FEED)
    assert parsed.articles[0].published is None


def test_a_future_date_still_keys_an_entry_that_has_only_a_title() -> None:
    future = READ_AT + timedelta(days=30)
    body = rss(f"<item><title>XO, Kitty</title><pubDate>{format_datetime(future)}</pubDate></item>")
    before = parse_feed(body, FEED, now=READ_AT).articles[0]
    after = parse_feed(body, FEED, now=future).articles[0]
    assert (before.published, after.published) == (None, future)
    assert before.key == after.key  # the key must not change when the date comes


def test_old_entries_keep_their_date_and_are_too_old() -> None:
    old = READ_AT - timedelta(days=30)
    parsed = parse_feed(rss(item("t", date=old)), FEED, now=READ_AT)
    assert parsed.articles[0].published == old
    assert too_old(parsed.articles[0], READ_AT)


# --- huge numbers of entries ------------------------------------------------------------


def test_a_feed_of_thousands_of_entries_keeps_only_the_newest() -> None:
    # A 5 MB feed holds tens of thousands of tiny entries: the bot held them all, judged them
    # in one transaction and, in "all" mode, queued a post for each.
    start = datetime(2025, 1, 1, tzinfo=UTC)
    count = ARTICLES_MAX + 150
    oldest_first = [  # dated, listed oldest first, with one undated entry at the top
        item(f"XO, Kitty story {i}", f"https://e.org/{i}", start + timedelta(hours=i))
        for i in range(count)
    ]
    parsed = parse_feed(rss(item("undated", "https://e.org/u"), *oldest_first), FEED)
    kept = [a.url for a in parsed.articles]
    assert kept == [f"https://e.org/{i}" for i in range(count - ARTICLES_MAX, count)]
    assert f"kept the newest {ARTICLES_MAX} of {count + 1} entries" in parsed.problems


def test_the_parse_command_still_prints_every_entry(tmp_path: Path) -> None:
    many = tmp_path / "many.xml"
    many.write_bytes(rss(*(item(f"story {i}", f"https://e.org/{i}") for i in range(600))))
    out = io.StringIO()
    assert feeds_parse_cli([str(many)], out) == 0
    assert len(out.getvalue().splitlines()) == 600


# --- attributes --------------------------------------------------------------------------


def timed_parse(body: bytes) -> tuple[float, list[str], tuple[str, ...]]:
    started = time.perf_counter()
    parsed = parse_feed(body, FEED)
    return time.perf_counter() - started, [a.title for a in parsed.articles], parsed.problems


def test_an_element_with_thousands_of_attributes_takes_linear_time() -> None:
    # feedparser looks each attribute up by scanning them all: 400,000 in a 5 MB body took
    # hours of the parser's CPU, every poll. Past the bound the loose parser reads it.
    crowded = " ".join(f'a{i}=">"' for i in range(50_000))  # ">" in a value is XML too
    body = rss(f"<item {crowded}><title>XO, Kitty</title><guid>g</guid></item>")
    took, titles, problems = timed_parse(body)
    assert took < 3.0 and titles == ["XO, Kitty"]
    assert "an element has more than 100 attributes" in problems[0]


def test_attribute_defaults_from_the_dtd_cannot_multiply_the_work() -> None:
    # Ninety defaults land on each of 20,000 four-byte elements: 1.8 million attributes.
    names = " ".join(f'x{i} CDATA "1"' for i in range(90))
    doctype = f"<!DOCTYPE rss [<!ATTLIST a {names}>]>"
    body = rss(f"<item><title>XO, Kitty</title><guid>g</guid>{'<a/>' * 20_000}</item>")
    took, titles, problems = timed_parse(body.replace(b"<rss", doctype.encode() + b"<rss", 1))
    assert took < 3.0 and titles == ["XO, Kitty"]
    assert "attribute defaults" in problems[0]


def test_an_element_with_a_hundred_attributes_is_read_strictly() -> None:
    attributes = " ".join(f'a{i}="1"' for i in range(100))
    _, titles, problems = timed_parse(rss(f"<item {attributes}><title>kept</title></item>"))
    assert titles == ["kept"] and problems == ()


@pytest.mark.parametrize(
    ("prefix", "depth"),
    [
        ("", 150_000),  # well-formed: the strict parser's elements, closed at the end
        ("&bogus;", 150_000),  # an undefined entity: the loose parser reads it all
        ("&bogus;", 0),  # …and none is ever closed
    ],
)
def test_elements_nested_past_the_bound_stop_the_parse_at_once(prefix: str, depth: int) -> None:
    # Each open element costs feedparser's stacks ~230 bytes: a 5 MB body of "<a>" held a parse
    # worker at 385 MB for its whole CPU budget, every poll, and an ill-formed one went to the
    # loose parser, which nothing bounded. Now the parse stops at the bound, with the reason.
    nested = "<a>" * 300_000 + "</a>" * depth
    took, titles, problems = timed_parse(rss(f"<item><title>t{prefix}</title>{nested}</item>"))
    assert problems[0] == "not a feed: more than 100,000 elements open at once"
    assert titles == [] and took < 5.0


def test_a_sloppy_feed_that_leaves_its_tags_open_is_still_read() -> None:
    # The loose parser counts each tag never closed as open: 1,800 in these 300 entries.
    sloppy = "<description>a<br>b<p>c<img src=x><hr><li>x<font>y</description>"
    entries = [
        f"<item><title>t{i} &nbsp;</title>{sloppy}<guid>{i}</guid></item>" for i in range(300)
    ]
    _, titles, problems = timed_parse(rss(*entries))
    assert len(titles) == 300 and "undefined entity" in problems[0]
