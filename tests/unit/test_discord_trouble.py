"""What `python -m bot run` and `sync` tell the host when Discord can't be reached: the
decision, fed a DNS failure from aiohttp's own connector (no look-up leaves the machine)."""

from __future__ import annotations

import socket

import aiohttp
import pytest

from bot.cli import discord_trouble
from bot.client import GATEWAY_TROUBLE, GatewayUnreachable
from bot.errors import RETRY_LATER
from bot.settings import Settings


class NoSuchName(aiohttp.abc.AbstractResolver):
    """A resolver that answers as getaddrinfo does for a name no DNS server knows."""

    async def resolve(self, host: str, port: int = 0, family: int = 0) -> list[object]:  # type: ignore[override]
        raise OSError(socket.EAI_NONAME, "Name or service not known")

    async def close(self) -> None:
        pass


async def dns_failure(url: str) -> BaseException:
    connector = aiohttp.TCPConnector(resolver=NoSuchName())
    async with aiohttp.ClientSession(connector=connector) as session:
        with pytest.raises(aiohttp.ClientError) as caught:
            await session.get(url)
    return caught.value


async def test_a_dns_failure_of_the_api_host_is_one_line_worth_a_retry(
    capsys: pytest.CaptureFixture[str],
) -> None:
    settings = Settings()
    exc = await dns_failure(settings.discord_api_base + "/users/@me")
    assert discord_trouble(settings, exc) == RETRY_LATER
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("kissbot: cannot reach ")
    assert settings.discord_api_base in err and "Name or service not known" in err


async def test_a_dns_failure_of_the_gateway_host_is_gateway_trouble() -> None:
    settings = Settings()
    exc = await dns_failure(settings.discord_gateway_url.replace("wss://", "https://"))
    assert isinstance(exc, GATEWAY_TROUBLE)  # what the first connect turns into one line
    line = str(GatewayUnreachable(settings.discord_gateway_url, exc))
    assert settings.discord_gateway_url in line and "Name or service not known" in line
