"""The sandbox gateway at the frame level: auth, intents, compression, RESUME replay, scale."""

from __future__ import annotations

import json
import zlib
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest

from bot.sandbox import perms
from bot.sandbox.driver import Sandbox

pytestmark = pytest.mark.e2e


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as http:
        yield http


async def _frame(ws: aiohttp.ClientWebSocketResponse) -> dict[str, Any]:
    msg = await ws.receive(timeout=5)
    assert msg.type == aiohttp.WSMsgType.TEXT, msg
    frame: dict[str, Any] = json.loads(msg.data)
    return frame


async def _send_identify(ws: aiohttp.ClientWebSocketResponse, token: str, intents: int = 1) -> None:
    hello = await _frame(ws)
    assert hello["op"] == 10 and hello["d"]["heartbeat_interval"] > 0
    await ws.send_json({"op": 2, "d": {"token": token, "intents": intents, "properties": {}}})


async def _closed_with(ws: aiohttp.ClientWebSocketResponse) -> int | None:
    msg = await ws.receive(timeout=5)
    assert msg.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED), msg
    return ws.close_code


async def test_identify_checks_token_and_privileged_intents(
    session: aiohttp.ClientSession,
) -> None:
    async with Sandbox(guilds=1, privileged_intents=0) as sb:
        async with session.ws_connect(sb.gateway_url) as ws:
            await _send_identify(ws, "wrong-token")
            assert await _closed_with(ws) == 4004
        async with session.ws_connect(sb.gateway_url) as ws:
            await _send_identify(ws, sb.token, intents=1 | 1 << 15)
            assert await _closed_with(ws) == 4014


async def test_ready_guilds_heartbeat_and_resume_replay(
    session: aiohttp.ClientSession,
) -> None:
    async with Sandbox(guilds=3) as sb:
        async with session.ws_connect(sb.gateway_url + "?v=10&encoding=json") as ws:
            await _send_identify(ws, sb.token)
            ready = await _frame(ws)
            assert ready["t"] == "READY" and ready["s"] == 1
            assert ready["d"]["resume_gateway_url"] == sb.gateway_url
            assert [g["id"] for g in ready["d"]["guilds"]] == [str(g.id) for g in sb.guilds]
            creates = [await _frame(ws) for _ in sb.guilds]
            assert [f["t"] for f in creates] == ["GUILD_CREATE"] * 3
            assert [f["s"] for f in creates] == [2, 3, 4]
            guild = creates[0]["d"]
            everyone = next(r for r in guild["roles"] if r["id"] == guild["id"])
            assert everyone["name"] == "@everyone"
            # Without the members intent Discord lists only the bot's own member.
            assert guild["member_count"] == 4
            assert [m["user"]["id"] for m in guild["members"]] == [str(sb.bot_id)]
            await ws.send_json({"op": 1, "d": 4})
            assert (await _frame(ws))["op"] == 11
            session_id = ready["d"]["session_id"]

        # While the bot is away an event happens; RESUME replays it, then RESUMED.
        general = sb.guild.channel("general")
        sb.set_bot_permissions(general, deny=perms.EMBED_LINKS)
        async with session.ws_connect(sb.gateway_url) as ws:
            await _frame(ws)  # HELLO
            resume = {"token": sb.token, "session_id": session_id, "seq": 4}
            await ws.send_json({"op": 6, "d": resume})
            missed, resumed = await _frame(ws), await _frame(ws)
            assert (missed["t"], missed["s"], missed["d"]["id"]) == (
                "CHANNEL_UPDATE",
                5,
                str(general),
            )
            assert (resumed["t"], resumed["s"]) == ("RESUMED", 6)

        async with session.ws_connect(sb.gateway_url) as ws:
            await _frame(ws)
            await ws.send_json({"op": 6, "d": resume | {"session_id": "unknown"}})
            assert await _frame(ws) == {"op": 9, "d": False, "s": None, "t": None}


async def test_zlib_stream_and_a_thousand_guilds(session: aiohttp.ClientSession) -> None:
    async with Sandbox(guilds=1000) as sb:
        url = sb.gateway_url + "?v=10&encoding=json&compress=zlib-stream"
        inflate = zlib.decompressobj()
        async with session.ws_connect(url, max_msg_size=0) as ws:

            async def frame() -> dict[str, Any]:
                msg = await ws.receive(timeout=10)
                assert msg.type == aiohttp.WSMsgType.BINARY
                assert msg.data.endswith(b"\x00\x00\xff\xff")  # one flush per frame
                decoded: dict[str, Any] = json.loads(inflate.decompress(msg.data))
                return decoded

            assert (await frame())["op"] == 10
            await ws.send_json({"op": 2, "d": {"token": sb.token, "intents": 1}})
            assert (await frame())["t"] == "READY"
            ids = {(await frame())["d"]["id"] for _ in range(1000)}
            assert ids == {str(g.id) for g in sb.guilds}
