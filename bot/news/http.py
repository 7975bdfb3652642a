"""The one aiohttp session the news pipeline fetches feeds with.

Separate from discord.py's own session: different limits, no cookies, and an
address guard on every connection.
"""

from __future__ import annotations

from typing import Protocol

import aiohttp
from aiohttp.abc import AbstractResolver

from bot.news.guard import GuardedResolver

# Generous overall, polite per host: many feeds live on a handful of hosts.
CONNECTION_LIMIT = 100
CONNECTION_LIMIT_PER_HOST = 4
# Per request; fetch_feed also enforces its own deadline across redirects.
DEFAULT_TIMEOUT = aiohttp.ClientTimeout(total=60, sock_connect=10, sock_read=30)


class FeedHTTPSettings(Protocol):
    """The two settings the session needs (``bot.settings.Settings`` has both)."""

    @property
    def allow_private_feeds(self) -> bool: ...

    @property
    def feed_user_agent(self) -> str: ...


def make_connector(
    allow_private: bool, *, resolver: AbstractResolver | None = None
) -> aiohttp.TCPConnector:
    """A connector whose every name lookup goes through the address guard.

    ``resolver`` is the real resolver to wrap (tests pass a stub); call this inside
    a running event loop.
    """
    inner = resolver if resolver is not None else aiohttp.ThreadedResolver()
    return aiohttp.TCPConnector(
        resolver=GuardedResolver(inner, allow_private=allow_private),
        limit=CONNECTION_LIMIT,
        limit_per_host=CONNECTION_LIMIT_PER_HOST,
        ttl_dns_cache=300,
    )


def make_feed_session(
    settings: FeedHTTPSettings, *, connector: aiohttp.BaseConnector | None = None
) -> aiohttp.ClientSession:
    """The feed session: guarded connector, our User-Agent, no cookie jar, no proxies from env."""
    return aiohttp.ClientSession(
        connector=connector or make_connector(settings.allow_private_feeds),
        headers={"User-Agent": settings.feed_user_agent},
        cookie_jar=aiohttp.DummyCookieJar(),
        timeout=DEFAULT_TIMEOUT,
        trust_env=False,
    )
