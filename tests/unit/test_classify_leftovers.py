"""Wordings earlier sessions saw misread and left (twenty-first session: leftovers). A
season not yet known (XO, Kitty season 4) is named where the season must be news."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.catalog import PartialDate
from bot.news.classify import classify, next_weekday
from bot.news.classify_parse import find_seasons, normalise
from bot.news.models import Certainty, Milestone
from tests.headlines import INDEX, TOLD  # told on a Friday


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        # the ordinal's dot ended the sentence the filming rule reads up to
        ("XO, Kitty: Dreharbeiten zur 4. Staffel haben begonnen", Milestone.FILMING_STARTED),
        ("Dreharbeiten zur 4. Staffel von XO, Kitty haben begonnen", Milestone.FILMING_STARTED),
        ("XO, Kitty: Die 4. Staffel ist abgedreht", Milestone.FILMING_WRAPPED),
        ("Netflix verlängert XO, Kitty um eine 4. Staffel", Milestone.RENEWED),
    ],
)
def test_a_german_ordinal_season_is_read_as_its_number(title: str, milestone: Milestone) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.milestone, signal.season) == (milestone, 4), signal.rule


@pytest.mark.parametrize(
    ("text", "seasons"),
    [
        ("die 4. staffel", [4]),
        ("nie będzie 4. sezonu", [4]),
        # a year or a number inside a word is no ordinal; a day's dot stays a date's
        ("die 2024. staffel", []),
        ("x4. staffel", []),
        ("am 4. mai", []),
    ],
)
def test_only_an_ordinal_dot_before_a_season_word_is_dropped(text: str, seasons: list[int]) -> None:
    assert [value for _, value in find_seasons(normalise(text))] == seasons


def test_a_day_before_a_month_keeps_its_date() -> None:
    signal = classify("XO, Kitty: Am 4. Mai startet die 4. Staffel", "", TOLD, INDEX)
    assert (signal.milestone, signal.season) == (Milestone.RELEASE_DATE_ANNOUNCED, 4)
    assert signal.event_date is not None and (signal.event_date.month, signal.event_date.day) == (
        5,
        4,
    )


@pytest.mark.parametrize(
    "title",
    [
        "XO, Kitty: Netflix renova a série para a 4ª temporada",
        "XO, Kitty: Netflix renova a série para a 4.ª temporada",
        "XO, Kitty: Netflix renova a série para a 4a temporada",
        "XO, Kitty: Netflix renueva la serie por una 4º temporada",
        "XO, Kitty: Netflix renueva la serie por una 4° temporada",
        "XO, Kitty: Netflix rinnova la serie per una 4ª stagione",
    ],
)
def test_romance_ordinal_indicators_name_the_season(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.milestone, signal.season) == (Milestone.RENEWED, 4), signal.rule


@pytest.mark.parametrize(
    "text",
    [
        # the indicator's number must stand right before the season word
        "la 4ª parte de la temporada",
        "4a edição da temporada",
        "the 4am season",
    ],
)
def test_an_ordinal_indicator_away_from_the_season_word_names_none(text: str) -> None:
    assert find_seasons(normalise(text)) == []


@pytest.mark.parametrize(
    "title",
    [
        # a person's return was read as the show's window moved
        "Anna Cathcart won't return until 2027 in XO, Kitty",
        "XO, Kitty star won't be back until 2027",
        "XO, Kitty star Anna Cathcart won't return until 2027",
        "XO, Kitty actor won't return until 2027",
        "Minyoung won't return to XO, Kitty until 2027",
    ],
)
def test_a_persons_return_is_no_delay(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is not Milestone.DELAYED, signal.rule


@pytest.mark.parametrize(
    "title",
    [
        "XO, Kitty won't return until 2027",
        "XO, Kitty season 4 won't be back until 2027",
        "XO, Kitty won't return to Netflix until 2027",
        "XO, Kitty season 4 won't return until 2027 as star films new movie",
        "XO, Kitty season 4 delayed to 2027; star Anna Cathcart won't be back until then",
    ],
)
def test_the_shows_return_stays_a_delay(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.milestone, signal.period) == (Milestone.DELAYED, PartialDate(2027)), signal.rule


LATE = datetime(2026, 11, 20, tzinfo=UTC)
EARLY = datetime(2026, 3, 20, tzinfo=UTC)


@pytest.mark.parametrize(
    ("title", "told", "year"),
    [
        # the window given up, in the publication year told late in it, read as the delay's
        # own date long past: dropped
        ("XO, Kitty season 4 no longer expected in 2026", LATE, 2027),
        ("XO, Kitty season 4 no longer a late 2026 release", LATE, 2027),
        # no new window named: the year after the one given up ("delayed to 2027")
        ("XO, Kitty season 4 no longer expected in 2026", EARLY, 2027),
        ("XO, Kitty season 4 no longer a 2026 release", LATE, 2027),
        # a new window named is the delay's
        ("XO, Kitty season 4 no longer expected in 2026, now expected in 2028", LATE, 2028),
    ],
)
def test_a_window_given_up_is_a_delay_to_the_year_after(
    title: str, told: datetime, year: int
) -> None:
    signal = classify(title, "", told, INDEX)
    assert (signal.milestone, signal.season) == (Milestone.DELAYED, 4), signal.rule
    assert (signal.period, signal.event_date) == (PartialDate(year), None)


@pytest.mark.parametrize(
    ("title", "rule"),
    [
        # a delay dated long ago stays a mention; a later window given up is a move up
        ("XO, Kitty season 4 was delayed in 2024", "not-news:no-milestone"),
        ("XO, Kitty season 4 no longer a 2028 release, now expected in 2027", "not-news:moved-up"),
    ],
)
def test_an_old_delay_or_a_move_up_stays_no_delay(title: str, rule: str) -> None:
    assert classify(title, "", LATE, INDEX).rule == rule


@pytest.mark.parametrize(
    "title",
    [
        # "expected to" hedged a window moved as the trade press tells it
        "XO, Kitty season 4 now expected to arrive in early 2027",
        "XO, Kitty season 4 is now expected to premiere in 2027",
    ],
)
def test_a_window_now_expected_to_arrive_is_reported(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.milestone, signal.certainty) == (Milestone.DELAYED, Certainty.REPORTED)
    assert signal.period == PartialDate(2027)


@pytest.mark.parametrize(
    "title",
    [
        # a hedge of its own stays a rumour, and "expected to" with no move stays one
        "XO, Kitty season 4 now expected to arrive in 2027, sources say",
        "XO, Kitty season 4 expected to be delayed to 2027",
        "XO, Kitty season 4 now expected to be delayed to 2027",
    ],
)
def test_a_hedged_delay_stays_rumoured(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.milestone, signal.certainty) == (Milestone.DELAYED, Certainty.RUMORED)


@pytest.mark.parametrize(
    "title",
    [
        "XO, Kitty season 4 could arrive in early 2027",
        "XO, Kitty season 4 is rumoured to arrive in early 2027",
        "XO, Kitty season 4 now expected to premiere on June 5",
    ],
)
def test_a_rumoured_window_or_date_stays_no_news(title: str) -> None:
    assert classify(title, "", TOLD, INDEX).rule.startswith("not-news:date-rumoured")


@pytest.mark.parametrize(
    ("name", "day"),
    [
        ("friday", date(2026, 11, 20)),
        ("sunday", date(2026, 11, 22)),
        ("thursday", date(2026, 11, 26)),
    ],
)
def test_a_weekday_is_that_day_or_the_next_one(name: str, day: date) -> None:
    assert next_weekday(name, TOLD.date()) == day


@pytest.mark.parametrize(
    "title",
    [
        # a weekday told on that day is the season out today, as "premieres today" is
        "XO, Kitty season 4 premieres this Friday",
        "XO, Kitty season 4 arrives Friday on Netflix",
        "XO, Kitty season 4 debuts on Friday night",
    ],
)
def test_a_weekday_premiere_told_that_day_is_the_release(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.milestone, signal.event_date) == (Milestone.RELEASED, TOLD.date()), signal.rule


@pytest.mark.parametrize(
    "title",
    [
        # a later weekday is a day days ahead: a preview of it, as a dated one is
        "XO, Kitty season 4 debuts on Sunday night",
        "XO, Kitty season 4 will premiere Sunday on Netflix",
        "XO, Kitty season 4 premieres Thursday",
    ],
)
def test_a_weekday_premiere_ahead_is_read_as_its_day(title: str) -> None:
    assert classify(title, "", TOLD, INDEX).rule == "not-news:premiere-imminent"


@pytest.mark.parametrize(
    ("title", "told"),
    [
        # a weekly slot, an episode's day, a day with no publication date are no premiere
        ("XO, Kitty season 4 episodes drop every Friday", TOLD),
        ("XO, Kitty season 4 episodes arrive on Fridays", TOLD),
        ("XO, Kitty season 4 new episodes arrive Friday", TOLD),
        ("XO, Kitty season 4 returns on Friday nights", TOLD),
        ("XO, Kitty season 4 debuts Friday night", None),
    ],
)
def test_a_weekly_slot_or_an_undated_weekday_is_no_premiere(
    title: str, told: datetime | None
) -> None:
    signal = classify(title, "", told, INDEX)
    assert "weekday" not in signal.rule and signal.milestone is None, signal.rule


def test_a_weekday_before_its_date_keeps_the_date() -> None:
    signal = classify("XO, Kitty season 4 premieres Friday, June 5", "", TOLD, INDEX)
    assert (signal.milestone, signal.event_date) == (
        Milestone.RELEASE_DATE_ANNOUNCED,
        date(2027, 6, 5),
    )


def test_a_network_delaying_the_shows_return_stays_a_delay() -> None:
    # (the first draft read "its return to Harbor Lights" as a person's return)
    signal = classify("NBC is delaying its return to XO, Kitty by four weeks", "", TOLD, INDEX)
    assert signal.milestone is Milestone.DELAYED, signal.rule
