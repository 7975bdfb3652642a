"""Hostile or broken feeds: parse_feed keeps what it can, in bounded time, and never raises."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from bot.news import markup
from bot.news.dedupe import too_old
from bot.news.markup import html_to_text
from bot.news.parse import UNWRAP_MAX, canonical_url, parse_feed

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
