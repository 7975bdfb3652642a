"""kissbot itself through the sandbox: in-process (`running_bot`) and as a child process."""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path

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
