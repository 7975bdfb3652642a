"""Dates known to a day, a month or only a year.

Sources often say "July 2025" or "2021" and nothing finer; storing those as the first of the
month would invent a precision the sources never gave, so the precision travels with the value.
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Literal
from zoneinfo import ZoneInfo

# Netflix's own shows come out at midnight US Pacific (the packs' "3 a.m. Eastern").
PACIFIC = ZoneInfo("America/Los_Angeles")


def release_start(day: date) -> datetime:
    """Midnight US Pacific on ``day``, in UTC: 07:00 in daylight time, 08:00 otherwise."""
    return datetime.combine(day, time(), PACIFIC).astimezone(UTC)


Precision = Literal["day", "month", "year"]

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


_RANK = {"year": 0, "month": 1, "day": 2}


@functools.total_ordering
@dataclass(frozen=True, slots=True)
class PartialDate:
    """A calendar date whose month and day may be unknown.

    Ordered by earliest possible day, then coarser before finer ("2025" < "2025-01").
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        date(self.year, self.month or 1, self.day or 1)  # raises ValueError when impossible

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        """Accept a ``date``, a ``PartialDate`` or an ISO string: YYYY, YYYY-MM or YYYY-MM-DD."""
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, str):
            match = _ISO.match(value.strip())
            if match:
                year, month, day = match.groups()
                return cls(int(year), _opt_int(month), _opt_int(day))
        raise ValueError(f"expected YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")

    def _key(self) -> tuple[date, int]:
        return self.first_day, _RANK[self.precision]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> date:
        if self.day is not None:
            return self.first_day
        month = self.month or 12
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    @property
    def exact(self) -> date | None:
        """The date when known to the day, else None."""
        return self.first_day if self.day is not None else None

    def contains(self, day: date) -> bool:
        return self.first_day <= day <= self.last_day

    def holds(self, other: PartialDate) -> bool:
        """Does every day of ``other`` lie within this date (April 17 in April 2027)?"""
        return self.first_day <= other.first_day and other.last_day <= self.last_day

    def isoformat(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def human(self) -> str:
        """'April 2, 2026', 'July 2025' or '2021'."""
        if self.month is None:
            return str(self.year)
        month = calendar.month_name[self.month]
        if self.day is None:
            return f"{month} {self.year}"
        return f"{month} {self.day}, {self.year}"

    def __str__(self) -> str:
        return self.isoformat()


def _opt_int(text: str | None) -> int | None:
    return int(text) if text is not None else None
