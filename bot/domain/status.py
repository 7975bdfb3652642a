"""A season's production status: the catalog's timeline merged with what the news taught us.

Pure functions on frozen values. The news tracker asks ``classify_change`` whether a new
signal is worth announcing; ``/status`` renders ``season_status``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Literal

from bot.catalog.dates import PartialDate
from bot.catalog.models import Season, Show
from bot.news.models import Certainty, Milestone

# The ladder a season climbs. Cancelled and delayed are flags beside it, not rungs.
LADDER: tuple[Milestone, ...] = (
    Milestone.RENEWED,
    Milestone.WRITING,
    Milestone.CASTING,
    Milestone.FILMING_STARTED,
    Milestone.FILMING_WRAPPED,
    Milestone.POST_PRODUCTION,
    Milestone.TRAILER,
    Milestone.RELEASE_DATE_ANNOUNCED,
    Milestone.RELEASED,
)
FLAGS: tuple[Milestone, ...] = (Milestone.CANCELLED, Milestone.DELAYED)
OPTIONAL: frozenset[Milestone] = frozenset({Milestone.POST_PRODUCTION})
# For these a sharper date is news in itself: "2026" becoming "April 2, 2026" is the story.
_DATE_IS_THE_NEWS: frozenset[Milestone] = frozenset(
    {Milestone.RELEASE_DATE_ANNOUNCED, Milestone.RELEASED, Milestone.DELAYED}
)
# Milestones with one true date, the news itself: two dates told as surely are sources
# that differ (a delay, a casting call or a trailer can each come more than once).
ONE_DATE: frozenset[Milestone] = frozenset({Milestone.RELEASE_DATE_ANNOUNCED, Milestone.RELEASED})
# How long a denial holds back weaker claims told after it: the echo of the story denied.
# Past it, a report is news of its own (the shoot denied in May, reported in September).
DENIAL_HOLDS = timedelta(days=14)
# The dates a delay moves: a premiere date given before it may no longer hold.
_DELAY_MOVES: frozenset[Milestone] = frozenset({Milestone.RELEASE_DATE_ANNOUNCED})

# Steps a later one stands for: filming has begun once it wrapped (or post-production began),
# and every step before the release, and any delay, are behind a season that is out. A
# claim of one told when the later step stands, as surely or reported, is history whenever
# it was told (``passed``).
_PASSED_BY: dict[Milestone, tuple[Milestone, ...]] = {
    **dict.fromkeys((*LADDER[:-1], Milestone.DELAYED), (Milestone.RELEASED,)),
    Milestone.FILMING_STARTED: (
        Milestone.FILMING_WRAPPED,
        Milestone.POST_PRODUCTION,
        Milestone.RELEASED,
    ),
    Milestone.FILMING_WRAPPED: (Milestone.POST_PRODUCTION, Milestone.RELEASED),
}

Change = Literal[
    "new_milestone",
    "raised_certainty",
    "date_changed",
    # a premiere's date given where none was, or more precisely within the one given: no move
    "date_set",
    "sources_differ",
    "reversal",
    "denied",
    "extra_source",
]


@dataclass(frozen=True, slots=True)
class LearnedEvent:
    """One classified article about a season, as the news store keeps it."""

    milestone: Milestone
    certainty: Certainty
    event_date: date | None
    source_url: str
    source_title: str
    seen_at: datetime
    # A denial of the milestone's rumours and reports ("Netflix denies the filming reports"),
    # not a claim that it was reached.
    denied: bool = False
    # A delay's day it moved the premiere away from ("premiere on June 5 postponed"): when
    # that day stands, the delay takes it away, though it names no new one.
    moved_from: date | None = None
    # A delay's month or year it moved the premiere to when it named no day ("delayed to
    # June 2027"); ``event_date`` is then None.
    period: PartialDate | None = None
    # When the article was out (its feed's date, or when told if it has none or a later
    # one), beside ``seen_at``, when it was told; None for events stored before 0018.
    published: datetime | None = None

    @property
    def when(self) -> PartialDate | None:
        """The date the event gives: its day, or a delay's month or year."""
        return PartialDate.parse(self.event_date) if self.event_date is not None else self.period


@dataclass(frozen=True, slots=True)
class StepSource:
    """One source behind a step; ``learned`` ones came from the news pipeline."""

    url: str
    title: str
    certainty: Certainty
    date: PartialDate | None
    learned: bool
    seen_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Step:
    """A milestone reached: its best certainty, its current date and every source."""

    milestone: Milestone
    certainty: Certainty
    date: PartialDate | None
    approximate: bool
    sources: tuple[StepSource, ...]
    note: str = ""
    # The certainty of the claim the date comes from: a confirmation that gives no date
    # ("Netflix confirms the premiere date") does not confirm a date only reported.
    date_certainty: Certainty | None = None
    year_inferred: bool = False  # the date's sources give no year; it is read from context
    # A delay was reported after the claim that gave the date: it may no longer hold.
    date_overtaken: bool = False
    # Other dates claimed as surely as ``date`` (since the last delay): the sources differ.
    rival_dates: tuple[PartialDate, ...] = ()

    @property
    def date_sureness(self) -> Certainty:
        """How sure the step's date is: its own claim's certainty, not the step's best."""
        return self.date_certainty or self.certainty

    @property
    def date_is_weaker(self) -> bool:
        return self.date_sureness < self.certainty

    @property
    def learned_sources(self) -> tuple[StepSource, ...]:
        return tuple(s for s in self.sources if s.learned)


@dataclass(frozen=True, slots=True)
class SeasonStatus:
    season: int
    steps: tuple[Step, ...]  # reached ladder rungs, in ladder order
    cancelled: Step | None = None
    delayed: Step | None = None
    # A renewal at least as sure came after the last cancellation ("Netflix reverses the
    # cancellation"): the cancellation is history, not where the season stands.
    revived: bool = False
    # Milestones whose every rumour and report a denial withdrew: each step is the denial
    # (its certainty and sources), in ladder order, then the flags.
    denied: tuple[Step, ...] = ()
    # Premiere months or years told since a delay that hold the time it moved the premiere
    # to ("delayed to August 14", then "Netflix confirms August"): sources of that time, not
    # of the date the delay overtook, so not in the release step. The standing move's while
    # it stands (``move_made_surer``), and those of an earlier delay's, in order.
    move_retold: tuple[StepSource, ...] = ()
    # When the standing delay's move was first told (``_move_since``): None for a delay
    # only the pack gives, or none.
    move_since: datetime | None = None

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled is not None and not self.revived

    def denial(self, milestone: Milestone) -> Step | None:
        """The denial that withdrew ``milestone``'s claims, if none stands since."""
        return next((s for s in self.denied if s.milestone is milestone), None)

    def step(self, milestone: Milestone) -> Step | None:
        if milestone is Milestone.CANCELLED:
            return self.cancelled
        if milestone is Milestone.DELAYED:
            return self.delayed
        return next((s for s in self.steps if s.milestone is milestone), None)

    @property
    def current(self) -> Step | None:
        """The highest rung reached, whatever its certainty."""
        return self.steps[-1] if self.steps else None

    @property
    def next_milestone(self) -> Milestone | None:
        """The next required rung above the current one (None once released or cancelled)."""
        if self.is_cancelled:
            return None
        top = LADDER.index(self.current.milestone) if self.current else -1
        return next((m for m in LADDER[top + 1 :] if m not in OPTIONAL), None)


_Day = date  # (``_Claim.date`` is a PartialDate: inside it, ``date`` is that field)


@dataclass(frozen=True, slots=True)
class _Claim:
    certainty: Certainty
    date: PartialDate | None
    approximate: bool
    sources: tuple[StepSource, ...]
    order: tuple[int, datetime | None, int]  # catalog claims sort before learned ones
    note: str
    year_inferred: bool = False
    moved_from: _Day | None = None  # a delay's day it moved away from
    out: datetime | None = None  # when its story was out (``LearnedEvent.published``)


def season_status(season: Season, learned: Sequence[LearnedEvent]) -> SeasonStatus:
    """Merge ``season.timeline`` with ``learned`` events into one status."""
    claims: dict[Milestone, list[_Claim]] = {}
    for i, entry in enumerate(season.timeline):
        sources = tuple(
            StepSource(url, "", entry.certainty, entry.date, learned=False) for url in entry.sources
        )
        claim = _Claim(
            entry.certainty,
            entry.date,
            entry.approximate,
            sources,
            (0, None, i),
            entry.note,
            entry.year_inferred,
        )
        claims.setdefault(entry.milestone, []).append(claim)
    denials: dict[Milestone, list[_Claim]] = {}
    for i, event in enumerate(sorted(learned, key=lambda e: e.seen_at)):
        when = event.when
        source = StepSource(
            event.source_url, event.source_title, event.certainty, when, True, event.seen_at
        )
        order = (1, event.seen_at, i)
        claim = _Claim(
            event.certainty,
            when,
            False,
            (source,),
            order,
            "",
            False,
            event.moved_from,
            event.published,
        )
        (denials if event.denied else claims).setdefault(event.milestone, []).append(claim)
    denied = []
    withdrawn: list[_Claim] = []  # delays a denial withdrew: the move may be told again
    for milestone in (*LADDER, *FLAGS):
        kept, used = _withdraw(claims.get(milestone, []), denials.get(milestone, []))
        if milestone is Milestone.DELAYED:
            withdrawn = [c for c in claims.get(milestone, []) if c not in kept]
        if used and kept:
            claims[milestone] = kept
        elif used:
            del claims[milestone]
            denied.append(_merge(milestone, used, []))

    # A season out is past delays: one read after it (an old story) moves no date.
    delays = [] if Milestone.RELEASED in claims else claims.get(Milestone.DELAYED, [])
    dates = claims.get(Milestone.RELEASE_DATE_ANNOUNCED, [])
    dates = [c for c in dates if not _retold(c, dates, delays)]
    if held := _latest_move(sorted(delays, key=_when), dates)[1]:
        # a month or year no later than the time fans wait for is no delay: history
        delays = [c for c in delays if c not in held]
        if delays:
            claims[Milestone.DELAYED] = delays
        else:
            del claims[Milestone.DELAYED]
    delayed = sorted(delays, key=_when)
    steps = {
        m: _merge(m, c, delayed if m in _DELAY_MOVES else [], dates) for m, c in claims.items()
    }
    status = SeasonStatus(
        season=season.number,
        steps=tuple(steps[m] for m in LADDER if m in steps),
        cancelled=steps.get(Milestone.CANCELLED),
        delayed=steps.get(Milestone.DELAYED),
        revived=_revived(claims.get(Milestone.CANCELLED, []), claims.get(Milestone.RENEWED, [])),
        denied=tuple(denied),
        move_since=_move_since(
            steps.get(Milestone.DELAYED),
            withdrawn,
            claims.get(Milestone.RELEASE_DATE_ANNOUNCED, []),
        ),
    )
    told = claims.get(Milestone.RELEASE_DATE_ANNOUNCED, [])
    retold, overtaken = _move_retellings(status, told, delayed)
    if not retold and not overtaken:
        return status
    # Beside the date the delay overtook, such a retelling's certainty read as that date's
    # ("June 5, before a delay · confirmed") while the delay's time it confirms read reported.
    if kept := [c for c in told if c not in retold and c not in overtaken]:
        steps[Milestone.RELEASE_DATE_ANNOUNCED] = _merge(
            Milestone.RELEASE_DATE_ANNOUNCED, kept, delayed, dates
        )
    else:
        del steps[Milestone.RELEASE_DATE_ANNOUNCED]
    return replace(
        status,
        steps=tuple(steps[m] for m in LADDER if m in steps),
        move_retold=tuple(s for c in sorted((*overtaken, *retold), key=_when) for s in c.sources),
    )


def _move_retellings(
    status: SeasonStatus, dates: Sequence[_Claim], delayed: Sequence[_Claim]
) -> tuple[list[_Claim], list[_Claim]]:
    """The premiere months or years that retell a delay's time coarser (told since it, holding
    it): those of the standing move while its time stands (``moved_to``), and those of an
    earlier delay, told before the standing move overtook that time."""
    if status.delayed is None:
        return [], []
    # a delay only the pack gives was told before all news
    start = status.move_since
    moved = moved_to(status)
    retold, overtaken = [], []
    for c in dates:
        seen = c.order[1]
        if not c.order[0] or c.date is None or seen is None:
            continue
        if start is None or seen >= start:
            if moved is not None and moved.date is not None and _coarser(c.date, moved.date):
                retold.append(c)
        elif any(
            d.date is not None and _when(d) < _when(c) and _coarser(c.date, d.date) for d in delayed
        ):
            overtaken.append(c)
    return retold, overtaken


def _coarser(told: PartialDate, time: PartialDate) -> bool:
    """Is ``told`` a month or year holding ``time``, not ``time`` itself?"""
    return told != time and told.holds(time)


def _move_since(
    step: Step | None, withdrawn: Sequence[_Claim], dates: Sequence[_Claim]
) -> datetime | None:
    """When the delay step's standing move was first told: its first source giving its time
    (or one within it) since the last giving another. Outlets telling the same move since
    retell it: "Netflix confirms August" between two reports of "delayed to August 14"
    still retells that move, as it does when a denial withdrew the first report between
    them (``withdrawn``). So does such a month told since a delay within it, while every
    delay since stays within it ("delayed to August 14", "Netflix confirms August", then
    "delayed to August 21"): the premiere never left the month it confirmed."""
    if step is None:
        return None
    time = step.date
    sources = [*step.sources, *(s for c in withdrawn for s in c.sources)]
    told = sorted(((s.seen_at, s.date) for s in sources if s.seen_at), key=lambda t: t[0])
    since = _run_start(told, lambda when: time is not None and when.holds(time))
    if time is None or since is None:
        return since  # delayed again to no known day: nothing retells a time
    for c in dates:
        month, seen = c.date, c.order[1]
        if not c.order[0] or month is None or seen is None or seen >= since:
            continue
        if _coarser(month, time) and (start := _run_start(told, month.holds)) is not None:
            since = min(since, start) if start < seen else since
    return since


def _run_start(
    told: Sequence[tuple[datetime, PartialDate | None]], within: Callable[[PartialDate], bool]
) -> datetime | None:
    """When the last run of ``told`` (delays' times, in the order told) ``within`` began."""
    since: datetime | None = None
    run = False
    for seen, when in told:
        holds = when is not None and within(when)
        if not (holds and run):
            since = seen
        run = holds
    return since


def _when(claim: _Claim) -> tuple[int, datetime, int]:
    return claim.order[0], claim.order[1] or datetime.min, claim.order[2]


def _since(claim: _Claim, delay: _Claim) -> bool:
    """Was ``claim`` told after ``delay``, its story out after the delay's too? An older
    story that came late ("premieres June 12", out before "delayed to August 14", read
    after it) is a date the delay overtook, not one given since. (A claim stored before
    0018 has no ``out``: told after, as before.)"""
    if _when(claim) <= _when(delay):
        return False
    out = delay.out or delay.order[1]
    return claim.out is None or out is None or claim.out > out


def _withdraw(
    claims: Sequence[_Claim], denials: Sequence[_Claim]
) -> tuple[list[_Claim], list[_Claim]]:
    """``claims`` less those a denial withdrew, and the denials that withdrew any.

    A denial withdraws the rumours and reports told before it, no surer than itself, and
    the weaker ones told in the ``DENIAL_HOLDS`` after it (outlets echoing the denied
    story): as with a cancellation and a renewal, only a claim at least as sure as the
    denial stands again, until the denial is old and a weaker claim is news of its own. A
    denial of a milestone already confirmed is a misreading: it withdraws nothing."""

    def withdraws(denial: _Claim, claim: _Claim) -> bool:
        if claim.certainty is Certainty.CONFIRMED or claim.certainty > denial.certainty:
            return False
        told, denied = _when(claim), _when(denial)
        if told < denied:
            return True
        return claim.certainty < denial.certainty and told[1] - denied[1] <= DENIAL_HOLDS

    confirmed = [_when(c) for c in claims if c.certainty is Certainty.CONFIRMED]
    used = [
        d
        for d in denials
        if not any(when < _when(d) for when in confirmed) and any(withdraws(d, c) for c in claims)
    ]
    return [c for c in claims if not any(withdraws(d, c) for d in used)], used


def _revived(cancellations: Sequence[_Claim], renewals: Sequence[_Claim]) -> bool:
    """Did a renewal, as sure as the cancellation, come after its last claim? Whichever of
    the two the news said last, and as surely, is where the season stands."""
    if not cancellations:
        return False
    last, sure = max(map(_when, cancellations)), max(c.certainty for c in cancellations)
    return any(_when(r) > last and r.certainty >= sure for r in renewals)


def _merge(
    milestone: Milestone,
    claims: Iterable[_Claim],
    delayed: Sequence[_Claim],
    dates: Sequence[_Claim] = (),
) -> Step:
    """One step of ``claims``; ``delayed``: each delay, in the order told, for the dates they
    move; ``dates``: the premiere dates given, for the day a delay moves away from."""
    ordered = sorted(claims, key=_when)
    certainty = max(c.certainty for c in ordered)
    # The date comes from the strongest dated claim; at equal strength the newest wins, so a
    # delay reported as firmly as the original date replaces it. Once a delay is reported,
    # only a date given since can replace the one it overtook, however firm that one was
    # (after a second delay, the date between the two is the one it overtook).
    dated = [c for c in ordered if c.date is not None]
    # a slow outlet's old date after a delay moved it is the old date retold, not a date given
    # since: it would take /status, the premiere event and the card back to that day unsaid
    dated = [c for c in dated if not _retold(c, dated, delayed)]
    for cut in reversed(delayed):
        if since := [c for c in dated if _since(c, cut)]:
            dated = since
            break
    if milestone is Milestone.DELAYED:
        date_claim = _latest_move(ordered, dates)[0]
    else:
        date_claim = max(reversed(dated), key=lambda c: c.certainty, default=None)
        if milestone in ONE_DATE:
            date_claim = _sharpest(date_claim, dated)
    # Premiere dates told as surely that cannot both hold: outlets disagree (or one moved it
    # without the word "delay"); the step keeps the newest and says the sources differ.
    rivals: list[PartialDate] = []
    if milestone in ONE_DATE and date_claim is not None and date_claim.date is not None:
        shown = date_claim.date
        rivals = [
            c.date
            for c in dated
            if c.certainty == date_claim.certainty and c.date and not _overlap(c.date, shown)
        ]
    strongest = max(reversed(ordered), key=lambda c: c.certainty)
    sources: dict[str, StepSource] = {}
    # The date's own sources lead: a card shows the first few beside that date, and another
    # claim's (an earlier delay's) would stand there as if they gave it.
    for claim in [date_claim, *ordered] if date_claim else ordered:
        for source in claim.sources:
            known = sources.get(source.url)
            if known is None or source.certainty > known.certainty:
                sources[source.url] = source
    return Step(
        milestone=milestone,
        certainty=certainty,
        date=date_claim.date if date_claim else None,
        approximate=date_claim.approximate if date_claim else False,
        sources=tuple(sources.values()),
        note=(date_claim or strongest).note or strongest.note,
        date_certainty=date_claim.certainty if date_claim else None,
        year_inferred=date_claim.year_inferred if date_claim else False,
        date_overtaken=date_claim is not None
        and bool(delayed)
        and not _since(date_claim, delayed[-1]),
        rival_dates=tuple(dict.fromkeys(rivals)),
    )


def _sharpest(claim: _Claim | None, dated: Sequence[_Claim]) -> _Claim | None:
    """``claim``, or the surest, then newest, claim whose date lies within its date, sharper:
    a month or year told after a day in it ("premieres April 17", then "coming in April")
    only retells it coarser, and would take the day from /status and the premiere event. As
    for a confirmation without a day, a day reported within a confirmed month is the day
    fans wait for (the step's date then as sure as its own claim: ``date_sureness``)."""
    while claim is not None and claim.date is not None:
        known = claim.date
        within = [
            c for c in dated if c.date is not None and c.date != known and known.holds(c.date)
        ]
        if not within:
            break
        claim = max(within, key=lambda c: (c.certainty, _when(c)))
    return claim


def _latest_move(
    ordered: Sequence[_Claim], dates: Sequence[_Claim]
) -> tuple[_Claim | None, list[_Claim]]:
    """The delay whose day stands: the latest told at least as surely as the one before it
    (a weaker one is a source, not a move, as for the news: ``classify_change``) that named
    its day; None after one that named the standing day as the one it moved away from
    ("premiere on June 5 postponed": delayed again, to no known day), and a delay to the
    day it left is the earlier delay retold. A delay naming neither never takes the day
    away: outlets retell a delay for weeks without its day, so reading it as "delayed again"
    posted the same delay twice, or three times when a retelling gave the day back.

    A news delay to a month or a year ("pushed to 2027") moves the premiere there when that
    lies after the time fans waited for (``_time_before``), or sharpens it (June 2027 within
    2027); one that does not ("to June" with June 5 standing, "to May") is no delay, and is
    returned second: the caller drops it as history."""
    standing: _Claim | None = None
    left: set[date] = set()  # days a delay moved away from: a delay to one is a retelling
    held: list[_Claim] = []
    for claim in ordered:
        if claim.order[0] and claim.date is not None and claim.date.exact is None:
            waited = _time_before(claim, standing, dates)
            if waited is not None and not _later(claim.date, waited):
                held.append(claim)
                continue
            if standing is not None and claim.certainty < standing.certainty:
                continue
            # the day it moved away from is left: a delay to it is the old delay retold
            day = waited.exact if waited is not None else None
            left.update(d for d in (claim.moved_from, day) if d is not None)
            standing = claim
            continue
        if standing is not None and claim.certainty < standing.certainty:
            continue
        if claim.date is not None:
            if claim.date.exact not in left:
                standing = claim
        elif claim.moved_from is not None and claim.moved_from == _day_before(
            claim, standing, dates
        ):
            # delayed again, to no known day: as for the news, the first delay since to name
            # a day gives it, however sure (``classify_change``: a first date is news)
            standing = None
            left.add(claim.moved_from)
        elif standing is not None and _dates_since(claim, standing, dates):
            # a premiere date given since the standing delay, moved by this one: the older
            # delay's day stood before that date and does not come back
            standing = None
    return standing, held


def _retold(claim: _Claim, dates: Sequence[_Claim], delayed: Sequence[_Claim]) -> bool:
    """Is ``claim`` a premiere date a delay since overtook, given again no more surely than
    before it ("premieres June 5", delayed to August, a slow outlet's "premieres June 5"), or
    coarser ("coming in June 2027")? Or a month or year holding the time a delay told before
    it moved the premiere to ("delayed to June 12", then "coming in June 2027")? Either only
    retells, coarser, what fans were told: as a date given since the delay it would take
    /status, the premiere event and the card from the day that stands."""
    told, known = _when(claim), claim.date
    return any(
        (c.date == known or (known and c.date and known.holds(c.date)))
        and c.certainty >= claim.certainty
        and any(_when(c) < _when(cut) < told for cut in delayed)
        for c in dates
    ) or any(
        known and d.date and d.date != known and known.holds(d.date) and _when(d) < told
        for d in delayed
    )


def _later(period: PartialDate, waited: PartialDate) -> bool:
    """Does a delay to ``period`` move the premiere from ``waited``: wholly after it, or
    within it and sharper ("June 2027" once "2027" stood; "2027" again is the same delay)?"""
    return period.first_day > waited.last_day or waited.holds(period)


def _dates_since(claim: _Claim, standing: _Claim | None, dates: Sequence[_Claim]) -> list[_Claim]:
    """The premiere dates given before ``claim`` was told and after the standing delay."""
    told = _when(claim)
    return [
        c
        for c in dates
        if c.date is not None and _when(c) < told and (standing is None or _since(c, standing))
    ]


def _time_before(
    claim: _Claim, standing: _Claim | None, dates: Sequence[_Claim]
) -> PartialDate | None:
    """The time fans waited for when ``claim`` was told: a premiere date given since the
    standing delay (the surest, then the newest, as ``_merge`` reads it), else its date."""
    since = _dates_since(claim, standing, dates)
    time = max(reversed(since), key=lambda c: c.certainty).date if since else None
    if time is None and standing is not None:
        time = standing.date
    return time


def _day_before(claim: _Claim, standing: _Claim | None, dates: Sequence[_Claim]) -> date | None:
    """The day of ``_time_before``, if it names one."""
    time = _time_before(claim, standing, dates)
    return time.exact if time is not None else None


def moved_to(status: SeasonStatus) -> Step | None:
    """The delay step when a delay named the day, or the month or year, it moved the
    premiere to ("pushed to February 11", "to 2027") and that still stands; None when a
    premiere date was given since (it is the day now), or once the season is out."""
    delayed = status.delayed
    if delayed is None or delayed.date is None:
        return None
    if status.step(Milestone.RELEASED) is not None:
        return None
    # a date that no delay overtook, with a delay on record, was given since the last one
    return None if standing_date(status) is not None else delayed


def move_made_surer(status: SeasonStatus) -> StepSource | None:
    """The surest retelling of the standing delay's time (newest at equal), when surer than
    the delay told it: "delayed to August 14" reported, then "Netflix confirms August"."""
    moved = moved_to(status)
    if moved is None or moved.date is None:
        return None
    since = status.move_since
    told = (
        s
        for s in status.move_retold
        if since is None or (s.seen_at is not None and s.seen_at >= since)
    )
    return _surest_holding(told, moved.date, moved.date_sureness)


def date_made_surer(step: Step) -> StepSource | None:
    """The surest of the step's sources giving a month or year that holds its date, when
    surer than the date: "Netflix confirms August 2027", then "premieres August 20"
    reported. The step is confirmed, its day only reported."""
    if step.date is None or not step.date_is_weaker:
        return None
    return _surest_holding(step.sources, step.date, step.date_sureness)


def _surest_holding(
    sources: Iterable[StepSource], time: PartialDate, than: Certainty
) -> StepSource | None:
    """The surest source (newest at equal) giving a time holding ``time``, coarser, surer
    than ``than``."""
    surer = [
        s
        for s in sources
        if s.certainty > than and s.date is not None and s.date != time and s.date.holds(time)
    ]
    # at equal certainty the narrowest: "2027 confirmed" after "August 2027 confirmed" is less
    return max(reversed(surer), key=lambda s: (s.certainty, -_span(s.date)), default=None)


def _span(told: PartialDate | None) -> int:
    return (told.last_day - told.first_day).days if told is not None else 0


def standing_date(status: SeasonStatus) -> Step | None:
    """The premiere date announced, when it names one and no delay overtook it."""
    dated = status.step(Milestone.RELEASE_DATE_ANNOUNCED)
    if dated is None or dated.date is None or dated.date_overtaken:
        return None
    return dated


def moved_day(status: SeasonStatus) -> date | None:
    """The day of ``moved_to``, if any: the day fans now wait for."""
    step = moved_to(status)
    return step.date.exact if step is not None and step.date is not None else None


def moved_period(status: SeasonStatus) -> PartialDate | None:
    """The month or year of ``moved_to`` when it names no day: when fans now expect it."""
    step = moved_to(status)
    return step.date if step is not None and step.date and step.date.exact is None else None


def _overlap(a: PartialDate, b: PartialDate) -> bool:
    """Can both be right ("June 2025" and "June 5, 2025")?"""
    return a.first_day <= b.last_day and b.first_day <= a.last_day


def pending(season: Season, status: SeasonStatus) -> bool:
    """Whether the season is still to come: neither out (by the pack or the news) nor
    cancelled. The status card shows such a season beside the newest."""
    released = season.is_released or status.step(Milestone.RELEASED) is not None
    return not (released or status.is_cancelled)


def only_cancelled(status: SeasonStatus) -> bool:
    """Whether all the news tells of the season is that it will not come (the one after a
    final season, "XO, Kitty will end with season 4"): no step, only its cancellation."""
    return status.is_cancelled and status.current is None


# How far past the newest known season news may reach: a renewal can name the season after
# next ("renewed for seasons 4 and 5"); "season 12" of a three-season show is a misreading.
SEASON_LEAP = 2


def newest_season(known: int, learned: Iterable[int]) -> int:
    """The newest season there is news of: the pack's newest (``known``), or a season the news
    told of, each within ``SEASON_LEAP`` of the last, so one misread number leads nowhere."""
    for season in sorted(learned):
        if known < season <= known + SEASON_LEAP:
            known = season
    return known


@dataclass(frozen=True, slots=True)
class ToldSeasons:
    """A show's seasons as ``/status`` tells them: the pack's, and those only the news told
    of (``from_news``, the seasons with learned events), up to the newest there is news of.
    The command, the status card and the premiere events each read the seasons this way."""

    show: Show
    from_news: frozenset[int]

    @classmethod
    def of(cls, show: Show, from_news: Iterable[int]) -> ToldSeasons:
        return cls(show, frozenset(from_news))

    @property
    def newest(self) -> int:
        return newest_season(self.show.latest_season.number, self.from_news)

    def season(self, number: int) -> Season | None:
        """The pack's season ``number``, or one the news alone told of, or None."""
        season = self.show.season(number)
        if season is None and number in self.from_news:
            return Season.from_news_only(number)
        return season

    def seasons(self) -> list[Season]:
        """Every season, oldest first: the pack's, and the news's up to the newest."""
        newest = self.newest
        numbers = {s.number for s in self.show.seasons}
        numbers |= {n for n in self.from_news if n <= newest}
        return [season for n in sorted(numbers) if (season := self.season(n)) is not None]


def passed(status: SeasonStatus, milestone: Milestone, certainty: Certainty) -> bool:
    """Has the season gone past ``milestone``: a later step stands at least as surely, or
    reported at least? A surer word of a step behind one fans were told of ("Netflix
    confirms filming has begun" after "filming wrapped", reported) moves nothing they wait
    for, and posted as "New" it would read as the shoot starting now. Behind a rumour
    only, it is news: the confirmation is what stands."""
    needed = min(certainty, Certainty.REPORTED)
    return any(
        (step := status.step(later)) is not None and step.certainty >= needed
        for later in _PASSED_BY.get(milestone, ())
    )


def classify_change(status: SeasonStatus, event: LearnedEvent) -> Change:
    """Is ``event`` news for a season whose status is ``status``?

    It is when it adds a milestone, raises that milestone's certainty, gives the step its
    first date, or moves its date (a delay) at no lower certainty than the date it moves;
    anything else is one more source for what we know. (Whether it reverses where the season
    stands depends on when it was told: ``bot.news.track.assess`` decides that.)
    """
    step = status.step(event.milestone)
    if step is None:
        return "new_milestone"
    # A first date is news however sure the undated claims were: "Netflix confirms the
    # premiere date" without the day, then a report of the day, is the day fans wait for.
    # So is the first date since a delay overtook the one known. A moved date is the news
    # even when the claim is also surer: "Now more certain" would hide that the day moved.
    when = event.when
    if (
        when is not None
        and (
            step.date is None
            or step.date_overtaken
            or event.certainty >= step.date_sureness
            or _sharper(event.milestone, step.date, when)
        )
        and _date_moved(event.milestone, step.date, when)
    ):
        return "date_changed"
    if event.certainty > step.certainty:
        return "raised_certainty"
    if when is not None and when == step.date and event.certainty > step.date_sureness:
        # "Netflix confirms April" (or the date, no day), "premieres April 17" reported, then
        # "Netflix confirms April 17": the step was confirmed, its day only reported till now
        return "raised_certainty"
    return "extra_source"


def _sharper(milestone: Milestone, known: PartialDate, when: PartialDate) -> bool:
    """Is ``when`` a premiere day within the month or year ``known`` gives? Then it is the
    first day fans are told, news however sure the month was ("Netflix confirms April",
    then "premieres April 17" reported), as a first date is."""
    return (
        milestone in ONE_DATE
        and known.exact is None
        and when.exact is not None
        and known.contains(when.exact)
    )


def _date_moved(milestone: Milestone, known: PartialDate | None, when: PartialDate) -> bool:
    if known is None:
        return True
    if (new := when.exact) is None:
        # a month or a year: news unless it only retells the known date, or a coarser one
        return not when.holds(known)
    if not known.contains(new):
        return True
    # Inside a coarse known period ("July 2025"): only a sharper release date is news.
    return known.exact is None and milestone in _DATE_IS_THE_NEWS
