"""Per-feed include/exclude keyword lists, as moderators type them (pure).

The store keeps them comma-separated and ``bot.news.dedupe.wanted`` matches each
word case-insensitively where a word of the title or summary starts (``dedupe.holds``).
"""

from __future__ import annotations

from bot.errors import UserFacingError
from bot.news.dedupe import fold

MAX_WORDS = 20
MAX_WORD_LENGTH = 50
_QUOTES = "\"'“”‘’«»„‚`"


def parse_keywords(text: str | None, *, label: str) -> tuple[str, ...]:
    """Comma-separated words, trimmed and de-duplicated (as the filter compares them), in
    order."""
    words: list[str] = []
    seen: set[str] = set()
    for part in (text or "").split(","):
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


def refuse_clash(include: tuple[str, ...], exclude: tuple[str, ...]) -> None:
    """Refuse a word both required and excluded, as the filter compares words ("café" typed
    whole and "café" written e + accent are one): such a filter would never post anything."""
    excluded = {fold(w) for w in exclude}
    clash = next((w for w in include if fold(w) in excluded), None)
    if clash is not None:
        raise UserFacingError(f"“{clash}” can't be both required and excluded; pick one.")


def join_keywords(words: tuple[str, ...]) -> str:
    """The stored form (what ``FeedRepo.set_filter`` expects)."""
    return ", ".join(words)


def describe_filter(include: tuple[str, ...], exclude: tuple[str, ...]) -> str:
    """One line for moderators, e.g. ``only with: kitty, yuri · never with: quiz``."""
    parts = []
    if include:
        parts.append("only with: " + ", ".join(include))
    if exclude:
        parts.append("never with: " + ", ".join(exclude))
    return " · ".join(parts) or "no filter (everything)"
