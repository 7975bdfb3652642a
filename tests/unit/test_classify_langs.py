"""Wordings in Spanish, Portuguese, French, Italian and German the rules did not read
(twenty-first session: other languages). Each case was seen failing without its rule."""

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
        # a show ending after a count of seasons, the show between the verb and the count
        "The Bear endet nach drei Staffeln",
        "The Bear chega ao fim após três temporadas",
        "The Bear llega a su fin tras tres temporadas",
        "The Bear s'arrête après trois saisons",
        "Netflix chiude The Bear dopo tre stagioni",
        "FX chiude The Bear dopo quattro stagioni: è ufficiale",
        # the present tense's decision not to renew
        "Netflix decide di non rinnovare The Bear",
    ],
)
def test_an_ending_after_seasons_is_a_cancellation(title: str) -> None:
    assert classify(title, "", TOLD, INDEX).milestone is Milestone.CANCELLED


@pytest.mark.parametrize(
    "title",
    [
        # a season's or an episode's ending is no cancellation (seasons in the plural only)
        "The Bear: la terza stagione si conclude dopo otto episodi",
        "La saison 3 de The Bear se termine après huit épisodes",
        "The Bear endet mit einem Cliffhanger",
        # a question, a decision still to come
        "The Bear endet nach drei Staffeln?",
        "FX deciderà se rinnovare The Bear",
    ],
)
def test_a_season_or_episode_ending_is_no_cancellation(title: str) -> None:
    assert classify(title, "", TOLD, INDEX).milestone is not Milestone.CANCELLED


@pytest.mark.parametrize(
    "title",
    [
        # the participle before the date's noun
        "The Bear 4: svelata la data di uscita",
        "The Bear, annunciata la data di debutto della quarta stagione",
        "The Bear temporada 4: desvelada la fecha de estreno",
    ],
)
def test_a_date_revealed_told_participle_first_is_a_release_date(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is Milestone.RELEASE_DATE_ANNOUNCED, signal.rule


@pytest.mark.parametrize(
    "title",
    [
        # a question, or the date still to come
        "The Bear 4: svelata la data di uscita?",
        "The Bear 4: quando sarà svelata la data di uscita?",
        "The Bear saison 4 : la date de sortie n'a pas encore été dévoilée",
    ],
)
def test_a_date_not_yet_revealed_is_no_release_date(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is not Milestone.RELEASE_DATE_ANNOUNCED, signal.rule


@pytest.mark.parametrize(
    "title",
    [
        # "announces" with the cast between it and the season: the cast's news, not an order
        "Disney+ anunciou o elenco da quarta temporada de The Bear",
        "The Bear anuncia los fichajes de la cuarta temporada",
        "The Bear annuncia 7 aggiunte al cast della quarta stagione",
        "The Bear annuncia il cast della quarta stagione",
        "Disney+ annonce le casting de la saison 4 de The Bear",
        "Disney+ svela il nuovo cast della quarta stagione di The Bear",
    ],
)
def test_a_cast_announced_for_a_season_is_casting(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.milestone, signal.season) == (Milestone.CASTING, 4), signal.rule


@pytest.mark.parametrize(
    "title",
    [
        # the season announced, with no cast between, stays an order
        "Disney+ anuncia la cuarta temporada de The Bear",
        "Disney+ annuncia la quarta stagione di The Bear",
        "Il cast di The Bear annuncia la quarta stagione",
    ],
)
def test_a_season_announced_without_the_cast_between_stays_a_renewal(title: str) -> None:
    assert classify(title, "", TOLD, INDEX).milestone is Milestone.RENEWED


@pytest.mark.parametrize(
    "title",
    [
        # German puts the negation last: no renewal is a cancellation
        "Netflix verlängert The Bear nicht",
        "Netflix verlängert XO, Kitty nicht",
        "Netflix verlängert XO, Kitty nicht mehr",
        # "setzt … ab" around a name with a comma in it
        "Netflix setzt XO, Kitty ab",
    ],
)
def test_a_german_renewal_negated_last_or_a_name_with_a_comma_is_a_cancellation(
    title: str,
) -> None:
    assert classify(title, "", TOLD, INDEX).milestone is Milestone.CANCELLED


@pytest.mark.parametrize(
    "title",
    [
        "Netflix verlängert XO, Kitty um eine 4. Staffel",
        # "nicht nur": not only renewed
        "Netflix verlängert XO, Kitty nicht nur um eine 4. Staffel",
    ],
)
def test_a_german_renewal_not_negated_stays_a_renewal(title: str) -> None:
    assert classify(title, "", TOLD, INDEX).milestone is Milestone.RENEWED
