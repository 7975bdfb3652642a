"""What the classifier reads from the catalog: the shows' names and the milestones the packs
date. The pipeline and the ``classify`` CLI build them the same way, so they agree."""

from __future__ import annotations

from datetime import date

from bot.catalog import Catalog
from bot.news.classify import KnownStatus, ShowIndex, known_status_from
from bot.news.models import Milestone


def index_from_catalog(catalog: Catalog) -> ShowIndex:
    """The shows the classifier names, by title and aliases, and their cast's names (about
    2 KB a show of nine people: only the names of more than one word are kept)."""
    return ShowIndex.from_aliases(
        {show.slug: show.names for show in catalog.shows},
        {show.slug: [n for member in show.cast for n in member.names()] for show in catalog.shows},
    )


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
