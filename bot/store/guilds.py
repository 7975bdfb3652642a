"""Guild settings repository."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any, Literal

from bot.store.db import Database

Mode = Literal["changes", "all"]
Spoilers = Literal["private", "channel"]


@dataclass(frozen=True, slots=True)
class GuildSettings:
    guild_id: int
    channel_id: int | None = None
    role_id: int | None = None
    mode: Mode = "changes"
    spoilers: Spoilers = "private"
    threads: bool = False
    show_slug: str | None = None
    disabled_reason: str | None = None
    disabled_at: str | None = None

    @property
    def announces(self) -> bool:
        """True when news should be delivered to this guild."""
        return self.channel_id is not None and self.disabled_reason is None


_COLUMNS = tuple(f.name for f in fields(GuildSettings))


def _from_row(row: Any) -> GuildSettings:
    values = dict(zip(_COLUMNS, row, strict=True))
    values["threads"] = bool(values["threads"])
    return GuildSettings(**values)


class GuildRepo:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def get(self, guild_id: int) -> GuildSettings:
        """The guild's settings, or the defaults when it never ran /setup."""
        async with self._db.conn.execute(
            f"SELECT {', '.join(_COLUMNS)} FROM guild_settings WHERE guild_id = ?", (guild_id,)
        ) as cur:
            row = await cur.fetchone()
        return GuildSettings(guild_id=guild_id) if row is None else _from_row(row)

    async def update(self, guild_id: int, **changes: Any) -> GuildSettings:
        """Upsert the given columns; idempotent."""
        unknown = set(changes) - set(_COLUMNS[1:])
        if unknown:
            raise ValueError(f"unknown guild setting(s): {sorted(unknown)}")
        merged = replace(await self.get(guild_id), **changes)
        values = [getattr(merged, c) for c in _COLUMNS]
        placeholders = ", ".join("?" for _ in _COLUMNS)
        updates = ", ".join(f"{c} = excluded.{c}" for c in _COLUMNS[1:])
        await self._db.write(
            f"INSERT INTO guild_settings ({', '.join(_COLUMNS)}) VALUES ({placeholders}) "
            f"ON CONFLICT (guild_id) DO UPDATE SET {updates}, "
            "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
            values,
        )
        return merged

    async def reset(self, guild_id: int) -> None:
        await self._db.write("DELETE FROM guild_settings WHERE guild_id = ?", (guild_id,))

    async def announcing(self) -> list[GuildSettings]:
        """Every guild with an enabled announcement channel."""
        async with self._db.conn.execute(
            f"SELECT {', '.join(_COLUMNS)} FROM guild_settings "
            "WHERE channel_id IS NOT NULL AND disabled_reason IS NULL"
        ) as cur:
            rows = await cur.fetchall()
        return [_from_row(row) for row in rows]
