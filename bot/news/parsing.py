"""Where feed bodies are parsed: off the event loop, in a worker process when allowed.

feedparser is pure Python, so a thread still holds the GIL: a poll full of new
entries would slow every slash command answered meanwhile. A worker process gives
parsing its own core; the event loop keeps the other for Discord.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import datetime
from functools import partial
from types import FrameType
from typing import TypeVar, cast

from bot.news.guard import redacted
from bot.news.parse import ParsedFeed, parse_feed

log = logging.getLogger(__name__)
T = TypeVar("T")

# How often a worker checks that the bot which started it is still there.
PARENT_CHECK_S = 1.0
# CPU seconds a worker gives one feed: real feeds take milliseconds, a hostile 5 MB body of
# tiny tags about half a minute, poll after poll, while every other feed waits its turn.
PARSE_CPU_BUDGET_S = 10.0


class _OverBudget(BaseException):
    """Raised in the worker by its CPU timer: a BaseException, so no handler inside
    feedparser (which falls back to its loose parser on errors) can swallow it."""


def _parse_within(
    budget_s: float, body: bytes, url: str, headers: dict[str, str], now: datetime | None
) -> ParsedFeed:
    """Worker side: ``parse_feed`` stopped after ``budget_s`` of the worker's CPU time."""

    def expire(_signum: int, _frame: FrameType | None) -> None:
        raise _OverBudget

    previous = signal.signal(signal.SIGPROF, expire)
    signal.setitimer(signal.ITIMER_PROF, budget_s)
    try:
        try:
            return parse_feed(body, url, headers, now=now)
        finally:  # inside the handler below: the timer may fire just as the parse ends
            signal.setitimer(signal.ITIMER_PROF, 0)
    except _OverBudget:
        why = f"parsing took over {budget_s:g} s of CPU; the feed is too costly to read"
        return ParsedFeed.unusable(why)
    finally:
        signal.signal(signal.SIGPROF, previous)


def alive(pid: int) -> bool:
    """Whether process ``pid`` is still there (signal 0 only asks)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # alive, under another user
    return True


def _leave_with(bot_pid: int) -> None:
    """Worker initializer: exit once the bot is gone.

    A pool worker blocks on its call queue, of whose pipe it holds both ends, so it never
    sees the bot die; a bot killed with SIGKILL would leave it (and the forkserver its
    descriptors keep alive) running for good.
    """

    def watch() -> None:
        while alive(bot_pid):
            time.sleep(PARENT_CHECK_S)
        os._exit(0)

    threading.Thread(target=watch, name="bot-watch", daemon=True).start()


async def in_daemon_thread(work: Callable[[], T], name: str = "feed-parse") -> T:
    """``asyncio.to_thread``, but in a daemon thread: asyncio.run and the interpreter wait
    for every executor thread at exit, so a stop during a parse with no CPU budget (a
    costly feed took 17 s) or the classifier's warm-up waited for it to end; this one is
    left to die with the bot."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future[T] = loop.create_future()

    def settle(result: T | None, error: BaseException | None) -> None:
        if done.done():  # the awaiting poll was cancelled
            return
        if error is not None:
            done.set_exception(error)
        else:
            done.set_result(cast(T, result))

    def run() -> None:
        try:
            outcome: tuple[T | None, BaseException | None] = (work(), None)
        except BaseException as exc:  # handed to the awaiting task, as to_thread does
            outcome = (None, exc)
        with contextlib.suppress(RuntimeError):  # the loop closed meanwhile
            loop.call_soon_threadsafe(settle, *outcome)

    threading.Thread(target=run, name=name, daemon=True).start()
    return await done


class FeedParser:
    """``await parser.parse(body, url, headers)``; ``workers=0`` parses in a thread (where
    no CPU budget applies: a timer signal reaches only a process's main thread)."""

    def __init__(self, workers: int, cpu_budget_s: float = PARSE_CPU_BUDGET_S) -> None:
        self.workers = workers
        self.cpu_budget_s = cpu_budget_s
        self._pool: ProcessPoolExecutor | None = None
        self._work = _parse_within  # what a worker runs (a module-level function: pickled)

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # forkserver: workers start from a clean interpreter, not a fork of the bot
            # with its threads, sockets and sqlite connection.
            context = multiprocessing.get_context("forkserver")
            self._pool = ProcessPoolExecutor(
                self.workers, mp_context=context, initializer=_leave_with, initargs=(os.getpid(),)
            )
        return self._pool

    async def parse(
        self,
        body: bytes,
        url: str,
        headers: Mapping[str, str] | None = None,
        *,
        now: datetime | None = None,
    ) -> ParsedFeed:
        """``now``: the poll's clock, for telling dates in the future (default: the worker's)."""
        if self.workers <= 0:
            return await in_daemon_thread(
                partial(parse_feed, body, url, dict(headers or {}), now=now)
            )
        loop = asyncio.get_running_loop()
        work = partial(self._work, self.cpu_budget_s, body, url, dict(headers or {}), now)
        # A worker that dies (killed, out of memory) is replaced and the feed tried once more
        # there; never in the bot's own process, where a body that kills workers could kill
        # the bot.
        for _ in range(2):
            try:
                return await loop.run_in_executor(self._executor(), work)
            except BrokenProcessPool:
                log.warning("feed parser worker died reading %s; restarting it", redacted(url))
                self.close()
        return ParsedFeed.unusable("the parser worker died reading this feed, twice")

    def close(self) -> None:
        if self._pool is not None:
            workers = list(self._pool._processes.values())
            self._pool.shutdown(wait=False, cancel_futures=True)
            # A parse under way would hold the bot's exit (the pool is joined at exit) for up
            # to its whole CPU budget, past `docker stop`'s 10 s: what it parsed is unused.
            for worker in workers:
                worker.terminate()
            self._pool = None
