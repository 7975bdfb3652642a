"""The sandbox server: one aiohttp app on 127.0.0.1 serving /api/v10 and /gateway.

The middleware does what Discord does around every request: authentication, the global
limit (bot-token routes only), per-route buckets with their headers, and injected faults.
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from aiohttp import web

from bot.sandbox.commands import CommandStore
from bot.sandbox.gateway import PRIVILEGED, Gateway
from bot.sandbox.interactions import InteractionBook
from bot.sandbox.ratelimit import GLOBAL_LIMIT, WEBHOOK_LIMIT, Limit, RateLimiter, bucket_hash
from bot.sandbox.rest import Rest
from bot.sandbox.state import World, WorldOptions
from bot.sandbox.wire import ApiError, json_response

log = logging.getLogger(__name__)

PREFIX = "/api/v10"
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
_VIA = {"Via": "1.1 google"}  # discord.py treats a 429 without Via as a Cloudflare ban
DROPPED = 599  # recorded status of a request whose connection was dropped on purpose


@dataclass(slots=True, frozen=True)
class RequestRecord:
    method: str
    path: str
    template: str
    status: int
    at: float


@dataclass(slots=True)
class ServerOptions:
    """Everything tunable about one sandbox; defaults mirror Discord."""

    guilds: int = 3
    token: str = "MTAwMDAwMDAwMDAwMDAwMDAw.sandbox.kissbot-offline-token"
    news_channel: bool = True
    bot_permissions: int | None = None
    compress: bool = True
    route_limits: dict[tuple[str, str], Limit] | None = None
    global_limit: Limit = GLOBAL_LIMIT
    webhook_limit: Limit = WEBHOOK_LIMIT
    interaction_deadline: float = 3.0
    heartbeat_ms: int = 41_250
    allowed_privileged: int = PRIVILEGED


def _retry_headers(retry_after: float) -> dict[str, str]:
    return {"Retry-After": str(math.ceil(retry_after)), **_VIA}


class SandboxServer:
    def __init__(self, options: ServerOptions | None = None) -> None:
        self.options = opts = options or ServerOptions()
        world_opts = WorldOptions(guilds=opts.guilds, news_channel=opts.news_channel)
        if opts.bot_permissions is not None:
            world_opts.bot_permissions = opts.bot_permissions
        self.world = World(world_opts, token=opts.token)
        self.commands = CommandStore(self.world.app_id, self.world.ids.now)
        self.limiter = RateLimiter(
            route_limits=opts.route_limits,
            global_limit=opts.global_limit,
            webhook_limit=opts.webhook_limit,
        )
        self.gateway = Gateway(
            self.world,
            lambda: self.gateway_url,
            compress=opts.compress,
            heartbeat_ms=opts.heartbeat_ms,
            allowed_privileged=opts.allowed_privileged,
        )
        self.interactions = InteractionBook(self.world, deadline=opts.interaction_deadline)
        self.requests: list[RequestRecord] = []
        # A body, or what makes one at each request (a sample feed that changes over time).
        self.static: dict[str, tuple[bytes | Callable[[], bytes], str]] = {}
        self.changed = asyncio.Event()
        self.port = 0
        self._runner: web.AppRunner | None = None

    # -- addresses ------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_base(self) -> str:
        return self.base_url + PREFIX

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    def notify(self) -> None:
        self.changed.set()

    # -- lifecycle ------------------------------------------------------------------
    async def start(self) -> None:
        app = web.Application(middlewares=[self._middleware], client_max_size=64 * 1024 * 1024)
        app.router.add_routes(Rest(self).routes())
        app.router.add_get("/gateway", self.gateway.handle)
        app.router.add_get("/gateway/", self.gateway.handle)
        app.router.add_get("/static/{name}", self._static)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = int(self._runner.addresses[0][1])
        log.info("sandbox Discord listening on %s", self.base_url)

    async def stop(self) -> None:
        await self.gateway.shutdown()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _static(self, request: web.Request) -> web.Response:
        found = self.static.get(request.match_info["name"])
        if found is None:
            raise web.HTTPNotFound()
        body, content_type = found
        data = body() if callable(body) else body
        return web.Response(body=data, headers={"Content-Type": content_type})

    # -- the Discord edge -------------------------------------------------------------
    @web.middleware
    async def _middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        path = request.path
        if not path.startswith(PREFIX):
            return await handler(request)
        path = path[len(PREFIX) :]
        resource = request.match_info.route.resource
        template = resource.canonical[len(PREFIX) :] if resource is not None else path
        response = await self._serve(request, handler, path, template)
        self._count(request.method, path, template, response.status)
        return response

    def _count(self, method: str, path: str, template: str, status: int) -> None:
        counters = self.limiter.counters
        counters.requests += 1
        counters.by_status[status] = counters.by_status.get(status, 0) + 1
        if status in (401, 403, 429):
            counters.invalid += 1
        self.requests.append(RequestRecord(method, path, template, status, time.monotonic()))

    async def _serve(
        self, request: web.Request, handler: Handler, path: str, template: str
    ) -> web.StreamResponse:
        method = request.method
        webhook = path.startswith(("/interactions/", "/webhooks/"))
        limiter = self.limiter
        fault = limiter.take_fault(method, path)
        if fault is not None:
            return await self._fault(request, fault.kind, fault.retry_after)
        if not webhook:
            if request.headers.get("Authorization") != f"Bot {self.world.token}":
                return json_response({"message": "401: Unauthorized", "code": 0}, 401)
            verdict = limiter.check_global(self.world.token)
            if not verdict.allowed:
                return self._global_429(verdict.reset_after)
        headers: dict[str, str] = {}
        if not path.startswith("/interactions/"):
            major = "+".join(
                request.match_info[k]
                for k in ("channel_id", "guild_id", "app_id", "token")
                if k in request.match_info and not (k == "app_id" and not webhook)
            )
            verdict = limiter.check_route(method, template, major, webhook=webhook)
            headers = {
                "X-RateLimit-Limit": str(verdict.limit),
                "X-RateLimit-Remaining": str(verdict.remaining),
                "X-RateLimit-Reset": f"{time.time() + verdict.reset_after:.3f}",
                "X-RateLimit-Reset-After": f"{verdict.reset_after:.3f}",
                "X-RateLimit-Bucket": bucket_hash(method, template),
            }
            if not verdict.allowed:
                limiter.counters.route_429s += 1
                body = {
                    "message": "You are being rate limited.",
                    "retry_after": round(verdict.reset_after, 3),
                    "global": False,
                }
                extra = {"X-RateLimit-Scope": "user", **_retry_headers(verdict.reset_after)}
                return json_response(body, 429, headers | extra)
        try:
            response = await handler(request)
        except ApiError as exc:
            response = json_response(exc.body(), exc.status)
        except web.HTTPException as exc:
            response = json_response(
                {"message": f"{exc.status}: {exc.reason}", "code": 0}, exc.status
            )
        response.headers.update(headers)
        return response

    def _global_429(self, retry_after: float) -> web.Response:
        self.limiter.counters.global_429s += 1
        body = {
            "message": "You are being rate limited.",
            "retry_after": round(retry_after, 3),
            "global": True,
        }
        headers = {"X-RateLimit-Global": "true", "X-RateLimit-Scope": "global"}
        return json_response(body, 429, headers | _retry_headers(retry_after))

    async def _fault(
        self, request: web.Request, kind: str, retry_after: float
    ) -> web.StreamResponse:
        if kind == "429-global":
            return self._global_429(retry_after)
        if kind == "429":
            self.limiter.counters.route_429s += 1
            body = {
                "message": "You are being rate limited.",
                "retry_after": retry_after,
                "global": False,
            }
            headers = {
                "X-RateLimit-Limit": "1",
                "X-RateLimit-Remaining": "0",
                "X-RateLimit-Reset-After": f"{retry_after:.3f}",
                "X-RateLimit-Scope": "shared",
                **_retry_headers(retry_after),
            }
            return json_response(body, 429, headers)
        if kind == "drop":
            # Reset the TCP connection with no answer; what reaches aiohttp after is discarded.
            transport = request.transport
            if transport is not None:
                transport.abort()
            return web.Response(status=DROPPED)
        if kind == "not-json":  # a 200 whose body, said to be JSON, is not (a broken proxy)
            return web.Response(body=b"<html>oops", content_type="application/json")
        if kind == "html":  # a 200 page where JSON was asked for (a captive portal)
            return web.Response(body=b"<html>Sign in to the Wi-Fi</html>", content_type="text/html")
        if kind == "automod":
            body = {"code": 200000, "message": "Message was blocked by automatic moderation"}
            return json_response(body, 400)
        status = int(kind)
        bodies = {
            403: {"code": 50013, "message": "Missing Permissions"},
            404: {"code": 10003, "message": "Unknown Channel"},
        }
        return json_response(
            bodies.get(status, {"code": 0, "message": f"{status}: Server Error"}), status
        )

    # -- queries for the driver -------------------------------------------------------
    def _bot_times(self, *, include_429: bool) -> list[float]:
        return [
            r.at
            for r in self.requests
            if not r.path.startswith(("/interactions/", "/webhooks/"))
            and (include_429 or r.status != 429)
        ]

    def requests_per_second(self, *, include_429: bool = False) -> float:
        """Mean rate of bot-token requests over the span they were made in."""
        times = self._bot_times(include_429=include_429)
        if len(times) < 2 or times[-1] == times[0]:
            return float(len(times))
        return len(times) / (times[-1] - times[0])

    def peak_requests_per_second(self, *, include_429: bool = False) -> int:
        """The most bot-token requests answered within any one second (429s left out)."""
        times = self._bot_times(include_429=include_429)
        best = start = 0
        for end, at in enumerate(times):
            while at - times[start] >= 1.0:
                start += 1
            best = max(best, end - start + 1)
        return best
