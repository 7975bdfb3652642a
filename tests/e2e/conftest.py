"""Sandbox fixtures: a loopback Discord and discord.py pointed at it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import discord.gateway
import discord.http
import pytest
import yarl

from bot.sandbox.driver import Sandbox


@pytest.fixture
async def sandbox() -> AsyncIterator[Sandbox]:
    async with Sandbox(guilds=2) as sb:
        yield sb


@pytest.fixture
def point_discord(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Call with a Sandbox: discord.py's REST and gateway go to it for this test only."""

    def point(sb: Sandbox) -> None:
        monkeypatch.setattr(discord.http.Route, "BASE", sb.api_base)
        monkeypatch.setattr(
            discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", yarl.URL(sb.gateway_url)
        )

    return point
