"""The classifier engine's shortcuts agree with the plain computations they replace.

Each shortcut skips work when it cannot change the answer; these tests run the
shortcut and the plain way side by side over the training headlines.
"""

from __future__ import annotations

import csv
import re
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from bot.news.classify import (
    _PASSING_AFTER,
    _as_planned,
    _Doc,
    _mentions,
    _passing_words,
    _Summary,
    classify,
)
from bot.news.classify_gate import numbers, text_prefixes
from bot.news.classify_parse import _TRANSLATE, ODD_PRINTABLE, keyify, normalise, resolve_dates
from bot.news.classify_shows import ShowIndex, _reads_as_words
from bot.news.classify_tables import Table, compile_ascii, tables
from bot.news.rules import EVENT_RULES, FILMING_FUTURE, FILMING_NOW

_TRAIN = Path(__file__).resolve().parents[1] / "data" / "headlines-train.tsv"


@cache
def _headlines() -> tuple[tuple[str, str], ...]:
    with _TRAIN.open(encoding="utf-8", newline="") as handle:
        return tuple((r["title"], r["summary"]) for r in csv.DictReader(handle, delimiter="\t"))


def _texts(step: int = 3) -> list[str]:
    """Titles and summaries, every ``step``-th headline."""
    return [text for pair in _headlines()[::step] for text in pair if text]


def test_the_only_printable_ascii_the_normaliser_maps_is_the_one_it_looks_for() -> None:
    mapped = {chr(code) for code in _TRANSLATE if code < 128 and chr(code).isprintable()}
    assert mapped == {ODD_PRINTABLE}


@pytest.mark.parametrize(
    "text",
    ["It`s back", "tab\there", "line\nbreak", "sep\x1carator", "bell\x07", "plain text", "Café"],
)
def test_normalise_translates_whenever_the_table_has_work(text: str) -> None:
    expected = re.sub(r"\s{2,}", " ", text.translate(_TRANSLATE).lower()).strip()
    assert normalise(text) == expected


def test_normalise_replaces_odd_characters_as_the_table_translates_them() -> None:
    odd = "".join(chr(code) for code in _TRANSLATE)
    # every odd character, doubled, at both ends and between words, with and without ASCII
    for text in (odd, f"{odd}{odd}", f"a{odd}b{odd[::-1]}c", f"Caf\u00e9 {odd} done"):
        expected = re.sub(r"\s{2,}", " ", text.translate(_TRANSLATE).lower()).strip()
        assert normalise(text) == expected


def test_gate_groups_deal_each_table_the_pieces_the_whole_prefilter_admits() -> None:
    found = tables()
    every: tuple[Table[Any], ...] = (
        found.events,
        found.blocks,
        found.late_blocks,
        found.review,
        found.rumour,
        found.confirmed,
        found.negated_official,
        found.trade,
        found.context,
        found.summary_blocks,
    )
    for text in _texts(step=7):
        doc = _Doc(text)
        admitted = set(numbers(found.prefilter.admitted(doc.prefixes)))
        for table in every:
            expected = [
                found.entries[n]
                for n in sorted(admitted)
                if 0 <= n - table.start < len(table.pieces)
            ]
            assert doc.units(table) == expected


def test_pieces_that_start_with_the_same_words_share_one_set_of_them() -> None:
    # Memory: the tables held 1,677 sets of lead words, 974 of them distinct.
    leads = [piece.lead for _, piece in tables().entries if piece.lead is not None]
    assert len({id(lead) for lead in leads}) == len(set(leads)) < len(leads)


def test_a_summarys_hits_of_one_rule_are_found_with_that_rules_pieces_alone() -> None:
    for _, summary in _headlines()[::2]:
        for rule in (FILMING_NOW, *FILMING_FUTURE):
            alone = _Summary(summary, date(2024, 6, 1)).found(rule)
            every = _Summary(summary, date(2024, 6, 1))
            assert [(h.start, h.end) for h in alone] == [
                (h.start, h.end) for h in every.hits() if h.rule in (rule, _as_planned(rule))
            ]


def test_a_rule_is_mentioned_where_its_whole_pattern_matches() -> None:
    for text in [*_texts(), ""]:
        doc = _Doc(text)
        for rule in (FILMING_NOW, *FILMING_FUTURE):
            assert _mentions(doc, rule) == (rule.pattern.search(doc.text) is not None)
        planned = any(rule.pattern.search(doc.text) for rule in FILMING_FUTURE)
        assert _mentions(doc, *FILMING_FUTURE) == planned


def test_the_passing_tail_needs_one_of_its_words() -> None:
    needed = _passing_words()
    assert needed
    for text in _texts(step=1):
        doc = _Doc(text)
        if _PASSING_AFTER.search(doc.text):
            assert not doc.prefixes.isdisjoint(needed), doc.text


def test_dates_are_skipped_only_where_a_scan_finds_none() -> None:
    published = date(2024, 6, 1)
    for text in _texts(step=1):
        doc = _Doc(text)
        for part in (doc.text, doc.text[: len(doc.text) // 2], doc.text[len(doc.text) // 3 :]):
            assert resolve_dates(part, published, doc.prefixes) == resolve_dates(part, published)


@pytest.mark.parametrize(
    "text",
    [
        "filming wrapped sometime before september 2024, says the star",
        "production began in late september 2024",
        "shooting started mid-september 2024",
        "the season was shot in september 2024",
    ],
)
def test_a_month_and_year_is_a_date_after_any_preposition(text: str) -> None:
    assert [when for _, when in resolve_dates(text, date(2025, 3, 2))] == [date(2024, 9, 15)]


def test_ascii_names_and_texts_never_compile_a_pieces_unicode_pattern() -> None:
    # Each Unicode pattern costs about 1.5 kB compiled; an index that asked every piece
    # for one when reading its names cost the bot 2 MiB at start-up.
    pieces = [piece for _, piece in tables().entries]
    for piece in pieces:
        piece._unicode = None  # compiled again on demand; earlier tests may have done so
    index = ShowIndex.from_aliases({"nobody-wants-this": ["Nobody Wants This"], "you": ["You"]})
    classify("Nobody Wants This renewed for season 3", "You season 5 trailer is out", None, index)
    assert [piece.ascii.pattern for piece in pieces if piece._unicode is not None] == []
    classify("Élite renovada por una novena temporada", "", None, index)
    assert any(piece._unicode is not None for piece in pieces)


def test_reading_a_shows_name_compiles_only_the_pieces_its_words_admit() -> None:
    # Asking whether a name reads as rule words tried every piece on it: all 1,700 were
    # compiled (2.4 MB) at the bot's first classification, for a name's sake.
    pieces = [piece for _, piece in tables().entries]
    for piece in pieces:
        piece._ascii = None
    index = ShowIndex.from_aliases({"xo-kitty": ["XO, Kitty"], "nobody": ["Nobody Wants This"]})
    classify("XO, Kitty season 3 starts filming in Seoul", "", None, index)
    assert index.wordy == {"nobody"}
    compiled = sum(piece._ascii is not None for piece in pieces)
    assert compiled < len(pieces) / 10, (compiled, len(pieces))


def test_after_the_warm_up_english_news_compiles_no_pattern_and_other_languages_wait() -> None:
    # The first news after a start compiled the patterns it needed inside a poll, a third of
    # a 1,000-feed cycle; the warm-up does it before, for English (1.6 MiB), and no more.
    pieces = [piece for _, piece in tables().entries]
    for piece in pieces:
        piece._ascii = None
    compile_ascii()
    warmed = {id(piece) for piece in pieces if piece._ascii is not None}
    index = ShowIndex.from_aliases({"xo-kitty": ["XO, Kitty"], "bear": ["The Bear"]})
    english = [(t, s) for t, s in _headlines()[:3000] if (t + s).isascii()]
    for title, summary in english:
        classify(title, summary, None, index)
    lang = {id(p) for p in tables().events.pieces if p.owner >= len(EVENT_RULES)}
    later = [p.source for p in pieces if p._ascii is not None and id(p) not in warmed | lang]
    assert len(english) > 1000
    assert later == []  # only the other languages' event rules are left to compile
    assert warmed.isdisjoint(lang)


@pytest.mark.parametrize(
    "name",
    ["Nobody Wants This", "A Good Girl's Guide to Murder", "Kaiju No. 8", "XO, Kitty", "You"],
)
def test_a_name_reads_as_words_by_the_gate_as_by_every_piece(name: str) -> None:
    c = tables()
    texts = (normalise(name) + " ", keyify(name) + " ")
    tried = (c.events, c.context, c.blocks, c.late_blocks, c.summary_blocks)
    by_all = any(p.ascii.search(t) for t in texts for table in tried for p in table.pieces)
    assert _reads_as_words(name) == by_all


def test_a_show_named_in_a_text_is_among_its_candidates() -> None:
    index = ShowIndex.from_aliases(
        {
            "xo-kitty": ["XO, Kitty"],
            "the-night-agent": ["The Night Agent"],
            "you": ["You"],
            "nobody-wants-this": ["Nobody Wants This"],
            "elite": ["Elite"],
        }
    )
    for text, slug in [
        ("XO Kitty is back", "xo-kitty"),
        ("ELITE SEASON 8 WILL BE ITS LAST", "elite"),
        ("Netflix renews The Night Agent", "the-night-agent"),
        ("You season 5 trailer", "you"),
        ("nobody wants this, season 2", "nobody-wants-this"),
    ]:
        normalised = normalise(text)
        candidates = index.candidates(text_prefixes(normalised))
        assert slug in {alias.slug for alias in candidates}
        assert index.first_named(candidates, normalised, text) == index.find(text) == slug


@pytest.mark.parametrize(
    ("text", "spelt"),
    [
        ("squid game 2 is officially happening", "squid game season 2 is officially happening"),
        (
            "netflix confirms squid game 3; squid game 2 out",
            "netflix confirms squid game season 3; squid game season 2 out",
        ),
        ("squid game 3 things we learned", None),
        ("squid game 2-3 double bill", None),
        ("squid game season 2 trailer", None),
    ],
)
def test_a_number_after_a_shows_name_is_spelt_as_a_season(text: str, spelt: str | None) -> None:
    index = ShowIndex.from_aliases({"squid-game": ["Squid Game"]})
    prefixes = text_prefixes(text)
    assert index.spell_seasons("squid-game", prefixes, text) == spelt
    assert index.spell_seasons("other-show", prefixes, text) is None


def test_a_word_a_rule_looks_around_for_is_a_whole_word() -> None:
    """Words a rule looks around for are whole words: "cancel or renew" holds no renewal,
    but "for renewing" does; "is starting to" is no start, but "is starting today" is."""
    renewed = next(rule for rule in tables().events.rules if rule.name == "renewed")
    assert not re.search(renewed.pattern, "will they cancel or renew it")
    assert re.search(renewed.pattern, "thanks for renewing it")
    behind = re.compile(r"\(\?<!([a-z][a-z' ]*)\)")  # "ing " alone is a word's end
    ahead = re.compile(r"\(\?! ([a-z']+)\)")
    for path in Path(__file__).resolve().parents[2].joinpath("bot", "news").glob("*.py"):
        text = path.read_text()
        assert [m for m in behind.findall(text) if m != "ing "] == [], path
        assert ahead.findall(text) == [], path


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Mr. Queen returns", "mr queen returns"),
        ("The U.S. remake. Season 2 next.", "the us remake. season 2 next."),
        ("Agents of S.H.I.E.L.D. renewed", "agents of shield renewed"),
        ("premieres Dec. 5 in the U.K.", "premieres dec 5 in the uk"),
        ("It ends in March. No. It ends in May.", "it ends in march. no. it ends in may."),
        # entities are their characters, tags word breaks
        ("Ginny &amp; Georgia won&#8217;t<br>return", "ginny & georgia won't return"),
    ],
)
def test_a_text_is_read_as_written(text: str, read: str) -> None:
    assert normalise(text) == read


def test_a_rules_pieces_are_its_own_text_not_a_second_copy() -> None:
    # A rule kept its whole pattern and its pieces held the same text again: 0.37 MiB of
    # the bot's memory, for the rules of more than one alternative.
    catalog = tables()
    for table in (catalog.events, catalog.blocks, catalog.late_blocks, catalog.summary_blocks):
        by_owner: dict[int, list[str]] = {}
        for piece in table.pieces:
            by_owner.setdefault(piece.owner, []).append(piece.source)
        for owner, sources in by_owner.items():
            rule = table.rules[owner]
            assert all(a is b for a, b in zip(sources, rule.parts, strict=True)), rule.name
            assert "|".join(sources) == rule.source
            assert rule.pattern.pattern == rule.source
