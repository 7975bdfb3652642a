"""Slash-command latency: the real bot in its own process, the sandbox in this one.

Latency is the sandbox's ``Reply.latency``: INTERACTION_CREATE sent → callback received,
the same for /cast and /ping (a no-op). Idle figures come from blocks of /ping and /cast
taken in turn (so a burst of load elsewhere on the machine hits both alike), at
concurrency 50 and then one at a time. The bot follows ``feeds`` loopback feeds (a child
process serves them), primed the way a first run leaves them; 10% have new items. Every
feed is due when the bot starts, so its scheduler polls all of them as soon as it is
ready, and /cast is measured while that cycle runs, then idle.

A command that writes must wait for the store's one write lock, which each feed's ingest
holds while it classifies and records its articles: ``write_*`` is ``/progress set`` (a
fan's write), one at a time, during the same cycle and then idle. Discord drops an
interaction not answered within 3 s; the goal keeps the slowest write to half of that.
"""

from __future__ import annotations

import asyncio
import logging
import random
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.bench_poll import prime
from bench.common import (
    SHOWS_DIR,
    STDERR_FD,
    Json,
    Scale,
    all_met,
    apparatus_gc_paused,
    child_env,
    cpu_seconds,
    goal,
    percentile_ms,
    ratio,
    rounded,
)
from bench.feeds import FeedHost
from bot.catalog import load_catalog
from bot.sandbox.driver import InteractionTimeout, Sandbox, spawn_bot

log = logging.getLogger("bench.interaction")

CONCURRENCY = 50
ROUNDS = 8  # idle /ping and /cast blocks alternate this many times
Sample = tuple[float, float]  # (INTERACTION_CREATE sent at, latency), monotonic seconds


def cast_queries(seed: int = 7) -> list[str]:
    """What fans type: characters, actors, aliases, lower case, and typos (some match nothing)."""
    show = load_catalog(SHOWS_DIR).default_show
    names: list[str] = []
    for member in show.cast:
        names += [n for n in (member.character, member.actor) if n]
        names += [*member.character_aliases, *member.actor_aliases]
    rng = random.Random(seed)
    fuzzy = []
    for name in names:
        chars = list(name.lower())
        if len(chars) > 3:
            i = rng.randrange(1, len(chars) - 1)
            fuzzy.append("".join(chars[:i] + chars[i + 1 :]))  # a letter dropped
            chars[i], chars[i - 1] = chars[i - 1], chars[i]
            fuzzy.append("".join(chars))  # two letters swapped
        fuzzy.append(name[: max(2, len(name) // 2)])  # typed halfway
    queries = [*names, *(n.lower() for n in names), *fuzzy, "zz top", "Kitty's dad"]
    rng.shuffle(queries)
    return queries


class Load:
    """Runs commands against the sandbox and keeps (dispatched_at, latency) samples."""

    def __init__(self, sb: Sandbox, pid: int, queries: list[str]) -> None:
        self.sb = sb
        self.pid = pid  # the bot's
        self.queries = queries
        self.errors = 0
        self.replies: Counter[str] = Counter()  # what /cast answered: a card or an error

    async def write(self, i: int) -> Sample:
        """``/progress set``: the store's write lock, then a reply."""
        episode = f"S1E{i % 10 + 1}"
        reply = await self.sb.invoke("progress", {"episode": episode}, subcommand="set", timeout=30)
        record = self.sb.server.interactions.records[reply.interaction_id]
        assert reply.latency is not None and reply.ephemeral, reply
        return (record.created, reply.latency)

    def options(self, command: str, i: int) -> Mapping[str, Any] | None:
        return {"name": self.queries[i % len(self.queries)]} if command == "cast" else None

    async def one(self, command: str, i: int) -> Sample:
        try:
            reply = await self.sb.invoke(command, self.options(command, i), timeout=30)
        except InteractionTimeout as exc:
            self.errors += 1
            log.warning("%s", exc)
            return (time.monotonic(), float("nan"))
        if command == "cast":
            self.replies["error (ephemeral)" if reply.ephemeral else "card"] += 1
        record = self.sb.server.interactions.records[reply.interaction_id]
        assert reply.latency is not None
        return (record.created, reply.latency)

    async def block(
        self, command: str, n: int, until: Callable[[], bool] | None = None
    ) -> list[Sample]:
        """``n`` commands (or until ``until()``), CONCURRENCY of them in flight at any time."""
        samples: list[Sample] = []
        counter = iter(range(n))

        async def worker() -> None:
            for i in counter:
                if until is not None and until():
                    return
                samples.append(await self.one(command, i))

        await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
        return samples


def latencies(samples: list[Sample]) -> list[float]:
    return [lat for _, lat in samples if lat == lat]  # drop timeouts (NaN)


async def quiet(pid: int, timeout: float, busy_below: float = 0.1) -> float:
    """Wait until the process uses under ``busy_below`` of a CPU for half a second."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        before = cpu_seconds(pid)
        await asyncio.sleep(0.5)
        if cpu_seconds(pid) - before < busy_below * 0.5:
            break
    return time.monotonic() - started


@dataclass
class Figures:
    """Everything one run collects; ``report`` turns it into the JSON section."""

    feeds: int
    idle: dict[str, list[Sample]] = field(default_factory=lambda: {"ping": [], "cast": []})
    serial: dict[str, list[Sample]] = field(default_factory=lambda: {"ping": [], "cast": []})
    bot_cpu_s: dict[str, float] = field(default_factory=lambda: {"ping": 0.0, "cast": 0.0})
    during: list[Sample] = field(default_factory=list)
    writes_during: list[Sample] = field(default_factory=list)
    writes_idle: list[Sample] = field(default_factory=list)
    window: tuple[float, float] = (0.0, 0.0)
    polls_after: int = 0
    timeouts: int = 0
    cast_replies: dict[str, int] = field(default_factory=dict)

    def report(self) -> Json:
        cast, ping = latencies(self.idle["cast"]), latencies(self.idle["ping"])
        cast_p99, ping_p99 = percentile_ms(cast, 99), percentile_ms(ping, 99)
        serial_cast, serial_ping = latencies(self.serial["cast"]), latencies(self.serial["ping"])
        serial_p99 = rounded(percentile_ms(serial_cast, 99))
        during = latencies(self.during)
        during_p99 = percentile_ms(during, 99)
        cpu_us = {
            k: rounded(v / max(1, len(self.idle[k])) * 1e6, 1) for k, v in self.bot_cpu_s.items()
        }
        writes, writes_idle = latencies(self.writes_during), latencies(self.writes_idle)
        write_max = rounded(max(writes, default=float("nan")) * 1000)
        write_p99, write_idle_p99 = percentile_ms(writes, 99), percentile_ms(writes_idle, 99)
        goals = {
            "ratio_p99": goal(ratio(cast_p99, ping_p99), "<=", 1.25),
            "cast_p99_ms_serial": goal(serial_p99, "<=", 5),
            "poll_ratio_p99": goal(ratio(during_p99, cast_p99), "<=", 2),
            "write_max_ms_during_poll": goal(write_max, "<=", 1500),
        }
        return {
            "commands": len(cast),
            "concurrency": CONCURRENCY,
            "cast_p50_ms": rounded(percentile_ms(cast, 50)),
            "cast_p99_ms": rounded(cast_p99),
            "ping_p50_ms": rounded(percentile_ms(ping, 50)),
            "ping_p99_ms": rounded(ping_p99),
            "ratio_p99": ratio(cast_p99, ping_p99),
            "ratio_p50": ratio(percentile_ms(cast, 50), percentile_ms(ping, 50)),
            "bot_cpu_us_per_command": {**cpu_us, "ratio": ratio(cpu_us["cast"], cpu_us["ping"])},
            "cast_p99_ms_serial": serial_p99,
            "cast_p50_ms_serial": rounded(percentile_ms(serial_cast, 50)),
            "ping_p99_ms_serial": rounded(percentile_ms(serial_ping, 99)),
            "serial_ratio_p99": ratio(serial_p99, percentile_ms(serial_ping, 99)),
            "cast_p99_ms_during_poll": rounded(during_p99),
            "poll_ratio_p99": ratio(during_p99, cast_p99),
            "write_p99_ms_during_poll": rounded(write_p99),
            "write_max_ms_during_poll": write_max,
            "write_p99_ms_idle": rounded(write_idle_p99),
            "write_poll_ratio_p99": ratio(write_p99, write_idle_p99),
            "during_poll": {
                "feeds": self.feeds,
                "cycle_window_s": rounded(self.window[1] - self.window[0]),
                "commands": len(during),
                "writes": len(writes),
                "cast_p50_ms": rounded(percentile_ms(during, 50)),
                "feed_requests_after_the_cycle": self.polls_after,
            },
            "baseline": {"ping_p99_ms": rounded(ping_p99), "cast_p99_ms_idle": rounded(cast_p99)},
            "timeouts": self.timeouts,
            "cast_replies": self.cast_replies,
            "goals": goals,
            "met": all_met(goals),
        }


async def measure(scale: Scale) -> Json:
    feeds = scale.pick(1000, 200)
    figures = Figures(feeds)
    with tempfile.TemporaryDirectory(prefix="kissbot-bench-interaction-") as tmpdir:
        tmp = Path(tmpdir)
        async with FeedHost(feeds) as host, Sandbox(guilds=10) as sb:
            primed_in = await prime(host, tmp / "bot.db")
            log.info("store primed with %d feeds in %.1fs", feeds, primed_in)
            await host.next_cycle()  # 10% of the feeds now have new items
            before = await host.requests()
            # The default poll interval: after this one cycle, no other poll comes near the run.
            env = child_env(FEEDS_FILE=str(host.feeds_toml(tmp / "feeds.toml")))
            proc = await spawn_bot(sb, env, database_path=tmp / "bot.db", stdout=STDERR_FD)
            try:
                await sb.wait_for_identify(timeout=60)
                await sb.wait_for_commands(timeout=60)
                load = Load(sb, proc.pid, cast_queries())
                with apparatus_gc_paused():
                    await _during_poll(load, host, before, figures)
                await quiet(proc.pid, timeout=30)
                with apparatus_gc_paused():
                    await _idle(load, figures, scale)
                figures.polls_after = await host.requests() - before - feeds
                figures.timeouts = load.errors
                figures.cast_replies = dict(load.replies)
            finally:
                proc.terminate()
                await proc.wait()
    return figures.report()


async def _during_poll(load: Load, host: FeedHost, before: int, figures: Figures) -> None:
    """/cast at concurrency 50 from the cycle's first feed request to its last.

    Every feed is due when the bot starts, so its scheduler polls all of them right after
    the gateway is ready (spread over its first-poll jitter window, as after any restart):
    the densest cycle the bot runs.
    """
    for i in range(10):  # first-call paths, before the cycle gets going
        await load.one("cast", i)
    done = False

    async def watch() -> None:
        nonlocal done
        await host.wait_requests(before + figures.feeds, timeout=120, poll=0.05)
        done = True

    async def writes() -> list[Sample]:
        taken = [await load.write(i) for i in range(2)]  # first-call paths
        taken.clear()
        while not done:
            taken.append(await load.write(len(taken)))
        return taken

    watcher = asyncio.create_task(watch())
    writer = asyncio.create_task(writes())
    samples = await load.block("cast", 10**9, until=lambda: done)
    await watcher
    written = await writer
    _, times = await host.stats(times_from=before)
    if len(times) < figures.feeds:
        raise RuntimeError(f"the bot polled {len(times)} of {figures.feeds} feeds")
    figures.window = (times[0], times[figures.feeds - 1])
    figures.during = [s for s in samples if figures.window[0] <= s[0] <= figures.window[1]]
    figures.writes_during = [s for s in written if figures.window[0] <= s[0] <= figures.window[1]]
    log.info("%d /cast during a %.2fs poll cycle", len(figures.during), times[-1] - times[0])


async def _idle(load: Load, figures: Figures, scale: Scale) -> None:
    """/ping and /cast in alternating blocks at concurrency 50, then one at a time."""
    per_block = scale.pick(2000, 400) // ROUNDS
    await load.block("ping", 200)  # warm-up: connections, caches, first-call paths
    await load.block("cast", 200)
    for _ in range(ROUNDS):
        for command in ("ping", "cast"):
            cpu = cpu_seconds(load.pid)
            figures.idle[command] += await load.block(command, per_block)
            figures.bot_cpu_s[command] += cpu_seconds(load.pid) - cpu
    for i in range(scale.pick(500, 100)):
        figures.serial["ping"].append(await load.one("ping", i))
        figures.serial["cast"].append(await load.one("cast", i))
    for i in range(scale.pick(200, 50)):
        figures.writes_idle.append(await load.write(i))


def run(scale: Scale) -> Json:
    return asyncio.run(measure(scale))
