"""What the host's log shows of Discord itself going away: the real bot, the sandbox."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import discord.gateway
import pytest

from bot.logs import configure_logging
from bot.sandbox.driver import Sandbox, running_bot
from tests.unit.test_logs import restored_logging  # noqa: F401 (an autouse fixture)

pytestmark = pytest.mark.e2e


async def test_reconnecting_through_an_outage_is_one_warning_a_try_not_a_traceback(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    configure_logging("INFO")
    async with (
        Sandbox(guilds=1) as sb,
        running_bot(sb, tmp_path, feeds_file=tmp_path / "no-feeds.toml"),
    ):
        connect = discord.gateway.DiscordWebSocket.from_client.__func__  # type: ignore[attr-defined]
        refusals = [ConnectionRefusedError(111, "Connect call failed")] * 2

        async def unreachable(cls: Any, *args: Any, **kwargs: Any) -> Any:
            if refusals:  # the network is down for the first two tries
                raise refusals.pop()
            return await connect(cls, *args, **kwargs)

        monkeypatch.setattr(
            discord.gateway.DiscordWebSocket, "from_client", classmethod(unreachable)
        )
        await sb.drop_gateway(timeout=20)
        assert (await sb.invoke("ping")).content == "pong"
    tries = [r for r in caplog.records if r.name == "discord.client" and "reconnect" in r.msg]
    assert len(tries) == 2, caplog.text
    for record in tries:
        assert record.levelno == logging.WARNING and not record.exc_info
        assert "ConnectionRefusedError: [Errno 111] Connect call failed" in record.getMessage()
    assert "Traceback" not in caplog.text
