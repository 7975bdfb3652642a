"""Headlines written to break the twenty-first session's classifier changes: what they read
wrong, and what they must keep reading right. Season 4 of XO, Kitty is not known, so a
misread season cannot hide behind a known one."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.news.classify import classify
from bot.news.models import Milestone
from tests.headlines import INDEX

TOLD = datetime(2026, 11, 20, 15, tzinfo=UTC)


@pytest.mark.parametrize(
    ("title", "season"),
    [
        ("XO, Kitty season 4 cancelled", 4),
        ("Netflix's XO, Kitty season 4 cancelled", 4),
        ("XO, Kitty Season 4 Cancelled: Netflix Ends Teen Rom-Com", 4),
        ("XO, Kitty season 12 cancelled", 12),
    ],
)
def test_a_bare_cancellation_of_a_numbered_season_is_the_cancellation(
    title: str, season: int
) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.milestone, signal.season) == (Milestone.CANCELLED, season), signal.rule


@pytest.mark.parametrize(
    "title",
    [
        # a count before "cancelled" is still no season
        "Top 10 cancelled shows of 2026, from XO, Kitty to Harbor Lights",
        # an event of the season called off is no end of the show
        "XO, Kitty season 4 premiere cancelled",
        "XO, Kitty season 4 premiere screening cancelled",
        "XO, Kitty season 4 panel cancelled at Comic-Con",
        "XO, Kitty season 4 watch party cancelled",
        # asked
        "Will XO, Kitty season 4 be renewed: what we know?",
        "Will XO, Kitty season 4 premiere in 2027: release date rumours?",
        "Is XO, Kitty season 4 cancelled: Netflix's decision explained?",
        # de: the verb last, and it is negated
        "Netflix hat den Trailer zu XO, Kitty Staffel 4 noch nicht veröffentlicht",
        "Der Trailer zu XO, Kitty Staffel 4 wurde noch nicht veröffentlicht",
        "Einen Trailer zu XO, Kitty Staffel 4 gibt es noch nicht",
        # a time to come, told as an explainer
        "Here's when XO, Kitty's last-ever episode arrives on Netflix",
        "Here's When XO, Kitty Season 4 Drops On Netflix",
        "Find out when XO, Kitty season 4 releases on Netflix",
    ],
)
def test_no_milestone(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is None, signal.rule


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        # a name opening the line asks nothing ("Will" is no question there)
        (
            "Will Poulter joins XO, Kitty season 4 as filming begins: who is he?",
            Milestone.CASTING,
        ),
        ("XO, Kitty season 4 renewed: what happens next?", Milestone.RENEWED),
        ("XO, Kitty season 4 Trailer: They did what?", Milestone.TRAILER),
        ("XO, Kitty renewed for season 4 — here's when it could premiere", Milestone.RENEWED),
        ("Netflix hat den Trailer zu XO, Kitty Staffel 4 veröffentlicht", Milestone.TRAILER),
        ("Den Trailer zu XO, Kitty Staffel 4 gibt es ab Freitag", Milestone.TRAILER),
        # "when" it comes is a date told, not a season ordered
        (
            "Netflix annonce quand sortira la saison 4 de XO, Kitty",
            Milestone.RELEASE_DATE_ANNOUNCED,
        ),
        (
            "Netflix anuncia cuándo se estrena la temporada 4 de XO, Kitty",
            Milestone.RELEASE_DATE_ANNOUNCED,
        ),
        (
            "Netflix annuncia quando uscirà la stagione 4 di XO, Kitty",
            Milestone.RELEASE_DATE_ANNOUNCED,
        ),
        ("Netflix annonce la saison 4 de XO, Kitty", Milestone.RENEWED),
        # a delay told as an adjective is the past's: the news is what follows
        ("XO, Kitty's long-delayed fourth season finally premieres", Milestone.RELEASED),
        ("XO, Kitty's much-delayed season 4 gets a trailer", Milestone.TRAILER),
        ("XO, Kitty's oft-delayed fourth season is delayed again", Milestone.DELAYED),
        ("Netflix delays fourth season of XO, Kitty", Milestone.DELAYED),
        ("XO, Kitty season 4 axed", Milestone.CANCELLED),
    ],
)
def test_milestone(title: str, milestone: Milestone) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.milestone, signal.season) == (milestone, 4), signal.rule


@pytest.mark.parametrize(
    ("title", "told"),
    [
        # a day of its own, another day than the weekday's next, an episode's
        ("XO, Kitty season 4 premieres on Black Friday", datetime(2026, 11, 20, 15, tzinfo=UTC)),
        ("XO, Kitty season 4 premieres Friday the 27th", datetime(2026, 11, 20, 15, tzinfo=UTC)),
        ("XO, Kitty season 4 episode 5 premieres Friday", datetime(2026, 11, 20, 15, tzinfo=UTC)),
        # two days ahead is no release yet (told on a Wednesday)
        ("XO, Kitty season 4 lands on Netflix Friday", datetime(2026, 11, 18, 15, tzinfo=UTC)),
        (
            "XO, Kitty season 4 premieres on Netflix Friday with all eight episodes",
            datetime(2026, 11, 18, 15, tzinfo=UTC),
        ),
    ],
)
def test_a_weekday_that_is_not_the_release_today(title: str, told: datetime) -> None:
    signal = classify(title, "", told, INDEX)
    assert signal.milestone is not Milestone.RELEASED, signal.rule


def test_a_weekday_told_on_that_day_is_the_release_after_a_network() -> None:
    signal = classify("XO, Kitty season 4 arrives on Netflix this Friday", "", TOLD, INDEX)
    assert (signal.milestone, signal.event_date) == (Milestone.RELEASED, TOLD.date())


@pytest.mark.parametrize(
    "title",
    [
        # "confirms when" of a shoot or a film is no premiere's date of the season
        "Netflix confirma cuándo comienza el rodaje de la temporada 4 de XO, Kitty",
        "We know when XO, Kitty star Anna Cathcart's new movie premieres",
        "Netflix confirma cuándo se estrena la película de Anna Cathcart, estrella de XO, Kitty",
        # a present-tense premiere that is a star's, a spinoff's, or a guide's label
        "XO, Kitty star's new show premieres",
        "XO, Kitty spinoff premieres",
        "XO, Kitty Season 4 Premieres: Everything We Know",
        # photovoltaic
        "Netflix reveals PV panels for XO, Kitty studio",
    ],
)
def test_not_the_seasons_release_date_release_or_trailer(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone not in (
        Milestone.RELEASE_DATE_ANNOUNCED,
        Milestone.RELEASED,
        Milestone.TRAILER,
    ), signal.rule


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        (
            "Netflix confirma cuándo se estrena la temporada 4 de XO, Kitty",
            Milestone.RELEASE_DATE_ANNOUNCED,
        ),
        ("We know when XO, Kitty season 4 premieres", Milestone.RELEASE_DATE_ANNOUNCED),
        ("XO, Kitty Season 4 Premieres With a Twist", Milestone.RELEASED),
        ("Netflix unveils the main PV for XO, Kitty season 4", Milestone.TRAILER),
    ],
)
def test_the_rules_own_wordings_stay(title: str, milestone: Milestone) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.milestone, signal.season) == (milestone, 4), signal.rule


@pytest.mark.parametrize(
    ("title", "told"),
    [
        # a year given up before the publication year's is old news, not a delay to the next
        ("XO, Kitty season 4 no longer expected in 2025", datetime(2026, 11, 20, tzinfo=UTC)),
        ("XO, Kitty season 4 no longer expected in 2025", datetime(2026, 3, 10, tzinfo=UTC)),
    ],
)
def test_a_window_given_up_in_a_past_year_is_no_delay(title: str, told: datetime) -> None:
    signal = classify(title, "", told, INDEX)
    assert signal.milestone is None, (signal.rule, signal.period)


def test_a_window_given_up_in_the_publication_year_stays_a_delay_to_the_next() -> None:
    signal = classify("XO, Kitty season 4 no longer expected in 2026", "", TOLD, INDEX)
    assert (signal.milestone, signal.period and signal.period.year) == (Milestone.DELAYED, 2027)


@pytest.mark.parametrize(
    "title",
    [
        # "set up" with its object, or a film's room
        "XO, Kitty writers room set up a fundraiser",
        "Writers' room set up for XO, Kitty star's new film",
    ],
)
def test_a_room_set_up_that_is_no_seasons_writing(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is not Milestone.WRITING, signal.rule


def test_a_writers_room_set_up_for_the_season_stays_writing() -> None:
    signal = classify(
        "XO, Kitty season 4 writers' room is set up, Netflix confirms", "", TOLD, INDEX
    )
    assert (signal.milestone, signal.season) == (Milestone.WRITING, 4), signal.rule


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        # someone's shows, even with a word between ("Netflix's best shows"), are no shows
        # in general: the verdict is the show's
        ("Netflix's best shows are renewed: XO, Kitty season 4 among them", Milestone.RENEWED),
        ("HBO's new shows are being cancelled: XO, Kitty season 4 too", Milestone.CANCELLED),
    ],
)
def test_someones_shows_with_a_word_between_keep_the_verdict(
    title: str, milestone: Milestone
) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is milestone, signal.rule


def test_shows_in_general_still_give_no_verdict() -> None:
    signal = classify(
        "Great shows get cancelled: XO, Kitty season 4 fans fight back", "", TOLD, INDEX
    )
    assert signal.milestone is None, signal.rule
