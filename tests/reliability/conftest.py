"""Shared set-up for the reliability and security suites.

These suites run the whole bot (in-process or as ``python -m bot run``) against the
sandbox Discord and the loopback feed server, and break things on purpose. The helpers
here configure guilds straight in the store, push one status change through the real
pipeline's ``ingest``, and measure how fast commands answer while something else burns.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
import statistics
import subprocess
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from bot.catalog import load_catalog
from bot.client import KissBot
from bot.news.models import Article
from bot.news.pipeline import FeedReport, NewsDeps, ingest
from bot.sandbox import state
from bot.sandbox.driver import Sandbox, running_bot, spawn_bot
from bot.sandbox.rest import Rest
from bot.settings import Settings
from bot.store import Store
from tests.conftest import REPO
from tests.feedserver import FeedServer

# A headline the classifier reads as a status change of the catalogued show.
CHANGE_TITLE = "Netflix confirms XO, Kitty season 4 has started filming"


@pytest.fixture
def system_channels(monkeypatch: pytest.MonkeyPatch) -> None:
    """Give every sandbox guild #general as its system channel (where notices go once the
    announcement channel is lost), as Discord does for most servers."""
    payload = state.Guild.payload

    def with_system_channel(guild: state.Guild) -> state.Json:
        return {**payload(guild), "system_channel_id": str(guild.channel_named("general").id)}

    monkeypatch.setattr(state.Guild, "payload", with_system_channel)


async def announce_everywhere(store: Store, sb: Sandbox, *, role: bool = True) -> None:
    """Every sandbox guild posts in #announcements (pinging "News pings" if ``role``)."""
    for guild in sb.guilds:
        await store.guilds.update(
            guild.id,
            channel_id=guild.channel("announcements"),
            role_id=guild.role("News pings") if role else None,
        )


def offline_settings(database_path: Path, **overrides: Any) -> Settings:
    """Settings for using the pipeline from a test process (no .env, no shared feeds)."""
    values: dict[str, Any] = {
        "database_path": database_path,
        "shows_dir": REPO / "data" / "shows",
        "feeds_file": database_path.parent / "no-shared-feeds.toml",
    }
    values.update(overrides)
    return Settings(**values)


def change_article(
    feed_url: str, *, key: str = "guid:change", title: str = CHANGE_TITLE
) -> Article:
    return Article(
        feed=feed_url,
        key=key,
        url="https://news.example/xo-kitty-season-4-filming",
        title=title,
        published=datetime.now(UTC) - timedelta(minutes=20),
        summary="The production has begun in Seoul.",
    )


async def ingest_one_change(database_path: Path, feed_url: str) -> FeedReport:
    """Queue one status change for every announcing guild through the real ``ingest``.

    The feed is added as a shared feed, primed with an empty first poll (as the bot does),
    then given the change; the feed is switched off afterwards so the bot under test does
    not try to poll its (fictional) address.
    """
    store = await Store.open(database_path)
    try:
        await store.migrate()
        settings = offline_settings(database_path)
        async with aiohttp.ClientSession() as http:  # ingest never fetches
            deps = NewsDeps.build(store, http, load_catalog(settings.shows_dir), settings)
            feed = await store.feeds.add(feed_url, shared=True)
            now = datetime.now(UTC)
            await ingest(deps, feed, [], now)
            primed = await store.feeds.get(feed.id)
            assert primed is not None and primed.primed
            report = await ingest(deps, primed, [change_article(feed_url)], now)
            await store.feeds.disable(feed.id, "test: ingested by hand", now=now)
        return report
    finally:
        await store.close()


@contextlib.asynccontextmanager
async def quiet_bot(sb: Sandbox, tmp_path: Path, **settings: Any) -> AsyncIterator[KissBot]:
    """The real bot in-process with its scheduler paused: the test polls and drains itself."""
    values: dict[str, Any] = {"feeds_file": tmp_path / "no-shared-feeds.toml"}
    values.update(settings)
    async with running_bot(sb, tmp_path, **values) as bot:
        bot.scheduler.pause()
        yield bot


@contextlib.asynccontextmanager
async def bot_world(
    tmp_path: Path, *, guilds: int = 1, **settings: Any
) -> AsyncIterator[tuple[Sandbox, FeedServer, KissBot]]:
    """A sandbox with ``guilds`` guilds, a loopback feed server and the quiet bot."""
    async with (
        Sandbox(guilds=guilds) as sb,
        FeedServer() as server,
        quiet_bot(sb, tmp_path, **settings) as bot,
    ):
        yield sb, server, bot


@dataclass
class LatencyProbe:
    """Plays a fan who keeps running /ping and /cast while the test breaks something.

    ``latency`` is the sandbox's measure: INTERACTION_CREATE sent → the bot's first callback.
    """

    sb: Sandbox
    samples: dict[str, list[float]] = field(default_factory=lambda: {"ping": [], "cast": []})
    errors: list[str] = field(default_factory=list)
    _stop: asyncio.Event = field(default_factory=asyncio.Event)

    async def run(self) -> None:
        calls: Iterable[tuple[str, dict[str, str]]] = (("ping", {}), ("cast", {"name": "Yuri"}))
        while not self._stop.is_set():
            for name, options in calls:
                try:
                    reply = await self.sb.invoke(name, options, user="member", timeout=3)
                except Exception as exc:  # the probe reports; the test asserts
                    self.errors.append(f"/{name}: {type(exc).__name__}: {exc}")
                    continue
                if name == "ping" and reply.content != "pong":
                    self.errors.append(f"/ping answered {reply.content!r}")
                if name == "cast" and "Yuri" not in reply.text:
                    self.errors.append(f"/cast answered {reply.text[:80]!r}")
                assert reply.latency is not None
                self.samples[name].append(reply.latency)
            await asyncio.sleep(0.02)

    @contextlib.asynccontextmanager
    async def running(self) -> AsyncIterator[LatencyProbe]:
        task = asyncio.create_task(self.run())
        try:
            yield self
        finally:
            self._stop.set()
            await task

    @property
    def count(self) -> int:
        return sum(len(v) for v in self.samples.values())

    @property
    def worst_ms(self) -> float:
        return 1000 * max((s for v in self.samples.values() for s in v), default=0.0)

    def summary(self) -> str:
        parts = [
            f"/{name}: n={len(v)} median={1000 * statistics.median(v):.1f} ms "
            f"max={1000 * max(v):.1f} ms"
            for name, v in self.samples.items()
            if v
        ]
        return "; ".join(parts)


async def sent_posts(database: Path, expected: int) -> dict[int, int]:
    """Every delivery sent (``expected`` of them, none left in another state), as channel id
    to the message id the store recorded."""
    store = await Store.open(database)
    try:
        assert await store.outbox.counts() == {"sent": expected}
        async with store.db.conn.execute(
            "SELECT channel_id, message_id FROM deliveries WHERE state = 'sent'"
        ) as cur:
            return {row[0]: row[1] for row in await cur.fetchall()}
    finally:
        await store.close()


def crash_schedule() -> tuple[int, random.Random]:
    """The kill schedule's seed (printed by each crash suite; ``CRASH_SEED=<n>`` replays it)
    and its random source."""
    seed = int(os.environ.get("CRASH_SEED") or random.randrange(2**32))
    return seed, random.Random(seed)


@dataclass
class KillOnceMade:
    """Kills the newest run right after the sandbox made its ``at``-th thing through a patched
    route (an event, a forum post), before the bot reads the answer: the thing exists, its
    record does not. ``at`` 0: never."""

    running: list[asyncio.subprocess.Process]
    made: int = 0
    at: int = 0

    @classmethod
    def on(cls, monkeypatch: pytest.MonkeyPatch, route: str) -> KillOnceMade:
        """One watching ``route`` for the runs it will hold (its ``running``), before the
        sandbox binds its routes."""
        killer = cls([])
        killer.patch(monkeypatch, route)
        return killer

    def patch(self, monkeypatch: pytest.MonkeyPatch, route: str) -> None:
        """Wrap ``Rest.<route>``: before the sandbox binds its routes."""
        make = getattr(Rest, route)

        async def made_then_kill(rest: Rest, request: web.Request) -> web.StreamResponse:
            response: web.StreamResponse = await make(rest, request)
            self.made += 1
            if self.made == self.at and self.running and self.running[-1].returncode is None:
                self.running[-1].kill()  # made; the bot never reads its id
            return response

        monkeypatch.setattr(Rest, route, made_then_kill)


@dataclass
class BotRuns:
    """The bot started again and again as a process of its own (a SIGKILL ends one), each run
    logged to a file of its own; ``running`` holds every process started, newest last, for a
    sandbox hook to kill."""

    sb: Sandbox
    database: Path
    folder: Path
    running: list[asyncio.subprocess.Process] = field(default_factory=list)
    logs: list[Path] = field(default_factory=list)

    async def start(self) -> asyncio.subprocess.Process:
        self.logs.append(self.folder / f"run-{len(self.logs)}.log")
        env = {"FEEDS_FILE": str(self.folder / "no-feeds.toml"), "LOG_LEVEL": "WARNING"}
        with self.logs[-1].open("wb") as out:
            proc = await spawn_bot(
                self.sb,
                env,
                database_path=self.database,
                stdout=out.fileno(),
                stderr=subprocess.STDOUT,
            )
        self.running.append(proc)
        return proc

    def log(self) -> str:
        """The newest run's log."""
        return self.logs[-1].read_text()

    async def last_run(self, done: Any, what: str) -> None:
        """A last run, left to finish (``done``, within a minute) and a moment more, long
        enough for a stray second of anything to show up; then killed."""
        proc = await self.start()
        try:
            await until(done, 60, what)
            await asyncio.sleep(1.5)
        finally:
            proc.kill()
            await proc.wait()


async def until(condition: Any, timeout: float, what: str, *, every: float = 0.05) -> None:
    """Wait for a (sync or async) condition, failing with ``what`` after ``timeout`` s."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        result = condition()
        if asyncio.iscoroutine(result):
            result = await result
        if result:
            return
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        await asyncio.sleep(every)
