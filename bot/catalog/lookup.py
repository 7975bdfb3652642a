"""Fuzzy, case- and accent-insensitive lookup of cast and episodes.

Autocomplete runs on every keystroke, so every key is normalised once when the index is
built; a query costs one normalisation plus one rapidfuzz pass in C over a few hundred keys.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from rapidfuzz import fuzz, process

from bot.catalog.models import CastMember, Episode, Show
from bot.number_words import CARDINALS

EXACT = 100.0
TOKEN = 95.0  # the query is a whole word of a name: "yuri" in "yuri han"
PREFIX = 90.0  # the query starts a name: "min" in "min ho"
MATCH_AT = 80.0  # a lookup resolves at or above this score
SUGGEST_AT = 55.0  # "did you mean" candidates at or above this score...
_NEAR = 12.0  # ...and within this much of the best one
SHORT = 2  # a query this short matches where a name or word starts, never fuzzily
T = TypeVar("T")
_FOUND_KEPT = 4096  # distinct /cast queries remembered per show...
_FOUND_KEY_MAX = 64  # ...of at most this length: a name is short, a pasted essay is not kept

_NON_WORD = re.compile(r"[\W_]+")
# "e", "ep", "ep.", "episode", "episode #": the word before an episode number.
_EP = r"e(?:p(?:isode)?)?\.?\s*#?"
_CODE_PATTERNS = (
    re.compile(rf"^s(?:eason)?\s*0*(?P<s>\d{{1,2}})\s*[,.:/-]?\s*{_EP}\s*0*(?P<e>\d{{1,3}})$"),
    re.compile(r"^0*(?P<s>\d{1,2})\s*[x×]\s*0*(?P<e>\d{1,3})$"),
    re.compile(r"^0*(?P<s>\d{1,2})\s*[\s.:/-]\s*0*(?P<e>\d{1,3})$"),
    # The episode first: "episode 4 season 1", "ep 4 of season 1", "épisode 4 de la saison 1"
    re.compile(
        rf"^{_EP}\s*0*(?P<e>\d{{1,3}})\s*(?:[,.:/-]|of|from|in|de(?: la)?|del|der|di|della|da)?"
        r"\s*s(?:eason)?\s*0*(?P<s>\d{1,2})$"
    ),
)
_NUMBER_ONLY = re.compile(rf"^(?:{_EP})?\s*#?\s*0*(\d{{1,3}})$")
# How fans dress a code up, read away before it is parsed: Discord markdown ("**S1E4**",
# "||S1E4||", "`S1E4`", "> S1E4"), quotes and brackets ("(S1E4)").
_MARKS = str.maketrans(dict.fromkeys("*_~|`>\"'“”‘’()[]{}«»", " "))
# A CJK keyboard's full-width letters and digits ("Ｓ１Ｅ４"), as ASCII; not every digit-like
# sign: "²" is no episode 2.
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
# Emoji and their joiners ("S1E4 📺"), and accents ("épisode"): nothing a code is made of.
_DROPPED = frozenset(("Mn", "So", "Cf"))
# Other languages' words for "season" and "episode" (the classifier's languages, and the
# Korean and Japanese a K-drama fan may type: "시즌1 4화"), read as the English ones.
_SEASON_WORDS = re.compile(
    r"\b(?:series|saison|temporada|stagione|staffel|seizoen|sezon|sesong|sæson|sasong)\b"
    r"|시즌|シーズン"
)
_EPISODE_WORDS = re.compile(
    r"\b(?:episodio|capitulo|folge|aflevering|odcinek|avsnitt|afsnit)\b|에피소드|エピソード"
)
_EPISODE_AFTER = re.compile(r"第?\s*(\d+)\s*(?:화|회|話)")  # "4화", "第4話": episode 4
# "season one episode four": a number word right after the word it counts.
_NUMBER_WORD = re.compile(rf"\b(season|episode|ep|s|e)\s+({'|'.join(CARDINALS)})\b")
_CODE_MAX = 80  # characters: longer text is no code (and is not worth reading as one)
_SHOW_NAME_AT = 85.0  # fuzz.ratio at which words beside a title spell the show's name
_SHOW_NAME_MIN = 6  # letters those words need: fewer is a word of a title as likely
_LABEL_WORDS = 16  # words: a code and a title together are no longer (and tried at each cut)
# A code typed as far as its season ("S1", "s01e", "season 2 episode", "2x") or into its
# episode number ("s1e1", on its way to S1E10): what autocomplete sees keystroke by keystroke.
_CODE_SO_FAR = (
    re.compile(rf"^s(?:eason)?\s*0*(\d{{1,2}})\s*(?:[,.:/-]?\s*{_EP}\s*(\d{{0,3}}))?$"),
    re.compile(r"^0*(\d{1,2})\s*[x×]\s*(\d{0,3})$"),
)
# A code sent with the full stop or "!" that ends a sentence: "S1E4.", "ep 4!"
_CODE_END = ".!?"
# What fans put after (or before) what they ask for: an emoticon (":)", ":-D", ";P", "<3",
# "xD", "^^") or "pls". Emoji, "!!!" and "??" are read away already; these are not, as they are
# made of letters, digits and the signs a code is (":" in "1:4").
_CHATTER = (
    r"(?:[:;=8]['-]?[)(\]\[dpo3/\\|*]+|[)(\]\[d]['-]?[:;=]|<+/?3+|x+d+|\^+[_.-]?\^+|t_t"
    r"|pl[sz]+|please|thx|thanks|lol|omg)"
)
_CHATTER_AROUND = re.compile(rf"^(?:\s*{_CHATTER}(?=\s))+|(?:(?<=\s){_CHATTER}\s*)+$", re.I)
_CHATTER_SIGNS = re.compile(r"(?:[:;=]['-]?[)(\]\[dp3]+|<+/?3+)+$", re.I)  # "S1E4:)", "S1E4<3"
# "episode" or "season" typed as far as its second letter or more, before any number.
_CODE_WORD = re.compile(r"^(?:ep(?:\.|i(?:s(?:o(?:d(?:e)?)?)?)?)?|se(?:a(?:s(?:o(?:n)?)?)?)?)$")


def normalise(text: str) -> str:
    """Lower-case, strip accents and punctuation, collapse spaces: 'Théo' -> 'theo'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    # Hangul stays composed so Korean names compare syllable by syllable.
    bare = unicodedata.normalize("NFKC", bare)
    return _NON_WORD.sub(" ", bare).strip()


def _code_form(text: str) -> str:
    """``text`` as a code is read: lower case, full-width digits as digits, no accents,
    markdown, brackets or emoji, other languages' season and episode words and number words
    in English, one space between words: '**Saison un Épisode 4**' -> 'season un episode 4'."""
    if len(text) > _CODE_MAX:
        return ""
    decomposed = unicodedata.normalize("NFD", text.translate(_FULL_WIDTH).casefold())
    kept = "".join(c for c in decomposed if unicodedata.category(c) not in _DROPPED)
    raw = unicodedata.normalize("NFC", kept).translate(_MARKS)
    raw = _EPISODE_AFTER.sub(r" episode \1 ", raw)
    raw = _EPISODE_WORDS.sub(" episode ", _SEASON_WORDS.sub(" season ", raw))
    raw = _NUMBER_WORD.sub(lambda m: f"{m[1]} {CARDINALS[m[2]]}", " ".join(raw.split()))
    return raw.rstrip(_CODE_END).strip()


def without_chatter(text: str) -> str:
    """``text`` less the emoticons and "pls" around it: 'S1E4 :)' -> 'S1E4'; ``text`` itself
    when it reads as a code already ("1 :3" is S1E3) or is nothing but chatter ("xD"), and
    when it is longer than a code with its title: the pattern's time grows with the square of
    the length (2 s a keystroke for 9,000 characters pasted into autocomplete)."""
    if len(text) > 2 * _CODE_MAX or _read_as_code(text):
        return text
    bare = _CHATTER_AROUND.sub("", text.strip())
    bare = _CHATTER_SIGNS.sub("", bare).strip()
    return bare if bare and bare != text.strip() else text


def _read_as_code(text: str) -> bool:
    raw = _code_form(text)
    return any(p.match(raw) for p in (*_CODE_PATTERNS, _NUMBER_ONLY, *_CODE_SO_FAR))


def parse_episode_code(text: str) -> tuple[int | None, int] | None:
    """'S1E4', 's01e04', '1x4', '1-4', 'S1-E4', 'season 1 episode 4', 'episode 4 of season 1',
    'saison 1 épisode 4', '**S1E4**' -> (1, 4); '4', 'ep 4', 'Ep. 4', '#4' -> (None, 4)."""
    raw = _code_form(text)
    for pattern in _CODE_PATTERNS:
        match = pattern.match(raw)
        if match:
            return int(match["s"]), int(match["e"])
    match = _NUMBER_ONLY.match(raw)
    return (None, int(match.group(1))) if match else None


def starts_a_code_word(text: str) -> bool:
    """'ep', 'Episode', 'sea': on the way to "episode 4" or "season 1", naming no title."""
    return _CODE_WORD.match(_code_form(text)) is not None


def parse_code_so_far(text: str) -> tuple[int, str] | None:
    """'S1' -> (1, ''), 's01e0' -> (1, '0'), '2x1' -> (2, '1'): a season and the episode
    digits typed so far, for a code that names its season; None for anything else."""
    raw = _code_form(text)
    for pattern in _CODE_SO_FAR:
        match = pattern.match(raw)
        if match:
            return int(match.group(1)), match.group(2) or ""
    return None


def _number_starts(number: int, digits: str) -> bool:
    """Whether typing goes on from ``digits`` to ``number``: '1' to 1 and 10, '0' to 1-9;
    '00', '001' and '010' to 1-9, 1 and 10 (lookup takes a number padded to three digits)."""
    widths = (3,) if len(digits) == 3 or digits.startswith("00") else (1, 2)
    return any(f"{number:0{width}d}".startswith(digits) for width in widths)


MEMO_SIZE = 4096


@dataclass(frozen=True, slots=True)
class _Keys:
    """Normalised keys and, for each, the index of the item it names."""

    keys: tuple[str, ...]
    owners: tuple[int, ...]
    words: tuple[frozenset[str], ...]
    exact: dict[str, tuple[int, ...]]  # key -> items, for the common exact-name case
    longest: int  # characters in the longest key
    # Fans ask for the same few names over and over; the keys never change after loading.
    memo: dict[tuple[str, float], dict[int, float]] = field(default_factory=dict)

    @classmethod
    def build(cls, names_per_item: Sequence[Sequence[str]]) -> _Keys:
        keys: list[str] = []
        owners: list[int] = []
        for index, names in enumerate(names_per_item):
            seen: set[str] = set()
            for name in names:
                key = normalise(name)
                # "min ho" and "minho" are both how fans type it.
                for variant in (key, key.replace(" ", "")):
                    if variant and variant not in seen:
                        seen.add(variant)
                        keys.append(variant)
                        owners.append(index)
        exact: dict[str, tuple[int, ...]] = {}
        for key, owner in zip(keys, owners, strict=True):
            if owner not in exact.get(key, ()):
                exact[key] = (*exact.get(key, ()), owner)
        words = tuple(frozenset(k.split()) for k in keys)
        return cls(tuple(keys), tuple(owners), words, exact, max(map(len, keys), default=0))

    def exactly(self, query: str) -> tuple[int, ...]:
        """Items with a name equal to the normalised ``query`` (spaced or not)."""
        return self.exact.get(query) or self.exact.get(query.replace(" ", ""), ())

    def score(self, query: str, cutoff: float) -> dict[int, float]:
        """Best score per item for an already-normalised, non-empty query (memoised;
        callers must not modify the result)."""
        if len(query) > _FOUND_KEY_MAX:
            # Not kept: each keystroke of a pasted essay is a new query (4,096 of 6,000
            # characters held about 50 MiB).
            return self._score(query, cutoff)
        found = self.memo.get((query, cutoff))
        if found is None:
            if len(self.memo) >= MEMO_SIZE:
                self.memo.clear()
            found = self.memo[(query, cutoff)] = self._score(query, cutoff)
        return found

    def _score(self, query: str, cutoff: float) -> dict[int, float]:
        best: dict[int, float] = {}
        if len(query) > 4 * self.longest and cutoff >= 40:
            # Scored by fuzz.ratio below, every key is under 200 * key / (query + key) < 40,
            # and it is no key, word or prefix of one: skip the pass (15 ms at 6,000 chars).
            return best
        compact = query.replace(" ", "")
        found: Iterable[tuple[float, int]]
        if len(compact) <= SHORT:
            # One or two letters are inside most names (WRatio gave "a" SNAFU, and 21 of the
            # cast): only the exact, word and prefix bonuses below can score them.
            found = ((0.0, i) for i in range(len(self.keys)))
        else:
            found = (
                (score, i)
                for _, score, i in process.extract(
                    query, self.keys, scorer=fuzz.WRatio, limit=None, score_cutoff=cutoff
                )
            )
        for score, i in found:
            key = self.keys[i]
            if 2 * len(key) < len(query):
                # WRatio's partial matching lets a tiny key ("q") match inside any long query.
                score = fuzz.ratio(query, key)
            # Bonuses put whole-word and prefix hits above fuzzy ones; within a band, the name
            # the query covers most of comes first ("min" -> "min ho" before "choi min yeong").
            cover = 4.0 * len(query) / len(key)
            if key in (query, compact):
                score = EXACT
            elif query in self.words[i]:
                score = max(score, TOKEN + cover)
            elif key.startswith(query) or any(w.startswith(query) for w in self.words[i]):
                score = max(score, PREFIX + cover)
            owner = self.owners[i]
            if score >= cutoff and score > best.get(owner, -1.0):
                best[owner] = score
        return best


def _band(score: float) -> float:
    """Scores in one band are equally good answers: a tie means the query is ambiguous."""
    for band in (EXACT, TOKEN, PREFIX):
        if score >= band:
            return band
    return score


def _best(hits: Sequence[tuple[float, T]]) -> list[T]:
    """Of ``hits`` (best first), those in the best one's band, if it reaches ``MATCH_AT``:
    one when the query is clear, several when it is ambiguous."""
    if not hits or hits[0][0] < MATCH_AT:
        return []
    floor = _band(hits[0][0])
    return [item for score, item in hits if score >= floor]


def _ranked(scores: dict[int, float], limit: int) -> list[tuple[float, int]]:
    # Ties keep pack order (main cast first, episodes in airing order).
    return sorted(((s, i) for i, s in scores.items()), key=lambda p: (-p[0], p[1]))[:limit]


class ShowIndex:
    """Precomputed lookup keys for one show; build once per loaded pack."""

    def __init__(self, show: Show) -> None:
        self.show = show
        self._cast = show.cast
        self._cast_keys = _Keys.build([m.names() for m in show.cast])
        # "Professor Lee (Michael K. Lee)", as cards and "did you mean" name a person, and
        # "Professor Lee · Michael K. Lee", as autocomplete labels them: typed or pasted back,
        # they name that person exactly (fuzzily, they read as whichever Lee scores best).
        self._cast_labels = _Keys.build(
            [[f"{m.character} {m.actor}"] if m.character and m.actor else [] for m in show.cast]
        )
        self._episodes = show.episodes()
        self._episode_keys = _Keys.build(
            [[e.title] if e.title is not None else [] for e in self._episodes]
        )
        self._by_code = {(e.season, e.number): e for e in self._episodes}
        # The show's own names, as fans put them before a title ("XO, Kitty TGIF").
        self._show_names = tuple(normalise(n) for n in (show.title, *show.aliases) if n.strip())
        # ...and their words, which fans type alone beside a title too ("Kitty TGIF").
        self._show_words = frozenset(w for name in self._show_names for w in name.split())
        self._show_compact = tuple(name.replace(" ", "") for name in self._show_names)
        # /cast answers by query; the pack never changes, so each distinct query is scored
        # once (bounded: typed-in names are few, but typos are not)
        self._found: dict[str, list[CastMember]] = {}
        self._own_names: dict[tuple[int, int], str | None] = {}

    # -- cast ---------------------------------------------------------------------------------

    def search_cast(
        self, query: str, limit: int = 25, *, season: int | None = None, cutoff: float = 45.0
    ) -> list[tuple[float, CastMember]]:
        """Best first. Nothing typed lists everyone in pack order with score 0; typed text
        with nothing to match on ("?", a zero-width space) finds nobody."""
        members = self._cast
        q = normalise(query)
        if not q:
            if query.strip():
                return []
            hits = [(0.0, m) for m in members if season is None or season in m.seasons]
            return hits[:limit]
        scores = self._cast_keys.score(q, cutoff)
        labelled = self._cast_labels.exactly(q)
        if labelled:  # a copy: the scores are memoised
            scores = {**scores, **dict.fromkeys(labelled, EXACT)}
        ranked = _ranked(scores, len(members))
        hits = [
            (s, members[i]) for s, i in ranked if season is None or season in members[i].seasons
        ]
        return hits[:limit]

    def find_cast(self, query: str) -> list[CastMember]:
        """Members matching ``query``: one when it is clear, several when it is ambiguous
        (e.g. a shared family name), none when nothing scores ``MATCH_AT``."""
        key = normalise(query)
        found = self._found.get(key)
        if found is None:
            found = self._find_cast(key)
            if len(self._found) < _FOUND_KEPT and len(key) <= _FOUND_KEY_MAX:
                self._found[key] = found
        return list(found)

    def _find_cast(self, key: str) -> list[CastMember]:
        exact = self._cast_keys.exactly(key) or self._cast_labels.exactly(key)
        if exact:  # autocomplete values land here: no fuzzy pass needed
            return [self._cast[i] for i in exact]
        return _best(self.search_cast(key, limit=len(self._cast)))

    def namesakes(self, query: str, season: int) -> list[CastMember]:
        """Those in ``season`` one of whose names holds ``query`` whole, for a query whose
        best match show-wide is not in it: "Peter" in season 1 is Alex's actor, Peter
        Thurnwald. A fuzzier likeness is no namesake ("Dan Covey" is not Kitty Song Covey)."""
        hits = self.search_cast(query, len(self._cast), season=season)
        return _best([(score, member) for score, member in hits if score >= TOKEN])

    def own_name(self, member: CastMember, limit: int) -> str | None:
        """The first of ``member``'s names, at most ``limit`` long, that finds them alone; never
        a spoiler alias (a name shown gives no twist away). Kept: autocomplete asks for 25 a
        keystroke, and the pack never changes."""
        key = (id(member), limit)
        if key not in self._own_names:
            secret = set(member.spoiler_aliases)
            self._own_names[key] = next(
                (
                    name
                    for name in member.names()
                    if name not in secret
                    and len(name) <= limit
                    and self.find_cast(name) == [member]
                ),
                None,
            )
        return self._own_names[key]

    def suggest_cast(self, query: str, limit: int = 3) -> list[str]:
        hits = self.search_cast(query, limit, cutoff=SUGGEST_AT)
        return [m.display_name for s, m in hits if s >= hits[0][0] - _NEAR]

    # -- episodes -----------------------------------------------------------------------------

    def episode(self, season: int, number: int) -> Episode | None:
        return self._by_code.get((season, number))

    def find_episode(self, text: str, season: int | None = None) -> Episode | None:
        """By code ('S1E4', '1x4', 's01e04', '1 4'), by number within ``season``, or by title;
        an emoticon or "pls" after it is read away ('S1E4 :)')."""
        bare = without_chatter(text)
        beside = self.season_beside(self.without_show(bare) or bare)
        if beside is not None:
            # "season 1 TGIF" is TGIF in season 1; read before titles fuzzily, which took
            # "S2 TGIF" (and "XO Kitty S2 TGIF") for TGIF, a season 1 episode.
            named, rest = beside
            return self.find_episode(rest, named) if season in (None, named) else None
        found = self._find_episode(text, season)
        if found is None and bare != text:
            found = self._find_episode(bare, season)
        # The show's name beside a title or code is no part of it: "XO, Kitty TGIF" is TGIF.
        if found is not None or not (rest := self.without_show(bare)):
            return found
        return self.find_episode(rest, season)

    def without_show(self, text: str) -> str:
        """``text`` normalised, less the show's name and aliases where they stand as words
        ("XO, Kitty TGIF" -> "tgif"); "" when it names no show, is nothing else, or is a
        title itself."""
        words = normalise(text)
        if not self._read_apart(text, words):
            return ""
        rest = f" {words} "
        for name in self._show_names:
            rest = rest.replace(f" {name} ", " ")
        rest = self._without_show_word(self._without_misspelt_show(rest.strip()))
        return rest if rest != words else ""

    def _read_apart(self, text: str, words: str) -> bool:
        """Whether ``text`` (``words`` normalised) may be read as a title's or name's words
        beside others: short enough to be typed, and no title itself."""
        return len(text) <= 2 * _CODE_MAX and not self._episode_keys.exactly(words)

    def names_the_show(self, text: str) -> bool:
        """Whether ``text`` is the show's name alone, as the pack or a fan spells it ("XO
        Kitty", "xo, kitty", "XOXO Kitty"), not a title ("XO" is S1E1's)."""
        words = normalise(without_chatter(text))
        if not words or not self._read_apart(text, words):
            return False
        compact = words.replace(" ", "")
        if compact in self._show_compact:
            return True
        # Misspelt, it is the name alone only with nothing beside it: "XO Kitty S2" asks for a
        # season, "XO Kitty XO" for S1E1 (each within the name's fuzzy likeness).
        if any(c.isdigit() for c in compact) or self.without_show(words):
            return False
        return self._spells_show(compact)

    def _spells_show(self, compact: str) -> bool:
        """Whether spaceless ``compact`` is the show's name or an alias, or spells one
        otherwise with at least six letters (fewer are a title's word as likely)."""
        return compact in self._show_compact or (
            len(compact) >= _SHOW_NAME_MIN
            and any(fuzz.ratio(compact, name) >= _SHOW_NAME_AT for name in self._show_compact)
        )

    def _without_show_word(self, words: str) -> str:
        """``words`` less a first or last word of the show's name that is no title, when the
        rest is a title exactly or a code so far: "kitty tgif" -> "tgif", "kitty s2" -> "s2".
        "xo tgif" stays: XO is S1E1."""
        split = words.split()
        if len(split) < 2:
            return words
        exact = self._episode_keys.exactly
        for (word,), rest in _ends(split, 1):
            left = " ".join(rest)
            # (a season beside the word too: "kitty s2" is "s2", as "xo kitty s2" is)
            season = parse_code_so_far(left)
            if word in self._show_words and not exact(word) and (exact(left) or season):
                return left
        return words

    def season_beside(self, text: str) -> tuple[int, str] | None:
        """(season, the rest) for a season named before or after other words that are no
        code: "season 1 TGIF", "S1 TGIF", "TGIF saison 1" -> (1, "tgif")."""
        if len(text) > 2 * _CODE_MAX or parse_episode_code(text) is not None:
            return None
        split = normalise(text).split()
        if self._episode_keys.exactly(" ".join(split)):
            return None
        for size in range(1, min(2, len(split) - 1) + 1):
            for cut, rest in _ends(split, size):
                so_far = parse_code_so_far(" ".join(cut))
                if so_far is not None and not so_far[1]:
                    return so_far[0], " ".join(rest)
        return None

    def _without_misspelt_show(self, words: str) -> str:
        """``words`` less a run of up to three words at either end that spells the show's
        name otherwise ("xoxo kitty tgif", "tgif xo kity"): fans rarely type it as the pack
        does. At least six letters, so "kitty" alone, or a title's word, is not taken for it."""
        split = words.split()
        for size in range(min(3, len(split) - 1), 0, -1):
            for cut, rest in _ends(split, size):
                compact = "".join(cut)
                if len(compact) >= _SHOW_NAME_MIN and self._spells_show(compact):
                    return " ".join(rest)
        return words

    def _find_episode(self, text: str, season: int | None) -> Episode | None:
        code = parse_episode_code(text)
        if code is not None:
            code_season, number = code
            if code_season is None:
                return self.episode(season, number) if season is not None else None
            if season is not None and code_season != season:
                return None
            return self.episode(code_season, number)
        if parse_code_so_far(text) is not None:
            return None  # "S1" is a season, not its first episode (nor a title with an S)
        labelled = self._labelled(text, season)
        if labelled is not None:
            return labelled if season in (None, labelled.season) else None
        # The nothing-typed listing scores 0: a listed episode is not a match.
        found = self.episodes_named(text, season)
        return found[0] if len(found) == 1 else None

    def _labelled(self, text: str, season: int | None) -> Episode | None:
        """An episode named by its code and its own title, in either order: "S1E4 TGIF", as
        "did you mean" names it, "S1E4 · TGIF", as cards and autocomplete label it, "TGIF
        (S1E4)" or "S01E04 - TGIF", as fans and other sites write it; an untitled one as
        "S2E3 · title not published" (its card's heading) or "S2E3 Episode 3". The code may
        be a bare number when ``season`` gives the season ("TGIF 4"). Its title may be
        misspelt ("TBHH (S1E5)"): the code and the title agree."""
        for episode, title in self._code_and_rest(text, season):
            if title in (normalise(episode.display_title), normalise(episode.heading_title)):
                return episode
            if self._titled(title) is episode:
                return episode
        return None

    def mislabelled(self, text: str, season: int | None = None) -> tuple[Episode, Episode] | None:
        """(the code's episode, the title's) for a code with another episode's title: "TGIF
        (S1E5)", TGIF being S1E4, or that title misspelt ("TGF (S1E5)"). Neither is surely
        the one meant, so neither is picked."""
        for episode, title in self._code_and_rest(text, season):
            titled = self._titled(title)
            if titled is not None and titled is not episode:
                return episode, titled
        return None

    def _titled(self, title: str) -> Episode | None:
        """The one episode a normalised ``title`` names: exactly, else fuzzily as surely as a
        title alone resolves (``MATCH_AT``, one best). One or two letters are too few to say."""
        exact = self._episode_keys.exactly(title)
        if exact or len(title.replace(" ", "")) <= SHORT:
            return self._episodes[exact[0]] if len(exact) == 1 else None
        hits = _ranked(self._episode_keys.score(title, MATCH_AT), len(self._episodes))
        best = _best(hits)
        return self._episodes[best[0]] if len(best) == 1 else None

    def _code_and_rest(self, text: str, season: int | None) -> Iterator[tuple[Episode, str]]:
        """Each way ``text`` cuts into a code of a known episode and the rest, normalised:
        "TGIF (S1E4)" -> (S1E4, "tgif"). The code may be a bare number when ``season`` gives
        the season ("TGIF 4")."""
        if len(text) > 2 * _CODE_MAX or not any(c.isdigit() for c in text):
            return  # no code in it: autocomplete asks this at every keystroke
        words = normalise(text).split()
        if len(words) > _LABEL_WORDS:
            return
        for cut in range(1, len(words)):
            ahead, behind = " ".join(words[:cut]), " ".join(words[cut:])
            for code_text, rest in ((ahead, behind), (behind, ahead)):
                if not any(c.isdigit() for c in code_text):
                    continue
                code = parse_episode_code(code_text)
                if code is None or (code[0] or season) is None:
                    continue
                episode = self.episode(code[0] or season or 0, code[1])
                if episode is not None:
                    yield episode, rest

    def titled_in(self, text: str) -> list[Episode]:
        """The episodes whose titles are words of ``text``, each once, in order, when the
        whole is no title: "TGIF TBH" names two (and answered TGIF alone, "TBH TGIF" too).
        The show's own name is no title: "XO, Kitty TGIF" names TGIF, not XO too."""
        words = normalise(text)
        if not self._read_apart(text, words):
            return []
        found: list[Episode] = []
        for word in (self.without_show(text) or words).split():
            exact = self._episode_keys.exactly(word)
            episode = self._episodes[exact[0]] if len(exact) == 1 else None
            if episode is not None and episode not in found:
                found.append(episode)
        return found

    def coded_beside_words(self, text: str, season: int | None = None) -> list[Episode]:
        """The known episodes a code in ``text`` names beside other words, each once: "TGFI
        (S1E4)" or "XO Kitty S1E5", its words read as no title, still names S1E4 or S1E5."""
        found: list[Episode] = []
        for episode, _ in self._code_and_rest(text, season):
            if episode not in found:
                found.append(episode)
        return found

    def coded_in(self, text: str) -> list[Episode]:
        """The known episodes the codes among ``text``'s words name, each once, in order:
        "S1E4 vs S1E5" names two."""
        if len(text) > 2 * _CODE_MAX:
            return []
        found: list[Episode] = []
        for word in normalise(text).split():
            code = parse_episode_code(word) if any(c.isdigit() for c in word) else None
            episode = self.episode(code[0], code[1]) if code and code[0] is not None else None
            if episode is not None and episode not in found:
                found.append(episode)
        return found

    def _names_a_code(self, text: str, season: int | None) -> bool:
        """Whether ``text`` is a code, or one typed so far, or a code with its title."""
        return (
            parse_episode_code(text) is not None
            or parse_code_so_far(text) is not None
            or self._labelled(text, season) is not None
        )

    def episodes_named(self, text: str, season: int | None = None) -> list[Episode]:
        """Episodes whose titles match ``text`` best: several when it is ambiguous ("s", in
        KISS as in SNAFU, named the first of them)."""
        hits = self.search_episodes(text, season=season, limit=len(self._episodes), cutoff=MATCH_AT)
        return _best(hits)

    def search_episodes(
        self, text: str, *, season: int | None = None, limit: int = 25, cutoff: float = 45.0
    ) -> list[tuple[float, Episode]]:
        """For autocomplete: a code puts that episode first; otherwise titles match fuzzily.

        Nothing typed lists the episodes in airing order, at score 0; typed text with nothing
        to match on ("?", "...", a zero-width space) finds nothing.
        """
        episodes = [e for e in self._episodes if season is None or e.season == season]
        bare = without_chatter(text)
        if bare != text and self._names_a_code(bare, season):
            text = bare  # "S1E4 :)": the code, not titles that share its letters
        # "XO, Kitty TGF": the title (or code) beside the show's name, not the name's letters.
        text = self.without_show(text) or text
        beside = self.season_beside(text)
        # (two seasons, "season 1 TGIF season 2", ask for neither)
        if (
            beside is not None
            and season in (None, beside[0])
            and self.season_beside(beside[1]) is None
        ):
            # "temporada 1 TGIF", "season 1 XO", "S1 TG": the rest within that season, as
            # /episode reads it (they offered nothing, or LGF for "S1 TG" that answers TGIF).
            # Only what the rest matches well and near the best; none ("S2 TGIF", "S1
            # finale") and the whole text is matched as before.
            within = self.search_episodes(
                beside[1], season=beside[0], limit=limit, cutoff=max(cutoff, MATCH_AT)
            )
            if within:
                return [hit for hit in within if hit[0] >= within[0][0] - _NEAR]
        q = normalise(text)
        if not q:
            return [(0.0, e) for e in episodes[:limit]] if not text.strip() else []
        so_far = parse_code_so_far(text)
        if so_far is not None:
            # Every episode the code can still become, the one it names already first.
            typed_season, digits = so_far
            hits = [
                (EXACT if digits and e.number == int(digits) else PREFIX, e)
                for e in episodes
                if e.season == typed_season and _number_starts(e.number, digits)
            ]
            return sorted(hits, key=lambda hit: -hit[0])[:limit]
        code = parse_episode_code(text)
        if code is not None:
            code_season, number = code
            hits = [
                (EXACT, e)
                for e in episodes
                if e.number == number and code_season in (None, e.season)
            ]
            return hits[:limit]
        labelled = self._labelled(text, season)
        if labelled is not None:
            return [(EXACT, labelled)] if labelled in episodes else []
        named = self.mislabelled(text, season) or self.coded_in(text) or self.titled_in(text)
        if len(named) > 1:  # "TGIF (S1E5)", "S1E4 vs S1E5", "TGIF TBH": each one, to pick from
            return [(EXACT, e) for e in named if e in episodes][:limit]
        ranked = _ranked(self._episode_keys.score(q, cutoff), len(self._episodes))
        pool = set(map(id, episodes))
        hits = [(s, self._episodes[i]) for s, i in ranked if id(self._episodes[i]) in pool]
        # A code beside words naming no title still names its episode, first: "TGFI (S1E4)"
        # or "XO Kitty S1E5" was told to "try S1E4, 1x4 or a title", and offered nothing.
        coded = [e for e in self.coded_beside_words(text, season) if e in episodes]
        top = hits[0][0] if hits else cutoff
        rest = [hit for hit in hits if hit[1] not in coded]
        return [*((top, e) for e in coded), *rest][:limit]

    def suggest_episodes(self, text: str, season: int | None = None, limit: int = 3) -> list[str]:
        hits = self.search_episodes(text, season=season, limit=limit, cutoff=SUGGEST_AT)
        return [f"{e.code} {e.display_title}" for s, e in hits if s >= hits[0][0] - _NEAR]


def _ends(words: list[str], size: int) -> tuple[tuple[list[str], list[str]], ...]:
    """The first and the last ``size`` of ``words``, each with the words left beside it."""
    return ((words[:size], words[size:]), (words[-size:], words[:-size]))


def show_key(name: str) -> str:
    """The key a show title or alias is indexed under: 'XO, Kitty' -> 'xokitty'."""
    return normalise(name).replace(" ", "")
