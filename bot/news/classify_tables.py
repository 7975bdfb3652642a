"""The classifier's pattern tables, cut into gated units and numbered once.

Each rule's pattern is cut at its top-level ``|`` (``split_sources``) and
every piece of every table gets one number.  A rule matches where one of its
pieces does.  The tables are gated in a few groups (``Gate``), by when a text
needs them: a title is always searched for events and blocks, a text with an
event for its cues and context, a summary for its own blocks.  One
``Prefilter`` pass over a text's word prefixes tells which pieces of a group can
match it, and deals them out to the group's tables; a summary whose title
settled the rest pays for its blocks alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Generic, TypeVar

from bot.news.classify_gate import Prefilter, lead_words, split_sources, word_starts
from bot.news.classify_lang import LANG_RULES
from bot.news.rules import (
    BLOCK_RULES,
    CONFIRMED,
    CONTEXT_RULES,
    EVENT_RULES,
    LATE_BLOCK_RULES,
    NEGATED_OFFICIAL,
    REVIEW_BLOCK,
    RULE_FLAGS,
    RUMOUR,
    SUMMARY_BLOCK_RULES,
    TRADE,
    BlockRule,
    ContextRule,
    EventRule,
)

R = TypeVar("R")


@dataclass(slots=True, eq=False)
class Piece:
    """One top-level alternative of a rule's pattern.

    ``ascii`` is the alternative compiled with ``re.ASCII``: on ASCII text it
    finds exactly what ``pattern`` finds (\\w, \\b and \\d then mean the same;
    ``normalise`` turns the control characters \\s would disagree on into
    spaces), and runs faster, its character classes being table lookups.  Most
    texts are ASCII, so ``pattern`` (Unicode) is compiled only once a text needs it:
    about a megabyte of compiled patterns that most of them never do.  ``ascii`` too
    is compiled when a text first needs it: most pieces are never admitted by the gate
    for the feeds a bot follows (the other languages' above all).
    """

    source: str
    flags: int  # the rule's own flags, for ``pattern``
    owner: int  # the position of its rule in its table
    # ``classify_gate.lead_words``, as a tuple: a set of one to four prefixes (most are) takes
    # 216 bytes, a tuple 48 to 72 (0.25 MiB less over the tables); ``prefixes.intersection``
    # reads either.
    lead: tuple[str, ...] | None
    _ascii: re.Pattern[str] | None = None
    _unicode: re.Pattern[str] | None = None

    @property
    def ascii(self) -> re.Pattern[str]:
        if self._ascii is None:
            self._ascii = re.compile(self.source, _ascii(self.flags))
        return self._ascii

    @property
    def pattern(self) -> re.Pattern[str]:
        if self._unicode is None:
            self._unicode = re.compile(self.source, self.flags)
        return self._unicode

    def for_text(self, text: str) -> re.Pattern[str]:
        return self.ascii if text.isascii() else self.pattern


def compile_ascii() -> None:
    """Compile now the ``ascii`` patterns that English news needs: every table's but the
    other languages' event rules. 0.3 s of CPU and 1.6 MiB, which the first news after a
    start would otherwise pay inside a poll, a pattern at a time (a third of a 1,000-feed
    cycle). The other languages' (0.8 MiB) and the Unicode patterns stay lazy."""
    catalog = tables()
    events = catalog.events
    in_events = range(events.start, events.start + len(events.pieces))
    for number, (_, piece) in enumerate(catalog.entries):
        # the events table holds EVENT_RULES, then LANG_RULES
        if number not in in_events or piece.owner < len(EVENT_RULES):
            piece.ascii  # noqa: B018 (compiles and keeps it)


@dataclass(frozen=True, slots=True)
class Table(Generic[R]):
    """Rules and their pieces, numbered from ``start``."""

    rules: tuple[R, ...]
    start: int
    pieces: tuple[Piece, ...]
    index: int  # the table's place among all tables
    gate: int  # the place among ``Tables.gates`` of the gate over its pieces


Units = list[tuple[Any, Piece]]  # a table's pieces that may match a text, with their rules


@dataclass(frozen=True, slots=True)
class Gate:
    """One ``Prefilter`` over the pieces of consecutive tables, numbered from ``start``."""

    prefilter: Prefilter
    start: int
    entries: tuple[tuple[object, Piece], ...]  # its pieces, with their rules
    first: int  # the ``index`` of its first table; the others follow
    slot_of: tuple[int, ...]  # for each of its pieces, its table's place after ``first``
    count: int  # its tables

    def deal(self, prefixes: set[str]) -> list[Units]:
        """For each of this gate's tables, the pieces a text with these word prefixes may
        match, in order."""
        dealt: list[Units] = [[] for _ in range(self.count)]
        bits = self.prefilter.admitted(prefixes)
        entries = self.entries
        slot_of = self.slot_of
        while bits:  # highest bit first: two operations per bit, not three
            number = bits.bit_length() - 1
            dealt[slot_of[number]].append(entries[number])
            bits ^= 1 << number
        for units in dealt:
            units.reverse()
        return dealt


@dataclass(frozen=True, slots=True)
class Tables:
    events: Table[EventRule]
    blocks: Table[BlockRule]
    late_blocks: Table[BlockRule]
    review: Table[BlockRule]  # the review block alone: a released-on headline that reviews
    rumour: Table[str]
    confirmed: Table[str]
    negated_official: Table[str]
    trade: Table[str]
    context: Table[ContextRule]
    summary_blocks: Table[BlockRule]
    gates: tuple[Gate, ...]
    entries: tuple[tuple[object, Piece], ...]  # every piece, by number, with its rule
    count: int  # tables

    @property
    def prefilter(self) -> _AllGates:
        """Every gate as one, numbering pieces as ``entries`` does."""
        return _AllGates(self.gates)


class _AllGates:
    __slots__ = ("_gates",)

    def __init__(self, gates: Sequence[Gate]) -> None:
        self._gates = gates

    def admitted(self, prefixes: set[str]) -> int:
        found = 0
        for gate in self._gates:
            found |= gate.prefilter.admitted(prefixes) << gate.start
        return found


def _ascii(flags: int) -> int:
    return (flags & ~re.UNICODE) | re.ASCII


@dataclass(frozen=True, slots=True)
class _Text:
    """A piece's pattern as the gates read it, before (and without) compiling it."""

    pattern: str
    flags: int


class _Numbering:
    def __init__(self) -> None:
        self.entries: list[tuple[object, Piece]] = []
        self.tables: list[Table[Any]] = []
        self.gates: list[Gate] = []
        # Pieces often start with the same words ("renew", "season"): one tuple per set of
        # them, 1,677 sets of lead words being 974 distinct ones (0.17 MiB less).
        self.leads: dict[frozenset[str], tuple[str, ...]] = {}

    def table(self, rules: Sequence[R], parts_of: Callable[[R], Parts]) -> Table[R]:
        start = len(self.entries)
        for position, rule in enumerate(rules):
            parts, flags = parts_of(rule)
            for part in parts:
                words = lead_words(_Text(part, _ascii(flags)))
                lead = None if words is None else self.leads.setdefault(words, tuple(words))
                piece = Piece(part, flags, position, lead)
                self.entries.append((rule, piece))
        pieces = tuple(piece for _, piece in self.entries[start:])
        table = Table(tuple(rules), start, pieces, len(self.tables), len(self.gates))
        self.tables.append(table)
        return table

    def gate(self) -> None:
        """Gate the tables numbered since the last gate together."""
        first = self.gates[-1].start + len(self.gates[-1].entries) if self.gates else 0
        entries = tuple(self.entries[first:])
        tables = [table for table in self.tables if table.start >= first]
        self.gates.append(
            Gate(
                Prefilter([_Text(piece.source, _ascii(piece.flags)) for _, piece in entries]),
                first,
                entries,
                tables[0].index,
                tuple(slot for slot, table in enumerate(tables) for _ in table.pieces),
                len(tables),
            )
        )


# A rule's pattern cut at its top-level ``|`` (``split_sources``), and its flags.
Parts = tuple[Sequence[str], int]


def _pattern(rule: EventRule | BlockRule) -> Parts:
    return rule.parts, RULE_FLAGS  # cut once, as the rule was made: the pieces share its text


def _itself(pattern: re.Pattern[str]) -> Parts:
    return split_sources(pattern.pattern), pattern.flags


def _source(source: str) -> Parts:
    return split_sources(source), RULE_FLAGS


def _context(rule: ContextRule) -> Parts:
    return _itself(rule.pattern)


@cache
def tables() -> Tables:
    """Built on first use: a second or two of reading parse trees."""
    numbering = _Numbering()
    # what a title is always searched with
    events = numbering.table((*EVENT_RULES, *LANG_RULES), _pattern)
    blocks = numbering.table(BLOCK_RULES, _pattern)
    late_blocks = numbering.table(LATE_BLOCK_RULES, _pattern)
    review = numbering.table((REVIEW_BLOCK,), _pattern)
    numbering.gate()
    # what a text with an event is searched with, a title or a summary
    rumour = numbering.table((RUMOUR,), _source)
    confirmed = numbering.table((CONFIRMED,), _source)
    negated_official = numbering.table((NEGATED_OFFICIAL,), _source)
    trade = numbering.table((TRADE,), _source)
    context = numbering.table(CONTEXT_RULES, _context)
    numbering.gate()
    # what every summary is searched with
    summary_blocks = numbering.table(SUMMARY_BLOCK_RULES, _pattern)
    numbering.gate()
    return Tables(
        events,
        blocks,
        late_blocks,
        review,
        rumour,
        confirmed,
        negated_official,
        trade,
        context,
        summary_blocks,
        tuple(numbering.gates),
        tuple(numbering.entries),
        len(numbering.tables),
    )


def find_all(piece: Piece, text: str, prefixes: set[str]) -> list[re.Match[str]]:
    """What ``piece.pattern.finditer(text)`` finds: when the piece has lead words, it is only
    tried where one of them begins a word of ``text`` (whose word ``prefixes`` tell which of
    them to look for), instead of at every position."""
    pattern = piece.for_text(text)
    if piece.lead is None:
        return list(pattern.finditer(text))
    present = prefixes.intersection(piece.lead)
    if not present:
        return []
    found: list[re.Match[str]] = []
    end = 0
    match = pattern.match
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
    pattern = piece.for_text(text)
    if piece.lead is None:
        return pattern.search(text, pos, end)
    present = prefixes.intersection(piece.lead)
    if not present:
        return None
    match = pattern.match
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
