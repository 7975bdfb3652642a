"""A review of the twenty-fifth session's languages, by trying to break them.

Dutch puts its "not" after the object ("Netflix schrapt XO, Kitty niet"), Korean after the
verb ("취소 아냐") or as a prefix ("미확정"), and glues its hearsay to the word ("확정설",
talk of a renewal); German hedges between its verb's halves ("hat XO, Kitty wohl
verlängert") and names its insiders in the dative ("laut Insidern"). A past premiere is no
date told ("premiera … była w maju"), and Hangul spelt as its letters (conjoining jamo, as
macOS writes text) is the same Korean."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from bot.news.classify import classify
from bot.news.models import Certainty, Milestone, Signal
from tests.headlines import INDEX, TOLD  # TOLD: Nov 20, 2026

M = Milestone


def _signal(title: str) -> Signal:
    return classify(title, "", TOLD, INDEX)


@pytest.mark.parametrize(
    "title",
    [
        # nl: the "not" after the object denies the verb
        "Netflix schrapt XO, Kitty niet",
        "Netflix annuleert XO, Kitty niet",
        "Netflix bevestigt vierde seizoen van XO, Kitty niet",
        # de: "setzt … nicht ab" keeps the show
        "Netflix setzt XO, Kitty nicht ab",
        # ko: not confirmed, not yet confirmed, not released then, not delayed, not cancelled
        "'XO, Kitty' 시즌4 제작 확정된 것 아니다",
        "'XO, Kitty' 시즌4 제작 미확정",
        "'XO, Kitty' 시즌4 6월 5일 공개 아냐",
        "'XO, Kitty' 시즌4 공개 연기 아냐",
        "'XO, Kitty' 시즌4 제작 취소 아냐",
    ],
)
def test_a_denial_in_the_new_languages_is_no_news(title: str) -> None:
    signal = _signal(title)
    assert signal.milestone is None, signal.rule


def test_dutch_not_renewing_is_a_cancellation() -> None:
    # as de "Netflix verlängert XO, Kitty nicht": not a renewal
    signal = _signal("Netflix verlengt XO, Kitty niet")
    assert signal.milestone is M.CANCELLED, signal.rule
    assert _signal("Netflix verlengt XO, Kitty met een vierde seizoen").milestone is M.RENEWED


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        ("'XO, Kitty' 시즌4 제작 확정설", M.RENEWED),
        ("'XO, Kitty' 시즌4 제작 취소설", M.CANCELLED),
    ],
)
def test_korean_talk_of_an_event_is_a_rumour(title: str, milestone: Milestone) -> None:
    signal = _signal(title)
    assert (signal.milestone, signal.certainty) == (milestone, Certainty.RUMORED), signal.rule


@pytest.mark.parametrize(
    ("title", "certainty"),
    [
        # the insiders' word, as en "according to insiders" is
        ("Netflix hat laut Insidern XO, Kitty verlängert", Certainty.RUMORED),
        ("Laut Insidern verlängert Netflix XO, Kitty um eine vierte Staffel", Certainty.RUMORED),
        # a hedge between the verb's halves, as "verlängert XO, Kitty wohl" is
        ("Netflix hat XO, Kitty wohl verlängert", Certainty.REPORTED),
        # (the network's own word still is)
        ("Netflix hat XO, Kitty verlängert", Certainty.CONFIRMED),
    ],
)
def test_german_hearsay_is_not_the_networks_word(title: str, certainty: Certainty) -> None:
    signal = _signal(title)
    assert (signal.milestone, signal.certainty) == (M.RENEWED, certainty), signal.rule


def test_a_polish_past_premiere_is_no_date_told() -> None:
    signal = _signal("Premiera sezonu 3 XO, Kitty była w maju; sezon 4 potwierdzony")
    assert (signal.milestone, signal.season) == (M.RENEWED, 4), signal.rule


@pytest.mark.parametrize(
    ("title", "milestone", "day"),
    [
        ("XO, Kitty 시즌4 제작 확정", M.RENEWED, None),
        ("'XO, Kitty' 시즌4 6월 5일 공개", M.RELEASE_DATE_ANNOUNCED, date(2027, 6, 5)),
        ("'XO, Kitty' 시즌4 촬영 시작", M.FILMING_STARTED, None),
    ],
)
def test_korean_spelt_in_jamo_reads_as_in_syllables(
    title: str, milestone: Milestone, day: date | None
) -> None:
    decomposed = unicodedata.normalize("NFD", title)
    assert decomposed != title
    for text in (title, decomposed):
        signal = _signal(text)
        assert (signal.milestone, signal.season, signal.event_date) == (milestone, 4, day), (
            signal.rule
        )


def test_a_korean_day_with_its_year_is_read() -> None:
    # ``normalise`` writes "2027년 6월 5일" as "june 5, 2027": the rule reads the year after
    signal = _signal("'XO, Kitty' 시즌4 2027년 6월 5일 공개")
    assert (signal.milestone, signal.event_date) == (M.RELEASE_DATE_ANNOUNCED, date(2027, 6, 5))


def test_a_korean_trailers_day_is_no_premiere() -> None:
    # "6월 5일 예고편 공개": the trailer comes out on June 5, not the season
    signal = _signal("'XO, Kitty' 시즌4 6월 5일 예고편 공개")
    assert (signal.milestone, signal.event_date) == (M.TRAILER, None), signal.rule


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        # "Tak" a Korean surname before an English headline's news
        ("Tak Jaehoon says Netflix renews XO, Kitty for season 4", M.RENEWED),
        ("XO, Kitty star Tak says season 4 filming has begun", M.FILMING_STARTED),
    ],
)
def test_tak_is_no_negation_before_other_words(title: str, milestone: Milestone) -> None:
    signal = _signal(title)
    assert signal.milestone is milestone, signal.rule


@pytest.mark.parametrize(
    "title",
    ["XO, Kitty musim 4 tak tayang 5 Juni", "Syuting XO, Kitty musim 4 tak dimulai"],
)
def test_id_tak_right_before_its_verb_still_denies_it(title: str) -> None:
    assert _signal(title).milestone is None
