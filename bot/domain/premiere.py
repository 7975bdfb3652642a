"""The Discord scheduled event a season's premiere should have, if any (pure).

A premiere gets an event once ``/status`` knows the day it is set for: a release date known to
the day, or the day a delay since moved it to, for a season neither cancelled nor out. A
month or a year ("about April 2026") is no day to put in a calendar, and a delay that names
no day leaves none.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from bot.catalog.dates import release_start
from bot.domain.status import SeasonStatus, Step, StepSource, move_made_surer, moved_to
from bot.news.models import Milestone
from bot.render.text import date_label, domain, safe_text, truncate

LOCATION = "Netflix"
LASTS = timedelta(hours=1)
# Discord refuses an event that starts in the past: one this close could have begun by the
# time the request lands, and fans would hear of it too late anyway.
LEAD = timedelta(minutes=10)
# Discord's limits: a name of 1-100 characters, a description of up to 1000.
NAME_MAX, DESCRIPTION_MAX = 100, 1000
SOURCES_NAMED = 2
# Discord's values for an event held outside Discord, seen by the server's members only.
EXTERNAL, GUILD_ONLY = 3, 2


def event_name(show_title: str, season: int) -> str:
    """The event's name, which is also how the bot finds its own event after a crash."""
    tail = f" season {season} premiere"
    return show_title[: NAME_MAX - len(tail)] + tail


@dataclass(frozen=True, slots=True)
class WantedEvent:
    season: int
    name: str
    description: str
    start: datetime
    end: datetime

    def payload(self) -> dict[str, Any]:
        """The body Discord takes to create the event, or to edit it to this."""
        return {
            "name": self.name,
            "description": self.description,
            "privacy_level": GUILD_ONLY,
            "entity_type": EXTERNAL,
            "entity_metadata": {"location": LOCATION},
            "scheduled_start_time": self.start.isoformat(),
            "scheduled_end_time": self.end.isoformat(),
        }

    @property
    def digest(self) -> str:
        """A short fingerprint of the payload: the event is edited only when it changes."""
        body = json.dumps(self.payload(), sort_keys=True).encode()
        return hashlib.sha256(body).hexdigest()[:16]


def premiere_step(status: SeasonStatus) -> Step | None:
    """The step whose day the premiere is set for, or None (no such day): the release date,
    or, once a delay overtook it, the day the latest delay moved it to."""
    if status.is_cancelled or status.step(Milestone.RELEASED) is not None:
        return None
    step = status.step(Milestone.RELEASE_DATE_ANNOUNCED)
    if step is None or step.date is None or step.date_overtaken:
        # a delay since, or one to a day where none was given ("delayed to August 14")
        step = moved_to(status)
    if step is None or step.date is None or step.date.exact is None or step.approximate:
        return None
    return step


def wanted_event(show_title: str, status: SeasonStatus, now: datetime) -> WantedEvent | None:
    """The event the season's premiere should have at ``now``; None for none (no day known,
    cancelled, out, or the premiere has begun or is too close to announce)."""
    step = premiere_step(status)
    if step is None or step.date is None or step.date.exact is None:
        return None
    start = release_start(step.date.exact)
    if start - now < LEAD:
        return None
    return WantedEvent(
        season=status.season,
        name=event_name(show_title, status.season),
        description=_description(show_title, status.season, step, move_made_surer(status)),
        start=start,
        end=start + LASTS,
    )


def _description(show_title: str, season: int, step: Step, surer: StepSource | None) -> str:
    """``surer``: the delay's time told more surely since ("Netflix confirms August")."""
    sure = date_label(step.date_sureness, year_inferred=step.year_inferred)
    # The date's own sources, by site name only: a headline could give a plot twist away.
    hosts = dict.fromkeys(
        _site(s.url) for s in step.sources if s.date == step.date and urlsplit(s.url).hostname
    )
    named = ", ".join(list(hosts)[:SOURCES_NAMED])
    lines = [
        f"Season {season} of {show_title} premieres on {LOCATION} at midnight US Pacific, "
        "when Netflix releases its shows.",
        f"Date: {sure}" + (f", per {named}" if named else "") + _surer_text(surer) + ".",
        "This event follows the news: it moves if the date does, and goes if it is withdrawn.",
    ]
    return truncate("\n".join(lines), DESCRIPTION_MAX)


def _surer_text(source: StepSource | None) -> str:
    """ "; August 2027 confirmed, per netflix.com": the day is reported, its month surer."""
    if source is None or source.date is None:
        return ""
    per = f", per {_site(source.url)}" if urlsplit(source.url).hostname else ""
    return f"; {source.date.human()} {source.certainty.label}{per}"


def _site(url: str) -> str:
    """A source's site name, safe to show: its host, not its headline."""
    return truncate(safe_text(domain(url), one_line=True), 60)
