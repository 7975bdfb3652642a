"""The status card each guild keeps (/setup card): where it is, and what it last showed."""

from __future__ import annotations

from dataclasses import dataclass

from bot.store.db import Database

# Each card with its guild's /setup show.
_SELECT = (
    "SELECT c.guild_id, c.channel_id, c.message_id, c.digest, c.problem, c.problem_at, "
    "g.show_slug FROM status_cards c LEFT JOIN guild_settings g USING (guild_id)"
)


@dataclass(frozen=True, slots=True)
class StatusCard:
    guild_id: int
    channel_id: int
    message_id: int | None  # None: not posted yet, or a post a kill left unrecorded
    digest: str | None  # of the card as last written
    problem: str | None = None  # why Discord refused the channel: stopped until /setup card
    problem_at: str | None = None
    show_slug: str | None = None  # the guild's /setup show (None: the default show)

    @property
    def live(self) -> bool:
        return self.problem is None


class CardRepo:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def get(self, guild_id: int) -> StatusCard | None:
        rows = await self._db.rows(f"{_SELECT} WHERE c.guild_id = ?", (guild_id,))
        return StatusCard(*rows[0]) if rows else None

    async def live(self) -> list[StatusCard]:
        """Every card being kept up to date, with its guild's show, in guild order."""
        rows = await self._db.rows(f"{_SELECT} WHERE c.problem IS NULL ORDER BY c.guild_id")
        return [StatusCard(*row) for row in rows]

    async def place(self, guild_id: int, channel_id: int) -> StatusCard | None:
        """Keep the guild's card in ``channel_id`` from now on; the card it had before (None
        if none). The same channel keeps its message (edited, never posted twice); another
        starts with none, and a stop is lifted."""
        async with self._db.transaction() as conn:
            before = await self.get(guild_id)
            await conn.execute(
                "INSERT INTO status_cards (guild_id, channel_id) VALUES (?, ?) "
                "ON CONFLICT (guild_id) DO UPDATE SET channel_id = excluded.channel_id, "
                "message_id = CASE WHEN channel_id = excluded.channel_id THEN message_id END, "
                "digest = NULL, problem = NULL, problem_at = NULL",
                (guild_id, channel_id),
            )
        return before

    async def record(self, guild_id: int, channel_id: int, message_id: int, digest: str) -> bool:
        """The card as written; False (nothing recorded) if the guild moved or dropped its
        card meanwhile."""
        return (
            await self._db.write(
                "UPDATE status_cards SET message_id = ?, digest = ? "
                "WHERE guild_id = ? AND channel_id = ?",
                (message_id, digest, guild_id, channel_id),
            )
            > 0
        )

    async def lost(self, guild_id: int, message_id: int) -> None:
        """The card was deleted (by a moderator): the next write posts a new one."""
        await self._db.write(
            "UPDATE status_cards SET message_id = NULL, digest = NULL "
            "WHERE guild_id = ? AND message_id = ?",
            (guild_id, message_id),
        )

    async def stop(self, guild_id: int, channel_id: int, problem: str, at: str) -> bool:
        """Discord refused the card's channel: stop keeping it. False (no change) when that is
        no longer the card's channel or it was stopped already, so moderators hear it once."""
        return (
            await self._db.write(
                "UPDATE status_cards SET problem = ?, problem_at = ? "
                "WHERE guild_id = ? AND channel_id = ? AND problem IS NULL",
                (problem, at, guild_id, channel_id),
            )
            > 0
        )

    async def forget(self, guild_id: int) -> StatusCard | None:
        """No card any more (/setup card off, /setup reset); the one it had, if any."""
        async with self._db.transaction() as conn:
            before = await self.get(guild_id)
            await conn.execute("DELETE FROM status_cards WHERE guild_id = ?", (guild_id,))
        return before
