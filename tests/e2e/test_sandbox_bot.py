"""kissbot itself through the sandbox: in-process (`running_bot`) and as a child process."""

from __future__ import annotations

import asyncio
import contextlib
import signal
from pathlib import Path
from typing import Any

import pytest

from bot.sandbox.driver import Sandbox, running_bot, spawn_bot

pytestmark = pytest.mark.e2e


async def test_running_bot_answers_in_guilds_and_dms(sandbox: Sandbox, tmp_path: Path) -> None:
    async with running_bot(sandbox, tmp_path) as bot:
        assert bot.is_ready() and len(bot.guilds) == len(sandbox.guilds)
        ping = await sandbox.invoke("ping")
        assert ping.content == "pong" and ping.ephemeral
        # The second guild and DMs use the global commands.
        assert (await sandbox.invoke("ping", guild=1, user="member")).content == "pong"
        assert (await sandbox.invoke("ping", dm=True)).content == "pong"
    assert bot.is_closed()


async def test_spawned_bot_answers_and_dies_on_sigkill(sandbox: Sandbox, tmp_path: Path) -> None:
    child = await spawn_bot(sandbox, database_path=tmp_path / "child.db")
    try:
        await sandbox.wait_for_identify(timeout=30)
        await sandbox.wait_for_commands(timeout=10)
        assert (await sandbox.invoke("ping")).content == "pong"
    finally:
        if child.returncode is None:
            child.send_signal(signal.SIGKILL)
        status = await asyncio.wait_for(child.wait(), 10)
    assert status == -signal.SIGKILL


async def test_stopping_the_console_during_start_up_starts_no_jobs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl+C in `make run` without a token while the bot sets up: its jobs had started
    after the close and run on the closed store (a traceback per job)."""
    from bot.client import KissBot
    from bot.news.service import NewsService

    seen: list[KissBot] = []
    setting_up = asyncio.Event()
    original = NewsService.start

    async def slow_start(self: NewsService, scheduler: Any) -> None:
        seen.append(self.client)  # type: ignore[arg-type]
        setting_up.set()
        await asyncio.sleep(0.3)
        await original(self, scheduler)

    monkeypatch.setattr(NewsService, "start", slow_start)
    async with Sandbox(guilds=1) as sb:

        async def console() -> None:
            async with running_bot(sb, tmp_path):
                await asyncio.sleep(60)

        task = asyncio.create_task(console())
        await asyncio.wait_for(setting_up.wait(), 20)
        task.cancel()  # what asyncio.run does with the console on Ctrl+C
        with contextlib.suppress(asyncio.CancelledError):
            await task
        await asyncio.sleep(0.5)
    assert seen[0].is_closed() and not seen[0].scheduler.running
