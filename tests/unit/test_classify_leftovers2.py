"""Misreadings the twenty-first session's review saw and left: each mended by a general rule,
with the wordings it must take and close ones it must not. Season 4 of XO, Kitty is not
known, so a misread season cannot hide behind a known one."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from bot.news.classify import classify
from bot.news.models import Milestone
from tests.headlines import INDEX

TOLD = datetime(2026, 11, 20, 15, tzinfo=UTC)  # a Friday


@pytest.mark.parametrize(
    "title",
    [
        "Writers return to work: XO, Kitty season 4 production resumes",
        "XO, Kitty writers are back: season 4 production resumes",
        "Writers are back: XO, Kitty season 4 filming resumes",
    ],
)
def test_a_shoot_told_after_the_writers_return_is_the_news(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.milestone, signal.season) == (Milestone.FILMING_STARTED, 4), signal.rule


@pytest.mark.parametrize(
    ("title", "season"),
    [
        # no shoot told
        ("Writers return to work on XO, Kitty season 4", 4),
        # a shoot still planned
        ("Writers return to work as XO, Kitty season 4 filming set to begin in 2027", 4),
        # another season's shoot
        ("Writers return to work on XO, Kitty season 5 as season 4 begins filming", 5),
    ],
)
def test_the_writers_return_stays_writing(title: str, season: int) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.milestone, signal.season) == (Milestone.WRITING, season), signal.rule


@pytest.mark.parametrize(
    "title",
    [
        # train labels "we (finally / now) know when … will premiere" a date's announcement,
        # with or without the date in the line
        "We finally know when XO, Kitty season 4 is coming",
        "We finally know when XO, Kitty season 4 is coming: December 4",
        "We now know when XO, Kitty season 4 is returning",
    ],
)
def test_knowing_when_the_season_is_coming_is_its_date_not_a_renewal(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.milestone, signal.season) == (
        Milestone.RELEASE_DATE_ANNOUNCED,
        4,
    ), signal.rule


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        ("Do we know when XO, Kitty season 4 is coming?", None),
        ("We finally know when XO, Kitty star's movie is coming", None),
        # no "when": the season is happening
        ("We finally know XO, Kitty season 4 is coming", Milestone.RENEWED),
    ],
)
def test_close_to_knowing_when(title: str, milestone: Milestone | None) -> None:
    assert classify(title, "", TOLD, INDEX).milestone is milestone


@pytest.mark.parametrize(
    "title",
    [
        # a trailer's window
        "XO, Kitty season 4 trailer no longer expected in 2026",
        "XO, Kitty season 4 trailer delayed to 2027",
        "XO, Kitty season 4 teaser has been postponed",
        # a star's film, with or without "new", with or without the star's name
        "XO, Kitty star's movie now expected to arrive in 2027",
        "XO, Kitty star's new movie delayed to 2027",
        "XO, Kitty star Anna Cathcart's movie premieres Friday",
        # a spinoff is another show: the show named is its parent
        "XO, Kitty spinoff now expected in 2027",
        "XO, Kitty spin-off delayed to 2027",
    ],
)
def test_another_products_window_is_no_delay_of_the_season(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is None, signal.rule


@pytest.mark.parametrize(
    "title",
    [
        "XO, Kitty season 4 now expected in 2027",
        "XO, Kitty season 4 delayed to 2027",
        # the trailer tells the season's delay
        "XO, Kitty season 4 teaser confirms delay to 2027",
        "XO, Kitty season 4 trailer reveals it is delayed to 2027",
        "XO, Kitty season 4 delayed to 2027 in new trailer",
        # a star's film as the delay's cause
        "XO, Kitty season 4 delayed by star's movie",
    ],
)
def test_the_seasons_own_delay_stays(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.milestone, signal.season) == (Milestone.DELAYED, 4), signal.rule


def test_a_trailer_released_stays_a_trailer() -> None:
    signal = classify("XO, Kitty season 4 trailer released", "", TOLD, INDEX)
    assert signal.milestone is Milestone.TRAILER, signal.rule


@pytest.mark.parametrize(
    ("weekday", "told", "day"),
    [
        # Sunday evening in New York and Los Angeles
        ("Sunday", datetime(2026, 11, 23, 0, 30, tzinfo=UTC), date(2026, 11, 22)),
        ("Sunday", datetime(2026, 11, 23, 5, 59, tzinfo=UTC), date(2026, 11, 22)),
        # the same instant told with New York's offset
        (
            "Sunday",
            datetime(2026, 11, 22, 19, 30, tzinfo=timezone(timedelta(hours=-5))),
            date(2026, 11, 22),
        ),
        # across a year's end: Thursday 31 December, told 00:30 UTC on Friday 1 January
        ("Thursday", datetime(2027, 1, 1, 0, 30, tzinfo=UTC), date(2026, 12, 31)),
    ],
)
def test_a_weekday_told_in_the_americas_evening_is_that_day(
    weekday: str, told: datetime, day: date
) -> None:
    signal = classify(f"XO, Kitty season 4 premieres {weekday}", "", told, INDEX)
    assert (signal.milestone, signal.event_date) == (Milestone.RELEASED, day), signal.rule


@pytest.mark.parametrize(
    "told",
    [
        # past the Americas' evening: next Sunday, days away
        datetime(2026, 11, 23, 6, 0, tzinfo=UTC),
        datetime(2026, 11, 23, 12, 30, tzinfo=UTC),
        # midnight on the dot is a day without its hour
        datetime(2026, 11, 23, 0, 0, tzinfo=UTC),
    ],
)
def test_a_weekday_told_later_on_the_day_after_is_a_week_ahead(told: datetime) -> None:
    signal = classify("XO, Kitty season 4 premieres Sunday", "", told, INDEX)
    assert signal.milestone is not Milestone.RELEASED, signal.rule


def test_the_weekday_two_days_before_is_no_evening_before() -> None:
    told = datetime(2026, 11, 23, 0, 30, tzinfo=UTC)  # Monday
    signal = classify("XO, Kitty season 4 premieres Saturday", "", told, INDEX)
    assert signal.milestone is not Milestone.RELEASED, signal.rule


@pytest.mark.parametrize(
    "title",
    [
        "Harbor Lights premieres Friday; XO, Kitty season 4 waits until 2027",
        "Harbor Lights premieres December 4; XO, Kitty season 4 waits until 2027",
        "Harbor Lights premieres December 4 — XO, Kitty season 4 waits until 2027",
        "Harbor Lights premieres December 4 while XO, Kitty season 4 waits until 2027",
        "Harbor Lights premieres December 4 as XO, Kitty season 4 waits until 2027",
        "Harbor Lights renewed; XO, Kitty season 4 still in limbo",
    ],
)
def test_another_titles_event_before_the_show_is_not_the_shows(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is None, signal.rule


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        # the show's own event after the other title's
        ("Harbor Lights premieres Friday; XO, Kitty season 4 delayed to 2027", Milestone.DELAYED),
        # the show named first
        (
            "XO, Kitty season 4 premieres December 4; Harbor Lights waits until 2027",
            Milestone.RELEASE_DATE_ANNOUNCED,
        ),
        # the clause's subject is the season, a network, a pronoun or nothing
        (
            "Season 4 premieres December 4 — XO, Kitty fans rejoice",
            Milestone.RELEASE_DATE_ANNOUNCED,
        ),
        ("It premieres December 4 — XO, Kitty season 4 details", Milestone.RELEASE_DATE_ANNOUNCED),
        ("Netflix renews it; XO, Kitty season 4 confirmed", Milestone.RENEWED),
        ("Officially renewed — XO, Kitty season 4 is happening", Milestone.RENEWED),
        (
            "Netflix sets December 4 premiere — XO, Kitty season 4",
            Milestone.RELEASE_DATE_ANNOUNCED,
        ),
        # a person's shoot told first stays the show's
        ("Anna Cathcart wraps filming — XO, Kitty season 4 is done", Milestone.FILMING_WRAPPED),
    ],
)
def test_the_shows_own_event_stays(title: str, milestone: Milestone) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.milestone, signal.season) == (milestone, 4), signal.rule
