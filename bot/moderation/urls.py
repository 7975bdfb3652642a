"""Checking a feed URL a moderator typed, before anything is fetched (pure)."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from bot.errors import UserFacingError
from bot.news.guard import MAX_URL_LENGTH, BlockedAddress, GuardError, check_url


def clean_feed_url(raw: str, *, allow_private: bool) -> str:
    """The URL to follow, or a UserFacingError saying what is wrong with it.

    Angle brackets are dropped because Discord users wrap links in them to stop
    previews; whitespace is never part of a URL.
    """
    url = raw.strip().removeprefix("<").removesuffix(">").strip()
    if not url:
        raise UserFacingError("Give me the address of an RSS or Atom feed, starting with https://.")
    if len(url) > MAX_URL_LENGTH:
        raise UserFacingError(
            f"That URL is {len(url):,} characters long; I accept at most {MAX_URL_LENGTH:,}."
        )
    if any(ch.isspace() for ch in url):
        raise UserFacingError("That URL contains spaces; paste the feed address on its own.")
    scheme = url.partition("://")[0].lower() if "://" in url else ""
    if scheme not in ("http", "https"):
        shown = f"`{scheme}`" if scheme else "no scheme"
        raise UserFacingError(f"I only follow http:// and https:// feeds; that URL has {shown}.")
    try:
        check_url(url, allow_private=allow_private)
    except BlockedAddress as exc:
        raise UserFacingError(
            f"I won't fetch that address: {exc}. Feeds must be on the public internet."
        ) from None
    except GuardError as exc:
        raise UserFacingError(f"That isn't a feed URL I can use: {exc}.") from None
    return fold_case(url)


def fold_case(url: str) -> str:
    """``url`` with its scheme and host in lower case, the rest as it was.

    Both are case-insensitive: one spelling each, so a feed typed in capitals is the same
    feed, not a second one polled beside it.
    """
    parts = urlsplit(url)
    userinfo, at, host = parts.netloc.rpartition("@")  # a user name and password keep theirs
    scheme, netloc = parts.scheme.lower(), userinfo + at + host.lower()
    if (scheme, netloc) == (parts.scheme, parts.netloc):
        return url  # no needless rewriting (urlunsplit drops an empty query, for one)
    return urlunsplit(parts._replace(scheme=scheme, netloc=netloc))


def same_address(typed: str, stored: str) -> bool:
    """Whether ``typed`` names the feed stored at ``stored``, in whatever capitals either
    has its scheme and host (stored before folding, or listed so by the host)."""
    try:
        return fold_case(typed.strip()) == fold_case(stored)
    except ValueError:  # not a URL at all ("[" in a title, say)
        return False
