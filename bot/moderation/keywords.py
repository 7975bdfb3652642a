"""Per-feed include/exclude keyword lists, as moderators type them (pure).

The store keeps them comma-separated (``dedupe.stored_words``) and ``bot.news.dedupe.wanted``
matches each word case-insensitively where a word of the title or summary starts
(``dedupe.holds``).
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.errors import UserFacingError
from bot.news.dedupe import filter_text, filter_verdict, fold, shown_words, stored_words

MAX_WORDS = 20
MAX_WORD_LENGTH = 50
_QUOTES = "\"'“”‘’«»„‚`"
# Quotes that keep a phrase's commas ("XO, Kitty"): not the apostrophes, which a word may
# start or end with ('90s, girls').
_PHRASE_QUOTES = tuple('"“”«»„')


def parse_keywords(text: str | None, *, label: str) -> tuple[str, ...]:
    """Comma-separated words, trimmed and de-duplicated (as the filter compares them), in
    order."""
    words: list[str] = []
    seen: set[str] = set()
    for part in _phrases(text or ""):
        # Quotes are how people mark a phrase ("season 4"); kept, no title would match them.
        word = " ".join(part.strip().strip(_QUOTES).split())
        if not word or fold(word) in seen:
            continue
        if len(word) > MAX_WORD_LENGTH:
            raise UserFacingError(
                f"{label}: {word[:20]!r}… is longer than {MAX_WORD_LENGTH} characters."
            )
        seen.add(fold(word))
        words.append(word)
    if len(words) > MAX_WORDS:
        raise UserFacingError(f"{label}: at most {MAX_WORDS} words, separated by commas.")
    return tuple(words)


def _phrases(text: str) -> list[str]:
    """``text`` split at its commas, but for those inside a phrase in double quotes: one
    opening a word and closed by a quote just before a later comma or the end. A quote never
    closed keeps no comma (``"XO, Kitty`` is two words, as it always was)."""
    parts = text.split(",")
    phrases: list[str] = []
    start = 0
    while start < len(parts):
        end = start
        first = parts[start].strip()
        if first.startswith(_PHRASE_QUOTES):
            tails = (first[1:], *(p.strip() for p in parts[start + 1 :]))
            end += next((i for i, t in enumerate(tails) if t.endswith(_PHRASE_QUOTES)), 0)
        phrases.append(",".join(parts[start : end + 1]))
        start = end + 1
    return phrases


def refuse_clash(include: tuple[str, ...], exclude: tuple[str, ...]) -> None:
    """Refuse a word both required and excluded, as the filter compares words ("café" typed
    whole and "café" written e + accent are one): such a filter would never post anything."""
    excluded = {fold(w) for w in exclude}
    clash = next((w for w in include if fold(w) in excluded), None)
    if clash is not None:
        raise UserFacingError(f"“{clash}” can't be both required and excluded; pick one.")


def unwanted(
    queued: Iterable[tuple[int, str, str]], include: tuple[str, ...], exclude: tuple[str, ...]
) -> list[int]:
    """Of queued posts, as (id, their article's title and summary), those this filter drops."""
    return [
        post
        for post, title, summary in queued
        if filter_verdict(filter_text(title, summary), include, exclude) is not None
    ]


def join_keywords(words: tuple[str, ...]) -> str:
    """The stored form (what ``FeedRepo.set_filter`` expects)."""
    return stored_words(words)


def describe_filter(include: tuple[str, ...], exclude: tuple[str, ...]) -> str:
    """One line for moderators, e.g. ``only with: kitty, yuri · never with: quiz`` (a word
    with a comma in quotes, as typed: ``only with: "XO, Kitty", trailer``)."""
    parts = []
    if include:
        parts.append("only with: " + shown_words(include))
    if exclude:
        parts.append("never with: " + shown_words(exclude))
    return " · ".join(parts) or "no filter (everything)"
