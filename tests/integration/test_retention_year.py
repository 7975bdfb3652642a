"""A year of daily polls through the real pipeline, pruned as the bot prunes: the store
levels off, and every document served all year, polled again, announces nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.news.models import Article
from bot.news.pipeline import NewsDeps, ingest
from bot.store import Store
from bot.store.rows import iso
from tests.conftest import NOW

START = NOW - timedelta(days=400)
TOPICS = ("fashion", "Seoul", "Yuri", "music", "school", "Min Ho", "romance", "cast")


@dataclass
class SimFeed:
    """A feed publishing ``every`` days, its document the newest ``holds`` entries."""

    name: str
    every: int
    holds: int
    dated: bool = True
    entries: list[Article] = field(default_factory=list)

    def publish(self, day: int, now: datetime) -> None:
        if day % self.every:
            return
        n = len(self.entries)
        title = (
            f"XO, Kitty star talks {TOPICS[n % len(TOPICS)]} in {self.name} interview {n}"
            if n % 3
            else f"Bridgerton season 5 episode {n} review on {self.name}"
        )
        if n % 40 == 5:  # now and then a milestone: one change, then extra sources
            title = f"XO, Kitty season 4 reportedly set to begin filming ({self.name} {n})"
        published = now - timedelta(hours=1) if self.dated else None
        url = f"https://{self.name}.example/{n}"
        summary = f"{title}. " + "Filler words of a real summary. " * 15
        self.entries.append(Article(self.name, url, url, title, published, summary))

    def document(self) -> list[Article]:
        return self.entries[-self.holds :][::-1]


async def counts(store: Store, undated_feed: int) -> dict[str, int]:
    """Rows per table, but for what the undated feed's entries hold for good (their keys,
    their stories, and those stories' all-news posts)."""
    kept = "SELECT story_id FROM articles WHERE feed_id = :feed AND story_id IS NOT NULL"
    queries = {
        "articles": "SELECT count(*) FROM articles WHERE feed_id != :feed",
        "stories": f"SELECT count(*) FROM stories WHERE id NOT IN ({kept})",
        "deliveries": f"SELECT count(*) FROM deliveries WHERE story_id NOT IN ({kept})",
        "status_events": "SELECT count(*) FROM status_events",
        "undated": "SELECT count(*) FROM articles WHERE feed_id = :feed",
    }
    found = {}
    for name, sql in queries.items():
        async with store.db.conn.execute(sql, {"feed": undated_feed}) as cur:
            row = await cur.fetchone()
        found[name] = int(row[0]) if row else 0
    return found


async def send_all(store: Store, now: datetime, since_id: int) -> int:
    """The announcer's part: every queued post sent, at the simulated time it was queued."""
    await store.db.write("UPDATE deliveries SET created_at = ? WHERE id > ?", (iso(now), since_id))
    for delivery in await store.outbox.due(now, 10_000):
        await store.outbox.mark_sent(delivery.id, delivery.id, now)
    async with store.db.conn.execute("SELECT coalesce(max(id), 0) FROM deliveries") as cur:
        row = await cur.fetchone()
    return int(row[0]) if row else 0


async def test_a_pruned_year_levels_off_and_announces_nothing_twice(deps: NewsDeps) -> None:
    store = deps.store
    sims = [
        SimFeed("busy", every=1, holds=30),
        # an entry stays in its document 160 days: long after its key was forgotten
        SimFeed("slow", every=4, holds=40),
        SimFeed("nodate", every=7, holds=20, dated=False),
    ]
    for n, mode in enumerate(("all", "all", "changes", "changes"), start=1):
        await store.guilds.update(n, channel_id=n * 10, mode=mode)
    feeds = [await store.feeds.add(f"https://{s.name}.example/feed", shared=True) for s in sims]
    by_day: dict[int, dict[str, int]] = {}
    last_id = 0
    for day in range(366):
        now = START + timedelta(days=day)
        for feed, sim in zip(feeds, sims, strict=True):
            sim.publish(day, now)
            current = await store.feeds.get(feed.id)
            assert current is not None
            await ingest(deps, current, sim.document(), now)
        last_id = await send_all(store, now, last_id)
        if day % 7 == 6:
            await store.retention.prune(now)
        if day in (120, 240, 365):
            by_day[day] = await counts(store, feeds[2].id)

    # (a) what is kept is what a month brings, not what a year brought
    mid, end = by_day[240], by_day[365]
    for table in ("articles", "stories", "deliveries"):
        assert end[table] <= mid[table] * 1.1, (table, by_day)
    assert end["articles"] < sum(len(s.entries) for s in sims[:2]) / 3
    assert end["undated"] == len(sims[2].entries)  # an undated key is never forgotten
    assert end["status_events"] > mid["status_events"]  # /status keeps every source

    # (b) every document served all year, polled again: nothing new, nothing queued
    now = START + timedelta(days=366)
    queued = 0
    for feed, sim in zip(feeds, sims, strict=True):
        current = await store.feeds.get(feed.id)
        assert current is not None
        for start in range(0, len(sim.entries), sim.holds):
            document = sim.entries[start : start + sim.holds][::-1]
            report = await ingest(deps, current, document, now)
            queued += report.queued
            assert set(report.verdicts) <= {"too_old"}, (sim.name, report.verdicts)
    assert queued == 0 and await store.outbox.due(now, 10) == []
