"""Small formatting helpers shared by the moderator embeds (pure)."""

from __future__ import annotations

from datetime import UTC, datetime


def stamp(moment: datetime | str | None, style: str = "R", *, missing: str = "never") -> str:
    """A Discord timestamp (``<t:…:R>``) each reader sees in their own zone."""
    when = _parse(moment) if isinstance(moment, str) else moment
    if when is None:
        return missing
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return f"<t:{int(when.timestamp())}:{style}>"


def _parse(text: str) -> datetime | None:
    # The store writes "…Z"; some writers use isoformat() ("+00:00"): accept both.
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"
