"""The classifier against the ways headlines say each milestone.

``tests/data/headline-phrasings.tsv`` holds headlines written by the team, one
per common phrasing (and the explainer, review and listicle shapes that use the
same words), all about an invented show: titles alone, and lead sentences with
a summary, in English and the other languages feeds carry.  They pin the language
the rules cover, so a rule change that loses a phrasing fails here by name.  A row
may give the ``day`` its words date the milestone to, read on ``PUBLISHED`` (a date,
or "none" for words that give no day: "was due May 7 but is delayed").
"""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bot.news.classify import ShowIndex, classify
from tests.headlines import label_of

PHRASINGS = Path(__file__).resolve().parents[1] / "data" / "headline-phrasings.tsv"
SHOW = ShowIndex.from_aliases({"harbor-lights": ["Harbor Lights"]})
PUBLISHED = datetime(2026, 3, 1, 12, tzinfo=UTC)


def _rows() -> list[tuple[str, str, str]]:
    with PHRASINGS.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return [(row["label"], row["title"], row["summary"]) for row in rows]


def _dated() -> list[tuple[str, str, str, str]]:
    with PHRASINGS.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return [(r["label"], r["title"], r["summary"], r["day"]) for r in rows if r["day"]]


@pytest.mark.parametrize(("label", "title", "summary"), _rows(), ids=lambda v: v[:40])
def test_phrasing(label: str, title: str, summary: str) -> None:
    signal = classify(title, summary, None, SHOW)
    assert label_of(signal) == label, signal.rule
    if label != "other":
        assert signal.show == "harbor-lights"


@pytest.mark.parametrize(("label", "title", "summary", "day"), _dated(), ids=lambda v: v[:40])
def test_phrasing_gives_its_day(label: str, title: str, summary: str, day: str) -> None:
    signal = classify(title, summary, PUBLISHED, SHOW)
    assert label_of(signal) == label, signal.rule
    assert signal.event_date == (None if day == "none" else date.fromisoformat(day))
