"""Value types shared by every step of the news pipeline.

All of them are frozen: the pure steps (parse, dedupe, classify, track) take and
return these and never touch I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import IntEnum, StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # (bot.catalog imports this module)
    from bot.catalog.dates import PartialDate


class Milestone(StrEnum):
    """A step in a season's life, in ladder order (cancelled/delayed stand apart)."""

    RENEWED = "renewed"
    WRITING = "writing"
    CASTING = "casting"
    FILMING_STARTED = "filming_started"
    FILMING_WRAPPED = "filming_wrapped"
    POST_PRODUCTION = "post_production"
    TRAILER = "trailer"
    RELEASE_DATE_ANNOUNCED = "release_date_announced"
    RELEASED = "released"
    CANCELLED = "cancelled"
    DELAYED = "delayed"


class Certainty(IntEnum):
    """How sure a claim is; ordered so that a higher value is a stronger claim."""

    RUMORED = 1
    REPORTED = 2
    CONFIRMED = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Certainty:
        return cls[text.strip().upper()]


@dataclass(frozen=True, slots=True)
class Article:
    """One feed entry, normalised.

    ``key`` is stable per feed (guid, else link, else a hash of title and date);
    ``published`` is timezone-aware UTC or None when the feed gave no usable date.
    """

    feed: str
    key: str
    url: str
    title: str
    published: datetime | None
    summary: str


@dataclass(frozen=True, slots=True)
class Signal:
    """What the classifier read in one article, and the rule that decided it."""

    show: str | None
    season: int | None
    milestone: Milestone | None
    certainty: Certainty | None
    event_date: date | None
    rule: str
    # A denial of this milestone's rumour or report (``milestone`` is then None: nothing
    # happened); ``certainty`` is the denial's.
    denies: Milestone | None = None
    # Further seasons the same words tell it of ("renews it for seasons 4 and 5": (5,)).
    also: tuple[int, ...] = ()
    # A cancellation that names the show's last season ("will end with season 4", "cancelled
    # after season 3"): that season still comes or came; the one after it will not.
    final: bool = False
    # A delay's day it moved the premiere away from ("premiere on June 5 postponed",
    # "delayed from June 5 to July 10"): the day that no longer holds.
    moved_from: date | None = None
    # The month or year a delay moved the premiere to when it names no day ("delayed to
    # June 2027", "pushed to 2027"); ``event_date`` is then None.
    period: PartialDate | None = None

    @property
    def is_news(self) -> bool:
        return self.milestone is not None

    @property
    def about(self) -> Milestone | None:
        """The milestone the article tells of: reached, or denied."""
        return self.milestone or self.denies
