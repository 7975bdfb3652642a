"""What /progress says, and what /recap says before showing plot past a fan's progress."""

from __future__ import annotations

from datetime import datetime

from bot.catalog.models import Show
from bot.domain.progress import Spot
from bot.render.episodes import episode_heading
from bot.render.text import timestamp

_GATES = "/recap asks before showing anything past it"
_FORGET = "/progress clear forgets it"


def spot_heading(show: Show, spot: Spot) -> str:
    """'S1E4 · TGIF', or the bare code for an untitled episode (or one the show's data no
    longer lists)."""
    season = show.season(spot.season)
    episode = season.episode(spot.episode) if season is not None else None
    return spot.code if episode is None or episode.title is None else episode_heading(episode)


def progress_saved(show: Show, spot: Spot) -> str:
    return f"Saved: you're at **{spot_heading(show, spot)}** in {show.title}. {_GATES}; {_FORGET}."


def progress_view(show: Show, spot: Spot | None, updated_at: datetime | None) -> str:
    if spot is None:
        return (
            f"You have no watch progress saved for {show.title}. Set it with "
            f"`/progress set episode:S1E4` (or a title), and {_GATES}."
        )
    since = f" (saved {timestamp(updated_at, 'R')})" if updated_at is not None else ""
    return f"You're at **{spot_heading(show, spot)}** in {show.title}{since}. {_GATES}; {_FORGET}."


def progress_cleared(forgotten: int) -> str:
    if not forgotten:
        return "I kept no watch progress for you: nothing to forget."
    return "Forgotten: I keep no watch progress for you now, and /recap shows everything again."


def recap_gate(reach: Spot, progress: Spot, season: int | None = None) -> str:
    """The question asked instead of a recap that goes past where the fan is: ``season``'s
    (or one of its episodes')."""
    if season is not None and reach.season < season:
        # A premise: "goes up to S2E8" read as if season 3's recap were season 2's.
        what = f"Season {season}'s premise builds on how season {reach.season} ends, "
        what += f"**{reach.code}**" if reach.episode else f"season {reach.season}"
    else:
        upto = reach.code if reach.episode else f"season {reach.season}"  # no episodes yet
        what = f"This recap goes up to **{upto}**"
    return (
        f"⚠️ {what}, past where you are (**{progress.code}**). Show it anyway?\n"
        "-# /progress set moves where you are; /progress clear forgets it."
    )


def recap_gate_expired() -> str:
    return "Not shown: the button timed out. Run /recap again to see it."


def recap_gate_lost() -> str:
    return (
        "Nothing to show: this button was already used, or the bot restarted since. "
        "Run /recap again."
    )
