"""Fetch one feed politely and defensively; every outcome is a ``FetchResult``.

Network, HTTP and content problems never raise: they come back as
``FetchResult(status="error", error=<one line>, retryable=…)`` so the poller can log
the line, back off and carry on with the other feeds.

Safety limits, each with its own clear error: the address guard on the first URL and
every redirect hop, at most ``max_redirects`` hops (loops caught early), a byte cap
on the *decoded* body enforced while streaming (we inflate gzip ourselves, a bounded
amount at a time, so a small bomb cannot grow past the cap), and a deadline across
the whole exchange on top of aiohttp's connect/read timeouts.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import random
import time
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from email.utils import parsedate_to_datetime
from functools import partial
from pathlib import Path
from typing import Literal, TextIO

import aiohttp
from multidict import CIMultiDictProxy
from yarl import URL

from bot.news.guard import BlockedAddress, GuardError, check_url, redacted
from bot.news.http import make_feed_session
from bot.news.models import Article
from bot.news.parse import ParsedFeed, parse_feed

FetchStatus = Literal["ok", "not_modified", "unchanged", "gone", "error"]

MAX_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 20.0
TOTAL_TIMEOUT = 30.0
# A feed failing this many polls in a row is switched off and its moderators told.
DISABLE_AFTER_FAILURES = 8
# Honour Retry-After, but never park a feed for more than a day on a server's word.
MAX_RETRY_AFTER = 24 * 3600.0

_CHUNK = 64 * 1024
_PIECE = 256 * 1024  # most decompressed bytes produced per step
_REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
_PERMANENT_CODES = frozenset({301, 308})
_RETRYABLE_CODES = frozenset({408, 425, 429, 500, 502, 503, 504})
_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
    "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5"
)
_NOT_FEED_TYPES = ("image/", "audio/", "video/", "font/", "multipart/")
_NOT_FEED_APPLICATION = frozenset(
    {
        "application/pdf",
        "application/zip",
        "application/gzip",
        "application/x-gzip",
        "application/x-tar",
        "application/x-7z-compressed",
        "application/vnd.rar",
        "application/wasm",
        "application/x-msdownload",
    }
)


@dataclass(frozen=True, slots=True)
class FetchResult:
    """What one poll of a feed produced.

    ``url`` is the address that finally answered. ``permanent_url`` is set when the
    request was moved permanently (an unbroken run of 301/308 from the start) and the
    new address answered: store it in place of the old URL.
    ``etag``/``last_modified``/``body_hash`` are what to send next time; ``body`` and
    ``headers`` are filled only for ``status="ok"``.
    """

    status: FetchStatus
    url: str
    body: bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    permanent_url: str | None = None
    http_status: int | None = None
    error: str | None = None
    retryable: bool = False
    retry_after: float | None = None
    bytes_read: int = 0

    @property
    def failed(self) -> bool:
        return self.status in ("error", "gone")


class _Failure(Exception):
    """Internal: carries one error line out of the nested fetch steps."""

    def __init__(
        self,
        message: str,
        *,
        retryable: bool = False,
        http_status: int | None = None,
        retry_after: float | None = None,
        bytes_read: int = 0,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.retryable = retryable
        self.http_status = http_status
        self.retry_after = retry_after
        self.bytes_read = bytes_read


@dataclass(slots=True)
class _Hops:
    """Redirect bookkeeping for one fetch."""

    current: str
    visited: set[str]
    permanent_url: str | None = None
    all_permanent: bool = True


async def fetch_feed(
    session: aiohttp.ClientSession,
    url: str,
    *,
    etag: str | None,
    last_modified: str | None,
    body_hash: str | None,
    allow_private: bool,
    max_bytes: int = MAX_BYTES,
    max_redirects: int = MAX_REDIRECTS,
    connect_timeout: float = CONNECT_TIMEOUT,
    read_timeout: float = READ_TIMEOUT,
    total_timeout: float = TOTAL_TIMEOUT,
) -> FetchResult:
    """GET ``url`` conditionally and return the outcome; never raises for feed problems.

    ``session`` should come from ``bot.news.http.make_feed_session``: its resolver is
    what keeps host *names* off private addresses (this function checks literals).
    """
    hops = _Hops(current=url, visited={_normalised(url)})
    try:
        async with asyncio.timeout(total_timeout):
            return await _follow(
                session,
                hops,
                _request_headers(etag, last_modified),
                body_hash=body_hash,
                allow_private=allow_private,
                max_bytes=max_bytes,
                max_redirects=max_redirects,
                client_timeout=aiohttp.ClientTimeout(
                    total=None, sock_connect=connect_timeout, sock_read=read_timeout
                ),
            )
    except _Failure as failure:
        return _error(hops, failure)
    except Exception as exc:  # anything aiohttp or the OS can throw at a fetch
        return _error(hops, _describe(exc, total_timeout, connect_timeout, read_timeout))


def _normalised(url: str) -> str:
    try:
        return str(URL(url).with_fragment(None))
    except ValueError:
        return url


def _request_headers(etag: str | None, last_modified: str | None) -> dict[str, str]:
    headers = {"Accept": _ACCEPT, "Accept-Encoding": "gzip, deflate"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


async def _follow(
    session: aiohttp.ClientSession,
    hops: _Hops,
    headers: dict[str, str],
    *,
    body_hash: str | None,
    allow_private: bool,
    max_bytes: int,
    max_redirects: int,
    client_timeout: aiohttp.ClientTimeout,
) -> FetchResult:
    for hop in range(max_redirects + 1):
        try:
            check_url(hops.current, allow_private=allow_private)
        except GuardError as exc:
            where = "redirect target refused" if hop else "refused"
            raise _Failure(f"{where}: {exc}") from None
        async with session.get(
            hops.current,
            headers=headers,
            allow_redirects=False,
            auto_decompress=False,  # we inflate ourselves, under the byte cap
            timeout=client_timeout,
        ) as response:
            if response.status not in _REDIRECT_CODES:
                return await _read_final(response, hops, headers, body_hash, max_bytes)
            _next_hop(response, hops, max_redirects, is_last=hop == max_redirects)
    raise AssertionError("unreachable: _next_hop raises on the last hop")


def _next_hop(
    response: aiohttp.ClientResponse, hops: _Hops, max_redirects: int, *, is_last: bool
) -> None:
    location = response.headers.get("Location", "").strip()
    if not location:
        raise _Failure(f"HTTP {response.status} redirect without a Location header")
    try:
        target = str(URL(hops.current).join(URL(location)))
    except (ValueError, IndexError):  # IndexError: yarl's own slip on "[]" before an "@"
        raise _Failure(f"redirect to an invalid URL: {redacted(location)[:200]}") from None
    if _normalised(target) in hops.visited:
        # The error is shown to moderators and logged: a private feed's password stays out.
        raise _Failure(f"redirect loop: {redacted(hops.current)} leads back to {redacted(target)}")
    if is_last:
        raise _Failure(f"too many redirects (more than {max_redirects})")
    if hops.all_permanent and response.status in _PERMANENT_CODES:
        hops.permanent_url = target
    else:
        hops.all_permanent = False
    hops.visited.add(_normalised(target))
    hops.current = target


async def _read_final(
    response: aiohttp.ClientResponse,
    hops: _Hops,
    sent: Mapping[str, str],
    body_hash: str | None,
    max_bytes: int,
) -> FetchResult:
    status = response.status
    result = FetchResult(
        status="not_modified",
        url=hops.current,
        permanent_url=hops.permanent_url,
        http_status=status,
        etag=response.headers.get("ETag"),
        last_modified=response.headers.get("Last-Modified"),
    )
    if status == 304:
        # Servers may omit the validators on a 304; the ones we sent still hold.
        return replace(
            result,
            etag=result.etag or sent.get("If-None-Match"),
            last_modified=result.last_modified or sent.get("If-Modified-Since"),
        )
    if status == 410:
        return replace(result, status="gone", error="feed is gone (HTTP 410)")
    if not 200 <= status < 300:
        raise _status_failure(response)
    _check_content_type(response.headers)
    body, raw_read = await _read_body(response, max_bytes)
    if not body:
        raise _Failure(f"empty response body (HTTP {status})", retryable=True, http_status=status)
    digest = hashlib.sha256(body).hexdigest()
    if digest == body_hash:
        return replace(result, status="unchanged", body_hash=digest, bytes_read=raw_read)
    return replace(
        result,
        status="ok",
        body=body,
        headers=_kept_headers(response.headers),
        body_hash=digest,
        bytes_read=raw_read,
    )


def _status_failure(response: aiohttp.ClientResponse) -> _Failure:
    status = response.status
    reason = f" {response.reason}" if response.reason else ""
    retry_after = parse_retry_after(response.headers.get("Retry-After"), now=time.time())
    return _Failure(
        f"HTTP {status}{reason}",
        retryable=status in _RETRYABLE_CODES,
        http_status=status,
        retry_after=retry_after,
    )


def _check_content_type(headers: CIMultiDictProxy[str]) -> None:
    content_type = headers.get("Content-Type", "").split(";", 1)[0].strip().lower()
    if content_type.startswith(_NOT_FEED_TYPES) or content_type in _NOT_FEED_APPLICATION:
        raise _Failure(f"not a feed: the server sent {content_type}")


def _kept_headers(headers: CIMultiDictProxy[str]) -> dict[str, str]:
    # What feedparser reads from a response (charset, base URL, language).
    names = ("content-type", "content-location", "content-language")
    return {name: headers[name] for name in names if name in headers}


async def _read_body(response: aiohttp.ClientResponse, max_bytes: int) -> tuple[bytes, int]:
    """The decoded body and the raw byte count; raises once either passes ``max_bytes``."""
    encoding = response.headers.get("Content-Encoding", "identity").strip().lower()
    inflater = _Inflater(encoding)
    declared = response.content_length
    if declared is not None and declared > max_bytes:
        raise _too_big(max_bytes, 0, f"Content-Length is {declared:,} bytes")
    parts: list[bytes] = []
    size = raw = 0
    async for chunk in response.content.iter_chunked(_CHUNK):
        raw += len(chunk)
        if raw > max_bytes:
            raise _too_big(max_bytes, raw)
        for piece in inflater.feed(chunk, limit=max_bytes - size + 1):
            size += len(piece)
            if size > max_bytes:
                detail = "after decompression" if inflater.compressed else ""
                raise _too_big(max_bytes, raw, detail)
            parts.append(piece)
    tail = inflater.finish()
    if size + len(tail) > max_bytes:
        raise _too_big(max_bytes, raw, "after decompression")
    parts.append(tail)
    return b"".join(parts), raw


def _too_big(max_bytes: int, raw_read: int, detail: str = "") -> _Failure:
    suffix = f" ({detail})" if detail else ""
    return _Failure(f"body is larger than {max_bytes:,} bytes{suffix}", bytes_read=raw_read)


class _Inflater:
    """Content-Encoding decoder that never produces more than it is asked for."""

    def __init__(self, encoding: str) -> None:
        self.compressed = encoding not in ("", "identity")
        self._wbits: int | None
        if encoding in ("gzip", "x-gzip"):
            self._wbits = 16 + zlib.MAX_WBITS
        elif encoding == "deflate":
            self._wbits = 0  # decided on the first byte: zlib-wrapped or raw
        elif not self.compressed:
            self._wbits = None
        else:
            raise _Failure(f"unsupported Content-Encoding: {encoding}")
        self._decoder: zlib._Decompress | None = None
        self._members = 0
        self._padded = False
        self._member_out = False  # whether the current member has given any output
        self._encoding = encoding

    def feed(self, data: bytes, *, limit: int) -> Iterator[bytes]:
        """Decode ``data`` in pieces of at most ``_PIECE`` bytes, ``limit`` bytes in all.

        Small pieces let the caller stop at its cap while holding little more than
        the cap: a bomb never gets to inflate beyond it.
        """
        if self._wbits is None:
            yield data
            return
        produced = 0
        while data and produced < limit:
            if self._decoder is None or self._decoder.eof:
                self._members += 1
                self._member_out = False
                self._decoder = zlib.decompressobj(self._window(data))
            try:
                piece = self._decoder.decompress(data, min(_PIECE, limit - produced))
            except zlib.error as exc:
                if self._members > 1:
                    self._padded = True
                    return  # padding after a complete stream, as gzip(1) tolerates
                raise _Failure(f"corrupt {self._encoding} body: {exc}") from None
            produced += len(piece)
            self._member_out = self._member_out or bool(piece)
            yield piece
            # Leftovers are either input held back by the limit or a next gzip member.
            data = self._decoder.unconsumed_tail or self._decoder.unused_data

    def finish(self) -> bytes:
        """What the decoder still holds, once the body has ended; raises if the compressed
        stream did not end with it (a body cut short parses as a shorter feed, whose last
        entry may come out under another key)."""
        if self._decoder is None or self._padded or self._decoder.eof:
            return b""
        tail = self._decoder.flush()
        if self._decoder.eof:
            return tail
        if self._members > 1 and not (self._member_out or tail):
            return b""  # a stray byte or two after a complete stream, as gzip(1) ignores
        raise _Failure(f"the {self._encoding} body was cut short", retryable=True)

    def _window(self, data: bytes) -> int:
        assert self._wbits is not None
        if self._wbits:
            return self._wbits
        # RFC 9110 "deflate" is zlib-wrapped, but some servers send a raw stream.
        return zlib.MAX_WBITS if data[0] & 0x0F == 8 else -zlib.MAX_WBITS


def _describe(
    exc: BaseException, total_timeout: float, connect_timeout: float, read_timeout: float
) -> _Failure:
    """One human line (and retryability) for an exception raised while fetching."""
    if isinstance(exc, BlockedAddress) or isinstance(exc.__cause__, BlockedAddress):
        blocked = exc if isinstance(exc, BlockedAddress) else exc.__cause__
        return _Failure(f"refused: {blocked}")
    if isinstance(exc, aiohttp.ConnectionTimeoutError):
        return _Failure(f"connection timed out after {connect_timeout:g} s", retryable=True)
    if isinstance(exc, aiohttp.SocketTimeoutError):
        return _Failure(f"no data from the server for {read_timeout:g} s", retryable=True)
    if isinstance(exc, TimeoutError):
        return _Failure(f"timed out after {total_timeout:g} s", retryable=True)
    if isinstance(exc, aiohttp.ClientConnectorDNSError):
        return _Failure(f"could not resolve host {exc.host}", retryable=True)
    if isinstance(exc, aiohttp.ClientConnectorCertificateError):
        return _Failure(f"TLS certificate rejected for {exc.host}: {exc.certificate_error}")
    if isinstance(exc, aiohttp.ClientConnectorError):
        reason = exc.strerror or exc.os_error or "connection failed"
        return _Failure(f"could not connect to {exc.host}:{exc.port}: {reason}", retryable=True)
    if isinstance(exc, aiohttp.ServerDisconnectedError):
        return _Failure("the server closed the connection early", retryable=True)
    if isinstance(exc, aiohttp.ClientPayloadError):
        return _Failure(f"the body was cut short: {_first_line(exc)}", retryable=True)
    if isinstance(exc, aiohttp.InvalidURL):
        return _Failure(f"invalid URL: {redacted(str(exc.url))}")
    if isinstance(exc, aiohttp.ClientResponseError):
        # A response aiohttp can't parse; its text ends with the request URL, query token
        # and all, and this line reaches the notice to every following server. The first
        # clause of the parser's message says what was wrong without quoting the bytes.
        what = exc.message.split(":", 1)[0].strip()[:120] or f"status {exc.status}"
        return _Failure(f"malformed HTTP response: {what}", retryable=True)
    if isinstance(exc, aiohttp.ClientError | OSError):
        return _Failure(f"network error: {_first_line(exc)}", retryable=True)
    return _Failure(f"unexpected {type(exc).__name__}: {_first_line(exc)}", retryable=True)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:200] if text else type(exc).__name__


def _error(hops: _Hops, failure: _Failure) -> FetchResult:
    # No permanent_url: a move is only worth storing once the new address has
    # answered (and never when the guard refused it).
    return FetchResult(
        status="error",
        url=hops.current,
        http_status=failure.http_status,
        error=failure.message,
        retryable=failure.retryable,
        retry_after=failure.retry_after,
        bytes_read=failure.bytes_read,
    )


def parse_retry_after(value: str | None, *, now: float) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date), capped."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        seconds = float(value)
    else:
        try:
            seconds = parsedate_to_datetime(value).timestamp() - now
        except (TypeError, ValueError, IndexError):
            return None
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


def backoff_delay(failures: int, base: float, cap: float, rng: random.Random) -> float:
    """Delay before retrying after ``failures`` consecutive failures ("full jitter").

    Uniform in [0, min(cap, base * 2**(failures-1))]: the ceiling doubles with each
    failure and the jitter spreads retries of many feeds over the window.
    """
    if failures <= 0:
        return 0.0
    ceiling = min(cap, base * 2.0 ** min(failures - 1, 60))
    return rng.uniform(0.0, ceiling)


def retry_delay(
    result: FetchResult, failures: int, *, base: float, cap: float, rng: random.Random
) -> float:
    """``backoff_delay``, but never sooner than the server's Retry-After."""
    delay = backoff_delay(failures, base, cap, rng)
    if result.retry_after is not None:
        delay = max(delay, result.retry_after)
    return delay


def should_disable(failures: int) -> bool:
    """True once a feed has failed ``DISABLE_AFTER_FAILURES`` polls in a row."""
    return failures >= DISABLE_AFTER_FAILURES


# --- `python -m bot feeds parse FILE_OR_URL…` -------------------------------------


@dataclass(frozen=True, slots=True)
class _CLISettings:
    allow_private_feeds: bool
    feed_user_agent: str


def feeds_parse_cli(
    inputs: Sequence[str],
    out: TextIO,
    *,
    allow_private: bool = False,
    user_agent: str = "kissbot feeds-parse",
    session_factory: Callable[[], aiohttp.ClientSession] | None = None,
) -> int:
    """Print one JSON line per entry of each feed file or URL, or one error line per input.

    Entry lines: ``{"feed", "key", "url", "title", "published", "summary"}``; error
    lines: ``{"feed", "error"}``. Returns 0 unless no input could be used at all.
    """
    factory = session_factory or (
        lambda: make_feed_session(_CLISettings(allow_private, user_agent))
    )
    return asyncio.run(_parse_inputs(inputs, out, allow_private, factory))


async def _parse_inputs(
    inputs: Sequence[str],
    out: TextIO,
    allow_private: bool,
    session_factory: Callable[[], aiohttp.ClientSession],
) -> int:
    usable = 0
    session: aiohttp.ClientSession | None = None
    try:
        for source in inputs:
            if _is_url(source) and session is None:
                session = session_factory()
            parsed = await _load(source, session, allow_private)
            if isinstance(parsed, str) or parsed.error:
                _write(
                    out,
                    {"feed": source, "error": parsed if isinstance(parsed, str) else parsed.error},
                )
                continue
            usable += 1
            for article in parsed.articles:
                _write(out, _article_json(source, article))
    finally:
        if session is not None:
            await session.close()
    return 0 if usable else 1


async def _load(
    source: str, session: aiohttp.ClientSession | None, allow_private: bool
) -> ParsedFeed | str:
    """The parsed feed, or one line saying why ``source`` can't be used."""
    if session is not None and _is_url(source):
        result = await fetch_feed(
            session,
            source,
            etag=None,
            last_modified=None,
            body_hash=None,
            allow_private=allow_private,
        )
        if result.status != "ok":
            return result.error or f"nothing to parse ({result.status})"
        return await asyncio.to_thread(
            partial(parse_feed, result.body, result.url, result.headers, max_articles=None)
        )
    if "://" in source:
        return f"unsupported URL scheme in {source!r}: use http, https or a file path"
    try:
        body = await asyncio.to_thread(_read_file, Path(source))
    except OSError as exc:
        return f"cannot read file: {exc.strerror or exc}"
    if body is None:
        return f"file is larger than {MAX_BYTES:,} bytes"
    # Every entry: this prints the feed, it does not hold or post it.
    return await asyncio.to_thread(partial(parse_feed, body, source, None, max_articles=None))


def _read_file(path: Path) -> bytes | None:
    with path.open("rb") as handle:
        body = handle.read(MAX_BYTES + 1)
    return None if len(body) > MAX_BYTES else body


def _is_url(source: str) -> bool:
    return source[:8].lower().startswith(("http://", "https://"))


def _article_json(feed: str, article: Article) -> dict[str, str | None]:
    return {
        "feed": feed,
        "key": article.key,
        "url": article.url,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "summary": article.summary,
    }


def _write(out: TextIO, record: Mapping[str, str | None]) -> None:
    out.write(json.dumps(record, ensure_ascii=False) + "\n")
