"""The scheduled event a premiere should have: which days make one, when it starts, what it says."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from bot.catalog import PartialDate, Season, Show, load_show
from bot.catalog.dates import release_start
from bot.domain.premiere import (
    DESCRIPTION_MAX,
    EXTERNAL,
    GUILD_ONLY,
    NAME_MAX,
    WantedEvent,
    event_name,
    wanted_event,
)
from bot.domain.status import LearnedEvent, season_status
from bot.news.models import Certainty, Milestone
from tests.conftest import REPO

C, R, RU = Certainty.CONFIRMED, Certainty.REPORTED, Certainty.RUMORED
BEFORE = datetime(2026, 3, 1, tzinfo=UTC)  # a month before the pack's season 3 date


@pytest.fixture(scope="module")
def show() -> Show:
    return load_show(REPO / "data" / "shows" / "xo-kitty.toml")


def told(
    milestone: Milestone,
    certainty: Certainty,
    when: date | None = None,
    *,
    day: int = 1,
    url: str = "https://www.variety.com/a",
    denied: bool = False,
) -> LearnedEvent:
    seen = datetime(2026, 6, day, tzinfo=UTC)
    return LearnedEvent(milestone, certainty, when, url, "A headline", seen, denied)


def want(
    show: Show, number: int, learned: list[LearnedEvent], now: datetime = BEFORE
) -> WantedEvent | None:
    season = show.season(number) or Season.from_news_only(number)
    return wanted_event(show.title, season_status(season, learned), now)


@pytest.mark.parametrize(
    ("day", "utc_hour"),
    [
        (date(2026, 1, 16), 8),  # winter: PST
        (date(2026, 4, 2), 7),  # PDT
        (date(2026, 3, 8), 8),  # DST begins at 2 a.m.: midnight is still PST
        (date(2026, 3, 9), 7),
        (date(2026, 11, 1), 7),  # DST ends at 2 a.m.: midnight is still PDT
        (date(2026, 11, 2), 8),
    ],
)
def test_a_premiere_starts_at_midnight_pacific(day: date, utc_hour: int) -> None:
    assert release_start(day) == datetime(day.year, day.month, day.day, utc_hour, tzinfo=UTC)


def test_the_packs_dated_premiere_makes_an_external_event(show: Show) -> None:
    event = want(show, 3, [])
    assert event is not None
    assert event.name == "XO, Kitty season 3 premiere"
    assert event.start == datetime(2026, 4, 2, 7, tzinfo=UTC)
    assert event.end == event.start + timedelta(hours=1)
    payload = event.payload()
    assert payload["entity_type"] == EXTERNAL and payload["privacy_level"] == GUILD_ONLY
    assert payload["entity_metadata"] == {"location": "Netflix"}
    assert payload["scheduled_start_time"] == "2026-04-02T07:00:00+00:00"
    # Where the date comes from and how sure it is; sites only, never a headline.
    assert "reported, year inferred" in event.description
    assert "gulfnews.com" in event.description
    assert "A headline" not in event.description
    assert len(event.description) <= DESCRIPTION_MAX


def test_a_learned_date_makes_one_and_a_newer_date_moves_it(show: Show) -> None:
    renewed = told(Milestone.RENEWED, C)
    dated = told(Milestone.RELEASE_DATE_ANNOUNCED, C, date(2027, 1, 14), day=2)
    event = want(show, 4, [renewed, dated])
    assert event is not None and event.start == datetime(2027, 1, 14, 8, tzinfo=UTC)
    assert "confirmed, per variety.com" in event.description
    moved = told(Milestone.DELAYED, C, date(2027, 2, 11), day=3)
    later = want(show, 4, [renewed, dated, moved])
    assert later is not None and later.start == datetime(2027, 2, 11, 8, tzinfo=UTC)
    assert later.digest != event.digest
    assert want(show, 4, [renewed, dated]) == event  # the same news, the same event


def test_no_day_no_event(show: Show) -> None:
    renewed = told(Milestone.RENEWED, C)
    assert want(show, 4, [renewed]) is None
    month = told(Milestone.RELEASE_DATE_ANNOUNCED, R, date(2027, 4, 1))
    month_only = LearnedEvent(
        month.milestone, R, None, month.source_url, "", month.seen_at
    )  # a date the classifier could not pin: no event
    assert want(show, 4, [renewed, month_only]) is None


def test_a_month_from_the_pack_makes_no_event(show: Show) -> None:
    import msgspec

    season = show.season(3)
    assert season is not None
    timeline = tuple(
        msgspec.structs.replace(e, date=PartialDate(2026, 4))
        if e.milestone is Milestone.RELEASE_DATE_ANNOUNCED
        else e
        for e in season.timeline
    )
    vague = msgspec.structs.replace(season, timeline=timeline)
    assert wanted_event(show.title, season_status(vague, []), BEFORE) is None


def test_cancelled_delayed_without_a_date_denied_or_out_means_no_event(show: Show) -> None:
    renewed = told(Milestone.RENEWED, R)
    dated = told(Milestone.RELEASE_DATE_ANNOUNCED, R, date(2027, 1, 14), day=2)
    assert want(show, 4, [renewed, dated]) is not None
    assert want(show, 4, [renewed, dated, told(Milestone.CANCELLED, C, day=3)]) is None
    # A delay with no new day: the old one no longer holds.
    assert want(show, 4, [renewed, dated, told(Milestone.DELAYED, R, day=3)]) is None
    denial = told(Milestone.RELEASE_DATE_ANNOUNCED, R, day=3, denied=True)
    assert want(show, 4, [renewed, dated, denial]) is None
    assert want(show, 4, [renewed, dated, told(Milestone.RELEASED, R, day=3)]) is None


def test_nothing_once_the_premiere_is_near_or_past(show: Show) -> None:
    start = datetime(2026, 4, 2, 7, tzinfo=UTC)
    assert want(show, 3, [], now=start - timedelta(hours=1)) is not None
    assert want(show, 3, [], now=start - timedelta(minutes=5)) is None
    assert want(show, 3, [], now=start + timedelta(days=1)) is None


def test_a_long_title_keeps_the_name_within_discords_limit() -> None:
    name = event_name("X" * 150, 12)
    assert len(name) == NAME_MAX and name.endswith(" season 12 premiere")


def test_a_delay_without_a_day_after_a_dated_one_keeps_its_day(show: Show) -> None:
    """A delay naming no day (nor a month or a year: test_delay_period) is the delay
    retold: the day the dated one gave stands, however long after it is told."""
    renewed = told(Milestone.RENEWED, C)
    dated = told(Milestone.RELEASE_DATE_ANNOUNCED, C, date(2027, 1, 14), day=2)
    moved = told(Milestone.DELAYED, C, date(2027, 2, 11), day=3)
    again = told(Milestone.DELAYED, C, day=30, url="https://deadline.com/b")
    event = want(show, 4, [renewed, dated, moved, again])
    assert event is not None and event.start.date() == date(2027, 2, 11)


def test_a_delay_retold_without_its_day_keeps_its_event(show: Show) -> None:
    """Outlets follow a delay for days, most headlines without its day: the event for the day
    it moved to went at the first of them, though none moved it."""
    renewed = told(Milestone.RENEWED, C)
    dated = told(Milestone.RELEASE_DATE_ANNOUNCED, C, date(2027, 1, 14), day=2)
    moved = told(Milestone.DELAYED, R, date(2027, 2, 11), day=3)
    retold = told(Milestone.DELAYED, C, day=17, url="https://deadline.com/b")
    event = want(show, 4, [renewed, dated, moved, retold])
    assert event is not None and event.start.date() == date(2027, 2, 11)


def test_the_sites_named_are_inert_text(show: Show) -> None:
    """A site's name is the URL's host, escaped as any text from outside is: Discord renders
    markdown in an event's description."""
    renewed = told(Milestone.RENEWED, C)
    dated = told(
        Milestone.RELEASE_DATE_ANNOUNCED,
        C,
        date(2027, 1, 14),
        url="https://www.kitty__fans.example/a",
    )
    event = want(show, 4, [renewed, dated])
    assert event is not None
    assert "per kitty\\_\\_fans.example." in event.description
