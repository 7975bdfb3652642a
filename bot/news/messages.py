"""What an announcement looks like: plain JSON-able dicts stored in the outbox (pure).

Rendered when the delivery is queued, so a resend after a crash posts exactly the
same thing. Feed text is untrusted: it is escaped, and only the guild's own role
is ever named in ``allowed_mentions`` (see ``announce.allowed_mentions``).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from typing import Any

from bot.news.models import Article, Certainty, Milestone
from bot.news.track import Observation

_MILESTONE_TEXT = {
    Milestone.RENEWED: "renewed",
    Milestone.CANCELLED: "cancelled",
    Milestone.CASTING: "casting",
    Milestone.WRITING: "in the writers' room",
    Milestone.FILMING_STARTED: "filming",
    Milestone.FILMING_WRAPPED: "filming wrapped",
    Milestone.POST_PRODUCTION: "in post-production",
    Milestone.TRAILER: "trailer out",
    Milestone.RELEASE_DATE_ANNOUNCED: "release date set",
    Milestone.RELEASED: "released",
    Milestone.DELAYED: "delayed",
}
_CERTAINTY_TEXT = {
    Certainty.RUMORED: "Rumoured",
    Certainty.REPORTED: "Reported",
    Certainty.CONFIRMED: "Confirmed",
}
_COLOURS = {
    Certainty.RUMORED: 0xF4B400,
    Certainty.REPORTED: 0x4285F4,
    Certainty.CONFIRMED: 0x0F9D58,
}
_KIND_TEXT = {
    "new_milestone": "New",
    "raised_certainty": "Now more certain",
    "date_changed": "Date changed",
}

# Mentions and links are neutralised with a zero-width space so they render as text.
_ZWSP = "\u200b"
_MENTION = re.compile(r"@(everyone|here)|<(@[!&]?|#)(\d+)>")
_MARKDOWN = re.compile(r"([\\*_~`|>\[\]()#-])")


def safe_text(text: str, limit: int) -> str:
    """Untrusted text made inert: no pings, no markdown, no masked links; clamped."""
    text = _MENTION.sub(
        lambda m: m.group(0).replace("@", "@" + _ZWSP).replace("<", "<" + _ZWSP), text
    )
    text = _MARKDOWN.sub(r"\\\1", text)
    text = text.replace("://", ":" + _ZWSP + "//")
    return text if len(text) <= limit else text[: limit - 1].rstrip("\\") + "…"


def _timestamp(day: date, style: str) -> str:
    return f"<t:{int(datetime.combine(day, time(12), UTC).timestamp())}:{style}>"


def change_message(
    obs: Observation, kind: str, article: Article, *, role_id: int | None, threads: bool
) -> dict[str, Any]:
    event = obs.event
    headline = f"{obs.show.title} season {obs.season}: {_MILESTONE_TEXT[event.milestone]}"
    fields = [
        {"name": "Certainty", "value": _CERTAINTY_TEXT[event.certainty], "inline": True},
        {"name": "What changed", "value": _KIND_TEXT.get(kind, kind), "inline": True},
    ]
    if (day := event.event_date) is not None:
        when = f"{_timestamp(day, 'D')} ({_timestamp(day, 'R')})"
        fields.append({"name": "Date", "value": when, "inline": True})
    fields.append({"name": "Source", "value": _source_line(article), "inline": False})
    return {
        "content": f"<@&{role_id}>" if role_id else "",
        "role_id": role_id,
        "embed": {
            "title": headline[:256],
            "description": safe_text(article.title, 1000),
            "color": _COLOURS[event.certainty],
            "fields": fields,
            "footer": {"text": "Status news · /status for the full timeline"},
        },
        "thread_name": headline[:100] if threads else None,
    }


def article_message(
    show_title: str, article: Article, *, role_id: int | None, threads: bool
) -> dict[str, Any]:
    embed: dict[str, Any] = {
        "title": f"{show_title} news"[:256],
        "description": safe_text(article.title, 1000),
        "fields": [{"name": "Source", "value": _source_line(article), "inline": False}],
    }
    if article.summary:
        embed["fields"].insert(
            0, {"name": "Summary", "value": safe_text(article.summary, 1000), "inline": False}
        )
    return {
        "content": f"<@&{role_id}>" if role_id else "",
        "role_id": role_id,
        "embed": embed,
        "thread_name": f"{show_title} news"[:100] if threads else None,
    }


def _source_line(article: Article) -> str:
    # A bare URL (not a masked link) so readers see where it really goes.
    url = article.url if article.url.startswith(("http://", "https://")) else ""
    published = f" · {_timestamp(article.published.date(), 'D')}" if article.published else ""
    return (url[:900] or "(no link)") + published
