"""Dates, planned shoots, castings and wished-for renewals told in Spanish, Portuguese,
French, Italian and German wordings the rules missed or misread (twenty-third session:
other languages' dates, plans and casting). Each case that must change was seen failing
without its rule; the close ones beside them must stay as they were."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.catalog.dates import PartialDate
from bot.news.classify import ShowIndex, classify
from bot.news.models import Certainty, Milestone

INDEX = ShowIndex.from_aliases(
    {"xo-kitty": ["XO, Kitty"], "harbor-lights": ["Harbor Lights"], "the-bear": ["The Bear"]}
)
TOLD = datetime(2026, 5, 20, tzinfo=UTC)


@pytest.mark.parametrize(
    "title",
    [
        # de: the season "ab" its day, no verb, as fan sites and guides head it
        "Harbor Lights: zweite Staffel ab 5. Juni bei Netflix",
        "XO, Kitty: Staffel 2 ab 5. Juni",
        "XO, Kitty Staffel 2: ab 5. Juni auf Netflix",
        # it "a partire dal"
        "XO, Kitty, la seconda stagione a partire dal 5 giugno su Netflix",
    ],
)
def test_a_season_from_its_day_is_its_date(title: str) -> None:
    sig = classify(title, "", TOLD, INDEX)
    assert sig.milestone is Milestone.RELEASE_DATE_ANNOUNCED
    assert sig.season == 2
    assert sig.event_date == date(2026, 6, 5)


@pytest.mark.parametrize(
    ("told", "expected"),
    [
        # a day past at publication is no date announced; the day itself is the release
        (datetime(2026, 6, 10, tzinfo=UTC), None),
        (datetime(2026, 6, 5, tzinfo=UTC), Milestone.RELEASED),
    ],
)
def test_a_season_from_a_day_past_is_no_date(told: datetime, expected: Milestone | None) -> None:
    sig = classify("Harbor Lights: zweite Staffel ab 5. Juni bei Netflix", "", told, INDEX)
    assert sig.milestone is expected


@pytest.mark.parametrize(
    "title",
    [
        # "ab" before no day: an age rating, "from now on"
        "XO, Kitty: Staffel 2 ab 18 Jahren freigegeben",
        "XO, Kitty: Staffel 2 ab sofort bei Netflix",
    ],
)
def test_ab_before_no_day_is_no_date(title: str) -> None:
    assert classify(title, "", TOLD, INDEX).milestone is not Milestone.RELEASE_DATE_ANNOUNCED


SPRING = datetime(2026, 3, 20, tzinfo=UTC)


@pytest.mark.parametrize(
    "title",
    [
        # a present-tense shoot with a time ahead is a plan, as "filming begins in June" is
        "Die Dreharbeiten zur dritten Staffel von XO, Kitty beginnen im Mai",
        "XO, Kitty: Dreharbeiten zu Staffel 3 starten im Juni",
        "Die Dreharbeiten zur dritten Staffel von Harbor Lights beginnen nächsten Monat",
        "Die Dreharbeiten zur dritten Staffel von Harbor Lights beginnen im Sommer",
        "XO, Kitty: le tournage de la saison 3 commence en juin",
        "XO, Kitty: le riprese della terza stagione iniziano a giugno",
        "XO, Kitty: le riprese della terza stagione partono a giugno",
    ],
)
def test_a_shoot_ahead_in_the_present_is_planned(title: str) -> None:
    sig = classify(title, "", SPRING, INDEX)
    assert sig.milestone is Milestone.FILMING_STARTED
    assert sig.certainty is Certainty.RUMORED


@pytest.mark.parametrize(
    "title",
    [
        # begun: no time, today, the perfect, or a month already past at publication
        "XO, Kitty: Dreharbeiten zu Staffel 3 beginnen",
        "XO, Kitty: Dreharbeiten zur dritten Staffel beginnen heute",
        "XO, Kitty: Die Dreharbeiten zur dritten Staffel haben begonnen",
        "XO, Kitty: Dreharbeiten zur dritten Staffel beginnen im März",
    ],
)
def test_a_shoot_begun_stays_begun(title: str) -> None:
    sig = classify(title, "", SPRING, INDEX)
    assert sig.milestone is Milestone.FILMING_STARTED
    assert sig.certainty is not Certainty.RUMORED


def test_an_english_article_before_a_month_is_no_plan() -> None:
    # "with a January 2027 premiere" dates the premiere, not the shoot ("a" is Italian's "in"
    # only before an Italian month)
    sig = classify(
        "Harbor Lights season 2 begins production",
        "HBO says production is underway, with a January 2027 premiere.",
        SPRING,
        INDEX,
    )
    assert sig.milestone is Milestone.FILMING_STARTED
    assert sig.certainty is not Certainty.RUMORED


@pytest.mark.parametrize(
    "title",
    [
        # a player told as one of a season's cast, the newcomers named as a set
        "XO, Kitty: voici les acteurs sélectionnés pour la saison 2",
        "Minyeong Choi ist neu in Staffel 2 von XO, Kitty",
        "XO, Kitty Staffel 2: Minyeong Choi ist neu dabei",
        "Zweite Staffel: Das sind die Neuen bei XO, Kitty",
        "Minyeong Choi ist in der zweiten Staffel von XO, Kitty zu sehen",
        "Minyeong Choi está no elenco da 2ª temporada de XO, Kitty",
        "Minyeong Choi, nova no elenco de XO, Kitty",
        "Minyeong Choi participará en la segunda temporada de XO, Kitty",
        "Minyeong Choi farà parte del cast della seconda stagione di XO, Kitty",
        "Minyeong Choi sarà nella seconda stagione di XO, Kitty",
        "Minyeong Choi fera partie de la saison 2 de XO, Kitty",
    ],
)
def test_a_player_in_a_seasons_cast_is_casting(title: str) -> None:
    assert classify(title, "", TOLD, INDEX).milestone is Milestone.CASTING


@pytest.mark.parametrize(
    "title",
    [
        # asked, or what is new in a season that is no player
        "XO, Kitty: quem está no elenco da segunda temporada",
        "Quem está no elenco da 2ª temporada de XO, Kitty?",
        "Was ist neu in Staffel 2 von XO, Kitty?",
        "XO, Kitty Staffel 2: Das ist neu",
        # a season's day, "zu sehen" without a player
        "XO, Kitty: Staffel 2 ist ab dem 5. Juni bei Netflix zu sehen",
    ],
)
def test_close_wordings_are_no_casting(title: str) -> None:
    assert classify(title, "", TOLD, INDEX).milestone is not Milestone.CASTING


@pytest.mark.parametrize(
    "title",
    [
        # fans waiting or hoping for a season's green light: a wish, no renewal
        "Die Fans warten auf grünes Licht für eine vierte Staffel von XO, Kitty",
        "Fans hoffen auf grünes Licht für eine dritte Staffel von Harbor Lights",
        "XO, Kitty: los fans esperan luz verde para una tercera temporada",
        "XO, Kitty: os fãs esperam sinal verde para a terceira temporada",
        "XO, Kitty: les fans attendent le feu vert pour une saison 3",
        "XO, Kitty: i fan aspettano il via libera per la terza stagione",
    ],
)
def test_a_wait_for_the_green_light_is_no_renewal(title: str) -> None:
    assert classify(title, "", TOLD, INDEX).milestone is not Milestone.RENEWED


@pytest.mark.parametrize(
    "title",
    [
        # the wait's end, a noun, is the renewal itself; the green light given stays one
        "Das Warten hat ein Ende: Netflix gibt grünes Licht für eine dritte Staffel von XO, Kitty",
        "La espera terminó: luz verde para la tercera temporada de XO, Kitty",
        "A espera acabou: XO, Kitty renovada para a 3ª temporada",
        "XO, Kitty: Netflix gibt grünes Licht für eine vierte Staffel",
    ],
)
def test_a_green_light_given_stays_a_renewal(title: str) -> None:
    assert classify(title, "", TOLD, INDEX).milestone is Milestone.RENEWED


@pytest.mark.parametrize(
    "title",
    [
        # a list of the shows "with" a season confirmed, the season an ordinal
        "Todas las series con 3ra temporada confirmada",
        "Todas las series con segunda temporada confirmada: XO, Kitty, Wednesday y más",
        "Las series de Netflix con tercera temporada confirmada",
        "Séries com 2ª temporada confirmada na Netflix",
        "Le serie con seconda stagione confermata",
        "Toutes les séries avec une saison 2 confirmée",
    ],
)
def test_a_list_of_shows_with_a_season_confirmed_is_no_renewal(title: str) -> None:
    assert classify(title, "", TOLD, INDEX).milestone is not Milestone.RENEWED


@pytest.mark.parametrize(
    "title",
    [
        # one show's season confirmed stays a renewal
        "XO, Kitty: segunda temporada confirmada",
        "XO, Kitty tiene segunda temporada confirmada",
        "XO, Kitty: saison 2 confirmée",
    ],
)
def test_one_shows_season_confirmed_stays_a_renewal(title: str) -> None:
    assert classify(title, "", TOLD, INDEX).milestone is Milestone.RENEWED


@pytest.mark.parametrize(
    "title",
    [
        # a month with no day: the month the season comes, in each language
        "XO, Kitty: la saison 2 arrivera en juin",
        "XO, Kitty: Staffel 2 kommt im Juni",
        "XO, Kitty: zweite Staffel erscheint im Juni",
        "XO, Kitty: zweite Staffel läuft ab Juni",
        "XO, Kitty, la seconda stagione uscirà a giugno",
        "XO, Kitty, la seconda stagione debutterà a giugno",
        # (these were read before; kept beside them so every language is checked)
        "XO, Kitty: la segunda temporada llegará en junio",
        "XO, Kitty: a segunda temporada estreia em junho",
        "XO, Kitty: Staffel 2 startet im Juni",
    ],
)
def test_a_season_in_a_month_gives_the_month(title: str) -> None:
    sig = classify(title, "", TOLD, INDEX)
    assert sig.milestone is Milestone.RELEASE_DATE_ANNOUNCED
    assert sig.event_date is None
    assert sig.period == PartialDate(2026, 6)


def test_a_month_past_at_publication_is_next_years() -> None:
    sig = classify(
        "XO, Kitty: Staffel 2 kommt im Juni", "", datetime(2026, 7, 10, tzinfo=UTC), INDEX
    )
    assert sig.period == PartialDate(2027, 6)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # a season announced to come on a day or in a month: its date, not a renewal
        (
            "Lee anunció que la segunda temporada de XO, Kitty se estrenará en diciembre",
            PartialDate(2026, 12),
        ),
        ("Netflix anuncia que la segunda temporada de XO, Kitty llega el 5 de junio", None),
    ],
)
def test_a_season_announced_with_its_release_is_its_date(
    title: str, expected: PartialDate | None
) -> None:
    sig = classify(title, "", TOLD, INDEX)
    assert sig.milestone is Milestone.RELEASE_DATE_ANNOUNCED
    assert sig.period == expected
    assert expected is not None or sig.event_date == date(2026, 6, 5)


@pytest.mark.parametrize(
    "title",
    [
        "Netflix anuncia segunda temporada de XO, Kitty",
        "Netflix annonce une saison 2 pour XO, Kitty",
    ],
)
def test_a_season_announced_alone_stays_a_renewal(title: str) -> None:
    assert classify(title, "", TOLD, INDEX).milestone is Milestone.RENEWED


@pytest.mark.parametrize(
    "title",
    [
        # es, the singular before a time: a shoot planned
        "XO, Kitty: el rodaje de la tercera temporada comienza en junio",
        "XO, Kitty: el rodaje de la tercera temporada empieza en 2027",
        "Harbor Lights: la grabación de la segunda temporada arranca en verano",
    ],
)
def test_a_spanish_shoot_beginning_in_a_month_is_planned(title: str) -> None:
    sig = classify(title, "", SPRING, INDEX)
    assert sig.milestone is Milestone.FILMING_STARTED
    assert sig.certainty is Certainty.RUMORED


def test_a_spanish_shoot_beginning_in_a_place_is_no_plan() -> None:
    sig = classify(
        "XO, Kitty: el rodaje de la tercera temporada comienza en Madrid", "", SPRING, INDEX
    )
    assert sig.certainty is not Certainty.RUMORED


@pytest.mark.parametrize(
    "title",
    [
        # fr/it: the show back on a day, its season after
        "XO, Kitty revient le 5 juin avec sa saison 2",
        "XO, Kitty ritorna il 5 giugno con la seconda stagione",
    ],
)
def test_a_show_back_on_a_day_is_its_date(title: str) -> None:
    sig = classify(title, "", TOLD, INDEX)
    assert sig.milestone is Milestone.RELEASE_DATE_ANNOUNCED
    assert sig.event_date == date(2026, 6, 5)


def test_a_show_back_on_a_day_past_is_no_date() -> None:
    told = datetime(2026, 6, 10, tzinfo=UTC)
    sig = classify("XO, Kitty revient le 5 juin avec sa saison 2", "", told, INDEX)
    assert sig.milestone is None


@pytest.mark.parametrize(
    "title",
    [
        # the show's name with its season's number, "from" a day (a real Italian headline's form)
        "Harbor Lights 2 dal 5 giugno",
        "XO, Kitty 2 ab 5. Juni bei Netflix",
    ],
)
def test_a_shows_number_from_a_day_is_its_date(title: str) -> None:
    sig = classify(title, "", TOLD, INDEX)
    assert sig.milestone is Milestone.RELEASE_DATE_ANNOUNCED
    assert (sig.season, sig.event_date) == (2, date(2026, 6, 5))


@pytest.mark.parametrize(
    "title",
    [
        "XO, Kitty: episodio 5 dal 3 giugno",
        "XO, Kitty: Folge 5 ab 3. Juni",
        "XO, Kitty parte 2 dal 3 giugno",
    ],
)
def test_an_episode_or_a_part_from_a_day_is_no_date(title: str) -> None:
    assert classify(title, "", TOLD, INDEX).milestone is not Milestone.RELEASE_DATE_ANNOUNCED


@pytest.mark.parametrize(
    "title",
    [
        # a perfect is a shoot begun, whatever month follows it
        "Le tournage de la saison 3 de XO, Kitty a repris en juin",
        "Die Dreharbeiten zur dritten Staffel von XO, Kitty haben im Juni begonnen",
    ],
)
def test_a_shoot_begun_in_the_perfect_is_no_plan(title: str) -> None:
    sig = classify(title, "", SPRING, INDEX)
    assert sig.milestone is Milestone.FILMING_STARTED
    assert sig.certainty is not Certainty.RUMORED
