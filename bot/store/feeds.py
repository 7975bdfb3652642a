"""Feeds, their health, and which guilds follow them."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import aiosqlite
from aiosqlite import Row

from bot.news.dedupe import either_wanted, read_words, stored_words
from bot.news.parse import feed_key, safer_spelling
from bot.store.db import Database
from bot.store.news import PUBLIC, View
from bot.store.rows import columns, iso, row_mapper

log = logging.getLogger(__name__)

# Marks a ``last_error`` that is a note on a sound feed (how it was read, e.g. an encoding
# detected), not something wrong: moderators see it as a note, the feed as healthy.
NOTE = "note: "


@dataclass(frozen=True, slots=True)
class Feed:
    id: int
    url: str
    title: str | None
    shared: bool
    etag: str | None
    last_modified: str | None
    body_hash: str | None
    primed: bool
    failures: int
    last_error: str | None
    last_success_at: str | None
    last_attempt_at: str | None
    next_poll_at: str | None
    disabled_reason: str | None
    disabled_at: str | None
    moved_from: str | None = None  # its address before its first permanent redirect

    @property
    def enabled(self) -> bool:
        return self.disabled_reason is None


@dataclass(frozen=True, slots=True)
class GuildFeed:
    feed: Feed
    include: tuple[str, ...]
    exclude: tuple[str, ...]


_COLS = columns(Feed)
_SELECT = f"SELECT {', '.join('f.' + c for c in _COLS)} FROM feeds f"
_from_row = row_mapper(Feed, _COLS)
_ACTIVE = (
    "f.disabled_reason IS NULL AND (f.shared = 1 OR "
    "EXISTS (SELECT 1 FROM guild_feeds g WHERE g.feed_id = f.id))"
)
# Why a feed rests while no server the bot is in follows it (every server it is in follows a
# shared feed): it wakes, afresh, when the bot is back in one of its servers.
NOBODY_HERE = "no server I am in follows it"
# Why a server's own feed stops once no server at all follows it (the last /feeds remove).
NOBODY_FOLLOWS = "no server follows it"
# Some guild the bot has not left follows the feed ``feeds``.
_FOLLOWED_HERE = (
    "EXISTS (SELECT 1 FROM guild_feeds g WHERE g.feed_id = feeds.id AND NOT EXISTS "
    "(SELECT 1 FROM guild_settings s WHERE s.guild_id = g.guild_id AND s.departed_at IS NOT NULL))"
)
# Polling again: ``_AFRESH`` too when nobody heard what the feed published meanwhile.
_ENABLE = "disabled_reason = NULL, disabled_at = NULL, failures = 0, next_poll_at = NULL"
_AFRESH = ", primed = 0, etag = NULL, last_modified = NULL, body_hash = NULL"


# Folding feed :drop into feed :keep, the same feed reached at two addresses. Servers keep
# their subscriptions (and filters); seen keys, and what /feeds why reads, move over, so no
# article either row saw is announced again (a move's: ``_LANDED`` first).
_FOLD = (
    # But for one a row saw since the other's last poll: the other's servers have not heard it
    # yet, so the row kept judges it again (the outbox's keys spare the servers that did).
    "DELETE FROM articles WHERE feed_id IN (:keep, :drop) AND key IN (SELECT a.key "
    "FROM articles a JOIN feeds o ON o.id = :keep + :drop - a.feed_id "
    "WHERE a.feed_id IN (:keep, :drop) AND o.primed AND o.disabled_reason IS NULL "
    "AND o.last_success_at < a.first_seen_at AND NOT EXISTS "
    "(SELECT 1 FROM articles b WHERE b.feed_id = o.id AND b.key = a.key))",
    "INSERT OR IGNORE INTO guild_feeds (guild_id, feed_id, include, exclude, added_by, added_at) "
    "SELECT guild_id, :keep, include, exclude, added_by, added_at FROM guild_feeds "
    "WHERE feed_id = :drop",
    "UPDATE OR IGNORE articles SET feed_id = :keep WHERE feed_id = :drop",
    "UPDATE status_events SET feed_id = :keep WHERE feed_id = :drop",
    "UPDATE deliveries SET feed_id = :keep WHERE feed_id = :drop",
    # A shared feed's former address is the one FEEDS_FILE may list: it is kept over ours.
    "UPDATE feeds SET shared = max(feeds.shared, d.shared), primed = max(feeds.primed, d.primed), "
    "title = coalesce(feeds.title, d.title), "
    "moved_from = coalesce(CASE WHEN d.shared THEN d.moved_from END, feeds.moved_from) "
    "FROM (SELECT * FROM feeds WHERE id = :drop) AS d WHERE feeds.id = :keep",
    "DELETE FROM feeds WHERE id = :drop",
)


# A move lands ``:keep`` on ``:drop``'s address: what ``:drop``'s servers heard is what it saw
# there, so a key only the mover saw goes (a hostile feed could record guessable guids,
# "?p=N", then redirect, and the address's coming articles would never reach its servers).
# Judged again, such an article reaches them; the mover's servers that had it are spared by
# the outbox's keys. A feed there that was never read, or is disabled (its next poll a
# baseline), makes the kept row's next poll a baseline, read whole: nobody heard the address.
_LANDED = (
    "DELETE FROM articles WHERE feed_id = :keep AND NOT EXISTS "
    "(SELECT 1 FROM articles b WHERE b.feed_id = :drop AND b.key = articles.key)",
    "UPDATE feeds SET primed = 0, etag = NULL, last_modified = NULL, body_hash = NULL "
    "WHERE id IN (:keep, :drop) AND EXISTS (SELECT 1 FROM feeds d WHERE d.id = :drop "
    "AND (NOT d.primed OR d.disabled_reason IS NOT NULL))",
)


async def _fold(conn: aiosqlite.Connection, keep: int, drop: int, *, landed: bool = False) -> None:
    """Fold feed ``drop`` into feed ``keep`` (``_FOLD``), in the caller's transaction. A
    server that followed both, each with its filter, heard what either let through: its
    one subscription left keeps that (not the kept row's filter alone). ``landed``: ``keep``
    moved onto ``drop``'s address, whose seen keys stand (``_LANDED``); else both rows' do."""
    both = await conn.execute_fetchall(
        "SELECT k.guild_id, k.include, k.exclude, d.include, d.exclude FROM guild_feeds k "
        "JOIN guild_feeds d ON d.guild_id = k.guild_id WHERE k.feed_id = ? AND d.feed_id = ?",
        (keep, drop),
    )
    for guild_id, *filters in both:
        kept, dropped = [(read_words(filters[i]), read_words(filters[i + 1])) for i in (0, 2)]
        include, exclude = either_wanted(kept, dropped)
        await conn.execute(
            "UPDATE guild_feeds SET include = ?, exclude = ? WHERE guild_id = ? AND feed_id = ?",
            (stored_words(include), stored_words(exclude), guild_id, keep),
        )
    for sql in (*_LANDED, *_FOLD) if landed else _FOLD:
        await conn.execute(sql, {"keep": keep, "drop": drop})


_BY_URL = "SELECT id FROM feeds WHERE url = ?"
_ADDRESSES = "SELECT id, url, moved_from FROM feeds ORDER BY id"


def _alike(rows: Iterable[Row], url: str) -> list[int]:
    """The ids of the feeds in ``rows`` (``_ADDRESSES``) at a spelling of ``url``, or that
    moved away from one."""
    key = feed_key(url)
    return [r[0] for r in rows if key and key in (feed_key(r[1]), feed_key(r[2] or ""))]


class FeedRepo:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def _one(self, where: str, *args: object) -> Feed | None:
        rows = await self._db.rows(f"{_SELECT} WHERE {where} LIMIT 1", args)
        return _from_row(rows[0]) if rows else None

    async def _many(self, sql: str, *args: object) -> list[Feed]:
        return [_from_row(row) for row in await self._db.rows(sql, args)]

    async def get(self, feed_id: int) -> Feed | None:
        return await self._one("f.id = ?", feed_id)

    async def by_url(self, url: str) -> Feed | None:
        return await self._one("f.url = ?", url)

    async def at_address(self, url: str) -> list[Feed]:
        """Feeds stored at another spelling of ``url`` (see ``parse.feed_key``), or that moved
        away from one, oldest first. Every address is read: a /feeds add's or a start's
        look-up, never a poll's."""
        rows = await self._db.rows(_ADDRESSES)
        return [f for f in [await self.get(i) for i in _alike(rows, url)] if f is not None]

    async def add(self, url: str, *, title: str | None = None, shared: bool = False) -> Feed:
        """Create the feed or return the existing one (idempotent on url)."""
        await self._db.write(
            "INSERT INTO feeds (url, title, shared) VALUES (?, ?, ?) "
            "ON CONFLICT (url) DO UPDATE SET shared = max(shared, excluded.shared), "
            "title = coalesce(feeds.title, excluded.title)",
            (url, title, int(shared)),
        )
        feed = await self.by_url(url)
        assert feed is not None
        return feed

    async def add_once(
        self,
        url: str,
        *,
        title: str | None = None,
        shared: bool = False,
        taken_on: datetime | None = None,
    ) -> Feed:
        """``add``, unless a feed is stored at another spelling of ``url`` (or moved away from
        one: ``at_address``): that one, oldest first. Looked for in the insert's transaction,
        so a twin stored since the caller's own look-up (another server's /feeds add, a 301
        onto that spelling) is found, not stored again: ``fold_twins`` runs only once per
        ``parse.KEY_SCHEME``. Every address is read unless ``url`` is stored as it is. An
        https ``url`` for a feed stored as http upgrades its address (``safer_spelling``).
        ``taken_on``: the caller enables the feed next (/feeds add), so a disabled one is dated
        as disabled then; without it (the host's list, each start) its date is left alone."""
        async with self._db.transaction() as conn:
            ids = [r[0] for r in await conn.execute_fetchall(_BY_URL, (url,))]
            if not ids:
                rows = await conn.execute_fetchall(_ADDRESSES)
                ids = _alike(rows, url)[:1]
                stored = {r[0]: r[1] for r in rows}
                if ids and (https := safer_spelling(url, stored[ids[0]])) != stored[ids[0]]:
                    # https asked for a feed stored as http: every server's polls go over
                    # https now. Its seen keys stay, so nothing is posted twice.
                    await conn.execute("UPDATE feeds SET url = ? WHERE id = ?", (https, ids[0]))
            if ids:
                # A disabled one taken on is dated as disabled ``taken_on``, so the day's
                # retention does not forget it, or the baseline the caller records before
                # enabling it, under the caller. NULL stays NULL (enabled), as does the date
                # with no ``taken_on`` (max() with a NULL is NULL).
                on = iso(taken_on) if taken_on is not None else None
                await conn.execute(
                    "UPDATE feeds SET shared = max(shared, ?), title = coalesce(title, ?), "
                    "disabled_at = coalesce(max(disabled_at, ?), disabled_at) WHERE id = ?",
                    (int(shared), title, on, ids[0]),
                )
            else:
                cursor = await conn.execute(
                    "INSERT INTO feeds (url, title, shared) VALUES (?, ?, ?)",
                    (url, title, int(shared)),
                )
                ids = [cursor.lastrowid]
        feed = await self.get(ids[0])
        assert feed is not None
        return feed

    async def share(self, url: str, *, title: str | None = None) -> Feed:
        """The host lists ``url``: share the feed at that address, or the one that moved away
        from it (a 301 changes the stored address, not the host's list), or one at another
        spelling of it (a server's own, added as ``https://www.…/feed/``); else add it."""
        found = await self.by_url(url) or await self._one("f.moved_from = ? ORDER BY f.id", url)
        return await self.add_once(found.url if found else url, title=title, shared=True)

    async def all(self) -> list[Feed]:
        return await self._many(f"{_SELECT} ORDER BY f.id")

    async def active(self) -> list[Feed]:
        """Enabled feeds that someone follows (every guild follows a shared feed)."""
        return await self._many(f"{_SELECT} WHERE {_ACTIVE} ORDER BY f.id")

    async def due(self, now: datetime) -> list[Feed]:
        """Active feeds whose next poll time has come."""
        return await self._many(
            f"{_SELECT} WHERE {_ACTIVE} AND (f.next_poll_at IS NULL OR f.next_poll_at <= ?) "
            "ORDER BY f.id",
            iso(now),
        )

    async def record_success(
        self,
        feed_id: int,
        *,
        now: datetime,
        next_poll: datetime,
        etag: str | None,
        last_modified: str | None,
        body_hash: str | None,
        title: str | None = None,
        note: str | None = None,
    ) -> None:
        """A poll that worked; ``note`` is what was wrong with a feed still worth reading
        (kept in ``last_error``, which a plain success clears)."""
        await self._db.write(
            "UPDATE feeds SET failures = 0, last_error = ?, last_success_at = ?, "
            "last_attempt_at = ?, next_poll_at = ?, etag = coalesce(?, etag), "
            "last_modified = coalesce(?, last_modified), body_hash = coalesce(?, body_hash), "
            "title = coalesce(?, title) WHERE id = ?",
            (
                note,
                iso(now),
                iso(now),
                iso(next_poll),
                etag,
                last_modified,
                body_hash,
                title,
                feed_id,
            ),
        )

    async def record_failure(
        self, feed_id: int, *, now: datetime, next_poll: datetime, error: str
    ) -> int:
        """Count one more consecutive failure; returns the new count. The error takes the
        place of the note or problems the last document left in ``last_error``, so its
        validators go too: the poll that heals reads the document again and says them anew,
        where a 304 or the same bytes would leave an ill-formed feed reading as sound."""
        await self._db.write(
            "UPDATE feeds SET failures = failures + 1, last_error = ?, last_attempt_at = ?, "
            "next_poll_at = ?, etag = NULL, last_modified = NULL, body_hash = NULL "
            "WHERE id = ?",
            (error, iso(now), iso(next_poll), feed_id),
        )
        feed = await self.get(feed_id)
        return feed.failures if feed else 0

    async def disable(self, feed_id: int, reason: str, *, now: datetime) -> None:
        await self._db.write(
            "UPDATE feeds SET disabled_reason = ?, disabled_at = ? WHERE id = ?",
            (reason, iso(now), feed_id),
        )

    async def retire(self, feed_id: int, reason: str, *, now: datetime) -> bool:
        """Stop polling a server's own feed if no server the bot is in follows it; False if
        one does. One statement, so a server subscribing meanwhile is either seen here or sees
        the stop. Servers the bot has left that follow it still have it woken on their return
        (the reason is then theirs, not ``reason``)."""
        return (
            await self._db.write(
                "UPDATE feeds SET disabled_reason = CASE WHEN EXISTS (SELECT 1 FROM guild_feeds g "
                "WHERE g.feed_id = feeds.id) THEN ? ELSE ? END, disabled_at = ? WHERE id = ? "
                f"AND shared = 0 AND disabled_reason IS NULL AND NOT {_FOLLOWED_HERE}",
                (NOBODY_HERE, reason, iso(now), feed_id),
            )
            > 0
        )

    async def rest(self, *, now: datetime, anyone_here: bool) -> int:
        """Stop polling the feeds only servers the bot has left follow, and the shared ones
        too when it is in no server at all (``anyone_here`` False); how many stopped."""
        return await self._db.write(
            "UPDATE feeds SET disabled_reason = ?, disabled_at = ? WHERE disabled_reason IS NULL "
            "AND CASE WHEN shared THEN NOT ? "
            "ELSE EXISTS (SELECT 1 FROM guild_feeds g WHERE g.feed_id = feeds.id) END "
            f"AND NOT {_FOLLOWED_HERE}",
            (NOBODY_HERE, iso(now), anyone_here),
        )

    async def wake(self, *, anyone_here: bool = True) -> int:
        """Poll again the feeds resting for want of a server that follows them that a server
        the bot is in follows now (the shared ones, when it is in any: ``anyone_here``); how
        many woke. Afresh, like a re-enabled shared feed: what they published meanwhile
        reached nobody, so it is history, not news. ``rest``'s inverse: each finds what the
        guild list says of every feed, so a return or a departure cut short is made good by
        the next."""
        return await self._db.write(
            f"UPDATE feeds SET {_ENABLE}{_AFRESH} WHERE disabled_reason = ? "
            f"AND CASE WHEN shared THEN ? ELSE {_FOLLOWED_HERE} END",
            (NOBODY_HERE, anyone_here),
        )

    async def enable(self, feed_id: int, *, afresh: bool = False) -> None:
        """Poll the feed again; ``afresh``: its next poll is a first poll (the baseline), read
        in full, since nobody heard what it published while it was disabled."""
        again = _AFRESH if afresh else ""
        await self._db.write(f"UPDATE feeds SET {_ENABLE}{again} WHERE id = ?", (feed_id,))

    async def unshare(self, feed_id: int) -> None:
        await self._db.write("UPDATE feeds SET shared = 0 WHERE id = ?", (feed_id,))

    async def move(self, feed_id: int, new_url: str) -> None:
        """A permanent redirect: keep the feed's history under its new address.

        A feed already there (at any spelling of it: ``parse.feed_key``) is this one reached
        twice: it is folded into this one (whose poll is under way), so one row polls the
        feed and servers keep hearing it. Every address is read: moves are rare."""
        key = feed_key(new_url)
        async with self._db.transaction() as conn:
            rows = await conn.execute_fetchall(
                "SELECT id, url FROM feeds WHERE id != ?", (feed_id,)
            )
            for twin, url in rows:
                if url != new_url and (not key or feed_key(url) != key):
                    continue
                await _fold(conn, feed_id, twin, landed=True)
                # Ids, not the address: a private feed's address carries its credentials.
                log.info(
                    "feed %d moved to feed %d's address: folded that one into it", feed_id, twin
                )
            await conn.execute(
                "UPDATE feeds SET moved_from = coalesce(moved_from, url), url = ? WHERE id = ?",
                (new_url, feed_id),
            )

    async def fold_twins(self) -> int:
        """Fold the feeds stored at spellings of one address (``parse.feed_key``: a store from
        before those were told apart, or a move onto another spelling) into one, as ``move``
        does; how many rows went. Each row was polled, and a headline edited between their
        polls was a new story to the second. One transaction: a stop midway leaves both rows,
        for the next start to fold. The row kept is the one that works (enabled, fewest
        failures in a row: its address answers), then an https one, then the oldest."""
        folded = 0
        async with self._db.transaction() as conn:
            # The row to keep comes first among its twins.
            rows = await conn.execute_fetchall(
                "SELECT id, url FROM feeds ORDER BY disabled_reason IS NOT NULL, failures, "
                "url NOT LIKE 'https:%', id"
            )
            twins: dict[str, list[int]] = {}
            for feed_id, url in rows:
                if key := feed_key(url):
                    twins.setdefault(key, []).append(feed_id)
            for keep, *drops in twins.values():
                for drop in drops:
                    await _fold(conn, keep, drop)
                    # Ids, not the address: a private feed's address carries its credentials.
                    log.info(
                        "feed %d is at another spelling of feed %d's address: folded it in",
                        drop,
                        keep,
                    )
                    folded += 1
        return folded

    async def mark_primed_in_tx(self, feed_id: int) -> None:
        """The first poll is recorded (call inside the ingest transaction)."""
        await self._db.conn.execute("UPDATE feeds SET primed = 1 WHERE id = ?", (feed_id,))

    # -- guild subscriptions ------------------------------------------------------------

    async def subscribe(self, guild_id: int, feed_id: int, added_by: int | None) -> bool:
        """Follow a feed; False when the guild already follows it."""
        return (
            await self._db.write(
                "INSERT OR IGNORE INTO guild_feeds (guild_id, feed_id, added_by) VALUES (?, ?, ?)",
                (guild_id, feed_id, added_by),
            )
            > 0
        )

    async def unsubscribe(self, guild_id: int, feed_id: int) -> bool:
        return (
            await self._db.write(
                "DELETE FROM guild_feeds WHERE guild_id = ? AND feed_id = ?", (guild_id, feed_id)
            )
            > 0
        )

    async def set_filter(self, guild_id: int, feed_id: int, include: str, exclude: str) -> None:
        """Store a filter's words, each list in its stored form (``dedupe.stored_words``)."""
        await self._db.write(
            "UPDATE guild_feeds SET include = ?, exclude = ? WHERE guild_id = ? AND feed_id = ?",
            (include, exclude, guild_id, feed_id),
        )

    async def for_guild(self, guild_id: int) -> list[GuildFeed]:
        """The guild's own feeds (not the shared ones), oldest first."""
        sql = (
            f"SELECT {', '.join('f.' + c for c in _COLS)}, g.include, g.exclude FROM feeds f "
            "JOIN guild_feeds g ON g.feed_id = f.id WHERE g.guild_id = ? ORDER BY g.added_at, f.id"
        )
        async with self._db.conn.execute(sql, (guild_id,)) as cur:
            rows = await cur.fetchall()
        n = len(_COLS)
        return [
            GuildFeed(_from_row(tuple(r)[:n]), read_words(r[n]), read_words(r[n + 1])) for r in rows
        ]

    async def shared(self) -> list[Feed]:
        return await self._many(f"{_SELECT} WHERE f.shared = 1 ORDER BY f.id")

    async def view_of(self, guild_id: int | None) -> View:
        """What news the guild sees: the public events, and its own feeds' (None: no guild,
        the public view)."""
        if guild_id is None:
            return PUBLIC
        rows = await self._db.rows(
            "SELECT feed_id FROM guild_feeds WHERE guild_id = ? ORDER BY feed_id", (guild_id,)
        )
        return View(tuple(int(r[0]) for r in rows))

    async def views(self) -> dict[int, View]:
        """``view_of`` every guild that follows a feed of its own (the rest see the public
        view): a few bytes a guild, read once per poll that brings news of a show."""
        rows = await self._db.rows(
            "SELECT guild_id, group_concat(feed_id) FROM "
            "(SELECT guild_id, feed_id FROM guild_feeds ORDER BY guild_id, feed_id) "
            "GROUP BY guild_id"
        )
        return {int(g): View(tuple(sorted(int(f) for f in str(ids).split(",")))) for g, ids in rows}

    async def first_follower(self, feed_id: int) -> int | None:
        """The lowest id of the guilds following this feed (None: nobody follows it)."""
        rows = await self._db.rows(
            "SELECT min(guild_id) FROM guild_feeds WHERE feed_id = ?", (feed_id,)
        )
        return rows[0][0] if rows else None

    async def followers(self, feed_id: int) -> dict[int, GuildFeed]:
        """Guilds subscribed to this feed, with their filters (shared feeds: see NewsRepo)."""
        feed = await self.get(feed_id)
        if feed is None:
            return {}
        rows = await self._db.rows(
            "SELECT guild_id, include, exclude FROM guild_feeds WHERE feed_id = ?", (feed_id,)
        )
        return {r[0]: GuildFeed(feed, read_words(r[1]), read_words(r[2])) for r in rows}
