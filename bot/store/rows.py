"""Turning rows into frozen dataclasses, shared by the repositories."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import fields
from datetime import UTC, datetime
from typing import Any, TypeVar

T = TypeVar("T")


def columns(cls: type[Any]) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def row_mapper(cls: Callable[..., T], cols: tuple[str, ...]) -> Callable[[Iterable[Any]], T]:
    def build(row: Iterable[Any]) -> T:
        return cls(**dict(zip(cols, row, strict=True)))

    return build


def iso(moment: datetime) -> str:
    """UTC timestamps as sortable ISO strings (second precision, 'Z')."""
    utc = moment.astimezone(UTC)
    # The year padded by hand: strftime's %Y writes year 1 as "1" on Linux, which neither
    # sorts nor parses back.
    return f"{utc.year:04d}{utc:-%m-%dT%H:%M:%SZ}"


def parse_iso(text: str | None) -> datetime | None:
    if not text:
        return None
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
