"""A job the database file stops (a full disk) is one WARNING while it lasts, not a
traceback every few seconds from each drain and poll."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest

from bot.news.service import quiet_on_shutdown
from bot.store import db


def disk_full(tmp_path: Path) -> sqlite3.Error:
    """SQLite's own error for a database that can grow no more."""
    conn = sqlite3.connect(tmp_path / "full.db")
    conn.execute("PRAGMA max_page_count = 2")
    try:
        conn.execute("CREATE TABLE t (x)")
        while True:
            conn.execute("INSERT INTO t VALUES (randomblob(1000))")
            conn.commit()
    except sqlite3.Error as exc:
        return exc
    finally:
        conn.close()


async def test_a_full_disk_is_one_warning_while_it_lasts(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A drain with nothing to send gets through between the polls a full disk stops: no
    sign the trouble is over until none has met it for a while (a WARNING and an INFO every
    drain, before)."""
    full = disk_full(tmp_path)
    assert full.sqlite_errorname == "SQLITE_FULL"
    now = [0.0]
    monkeypatch.setattr(db, "clock", lambda: now[0])

    @quiet_on_shutdown
    async def job(error: BaseException | None) -> str | None:
        if error is not None:
            raise error
        return "done"

    caplog.set_level(logging.INFO, "bot.news.service")
    for at, error in ((0, full), (10, full), (20, None), (30, full), (40, None)):
        now[0] = at
        assert await job(error) == (None if error else "done")
    now[0] = 30 + db.TROUBLE_QUIET_S
    assert await job(None) == "done"  # none met it for the quiet time: over
    assert await job(full) is None  # and told again
    now[0] += db.TROUBLE_QUIET_S
    assert await job(None) == "done"  # over, for the tests after this one
    lines = [(r.levelno, r.getMessage()) for r in caplog.records]
    warning = (
        logging.WARNING,
        "the database is in trouble (database or disk is full): free some space on its disk;"
        " retrying as usual",
    )
    recovered = (
        logging.INFO,
        "the database works again: no trouble in 15 minutes (after: database or disk is full)",
    )
    assert lines == [warning, recovered, warning, recovered]
    assert not any(r.exc_info for r in caplog.records)


async def test_any_other_error_is_still_raised() -> None:
    @quiet_on_shutdown
    async def poll() -> None:
        raise sqlite3.IntegrityError("UNIQUE constraint failed: feeds.url")

    with pytest.raises(sqlite3.IntegrityError):
        await poll()
