"""Recap cards. Every plot point sits inside ||spoiler|| bars; the warning sits outside them."""

from __future__ import annotations

from collections.abc import Sequence

import discord

from bot.catalog.models import Episode, RecapPoint, Season, Show
from bot.render.episodes import episode_heading
from bot.render.limits import DESCRIPTION, FIELD_VALUE, TOTAL, clamp_embed, embed_size
from bot.render.text import BRAND, sources_line, spoiler, timestamp

_TAP = "Tap a blurred line to reveal it."


def _point(point: RecapPoint, *, with_sources: bool) -> str:
    note = f" *({point.note})*" if point.note else ""
    line = f"• {spoiler(point.text + note)}"
    return f"{line} ({sources_line(point.sources, limit=2)})" if with_sources else line


def _bullets(points: Sequence[RecapPoint], limit: int, *, with_sources: bool) -> str:
    """Whole points only, so a spoiler is never cut in half; ends in "…" when some are left."""
    lines: list[str] = []
    used = 0
    for point in points:
        line = _point(point, with_sources=with_sources)
        if used + len(line) + 2 > limit:
            lines.append("…")
            break
        lines.append(line)
        used += len(line) + 1
    return "\n".join(lines)


def _warning(scope: str) -> str:
    return f"⚠️ **Spoilers** for {scope} below. {_TAP}"


def _all_sources(points: Sequence[RecapPoint]) -> list[str]:
    return list(dict.fromkeys(url for p in points for url in p.sources))


def episode_recap_embed(
    show: Show, season: Season, episode: Episode, *, seen: int | None = None
) -> discord.Embed:
    """One episode's recap, or the season's when the episode has none (and it says so); for
    a fan who has seen ``season`` up to episode ``seen``, only the episodes up to there."""
    if not episode.recap and seen is not None:
        rest = f"/recap season:{season.number} has the rest of the season (it asks first)."
        return season_recap_embed(
            show,
            season,
            preface=f"No recap of {episode.code} in our sources yet; here is season "
            f"{season.number} up to S{season.number}E{seen}, where you are. {rest}",
            upto=seen,
        )
    if not episode.recap:
        return season_recap_embed(
            show,
            season,
            preface=f"No recap of {episode.code} in our sources yet; here is season "
            f"{season.number} as a whole instead.",
        )
    scope = f"season {episode.season}, episode {episode.number}"
    warning = _warning(scope)
    body = _bullets(episode.recap, DESCRIPTION - len(warning) - 2, with_sources=True)
    embed = discord.Embed(
        title=f"Recap · {episode_heading(episode)}",
        description=f"{warning}\n\n{body}",
        colour=BRAND,
    )
    complete = "" if episode.recap_complete else " · partial: sources cover only part of it"
    embed.set_footer(text=f"{show.title}{complete}")
    return clamp_embed(embed)


def season_recap_embed(
    show: Show, season: Season, *, preface: str = "", upto: int | None = None
) -> discord.Embed:
    """Season-level points, then each episode's, one field per episode, within the limits;
    ``upto``: the episodes up to that one only, and no season-level point (one may tell of
    any episode)."""
    episodes = [e for e in season.episodes if e.recap and (upto is None or e.number <= upto)]
    season_points = season.recap or (() if episodes else season.premise)
    if upto is not None:
        season_points = ()
    lead = [preface] if preface else []
    if upto is None and not season.recap and not episodes and season.premise:
        lead.append(
            f"Season {season.number} hasn't come out as far as our sources go (current to "
            f"{timestamp(show.current_to, 'D')}). This is what was announced about it."
        )
    lead.append(_warning(f"season {season.number}"))
    head = "\n\n".join(lead)
    embed = discord.Embed(title=f"Recap · {show.title} season {season.number}", colour=BRAND)
    if season_points:
        body = _bullets(season_points, DESCRIPTION - len(head) - 2, with_sources=True)
        embed.description = f"{head}\n\n{body}"
    elif not episodes:
        where = f"of episodes 1–{upto}" if upto is not None else f"of season {season.number}"
        embed.description = f"{preface}\n\nNo recap {where} in our sources yet."
        embed.description = embed.description.strip()
    else:
        embed.description = head
    _add_episode_fields(embed, season.number, episodes)
    if episodes:
        embed.add_field(
            name="Sources",
            value=sources_line(_all_sources([p for e in episodes for p in e.recap]), limit=4)
            + "\nPer-point sources: /recap with an episode",
            inline=False,
        )
    embed.set_footer(text=f"{show.title} · season {season.number}")
    return clamp_embed(embed)


def _add_episode_fields(embed: discord.Embed, season: int, episodes: Sequence[Episode]) -> None:
    """One field per episode. Over the 6000 total, each episode keeps fewer whole points
    rather than the last episodes being dropped (the finale matters most)."""
    budget = TOTAL - 400  # room for the sources field and the footer
    base = embed_size(embed.to_dict())  # type: ignore[arg-type]
    for keep in (None, 4, 3, 2, 1):
        fields = []
        for episode in episodes:
            more = f"*(more: /recap season:{season} episode:{episode.number})*"
            points = episode.recap if keep is None else episode.recap[:keep]
            value = _bullets(points, FIELD_VALUE - len(more) - 1, with_sources=False)
            if len(points) < len(episode.recap) or value.endswith("…"):
                value = f"{value.removesuffix('…').rstrip()}\n{more}"
            fields.append((episode_heading(episode), value))
        if base + sum(len(n) + len(v) for n, v in fields) <= budget:
            break
    for name, value in fields:
        embed.add_field(name=name, value=value, inline=False)
