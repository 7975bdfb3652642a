"""The sandbox folds a repeated enforce_nonce post into the first, as Discord does."""

from __future__ import annotations

import aiohttp
import pytest

from bot.sandbox.driver import Sandbox

pytestmark = pytest.mark.e2e


async def test_a_repeated_nonce_returns_the_first_message() -> None:
    async with Sandbox(guilds=1) as sb, aiohttp.ClientSession() as http:
        channel = sb.guild.channels["announcements"]
        url = f"{sb.api_base}/channels/{channel}/messages"
        headers = {"Authorization": f"Bot {sb.token}"}
        first_body = {"content": "one", "nonce": "kb1", "enforce_nonce": True}
        async with http.post(url, json=first_body, headers=headers) as resp:
            first = await resp.json()
        again_body = {"content": "one again", "nonce": "kb1", "enforce_nonce": True}
        async with http.post(url, json=again_body, headers=headers) as resp:
            again = await resp.json()
        other_body = {"content": "two", "nonce": "kb2", "enforce_nonce": True}
        async with http.post(url, json=other_body, headers=headers) as resp:
            other = await resp.json()
        assert again["id"] == first["id"] and other["id"] != first["id"]
        assert [m.content for m in sb.messages(channel)] == ["one", "two"]
