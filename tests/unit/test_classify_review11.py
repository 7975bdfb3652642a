"""Misreadings the twenty-first session's second review found in the hour's classifier
changes (another title's event before the show, a product's delay, the outlet's day): each
mended in the rule's language. Season 4 of XO, Kitty is not known, so a misread season
cannot hide behind a known one."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from bot.catalog.dates import PartialDate
from bot.news.classify import classify
from bot.news.models import Milestone
from tests.headlines import INDEX

TOLD = datetime(2026, 11, 20, 15, tzinfo=UTC)  # a Friday


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        # the show described before it is named: its own news, not another title's
        (
            "Netflix's teen drama premieres December 4 - XO, Kitty season 4 is here",
            Milestone.RELEASE_DATE_ANNOUNCED,
        ),
        ("Fan favourite renewed; XO, Kitty is back for season 4", Milestone.RENEWED),
        ("Teen romcom delayed to 2027 - XO, Kitty season 4 waits", Milestone.DELAYED),
        (
            "Your next binge premieres December 4 - XO, Kitty season 4",
            Milestone.RELEASE_DATE_ANNOUNCED,
        ),
        (
            "La serie juvenil se estrena el 4 de diciembre - XO, Kitty temporada 4",
            Milestone.RELEASE_DATE_ANNOUNCED,
        ),
        # a part counted in words, the work's own stage
        (
            "Season four premieres December 4 - XO, Kitty fans react",
            Milestone.RELEASE_DATE_ANNOUNCED,
        ),
        ("Production delays push premiere to 2027 - XO, Kitty season 4", Milestone.DELAYED),
        # a word of the show's name in the subject
        (
            "Kitty's last chapter premieres December 4 - XO, Kitty season 4 trailer",
            Milestone.RELEASE_DATE_ANNOUNCED,
        ),
    ],
)
def test_the_show_described_before_its_name_is_its_own_news(
    title: str, milestone: Milestone
) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.show, signal.milestone, signal.season) == ("xo-kitty", milestone, 4), signal.rule


def test_a_date_told_of_the_show_described_keeps_its_day() -> None:
    title = "Kitty Song Covey returns December 4 - XO, Kitty season 4 date revealed"
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.milestone, signal.event_date) == (
        Milestone.RELEASE_DATE_ANNOUNCED,
        date(2026, 12, 4),
    ), signal.rule


@pytest.mark.parametrize(
    "title",
    [
        # another title, still not the show's (as the change meant)
        "Harbor Lights premieres Friday; XO, Kitty season 4 waits until 2027",
        "Heartstopper movie delayed to 2027 - XO, Kitty season 4 still on track",
        # a genre word before another title is no description of the show
        "Hit series Harbor Lights premieres Friday; XO, Kitty season 4 waits until 2027",
        "La serie Harbor Lights se estrena el viernes; XO, Kitty temporada 4 espera",
    ],
)
def test_another_titles_event_stays_another_titles(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is None, signal.rule


def test_the_season_delayed_with_its_trailer_is_the_seasons_delay() -> None:
    signal = classify("XO, Kitty season 4 and its trailer delayed to 2027", "", TOLD, INDEX)
    assert (signal.milestone, signal.season, signal.period) == (
        Milestone.DELAYED,
        4,
        PartialDate(2027),
    ), signal.rule


@pytest.mark.parametrize(
    ("told", "day"),
    [
        # the outlet's own clock: Sunday evening in Los Angeles (07:30 UTC on Monday)
        (datetime(2026, 11, 22, 23, 30, tzinfo=timezone(timedelta(hours=-8))), date(2026, 11, 22)),
    ],
)
def test_a_weekday_read_from_the_outlets_own_offset(told: datetime, day: date) -> None:
    signal = classify("XO, Kitty season 4 premieres Sunday", "", told, INDEX)
    assert (signal.milestone, signal.event_date) == (Milestone.RELEASED, day), signal.rule


@pytest.mark.parametrize(
    "told",
    [
        # Monday morning in Seoul or Paris (00:30 UTC): "Sunday" is the next one
        datetime(2026, 11, 23, 9, 30, tzinfo=timezone(timedelta(hours=9))),
        datetime(2026, 11, 23, 1, 30, tzinfo=timezone(timedelta(hours=1))),
    ],
)
def test_a_weekday_told_on_the_outlets_next_morning_is_a_week_ahead(told: datetime) -> None:
    signal = classify("XO, Kitty season 4 premieres Sunday", "", told, INDEX)
    assert signal.milestone is not Milestone.RELEASED, signal.rule
