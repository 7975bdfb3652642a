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
