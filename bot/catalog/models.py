"""Typed, frozen models of a show's data pack (msgspec Structs, validated when a pack loads).

Every fact carries ``sources``: URLs, or a short named citation for material that has no URL.
Unknown values stay ``None``; nothing here is ever filled in by guesswork.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Literal

from msgspec import Meta, Struct

from bot.catalog.convert import Hook
from bot.catalog.dates import PartialDate
from bot.news.models import Certainty, Milestone


def _check_source(value: object) -> object:
    if not isinstance(value, str):
        return value  # msgspec names the wrong type
    if value.startswith(("http://", "https://")):
        if " " in value or len(value) < 12:
            raise ValueError(f"not a usable URL: {value!r}")
    elif len(value) < 8:
        raise ValueError("a citation without a URL must name the source")
    return value


def _parse_certainty(value: object) -> object:
    if not isinstance(value, str):
        return value
    try:
        return Certainty.parse(value)
    except KeyError:
        raise ValueError(f"expected confirmed, reported or rumored, got {value!r}") from None


NonEmpty = Meta(min_length=1)
Positive = Meta(gt=0)
AtLeastOne = Meta(ge=1)
Source = Annotated[str, NonEmpty, Hook(_check_source)]
Sources = Annotated[tuple[Source, ...], NonEmpty]
Text = Annotated[str, NonEmpty]
CertaintyField = Annotated[Certainty, Hook(_parse_certainty)]
PartialDateField = Annotated[PartialDate, Hook(PartialDate.parse)]


class Model(Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Frozen and strict; the loader strips whitespace from every string first (convert.py).

    Subclasses repeat the options: msgspec applies ``kw_only`` (which lets a required field
    follow one with a default, in the packs' natural order) per class, and mypy reads
    ``frozen`` per class.
    """


class Fact(Model, frozen=True, kw_only=True):
    """One sourced statement about the series, in the pack's own words."""

    value: Text
    sources: Sources
    note: str = ""
    confidence: str = ""


class RecapPoint(Model, frozen=True, kw_only=True):
    """One plot point (a spoiler by nature); ``note`` flags attribution doubts."""

    text: Text
    sources: Sources
    note: str = ""


UNTITLED = "title not published"


class Episode(Model, frozen=True, kw_only=True):
    season: Annotated[int, AtLeastOne]
    number: Annotated[int, AtLeastOne]
    title: str | None = None
    title_sources: tuple[Source, ...] = ()
    release_date: date
    runtime_minutes: Annotated[int, Positive] | None = None
    logline: str | None = None
    recap: tuple[RecapPoint, ...] = ()
    recap_complete: bool = False
    writers: Fact | None = None
    note: str = ""
    sources: tuple[Source, ...] = ()

    def __post_init__(self) -> None:
        if self.title is not None and not self.title_sources:
            raise ValueError("an episode title needs title_sources")
        if self.logline is not None and not (self.sources or self.recap):
            raise ValueError("a logline needs sources")

    @property
    def code(self) -> str:
        """'S1E4': the canonical way the bot names an episode."""
        return f"S{self.season}E{self.number}"

    @property
    def display_title(self) -> str:
        return self.title if self.title is not None else f"Episode {self.number}"

    @property
    def heading_title(self) -> str:
        """The title as cards head the episode: "S2E3 · title not published"."""
        return self.title if self.title is not None else UNTITLED


class TimelineEntry(Model, frozen=True, kw_only=True):
    """A production milestone as one or more sources described it.

    For ``release_date_announced`` the date is the announced release date (what a delay
    changes), not the day of the announcement.
    """

    milestone: Milestone
    date: PartialDateField | None = None
    approximate: bool = False
    # The sources give the day and month only; the year is read from context.
    year_inferred: bool = False
    certainty: CertaintyField
    sources: Sources
    note: str = ""


class Claim(Model, frozen=True, kw_only=True):
    """Who a source says holds a role, as of when."""

    names: Annotated[tuple[Text, ...], NonEmpty]
    as_of: PartialDateField | None = None
    sources: Sources
    note: str = ""


class Credit(Model, frozen=True, kw_only=True):
    """A credit such as showrunner; several claims mean the sources conflict."""

    role: Text
    claims: Annotated[tuple[Claim, ...], NonEmpty]
    note: str = ""

    @property
    def is_conflict(self) -> bool:
        return len({c.names for c in self.claims}) > 1


class ViewingFigure(Model, frozen=True, kw_only=True):
    metric: Text
    summary: Text
    hours_millions: Annotated[float, Meta(ge=0)] | None = None
    views_millions: Annotated[float, Meta(ge=0)] | None = None
    rank: Annotated[int, AtLeastOne] | None = None
    countries_top10: Annotated[int, AtLeastOne] | None = None
    countries_number_one: Annotated[int, AtLeastOne] | None = None
    official: bool
    sources: Sources
    note: str = ""


class CastingCall(Model, frozen=True, kw_only=True):
    """A character from a pre-production casting call, and who it most likely became."""

    name: Text
    description: str | None = None
    likely_character: str | None = None
    likely_actor: str | None = None
    inferred: bool
    confidence: Text
    sources: Sources
    note: str = ""

    def __post_init__(self) -> None:
        if self.likely_character is not None and not self.inferred:
            raise ValueError("a match no source states outright must be marked inferred")


class SeasonState(StrEnum):
    RENEWED = "renewed"
    IN_PRODUCTION = "in_production"
    SCHEDULED = "scheduled"
    RELEASED = "released"
    CANCELLED = "cancelled"


class Season(Model, frozen=True, kw_only=True):
    number: Annotated[int, AtLeastOne]
    state: SeasonState
    state_note: str = ""
    release_date: date | None = None
    release_certainty: CertaintyField | None = None
    release_year_inferred: bool = False  # as TimelineEntry.year_inferred
    release_sources: tuple[Source, ...] = ()
    episode_count: Annotated[int, AtLeastOne] | None = None
    episode_count_sources: tuple[Source, ...] = ()
    runtime_note: str = ""
    showrunner: Credit | None = None
    episodes: tuple[Episode, ...] = ()
    episodes_note: str = ""
    recap: tuple[RecapPoint, ...] = ()
    premise: tuple[RecapPoint, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    viewing: tuple[ViewingFigure, ...] = ()
    casting_calls: tuple[CastingCall, ...] = ()
    sources: Sources

    def __post_init__(self) -> None:
        numbers = [e.number for e in self.episodes]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError(f"episodes must be numbered 1..n in order, got {numbers}")
        if any(e.season != self.number for e in self.episodes):
            raise ValueError(f"every episode must belong to season {self.number}")
        if self.episode_count is not None and len(self.episodes) > self.episode_count:
            raise ValueError("more episodes than episode_count")
        if self.release_date is not None and (
            self.release_certainty is None or not self.release_sources
        ):
            raise ValueError("a release_date needs release_certainty and release_sources")
        if self.episode_count is not None and not self.episode_count_sources:
            raise ValueError("an episode_count needs episode_count_sources")

    @classmethod
    def from_news_only(cls, number: int) -> Season:
        """A season the pack doesn't know yet (say, a fresh renewal): no facts of its own,
        so everything shown about it comes from what the news pipeline learned."""
        return cls(number=number, state=SeasonState.RENEWED, sources=())

    @property
    def is_released(self) -> bool:
        return self.state is SeasonState.RELEASED

    def episode(self, number: int) -> Episode | None:
        return self.episodes[number - 1] if 1 <= number <= len(self.episodes) else None


class Role(StrEnum):
    MAIN = "main"
    RECURRING = "recurring"
    GUEST = "guest"


class CastMember(Model, frozen=True, kw_only=True):
    actor: str | None = None
    actor_aliases: tuple[Text, ...] = ()
    character: str | None = None
    character_aliases: tuple[Text, ...] = ()
    # Names that give a twist away (a secret identity): found by lookup, shown only behind
    # spoiler bars.
    spoiler_aliases: tuple[Text, ...] = ()
    description: Text  # spoiler-free: shown openly
    spoiler: str = ""  # what the description holds back; shown only inside ||spoiler|| tags
    seasons: Annotated[tuple[int, ...], NonEmpty]
    role: Role | None = None
    role_note: str = ""
    confidence: Literal["high", "single_source", "role_unknown", "actor_unknown"]
    sources: Sources
    note: str = ""

    def __post_init__(self) -> None:
        if self.actor is None and self.character is None:
            raise ValueError("a cast entry needs an actor or a character")
        if self.actor is None and self.actor_aliases:
            raise ValueError("actor_aliases without an actor")
        if self.character is None and self.character_aliases:
            raise ValueError("character_aliases without a character")
        if self.character is None and self.spoiler_aliases:
            raise ValueError("spoiler_aliases without a character")

    @property
    def name(self) -> str:
        """The name the bot leads with: the character when known, else the actor."""
        return self.character or self.actor or ""

    @property
    def display_name(self) -> str:
        if self.character and self.actor:
            return f"{self.character} ({self.actor})"
        return self.name

    def names(self) -> tuple[str, ...]:
        """Every name this entry answers to, character names first."""
        out: list[str] = []
        if self.character:
            out += [self.character, *self.character_aliases, *self.spoiler_aliases]
        if self.actor:
            out += [self.actor, *self.actor_aliases]
        return tuple(out)


class Show(Model, frozen=True, kw_only=True):
    slug: Annotated[str, Meta(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    title: Text
    aliases: tuple[Text, ...] = ()
    title_sources: Sources
    default: bool = False
    current_to: date
    current_to_note: Text
    network: Fact
    creator: Fact
    based_on: Fact
    genre: Fact
    setting: Fact
    languages: Fact
    logline: Fact
    typical_runtime_minutes: Annotated[int, Positive] | None = None
    typical_runtime: Fact | None = None
    executive_producers: Fact
    production_companies: Fact
    rating: Fact | None = None
    reception: Fact | None = None
    filming_locations: tuple[Fact, ...] = ()
    seasons: Annotated[tuple[Season, ...], NonEmpty]
    cast: tuple[CastMember, ...] = ()

    def __post_init__(self) -> None:
        numbers = [s.number for s in self.seasons]
        if numbers != sorted(set(numbers)):
            raise ValueError(f"seasons must be unique and in order, got {numbers}")
        known = set(numbers)
        for member in self.cast:
            if not set(member.seasons) <= known:
                raise ValueError(f"{member.name}: seasons {member.seasons} not all in the pack")
        if self.typical_runtime_minutes is not None and self.typical_runtime is None:
            raise ValueError("typical_runtime_minutes needs a sourced typical_runtime")

    @property
    def names(self) -> tuple[str, ...]:
        return (self.title, *self.aliases)

    def season(self, number: int) -> Season | None:
        return next((s for s in self.seasons if s.number == number), None)

    @property
    def latest_season(self) -> Season:
        return self.seasons[-1]

    def episodes(self) -> tuple[Episode, ...]:
        return tuple(e for s in self.seasons for e in s.episodes)
