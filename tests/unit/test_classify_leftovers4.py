"""Misreadings the twenty-second session noticed and left, each mended by a general rule: a
show's name with a comma before an aside, a season that ended on air on a network spelt out,
a season's promotion started, German passives and planned shoots, a capitalised opener, and
a trailer's label followed by its date. Season 4 of XO, Kitty is not known, so a misread
season cannot hide behind a known one."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.news.classify import ShowIndex, classify
from bot.news.models import Certainty, Milestone
from tests.headlines import INDEX, TOLD

# The day of "premiered … on November 12", and an index with a name holding no comma.
SAME_DAY = datetime(2026, 11, 12, 18, tzinfo=UTC)
TWO_SHOWS = ShowIndex.from_aliases(
    {"xo-kitty": ["XO, Kitty", "XO Kitty"], "harbor-lights": ["Harbor Lights"]}
)


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # an aside between the subject and its verb does not hide the main clause's date,
        # though the name itself holds a comma
        ("XO, Kitty season 4, announced last month, will premiere on June 5", ""),
        (
            "The week in teen TV",
            "XO, Kitty season 4, announced last month, will premiere on June 5.",
        ),
        ("XO, Kitty season 4, renewed last month, arrives June 5", ""),
        ("XO, Kitty season 4 will premiere on June 5", ""),
    ],
)
def test_an_aside_after_a_name_with_a_comma_keeps_the_date(title: str, summary: str) -> None:
    signal = classify(title, summary, TOLD, INDEX)
    assert (signal.show, signal.milestone, signal.season, signal.event_date) == (
        "xo-kitty",
        Milestone.RELEASE_DATE_ANNOUNCED,
        4,
        date(2027, 6, 5),
    ), signal.rule


@pytest.mark.parametrize(
    "title",
    [
        # a release days before the article, whatever the name's punctuation: background
        "Netflix premiered XO, Kitty season 4 on November 12, releasing all eight episodes",
        "Netflix premiered Harbor Lights season 4 on November 12, releasing all eight episodes",
    ],
)
def test_a_release_dated_days_before_is_background(title: str) -> None:
    assert classify(title, "", TOLD, TWO_SHOWS).milestone is None
    # told that day, it is the release
    signal = classify(title, "", SAME_DAY, TWO_SHOWS)
    assert (signal.milestone, signal.season) == (Milestone.RELEASED, 4), signal.rule


@pytest.mark.parametrize(
    "title",
    [
        # the season's run ended on air, the network written in full
        "XO, Kitty season 4 just wrapped on Disney Plus with a brutal finale",
        "XO, Kitty season 4 just wrapped on Netflix with a brutal finale",
        "XO, Kitty season 4 just wrapped on Prime Video",
        "XO, Kitty season 4 just wrapped on Apple TV Plus",
        "XO, Kitty season 4 has wrapped on Paramount Plus",
        "XO, Kitty season 4 just wrapped on HBO Max",
        "XO, Kitty season 4 just wrapped on Disney+",
    ],
)
def test_a_season_wrapped_on_a_network_is_no_shoot(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is not Milestone.FILMING_WRAPPED, signal.rule


@pytest.mark.parametrize(
    "title",
    [
        # the shoot's wrap, a network's show or set named after it
        "XO, Kitty season 4 just wrapped",
        "XO, Kitty season 4 has wrapped filming",
        "Filming has wrapped on Netflix's XO, Kitty season 4",
        "XO, Kitty season 4 has wrapped on the Netflix series",
        "XO, Kitty season 4 has wrapped at Netflix's studio",
        "XO, Kitty season 4 just wrapped filming on Netflix",
    ],
)
def test_a_shoot_still_wraps(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.milestone, signal.season) == (Milestone.FILMING_WRAPPED, 4), signal.rule


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        # promotion started is not the season's release
        ("XO, Kitty season 4 has started posting teasers", None),
        ("XO, Kitty season 4 has started sharing promos", None),
        ("XO, Kitty season 4 has started teasing", None),
        ("XO, Kitty season 4 has started dropping teasers", None),
        # the season itself started: released
        ("XO, Kitty season 4 has started", Milestone.RELEASED),
        ("XO, Kitty season 4 has started on Disney Plus", Milestone.RELEASED),
    ],
)
def test_promotion_started_is_no_release(title: str, milestone: Milestone | None) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is milestone, signal.rule


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        # the passive: the show was stopped
        ("XO, Kitty wurde eingestellt", Milestone.CANCELLED),
        ("XO, Kitty wurde von Netflix eingestellt", Milestone.CANCELLED),
        ("Die Netflix-Serie XO, Kitty wird eingestellt", Milestone.CANCELLED),
        # what was put online, or the work stopped, is no cancellation
        ("XO, Kitty: Trailer wurde eingestellt", None),
        ("XO, Kitty: Neues Video wurde auf YouTube eingestellt", None),
        ("Trailer zu XO, Kitty Staffel 4 wurde eingestellt", Milestone.TRAILER),
    ],
)
def test_german_passive_cancellation(title: str, milestone: Milestone | None) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.show, signal.milestone) == ("xo-kitty", milestone), signal.rule


@pytest.mark.parametrize(
    "title",
    [
        "XO, Kitty: Dreharbeiten zur 4. Staffel sollen im Mai starten",
        "Die Dreharbeiten zur 4. Staffel von XO, Kitty sollen im Mai starten",
    ],
)
def test_german_planned_shoot(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.milestone, signal.certainty, signal.season) == (
        Milestone.FILMING_STARTED,
        Certainty.RUMORED,
        4,
    ), signal.rule


@pytest.mark.parametrize(
    ("title", "milestone", "certainty"),
    [
        # started, or the season's own start
        (
            "XO, Kitty: Dreharbeiten zur 4. Staffel haben begonnen",
            Milestone.FILMING_STARTED,
            Certainty.REPORTED,
        ),
        (
            "XO, Kitty: Die 4. Staffel soll im Mai starten",
            Milestone.RELEASE_DATE_ANNOUNCED,
            Certainty.REPORTED,
        ),
    ],
)
def test_german_shoot_begun_and_season_planned(
    title: str, milestone: Milestone, certainty: Certainty
) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.milestone, signal.certainty) == (milestone, certainty), signal.rule


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        # a capitalised opener is no other title: the renewal is the show's
        ("Big News: XO, Kitty renewed for season 4", Milestone.RENEWED),
        ("Big News renewed, XO, Kitty is back for season 4", Milestone.RENEWED),
        ("BIG NEWS: XO, Kitty season 4 delayed", Milestone.DELAYED),
    ],
)
def test_a_capitalised_opener_is_no_title(title: str, milestone: Milestone) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.show, signal.milestone, signal.season) == ("xo-kitty", milestone, 4), signal.rule


@pytest.mark.parametrize(
    ("title", "milestone", "day"),
    [
        # a trailer's label: the date after its colon is the news it brings
        (
            "XO, Kitty season 4 trailer: premieres June 5",
            Milestone.RELEASE_DATE_ANNOUNCED,
            date(2027, 6, 5),
        ),
        (
            "XO, Kitty season 4 trailer: arrives June 5 on Netflix",
            Milestone.RELEASE_DATE_ANNOUNCED,
            date(2027, 6, 5),
        ),
        # no day given: the trailer alone (a month or a year, as a trailer tells it)
        ("XO, Kitty season 4 trailer: premiere date revealed", Milestone.TRAILER, None),
        ("XO, Kitty season 4 trailer: Kitty returns in April", Milestone.TRAILER, None),
        ("XO, Kitty season 4 trailer: premieres in 2027", Milestone.TRAILER, None),
        ("XO, Kitty season 4 trailer: Kitty is back", Milestone.TRAILER, None),
    ],
)
def test_a_trailer_label_then_a_date(title: str, milestone: Milestone, day: date | None) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.milestone, signal.season, signal.event_date) == (milestone, 4, day), signal.rule
