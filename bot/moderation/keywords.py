"""Per-feed include/exclude keyword lists, as moderators type them (pure).

The store keeps them comma-separated and ``bot.news.dedupe.wanted`` matches each
word case-insensitively anywhere in the title or summary.
"""

from __future__ import annotations

from bot.errors import UserFacingError

MAX_WORDS = 20
MAX_WORD_LENGTH = 50


def parse_keywords(text: str | None, *, label: str) -> tuple[str, ...]:
    """Comma-separated words, trimmed and de-duplicated (case-insensitively), in order."""
    words: list[str] = []
    seen: set[str] = set()
    for part in (text or "").split(","):
        word = " ".join(part.split())
        if not word or word.casefold() in seen:
            continue
        if len(word) > MAX_WORD_LENGTH:
            raise UserFacingError(
                f"{label}: {word[:20]!r}… is longer than {MAX_WORD_LENGTH} characters."
            )
        seen.add(word.casefold())
        words.append(word)
    if len(words) > MAX_WORDS:
        raise UserFacingError(f"{label}: at most {MAX_WORDS} words, separated by commas.")
    return tuple(words)


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
