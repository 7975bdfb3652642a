"""Wordings in Spanish, Portuguese, French, Italian and German the rules did not read
(twenty-second session: other languages again). Each case was seen failing without its rule."""

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
        # new players counted, or named for a season
        "The Bear saison 3 : 4 nouveaux personnages au programme",
        "The Bear: 6 nuevos personajes para la tercera temporada",
        "The Bear Staffel 3: Das sind die neuen Darsteller",
        "Netflix stellt neue Besetzungen für die dritte Staffel von The Bear vor",
        "XO, Kitty: novos personagens na terceira temporada",
        # fr the plural and the short noun: "rejoignent le cast"
        "The Bear saison 3 : deux actrices rejoignent le cast",
        # de "verstärken den Cast"
        "The Bear: zwei Hollywood-Stars verstärken den Cast",
        # pt the present's confirmation, the reflexive after the verb
        "The Bear: atriz brasileira é confirmada na terceira temporada",
        "Uma estrela de novela vai juntar-se ao elenco de The Bear",
        # es the cast presented with a possessive
        "The Bear presentó a su nuevo elenco para la tercera temporada",
    ],
)
def test_new_cast_members_are_casting(title: str) -> None:
    assert classify(title, "", TOLD, INDEX).milestone is Milestone.CASTING


@pytest.mark.parametrize(
    "title",
    [
        # a review's new characters, with no count and no season after a preposition
        "XO, Kitty: as novas personagens são o ponto fraco da temporada",
        "The Bear saison 3, critique : les nouveaux personnages déçoivent",
        "The Bear: i nuovi personaggi spiegati",
        # a confirmation that is no cast's
        "The Bear é confirmada na Netflix Brasil",
        # the catalogue joined, not a cast
        "The Bear rejoint le catalogue de Disney+",
    ],
)
def test_new_characters_in_passing_are_no_casting(title: str) -> None:
    assert classify(title, "", TOLD, INDEX).milestone is not Milestone.CASTING
