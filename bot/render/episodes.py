"""Episode cards: one episode (spoiler-free), or what came out last and what comes next."""

from __future__ import annotations

from datetime import datetime

import discord

from bot.catalog.dates import PartialDate
from bot.catalog.models import Episode, Fact, Season, SeasonState, Show
from bot.domain.status import SeasonStatus, moved_day, moved_period
from bot.news.models import Milestone
from bot.render.limits import clamp_embed
from bot.render.status import made_surer_text, now_set_for
from bot.render.text import (
    BRAND,
    date_label,
    plural,
    release_ahead,
    release_countdown,
    release_day,
    sources_line,
    timestamp,
    when_text,
)


def episode_heading(episode: Episode) -> str:
    return f"{episode.code} · {episode.heading_title}"


def fact_text(fact: Fact) -> str:
    """A credit with its source and any doubt the pack records about it, not as bare fact."""
    text = f"{fact.value} ({sources_line(fact.sources, limit=2)})"
    return f"{text}\n*{fact.note}*" if fact.note else text


def runtime_text(show: Show, episode: Episode) -> str:
    if episode.runtime_minutes is not None:
        return f"{episode.runtime_minutes} min"
    if show.typical_runtime_minutes is not None:
        return f"not listed (episodes run about {show.typical_runtime_minutes} min)"
    return "not listed"


def episode_embed(show: Show, episode: Episode, now: datetime) -> discord.Embed:
    """Title, release date, runtime and a spoiler-free logline."""
    logline = episode.logline or "No spoiler-free summary of this episode in our sources yet."
    embed = discord.Embed(title=episode_heading(episode), description=logline, colour=BRAND)
    released = when_text(PartialDate.parse(episode.release_date), now=now, release=True)
    embed.add_field(name="Released", value=released, inline=True)
    embed.add_field(name="Runtime", value=runtime_text(show, episode), inline=True)
    if episode.writers is not None:
        embed.add_field(name="Written by", value=fact_text(episode.writers), inline=True)
    if episode.note:  # the pack's doubts about this episode's facts (a title one guide gives)
        embed.add_field(name="Note", value=episode.note, inline=False)
    sources = (*episode.title_sources, *episode.sources)
    if sources:
        embed.add_field(name="Sources", value=sources_line(sources), inline=False)
    spoilers = f"/recap season:{episode.season} episode:{episode.number} for the plot (spoilers)"
    embed.set_footer(text=f"{show.title} · {spoilers}")
    return clamp_embed(embed)


def latest_released(show: Show, now: datetime) -> tuple[Season, list[Episode]] | None:
    """The newest released season and its episodes out by ``now`` (drops can be whole seasons)."""
    today = now.date()
    for season in reversed(show.seasons):
        out = [e for e in season.episodes if e.release_date <= today]
        if season.is_released and out:
            return season, out
    return None


def next_upcoming(show: Show) -> Season | None:
    """The first season not yet known to be released (cancelled ones excluded)."""
    return next(
        (s for s in show.seasons if s.state not in (SeasonState.RELEASED, SeasonState.CANCELLED)),
        None,
    )


def _latest_text(season: Season, episodes: list[Episode]) -> str:
    last = episodes[-1]
    same_day = all(e.release_date == last.release_date for e in episodes)
    if same_day and len(episodes) > 1:
        head = f"Season {season.number}: all {plural(len(episodes), 'episode')} at once"
    else:
        head = episode_heading(last)
    released = release_day(last.release_date)
    return f"{head}, released {released}\nLast episode: {episode_heading(last)}"


def _upcoming_text(show: Show, season: Season, now: datetime, status: SeasonStatus | None) -> str:
    count = f", {plural(season.episode_count, 'episode')}" if season.episode_count else ""
    released = status.step(Milestone.RELEASED) if status is not None else None
    if released is not None:
        when = when_text(
            released.date,
            approximate=released.approximate,
            now=now,
            year_inferred=released.year_inferred,
            release=True,
        )
        return (
            f"Season {season.number}: released {when}{count}, per the news "
            f"({released.certainty.label}); episode details aren't in our data yet."
        )
    day, certainty = season.release_date, season.release_certainty
    inferred = season.release_year_inferred
    dated = status.step(Milestone.RELEASE_DATE_ANNOUNCED) if status is not None else None
    if dated is not None and dated.date is not None and dated.date.exact is not None:
        # A later date (a delay) wins, with the certainty of the claim that gave it.
        day, certainty = dated.date.exact, dated.date_sureness
        inferred = dated.year_inferred
    if day is None and status is not None and (period := moved_period(status)) is not None:
        assert status.delayed is not None
        sure = status.delayed.certainty.label + made_surer_text(status)
        return f"Season {season.number}: expected in {period.human()}{count}, delay {sure}"
    if day is None and status is not None and (moved := moved_day(status)) is not None:
        # a delay to a day, with no day given before it: the day fans wait for
        assert status.delayed is not None
        sure = status.delayed.certainty.label + made_surer_text(status)
        ahead = f" ({release_countdown(moved)})" if release_ahead(moved, now) else ""
        return f"Season {season.number}: {release_day(moved)}{ahead}{count}, delay {sure}"
    if day is None:
        return f"Season {season.number}: no release date yet{count}."
    label = date_label(certainty, year_inferred=inferred)
    when = release_day(day)
    # No countdown to a date a later delay may have moved.
    delay = status.delayed if status is not None else None
    if status is not None and dated is not None and dated.date_overtaken and delay is not None:
        delayed = delay.certainty.label
        return (
            f"Season {season.number}: was set for {when}{count} ({label}), delay {delayed}"
            + now_set_for(status, now, lead=", ")
        )
    if release_ahead(day, now):
        return f"Season {season.number}: {when} ({release_countdown(day)}){count} · {label}"
    if day == now.date():
        return f"Season {season.number}: {when}{count} · {label}"
    return (
        f"Season {season.number} was scheduled for {when}{count} ({label}), but no source "
        f"in our data confirms it came out. Data current to {timestamp(show.current_to, 'D')}."
    )


def episode_overview_embed(
    show: Show, now: datetime, upcoming_status: SeasonStatus | None = None
) -> discord.Embed:
    """The latest released episode(s) and the next thing coming.

    ``upcoming_status`` (the next season's merged status) lets news that arrived after the
    pack was written, such as a confirmed release, take precedence over the pack's schedule.
    """
    embed = discord.Embed(title=f"{show.title}: episodes", colour=BRAND)
    latest = latest_released(show, now)
    embed.add_field(
        name="Latest release",
        value=_latest_text(*latest) if latest else "Nothing released yet.",
        inline=False,
    )
    upcoming = next_upcoming(show)
    embed.add_field(
        name="Next up",
        value=_upcoming_text(show, upcoming, now, upcoming_status)
        if upcoming
        else "Nothing announced yet.",
        inline=False,
    )
    if upcoming is not None and upcoming.release_sources:
        embed.add_field(name="Sources", value=sources_line(upcoming.release_sources), inline=False)
    embed.set_footer(text="/episode season:1 episode:S1E4 for one episode")
    return clamp_embed(embed)


def season_episodes_embed(
    show: Show, season: Season, now: datetime, status: SeasonStatus | None = None
) -> discord.Embed:
    """One season's episode list, or, when no episode is known yet, where its release stands
    (``status``: the pack and the news merged, as for /episode's "Next up")."""
    embed = discord.Embed(title=f"{show.title}: season {season.number} episodes", colour=BRAND)
    lines = [
        f"**{e.code}** · {e.heading_title} · {release_day(e.release_date)}" for e in season.episodes
    ]
    if lines:
        embed.description = "\n".join(lines)
    else:
        # How sure the date is, and whether the news moved it or saw it come out.
        stands = _upcoming_text(show, season, now, status)
        embed.description = f"{stands}\nNo episode titles are published in our sources yet."
        if season.release_sources:
            embed.add_field(
                name="Sources", value=sources_line(season.release_sources), inline=False
            )
    if season.episodes_note:
        embed.add_field(name="Note", value=season.episodes_note, inline=False)
    if season.episodes:
        embed.set_footer(text=f"/episode episode:S{season.number}E1 for one episode")
    elif season.premise:  # "S3E1" would only say its episodes aren't in our data
        embed.set_footer(text=f"/recap season:{season.number}: what was announced (spoilers)")
    return clamp_embed(embed)
