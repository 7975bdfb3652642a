"""A stop (SIGTERM, ``close()``) cancels the scheduler's jobs wherever they are: nothing they
or anyone else was writing may be lost for it, and nothing may be logged as a crash."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.sandbox.driver import Sandbox, running_bot
from bot.store import Store

pytestmark = pytest.mark.e2e


async def test_a_job_cancelled_at_its_transactions_begin_loses_no_later_write(
    tmp_path: Path,
) -> None:
    """A task cancelled while its write transaction's BEGIN ran (a stop shutting the
    scheduler down under a poll or a prune) left the connection inside that transaction:
    every later write joined it, and the close rolled them back. A fan's /progress set
    answered "saved", and was gone at the next start."""
    async with (
        Sandbox(guilds=1) as sb,
        running_bot(sb, tmp_path, feeds_file=tmp_path / "none.toml") as bot,
    ):
        bot.scheduler.pause()

        async def job() -> None:
            async with bot.store.db.transaction() as conn:
                await conn.execute("UPDATE meta SET value = value")

        lock = bot.store.db._write_lock
        async with lock:  # the start's own writes done first
            pass
        cut = asyncio.create_task(job())
        await asyncio.sleep(0)
        assert lock.locked()  # it holds the lock and awaits its BEGIN
        cut.cancel()
        with pytest.raises(asyncio.CancelledError):
            await cut
        saved = await sb.invoke("progress", {"episode": "2x1"}, subcommand="set")
        assert "S2E1" in saved.content
        # Committed once it answers: another connection (the next start's) reads it.
        other = await Store.open(tmp_path / "kissbot.db")
        try:
            rows = await other.db.rows("SELECT user_id FROM watch_progress")
        finally:
            await other.close()
        assert [row[0] for row in rows] == [sb.admin_id]
