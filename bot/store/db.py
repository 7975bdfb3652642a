"""The one SQLite store: connection set-up, migrations and transactions.

SQL lives in this package only (see DESIGN.md, "Growing past one machine").
"""

from __future__ import annotations

import asyncio
import logging
import re
import sqlite3
import time
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

import aiosqlite
from aiosqlite import Row

from bot.errors import ConfigError
from bot.news.dedupe import fold

log = logging.getLogger(__name__)

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def migrations() -> list[tuple[int, str, str]]:
    """(number, file name, SQL) for every bundled migration, in order."""
    found = []
    for entry in resources.files("bot.store").joinpath("migrations").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text("utf-8")))
    found.sort()
    numbers = [n for n, _, _ in found]
    if numbers != list(range(1, len(numbers) + 1)):
        raise RuntimeError(f"migrations must be numbered 1..N without gaps, found {numbers}")
    return found


# What SQLite says of the file itself (not of a query), and what the host can do about it.
_FILE_TROUBLE = {
    "SQLITE_CORRUPT": "restore it from a backup, or move it away to start afresh",
    "SQLITE_NOTADB": "restore it from a backup, or move it away to start afresh",
    "SQLITE_FULL": "free some space on its disk",
    "SQLITE_IOERR": "check its disk",
    "SQLITE_READONLY": "make it and its folder writable",
    # Past the busy timeout: a host's `sqlite3 kissbot.db` shell left in a write, a restore.
    "SQLITE_BUSY": "another program holds it locked (a sqlite3 shell, a restore): let it finish",
}


def file_trouble(exc: BaseException) -> str | None:
    """What the host can do, when ``exc`` is SQLite's word on the database file itself (a
    full disk, a damaged page); None for any other error."""
    name = getattr(exc, "sqlite_errorname", None)
    if not isinstance(exc, sqlite3.Error) or not name:
        return None
    return next((hint for code, hint in _FILE_TROUBLE.items() if name.startswith(code)), None)


# The database file's trouble as last told (a full disk), and when it was last met: shared by
# the jobs, the commands and the gateway events, which all meet the same trouble.
_told: list[tuple[str, float]] = []
# A job getting through is no sign the trouble is over unless none has met it for this long:
# on a full disk a drain with nothing to send, or a poll with no news, still gets through
# between the polls that have news to record (every poll of such a feed, at its interval).
TROUBLE_QUIET_S = 900.0
clock = time.monotonic


def told_trouble(exc: BaseException, logger: logging.Logger) -> str | None:
    """``file_trouble``'s hint, told to the host as one WARNING while the trouble lasts: a full
    disk meets every drain and poll, every few seconds, and every command that writes. None
    for any other error, the caller's to raise."""
    if (hint := file_trouble(exc)) is None:
        return None
    if not _told or _told[0][0] != f"{exc}":
        logger.warning("the database is in trouble (%s): %s; retrying as usual", exc, hint)
    _told[:] = [(f"{exc}", clock())]
    return hint


def trouble_over(logger: logging.Logger) -> None:
    """A job got through: the trouble told is over if none has met it for TROUBLE_QUIET_S,
    and the next is told again."""
    if _told and clock() - _told[0][1] >= TROUBLE_QUIET_S:
        logger.info(
            "the database works again: no trouble in %d minutes (after: %s)",
            TROUBLE_QUIET_S // 60,
            _told.pop()[0],
        )


def locked(exc: BaseException) -> bool:
    """Whether ``exc`` is another program's lock on the file, held past the busy timeout."""
    return str(getattr(exc, "sqlite_errorname", "")).startswith("SQLITE_BUSY")


def _fold(text: str | None) -> str:
    return fold(text or "")


class Database:
    """An aiosqlite connection in autocommit mode with explicit write transactions.

    One connection is shared by every task, so write transactions are serialised
    by a lock: two interleaved ``BEGIN``s on one connection would otherwise nest.
    """

    def __init__(self, conn: aiosqlite.Connection) -> None:
        self.conn = conn
        self._write_lock = asyncio.Lock()

    @classmethod
    async def open(cls, path: Path | str) -> Database:
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            # Opened once plainly first: aiosqlite's failed connect leaves its worker to report
            # to an event loop that is closed by then, a traceback after the host's error line.
            sqlite3.connect(path).close()
        conn = await aiosqlite.connect(str(path), isolation_level=None)
        conn.row_factory = aiosqlite.Row
        try:
            for pragma in (
                "PRAGMA journal_mode = WAL",
                "PRAGMA foreign_keys = ON",
                "PRAGMA busy_timeout = 5000",
                "PRAGMA synchronous = NORMAL",
            ):
                await conn.execute(pragma)
            # /feeds why finds a title as the keyword filter reads it ("çekim" in "ÇEKİM"):
            # SQLite's LIKE folds the case of ASCII letters only.
            await conn.create_function("kb_fold", 1, _fold, deterministic=True)
        except BaseException:
            # aiosqlite's thread is not a daemon: left open, it kept the process from exiting
            await conn.close()
            raise
        return cls(conn)

    async def close(self) -> None:
        await self.conn.close()

    async def user_version(self) -> int:
        async with self.conn.execute("PRAGMA user_version") as cur:
            row = await cur.fetchone()
        return int(row[0]) if row else 0

    async def try_write(self) -> None:
        """A write that changes nothing, rolled back: SQLite's own error if the file takes no
        writes (read-only, its folder too, or the file system), for the host to hear at start
        rather than from every job and command once the bot is up."""
        version = await self.user_version()
        async with self._write_lock:
            await self.conn.execute("BEGIN IMMEDIATE")
            try:
                await self.conn.execute(f"PRAGMA user_version = {version}")
            finally:
                await self.conn.rollback()

    async def shrink(self) -> None:
        """Rewrite the file without its free pages (VACUUM), and land that (a checkpoint)."""
        await self.conn.execute("VACUUM")
        await self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    async def migrate(self) -> int:
        """Apply pending migrations, each in its own transaction; returns the new version."""
        current = await self.user_version()
        bundled = migrations()
        if current > len(bundled):
            # Written by a newer kissbot: its tables mean things this one doesn't know, and
            # writing to them could corrupt what the newer one reads back.
            raise ConfigError(
                f"the database (DATABASE_PATH) is at schema version {current}, newer than "
                f"this kissbot knows ({len(bundled)}): run the newer kissbot, or point "
                "DATABASE_PATH at another file"
            )
        for number, name, sql in bundled:
            if number <= current:
                continue
            # user_version lives in the file header and is part of the transaction,
            # so a failed migration leaves both the schema and the version untouched.
            script = f"BEGIN IMMEDIATE;\n{sql}\nPRAGMA user_version = {number};\nCOMMIT;"
            try:
                await self.conn.executescript(script)
            except Exception:
                if self.conn.in_transaction:
                    await self.conn.rollback()
                raise
            log.info("applied migration %s", name)
            current = number
        return current

    async def rows(
        self, sql: str, params: Sequence[object] | Mapping[str, object] = ()
    ) -> list[Row]:
        """Every row one query gives, in one round trip to the SQLite thread (``async with
        conn.execute(...)`` and a fetch make three: execute, fetch, close). Each round trip
        wakes that thread and then the event loop; a poll makes several per feed."""
        return list(await self.conn.execute_fetchall(sql, params))

    async def write(self, sql: str, params: Sequence[object] | Mapping[str, object] = ()) -> int:
        """One statement on its own (atomic in autocommit mode); returns the rows changed.

        Cheaper than ``transaction()`` (no BEGIN/COMMIT round trips to the SQLite thread),
        and still ordered with transactions by the same lock.
        """
        async with self._write_lock:
            cursor = await self.conn.execute(sql, params)
            return cursor.rowcount

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """A write transaction; commits on success, rolls back on any error."""
        async with self._write_lock:
            try:
                # Inside the try: a task cancelled here (a stop's jobs) is cancelled while
                # aiosqlite's thread still runs the BEGIN, which left the connection in a
                # transaction every later write joined and the close rolled back.
                await self.conn.execute("BEGIN IMMEDIATE")
                yield self.conn
            except BaseException:
                await self.conn.rollback()
                raise
            else:
                await self.conn.commit()
