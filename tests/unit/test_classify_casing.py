"""Another title's season reads a text's capitals (``_capitalised_words``) only where a run of
capitalised words may stand before it: ``_written_lower``, a word the text also writes in
lower case as a token of its own, is none of those capitals, and says so without reading
every word's case. These pin that the short cut never hides a capital."""

from __future__ import annotations

import pytest

from bot.news.classify import _capitalised_words, _tokens, _written_lower
from bot.news.classify_parse import normalise

TEXTS = [
    "The Final Season of Harbor Lights: the cast returns for the last time",
    "Netflix Drops Stranger Things Season 5 And XO, Kitty Trailers",
    "Harbor Lights' second season is coming, says the show's creator; Harbor Lights's fans cheer",
    "rock-and-roll drama Rock-And-Roll returns; 'Kitty' and kitty's friends",
    "Ginny &amp; Georgia season 3: GINNY's mother and ginny's brother",
    "ΟΔΟΣ.Α οδοΣ.Α and οδος ΟΔΟΣ: the Greek final sigma lowers by its context",
    "İstanbul Diaries season 2 premieres in istanbul and İzmir",
    "Ǆungla season 2 (the ǆungla of dreams): a title-case letter",
    "Élite saison 8 : élite, la série espagnole, revient — Élite",
    "Season 3 of The Bear: the bear is back, THE BEAR",
]


def _words(raw: str) -> set[str]:
    return {w for w in _tokens(normalise(raw)) if w[:1].isalpha()}


@pytest.mark.parametrize("raw", TEXTS)
def test_a_word_written_in_lower_case_is_no_capital(raw: str) -> None:
    lowered = raw.lower()
    if len(lowered) != len(raw):
        pytest.skip("a letter lowers to two: the caller reads every word's case then")
    capitals = _capitalised_words(raw)[0]
    for word in _words(raw) | {w.lower() for w in _tokens(raw)}:
        if _written_lower(raw, lowered, word):
            assert word not in capitals, word


def test_the_short_cut_finds_the_lower_case_words() -> None:
    raw = TEXTS[0]
    said = {w for w in _words(raw) if _written_lower(raw, raw.lower(), w)}
    # "the" is written both ways; "final", "harbor" and "lights" only capitalised
    assert said == {"the", "of", "cast", "returns", "for", "last", "time"}
    assert {"final", "season", "harbor", "lights"} <= _capitalised_words(raw)[0]


def test_a_word_glued_to_others_is_not_its_own_token() -> None:
    # ("rock-and-roll" is one token, "kitty's" another than "kitty", "kitty'" mends to "kitty")
    raw = "Rock Kitty and rock-and-roll kitty's show"
    assert not _written_lower(raw, raw.lower(), "rock")
    assert not _written_lower(raw, raw.lower(), "kitty")
    assert _written_lower(raw, raw.lower(), "kitty's")
