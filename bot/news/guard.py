"""Address guard: keep feed fetches off private, loopback and other internal networks.

A feed URL comes from a moderator, and every redirect it answers with comes from a
stranger, so both are checked. The check happens in two places because aiohttp
resolves names and literals differently:

* names go through the connector's resolver; ``GuardedResolver`` filters what the
  real resolver returns, so the address checked is the address connected to (no
  second lookup for a DNS-rebinding server to answer differently);
* IP literals never reach a resolver, so ``check_url`` parses them itself,
  including the legacy IPv4 spellings (``2130706433``, ``0x7f000001``, ``0177.0.0.1``,
  ``127.1``) that the C library would happily connect to.
"""

from __future__ import annotations

import ipaddress
import logging
import re
import socket
from urllib.parse import unquote

from aiohttp.abc import AbstractResolver, ResolveResult
from yarl import URL

log = logging.getLogger(__name__)

MAX_URL_LENGTH = 2048
ALLOWED_SCHEMES = frozenset({"http", "https"})

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_CGNAT = ipaddress.IPv4Network("100.64.0.0/10")
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.IPv6Network("64:ff9b:1::/48")
_IPV4_COMPATIBLE = ipaddress.IPv6Network("::/96")
# Not globally reachable (IANA), though older Pythons call them global: documentation
# (RFC 9637) and the IETF protocol block bar its two anycast addresses (.9 and .10).
_DOCUMENTATION_V6 = ipaddress.IPv6Network("3fff::/20")
_IETF_PROTOCOL = ipaddress.IPv4Network("192.0.0.0/24")
_IETF_ANYCAST = frozenset(map(ipaddress.IPv4Address, ("192.0.0.9", "192.0.0.10")))
_IPV4_PART = re.compile(r"0[xX]([0-9a-fA-F]*)|0([0-7]+)|([1-9][0-9]*|0)")


# Query keys whose values are credentials in private feed URLs (…/feed?token=…).
_SECRET_KEY = re.compile(r"token|key|secret|pass|pwd|auth|sig|jwt|cred|session", re.IGNORECASE)
_USERINFO = re.compile(r"//[^/?#]*@")
# yarl's complaint about an address quotes its netloc, user name and password too: masked to
# the last "@" (a password typed raw may hold "@" or "'").
_QUOTED_USERINFO = re.compile(r"'.*@")
# The same keys in a query yarl can't parse: a name, then its value (masked when the name is
# keyed like a credential: a callback, not one pattern, so a long name is read once, not once
# per place a key could start in it).
_QUERY_PAIR = re.compile(r"([?&][^=&#]*=)([^&#]*)")
# Past the host, the same keys where no query parser looks: after ";" (a query split so,
# "?a=1;token=…", or a path's parameters, "/feed;jsessionid=…") or as a path segment of its
# own ("/feed/token=…").
_INLINE_PAIR = re.compile(r"([/;][^/;?&=#]*=)([^/;?&#]*)")
# And the segment after one named only for a credential ("/token/…/feed", "/api_key/…").
# Exact names there: "author" or "monkey" name no secret. A segment after one that reads as a
# name or a file ("/tag/key/feed/", "/key/feed.xml", "/category/secret/garden/") is shown: a
# credential holds a digit or a capital, or is longer than a word.
_SECRET_SEGMENT = re.compile(
    r"(/(?:access[_-]?)?(?:token|api[_-]?key|key|secret|password|passwd)/)([^/?#;]+)", re.I
)
_NAME_LIKE = re.compile(r"[a-z]{1,20}(?:[-_.][a-z]{1,20})*")
# And a segment that is itself a random token ("/feeds/9f8e…a0/rss", "/u/ApX3…/feed.xml"),
# or a dot-separated part of one (a JWT's signature, "/rss/eyJ….eyJ….SflK…"): 24 or more
# base64url characters, the parts around it kept (an extension, ".atom.xml"). Which of them
# are tokens ``_bare_token`` decides. Parts after it are bounded, so a long run of dotted
# parts is read in linear time. A "/", ";" or "?" percent-encoded ("…b1a0%2Fzz") ends it as
# the sign itself does: else the token was shown whole.
_TOKEN_SEGMENT = re.compile(
    r"(?<=[/.])[A-Za-z0-9_-]{24,}={0,2}"
    r"(?=(?:\.[A-Za-z0-9_-]{1,200}={0,2}){0,4}(?:[/;?#]|%(?:2[fF]|3[bBfF])|$))"
)
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.I)
_WORD_BREAK = re.compile(r"[-_=]+")
_TOKEN_RUN = 8  # characters between "-" and "_" that hold a token's randomness
_TOKEN_CHANGES = 8  # a change of kind at least every this many characters: random, no words


# What a moderator's list keeps of a random path token (``redacted(url, tail=TOKEN_TAIL)``),
# as a card's last digits are shown: enough to tell two feeds apart, and at most a sixth of
# a token of 24 or more random characters (20 left: 80 bits and more), so no help in guessing
# it. Credentials that may be short (a password, a query's key) keep none.
TOKEN_TAIL = 4


def redacted(url: str, *, tail: int = 0) -> str:
    """``url`` for a log line: a password (or a lone user name), or a value keyed like a
    credential (in the query, after a ";", in a path segment), masked. ``tail``: how many of
    a random path token's last characters to keep (``TOKEN_TAIL``, where feeds are told
    apart)."""
    # First, on the text as written: yarl's rewrite of a query below percent-encodes the ";"
    # and "=" of a value it reads whole ("a=1;auth=…" to "a=1%3Bauth%3D…"), past this mask.
    url = _inline_masked(url, tail)
    try:
        parsed = URL(url)
    except (ValueError, IndexError):  # unparseable (a port past 65535): mask by the text's shape
        return _QUERY_PAIR.sub(_masked_pair, _USERINFO.sub("//***@", url))
    secret_query = any(_SECRET_KEY.search(key) for key in parsed.query)
    # A password under no user name (https://:TOKEN@host/) is a credential too.
    if parsed.user is None and not parsed.password and not secret_query:
        return url  # as the host wrote it, not re-encoded
    if parsed.password:
        parsed = parsed.with_password("***")
    elif parsed.user is not None:  # a user name alone is a token (https://TOKEN@host/)
        parsed = parsed.with_user("***")
    if secret_query:
        parsed = parsed.with_query(
            [(k, "***" if _SECRET_KEY.search(k) else v) for k, v in parsed.query.items()]
        )
    return str(parsed)


def _inline_masked(url: str, tail: int = 0) -> str:
    """``url`` with the credentials past its host that no query parser reads masked; an
    address with no "//" (a relative one) is read whole as its path."""
    scheme, sep, rest = url.partition("//")
    if not sep:
        scheme, rest = "", url
    cut = len(rest) - len(rest.lstrip("/")) if not sep else _host_end(rest)
    masked = _SECRET_SEGMENT.sub(_masked_segment, _INLINE_PAIR.sub(_masked_pair, rest[cut:]))
    tokens = _TOKEN_SEGMENT.sub(lambda found: _masked_token(found, tail), masked)
    return f"{scheme}{sep}{rest[:cut]}{tokens}"


def _host_end(rest: str) -> int:
    """Where the host ends in ``rest`` (the address past "//"): at its path or its query."""
    return next((i for i, ch in enumerate(rest) if ch in "/?#"), len(rest))


def _masked_pair(pair: re.Match[str]) -> str:
    return f"{pair[1]}***" if _SECRET_KEY.search(pair[1]) else pair[0]


def _masked_segment(segment: re.Match[str]) -> str:
    return segment[0] if _NAME_LIKE.fullmatch(segment[2]) else f"{segment[1]}***"


def _masked_token(segment: re.Match[str], tail: int = 0) -> str:
    token = segment[0]
    if not _bare_token(token):
        return token
    return "***" + token.rstrip("=")[-tail:] if tail else "***"


def _bare_token(segment: str) -> bool:
    """Whether a path segment of base64url characters is a random token, not words: it holds
    letters and digits both (no word, numeric id or date), and is a UUID or, in its runs of
    ``_TOKEN_RUN`` or more characters between "-" and "_" (a slug's words are shorter), changes
    between digit, lower and upper case (a capital starting a word aside) at least once every
    ``_TOKEN_CHANGES`` characters: a hex token of 24 does about ten times, "s03e04" or
    "Season3" a few."""
    if not (any(c.isdigit() for c in segment) and any(c.isalpha() for c in segment)):
        return False
    if _UUID.fullmatch(segment):
        return True
    changes = sum(_changes(run) for run in _WORD_BREAK.split(segment) if len(run) >= _TOKEN_RUN)
    return changes * _TOKEN_CHANGES >= len(segment)


def _changes(run: str) -> int:
    """How often ``run`` changes between digit, lower and upper case, but not where a capital
    starts a word of three letters or more ("XoKittySeason", "Top10Shows"): names are written
    so, and random letters seldom are."""
    kinds = [0 if c.isdigit() else 1 if c.islower() else 2 for c in run] + [0, 0]
    count = 0
    for i in range(1, len(run)):
        word = kinds[i] == 2 and kinds[i + 1] == kinds[i + 2] == 1
        if kinds[i] != kinds[i - 1] and not word and (kinds[i - 1], kinds[i]) != (2, 1):
            count += 1
    return count


class GuardError(ValueError):
    """A URL the feed fetcher refuses to request."""


class UnsafeURL(GuardError):
    """Wrong scheme, missing host or an over-long URL."""


class BlockedAddress(GuardError):
    """The host is, or resolves to, an address outside the public internet."""


def blocked_reason(ip: IPAddress) -> str | None:
    """Why ``ip`` must not be fetched from, or None when it is a public unicast address."""
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(ip)
        if embedded is not None:
            inner = blocked_reason(embedded)
            return f"{inner} (IPv4 inside IPv6)" if inner else None
    # Order matters only for the message: the most specific name first.
    checks = (
        ("unspecified", ip.is_unspecified),
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("site-local", isinstance(ip, ipaddress.IPv6Address) and ip.is_site_local),
        ("multicast", ip.is_multicast),
        ("carrier-grade NAT", isinstance(ip, ipaddress.IPv4Address) and ip in _CGNAT),
        ("private", ip.is_private),
        ("reserved", ip.is_reserved or _is_reserved(ip)),
        ("non-public", not ip.is_global),
    )
    return next((name for name, hit in checks if hit), None)


def with_article(word: str) -> str:
    return f"an {word}" if word[0] in "aeiou" else f"a {word}"


def _is_reserved(ip: IPAddress) -> bool:
    # The stdlib calls these global, but nothing public should answer on them.
    if isinstance(ip, ipaddress.IPv4Address):
        return ip in _IETF_PROTOCOL and ip not in _IETF_ANYCAST
    return ip in _IPV4_COMPATIBLE or ip in _NAT64_LOCAL or ip in _DOCUMENTATION_V6


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address stands for (mapped, NAT64, 6to4), if any."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip in _NAT64 or (ip in _IPV4_COMPATIBLE and int(ip) > 0xFFFF):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def parse_ip_literal(host: str) -> IPAddress | None:
    """The address ``host`` spells, in any form a resolver would accept, else None."""
    host = unquote(host).strip().rstrip(".")
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    if ":" in host:
        try:
            return ipaddress.IPv6Address(host)
        except ValueError:
            return None
    return _parse_legacy_ipv4(host)


def _parse_legacy_ipv4(host: str) -> ipaddress.IPv4Address | None:
    """inet_aton(3) rules: 1-4 parts, each decimal, 0x-hex or 0-octal; the last fills the rest."""
    parts = host.split(".")
    if not 1 <= len(parts) <= 4:
        return None
    numbers: list[int] = []
    for part in parts:
        value = _parse_ipv4_part(part)
        if value is None:
            return None
        numbers.append(value)
    *head, last = numbers
    if any(n > 0xFF for n in head) or last >= 1 << (8 * (5 - len(numbers))):
        return None
    value = last
    for index, n in enumerate(head):
        value |= n << (8 * (3 - index))
    return ipaddress.IPv4Address(value)


def _parse_ipv4_part(part: str) -> int | None:
    match = _IPV4_PART.fullmatch(part)
    if match is None:
        return None
    hexa, octal, decimal = match.groups()
    if hexa is not None:
        return int(hexa or "0", 16)
    if octal is not None:
        return int(octal, 8)
    return int(decimal, 10)


def check_url(url: str, *, allow_private: bool = False) -> None:
    """Raise ``UnsafeURL``/``BlockedAddress`` unless ``url`` may be requested.

    Names are only screened for ``localhost`` here; their addresses are checked by
    ``GuardedResolver`` at connect time.
    """
    if len(url) > MAX_URL_LENGTH:
        raise UnsafeURL(f"URL is longer than {MAX_URL_LENGTH} characters")
    try:
        parsed = URL(url)
    except ValueError as exc:
        why = _QUOTED_USERINFO.sub("'***@", str(exc))
        raise UnsafeURL(f"not a valid URL: {why}") from None
    except IndexError:  # yarl's own slip on "[]" before an "@"
        raise UnsafeURL("not a valid URL: brackets out of place") from None
    if parsed.scheme not in ALLOWED_SCHEMES:
        raise UnsafeURL(f"only http and https URLs can be fetched, not {parsed.scheme or 'none'!r}")
    try:
        host = parsed.host  # decoded here: an IDN label that does not decode ("xn--a-") raises
    except ValueError:
        raise UnsafeURL("not a valid URL: its host is no valid name") from None
    if not host:
        raise UnsafeURL("URL has no host")
    ip = parse_ip_literal(host)
    if ip is None and ":" in host:  # in brackets, yet no IPv6 address ("[e.org:1]")
        raise UnsafeURL("not a valid URL: its host is no valid IPv6 address")
    if allow_private:
        return
    name = host.lower().rstrip(".")
    if name == "localhost" or name.endswith(".localhost"):
        raise BlockedAddress(f"{host} is a loopback name")
    if ip is not None:
        reason = blocked_reason(ip)
        if reason:
            raise BlockedAddress(f"{host} is {with_article(reason)} address ({ip})")


class GuardedResolver(AbstractResolver):
    """Wraps a real resolver and drops every address ``blocked_reason`` objects to.

    Raises ``BlockedAddress`` when nothing public is left, so the connector never
    sees a private address for a name.
    """

    def __init__(self, inner: AbstractResolver, allow_private: bool) -> None:
        self._inner = inner
        self._allow_private = allow_private

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        results = await self._inner.resolve(host, port, family)
        if self._allow_private:
            return results
        allowed: list[ResolveResult] = []
        refused: dict[str, str] = {}
        for result in results:
            reason = _result_reason(result["host"])
            if reason is None:
                allowed.append(result)
            else:
                refused[result["host"]] = reason
        if not allowed:
            # The addresses go to the host's log only: a message naming them would let anyone
            # who can add a feed map the host's internal names to its network.
            detail = ", ".join(f"{ip} ({reason})" for ip, reason in refused.items())
            log.info("refused %s: it resolves to %s", host, detail or "no addresses")
            raise BlockedAddress(f"{host} resolves to {_kinds(list(refused.values()))}")
        return allowed

    async def close(self) -> None:
        await self._inner.close()


def _kinds(reasons: list[str]) -> str:
    """What a name's refused addresses are, without the addresses."""
    if not reasons:
        return "no addresses"
    if len(reasons) == 1:
        return f"{with_article(reasons[0])} address"
    return f"only {' and '.join(dict.fromkeys(reasons))} addresses"


def _result_reason(address: str) -> str | None:
    try:
        return blocked_reason(ipaddress.ip_address(address))
    except ValueError:
        return "unparsable address"
