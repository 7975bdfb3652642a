"""What ``/feeds add`` shows before a feed is followed: its newest items, judged (pure).

The judgement mirrors the pipeline's decisions (``pipeline._one_article`` and
``queue_offer``) for an item that appeared *now*, so moderators see how their mode
treats this feed. The backlog itself is never posted: the caller records it as
baseline.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import discord

from bot.moderation.text import plural, stamp
from bot.news.dedupe import MAX_AGE, too_old
from bot.news.messages import safe_text
from bot.news.models import Article, Signal
from bot.render.text import seasons_text, shorten, truncate
from bot.store.guilds import Mode

PREVIEW_ITEMS = 3
MODE_TEXT: dict[str, str] = {"changes": "status changes only", "all": "all news about the show"}


@dataclass(frozen=True, slots=True)
class Judgement:
    posts: bool
    reason: str


def newest(articles: Sequence[Article], n: int = PREVIEW_ITEMS) -> list[Article]:
    """The ``n`` most recent items; undated ones keep feed order, after the dated."""
    floor = datetime.min.replace(tzinfo=UTC)

    def rank(pair: tuple[int, Article]) -> tuple[bool, float, int]:
        index, article = pair
        return (article.published is None, -(article.published or floor).timestamp(), index)

    return [a for _, a in sorted(enumerate(articles), key=rank)[:n]]


def judge(
    article: Article,
    signal: Signal,
    *,
    now: datetime,
    show_slug: str,
    show_title: str,
    mode: Mode,
    change_kind: str | None,
    seasons: Sequence[int] = (),
) -> Judgement:
    """Would the pipeline post ``article`` to this guild if it were new?

    ``change_kind`` is ``track.assess``'s answer for the signal's milestone (None
    when there is no milestone for this guild's show), ``repeat`` for an extra
    source that repeats a recent change this guild has not been sent, or
    ``unlikely_season`` for a season number the pipeline takes for a misreading.
    ``seasons``: those the change is of, when the article names several (the post names
    only the seasons it changes).
    """
    if too_old(article, now):
        return Judgement(False, f"published more than {MAX_AGE.days} days ago")
    if signal.show is None:
        return Judgement(False, "not about a show I know")
    if signal.show != show_slug:
        return Judgement(False, f"about `{signal.show}`, not {show_title}")
    if signal.about is None:
        if mode == "all":
            return Judgement(True, "news about the show (this server posts all news)")
        return Judgement(False, "news, but no status change (this server posts changes only)")
    if change_kind == "unlikely_season":
        if mode == "all":
            return Judgement(True, "news about the show; the season it names looks misread")
        return Judgement(False, "the season it names is beyond the next ones I know of")
    if change_kind == "repeat" and mode == "changes":
        return Judgement(True, "a recent status change this server has not heard yet")
    if change_kind in (None, "extra_source", "repeat"):
        if mode == "all":
            return Judgement(True, "news about the show; the status it reports is already known")
        return Judgement(False, "status already known: it would only be an extra source")
    return Judgement(True, f"status change: {describe_signal(signal, seasons)}")


def describe_signal(signal: Signal, seasons: Sequence[int] = ()) -> str:
    """``season 2 · filming_started · confirmed``, ``seasons 4 and 5 · renewed · confirmed``,
    ``season 2 · filming_started denied · confirmed`` or ``no status milestone``;
    ``seasons``, when given, in place of those the signal names."""
    if signal.about is None:
        return "no status milestone"
    what = signal.about.value + (" denied" if signal.denies else "")
    named = seasons or ((signal.season, *signal.also) if signal.season else ())
    parts = [seasons_text(named) if named else "season ?", what]
    if signal.certainty is not None:
        parts.append(signal.certainty.label)
    if signal.event_date is not None:
        parts.append(f"date {signal.event_date.isoformat()}")
    elif signal.period is not None:
        parts.append(f"date {signal.period.isoformat()}")
    return " · ".join(parts)


@dataclass(frozen=True, slots=True)
class PreviewItem:
    article: Article
    signal: Signal
    judgement: Judgement


def preview_embed(
    *,
    url: str,
    title: str | None,
    total: int,
    items: Sequence[PreviewItem],
    mode: Mode,
    show_title: str,
    problems: Sequence[str] = (),
    notes: Sequence[str] = (),
) -> discord.Embed:
    name = safe_text(title or url, 200)
    embed = discord.Embed(
        title=truncate(f"Preview: {name}", 256),
        colour=discord.Colour.blurple(),
        description=(
            f"{plural(total, 'item')} in the feed. "
            + ("The newest three, " if total > PREVIEW_ITEMS else "Each, ")
            + "and what I'd do with it if it appeared now.\n"
            "**Nothing already in the feed will be posted**: I only post what appears from now on."
        ),
    )
    for number, item in enumerate(items, start=1):
        mark = "✅ would post" if item.judgement.posts else "⏭️ would skip"
        lines = [
            f"Published {stamp(item.article.published, 'D', missing='(no date)')}",
            f"Classified: {describe_signal(item.signal)}",
            f"Rule: `{shorten(item.signal.rule or 'none', 120)}`",
            f"**{mark}**: {item.judgement.reason}",
        ]
        embed.add_field(
            name=truncate(f"{number}. {safe_text(item.article.title or '(untitled)', 240)}", 256),
            value=truncate("\n".join(lines), 1024),
            inline=False,
        )
    if problems:
        embed.add_field(
            name="Feed problems",
            value=truncate("; ".join(safe_text(p, 300) for p in problems[:3]), 1024),
            inline=False,
        )
    if notes:
        embed.add_field(
            name="Note",
            value=truncate("; ".join(safe_text(n, 300) for n in notes[:3]), 1024),
            inline=False,
        )
    embed.set_footer(text=f"{show_title} · mode: {MODE_TEXT[mode]} (/setup mode)")
    return embed
