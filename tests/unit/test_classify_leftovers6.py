"""Own-show misreads left after the twenty-third session's leftovers.

A season number bound to another title ("Netflix drops Harbor Lights season 2 and XO, Kitty
trailers", "season 2 of Harbor Lights") is that title's: with no season of its own the show's
is unknown (the pipeline then takes it from what it knows). A person's return ("XO, Kitty star
is back next month on a new show") is no season's, and a cast "back to filming in April" is
a shoot planned, not a release date."""

from __future__ import annotations

import pytest

from bot.news.classify import ShowIndex, classify
from bot.news.models import Milestone
from tests.headlines import INDEX, TOLD, label_of  # TOLD: Friday, November 20, 2026

# (the index of a catalogue that also holds the other titles)
WITH_OTHERS = ShowIndex.from_aliases(
    {"xo-kitty": ["XO, Kitty", "XO Kitty"], "harbor-lights": ["Harbor Lights"]}
)


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        ("Netflix drops Harbor Lights season 2 and XO, Kitty trailers", Milestone.TRAILER),
        (
            "Netflix drops Wednesday season 2, Harbor Lights and XO, Kitty trailers",
            Milestone.TRAILER,
        ),
        ("Netflix drops trailers for Harbor Lights season 2 and XO, Kitty", Milestone.TRAILER),
        ("Netflix drops trailers for season 2 of Harbor Lights and XO, Kitty", Milestone.TRAILER),
        ("Netflix drops second season of Harbor Lights and XO, Kitty trailers", Milestone.TRAILER),
        ("Harbor Lights season 2 and XO, Kitty renewed", Milestone.RENEWED),
        ("Netflix renews Harbor Lights season 2 and XO, Kitty", Milestone.RENEWED),
        # (a title the index does not know, capitalised)
        ("Netflix drops Moonfall Bay season 2 and XO, Kitty trailers", Milestone.TRAILER),
        ("Moonfall Bay season 2 and XO, Kitty renewed", Milestone.RENEWED),
        # (the season nearest a title is that title's, whichever comes first)
        ("XO, Kitty and Harbor Lights season 2 trailers drop", Milestone.TRAILER),
    ],
)
def test_another_titles_season_is_not_the_shows(title: str, milestone: Milestone) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.show, signal.milestone, signal.season) == ("xo-kitty", milestone, None), (
        signal.rule
    )


@pytest.mark.parametrize(
    ("title", "season"),
    [
        ("Netflix drops Harbor Lights season 2 and XO, Kitty season 3 trailers", 3),
        ("XO, Kitty season 3 and Harbor Lights season 2 trailers drop", 3),
        ("Netflix renews XO, Kitty for season 3", 3),
        ("Netflix renews XO, Kitty for a third season", 3),
        ("Netflix Renews XO, Kitty For Season 3", 3),
        ("Netflix Drops Season 3 Trailer For XO, Kitty", 3),
        ("Watch: season 3 trailer for XO, Kitty", 3),
        ("Season 3 of XO, Kitty gets a trailer", 3),
        ("The third season of XO, Kitty premieres May 1", 3),
        ("Netflix's XO, Kitty season 3 premieres May 1", 3),
        ("XO Kitty's third season premieres May 1", 3),
        ("Hit series XO, Kitty season 3 renewed", 3),
        ("New Season 3 trailer for XO, Kitty", 3),
        ("Netflix renews XO, Kitty for season 3 after Harbor Lights season 2 success", 3),
        # (quoted names, a person's work, a network's)
        ("'XO, Kitty' renewed for season 3 at Netflix", 3),
        ("Netflix's 'XO, Kitty' season 3 premieres May 1", 3),
        ("Anna Cathcart's XO, Kitty season 3 wraps filming", 3),
        ("XO, Kitty season 3 of Anna Cathcart's Netflix series wraps filming", 3),
        ("Netflix confirms XO, Kitty season 3. Season 3 of the series premieres in May", 3),
        ("Netflix says No season 3 for XO, Kitty", 3),
    ],
)
def test_the_shows_own_season_stays(title: str, season: int) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.show, signal.season) == ("xo-kitty", season), signal.rule
    assert signal.milestone is not None, signal.rule


def test_a_title_cased_headline_drops_only_an_indexed_titles_season() -> None:
    # (every word capitalised: only a show the index knows is surely a title)
    title = "Netflix Drops Harbor Lights Season 2 And XO, Kitty Trailers"
    signal = classify(title, "", TOLD, WITH_OTHERS)
    assert (signal.show, signal.season) == ("harbor-lights", 2), signal.rule
    signal = classify("XO, Kitty Trailer Drops With Harbor Lights Season 2", "", TOLD, WITH_OTHERS)
    assert (signal.show, signal.season) == ("xo-kitty", None), signal.rule


def test_another_titles_season_in_the_summary_is_not_the_shows() -> None:
    signal = classify(
        "Netflix renews XO, Kitty",
        "The streamer also ordered a second season of Harbor Lights.",
        TOLD,
        INDEX,
    )
    assert (signal.milestone, signal.season) == (Milestone.RENEWED, None), signal.rule


@pytest.mark.parametrize(
    "title",
    [
        "XO, Kitty star is back next month on a new show",
        "XO, Kitty star is back next month",
        "XO, Kitty star returns next month in a new drama",
        "XO, Kitty stars return next month",
        "XO, Kitty cast member is back in April",
        "XO, Kitty star Anna Cathcart is back next month",
        "The cast of XO, Kitty is back next month",
        # (the show's possessive before a person's name; its own season stays a release:
        # test_classify_own)
        "XO, Kitty's Anna Cathcart is back next month on a new show",
        "XO, Kitty's Anna Cathcart is back next month",
        "XO, Kitty's Anna Cathcart returns in April on a new show",
        "XO, Kitty's Minyeong Choi returns next month in a new K-drama",
        "XO, Kitty's star Anna Cathcart is back next month",
    ],
)
def test_a_persons_return_is_no_release(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone not in (Milestone.RELEASE_DATE_ANNOUNCED, Milestone.RELEASED), (
        signal.rule
    )


@pytest.mark.parametrize(
    "title",
    [
        "XO, Kitty cast is back to filming in April",
        "XO, Kitty cast is back to filming next month",
        "XO, Kitty is back to filming in April",
        "XO, Kitty cast are back to shooting in April",
    ],
)
def test_back_to_filming_is_a_shoot_planned(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert label_of(signal) == "filming_rumored", signal.rule


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        ("XO, Kitty is back next month", Milestone.RELEASE_DATE_ANNOUNCED),
        ("XO, Kitty season 3 is back next month on Netflix", Milestone.RELEASE_DATE_ANNOUNCED),
        ("XO, Kitty returns to Netflix in April", Milestone.RELEASE_DATE_ANNOUNCED),
        ("XO, Kitty returns next month", Milestone.RELEASE_DATE_ANNOUNCED),
        ("Star-crossed XO, Kitty returns in April", Milestone.RELEASE_DATE_ANNOUNCED),
        ("XO, Kitty is back", Milestone.RELEASED),
    ],
)
def test_the_shows_return_stays_a_release(title: str, milestone: Milestone) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is milestone, signal.rule
