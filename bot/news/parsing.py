"""Where feed bodies are parsed: off the event loop, in a worker process when allowed.

feedparser is pure Python, so a thread still holds the GIL: a poll full of new
entries would slow every slash command answered meanwhile. A worker process gives
parsing its own core; the event loop keeps the other for Discord.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import datetime
from functools import partial

from bot.news.parse import ParsedFeed, parse_feed

log = logging.getLogger(__name__)

# How often a worker checks that the bot which started it is still there.
PARENT_CHECK_S = 1.0


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


class FeedParser:
    """``await parser.parse(body, url, headers)``; ``workers=0`` parses in a thread."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None

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
        parse = partial(parse_feed, body, url, dict(headers or {}), now=now)
        if self.workers <= 0:
            return await asyncio.to_thread(parse)
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(self._executor(), parse)
        except BrokenProcessPool:
            # A worker died (killed, out of memory): start afresh next time, parse this here.
            log.warning("feed parser worker died; restarting the pool")
            self.close()
            return await asyncio.to_thread(parse)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
