"""Season news in Dutch, Polish, Indonesian and Korean (twenty-fifth session).

Dutch and Polish were read in part; Indonesian and Korean hardly at all. Each language must
read its renewals, cancellations, release dates with a day or a month, releases, shoots
begun and wrapped, trailers and delays, and keep its reviews, recaps and explainers, another
title's season, a rumour and a question out. The gated path (the rule tables as ``classify``
runs them) must admit every new pattern wherever the pattern itself matches: Korean glues
particles and numbers to its words ("시즌3", "제작을"), which the gate reads by their first
two syllables."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest

from bot.catalog.dates import PartialDate
from bot.news.classify import ShowIndex, classify
from bot.news.classify_lang import LANG_RULES
from bot.news.classify_parse import normalise
from bot.news.models import Certainty, Milestone
from tests.unit.classify_lang_checks import assert_all_gated, assert_gate_admits, assert_seasons

M = Milestone
INDEX = ShowIndex.from_aliases(
    {
        "xo-kitty": ["XO, Kitty", "XO, 키티"],
        "harbor-lights": ["Harbor Lights"],
        "squid-game": ["오징어 게임"],
    }
)
TOLD = datetime(2026, 5, 20, tzinfo=UTC)
JUNE_5 = date(2026, 6, 5)
JUNE = PartialDate(2026, 6)

# (headline, milestone, event day or month or None)
EVENTS: list[tuple[str, Milestone, date | PartialDate | None]] = [
    # nl
    ("XO, Kitty seizoen 3 bevestigd", M.RENEWED, None),
    ("Netflix bevestigt derde seizoen van XO, Kitty", M.RENEWED, None),
    ("Netflix verlengt XO, Kitty met een derde seizoen", M.RENEWED, None),
    ("Netflix schrapt XO, Kitty", M.CANCELLED, None),
    ("Netflix annuleert XO, Kitty na drie seizoenen", M.CANCELLED, None),
    ("XO, Kitty seizoen 3 verschijnt op 5 juni op Netflix", M.RELEASE_DATE_ANNOUNCED, JUNE_5),
    ("XO, Kitty seizoen 3 verschijnt in juni", M.RELEASE_DATE_ANNOUNCED, JUNE),
    ("XO, Kitty seizoen 3 staat vanaf vandaag op Netflix", M.RELEASED, None),
    ("Opnames voor seizoen 3 van XO, Kitty zijn begonnen", M.FILMING_STARTED, None),
    ("De opnames van seizoen 3 van XO, Kitty zijn afgerond", M.FILMING_WRAPPED, None),
    ("Trailer XO, Kitty seizoen 3 onthuld", M.TRAILER, None),
    ("XO, Kitty seizoen 3 uitgesteld naar 2027", M.DELAYED, None),
    # pl
    ("XO, Kitty: 3. sezon potwierdzony", M.RENEWED, None),
    ("Netflix zamówił 3. sezon XO, Kitty", M.RENEWED, None),
    ("Netflix anulował XO, Kitty", M.CANCELLED, None),
    ("XO, Kitty sezon 3 – data premiery 5 czerwca", M.RELEASE_DATE_ANNOUNCED, JUNE_5),
    ("XO, Kitty sezon 3 zadebiutuje 5 czerwca", M.RELEASE_DATE_ANNOUNCED, JUNE_5),
    ("XO, Kitty sezon 3 – premiera w czerwcu", M.RELEASE_DATE_ANNOUNCED, JUNE),
    ("XO, Kitty sezon 3 już dostępny na Netflix", M.RELEASED, None),
    ("Zdjęcia do 3. sezonu XO, Kitty ruszyły", M.FILMING_STARTED, None),
    ("Zdjęcia do 3. sezonu XO, Kitty zakończone", M.FILMING_WRAPPED, None),
    ("XO, Kitty sezon 3: jest zwiastun", M.TRAILER, None),
    ("Premiera 3. sezonu XO, Kitty przełożona", M.DELAYED, None),
    # id
    ("Netflix perpanjang XO, Kitty untuk musim ketiga", M.RENEWED, None),
    ("XO, Kitty lanjut ke musim ketiga", M.RENEWED, None),
    ("XO, Kitty musim 3 dikonfirmasi", M.RENEWED, None),
    ("XO, Kitty dibatalkan Netflix", M.CANCELLED, None),
    ("XO, Kitty tidak diperpanjang untuk musim ketiga", M.CANCELLED, None),
    ("XO, Kitty musim 3 tayang 5 Juni", M.RELEASE_DATE_ANNOUNCED, JUNE_5),
    ("XO, Kitty season 3 tayang pada bulan Juni", M.RELEASE_DATE_ANNOUNCED, JUNE),
    ("XO, Kitty musim 3 sudah tayang di Netflix", M.RELEASED, None),
    ("Syuting XO, Kitty musim 3 dimulai", M.FILMING_STARTED, None),
    ("Syuting XO, Kitty season 3 rampung", M.FILMING_WRAPPED, None),
    ("Trailer XO, Kitty musim 3 dirilis", M.TRAILER, None),
    ("Penayangan XO, Kitty season 3 ditunda", M.DELAYED, None),
    # ko
    ("'XO, 키티' 시즌3 제작 확정", M.RENEWED, None),
    ("XO, 키티 시즌2 제작도 확정", M.RENEWED, None),
    ("넷플릭스, 'XO, 키티' 제작 취소", M.CANCELLED, None),
    ("'XO, 키티' 시즌3 제작 무산", M.CANCELLED, None),
    ("넷플릭스 'XO, 키티' 시즌3 6월 5일 공개", M.RELEASE_DATE_ANNOUNCED, JUNE_5),
    ("'XO, 키티' 시즌3, 6월 5일 공개 확정", M.RELEASE_DATE_ANNOUNCED, JUNE_5),
    ("'XO, 키티' 시즌3 6월 공개", M.RELEASE_DATE_ANNOUNCED, JUNE),
    ("'XO, 키티' 시즌3 오늘 공개", M.RELEASED, None),
    ("'XO, 키티' 시즌3 촬영 시작", M.FILMING_STARTED, None),
    ("'XO, 키티' 시즌3 크랭크업", M.FILMING_WRAPPED, None),
    ("'XO, 키티' 시즌3 예고편 공개", M.TRAILER, None),
    ("'XO, 키티' 시즌3 공개 연기", M.DELAYED, None),
]


@pytest.mark.parametrize(("title", "milestone", "when"), EVENTS)
def test_each_language_reads_each_milestone(
    title: str, milestone: Milestone, when: date | PartialDate | None
) -> None:
    sig = classify(title, "", TOLD, INDEX)
    assert sig.show == "xo-kitty"
    assert sig.milestone is milestone
    if milestone is not M.CANCELLED:
        assert sig.season == 3 or (sig.season == 2 and "시즌2" in title)
    if isinstance(when, PartialDate):
        assert (sig.event_date, sig.period) == (None, when)
    elif when is not None:
        assert sig.event_date == when


NOT_NEWS = [
    # reviews
    "Recensie: XO, Kitty seizoen 3",
    "Recenzja: XO, Kitty sezon 3",
    "Ulasan XO, Kitty season 3",
    "[리뷰] 'XO, 키티' 시즌3",
    # recaps
    "XO, Kitty seizoen 3 recap aflevering 1",
    "Rekap XO, Kitty season 3 episode 1",
    # explainers
    "XO, Kitty seizoen 3: alles wat we weten",
    "XO, Kitty sezon 3 – co wiemy?",
    "Sinopsis XO, Kitty season 3 dan tanggal tayang",
    "Link nonton XO, Kitty season 3 sub indo",
    "Fakta XO, Kitty season 3 yang perlu kamu ketahui",
    "'XO, 키티' 시즌3 결말 해석",
    # why it was cancelled, a list of what airs (train's N078, V31B-017)
    "Waarom Netflix XO, Kitty van de buis heeft gehaald",
    "Sederet drama Korea tayang di bulan Juni, termasuk XO, Kitty",
    # questions
    "Komt er een derde seizoen van XO, Kitty?",
    "Czy będzie 3. sezon XO, Kitty?",
    "Apakah XO, Kitty akan lanjut ke season 3?",
    "'XO, 키티' 시즌3 제작 확정?",
    # denied or not yet
    "XO, Kitty seizoen 3 is nog niet bevestigd",
    "XO, Kitty sezon 3 nie został potwierdzony",
    "Netflix belum perpanjang XO, Kitty",
    "'XO, 키티' 시즌3 제작 확정 아냐",
    # a plan, not a start
    "'XO, 키티' 시즌3 촬영 시작 예정",
    "'XO, 키티' 시즌3 촬영에 돌입할 예정",
    # the season's release day confirmed is no renewal (and told without its day, no date)
    "'XO, 키티' 시즌3 공개일 확정",
]


@pytest.mark.parametrize("title", NOT_NEWS)
def test_reviews_recaps_explainers_questions_and_denials_are_no_news(title: str) -> None:
    assert classify(title, "", TOLD, INDEX).milestone is None


@pytest.mark.parametrize(
    "title",
    [
        "XO, Kitty seizoen 3 zou in de maak zijn",
        "XO, Kitty sezon 3 podobno potwierdzony",
        "XO, Kitty season 3 dikabarkan tayang Juni",
        "'XO, 키티' 시즌3 제작 가능성",
    ],
)
def test_a_rumour_stays_a_rumour(title: str) -> None:
    sig = classify(title, "", TOLD, INDEX)
    assert sig.milestone is None or sig.certainty is Certainty.RUMORED


@pytest.mark.parametrize(
    ("title", "other"),
    [
        ("Harbor Lights seizoen 3 bevestigd", "harbor-lights"),
        ("Harbor Lights musim 3 dikonfirmasi", "harbor-lights"),
        ("'오징어 게임' 시즌3 제작 확정", "squid-game"),
    ],
)
def test_another_titles_season_is_that_titles(title: str, other: str) -> None:
    sig = classify(title, "", TOLD, INDEX)
    assert sig.milestone is M.RENEWED
    assert sig.show == other


def test_a_korean_season_read_with_a_date_after_it_is_no_day_of_it() -> None:
    # "시즌3 6월" once normalised is "시즌3 june": its 3 is the season's, not June 3
    sig = classify("'XO, 키티' 시즌3 6월 공개", "", TOLD, INDEX)
    assert sig.event_date is None
    assert sig.period == JUNE


@pytest.mark.parametrize(
    ("text", "seasons"),
    [
        ("시즌3 제작", [3]),
        ("시즌 2가 돌아온다", [2]),
        ("xo, kitty musim ketiga", [3]),
        ("xo, kitty musim 3", [3]),
        ("na trzeci sezon", [3]),
        ("z trzecim sezonem", [3]),
        ("이번시즌3", []),  # inside a word: none
    ],
)
def test_seasons_in_the_new_languages(text: str, seasons: list[int]) -> None:
    assert_seasons(text, seasons)


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("6월 5일 공개", "june 5 공개"),
        ("6월 5일에 공개", "june 5 에 공개"),
        ("2026년 6월 5일 공개", "june 5, 2026 공개"),
        ("2026년 6월 공개", "june 2026 공개"),
    ],
)
def test_a_korean_date_is_written_as_english(raw: str, normalised: str) -> None:
    assert normalise(raw) == normalised


_NEW = re.compile(r"-(?:id|ko|pl)$")
_NEW_RULES = [rule for rule in LANG_RULES if _NEW.search(rule.name)]


def test_the_new_rules_are_all_gated() -> None:
    assert len(_NEW_RULES) >= 17
    assert_all_gated(_NEW_RULES)


@pytest.mark.parametrize(
    "title",
    [title for title, *_ in EVENTS] + NOT_NEWS + ["Harbor Lights musim 3 dikonfirmasi"],
)
def test_the_gate_admits_every_rule_that_matches(title: str) -> None:
    assert_gate_admits(title)
