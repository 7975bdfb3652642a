"""Guild settings repository."""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any, Literal

from bot.store.db import Database
from bot.store.feeds import NOBODY_FOLLOWS, NOBODY_HERE
from bot.store.rows import iso

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
    departed_at: str | None = None  # the bot was removed from the guild then (None: it is there)
    events: bool = False  # a Discord scheduled event for each dated premiere (/setup events)
    events_problem: str | None = None  # why Discord last refused those events here
    forum: bool = False  # the channel is a forum: each delivery is a new post there
    forum_tag_id: int | None = None  # the tag /setup channel chose for those posts

    @property
    def announces(self) -> bool:
        """True when news should be delivered to this guild."""
        return self.channel_id is not None and self.disabled_reason is None


_COLUMNS = tuple(f.name for f in fields(GuildSettings))
_TOUCHED = "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"


# Every table holding a guild's own rows (a ``guild_id`` column): what a purge deletes. A new
# such table goes here too (tests/unit/test_departed_purge.py reads the schema to make sure).
GUILD_TABLES = (
    "guild_feeds",
    "deliveries",
    "notices",
    "premiere_events",
    "status_cards",
    "guild_settings",
)
# The guilds the bot left before ``:cut`` and is not in now (``:here``): a return the store
# has not recorded yet (its write refused, or the start's guild list unread) is a return.
_LEFT_BEFORE = (
    "SELECT guild_id FROM guild_settings WHERE departed_at < :cut "
    "AND guild_id NOT IN (SELECT value FROM json_each(:here))"
)
# Guilds a purge's transaction deletes at most, and how it names them.
PURGE_BATCH = 200
_THESE = "(SELECT value FROM json_each(:guilds))"
# A server's own feed the purged guilds alone followed is one nobody follows, as after the
# last /feeds remove (``FeedRepo.retire``): stopped, so retention forgets it in due course.
# One already resting for want of a server keeps its date (it has not been polled since).
_NOBODY_LEFT = (
    "UPDATE feeds SET disabled_reason = :nobody, disabled_at = coalesce(disabled_at, :now) "
    "WHERE shared = 0 AND (disabled_reason IS NULL OR disabled_reason = :resting) "
    "AND id IN (SELECT value FROM json_each(:ids)) "
    "AND NOT EXISTS (SELECT 1 FROM guild_feeds g WHERE g.feed_id = feeds.id)"
)


def _from_row(row: Any) -> GuildSettings:
    values = dict(zip(_COLUMNS, row, strict=True))
    values["threads"] = bool(values["threads"])
    values["events"] = bool(values["events"])
    values["forum"] = bool(values["forum"])
    return GuildSettings(**values)


class GuildRepo:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def get(self, guild_id: int) -> GuildSettings:
        """The guild's settings, or the defaults when it never ran /setup."""
        rows = await self._db.rows(
            f"SELECT {', '.join(_COLUMNS)} FROM guild_settings WHERE guild_id = ?", (guild_id,)
        )
        return _from_row(rows[0]) if rows else GuildSettings(guild_id=guild_id)

    async def update(self, guild_id: int, **changes: Any) -> GuildSettings:
        """Set the given columns (creating the row if needed); the settings afterwards.

        Only those columns are written, in one statement, so concurrent updates of other
        settings (a /setup command and the announcer pausing the guild) never undo each other.
        """
        unknown = set(changes) - set(_COLUMNS[1:])
        if unknown:
            raise ValueError(f"unknown guild setting(s): {sorted(unknown)}")
        names = ["guild_id", *changes]
        updates = [f"{c} = excluded.{c}" for c in changes]
        async with (
            self._db.transaction() as conn,
            conn.execute(
                f"INSERT INTO guild_settings ({', '.join(names)}) "
                f"VALUES ({', '.join('?' for _ in names)}) "
                f"ON CONFLICT (guild_id) DO UPDATE SET {', '.join([*updates, _TOUCHED])} "
                f"RETURNING {', '.join(_COLUMNS)}",
                [guild_id, *changes.values()],
            ) as cur,
        ):
            row = await cur.fetchone()
        assert row is not None  # an upsert always returns its row
        return _from_row(row)

    async def disable(self, guild_id: int, channel_id: int, reason: str, at: str) -> bool:
        """Pause announcements after Discord refused ``channel_id``; False (and no change)
        when that is no longer the guild's channel or the guild is already paused."""
        return (
            await self._db.write(
                f"UPDATE guild_settings SET disabled_reason = ?, disabled_at = ?, {_TOUCHED} "
                "WHERE guild_id = ? AND channel_id = ? AND disabled_reason IS NULL",
                (reason, at, guild_id, channel_id),
            )
            > 0
        )

    async def depart(self, guild_id: int, reason: str, at: str) -> None:
        """The bot was removed from the guild: record when (the first time), and pause its
        posting as a refusal does, so its news is held, never tried, and its moderators are
        told when the bot is back. Its settings stay for that return. ``reason`` replaces an
        earlier pause's (a post refused just before the removal event came, a race), which
        the return would otherwise name; the pause keeps its start."""
        async with self._db.transaction() as conn:
            await conn.execute(
                "INSERT INTO guild_settings (guild_id, departed_at) VALUES (?, ?) "
                "ON CONFLICT (guild_id) DO UPDATE SET "
                f"departed_at = coalesce(departed_at, excluded.departed_at), {_TOUCHED}",
                (guild_id, at),
            )
            await conn.execute(
                "UPDATE guild_settings SET disabled_reason = ?, "
                "disabled_at = CASE WHEN disabled_reason IS NULL THEN ? ELSE disabled_at END "
                "WHERE guild_id = ? AND channel_id IS NOT NULL AND disabled_reason IS NOT ?",
                (reason, at, guild_id, reason),
            )

    async def restore(self, guild_id: int) -> bool:
        """The bot is in the guild again; True if it had been recorded as departed. Posting
        stays paused until /setup channel, which checks the bot's rights afresh."""
        return (
            await self._db.write(
                f"UPDATE guild_settings SET departed_at = NULL, {_TOUCHED} "
                "WHERE guild_id = ? AND departed_at IS NOT NULL",
                (guild_id,),
            )
            > 0
        )

    async def purge_departed(
        self, cut: datetime, *, now: datetime, here: Collection[int] = ()
    ) -> list[int]:
        """Delete every row of the guilds the bot left before ``cut`` (``GUILD_TABLES``),
        ``PURGE_BATCH`` guilds a transaction: a return before then keeps everything, one
        after starts afresh. Guilds in ``here`` (the bot is in them now) are kept, whatever
        the store says. The feeds only the purged followed are then followed by nobody. The
        guilds purged."""
        params = {
            "cut": iso(cut),
            "here": json.dumps(sorted(here)),
            "now": iso(now),
            "nobody": NOBODY_FOLLOWS,
            "resting": NOBODY_HERE,
        }
        # Most days nobody left so long ago: a read says so without the write lock, which
        # the start's other jobs (and a host's sqlite3 shell) are waiting for.
        if not await self._db.rows(f"{_LEFT_BEFORE} LIMIT 1", params):
            return []
        gone: list[int] = []
        while batch := await self._purge_batch(params):
            gone += batch
            if len(batch) < PURGE_BATCH:
                break
        return gone

    async def _purge_batch(self, params: dict[str, str]) -> list[int]:
        """One transaction of the purge. Each one reads anew who is to go, so a guild that
        came back while the one before ran is kept; between them commands get the store
        (10,000 guilds at once held it for 1.7 s)."""
        async with self._db.transaction() as conn:
            ids = [
                r[0]
                for r in await conn.execute_fetchall(f"{_LEFT_BEFORE} LIMIT {PURGE_BATCH}", params)
            ]
            if not ids:
                return []
            these = {"guilds": json.dumps(ids)}
            followed = await conn.execute_fetchall(
                f"SELECT DISTINCT feed_id FROM guild_feeds WHERE guild_id IN {_THESE}", these
            )
            for table in GUILD_TABLES:
                await conn.execute(f"DELETE FROM {table} WHERE guild_id IN {_THESE}", these)
            await conn.execute(
                _NOBODY_LEFT, {**params, "ids": json.dumps([r[0] for r in followed])}
            )
        return ids

    async def known(self) -> dict[int, bool]:
        """Every guild the store holds settings or feeds for, and whether the bot left it."""
        async with self._db.conn.execute(
            "SELECT guild_id, departed_at IS NOT NULL FROM guild_settings UNION "
            "SELECT guild_id, 0 FROM guild_feeds "
            "WHERE guild_id NOT IN (SELECT guild_id FROM guild_settings)"
        ) as cur:
            return {row[0]: bool(row[1]) for row in await cur.fetchall()}

    async def reset(self, guild_id: int) -> None:
        await self._db.write("DELETE FROM guild_settings WHERE guild_id = ?", (guild_id,))

    async def with_channel(self) -> list[GuildSettings]:
        """Every guild with an announcement channel, paused ones too (their news is held)."""
        return await self._where("channel_id IS NOT NULL")

    async def announcing(self) -> list[GuildSettings]:
        """Every guild with an enabled announcement channel."""
        return await self._where("channel_id IS NOT NULL AND disabled_reason IS NULL")

    async def keeping_events(self) -> list[GuildSettings]:
        """Every guild with premiere events on (/setup events)."""
        return await self._where("events")

    async def _where(self, condition: str) -> list[GuildSettings]:
        sql = f"SELECT {', '.join(_COLUMNS)} FROM guild_settings WHERE {condition}"
        return [_from_row(row) for row in await self._db.rows(sql)]
