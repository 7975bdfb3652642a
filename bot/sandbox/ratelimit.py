"""Discord-style rate limits (global + per-route buckets) and injected faults.

Windows are fixed: the first request opens a window of `period` seconds holding `limit`
requests. That is what Discord's headers describe, so discord.py's own bookkeeping lines
up with it.
"""

from __future__ import annotations

import fnmatch
import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(slots=True, frozen=True)
class Limit:
    limit: int
    period: float


# (method, route template) -> limit. Templates use aiohttp's `{name}` syntax, after /api/v10.
DEFAULT_ROUTE_LIMITS: dict[tuple[str, str], Limit] = {
    ("POST", "/channels/{channel_id}/messages"): Limit(5, 5.0),
    ("PATCH", "/channels/{channel_id}/messages/{message_id}"): Limit(5, 5.0),
    ("DELETE", "/channels/{channel_id}/messages/{message_id}"): Limit(5, 1.0),
    # Publishing in announcement channels: 10 per hour per channel on Discord.
    ("POST", "/channels/{channel_id}/messages/{message_id}/crosspost"): Limit(10, 3600.0),
    ("POST", "/channels/{channel_id}/messages/{message_id}/threads"): Limit(10, 10.0),
    ("PUT", "/guilds/{guild_id}/members/{user_id}/roles/{role_id}"): Limit(10, 10.0),
    ("DELETE", "/guilds/{guild_id}/members/{user_id}/roles/{role_id}"): Limit(10, 10.0),
    ("PUT", "/applications/{app_id}/commands"): Limit(10, 20.0),
    ("PUT", "/applications/{app_id}/guilds/{guild_id}/commands"): Limit(10, 20.0),
}
DEFAULT_LIMIT = Limit(50, 1.0)
WEBHOOK_LIMIT = Limit(10, 2.0)
GLOBAL_LIMIT = Limit(50, 1.0)


def bucket_hash(method: str, template: str) -> str:
    return hashlib.sha1(f"{method} {template}".encode()).hexdigest()[:16]


@dataclass(slots=True)
class Window:
    resets_at: float = 0.0
    used: int = 0


@dataclass(slots=True, frozen=True)
class Verdict:
    """The outcome of counting one request against a window."""

    allowed: bool
    limit: int
    remaining: int
    reset_after: float


class Windows:
    """Fixed windows keyed by anything hashable; stale ones are dropped now and then."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._windows: dict[object, Window] = {}

    def hit(self, key: object, limit: Limit) -> Verdict:
        now = self._clock()
        window = self._windows.get(key)
        if window is None or now >= window.resets_at:
            if len(self._windows) > 10_000:
                self._windows = {k: w for k, w in self._windows.items() if w.resets_at > now}
            window = self._windows[key] = Window(now + limit.period, 0)
        reset_after = max(window.resets_at - now, 0.001)
        if window.used >= limit.limit:
            return Verdict(False, limit.limit, 0, reset_after)
        window.used += 1
        return Verdict(True, limit.limit, limit.limit - window.used, reset_after)


# "automod": the server's AutoMod blocks the message (400, code 200000), as Discord answers.
FAULT_KINDS = frozenset(
    {"429", "429-global", "500", "502", "503", "504", "403", "404", "drop", "automod"}
    | {"not-json", "html"}
)


@dataclass(slots=True)
class Fault:
    """The next `count` requests matching method + path glob get `kind` instead of an answer."""

    method: str
    pattern: str
    kind: str
    count: int = 1
    retry_after: float = 0.3
    served: int = 0

    def matches(self, method: str, path: str) -> bool:
        return (self.method in ("*", method)) and fnmatch.fnmatchcase(path, self.pattern)


@dataclass(slots=True)
class Counters:
    requests: int = 0
    global_429s: int = 0
    route_429s: int = 0
    injected: int = 0
    invalid: int = 0  # 401/403/429 count toward Discord's invalid-request ban
    by_status: dict[int, int] = field(default_factory=dict)


class RateLimiter:
    """All limits of one sandbox server."""

    def __init__(
        self,
        *,
        route_limits: dict[tuple[str, str], Limit] | None = None,
        global_limit: Limit = GLOBAL_LIMIT,
        webhook_limit: Limit = WEBHOOK_LIMIT,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.route_limits = dict(DEFAULT_ROUTE_LIMITS if route_limits is None else route_limits)
        self.global_limit = global_limit
        self.webhook_limit = webhook_limit
        self.windows = Windows(clock)
        self.faults: list[Fault] = []
        self.counters = Counters()

    def limit_for(self, method: str, template: str, *, webhook: bool) -> Limit:
        found = self.route_limits.get((method, template))
        if found is not None:
            return found
        return self.webhook_limit if webhook else DEFAULT_LIMIT

    def take_fault(self, method: str, path: str) -> Fault | None:
        for fault in self.faults:
            if fault.served < fault.count and fault.matches(method, path):
                fault.served += 1
                self.counters.injected += 1
                return fault
        return None

    def check_global(self, token: str) -> Verdict:
        return self.windows.hit(("global", token), self.global_limit)

    def check_route(self, method: str, template: str, major: str, *, webhook: bool) -> Verdict:
        limit = self.limit_for(method, template, webhook=webhook)
        return self.windows.hit((method, template, major), limit)
