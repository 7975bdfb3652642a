"""A second review of the twenty-second session's classifier changes: what they read wrongly in
headlines a fan server meets. Each case failed before its fix."""

from __future__ import annotations

import pytest

from bot.news.classify import classify
from bot.news.models import Certainty, Milestone
from tests.headlines import INDEX, TOLD  # TOLD: Friday, November 20, 2026


@pytest.mark.parametrize(
    "title",
    [
        # a season known whose day is the news ('renewed-said-lang' took the participle)
        "La temporada 2 confirmada de XO, Kitty llega en mayo",
        "XO, Kitty: la temporada 2 confirmada llega en mayo a Netflix",
        "XO, Kitty temporada 2 confirmada llega el 16 de enero",
    ],
)
def test_a_confirmed_seasons_day_is_its_date_not_a_renewal(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is Milestone.RELEASE_DATE_ANNOUNCED, signal.rule


@pytest.mark.parametrize(
    "title",
    [
        # lists of shows with a season confirmed, their heading before the season
        "Serien mit Staffel 3 bestätigt: XO, Kitty, Wednesday und mehr",
        "Todas las series con temporada 3 confirmada: XO, Kitty, Wednesday y más",
        "XO, Kitty y otras series con temporada 3 confirmada",
        # German denial at the verb's end
        "Netflix bestätigt Staffel 3 von XO, Kitty nicht",
        # nothing confirmed (the name's comma no longer parts the clause)
        "Netflix confirms nothing about XO, Kitty season 4",
    ],
)
def test_no_renewal_in_a_list_a_denial_or_nothing_confirmed(title: str) -> None:
    assert classify(title, "", TOLD, INDEX).milestone is None


@pytest.mark.parametrize(
    "title",
    [
        "After a record streaming week, Netflix renews XO, Kitty for season 4",
        "XO, Kitty had a record streaming week; Netflix renews it for season 4",
        "XO, Kitty breaks record with biggest streaming week ever, renewed for season 4",
    ],
)
def test_a_renewal_beside_a_viewing_record_is_still_news(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.milestone, signal.season) == (Milestone.RENEWED, 4), signal.rule


def test_a_viewing_record_still_frames_a_release() -> None:
    signal = classify("XO, Kitty season 3 debuts with record streaming week", "", TOLD, INDEX)
    assert signal.milestone is None, signal.rule


def test_the_networks_sources_are_not_the_network() -> None:
    signal = classify("XO, Kitty season 4 confirmed by Netflix sources", "", TOLD, INDEX)
    assert (signal.milestone, signal.certainty) == (Milestone.RENEWED, Certainty.REPORTED)
    signal = classify("XO, Kitty season 4 confirmed by Netflix", "", TOLD, INDEX)
    assert signal.certainty is Certainty.CONFIRMED, signal.rule


@pytest.mark.parametrize(
    "title",
    [
        # what held up: the season confirmed alone, and in German the season official
        "XO, Kitty: temporada 3 confirmada",
        "Staffel 3 bestätigt: XO, Kitty geht weiter",
        "Netflix bestätigt Staffel 3 von XO, Kitty",
    ],
)
def test_a_season_confirmed_is_still_a_renewal(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.milestone, signal.season) == (Milestone.RENEWED, 3), signal.rule


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        # the show's own cast, its name after "new series" ('other-project' took it)
        ("Minyeong Choi joins new Netflix series XO, Kitty", Milestone.CASTING),
        ("Gia Kim joins new Netflix series XO, Kitty as Yuri", Milestone.CASTING),
        # one show's own 'one-season wonder' (the lists' plural is the block's)
        (
            "Netflix cancels XO, Kitty after one season, another one-season wonder",
            Milestone.CANCELLED,
        ),
        ("XO, Kitty is the next one-season wonder: Netflix cancels it", Milestone.CANCELLED),
    ],
)
def test_the_shows_own_news_beside_a_list_or_project_word(title: str, milestone: Milestone) -> None:
    assert classify(title, "", TOLD, INDEX).milestone is milestone


@pytest.mark.parametrize(
    "title",
    ["XO, Kitty star joins new Netflix series", "Canceled: One Season Wonders like XO, Kitty"],
)
def test_a_stars_next_project_and_a_list_stay_other(title: str) -> None:
    assert classify(title, "", TOLD, INDEX).milestone is None


def test_a_name_written_without_a_space_after_its_comma_keeps_its_season() -> None:
    # "XO,Kitty 4": the comma dropped joined the name's words ("xokitty 4"), and the season
    # written after the name was lost
    signal = classify("XO,Kitty 4 premieres January 16", "", TOLD, INDEX)
    assert (signal.milestone, signal.season) == (Milestone.RELEASE_DATE_ANNOUNCED, 4), signal.rule


@pytest.mark.parametrize(
    "title",
    [
        # German pleas and plans: the infinitive clause after a comma is wished, not done
        "Fans fordern Netflix auf, XO, Kitty um eine dritte Staffel zu verlängern",
        "Netflix plant nicht, XO, Kitty um eine dritte Staffel zu verlängern",
    ],
)
def test_a_german_plea_or_plan_to_renew_is_no_renewal(title: str) -> None:
    assert classify(title, "", TOLD, INDEX).milestone is None


def test_a_german_decision_to_renew_is_still_one() -> None:
    title = "Netflix hat beschlossen, XO, Kitty um eine dritte Staffel zu verlängern"
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.milestone, signal.season) == (Milestone.RENEWED, 3), signal.rule
