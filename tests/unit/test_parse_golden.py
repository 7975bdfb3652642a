"""Golden files: each feed in tests/fixtures/feeds/ next to the JSON it must parse to.

The expected JSON was written by hand-checking the parser's output once; to refresh it
after a deliberate change, run with KISSBOT_UPDATE_GOLDEN=1 and review the git diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from bot.news.parse import ParsedFeed, parse_feed

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"
FEED_URL = "https://feeds.example.org/kitty/feed.xml"
FEEDS = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".xml", ".html"))


def as_json(parsed: ParsedFeed) -> dict[str, Any]:
    return {
        "title": parsed.title,
        "link": parsed.link,
        "version": parsed.version,
        "bozo": parsed.bozo,
        "error": parsed.error,
        "problems": list(parsed.problems),
        "articles": [
            {
                "key": a.key,
                "url": a.url,
                "title": a.title,
                "published": a.published.isoformat() if a.published else None,
                "summary": a.summary,
            }
            for a in parsed.articles
        ],
    }


@pytest.mark.parametrize("feed", FEEDS, ids=[p.name for p in FEEDS])
def test_feed_parses_to_its_golden_json(feed: Path) -> None:
    golden = feed.with_name(feed.name + ".expected.json")
    actual = as_json(parse_feed(feed.read_bytes(), FEED_URL))
    if os.environ.get("KISSBOT_UPDATE_GOLDEN"):
        golden.write_text(json.dumps(actual, indent=2, ensure_ascii=False) + "\n", "utf-8")
    assert golden.exists(), f"no golden file {golden.name}; run with KISSBOT_UPDATE_GOLDEN=1"
    assert actual == json.loads(golden.read_text("utf-8"))


def test_every_golden_file_has_its_feed() -> None:
    orphans = {p.name for p in FIXTURES.glob("*.expected.json")} - {
        f"{p.name}.expected.json" for p in FEEDS
    }
    assert not orphans
