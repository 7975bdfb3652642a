"""The outbox: deliveries and moderator notices, written before anything is sent."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from bot.store.db import Database
from bot.store.rows import columns, iso, parse_iso, row_mapper


@dataclass(frozen=True, slots=True)
class Delivery:
    id: int
    guild_id: int
    channel_id: int
    dedupe_key: str
    payload: str
    state: str
    attempts: int
    created_at: str
    feed_id: int | None  # the article that queued it (None before migration 4)
    article_key: str | None
    # Publishing from an Announcement channel: 'due', 'done', 'skipped', 'failed' or
    # 'expired' (None elsewhere, and before migration 5).
    publish: str | None = None

    @property
    def message(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(self.payload)
        return data


class Post(NamedTuple):
    """A sent delivery's message, where it stands."""

    delivery_id: int
    guild_id: int
    channel_id: int
    message_id: int


@dataclass(frozen=True, slots=True)
class Notice:
    id: int
    guild_id: int
    dedupe_key: str
    text: str


def _at(text: str) -> datetime:
    moment = parse_iso(text)
    assert moment is not None  # a published row always has its time
    return moment


_DCOLS = columns(Delivery)
_delivery = row_mapper(Delivery, _DCOLS)
_notice = row_mapper(Notice, columns(Notice))


class OutboxRepo:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def enqueue(
        self,
        *,
        guild_id: int,
        channel_id: int,
        dedupe_key: str,
        message: dict[str, Any],
        event_id: int | None = None,
        story_id: int | None = None,
        source: tuple[int, str] | None = None,
    ) -> bool:
        """Queue one post (in the caller's transaction); False if this guild already has it.
        ``source`` is the (feed id, article key) of the article that queues it."""
        feed_id, article_key = source or (None, None)
        cur = await self._db.conn.execute(
            "INSERT OR IGNORE INTO deliveries (guild_id, channel_id, dedupe_key, event_id, "
            "story_id, payload, feed_id, article_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                guild_id,
                channel_id,
                dedupe_key,
                event_id,
                story_id,
                json.dumps(message),
                feed_id,
                article_key,
            ),
        )
        return cur.rowcount > 0

    async def has(self, guild_id: int, dedupe_key: str) -> bool:
        """Whether this guild already has this post queued, sent or failed."""
        return await self.find(guild_id, dedupe_key) is not None

    async def find(self, guild_id: int, dedupe_key: str) -> Delivery | None:
        """This guild's delivery under ``dedupe_key``, whatever its state."""
        return await self._one("guild_id = ? AND dedupe_key = ?", (guild_id, dedupe_key))

    async def queued_by(self, guild_id: int, feed_id: int, article_key: str) -> Delivery | None:
        """This guild's delivery that this article queued, if it queued one."""
        return await self._one(
            "guild_id = ? AND feed_id = ? AND article_key = ?", (guild_id, feed_id, article_key)
        )

    async def _one(self, where: str, params: tuple[object, ...]) -> Delivery | None:
        async with self._db.conn.execute(
            f"SELECT {', '.join(_DCOLS)} FROM deliveries WHERE {where}", params
        ) as cur:
            row = await cur.fetchone()
        return None if row is None else _delivery(row)

    async def due(
        self, now: datetime, limit: int, *, per_guild: int | None = None
    ) -> list[Delivery]:
        """Pending deliveries, and ones a crash left mid-send, oldest first; at most
        ``per_guild`` of each guild's oldest, so one guild's backlog cannot fill a batch."""
        ranked = (
            f"SELECT {', '.join(_DCOLS)}, "
            "row_number() OVER (PARTITION BY guild_id ORDER BY id) AS turn FROM deliveries "
            "WHERE state IN ('pending', 'sending') AND (not_before IS NULL OR not_before <= ?)"
        )
        async with self._db.conn.execute(
            f"SELECT {', '.join(_DCOLS)} FROM ({ranked}) WHERE turn <= ? ORDER BY id LIMIT ?",
            (iso(now), per_guild or limit, limit),
        ) as cur:
            return [_delivery(row) for row in await cur.fetchall()]

    async def mark_sending(self, delivery_id: int) -> Delivery | None:
        """Claim a delivery for sending: the committed row, or None if it is not still unsent.

        ``due`` reads through the shared connection, so it can list a row of another task's
        open transaction that is then rolled back (and its id reused by a later insert).
        This runs under the write lock, where only committed rows are visible, and returns
        what is stored now; a failed row (its guild refused a post) stays failed.
        """
        async with (
            self._db.transaction() as conn,
            conn.execute(
                "UPDATE deliveries SET state = 'sending', attempts = attempts + 1 "
                f"WHERE id = ? AND state IN ('pending', 'sending') RETURNING {', '.join(_DCOLS)}",
                (delivery_id,),
            ) as cur,
        ):
            row = await cur.fetchone()
        return None if row is None else _delivery(row)

    async def mark_sent(
        self,
        delivery_id: int,
        message_id: int,
        now: datetime,
        *,
        channel_id: int | None = None,
        publish: str | None = None,
    ) -> None:
        """Record the post: its message, the channel it went to (the guild's channel at the
        moment of sending, which /setup may have moved since it was queued), and, from an
        Announcement channel, its publishing: 'due' (still to do) or 'done' (already)."""
        await self._db.write(
            "UPDATE deliveries SET state = 'sent', message_id = ?, sent_at = ?, "
            "channel_id = coalesce(?, channel_id), publish = ?, published_at = ?, "
            "last_error = NULL WHERE id = ?",
            (
                message_id,
                iso(now),
                channel_id,
                publish,
                iso(now) if publish == "done" else None,
                delivery_id,
            ),
        )

    # -- publishing (posts in Announcement channels) -------------------------------------

    async def mark_published(self, delivery_id: int, outcome: str, now: datetime) -> None:
        """``outcome``: 'done', 'skipped' (the channel's hour was used) or 'failed'."""
        await self._db.write(
            "UPDATE deliveries SET publish = ?, published_at = ? WHERE id = ?",
            (outcome, iso(now) if outcome == "done" else None, delivery_id),
        )

    async def publishes_due(self, since: datetime) -> list[Post]:
        """Posts sent since ``since`` whose publishing a stop cut short, oldest first; the
        ones sent before it are given up ('expired'): news that old is not passed on."""
        await self._db.write(
            "UPDATE deliveries SET publish = 'expired' WHERE publish = 'due' AND sent_at < ?",
            (iso(since),),
        )
        async with self._db.conn.execute(
            "SELECT id, guild_id, channel_id, message_id FROM deliveries "
            "WHERE publish = 'due' AND state = 'sent' ORDER BY id",
        ) as cur:
            return [Post(*row) for row in await cur.fetchall()]

    async def published_since(self, since: datetime) -> list[tuple[int, datetime]]:
        """(channel id, when) of each publish since ``since``, oldest first: what Discord
        still counts against each channel's hour."""
        async with self._db.conn.execute(
            "SELECT channel_id, published_at FROM deliveries "
            "WHERE publish = 'done' AND published_at >= ? ORDER BY published_at",
            (iso(since),),
        ) as cur:
            rows = await cur.fetchall()
        return [(channel_id, _at(at)) for channel_id, at in rows]

    async def retry_later(self, delivery_id: int, error: str, not_before: datetime) -> None:
        await self._db.write(
            "UPDATE deliveries SET state = 'pending', last_error = ?, not_before = ? WHERE id = ?",
            (error, iso(not_before), delivery_id),
        )

    async def fail(self, delivery_id: int, error: str) -> None:
        await self._db.write(
            "UPDATE deliveries SET state = 'failed', last_error = ? WHERE id = ?",
            (error, delivery_id),
        )

    async def fail_guild(self, guild_id: int, error: str) -> int:
        """Stop every unsent delivery of one guild (its destination is gone)."""
        return await self._db.write(
            "UPDATE deliveries SET state = 'failed', last_error = ? "
            "WHERE guild_id = ? AND state IN ('pending', 'sending')",
            (error, guild_id),
        )

    async def counts(self) -> dict[str, int]:
        async with self._db.conn.execute(
            "SELECT state, count(*) FROM deliveries GROUP BY state"
        ) as cur:
            return {row[0]: row[1] for row in await cur.fetchall()}

    # -- notices -------------------------------------------------------------------------

    async def add_notice(self, guild_id: int, dedupe_key: str, text: str) -> bool:
        """Queue a notice once per (guild, key); returns False if it was already queued."""
        return (
            await self._db.write(
                "INSERT OR IGNORE INTO notices (guild_id, dedupe_key, text) VALUES (?, ?, ?)",
                (guild_id, dedupe_key, text),
            )
            > 0
        )

    async def pending_notices(self, limit: int = 50) -> list[Notice]:
        async with self._db.conn.execute(
            "SELECT id, guild_id, dedupe_key, text FROM notices WHERE state = 'pending' "
            "ORDER BY id LIMIT ?",
            (limit,),
        ) as cur:
            return [_notice(row) for row in await cur.fetchall()]

    async def finish_notice(self, notice_id: int, *, sent: bool) -> None:
        await self._db.write(
            "UPDATE notices SET state = ? WHERE id = ?",
            ("sent" if sent else "failed", notice_id),
        )
