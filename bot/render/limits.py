"""Discord's embed limits, and the one function that enforces them.

Discord rejects the whole message when an embed is over any limit, so every card goes
through ``clamp_embed`` last: better a shortened card than no answer at all.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import discord

from bot.render.text import truncate

TITLE = 256
DESCRIPTION = 4096
FIELDS = 25
FIELD_NAME = 256
FIELD_VALUE = 1024
FOOTER = 2048
AUTHOR = 256
TOTAL = 6000
_BLANK = "\u200b"  # Discord refuses empty field names and values


def embed_size(data: dict[str, Any]) -> int:
    """Characters Discord counts toward the 6000 total."""
    size = len(data.get("title", "")) + len(data.get("description", ""))
    size += len(data.get("footer", {}).get("text", ""))
    size += len(data.get("author", {}).get("name", ""))
    for field in data.get("fields", []):
        size += len(field.get("name", "")) + len(field.get("value", ""))
    return size


def clamp_dict(data: dict[str, Any], total: int = TOTAL) -> dict[str, Any]:
    """Return a copy of an embed dict that satisfies every limit. ``total``: the characters
    it may count, less than Discord's 6000 when it shares a message with other embeds (the
    limit is the message's)."""
    out = dict(data)
    if "title" in out:
        out["title"] = truncate(out["title"], TITLE)
    if "description" in out:
        out["description"] = truncate(out["description"], DESCRIPTION)
    if "footer" in out:
        out["footer"] = {**out["footer"], "text": truncate(out["footer"].get("text", ""), FOOTER)}
    if "author" in out:
        out["author"] = {**out["author"], "name": truncate(out["author"].get("name", ""), AUTHOR)}
    fields = [
        {
            **f,
            "name": truncate(f.get("name") or _BLANK, FIELD_NAME),
            "value": truncate(f.get("value") or _BLANK, FIELD_VALUE),
        }
        for f in out.get("fields", [])[:FIELDS]
    ]
    if "fields" in out:
        out["fields"] = fields
    _fit_total(out, total)
    return out


def _fit_total(out: dict[str, Any], total: int) -> None:
    # Shorten a long description first (down to 1000), then drop fields from the end (the
    # least important by convention), then shorten the description further, then the footer.
    excess = embed_size(out) - total
    desc = out.get("description", "")
    if excess > 0 and len(desc) > 1000:
        out["description"] = truncate(desc, max(1000, len(desc) - excess))
    fields = out.get("fields", [])
    while embed_size(out) > total and fields:
        fields.pop()
    excess = embed_size(out) - total
    for key in ("description", "footer", "title"):
        if excess <= 0:
            return
        holder, name = (out["footer"], "text") if key == "footer" else (out, key)
        text = holder.get(name, "")
        if text:
            holder[name] = truncate(text, max(1, len(text) - excess))
            excess = embed_size(out) - total


def clamp_embed(embed: discord.Embed) -> discord.Embed:
    """The same embed, cut down to fit every Discord limit."""
    return discord.Embed.from_dict(clamp_dict(embed.to_dict()))  # type: ignore[arg-type]


def lines_within(
    rows: Sequence[str], room: int, more: Callable[[int], str], *, hidden: int = 0
) -> str:
    """``rows`` one a line in at most ``room`` characters: rows are dropped from the end,
    whole (half a row, or half a link, shows as raw text), for a ``more(count)`` line that
    also counts the ``hidden`` rows left out before."""
    shown = len(rows)
    while True:
        left = len(rows) - shown + hidden
        text = "\n".join([*rows[:shown], *([more(left)] if left else [])])
        if len(text) <= room or not shown:
            return text
        shown -= 1
