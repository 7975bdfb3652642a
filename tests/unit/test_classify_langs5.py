"""Shoots begun, told in Spanish and Portuguese wordings the rules missed (twenty-third
session: other languages' recall). Each case that must be a start was seen failing without
its rule; the close ones beside them must stay as they were."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.news.classify import ShowIndex, classify
from bot.news.models import Certainty, Milestone

INDEX = ShowIndex.from_aliases(
    {"xo-kitty": ["XO, Kitty"], "harbor-lights": ["Harbor Lights"], "the-bear": ["The Bear"]}
)
TOLD = datetime(2026, 11, 20, tzinfo=UTC)


@pytest.mark.parametrize(
    "title",
    [
        # es: the shoot named first, then its perfect ("ha comenzado"), as outlets word it
        "XO, Kitty: el rodaje de la temporada 4 ha comenzado",
        "El rodaje de la cuarta temporada de XO, Kitty ya ha comenzado en Seúl",
        "Harbor Lights: las grabaciones de la temporada 3 han arrancado",
        "La filmación de la segunda temporada de The Bear ha empezado oficialmente",
        # pt: the network or the show "grava" a season now
        "Netflix grava a quarta temporada de XO, Kitty em Seul",
        "Harbor Lights grava mais uma temporada em São Paulo",
        "The Bear grava 3ª temporada em Chicago",
    ],
)
def test_a_shoot_begun_is_filming_started(title: str) -> None:
    sig = classify(title, "", TOLD, INDEX)
    assert sig.milestone is Milestone.FILMING_STARTED
    assert sig.certainty is not Certainty.RUMORED


@pytest.mark.parametrize(
    "title",
    [
        # the shoot not begun yet, or asked about
        "XO, Kitty: el rodaje de la temporada 4 aún no ha comenzado",
        "El rodaje de la temporada 4 de XO, Kitty todavía no ha comenzado",
        "¿El rodaje de la temporada 4 de XO, Kitty ya ha comenzado?",
        "XO, Kitty grava a quarta temporada? Entenda",
        # an explainer, a review, a list
        "Todo lo que sabemos de la temporada 4 de XO, Kitty: el rodaje ha comenzado",
        "Las series cuyo rodaje ha comenzado este mes",
        "Globo grava nova temporada de três séries",
        # a person's part filmed is no season's shoot
        "Atriz grava participação na quarta temporada de XO, Kitty",
    ],
)
def test_close_wordings_are_no_shoot_begun(title: str) -> None:
    assert classify(title, "", TOLD, INDEX).milestone is not Milestone.FILMING_STARTED


@pytest.mark.parametrize(
    "title",
    [
        # de ordinals declined after an article or a preposition ("einer zweiten Staffel")
        "Netflix gibt grünes Licht für die Umsetzung einer zweiten Staffel von Harbor Lights",
        "Grünes Licht für die Produktion einer vierten Staffel von XO, Kitty",
        "The Bear: FX gibt grünes Licht für die Vorbereitung einer dritten Staffel",
    ],
)
def test_de_declined_ordinals_are_read_as_seasons(title: str) -> None:
    assert classify(title, "", TOLD, INDEX).milestone is Milestone.RENEWED


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        # the season's broadcast announced is no renewal
        ("ZDFneo hat die Ausstrahlung der zweiten Staffel von Harbor Lights angekündigt", None),
        # other news about a declined season reads as before
        (
            "XO, Kitty: Netflix veröffentlicht den Trailer zur vierten Staffel",
            Milestone.TRAILER,
        ),
        (
            "XO, Kitty: Netflix hat den Starttermin der vierten Staffel bekannt gegeben",
            Milestone.RELEASE_DATE_ANNOUNCED,
        ),
        (
            "XO, Kitty: Die Dreharbeiten zur vierten Staffel sind abgeschlossen",
            Milestone.FILMING_WRAPPED,
        ),
    ],
)
def test_de_declined_ordinals_in_other_news(title: str, milestone: Milestone | None) -> None:
    assert classify(title, "", TOLD, INDEX).milestone is milestone


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        # abbreviated ordinals: fr "2e", "3ème", es "2da", "3ra", "4ta"
        ("XO, Kitty : la 4e saison est confirmée", Milestone.RENEWED),
        ("Netflix confirme une 4ème saison pour XO, Kitty", Milestone.RENEWED),
        ("XO, Kitty tendrá 4ta temporada", Milestone.RENEWED),
        ("Netflix confirma la 3ra temporada de Harbor Lights", Milestone.RENEWED),
        # the sixth season and later: es/pt/it/de
        ("Netflix confirma la séptima temporada de Harbor Lights", Milestone.RENEWED),
        ("Harbor Lights ganha sétima temporada", Milestone.RENEWED),
        ("Harbor Lights avrà una settima stagione", Milestone.RENEWED),
        ("Harbor Lights bekommt eine siebte Staffel", Milestone.RENEWED),
        # a season already known: its trailer, not a renewal
        ("Harbor Lights: trailer da sétima temporada", Milestone.TRAILER),
    ],
)
def test_abbreviated_and_later_ordinals_are_seasons(title: str, milestone: Milestone) -> None:
    assert classify(title, "", TOLD, INDEX).milestone is milestone


@pytest.mark.parametrize(
    "title",
    [
        "¿XO, Kitty tendrá 4ta temporada?",
        "XO, Kitty : une 4e saison est-elle prévue ?",
        "Harbor Lights avrà una settima stagione? Ecco cosa sappiamo",
    ],
)
def test_questions_about_later_seasons_are_no_renewal(title: str) -> None:
    assert classify(title, "", TOLD, INDEX).milestone is not Milestone.RENEWED


@pytest.mark.parametrize(
    "title",
    [
        # a season out today: it "arriva oggi", "arrivano oggi", fr "arrive aujourd'hui"
        "La quarta stagione di XO, Kitty arriva oggi su Netflix",
        "La saison 4 de XO, Kitty arrive aujourd'hui sur Netflix",
        "Gli episodi della quarta stagione di XO, Kitty arrivano oggi su Netflix",
    ],
)
def test_a_season_out_today_is_released(title: str) -> None:
    assert classify(title, "", TOLD, INDEX).milestone is Milestone.RELEASED


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        # a guide of the day's titles, a question, a review: no release
        ("Cosa arriva oggi su Netflix: XO, Kitty 4 e altre serie", None),
        ("Tout ce qui arrive aujourd'hui sur Netflix : XO, Kitty saison 4", None),
        ("XO, Kitty 4 arriva oggi? Ecco l'orario", None),
        ("XO, Kitty 4 arriva oggi su Netflix: la recensione", None),
        # the trailer out today is the trailer's news
        ("XO, Kitty 4: il trailer arriva oggi", Milestone.TRAILER),
    ],
)
def test_close_wordings_of_today_are_no_release(title: str, milestone: Milestone | None) -> None:
    assert classify(title, "", TOLD, INDEX).milestone is milestone
