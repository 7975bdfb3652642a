"""News in a forum channel: each delivery a post of its own, named and tagged (pure).

A forum post's name is plain text: Discord shows it as typed, reading no markdown and
resolving no mention, so the escapes that make feed text inert in a message would show.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any, Protocol, TypeVar

from bot.news.markup import calm_marks, collapse_whitespace, strip_bidi_controls
from bot.render.text import shorten

# Discord's longest thread (and so forum post) name.
NAME_LIMIT = 100
# Discord's flag on a forum whose every post must carry a tag (channel ``flags``).
REQUIRE_TAG = 1 << 4
# Discord's code (HTTP 400) for a post without a tag in such a forum.
TAG_REQUIRED = 40067
# A tag a moderator would make for the bot's posts, in the order preferred.
NEWS_TAGS = ("news", "kissbot", "announcements", "announcement", "updates")

_ESCAPE = re.compile(r"\\(.)")
# Mentions, custom emoji, timestamps and the like: unresolved in a name, they show as codes.
_CODES = re.compile(r"<(?:[@#/]|a?:|t:|id:|sound:)[^>\s]*>")
_BROADCAST = re.compile(r"@(everyone|here)\b", re.IGNORECASE)
_MASKED = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKS = re.compile(r"\*\*|__|~~|\|\||[*`]|^\s*(?:#{1,3}|-#|>)\s+")


def plain_title(text: str, fallback: str = "News") -> str:
    """``text`` as a post's name: markdown, escapes and mention codes gone, one line, at most
    ``NAME_LIMIT`` characters (``fallback`` when nothing is left)."""
    # Invisible characters first: the zero-width spaces that broke mentions and links.
    text = collapse_whitespace(calm_marks(strip_bidi_controls(_ESCAPE.sub(r"\1", text))))
    text = _MASKED.sub(r"\1", _CODES.sub("", text))
    text = _MARKS.sub("", _BROADCAST.sub(r"\1", text))
    return shorten(collapse_whitespace(text), NAME_LIMIT) or fallback


def post_name(message: Mapping[str, Any]) -> str:
    """The name of the forum post a stored delivery becomes: a change's headline with how sure
    it is (as its thread's name: the Certainty field is not beside it in the forum's list), an
    article's own headline (the embed's title only names the show)."""
    embed = message.get("embed") or {}
    fields = {f.get("name"): f.get("value") for f in embed.get("fields") or ()}
    if (certainty := fields.get("Certainty")) is not None:
        return plain_title(with_certainty(str(embed.get("title") or ""), str(certainty)))
    return plain_title(str(embed.get("description") or embed.get("title") or ""))


def with_certainty(headline: str, certainty: str) -> str:
    """A headline that stands alone (a thread's or post's name): how sure, unless confirmed."""
    sure = certainty.lower()
    return headline if sure == "confirmed" else f"{headline} ({sure})"


def notice_name(text: str) -> str:
    """A moderators' notice as a forum post: named for them, with its first sentence."""
    first = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
    return plain_title(f"For moderators: {first}")


class Tag(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def name(self) -> str: ...
    @property
    def moderated(self) -> bool: ...


T = TypeVar("T", bound=Tag)


def named_for_news(name: str) -> bool:
    """Whether a tag's name is one ``news_tag`` looks for."""
    return plain_title(name, "").casefold() in NEWS_TAGS


def news_tag(tags: Iterable[T], *, required: bool, can_moderate: bool) -> T | None:
    """The tag the bot's posts carry: one named for news if the forum has it (the first of
    ``NEWS_TAGS``); else, where a tag is ``required``, the forum's first; else none. A tag
    only moderators may apply is out of reach without Manage Threads (``can_moderate``)."""
    usable = [t for t in tags if can_moderate or not t.moderated]
    named = sorted(
        (t for t in usable if named_for_news(t.name)),
        key=lambda t: NEWS_TAGS.index(plain_title(t.name, "").casefold()),
    )
    if named:
        return named[0]
    return usable[0] if required and usable else None
