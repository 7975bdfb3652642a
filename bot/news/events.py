"""Premiere events: each guild with /setup events on gets a Discord scheduled event per
dated premiere, kept in step with the news.

A reconcile, not a queue: each run computes the event every season should have
(``bot.domain.premiere``) and creates, edits or deletes to match what the store records,
recording each event's id as it goes, so a run done twice does nothing the second time and a
run cut short is finished by the next. A row is written before each create: one a crash left
without its id means the event may exist, so the guild's events are searched (by name, made
by the bot) before another is made. An event that has begun (or begins within ``LEAD``) is
left alone for good.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import discord

from bot.catalog import Catalog
from bot.catalog.models import Show
from bot.domain.premiere import LEAD, WantedEvent, event_name, wanted_event
from bot.domain.status import ToldSeasons, season_status
from bot.moderation.onboard import show_for
from bot.moderation.perms import events_permissions, events_problem
from bot.moderation.text import stamp
from bot.news.announce import Pacer, unauthorized
from bot.store import Store
from bot.store.events import PremiereEvent
from bot.store.guilds import GuildSettings
from bot.store.news import PUBLIC, View
from bot.store.rows import iso

log = logging.getLogger(__name__)

Key = tuple[str, int]  # (show slug, season)

# Discord's code (HTTP 400) for an edit of an event completed or cancelled: a moderator's
# cancel leaves the event, finished, where a delete leaves a 404.
FINISHED = 180000
# An event's status once it is completed or cancelled.
OVER = (3, 4)
# Discord's code (HTTP 400) for a create in a guild holding 100 events not yet over, whoever
# made them: the guild's to mend, not Discord down; told, and tried again each round.
TOO_MANY_EVENTS = 30038
FULL = (
    "This server has 100 upcoming events, the most Discord allows, so I can't add the "
    "premiere. I'll add it on my next round, within 10 minutes, once one is over or deleted."
)


@dataclass
class EventsReport:
    created: int = 0
    edited: int = 0
    deleted: int = 0
    refused: int = 0  # guilds where Discord (or the bot's own permissions) refused
    failed: int = 0  # guilds left for the next run (Discord down)
    unauthorized: bool = False  # Discord refused the bot's token: the run stopped


class PremiereEvents:
    def __init__(
        self,
        client: discord.Client,
        store: Store,
        catalog: Catalog,
        pacer: Pacer,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.client = client
        self.store = store
        self.catalog = catalog
        self.pacer = pacer  # the announcer's: events and posts share the bot's request rate
        self._now = now
        self._lock = asyncio.Lock()
        self._asked = 0  # rounds asked for (``changed``)

    def changed(self) -> None:
        """The news, or a guild's wish for events, changed. A round under way takes it up: the
        scheduler skips the run this asks for while one is running, and the next is 10
        minutes on (an event made after /setup events off answered stayed up till then)."""
        self._asked += 1

    async def reconcile(self) -> EventsReport:
        """Bring every guild's premiere events in line with the news; one run at a time, gone
        over again while a change was asked for during it."""
        report = EventsReport()
        async with self._lock:
            done = None
            while done != self._asked and not report.unauthorized:
                done = self._asked
                await self._over_all(report)
        if report.created or report.edited or report.deleted or report.refused or report.failed:
            log.info("premiere events: %s", report)
        if report.unauthorized:
            log.warning(
                "premiere events: Discord refused the bot's token (HTTP 401): stopped until "
                "the next run (DISCORD_TOKEN)"
            )
        return report

    async def _over_all(self, report: EventsReport) -> None:
        """One round over every guild keeping events or with events recorded."""
        now = self._now()
        keeping = {g.guild_id: g for g in await self.store.guilds.keeping_events()}
        recorded: dict[int, dict[Key, PremiereEvent]] = {}
        for row in await self.store.events.all():
            recorded.setdefault(row.guild_id, {})[row.key] = row
        wanted_by_view: dict[tuple[str, View], dict[Key, WantedEvent]] = {}
        views = await self.store.feeds.views()  # once a round: the rest see the public news
        for guild_id in sorted(keeping.keys() | recorded.keys()):
            if report.unauthorized:
                break  # every guild would be refused alike, each 401 toward Discord's ban
            guild = self.client.get_guild(guild_id)
            if guild is None or guild.unavailable:
                continue  # removed (its events stay its own) or an outage: later
            settings = keeping.get(guild_id)
            wanted: dict[Key, WantedEvent] = {}
            if settings is not None:
                show = show_for(self.catalog, settings)
                # each show's news once per view: once for every guild on the public news
                key = (show.slug, views.get(guild_id, PUBLIC))
                if key not in wanted_by_view:
                    wanted_by_view[key] = await self._wanted(show, key[1], now)
                wanted = wanted_by_view[key]
            await self._guild(guild, settings, wanted, recorded.get(guild_id, {}), now, report)

    async def _wanted(self, show: Show, view: View, now: datetime) -> dict[Key, WantedEvent]:
        """Each season's event, as the guild's /status sees the season (the pack's, or the
        news ``view`` sees)."""
        news = self.store.news
        told = ToldSeasons.of(show, await news.learned_seasons(show.slug, view=view))
        wanted = {}
        for season in told.seasons():
            learned = await news.learned_events(show.slug, season.number, view=view)
            event = wanted_event(show.title, season_status(season, learned), now)
            if event is not None:
                wanted[(show.slug, season.number)] = event
        return wanted

    async def _guild(
        self,
        guild: discord.Guild,
        settings: GuildSettings | None,
        wanted: dict[Key, WantedEvent],
        recorded: dict[Key, PremiereEvent],
        now: datetime,
        report: EventsReport,
    ) -> None:
        todo = []
        for key in sorted(wanted.keys() | recorded.keys()):
            row, want = recorded.get(key), wanted.get(key)
            start = row.start if row is not None else None
            # Begun, or about to: Discord's now (fans may be gathering; nothing to move). One
            # about to begin that the news moved to a later day is moved while it can be: it
            # would begin for nothing, beside a second event for the new day.
            if start is not None and start - now < LEAD and (want is None or start <= now):
                await self.store.events.forget(guild.id, *key)
            elif row is None or want is None or row.event_id is None or row.digest != want.digest:
                todo.append((key, row, want))
        if not todo:
            return
        me = guild.me
        have = me.guild_permissions if me is not None else None
        # Manage Events deletes anyone's events, the bot's too, though it creates none.
        removing = have is not None and have.manage_events and all(w is None for *_, w in todo)
        if have is not None and (problem := events_problem(have)) and not removing:
            # Not tried: a refusal a guild every run would count against the bot at Discord.
            await self._refused(guild.id, settings, problem, report)
            return
        try:
            for key, row, want in todo:
                await self._one(guild.id, key, row, want, now, report)
        except discord.Forbidden as exc:
            why = f"Discord refused me ({exc.status}, code {exc.code}) on {stamp(iso(now))}"
            await self._refused(
                guild.id, settings, f"{why}: I need **{events_permissions()}**.", report
            )
            return
        except (discord.HTTPException, OSError) as exc:
            if unauthorized(exc):
                report.unauthorized = True
                return
            if isinstance(exc, discord.HTTPException) and exc.code == TOO_MANY_EVENTS:
                await self._refused(guild.id, settings, FULL, report)
                return
            log.warning("premiere events in guild %d: %s; trying again later", guild.id, exc)
            report.failed += 1
            return
        if settings is not None and settings.events_problem is not None:
            await self.store.guilds.update(guild.id, events_problem=None)

    async def _refused(
        self, guild_id: int, settings: GuildSettings | None, problem: str, report: EventsReport
    ) -> None:
        report.refused += 1
        if settings is not None and settings.events_problem != problem:
            await self.store.guilds.update(guild_id, events_problem=problem)

    async def _one(
        self,
        guild_id: int,
        key: Key,
        row: PremiereEvent | None,
        want: WantedEvent | None,
        now: datetime,
        report: EventsReport,
    ) -> None:
        event_id = row.event_id if row is not None else None
        begins = row.start if row is not None else None
        if row is not None and event_id is None:
            # A create whose id a crash lost, perhaps made: look before making another.
            event_id, begins = await self._find(guild_id, key) or (None, None)
        http = self.client.http
        if want is None:
            # (one found begun, or about to, is left to Discord, as a recorded one is)
            if event_id is not None and (begins is None or begins - now >= LEAD):
                await self.pacer.wait()
                with contextlib.suppress(discord.NotFound):  # deleted by hand: as wanted
                    await http.delete_scheduled_event(guild_id, event_id)
                report.deleted += 1
            await self.store.events.forget(guild_id, *key)
            return
        if event_id is not None and (row is None or row.digest != want.digest):
            await self.pacer.wait()
            try:
                await http.edit_scheduled_event(guild_id, event_id, **want.payload())
                report.edited += 1
            except discord.HTTPException as exc:
                if not isinstance(exc, discord.NotFound) and exc.code != FINISHED:
                    raise
                if begins == want.start:
                    # Deleted (or cancelled) by hand, and the news only retold its day (another
                    # site, more sure): the moderators' wish stands. Recorded as wanted, so the
                    # next round does not ask again; a new day brings it back.
                    await self.store.events.record(
                        guild_id, *key, event_id, want.start, want.digest
                    )
                    return
                event_id = None  # taken down by hand: the news moved it, so it is made again
        if event_id is None:
            await self.store.events.intend(guild_id, *key)
            await self.pacer.wait()
            made = await http.create_guild_scheduled_event(guild_id, **want.payload())
            event_id = int(made["id"])
            report.created += 1
        await self.store.events.record(guild_id, *key, event_id, want.start, want.digest)

    async def _find(self, guild_id: int, key: Key) -> tuple[int, datetime] | None:
        """The bot's own event for ``key`` in the guild, if a create landed before a crash,
        with when it begins."""
        show = self.catalog.get(key[0])
        me = self.client.user
        if show is None or me is None:
            return None
        name = event_name(show.title, key[1])
        await self.pacer.wait()
        for event in await self.client.http.get_scheduled_events(guild_id, False):
            if (
                event["name"] == name
                and int(event.get("creator_id") or 0) == me.id
                # not one a moderator cancelled (or one over): the one made is live
                and event.get("status") not in OVER
            ):
                return int(event["id"]), datetime.fromisoformat(event["scheduled_start_time"])
        return None
