"""A delay to a month or a year ("delayed to June 2027", "pushed to 2027"): it was stored with
no date, so /status, /episode, the post, the status card and the premiere event kept the
day it moved away from until news named a new one."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from bot.catalog import PartialDate, Season, Show, load_show
from bot.domain.premiere import wanted_event
from bot.domain.status import (
    LearnedEvent,
    moved_day,
    moved_period,
    season_status,
    standing_date,
)
from bot.news.classify import classify
from bot.news.messages import change_message
from bot.news.models import Article, Certainty, Milestone
from bot.news.track import Observation, assess, observe, repeats
from bot.render import episode_overview_embed, status_embed
from bot.render.text import release_countdown, release_day
from bot.store import Store
from tests.conftest import REPO
from tests.headlines import INDEX
from tests.unit.test_store import stored_and_read

R, C = Certainty.REPORTED, Certainty.CONFIRMED
TOLD = datetime(2026, 5, 1, tzinfo=UTC)  # when the first news of the tests was told
JUNE5 = date(2026, 6, 5)
Y2027 = PartialDate(2027)


@pytest.fixture(scope="module")
def show() -> Show:
    return load_show(REPO / "data" / "shows" / "xo-kitty.toml")


def told(
    milestone: Milestone,
    day: date | None = None,
    *,
    period: PartialDate | None = None,
    days: int = 0,
    certainty: Certainty = R,
) -> LearnedEvent:
    url = f"https://n.example/{milestone.value}-{days}-{period}-{day}"
    seen = TOLD + timedelta(days=days)
    return LearnedEvent(milestone, certainty, day, url, "A headline", seen, period=period)


DATED = told(Milestone.RELEASE_DATE_ANNOUNCED, JUNE5)
TO_2027 = told(Milestone.DELAYED, period=Y2027, days=3)


@pytest.mark.parametrize(
    ("title", "period"),
    [
        ("XO, Kitty season 3 pushed back to 2027", Y2027),
        ("XO, Kitty season 3 delayed until 2027", Y2027),
        ("XO, Kitty season 3 premiere postponed to late 2027", Y2027),
        ("XO, Kitty season 3 delayed to May 2026", PartialDate(2026, 5)),
        ("XO, Kitty season 3 delayed to June, 2027", PartialDate(2027, 6)),
        # a month without its year is the next one: read in March, this June
        ("XO, Kitty season 3 delayed until June", PartialDate(2026, 6)),
        ("XO, Kitty season 3 delayed from June 5 to 2027", Y2027),
        # a day is the delay's day, not a month; a time gone by, or the one it left, is none
        ("XO, Kitty season 3 delayed to June 5", None),
        ("XO, Kitty season 3 delayed to 2025", None),
        ("XO, Kitty season 3, due in June 2026, is delayed", None),
        ("XO, Kitty season 3 delayed by two weeks", None),
        # the cause of a delay is no time it moved to
        ("XO, Kitty season 3 delayed due to March strikes", None),
        ("XO, Kitty season 3 delayed owing to 2026 SAG-AFTRA strike", None),
        ("XO, Kitty season 3 delayed due to the strike, now set for 2027", Y2027),
    ],
)
def test_a_delay_gives_the_month_or_year_it_moved_the_premiere_to(
    title: str, period: PartialDate | None
) -> None:
    signal = classify(title, "", datetime(2026, 3, 1, tzinfo=UTC), INDEX)
    assert signal.milestone is Milestone.DELAYED, signal.rule
    assert signal.period == period
    assert signal.event_date is None or period is None


def test_a_delay_to_a_year_after_the_day_moves_the_premiere_there(show: Show) -> None:
    """The premiere set for June 5, then "pushed to 2027": /status kept June 5."""
    season3 = show.seasons[2]
    assert assess(Observation(show, 4, TO_2027), [DATED]) == "new_milestone"
    status = season_status(season3, [DATED, TO_2027])
    assert standing_date(status) is None and moved_day(status) is None
    assert moved_period(status) == Y2027
    # from a delay's day too: the day moves, and is news
    to_june5 = told(Milestone.DELAYED, JUNE5)
    assert assess(Observation(show, 4, TO_2027), [to_june5]) == "date_changed"
    status = season_status(season3, [to_june5, TO_2027])
    assert moved_day(status) is None and moved_period(status) == Y2027
    # a slow outlet's "delayed to June 5" since retells the first delay: no day comes back
    slow = replace(to_june5, source_url="https://slow.example/", seen_at=TOLD + timedelta(9))
    assert assess(Observation(show, 4, slow), [to_june5, TO_2027]) == "extra_source"
    assert moved_period(season_status(season3, [to_june5, TO_2027, slow])) == Y2027


def test_a_day_or_a_sharper_month_after_it_is_news_and_a_vaguer_retelling_is_not(
    show: Show,
) -> None:
    season3 = show.seasons[2]
    news = [DATED, TO_2027]
    june = told(Milestone.DELAYED, period=PartialDate(2027, 6), days=5)
    assert assess(Observation(show, 4, june), news) == "date_changed"
    assert moved_period(season_status(season3, [*news, june])) == PartialDate(2027, 6)
    # "2027" again, after June 2027: the same delay, less sharply; June stands
    again = told(Milestone.DELAYED, period=Y2027, days=7)
    for earlier in (news, [*news, june]):
        assert assess(Observation(show, 4, again), earlier) == "extra_source"
    assert moved_period(season_status(season3, [*news, june, again])) == PartialDate(2027, 6)
    # a day within it: the day fans now wait for, by a delay or a premiere date (which,
    # within the month the delay moved the premiere to, is that date set: "Date set")
    day = date(2027, 6, 12)
    kinds = {Milestone.DELAYED: "date_changed", Milestone.RELEASE_DATE_ANNOUNCED: "date_set"}
    for milestone, kind in kinds.items():
        dated = told(milestone, day, days=9)
        assert assess(Observation(show, 3, dated), [*news, june]) == kind
        status = season_status(season3, [*news, june, dated])
        assert moved_period(status) is None
        shown = standing_date(status) if milestone is Milestone.RELEASE_DATE_ANNOUNCED else None
        assert (shown.date.exact if shown and shown.date else moved_day(status)) == day


def test_a_month_or_year_no_later_than_the_day_is_no_delay(show: Show) -> None:
    """ "Delayed to May" with June 5 set, or "to June" (it holds June 5): no later time.
    History: not posted, and the day stands, with no Delayed line on the card."""
    season3 = show.seasons[2]
    dated = told(Milestone.RELEASE_DATE_ANNOUNCED, date(2027, 6, 5))
    for period in (PartialDate(2027, 5), PartialDate(2027, 6), PartialDate(2027)):
        early = told(Milestone.DELAYED, period=period, days=3)
        assert assess(Observation(show, 3, early), [dated]) == "extra_source"
        status = season_status(season3, [dated, early])
        assert status.delayed is None and moved_period(status) is None
        step = standing_date(status)
        assert step is not None and step.date == PartialDate(2027, 6, 5)
        assert wanted_event(show.title, status, TOLD) is not None
    # after a delay to June 5: "delayed to June" retells it, and June 5 stands
    to_june5 = told(Milestone.DELAYED, date(2027, 6, 5))
    june = told(Milestone.DELAYED, period=PartialDate(2027, 6), days=3)
    assert assess(Observation(show, 3, june), [to_june5]) == "extra_source"
    assert moved_day(season_status(season3, [to_june5, june])) == date(2027, 6, 5)


def test_the_premiere_event_goes_with_a_delay_to_a_year(show: Show) -> None:
    """A calendar event needs a day: the one for June 5 stays no longer."""
    season3 = show.seasons[2]
    assert wanted_event(show.title, season_status(season3, [DATED]), TOLD) is not None
    assert wanted_event(show.title, season_status(season3, [DATED, TO_2027]), TOLD) is None
    # nor the one for the day a delay named
    to_june5 = told(Milestone.DELAYED, JUNE5)
    assert wanted_event(show.title, season_status(season3, [to_june5]), TOLD) is not None
    assert wanted_event(show.title, season_status(season3, [to_june5, TO_2027]), TOLD) is None


def test_status_and_episode_say_the_season_is_expected_in_that_year(show: Show) -> None:
    season3 = show.seasons[2]
    status = season_status(season3, [DATED, TO_2027])
    text = status_embed(show, season3, status, TOLD).description or ""
    head, *lines = text.splitlines()
    assert head.endswith("but a delay has since been reported: now expected in 2027.")
    assert release_countdown(JUNE5) not in text  # no countdown to a day that no longer holds
    assert next(line for line in lines if "**Delayed**" in line).startswith(
        "⏳ **Delayed**: 2027 · reported"
    )
    upcoming = next(
        f.value or ""
        for f in episode_overview_embed(show, TOLD, status).fields
        if f.name == "Next up"
    )
    assert upcoming.endswith("delay reported, now expected in 2027")
    assert release_countdown(JUNE5) not in upcoming
    # a season only the news knows, with no premiere date: the delay's year is its headline
    assert show.season(4) is None
    season4 = Season.from_news_only(4)
    status4 = season_status(season4, [told(Milestone.RENEWED), TO_2027])
    head4 = (status_embed(show, season4, status4, TOLD).description or "").splitlines()[0]
    assert head4 == "Season 4 is expected in 2027: a delay reported moved it there."


def test_the_post_says_delayed_to_the_month_or_year(show: Show) -> None:
    article = Article(
        "f", "k", "https://n.example/d", "XO, Kitty season 3 pushed to 2027", TOLD, ""
    )
    for period, said in ((Y2027, "2027"), (PartialDate(2027, 6), "June 2027")):
        event = replace(TO_2027, period=period)
        message = change_message(
            Observation(show, 3, event), "new_milestone", article, role_id=None, threads=True
        )
        embed = message["embed"]
        assert embed["title"] == f"XO, Kitty season 3: delayed to {said}"
        fields = {f["name"]: f["value"] for f in embed["fields"]}
        assert fields["Date"] == f"{said} (no day given)"
    # a delay to a day reads as before
    event = told(Milestone.DELAYED, JUNE5)
    message = change_message(
        Observation(show, 3, event), "new_milestone", article, role_id=None, threads=False
    )
    assert message["embed"]["title"] == "XO, Kitty season 3: delayed"
    fields = {f["name"]: f["value"] for f in message["embed"]["fields"]}
    assert fields["Date"].startswith(release_day(JUNE5))


def test_the_signal_carries_its_period_to_the_event_and_a_repeat_needs_the_same(
    show: Show,
) -> None:
    title = "XO, Kitty season 3 pushed back to 2027"
    signal = classify(title, "", TOLD, INDEX)
    article = Article("f", "k", "https://n.example/p", title, TOLD, "")
    obs = observe(signal, article, show, TOLD)
    assert obs.event.period == Y2027 and obs.event.event_date is None
    window = timedelta(days=14)
    assert repeats(obs, obs.event, TOLD, window)
    other = replace(obs.event, period=PartialDate(2027, 6))
    assert not repeats(obs, other, TOLD, window)


async def test_the_store_keeps_a_delays_month_or_year(store: Store, tmp_path: Path) -> None:
    june = replace(TO_2027, source_url="v", period=PartialDate(2027, 6))
    read = await stored_and_read(store, TO_2027, june)
    assert [e.period for e in read] == [Y2027, PartialDate(2027, 6)]
    assert [e.event_date for e in read] == [None, None]


def test_a_delay_to_a_month_or_year_that_does_not_stand_is_history(show: Show) -> None:
    """Told surer, a "delayed to June" that only retells June 5 said "Now more certain" of a
    delay /status does not show; told before a later move (a slow outlet's story), it said
    the date changed back."""
    to_june5 = told(Milestone.DELAYED, date(2027, 6, 5))
    sure = told(Milestone.DELAYED, period=PartialDate(2027, 6), days=3, certainty=C)
    assert assess(Observation(show, 3, sure), [to_june5]) == "extra_source"
    to_2028 = told(Milestone.DELAYED, period=PartialDate(2028), days=5)
    older = told(Milestone.DELAYED, period=Y2027, days=2)
    assert assess(Observation(show, 3, older), [to_june5, to_2028]) == "extra_source"
    status = season_status(show.seasons[2], [to_june5, to_2028, older])
    assert moved_period(status) == PartialDate(2028)
