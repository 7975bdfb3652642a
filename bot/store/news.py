"""Articles seen per feed, stories across feeds, and what we learned per season.

Write methods here run inside the caller's ``Database.transaction()``: the pipeline
decides and records one poll atomically, so two feeds can never both announce
the same change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, NamedTuple

from bot.catalog.dates import PartialDate
from bot.domain.status import LearnedEvent
from bot.news.dedupe import HISTORY, Seen, fold, title_digest
from bot.news.models import Article, Certainty, Milestone
from bot.store.db import Database
from bot.store.retention import MARK, MARK_EVERY
from bot.store.rows import iso, parse_iso


@dataclass(frozen=True, slots=True)
class SeenArticle:
    feed_id: int
    feed_url: str
    key: str
    url: str
    title: str
    published: str | None
    verdict: str
    rule: str
    first_seen_at: str
    change_id: int | None  # the change it carried or repeated (None before migration 4)
    summary: str = ""
    story_id: int | None = None  # None: not about a show (or recorded before stories were)
    read_as: str = ""  # digests of the headlines it had before ``title`` (``Seen.read_as``)


class Judged(NamedTuple):
    """What the pipeline made of one article: its verdict, the classifier's rule, its story,
    and the change it carried (its own, or the recent one a repeat repeated)."""

    verdict: str
    rule: str = ""
    story_id: int | None = None
    change_id: int | None = None


@dataclass(frozen=True, slots=True)
class RecordedChange:
    """A learned event that was announced as a change, with its row id and kind."""

    id: int
    kind: str
    event: LearnedEvent


@dataclass(frozen=True, slots=True)
class View:
    """Whose news a read sees: the public events (told by shared feeds) and those of
    ``feeds``, the feeds one server follows. A moderator's own feed informs only the servers
    that follow it; the public view (no feeds) is every server's, and the CLI's."""

    feeds: tuple[int, ...] = ()

    def sql(self) -> tuple[str, tuple[int, ...]]:
        """The condition on ``status_events`` (as ``s``) that keeps what this view sees."""
        if not self.feeds:
            return "s.public = 1", ()
        return f"(s.public = 1 OR s.feed_id IN ({', '.join('?' * len(self.feeds))}))", self.feeds

    def sees(self, told: ScopedEvent) -> bool:
        """``sql`` in Python, for events read once for every view (``scoped_events``)."""
        return told.public or told.feed_id in self.feeds


PUBLIC = View()


class ScopedEvent(NamedTuple):
    """One learned event with its row id, and whose it is: public, or its feed's."""

    id: int
    public: bool
    feed_id: int | None
    event: LearnedEvent


# A story's id, as a row of ``stories`` read by its fingerprint gives it: another wording's
# is the story's it tells (``NewsRepo.also_told_as``).
_STORY = "coalesce(same_as, id)"

# A ``SeenArticle`` row: the article, with its feed's address.
_SEEN = (
    "SELECT a.feed_id, f.url, a.key, a.url, a.title, a.published, a.verdict, a.rule, "
    "a.first_seen_at, a.change_id, a.summary, a.story_id, a.read_as "
    "FROM articles a JOIN feeds f ON f.id = a.feed_id"
)


class ToldEvent(NamedTuple):
    """One recorded event, with its row id, show, season and kind."""

    id: int
    show: str
    season: int
    kind: str
    event: LearnedEvent


# The events one article recorded, ``e``, beside a given one of them, ``c``.
_SAME_ARTICLE = (
    "FROM status_events c JOIN status_events e ON e.story_id = c.story_id "
    "AND e.source_url = c.source_url AND e.seen_at = c.seen_at"
)
_EVENT_COLUMNS = (
    "milestone, certainty, event_date, source_url, source_title, seen_at, denied, moved_from, "
    "period, published"
)


def _event(row: Sequence[Any]) -> LearnedEvent:
    return LearnedEvent(
        milestone=Milestone(row[0]),
        certainty=Certainty(row[1]),
        event_date=date.fromisoformat(row[2]) if row[2] else None,
        source_url=row[3],
        source_title=row[4],
        seen_at=parse_iso(row[5]) or datetime.min.replace(tzinfo=UTC),
        denied=bool(row[6]),
        moved_from=date.fromisoformat(row[7]) if row[7] else None,
        period=PartialDate.parse(row[8]) if row[8] else None,
        published=parse_iso(row[9]),
    )


def _told(row: Sequence[Any]) -> ToldEvent:
    return ToldEvent(int(row[0]), str(row[1]), int(row[2]), str(row[3]), _event(row[4:]))


def _chunks(items: list[str], size: int = 500) -> Iterable[list[str]]:
    """``items`` in runs short enough to bind: SQLite caps a statement's parameters."""
    return (items[start : start + size] for start in range(0, len(items), size))


class NewsRepo:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def seen_keys(
        self, feed_id: int, keys: Iterable[str], *, carried_at: datetime | None = None
    ) -> set[str]:
        """Which of ``keys`` this feed has shown before (``seen``)."""
        return set(await self.seen(feed_id, keys, carried_at=carried_at))

    async def seen(
        self, feed_id: int, keys: Iterable[str], *, carried_at: datetime | None = None
    ) -> dict[str, Seen]:
        """Those of ``keys`` this feed has shown before, as stored: what an edit is told by.

        ``carried_at``: the keys are the document a poll then ingests (in transaction), and
        each seen one is marked as still carried (retention keeps it), once its mark is
        ``MARK_EVERY`` old: one UPDATE a day or so per feed, none on most polls."""
        wanted = list(keys)
        seen: dict[str, Seen] = {}
        stale: list[str] = []
        # no mark is older than "": only looking, nothing is stale
        before = iso(carried_at - MARK_EVERY) if carried_at else ""
        for chunk in _chunks(wanted):
            marks = ", ".join("?" for _ in chunk)
            rows = await self._db.rows(
                f"SELECT key, {MARK} < ?, title, read_as, verdict, story_id FROM articles "
                f"WHERE feed_id = ? AND key IN ({marks})",
                (before, feed_id, *chunk),
            )
            for key, old, *stored in rows:
                seen[key] = Seen(*stored)
                if old:
                    stale.append(key)
        if carried_at is None:
            return seen
        for chunk in _chunks(stale):
            marks = ", ".join("?" for _ in chunk)
            await self._db.conn.execute(
                f"UPDATE articles SET last_seen_at = ? WHERE feed_id = ? AND key IN ({marks})",
                (iso(carried_at), feed_id, *chunk),
            )
        return seen

    async def story(
        self, fingerprint: str, url: str, title: str, now: datetime
    ) -> tuple[int, bool]:
        """The story's id, and whether this call created it (in transaction)."""
        cur = await self._db.conn.execute(
            "INSERT OR IGNORE INTO stories (fingerprint, url, title, first_seen_at) "
            "VALUES (?, ?, ?, ?)",
            (fingerprint, url, title, iso(now)),
        )
        created = cur.rowcount > 0
        (row,) = await self._db.rows(
            f"SELECT {_STORY} FROM stories WHERE fingerprint = ?", (fingerprint,)
        )
        return int(row[0]), created

    async def also_told_as(
        self, story_id: int, fingerprint: str, url: str, title: str, now: datetime
    ) -> None:
        """Record ``fingerprint`` as another wording of the story (in transaction): a
        headline its outlet corrected, so another outlet's telling of the corrected story is
        that story (``story``). A wording that is a story already stays its own."""
        await self._db.conn.execute(
            "INSERT OR IGNORE INTO stories (fingerprint, url, title, first_seen_at, same_as) "
            "VALUES (?, ?, ?, ?, ?)",
            (fingerprint, url, title, iso(now), story_id),
        )

    async def refingerprint(self, fingerprint: Callable[[str], str | None]) -> int:
        """Give each story fingerprinted by its headline the fingerprint ``fingerprint`` reads
        it with now; how many changed. Where two stories now read alike, the one holding the
        fingerprint is the story from now on (the older, where both change), and the other's
        articles and all-news posts are its: a server that heard either has heard it."""
        changed = last = 0
        async with self._db.transaction() as conn:
            # A page at a time: a store's stories need not all be in memory at once.
            while rows := await self._db.rows(
                "SELECT id, fingerprint, title FROM stories WHERE id > ? "
                "AND fingerprint LIKE 'title:%' ORDER BY id LIMIT 500",
                (last,),
            ):
                for story_id, old, title in rows:
                    new = fingerprint(title)
                    if new is None or new == old:
                        continue
                    cur = await conn.execute(
                        "UPDATE OR IGNORE stories SET fingerprint = ? WHERE id = ?",
                        (new, story_id),
                    )
                    changed += cur.rowcount
                    if not cur.rowcount:
                        await self._merge(story_id, new)
                last = rows[-1][0]
        return changed

    async def record_corrected_wordings(
        self, fingerprint: Callable[[str], str | None], now: datetime
    ) -> int:
        """Record each headline an outlet corrected before stories kept other wordings
        (migration 0020) as another wording of its entry's story, as ``also_told_as`` does
        for one read since: another outlet's telling in the corrected words is then that
        story, not a new one posted again in all-news mode. How many it recorded. History
        (``HISTORY``) was never read again, so it gets none; a wording that is a story
        already stays its own. Dated ``now``: when the correction was read is not kept."""
        added = last = 0
        async with self._db.transaction() as conn:
            # by rowid, a page at a time: one pass over the articles, corrections few
            while rows := await self._db.rows(
                "SELECT rowid, story_id, url, title FROM articles WHERE rowid > ? "
                "AND read_as != '' AND story_id IS NOT NULL "
                f"AND verdict NOT IN ({', '.join('?' * len(HISTORY))}) ORDER BY rowid LIMIT 500",
                (last, *sorted(HISTORY)),
            ):
                for _, story_id, url, title in rows:
                    if (told := fingerprint(title)) is None:
                        continue  # read by its link: not a wording
                    cur = await conn.execute(
                        "INSERT OR IGNORE INTO stories "
                        "(fingerprint, url, title, first_seen_at, same_as) VALUES (?, ?, ?, ?, ?)",
                        (told, url, title, iso(now), story_id),
                    )
                    added += cur.rowcount
                last = rows[-1][0]
        return added

    async def _merge(self, row: int, fingerprint: str) -> None:
        """What cites the story that stories row ``row`` tells cites the one now holding
        ``fingerprint`` (in transaction): its articles (a feed's backlog stays its backlog),
        each server's all-news post of it, unless the server has one of that story too, and
        the posts of the changes it told (keyed by their change: a server that heard one
        heard the story)."""
        ((into,),) = await self._db.rows(
            f"SELECT {_STORY} FROM stories WHERE fingerprint = ?", (fingerprint,)
        )
        ((story_id,),) = await self._db.rows(f"SELECT {_STORY} FROM stories WHERE id = ?", (row,))
        if into == story_id:
            return  # its own other wording: the story is found by either
        if story_id != row:
            # Another wording of a story (a corrected headline) reads as another story now:
            # one story, as a correction read today would be. Its first wording, still read
            # so today, is the story it joins too, or a server that heard it would hear it
            # again in those words.
            await self._db.conn.execute(
                "UPDATE stories SET same_as = ? WHERE id = ?", (into, story_id)
            )
        await self._db.conn.execute(
            "UPDATE stories SET same_as = ? WHERE same_as = ?", (into, story_id)
        )
        await self._db.conn.execute(
            "UPDATE articles SET story_id = ? WHERE story_id = ?", (into, story_id)
        )
        await self._db.conn.execute(
            "UPDATE OR IGNORE deliveries SET dedupe_key = ?, story_id = ? "
            "WHERE story_id = ? AND dedupe_key = ?",
            (f"story:{into}", into, story_id, f"story:{story_id}"),
        )
        await self._db.conn.execute(
            "UPDATE deliveries SET story_id = ? WHERE story_id = ? AND dedupe_key != ?",
            (into, story_id, f"story:{story_id}"),
        )

    async def told_beside(self, event_id: int) -> list[int]:
        """The other events the article that recorded ``event_id`` recorded: news of several
        seasons, told in one post (keyed by the first season it changed)."""
        rows = await self._db.rows(
            f"SELECT e.id {_SAME_ARTICLE} AND e.id != c.id WHERE c.id = ? ORDER BY e.id",
            (event_id,),
        )
        return [int(row[0]) for row in rows]

    async def told_since(self, event_id: int, view: View) -> list[int]:
        """The later events ``view`` sees that tell what ``event_id`` told (its season, its
        milestone, claimed or denied): where another of a server's feeds told it anew."""
        seen, feeds = view.sql()
        rows = await self._db.rows(
            "SELECT s.id FROM status_events c JOIN status_events s ON s.show_slug = c.show_slug "
            "AND s.season = c.season AND s.milestone = c.milestone AND s.denied = c.denied "
            f"AND s.id > c.id WHERE c.id = ? AND {seen} ORDER BY s.id",
            (event_id, *feeds),
        )
        return [int(row[0]) for row in rows]

    async def seasons_told(self, event_id: int) -> list[tuple[int, str]]:
        """Each season the article that recorded ``event_id`` told of, with what it made of
        it there (``extra_source``: no change), in order."""
        rows = await self._db.rows(
            f"SELECT e.season, e.kind {_SAME_ARTICLE} WHERE c.id = ? ORDER BY e.id", (event_id,)
        )
        return [(int(row[0]), str(row[1])) for row in rows]

    async def other_wording(self, fingerprint: str) -> bool:
        """Whether ``fingerprint`` is another wording of a story (``also_told_as``)."""
        rows = await self._db.rows(
            "SELECT 1 FROM stories WHERE fingerprint = ? AND same_as IS NOT NULL", (fingerprint,)
        )
        return bool(rows)

    async def story_told_at(self, fingerprint: str) -> datetime:
        """When the story was first seen, by any feed, in these words (a corrected headline's
        wording: when the correction was)."""
        rows = await self._db.rows(
            "SELECT first_seen_at FROM stories WHERE fingerprint = ?", (fingerprint,)
        )
        told = parse_iso(rows[0][0]) if rows else None
        assert told is not None
        return told

    async def stories(self, told: Sequence[tuple[str, str, str]], now: datetime) -> list[int]:
        """Each (fingerprint, url, title)'s story id, made where new (in transaction): a
        first poll's whole backlog in a few statements."""
        await self._db.conn.executemany(
            "INSERT OR IGNORE INTO stories (fingerprint, url, title, first_seen_at) "
            "VALUES (?, ?, ?, ?)",
            [(fingerprint, url, title, iso(now)) for fingerprint, url, title in told],
        )
        prints = list({fingerprint for fingerprint, _, _ in told})
        ids: dict[str, int] = {}
        for chunk in _chunks(prints):
            rows = await self._db.rows(
                f"SELECT fingerprint, {_STORY} FROM stories "
                f"WHERE fingerprint IN ({', '.join('?' * len(chunk))})",
                chunk,
            )
            ids.update({row[0]: row[1] for row in rows})
        return [ids[fingerprint] for fingerprint, _, _ in told]

    async def in_backlog(self, feed_id: int, story_id: int) -> bool:
        """Whether this story was in the feed's backlog, its first poll (in transaction)."""
        return bool(
            await self._db.rows(
                "SELECT 1 FROM articles WHERE feed_id = ? AND story_id = ? "
                "AND verdict = 'baseline' LIMIT 1",
                (feed_id, story_id),
            )
        )

    async def record_articles(
        self, feed_id: int, rows: Sequence[tuple[Article, Judged]], now: datetime
    ) -> None:
        """Store each article with what the pipeline made of it; a key seen before is left alone."""
        await self._db.conn.executemany(
            "INSERT OR IGNORE INTO articles (feed_id, key, url, title, summary, published, "
            "story_id, verdict, rule, first_seen_at, change_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    feed_id,
                    a.key,
                    a.url,
                    a.title,
                    a.summary[:1000],
                    iso(a.published) if a.published else None,
                    judged.story_id,
                    judged.verdict,
                    judged.rule,
                    iso(now),
                    judged.change_id,
                )
                for a, judged in rows
            ],
        )

    async def retitle(
        self, feed_id: int, rows: Sequence[tuple[Article, str, Judged | None]]
    ) -> None:
        """Store the headline (and summary) an outlet corrected under a key seen before, with
        the digests of those it had (``read_as``), and, when it was read again, what the
        pipeline made of it (in transaction). That verdict is the entry's from now on, unless
        the entry carried a change and this reading carries none: the post it made stays what
        /feeds why explains."""
        await self._db.conn.executemany(
            "UPDATE articles SET title = :title, summary = :summary, read_as = :read_as, "
            "verdict = CASE WHEN :verdict IS NULL OR (change_id IS NOT NULL AND :change IS NULL) "
            "THEN verdict ELSE :verdict END, "
            "rule = CASE WHEN :verdict IS NULL OR (change_id IS NOT NULL AND :change IS NULL) "
            "THEN rule ELSE :rule END, "
            "change_id = coalesce(:change, change_id), story_id = coalesce(story_id, :story) "
            "WHERE feed_id = :feed AND key = :key",
            [
                {
                    "title": a.title,
                    "summary": a.summary[:1000],
                    "read_as": read_as,
                    "verdict": judged.verdict if judged else None,
                    "rule": judged.rule if judged else None,
                    "change": judged.change_id if judged else None,
                    "story": judged.story_id if judged else None,
                    "feed": feed_id,
                    "key": a.key,
                }
                for a, read_as, judged in rows
            ],
        )

    async def add_event(
        self,
        *,
        show: str,
        season: int,
        event: LearnedEvent,
        kind: str,
        feed_id: int | None,
        story_id: int | None,
        rule: str,
        public: bool,
    ) -> int:
        """Record an event; ``public``: told by a shared feed, so every server sees it."""
        cur = await self._db.conn.execute(
            "INSERT INTO status_events (show_slug, season, milestone, certainty, event_date, kind, "
            "source_url, source_title, feed_id, story_id, rule, seen_at, denied, public, "
            "moved_from, period, published) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                show,
                season,
                event.milestone.value,
                int(event.certainty),
                event.event_date.isoformat() if event.event_date else None,
                kind,
                event.source_url,
                event.source_title,
                feed_id,
                story_id,
                rule,
                iso(event.seen_at),
                int(event.denied),
                int(public),
                event.moved_from.isoformat() if event.moved_from else None,
                event.period.isoformat() if event.period else None,
                iso(event.published) if event.published else None,
            ),
        )
        assert cur.lastrowid is not None
        return cur.lastrowid

    async def learned_events(
        self, show: str, season: int, *, before: int | None = None, view: View = PUBLIC
    ) -> list[LearnedEvent]:
        """What ``view`` learned of the season (``before``: as it stood before that event)."""
        seen, feeds = view.sql()
        rows = await self._db.rows(
            f"SELECT {_EVENT_COLUMNS} FROM status_events s "
            f"WHERE show_slug = ? AND season = ? AND id < ? AND {seen} ORDER BY id",
            (show, season, 2**63 - 1 if before is None else before, *feeds),
        )
        return [_event(row) for row in rows]

    async def scoped_events(
        self, show: str, seasons: Iterable[int]
    ) -> dict[int, list[ScopedEvent]]:
        """Every view's events of these seasons, oldest first, each with its id and whose it
        is: read once per article, for all the views its guilds see (``View.sees``)."""
        wanted = sorted(set(seasons))
        rows = await self._db.rows(
            f"SELECT season, id, public, feed_id, {_EVENT_COLUMNS} FROM status_events "
            f"WHERE show_slug = ? AND season IN ({', '.join('?' * len(wanted))}) ORDER BY id",
            (show, *wanted),
        )
        found: dict[int, list[ScopedEvent]] = {season: [] for season in wanted}
        for r in rows:
            found[int(r[0])].append(ScopedEvent(int(r[1]), bool(r[2]), r[3], _event(r[4:])))
        return found

    async def told_event(self, event_id: int) -> ToldEvent | None:
        rows = await self._db.rows(
            f"SELECT id, show_slug, season, kind, {_EVENT_COLUMNS} FROM status_events WHERE id = ?",
            (event_id,),
        )
        return _told(rows[0]) if rows else None

    async def events_of(self, article: SeenArticle) -> list[ToldEvent]:
        """The events one reading of ``article`` recorded, one per season it told of, in
        order: the reading that recorded the change it carried, else its first (should its
        feed have carried the same link and story again). By each headline the entry had,
        not only the one it has now: an outlet may have corrected it since (``retitled``)."""
        rows = await self._db.rows(
            f"SELECT id, show_slug, season, kind, {_EVENT_COLUMNS} FROM status_events "
            "WHERE feed_id = ? AND story_id = ? AND source_url = ? ORDER BY id",
            (article.feed_id, article.story_id, article.url),
        )
        headlines = {title_digest(article.title), *article.read_as.split()}
        told = [t for t in map(_told, rows) if title_digest(t.event.source_title) in headlines]
        carried = next((t for t in told if t.id == article.change_id), told[0] if told else None)
        return [t for t in told if carried and t.event.seen_at == carried.event.seen_at]

    async def carriers(
        self, feed_ids: Sequence[int], column: str, values: Sequence[int]
    ) -> list[SeenArticle]:
        """Articles of these feeds judged as news (not history) whose ``column``
        ('change_id': the change carried, or 'story_id') is one of ``values``, first seen
        first."""
        assert column in ("change_id", "story_id")
        if not feed_ids or not values:
            return []
        marks = ", ".join("?" for _ in feed_ids)
        ones = ", ".join("?" for _ in values)
        async with self._db.conn.execute(
            f"{_SEEN} "
            f"WHERE a.feed_id IN ({marks}) AND a.{column} IN ({ones}) "
            "AND a.verdict NOT IN ('baseline', 'reissued') ORDER BY a.first_seen_at, a.rowid",
            (*feed_ids, *values),
        ) as cur:
            return [SeenArticle(*row) for row in await cur.fetchall()]

    async def latest_change(
        self,
        show: str,
        season: int,
        milestone: Milestone,
        *,
        denied: bool = False,
        view: View = PUBLIC,
    ) -> RecordedChange | None:
        """The newest event ``view`` sees for this milestone that was announced as a change,
        if any: a claim's, or with ``denied`` a denial's."""
        seen, feeds = view.sql()
        rows = await self._db.rows(
            f"SELECT id, kind, {_EVENT_COLUMNS} FROM status_events s "
            "WHERE show_slug = ? AND season = ? AND milestone = ? AND kind != 'extra_source' "
            f"AND denied = ? AND {seen} ORDER BY id DESC LIMIT 1",
            (show, season, milestone.value, int(denied), *feeds),
        )
        if not rows:
            return None
        row = rows[0]
        return RecordedChange(int(row[0]), str(row[1]), _event(row[2:]))

    async def last_told(self) -> datetime | None:
        """When the newest story on record was first told: no news on record was told later
        (an event is told when its story first was, or before). By id, not max(): one row."""
        rows = await self._db.rows("SELECT first_seen_at FROM stories ORDER BY id DESC LIMIT 1")
        return parse_iso(rows[0][0]) if rows else None

    async def learned_seasons(
        self, show: str, *, of: Iterable[Milestone] | None = None, view: View = PUBLIC
    ) -> list[int]:
        """Seasons the news ``view`` sees has told anything about (``of``: any of these
        milestones), in order (a denial tells of none)."""
        told = [m.value for m in of] if of is not None else []
        among = f" AND milestone IN ({', '.join('?' for _ in told)})" if of is not None else ""
        seen, feeds = view.sql()
        rows = await self._db.rows(
            "SELECT DISTINCT season FROM status_events s WHERE show_slug = ? AND denied = 0"
            f"{among} AND {seen} ORDER BY season",
            (show, *told, *feeds),
        )
        return [int(row[0]) for row in rows]

    async def find_articles(self, feed_ids: Sequence[int], query: str) -> list[SeenArticle]:
        """Articles from these feeds whose URL equals, or title contains, ``query`` (in any
        case, however Unicode writes it: see ``dedupe.fold``)."""
        if not feed_ids:
            return []
        marks = ", ".join("?" for _ in feed_ids)
        async with self._db.conn.execute(
            f"{_SEEN} "
            f"WHERE a.feed_id IN ({marks}) AND (a.url = ? OR instr(kb_fold(a.title), ?) > 0) "
            "ORDER BY a.first_seen_at DESC LIMIT 5",
            (*feed_ids, query, fold(query)),
        ) as cur:
            return [SeenArticle(*row) for row in await cur.fetchall()]
