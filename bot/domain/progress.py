"""A fan's watch progress, and whether a recap would tell them more than they have seen.

Pure: the cogs read the fan's spot from the store and ask ``past_progress``.
"""

from __future__ import annotations

from typing import NamedTuple

from bot.catalog.models import Episode, Season, Show


class Spot(NamedTuple):
    """An episode, ordered through the show: S1E10 comes before S2E1."""

    season: int
    episode: int

    @property
    def code(self) -> str:
        return f"S{self.season}E{self.episode}"

    @classmethod
    def of(cls, episode: Episode) -> Spot:
        return cls(episode.season, episode.number)


def recap_reach(show: Show, season: Season, episode: Episode | None = None) -> Spot:
    """The furthest episode the recap of ``episode`` (or of ``season``) may tell of.

    An episode without a recap gets its season's (bot/render/recap.py), which tells of the
    season's last episode; a season with no episodes listed yet is only its premise, which
    may build on how the season before it ended.
    """
    if episode is not None and episode.recap:
        return Spot.of(episode)
    if season.episodes:
        return Spot.of(season.episodes[-1])
    before = [e for s in show.seasons if s.number < season.number for e in s.episodes]
    return Spot.of(before[-1]) if before else Spot(season.number, 0)


def past_progress(progress: Spot | None, reach: Spot) -> bool:
    """True when a recap reaching ``reach`` tells of episodes the fan has not seen; a fan
    who set no progress sees every recap, as before."""
    return progress is not None and reach > progress


def seen_of_season(season: Season, episode: Episode | None, progress: Spot | None) -> int | None:
    """The last episode of ``season`` a fan has seen, when they ask for ``episode``, seen but
    with no recap of its own, and have not seen the whole season: its season's recap, shown
    instead, would tell of episodes past them (a fan at S1E6 asking for S1E6 was asked
    whether to see all of season 1). None when the season's recap stands as it is."""
    if episode is None or episode.recap or progress is None or not season.episodes:
        return None
    if progress.season != season.number or progress.episode < episode.number:
        return None  # an episode they have not seen: the question is right
    return progress.episode if progress.episode < season.episodes[-1].number else None
