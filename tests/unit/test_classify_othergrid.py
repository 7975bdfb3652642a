"""Fresh "other" articles the classifier announced: a season's tally of renewals and
cancellations, a month's new releases, a star's next project, a season announced before, a
fan's "can't wait to stream" list and a Spanish idiom's participle.  Each kind was met in a
grid of real pieces collected outside the repository (reviews, recaps, round-ups, interviews,
awards, ratings); the close news each rule must still take sits beside it.  Season 4 of XO,
Kitty is not known, so a misread season cannot hide behind a known one."""

from __future__ import annotations

import pytest

from bot.news.classify import ShowIndex, classify
from bot.news.models import Milestone
from tests.headlines import INDEX, TOLD

# A star known for the show, and a show whose name is a common word
STAR_INDEX = ShowIndex.from_aliases({"xo-kitty": ["XO, Kitty", "XO Kitty"], "lucifer": ["Lucifer"]})


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # a season's tally names renewals and cancellations together
        ("Renewed and cancelled shows 2024: What got the axe and what's been saved?", ""),
        (
            "All of the TV series renewals and cancellations for summer 2026 so far",
            "Netflix renewed XO Kitty for season 4 in March.",
        ),
        ("Cancellations and renewals of 2026 so far", "Netflix renewed XO Kitty for season 4."),
        (
            "Renouvellements et annulations de séries : le point sur février",
            "XO, Kitty reviendra pour une quatrième saison.",
        ),
        ("Renovaciones y cancelaciones de series: XO, Kitty tendrá una temporada 4", ""),
        # a month's arrivals
        (
            "November 2026 Netflix and Hulu new releases",
            "Netflix released the XO Kitty season 4 trailer on Tuesday.",
        ),
        ("Streaming: Netflix new releases this week, XO Kitty season 4 premieres December 18", ""),
        # a fan's list of what to stream
        ("3 new Netflix TV shows I can't wait to stream in December, XO, Kitty season 4", ""),
    ],
)
def test_a_tally_of_many_shows_is_no_news(title: str, summary: str) -> None:
    signal = classify(title, summary, TOLD, INDEX)
    assert signal.milestone is None, signal.rule


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        # the news the tally's words sit beside still counts
        ("XO, Kitty renewed for season 4 as Netflix sorts its renewals", Milestone.RENEWED),
        ("Renewals and cancellations: Netflix renews XO, Kitty for season 4", Milestone.RENEWED),
        ("XO, Kitty season 4 gets a release date", Milestone.RELEASE_DATE_ANNOUNCED),
        ("Netflix renews XO, Kitty for season 4 and we can't wait", Milestone.RENEWED),
        ("XO, Kitty stars join the cast of season 4", Milestone.CASTING),
    ],
)
def test_the_news_beside_a_tally_still_counts(title: str, milestone: Milestone) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is milestone, signal.rule


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # the star's next project, whatever the summary says of its cast
        (
            "Lucifer Fans Rejoice After Star Joins New Netflix Series",
            "Tom Ellis, known for playing Lucifer Morningstar, has joined the cast of a "
            "Netflix adaptation, and filming is well underway.",
        ),
        ("XO, Kitty star joins new Netflix thriller", ""),
        ("XO, Kitty star boards new Prime Video series", ""),
    ],
)
def test_a_stars_next_project_is_no_casting(title: str, summary: str) -> None:
    signal = classify(title, summary, TOLD, STAR_INDEX)
    assert signal.milestone is None, signal.rule


@pytest.mark.parametrize(
    "title",
    [
        "Jane Doe joins XO, Kitty season 4 cast",
        "Jane Doe joins new season of XO, Kitty",
        "XO, Kitty season 4 adds Jane Doe, who joins the cast as Mina",
    ],
)
def test_a_casting_for_the_show_still_counts(title: str) -> None:
    assert classify(title, "", TOLD, INDEX).milestone is Milestone.CASTING


def test_a_season_announced_before_is_background() -> None:
    signal = classify(
        "XO, Kitty exit shocker: Jane Doe departing ahead of season 4",
        "Doe is leaving the series ahead of the recently announced fourth season.",
        TOLD,
        INDEX,
    )
    assert signal.milestone is None, signal.rule


@pytest.mark.parametrize(
    "title",
    [
        "Netflix announced a fourth season of XO, Kitty",
        "Netflix recently announced season 4 of XO, Kitty",
        "XO, Kitty: the newly renewed show confirms season 4",
    ],
)
def test_a_season_announced_now_is_a_renewal(title: str) -> None:
    assert classify(title, "", TOLD, INDEX).milestone is Milestone.RENEWED


def test_an_idioms_participle_is_not_the_seasons() -> None:
    # "crónica de una muerte anunciada": the death was announced, not the season
    signal = classify(
        "XO, Kitty cuarta temporada: el drama de una muerte anunciada",
        "Hemos visto la cuarta temporada de XO, Kitty y esta es nuestra reseña.",
        TOLD,
        INDEX,
    )
    assert signal.milestone is None, signal.rule


@pytest.mark.parametrize(
    "title",
    [
        "XO, Kitty: cuarta temporada anunciada",
        "XO, Kitty: cuarta temporada confirmada por Netflix",
        "XO, Kitty, quarta stagione annunciata",
    ],
)
def test_a_season_announced_in_other_languages_still_counts(title: str) -> None:
    assert classify(title, "", TOLD, INDEX).milestone is Milestone.RENEWED


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # a list of shows that lasted one season, whatever its first word
        ("Canceled: One Season Wonders", "Netflix cancelled XO, Kitty after season 4."),
        ("Brilliant but cancelled single-season TV shows, part 2", ""),
        # the audience is the story, not the release
        ("XO, Kitty Season 4 Debuts With Nielsen's 2nd Biggest Streaming Week Ever", ""),
        ("XO, Kitty season 4 premieres to Netflix's biggest week ever", ""),
    ],
)
def test_a_one_season_list_or_a_viewing_record_is_no_news(title: str, summary: str) -> None:
    signal = classify(title, summary, TOLD, INDEX)
    assert signal.milestone is None, signal.rule


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        ("Netflix cancels XO, Kitty after one season", Milestone.CANCELLED),
        (
            "XO, Kitty cancelled after season 4 despite topping the streaming charts",
            Milestone.CANCELLED,
        ),
        ("XO, Kitty season 4 debuts on Netflix", Milestone.RELEASED),
    ],
)
def test_a_cancellation_or_release_beside_the_audience_still_counts(
    title: str, milestone: Milestone
) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is milestone, signal.rule
