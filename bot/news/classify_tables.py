"""The classifier's pattern tables, cut into gated units and numbered once.

Each rule's pattern is cut at its top-level ``|`` (``split_alternatives``) and
every piece of every table gets one number, so that one ``Prefilter`` pass over
a text's word prefixes tells which pieces can match it.  A rule matches where
one of its pieces does; ``Tables.pieces_of`` picks a table's admitted pieces, in
table order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Generic, TypeVar

from bot.news.classify_gate import Prefilter, lead_words, numbers, split_alternatives, word_starts
from bot.news.classify_lang import LANG_RULES
from bot.news.rules import (
    BLOCK_RULES,
    CONFIRMED,
    CONTEXT_RULES,
    EVENT_RULES,
    LATE_BLOCK_RULES,
    NEGATED_OFFICIAL,
    REVIEW_BLOCK,
    RUMOUR,
    SUMMARY_BLOCK_RULES,
    TRADE,
    BlockRule,
    ContextRule,
    EventRule,
)

R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Piece:
    """One top-level alternative of a rule's pattern."""

    pattern: re.Pattern[str]
    owner: int  # the position of its rule in its table
    lead: frozenset[str] | None  # see ``classify_gate.lead_words``


@dataclass(frozen=True, slots=True)
class Table(Generic[R]):
    """Rules and their pieces, numbered from ``start``."""

    rules: tuple[R, ...]
    start: int
    pieces: tuple[Piece, ...]


@dataclass(frozen=True, slots=True)
class Tables:
    events: Table[EventRule]
    blocks: Table[BlockRule]
    late_blocks: Table[BlockRule]
    summary_blocks: Table[BlockRule]
    review: Table[BlockRule]  # the review block alone: a released-on headline that reviews
    rumour: Table[re.Pattern[str]]
    confirmed: Table[re.Pattern[str]]
    negated_official: Table[re.Pattern[str]]
    trade: Table[re.Pattern[str]]
    context: Table[ContextRule]
    prefilter: Prefilter
    # for every piece, by number: (its rule, itself)
    entries: tuple[tuple[object, Piece], ...]

    def pieces_of(self, admitted: int, table: Table[R]) -> list[tuple[R, Piece]]:
        """The admitted pieces of ``table`` (``admitted``: ``Prefilter.admitted``), in order."""
        entries = self.entries
        return [
            entries[n]  # type: ignore[misc]
            for n in numbers(admitted, table.start, table.start + len(table.pieces))
        ]


class _Numbering:
    def __init__(self) -> None:
        self.pieces: list[Piece] = []
        self.entries: list[tuple[object, Piece]] = []

    def table(self, rules: Sequence[R], pattern_of: Callable[[R], re.Pattern[str]]) -> Table[R]:
        start = len(self.pieces)
        for position, rule in enumerate(rules):
            for pattern in split_alternatives(pattern_of(rule)):
                piece = Piece(pattern, position, lead_words(pattern))
                self.pieces.append(piece)
                self.entries.append((rule, piece))
        return Table(tuple(rules), start, tuple(self.pieces[start:]))


def _pattern(rule: EventRule | BlockRule | ContextRule) -> re.Pattern[str]:
    return rule.pattern


def _itself(pattern: re.Pattern[str]) -> re.Pattern[str]:
    return pattern


@cache
def tables() -> Tables:
    """Built on first use: a few milliseconds of reading parse trees."""
    numbering = _Numbering()
    events = numbering.table((*EVENT_RULES, *LANG_RULES), _pattern)
    blocks = numbering.table(BLOCK_RULES, _pattern)
    late_blocks = numbering.table(LATE_BLOCK_RULES, _pattern)
    summary_blocks = numbering.table(SUMMARY_BLOCK_RULES, _pattern)
    review = numbering.table((REVIEW_BLOCK,), _pattern)
    rumour = numbering.table((RUMOUR,), _itself)
    confirmed = numbering.table((CONFIRMED,), _itself)
    negated_official = numbering.table((NEGATED_OFFICIAL,), _itself)
    trade = numbering.table((TRADE,), _itself)
    context = numbering.table(CONTEXT_RULES, _pattern)
    return Tables(
        events,
        blocks,
        late_blocks,
        summary_blocks,
        review,
        rumour,
        confirmed,
        negated_official,
        trade,
        context,
        Prefilter([piece.pattern for piece in numbering.pieces]),
        tuple(numbering.entries),
    )


def find_all(piece: Piece, text: str, prefixes: set[str]) -> list[re.Match[str]]:
    """What ``piece.pattern.finditer(text)`` finds: when the piece has lead words, it is only
    tried where one of them begins a word of ``text`` (whose word ``prefixes`` tell which of
    them to look for), instead of at every position."""
    if piece.lead is None:
        return list(piece.pattern.finditer(text))
    present = piece.lead & prefixes
    if not present:
        return []
    found: list[re.Match[str]] = []
    end = 0
    match = piece.pattern.match
    for at in word_starts(text, present):
        if at >= end:
            m = match(text, at)
            if m is not None:
                found.append(m)
                end = max(m.end(), at + 1)
    return found


def find_first(
    piece: Piece, text: str, prefixes: set[str], pos: int = 0, endpos: int | None = None
) -> re.Match[str] | None:
    """What ``piece.pattern.search(text, pos, endpos)`` finds (see ``find_all``)."""
    end = len(text) if endpos is None else endpos
    if piece.lead is None:
        return piece.pattern.search(text, pos, end)
    present = piece.lead & prefixes
    if not present:
        return None
    match = piece.pattern.match
    for at in word_starts(text, present, pos, end):
        m = match(text, at, end)
        if m is not None:
            return m
    return None


def first_match(
    pieces: Sequence[tuple[R, Piece]],
    text: str,
    prefixes: set[str],
    pos: int = 0,
    endpos: int | None = None,
) -> re.Match[str] | None:
    """The leftmost match of any of ``pieces``: what the whole pattern's ``search`` finds
    (at one position, the earlier piece wins, as the earlier alternative would)."""
    best: re.Match[str] | None = None
    for _, piece in pieces:
        m = find_first(piece, text, prefixes, pos, endpos)
        if m is not None and (best is None or m.start() < best.start()):
            best = m
    return best


def kinds_before(
    pieces: Sequence[tuple[ContextRule, Piece]], text: str, prefixes: set[str], pos: int, end: int
) -> set[str]:
    """The kinds of context with a match in ``text[pos:end]`` (one that ends at ``end``, for
    the patterns anchored with ``$``)."""
    seen: set[str] = set()
    for rule, piece in pieces:
        if rule.kind not in seen and find_first(piece, text, prefixes, pos, end) is not None:
            seen.add(rule.kind)
    return seen
