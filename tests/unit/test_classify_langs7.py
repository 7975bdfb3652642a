"""The twenty-fifth session's network's own word in other languages: "Netflix verlängert",
"renueva", "rinnova", "renouvelle", "renova" (and its confirmations, cancellations,
announcements, the passive "confirmada por Netflix", the official word, the makers' word)
are confirmed as "Netflix renews" is; a season's date told without its kind ("confirma la
fecha de … temporada 3") is a release date; de "erscheint nicht vor dem 5. Juni" is a delay
as "nicht vor Juni" is. Each case that must change was seen failing without its fix; the
close ones beside them (hearsay, hedges, the network's insiders) must stay as they were."""

from __future__ import annotations

import pytest

from bot.news.classify import classify
from bot.news.models import Certainty, Milestone, Signal
from tests.headlines import INDEX, TOLD  # TOLD: Nov 20, 2026

M = Milestone


def _signal(title: str, summary: str = "") -> Signal:
    return classify(title, summary, TOLD, INDEX)


def _read(title: str) -> tuple[Milestone | None, Certainty | None, int | None]:
    signal = _signal(title)
    return signal.milestone, signal.certainty, signal.season


@pytest.mark.parametrize(
    ("title", "milestone", "season"),
    [
        # the network's verb, present
        ("Netflix verlängert XO, Kitty um eine dritte Staffel", M.RENEWED, 3),
        ("Netflix renueva XO, Kitty por una tercera temporada", M.RENEWED, 3),
        ("Netflix rinnova XO, Kitty per una terza stagione", M.RENEWED, 3),
        ("Netflix renouvelle XO, Kitty pour une saison 3", M.RENEWED, 3),
        ("Netflix renova XO, Kitty para a 3ª temporada", M.RENEWED, 3),
        ("Netflix cancela XO, Kitty", M.CANCELLED, None),
        ("Netflix annule XO, Kitty", M.CANCELLED, None),
        ("Netflix cancella XO, Kitty", M.CANCELLED, None),
        ("Netflix bestätigt: XO, Kitty Staffel 3 kommt am 5. Juni", M.RELEASE_DATE_ANNOUNCED, 3),
        (
            "Netflix bestätigt: Dreharbeiten zu XO, Kitty Staffel 3 haben begonnen",
            M.FILMING_STARTED,
            3,
        ),
        (
            "Netflix confirma: XO, Kitty temporada 3 llega el 5 de junio",
            M.RELEASE_DATE_ANNOUNCED,
            3,
        ),
        ("Netflix conferma: XO, Kitty stagione 3 arriva il 5 giugno", M.RELEASE_DATE_ANNOUNCED, 3),
        ("Netflix confirme : XO, Kitty saison 3 arrive le 5 juin", M.RELEASE_DATE_ANNOUNCED, 3),
        (
            "Netflix confirma: XO, Kitty temporada 3 chega em 5 de junho",
            M.RELEASE_DATE_ANNOUNCED,
            3,
        ),
        ("Netflix nennt den Starttermin von XO, Kitty Staffel 3", M.RELEASE_DATE_ANNOUNCED, 3),
        ("XO, Kitty: Netflix verlängert um Staffel 3", M.RENEWED, 3),
        # past and perfect
        ("Netflix renovó XO, Kitty por una tercera temporada", M.RENEWED, 3),
        ("Netflix renovou XO, Kitty para a 3ª temporada", M.RENEWED, 3),
        ("Netflix ha rinnovato XO, Kitty per una terza stagione", M.RENEWED, 3),
        ("Netflix a renouvelé XO, Kitty pour une saison 3", M.RENEWED, 3),
        ("Netflix ha cancelado XO, Kitty", M.CANCELLED, None),
        # de, the verb's other half or its participle after the object
        ("Netflix setzt XO, Kitty ab", M.CANCELLED, None),
        ("Netflix hat XO, Kitty abgesetzt", M.CANCELLED, None),
        ("Netflix hat XO, Kitty um eine dritte Staffel verlängert", M.RENEWED, 3),
        # the network as the agent
        ("XO, Kitty temporada 3 confirmada por Netflix", M.RENEWED, 3),
        ("XO, Kitty stagione 3 confermata da Netflix", M.RENEWED, 3),
        ("XO, Kitty saison 3 confirmée par Netflix", M.RENEWED, 3),
        ("XO, Kitty renovada pela Netflix para a 3ª temporada", M.RENEWED, 3),
        # "officially", the official word
        ("XO, Kitty renovada oficialmente por una tercera temporada", M.RENEWED, 3),
        ("XO, Kitty ufficialmente rinnovata per una terza stagione", M.RENEWED, 3),
        ("Es oficial: Netflix renueva XO, Kitty", M.RENEWED, None),
        ("È ufficiale: XO, Kitty rinnovata per una terza stagione", M.RENEWED, 3),
        ("C'est officiel : XO, Kitty renouvelée pour une saison 3", M.RENEWED, 3),
        ("É oficial: XO, Kitty renovada para a 3ª temporada", M.RENEWED, 3),
    ],
)
def test_the_networks_own_word_is_confirmed(
    title: str, milestone: Milestone, season: int | None
) -> None:
    assert _read(title) == (milestone, Certainty.CONFIRMED, season)


@pytest.mark.parametrize(
    "title",
    [
        # the same words in English, confirmed before (the counterparts above follow them)
        "Netflix renews XO, Kitty for season 3",
        "Netflix confirms XO, Kitty season 3 filming has begun",
        "XO, Kitty officially renewed for season 3",
        "XO, Kitty offiziell verlängert",
    ],
)
def test_english_and_offiziell_stay_confirmed(title: str) -> None:
    assert _read(title)[1] is Certainty.CONFIRMED


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            "Dreharbeiten zu XO, Kitty Staffel 3 haben begonnen",
            "Showrunnerin Jenny Han bestätigt den Drehstart auf Instagram.",
        ),
        ("La creadora de XO, Kitty confirma que el rodaje de la temporada 3 ha comenzado", ""),
        ("Il creatore di XO, Kitty conferma: iniziate le riprese della stagione 3", ""),
    ],
)
def test_the_makers_word_is_confirmed(title: str, summary: str) -> None:
    signal = _signal(title, summary)
    assert (signal.milestone, signal.certainty) == (M.FILMING_STARTED, Certainty.CONFIRMED)


@pytest.mark.parametrize(
    ("title", "certainty"),
    [
        # hearsay stays a rumour ("angeblich", "Gerüchten zufolge")
        ("Netflix verlängert XO, Kitty angeblich um eine dritte Staffel", Certainty.RUMORED),
        ("Netflix reportedly renews XO, Kitty for season 3", Certainty.RUMORED),
        # a hedge after the network's verb, as en "Netflix apparently renews", is no word of it
        ("Netflix verlängert XO, Kitty wohl um eine dritte Staffel", Certainty.REPORTED),
        ("Netflix verlängert XO, Kitty offenbar um eine dritte Staffel", Certainty.REPORTED),
        ("Netflix apparently renews XO, Kitty for season 3", Certainty.REPORTED),
        # the network's conditional of hearsay is never its word
        ("Netflix soll XO, Kitty um eine dritte Staffel verlängert haben", Certainty.REPORTED),
        ("Netflix avrebbe rinnovato XO, Kitty per una terza stagione", Certainty.REPORTED),
        ("Netflix teria renovado XO, Kitty para a 3ª temporada", Certainty.REPORTED),
        ("Netflix renouvellerait XO, Kitty pour une saison 3", Certainty.REPORTED),
        # a report about the network, not its word (its insiders' hearsay, as en "according
        # to Netflix insiders" below)
        ("laut Netflix-Insidern wird XO, Kitty verlängert", Certainty.RUMORED),
        ("laut Netflix-Insidern: XO, Kitty Staffel 3 kommt", Certainty.REPORTED),
        ("XO, Kitty season 3 confirmed by Netflix sources", Certainty.REPORTED),
        ("According to Netflix insiders, XO, Kitty is renewed for season 3", Certainty.RUMORED),
        # the network's "not", as en "Netflix does not renew" (a cancellation, reported)
        ("Netflix verlängert XO, Kitty nicht", Certainty.REPORTED),
        ("Netflix does not renew XO, Kitty", Certainty.REPORTED),
        ("Netflix hat XO, Kitty noch nicht verlängert", Certainty.REPORTED),
        ("Netflix bestätigt nicht: XO, Kitty Staffel 3 kommt am 5. Juni", Certainty.REPORTED),
        # no network's word at all
        ("XO, Kitty temporada 3 llega el 5 de junio", Certainty.REPORTED),
        ("XO, Kitty Staffel 4 startet erst am 5. Juni", Certainty.REPORTED),
    ],
)
def test_hearsay_and_reports_about_the_network_stay_as_they_were(
    title: str, certainty: Certainty
) -> None:
    assert _signal(title).certainty is certainty


@pytest.mark.parametrize(
    "title",
    [
        # nothing to confirm: hearsay the event rules do not read
        "Netflix soll XO, Kitty verlängern",
        "Netflix podría renovar XO, Kitty",
        "Netflix podría renovar XO, Kitty por una tercera temporada",
        "Netflix renovaría XO, Kitty por una tercera temporada",
    ],
)
def test_hearsay_of_a_renewal_stays_unread(title: str) -> None:
    assert _signal(title).milestone is None


def test_a_denial_of_the_official_word_is_no_confirmation() -> None:
    summary = "Netflix no ha confirmado oficialmente la tercera temporada."
    signal = _signal("XO, Kitty tendrá una tercera temporada", summary)
    assert signal.certainty is not Certainty.CONFIRMED


@pytest.mark.parametrize(
    "title",
    [
        "Netflix confirma la fecha de XO, Kitty temporada 3: 5 de junio",
        "Netflix confirma la fecha de XO, Kitty temporada 3",
        "Netflix annonce la date de la saison 3 de XO, Kitty : le 5 juin",
        "Netflix svela la data di XO, Kitty stagione 3: 5 giugno",
        "Netflix revela a data de XO, Kitty temporada 3: 5 de junho",
        "Netflix fija la fecha de XO, Kitty temporada 3",
    ],
)
def test_a_seasons_date_told_without_its_kind_is_a_release_date(title: str) -> None:
    assert _read(title) == (M.RELEASE_DATE_ANNOUNCED, Certainty.CONFIRMED, 3)


@pytest.mark.parametrize(
    "title",
    [
        # a shoot's date is no premiere's, nor a finale's
        "Netflix annonce la date de tournage de la saison 3 de XO, Kitty",
        "Netflix svela la data delle riprese di XO, Kitty stagione 3",
        "Netflix confirma la fecha del final de XO, Kitty",
    ],
)
def test_a_shoots_or_finales_date_is_no_release_date(title: str) -> None:
    assert _signal(title).milestone is not M.RELEASE_DATE_ANNOUNCED


@pytest.mark.parametrize(
    "title",
    [
        # "not before June 5", as en "won't premiere before June 5" and "nicht vor Juni"
        "XO, Kitty Staffel 4 erscheint nicht vor dem 5. Juni",
        "XO, Kitty Staffel 4 startet nicht vor dem 5. Juni",
        "XO, Kitty Staffel 4 kommt nicht vor dem 5. Juni",
    ],
)
def test_not_before_a_day_is_a_delay(title: str) -> None:
    assert _read(title) == (M.DELAYED, Certainty.REPORTED, 4)


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        ("XO, Kitty season 4 won't premiere before June 5", M.DELAYED),
        ("XO, Kitty season 4 won't premiere until June 5", M.DELAYED),
        ("XO, Kitty Staffel 4 erscheint nicht vor Juni", M.DELAYED),
        ("XO, Kitty saison 4 n'arrive pas avant le 5 juin", M.DELAYED),
        # the day announced, "erst" only the wait (twenty-fourth session)
        ("XO, Kitty Staffel 4 startet erst am 5. Juni", M.RELEASE_DATE_ANNOUNCED),
        ("XO, Kitty Staffel 4 erscheint erst am 5. Juni", M.RELEASE_DATE_ANNOUNCED),
        # "vor dem" a thing, not a time
        ("XO, Kitty Staffel 4 kommt nicht vor dem Finale von Wednesday", None),
    ],
)
def test_close_wordings_of_a_wait_stay(title: str, milestone: Milestone | None) -> None:
    assert _signal(title).milestone is milestone
