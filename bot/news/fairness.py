"""Fetch slots for servers' own feeds, so one server's slow feeds can't take the pool.

The feed session's pool (``http.CONNECTION_LIMIT``, a few per host) serves every server.
A server may follow 25 feeds of its own, on hosts it chooses, and a slow host holds a
connection for the whole fetch deadline: four such servers would hold the pool, and the
host's shared feeds, which every server reads, would wait behind them. So a server's own
feeds are polled a few at a time, and all servers' own feeds together take at most half
the pool. Shared feeds never wait here.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from bot.news.http import CONNECTION_LIMIT

OWN_FEEDS_AT_ONCE = CONNECTION_LIMIT // 2
OWN_FEEDS_PER_SERVER = 3


@dataclass(slots=True)
class _Server:
    slots: asyncio.Semaphore
    users: int = field(default=0)


class FetchSlots:
    """Who may poll an own feed now: a server's slot first, then one of the shared few
    (in that order, so a server's queued feeds hold none of the others' slots)."""

    def __init__(
        self, *, at_once: int = OWN_FEEDS_AT_ONCE, per_server: int = OWN_FEEDS_PER_SERVER
    ) -> None:
        self._all = asyncio.Semaphore(at_once)
        self._per_server = per_server
        # Only servers polling now: an entry goes with its last user.
        self._servers: dict[int, _Server] = {}

    @asynccontextmanager
    async def own_feed(self, server: int) -> AsyncIterator[bool]:
        """A slot, and whether it had to be waited for (the feed may have changed since)."""
        held = self._servers.get(server)
        if held is None:
            held = self._servers[server] = _Server(asyncio.Semaphore(self._per_server))
        held.users += 1
        try:
            waited = held.slots.locked() or self._all.locked()
            async with held.slots, self._all:
                yield waited
        finally:
            held.users -= 1
            if not held.users:
                del self._servers[server]

    @property
    def servers_polling(self) -> int:
        return len(self._servers)
