"""A programmable feed server on 127.0.0.1, plus a client connector that cannot leave loopback.

Usage (any test, any package)::

    async with FeedServer() as server:
        server.serve("/feed.xml", RSS_BYTES, etag='"v1"')
        server.redirect("/old", "/feed.xml", status=301)
        async with loopback_session() as session:
            result = await fetch_feed(session, server.url("/old"), ...)

Every route is declared with one call; ``server.requests`` records what arrived and
``server.sent`` how many body bytes each path wrote. ``loopback_session`` (and
``LoopbackTripwire``) make any attempt to connect beyond 127.0.0.1/::1 fail the
test loudly, even if the address guard under test were broken.
"""

from __future__ import annotations

import asyncio
import gzip
import ipaddress
import socket
import zlib
from collections import Counter
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from types import TracebackType

import aiohttp
from aiohappyeyeballs import AddrInfoType
from aiohttp import web
from aiohttp.abc import AbstractResolver, ResolveResult

from bot.news.guard import GuardedResolver

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

RSS_TEMPLATE = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>{title}</title><link>https://example.org/</link>
{items}
</channel></rss>
"""
ITEM_TEMPLATE = """<item><title>{title}</title><link>https://example.org/{n}</link>
<guid>item-{n}</guid><pubDate>Mon, 0{day} Jan 2024 10:00:00 GMT</pubDate>
<description>Story number {n}.</description></item>"""

HTML_PAGE = b"""<!DOCTYPE html>
<html><head><title>Welcome</title></head><body><p>This is a web page.</p></body></html>
"""


def make_rss(count: int = 3, title: str = "Test feed") -> bytes:
    """A small valid RSS 2.0 document with ``count`` distinct items."""
    items = "\n".join(
        ITEM_TEMPLATE.format(title=f"Story {n}", n=n, day=1 + n % 9) for n in range(count)
    )
    return RSS_TEMPLATE.format(title=title, items=items).encode()


@dataclass(frozen=True, slots=True)
class Seen:
    """One request as the server received it."""

    method: str
    path: str
    headers: Mapping[str, str]


@dataclass
class FeedServer:
    """aiohttp server on 127.0.0.1 (port chosen by the OS) with per-path behaviours."""

    host: str = "127.0.0.1"
    requests: list[Seen] = field(default_factory=list)
    sent: Counter[str] = field(default_factory=Counter)
    _routes: dict[str, Handler] = field(default_factory=dict)
    _runner: web.AppRunner | None = None
    _port: int = 0
    _closing: asyncio.Event = field(default_factory=asyncio.Event)

    async def start(self) -> FeedServer:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._dispatch)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        await web.TCPSite(self._runner, self.host, 0).start()
        self._port = int(self._runner.addresses[0][1])
        return self

    async def close(self) -> None:
        self._closing.set()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FeedServer:
        return await self.start()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    @property
    def port(self) -> int:
        return self._port

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self._port}"

    def url(self, path: str) -> str:
        return f"{self.base_url}{path}"

    def hits(self, path: str) -> int:
        return sum(1 for seen in self.requests if seen.path == path)

    # --- programming routes -------------------------------------------------------

    def route(self, path: str, handler: Handler) -> None:
        """Anything not covered below: install a raw aiohttp handler."""
        self._routes[path] = handler

    def serve(
        self,
        path: str,
        body: bytes,
        *,
        status: int = 200,
        content_type: str = "application/rss+xml; charset=utf-8",
        headers: Mapping[str, str] | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> None:
        """Fixed bytes; answers 304 when the request's validators match."""

        async def handler(request: web.Request) -> web.StreamResponse:
            if (etag and request.headers.get("If-None-Match") == etag) or (
                last_modified and request.headers.get("If-Modified-Since") == last_modified
            ):
                return web.Response(status=304, headers=_validators(etag, last_modified))
            out = {"Content-Type": content_type, **_validators(etag, last_modified)}
            out.update(headers or {})
            self.sent[path] += len(body)
            return web.Response(status=status, body=body, headers=out)

        self._routes[path] = handler

    def status(
        self, path: str, code: int, *, headers: Mapping[str, str] | None = None, body: bytes = b""
    ) -> None:
        """A bare status such as 404, 410, 429 or 500 (with optional headers/body)."""

        async def handler(request: web.Request) -> web.StreamResponse:
            return web.Response(status=code, body=body, headers=dict(headers or {}))

        self._routes[path] = handler

    def redirect(self, path: str, location: str, *, status: int = 302) -> None:
        """Redirect to ``location`` (absolute, or a path on this server)."""

        async def handler(request: web.Request) -> web.StreamResponse:
            return web.Response(status=status, headers={"Location": location})

        self._routes[path] = handler

    def drip(self, path: str, body: bytes, *, chunk: int = 16, interval: float = 0.2) -> None:
        """Send ``body`` a few bytes at a time, pausing ``interval`` s between pieces."""

        async def handler(request: web.Request) -> web.StreamResponse:
            response = web.StreamResponse(headers={"Content-Type": "application/rss+xml"})
            await response.prepare(request)
            for start in range(0, len(body), chunk):
                if await self._sleep_or_close(interval):
                    break
                await response.write(body[start : start + chunk])
                self.sent[path] += len(body[start : start + chunk])
            return response

        self._routes[path] = handler

    def hang(self, path: str, *, after_headers: bool = False) -> None:
        """Never answer (or send headers and then nothing) until the server closes."""

        async def handler(request: web.Request) -> web.StreamResponse:
            response = web.StreamResponse(headers={"Content-Type": "application/rss+xml"})
            if after_headers:
                await response.prepare(request)
            await self._closing.wait()
            return response

        self._routes[path] = handler

    def stream(
        self,
        path: str,
        size: int,
        *,
        chunk: int = 64 * 1024,
        content_length: bool = False,
        content_type: str = "application/rss+xml",
    ) -> None:
        """``size`` bytes generated chunk by chunk (never held whole), optionally with a length."""
        piece = b"<!-- padding -->" * (chunk // 16)

        async def handler(request: web.Request) -> web.StreamResponse:
            response = web.StreamResponse(headers={"Content-Type": content_type})
            if content_length:
                response.content_length = size
            await response.prepare(request)
            remaining = size
            try:
                while remaining > 0 and not self._closing.is_set():
                    part = piece[: min(len(piece), remaining)]
                    await response.write(part)
                    self.sent[path] += len(part)
                    remaining -= len(part)
            except (ConnectionError, RuntimeError):
                pass  # the client hung up, as it should once it has enough
            return response

        self._routes[path] = handler

    def gzip_bomb(self, path: str, inflated: int = 10 * 1024 * 1024) -> int:
        """Serve ``inflated`` zero bytes gzip-encoded; returns the compressed size."""
        compressed = gzip_zeros(inflated)

        async def handler(request: web.Request) -> web.StreamResponse:
            self.sent[path] += len(compressed)
            return web.Response(
                body=compressed,
                headers={"Content-Type": "application/rss+xml", "Content-Encoding": "gzip"},
            )

        self._routes[path] = handler
        return len(compressed)

    def gzipped(self, path: str, body: bytes) -> None:
        """Serve ``body`` with Content-Encoding: gzip."""
        self.serve(path, gzip.compress(body), headers={"Content-Encoding": "gzip"})

    # --- internals ----------------------------------------------------------------

    async def _dispatch(self, request: web.Request) -> web.StreamResponse:
        self.requests.append(Seen(request.method, request.path, dict(request.headers)))
        handler = self._routes.get(request.path)
        if handler is None:
            return web.Response(status=404, text="no such route")
        return await handler(request)

    async def _sleep_or_close(self, seconds: float) -> bool:
        try:
            await asyncio.wait_for(self._closing.wait(), seconds)
        except TimeoutError:
            return False
        return True


def _validators(etag: str | None, last_modified: str | None) -> dict[str, str]:
    out = {}
    if etag:
        out["ETag"] = etag
    if last_modified:
        out["Last-Modified"] = last_modified
    return out


def gzip_zeros(size: int) -> bytes:
    """gzip of ``size`` zero bytes, built a megabyte at a time (a bomb costs ~10 KB per 10 MB)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = bytes(1024 * 1024)
    parts = []
    for start in range(0, size, len(block)):
        parts.append(compressor.compress(block[: min(len(block), size - start)]))
    parts.append(compressor.flush())
    return b"".join(parts)


# --- client side: nothing may leave loopback ----------------------------------------


class LoopbackViolation(AssertionError):
    """A test tried to open a connection beyond loopback."""


@dataclass
class LoopbackTripwire:
    """``socket_factory`` for aiohttp that refuses, and records, any non-loopback connect."""

    violations: list[str] = field(default_factory=list)
    connects: list[str] = field(default_factory=list)

    def __call__(self, addr_info: AddrInfoType) -> socket.socket:
        family, type_, proto, _, address = addr_info
        host = str(address[0])
        if not ipaddress.ip_address(host.split("%", 1)[0]).is_loopback:
            self.violations.append(host)
            raise LoopbackViolation(f"test tried to connect to {host}")
        self.connects.append(host)
        return socket.socket(family, type_, proto)


class StubResolver(AbstractResolver):
    """Answers from a fixed table (``localhost`` → 127.0.0.1); unknown names fail like DNS."""

    def __init__(self, table: Mapping[str, list[str]] | None = None) -> None:
        self.table = {"localhost": ["127.0.0.1"], **(table or {})}
        self.asked: list[str] = []

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        self.asked.append(host)
        addresses = self.table.get(host.lower().rstrip("."))
        if not addresses:
            raise OSError(socket.EAI_NONAME, f"stub resolver: unknown host {host}")
        return [
            ResolveResult(
                hostname=host,
                host=address,
                port=port,
                family=socket.AF_INET6 if ":" in address else socket.AF_INET,
                proto=0,
                flags=socket.AI_NUMERICHOST,
            )
            for address in addresses
        ]

    async def close(self) -> None:
        return None


def loopback_session(
    *,
    allow_private: bool = True,
    resolver: AbstractResolver | None = None,
    tripwire: LoopbackTripwire | None = None,
) -> aiohttp.ClientSession:
    """A feed-like session: guarded stub resolver + tripwire; never reaches the real network."""
    connector = aiohttp.TCPConnector(
        resolver=GuardedResolver(resolver or StubResolver(), allow_private=allow_private),
        socket_factory=tripwire or LoopbackTripwire(),
        force_close=True,
    )
    return aiohttp.ClientSession(
        connector=connector, cookie_jar=aiohttp.DummyCookieJar(), trust_env=False
    )
