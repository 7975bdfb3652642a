"""Which of the classifier's regular expressions can match a text, before running any.

Python's regex engine tries a pattern at every position of a text, and most of
the classifier's patterns open with ``\\b(?:...)``, which leaves it no literal
to skip ahead with: a headline costs a few microseconds per pattern even when
nothing matches, and a headline meets dozens of patterns.  But nearly every
pattern needs particular *words*: ``\\b(?:has|have|had) been (?:cancell?ed|axed)``
cannot match a text without "been" and without a word starting "canc" or "axed".

This module reads each pattern's parse tree once and derives, for each of its
alternatives, the words a match must contain, as groups of word prefixes (the
first ``PREFIX_LEN`` letters; shorter whole words).  A text's word prefixes are
computed once; a pattern runs only when one of its alternatives finds every one
of its groups there.  The groups come from the pattern itself, so the gate
never turns away a text the pattern would match, and the rule tables need no
hand-kept trigger lists that drift from their patterns.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Callable, Collection, Sequence
from functools import cache, partial
from operator import itemgetter
from typing import Any, Protocol

# The parser behind ``re.compile``: private, but the one parser that reads these patterns
# exactly as the engine does.
_parser: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")

PREFIX_LEN = 4
# A Korean word's stem takes its particles and endings glued on ("시즌이", "제작을",
# "공개된다") and a number may follow a noun unspaced ("시즌3"): a word starting in Hangul is
# known by its first two syllables, on both sides of the gate.
HANGUL_PREFIX_LEN = 2
_HANGUL_FIRST, _HANGUL_LAST = "\uac00", "\ud7a3"
# Japanese runs its words together ("シーズン2の制作が決定"), so no word start tells where one
# begins: each kana or kanji stands for itself, a mark like the digit's, on both sides of the
# gate (a text holds the characters it has; a pattern's literal one needs its own).
_KANA_KANJI = re.compile("[\u3040-\u30ff\u4e00-\u9fff]")

Group = frozenset[str]  # at least one of these word prefixes must be in the text
Item = tuple[Any, Any]  # one node of a parse tree: (opcode, argument)

_WORD_RUNS = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")
# ASCII bytes that are not \w become spaces: on ASCII text, ``bytes.translate`` then ``split``
# find the same words as ``\w+``, several times faster than either on ``str``.
_ASCII_BREAKS = bytes(
    code if code >= 128 or _WORD_CHAR.match(chr(code)) else 32 for code in range(256)
)


# Two marks that stand for characters, not words: a digit anywhere, a question mark.
DIGIT_MARK = "0"
QUESTION_MARK = "?"
_DIGIT = re.compile(r"\d")
_FIRST_LETTERS = itemgetter(slice(0, PREFIX_LEN))
# What ``bytes.translate`` deletes to leave an ASCII text's digits.
_NOT_DIGITS = bytes(code for code in range(256) if not 48 <= code <= 57)


def text_prefixes(text: str) -> set[str]:
    """The first ``PREFIX_LEN`` letters of every word (``\\w+`` run) of ``text`` (and the
    first ``HANGUL_PREFIX_LEN`` of a Korean one), plus ``DIGIT_MARK`` when it holds a digit,
    ``QUESTION_MARK`` when it holds a "?", and each kana and kanji it holds."""
    if text.isascii():
        raw = text.encode("ascii")
        found = set(map(_FIRST_LETTERS, raw.translate(_ASCII_BREAKS).decode("ascii").split()))
        has_digit = bool(raw.translate(None, _NOT_DIGITS))
    else:
        runs = _WORD_RUNS.findall(text)
        found = set(map(_FIRST_LETTERS, runs))
        found.update(
            run[:HANGUL_PREFIX_LEN] for run in runs if _HANGUL_FIRST <= run[0] <= _HANGUL_LAST
        )
        found.update(_KANA_KANJI.findall(text))
        has_digit = _DIGIT.search(text) is not None
    if has_digit:
        found.add(DIGIT_MARK)
    if "?" in text:
        found.add(QUESTION_MARK)
    return found


# How often a word prefix turns up in entertainment headlines and their leads (share of
# texts, measured on the training set: those in 3% or more).  Only used to pick which group
# of an alternative to index it by: the rarest one wakes the fewest alternatives.  Unlisted
# prefixes are rare.
_COMMON = {
    "the": 0.6,
    "seas": 0.53,
    "0": 0.48,
    "a": 0.33,
    "of": 0.33,
    "and": 0.27,
    "to": 0.24,
    "on": 0.23,
    "in": 0.22,
    "for": 0.21,
    "s": 0.21,
    "seri": 0.19,
    "is": 0.19,
    "netf": 0.18,
    "2": 0.17,
    "has": 0.16,
    "show": 0.15,
    "that": 0.12,
    "with": 0.12,
    "prod": 0.11,
    "new": 0.1,
    "star": 0.1,
    "3": 0.1,
    "film": 0.1,
    "it": 0.1,
    "will": 0.09,
    "seco": 0.08,
    "fina": 0.08,
    "as": 0.08,
    "epis": 0.08,
    "afte": 0.07,
    "prem": 0.07,
    "rene": 0.07,
    "at": 0.07,
    "be": 0.07,
    "its": 0.07,
    "tv": 0.07,
    "been": 0.07,
    "rele": 0.06,
    "cast": 0.06,
    "firs": 0.06,
    "this": 0.06,
    "retu": 0.06,
    "anno": 0.05,
    "canc": 0.05,
    "was": 0.05,
    "back": 0.05,
    "we": 0.05,
    "an": 0.05,
    "from": 0.05,
    "one": 0.05,
    "are": 0.05,
    "dram": 0.05,
    "stre": 0.05,
    "have": 0.05,
    "?": 0.05,
    "two": 0.05,
    "date": 0.05,
    "4": 0.05,
    "appl": 0.04,
    "trai": 0.04,
    "conf": 0.04,
    "abou": 0.04,
    "fans": 0.04,
    "offi": 0.04,
    "come": 0.04,
    "now": 0.04,
    "thir": 0.04,
    "writ": 0.04,
    "hbo": 0.04,
    "more": 0.04,
    "by": 0.04,
    "what": 0.04,
    "set": 0.04,
    "but": 0.04,
    "up": 0.04,
    "crea": 0.03,
    "just": 0.03,
    "year": 0.03,
    "week": 0.03,
    "four": 0.03,
    "ever": 0.03,
    "last": 0.03,
    "thin": 0.03,
    "la": 0.03,
    "de": 0.03,
    "repo": 0.03,
    "you": 0.03,
    "wrap": 0.03,
    "not": 0.03,
    "news": 0.03,
    "all": 0.03,
    "post": 0.03,
    "time": 0.03,
}
_RARE = 0.003

# Expansion of the letters that follow a word start: each state is (letters so far, status).
_OPEN, _ENDED, _STUCK = 0, 1, 2
_MAX_STATES = 256
# Alternatives a pattern is split into for the index, at most.
_MAX_ALTERNATIVES = 256
_SMALL_BRANCH = 6


@cache
def _is_word(code: int) -> bool:
    return _WORD_CHAR.match(chr(code)) is not None


def _literal_codes(members: Sequence[Item]) -> list[int] | None:
    """The characters of a set like ``[sz]``, or None for ranges, classes, negation."""
    codes = []
    for op, av in members:
        if op is not _c.LITERAL:
            return None
        codes.append(av)
    return codes


def _step(states: set[tuple[str, int]], item: Item) -> set[tuple[str, int]] | None:
    """Advance the open states over one node; None when they grow too many to follow."""
    live = {s for s, status in states if status == _OPEN}
    if not live:
        return states
    done = {state for state in states if state[1] != _OPEN}
    op, av = item
    if op is _c.LITERAL:
        codes: list[int] | None = [av]
    elif op is _c.IN:
        codes = _literal_codes(av)
        if codes is not None and len(codes) > 8:
            codes = None
    else:
        codes = None
    if codes is not None:
        out: set[tuple[str, int]] = set()
        for s in live:
            for code in codes:
                if _is_word(code):
                    word = s + chr(code)
                    out.add((word, _ENDED if len(word) >= PREFIX_LEN else _OPEN))
                else:
                    out.add((s, _ENDED))
    elif op is _c.BRANCH:
        out = set()
        for alternative in av[1]:
            walked = _walk({(s, _OPEN) for s in live}, alternative)
            if walked is None:
                return None
            out |= walked
    elif op is _c.SUBPATTERN:
        walked = _walk({(s, _OPEN) for s in live}, av[3])
        if walked is None:
            return None
        out = walked
    elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, high, body = av
        if high == 1:
            walked = _walk({(s, _OPEN) for s in live}, body)
            if walked is None:
                return None
            out = walked | ({(s, _OPEN) for s in live} if low == 0 else set())
        elif low >= 1:
            walked = _walk({(s, _OPEN) for s in live}, body)
            if walked is None:
                return None
            out = {(s, _STUCK if status == _OPEN else status) for s, status in walked}
        else:
            out = {(s, _STUCK) for s in live}
    elif op is _c.AT:
        if av in (_c.AT_BOUNDARY, _c.AT_END, _c.AT_END_STRING):
            out = {(s, _ENDED if s else _OPEN) for s in live}
        else:
            out = {(s, _OPEN) for s in live}
    elif op in (_c.ASSERT, _c.ASSERT_NOT):
        out = {(s, _OPEN) for s in live}  # zero width: says nothing about the letters
    else:
        out = {(s, _STUCK) for s in live}
    out |= done
    return out if len(out) <= _MAX_STATES else None


def _walk(states: set[tuple[str, int]], items: Sequence[Item]) -> set[tuple[str, int]] | None:
    for item in items:
        stepped = _step(states, item)
        if stepped is None:
            return None
        states = stepped
        if all(status != _OPEN for _, status in states):
            break
    return states


def _word_group(items: Sequence[Item]) -> Group | None:
    """The prefixes of the word that starts where ``items`` start (a word start), or None
    when some path gives too few known letters to tell."""
    states = _walk({("", _OPEN)}, items)
    if states is None:
        return None
    group: set[str] = set()
    for letters, status in states:
        if letters and _KANA_KANJI.match(letters):
            return None  # (no word start in Japanese: its characters are marks)
        if len(letters) >= HANGUL_PREFIX_LEN and _HANGUL_FIRST <= letters[0] <= _HANGUL_LAST:
            group.add(sys.intern(letters[:HANGUL_PREFIX_LEN]))
        elif len(letters) >= PREFIX_LEN:
            group.add(sys.intern(letters[:PREFIX_LEN]))
        elif status == _ENDED and letters:
            group.add(sys.intern(letters))  # a whole short word: "no", "has"
        else:
            return None
    return frozenset(group)


def _matches_word_chars(members: Sequence[Item]) -> bool:
    return any(op is _c.CATEGORY and av is _c.CATEGORY_WORD for op, av in members)


def _breaks_words(item: Item) -> bool:
    """Whether ``item`` matches only characters that are not \\w (a space, ``[ -]``)."""
    op, av = item
    if op is _c.LITERAL:
        return not _is_word(av)
    if op is _c.IN:
        codes = _literal_codes(av)
        if codes is not None:
            return not any(_is_word(code) for code in codes)
        return all(
            op2 is _c.CATEGORY and av2 in (_c.CATEGORY_SPACE, _c.CATEGORY_NOT_WORD)
            for op2, av2 in av
        )
    return False


def _starts_word_after(item: Item, starts: bool) -> bool:
    """Whether a word character right after ``item`` must start a word, given ``starts``,
    the same before it."""
    op, av = item
    if op is _c.AT:
        return starts or av in (_c.AT_BOUNDARY, _c.AT_BEGINNING, _c.AT_BEGINNING_STRING)
    if op is _c.ASSERT_NOT:
        direction, body = av
        looks_back_at_word = (
            direction == -1 and len(body) == 1 and body[0][0] is _c.IN
        ) and _matches_word_chars(body[0][1])
        return starts or looks_back_at_word
    if op is _c.ASSERT:
        direction, body = av
        return starts or (direction == -1 and len(body) == 1 and _breaks_words(body[0]))
    if op is _c.SUBPATTERN:
        return _starts_word_after_all(av[3], starts)
    if op is _c.BRANCH:
        return all(_starts_word_after_all(alt, starts) for alt in av[1])
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, _, body = av
        # whatever came before the last round, it must end with a break
        after_body = _starts_word_after_all(body, False)
        return after_body if low >= 1 else starts and after_body
    return _breaks_words(item)


def _starts_word_after_all(items: Sequence[Item], starts: bool) -> bool:
    for item in items:
        starts = _starts_word_after(item, starts)
    return starts


_ZERO_WIDTH = frozenset((_c.AT, _c.ASSERT, _c.ASSERT_NOT))


# What ``_required`` and ``_word_group`` found for a sequence of parse-tree nodes, by the
# nodes' ids: one per ``pattern_gates`` call, while its tree (and so every id) is alive.
# The expansions of a pattern's branches share most of their nodes, and a list of month
# names is met once per expansion: without it, building the tables took about 5 s.
_Memo = dict[tuple[object, ...], Any]


def _remembered(memo: _Memo, kind: object, items: Sequence[Item], work: Callable[[], Any]) -> Any:
    """``work()``, done once per ``kind`` of result and sequence of nodes."""
    key = (kind, *map(id, items))
    if key not in memo:
        memo[key] = work()
    return memo[key]


def _required(items: Sequence[Item], starts: bool, memo: _Memo) -> list[Group]:
    """Groups that every match of the sequence ``items`` must meet (all of them)."""
    found: list[Group] = _remembered(
        memo, starts, items, partial(_required_uncached, items, starts, memo)
    )
    return found


def _required_uncached(items: Sequence[Item], starts: bool, memo: _Memo) -> list[Group]:
    groups: list[Group] = []
    for at, item in enumerate(items):
        op, av = item
        if starts and op not in _ZERO_WIDTH:
            rest = items[at:]
            group: Group | None = _remembered(memo, None, rest, partial(_word_group, rest))
            if group:
                groups.append(group)
        mark = _mark(item)
        if mark is not None:
            groups.append(frozenset((mark,)))
        elif op is _c.SUBPATTERN:
            groups.extend(_required(av[3], starts, memo))
        elif op is _c.BRANCH:
            # a \b right after the branch tells where its last words end
            tail = list(items[at + 1 : at + 2])
            if tail and tail[0][0] is not _c.AT:
                tail = []
            per_alternative = [_required([*alt, *tail], starts, memo) for alt in av[1]]
            if all(per_alternative):
                groups.append(frozenset().union(*(_best(g) for g in per_alternative)))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
            groups.extend(_required(av[2], starts, memo))
        elif op is _c.ASSERT:
            direction, body = av
            groups.extend(_required(body, starts and direction == 1, memo))
        starts = _starts_word_after(item, starts)
    return groups


def _is_digit_item(op: Any, av: Any) -> bool:
    if op is _c.LITERAL:
        return chr(av).isdigit()
    if op is _c.CATEGORY:
        return av is _c.CATEGORY_DIGIT
    if op is _c.RANGE:
        return chr(av[0]) >= "0" and chr(av[1]) <= "9"
    return False


def _mark(item: Item) -> str | None:
    """The character mark a node needs (see ``text_prefixes``): a digit, a "?", a kana or a
    kanji."""
    op, av = item
    if op is _c.LITERAL and av == ord("?"):
        return QUESTION_MARK
    if op is _c.LITERAL and chr(av).isdigit():
        return DIGIT_MARK
    if op is _c.LITERAL and _KANA_KANJI.match(chr(av)):
        return chr(av)
    if op is _c.IN and av and all(_is_digit_item(o, a) for o, a in av):
        return DIGIT_MARK
    return None


def _rarity(group: Group) -> float:
    """The chance that a text meets ``group`` (roughly): lower is a better index key."""
    return sum(_COMMON.get(prefix, _RARE) for prefix in group)


def _best(groups: Sequence[Group]) -> Group:
    return min(groups, key=lambda g: (_rarity(g), len(g), sorted(g)))


def _alternatives(items: list[Item], budget: int, *, top: bool = True) -> list[list[Item]]:
    """``items`` split at its top-level branches, recursively: one sequence per way through
    them.  Small branches only below the top (a list of forty ordinals gains nothing from
    forty copies), and no more than ``budget`` sequences in all."""
    for at, (op, av) in enumerate(items):
        if op is _c.SUBPATTERN and not av[1] and not av[2]:
            return _alternatives([*items[:at], *av[3], *items[at + 1 :]], budget, top=top)
        if op is _c.BRANCH and len(av[1]) <= (budget if top else min(budget, _SMALL_BRANCH)):
            share = budget // len(av[1])
            out: list[list[Item]] = []
            for alt in av[1]:
                out.extend(_alternatives([*items[:at], *alt, *items[at + 1 :]], share, top=False))
            return out
    return [items]


class Source(Protocol):
    """A pattern's text and flags: what the gates read (a compiled pattern is one)."""

    @property
    def pattern(self) -> str: ...

    @property
    def flags(self) -> int: ...


def pattern_gates(pattern: Source) -> list[tuple[Group, ...]] | None:
    """For each alternative of ``pattern``, the groups a match needs; None when some
    alternative needs none (the pattern must always run)."""
    if pattern.flags & re.IGNORECASE or "(?i" in pattern.pattern:
        raise ValueError(f"gates assume case-sensitive patterns: {pattern.pattern[:40]!r}")
    tree = _parser.parse(pattern.pattern, pattern.flags)
    gates: list[tuple[Group, ...]] = []
    memo: _Memo = {}
    for alternative in _alternatives(list(tree.data), _MAX_ALTERNATIVES):
        groups = tuple(dict.fromkeys(_required(alternative, False, memo)))
        if not groups:
            return None
        if groups not in gates:
            gates.append(groups)
    return gates


def needed_words(pattern: Source) -> frozenset[str] | None:
    """Word prefixes one of which a text must hold for ``pattern`` to match it (each
    alternative's rarest group, together); None when it needs none."""
    gates = pattern_gates(pattern)
    if gates is None:
        return None
    return frozenset().union(*(_best(groups) for groups in gates))


class Prefilter:
    """Which of a list of patterns may match a text, from the text's word prefixes.

    Each alternative of each pattern is filed under its rarest group's prefixes
    (its key), with the next rarest group worth checking, if any; a text admits
    the patterns filed under its prefixes whose check it meets too.
    """

    __slots__ = ("_alone", "_always", "_checks")

    def __init__(self, patterns: Sequence[Source]) -> None:
        always = 0
        alone: dict[str, list[int]] = {}  # key -> the patterns it admits alone
        paired: dict[str, dict[str, list[int]]] = {}  # key -> check prefix -> the patterns
        for number, pattern in enumerate(patterns):
            gates = pattern_gates(pattern)
            if gates is None:
                always |= 1 << number
                continue
            for groups in gates:
                key, check = _key_and_check(groups)
                for prefix in key:
                    if check is None:
                        alone.setdefault(prefix, []).append(number)
                        continue
                    by_check = paired.setdefault(prefix, {})
                    for second in check:
                        by_check.setdefault(second, []).append(number)
        self._always = always
        # The prefixes of one key most often file the same checks: a fifth of the 1,700
        # dicts of them were repeats (0.13 MB). Which are alike is settled before anything
        # is kept, so that what it takes is dropped before the kept dicts are made.
        same_as: dict[str, str] = {}  # prefix -> an earlier one with the same checks
        seen: dict[int, str] = {}
        for prefix, by_check in paired.items():
            digest = hash(tuple((second, tuple(numbers)) for second, numbers in by_check.items()))
            earlier = seen.setdefault(digest, prefix)
            if earlier != prefix and paired[earlier] == by_check:
                same_as[prefix] = earlier
        del seen
        # Most bit sets recur under many prefixes (one pattern's bit, say), and each is an
        # int of a bit per pattern: sharing equal ones keeps one object per value, a tenth
        # of the memory (1.8 MB to 0.2 MB for the whole rule set). The numbers are gathered
        # first and each set made once, the kept ones together: OR-ing as they came left the
        # kept sets among 14,000 dropped ones (2.3 MB), whose pools then stayed resident
        # (1.6 MiB of the bot's RSS).
        # A set of one pattern, most of them, is kept as ``~number`` (negative): 28 bytes where
        # its bit at ``number`` took up to 272 (0.16 MB less); ``admitted`` sets the bit.
        shared: dict[int, int] = {}

        def share(numbers: list[int]) -> int:
            if numbers.count(numbers[0]) == len(numbers):
                one = ~numbers[0]
                return shared.setdefault(one, one)
            bits = 0
            for number in numbers:
                bits |= 1 << number
            return shared.setdefault(bits, bits)

        # The keys that admit alone and those that need a check, each in a dict of its own:
        # no pair per key, no set of every key beside them (0.17 MB less).
        self._alone = {prefix: share(numbers) for prefix, numbers in alone.items()}
        self._checks: dict[str, dict[str, int]] = {}
        for prefix, by_check in paired.items():
            twin = self._checks.get(same_as.get(prefix, prefix))
            self._checks[prefix] = (
                twin
                if twin is not None
                else {second: share(numbers) for second, numbers in by_check.items()}
            )

    def admitted(self, prefixes: set[str]) -> int:
        """The patterns that may match a text with these prefixes, as a bit set: bit ``n``
        stands for the ``n``-th pattern (see ``numbers``)."""
        found = self._always
        alone = self._alone
        for prefix in prefixes & alone.keys():
            bits = alone[prefix]
            found |= bits if bits >= 0 else 1 << ~bits
        checks = self._checks
        for prefix in prefixes & checks.keys():
            by_check = checks[prefix]
            for second in prefixes & by_check.keys():
                bits = by_check[second]
                found |= bits if bits >= 0 else 1 << ~bits
        return found


def numbers(bits: int, start: int = 0, stop: int | None = None) -> list[int]:
    """The positions of the set bits of ``bits`` in ``[start, stop)``, in order."""
    if stop is not None:
        bits &= (1 << stop) - 1
    bits >>= start
    if not bits:
        return []
    found = []
    while bits:
        low = bits & -bits
        found.append(start + low.bit_length() - 1)
        bits ^= low
    return found


# A group this common rules out few texts: checking it costs more than it saves.
_WORTH_CHECKING = 0.6


def _key_and_check(groups: tuple[Group, ...]) -> tuple[Group, Group | None]:
    """The group to file an alternative under, and the next rarest if worth checking."""
    ranked = sorted(groups, key=lambda g: (_rarity(g), len(g), sorted(g)))
    checks = [g for g in ranked[1:] if _rarity(g) <= _WORTH_CHECKING]
    return ranked[0], checks[0] if checks else None


def split_sources(source: str) -> list[str]:
    """The pattern ``source`` cut at its top-level ``|``, as text.

    The prefilter gates each alternative on its own, so a text only pays for
    the alternatives whose words it holds (a rule's twenty ways of saying
    "renewed" cost one small scan, not one scan trying all twenty at every
    position).
    """
    parts: list[str] = []
    depth = 0
    start = 0
    at = 0
    while at < len(source):
        char = source[at]
        if char == "\\":
            at += 2
            continue
        if char == "[":
            # a class: "]" right after "[" or "[^" is a literal
            at += 2 if source.startswith("[^", at) else 1
            at += 1 if at < len(source) and source[at] == "]" else 0
            while at < len(source) and source[at] != "]":
                at += 2 if source[at] == "\\" else 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(source[start:at])
            start = at + 1
        at += 1
    parts.append(source[start:])
    return [_narrowed(part) for part in parts]


def _narrowed(source: str) -> str:
    """``source`` with each character beyond Latin-1 written as its escape (``\\u015b``
    for "ś"), which the parser reads as the same literal, when that is smaller.

    A string takes 2 bytes a character as soon as one of them is beyond Latin-1, and 1
    otherwise: the Polish months in every date made 263 pieces twice their size (0.16 MB of
    text, kept for the lazy compiles). A piece in Korean stays as written."""
    widest = max(source, default="")
    if widest <= "\xff":
        return source
    out: list[str] = []
    at = 0
    while at < len(source):
        char = source[at]
        if char == "\\" and at + 1 < len(source):  # an escaped character stays escaped
            at += 1
            char = source[at]
            out.append(_escape(char) if char > "\xff" else "\\" + char)
        else:
            out.append(_escape(char) if char > "\xff" else char)
        at += 1
    narrow = "".join(out)
    return narrow if len(narrow) < len(source) * (2 if widest <= "\uffff" else 4) else source


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def lead_words(pattern: Source) -> frozenset[str] | None:
    """The prefixes one of which every match of ``pattern`` starts with, when it starts at a
    word (``\\bcancel...``): trying the pattern at the words that begin so finds what a scan
    of the whole text would.  None when the pattern may start mid-word, with too little
    known, or with so many words that finding them costs more than the scan."""
    items = list(_parser.parse(pattern.pattern, pattern.flags).data)
    starts = False
    for at, item in enumerate(items):
        if item[0] in _ZERO_WIDTH:
            starts = _starts_word_after(item, starts)
            continue
        if not starts:
            return None
        return _word_group(items[at:]) or None
    return None


def word_starts(
    text: str, lead: Collection[str], pos: int = 0, endpos: int | None = None
) -> list[int]:
    """Where in ``text[pos:endpos]`` a word begins with one of ``lead`` (its ``lead_words``):
    the only places a match can start."""
    end = len(text) if endpos is None else endpos
    found: list[int] = []
    find = text.find
    for prefix in lead:
        at = find(prefix, pos, end)
        while at != -1:
            if at == 0:
                found.append(at)
            else:
                before = text[at - 1]
                if before == " " or not (before.isalnum() or before == "_"):
                    found.append(at)
            at = find(prefix, at + 1, end)
    if len(lead) > 1:
        found.sort()
    return found
