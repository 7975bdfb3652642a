"""Merging a season's catalog timeline with learned news, and deciding what counts as news."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.catalog import PartialDate, Season, Show, load_show
from bot.domain.status import (
    DENIAL_HOLDS,
    LADDER,
    LearnedEvent,
    SeasonStatus,
    ToldSeasons,
    classify_change,
    moved_day,
    moved_to,
    newest_season,
    season_status,
    standing_date,
)
from bot.news.models import Certainty, Milestone
from bot.news.track import Observation, assess, overturned, repeats
from tests.conftest import REPO

C, R, RU = Certainty.CONFIRMED, Certainty.REPORTED, Certainty.RUMORED


@pytest.fixture(scope="module")
def show() -> Show:
    return load_show(REPO / "data" / "shows" / "xo-kitty.toml")


@pytest.fixture(scope="module")
def season3(show: Show) -> Season:
    season = show.season(3)
    assert season is not None
    return season


def event(
    milestone: Milestone,
    certainty: Certainty,
    when: date | None = None,
    *,
    url: str = "https://news.example/a",
    seen: datetime = datetime(2026, 5, 1, tzinfo=UTC),
) -> LearnedEvent:
    return LearnedEvent(milestone, certainty, when, url, "A headline", seen)


def test_catalog_only_status_for_season_three(season3: Season) -> None:
    status = season_status(season3, [])
    reached = [s.milestone for s in status.steps]
    assert reached == [
        Milestone.RENEWED,
        Milestone.WRITING,
        Milestone.FILMING_STARTED,
        Milestone.FILMING_WRAPPED,
        Milestone.RELEASE_DATE_ANNOUNCED,
    ]
    assert reached == [m for m in LADDER if m in reached]  # ladder order
    dated = status.step(Milestone.RELEASE_DATE_ANNOUNCED)
    assert dated is not None
    assert dated.certainty is R and dated.date == PartialDate(2026, 4, 2)
    assert not dated.learned_sources
    filming = status.step(Milestone.FILMING_STARTED)
    assert filming is not None and filming.certainty is RU and filming.approximate
    assert status.next_milestone is Milestone.RELEASED
    assert status.cancelled is None and status.delayed is None


def test_best_certainty_wins_and_keeps_every_source(show: Show) -> None:
    season2 = show.season(2)
    assert season2 is not None
    filming = season_status(season2, []).step(Milestone.FILMING_STARTED)
    assert filming is not None
    assert filming.certainty is C
    assert filming.date == PartialDate(2024, 4, 25)  # the confirmed day, not the rumoured month
    assert not filming.approximate
    assert len(filming.sources) == 4  # the rumour's citation plus three confirmations


def test_learned_events_merge_in(season3: Season) -> None:
    released = event(Milestone.RELEASED, C, date(2026, 4, 2))
    extra = event(Milestone.FILMING_STARTED, R, url="https://news.example/b")
    status = season_status(season3, [released, extra])
    step = status.step(Milestone.RELEASED)
    assert step is not None and step.certainty is C and step.date == PartialDate(2026, 4, 2)
    assert [s.url for s in step.learned_sources] == ["https://news.example/a"]
    filming = status.step(Milestone.FILMING_STARTED)
    assert filming is not None and filming.certainty is R  # raised from rumored
    assert filming.date == PartialDate(2025, 4)  # the learned claim had no date
    assert status.next_milestone is None


def test_an_equally_firm_later_date_replaces_the_old_one(season3: Season) -> None:
    delay = event(Milestone.RELEASE_DATE_ANNOUNCED, R, date(2026, 6, 4))
    step = season_status(season3, [delay]).step(Milestone.RELEASE_DATE_ANNOUNCED)
    assert step is not None and step.date == PartialDate(2026, 6, 4)
    rumour = event(Milestone.RELEASE_DATE_ANNOUNCED, RU, date(2026, 9, 1))
    step = season_status(season3, [rumour]).step(Milestone.RELEASE_DATE_ANNOUNCED)
    assert step is not None and step.date == PartialDate(2026, 4, 2)  # a rumour moves nothing


def test_the_newest_of_several_learned_dates_wins(season3: Season) -> None:
    first = event(Milestone.RELEASED, C, date(2026, 4, 2), seen=datetime(2026, 4, 2, tzinfo=UTC))
    fixed = event(
        Milestone.RELEASED,
        C,
        date(2026, 4, 3),
        url="https://b.example/",
        seen=datetime(2026, 4, 5, tzinfo=UTC),
    )
    for order in ([first, fixed], [fixed, first]):
        step = season_status(season3, order).step(Milestone.RELEASED)
        assert step is not None and step.date == PartialDate(2026, 4, 3)


def test_flags_stand_apart_from_the_ladder(season3: Season, show: Show) -> None:
    status = season_status(season3, [event(Milestone.CANCELLED, R)])
    assert status.cancelled is not None and status.next_milestone is None
    assert Milestone.CANCELLED not in [s.milestone for s in status.steps]
    season2 = show.season(2)
    assert season2 is not None
    delayed = season_status(season2, []).delayed
    assert delayed is not None and delayed.date == PartialDate(2024, 2, 1)


def test_a_step_lists_the_sources_of_its_date_first(show: Show) -> None:
    """Season 2 was delayed twice: the 2023 strike held up writing (Sportskeeda and another
    outlet), then Deadline reported the slip to 2025 (Feb 1, 2024, via the seed article). The
    card showed Feb 1, 2024 beside the strike's two sources, the seed one hidden in '+1'."""
    season2 = show.season(2)
    assert season2 is not None
    delayed = season_status(season2, []).delayed
    assert delayed is not None and delayed.date == PartialDate(2024, 2, 1)
    deadline = next(e for e in season2.timeline if e.date == PartialDate(2024, 2, 1))
    assert [s.url for s in delayed.sources[: len(deadline.sources)]] == list(deadline.sources)
    assert len(delayed.sources) == len(deadline.sources) + 2  # the strike's are kept, after


@pytest.mark.parametrize(
    ("learned", "expected"),
    [
        (event(Milestone.RELEASED, C, date(2026, 4, 2)), "new_milestone"),
        (event(Milestone.TRAILER, RU), "new_milestone"),
        (event(Milestone.FILMING_STARTED, C), "raised_certainty"),
        (event(Milestone.RELEASE_DATE_ANNOUNCED, C, date(2026, 4, 2)), "raised_certainty"),
        (event(Milestone.RELEASE_DATE_ANNOUNCED, R, date(2026, 6, 4)), "date_changed"),
        # Surer and moved: the move is the news ("Now more certain" hid it).
        (event(Milestone.RELEASE_DATE_ANNOUNCED, C, date(2026, 4, 9)), "date_changed"),
        (event(Milestone.FILMING_WRAPPED, C, date(2025, 9, 1)), "date_changed"),
        (event(Milestone.RELEASE_DATE_ANNOUNCED, RU, date(2026, 6, 4)), "extra_source"),
        (event(Milestone.RELEASE_DATE_ANNOUNCED, R, date(2026, 4, 2)), "extra_source"),
        (event(Milestone.RELEASE_DATE_ANNOUNCED, R), "extra_source"),
        (event(Milestone.FILMING_WRAPPED, R, date(2025, 7, 20)), "extra_source"),  # within July
        (event(Milestone.FILMING_WRAPPED, R, date(2025, 9, 1)), "date_changed"),
        (event(Milestone.RENEWED, C, date(2025, 2, 14)), "extra_source"),
        (event(Milestone.WRITING, RU), "extra_source"),
    ],
)
def test_classify_change(season3: Season, learned: LearnedEvent, expected: str) -> None:
    assert classify_change(season_status(season3, []), learned) == expected


def test_a_sharper_release_date_is_news_but_a_sharper_wrap_date_is_not() -> None:
    from bot.domain.status import SeasonStatus, Step

    def status_with(milestone: Milestone, when: PartialDate) -> SeasonStatus:
        return SeasonStatus(season=4, steps=(Step(milestone, R, when, False, ()),))

    month = PartialDate(2027, 5)
    assert (
        classify_change(
            status_with(Milestone.RELEASE_DATE_ANNOUNCED, month),
            event(Milestone.RELEASE_DATE_ANNOUNCED, R, date(2027, 5, 20)),
        )
        == "date_changed"
    )
    assert (
        classify_change(
            status_with(Milestone.FILMING_WRAPPED, month),
            event(Milestone.FILMING_WRAPPED, R, date(2027, 5, 20)),
        )
        == "extra_source"
    )


def test_a_known_step_without_a_date_gains_one(season3: Season) -> None:
    undated = season_status(season3, [event(Milestone.TRAILER, C)])
    assert classify_change(undated, event(Milestone.TRAILER, C, date(2026, 3, 1))) == "date_changed"


def test_a_first_date_is_news_even_below_an_undated_confirmation() -> None:
    """'Netflix confirms XO, Kitty season 4's premiere date' (no day in the headline), then
    a report giving the day: the day was kept on /status but never announced."""
    season4 = Season.from_news_only(4)
    status = season_status(season4, [event(Milestone.RELEASE_DATE_ANNOUNCED, C)])
    dated = event(Milestone.RELEASE_DATE_ANNOUNCED, R, date(2027, 6, 5), url="https://b.example/")
    assert classify_change(status, dated) == "date_changed"
    again = season_status(season4, [event(Milestone.RELEASE_DATE_ANNOUNCED, C), dated])
    assert classify_change(again, replace(dated, source_url="https://c.example/")) == "extra_source"


def test_a_renewal_after_a_cancellation_reverses_it_and_back_again(show: Show) -> None:
    """'Netflix cancels XO, Kitty', then 'XO, Kitty saved: Netflix renews it for season 4':
    the renewal was one more source of a renewal already known, never announced, and
    /status went on saying the season was cancelled."""
    season4 = Season.from_news_only(4)
    day = datetime(2026, 5, 1, tzinfo=UTC)

    def told(milestone: Milestone, certainty: Certainty, days: int) -> LearnedEvent:
        return event(
            milestone, certainty, url=f"https://n.example/{days}", seen=day + timedelta(days)
        )

    renewed, cancelled = told(Milestone.RENEWED, C, 0), told(Milestone.CANCELLED, C, 1)
    status = season_status(season4, [renewed, cancelled])
    assert status.is_cancelled and status.next_milestone is None
    weaker = told(Milestone.RENEWED, R, 2)
    assert assess(Observation(show, 4, weaker), [renewed, cancelled]) == "extra_source"
    assert not season_status(season4, [renewed, cancelled, weaker]).revived
    saved = told(Milestone.RENEWED, C, 2)
    assert assess(Observation(show, 4, saved), [renewed, cancelled]) == "reversal"
    revived = season_status(season4, [renewed, cancelled, saved])
    assert revived.revived and not revived.is_cancelled
    assert revived.next_milestone is Milestone.WRITING
    again = told(Milestone.CANCELLED, R, 3)
    assert assess(Observation(show, 4, again), [renewed, cancelled, saved]) == "reversal"
    assert season_status(season4, [renewed, cancelled, saved, again]).is_cancelled


def test_a_story_retold_after_newer_news_changes_nothing(show: Show) -> None:
    """A slow outlet carries 'Netflix renews XO, Kitty for season 4' (or 'premieres June 5')
    days after the cancellation (or the move to July 10): dated at its first telling, it is
    the old news it is, not a reversal (or a date moved back)."""
    day = datetime(2026, 5, 1, tzinfo=UTC)
    renewed = event(Milestone.RENEWED, C, seen=day)
    cancelled = event(Milestone.CANCELLED, C, url="https://b.example/", seen=day + timedelta(1))
    retold = replace(renewed, source_url="https://c.example/")
    assert assess(Observation(show, 4, retold), [renewed, cancelled]) == "extra_source"
    assert season_status(Season.from_news_only(4), [renewed, cancelled, retold]).is_cancelled
    june = event(Milestone.RELEASE_DATE_ANNOUNCED, C, date(2027, 6, 5), seen=day)
    july = replace(june, event_date=date(2027, 7, 10), seen_at=day + timedelta(1))
    again = replace(june, source_url="https://c.example/")
    assert assess(Observation(show, 4, again), [june, july]) == "extra_source"


def test_a_surer_story_retold_after_newer_news_is_no_news_either(show: Show) -> None:
    """'Netflix confirms season 4' (first told before the cancellation, reaching us after
    it) went out as 'Now more certain: renewed' on a cancelled season; 'Netflix confirms
    June 5' (told before the delay) as 'Now more certain' of a date the delay overtook, and
    with no date known before, as a 'New' premiere date. Each is history: no change, and
    no repeat either."""
    day = datetime(2026, 5, 1, tzinfo=UTC)
    renewed = event(Milestone.RENEWED, R, seen=day)
    cancelled = event(Milestone.CANCELLED, C, url="https://b.example/", seen=day + timedelta(2))
    sure = event(Milestone.RENEWED, C, url="https://c.example/", seen=day + timedelta(1))
    assert assess(Observation(show, 4, sure), [renewed, cancelled]) == "extra_source"
    assert assess(Observation(show, 4, sure), [cancelled]) == "extra_source"  # no renewal known
    assert overturned(Observation(show, 4, sure), [cancelled])
    june = event(Milestone.RELEASE_DATE_ANNOUNCED, R, date(2027, 6, 5), seen=day)
    delay = event(Milestone.DELAYED, R, url="https://b.example/", seen=day + timedelta(2))
    firm = replace(june, certainty=C, source_url="https://c.example/", seen_at=day + timedelta(1))
    assert assess(Observation(show, 4, firm), [june, delay]) == "extra_source"
    assert assess(Observation(show, 4, firm), [delay]) == "extra_source"
    assert overturned(Observation(show, 4, firm), [june, delay])
    # Told after the delay, the same claim is news; so is the renewal that reverses it.
    after = replace(firm, seen_at=day + timedelta(3))
    assert assess(Observation(show, 4, after), [june, delay]) == "raised_certainty"
    assert not overturned(Observation(show, 4, after), [june, delay])
    saved = replace(sure, seen_at=day + timedelta(3))
    assert assess(Observation(show, 4, saved), [renewed, cancelled]) == "reversal"


def test_a_delay_overtakes_the_date_before_it_and_any_later_date_replaces_it() -> None:
    """'Season 4 premieres June 5, Netflix confirms', then 'season 4 delayed' (reported), then
    'season 4 premieres September 17, report says': June 5 stayed the date, counted down to
    on /status, and the new date was one more source, never announced."""
    season4 = Season.from_news_only(4)
    day = datetime(2026, 5, 1, tzinfo=UTC)
    dated = event(Milestone.RELEASE_DATE_ANNOUNCED, C, date(2027, 6, 5), seen=day)
    delay = event(Milestone.DELAYED, R, url="https://b.example/", seen=day + timedelta(1))
    status = season_status(season4, [dated, delay])
    step = status.step(Milestone.RELEASE_DATE_ANNOUNCED)
    assert step is not None and step.date == PartialDate(2027, 6, 5) and step.date_overtaken
    moved = event(
        Milestone.RELEASE_DATE_ANNOUNCED,
        R,
        date(2027, 9, 17),
        url="https://c.example/",
        seen=day + timedelta(2),
    )
    assert classify_change(status, moved) == "date_changed"
    step = season_status(season4, [dated, delay, moved]).step(Milestone.RELEASE_DATE_ANNOUNCED)
    assert step is not None and step.date == PartialDate(2027, 9, 17)
    assert step.date_certainty is R and step.certainty is C and not step.date_overtaken
    # Without a delay, a report does not move a confirmed date.
    assert classify_change(season_status(season4, [dated]), moved) == "extra_source"


def test_a_second_delay_overtakes_the_date_set_since_the_first(show: Show) -> None:
    """June 5 confirmed, delayed, September 17 reported, then 'delayed again': the second
    delay was one more source, never announced, and the card went back to June 5."""
    season4 = Season.from_news_only(4)
    day = datetime(2026, 5, 1, tzinfo=UTC)
    first = [
        event(Milestone.RELEASE_DATE_ANNOUNCED, C, date(2027, 6, 5), seen=day),
        event(Milestone.DELAYED, R, url="https://b.example/", seen=day + timedelta(1)),
        event(Milestone.RELEASE_DATE_ANNOUNCED, R, date(2027, 9, 17), seen=day + timedelta(2)),
    ]
    again = event(Milestone.DELAYED, R, url="https://d.example/", seen=day + timedelta(3))
    assert assess(Observation(show, 4, again), first) == "new_milestone"
    step = season_status(season4, [*first, again]).step(Milestone.RELEASE_DATE_ANNOUNCED)
    assert step is not None and step.date == PartialDate(2027, 9, 17) and step.date_overtaken
    more = replace(again, source_url="https://e.example/", seen_at=day + timedelta(4))
    assert assess(Observation(show, 4, more), [*first, again]) == "extra_source"


def test_a_delay_naming_no_day_after_one_to_a_day_is_a_source_whenever_told(
    show: Show,
) -> None:
    """Delayed to June 5, then a slow outlet's "delayed" with no day two weeks on, then one
    more retelling with the day: posted three times (the day dropped, then given back). A
    delay naming no day is one more source, and a delay to the day already told is too."""
    day = datetime(2026, 5, 1, tzinfo=UTC)
    moved = [event(Milestone.DELAYED, R, date(2027, 6, 5), seen=day)]

    def told(days: int, certainty: Certainty = R) -> LearnedEvent:
        url = f"https://d.example/{days}-{certainty.name}"
        return event(Milestone.DELAYED, certainty, url=url, seen=day + timedelta(days))

    for days, certainty in ((1, R), (16, R), (60, R), (16, RU)):
        assert assess(Observation(show, 4, told(days, certainty)), moved) == "extra_source"
    # told surer, it is news of its own (confirmed), and the day stays
    surer = told(16, C)
    assert assess(Observation(show, 4, surer), moved) == "raised_certainty"
    delayed = season_status(show.seasons[2], [*moved, surer]).delayed
    assert delayed is not None and delayed.date == PartialDate(2027, 6, 5)
    slow = told(16)
    again = event(Milestone.DELAYED, R, date(2027, 6, 5), url="https://e.example/")
    again = replace(again, seen_at=day + timedelta(17))
    assert assess(Observation(show, 4, again), [*moved, slow]) == "extra_source"
    status = season_status(show.seasons[2], [*moved, slow])
    assert status.delayed is not None and status.delayed.date == PartialDate(2027, 6, 5)


def test_a_delay_away_from_the_day_an_earlier_delay_named_takes_it(show: Show) -> None:
    """Delayed to June 5, then "premiere on June 5 postponed" days later: read as a retelling,
    so nothing was posted and /status, /episode and the premiere event counted down to June 5.
    A delay away from the standing day takes it (to its new day, or to none) and is news
    once; told again, or away from a day that no longer stands, it is a source."""
    day = datetime(2026, 5, 1, tzinfo=UTC)
    first = event(Milestone.DELAYED, R, date(2027, 6, 5), seen=day)

    def away(days: int, certainty: Certainty = R, to: date | None = None) -> LearnedEvent:
        told = event(Milestone.DELAYED, certainty, to, url=f"https://d.example/{days}", seen=day)
        return replace(told, seen_at=day + timedelta(days), moved_from=date(2027, 6, 5))

    again = away(3)
    assert assess(Observation(show, 4, again), [first]) == "new_milestone"
    status = season_status(show.seasons[2], [first, again])
    assert status.delayed is not None and status.delayed.date is None
    assert moved_to(status) is None and moved_day(status) is None
    assert assess(Observation(show, 4, away(9)), [first, again]) == "extra_source"
    # a slow outlet's "delayed to June 5" since retells the first: it gives no day back
    retold = replace(first, source_url="https://slow.example/", seen_at=day + timedelta(6))
    assert assess(Observation(show, 4, retold), [first, again]) == "extra_source"
    assert moved_day(season_status(show.seasons[2], [first, again, retold])) is None
    # the first delay since to name a day gives it, however sure, as the news tells it
    later = event(Milestone.DELAYED, RU, date(2027, 8, 1), url="https://r.example/", seen=day)
    later = replace(later, seen_at=day + timedelta(9))
    assert assess(Observation(show, 4, later), [first, again]) == "date_changed"
    assert moved_day(season_status(show.seasons[2], [first, again, later])) == date(2027, 8, 1)
    # less surely told, it moves nothing: a source, and the day stands
    assert assess(Observation(show, 4, away(3, RU)), [first]) == "extra_source"
    assert moved_day(season_status(show.seasons[2], [first, away(3, RU)])) == date(2027, 6, 5)
    # naming its new day: that day stands
    onward = away(3, to=date(2027, 7, 10))
    assert assess(Observation(show, 4, onward), [first]) == "date_changed"
    assert moved_day(season_status(show.seasons[2], [first, onward])) == date(2027, 7, 10)
    # once the day moved on, a delay away from the old one retells the first
    assert assess(Observation(show, 4, away(9)), [first, onward]) == "extra_source"
    assert moved_day(season_status(show.seasons[2], [first, onward, away(9)])) == date(2027, 7, 10)
    # a delay away from another day, or naming none it left, leaves the day (0ba7886)
    other = replace(away(3), moved_from=date(2027, 5, 1))
    for retold in (other, replace(away(3), moved_from=None)):
        assert assess(Observation(show, 4, retold), [first]) == "extra_source"
        assert moved_day(season_status(show.seasons[2], [first, retold])) == date(2027, 6, 5)


def test_a_delay_away_from_a_premiere_date_given_since_the_last_delay_leaves_no_day(
    show: Show,
) -> None:
    """Delayed to June 5, then the premiere set for June 12, then "June 12 premiere
    postponed": /status said "now June 5", the day the first delay named, long since moved."""
    day = datetime(2026, 5, 1, tzinfo=UTC)
    first = event(Milestone.DELAYED, R, date(2027, 6, 5), seen=day)
    dated = event(Milestone.RELEASE_DATE_ANNOUNCED, R, date(2027, 6, 12), seen=day + timedelta(5))
    again = replace(
        event(Milestone.DELAYED, R, url="https://d.example/", seen=day + timedelta(9)),
        moved_from=date(2027, 6, 12),
    )
    assert assess(Observation(show, 4, again), [first, dated]) == "new_milestone"
    status = season_status(show.seasons[2], [first, dated, again])
    assert moved_to(status) is None and standing_date(status) is None
    # nor when it names no day it left: it moved June 12, and June 5 does not come back
    bare = event(Milestone.DELAYED, R, url="https://d.example/", seen=day + timedelta(9))
    assert assess(Observation(show, 4, bare), [first, dated]) == "new_milestone"
    status = season_status(show.seasons[2], [first, dated, bare])
    assert moved_to(status) is None and standing_date(status) is None


@pytest.mark.parametrize(
    ("repeat", "days_later", "tells"),
    [
        (event(Milestone.RELEASE_DATE_ANNOUNCED, C, date(2027, 3, 5)), 2, True),
        (event(Milestone.RELEASE_DATE_ANNOUNCED, R, date(2027, 3, 5)), 2, False),  # less sure
        (event(Milestone.RELEASE_DATE_ANNOUNCED, C, date(2027, 3, 6)), 2, False),  # other date
        (event(Milestone.RELEASE_DATE_ANNOUNCED, C), 2, False),  # says less
        (event(Milestone.RELEASE_DATE_ANNOUNCED, C, date(2027, 3, 5)), 15, False),  # stale
    ],
)
def test_a_repeat_tells_a_recent_change_only_as_surely(
    show: Show, repeat: LearnedEvent, days_later: int, tells: bool
) -> None:
    change = event(Milestone.RELEASE_DATE_ANNOUNCED, C, date(2027, 3, 5))
    obs = Observation(show, 4, repeat)
    now = change.seen_at + timedelta(days=days_later)
    assert repeats(obs, change, now, timedelta(days=14)) is tells


def test_an_undated_confirmation_does_not_confirm_a_reported_date(season3: Season) -> None:
    """'Netflix confirms the premiere date' without the day: the step is confirmed, but the
    April 2 it shows is still only reported, and a reported delay still moves it as news."""
    undated = event(Milestone.RELEASE_DATE_ANNOUNCED, C)
    status = season_status(season3, [undated])
    step = status.step(Milestone.RELEASE_DATE_ANNOUNCED)
    assert step is not None and step.certainty is C
    assert step.date == PartialDate(2026, 4, 2) and step.date_certainty is R
    delay = event(Milestone.RELEASE_DATE_ANNOUNCED, R, date(2026, 6, 4), url="https://b.example/")
    assert classify_change(status, delay) == "date_changed"


def test_the_newest_season_follows_the_news_only_within_reach() -> None:
    assert newest_season(3, []) == 3
    assert newest_season(3, [1, 4]) == 4
    assert newest_season(3, [5, 6, 7]) == 7  # each within two of the one before
    assert newest_season(3, [12]) == 3  # a misread number leads nowhere
    assert newest_season(3, [4, 12, 13]) == 4


def test_the_seasons_told_are_the_packs_and_the_newss_within_reach(show: Show) -> None:
    pack = [s.number for s in show.seasons]
    told = ToldSeasons.of(show, [2, 4, 12])  # 2 is the pack's; 12 is out of reach

    assert told.newest == 4
    assert [s.number for s in told.seasons()] == [*pack, 4]
    assert told.season(2) is show.season(2)
    fourth = told.season(4)
    assert fourth is not None and fourth.sources == ()  # the news's alone
    # Asked for by number, a season the news told of is there even out of reach.
    assert told.season(12) is not None
    assert told.season(pack[-1] + 2) is None  # nobody told of it
    assert ToldSeasons.of(show, []).newest == pack[-1]


def denial(milestone: Milestone, certainty: Certainty, seen: datetime) -> LearnedEvent:
    return replace(
        event(milestone, certainty, url="https://news.example/no", seen=seen), denied=True
    )


def test_a_denial_withdraws_the_rumours_and_reports_before_it(show: Show) -> None:
    """The makers denied the filming rumour: /status still said filming had started."""
    t0 = datetime(2026, 5, 1, tzinfo=UTC)
    season4 = Season.from_news_only(4)
    renewed = event(Milestone.RENEWED, C, seen=t0)
    rumour = event(Milestone.FILMING_STARTED, RU, seen=t0 + timedelta(days=1))
    denied = denial(Milestone.FILMING_STARTED, C, t0 + timedelta(days=2))
    status = season_status(season4, [renewed, rumour, denied])
    assert status.step(Milestone.FILMING_STARTED) is None
    assert status.current is not None and status.current.milestone is Milestone.RENEWED
    shown = status.denial(Milestone.FILMING_STARTED)
    assert shown is not None and shown.certainty is C
    assert [s.url for s in shown.sources] == ["https://news.example/no"]
    # the denial is the change; the same denial again, or one of a milestone nobody
    # claimed, is not
    assert assess(Observation(show, 4, denied), [renewed, rumour]) == "denied"
    assert assess(Observation(show, 4, denied), [renewed, rumour, denied]) == "extra_source"
    nothing = denial(Milestone.CASTING, C, t0 + timedelta(days=2))
    assert assess(Observation(show, 4, nothing), [renewed, rumour]) == "extra_source"
    # a rumour told before the denial, heard after it, is history
    assert assess(Observation(show, 4, rumour), [renewed, denied]) == "extra_source"
    assert overturned(Observation(show, 4, rumour), [renewed, denied])


def test_a_denial_of_a_confirmed_milestone_is_a_misreading(show: Show) -> None:
    t0 = datetime(2026, 5, 1, tzinfo=UTC)
    confirmed = event(Milestone.RENEWED, C, seen=t0)
    denied = denial(Milestone.RENEWED, C, t0 + timedelta(days=1))
    status = season_status(Season.from_news_only(4), [confirmed, denied])
    step = status.step(Milestone.RENEWED)
    assert step is not None and step.certainty is C and status.denied == ()
    assert assess(Observation(show, 4, denied), [confirmed]) == "extra_source"


def test_after_a_denial_only_a_claim_as_sure_stands_again(show: Show) -> None:
    """As with a cancellation and a renewal: a weaker report after a confirmed denial is
    the old rumour again, a confirmation is news."""
    t0 = datetime(2026, 5, 1, tzinfo=UTC)
    season4 = Season.from_news_only(4)
    rumour = event(Milestone.FILMING_STARTED, R, seen=t0)
    denied = denial(Milestone.FILMING_STARTED, C, t0 + timedelta(days=1))
    again = event(Milestone.FILMING_STARTED, R, seen=t0 + timedelta(days=2))
    assert season_status(season4, [rumour, denied, again]).step(Milestone.FILMING_STARTED) is None
    assert assess(Observation(show, 4, again), [rumour, denied]) == "extra_source"
    sure = event(Milestone.FILMING_STARTED, C, seen=t0 + timedelta(days=3))
    status = season_status(season4, [rumour, denied, sure])
    assert status.step(Milestone.FILMING_STARTED) is not None and status.denied == ()
    assert assess(Observation(show, 4, sure), [rumour, denied]) == "new_milestone"
    # a reported denial gives way to a report told after it
    weaker = replace(denied, certainty=R)
    assert assess(Observation(show, 4, again), [rumour, weaker]) == "new_milestone"


def test_a_denial_holds_back_weaker_news_for_two_weeks_not_for_good(show: Show) -> None:
    """Netflix denied the filming rumours in May; a trade's report in September that the
    shoot has begun is news, not the old rumour again: a denial is not a lid for ever."""
    t0 = datetime(2026, 5, 1, tzinfo=UTC)
    season4 = Season.from_news_only(4)
    rumour = event(Milestone.FILMING_STARTED, RU, seen=t0)
    denied = denial(Milestone.FILMING_STARTED, C, t0 + timedelta(days=1))
    echo = event(Milestone.FILMING_STARTED, R, seen=denied.seen_at + DENIAL_HOLDS)
    assert assess(Observation(show, 4, echo), [rumour, denied]) == "extra_source"
    later = event(Milestone.FILMING_STARTED, R, seen=denied.seen_at + timedelta(days=120))
    status = season_status(season4, [rumour, denied, later])
    step = status.step(Milestone.FILMING_STARTED)
    assert step is not None and step.certainty is R and status.denied == ()
    assert assess(Observation(show, 4, later), [rumour, denied]) == "new_milestone"


def test_a_denied_cancellation_is_not_where_the_season_stands(show: Show) -> None:
    t0 = datetime(2026, 5, 1, tzinfo=UTC)
    renewed = event(Milestone.RENEWED, C, seen=t0)
    cancelled = event(Milestone.CANCELLED, R, seen=t0 + timedelta(days=1))
    denied = denial(Milestone.CANCELLED, C, t0 + timedelta(days=2))
    status = season_status(Season.from_news_only(4), [renewed, cancelled, denied])
    assert not status.is_cancelled and status.cancelled is None
    assert status.denial(Milestone.CANCELLED) is not None
    assert assess(Observation(show, 4, denied), [renewed, cancelled]) == "denied"


def test_a_step_the_season_has_passed_is_history_not_news(show: Show) -> None:
    """'Now streaming', then a slower outlet's 'premieres May 11' (or 'season 4 delayed',
    'trailer out') published before it: each was posted after the season came out; so was
    'filming has begun' after the wrap. A step a later one stands for, at least as surely
    or reported, is a source only; a surer claim of a step passed only by a rumour is news
    still."""
    t0 = datetime(2026, 5, 1, tzinfo=UTC)

    def told(milestone: Milestone, certainty: Certainty, days: int, when: date | None = None):
        return event(
            milestone, certainty, when, url=f"https://n.example/{days}", seen=t0 + timedelta(days)
        )

    renewed = told(Milestone.RENEWED, C, -100)
    out = told(Milestone.RELEASED, C, 10)
    for late in (
        told(Milestone.RELEASE_DATE_ANNOUNCED, R, 2, date(2026, 5, 11)),
        told(Milestone.DELAYED, R, 2),
        told(Milestone.TRAILER, C, 3),
        told(Milestone.FILMING_WRAPPED, R, 11),
    ):
        assert assess(Observation(show, 4, late), [renewed, out]) == "extra_source", late
        assert overturned(Observation(show, 4, late), [renewed, out])
    # the pack's season 3, dated April 2 (reported): out, then an older confirmation
    sure = told(Milestone.RELEASE_DATE_ANNOUNCED, C, -40, date(2026, 4, 2))
    assert assess(Observation(show, 3, sure), [told(Milestone.RELEASED, C, -28)]) == "extra_source"
    wrapped = told(Milestone.FILMING_WRAPPED, R, 10)
    started = told(Milestone.FILMING_STARTED, R, 2)
    assert assess(Observation(show, 4, started), [renewed, wrapped]) == "extra_source"
    # a surer word of the step behind a reported one is a source too: posted "New", it
    # read as the shoot starting after fans were told it wrapped
    sure_start = told(Milestone.FILMING_STARTED, C, 12)
    assert assess(Observation(show, 4, sure_start), [renewed, wrapped]) == "extra_source"
    # behind a rumour only, the surer word is news
    rumoured_out = told(Milestone.RELEASED, RU, 10)
    assert assess(Observation(show, 4, sure_start), [renewed, rumoured_out]) == "new_milestone"
    rumoured_wrap = told(Milestone.FILMING_WRAPPED, RU, 10)
    assert assess(Observation(show, 4, sure_start), [renewed, rumoured_wrap]) == "new_milestone"
    # /status keeps them all
    status = season_status(Season.from_news_only(4), [renewed, wrapped, started])
    assert status.step(Milestone.FILMING_STARTED) is not None


_CLAIMS = st.tuples(
    st.sampled_from(
        [
            Milestone.RENEWED,
            Milestone.FILMING_STARTED,
            Milestone.FILMING_WRAPPED,
            Milestone.TRAILER,
            Milestone.RELEASE_DATE_ANNOUNCED,
            Milestone.RELEASED,
            Milestone.DELAYED,
        ]
    ),
    st.sampled_from(list(Certainty)),
    st.sampled_from([None, date(2027, 6, 5), date(2027, 7, 10)]),
)


# What a fan reads as behind the season: filming begun once it wrapped; any step before the
# release, and a delay, once the season is out.
_PASSED_BY: dict[Milestone, tuple[Milestone, ...]] = {
    **dict.fromkeys((*LADDER[:-1], Milestone.DELAYED), (Milestone.RELEASED,)),
    Milestone.FILMING_STARTED: (Milestone.FILMING_WRAPPED, Milestone.RELEASED),
}


def _as_sure(status: SeasonStatus, milestone: Milestone, claim: LearnedEvent) -> bool:
    step = status.step(milestone)
    return step is not None and step.certainty >= claim.certainty


@settings(max_examples=300, deadline=None)
@given(st.lists(_CLAIMS, min_size=2, max_size=6), st.randoms(use_true_random=False))
def test_in_any_order_a_step_is_told_once_a_level_and_never_once_passed(
    show: Show, claims: list[tuple[Milestone, Certainty, date | None]], rng: random.Random
) -> None:
    """The same articles reaching us in any order: no milestone is posted again at a
    certainty it already had (nor lower), and none the season had passed (a later step
    as sure) when it came."""
    t0 = datetime(2026, 5, 1, tzinfo=UTC)
    told = [
        event(
            m,
            c,
            d
            if m in (Milestone.RELEASE_DATE_ANNOUNCED, Milestone.RELEASED, Milestone.DELAYED)
            else None,
            url=f"https://n.example/{i}",
            seen=t0 + timedelta(days=i),
        )
        for i, (m, c, d) in enumerate(claims)
    ]
    rng.shuffle(told)
    season4 = Season.from_news_only(4)
    learned: list[LearnedEvent] = []
    posted: dict[Milestone, Certainty] = {}
    for claim in told:
        before = season_status(season4, learned)
        kind = assess(Observation(show, 4, claim), learned)
        learned.append(claim)
        if kind == "extra_source":
            continue
        passed = [m for m in _PASSED_BY.get(claim.milestone, ()) if _as_sure(before, m, claim)]
        assert not passed, (claim, kind, passed)
        # (a delay may come again: "delayed again" is news at any certainty)
        if kind in ("new_milestone", "raised_certainty") and claim.milestone in LADDER:
            assert claim.certainty > posted.get(claim.milestone, 0), (claim, kind)
        posted[claim.milestone] = max(claim.certainty, posted.get(claim.milestone, claim.certainty))


def test_a_date_is_overtaken_only_by_a_delay_that_stands(show: Show) -> None:
    """'Netflix confirms June 5', then 'Netflix denies the delay rumours' (of a delay never
    heard, or one it withdraws): June 5 retold by another outlet read as overtaken by a
    delay, so a guild that follows only that outlet was never told the date."""
    t0 = datetime(2026, 5, 1, tzinfo=UTC)
    june = event(Milestone.RELEASE_DATE_ANNOUNCED, C, date(2027, 6, 5), seen=t0)
    retold = replace(june, source_url="https://other.example/june")
    rumour = event(Milestone.DELAYED, RU, url="https://d.example/", seen=t0 + timedelta(days=1))
    no_delay = denial(Milestone.DELAYED, C, t0 + timedelta(days=2))
    for learned in ([june, no_delay], [june, rumour, no_delay]):
        step = season_status(Season.from_news_only(4), learned).step(
            Milestone.RELEASE_DATE_ANNOUNCED
        )
        assert step is not None and not step.date_overtaken
        assert not overturned(Observation(show, 4, retold), learned)
    # a delay that stands still overtakes it
    assert overturned(Observation(show, 4, retold), [june, rumour])


def test_a_date_a_delay_overtook_told_again_since_is_still_overtaken(show: Show) -> None:
    """June 5 reported, then delayed to August 14, then a slow outlet's "premieres June 5":
    /status, the card and the premiere event went back to June 5, with no post saying so;
    the channel's last word was the delay. Only a surer claim of the old day brings it back."""
    season4 = Season.from_news_only(4)
    day = datetime(2026, 5, 1, tzinfo=UTC)
    june5, august14 = date(2027, 6, 5), date(2027, 8, 14)
    told = [
        event(Milestone.RELEASE_DATE_ANNOUNCED, R, june5, seen=day),
        event(Milestone.DELAYED, R, august14, url="https://b.example/", seen=day + timedelta(1)),
    ]
    retold = event(
        Milestone.RELEASE_DATE_ANNOUNCED,
        R,
        june5,
        url="https://c.example/",
        seen=day + timedelta(2),
    )
    status = season_status(season4, [*told, retold])
    step = status.step(Milestone.RELEASE_DATE_ANNOUNCED)
    assert step is not None and step.date_overtaken and standing_date(status) is None
    assert moved_day(status) == august14
    assert len(step.learned_sources) == 2  # kept as a source all the same
    assert assess(Observation(show, 4, retold), told) == "extra_source"
    assert overturned(Observation(show, 4, retold), told)
    # then "delayed again" with no day: not the day taken away by the retold date
    again = event(Milestone.DELAYED, R, url="https://d.example/", seen=day + timedelta(3))
    assert assess(Observation(show, 4, again), [*told, retold]) == "extra_source"
    # Netflix confirming the old day is the day again, and news
    back = replace(retold, certainty=C, source_url="https://e.example/")
    assert assess(Observation(show, 4, back), told) != "extra_source"
    assert standing_date(season_status(season4, [*told, back])) is not None


def test_news_of_a_season_whose_reported_day_passed_unconfirmed_is_still_news(
    show: Show,
) -> None:
    """The pack's season 3 was reported for April 2, 2026, and no source it trusts says it
    came out (the facts sheet agrees: ``test_pack_facts``). A trailer or a delay told in
    November is news then (a delay is why no release was told); once a source tells the
    season out, either is history."""
    november = datetime(2026, 11, 20, tzinfo=UTC)
    trailer = event(Milestone.TRAILER, R, seen=november)
    delay = event(Milestone.DELAYED, R, url="https://news.example/d", seen=november)
    for late in (trailer, delay):
        assert assess(Observation(show, 3, late), []) == "new_milestone", late
    out = event(Milestone.RELEASED, C, url="https://news.example/o", seen=november)
    for late in (trailer, delay):
        assert assess(Observation(show, 3, late), [out]) == "extra_source", late
