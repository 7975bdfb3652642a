"""German cancellations the rules misread or missed (twenty-second session: renewals in
other languages). Each case that must be a cancellation was seen failing without its rule."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.news.classify import ShowIndex, classify
from bot.news.models import Milestone

INDEX = ShowIndex.from_aliases({"the-bear": ["The Bear"], "xo-kitty": ["XO, Kitty"]})
TOLD = datetime(2026, 11, 20, tzinfo=UTC)


@pytest.mark.parametrize(
    "title",
    [
        # who stars is no casting news: the cancellation after it is the news
        "Die Serie The Bear mit Jeremy Allen White in den Hauptrollen wurde nach nur zwei "
        "Staffeln eingestellt",
        "The Bear mit Jeremy Allen White in der Hauptrolle wird nach drei Staffeln eingestellt",
        # the infinitive of "einstellen" after "beschlossen"
        "Hulu hat beschlossen, die Produktion der Serie The Bear nach drei Staffeln einzustellen",
        "FX hat entschieden, XO, Kitty nach nur zwei Staffeln einzustellen",
    ],
)
def test_de_cancellations_are_cancelled(title: str) -> None:
    assert classify(title, "", TOLD, INDEX).milestone is Milestone.CANCELLED


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        # taking the lead part is still casting news
        ("Jeremy Allen White übernimmt die Hauptrolle in The Bear", Milestone.CASTING),
        ("The Bear: Jeremy Allen White spielt die Hauptrolle in Staffel 2", Milestone.CASTING),
        # who stars, then the day: a release date, not casting
        (
            "The Bear mit Jeremy Allen White in der Hauptrolle startet am 5. Mai",
            Milestone.RELEASE_DATE_ANNOUNCED,
        ),
    ],
)
def test_de_lead_parts_read_as_before(title: str, milestone: Milestone) -> None:
    assert classify(title, "", TOLD, INDEX).milestone is milestone


def test_de_not_renewing_is_not_a_cancellation_of_a_shoot() -> None:
    # "einzustellen" without seasons counted stays unread (a shoot or a project stopped)
    sig = classify("Netflix hat beschlossen, die Dreharbeiten einzustellen", "", TOLD, INDEX)
    assert sig.milestone is not Milestone.CANCELLED


@pytest.mark.parametrize(
    "title",
    [
        # a season counted after its noun, then confirmed, or confirmed with its number after
        "XO, Kitty: temporada 3 confirmada por Netflix",
        "XO, Kitty, saison 3 confirmée",
        "Netflix confirme une saison 2 pour The Bear",
        # the season is official
        "XO, Kitty, la terza stagione è ufficiale",
        "XO, Kitty: Staffel 3 ist offiziell",
        # German: there will be one, verb last, the show carried on, the production confirmed
        "Es wird eine dritte Staffel von XO, Kitty geben",
        "Netflix hat entschieden, XO, Kitty um eine dritte Staffel zu verlängern",
        "ZDF kündigt Fortsetzungen von The Bear an",
        "Das Erste setzt The Bear fort",
        "HBO macht noch einmal mit The Bear weiter",
        "Netflix hat die Produktion einer zweiten Staffel von XO, Kitty bestätigt",
    ],
)
def test_renewals_in_other_languages_are_renewed(title: str) -> None:
    sig = classify(title, "", TOLD, INDEX)
    assert sig.milestone is Milestone.RENEWED, sig.rule


@pytest.mark.parametrize(
    "title",
    [
        # asked, not told
        "Wird es eine dritte Staffel von XO, Kitty geben?",
        "XO, Kitty: Staffel 3 bestätigt?",
        "¿Netflix confirma una temporada 3 de XO, Kitty?",
        "Ci sarà una terza stagione di XO, Kitty?",
        # a list's heading
        "Temporada 3 confirmada: las series de Netflix que vuelven en 2027",
        "Staffel 3 bestätigt: Diese Netflix-Serien gehen weiter",
        # a season already known
        "Es gibt eine zweite Staffel von XO, Kitty, aber noch keinen Starttermin",
        "XO, Kitty: ci sarà la seconda stagione, ecco cosa accadrà",
        "XO, Kitty: Staffel 2 ist offiziell gestartet",
        # when it goes on (a schedule), or the shoot going on
        "Das Erste setzt The Bear im Mai fort",
        "Amazon setzt 2020 die Reihe The Bear fort",
        "Das Erste setzt die Dreharbeiten zu The Bear fort",
        "ZDF kündigt die Fortsetzung von The Bear für Mai an",
    ],
)
def test_close_phrasings_in_other_languages_are_not_renewals(title: str) -> None:
    assert classify(title, "", TOLD, INDEX).milestone is not Milestone.RENEWED
