"""Each fan's watch progress: the last episode they have seen, per show."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.domain.progress import Spot
from bot.store.db import Database
from bot.store.rows import iso, parse_iso


@dataclass(frozen=True, slots=True)
class Progress:
    spot: Spot
    updated_at: datetime


class ProgressRepo:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def get(self, user_id: int, show_slug: str) -> Progress | None:
        rows = await self._db.rows(
            "SELECT season, episode, updated_at FROM watch_progress "
            "WHERE user_id = ? AND show_slug = ?",
            (user_id, show_slug),
        )
        if not rows:
            return None
        season, episode, updated_at = rows[0]
        at = parse_iso(updated_at)
        assert at is not None  # NOT NULL, written by set()
        return Progress(Spot(season, episode), at)

    async def set(self, user_id: int, show_slug: str, spot: Spot, now: datetime) -> None:
        await self._db.write(
            "INSERT INTO watch_progress (user_id, show_slug, season, episode, updated_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (user_id, show_slug) DO UPDATE SET "
            "season = excluded.season, episode = excluded.episode, "
            "updated_at = excluded.updated_at",
            (user_id, show_slug, spot.season, spot.episode, iso(now)),
        )

    async def clear(self, user_id: int) -> int:
        """Forget the fan's progress in every show; how many shows' it was."""
        return await self._db.write("DELETE FROM watch_progress WHERE user_id = ?", (user_id,))
