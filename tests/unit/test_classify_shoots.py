"""Castings and shoots told as the language tells them (twenty-first session): wordings the
casting and filming rules must take, and close ones they must not."""

from __future__ import annotations

import pytest

from bot.news.classify import classify
from bot.news.models import Certainty, Milestone
from tests.headlines import INDEX, TOLD


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # the role told with its actor: "played by", "portray"
        ("The new villain of XO, Kitty season 4 will be played by Jane Doe", ""),
        ("Jane Doe to portray Kitty's aunt in XO, Kitty season 4", ""),
        ("Jane Doe is set to portray a new teacher in XO, Kitty season 4", ""),
        (
            "XO, Kitty season 4: the latest from KISS",
            "Jane Doe will portray Professor Lee, a new teacher at KISS.",
        ),
    ],
)
def test_a_role_given_to_an_actor_is_casting(title: str, summary: str) -> None:
    signal = classify(title, summary, TOLD, INDEX)
    assert signal.milestone is Milestone.CASTING, signal.rule


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # a wish to play a part again is no casting
        (
            "XO, Kitty star talks season 4",
            "Jane Doe expressed her desire to portray Kitty again.",
        ),
        ("XO, Kitty star says she would love to portray Kitty for years", ""),
        ("XO, Kitty star hopes to portray a villain one day", ""),
        # a star's film part is someone else's news
        ("XO, Kitty star Anna Cathcart to portray a skater in new movie", ""),
        # a part played in the past
        ("In XO, Kitty season 1, Kitty's mother was played by Jane Doe", ""),
    ],
)
def test_close_wordings_are_not_casting(title: str, summary: str) -> None:
    signal = classify(title, summary, TOLD, INDEX)
    assert signal.milestone is not Milestone.CASTING, signal.rule


@pytest.mark.parametrize(
    "title",
    [
        # fr: a season "en tournage", a shoot that "a repris"
        "XO, Kitty : la saison 4 est actuellement en tournage à Séoul",
        "Le tournage de la saison 4 de XO, Kitty a repris en décembre",
        # it: begun "da poco"; es: begun "de forma oficial"
        "XO, Kitty 4, le riprese sono da poco iniziate a Seul",
        "XO, Kitty ha comenzado de forma oficial su rodaje en Seúl",
        # de: "laufen derzeit die Dreharbeiten"
        "Für XO, Kitty laufen derzeit die Dreharbeiten zur vierten Staffel",
        # ru, el: the shoot resumed, begun
        "Возобновились съемки четвертого сезона XO, Kitty",
        "Το XO, Kitty ξεκίνησε γυρίσματα για την τέταρτη σεζόν",
    ],
)
def test_a_shoot_under_way_in_other_languages_has_started(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is Milestone.FILMING_STARTED, signal.rule
    assert signal.certainty is not Certainty.RUMORED, signal.rule


def test_a_shoot_to_come_in_hindi_is_rumoured() -> None:
    # hi: "XO, Kitty 4's shooting is going to start soon"
    signal = classify("XO, Kitty 4 की शूटिंग जल्द ही शुरू होने जा रही है", "", TOLD, INDEX)
    assert signal.milestone is Milestone.FILMING_STARTED, signal.rule
    assert signal.certainty is Certainty.RUMORED, signal.rule


@pytest.mark.parametrize(
    "title",
    [
        # fr: not yet in the shoot, a shoot that "should resume"
        "XO, Kitty : la saison 4 n'est pas encore en tournage",
        "XO, Kitty : le tournage de la saison 4 devrait reprendre en mai",
    ],
)
def test_close_wordings_in_other_languages_have_not_started(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is not Milestone.FILMING_STARTED or signal.certainty is (
        Certainty.RUMORED
    ), signal.rule
