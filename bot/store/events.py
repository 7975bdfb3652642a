"""The Discord scheduled events the bot made for premieres, per guild and season."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.store.db import Database
from bot.store.rows import iso, parse_iso


@dataclass(frozen=True, slots=True)
class PremiereEvent:
    guild_id: int
    show_slug: str
    season: int
    event_id: int | None  # None: being created, or a crash came before its id was recorded
    start: datetime | None
    digest: str | None

    @property
    def key(self) -> tuple[str, int]:
        return self.show_slug, self.season


class EventRepo:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def all(self) -> list[PremiereEvent]:
        rows = await self._db.rows(
            "SELECT guild_id, show_slug, season, event_id, start_at, digest FROM premiere_events "
            "ORDER BY guild_id, show_slug, season"
        )
        return [PremiereEvent(g, s, n, e, parse_iso(at), d) for g, s, n, e, at, d in rows]

    async def intend(self, guild_id: int, show_slug: str, season: int) -> None:
        """Before creating the event: a crash before ``record`` leaves this row to say the
        event may exist already. A row's id (an event deleted by hand, being made again) goes:
        kept, the next run would edit that gone event, find it gone and make a second."""
        await self._db.write(
            "INSERT INTO premiere_events (guild_id, show_slug, season) VALUES (?, ?, ?) "
            "ON CONFLICT (guild_id, show_slug, season) DO UPDATE SET "
            "event_id = NULL, start_at = NULL, digest = NULL",
            (guild_id, show_slug, season),
        )

    async def record(
        self,
        guild_id: int,
        show_slug: str,
        season: int,
        event_id: int,
        start: datetime,
        digest: str,
    ) -> None:
        await self._db.write(
            "INSERT INTO premiere_events (guild_id, show_slug, season, event_id, start_at, digest) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (guild_id, show_slug, season) DO UPDATE SET "
            "event_id = excluded.event_id, start_at = excluded.start_at, digest = excluded.digest",
            (guild_id, show_slug, season, event_id, iso(start), digest),
        )

    async def forget(self, guild_id: int, show_slug: str, season: int) -> None:
        await self._db.write(
            "DELETE FROM premiere_events WHERE guild_id = ? AND show_slug = ? AND season = ?",
            (guild_id, show_slug, season),
        )
