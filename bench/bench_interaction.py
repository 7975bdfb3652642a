"""Slash-command latency: the real bot in its own process, the sandbox in this one.

Latency is the sandbox's ``Reply.latency``: INTERACTION_CREATE sent → callback received,
the same for /cast and /ping (a no-op). Idle figures come from blocks of /ping and /cast
taken in turn (so a burst of load elsewhere on the machine hits both alike), at
concurrency 50 and then one at a time. The bot follows ``feeds`` loopback feeds (a child
process serves them), primed the way a first run leaves them; 10% have new items. Every
feed is due when the bot starts, so its scheduler polls all of them as soon as it is
ready, and /cast is measured while that cycle runs, then idle.
"""

from __future__ import annotations

import asyncio
import logging
import random
import tempfile
import time
from collections.abc import Callable, Mapping
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
Options = Callable[[int], Mapping[str, Any] | None]


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

    def __init__(self, sb: Sandbox) -> None:
        self.sb = sb
        self.errors = 0

    async def one(self, command: str, options: Mapping[str, Any] | None) -> tuple[float, float]:
        try:
            reply = await self.sb.invoke(command, options, timeout=30)
        except InteractionTimeout as exc:
            self.errors += 1
            log.warning("%s", exc)
            return (time.monotonic(), float("nan"))
        record = self.sb.server.interactions.records[reply.interaction_id]
        assert reply.latency is not None
        return (record.created, reply.latency)

    async def block(
        self,
        command: str,
        options: Options,
        n: int,
        concurrency: int = CONCURRENCY,
        until: Callable[[], bool] | None = None,
    ) -> list[tuple[float, float]]:
        """``n`` commands (or until ``until()``), ``concurrency`` in flight at any time."""
        samples: list[tuple[float, float]] = []
        counter = iter(range(n))

        async def worker() -> None:
            for i in counter:
                if until is not None and until():
                    return
                samples.append(await self.one(command, options(i)))

        await asyncio.gather(*(worker() for _ in range(concurrency)))
        return samples


def latencies(samples: list[tuple[float, float]]) -> list[float]:
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


async def measure(scale: Scale) -> Json:
    feeds = scale.pick(1000, 200)
    per_command = scale.pick(2000, 400)
    serial = scale.pick(500, 100)
    queries = cast_queries()

    def cast(i: int) -> Mapping[str, Any]:
        return {"name": queries[i % len(queries)]}

    def ping(i: int) -> None:
        return None

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
                load = Load(sb)
                with apparatus_gc_paused():
                    during, window = await _during_poll(load, host, before, feeds, cast)
                await quiet(proc.pid, timeout=30)
                with apparatus_gc_paused():
                    idle, one_by_one = await _idle(load, ping, cast, per_command, serial)
                polls_after = await host.requests() - before - feeds
            finally:
                proc.terminate()
                await proc.wait()
    return _figures(idle, one_by_one, during, window, polls_after, load.errors, feeds)


async def _idle(
    load: Load, ping: Options, cast: Options, per_command: int, serial: int
) -> tuple[dict[str, list[tuple[float, float]]], dict[str, list[tuple[float, float]]]]:
    """/ping and /cast in alternating blocks at concurrency 50, then one at a time."""
    await load.block("ping", ping, 200)  # warm-up: connections, caches, first-call paths
    await load.block("cast", cast, 200)
    idle: dict[str, list[tuple[float, float]]] = {"ping": [], "cast": []}
    for _ in range(ROUNDS):
        idle["ping"] += await load.block("ping", ping, per_command // ROUNDS)
        idle["cast"] += await load.block("cast", cast, per_command // ROUNDS)
    one_by_one: dict[str, list[tuple[float, float]]] = {"ping": [], "cast": []}
    for i in range(serial):
        one_by_one["ping"].append(await load.one("ping", None))
        one_by_one["cast"].append(await load.one("cast", cast(i)))
    return idle, one_by_one


async def _during_poll(
    load: Load, host: FeedHost, before: int, feeds: int, cast: Options
) -> tuple[list[tuple[float, float]], tuple[float, float]]:
    """/cast at concurrency 50 from the cycle's first feed request to its last.

    Every feed is due when the bot starts, so its scheduler polls all of them as soon
    as the gateway is ready, as after any restart: the densest cycle the bot runs.
    """
    for i in range(10):  # first-call paths, before the cycle gets going
        await load.one("cast", cast(i))
    done = False

    async def watch() -> None:
        nonlocal done
        await host.wait_requests(before + feeds, timeout=120, poll=0.05)
        done = True

    watcher = asyncio.create_task(watch())
    samples = await load.block("cast", cast, 10**9, until=lambda: done)
    await watcher
    _, times = await host.stats(times_from=before)
    if len(times) < feeds:
        raise RuntimeError(f"the bot polled {len(times)} of {feeds} feeds")
    window = (times[0], times[feeds - 1])
    inside = [s for s in samples if window[0] <= s[0] <= window[1]]
    log.info("%d /cast during a %.2fs poll cycle", len(inside), window[1] - window[0])
    return inside, window


def _figures(
    idle: dict[str, list[tuple[float, float]]],
    one_by_one: dict[str, list[tuple[float, float]]],
    during: list[tuple[float, float]],
    window: tuple[float, float],
    polls_after: int,
    errors: int,
    feeds: int,
) -> Json:
    cast, ping = latencies(idle["cast"]), latencies(idle["ping"])
    cast_p99, ping_p99 = percentile_ms(cast, 99), percentile_ms(ping, 99)
    serial_cast, serial_ping = latencies(one_by_one["cast"]), latencies(one_by_one["ping"])
    serial_p99 = rounded(percentile_ms(serial_cast, 99))
    during_p99 = percentile_ms(latencies(during), 99)
    goals = {
        "ratio_p99": goal(ratio(cast_p99, ping_p99), "<=", 1.25),
        "cast_p99_ms_serial": goal(serial_p99, "<=", 5),
        "poll_ratio_p99": goal(ratio(during_p99, cast_p99), "<=", 2),
    }
    return {
        "commands": len(cast),
        "concurrency": CONCURRENCY,
        "cast_p50_ms": rounded(percentile_ms(cast, 50)),
        "cast_p99_ms": rounded(cast_p99),
        "ping_p50_ms": rounded(percentile_ms(ping, 50)),
        "ping_p99_ms": rounded(ping_p99),
        "ratio_p99": ratio(cast_p99, ping_p99),
        "cast_p99_ms_serial": serial_p99,
        "ping_p99_ms_serial": rounded(percentile_ms(serial_ping, 99)),
        "serial_ratio_p99": ratio(serial_p99, percentile_ms(serial_ping, 99)),
        "cast_p50_ms_serial": rounded(percentile_ms(serial_cast, 50)),
        "cast_p99_ms_during_poll": rounded(during_p99),
        "poll_ratio_p99": ratio(during_p99, cast_p99),
        "during_poll": {
            "feeds": feeds,
            "cycle_window_s": rounded(window[1] - window[0]),
            "commands": len(during),
            "cast_p50_ms": rounded(percentile_ms(latencies(during), 50)),
        },
        "baseline": {"ping_p99_ms": rounded(ping_p99), "cast_p99_ms_idle": rounded(cast_p99)},
        "timeouts": errors,
        "feed_requests_after_the_cycle": polls_after,
        "goals": goals,
        "met": all_met(goals),
    }


def run(scale: Scale) -> Json:
    return asyncio.run(measure(scale))
