"""Every feed in the shared evaluation corpus parses sanely (skipped when it is absent)."""

from __future__ import annotations

import csv
from datetime import timedelta
from pathlib import Path

import pytest

from bot.news.parse import SUMMARY_MAX, TITLE_MAX, parse_feed

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval" / "feeds"
MANIFEST = CORPUS / "MANIFEST.tsv"
FEED_URL = "https://corpus.example/feed"


def manifest() -> list[dict[str, str]]:
    if not MANIFEST.is_file():
        return []
    with MANIFEST.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


ROWS = manifest()
pytestmark = pytest.mark.skipif(not ROWS, reason=f"evaluation corpus not found at {CORPUS}")


def row(name: str) -> dict[str, str]:
    return next(r for r in ROWS if r["file"] == name)


@pytest.mark.parametrize("entry", ROWS, ids=[r["file"] for r in ROWS])
def test_corpus_feed_parses_sanely(entry: dict[str, str]) -> None:
    body = (CORPUS / entry["file"]).read_bytes()

    parsed = parse_feed(body, FEED_URL)

    expected_max = int(entry["fp_entries"] or 0)
    keys = [a.key for a in parsed.articles]
    assert len(parsed.articles) <= expected_max  # in-feed duplicates collapse, never multiply
    if expected_max and parsed.version:
        assert parsed.articles, parsed.problems
    assert len(set(keys)) == len(keys)
    assert bool(entry["fp_bozo"]) <= parsed.bozo
    for article in parsed.articles:
        assert article.key.split(":", 1)[0] in ("guid", "link", "hash")
        assert len(article.key) <= 256 + len("guid:sha256:")
        assert article.published is None or article.published.utcoffset() == timedelta(0)
        assert len(article.title) <= TITLE_MAX and "\n" not in article.title
        assert len(article.summary) <= SUMMARY_MAX and "\n" not in article.summary
        assert article.url == "" or article.url.startswith(("http://", "https://"))
        assert "#" not in article.url and "utm_" not in article.url


def test_gzip_bytes_are_not_a_feed() -> None:
    parsed = parse_feed((CORPUS / row("compressed.xml")["file"]).read_bytes(), FEED_URL)
    assert parsed.error == "not a feed: gzip-compressed data"


def test_google_alert_links_are_unwrapped_and_titles_plain() -> None:
    parsed = parse_feed((CORPUS / "google_alerts_atom.xml").read_bytes(), FEED_URL)
    assert parsed.articles
    assert not any("google.com/url" in a.url for a in parsed.articles)
    assert not any("<b>" in a.title or "<b>" in a.summary for a in parsed.articles)


def test_repeated_items_collapse() -> None:
    name = "fastfeedparser_72fea1ebfd02e90a"  # the same item up to four times
    parsed = parse_feed((CORPUS / name).read_bytes(), FEED_URL)
    assert len(parsed.articles) < int(row(name)["fp_entries"])
    assert any("duplicates" in problem for problem in parsed.problems)


def test_items_without_guid_or_link_get_hash_keys() -> None:
    name = "fastfeedparser_cc314ce5dfbb3adc"
    parsed = parse_feed((CORPUS / name).read_bytes(), FEED_URL)
    assert parsed.articles
    assert all(a.key.startswith("hash:") for a in parsed.articles)


def test_keys_do_not_depend_on_where_the_feed_was_fetched_from() -> None:
    for name in ("fastfeedparser_1796df62c4a287cc", "TechCrunch.xml", "youtube_atom.xml"):
        body = (CORPUS / name).read_bytes()
        here = parse_feed(body, "https://one.example/feed")
        there = parse_feed(body, "http://two.example/moved/feed", {"Content-Location": "/x"})
        assert [a.key for a in here.articles] == [a.key for a in there.articles]
