"""`python -m bot classify` reads headlines as the bot does: the catalog's shows, by title or
alias, and the seasons' dated milestones, so a restatement of old news is not news."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

from bot import cli
from bot.settings import Settings
from tests.conftest import REPO
from tests.headlines import classify_by_cli

OUT_NOW = "XO, Kitty season 1 is out now on Netflix"


def _run(*items: dict[str, Any]) -> list[dict[str, Any]]:
    return classify_by_cli(list(items))


def test_a_release_the_catalog_dated_months_ago_is_old_news() -> None:
    # the pack dates season 1's release 2023-05-18
    on_the_day, months_later, undated = _run(
        {"title": OUT_NOW, "published": "2023-05-18"},
        {"title": OUT_NOW, "published": "2023-09-01"},
        {"title": OUT_NOW},
    )
    assert (on_the_day["show"], on_the_day["season"], on_the_day["milestone"]) == (
        "xo-kitty",
        1,
        "released",
    )
    assert months_later["milestone"] is None
    assert months_later["rule"] == "not-news:known-since-2023-05-18"
    assert undated["milestone"] == "released"  # without a date nothing says it is old


def test_a_published_month_or_year_is_read_as_its_middle() -> None:
    """Spreadsheets of headlines give only a month or a year where the page had no day; such a
    date was refused, and the headline's verdict lost with it."""
    in_june, in_september, in_2024 = _run(
        {"title": OUT_NOW, "published": "2023-05"},
        {"title": OUT_NOW, "published": "2023-09"},
        {"title": OUT_NOW, "published": "2024"},
    )
    assert in_june["milestone"] == "released"  # May 15: three days before the release
    assert in_september["rule"] == "not-news:known-since-2023-05-18"
    assert in_2024["rule"] == "not-news:known-since-2023-05-18"


def test_a_published_timestamp_is_seconds_since_the_epoch() -> None:
    on_the_day, months_later = _run(
        {"title": OUT_NOW, "published": 1684411200},  # 2023-05-18 12:00 UTC
        {"title": OUT_NOW, "published": 1693569600.5},  # 2023-09-01
    )
    assert on_the_day["milestone"] == "released"
    assert months_later["rule"] == "not-news:known-since-2023-05-18"


def test_an_unreadable_published_date_costs_only_what_the_date_would_tell() -> None:
    renews = "Netflix renews XO, Kitty for season 9"
    words, huge, listed = _run(
        {"title": renews, "published": "soon-ish"},
        {"title": renews, "published": 1e300},
        {"title": renews, "published": [2023]},
    )
    for item in (words, huge, listed):
        assert (item["show"], item["season"], item["milestone"]) == ("xo-kitty", 9, "renewed")
    assert words["rule"].endswith("(unreadable published date 'soon-ish': read as undated)")
    assert huge["rule"].endswith("(published timestamp 1e+300 is out of range: read as undated)")
    assert listed["rule"].endswith(
        "(published must be a string, a number or null: read as undated)"
    )


def test_a_milestone_the_catalog_has_not_reached_is_news_whenever_it_is_read() -> None:
    (item,) = _run({"title": "Netflix renews XO, Kitty for season 9", "published": "2030-01-05"})
    assert (item["show"], item["season"], item["milestone"]) == ("xo-kitty", 9, "renewed")


def test_each_verdict_is_flushed_before_the_next_line_is_read() -> None:
    """A tool may write one headline and wait for its verdict (a co-process): held in a pipe's
    buffer until stdin ends, the verdict never came."""
    settings = Settings.from_env({"SHOWS_DIR": str(REPO / "data" / "shows")}, env_file=None)
    stdout = io.StringIO()
    flushed: list[str] = []
    stdout.flush = lambda: flushed.append(stdout.getvalue())  # type: ignore[method-assign]
    seen_before_reading: list[int] = []

    def stdin() -> Iterator[str]:
        for title in ("XO, Kitty renewed for season 3", "not news", "XO, Kitty season 3 wraps"):
            seen_before_reading.append(len(flushed[-1].splitlines()) if flushed else 0)
            yield json.dumps({"title": title}) + "\n"

    assert cli.classify(settings, stdin(), stdout) == 0  # type: ignore[arg-type]
    assert seen_before_reading == [0, 1, 2]
    assert len(flushed[-1].splitlines()) == 3


def test_a_byte_order_mark_or_a_stray_byte_costs_only_its_own_line() -> None:
    """A file saved by a Windows tool starts with a byte-order mark, and one line in Latin-1
    held a byte UTF-8 can't read: the first answer was an "invalid JSON" error, and under a
    strict locale (here ASCII) the run stopped with a traceback, answering nothing more."""
    lines = (
        "\ufeff" + json.dumps({"title": "Netflix renews XO, Kitty for season 4"}) + "\r\n",
        json.dumps({"title": "XO, Kitty season 4 café"}).replace("\\u00e9", "\udce9"),
        "\n" + json.dumps({"title": "XO, Kitty season 4 wraps filming"}) + "\n",
    )
    stdin = "".join(lines).encode("utf-8", "surrogateescape")  # the lone byte 0xE9
    done = subprocess.run(
        [sys.executable, "-m", "bot", "classify"],
        input=stdin,
        capture_output=True,
        cwd=REPO,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    answers = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert [a["milestone"] for a in answers] == ["renewed", None, "filming_wrapped"]
    assert answers[1]["rule"] == "not-news:no-milestone"
