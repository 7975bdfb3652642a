"""Security suite for the address guard.

No test here can reach past loopback even if the guard were broken: names resolve
through a stub, literals that are refused point at addresses nothing connects to
unless the tripwire socket factory lets it (it only lets 127.0.0.1/::1 through), and
live fetches only ever target the loopback feed server.
"""

from __future__ import annotations

import ipaddress
import logging
import time
from collections.abc import AsyncIterator, Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.news import guard
from bot.news.fetch import FetchResult, fetch_feed
from bot.news.guard import (
    TOKEN_TAIL,
    BlockedAddress,
    GuardedResolver,
    UnsafeURL,
    blocked_reason,
    check_url,
    parse_ip_literal,
    redacted,
)
from tests.feedserver import FeedServer, LoopbackTripwire, StubResolver, loopback_session, make_rss

BLOCKED_URLS = [
    "http://127.0.0.1/",
    "http://127.0.0.1:8080/feed",
    "http://localhost/",
    "http://LOCALHOST./",
    "http://feeds.localhost/",
    "http://[::1]/",
    "http://0.0.0.0/",
    "http://[::]/",
    "http://169.254.169.254/latest/meta-data/",
    "http://10.0.0.1/",
    "http://172.16.0.1/",
    "http://192.168.0.1/",
    "http://100.64.0.1/",  # carrier-grade NAT
    "http://224.0.0.1/",
    "http://240.0.0.1/",
    "http://2130706433/",  # decimal 127.0.0.1
    "http://0x7f000001/",  # hex
    "http://0177.0.0.1/",  # octal
    "http://127.1/",  # short form
    "http://0x7f.1/",
    "http://127.0.0.1./",  # trailing dot
    "http://%31%32%37.0.0.1/",  # percent-encoded
    "http://[::ffff:127.0.0.1]/",  # IPv4-mapped
    "http://[::ffff:10.0.0.1]/",
    "http://[::127.0.0.1]/",  # IPv4-compatible
    "http://[64:ff9b::a9fe:a9fe]/",  # NAT64 of the metadata address
    "http://[2002:7f00:1::]/",  # 6to4 of loopback
    "http://[fe80::1]/",
    "http://[fc00::1]/",
    "http://[ff02::1]/",
    "http://[fec0::1]/",  # site-local: deprecated, still routed inside some networks
    "http://[3fff::1]/",  # documentation (RFC 9637)
    "http://192.0.0.8/",  # IETF protocol block: older Pythons call it global
    "http://[::ffff:192.0.0.170]/",
]

PUBLIC_URLS = [
    "https://example.com/feed.xml",
    "http://8.8.8.8/rss",
    "http://134744072/",  # decimal 8.8.8.8: odd, but public
    "http://[2606:4700::1111]/",
    "http://[::ffff:8.8.8.8]/",
    "http://192.0.0.9/",  # the two anycast addresses in the IETF protocol block
    "http://192.0.0.10/",
]


@pytest.mark.parametrize("url", BLOCKED_URLS)
def test_private_and_special_addresses_are_refused(url: str) -> None:
    with pytest.raises(BlockedAddress):
        check_url(url)


@pytest.mark.parametrize("url", BLOCKED_URLS)
def test_allow_private_lets_them_through(url: str) -> None:
    check_url(url, allow_private=True)


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_addresses_pass(url: str) -> None:
    check_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.com/feed",
        "file:///etc/passwd",
        "gopher://example.com/",
        "javascript:alert(1)",
        "example.com/feed",
        "http:///feed",
        "https://example.com/" + "a" * 2048,
    ],
)
def test_bad_scheme_missing_host_and_long_urls_are_refused(url: str) -> None:
    with pytest.raises(UnsafeURL):
        check_url(url, allow_private=True)


def test_url_at_the_length_limit_is_fine() -> None:
    url = "https://example.com/"
    check_url(url + "a" * (guard.MAX_URL_LENGTH - len(url)))


def test_error_lines_name_the_reason() -> None:
    with pytest.raises(BlockedAddress, match=r"0x7f000001 is a loopback address \(127.0.0.1\)"):
        check_url("http://0x7f000001/")
    with pytest.raises(BlockedAddress, match="carrier-grade NAT"):
        check_url("http://100.64.1.1/")


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("2130706433", "127.0.0.1"),
        ("0x7f000001", "127.0.0.1"),
        ("0177.0.0.1", "127.0.0.1"),
        ("127.1", "127.0.0.1"),
        ("10.1", "10.0.0.1"),
        ("192.168.257", "192.168.1.1"),
        ("[::ffff:127.0.0.1]", "::ffff:7f00:1"),
        ("example.com", None),
        ("1.2.3.4.5", None),
        ("08.0.0.1", None),  # not octal: a resolver would treat it as a name
        ("4294967296", None),  # past 32 bits
        ("256.0.0.1", None),
        ("0x-1", None),
    ],
)
def test_parse_ip_literal(host: str, expected: str | None) -> None:
    # compared as addresses: Python 3.13 writes an IPv4-mapped one as ::ffff:127.0.0.1
    assert parse_ip_literal(host) == (ipaddress.ip_address(expected) if expected else None)


@given(st.ip_addresses(v=4))
def test_every_ipv4_spelling_means_the_same_address(ip: ipaddress.IPv4Address) -> None:
    value = int(ip)
    octets = ip.packed
    spellings = [
        str(value),
        hex(value),
        ".".join(oct(octet).replace("0o", "0") for octet in octets),
        f"{octets[0]}.{int.from_bytes(octets[1:], 'big')}",
        f"{octets[0]}.{octets[1]}.{int.from_bytes(octets[2:], 'big')}",
    ]
    assert {parse_ip_literal(spelling) for spelling in spellings} == {ip}


@given(st.ip_addresses(v=4))
def test_mapped_ipv6_is_judged_like_its_ipv4(ip: ipaddress.IPv4Address) -> None:
    mapped = ipaddress.IPv6Address(f"::ffff:{ip}")
    assert (blocked_reason(mapped) is None) == (blocked_reason(ip) is None)


# --- the resolver wrapper ----------------------------------------------------------


async def test_resolver_refuses_a_name_with_only_private_addresses() -> None:
    resolver = GuardedResolver(StubResolver({"intranet.example": ["10.0.0.5"]}), False)

    with pytest.raises(BlockedAddress, match=r"^intranet.example resolves to a private address$"):
        await resolver.resolve("intranet.example", 80)


async def test_a_refusal_names_what_a_name_resolves_to_but_not_the_addresses(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # The refusal reaches a moderator; the addresses would map the host's internal names.
    table = {"intranet.example": ["10.0.0.5", "127.0.0.1", "10.0.0.6"]}
    resolver = GuardedResolver(StubResolver(table), allow_private=False)

    with (
        caplog.at_level(logging.INFO, logger="bot.news.guard"),
        pytest.raises(BlockedAddress) as refused,
    ):
        await resolver.resolve("intranet.example", 80)

    assert str(refused.value) == (
        "intranet.example resolves to only private and loopback addresses"
    )
    assert "10.0.0.5 (private), 127.0.0.1 (loopback), 10.0.0.6 (private)" in caplog.text


async def test_resolver_drops_private_answers_and_keeps_public_ones() -> None:
    table = {"mixed.example": ["127.0.0.1", "93.184.216.34", "fe80::1%eth0", "2606:4700::1"]}
    resolver = GuardedResolver(StubResolver(table), allow_private=False)

    results = await resolver.resolve("mixed.example", 443)

    assert [r["host"] for r in results] == ["93.184.216.34", "2606:4700::1"]


async def test_resolver_with_allow_private_returns_everything() -> None:
    resolver = GuardedResolver(StubResolver({"lan.example": ["192.168.1.2"]}), True)

    results = await resolver.resolve("lan.example", 80)

    assert [r["host"] for r in results] == ["192.168.1.2"]


# --- live refusals (loopback only) -------------------------------------------------


@pytest.fixture
async def server() -> AsyncIterator[FeedServer]:
    async with FeedServer() as running:
        running.serve("/feed", make_rss(1))
        yield running


async def _fetch(url: str, *, allow_private: bool, table: dict[str, list[str]]) -> FetchResult:
    tripwire = LoopbackTripwire()
    session = loopback_session(
        allow_private=allow_private, resolver=StubResolver(table), tripwire=tripwire
    )
    async with session:
        result = await fetch_feed(
            session, url, etag=None, last_modified=None, body_hash=None, allow_private=allow_private
        )
    assert not tripwire.violations, f"left loopback: {tripwire.violations}"
    return result


async def test_loopback_server_is_refused_unless_allowed(server: FeedServer) -> None:
    refused = await _fetch(server.url("/feed"), allow_private=False, table={})
    assert server.requests == []
    allowed = await _fetch(server.url("/feed"), allow_private=True, table={})

    assert refused.status == "error"
    assert refused.error == "refused: 127.0.0.1 is a loopback address (127.0.0.1)"
    assert not refused.retryable
    assert allowed.status == "ok"


async def test_a_name_resolving_to_loopback_is_refused(server: FeedServer) -> None:
    # If the guard failed, this would reach the loopback server and be counted.
    table = {"feeds.example": ["127.0.0.1"]}
    url = f"http://feeds.example:{server.port}/feed"

    refused = await _fetch(url, allow_private=False, table=table)
    assert server.requests == []
    allowed = await _fetch(url, allow_private=True, table=table)

    assert refused.error == "refused: feeds.example resolves to a loopback address"
    assert allowed.status == "ok"


async def test_a_name_resolving_to_a_private_address_is_refused() -> None:
    result = await _fetch(
        "http://intranet.example/feed",
        allow_private=False,
        table={"intranet.example": ["10.9.8.7"]},
    )

    assert result.error == "refused: intranet.example resolves to a private address"


@pytest.fixture
def loopback_server_counts_as_public(monkeypatch: pytest.MonkeyPatch) -> None:
    """Let the guard pass 127.0.0.1 (only) so a redirect *from* the server can be judged."""
    real: Callable[[guard.IPAddress], str | None] = guard.blocked_reason

    def patched(ip: guard.IPAddress) -> str | None:
        return None if ip == ipaddress.IPv4Address("127.0.0.1") else real(ip)

    monkeypatch.setattr(guard, "blocked_reason", patched)


@pytest.mark.usefixtures("loopback_server_counts_as_public")
@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("http://10.0.0.1/", "10.0.0.1 is a private address"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"),
        ("http://[::ffff:10.0.0.1]/", "is a private (IPv4 inside IPv6) address"),
        ("http://0x0a000001/", "0x0a000001 is a private address (10.0.0.1)"),
        ("http://intranet.example/", "intranet.example resolves to a private address"),
        ("file:///etc/passwd", "only http and https URLs"),
    ],
)
async def test_redirect_to_a_private_address_is_refused_at_that_hop(
    server: FeedServer, target: str, reason: str
) -> None:
    server.redirect("/hop", target)

    result = await _fetch(
        server.url("/hop"), allow_private=False, table={"intranet.example": ["10.1.2.3"]}
    )

    assert server.hits("/hop") == 1  # the first hop was allowed and answered
    assert result.status == "error"
    assert result.error is not None
    assert result.error.startswith("refused") or result.error.startswith("redirect target refused")
    assert reason in result.error


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://e.org/feed", "https://e.org/feed"),
        ("https://reader:hunter2@e.org/feed", "https://reader:***@e.org/feed"),
        # A token given as the user name alone (https://TOKEN@host/) is a credential too.
        ("https://ghp_s3cret@e.org/feed", "https://***@e.org/feed"),
        # ... and so is one given as the password under no user name (shown whole before).
        ("https://:ghp_s3cret@e.org/feed", "https://:***@e.org/feed"),
        ("https://ghp_s3cret:@e.org/feed", "https://***:@e.org/feed"),
        ("https://e.org/feed?api_key=s3cret&page=2", "https://e.org/feed?api_key=***&page=2"),
        # Other names a credential goes by in a query (shown whole before).
        ("https://e.org/f?user=kit&pwd=s3cret", "https://e.org/f?user=kit&pwd=***"),
        ("https://e.org/f?jwt=s3cret&page=2", "https://e.org/f?jwt=***&page=2"),
        ("https://e.org/f?credential=s3cret", "https://e.org/f?credential=***"),
        ("https://e.org/f?session=s3cret", "https://e.org/f?session=***"),
        # One yarl can't parse (a port past 65535) still loses its credentials.
        ("https://u:p@e.org:99999/f", "https://***@e.org:99999/f"),
        ("https://e.org:99999/f?page=2&Token=abc", "https://e.org:99999/f?page=2&Token=***"),
        ("https://e.org:99999/f", "https://e.org:99999/f"),
    ],
)
def test_redacted_masks_the_credentials_in_a_url(url: str, shown: str) -> None:
    assert redacted(url) == shown


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        # A query split by ";" reads to yarl as one value, "1;token=s3cret" (shown whole).
        ("https://e.org/f?a=1;token=s3cret", "https://e.org/f?a=1;token=***"),
        ("https://e.org?a=1;token=s3cret&b=2", "https://e.org?a=1;token=***&b=2"),
        # A path's own parameters and a segment keyed like a credential (shown whole).
        ("https://e.org/feed;jsessionid=s3cret?page=2", "https://e.org/feed;jsessionid=***?page=2"),
        ("https://e.org/feed/token=s3cret/rss", "https://e.org/feed/token=***/rss"),
        (
            "https://e.org/private/api_key/s3cret/feed.xml",
            "https://e.org/private/api_key/***/feed.xml",
        ),
        ("https://e.org/token/s3cret", "https://e.org/token/***"),
        # With a password, and where yarl can't parse the address (a port past 65535).
        ("https://u:p@e.org/f;auth=s3cret", "https://u:***@e.org/f;auth=***"),
        ("https://e.org:99999/f/secret=s3cret", "https://e.org:99999/f/secret=***"),
    ],
)
def test_redacted_masks_a_credential_past_the_query_parser(url: str, shown: str) -> None:
    assert redacted(url) == shown


@pytest.mark.parametrize(
    "url",
    [
        # An author's or a topic's name is no secret, though "auth" or "key" is in its segment;
        # nor is a segment after one only partly named so, nor a key with no value.
        "https://e.org/author/jane/feed/",
        "https://e.org/topics/monkey/turkey/feed",
        "https://e.org/keys/s2/feed",
        "https://e.org/api/v2/feed.xml",
        "https://e.org/f;page=2?a=1;b=2",
        # A name or a file after a segment named "key" or "secret" (masked before).
        "https://e.org/tag/key/feed/",
        "https://e.org/key/feed.xml",
        "https://e.org/category/secret/garden-party/feed",
    ],
)
def test_redacted_leaves_an_address_with_no_credential_as_written(url: str) -> None:
    assert redacted(url) == url


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        # yarl's rewrite of the query percent-encoded the ";" and "=" the mask reads past, so
        # with a credential in the query, one after a ";" was shown ("a=1%3Bauth%3Ds3cret").
        (
            "https://e.org/f?session=x&a=1;auth=s3cret",
            "https://e.org/f?session=***&a=1%3Bauth%3D***",
        ),
        # An address with no "//" (a redirect's Location) was shown twice, whole, then masked.
        ("e.org/feed/token=s3cret", "e.org/feed/token=***"),
        ("/feed;jsessionid=s3cret?page=2", "/feed;jsessionid=***?page=2"),
    ],
)
def test_redacted_masks_a_credential_the_rewrite_or_a_missing_host_hid(
    url: str, shown: str
) -> None:
    assert redacted(url) == shown
    assert redacted(shown) == shown  # masked once is masked


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        # A path segment that is itself a token was shown whole: hex, base64url (its
        # padding too), a UUID; a file's extension after it stays.
        (
            "https://example.com/feeds/9f8e7d6c5b4a39281706f5e4d3c2b1a0/rss",
            "https://example.com/feeds/***/rss",
        ),
        ("https://e.org/u/Xk3_pQ9vL2mN8rT5wY1zA4bC7dE0fG6hJ-sU/rss", "https://e.org/u/***/rss"),
        ("https://e.org/p/dGhpcyBpcyBhIHNlY3JldCB0b2tlbg==/feed", "https://e.org/p/***/feed"),
        ("https://e.org/3F2504E0-4F89-11D3-9A0C-0305E82C3301.xml", "https://e.org/***.xml"),
        ("https://e.org/f/9f8e7d6c5b4a39281706f5e4?page=2", "https://e.org/f/***?page=2"),
        (
            "https://u:p@e.org/9f8e7d6c5b4a39281706f5e4d3c2b1a0;v=2?key=k",
            "https://u:***@e.org/***;v=2?key=***",
        ),
        # A token in a dotted segment was shown whole: a JWT (its signature is the secret),
        # one before two extensions, one after a name.
        (
            "https://e.org/rss/eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0"
            ".dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U/feed",
            "https://e.org/rss/eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.***/feed",
        ),
        (
            "https://e.org/f/9f8e7d6c5b4a39281706f5e4d3c2b1a0.atom.xml",
            "https://e.org/f/***.atom.xml",
        ),
        (
            "https://e.org/private.9f8e7d6c5b4a39281706f5e4d3c2b1a0/rss",
            "https://e.org/private.***/rss",
        ),
    ],
)
def test_redacted_masks_a_path_segment_that_is_a_token(url: str, shown: str) -> None:
    assert redacted(url) == shown
    assert redacted(shown) == shown


@pytest.mark.parametrize(
    "url",
    [
        # Words, slugs, dates and numeric ids, however long, are no token.
        "https://e.org/2024/05/xo-kitty-season-3-news/feed/",
        "https://e.org/feeds/12345/rss",
        "https://e.org/category/tv/feed",
        "https://e.org/2024/05/15/xo-kitty-s03e04-1080p-h264-review-recap/feed",
        "https://e.org/news/20240515-xo-kitty-renewed-for-season-3/",
        "https://e.org/XoKittySeason3NewsAndMore/Top10NetflixShowsOf2024List/feed",
        "https://e.org/Netflix_XO_Kitty_Season_2_Trailer_2025/rss",
        "https://e.org/id/123456789012345678901234567890/feed",
        "https://e.org/supercalifragilisticexpialidocious-feed/rss.xml",
        "https://e.org/feed?id=9f8e7d6c5b4a39281706f5e4d3c2b1a0",  # a query's values: its keys
        "https://e.org/www.xo-kitty-fan-site-news.com/feed.rss.xml",  # dotted words
    ],
)
def test_redacted_shows_a_long_slug_or_id_as_written(url: str) -> None:
    assert redacted(url) == url


def test_redacted_reads_a_long_address_in_linear_time() -> None:
    # Each place a key could start in a long name was read to the name's end: 20,000
    # characters took half a second, 50,000 over three (a redirect's Location is unbounded).
    url = "https://e.org:99999/f?" + "token" * 10_000
    started = time.perf_counter()
    assert redacted(url) == url and redacted(url.replace("?", "/")) == url.replace("?", "/")
    slug = "https://e.org/" + "season3-" * 10_000  # a path segment read as a token is read once
    assert redacted(slug) == slug
    dotted = "https://e.org/" + ("season3-" * 4 + ".") * 3_000 + "~"  # and so are dotted parts
    assert redacted(dotted) == dotted
    assert time.perf_counter() - started < 0.5


@pytest.mark.parametrize("password", ["s3cret", "s3@cret", "s3'cret"])
def test_an_unparseable_address_is_refused_without_its_password(password: str) -> None:
    # yarl's complaint quotes the netloc; it reached the feed's last error, the log and a
    # redirect's refusal as the moderators see it. A password holding "@" or "'" (typed
    # raw) was masked only up to it: "'***@cret@exa…'".
    with pytest.raises(UnsafeURL) as refused:
        check_url(f"https://reader:{password}@exa\uff0fmple.com/feed")
    assert "cret" not in str(refused.value) and "reader" not in str(refused.value)
    assert str(refused.value).startswith("not a valid URL: ")


# Addresses yarl parses but can't read a host from, or slips on: check_url raised
# UnicodeError or IndexError, not a GuardError, so /feeds add answered "Something went
# wrong" and a redirect to one was an "unexpected" error, retried as if passing.
_UNREADABLE = [
    "http://xn--a-/feed",  # an IDN label that does not decode
    "https://e.org[]@/feed",  # brackets, then "@" and no host: yarl's IndexError
    "http://[e.org:1]/feed",  # in brackets, yet no IPv6 address
]


@pytest.mark.parametrize("url", _UNREADABLE)
@pytest.mark.parametrize("allow_private", [False, True])
def test_an_address_with_no_readable_host_is_refused_as_such(url: str, allow_private: bool) -> None:
    with pytest.raises(UnsafeURL, match=r"^not a valid URL: "):
        check_url(url, allow_private=allow_private)


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://e.org[]@/feed", "https://***@/feed"),
        ("https://u:p[]@/f?token=s3cret", "https://***@/f?token=***"),
    ],
)
def test_redacted_masks_an_address_yarl_slips_on(url: str, shown: str) -> None:
    assert redacted(url) == shown


@pytest.mark.parametrize("sign", ["%2F", "%2f", "%3B", "%3F", "%3f"])
def test_redacted_masks_a_token_before_a_percent_encoded_slash_semicolon_or_question_mark(
    sign: str,
) -> None:
    """A token followed by "%2F" (an encoded "/"), "%3B" or "%3F" was shown whole, where the
    same token before a plain "/" is masked: the lookahead knew only the plain signs."""
    token = "9f8e7d6c5b4a39281706f5e4d3c2b1a0"
    url = f"https://x.example/rss/{token}{sign}zz"
    assert redacted(url) == f"https://x.example/rss/***{sign}zz"
    assert redacted(url, tail=TOKEN_TAIL) == f"https://x.example/rss/***b1a0{sign}zz"
    # A word before the same signs is still no token.
    slug = f"https://x.example/rss/xo-kitty-season-3-news-and-more{sign}zz"
    assert redacted(slug) == slug


def test_a_list_keeps_only_a_random_path_tokens_last_characters() -> None:
    """``tail`` keeps a path token's last characters, so two feeds' lists tell them apart;
    a password or a query's key, which may be short, keeps none."""
    token = "9f8e7d6c5b4a39281706f5e4d3c2b1a0"
    url = f"https://u:pw12@e.org/rss/{token}/feed.xml?key=abcd1234"
    assert redacted(url, tail=4) == "https://u:***@e.org/rss/***b1a0/feed.xml?key=***"
    assert redacted(url) == "https://u:***@e.org/rss/***/feed.xml?key=***"
    assert redacted("https://e.org/rss/2024/xo-kitty-season-3-news", tail=4).endswith("news")
