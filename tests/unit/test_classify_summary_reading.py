"""Verdicts read from the summary alone (twenty-second session): a summary that tells the
show's or another work's past as background, read as news. Season 4 of XO, Kitty is not
known, so no known status hides a misreading."""

from __future__ import annotations

from datetime import date

import pytest

from bot.news.classify import classify
from bot.news.models import Milestone
from tests.headlines import INDEX, TOLD  # TOLD: Friday, November 20, 2026

# A title with no event of its own: the summary decides.
TITLE = "The Netflix teen romance fans cannot stop talking about"


@pytest.mark.parametrize(
    "summary",
    [
        # a date told of a past event between the release verb and it
        "XO, Kitty keeps climbing the streaming chart since it dropped on Netflix on May 15.",
        "XO, Kitty is the top show on the streaming service that launched May 27.",
        "XO, Kitty drew the biggest premiere on the platform since Bridgerton started on June 12.",
        "XO, Kitty drew the biggest premiere on Netflix since the streamer launched in June.",
        "XO, Kitty premiered on the streaming service last week (March 13) and is No. 1.",
        # "streaming" a noun's word, not the verb: the date is the past premiere's
        "XO, Kitty season 4 first premiered on the streaming network on March 10.",
        "Season 4 of XO, Kitty topped the streaming charts on March 10, a first for the show.",
    ],
)
def test_a_summary_date_of_a_past_event_is_no_release_date(summary: str) -> None:
    signal = classify(TITLE, summary, TOLD, INDEX)
    assert signal.milestone is None, signal.rule


@pytest.mark.parametrize(
    "summary",
    [
        "XO, Kitty season 4 will premiere on the streaming service on June 5.",
        "XO, Kitty season 4 is coming to the streaming service on June 5.",
        "XO, Kitty season 4 will be streaming on Netflix from June 5.",
        "The streaming service confirmed that on June 5 XO, Kitty season 4 will premiere.",
        "Netflix, which launched season 3 in January, said XO, Kitty season 4 returns June 5.",
        "XO, Kitty season 4 will premiere June 5, the streamer announced last week.",
    ],
)
def test_a_summary_release_date_is_still_read(summary: str) -> None:
    signal = classify(TITLE, summary, TOLD, INDEX)
    assert (signal.milestone, signal.season, signal.event_date) == (
        Milestone.RELEASE_DATE_ANNOUNCED,
        4,
        date(2027, 6, 5),
    ), signal.rule
