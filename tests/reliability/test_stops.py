"""A stop (SIGTERM, ``close()``) cancels the scheduler's jobs wherever they are: nothing they
or anyone else was writing may be lost for it, and nothing may be logged as a crash."""

from __future__ import annotations

import asyncio
import signal
from datetime import date, timedelta
from pathlib import Path

import pytest
from aiohttp import web

from bot.news.models import Milestone
from bot.sandbox import perms
from bot.sandbox.driver import Sandbox, running_bot
from bot.sandbox.rest import Rest
from bot.store import Store
from tests.e2e.test_moderator_kit import moderator_bot
from tests.e2e.test_premiere_events import learn
from tests.reliability.conftest import BotRuns

DAYS = timedelta(days=60)  # to the premiere

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


@pytest.mark.parametrize("route", ["patch_message", "create_event"])
async def test_a_sigterm_mid_request_of_the_card_or_events_job_is_clean_and_redone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, route: str
) -> None:
    """The status-card and premiere-events jobs caught by a SIGTERM mid-request (the
    sandbox holding its answer): the bot exits 0 with no traceback, and the next start
    finishes their work, once (one card, edited; one event)."""
    held, hold = asyncio.Event(), [True]
    real = getattr(Rest, route)

    async def slow(rest: Rest, request: web.Request) -> web.StreamResponse:
        if hold[0]:
            hold[0] = False
            held.set()
            await asyncio.sleep(2)  # the bot is stopped meanwhile
        return await real(rest, request)

    monkeypatch.setattr(Rest, route, slow)
    async with Sandbox(guilds=1) as sb:
        sb.set_bot_role_permissions(sb.guild, perms.BOT_DEFAULT | perms.CREATE_EVENTS)
        general = sb.guild.channel("general")
        async with moderator_bot(sb, tmp_path, monkeypatch) as bot:
            hold[0] = False
            await sb.invoke("setup", {"channel": "general"}, subcommand="card")
            await bot.store.guilds.update(sb.guild.id, events=True)
            await learn(bot.store, Milestone.RELEASE_DATE_ANNOUNCED, date.today() + DAYS)
        hold[0] = True
        runs = BotRuns(sb, tmp_path / "kissbot.db", tmp_path)
        proc = await runs.start()
        await asyncio.wait_for(held.wait(), 30)
        proc.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(proc.wait(), 20) == 0, runs.log()
        assert "Traceback" not in runs.log()

        def done() -> bool:
            card = sb.messages(general)
            return len(sb.scheduled_events(sb.guild)) == 1 and "season 4" in str(card[0].raw)

        await runs.last_run(done, "the card's edit and the event")
        assert "Traceback" not in runs.log()
        assert len(sb.messages(general)) == 1 and len(sb.scheduled_events(sb.guild)) == 1
