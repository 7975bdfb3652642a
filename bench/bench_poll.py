"""Polling 1,000 loopback feeds with the real pipeline (fetch → parse → dedupe → … → outbox).

``cycle_s``: one ``poll_due`` over every feed once they are all primed (80% 304, 10%
unchanged bodies, 10% with new items), next to bare aiohttp pollers sending the same
validators: one that only fetches (the floor) and one that also hands every body it gets
to ``feedparser.parse`` in a worker thread (what the simplest feed bot does).

``per_article_ratio``: this process's CPU (every thread: parse worker and SQLite included;
the feed host is another process) for the pipeline's whole per-feed work on the feeds
with new items, over ``feedparser.parse`` of the same bytes, both per new article, feed by
feed in turn (the median over feeds). ``per_article_ratio_same_options`` divides by
feedparser run with the options the pipeline passes it instead, which leaves only what the
pipeline adds around the parse. ``classify_us`` is the classifier's share of that work: the
bot's own ``classify`` call (known-status lookup included) on each article of the same
bodies, per article.
"""

from __future__ import annotations

import asyncio
import logging
import tempfile
import time
from collections import Counter
from pathlib import Path

import aiohttp
import feedparser

from bench.common import SHOWS_DIR, Json, Scale, Stopwatch, all_met, goal, mean, ratio, rounded
from bench.feeds import ITEMS_PER_FEED, FeedHost, kind
from bot.catalog import load_catalog
from bot.news.http import make_feed_session
from bot.news.parse import parse_feed
from bot.news.parsing import FeedParser
from bot.news.pipeline import NewsDeps, poll_due, poll_feed
from bot.settings import Settings
from bot.store import Store
from bot.store.feeds import Feed

log = logging.getLogger("bench.poll")

ANNOUNCING_GUILDS = 10  # a few guilds with a channel, so changes really queue deliveries
CONCURRENCY = 32  # poll_due's default; the bare poller gets the same


def settings_for(database: Path) -> Settings:
    """The pipeline's settings here: loopback allowed, every feed due again after 1 s."""
    return Settings(
        allow_private_feeds=True,
        feed_poll_seconds=1,
        database_path=database,
        feeds_file=database.parent / "no-shared-feeds.toml",
        shows_dir=SHOWS_DIR,
    )


async def bare_poll(host: FeedHost, etags: dict[str, str], *, parse: bool = False) -> float:
    """A no-frills poller: conditional GET, read the body (and parse it). Returns seconds."""
    gate = asyncio.Semaphore(CONCURRENCY)

    async def one(session: aiohttp.ClientSession, url: str) -> None:
        async with gate:
            headers = {"If-None-Match": etags[url]} if url in etags else {}
            async with session.get(url, headers=headers) as response:
                body = await response.read()
                if "ETag" in response.headers:
                    etags[url] = response.headers["ETag"]
            if parse and response.status == 200:
                await asyncio.to_thread(feedparser.parse, body)

    async with aiohttp.ClientSession() as session:
        started = time.perf_counter()
        await asyncio.gather(*(one(session, url) for url in host.urls()))
        return time.perf_counter() - started


def feed_index(url: str) -> int:
    return int(url.rsplit("/", 1)[1].removesuffix(".xml"))


async def prepare(store: Store, host: FeedHost, announcing: int = ANNOUNCING_GUILDS) -> None:
    """Every feed shared (as the feeds file makes them); a few guilds with a channel."""
    await store.migrate()
    for url in host.urls():
        await store.feeds.add(url, shared=True)
    for n in range(announcing):
        await store.guilds.update(900_000 + n, channel_id=910_000 + n)


async def prime(host: FeedHost, database: Path) -> float:
    """A store whose feeds have all been polled once, as a bot's first run leaves it."""
    settings = settings_for(database)
    store = await Store.open(database)
    try:
        await prepare(store, host, announcing=0)
        async with make_feed_session(settings) as http:
            deps = NewsDeps.build(store, http, load_catalog(SHOWS_DIR), settings)
            with Stopwatch() as watch:
                await poll_due(deps)
        return watch.wall
    finally:
        await store.close()


async def _until_due(finished: float, interval: float = 1.0) -> None:
    """feed_poll_seconds is 1: every feed is due a second after the last cycle ended."""
    await asyncio.sleep(max(0.0, finished + interval + 0.05 - time.perf_counter()))


async def measure(scale: Scale) -> Json:
    feeds = scale.pick(1000, 200)
    with tempfile.TemporaryDirectory(prefix="kissbot-bench-poll-") as tmpdir:
        settings = settings_for(Path(tmpdir) / "poll.db")
        catalog = load_catalog(SHOWS_DIR)
        async with FeedHost(feeds) as host:
            store = await Store.open(settings.database_path)
            try:
                await prepare(store, host)
                async with make_feed_session(settings) as http:
                    deps = NewsDeps.build(store, http, catalog, settings)
                    await deps.warm_classifier()  # as the bot does at start-up
                    try:
                        return await _cycles(deps, host)
                    finally:
                        deps.parser.close()
            finally:
                await store.close()


async def _cycles(deps: NewsDeps, host: FeedHost) -> Json:
    etags: dict[str, str] = {}
    with Stopwatch() as prime:
        primed = await poll_due(deps)  # first poll of each feed: every body, all baseline
    primed_at = time.perf_counter()
    await bare_poll(host, etags)  # the bare poller learns its validators too
    log.info("primed %d feeds in %.2fs", len(primed), prime.wall)

    await host.next_cycle()
    await _until_due(primed_at)
    floor_before = await bare_poll(host, etags)
    with Stopwatch() as cycle:
        reports = await poll_due(deps)
    floor_after = await bare_poll(host, etags)
    floor = min(floor_before, floor_after)
    bare_parse = await bare_poll(host, etags, parse=True)
    outcomes = Counter(r.outcome.split(":")[0] for r in reports)
    log.info("cycle %.2fs (bare: fetch %.2fs, fetch+parse %.2fs)", cycle.wall, floor, bare_parse)

    await host.next_cycle()
    per_article = await _per_article(deps, host)
    goals = {
        "cycle_s": goal(rounded(cycle.wall), "<=", 2),
        "per_article_ratio": goal(per_article["per_article_ratio"], "<=", 1.3),
    }
    return {
        "feeds": host.feeds,
        "cycle_s": rounded(cycle.wall),
        "cycle_cpu_s": rounded(cycle.cpu),
        "outcomes": dict(sorted(outcomes.items())),
        "new_articles": sum(sum(r.verdicts.values()) for r in reports),
        "prime_cycle_s": rounded(prime.wall),
        "baseline": {
            "bare_fetch_cycle_s": rounded(floor),
            "bare_fetch_and_parse_cycle_s": rounded(bare_parse),
        },
        "cycle_ratio": ratio(cycle.wall, bare_parse),
        "cycle_ratio_to_fetch_only": ratio(cycle.wall, floor),
        **per_article,
        "goals": goals,
        "met": all_met(goals),
    }


async def _per_article(deps: NewsDeps, host: FeedHost) -> Json:
    """The pipeline's per-feed work vs feedparser alone, alternating feed by feed.

    Every such feed brings the same number of new articles, so a feed's CPU ratio is its
    per-article ratio; the median over feeds shrugs off the odd collection or preemption
    that lands in one measurement.
    """
    feeds = [f for f in await deps.store.feeds.all() if kind(feed_index(f.url)) == "new"]
    # Parse in this process for this measure: a worker process's CPU would not show up in
    # process_time() and would flatter the pipeline.
    pooled, deps.parser = deps.parser, FeedParser(0)
    try:
        return await _per_article_in_process(deps, host, feeds)
    finally:
        deps.parser = pooled


async def _per_article_in_process(deps: NewsDeps, host: FeedHost, feeds: list[Feed]) -> Json:
    cpu: dict[str, list[float]] = {"pipeline": [], "lean": [], "default": [], "parse_feed": []}
    new_articles = 0
    classified = 0
    classify_cpu = 0.0
    bodies = []
    for feed in feeds:
        body = host.body(feed_index(feed.url))
        bodies.append(body)
        t0 = time.process_time()
        report = await poll_feed(deps, feed)
        t1 = time.process_time()
        feedparser.parse(body, sanitize_html=False, resolve_relative_uris=False)
        t2 = time.process_time()
        feedparser.parse(body)
        t3 = time.process_time()
        parsed = parse_feed(body, feed.url, {"Content-Type": "application/rss+xml; charset=utf-8"})
        t4 = time.process_time()
        for article in parsed.articles:
            deps.classify(article.title, article.summary, article.published)
        classify_cpu += time.process_time() - t4
        classified += len(parsed.articles)
        for name, spent in zip(cpu, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
            cpu[name].append(spent)
        new_articles += sum(report.verdicts.values())
    if not new_articles:
        raise RuntimeError("no new articles reached the pipeline; the feed host is broken")

    def per_article_us(name: str) -> float:
        return rounded(sum(cpu[name]) / new_articles * 1e6, 1)

    def median_ratio(baseline: str) -> float:
        ratios = sorted(p / b for p, b in zip(cpu["pipeline"], cpu[baseline], strict=True) if b)
        return rounded(ratios[len(ratios) // 2])

    return {
        # feedparser's own parse: feedparser.parse(body), as any caller would make it.
        "per_article_ratio": median_ratio("default"),
        # Stricter: against the options the pipeline itself passes (no sanitiser, no
        # relative-URI rewriting), i.e. only what the pipeline adds around feedparser.
        "per_article_ratio_same_options": median_ratio("lean"),
        "per_article": {
            "feeds": len(feeds),
            "new_articles": new_articles,
            "bytes_per_item": round(mean(len(b) for b in bodies) / ITEMS_PER_FEED),
            "pipeline_us": per_article_us("pipeline"),
            "feedparser_us": per_article_us("default"),
            "feedparser_same_options_us": per_article_us("lean"),
            "parse_feed_us": per_article_us("parse_feed"),
            "classify_us": rounded(classify_cpu / max(1, classified) * 1e6, 1),
            "ratio_of_totals": ratio(sum(cpu["pipeline"]), sum(cpu["default"])),
        },
    }


def run(scale: Scale) -> Json:
    return asyncio.run(measure(scale))
