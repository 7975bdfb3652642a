"""fetch_feed against a real loopback server: each fault gives one clear FetchResult."""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import random
import socket
import tracemalloc
import zlib
from collections.abc import Callable
from typing import Any

import aiohttp
import pytest

from bot.news.fetch import (
    DISABLE_AFTER_FAILURES,
    MAX_RETRY_AFTER,
    FetchResult,
    backoff_delay,
    fetch_feed,
    parse_retry_after,
    retry_delay,
    should_disable,
)
from bot.news.http import make_feed_session
from bot.news.parse import parse_feed
from tests.feedserver import (
    HTML_PAGE,
    FeedServer,
    LoopbackTripwire,
    StubResolver,
    loopback_session,
    make_rss,
)

MIB = 1024 * 1024


async def fetch(session: aiohttp.ClientSession, url: str, **overrides: Any) -> FetchResult:
    options: dict[str, Any] = {
        "etag": None,
        "last_modified": None,
        "body_hash": None,
        "allow_private": True,  # the server is on loopback; the guard has its own suite
    }
    options.update(overrides)
    return await fetch_feed(session, url, **options)


async def fetch_with_peak_memory(
    session: aiohttp.ClientSession, url: str, max_bytes: int
) -> tuple[FetchResult, int]:
    """The result and the most memory Python held at once during the fetch (server included)."""
    tracemalloc.start()
    try:
        result = await fetch(session, url, max_bytes=max_bytes)
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def assert_error(result: FetchResult, fragment: str, *, retryable: bool) -> None:
    assert result.status == "error"
    assert result.error is not None and fragment in result.error, result.error
    assert "\n" not in result.error
    assert result.retryable is retryable
    assert result.body == b""


# --- the happy paths ---------------------------------------------------------------


async def test_ok_returns_body_headers_validators_and_hash(
    feed_server: FeedServer, feed_session: aiohttp.ClientSession
) -> None:
    body = make_rss(3)
    feed_server.serve("/feed", body, etag='"v1"', last_modified="Mon, 01 Jan 2024 10:00:00 GMT")

    result = await fetch(feed_session, feed_server.url("/feed"))

    assert result.status == "ok"
    assert result.body == body
    assert result.body_hash == hashlib.sha256(body).hexdigest()
    assert result.etag == '"v1"'
    assert result.last_modified == "Mon, 01 Jan 2024 10:00:00 GMT"
    assert result.headers["content-type"].startswith("application/rss+xml")
    assert result.bytes_read == len(body)
    assert result.permanent_url is None


async def test_conditional_get_sends_validators_and_reports_not_modified(
    feed_server: FeedServer, feed_session: aiohttp.ClientSession
) -> None:
    feed_server.serve("/feed", make_rss(), etag='"v1"', last_modified="Mon, 01 Jan 2024 GMT")

    by_etag = await fetch(feed_session, feed_server.url("/feed"), etag='"v1"')
    by_date = await fetch(
        feed_session, feed_server.url("/feed"), last_modified="Mon, 01 Jan 2024 GMT"
    )

    assert (by_etag.status, by_date.status) == ("not_modified", "not_modified")
    assert by_etag.body == b""
    assert feed_server.requests[0].headers["If-None-Match"] == '"v1"'
    assert feed_server.requests[1].headers["If-Modified-Since"] == "Mon, 01 Jan 2024 GMT"


async def test_bare_304_keeps_the_validators_we_sent(
    feed_server: FeedServer, feed_session: aiohttp.ClientSession
) -> None:
    feed_server.status("/feed", 304)

    result = await fetch(feed_session, feed_server.url("/feed"), etag='"old"', last_modified="X")

    assert (result.status, result.etag, result.last_modified) == ("not_modified", '"old"', "X")


async def test_same_body_hash_is_unchanged(
    feed_server: FeedServer, feed_session: aiohttp.ClientSession
) -> None:
    body = make_rss(2)
    feed_server.serve("/feed", body)
    first = await fetch(feed_session, feed_server.url("/feed"))

    second = await fetch(feed_session, feed_server.url("/feed"), body_hash=first.body_hash)

    assert second.status == "unchanged"
    assert second.body == b""
    assert second.body_hash == first.body_hash


async def test_gzip_body_is_decoded(
    feed_server: FeedServer, feed_session: aiohttp.ClientSession
) -> None:
    body = make_rss(5)
    feed_server.gzipped("/feed", body)

    result = await fetch(feed_session, feed_server.url("/feed"))

    assert result.status == "ok"
    assert result.body == body
    assert result.bytes_read == len(gzip.compress(body))
    assert "gzip" in feed_server.requests[0].headers["Accept-Encoding"]


def raw_deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush()


@pytest.mark.parametrize(
    ("encoding", "encode"),
    [
        ("deflate", zlib.compress),
        ("deflate", raw_deflate),  # what some servers send under that name
        ("gzip", lambda data: gzip.compress(data[:100]) + gzip.compress(data[100:])),
        ("gzip", lambda data: gzip.compress(data) + bytes(64)),  # zero padding after the end
        ("gzip", lambda data: gzip.compress(data) + b"\n"),  # a stray byte a server added
        ("identity", lambda data: data),
    ],
    ids=["zlib", "raw-deflate", "two-gzip-members", "gzip-padding", "gzip-newline", "identity"],
)
async def test_content_encodings_decode(
    feed_server: FeedServer,
    feed_session: aiohttp.ClientSession,
    encoding: str,
    encode: Callable[[bytes], bytes],
) -> None:
    body = make_rss(4)
    feed_server.serve("/feed", encode(body), headers={"Content-Encoding": encoding})

    result = await fetch(feed_session, feed_server.url("/feed"))

    assert result.status == "ok"
    assert result.body == body


async def test_feed_session_sends_user_agent_and_no_cookies(feed_server: FeedServer) -> None:
    class Settings:
        allow_private_feeds = True
        feed_user_agent = "kissbot-test/1.0"

    feed_server.serve("/feed", make_rss(), headers={"Set-Cookie": "track=1"})
    tripwire = LoopbackTripwire()
    connector = aiohttp.TCPConnector(socket_factory=tripwire, resolver=StubResolver())
    async with make_feed_session(Settings(), connector=connector) as session:
        await fetch(session, feed_server.url("/feed"))
        await fetch(session, feed_server.url("/feed"))

    assert feed_server.requests[0].headers["User-Agent"] == "kissbot-test/1.0"
    assert "Cookie" not in feed_server.requests[1].headers
    assert tripwire.connects and not tripwire.violations


async def test_feed_session_ignores_proxies_from_the_environment(
    feed_server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A proxy resolves the feed's name itself, past the address guard, and reads every
    feed URL with its credentials: HTTP_PROXY in the bot's environment must not divert it."""
    proxied: list[bytes] = []

    async def proxy(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        proxied.append(await reader.readline())
        writer.close()

    server = await asyncio.start_server(proxy, "127.0.0.1", 0)
    proxy_url = f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.setenv(name, proxy_url)
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)

    class Settings:
        allow_private_feeds = True
        feed_user_agent = "kissbot-test/1.0"

    feed_server.serve("/feed", make_rss())
    resolver = StubResolver({"feeds.example": ["127.0.0.1"]})
    connector = aiohttp.TCPConnector(socket_factory=LoopbackTripwire(), resolver=resolver)
    url = f"http://reader:hunter2@feeds.example:{feed_server.port}/feed"
    try:
        async with make_feed_session(Settings(), connector=connector) as session:
            result = await fetch(session, url)
    finally:
        server.close()
        await server.wait_closed()

    assert result.status == "ok" and feed_server.hits("/feed") == 1
    assert proxied == [] and resolver.asked == ["feeds.example"]


# --- size caps ---------------------------------------------------------------------


async def test_gzip_bomb_stops_at_the_cap_without_inflating_it_all(
    feed_server: FeedServer, feed_session: aiohttp.ClientSession
) -> None:
    compressed = feed_server.gzip_bomb("/bomb", inflated=10 * MIB)

    result, peak = await fetch_with_peak_memory(feed_session, feed_server.url("/bomb"), MIB)

    assert_error(result, "larger than 1,048,576 bytes (after decompression)", retryable=False)
    assert result.bytes_read <= compressed
    # 10 MiB inflated would show up here; the cap keeps it near 1 MiB.
    assert peak < 3 * MIB, f"peak {peak:,} bytes"


async def test_endless_stream_is_cut_at_the_cap(
    feed_server: FeedServer, feed_session: aiohttp.ClientSession
) -> None:
    feed_server.stream("/huge", 50 * MIB)

    result, peak = await fetch_with_peak_memory(feed_session, feed_server.url("/huge"), MIB)

    assert_error(result, "larger than 1,048,576 bytes", retryable=False)
    assert MIB < result.bytes_read <= MIB + 64 * 1024
    assert peak < 3 * MIB, f"peak {peak:,} bytes"


async def test_declared_length_over_the_cap_is_refused_before_reading(
    feed_server: FeedServer, feed_session: aiohttp.ClientSession
) -> None:
    feed_server.stream("/huge", 50 * MIB, content_length=True)

    result = await fetch(feed_session, feed_server.url("/huge"))

    assert_error(result, "Content-Length is 52,428,800 bytes", retryable=False)
    assert result.bytes_read == 0


# --- redirects ---------------------------------------------------------------------


async def test_temporary_redirect_chain_is_followed(
    feed_server: FeedServer, feed_session: aiohttp.ClientSession
) -> None:
    feed_server.serve("/feed", make_rss())
    feed_server.redirect("/a", "/b", status=302)
    feed_server.redirect("/b", feed_server.url("/feed"), status=307)

    result = await fetch(feed_session, feed_server.url("/a"))

    assert result.status == "ok"
    assert result.url == feed_server.url("/feed")
    assert result.permanent_url is None


async def test_permanent_redirects_are_reported_up_to_the_first_temporary_one(
    feed_server: FeedServer, feed_session: aiohttp.ClientSession
) -> None:
    feed_server.serve("/feed", make_rss())
    feed_server.redirect("/old", "/newer", status=301)
    feed_server.redirect("/newer", "/new", status=308)
    feed_server.redirect("/new", "/feed", status=302)

    result = await fetch(feed_session, feed_server.url("/old"))

    assert result.status == "ok"
    assert result.permanent_url == feed_server.url("/new")


async def test_a_move_to_a_failing_address_is_not_reported(
    feed_server: FeedServer, feed_session: aiohttp.ClientSession
) -> None:
    feed_server.redirect("/old", "/missing", status=301)
    feed_server.redirect("/old2", "ftp://example.com/feed", status=308)

    broken = await fetch(feed_session, feed_server.url("/old"))
    refused = await fetch(feed_session, feed_server.url("/old2"))

    assert_error(broken, "HTTP 404", retryable=False)
    assert_error(refused, "redirect target refused: only http and https", retryable=False)
    assert broken.permanent_url is None and refused.permanent_url is None


async def test_redirects_are_capped(
    feed_server: FeedServer, feed_session: aiohttp.ClientSession
) -> None:
    for n in range(7):
        feed_server.redirect(f"/r{n}", f"/r{n + 1}")
    feed_server.serve("/r7", make_rss())

    capped = await fetch(feed_session, feed_server.url("/r0"), max_redirects=5)
    requested = [feed_server.hits(f"/r{n}") for n in range(7)]
    enough = await fetch(feed_session, feed_server.url("/r2"), max_redirects=5)

    assert_error(capped, "too many redirects (more than 5)", retryable=False)
    assert requested == [1, 1, 1, 1, 1, 1, 0]  # five redirects followed, the sixth not
    assert enough.status == "ok"


async def test_redirect_loop_is_caught(
    feed_server: FeedServer, feed_session: aiohttp.ClientSession
) -> None:
    feed_server.redirect("/ping", "/pong")
    feed_server.redirect("/pong", "/ping")

    result = await fetch(feed_session, feed_server.url("/ping"))

    assert_error(result, "redirect loop", retryable=False)
    assert feed_server.hits("/ping") == 1


async def test_redirect_without_location(
    feed_server: FeedServer, feed_session: aiohttp.ClientSession
) -> None:
    feed_server.status("/feed", 302)

    result = await fetch(feed_session, feed_server.url("/feed"))

    assert_error(result, "without a Location header", retryable=False)


@pytest.mark.parametrize("location", ["http://xn--a-/feed", "http://e.org[]@/feed"])
async def test_a_redirect_to_an_address_with_no_readable_host_is_refused_for_good(
    feed_server: FeedServer, feed_session: aiohttp.ClientSession, location: str
) -> None:
    # It was an "unexpected UnicodeError" (or IndexError), retried as a passing fault.
    feed_server.redirect("/feed", location)

    result = await fetch(feed_session, feed_server.url("/feed"))

    assert_error(result, "redirect", retryable=False)
    assert result.error is not None and "unexpected" not in result.error
    assert result.error.startswith(("redirect target refused", "redirect to an invalid URL"))


# --- statuses ----------------------------------------------------------------------


async def test_410_means_gone(feed_server: FeedServer, feed_session: aiohttp.ClientSession) -> None:
    feed_server.status("/feed", 410)

    result = await fetch(feed_session, feed_server.url("/feed"))

    assert (result.status, result.http_status) == ("gone", 410)
    assert result.failed


@pytest.mark.parametrize(
    ("code", "retryable"), [(404, False), (403, False), (500, True), (502, True)]
)
async def test_error_statuses(
    feed_server: FeedServer, feed_session: aiohttp.ClientSession, code: int, retryable: bool
) -> None:
    feed_server.status("/feed", code)

    result = await fetch(feed_session, feed_server.url("/feed"))

    assert_error(result, f"HTTP {code}", retryable=retryable)
    assert result.http_status == code


@pytest.mark.parametrize(
    ("code", "retry_after", "seconds"),
    [
        (429, "120", 120.0),
        (503, "Fri, 31 Dec 2100 23:59:59 GMT", MAX_RETRY_AFTER),  # far future: capped at a day
    ],
)
async def test_retry_after_is_kept_and_wins_over_backoff(
    feed_server: FeedServer,
    feed_session: aiohttp.ClientSession,
    code: int,
    retry_after: str,
    seconds: float,
) -> None:
    feed_server.status("/feed", code, headers={"Retry-After": retry_after})

    result = await fetch(feed_session, feed_server.url("/feed"))

    assert_error(result, f"HTTP {code}", retryable=True)
    assert result.retry_after == seconds
    assert retry_delay(result, 1, base=1.0, cap=10.0, rng=random.Random(1)) == seconds


# --- bodies that are not feeds -----------------------------------------------------


async def test_empty_body(feed_server: FeedServer, feed_session: aiohttp.ClientSession) -> None:
    feed_server.serve("/feed", b"")

    result = await fetch(feed_session, feed_server.url("/feed"))

    assert_error(result, "empty response body", retryable=True)


async def test_binary_content_type_is_refused(
    feed_server: FeedServer, feed_session: aiohttp.ClientSession
) -> None:
    feed_server.serve("/feed", b"\x89PNG....", content_type="image/png")

    result = await fetch(feed_session, feed_server.url("/feed"))

    assert_error(result, "not a feed: the server sent image/png", retryable=False)


async def test_unknown_content_encoding_is_refused(
    feed_server: FeedServer, feed_session: aiohttp.ClientSession
) -> None:
    feed_server.serve("/feed", b"\x0b\x02\x80", headers={"Content-Encoding": "br"})

    result = await fetch(feed_session, feed_server.url("/feed"))

    assert_error(result, "unsupported Content-Encoding: br", retryable=False)


async def test_corrupt_gzip(feed_server: FeedServer, feed_session: aiohttp.ClientSession) -> None:
    feed_server.serve("/feed", b"\x1f\x8bnot really gzip", headers={"Content-Encoding": "gzip"})

    result = await fetch(feed_session, feed_server.url("/feed"))

    assert_error(result, "corrupt gzip body", retryable=False)


@pytest.mark.parametrize(
    ("encoding", "encode"),
    [("gzip", gzip.compress), ("deflate", zlib.compress), ("deflate", raw_deflate)],
    ids=["gzip", "zlib", "raw-deflate"],
)
async def test_a_compressed_body_cut_short_is_a_retryable_error(
    feed_server: FeedServer,
    feed_session: aiohttp.ClientSession,
    encoding: str,
    encode: Callable[[bytes], bytes],
) -> None:
    """It decodes cleanly as far as it goes: read as complete, its last entry came out
    half-read, under another key than the whole entry's."""
    whole = encode(make_rss(4))
    feed_server.serve("/feed", whole[: len(whole) * 3 // 4], headers={"Content-Encoding": encoding})

    result = await fetch(feed_session, feed_server.url("/feed"))

    assert_error(result, f"the {encoding} body was cut short", retryable=True)


async def test_html_page_and_invalid_xml_fetch_fine_and_parse_says_why(
    feed_server: FeedServer, feed_session: aiohttp.ClientSession
) -> None:
    feed_server.serve("/page", HTML_PAGE, content_type="text/html; charset=utf-8")
    feed_server.serve("/broken", make_rss(2)[:-40])

    page = await fetch(feed_session, feed_server.url("/page"))
    broken = await fetch(feed_session, feed_server.url("/broken"))
    page_feed = parse_feed(page.body, page.url, page.headers)
    broken_feed = parse_feed(broken.body, broken.url, broken.headers)

    assert page_feed.error == "not a feed: looks like an HTML page"
    assert broken_feed.bozo and broken_feed.error is None
    assert [a.key for a in broken_feed.articles] == ["guid:item-0", "guid:item-1"]


async def test_wrong_declared_charset_is_survived(
    feed_server: FeedServer, feed_session: aiohttp.ClientSession
) -> None:
    body = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        b"<item><guid>1</guid><title>Kitty\x92s big news</title></item></channel></rss>"
    )
    feed_server.serve("/feed", body, content_type="application/rss+xml; charset=utf-8")

    result = await fetch(feed_session, feed_server.url("/feed"))
    parsed = parse_feed(result.body, result.url, result.headers)

    assert [a.title for a in parsed.articles] == ["Kitty’s big news"]
    assert any("CharacterEncodingOverride" in problem for problem in parsed.problems)


# --- network faults ----------------------------------------------------------------


async def test_slow_drip_hits_the_total_deadline(
    feed_server: FeedServer, feed_session: aiohttp.ClientSession
) -> None:
    feed_server.drip("/feed", make_rss(), chunk=8, interval=0.1)

    result = await fetch(feed_session, feed_server.url("/feed"), total_timeout=0.5)

    assert_error(result, "timed out after 0.5 s", retryable=True)


@pytest.mark.parametrize("after_headers", [False, True])
async def test_silent_server_hits_the_read_timeout(
    feed_server: FeedServer, feed_session: aiohttp.ClientSession, after_headers: bool
) -> None:
    feed_server.hang("/feed", after_headers=after_headers)

    result = await fetch(feed_session, feed_server.url("/feed"), read_timeout=0.3)

    assert_error(result, "no data from the server for 0.3 s", retryable=True)


async def test_connection_refused(feed_session: aiohttp.ClientSession) -> None:
    with socket.socket() as probe:  # a port that was free a moment ago
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    result = await fetch(feed_session, f"http://127.0.0.1:{port}/feed")

    assert_error(result, f"could not connect to 127.0.0.1:{port}", retryable=True)


async def test_dns_failure() -> None:
    async with loopback_session(resolver=StubResolver()) as session:
        result = await fetch(session, "http://no-such-host.example/feed")

    assert_error(result, "could not resolve host no-such-host.example", retryable=True)


async def test_closed_session_is_an_error_not_an_exception(
    feed_server: FeedServer,
) -> None:
    session = loopback_session()
    await session.close()

    result = await fetch(session, feed_server.url("/feed"))

    assert result.status == "error" and result.error


# --- backoff -----------------------------------------------------------------------


def test_backoff_grows_with_full_jitter_and_respects_the_cap() -> None:
    rng = random.Random(42)
    base, cap = 60.0, 3600.0
    for failures in range(1, 12):
        ceiling = min(cap, base * 2 ** (failures - 1))
        samples = [backoff_delay(failures, base, cap, rng) for _ in range(200)]
        assert all(0.0 <= s <= ceiling for s in samples)
        assert len(set(samples)) > 150  # jittered, not a fixed step
        assert max(samples) > 0.8 * ceiling  # and the window really widens
    assert backoff_delay(0, base, cap, rng) == 0.0
    assert backoff_delay(10_000, base, cap, rng) <= cap


def test_backoff_is_reproducible_with_a_seeded_rng() -> None:
    first = [backoff_delay(n, 1.0, 100.0, random.Random(7)) for n in range(1, 6)]
    again = [backoff_delay(n, 1.0, 100.0, random.Random(7)) for n in range(1, 6)]
    assert first == again


def test_should_disable_after_the_threshold() -> None:
    assert not should_disable(DISABLE_AFTER_FAILURES - 1)
    assert should_disable(DISABLE_AFTER_FAILURES)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("30", 30.0),
        (" 0 ", 0.0),
        ("Thu, 01 Jan 1970 00:01:40 GMT", 90.0),
        ("Thu, 01 Jan 1970 00:00:00 GMT", 0.0),
        ("999999999", MAX_RETRY_AFTER),
        ("soon", None),
        ("-5", None),
        (None, None),
    ],
)
def test_parse_retry_after(header: str | None, expected: float | None) -> None:
    assert parse_retry_after(header, now=10.0) == expected


async def test_a_redirect_loop_names_no_password(
    feed_server: FeedServer, feed_session: aiohttp.ClientSession
) -> None:
    """The error names the addresses; it becomes the feed's last error in /feeds list, the
    host's log and the disable notice, so a private feed's password must not be in it."""
    feed_server.redirect("/ping", "/pong")
    feed_server.redirect("/pong", "/ping")
    url = feed_server.url("/ping?token=s3cret").replace("http://", "http://reader:hunter2@")

    result = await fetch(feed_session, url)

    assert_error(result, "redirect loop", retryable=False)
    assert result.error is not None
    assert "hunter2" not in result.error and "s3cret" not in result.error
    assert "reader:***@" in result.error


@pytest.mark.parametrize(
    "reply",
    [
        b"HTTP/1.1 99999 Nope\r\nContent-Length: 0\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\nabc",
        b"HTTP/1.1 302 Found\r\nLocation: /a\rSet-Cookie: x\r\nContent-Length: 0\r\n\r\n",
    ],
    ids=["status line", "negative length", "bare CR in Location"],
)
async def test_a_malformed_response_names_no_token(
    feed_session: aiohttp.ClientSession, reply: bytes
) -> None:
    """aiohttp's parse errors end with the request URL, query token and all: the error line
    (the disable notice posted to every following server) says what was wrong, not where."""

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(reply)
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(answer, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        result = await fetch(feed_session, f"http://reader:hunter2@127.0.0.1:{port}/f?token=s3cret")
    finally:
        server.close()
        await server.wait_closed()

    assert_error(result, "malformed HTTP response: ", retryable=True)
    assert result.error is not None
    assert "s3cret" not in result.error and "hunter2" not in result.error
    assert "127.0.0.1" not in result.error
