"""Visible text of the HTML that feeds put in titles and summaries.

The feed parser reads every entry through ``html_to_text``; the classifier reads any
markup left in a text it is given through it too, so both see the same words.
"""

from __future__ import annotations

import html
import re

# Markup read per fragment: enough for the longest summary kept (``parse.SUMMARY_MAX``,
# 1,000 characters) twenty times over; it bounds the work on huge content.
SCAN_MAX = 20_000

_DROPPED_BLOCKS = re.compile(
    r"<(script|style|template|noscript)\b.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL
)
# Inline tags vanish ("Ki<b>tty</b>" → "Kitty"); any other tag separates words.
_INLINE_TAG = re.compile(
    r"</?(?:a|abbr|b|bdi|bdo|cite|code|data|dfn|em|font|i|kbd|mark|q|s|samp|small|span"
    r"|strong|sub|sup|time|tt|u|var|wbr)\b[^>]*>",
    re.IGNORECASE,
)
# As in HTML, "<" starts a tag only before a letter, "/", "!" or "?": "<@&1>" stays text.
_ANY_TAG = re.compile(r"</?[a-zA-Z][^>]*>|<[!?][^>]*>")
_TRAILING_PARTIAL_TAG = re.compile(r"<[a-zA-Z/!?][^>]*$")
# C0 controls, zero-width spaces and bidi overrides: invisible, and able to make a
# rendered title read differently from what moderators see in the feed.
_INVISIBLE = dict.fromkeys(
    [
        *range(0x00, 0x09),
        0x0B,
        0x0C,
        *range(0x0E, 0x20),
        0x7F,
        0x200B,
        0x2060,
        0xFEFF,
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
    ]
)


def html_to_text(markup: str) -> str:
    """Visible text of an HTML fragment: tags and scripts gone, entities decoded, one-line."""
    if "<" not in markup and "&" not in markup:
        return collapse_whitespace(markup)
    if len(markup) > SCAN_MAX:
        markup = _TRAILING_PARTIAL_TAG.sub("", markup[:SCAN_MAX])
    if "<" in markup:
        markup = _DROPPED_BLOCKS.sub(" ", markup)
        markup = _INLINE_TAG.sub("", markup)
        markup = _ANY_TAG.sub(" ", markup)
    # Unescape last, so an escaped "&lt;b&gt;" in the source stays visible text.
    return collapse_whitespace(html.unescape(markup))


def collapse_whitespace(text: str) -> str:
    return " ".join(text.translate(_INVISIBLE).split())
