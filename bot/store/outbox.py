"""The outbox: deliveries and moderator notices, written before anything is sent."""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime
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
    last_error: str | None = None  # why it was retried, held or given up

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


# A paused guild's news is held, not sent; news held this long is given up (its reason
# starts with this, so /feeds why can tell it).
HELD_TOO_LONG = "expired: held for over a day while posting here was paused"
# A post Discord refused for what it says (it would refuse it every time), given up at once:
# its reason starts with this and says why, for /feeds why to show.
REFUSED_POST = "Discord refused this post"
# A queued post a moderator's change made unwanted before it went out (its feed removed,
# "status changes only" chosen, /setup reset): its reason starts with this and says which.
WITHDRAWN = "not sent: "
# Whether a row's guild (of ``{table}``) is paused by a refusal
# (``guild_settings.disabled_reason``): its deliveries are held, neither claimed nor given
# up. A key lookup per row.
PAUSED_GUILD = (
    "EXISTS (SELECT 1 FROM guild_settings g WHERE g.guild_id = {table}.guild_id "
    "AND g.disabled_reason IS NOT NULL)"
)
_PAUSED = PAUSED_GUILD.format(table="deliveries")

# A delivery given up without a single attempt (held too long while its guild was paused):
# it never reached the guild, so the post is queued again when news carries it again.
_UNTRIED = "state = 'failed' AND attempts = 0"


class Withdrawn(NamedTuple):
    """A queued post a moderator's change gave up: what it told, and whether it was tried."""

    event_id: int | None
    story_id: int | None
    attempts: int


class Heard(NamedTuple):
    """The posts that tell a guild what a new one would, as ``has`` counts them (queued,
    sent, or given up after a try), whichever mode queued them: "changes" mode keys a post
    by its change, "all" by its story, and a guild may switch between them. Any that told
    one of ``changes``, or any of ``story`` (its all-news post, or the post of the change it
    told). Looked up for one guild by change or story (indexed: migration 14)."""

    changes: tuple[int, ...] = ()
    story: int | None = None

    def match(self) -> tuple[str, tuple[int, ...]]:
        """The SQL condition on a guild's deliveries, whatever their state; its parameters."""
        terms: list[str] = []
        params = list(self.changes)
        if self.changes:
            terms.append(f"event_id IN ({', '.join('?' * len(self.changes))})")
        if self.story is not None:
            terms.append("story_id = ?")
            params.append(self.story)
        return f"({' OR '.join(terms) or 'FALSE'})", tuple(params)

    def where(self) -> tuple[str, tuple[int, ...]]:
        """``match``, of the posts counted as heard."""
        match, params = self.match()
        return f"{match} AND NOT ({_UNTRIED})", params


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
        heard: Heard | None = None,
    ) -> bool:
        """Queue one post (in the caller's transaction); False if this guild already has it,
        or a post ``heard`` counts. ``source`` is the (feed id, article key) of the article
        that queues it.

        A row given up without a single attempt (held too long while its guild was paused)
        never reached the guild, so a later article carrying the same post queues it again,
        as new (a new row, so behind the posts queued since): no attempt means nothing in the
        channel to double."""
        feed_id, article_key = source or (None, None)
        await self._db.conn.execute(
            f"DELETE FROM deliveries WHERE guild_id = ? AND dedupe_key = ? AND {_UNTRIED}",
            (guild_id, dedupe_key),
        )
        # Checked in the insert, not asked first: a poll queues a post per guild.
        unless = ""
        params: tuple[int, ...] = ()
        if heard is not None:
            where, told = heard.where()
            unless = f" WHERE NOT EXISTS (SELECT 1 FROM deliveries WHERE guild_id = ? AND {where})"
            params = (guild_id, *told)
        cur = await self._db.conn.execute(
            "INSERT OR IGNORE INTO deliveries (guild_id, channel_id, dedupe_key, event_id, "
            "story_id, payload, feed_id, article_key) SELECT ?, ?, ?, ?, ?, ?, ?, ?" + unless,
            (
                guild_id,
                channel_id,
                dedupe_key,
                event_id,
                story_id,
                json.dumps(message),
                feed_id,
                article_key,
                *params,
            ),
        )
        return cur.rowcount > 0

    async def has(self, guild_id: int, dedupe_key: str) -> bool:
        """Whether this guild already has this post: queued, sent, or given up after a try.
        One given up untried is not had: ``enqueue`` queues it again."""
        return (
            await self._one(
                f"guild_id = ? AND dedupe_key = ? AND NOT ({_UNTRIED})", (guild_id, dedupe_key)
            )
            is not None
        )

    async def find(self, guild_id: int, dedupe_key: str) -> Delivery | None:
        """This guild's delivery under ``dedupe_key``, whatever its state."""
        return await self._one("guild_id = ? AND dedupe_key = ?", (guild_id, dedupe_key))

    async def has_heard(self, guild_id: int, heard: Heard) -> bool:
        """Whether this guild has a post that ``heard`` counts, as ``has`` counts them."""
        where, params = heard.where()
        return await self._one(f"guild_id = ? AND {where}", (guild_id, *params)) is not None

    async def find_heard(self, guild_id: int, heard: Heard) -> Delivery | None:
        """This guild's post that ``heard`` matches, whatever its state: one that told the
        first change before the others', one that reached the guild before one given up
        untried."""
        match, params = heard.match()
        # By story alone no change comes first: "IS NOT NULL" would put the all-news posts
        # given up untried before the post of the change that told the story.
        first, order = (heard.changes[:1], "event_id IS NOT ?, ") if heard.changes else ((), "")
        return await self._one(
            f"guild_id = ? AND {match} ORDER BY {order}{_UNTRIED}, id LIMIT 1",
            (guild_id, *params, *first),
        )

    async def queued_by(self, guild_id: int, feed_id: int, article_key: str) -> Delivery | None:
        """This guild's delivery that this article queued, if it queued one."""
        return await self._one(
            "guild_id = ? AND feed_id = ? AND article_key = ?", (guild_id, feed_id, article_key)
        )

    async def recorded(self, guild_id: int, message_id: int, *, besides: int) -> bool:
        """Whether another of this guild's deliveries than ``besides`` is recorded as having
        posted ``message_id`` (a resend's search must not take its post for its own)."""
        async with self._db.conn.execute(
            "SELECT 1 FROM deliveries WHERE guild_id = ? AND message_id = ? AND id != ?",
            (guild_id, message_id, besides),
        ) as cur:
            return await cur.fetchone() is not None

    async def _one(self, where: str, params: tuple[object, ...]) -> Delivery | None:
        async with self._db.conn.execute(
            f"SELECT {', '.join(_DCOLS)} FROM deliveries WHERE {where}", params
        ) as cur:
            row = await cur.fetchone()
        return None if row is None else _delivery(row)

    async def due(
        self,
        now: datetime,
        limit: int,
        *,
        per_guild: int | None = None,
        planned_by: datetime | None = None,
    ) -> list[Delivery]:
        """Pending deliveries, and ones a crash left mid-send, oldest first; at most
        ``per_guild`` of each guild's oldest, so one guild's backlog cannot fill a batch.
        A paused guild's are held: not due until /setup channel resumes it. A retry put
        off past ``planned_by`` (no retry waits that long) was put off on a clock since
        set back, and is due."""
        ranked = (
            f"SELECT {', '.join(_DCOLS)}, "
            "row_number() OVER (PARTITION BY guild_id ORDER BY id) AS turn FROM deliveries "
            "WHERE state IN ('pending', 'sending') "
            "AND (not_before IS NULL OR not_before <= ? OR not_before > ?) "
            f"AND NOT {_PAUSED}"
        )
        beyond = iso(planned_by or datetime.max.replace(tzinfo=UTC))
        async with self._db.conn.execute(
            f"SELECT {', '.join(_DCOLS)} FROM ({ranked}) WHERE turn <= ? ORDER BY id LIMIT ?",
            (iso(now), beyond, per_guild or limit, limit),
        ) as cur:
            return [_delivery(row) for row in await cur.fetchall()]

    async def mark_sending(self, delivery_id: int) -> Delivery | None:
        """Claim a delivery for sending: the committed row, or None if it is not still unsent.

        ``due`` reads through the shared connection, so it can list a row of another task's
        open transaction that is then rolled back (and its id reused by a later insert).
        This runs under the write lock, where only committed rows are visible, and returns
        what is stored now; a failed row stays failed, and a paused guild's row stays held
        (a refusal earlier in the batch paused it).
        """
        async with (
            self._db.transaction() as conn,
            conn.execute(
                "UPDATE deliveries SET state = 'sending', attempts = attempts + 1 "
                "WHERE id = ? AND state IN ('pending', 'sending') "
                f"AND NOT {_PAUSED} RETURNING {', '.join(_DCOLS)}",
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
        Announcement channel, its publishing: 'due' (still to do) or 'done' (already).

        The message itself is blanked: nothing reads a sent one (publishing and /feeds why
        go by the post's id and state; only a send, or a resend's search, read it), and it
        is most of what a kept post weighs."""
        await self._db.write(
            "UPDATE deliveries SET state = 'sent', message_id = ?, sent_at = ?, "
            "channel_id = coalesce(?, channel_id), publish = ?, published_at = ?, "
            "last_error = NULL, payload = '{}' WHERE id = ?",
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
        """``outcome``: 'done', 'skipped' (the channel's hour was used), 'failed', or 'due'
        (to be tried again by the next process)."""
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
        """Put a claimed delivery back to be sent later; not one withdrawn meanwhile."""
        await self._db.write(
            "UPDATE deliveries SET state = 'pending', last_error = ?, not_before = ? "
            "WHERE id = ? AND state = 'sending'",
            (error, iso(not_before), delivery_id),
        )

    async def fail(self, delivery_id: int, error: str) -> None:
        await self._db.write(
            "UPDATE deliveries SET state = 'failed', last_error = ? WHERE id = ?",
            (error, delivery_id),
        )

    async def queued_articles(self, guild_id: int, feed_id: int) -> list[tuple[int, str, str]]:
        """The guild's posts still queued, or in flight, that an article of this feed queued,
        with that article as a keyword filter reads it: (delivery id, title, summary)."""
        return [
            (int(r[0]), str(r[1]), str(r[2]))
            for r in await self._db.rows(
                "SELECT d.id, a.title, a.summary FROM deliveries d JOIN articles a "
                "ON a.feed_id = d.feed_id AND a.key = d.article_key "
                "WHERE d.guild_id = ? AND d.feed_id = ? AND d.state IN ('pending', 'sending')",
                (guild_id, feed_id),
            )
        ]

    async def withdraw(
        self,
        guild_id: int,
        why: str,
        *,
        feed_id: int | None = None,
        changes: bool = True,
        ids: Collection[int] | None = None,
    ) -> int:
        """Give up the guild's posts still queued (of one feed; ``changes=False``: only those
        that tell no status change; only those ``ids``), as a moderator's change no longer
        wants them; how many. One in flight is recorded as sent if it lands, and not tried
        again if it fails (not counted). One never tried is queued again by news carrying it
        again (``enqueue``): a change a removed feed had queued still comes from another."""
        async with self._db.transaction():
            return len(
                await self.withdraw_in_tx(guild_id, why, feed_id=feed_id, changes=changes, ids=ids)
            )

    async def withdraw_in_tx(
        self,
        guild_id: int,
        why: str,
        *,
        feed_id: int | None = None,
        changes: bool = True,
        ids: Collection[int] | None = None,
    ) -> list[Withdrawn]:
        """``withdraw``, in the caller's transaction: the queued (not in flight) posts it
        gave up."""
        where = "guild_id = ?"
        params: list[object] = [WITHDRAWN + why, guild_id]
        if feed_id is not None:
            where += " AND feed_id = ?"
            params.append(feed_id)
        if ids is not None:
            if not ids:
                return []
            where += f" AND id IN ({', '.join('?' for _ in ids)})"
            params.extend(ids)
        if not changes:
            where += " AND event_id IS NULL"
        conn = self._db.conn
        await conn.execute(
            f"UPDATE deliveries SET state = 'failed', last_error = ? WHERE {where} "
            "AND state = 'sending'",
            params,
        )
        async with conn.execute(
            f"UPDATE deliveries SET state = 'failed', last_error = ? WHERE {where} "
            "AND state = 'pending' RETURNING event_id, story_id, attempts",
            params,
        ) as cur:
            return [Withdrawn(*row) for row in await cur.fetchall()]

    async def hold(self, delivery_id: int, error: str) -> None:
        """Put a claimed delivery back, unsent, with its claim undone: Discord refused it (or
        its guild is paused), so nothing can be in the channel, and it waits with the guild's
        other held news for /setup channel."""
        await self._db.write(
            "UPDATE deliveries SET state = 'pending', attempts = max(attempts - 1, 0), "
            "last_error = ?, not_before = NULL WHERE id = ? AND state = 'sending'",
            (error, delivery_id),
        )

    async def expire_held(self, queued_before: datetime, guild_id: int | None = None) -> int:
        """Give up paused guilds' held deliveries queued before ``queued_before`` (of one
        guild, or all): stale news is not passed on, and a guild that stays paused does not
        grow the outbox. The reason names the pause, so ``release`` can count them."""
        one = "AND guild_id = ? " if guild_id is not None else ""
        since = (
            "coalesce((SELECT disabled_at FROM guild_settings g "
            "WHERE g.guild_id = deliveries.guild_id), '')"
        )
        return await self._db.write(
            f"UPDATE deliveries SET state = 'failed', last_error = ? || ' (since ' || {since} "
            "|| ')' WHERE state IN ('pending', 'sending') AND created_at < ? "
            f"{one}AND {_PAUSED}",
            (HELD_TOO_LONG, iso(queued_before), *([] if guild_id is None else [guild_id])),
        )

    async def release(self, guild_id: int, paused_at: str | None) -> tuple[int, int]:
        """A paused guild's held news as it resumes (call while it is still paused, after
        ``expire_held``): (posts still to send, posts this pause gave up as too old)."""
        async with self._db.conn.execute(
            "SELECT count(*) FILTER (WHERE state IN ('pending', 'sending')), "
            "count(*) FILTER (WHERE state = 'failed' AND last_error = ?) "
            "FROM deliveries WHERE guild_id = ?",
            (f"{HELD_TOO_LONG} (since {paused_at or ''})", guild_id),
        ) as cur:
            row = await cur.fetchone()
        return (int(row[0]), int(row[1])) if row else (0, 0)

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
