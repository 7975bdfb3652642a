"""What a premiere date's news is to the channel: a date set, a move, or sources that differ."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from bot.catalog import PartialDate, Season, Show, load_show
from bot.catalog.models import SeasonState, TimelineEntry
from bot.domain.premiere import wanted_event
from bot.domain.status import LearnedEvent, moved_day, season_status, standing_date
from bot.news.messages import change_message
from bot.news.models import Article, Certainty, Milestone
from bot.news.track import Observation, assess, differs_from, overturned
from bot.render.episodes import season_episodes_embed
from bot.render.status import headline, ladder_text, step_line
from bot.render.text import release_countdown, release_day
from bot.store import Store
from tests.conftest import REPO
from tests.unit.test_store import stored_and_read

C, R = Certainty.CONFIRMED, Certainty.REPORTED
DATE = Milestone.RELEASE_DATE_ANNOUNCED
TOLD = datetime(2027, 1, 10, 12, tzinfo=UTC)
SEASON4 = Season.from_news_only(4)


@pytest.fixture(scope="module")
def show() -> Show:
    return load_show(REPO / "data" / "shows" / "xo-kitty.toml")


def told(
    certainty: Certainty,
    day: date | None = None,
    *,
    period: PartialDate | None = None,
    milestone: Milestone = DATE,
    at: timedelta = timedelta(),
    out: timedelta = timedelta(minutes=-30),
    url: str = "https://a.example/",
) -> LearnedEvent:
    """A claim told at ``TOLD + at``, its story out ``out`` from then."""
    seen = TOLD + at
    return LearnedEvent(
        milestone, certainty, day, url, "headline", seen, period=period, published=seen + out
    )


APRIL = PartialDate(2027, 4)
APRIL17, MAY8 = date(2027, 4, 17), date(2027, 5, 8)


def test_a_day_within_the_month_told_is_a_date_set_and_one_outside_it_a_move(
    show: Show,
) -> None:
    """'Coming in April', then 'premieres April 17' was posted 'Date changed': nothing
    moved, the date got precise. 'Premieres May 8' after April still moved it."""
    month = told(R, period=APRIL)
    day = told(R, APRIL17, at=timedelta(days=3), url="https://b.example/")
    assert assess(Observation(show, 4, day), [month]) == "date_set"
    may = told(R, MAY8, at=timedelta(days=3), url="https://c.example/")
    assert assess(Observation(show, 4, may), [month]) == "date_changed"
    # a month within the year told is as precise a step; a surer day within it too
    year = told(R, period=PartialDate(2027))
    assert assess(Observation(show, 4, replace(month, seen_at=TOLD + timedelta(1))), [year]) == (
        "date_set"
    )
    assert assess(Observation(show, 4, replace(day, certainty=C)), [month]) == "date_set"
    # /status and the card then show the day, counted down to, with no sources that differ
    status = season_status(SEASON4, [month, day])
    shown = standing_date(status)
    assert shown is not None and shown.date == PartialDate(2027, 4, 17) and not shown.rival_dates
    line = step_line(shown, 4, TOLD)
    assert release_day(APRIL17) in line and "sources differ" not in line


def test_a_first_day_after_an_undated_premiere_claim_is_a_date_set(show: Show) -> None:
    """The classifier reads 'XO, Kitty season 4 coming in April' as a premiere date with no
    day: the day told later was posted 'Date changed', from a date the post never gave."""
    undated = told(R)
    day = told(R, APRIL17, at=timedelta(days=3), url="https://b.example/")
    assert assess(Observation(show, 4, day), [undated]) == "date_set"
    # once a day stands, another one is a move, as before
    may = told(R, MAY8, at=timedelta(days=6), url="https://c.example/")
    assert assess(Observation(show, 4, may), [undated, day]) == "date_changed"


def test_a_day_after_a_delay_is_judged_by_where_the_delay_moved_it(show: Show) -> None:
    """A delay to June 2027 stands: a premiere day is judged against June 2027, not the
    undated claim's first date. 'Premieres June 12' after it was posted 'Date changed',
    though June was where the delay had moved it: the date set. A day outside June moves
    it; 'coming in June 2027' only retells the delay (posted again as 'Date changed')."""
    undated = told(R)
    delay = told(R, milestone=Milestone.DELAYED, period=PartialDate(2027, 6), at=timedelta(1))
    news = [undated, delay]
    day = told(R, date(2027, 6, 12), at=timedelta(days=3), url="https://b.example/")
    assert assess(Observation(show, 4, day), news) == "date_set"
    july = replace(day, event_date=date(2027, 7, 3))
    assert assess(Observation(show, 4, july), news) == "date_changed"
    month = replace(day, event_date=None, period=PartialDate(2027, 6))
    assert assess(Observation(show, 4, month), news) == "extra_source"
    assert assess(Observation(show, 4, replace(month, certainty=C)), news) == "raised_certainty"
    # and a delay to a day, then a premiere date on that day: the same day, retold
    to_day = replace(delay, event_date=date(2027, 6, 12), period=None)
    assert assess(Observation(show, 4, day), [undated, to_day]) == "extra_source"


JUNE5, JUNE12 = date(2027, 6, 5), date(2027, 6, 12)


def test_a_surer_date_in_the_same_poll_is_sources_that_differ(show: Show) -> None:
    """'Reported June 12' and 'Netflix confirms June 5' read in one poll: the second was
    posted 'Date changed', a move nobody made. The surer day leads, June 12 named beside
    it as what other sources say. A surer day from a story out after June 12 was told is
    a correction, a change as before."""
    june12 = told(R, JUNE12, out=timedelta(minutes=-50))
    june5 = told(C, JUNE5, out=timedelta(minutes=-20), url="https://netflix.example/")
    obs = Observation(show, 4, june5)
    assert assess(obs, [june12]) == "sources_differ"
    assert differs_from(obs, [june12]) == (PartialDate(2027, 6, 12),)
    later = replace(june5, seen_at=TOLD + timedelta(hours=1), published=TOLD + timedelta(1 / 48))
    assert assess(Observation(show, 4, later), [june12]) == "date_changed"
    # less surely, in one poll: one more source, as before
    weaker = told(R, JUNE5, out=timedelta(minutes=-20), url="https://b.example/")
    confirmed = replace(june12, certainty=C)
    assert assess(Observation(show, 4, weaker), [confirmed]) == "extra_source"
    # a day within the month told, surer, in one poll: the date set, no sources that differ
    month = told(R, period=PartialDate(2027, 6), out=timedelta(minutes=-50))
    assert assess(obs, [month]) == "date_set"


def post_fields(kind: str, also: tuple[PartialDate, ...], show: Show) -> dict[str, str]:
    event = told(C, JUNE5, url="https://netflix.example/")
    article = Article("f", "k", event.source_url, "Netflix confirms the day", TOLD, "")
    message = change_message(
        Observation(show, 4, event), kind, article, role_id=None, threads=False, also=also
    )
    return {f["name"]: f["value"] for f in message["embed"]["fields"]}


def test_a_date_set_post_says_so(show: Show) -> None:
    fields = post_fields("date_set", (), show)
    assert fields["What changed"] == "Date set"
    assert fields["Date"].startswith(release_day(JUNE5))


def test_other_dates_past_the_two_named_are_counted(show: Show) -> None:
    """A 'sources differ' post named two of three other days, as if they were all."""
    days = tuple(PartialDate(2027, 6, d) for d in (12, 19, 26))
    fields = post_fields("sources_differ", days, show)
    named = ", ".join(release_day(d.exact) for d in days[:2] if d.exact)
    assert fields["Other sources say"] == f"{named} and 1 more"
    two = post_fields("sources_differ", days[:2], show)["Other sources say"]
    assert two == named


def test_status_counts_the_other_dates_it_does_not_name() -> None:
    """/status's line named two of three other days the sources gave, and no more."""
    days = (date(2027, 6, 5), date(2027, 6, 12), date(2027, 6, 19), date(2027, 6, 26))
    told_at_once = [told(R, d, url=f"https://{d.day}.example/") for d in days]
    step = season_status(SEASON4, told_at_once).step(DATE)
    assert step is not None and len(step.rival_dates) == 3
    assert step_line(step, 4, TOLD).count(" and 1 more)") == 1


def test_a_month_or_year_told_after_a_day_in_it_keeps_the_day(show: Show) -> None:
    """'Premieres April 17', then 'coming in April 2027', then 'returns in 2027', as surely:
    no post (nothing moved), but /status, the card and the premiere event took the newest,
    coarser date and lost the day. The day stands; a day outside it still moves it."""
    day = told(R, APRIL17)
    month = told(R, period=APRIL, at=timedelta(days=2), url="https://b.example/")
    year = told(R, period=PartialDate(2027), at=timedelta(days=4), url="https://c.example/")
    assert assess(Observation(show, 4, month), [day]) == "extra_source"
    status = season_status(SEASON4, [day, month, year])
    shown = standing_date(status)
    assert shown is not None and shown.date == PartialDate(2027, 4, 17) and not shown.rival_dates
    event = wanted_event(show.title, status, TOLD)
    assert event is not None and event.start.date() == APRIL17
    may = told(R, MAY8, at=timedelta(days=6), url="https://d.example/")
    moved = standing_date(season_status(SEASON4, [day, month, year, may]))
    assert moved is not None and moved.date == PartialDate(2027, 5, 8)


def test_a_day_reported_within_a_confirmed_month_is_a_date_set(show: Show) -> None:
    """'Netflix confirms season 4 premieres in April 2027', then 'premieres April 17'
    reported: no post, and /status kept 'April 2027', as if no day were known (before the
    month was read, the day was the first date given, and posted). The day is the date
    set, as sure as its report; the month's confirmation still counts for the step."""
    month = told(C, period=APRIL)
    day = told(R, APRIL17, at=timedelta(days=3), url="https://b.example/")
    assert assess(Observation(show, 4, day), [month]) == "date_set"
    shown = standing_date(season_status(SEASON4, [month, day]))
    assert shown is not None and shown.date == PartialDate(2027, 4, 17)
    assert (shown.certainty, shown.date_sureness) == (C, R)
    # a day outside the confirmed month, reported, moves nothing: the month is surer
    may = told(R, MAY8, at=timedelta(days=3), url="https://c.example/")
    assert assess(Observation(show, 4, may), [month]) == "extra_source"


def test_a_month_or_year_holding_the_day_a_delay_named_keeps_the_day(show: Show) -> None:
    """'Premieres April 17', 'delayed to June 12', then an outlet's 'coming in June 2027':
    posted 'Date changed', and being newer than the delay /status showed 'June 2027' and the
    premiere event for June 12 was withdrawn. A month or year holding the delay's day only
    retells it coarser: a source, no post, the day stays. The same after a plain premiere
    date, with no delay (``_sharpest``)."""
    day = told(R, APRIL17)
    delay = told(R, JUNE12, milestone=Milestone.DELAYED, at=timedelta(days=2))
    news = [day, delay]
    for at, period in enumerate((PartialDate(2027, 6), PartialDate(2027)), start=4):
        late = told(R, period=period, at=timedelta(days=at), url=f"https://{at}.example/")
        assert assess(Observation(show, 4, late), news) == "extra_source"
        news.append(late)
        status = season_status(SEASON4, news)
        assert standing_date(status) is None and moved_day(status) == JUNE12
        event = wanted_event(show.title, status, TOLD)
        assert event is not None and event.start.date() == JUNE12
    # no delay: a month holding the premiere day is no move, and the day stays
    month = told(R, period=PartialDate(2027, 6), at=timedelta(days=4), url="https://m.example/")
    plain = told(R, JUNE12)
    assert assess(Observation(show, 4, month), [plain]) == "extra_source"
    shown = standing_date(season_status(SEASON4, [plain, month]))
    assert shown is not None and shown.date == PartialDate(2027, 6, 12)


def test_a_month_after_a_delay_holding_only_the_date_it_left_is_that_date_retold(
    show: Show,
) -> None:
    """'Premieres May 8', 'delayed to June 12', then 'coming in May 2027': the month the
    delay moved the premiere away from, from an outlet behind the news. /status showed
    'May 2027' (newer than the delay) and the June 12 event went: it is the old date
    retold, history. A month holding neither ('coming in July 2027') is a move, as a day
    outside the delay's is."""
    may = told(R, MAY8)
    delay = told(R, JUNE12, milestone=Milestone.DELAYED, at=timedelta(days=2))
    month = told(R, period=PartialDate(2027, 5), at=timedelta(days=4), url="https://m.example/")
    assert assess(Observation(show, 4, month), [may, delay]) == "extra_source"
    status = season_status(SEASON4, [may, delay, month])
    assert standing_date(status) is None and moved_day(status) == JUNE12
    july = replace(month, period=PartialDate(2027, 7))
    assert assess(Observation(show, 4, july), [may, delay]) == "date_changed"
    moved = standing_date(season_status(SEASON4, [may, delay, july]))
    assert moved is not None and moved.date == PartialDate(2027, 7)


async def test_the_delays_day_stands_after_a_restart(tmp_path: Path, show: Show) -> None:
    """Stored, then read back by a bot started again: the coarser month still keeps the
    day the delay named (/status is rebuilt from the news store)."""
    news = [
        told(R, APRIL17),
        told(R, JUNE12, milestone=Milestone.DELAYED, at=timedelta(days=2)),
        told(R, period=PartialDate(2027, 6), at=timedelta(days=4), url="https://m.example/"),
    ]
    store = await Store.open(tmp_path / "kissbot.db")
    await store.migrate()
    try:
        await stored_and_read(store, *news)
    finally:
        await store.close()
    again = await Store.open(tmp_path / "kissbot.db")
    try:
        read = await again.news.learned_events("xo-kitty", 3)
    finally:
        await again.close()
    assert [e.period for e in read] == [None, None, PartialDate(2027, 6)]
    status = season_status(show.seasons[2], read)
    assert standing_date(status) is None and moved_day(status) == JUNE12


def test_a_surer_month_holding_a_delays_day_is_now_more_certain(show: Show) -> None:
    """'Premieres May 8', 'delayed to August 14' reported, then 'Netflix confirms August
    2027': kept as a source while the release step's certainty rose to confirmed on
    /status with no post, though the same month confirmed after a reported day with no
    delay, or after a delay to that month, is posted 'Now more certain'. So it is, once:
    another confirmation of August, or a report of it, is a source; the delay's day stands."""
    aug14 = date(2027, 8, 14)
    may = told(R, MAY8)
    delay = told(R, aug14, milestone=Milestone.DELAYED, at=timedelta(days=2))
    month = told(C, period=PartialDate(2027, 8), at=timedelta(days=4), url="https://n.example/")
    obs = Observation(show, 4, month)
    assert assess(obs, [may, delay]) == "raised_certainty"
    again = replace(month, seen_at=TOLD + timedelta(days=5), source_url="https://b.example/")
    assert assess(Observation(show, 4, again), [may, delay, month]) == "extra_source"
    reported = replace(month, certainty=R)
    assert assess(Observation(show, 4, reported), [may, delay]) == "extra_source"
    status = season_status(SEASON4, [may, delay, month])
    assert standing_date(status) is None and moved_day(status) == aug14
    # told before the delay, the month is a time the delay overtook: history, as before
    early = replace(month, seen_at=TOLD + timedelta(days=1), published=TOLD + timedelta(days=1))
    assert assess(Observation(show, 4, early), [may, delay]) == "extra_source"


def _delay_then_surer_month() -> tuple[LearnedEvent, LearnedEvent, LearnedEvent]:
    """'Premieres May 8' and 'delayed to August 14', reported, then Netflix confirms August."""
    may = told(R, MAY8)
    delay = told(R, AUG14, milestone=Milestone.DELAYED, at=timedelta(days=2))
    month = told(C, period=AUGUST, at=timedelta(days=4), url="https://netflix.example/")
    return may, delay, month


AUGUST, AUG14 = PartialDate(2027, 8), date(2027, 8, 14)


def test_a_confirmed_day_after_a_confirmed_month_of_a_reported_delay_day_is_surer(
    show: Show,
) -> None:
    """After 'Now more certain' for the confirmed August, 'Netflix confirms August 14' was a
    source: the month's certainty was counted as the day's, though only the delay, reported,
    gave the day. /status then turned the day confirmed with no post. It is 'Now more
    certain' as it is with no month between; a report of the day is a source."""
    may, delay, month = _delay_then_surer_month()
    day = told(C, AUG14, at=timedelta(days=6), url="https://netflix.example/day")
    assert assess(Observation(show, 4, day), [may, delay, month]) == "raised_certainty"
    assert assess(Observation(show, 4, day), [may, delay]) == "raised_certainty"
    reported = replace(day, certainty=R)
    assert assess(Observation(show, 4, reported), [may, delay, month]) == "extra_source"
    again = replace(day, seen_at=TOLD + timedelta(days=7), source_url="https://b.example/")
    assert assess(Observation(show, 4, again), [may, delay, month, day]) == "extra_source"


def test_status_says_the_delays_time_was_made_surer_not_the_date_it_overtook(
    show: Show,
) -> None:
    """After 'Now more certain' for August 2027, /status read '✅ Release date: May 8 (date
    reported), before a delay · confirmed' beside '⏳ Delayed: August 14 · reported': the
    confirmation read as the overtaken day's, and nothing said August was confirmed. The
    month is the delay's source now: its line, the headline and the premiere event say
    'August 2027 confirmed', the day still reported and counted down to."""
    may, delay, month = _delay_then_surer_month()
    status = season_status(SEASON4, [may, delay, month])
    dated = status.step(DATE)
    assert dated is not None and dated.certainty is R and dated.date_overtaken
    assert [s.url for s in dated.sources] == [may.source_url]
    assert moved_day(status) == AUG14
    ladder = ladder_text(status, TOLD)
    release = next(line for line in ladder.splitlines() if "**Release date**" in line)
    assert release.startswith("📰") and "· reported ·" in release and "confirmed" not in release
    delayed = next(line for line in ladder.splitlines() if "**Delayed**" in line)
    assert "· reported (August 2027 confirmed) ·" in delayed and month.source_url in delayed
    head = headline(show, SEASON4, status, TOLD)
    assert head.endswith(f"{release_countdown(AUG14)} (August 2027 confirmed).")
    event = wanted_event(show.title, status, TOLD)
    assert event is not None and event.start.date() == AUG14
    assert "Date: reported, per a.example; August 2027 confirmed, per netflix.example." in (
        event.description
    )
    # a report of the month as sure as the delay is a source of its time, and says nothing
    quiet = season_status(SEASON4, [may, delay, replace(month, certainty=R)])
    assert "(August" not in ladder_text(quiet, TOLD) and "(August" not in headline(
        show, SEASON4, quiet, TOLD
    )
    # with no premiere date before the delay, the month leaves no dateless release step, and
    # another outlet's confirmation still repeats the change to servers that missed it
    alone = season_status(SEASON4, [delay, month])
    assert alone.step(DATE) is None and moved_day(alone) == AUG14
    again = replace(month, seen_at=TOLD + timedelta(days=5), source_url="https://b.example/")
    assert not overturned(Observation(show, 4, again), [delay, month])
    # once Netflix gives the day, the release step is the day, confirmed, and the delay history
    day = told(C, AUG14, at=timedelta(days=6), url="https://netflix.example/day")
    settled = season_status(SEASON4, [may, delay, month, day])
    shown = standing_date(settled)
    assert shown is not None and shown.date == PartialDate(2027, 8, 14) and shown.certainty is C
    assert "(August 2027 confirmed)" not in ladder_text(settled, TOLD)


@pytest.mark.parametrize("confirmed", [APRIL, None], ids=["month", "no-time"])
def test_netflix_confirming_a_day_reported_within_its_confirmed_month_is_surer(
    show: Show, confirmed: PartialDate | None
) -> None:
    """'Netflix confirms April 2027' (or 'confirms the premiere date', no time), then
    'premieres April 17' reported (posted, 'Date set'), then 'Netflix confirms April 17': a
    source, no post, though /status's headline turned from 'April 17 (reported)' to
    'April 17 (confirmed)' and the line lost its '(date reported)'. With no month before,
    the same confirmation is 'Now more certain'; so it is here, once."""
    first = told(C, period=confirmed, url="https://netflix.example/month")
    day = told(R, APRIL17, at=timedelta(days=2), url="https://b.example/")
    sure = told(C, APRIL17, at=timedelta(days=3), url="https://netflix.example/day")
    assert assess(Observation(show, 4, sure), [first, day]) == "raised_certainty"
    assert assess(Observation(show, 4, sure), [day]) == "raised_certainty"
    again = replace(sure, seen_at=TOLD + timedelta(days=4), source_url="https://c.example/")
    assert assess(Observation(show, 4, again), [first, day, sure]) == "extra_source"
    before = headline(show, SEASON4, season_status(SEASON4, [first, day]), TOLD)
    after = headline(show, SEASON4, season_status(SEASON4, [first, day, sure]), TOLD)
    assert before.endswith("(reported).") and after.endswith("(confirmed).")


def test_another_outlets_report_of_the_delay_leaves_netflixs_month_the_delays(
    show: Show,
) -> None:
    """'Premieres May 8', 'delayed to August 14' reported, 'Netflix confirms August' (posted
    'Now more certain'), then another outlet reporting the same delay: the month counted as
    told before the delay, so /status lost '(August 2027 confirmed)' and turned the overtaken
    May 8 confirmed again, and the next outlet's confirmation of August was posted 'Now more
    certain' a second time. A delay retold is the same move: the month stays its retelling."""
    may, delay, month = _delay_then_surer_month()
    late = told(R, AUG14, milestone=Milestone.DELAYED, at=timedelta(days=5), url="https://x.ex/")
    again = replace(month, seen_at=TOLD + timedelta(days=6), source_url="https://y.example/")
    assert assess(Observation(show, 4, again), [may, delay, month, late]) == "extra_source"
    status = season_status(SEASON4, [may, delay, month, late])
    dated = status.step(DATE)
    assert dated is not None and dated.certainty is R
    assert headline(show, SEASON4, status, TOLD).endswith("(August 2027 confirmed).")
    # Netflix's day since is still news once, judged by the move, not by the latest report
    day = told(C, AUG14, at=timedelta(days=7), url="https://netflix.example/day")
    assert assess(Observation(show, 4, day), [may, delay, month, late, again]) == (
        "raised_certainty"
    )


def test_a_second_delay_leaves_the_month_retelling_the_first_out_of_the_release_date(
    show: Show,
) -> None:
    """After 'Netflix confirms August' retold the first delay's August 14, a second delay to
    October 2 put the month back in the release step: '✅ Release date: May 8 (date
    reported), before a delay · confirmed', the very line the month had left. It retold a
    time the second delay overtook: history of the delays, and it confirms neither May 8,
    nor October 2, nor a day given after."""
    may, delay, month = _delay_then_surer_month()
    second = told(R, date(2027, 10, 2), milestone=Milestone.DELAYED, at=timedelta(days=6))
    status = season_status(SEASON4, [may, delay, month, second])
    dated = status.step(DATE)
    assert dated is not None and dated.certainty is R and dated.date_overtaken
    assert [s.url for s in dated.sources] == [may.source_url]
    ladder = ladder_text(status, TOLD)
    delayed = next(line for line in ladder.splitlines() if "**Delayed**" in line)
    assert month.source_url in delayed and "(August" not in ladder and "(October" not in ladder
    event = wanted_event(show.title, status, TOLD)
    assert event is not None and "confirmed" not in event.description
    oct9 = told(R, date(2027, 10, 9), at=timedelta(days=8), url="https://e.example/")
    shown = standing_date(season_status(SEASON4, [may, delay, month, second, oct9]))
    assert shown is not None and shown.certainty is R


def test_a_coarser_retelling_as_sure_does_not_hide_the_month_told(show: Show) -> None:
    """'Netflix confirms August', then an outlet confirming 'coming in 2027': /status, the
    headline, /episode and the premiere event said '(2027 confirmed)' in place of
    '(August 2027 confirmed)' (the newest as sure): fans lost the month they were posted."""
    may, delay, month = _delay_then_surer_month()
    year = told(C, period=PartialDate(2027), at=timedelta(days=5), url="https://z.example/")
    assert assess(Observation(show, 4, year), [may, delay, month]) == "extra_source"
    status = season_status(SEASON4, [may, delay, month, year])
    assert headline(show, SEASON4, status, TOLD).endswith("(August 2027 confirmed).")
    event = wanted_event(show.title, status, TOLD)
    assert event is not None and "August 2027 confirmed, per netflix.example" in (event.description)


def test_a_month_retelling_a_delay_only_the_pack_gives_is_the_delays() -> None:
    """A delay the pack gives has no time it was told: every month from the news since holds
    its time as retold, as for a delay from the news (no release step, '(... confirmed)')."""
    pack = TimelineEntry(
        milestone=Milestone.DELAYED,
        date=PartialDate(2027, 8, 14),
        certainty=R,
        sources=["https://pack.example/"],
    )
    season = Season(number=4, state=SeasonState.RENEWED, sources=(), timeline=(pack,))
    status = season_status(season, [_delay_then_surer_month()[2]])
    assert status.step(DATE) is None
    assert "· reported (August 2027 confirmed) ·" in ladder_text(status, TOLD)


def test_a_delay_told_again_after_a_denial_keeps_netflixs_month_its_own(show: Show) -> None:
    """'Delayed to August 14' reported, 'Netflix confirms August' (posted 'Now more certain'),
    a denial of the delay, then the delay reported again: the month read as told before the
    standing move, so /status read '✅ Release date: August 2027, before a delay · confirmed',
    and another outlet confirming August was posted 'Now more certain' a second time. The
    delay told again is the move the month confirmed: the month stays its retelling."""
    may, delay, month = _delay_then_surer_month()
    denial = replace(delay, event_date=None, denied=True, seen_at=TOLD + timedelta(days=5))
    again = replace(delay, seen_at=TOLD + timedelta(days=6), source_url="https://x.example/")
    news = [may, delay, month, denial, again]
    assert assess(Observation(show, 4, again), news[:-1]) == "new_milestone"
    other = replace(month, seen_at=TOLD + timedelta(days=7), source_url="https://y.example/")
    assert assess(Observation(show, 4, other), news) == "extra_source"
    status = season_status(SEASON4, news)
    dated = status.step(DATE)
    assert dated is not None and dated.certainty is R and dated.date == PartialDate(2027, 5, 8)
    ladder = ladder_text(status, TOLD)
    assert "August 2027, before a delay" not in ladder
    delayed = next(line for line in ladder.splitlines() if "**Delayed**" in line)
    assert "· reported (August 2027 confirmed) ·" in delayed
    assert headline(show, SEASON4, status, TOLD).endswith("(August 2027 confirmed).")


@pytest.mark.parametrize("before", [None, PartialDate(2027, 4)], ids=["none", "month"])
def test_a_delay_to_a_day_where_no_day_was_given_is_the_day_fans_wait_for(
    show: Show, before: PartialDate | None
) -> None:
    """'XO, Kitty season 4 delayed to August 14' with no premiere day told before it (none,
    or 'coming in April 2027'): /status's headline said 'Nothing is known about season 4
    yet' (or 'Latest for season 4: release date'), /episode 'no release date yet', and no
    premiere event was made, though the Delayed line counted down to August 14. The day is
    the one fans wait for: the headline and /episode give it, the event is made for it. A
    month or a year gives no day: 'expected in', no event, as before."""
    news = [told(R, period=before)] if before is not None else []
    news.append(told(R, AUG14, milestone=Milestone.DELAYED, at=timedelta(days=2)))
    status = season_status(SEASON4, news)
    head = headline(show, SEASON4, status, TOLD)
    when = f"{release_day(AUG14)}, {release_countdown(AUG14)}"
    if before is None:
        assert head == f"Season 4 is set for {when}: a delay reported moved it there."
    else:
        assert head == (
            "Season 4 was expected in April 2027 (reported), but a delay has since been "
            f"reported: now {when}."
        )
    event = wanted_event(show.title, status, TOLD)
    assert event is not None and event.start.date() == AUG14
    shown = season_episodes_embed(show, SEASON4, TOLD, status).description or ""
    assert release_day(AUG14) in shown and "no release date yet" not in shown
    # the day come and gone with no word it came out: no countdown, no event
    late = TOLD.replace(year=2027, month=8, day=20)
    assert wanted_event(show.title, status, late) is None
    if before is None:
        assert headline(show, SEASON4, status, late) == (
            f"Season 4 was moved to {release_day(AUG14)} by a delay reported, but no source we "
            "track confirms it came out yet."
        )
    for period in (AUGUST, PartialDate(2027)):
        moved = season_status(SEASON4, [told(R, milestone=Milestone.DELAYED, period=period)])
        assert headline(show, SEASON4, moved, TOLD).startswith(
            f"Season 4 is expected in {period.human()}: a delay reported moved it there"
        )
        assert wanted_event(show.title, moved, TOLD) is None
    # /episode says a delay's month made surer, as /status's headline does
    year = told(C, period=PartialDate(2027), at=timedelta(days=1), url="https://netflix.example/")
    surer = season_status(SEASON4, [told(R, milestone=Milestone.DELAYED, period=AUGUST), year])
    assert headline(show, SEASON4, surer, TOLD).endswith("(2027 confirmed).")
    shown = season_episodes_embed(show, SEASON4, TOLD, surer).description or ""
    assert "expected in August 2027, delay reported (2027 confirmed)" in shown


def test_a_day_reported_within_a_confirmed_month_reads_reported_beside_the_month(
    show: Show,
) -> None:
    """'Netflix confirms August 2027', then 'premieres August 20' reported (posted 'Date
    set'), then another outlet's 'premieres September 3': /status read '✅ Release date:
    August 20 (date reported) (sources differ: also September 3) · confirmed', the month's
    certainty where fans read the day's. The line says the day's own, and the month's."""
    month = told(C, period=AUGUST, url="https://netflix.example/")
    day = told(R, date(2027, 8, 20), at=timedelta(days=2), url="https://b.example/")
    other = told(R, date(2027, 9, 3), at=timedelta(days=4), url="https://c.example/")
    for news in ([month, day], [month, day, other]):
        ladder = ladder_text(season_status(SEASON4, news), TOLD)
        line = next(line for line in ladder.splitlines() if "**Release date**" in line)
        assert line.startswith("📰") and "(date reported)" not in line
        assert "· reported (August 2027 confirmed) ·" in line
    # a day the delay overtook says so too; a confirmation giving no time, as before
    delay = told(R, date(2027, 10, 1), milestone=Milestone.DELAYED, at=timedelta(days=5))
    ladder = ladder_text(season_status(SEASON4, [month, day, delay]), TOLD)
    assert "before a delay · reported (August 2027 confirmed) ·" in ladder
    undated = replace(month, period=None)
    ladder = ladder_text(season_status(SEASON4, [undated, day]), TOLD)
    assert "(date reported) · confirmed ·" in ladder


def test_the_delayed_line_names_the_delays_reports_before_a_month_retelling_them(
    show: Show,
) -> None:
    """The Delayed line ordered its sources by certainty, so Netflix's confirmed August, a
    retelling of the first delay's time, came first: once 'season 4 premiere on August 14
    postponed' took the day away, the line read '⏳ Delayed: date unknown · reported ·
    [Netflix confirms August 2027] · [delayed to August 14] · +1', the delay that stands
    hidden; after a second delay to October 2, the first delay's report was the one hidden.
    A fan reads the first links as the delay's own: the reports come first, the month after."""
    may, delay, month = _delay_then_surer_month()
    delay = replace(delay, source_url="https://delay.example/")
    postponed = replace(
        delay,
        event_date=None,
        moved_from=AUG14,
        seen_at=TOLD + timedelta(days=6),
        source_url="https://again.example/",
    )
    october = told(R, date(2027, 10, 2), milestone=Milestone.DELAYED, at=timedelta(days=6))
    october = replace(october, source_url="https://october.example/")
    for second in (postponed, october):
        ladder = ladder_text(season_status(SEASON4, [may, delay, month, second]), TOLD)
        line = next(line for line in ladder.splitlines() if "**Delayed**" in line)
        shown = line.split(" · ", 2)[2]
        assert delay.source_url in shown and second.source_url in shown
        assert month.source_url not in shown and shown.endswith("+1")
    # while the move stands, the month is named after its report, as before
    ladder = ladder_text(season_status(SEASON4, [may, delay, month]), TOLD)
    line = next(line for line in ladder.splitlines() if "**Delayed**" in line)
    assert line.index(delay.source_url) < line.index(month.source_url)


@pytest.mark.parametrize("denied", [True, False], ids=["denied-between", "no-denial"])
def test_a_new_delay_within_netflixs_month_keeps_the_month_its_own(
    show: Show, denied: bool
) -> None:
    """As above, but the delay told since names another day within August ('delayed to
    August 21'), after a denial or not: the month confirmed still holds the premiere, yet it
    read as told before the move, so another outlet confirming August was posted 'Now more
    certain' a second time (and, after the denial, the release line read 'August 2027,
    before a delay · confirmed'). The premiere never left August: the month is the move's."""
    may, delay, month = _delay_then_surer_month()
    news = [may, delay, month]
    if denied:
        news.append(replace(delay, event_date=None, denied=True, seen_at=TOLD + timedelta(5)))
    aug21 = told(R, date(2027, 8, 21), milestone=Milestone.DELAYED, at=timedelta(days=6))
    news.append(replace(aug21, source_url="https://x.example/"))
    other = replace(month, seen_at=TOLD + timedelta(days=7), source_url="https://y.example/")
    assert assess(Observation(show, 4, other), news) == "extra_source"
    ladder = ladder_text(season_status(SEASON4, news), TOLD)
    assert "August 2027, before a delay" not in ladder
    assert "· reported (August 2027 confirmed) ·" in ladder
    # a delay out of the month leaves it history, as before: its confirmation is news
    october = replace(news[-1], event_date=date(2027, 10, 2))
    assert (
        assess(
            Observation(show, 4, replace(other, period=PartialDate(2027, 10))),
            [
                *news[:-1],
                october,
            ],
        )
        == "raised_certainty"
    )
