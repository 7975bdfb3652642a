"""A SIGKILL in the middle of a migration: each bundled migration is one transaction with the
schema version it sets, so a kill after its last statement, before its commit, leaves the
store exactly as the migrations before it made it, and the next start migrates it whole.

The kill is the process's own, from SQLite's trace of each statement it runs: exactly at the
migration's ``PRAGMA user_version``, every other statement of it already run."""

from __future__ import annotations

import asyncio
import signal
import sqlite3
import sys
from pathlib import Path

import pytest

from bot.store import Store
from bot.store.db import migrations
from tests.conftest import REPO

# Migrates the store at argv[1], killing itself as migration argv[2] sets its version.
_KILLED_MIGRATE = """
import asyncio, os, signal, sys
from bot.store import Store

async def main(path: str, number: int) -> None:
    store = await Store.open(path)
    def trace(sql: str) -> None:
        if sql.strip() == f"PRAGMA user_version = {number};":
            os.kill(os.getpid(), signal.SIGKILL)
    await store.db.conn.set_trace_callback(trace)
    await store.migrate()

asyncio.run(main(sys.argv[1], int(sys.argv[2])))
"""


def schema(path: Path) -> tuple[int, list[tuple[str, str, str | None]]]:
    """(schema version, every table, index and trigger with its SQL)."""
    with sqlite3.connect(path) as conn:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        rows = conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")
        return version, list(rows)


def migrated_up_to(path: Path, last: int) -> tuple[int, list[tuple[str, str, str | None]]]:
    """The schema the bundled migrations up to ``last`` make, applied one by one."""
    with sqlite3.connect(path) as conn:
        for number, _, sql in migrations():
            if number <= last:
                conn.executescript(f"{sql}\nPRAGMA user_version = {number};")
    return schema(path)


@pytest.mark.parametrize("number", [n for n, _, _ in migrations()])
async def test_a_kill_inside_a_migration_leaves_the_one_before_and_the_next_start_finishes(
    tmp_path: Path, number: int
) -> None:
    database = tmp_path / "kissbot.db"
    killed = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        _KILLED_MIGRATE,
        str(database),
        str(number),
        cwd=REPO,
        stderr=asyncio.subprocess.PIPE,
    )
    _, stderr = await asyncio.wait_for(killed.communicate(), 60)
    assert killed.returncode == -signal.SIGKILL, stderr.decode()[-2000:]
    assert schema(database) == migrated_up_to(tmp_path / "reference.db", number - 1)

    store = await Store.open(database)
    try:
        assert await store.migrate() == len(migrations())
    finally:
        await store.close()
    assert schema(database) == migrated_up_to(tmp_path / "fresh.db", len(migrations()))
