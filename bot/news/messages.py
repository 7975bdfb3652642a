"""What an announcement looks like: plain JSON-able dicts stored in the outbox (pure).

Rendered when the delivery is queued, so a resend after a crash posts exactly the
same thing. Feed text is untrusted: it is escaped, and only the guild's own role
is ever named in ``allowed_mentions`` (see ``announce.allowed_mentions``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from bot.catalog.dates import PartialDate
from bot.news.forum import with_certainty
from bot.news.models import Article, Certainty, Milestone
from bot.news.parse import shown_link
from bot.news.track import Observation
from bot.render.status import PREMIERE_DAYS, rivals_text
from bot.render.text import (
    break_urls,
    inert_url,
    is_url,
    release_day,
    seasons_text,
    timestamp,
    truncate,
)
from bot.render.text import safe_text as render_safe_text

if TYPE_CHECKING:
    import discord

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
_URL_LIMIT = 900  # of the 1024 a field holds; the date follows
_KIND_TEXT = {
    "new_milestone": "New",
    "raised_certainty": "Now more certain",
    "date_changed": "Date changed",
    "date_set": "Date set",
    "sources_differ": "Sources differ",
    "reversal": "Reverses earlier news",
    "denied": "Denied",
}


def safe_text(text: str, limit: int) -> str:
    """Feed text made inert (no pings, markdown or masked links) and clamped.

    Bare URLs are broken too: a headline must not carry a live link of its own choosing.
    """
    return truncate(render_safe_text(break_urls(text), one_line=True), limit)


def change_message(
    obs: Observation,
    kind: str,
    article: Article,
    *,
    role_id: int | None,
    threads: bool,
    more: Sequence[tuple[int, str]] = (),
    also: Sequence[PartialDate] = (),
) -> dict[str, Any]:
    """``more``: the further (season, kind) changes the same words make ("renews it for
    seasons 4 and 5"), told in this one post; ``also``: with "sources_differ", the dates
    other sources gave as surely, named beside this one's."""
    event = obs.event
    told = [(obs.season, kind), *more]
    seasons = seasons_text([season for season, _ in told])
    headline = f"{obs.show.title} {seasons}: {_MILESTONE_TEXT[event.milestone]}"
    if (period := event.period) is not None and event.event_date is None:
        # "delayed to June 2027", "release date set to April 2027": no day to count down to
        headline += f" to {period.human()}"
    if kind == "sources_differ":
        headline += " — sources differ"  # no move: outlets told two days at once
    if event.denied:
        # the certainty below is the denial's: how sure it is that the reports were wrong
        headline += " — reports denied"
    fields = [
        {"name": "Certainty", "value": _CERTAINTY_TEXT[event.certainty], "inline": True},
        {"name": "What changed", "value": _changed_text(told), "inline": True},
    ]
    if (day := event.event_date) is not None:
        if event.milestone in PREMIERE_DAYS:  # the moment it comes out, as /status counts
            when = f"{release_day(day)} ({release_day(day, 'R')})"
        else:
            when = f"{timestamp(day, 'D')} ({timestamp(day, 'R')})"
        fields.append({"name": "Date", "value": when, "inline": True})
    elif period is not None:
        fields.append({"name": "Date", "value": f"{period.human()} (no day given)", "inline": True})
    if kind == "sources_differ" and also:
        others = rivals_text(also, release=True)
        fields.append({"name": "Other sources say", "value": others, "inline": True})
    fields.append({"name": "Source", "value": _source_line(article), "inline": False})
    # A thread's name stands alone in the channel list, without the Certainty field: it says
    # how sure the news is unless confirmed ("… season 4: renewed (rumoured)").
    thread = with_certainty(headline, _CERTAINTY_TEXT[event.certainty])
    embed = {
        "title": headline[:256],
        "description": safe_text(article.title, 1000),
        "color": _COLOURS[event.certainty],
        "fields": fields,
        "footer": {"text": "Status news · /status for the full timeline"},
    }
    return with_role({"embed": embed, "thread_name": thread[:100] if threads else None}, role_id)


def _changed_text(told: Sequence[tuple[int, str]]) -> str:
    """What each season's change is; when they differ, which season each applies to
    ("Now more certain (season 4); New (season 5)")."""
    if len({kind for _, kind in told}) == 1:
        return _KIND_TEXT.get(told[0][1], told[0][1])
    return kinds_by_season(told, _KIND_TEXT)


def kinds_by_season(told: Sequence[tuple[int, str]], words: Mapping[str, str]) -> str:
    """Each kind of change in ``words``, with the seasons it is of: "New (seasons 4 and 5)"."""
    kinds: dict[str, list[int]] = {}
    for season, kind in told:
        kinds.setdefault(kind, []).append(season)
    return "; ".join(f"{words.get(k, k)} ({seasons_text(s)})" for k, s in kinds.items())


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
    thread_name = f"{show_title} news"[:100] if threads else None
    return with_role({"embed": embed, "thread_name": thread_name}, role_id)


def with_role(message: dict[str, Any], role_id: int | None) -> dict[str, Any]:
    """``message`` pinging ``role_id``, or nobody when it is None."""
    return {**message, "content": f"<@&{role_id}>" if role_id else "", "role_id": role_id}


def is_post_of(posted: discord.Message, message: dict[str, Any]) -> bool:
    """Whether ``posted`` is ``message`` as sent: by its embed's title and text (the role
    ping in the content may have changed since), or by its content when it has no embed."""
    embed = message.get("embed")
    if not embed:
        return posted.content == (message.get("content") or "")
    return any(
        e.title == embed.get("title") and e.description == embed.get("description")
        for e in posted.embeds
    )


def _source_line(article: Article) -> str:
    # A bare URL (not a masked link) so readers see where it really goes.
    # The instant, not its UTC day: each reader sees the day it was where they are.
    published = f" · {timestamp(article.published, 'D')}" if article.published else ""
    return _shown_url(article.url) + published


def _shown_url(url: str) -> str:
    """An http(s) link as an inert bare URL.

    Feed links may hold spaces, brackets and mention syntax: percent-encoded, the URL cannot
    end early and leave a masked link, a mention or code behind it.
    """
    if not is_url(url):
        return "(no link)"
    shown = inert_url(shown_link(url))
    # Cut, a link would lead to the wrong page: better none.
    return shown if len(shown) <= _URL_LIMIT else "(link too long to show)"
