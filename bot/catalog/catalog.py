"""The loaded catalog: every show pack plus its precomputed lookup index."""

from __future__ import annotations

from collections.abc import Iterable

from bot.catalog.lookup import ShowIndex, show_key
from bot.catalog.models import CastMember, Episode, Show


class Catalog:
    """Immutable after construction; share one instance across the bot."""

    def __init__(self, shows: Iterable[Show]) -> None:
        self.shows: tuple[Show, ...] = tuple(sorted(shows, key=lambda s: s.slug))
        if not self.shows:
            raise ValueError("a catalog needs at least one show")
        self._by_slug = {s.slug: s for s in self.shows}
        if len(self._by_slug) != len(self.shows):
            raise ValueError("two packs share a slug")
        self._by_name: dict[str, Show] = {}
        for show in self.shows:
            for name in (show.slug, *show.names):
                self._by_name.setdefault(show_key(name), show)
        self._indexes = {s.slug: ShowIndex(s) for s in self.shows}
        flagged = [s for s in self.shows if s.default]
        self.default_show: Show = flagged[0] if flagged else self.shows[0]

    def get(self, slug: str) -> Show | None:
        return self._by_slug.get(slug)

    def followed(self, slug: str | None) -> Show:
        """The show a server follows: its ``/setup show``, else (none chosen, or its pack
        since taken out) the default one."""
        return (self.get(slug) if slug else None) or self.default_show

    def find_show(self, name: str) -> Show | None:
        """By slug, title or any alias, ignoring case, accents and punctuation."""
        return self._by_name.get(show_key(name))

    def index(self, show: Show | str) -> ShowIndex:
        return self._indexes[show if isinstance(show, str) else show.slug]

    # Shortcuts so callers need not fetch the index themselves.

    def search_cast(
        self, show: Show | str, query: str, limit: int = 25, *, season: int | None = None
    ) -> list[tuple[float, CastMember]]:
        return self.index(show).search_cast(query, limit, season=season)

    def find_cast(self, show: Show | str, query: str) -> list[CastMember]:
        return self.index(show).find_cast(query)

    def namesakes(self, show: Show | str, query: str, season: int) -> list[CastMember]:
        return self.index(show).namesakes(query, season)

    def find_episode(
        self, show: Show | str, text: str, season: int | None = None
    ) -> Episode | None:
        return self.index(show).find_episode(text, season)

    def search_episodes(
        self, show: Show | str, text: str, *, season: int | None = None, limit: int = 25
    ) -> list[tuple[float, Episode]]:
        return self.index(show).search_episodes(text, season=season, limit=limit)

    def suggest(self, show: Show | str, query: str, limit: int = 3) -> list[str]:
        """'Did you mean' names for a cast query that matched nothing."""
        return self.index(show).suggest_cast(query, limit)
