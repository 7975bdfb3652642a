"""Own-show misreads left by the twenty-third session's English recall hunt.

"XO, Kitty is back next month" is a return still ahead, a release date told, not the
release: ``is-back`` reads "is back" alone as the season out, ``premieres-in-window`` reads
it (and "this/next month") before a window. A network's release verb with the season between
it and a weekday ("Netflix drops XO, Kitty season 3 on Wednesday") names the premiere's day,
as the season's own verb does ("XO, Kitty season 3 drops Wednesday"). A network's verb
heading a list of titles that ends in their trailers ("Netflix drops Wednesday season 2,
Harbor Lights and XO, Kitty trailers") tells each title's trailer, no release: a weekday
with a season of its own is a title, not a day. A release date in an open question ("won't
confirm if … will release in 2027", "hasn't said whether …") is asked about, not announced."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.news.classify import classify
from bot.news.models import Milestone
from tests.headlines import (  # TOLD: Friday, November 20, 2026
    INDEX,
    TOLD,
    WEDNESDAY,
    released_on_wednesday,
)


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


@pytest.mark.parametrize(
    "title",
    [
        "Netflix drops XO, Kitty season 3 on Wednesday",
        "Netflix premieres XO, Kitty season 3 Wednesday",
        "Netflix premieres XO, Kitty season 3 Wednesday, with all eight episodes",
        "Netflix premieres XO, Kitty season 3 Wednesday, Harbor Lights follows",
        "Netflix releases XO, Kitty season 3 this Wednesday",
        "Netflix drops the third season of XO, Kitty on Wednesday",
        "Netflix will drop XO, Kitty season 3 on Wednesday",
    ],
)
def test_a_networks_release_verb_with_the_season_and_a_weekday_dates_it(title: str) -> None:
    released_on_wednesday(title)


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        # (the trailer's, an episode's or the finale's day is no premiere's)
        ("Netflix drops XO, Kitty season 3 trailer on Wednesday", Milestone.TRAILER),
        ("Netflix drops XO, Kitty season 3 first look on Wednesday", Milestone.TRAILER),
        ("Netflix drops XO, Kitty season 3 episode 5 on Wednesday", None),
        ("Netflix drops XO, Kitty season 3 finale on Wednesday", None),
        # (a weekly slot)
        ("Netflix drops XO, Kitty season 3 on Wednesdays", None),
        ("Netflix drops XO, Kitty season 3 Wednesday nights", None),
    ],
)
def test_a_networks_verb_with_a_weekday_that_is_not_the_premiere(
    title: str, milestone: Milestone | None
) -> None:
    signal = classify(title, "", WEDNESDAY, INDEX)
    assert signal.milestone is milestone, signal.rule
    assert signal.event_date is None, signal.rule


@pytest.mark.parametrize(
    "title",
    [
        "Netflix drops Wednesday season 2, Harbor Lights and XO, Kitty trailers",
        "Netflix drops Wednesday season 2, Harbor Lights & XO, Kitty teasers",
        "Netflix drops Harbor Lights season 2, Outer Banks and XO, Kitty trailers",
        "Netflix drops Harbor Lights, Outer Banks and XO, Kitty trailers",
        "Netflix drops XO, Kitty season 3, Harbor Lights and Outer Banks trailers",
    ],
)
@pytest.mark.parametrize("told", [TOLD, WEDNESDAY])
def test_a_list_of_titles_trailers_is_each_ones_trailer(title: str, told: datetime) -> None:
    signal = classify(title, "", told, INDEX)
    assert (signal.milestone, signal.event_date) == (Milestone.TRAILER, None), signal.rule


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        # (the season dropped with the day, a list of titles after it)
        (
            "Netflix drops XO, Kitty season 3 on Wednesday, Harbor Lights and Outer Banks follow",
            Milestone.RELEASED,
        ),
        # (a list with no trailer in it)
        ("Netflix drops XO, Kitty season 3, Harbor Lights and Wednesday next", None),
        # (pictures, not trailers, of the titles listed: no release either)
        ("Netflix drops Wednesday season 2, XO, Kitty and Harbor Lights posters", None),
    ],
)
def test_a_list_after_a_networks_verb_with_no_trailers_is_no_trailer(
    title: str, milestone: Milestone | None
) -> None:
    signal = classify(title, "", WEDNESDAY, INDEX)
    assert signal.milestone is milestone, signal.rule


@pytest.mark.parametrize(
    "title",
    [
        "Disney won't confirm if XO, Kitty season 3 will release in 2027",
        "Netflix hasn't said whether XO, Kitty season 3 will premiere in 2027",
        "Fans wonder whether XO, Kitty season 3 will return next year",
        "Netflix won't say if XO, Kitty season 3 premieres in April",
        "It's unclear if XO, Kitty season 3 will be released on June 5, 2027",
    ],
)
def test_a_release_date_asked_about_is_not_announced(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is None, signal.rule


@pytest.mark.parametrize(
    "title",
    [
        # (a condition set off by its comma, or an "if" after the date)
        "If all goes to plan, XO, Kitty season 3 will premiere in 2027",
        "XO, Kitty season 3 will premiere in 2027, even if fans have to wait",
        "XO, Kitty season 3 will premiere in April 2027 whether fans like it or not",
        "Netflix confirms XO, Kitty season 3 premieres June 5, 2027, and asks if fans are ready",
    ],
)
def test_an_if_that_does_not_ask_the_date_leaves_it_announced(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is Milestone.RELEASE_DATE_ANNOUNCED, signal.rule
