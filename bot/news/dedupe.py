"""Which articles are new, fresh enough, and wanted by a guild's filters (pure)."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import NamedTuple

from bot.news.models import Article

# Older than this, an article is history, not news, whatever it says.
MAX_AGE = timedelta(days=14)


def unseen(articles: Iterable[Article], seen_keys: Container[str]) -> list[Article]:
    """Articles whose key this feed has not shown us before, in feed order."""
    return [a for a in articles if a.key not in seen_keys]


@dataclass(frozen=True, slots=True)
class Seen:
    """An entry a feed showed before, as the store keeps it."""

    title: str
    read_as: str  # digests of the headlines it had before this one (``title_digest``)
    verdict: str
    story_id: int | None = None


class Retitled(NamedTuple):
    """An entry seen before whose outlet corrected its headline under the same key."""

    article: Article
    read_as: str  # what the store keeps of the headlines it had before
    judge: bool  # read again; else only stored (a headline read before, or history)


# Verdicts of entries that are history, whatever their headline says later: a feed's backlog,
# its re-keyed entries, and news too old when first seen.
HISTORY = frozenset({"baseline", "reissued", "too_old"})
# Headlines remembered per entry: an A/B test's two, a "Live:" counter's last few.
READ_KEPT = 8


def title_digest(title: str) -> str:
    """A headline as the edit check compares it: case and spacing aside (8 hex digits: a
    clash makes one wording of one entry go unread, no more)."""
    basis = " ".join(fold(title).split())
    return hashlib.blake2b(basis.encode(), digest_size=4).hexdigest()


def retitled(
    articles: Iterable[Article], seen: Mapping[str, Seen], now: datetime
) -> list[Retitled]:
    """Entries seen before whose headline now reads otherwise, in feed order: each is read
    again unless it had this headline before (a headline flipping back and forth is read
    once per wording, so nothing it tells is posted twice) or is history (``HISTORY``, or
    past ``MAX_AGE`` by its own date). A summary edited alone is not read again: excerpts
    and counters change with no news in them."""
    found = []
    for article in articles:
        was = seen.get(article.key)
        if was is None or article.title == was.title:
            continue  # the common case, with no digest worked out
        new, old = title_digest(article.title), title_digest(was.title)
        if new == old:
            continue
        before = was.read_as.split()
        judge = new not in before and was.verdict not in HISTORY and not too_old(article, now)
        kept = [d for d in before if d not in (new, old)] + [old]
        found.append(Retitled(article, " ".join(kept[-READ_KEPT:]), judge))
    return found


def too_old(article: Article, now: datetime, max_age: timedelta = MAX_AGE) -> bool:
    # An undated entry is judged by when we first saw it, i.e. now: not too old.
    return article.published is not None and now - article.published > max_age


def wanted(article: Article, include: Sequence[str], exclude: Sequence[str]) -> bool:
    """A guild's keyword filter: any include word must appear, no exclude word may (where a
    word of the text starts: ``holds``)."""
    return filter_verdict(filter_text(article.title, article.summary), include, exclude) is None


def either_wanted(
    one: tuple[Sequence[str], Sequence[str]], other: tuple[Sequence[str], Sequence[str]]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(include, exclude) keeping every article either filter keeps: any include word of
    either, none if one needs none; only the exclude words both have. (Some an article
    neither kept may pass too: no one filter says "this or that".)"""
    (include, exclude), (more, also_excluded) = one, other
    words = {fold(w) for w in include}
    either = (*include, *(w for w in more if fold(w) not in words)) if include and more else ()
    both = {fold(w) for w in also_excluded}
    return tuple(either), tuple(w for w in exclude if fold(w) in both)


def stored_words(words: Sequence[str]) -> str:
    """A filter's words as the store keeps them (``read_words`` reads them back): separated
    by commas, or, when a word holds one ("XO, Kitty"), each ended by a line break, which
    neither a typed word (its spaces are collapsed) nor a stored list ever held."""
    if any("," in w for w in words):
        return "".join(f"{w}\n" for w in words)
    return ", ".join(words)


def read_words(stored: str) -> tuple[str, ...]:
    """The words of a filter's stored form (``stored_words``)."""
    parts = stored.split("\n") if "\n" in stored else stored.split(",")
    return tuple(w for w in (part.strip() for part in parts) if w)


def shown_words(words: Sequence[str]) -> str:
    """A filter's words for moderators, as they would type them: a word with a comma in
    quotes, so ``"XO, Kitty", trailer`` is two words, not three."""
    return ", ".join(f'"{w}"' if "," in w else w for w in words)


def filter_text(title: str, summary: str) -> str:
    """What a guild's keyword filter reads of an article."""
    return f"{title}\n{summary}"


def filter_verdict(text: str, include: Sequence[str], exclude: Sequence[str]) -> str | None:
    """Why a guild's filter drops ``text`` (naming the deciding word, for ``/feeds why``),
    or None when the filter keeps it."""
    if not (include or exclude):
        return None  # most servers' feeds: no need to fold the text
    folded = fold(text)
    if include and not any(holds(folded, w) for w in include):
        return f"contains none of the words it must have ({shown_words(include)})"
    hit = next((w for w in exclude if holds(folded, w)), None)
    if hit is not None:
        return f"contains the excluded word {hit!r}"
    return None


def holds(folded: str, word: str) -> bool:
    """Whether ``word`` starts a word of ``folded`` (text already ``fold``-ed): "ren" is not
    in "current", nor "xo" in "saxophone", but "renew" is in "renewed" and "kitty" in
    "Kitty's". Where a letter or digit of a spaced script meets another there is no start;
    anywhere else there is: after punctuation ("#xokitty" anywhere, "amour" in "l'amour",
    "kitty" in "xo_kitty"), and next to Thai, kana or CJK, written without spaces. A word
    ending in a digit stops there: "season 4" is not in "season 40"."""
    needle, glued, numeral = _needle(word)
    at = folded.find(needle) if needle else -1
    while at >= 0:
        starts = at == 0 or not (glued and _joins(folded[at - 1]))
        after = folded[at + len(needle) : at + len(needle) + 1]
        if starts and not (numeral and after.isdigit()):
            return True
        at = folded.find(needle, at + 1)
    return False


@lru_cache(maxsize=512)  # about 100 KiB when full
def _needle(word: str) -> tuple[str, bool, bool]:
    """``word`` as ``holds`` looks for it, worked out once per word rather than per article
    × server: folded, whether its start glues to a letter before it, whether it ends in a
    digit."""
    needle = fold(word)
    return needle, _joins(needle[:1]), needle[-1:].isdigit()


# Scripts written without spaces between words (Thai, Lao, Tibetan, Myanmar, Khmer; kana,
# bopomofo, CJK ideographs and their marks 々〆〇): any character may start a word there.
_UNSPACED = (
    (0x0E00, 0x109F),
    (0x1780, 0x17FF),
    (0x3005, 0x3007),
    (0x3040, 0x312F),
    (0x31F0, 0x31FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x3134F),
)


def _joins(char: str) -> bool:
    """Whether ``char`` glues to a letter or digit beside it into one word: a letter, digit or
    mark (Hindi's and Tamil's vowel signs and viramas sit inside words) of a script written
    with spaces between words."""
    if not char or not (char.isalnum() or unicodedata.category(char)[0] == "M"):
        return False
    code = ord(char)
    return code < _UNSPACED[0][0] or not any(lo <= code <= hi for lo, hi in _UNSPACED)


def fold(text: str) -> str:
    """Text as a filter compares it: case aside, and one form for what Unicode writes two
    ways ("é" typed whole by a moderator, written e + accent by a feed; "ﬁ" and "fi").
    Turkish's four i's are one: casefold makes "İ" an i with a dot mark, so "İSTANBUL"
    did not hold "istanbul", and its capital of "ı" is a plain "I"."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return folded.replace("i\u0307", "i").replace("ı", "i")
