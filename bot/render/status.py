"""The /status card: a season's milestone ladder with dates, certainty and sources."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

import discord

from bot.catalog.dates import PartialDate
from bot.catalog.models import Credit, Season, Show
from bot.domain.status import (
    FLAGS,
    LADDER,
    OPTIONAL,
    SeasonStatus,
    Step,
    StepSource,
    date_made_surer,
    move_made_surer,
    moved_day,
    moved_period,
    moved_to,
)
from bot.news.models import Certainty, Milestone
from bot.news.parse import shown_link
from bot.render.limits import DESCRIPTION, FIELD_VALUE, TOTAL, clamp_embed, embed_size, lines_within
from bot.render.text import (
    BRAND,
    date_label,
    link,
    plural,
    release_ahead,
    release_countdown,
    release_day,
    shorten,
    source_ref,
    sources_line,
    timestamp,
    when_text,
)

# Milestones whose day is a premiere's: counted down to the moment it comes out.
PREMIERE_DAYS = frozenset({Milestone.RELEASED, Milestone.RELEASE_DATE_ANNOUNCED, Milestone.DELAYED})
LABELS: dict[Milestone, str] = {
    Milestone.RENEWED: "Renewed",
    Milestone.WRITING: "Writing",
    Milestone.CASTING: "Casting",
    Milestone.FILMING_STARTED: "Filming started",
    Milestone.FILMING_WRAPPED: "Filming wrapped",
    Milestone.POST_PRODUCTION: "Post-production",
    Milestone.TRAILER: "Trailer",
    Milestone.RELEASE_DATE_ANNOUNCED: "Release date",
    Milestone.RELEASED: "Released",
    Milestone.CANCELLED: "Cancelled",
    Milestone.DELAYED: "Delayed",
}
ICONS: dict[Certainty, str] = {
    Certainty.CONFIRMED: "✅",
    Certainty.REPORTED: "📰",
    Certainty.RUMORED: "💬",
}
NOT_YET = "⬜"
DENIED = "🚫"  # every rumour and report of the milestone was denied since
SKIPPED = "➖"  # a rung below the current one that no source recorded
LEARNED_SHOWN = 5
# Sources linked on each ladder line, fewest last: a card whose news links would overflow
# the description shows fewer per line rather than lose its last lines (released,
# cancelled) and cut a link in half.
SOURCES_SHOWN = (2, 1, 0)
TITLE_SHOWN = 100  # characters of a feed headline shown as a link's label
RIVALS_SHOWN = 2  # other dates named where the sources differ


def milestone_label(milestone: Milestone, season: int) -> str:
    # A first season is "ordered", not renewed.
    if milestone is Milestone.RENEWED and season == 1:
        return "Ordered"
    return LABELS[milestone]


def _sources(step: Step, limit: int = 2, retold: Sequence[StepSource] = ()) -> str:
    """``retold``: premiere months told of a delay's time (``SeasonStatus.move_retold``),
    named after the delays' own reports, however sure: "Netflix confirms August 2027" first
    on a Delayed line would read as the delay's source, hiding the report that moved it."""
    if not limit:
        return plural(len(step.sources) + len(retold), "source")
    # The date's own sources first (another date's headline beside it would contradict it),
    # then strongest first: a confirmation outranks the rumour that preceded it.
    ordered = sorted(
        step.sources, key=lambda s: (step.date is not None and s.date != step.date, -s.certainty)
    )
    ordered += sorted(retold, key=lambda s: -s.certainty)
    return sources_line([(shown_link(s.url), _title(s)) for s in ordered], limit, more_word="")


def _title(source: StepSource) -> str | None:
    """A headline from a feed, short enough to stand as a link's label."""
    return shorten(source.title, TITLE_SHOWN) if source.title else None


def _news_field(learned: list[StepSource]) -> str:
    """The newest learned sources, whole lines only: a link cut in half shows as raw markdown."""
    rows = [
        link(shown_link(s.url), _title(s))
        + (f" · {timestamp(s.seen_at, 'R')}" if s.seen_at else "")
        for s in learned[:LEARNED_SHOWN]
    ]
    more = len(learned) - len(rows)
    return lines_within(rows, FIELD_VALUE, lambda n: f"+{n} more", hidden=more)


def step_line(
    step: Step,
    season: int,
    now: datetime,
    sources: int = SOURCES_SHOWN[0],
    *,
    stands: bool = True,
    surer: str = "",
    retold: Sequence[StepSource] = (),
) -> str:
    """``stands``: whether the step's date is still one to count down to; ``surer``: what
    was told more surely of its time since (``made_surer_text``); ``retold``: the delay's
    time retold (``_sources``)."""
    label = milestone_label(step.milestone, season)
    # No countdown to a date a later delay may have moved.
    when = when_text(
        step.date,
        approximate=step.approximate,
        now=None if step.date_overtaken or not stands else now,
        year_inferred=step.year_inferred,
        release=step.milestone in PREMIERE_DAYS,
    )
    # "August 20 · reported (August 2027 confirmed)": the step is confirmed by a month
    # holding the day, the day itself only reported; "confirmed" alone reads as the day's.
    month = date_made_surer(step) if step.milestone is Milestone.RELEASE_DATE_ANNOUNCED else None
    certainty = step.certainty
    if month is not None and month.date is not None:
        certainty = step.date_sureness
        surer = f" ({month.date.human()} {month.certainty.label}){surer}"
    elif step.date_is_weaker:
        when += f" (date {step.date_sureness.label})"
    if step.date_overtaken:
        when += ", before a delay"
    if step.rival_dates:
        premiere = step.milestone in PREMIERE_DAYS
        when += f" (sources differ: also {rivals_text(step.rival_dates, release=premiere)})"
    sure = certainty.label + surer
    return f"{ICONS[certainty]} **{label}**: {when} · {sure} · " + _sources(step, sources, retold)


def made_surer_text(status: SeasonStatus) -> str:
    """ " (August 2027 confirmed)": a premiere month or year told since the standing delay,
    holding its time, more surely than the delay told it. The delay's day stands (a
    coarser time would take it from fans), but the posts said "Now more certain"."""
    source = move_made_surer(status)
    if source is None or source.date is None:
        return ""
    return f" ({source.date.human()} {source.certainty.label})"


def rivals_text(dates: Sequence[PartialDate], *, release: bool) -> str:
    """The other dates sources gave, the first ``RIVALS_SHOWN``, and how many more: a fan
    told two of three would take them for all the sources say."""
    shown = ", ".join(when_text(d, release=release) for d in dates[:RIVALS_SHOWN])
    hidden = len(dates) - RIVALS_SHOWN
    return f"{shown} and {hidden} more" if hidden > 0 else shown


def denial_line(denial: Step, season: int, sources: int = SOURCES_SHOWN[0]) -> str:
    """A milestone whose rumours and reports were denied, with the denial's certainty and
    sources: not where the season stands, and not "not yet" as if nobody had said it."""
    label = milestone_label(denial.milestone, season)
    sure = denial.certainty.label
    return f"{DENIED} **{label}**: reports denied · {sure} · " + _sources(denial, sources)


def ladder_text(status: SeasonStatus, now: datetime, sources: int = SOURCES_SHOWN[0]) -> str:
    lines: list[str] = []
    top = LADDER.index(status.current.milestone) if status.current else -1
    for rung, milestone in enumerate(LADDER):
        step = status.step(milestone)
        label = milestone_label(milestone, status.season)
        if step is not None:
            lines.append(step_line(step, status.season, now, sources))
        elif (denial := status.denial(milestone)) is not None:
            lines.append(denial_line(denial, status.season, sources))
        elif milestone in OPTIONAL or (rung > top and status.is_cancelled):
            continue  # a cancelled season's rungs ahead are not "not yet": they will not come
        elif rung < top:
            lines.append(f"{SKIPPED} {label}: no record")
        else:
            lines.append(f"{NOT_YET} {label}: not yet")
    for flag in (status.delayed, status.cancelled):
        if flag is not None:
            icon = "⏳" if flag.milestone is Milestone.DELAYED else "❌"
            if flag.milestone is Milestone.CANCELLED and status.revived:
                icon, tail = "↩️", " · reversed by a later renewal"
            else:
                tail = ""
            # A delay's day is counted down to only while it stands: not once a premiere
            # date was given since, nor once the season is out.
            stands = flag.milestone is not Milestone.DELAYED or moved_to(status) is not None
            surer = ""
            retold: Sequence[StepSource] = ()
            if flag.milestone is Milestone.DELAYED and status.move_retold:
                # the retellings of its time are the delay's sources, not the overtaken date's
                retold = status.move_retold
                surer = made_surer_text(status) if stands else ""
            line = step_line(
                flag, status.season, now, sources, stands=stands, surer=surer, retold=retold
            )
            lines.append(icon + line[1:] + tail)
    for milestone in FLAGS:
        if (denial := status.denial(milestone)) is not None:
            lines.append(denial_line(denial, status.season, sources))
    return "\n".join(lines)


def headline(show: Show, season: Season, status: SeasonStatus, now: datetime) -> str:
    """One sentence on where the season stands, honest about dates that have passed."""
    if status.is_cancelled:
        assert status.cancelled is not None
        return f"Season {season.number} was cancelled ({status.cancelled.certainty.label})."
    released = status.step(Milestone.RELEASED)
    dated = status.step(Milestone.RELEASE_DATE_ANNOUNCED)
    if released is not None:
        # "Now streaming" rarely gives the day; the premiere date announced for a day that
        # has come does, unless a delay overtook it.
        shown = released
        if released.date is None and dated is not None and not dated.date_overtaken:
            day = dated.date.exact if dated.date else None
            shown = dated if day is not None and not release_ahead(day, now) else released
        when = when_text(
            shown.date,
            approximate=shown.approximate,
            now=now,
            year_inferred=shown.year_inferred,
            release=True,
        )
        # Only a confirmation goes unqualified: a rumoured release is no fact to state.
        sure = "" if released.certainty is Certainty.CONFIRMED else f" ({released.certainty.label})"
        return f"Season {season.number} is out{sure}: released {when}."
    if dated is not None and dated.date is not None and dated.date.exact is not None:
        day = dated.date.exact
        certainty = date_label(dated.date_sureness, year_inferred=dated.year_inferred)
        if dated.date_overtaken and status.delayed is not None:
            return (
                f"Season {season.number} was set for {release_day(day)} ({certainty}), "
                f"but a delay has since been {status.delayed.certainty.label}"
                f"{now_set_for(status, now)}."
            )
        if release_ahead(day, now):
            return (
                f"Season {season.number} is set for {release_day(day)}, "
                f"{release_countdown(day)} ({certainty})."
            )
        if day == now.date():
            return f"Season {season.number} is set for {release_day(day)} ({certainty})."
        return (
            f"Season {season.number} was scheduled for {release_day(day)} ({certainty}), "
            "but no source we track confirms it came out yet."
        )
    if (period := moved_period(status)) is not None:
        assert status.delayed is not None
        return (
            f"Season {season.number} is expected in {period.human()}: a delay "
            f"{status.delayed.certainty.label} moved it there{made_surer_text(status)}."
        )
    if (day := moved_day(status)) is not None:
        # no day was given before the delay: none, or a month or year it overtook
        assert status.delayed is not None
        if dated is not None and dated.date is not None and dated.date_overtaken:
            return (
                f"Season {season.number} was expected in {dated.date.human()} "
                f"({date_label(dated.date_sureness, year_inferred=dated.year_inferred)}), but "
                f"a delay has since been {status.delayed.certainty.label}"
                f"{now_set_for(status, now)}."
            )
        by = f"a delay {status.delayed.certainty.label}"
        surer = made_surer_text(status)
        if release_ahead(day, now):
            when = f"{release_day(day)}, {release_countdown(day)}"
        elif day != now.date():
            return (
                f"Season {season.number} was moved to {release_day(day)} by {by}{surer}, "
                "but no source we track confirms it came out yet."
            )
        else:
            when = release_day(day)
        return f"Season {season.number} is set for {when}: {by} moved it there{surer}."
    current = status.current
    if current is None:
        return f"Nothing is known about season {season.number} yet."
    label = milestone_label(current.milestone, season.number).lower()
    return f"Latest for season {season.number}: {label} ({current.certainty.label})."


def now_set_for(status: SeasonStatus, now: datetime, *, lead: str = ": ") -> str:
    """``": now June 5, in 3 months"``: the day the latest delay moved the premiere to, if it
    named one (the day it moved from gets no countdown: it may no longer hold); ``": now
    expected in June 2027"`` for a month or a year. With ``lead=", "`` (a line that already
    has commas) the countdown goes in brackets: ``", now June 5 (in 3 months)"``."""
    surer = made_surer_text(status)
    if (period := moved_period(status)) is not None:
        return f"{lead}now expected in {period.human()}{surer}"
    if (day := moved_day(status)) is None:
        return ""
    if not release_ahead(day, now):
        ahead = ""
    elif lead == ": ":
        ahead = f", {release_countdown(day)}"
    else:
        ahead = f" ({release_countdown(day)})"
    return f"{lead}now {release_day(day)}{ahead}{surer}"


def credit_text(credit: Credit) -> str:
    if not credit.is_conflict:
        claim = credit.claims[0]
        return ", ".join(claim.names)
    lines = ["Sources disagree:"]
    for claim in credit.claims:
        as_of = f" (as of {claim.as_of.human()})" if claim.as_of else ""
        refs = " · ".join(source_ref(s) for s in claim.sources[:2])
        lines.append(f"• {', '.join(claim.names)}{as_of}: {refs}")
    return "\n".join(lines)


def status_embed(show: Show, season: Season, status: SeasonStatus, now: datetime) -> discord.Embed:
    embed = discord.Embed(title=f"{show.title}: season {season.number} status", colour=BRAND)
    if season.showrunner is not None:
        name = "Showrunner" + (" (conflict)" if season.showrunner.is_conflict else "")
        embed.add_field(name=name, value=credit_text(season.showrunner), inline=False)
    if season.episode_count is not None:
        count = str(season.episode_count)
        # A number from an announcement, not episodes seen: until the pack or the news says
        # the season is out.
        if not season.is_released and status.step(Milestone.RELEASED) is None:
            count += " (announced)"
        embed.add_field(name="Episodes", value=count, inline=True)
    learned = sorted(
        (s for step in _all_steps(status) for s in step.learned_sources),
        key=lambda s: s.seen_at or now,
        reverse=True,
    )
    if learned:
        embed.add_field(name="From the news", value=_news_field(learned), inline=False)
    legend = " · ".join(f"{ICONS[c]} {c.label}" for c in reversed(Certainty))
    embed.set_footer(text=f"{legend} · show data current to {show.current_to.isoformat()}")
    room = min(DESCRIPTION, TOTAL - embed_size(embed.to_dict()))  # type: ignore[arg-type]
    head = headline(show, season, status, now)
    for shown in SOURCES_SHOWN:
        embed.description = f"{head}\n\n{ladder_text(status, now, shown)}"
        if len(embed.description) <= room:
            break
    return clamp_embed(embed)


def _all_steps(status: SeasonStatus) -> list[Step]:
    flags = [f for f in (status.delayed, status.cancelled) if f is not None]
    if status.delayed is not None and status.move_retold:
        flags[0] = replace(status.delayed, sources=(*status.delayed.sources, *status.move_retold))
    return [*status.steps, *flags, *status.denied]
