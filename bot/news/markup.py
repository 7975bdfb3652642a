"""Visible text of the HTML that feeds put in titles and summaries.

The feed parser reads every entry through ``html_to_text``; the classifier reads any
markup left in a text it is given through it too, so both see the same words.

Every step is linear in the markup: feeds are hostile input, and a regex that rescans
the rest of the text from each unclosed "<!--", "<script" or "<a" is quadratic.
"""

from __future__ import annotations

import html
import re
import unicodedata

# Markup read per fragment: enough for the longest summary kept (``parse.SUMMARY_MAX``,
# 1,000 characters) twenty times over; it bounds the work on huge content.
SCAN_MAX = 20_000

# Dropped with everything inside: these blocks, and comments.
_BLOCKS = ("script", "style", "template", "noscript")
# One named group per block, so a match says its kind even when spelt "<ſcript".
_BLOCK_START = re.compile(
    "|".join(rf"<(?P<{name}>{name})\b" for name in _BLOCKS) + "|<!--", re.IGNORECASE
)
_BLOCK_END = {name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in _BLOCKS}
_COMMENT = "!--"
# Inline tags vanish ("Ki<b>tty</b>" → "Kitty"); any other tag separates words.
_INLINE_TAG = re.compile(
    r"</?(?:a|abbr|b|bdi|bdo|cite|code|data|dfn|em|font|i|kbd|mark|q|s|samp|small|span"
    r"|strong|sub|sup|time|tt|u|var|wbr)\b[^>]*>",
    re.IGNORECASE,
)
# As in HTML, "<" starts a tag only before a letter, "/", "!" or "?": "<@&1>" stays text.
_ANY_TAG = re.compile(r"</?[a-zA-Z][^>]*>|<[!?][^>]*>")
_PARTIAL_TAG = re.compile(r"<[a-zA-Z/!?]")
# Bidi embeddings, overrides and isolates: they reorder the text after them.
_BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
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
        *_BIDI_CONTROLS,
    ]
)


def html_to_text(markup: str) -> str:
    """Visible text of an HTML fragment: tags and scripts gone, entities decoded, one-line."""
    if "<" not in markup and "&" not in markup:
        return collapse_whitespace(markup)
    if len(markup) > SCAN_MAX:
        markup = _without_partial_tag(markup[:SCAN_MAX])
    if "<" in markup:
        markup = _drop_blocks(markup)
        markup = _sub_tags(_INLINE_TAG, "", markup)
        markup = _sub_tags(_ANY_TAG, " ", markup)
    # Unescape last, so an escaped "&lt;b&gt;" in the source stays visible text.
    return collapse_whitespace(html.unescape(markup))


def collapse_whitespace(text: str) -> str:
    return " ".join(text.translate(_INVISIBLE).split())


def strip_bidi_controls(text: str) -> str:
    return text.translate(_BIDI_CONTROLS)


# Combining marks a character keeps: real writing stacks few (Vietnamese two, pointed Hebrew
# four; Indic vowel signs and Tibetan stacks are of class 0, not counted), "zalgo" hundreds,
# which Discord draws over the lines above and below.
MARKS_KEPT = 4


def calm_marks(text: str) -> str:
    """``text`` with each character's run of combining marks cut to ``MARKS_KEPT``."""
    if text.isascii():
        return text
    kept: list[str] = []
    run = 0
    for char in text:
        run = run + 1 if unicodedata.combining(char) else 0
        if run <= MARKS_KEPT:
            kept.append(char)
    return "".join(kept)


def _drop_blocks(markup: str) -> str:
    """Each script, style, template, noscript block or comment becomes one space.

    A block with no end is left as it is. Its kind is remembered as unclosed, since no
    later block of that kind can end either: each end is searched for once.
    """
    pieces: list[str] = []
    done = 0
    unclosed: set[str] = set()
    for start in _BLOCK_START.finditer(markup):
        kind = start.lastgroup or _COMMENT
        if start.start() < done or kind in unclosed:
            continue
        end = _block_end(markup, kind, start.end())
        if end < 0:
            unclosed.add(kind)
            continue
        pieces += (markup[done : start.start()], " ")
        done = end
    pieces.append(markup[done:])
    return "".join(pieces)


def _block_end(markup: str, kind: str, pos: int) -> int:
    """Where the block of ``kind`` whose opening ends at ``pos`` ends; -1 if it never does."""
    if kind == _COMMENT:
        end = markup.find("-->", pos)
        return end + 3 if end >= 0 else -1
    found = _BLOCK_END[kind].search(markup, pos)
    return found.end() if found else -1


def tags_end(markup: str) -> int:
    """Where the last whole tag of ``markup`` can end: a tag ends with ">", so none ends
    after the last one. Tag patterns searched only up to here cannot scan on to the end of
    the text from each unclosed "<a" (quadratic)."""
    return markup.rfind(">") + 1


def _sub_tags(tag: re.Pattern[str], replacement: str, markup: str) -> str:
    cut = tags_end(markup)
    return tag.sub(replacement, markup[:cut]) + markup[cut:]


def _without_partial_tag(markup: str) -> str:
    """``markup`` less a tag cut off at its end (from its first "<x" after the last ">")."""
    cut = tags_end(markup)
    partial = _PARTIAL_TAG.search(markup, cut)
    return markup[: partial.start()] if partial else markup
