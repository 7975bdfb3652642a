"""`feeds parse` contract: JSON lines per entry, one error line per unusable input."""

from __future__ import annotations

import asyncio
import io
import json
from pathlib import Path
from typing import Any

from bot.news.fetch import feeds_parse_cli
from tests.feedserver import HTML_PAGE, FeedServer, loopback_session, make_rss

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"


def run_cli(inputs: list[str], **options: Any) -> tuple[int, list[dict[str, Any]]]:
    out = io.StringIO()
    code = feeds_parse_cli(inputs, out, **options)
    return code, [json.loads(line) for line in out.getvalue().splitlines()]


def test_files_print_one_line_per_entry_in_order() -> None:
    feed = str(FIXTURES / "rss20_basic.xml")

    code, lines = run_cli([feed])

    assert code == 0
    assert [line["key"] for line in lines] == [
        "guid:kw-0042",
        "guid:https://kittyweekly.example/news/first-look",
    ]
    assert set(lines[0]) == {"feed", "key", "url", "title", "published", "summary"}
    assert lines[0]["feed"] == feed
    assert lines[0]["published"] == "2024-02-20T16:30:00+00:00"


def test_unusable_inputs_get_error_lines_and_the_rest_still_prints(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.xml")
    page = tmp_path / "page.html"
    page.write_bytes(HTML_PAGE)
    good = str(FIXTURES / "rss10_rdf.xml")

    code, lines = run_cli([missing, str(page), "ftp://example.com/feed", good])

    assert code == 0
    errors = {line["feed"]: line["error"] for line in lines if "error" in line}
    assert errors == {
        missing: "cannot read file: No such file or directory",
        str(page): "not a feed: looks like an HTML page",
        "ftp://example.com/feed": (
            "unsupported URL scheme in 'ftp://example.com/feed': use http, https or a file path"
        ),
    }
    assert [line["feed"] for line in lines if "key" in line] == [good, good]


def test_nothing_usable_exits_1(tmp_path: Path) -> None:
    code, lines = run_cli([str(tmp_path / "a"), str(tmp_path)])

    assert code == 1
    assert len(lines) == 2 and all("error" in line for line in lines)


async def test_urls_are_fetched_with_the_guard_on(feed_server: FeedServer) -> None:
    feed_server.serve("/feed.xml", make_rss(2))
    feed_server.status("/gone", 410)
    url, gone = feed_server.url("/feed.xml"), feed_server.url("/gone")

    # The CLI runs its own event loop, so it gets a thread; the server keeps serving here.
    code_allowed, allowed = await asyncio.to_thread(
        run_cli, [url, gone], allow_private=True, session_factory=loopback_session
    )
    code_refused, refused = await asyncio.to_thread(
        run_cli, [url], allow_private=False, session_factory=loopback_session
    )

    assert code_allowed == 0
    assert [line.get("key") for line in allowed] == ["guid:item-0", "guid:item-1", None]
    assert allowed[-1] == {"feed": gone, "error": "feed is gone (HTTP 410)"}
    assert code_refused == 1
    assert refused[0]["error"].startswith("refused: 127.0.0.1 is a loopback address")


def test_a_feed_broken_before_its_first_entry_says_why(tmp_path: Path) -> None:
    broken = tmp_path / "cut.xml"
    broken.write_bytes(b"<rss version='2.0'><channel><title>Kitty news</title></chan")
    empty = tmp_path / "empty-but-whole.xml"
    empty.write_bytes(b"<rss version='2.0'><channel><title>Quiet</title></channel></rss>")

    code, lines = run_cli([str(broken), str(empty)])

    # the whole feed with no entries is read (exit 0) and simply has nothing to print
    assert code == 0
    assert len(lines) == 1
    assert lines[0]["feed"] == str(broken)
    assert lines[0]["error"].startswith("no entries: SAXParseException")
    assert "unclosed token" in lines[0]["error"]


def test_only_a_broken_feed_exits_1(tmp_path: Path) -> None:
    broken = tmp_path / "cut.xml"
    broken.write_bytes(b"<rss version='2.0'><channel><title>Kitty news</title></chan")

    code, lines = run_cli([str(broken)])

    assert code == 1
    assert [set(line) for line in lines] == [{"feed", "error"}]


def test_a_whole_feed_without_entries_in_a_mislabelled_charset_is_read(tmp_path: Path) -> None:
    """Declared us-ascii, written in UTF-8: feedparser reads it all and notes the charset.
    That note is no cut-off; the feed was read (exit 0) and has nothing to print."""
    quiet = tmp_path / "quiet.xml"
    quiet.write_bytes(
        b'<?xml version="1.0" encoding="us-ascii"?>\n'
        b"<rss version='2.0'><channel><title>Caf\xc3\xa9 news</title></channel></rss>"
    )

    code, lines = run_cli([str(quiet)])

    assert (code, lines) == (0, [])
