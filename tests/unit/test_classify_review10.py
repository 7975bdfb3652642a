"""The twenty-fourth session's review: headlines written to break the day's rules for XO,
Kitty's own headlines (a trailing review label, a season told "for" another title, the show's
people and genre words, a person after the show's possessive, other languages' late dates
and renewals). Each case that must change was seen failing without its fix; the close ones
beside them must stay as they were."""

from __future__ import annotations

import pytest

from bot.news.classify import classify
from bot.news.models import Milestone
from tests.headlines import INDEX, TOLD  # TOLD: Nov 20, 2026


@pytest.mark.parametrize(
    ("title", "season"),
    [
        ("XO, Kitty's S4 returns June 5", 4),
        ("XO, Kitty's sophomore outing returns June 5", None),
        ("XO, Kitty's teen romcom returns June 5", None),
        ("XO, Kitty's Korean adventure returns June 5", None),
        # (close ones that stayed: a work's word, an ordinal)
        ("XO, Kitty's fourth season is back June 5", 4),
        ("XO, Kitty's hit teen drama returns June 5", None),
    ],
)
def test_the_shows_possessive_before_lower_case_words_is_no_person(
    title: str, season: int | None
) -> None:
    # A name is capitalised: in a headline in sentence case, lower-case words after the
    # show's possessive are its season, not a person's return.
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.milestone, signal.season, str(signal.event_date)) == (
        Milestone.RELEASE_DATE_ANNOUNCED,
        season,
        "2027-06-05",
    ), signal.rule


@pytest.mark.parametrize(
    "title",
    [
        "XO, Kitty's Anna Cathcart is back next month",
        "XO, Kitty's Gia Kim returns in April on a new show",
        # (title-cased or all caps: every word is capitalised, a name or not)
        "XO, Kitty's Anna Cathcart Is Back Next Month",
        "XO, KITTY'S ANNA CATHCART IS BACK NEXT MONTH",
    ],
)
def test_a_capitalised_name_after_the_shows_possessive_stays_a_person(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is None, signal.rule
