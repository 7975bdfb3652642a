"""What the classifier reads from the catalog: the shows' names and the milestones the packs
date. The pipeline and the ``classify`` CLI build them the same way, so they agree."""

from __future__ import annotations

import re
from datetime import date

from bot.catalog import Catalog, Show
from bot.news.classify import KnownStatus, ShowIndex, known_status_from
from bot.news.models import Milestone


def index_from_catalog(catalog: Catalog) -> ShowIndex:
    """The shows the classifier names, by title and aliases, and their people's names: the
    cast, the creator and the showrunners (about 2 KB a show of nine people: only the names
    of more than one word are kept)."""
    return ShowIndex.from_aliases(
        {show.slug: show.names for show in catalog.shows},
        {show.slug: [*_cast_names(show), *_crew_names(show)] for show in catalog.shows},
    )


def _cast_names(show: Show) -> list[str]:
    return [n for member in show.cast for n in member.names()]


# A creator's fact lists its names ("Jenny Han", "A and B", "A, B & C")
_NAMES_SEP = re.compile(r"\s*(?:[,;&]|\band\b)\s*")


def _crew_names(show: Show) -> list[str]:
    """Who made the show: "XO, Kitty and Jenny Han season 4 trailer" names no other title."""
    names = [n for n in _NAMES_SEP.split(show.creator.value) if n]
    for season in show.seasons:
        if season.showrunner is not None:
            names += [n for claim in season.showrunner.claims for n in claim.names]
    return names


def known_from_catalog(catalog: Catalog) -> KnownStatus:
    """Milestones the packs date, so the classifier can tell old news from new."""
    reached: dict[tuple[str, int | None], dict[Milestone, date]] = {}
    for show in catalog.shows:
        for season in show.seasons:
            for entry in season.timeline:
                if entry.date is not None:
                    first = reached.setdefault((show.slug, season.number), {})
                    day = entry.date.first_day
                    first[entry.milestone] = min(first.get(entry.milestone, day), day)
    return known_status_from(reached)
