"""Headlines about XO, Kitty that broke the twenty-third session's last classifier changes.

A one-word title after "&" ends another title ("Ginny & Georgia season 3"), whose season is
not the show's; a maker's return ("XO, Kitty creator returns April 5 with a new series") is a
person's, as a star's is. Read with the index the running bot builds from its catalogue."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.catalog.loader import load_catalog
from bot.news.catalog_view import index_from_catalog
from bot.news.classify import classify
from bot.news.models import Milestone
from tests.headlines import TOLD  # TOLD: Friday, November 20, 2026

CATALOG = index_from_catalog(load_catalog(Path(__file__).parents[2] / "data" / "shows"))


@pytest.mark.parametrize(
    ("title", "summary", "milestone", "season"),
    [
        ("XO, Kitty and Ginny & Georgia season 3 trailers drop", "", Milestone.TRAILER, None),
        ("XO, Kitty and Love & Death season 2 trailers drop", "", Milestone.TRAILER, None),
        (
            "XO, Kitty renewed",
            "Netflix renewed XO, Kitty alongside Wednesday season 2 and Ginny & Georgia "
            "season 4, confirming the third season.",
            Milestone.RENEWED,
            3,
        ),
        # (the show's own season beside such a title stays its own)
        ("Ginny & Georgia, XO, Kitty season 3 trailers drop", "", Milestone.TRAILER, 3),
        ("XO, Kitty season 3 and Ginny & Georgia trailers drop", "", Milestone.TRAILER, 3),
        ("XO, Kitty and Ginny & Georgia renewed for season 3", "", Milestone.RENEWED, 3),
    ],
)
def test_a_title_joined_by_an_ampersand_keeps_its_season(
    title: str, summary: str, milestone: Milestone, season: int | None
) -> None:
    signal = classify(title, summary, TOLD, CATALOG)
    assert (signal.show, signal.milestone, signal.season) == ("xo-kitty", milestone, season), (
        signal.rule
    )


@pytest.mark.parametrize(
    "title",
    [
        "XO, Kitty creator Jenny Han returns April 5 on Prime Video",
        "XO, Kitty showrunner is back next month on Prime Video",
        "XO, Kitty co-creator returns in April on Hulu",
    ],
)
def test_a_makers_return_is_no_release(title: str) -> None:
    signal = classify(title, "", TOLD, CATALOG)
    assert signal.show == "xo-kitty"
    assert signal.milestone is None, signal.rule


@pytest.mark.parametrize(
    "title",
    [
        "XO, Kitty returns April 5",
        "Jenny Han's XO, Kitty returns April 5",
        "From the creator of To All the Boys, XO, Kitty returns April 5",
    ],
)
def test_the_shows_return_beside_its_maker_stays_a_release(title: str) -> None:
    signal = classify(title, "", TOLD, CATALOG)
    assert (signal.milestone, signal.event_date) == (
        Milestone.RELEASE_DATE_ANNOUNCED,
        TOLD.date().replace(year=2027, month=4, day=5),
    ), signal.rule


def test_a_makers_delay_is_no_delay() -> None:
    signal = classify("XO, Kitty creator Jenny Han won't be back until 2027", "", TOLD, CATALOG)
    assert signal.milestone is None, signal.rule


@pytest.mark.parametrize(
    "title",
    [
        "XO, Kitty: Dreharbeiten zu Staffel 3 beginnen nicht im Januar",
        "XO, Kitty: Dreharbeiten zu Staffel 3 beginnen doch nicht im Januar",
        "XO, Kitty: le tournage de la saison 3 ne commence pas en janvier",
        "XO, Kitty Staffel 3 kommt nicht im Juni",
        "XO, Kitty Staffel 3 kommt doch nicht",
    ],
)
def test_a_negation_after_the_verb_in_german_or_french_tells_no_event(title: str) -> None:
    signal = classify(title, "", TOLD, CATALOG)
    assert (signal.show, signal.season, signal.milestone) == ("xo-kitty", 3, None), signal.rule


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        ("XO, Kitty: Dreharbeiten zu Staffel 3 beginnen im Januar", Milestone.FILMING_STARTED),
        ("XO, Kitty: le tournage de la saison 3 commence en janvier", Milestone.FILMING_STARTED),
        ("XO, Kitty Staffel 3 kommt!", Milestone.RENEWED),
    ],
)
def test_the_same_words_unnegated_still_tell_the_event(title: str, milestone: Milestone) -> None:
    signal = classify(title, "", TOLD, CATALOG)
    assert (signal.season, signal.milestone) == (3, milestone), signal.rule


@pytest.mark.parametrize(
    ("title", "season"),
    [
        # (title case: the bot's catalogue knows no other show, yet the season joined to the
        # show's name after it is the title's before it)
        ("Netflix Drops Stranger Things Season 5 And XO, Kitty Trailers", None),
        ("Netflix Drops Stranger Things Season 5, XO, Kitty Trailers", None),
        ("Netflix drops Stranger Things season 5 and XO, Kitty trailers", None),
        # (the show's own season stays its own)
        ("Stranger Things Season 5 And XO, Kitty Season 3 Trailers Drop", 3),
        ("Netflix Drops XO, Kitty Season 3 And Stranger Things Trailers", 3),
        ("Netflix Drops Season 3 Trailer For XO, Kitty", 3),
    ],
)
def test_a_title_cased_season_joined_before_the_shows_name_is_not_its_own(
    title: str, season: int | None
) -> None:
    signal = classify(title, "", TOLD, CATALOG)
    assert (signal.show, signal.milestone, signal.season) == (
        "xo-kitty",
        Milestone.TRAILER,
        season,
    ), signal.rule
