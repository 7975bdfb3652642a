"""Own-show misreads left by the twenty-third session's English recall hunt.

"XO, Kitty is back next month" is a return still ahead, a release date told, not the
release: ``is-back`` reads "is back" alone as the season out, ``premieres-in-window`` reads
it (and "this/next month") before a window."""

from __future__ import annotations

import pytest

from bot.news.classify import classify
from bot.news.models import Milestone
from tests.headlines import INDEX, TOLD  # TOLD: Friday, November 20, 2026


@pytest.mark.parametrize(
    ("title", "season"),
    [
        ("XO, Kitty is back next month", None),
        ("XO, Kitty is back in April", None),
        ("XO, Kitty returns next month", None),
        ("XO, Kitty is back later this month", None),
        ("XO, Kitty is back this summer", None),
        ("XO, Kitty season 3 is back next month", 3),
        ("XO, Kitty season 3 is back in 2027", 3),
        ("XO, Kitty season 3 returns this month", 3),
        ("XO, Kitty season 3 is back on Netflix next month", 3),
    ],
)
def test_back_with_a_window_still_ahead_is_a_release_date(title: str, season: int | None) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.milestone, signal.season) == (
        Milestone.RELEASE_DATE_ANNOUNCED,
        season,
    ), signal.rule


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        # (back with nothing ahead: the season is out)
        ("XO, Kitty is back", Milestone.RELEASED),
        ("XO, Kitty season 3 is back on Netflix", Milestone.RELEASED),
        # (back at work, or people back: no release)
        ("XO, Kitty is back in production next month", Milestone.FILMING_STARTED),
        ("XO, Kitty cast are back next month", None),
        ("XO, Kitty's Anna Cathcart is back as Kitty next month", None),
        ("XO, Kitty heads back to Seoul next month", None),
    ],
)
def test_back_at_work_or_with_nothing_ahead_is_no_release_date(
    title: str, milestone: Milestone | None
) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is milestone, signal.rule
