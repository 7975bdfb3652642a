"""Which articles are new, fresh enough, and wanted by a guild's filters (pure)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from bot.news.models import Article

# Older than this, an article is history, not news, whatever it says.
MAX_AGE = timedelta(days=14)


def unseen(articles: Iterable[Article], seen_keys: set[str]) -> list[Article]:
    """Articles whose key this feed has not shown us before, in feed order."""
    return [a for a in articles if a.key not in seen_keys]


def too_old(article: Article, now: datetime, max_age: timedelta = MAX_AGE) -> bool:
    # An undated entry is judged by when we first saw it, i.e. now: not too old.
    return article.published is not None and now - article.published > max_age


def wanted(article: Article, include: Sequence[str], exclude: Sequence[str]) -> bool:
    """A guild's keyword filter: any include word must appear, no exclude word may."""
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


def filter_text(title: str, summary: str) -> str:
    """What a guild's keyword filter reads of an article."""
    return f"{title}\n{summary}"


def filter_verdict(text: str, include: Sequence[str], exclude: Sequence[str]) -> str | None:
    """Why a guild's filter drops ``text`` (naming the deciding word, for ``/feeds why``),
    or None when the filter keeps it."""
    folded = fold(text)
    if include and not any(fold(w) in folded for w in include):
        return "contains none of the words it must have (" + ", ".join(include) + ")"
    hit = next((w for w in exclude if fold(w) in folded), None)
    if hit is not None:
        return f"contains the excluded word {hit!r}"
    return None


def fold(text: str) -> str:
    """Text as a filter compares it: case aside, and one form for what Unicode writes two
    ways ("é" typed whole by a moderator, written e + accent by a feed; "ﬁ" and "fi").
    Turkish's four i's are one: casefold makes "İ" an i with a dot mark, so "İSTANBUL"
    did not hold "istanbul", and its capital of "ı" is a plain "I"."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return folded.replace("i\u0307", "i").replace("ı", "i")
