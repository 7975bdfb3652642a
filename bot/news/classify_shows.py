"""Known shows for the classifier: which one a headline names, and where.

Multi-word aliases match case-insensitively and ignore punctuation between
words ("XO Kitty" finds "XO, Kitty"; "Ginny & Georgia" finds "Ginny and
Georgia").  One-word aliases ("From", "You") are ordinary words too, so they
only match as written, capitalised.  Each alias is keyed by one of its words:
a text only pays for the aliases whose words it holds (a catalog of hundreds
of shows costs one set intersection), and ``ShowIndex.candidates`` finds them
once per text for every question asked about it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bot.news.classify_gate import PREFIX_LEN, text_prefixes
from bot.news.classify_parse import keyify, normalise
from bot.news.classify_tables import tables

_WORD_RUNS = re.compile(r"\w+")
# A number after a name counts a season ("Squid Game 2 trailer"), not things, people or time
# ("Bridgerton 3 things we learned", "Wednesday 2 days in").
_NOT_A_COUNT = (
    r"(?!-\d)(?! (?:[\w-]+ )?(?:things|reasons|facts|ways|moments|times|questions|theories|details"
    r"|clues|easter eggs|episodes?|seasons|stars|actors|characters|people|minutes|hours|days"
    r"|weeks|months|years|million|billion|percent|of|out of|and|or|to|-)\b)"
)


@dataclass(frozen=True, slots=True)
class Alias:
    slug: str
    gate: str  # its longest word's prefix; the alias is only searched when a word starts so
    words: frozenset[str]  # the prefixes of all its words: a text naming it has them all
    # The name, then "(\d)" for a season written after it ("stranger things 5").  Neither
    # starts with a look-behind, so the engine skips ahead on the name's first letters;
    # ``at_word_start`` checks the left edge instead.
    pattern: re.Pattern[str]
    numbered: re.Pattern[str]
    strict: bool  # a one-word alias, matched as written (capitalised) in the raw text
    name: str  # as written; read by the context rules only when first needed
    # a one-word name in capitals ("YOU Season 4 Review", "ELITE SEASON 8"), searched apart:
    # as a second alternative in ``pattern`` it kept the engine from skipping ahead
    capitals: re.Pattern[str] | None


def _reads_as_words(name: str) -> bool:
    """Whether a name holds words the classifier reads: right before an event, as context
    for it ("Nobody Wants This renewed": "wants ... $" is a hedge), or anywhere, as a frame
    that makes a piece not news ("A Good Girl's Guide to Murder": "guide to")."""
    catalog = tables()
    # as written and as a text may write it ("Kaiju No. 8", "Kaiju No 8": "no 8 ...")
    for text in (normalise(name) + " ", keyify(name) + " "):
        prefixes = text_prefixes(text)
        for table in (
            catalog.events,
            catalog.context,
            catalog.blocks,
            catalog.late_blocks,
            catalog.summary_blocks,
        ):
            # Only the pieces the gate admits, as for any text: trying every piece compiled
            # all 1,700 of them (2.4 MB) at the first classification, for a name's sake.
            gate = catalog.gates[table.gate]
            units = gate.deal(prefixes)[table.index - gate.first]
            if any(piece.for_text(text).search(text) for _, piece in units):
                return True
    return False


def at_word_start(pattern: re.Pattern[str], text: str, pos: int = 0) -> re.Match[str] | None:
    """The first match of ``pattern`` from ``pos`` not glued to a word character on its
    left."""
    m = pattern.search(text, pos)
    while m is not None:
        start = m.start()
        if start == 0:
            return m
        before = text[start - 1]
        if not (before.isalnum() or before == "_"):
            return m
        m = pattern.search(text, start + 1)
    return None


def _alias(slug: str, name: str) -> Alias | None:
    key = keyify(name)
    if not key:
        return None
    strict = " " not in key and len(key) <= 8
    written = name.strip()
    if strict and not written[:1].isupper():
        return None  # "from" as a slug word is not a name
    pattern = (
        re.escape(written)
        if strict
        else r"\W+".join("(?:and|&)" if word == "and" else re.escape(word) for word in key.split())
    )
    if not strict and written.endswith(("?", "!")):
        # The name's own mark ("Who Killed Sara?", "What If...?") is no question of the text's.
        pattern += r"(?:\.*[?!]+)?"
    # the \w runs of the name are whole words of any text naming it
    runs = [r for r in _WORD_RUNS.findall(key) if r != "and"] or [key]
    return Alias(
        slug,
        max(runs, key=len)[:PREFIX_LEN],
        frozenset(r[:PREFIX_LEN] for r in runs),
        re.compile(rf"{pattern}(?!\w)"),
        re.compile(rf"{pattern} (\d{{1,2}})(?![\w%]){_NOT_A_COUNT}"),
        strict,
        written,
        re.compile(rf"{re.escape(written.upper())}(?!\w)") if strict else None,
    )


class ShowIndex:
    """Known shows by alias, compiled once."""

    __slots__ = ("_aliases", "_blanked", "_by_gate", "_by_slug", "_gates", "_people", "_wordy")

    def __init__(
        self, aliases: Sequence[Alias], people: Mapping[str, frozenset[str]] | None = None
    ) -> None:
        by_gate: dict[str, list[Alias]] = {}
        for alias in aliases:
            by_gate.setdefault(alias.gate, []).append(alias)
        self._by_gate = {gate: tuple(group) for gate, group in by_gate.items()}
        self._gates = frozenset(self._by_gate)
        self._aliases = tuple(aliases)
        by_slug: dict[str, list[Alias]] = {}
        for alias in aliases:
            if not alias.strict:  # a one-word name is a word before a number too
                by_slug.setdefault(alias.slug, []).append(alias)
        self._by_slug = {slug: tuple(group) for slug, group in by_slug.items()}
        self._wordy: frozenset[str] | None = None
        self._blanked: frozenset[str] | None = None
        self._people = people or {}

    @classmethod
    def from_aliases(
        cls,
        mapping: Mapping[str, Sequence[str]],
        people: Mapping[str, Sequence[str]] | None = None,
    ) -> ShowIndex:
        """The index of ``mapping``'s shows (slug: names), and, by slug, the names of the
        people in them (its cast: "Minyeong Choi season 3 trailer" names no other title)."""
        aliases: list[Alias] = []
        seen: set[str] = set()
        for slug, names in mapping.items():
            for name in (*names, slug.replace("-", " ")):
                alias = _alias(slug, name)
                if alias is None or alias.pattern.pattern in seen:
                    continue
                seen.add(alias.pattern.pattern)
                aliases.append(alias)
        named = {
            slug: frozenset(key for name in names if " " in (key := normalise(name)))
            for slug, names in (people or {}).items()
        }
        return cls(aliases, {slug: keys for slug, keys in named.items() if keys})

    def people_of(self, slug: str) -> frozenset[str]:
        """The names of more than one word of show ``slug``'s people, as ``normalise`` writes
        them ("choi min-young"): a run of capitals that is one of them is no title."""
        return self._people.get(slug, frozenset())

    @property
    def wordy(self) -> frozenset[str]:
        """Shows whose names hold words the rules read ("Nobody Wants This").

        Worked out on first use: it needs the rule tables, which take a while to build,
        and building an index (at start-up) should not."""
        if self._wordy is None:
            self._wordy = frozenset(
                a.slug for a in self._aliases if not a.strict and _reads_as_words(a.name)
            )
        return self._wordy

    @property
    def blanked(self) -> frozenset[str]:
        """Shows whose names a text's reading blanks: those in ``wordy``, and those holding
        a comma ("XO, Kitty"), which is no clause's edge in "XO, Kitty season 4, announced
        last month, will premiere on June 5"."""
        if self._blanked is None:
            commas = {a.slug for a in self._aliases if not a.strict and "," in a.name}
            self._blanked = self.wordy | commas
        return self._blanked

    def aliases_of(self, slug: str) -> tuple[Alias, ...]:
        """The aliases of show ``slug`` of more than one word."""
        return self._by_slug.get(slug, ())

    def candidates(self, prefixes: set[str]) -> list[Alias]:
        """The aliases a text with these word prefixes may name (it holds all their words)."""
        by_gate = self._by_gate
        return [
            alias
            for prefix in prefixes & self._gates
            for alias in by_gate[prefix]
            if alias.words <= prefixes
        ]

    def find(self, text: str) -> str | None:
        """The slug of the first known show named in ``text``."""
        normalised = normalise(text)
        return self.first_named(self.candidates(text_prefixes(normalised)), normalised, text)

    @staticmethod
    def first_named(candidates: Sequence[Alias], normalised: str, raw: str) -> str | None:
        """The slug of the first of ``candidates`` (see ``candidates``) named in a text, given
        normalised (``raw`` for one-word names).

        The earliest name wins, and the longest at the same place ("The Night
        Agent" over "Night"); a one-word name only when no longer one is found.
        """
        best: tuple[int, int, str] | None = None
        fallback: tuple[int, str] | None = None
        for alias in candidates:
            if alias.strict:
                m = at_word_start(alias.pattern, raw)
                if m is None and alias.capitals is not None:
                    m = at_word_start(alias.capitals, raw)
                if m and (fallback is None or m.start() < fallback[0]):
                    fallback = (m.start(), alias.slug)
                continue
            m = at_word_start(alias.pattern, normalised)
            if m and (best is None or (m.start(), -m.end()) < (best[0], -best[1])):
                best = (m.start(), m.end(), alias.slug)
        if best is not None:
            return best[2]
        return fallback[1] if fallback is not None else None

    def name_spans(
        self, slug: str, candidates: Sequence[Alias], normalised: str
    ) -> tuple[tuple[int, int], ...]:
        """Where ``normalised`` text names show ``slug`` in words ("Nobody Wants This"): its
        words are the show's, not the article's, so they give no context to an event and
        do not frame the piece."""
        if slug not in self.blanked:
            return ()  # none of its words is one the rules read, nor a comma
        spans: list[tuple[int, int]] = []
        for alias in candidates:
            if alias.slug != slug or alias.strict:
                continue
            m = at_word_start(alias.pattern, normalised)
            while m is not None:
                spans.append(m.span())
                m = at_word_start(alias.pattern, normalised, m.end())
        # Two aliases may name one place ("Who Killed Sara?" and its slug's "who killed
        # sara"): one span for both, or the blanked text would run longer than the text.
        merged: list[tuple[int, int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return tuple(merged)

    def spell_seasons(self, slug: str, prefixes: set[str], normalised: str) -> str | None:
        """``normalised`` (whose word prefixes are ``prefixes``) with a season written after
        show ``slug``'s name spelt out for the rules ("squid game 2 trailer" -> "squid game
        season 2 trailer"), or None if it has none."""
        spelt = normalised
        for alias in self._by_slug.get(slug, ()):
            if not alias.words <= prefixes:
                continue
            at = 0
            while (m := at_word_start(alias.numbered, spelt, at)) is not None:
                number = m.start(1)
                spelt = f"{spelt[:number]}season {spelt[number:]}"
                at = m.end() + len("season ")
        return None if spelt is normalised else spelt

    @staticmethod
    def numbered_season(candidates: Sequence[Alias], normalised: str) -> int | None:
        """A season written after a name: "Stranger Things 5"."""
        for alias in candidates:
            if not alias.strict:
                m = at_word_start(alias.numbered, normalised)
                if m:
                    return int(m.group(1))
        return None
