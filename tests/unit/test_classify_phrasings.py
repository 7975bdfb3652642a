"""The classifier against the ways headlines say each milestone.

``tests/data/headline-phrasings.tsv`` holds headlines written by the team, one
per common phrasing (and the explainer, review and listicle shapes that use the
same words), all about an invented show: titles alone, and lead sentences with
a summary, in English and the other languages feeds carry.  They pin the language
the rules cover, so a rule change that loses a phrasing fails here by name.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from bot.news.classify import ShowIndex, classify
from tests.headlines import label_of

PHRASINGS = Path(__file__).resolve().parents[1] / "data" / "headline-phrasings.tsv"
SHOW = ShowIndex.from_aliases({"harbor-lights": ["Harbor Lights"]})


def _rows() -> list[tuple[str, str, str]]:
    with PHRASINGS.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return [(row["label"], row["title"], row["summary"]) for row in rows]


@pytest.mark.parametrize(("label", "title", "summary"), _rows(), ids=lambda v: v[:40])
def test_phrasing(label: str, title: str, summary: str) -> None:
    signal = classify(title, summary, None, SHOW)
    assert label_of(signal) == label, signal.rule
    if label != "other":
        assert signal.show == "harbor-lights"
