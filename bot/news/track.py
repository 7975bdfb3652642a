"""From a classifier signal to a season event, and whether it changes anything (pure)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Protocol, TypeVar

from bot.catalog.dates import PartialDate, release_start
from bot.catalog.models import Season, Show
from bot.domain.status import (
    ONE_DATE,
    Change,
    LearnedEvent,
    SeasonStatus,
    Step,
    classify_change,
    moved_to,
    passed,
    season_status,
    standing_date,
)
from bot.news.models import Article, Certainty, Milestone, Signal


@dataclass(frozen=True, slots=True)
class Observation:
    """One article's claim about one season."""

    show: Show
    season: int
    event: LearnedEvent


def resolve_season(signal: Signal, show: Show, told: int | None = None) -> int:
    """The season a signal is about, when the headline does not say.

    A renewal or cancellation without a number is about the season after the pack's
    newest; anything else is about the newest season: the pack's, or ``told``, the newest
    the news told of ("starts filming new season" once season 4 was renewed). A
    cancellation that names the last season is about the season after it.
    """
    if signal.season is not None:
        # "will end with season 4": season 4 still comes; it is season 5 that will not
        return signal.season + 1 if signal.final else signal.season
    newest = show.seasons[-1].number
    if signal.about in (Milestone.RENEWED, Milestone.CANCELLED) and show.seasons[-1].timeline:
        return newest + 1
    return max(newest, told or newest)


# An article published this long before it reached us is dated by its publication. Any
# sooner and a feed's day-only dates (midnight) could reorder news told the same day.
RETOLD_AFTER = timedelta(days=2)


def observe(
    signal: Signal, article: Article, show: Show, told_at: datetime, newest: int | None = None
) -> Observation:
    """``told_at``: when the article's story was first seen, so a story retold days later
    (a slow outlet, a re-publication) takes its place in the timeline as the old news it is.
    So does an article published well before it reached us, told in other words.
    ``newest``: the newest season the news told of, for a headline that names none."""
    milestone = signal.about
    assert milestone is not None
    if article.published is not None and article.published < told_at - RETOLD_AFTER:
        told_at = article.published
    return Observation(
        show=show,
        season=resolve_season(signal, show, newest),
        event=LearnedEvent(
            milestone=milestone,
            certainty=signal.certainty or Certainty.REPORTED,
            event_date=signal.event_date,
            source_url=article.url,
            source_title=article.title,
            seen_at=told_at,
            denied=signal.denies is not None,
            moved_from=signal.moved_from,
            period=signal.period,
            published=out_at(article, told_at),
        ),
    )


def out_at(article: Article, told_at: datetime) -> datetime:
    """When the article's story was out, as far as we can tell: its feed's date, but never
    after it was told (a date ahead is a clock off: "KST" written as GMT), and when it was
    told for an entry with no date, or one dated by its day alone (midnight: "published
    before" would be a guess all that day). Two outlets' days in one poll are then told at
    once whatever their feeds' clocks say (``_out_before``)."""
    published = article.published
    if published is None or published > told_at:
        return told_at
    return told_at if published.time() == time() else published


def out_by(status: SeasonStatus, at: datetime) -> bool:
    """Is the season out at ``at``: told so, or its premiere day (the date announced, not
    overtaken by a delay) come?"""
    if status.step(Milestone.RELEASED) is not None:
        return True
    dated = standing_date(status)
    if dated is None or dated.date is None:
        return False
    day = dated.date.exact
    return day is not None and release_start(day) <= at


def season_of(show: Show, number: int) -> Season | None:
    return next((s for s in show.seasons if s.number == number), None)


def _season(obs: Observation) -> Season:
    """The season ``obs`` is about: the pack's, or one only the news knows."""
    return season_of(obs.show, obs.season) or Season.from_news_only(obs.season)


def assess(obs: Observation, learned: Sequence[LearnedEvent]) -> Change:
    """A change only if it adds a milestone, raises its certainty, moves a date or reverses
    where the season stands (cancelled or not), judged where the claim falls in time: a
    story first told before the news that overtook it changes nothing."""
    season = _season(obs)
    before = season_status(season, learned)
    after = season_status(season, [*learned, obs.event])
    milestone = obs.event.milestone
    if obs.event.denied:
        # news only when it withdraws where the season stood on that milestone
        withdrew = before.step(milestone) is not None and after.step(milestone) is None
        return "denied" if withdrew else "extra_source"
    if before.cancelled is not None and after.is_cancelled != before.is_cancelled:
        return "reversal"
    if (sureness := _move_retold(obs.event, before, learned)) is not None:
        # "delayed to August 14", then "Netflix confirms August": the delay's time retold,
        # as a premiere date read with no delay would be (a month holding the day)
        return "raised_certainty" if obs.event.certainty > sureness else "extra_source"
    if _overturned(obs.event, after):
        return "extra_source"  # told before the news that overturned it: history
    kind = classify_change(before, obs.event)
    if kind == "extra_source" and _overtakes(before, after):
        return "new_milestone"  # delayed again: the date set since the last delay is moved
    if kind == "extra_source" and _day_taken(before, after):
        return "new_milestone"  # delayed again, away from the day the last delay named
    old, new = before.step(milestone), after.step(milestone)
    if kind == "date_changed" and old is not None:
        if new is not None and old.date == new.date:
            return "raised_certainty" if obs.event.certainty > old.certainty else "extra_source"
        if _told_before(obs.event, old):
            return "extra_source"  # outlets disagree: a date told as surely before is no move
        if new is not None and old.date in new.rival_dates and _out_before(obs.event, old, learned):
            return "sources_differ"  # one poll's two outlets, or an older story come late
        if milestone in ONE_DATE and _sets_within(obs.event, old, before):
            return "date_set"  # "coming in April", then "premieres April 17": nothing moved
        if milestone in ONE_DATE and _surer_at_once(obs.event, old, learned):
            return "sources_differ"  # "reported June 12", "Netflix confirms June 5": one poll
    return kind


def _move_retold(
    event: LearnedEvent, before: SeasonStatus, learned: Sequence[LearnedEvent]
) -> Certainty | None:
    """When ``event``, a premiere date told since the delay that stands, retells the time
    that delay moved the premiere to (the same, or a month or year holding it: "delayed to
    August 14", then "coming in August 2027"): how surely that time was told before, by the
    delay or by such a retelling as precise as ``event`` (a confirmed August does not
    confirm the reported August 14). Else None. Only a surer retelling is news, once."""
    moved, when = _retells_move(event, before), event.when
    if moved is None or moved.date is None or when is None:
        return None
    retold = (
        e.certainty
        for e in learned
        if e.milestone is event.milestone
        and not e.denied
        and e.when is not None
        and e.when.holds(moved.date)
        and when.holds(e.when)
        and _told_since(e, before)
    )
    return max([moved.date_sureness, *retold])


def _retells_move(event: LearnedEvent, status: SeasonStatus) -> Step | None:
    """The delay step of ``status`` when ``event``, a premiere date told since it, gives the
    time that delay moved the premiere to, or a month or year holding it."""
    moved, when = moved_to(status), event.when
    if (
        event.milestone is not Milestone.RELEASE_DATE_ANNOUNCED
        or event.denied
        or moved is None
        or moved.date is None
        or when is None
        or not when.holds(moved.date)
        or not _told_since(event, status)
    ):
        return None
    return moved


def _told_since(event: LearnedEvent, status: SeasonStatus) -> bool:
    """Was ``event`` told once the standing delay's move was (``SeasonStatus.move_since``)?
    Another outlet retelling the move later does not make a retelling told between them
    history."""
    since = status.move_since
    return since is None or since <= event.seen_at


def _sets_within(event: LearnedEvent, step: Step, before: SeasonStatus) -> bool:
    """Does ``event`` give the step's date where it had none ("Netflix confirms the premiere
    date", "coming in April" as read without its month), or more precisely within the one
    given (April 17 in April), or within the month or year a delay that stands moved the
    premiere to ("delayed to June 2027", then "premieres June 12")? Then nothing moved: the
    date got precise. Not where a delay overtook the date naming no time: a move then."""
    moved = moved_to(before)
    when, known = event.when, step.date if moved is None else moved.date
    if when is None or (moved is None and step.date_overtaken):
        return False
    return known is None or known.holds(when)


def _surer_at_once(event: LearnedEvent, step: Step, learned: Sequence[LearnedEvent]) -> bool:
    """Does ``event`` give, more surely, another date than the step's, from a story out by
    the time that date was told ("reported June 12" and "Netflix confirms June 5" in one
    poll)? Nothing moved between them: the surer date leads, the other is what other
    sources say. A surer date out after the first was told is a correction: a move."""
    when, known = event.when, step.date
    return (
        when is not None
        and known is not None
        and not step.date_overtaken
        and event.certainty > step.date_sureness
        and (when.last_day < known.first_day or known.last_day < when.first_day)
        and _out_before(event, step, learned)
    )


def _told_before(event: LearnedEvent, step: Step) -> bool:
    """Does ``event`` give, no more surely, a date the step's sources already gave against
    its current one (a day, or a month or year, within one of theirs)? Then outlets
    disagree, and each flip between them is not a change."""
    when = event.when
    return (
        when is not None
        and event.certainty <= step.date_sureness
        and any(d.holds(when) for d in step.rival_dates)
    )


def differs_from(obs: Observation, learned: Sequence[LearnedEvent]) -> tuple[PartialDate, ...]:
    """The dates other sources gave as surely, which ``obs``'s date differs from: what a
    "sources differ" post names beside its own."""
    step = season_status(_season(obs), learned).step(obs.event.milestone)
    when = obs.event.when
    if step is None or step.date is None or when is None:
        return ()
    told = (step.date, *step.rival_dates)
    return tuple(d for d in told if d.last_day < when.first_day or when.last_day < d.first_day)


def _out_before(event: LearnedEvent, step: Step, learned: Sequence[LearnedEvent]) -> bool:
    """Was ``event``'s story published by the time the step's date was first told? Then
    nothing moved that date since: two outlets gave two days in one poll, or a story older
    than the first arrived late. A story published after it may tell of a move (Netflix
    need not say "delay"), as before."""
    if event.published is None:
        return False
    told = [
        e.seen_at
        for e in learned
        if e.milestone is event.milestone and not e.denied and e.when == step.date
    ]
    return bool(told) and event.published <= min(told)


def overturned(obs: Observation, learned: Sequence[LearnedEvent]) -> bool:
    """Has newer news overturned what ``obs`` claims (a renewal since cancelled, a
    cancellation since reversed, a premiere date told before a delay, a step the season
    has gone past: filming begun once it wrapped, a date or delay once it is out)? Then it
    is history, not news to announce or repeat to anyone."""
    season = _season(obs)
    return _overturned(obs.event, season_status(season, [*learned, obs.event]))


def _overturned(event: LearnedEvent, status: SeasonStatus) -> bool:
    """``overturned``, given the season's status with ``event`` in it."""
    milestone = event.milestone
    if _retells_move(event, status) is not None:
        return False  # the standing delay's time retold (``SeasonStatus.move_retold``)
    standing = status.step(milestone) is not None
    if event.denied or not standing:
        # a denial that withdraws nothing now, or a claim a denial withdrew (told before it,
        # or less surely after it)
        return standing == event.denied
    if passed(status, milestone, event.certainty):
        return True
    if milestone is Milestone.DELAYED and event.event_date is None and event.period is not None:
        # a delay to a month or year that the delay standing does not give: no later than
        # the time fans waited for (no delay), or told before the move that stands
        delayed = status.delayed
        return delayed is None or delayed.date != event.period
    if milestone is Milestone.RELEASE_DATE_ANNOUNCED:
        # As /status reads it: a season out is past delays (see ``season_status``), and only
        # a delay that stands overtakes a date (not a denial of one, nor one it withdrew), and
        # a date it overtook, retold since, is still overtaken (``season_status``).
        delayed, dated = status.delayed, status.step(milestone)
        return (
            status.step(Milestone.RELEASED) is None
            and delayed is not None
            and (
                any(s.seen_at is not None and s.seen_at > event.seen_at for s in delayed.sources)
                or (event.when is not None and dated is not None and dated.date_overtaken)
            )
        )
    return (milestone is Milestone.RENEWED and status.is_cancelled) or (
        milestone is Milestone.CANCELLED and status.revived
    )


def _day_taken(before: SeasonStatus, after: SeasonStatus) -> bool:
    """Did the delay take away the day the last one named (it moved away from it)?"""
    was, now = before.delayed, after.delayed
    return was is not None and was.date is not None and now is not None and now.date is None


def _overtakes(before: SeasonStatus, after: SeasonStatus) -> bool:
    was, now = (s.step(Milestone.RELEASE_DATE_ANNOUNCED) for s in (before, after))
    return now is not None and now.date_overtaken and not (was and was.date_overtaken)


def repeats(obs: Observation, change: LearnedEvent, now: datetime, within: timedelta) -> bool:
    """Does an extra source repeat ``change`` closely enough to tell it to a guild that
    missed it (because it follows another feed)? Only a recent change, reported at least
    as surely and for the same date: the message then says what this article says."""
    event = obs.event
    return (
        now - change.seen_at <= within
        and event.certainty >= change.certainty
        and event.when == change.when
    )


class _Told(Protocol):
    """An event on record with its id (``ScopedEvent``)."""

    @property
    def id(self) -> int: ...
    @property
    def event(self) -> LearnedEvent: ...


T = TypeVar("T", bound=_Told)


def last_change(obs: Observation, told: Sequence[T]) -> tuple[T, Change] | None:
    """The newest of ``told`` (a season's news as one view holds it, oldest first) that
    changed the milestone ``obs`` claims (or denies), with what it changed there, judged
    against that view alone: the change a guild of that view was told."""
    event = obs.event
    for i in range(len(told) - 1, -1, -1):
        if told[i].event.milestone is not event.milestone or told[i].event.denied != event.denied:
            continue
        earlier = [t.event for t in told[:i]]
        kind = assess(Observation(obs.show, obs.season, told[i].event), earlier)
        if kind != "extra_source":
            return told[i], kind
    return None
