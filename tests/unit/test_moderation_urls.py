"""Feed URLs are checked, with a reason, before anything is fetched."""

from __future__ import annotations

import pytest

from bot.errors import UserFacingError
from bot.moderation.urls import clean_feed_url
from bot.news.guard import MAX_URL_LENGTH


def refusal(url: str, *, allow_private: bool = False) -> str:
    with pytest.raises(UserFacingError) as caught:
        clean_feed_url(url, allow_private=allow_private)
    return caught.value.message


def test_a_public_https_url_passes_and_is_trimmed() -> None:
    assert clean_feed_url("  <https://example.org/feed.xml>  ", allow_private=False) == (
        "https://example.org/feed.xml"
    )


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("", "address of an RSS"),
        ("ftp://example.org/feed", "`ftp`"),
        ("javascript:alert(1)", "no scheme"),
        ("example.org/feed", "no scheme"),
        ("https://exa mple.org/feed", "spaces"),
        ("http://127.0.0.1/feed", "public internet"),
        ("http://localhost:8080/feed", "public internet"),
        ("http://10.1.2.3/feed", "public internet"),
        ("http://2130706433/feed", "public internet"),
        ("http://[::1]/feed", "public internet"),
    ],
)
def test_refusals_say_why(url: str, reason: str) -> None:
    assert reason in refusal(url)


def test_length_limit_is_2048() -> None:
    base = "https://example.org/"
    fits = base + "a" * (MAX_URL_LENGTH - len(base))
    assert clean_feed_url(fits, allow_private=False) == fits
    text = refusal(fits + "a")
    assert "2,049" in text and "2,048" in text


def test_private_addresses_pass_when_the_host_allows_them() -> None:
    assert (
        clean_feed_url("http://127.0.0.1:9/feed", allow_private=True) == "http://127.0.0.1:9/feed"
    )
    # The scheme rule holds even then.
    assert "`file`" in refusal("file:///etc/passwd", allow_private=True)


def test_scheme_and_host_are_one_spelling_so_capitals_are_not_a_second_feed() -> None:
    typed = "HTTPS://News.Example.ORG/Kitty/Feed.xml?Season=3"
    assert clean_feed_url(typed, allow_private=False) == (
        "https://news.example.org/Kitty/Feed.xml?Season=3"
    )
    # Left as typed when there is nothing to fold (no needless rewriting of the URL).
    assert clean_feed_url("https://example.org/feed?", allow_private=False) == (
        "https://example.org/feed?"
    )
    # A password is not case-insensitive: only the host is folded.
    assert clean_feed_url("https://Reader:HunTer2@Example.ORG/f", allow_private=False) == (
        "https://Reader:HunTer2@example.org/f"
    )


@pytest.mark.parametrize(
    "url", ["http://xn--a-/feed", "https://e.org[]@/feed", "http://[e.org:1]/f"]
)
def test_an_address_with_no_readable_host_is_refused_not_a_crash(url: str) -> None:
    assert "isn't a feed URL I can use: not a valid URL" in refusal(url)
