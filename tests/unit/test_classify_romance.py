"""Spanish, Portuguese, French and Italian news told as a lead or a plain headline: a season
that arrives with its network, a shoot that ends, a return for a new season, a newcomer to
the cast; and the guides, reviews and questions that look like them."""

from __future__ import annotations

import pytest

from bot.news.classify import classify
from bot.news.models import Milestone
from tests.headlines import INDEX, TOLD


def test_a_topic_list_frames_the_summary_as_a_guide() -> None:
    # "data di uscita, trama, cast": a guide's headline, whatever its summary tells
    told = "Netflix ha rinnovato la serie per una terza stagione."
    verdict = classify("XO, Kitty 3: data di uscita, trama, cast", told, TOLD, INDEX)
    assert verdict.milestone is None, verdict.rule


# What each milestone's wording reads as, by milestone.
READ: dict[Milestone, tuple[str, ...]] = {
    # a season that arrives, in the present and with no date
    Milestone.RELEASED: (
        "XO, Kitty llega a Netflix con su tercera temporada",
        "XO, Kitty aterriza en Netflix con su tercera temporada",
        "Netflix estrena la temporada 3 de XO, Kitty",
        "XO, Kitty estreia terceira temporada na Netflix nesta sexta (21)",
        "XO, Kitty chega à Netflix com sua terceira temporada",
        "XO, Kitty débarque sur Netflix avec sa saison 3",
        "XO, Kitty torna su Netflix con la terza stagione",
        # out now, the network named
        "XO, Kitty: la temporada 3 ya se puede ver en Netflix",
        "XO, Kitty: a 3ª temporada já está na Netflix",
        "XO, Kitty: 3ª temporada disponível a partir de hoje na Netflix",
    ),
    # the same with a date is the date's news
    Milestone.RELEASE_DATE_ANNOUNCED: (
        "XO, Kitty regresa a Netflix con su tercera temporada el 5 de junio",
        "XO, Kitty arriva su Netflix con la terza stagione dal 5 giugno",
        "Netflix divulga data de estreia da 3ª temporada de XO, Kitty",
        "XO, Kitty torna con la terza stagione dal 22 febbraio",
        "Globo exibe a terceira temporada de XO, Kitty na próxima terça-feira (22)",
    ),
    # the shoot over
    Milestone.FILMING_WRAPPED: (
        "Terminan las grabaciones de la tercera temporada de XO, Kitty",
        "Terminam as gravações da 3ª temporada de XO, Kitty",
        "XO, Kitty 3 ha ufficialmente concluso le riprese",
    ),
    # later than planned
    Milestone.DELAYED: (
        "XO, Kitty: la temporada 3 tardará más de lo esperado",
        "XO, Kitty : la saison 3 arrivera plus tard que prévu",
    ),
    # the writer at work
    Milestone.WRITING: (
        "XO, Kitty 3: Jenny Han sta già scrivendo",
        "XO, Kitty : Jenny Han écrit déjà la saison 3",
    ),
    # back for a new season
    Milestone.RENEWED: (
        "XO, Kitty sera bien de retour pour une saison 3",
        "XO, Kitty vai ter 3ª temporada",
    ),
    # the end announced, or no next season
    Milestone.CANCELLED: (
        "XO, Kitty tendrá una última temporada",
        "XO, Kitty avrà un'ultima stagione",
        "XO, Kitty não vai ter 3ª temporada",
    ),
    # a newcomer
    Milestone.CASTING: (
        "XO, Kitty 3: nuevo fichaje para la tercera temporada",
        "Ator é o novo reforço do elenco da 3ª temporada de XO, Kitty",
        "Mario Rossi interpretará a Luca en la tercera temporada de XO, Kitty",
        "Ator fará parte do elenco da 3ª temporada de XO, Kitty",
        "Marie Dupont incarnera Lucie dans la saison 3 de XO, Kitty",
        "XO, Kitty 3 ingaggia Mario Rossi",
        "XO, Kitty: Mario Rossi se une a la tercera temporada",
        "XO, Kitty : Marie Dupont au casting de la saison 3",
    ),
}


@pytest.mark.parametrize(
    ("title", "milestone"), [(title, m) for m, titles in READ.items() for title in titles]
)
def test_romance_news_is_read(title: str, milestone: Milestone) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is milestone, signal.rule


@pytest.mark.parametrize(
    "title",
    [
        # a finale's idiom, and a return to the set
        "XO, Kitty llega a su fin con la tercera temporada",
        "XO, Kitty regresa al rodaje con su tercera temporada",
        # a return with no network nor date says no more than a return
        "XO, Kitty vuelve con su tercera temporada",
        # guides and reviews
        "Crítica: XO, Kitty llega a Netflix con su tercera temporada",
        "Recensione: XO, Kitty torna su Netflix con la terza stagione",
        "Dove vedere XO, Kitty, che torna su Netflix con la terza stagione",
        "Onde assistir XO, Kitty, que chega à Netflix com a terceira temporada",
        "Tudo sobre a 3ª temporada de XO, Kitty",
        "XO, Kitty: o que esperar da 3ª temporada",
        "Qué ver en Netflix: cuándo se estrena la nueva temporada de XO, Kitty",
        # questions
        "XO, Kitty sera de retour pour une saison 3 ?",
        "¿Cuándo estrena Netflix la temporada 3 de XO, Kitty?",
        # the series' own step, and a question about a part
        "XO, Kitty entra en la tercera temporada con más drama",
        "¿Quién interpretará a Luca en la tercera temporada de XO, Kitty?",
        # a wait, not a go-ahead
        "XO, Kitty 3 si farà attendere",
        "XO, Kitty vai ter nova temporada?",
        # someone's own shoot, told in passing
        "Dopo aver concluso le riprese di XO, Kitty 3, Anna Cathcart parla del finale",
    ],
)
def test_romance_look_alikes_stay_other(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is None, signal.rule
