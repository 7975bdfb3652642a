"""Fixtures for integration tests: a loopback feed server and a session that can't leave it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import pytest

from tests.feedserver import FeedServer, LoopbackTripwire, loopback_session


@pytest.fixture
async def feed_server() -> AsyncIterator[FeedServer]:
    async with FeedServer() as server:
        yield server


@pytest.fixture
def tripwire() -> LoopbackTripwire:
    return LoopbackTripwire()


@pytest.fixture
async def feed_session(tripwire: LoopbackTripwire) -> AsyncIterator[aiohttp.ClientSession]:
    """Guarded like production (private allowed: the server is on loopback), tripwired."""
    async with loopback_session(allow_private=True, tripwire=tripwire) as session:
        yield session
    assert not tripwire.violations, f"connections left loopback: {tripwire.violations}"
