"""Build the bot and its resources, and run it headless."""

from __future__ import annotations

import asyncio
import ctypes
import fcntl
import logging
import os
import signal
import sqlite3
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

import discord
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.catalog import load_catalog
from bot.client import KissBot
from bot.endpoint import point_discord_at
from bot.errors import ConfigError, LockedOut
from bot.news.http import make_feed_session
from bot.settings import Settings
from bot.store import Store
from bot.store.db import file_trouble, locked

log = logging.getLogger(__name__)


# NTP slews small errors away and steps larger ones: a step is anything over this.
CLOCK_STEP_S = 30.0


class SteadyScheduler(AsyncIOScheduler):  # type: ignore[misc]  # APScheduler is untyped
    """An AsyncIOScheduler whose jobs keep their pace when the wall clock is stepped.

    APScheduler plans runs in wall-clock time: a clock set back a day (NTP, a VM restored
    from a snapshot) held every poll and the outbox's drain back a day, and one stepped
    forward years (a wrong hardware clock put right) first counted every run missed, on the
    event loop. Before each look at its jobs it compares the wall clock with the monotonic
    one, and a step between the two moves every job's next run by as much."""

    def __init__(
        self,
        *args: Any,
        wall: Callable[[], float] = time.time,
        mono: Callable[[], float] = time.monotonic,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._wall, self._mono = wall, mono
        self._offset = wall() - mono()

    def _process_jobs(self) -> float | None:
        offset = self._wall() - self._mono()
        step, self._offset = offset - self._offset, offset
        if abs(step) > CLOCK_STEP_S:
            log.warning("the clock was set %+.0f s: the scheduled jobs keep their pace", step)
            for job in self.get_jobs():
                if job.next_run_time is not None:
                    job.modify(next_run_time=job.next_run_time + timedelta(seconds=step))
        wait: float | None = super()._process_jobs()
        return wait


def build_scheduler(
    *, wall: Callable[[], float] = time.time, mono: Callable[[], float] = time.monotonic
) -> AsyncIOScheduler:
    # One run at a time per job; late runs are merged into one, and run however late they
    # are (a loop held up past a run time runs it at once rather than skip to the next
    # interval). A host's sleep is a step of the wall clock past the monotonic one, so its
    # jobs resume their pace on waking (see SteadyScheduler).
    return SteadyScheduler(
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None},
        timezone="UTC",
        wall=wall,
        mono=mono,
    )


async def open_store(path: Path) -> Store:
    """The store at DATABASE_PATH, or a ConfigError saying in one line why it can't be."""
    try:
        return await Store.open(path)
    except (OSError, sqlite3.Error) as exc:
        raise ConfigError(f"bad setting DATABASE_PATH: cannot open {str(path)!r}: {exc}") from None


def database_trouble(path: Path, exc: sqlite3.Error) -> ConfigError | None:
    """The host's one line for an error that is the database file's (damaged, a full disk),
    or None for any other: a corrupt page read as the bot starts was a traceback."""
    if (hint := file_trouble(exc)) is None:
        return None
    if locked(exc):
        return LockedOut(f"the database at {str(path)!r} is busy ({exc}): {hint}")
    return ConfigError(f"the database at {str(path)!r} is unusable ({exc}): {hint}")


# What a process refused a database another kissbot holds is told to do.
RUN_ELSEWHERE = "stop it first, or give this one its own DATABASE_PATH"
MIGRATE_LATER = "stop it first (a bot also migrates its database as it starts)"
PRUNE_LATER = "stop it first (a running bot prunes its database daily itself)"


@asynccontextmanager
async def held_store(
    path: Path, *, alone: bool = True, if_held: str = RUN_ELSEWHERE
) -> AsyncIterator[Store]:
    """The store at ``path``, open; ``alone``: held by this process until it is closed
    (``if_held``: what to do when another kissbot holds it)."""
    store = await open_store(path)  # first, so a bad path is told as such
    lock: int | None = None
    try:
        if alone and str(path) != ":memory:":
            lock = _lock_for(path, if_held)
            # A store with no pending migration was not written before the bot was up.
            await store.db.try_write()
        yield store
    except sqlite3.Error as exc:
        trouble = database_trouble(path, exc)
        if trouble is None:
            raise
        raise trouble from None
    finally:
        await store.close()
        if lock is not None:
            os.close(lock)  # the kernel drops the lock with it


@asynccontextmanager
async def open_bot(settings: Settings, *, commands_only: bool = False) -> AsyncIterator[KissBot]:
    """Create every resource, yield an unstarted bot, close everything in reverse order;
    ``commands_only``: a bot that only loads its commands when it logs in (to sync them)."""
    catalog = load_catalog(settings.shows_dir)  # a bad pack fails here, before any I/O
    point_discord_at(settings.discord_api_base, settings.discord_gateway_url)
    async with (
        held_store(settings.database_path, alone=not commands_only) as store,
        make_feed_session(settings) as http_session,
    ):
        bot = KissBot(
            settings=settings,
            store=store,
            http_session=http_session,
            catalog=catalog,
            scheduler=build_scheduler(),
            commands_only=commands_only,
        )
        try:
            yield bot
        finally:
            if not bot.is_closed():
                await bot.close()


def _lock_for(database: Path, if_held: str) -> int:
    """Hold the database for this process (the open descriptor holds the lock): a second bot
    on it would poll the same feeds and drain the same outbox, and a post both claimed could
    go out twice. The lock is the kernel's, so a killed bot leaves none behind (its parse
    workers start from a clean interpreter and do not inherit it)."""
    real = database.resolve()  # a symlink's target is the file to hold
    path = real.with_name(real.name + "-lock")  # beside -wal and -shm
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise ConfigError(f"bad setting DATABASE_PATH: cannot lock {str(path)!r}: {exc}") from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise ConfigError(
            f"another kissbot is already running on {str(database)!r}: {if_held}"
        ) from None
    return fd


# malloc.h's mallopt option for the most arenas glibc's malloc may make.
M_ARENA_MAX = -8


def one_malloc_arena() -> bool:
    """Have every thread of the bot allocate from glibc's one main arena; whether it was set.

    glibc gives each thread that calls malloc an arena of its own (up to eight per core):
    the bot's few threads (the database's, the classifier's table build, name look-ups)
    kept 1.5 MiB more resident at 1,000 guilds than one arena does, against the 70 MiB
    goal, for little allocation of their own. A host's MALLOC_ARENA_MAX wins, and a libc
    without mallopt (or whose mallopt ignores it) is left as it is. Before any thread.
    """
    if "MALLOC_ARENA_MAX" in os.environ:
        return False
    mallopt = getattr(ctypes.CDLL(None), "mallopt", None)
    return mallopt is not None and bool(mallopt(M_ARENA_MAX, 1))


async def _close(bot: KissBot, start: asyncio.Future[None]) -> None:
    """Close the bot, then end its gateway loop: with Discord gone, discord.py waits out a
    reconnect's backoff (growing to 17 min) and sees the close only when it wakes."""
    await bot.close()
    start.cancel()


# The gateway's close code for a token it refuses, and what Discord documents for the codes
# discord.py does not retry (discord.py's ConnectionClosed carries no reason of its own).
GATEWAY_AUTHENTICATION_FAILED = 4004
GATEWAY_CLOSES = {
    4004: "authentication failed",
    4010: "invalid shard",
    4011: "sharding required",
    4012: "invalid API version",
    4013: "invalid intents",
    4014: "disallowed intents",
}


class LoginRejected(Exception):
    """Discord (or the server at DISCORD_API_BASE) refused the token."""


async def run_bot(settings: Settings) -> int:
    """Run until SIGINT/SIGTERM or a fatal gateway error; returns the exit status."""
    assert settings.discord_token is not None
    token = settings.discord_token.get_secret_value()
    async with open_bot(settings) as bot:
        loop = asyncio.get_running_loop()
        start = asyncio.ensure_future(bot.start(token))
        closing: list[asyncio.Future[None]] = []

        def stop() -> None:
            # Closing mid-setup would leave the setup hook running on a closed session and
            # then start the scheduler: until it is done, stopping means cancelling it (and
            # open_bot closes the bot on the way out).
            if bot.set_up:
                closing.append(asyncio.ensure_future(_close(bot, start)))
            else:
                start.cancel()

        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop)
        try:
            await start
        except asyncio.CancelledError:
            this = asyncio.current_task()
            if not start.cancelled() or (this is not None and this.cancelling()):
                raise  # not our stop(): someone cancelled run_bot itself
            if not bot.set_up:
                log.info("stopped during start-up")
        except discord.LoginFailure as exc:
            raise LoginRejected(str(exc)) from None
        except discord.PrivilegedIntentsRequired:
            raise LoginRejected("a privileged intent was requested but not enabled") from None
        except discord.ConnectionClosed as exc:
            # discord.py retries none of these: 4004 is the gateway refusing the token (which
            # REST took, or took before it was reset); the rest are told by cli in one line.
            if exc.code == GATEWAY_AUTHENTICATION_FAILED:
                raise LoginRejected(
                    f"the gateway closed the session: {exc.code}, {GATEWAY_CLOSES[exc.code]}"
                ) from None
            raise
        finally:
            for sig in (signal.SIGINT, signal.SIGTERM):
                loop.remove_signal_handler(sig)
            # The stop's close must end before open_bot closes the store and session under it.
            await asyncio.gather(*closing, return_exceptions=True)
    log.info("shut down cleanly")
    return 0
