"""Retention: what the store forgets, and when, so its file levels off instead of growing.

Each rule keeps what dedupe, ``/status`` and ``/feeds why`` still need:

* A seen article goes once its date and its last sighting are both ``RETENTION`` old and
  its feed no longer carries it: forgotten while carried, an entry re-dated when edited (an
  Atom feed with only ``<updated>``) would read as new, and be posted twice. Read again once
  forgotten, it is older than the pipeline's max age, never news.
  Its mark (``last_seen_at``; NULL: ``first_seen_at``) is brought up to the poll by each
  ingest of a changed document holding its key, once it is ``MARK_EVERY`` old (a feed
  polled every 15 minutes does not rewrite its rows each time). A 304 or the same body
  writes nothing yet carries what the last changed document did, so neither the mark alone
  nor ``last_success_at`` says whether the key is still there. The feed's own marks do: an
  ingest that marked any key (a new one, a stale one) marked every stale key it held, so a
  key whose mark is more than ``MARK_EVERY`` older than its feed's latest mark was missing
  from that document, and from every one since (back, it would have been marked anew).
  Any other key may still be carried, and stays; a feed that stops changing (304 for
  good, or empty) keeps what it last carried.
  An undated article is new whenever it is first seen, so its key stays while its feed is
  polled. A feed not polled for ``RETENTION`` (removed, disabled) loses its articles: it is
  only ever polled again from a first poll, a baseline that announces nothing.
* A finished post (sent, or given up) goes ``RETENTION`` after it was queued. A change is
  queued again only as a repeat within the max age of when it was told; an all-news post
  is keyed by its story, so it stays while an article of that story does. A paused
  guild's given-up posts stay (resuming counts them), as does a publish still due; not
  those of a guild the bot was removed from: its news is given up daily for as long as it
  stays away (for good, often), and its return starts afresh.
* A notice told goes after ``RETENTION`` too (its key names the moment it is about),
  unless its guild is paused (and still has the bot).
* A story goes when no article, event or post cites it, ``RETENTION`` after it was told.
* A feed goes once it has not been polled for ``RETENTION`` (its articles went with that)
  and neither a server (one the bot has left, too) nor the host's list names it: one a
  moderator removed, or the host unlisted. Added again, it is a new feed, whose first poll
  is a baseline, as the old one's next would have been. The newest feed stays, so a feed's
  id is never reused: a post's record names the feed that queued it.
* Learned events stay: ``/status`` shows them, with the stories they cite.

Each table is walked in runs of ``BATCH`` rows by id, one short statement each, so the
write lock and aiosqlite's one thread are never held long and commands keep answering.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, fields
from datetime import datetime, timedelta

from bot.store.db import Database
from bot.store.rows import iso

# Well past the pipeline's 14-day max age (a re-seen article's date must read as too old)
# and its repeat window; long enough for /feeds why to explain a month of verdicts.
RETENTION = timedelta(days=30)
BATCH = 500
# How stale a seen key's mark gets before a poll still carrying it refreshes it.
MARK_EVERY = timedelta(days=1)
MARK = "coalesce(last_seen_at, first_seen_at)"  # the expression migration 9 indexes

_EVERY = f"-{MARK_EVERY.total_seconds():.0f} seconds"  # SQLite's date modifier
# The row's guild (of ``{table}``) is paused (``PAUSED_GUILD``) and still has the bot: what
# its pause held stays for its resuming.
_HELD_HERE = (
    "EXISTS (SELECT 1 FROM guild_settings g WHERE g.guild_id = {table}.guild_id "
    "AND g.disabled_reason IS NOT NULL AND g.departed_at IS NULL)"
)

# (table, its id, what may go), in this order: stories once what cited them went, feeds once
# their articles did.
_RULES = (
    (
        "articles",
        "rowid",
        f"(published IS NOT NULL AND published < :cut AND {MARK} < :cut "
        f"AND {MARK} < (SELECT strftime('%Y-%m-%dT%H:%M:%SZ', max({MARK}), :every) "
        "FROM articles AS later WHERE later.feed_id = articles.feed_id)) "
        "OR feed_id IN (SELECT id FROM feeds WHERE disabled_at < :cut)",
    ),
    (
        "deliveries",
        "id",
        "state IN ('sent', 'failed') AND created_at < :cut "
        "AND (publish IS NULL OR publish != 'due') "
        f"AND NOT (state = 'failed' AND {_HELD_HERE.format(table='deliveries')}) "
        # all-news mode's key (pipeline.queue_offer): the story is news once per guild
        "AND NOT (dedupe_key = 'story:' || story_id "
        "AND EXISTS (SELECT 1 FROM articles a WHERE a.story_id = deliveries.story_id))",
    ),
    (
        "notices",
        "id",
        f"state != 'pending' AND created_at < :cut AND NOT {_HELD_HERE.format(table='notices')}",
    ),
    (
        "stories",
        "id",
        "first_seen_at < :cut "
        "AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.story_id = stories.id) "
        "AND NOT EXISTS (SELECT 1 FROM status_events e WHERE e.story_id = stories.id) "
        "AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.story_id = stories.id) "
        # another wording of a story (a corrected headline's) lives as long as its story;
        # the story's delete nulls its same_as, and the next prune takes it
        "AND NOT EXISTS (SELECT 1 FROM stories s WHERE s.id = stories.same_as)",
    ),
    (
        "feeds",
        "id",
        "shared = 0 AND disabled_at < :cut "
        "AND NOT EXISTS (SELECT 1 FROM guild_feeds g WHERE g.feed_id = feeds.id) "
        "AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.feed_id = feeds.id) "
        "AND id < (SELECT max(id) FROM feeds)",
    ),
)


@dataclass(slots=True)
class Pruned:
    """Rows forgotten (or, in a dry run, that would be), per table."""

    articles: int = 0
    deliveries: int = 0
    notices: int = 0
    stories: int = 0
    feeds: int = 0

    @property
    def total(self) -> int:
        return sum(getattr(self, f.name) for f in fields(self))

    def __str__(self) -> str:
        return ", ".join(f"{getattr(self, f.name)} {f.name}" for f in fields(self))


Execute = Callable[[str, Mapping[str, object]], Awaitable[int]]


class _DryRun(Exception):
    def __init__(self, pruned: Pruned) -> None:
        self.pruned = pruned


class RetentionRepo:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def prune(self, now: datetime, *, dry_run: bool = False) -> Pruned:
        """Forget what the rules above let go as of ``now``. ``dry_run``: count it, in one
        transaction rolled back (exact: stories freed by the other tables count too)."""
        cut = iso(now - RETENTION)
        if not dry_run:
            return await self._walk(cut, self._db.write)
        try:
            async with self._db.transaction() as conn:

                async def execute(sql: str, params: Mapping[str, object]) -> int:
                    async with conn.execute(sql, params) as cur:
                        return cur.rowcount

                raise _DryRun(await self._walk(cut, execute))
        except _DryRun as done:
            return done.pruned

    async def _walk(self, cut: str, execute: Execute) -> Pruned:
        pruned = Pruned()
        for table, key, rule in _RULES:
            after, gone = -1, 0
            while True:
                async with self._db.conn.execute(
                    f"SELECT max(k) FROM (SELECT {key} AS k FROM {table} WHERE {key} > ? "
                    f"ORDER BY {key} LIMIT ?)",
                    (after, BATCH),
                ) as cur:
                    row = await cur.fetchone()
                if row is None or row[0] is None:
                    break
                upto = int(row[0])
                gone += await execute(
                    f"DELETE FROM {table} WHERE {key} > :after AND {key} <= :upto AND ({rule})",
                    {"after": after, "upto": upto, "cut": cut, "every": _EVERY},
                )
                after = upto
            setattr(pruned, table, gone)
        return pruned
