"""A release date announced with only a month or a year ("XO, Kitty season 4 coming in April
2027", "returns in 2027"): the classifier gave it no date at all, so the post said "release
date set" with none, /status showed none, and a day told later could not be told apart from
a move."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from bot.catalog import PartialDate, Season, Show, load_show
from bot.domain.status import season_status, standing_date
from bot.news.classify import classify
from bot.news.messages import change_message
from bot.news.models import Article, Milestone
from bot.news.track import Observation, assess, observe, season_of
from bot.render.status import step_line
from bot.store import Store
from tests.conftest import REPO
from tests.headlines import INDEX
from tests.unit.test_store import stored_and_read

PUBLISHED = datetime(2026, 11, 10, 14, tzinfo=UTC)  # read in November 2026
APRIL, JUNE, Y2027 = PartialDate(2027, 4), PartialDate(2027, 6), PartialDate(2027)


@pytest.fixture(scope="module")
def show() -> Show:
    return load_show(REPO / "data" / "shows" / "xo-kitty.toml")


@pytest.mark.parametrize(
    ("title", "period"),
    [
        ("XO, Kitty season 4 coming in April 2027", APRIL),
        ("XO, Kitty season 4 premieres in April 2027", APRIL),
        ("XO, Kitty season 4 arrives April 2027 on Netflix", APRIL),
        ("XO, Kitty season 4 lands on Netflix in April 2027", APRIL),
        ("XO, Kitty season 4 premiere date set for April 2027", APRIL),
        ("Netflix sets XO, Kitty season 4 for a June 2027 premiere", JUNE),
        ("XO, Kitty season 4 returns in 2027", Y2027),
        ("XO, Kitty season 4 returns next year", Y2027),
        # a month without its year is the next one: read in November, next April
        ("XO, Kitty season 4 premieres in April", APRIL),
        ("XO, Kitty season 4 is coming this April", APRIL),
        ("XO, Kitty season 4 premieres this November", PartialDate(2026, 11)),
        # "is back", and a month named by its place from the article's: read in November
        ("XO, Kitty is back in April", APRIL),
        ("XO, Kitty is back next month", PartialDate(2026, 12)),
        ("XO, Kitty season 4 returns next month", PartialDate(2026, 12)),
        ("XO, Kitty season 4 premieres later this month", PartialDate(2026, 11)),
        # a part of a year is a window, not a month: it gives the year
        ("XO, Kitty season 4 will premiere in spring 2027", Y2027),
        ("XO, Kitty season 4 premieres in early 2027", Y2027),
        # the other languages' month names, as their dates are read
        ("XO, Kitty temporada 4 estreia em abril de 2027", APRIL),
        ("XO, Kitty temporada 4 llega en abril", APRIL),
        ("XO, Kitty saison 4 arrive en avril 2027", APRIL),
        ("XO, Kitty stagione 4 arriva ad aprile", APRIL),
        ("XO, Kitty stagione 4 esce a maggio", PartialDate(2027, 5)),
        # with its year, an English month after "a" is the month
        ("XO, Kitty season 4 sets a March 2027 return", PartialDate(2027, 3)),
        ("XO, Kitty Staffel 4 startet im April 2027", APRIL),
    ],
)
def test_a_release_date_given_as_a_month_or_a_year_is_read(title: str, period: PartialDate) -> None:
    signal = classify(title, "", PUBLISHED, INDEX)
    assert signal.milestone is Milestone.RELEASE_DATE_ANNOUNCED, signal.rule
    assert (signal.event_date, signal.period) == (None, period)


@pytest.mark.parametrize(
    "title",
    [
        # a day is the event's date, not a month
        "XO, Kitty season 4 premieres April 17, 2027",
        # another event's time in the sentence is not the premiere's
        "XO, Kitty season 4 release date announced as filming wraps in December",
        # "may" after the premiere's word, with no year, is no month
        "XO, Kitty season 4 premiere may slip",
        # a name, not a month
        "XO, Kitty season 4 premieres in Mai's honour",
        # no time given at all
        "XO, Kitty season 4 gets a release date",
        # an English month name after "a", with no year, is a word: a noun or a verb
        "XO, Kitty season 4 premieres with a march down the aisle",
        "XO, Kitty season 4 returns for a may-or-may-not wedding",
        "XO, Kitty season 4 returns for a May wedding",
        "XO, Kitty season 4 returns for an April wedding",
        # a month joined to a word is none: the idiom
        "XO, Kitty season 4 returns in a May-December romance twist",
        "XO, Kitty season 4 premieres with May-December drama",
    ],
)
def test_no_month_or_year_is_read_where_none_is_the_premieres(title: str) -> None:
    signal = classify(title, "", PUBLISHED, INDEX)
    assert signal.milestone is Milestone.RELEASE_DATE_ANNOUNCED, signal.rule
    assert signal.period is None


@pytest.mark.parametrize(
    ("title", "milestone", "period"),
    [
        # the shoot's month, still ahead, is not the premiere's
        (
            "XO, Kitty season 4 release date set as filming wraps in April 2027",
            Milestone.RELEASE_DATE_ANNOUNCED,
            None,
        ),
        (
            "XO, Kitty season 4 premieres in 2027 and season 5 starts filming in June 2027",
            Milestone.RELEASE_DATE_ANNOUNCED,
            Y2027,
        ),
        # a premiere told in the past tense gives no time it is set for
        ("XO, Kitty season 4 premiered in April 2024", Milestone.RELEASED, None),
    ],
)
def test_another_events_time_or_a_past_one_is_not_the_premieres(
    title: str, milestone: Milestone, period: PartialDate | None
) -> None:
    signal = classify(title, "", datetime(2027, 3, 2, 14, tzinfo=UTC), INDEX)
    assert (signal.milestone, signal.period) == (milestone, period), signal.rule


def _observed(title: str, show: Show, at: datetime = PUBLISHED) -> tuple[Observation, Article]:
    signal = classify(title, "", at, INDEX)
    article = Article("f", title, f"https://n.example/{len(title)}", title, at, "")
    return observe(signal, article, show, at), article


def test_the_post_and_status_give_the_month(show: Show) -> None:
    obs, article = _observed("XO, Kitty season 4 coming in April 2027", show)
    assert assess(obs, []) == "new_milestone"
    message = change_message(obs, "new_milestone", article, role_id=None, threads=False)
    fields = {f["name"]: f["value"] for f in message["embed"]["fields"]}
    assert fields["Date"] == "April 2027 (no day given)"
    assert message["embed"]["title"].endswith("release date set to April 2027")
    season = season_of(show, obs.season) or Season.from_news_only(obs.season)
    step = standing_date(season_status(season, [obs.event]))
    assert step is not None and step.date == APRIL
    assert "April 2027" in step_line(step, obs.season, PUBLISHED)


def test_a_day_within_the_month_is_a_date_set_and_another_a_move(show: Show) -> None:
    """Classified from headlines: "coming in April 2027", then "premieres April 17" is the
    date set; "premieres May 8" moved it."""
    month, _ = _observed("XO, Kitty season 4 coming in April 2027", show)
    later = PUBLISHED + timedelta(days=20)
    day, _ = _observed("XO, Kitty season 4 premieres April 17, 2027", show, later)
    assert day.event.event_date == date(2027, 4, 17)
    assert assess(day, [month.event]) == "date_set"
    may, _ = _observed("XO, Kitty season 4 premieres May 8, 2027", show, later)
    assert assess(may, [month.event]) == "date_changed"


def test_two_months_told_as_surely_at_once_are_sources_that_differ(show: Show) -> None:
    april, _ = _observed("XO, Kitty season 4 coming in April 2027", show)
    june, _ = _observed("XO, Kitty season 4 premieres in June 2027", show)
    assert april.event.certainty == june.event.certainty and june.event.period == JUNE
    assert assess(june, [april.event]) == "sources_differ"


async def test_the_store_keeps_the_month_of_a_release_date(store: Store, show: Show) -> None:
    obs, _ = _observed("XO, Kitty season 4 coming in April 2027", show)
    read = await stored_and_read(store, obs.event)
    assert [(e.milestone, e.event_date, e.period) for e in read] == [
        (Milestone.RELEASE_DATE_ANNOUNCED, None, APRIL)
    ]


def test_a_month_told_again_after_another_is_outlets_that_disagree(show: Show) -> None:
    """ "Coming in April 2027", days later "premieres in June 2027" (a move), then April
    again as surely: each flip between two outlets' months was posted "Date changed", where
    two outlets' days are one more source."""
    april, _ = _observed("XO, Kitty season 4 coming in April 2027", show)
    june, _ = _observed(
        "XO, Kitty season 4 premieres in June 2027", show, PUBLISHED + timedelta(days=2)
    )
    assert assess(june, [april.event]) == "date_changed"
    again, _ = _observed(
        "XO, Kitty season 4 will premiere in April 2027", show, PUBLISHED + timedelta(days=4)
    )
    assert again.event.period == APRIL and again.event.certainty == june.event.certainty
    assert assess(again, [april.event, june.event]) == "extra_source"


def test_a_year_long_gone_is_a_titles_number_not_a_time_gone() -> None:
    """A year more than a year gone is no premiere's time but a title's number: 'Scam 2003'
    made the release date of its second season no announcement."""
    title = "Sony LIV announces the release date of 'Scam 2003: The Telgi Story' on its anniversary"
    signal = classify(title, "", PUBLISHED, INDEX)
    assert signal.milestone is Milestone.RELEASE_DATE_ANNOUNCED
    assert signal.period is None


@pytest.mark.parametrize(
    "title",
    [
        # read in November 2026: the month or year is gone, as a day a month gone would be
        "XO, Kitty season 4 premieres April 2026",
        "XO, Kitty season 4 premieres in October 2026",
        "XO, Kitty temporada 4 estreia em abril de 2026",
    ],
)
def test_a_release_date_whose_only_time_is_gone_by_is_no_announcement(title: str) -> None:
    """'XO, Kitty season 4 premieres April 2026' read in November 2026 was posted as a
    release date, with no date: a passing mention, a review's background or an old story,
    as a premiere day gone by is (no milestone)."""
    signal = classify(title, "", PUBLISHED, INDEX)
    assert (signal.milestone, signal.rule) == (None, "not-news:period-gone")


@pytest.mark.parametrize(
    ("title", "period"),
    [
        # the month of the article is still ahead at its date
        ("XO, Kitty season 4 premieres in November 2026", PartialDate(2026, 11)),
        # a time gone by beside one ahead: the one ahead is the premiere's
        ("XO, Kitty season 4, once set for April 2026, now premieres in June 2027", JUNE),
    ],
)
def test_a_time_still_ahead_is_read_beside_one_gone(title: str, period: PartialDate) -> None:
    signal = classify(title, "", PUBLISHED, INDEX)
    assert (signal.milestone, signal.period) == (Milestone.RELEASE_DATE_ANNOUNCED, period)
