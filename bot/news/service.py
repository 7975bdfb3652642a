"""The news pipeline's place in the bot: scheduler jobs for feeds and the outbox."""

from __future__ import annotations

import asyncio
import functools
import logging
import time
import tomllib
from collections.abc import Awaitable, Callable, Collection, Coroutine
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import discord
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.errors import ConfigError
from bot.news.announce import REMOVED, Announcer, DrainReport
from bot.news.cards import CardsReport, StatusCards
from bot.news.events import EventsReport, PremiereEvents
from bot.news.fairness import FetchSlots
from bot.news.fingerprint import SCHEME, headline_fingerprint
from bot.news.guard import redacted
from bot.news.parse import KEY_SCHEME
from bot.news.pipeline import FeedReport, NewsDeps, poll_guarded
from bot.store import Store
from bot.store.db import told_trouble, trouble_over
from bot.store.feeds import NOBODY_HERE, Feed
from bot.store.retention import RETENTION, Pruned
from bot.store.rows import iso, parse_iso

log = logging.getLogger(__name__)
P = ParamSpec("P")
T = TypeVar("T")

OUTBOX_EVERY_S = 10.0
# The meta key holding the ``fingerprint.SCHEME`` the stored stories were read with.
_FINGERPRINTS = "story_fingerprints"
# The meta key set once the headlines corrected before stories kept other wordings (migration
# 0020) are recorded as such (``NewsRepo.record_corrected_wordings``).
_WORDINGS, WORDINGS_SCHEME = "corrected_wordings", 1
# The meta key holding the ``parse.KEY_SCHEME`` the stored feeds' addresses were told apart by.
_FEED_KEYS = "feed_keys"
RECONCILE_EVERY_S = 30.0
# Premiere events are brought in line with the news this often, and soon after a change.
EVENTS_EVERY_S = 600.0
# Status cards likewise, hourly: a premiere day arriving changes what a card says within the
# hour, and a card whose text is unchanged costs no request.
CARDS_EVERY_S = 3600.0
# A (re)start spreads the first poll of every feed over this many seconds.
FIRST_POLL_SPREAD_S = 30.0
# Retention runs daily, first a while after a start (a host restarting more often than
# daily still prunes), once the start's polls are done.
PRUNE_EVERY_S = 24 * 3600.0
FIRST_PRUNE_AFTER_S = 600.0


def read_feed_list(path: Path) -> list[tuple[str, str | None]] | None:
    """(url, title) pairs from a feeds TOML file; None if there is no such file."""
    if not path.exists():
        return None
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text (byte {exc.start + 1} is not)") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read it: {exc.strerror or exc}") from None
    listed = data.get("feed", [])
    if not isinstance(listed, list):  # `[feed]` where `[[feed]]` was meant
        raise ConfigError(f"{path}: feed: write each feed as its own [[feed]] table")
    feeds = []
    for i, entry in enumerate(listed):
        url = entry.get("url") if isinstance(entry, dict) else None
        # A scheme's case means nothing ("HTTPS://"); the address is kept as the host wrote it.
        if not isinstance(url, str) or not url.lower().startswith(("http://", "https://")):
            raise ConfigError(f"{path}: feed[{i}].url: must be an http(s) URL")
        title = entry.get("title")
        if title is not None and not isinstance(title, str):
            raise ConfigError(f"{path}: feed[{i}].title: must be a string")
        feeds.append((url, title))
    return feeds


async def list_shared_feeds(store: Store, path: Path, now: datetime) -> None:
    """Share exactly the feeds the host lists, each given another try if it was disabled."""
    entries = read_feed_list(path)
    if entries is None:
        # A wrong path is a mistake, not a wish to stop every shared feed.
        log.warning("%s does not exist: the shared feeds stay as they were", path)
        return
    listed = set()
    for url, title in entries:
        feed = await store.feeds.share(url, title=title)
        listed.add(feed.id)
        # One resting for want of a server is the guild list's to wake (``guilds_listed``):
        # retried here, a bot in no server would rest it again, its disabled date renewed.
        if not feed.enabled and feed.disabled_reason != NOBODY_HERE:
            await _retry(store, feed, path)
    for feed in await store.feeds.shared():
        if feed.id not in listed:
            await _unshare(store, feed, path, now)


async def _retry(store: Store, feed: Feed, path: Path) -> None:
    # No server can mend a shared feed: a restart is how the host says "try again". As
    # /feeds add does for a server's own feed, what it said meanwhile is history.
    await store.feeds.enable(feed.id, afresh=True)
    log.info(
        "shared feed %s is listed in %s: polling it again (it was disabled: %s)",
        redacted(feed.url),
        path,
        feed.disabled_reason,
    )


async def _unshare(store: Store, feed: Feed, path: Path, now: datetime) -> None:
    """A feed the host took off the list: servers that added it themselves keep it."""
    await store.feeds.unshare(feed.id)
    if kept := len(await store.feeds.followers(feed.id)):
        log.info(
            "feed %s is not in %s: no longer shared; kept by the %d server(s) that added it",
            redacted(feed.url),
            path,
            kept,
        )
        return
    # As /feeds remove does: a server adding it later takes it on afresh, backlog unannounced.
    await store.feeds.disable(feed.id, "taken off the shared list", now=now)
    log.info("feed %s is not in %s: no longer shared or polled", redacted(feed.url), path)


async def once_per_scheme(
    store: Store, key: str, scheme: int, step: Callable[[], Awaitable[object]]
) -> None:
    """Run ``step`` unless it ran under this ``scheme`` (recorded in the store's meta ``key``):
    a start redoes what a release that reads the store otherwise needs, and only then."""
    if await store.meta.get(key) == str(scheme):
        return
    await step()
    await store.meta.set(key, str(scheme))


def quiet_on_shutdown(
    job: Callable[P, Awaitable[T]],
) -> Callable[P, Coroutine[Any, Any, T | None]]:
    """A job cancelled by the scheduler's shutdown ends quietly instead of logging a traceback.
    One the database file stops (a full disk: every drain and poll, every few seconds) is a
    WARNING line when the trouble starts, not a traceback each time; nothing was committed."""

    @functools.wraps(job)
    async def run(*args: P.args, **kwargs: P.kwargs) -> T | None:
        try:
            done = await job(*args, **kwargs)
        except asyncio.CancelledError:
            return None
        except Exception as exc:
            if told_trouble(exc, log) is None:
                raise
            return None
        trouble_over(log)
        return done

    return run


class NewsService:
    """Owns the feed and outbox jobs; every job waits for the gateway first."""

    def __init__(self, client: discord.Client, deps: NewsDeps) -> None:
        self.client = client
        self.deps = deps
        self.announcer = Announcer(client, deps.store)
        self.events = PremiereEvents(
            client, deps.store, deps.catalog, self.announcer.pacer, now=deps.now
        )
        self.cards = StatusCards(client, deps.store, deps.catalog, self.announcer, now=deps.now)
        self._scheduler: AsyncIOScheduler | None = None
        self.slots = FetchSlots()
        # One reconcile at a time (the job's, a change of guilds'); ``feeds_soon`` while one
        # runs has it read the feeds again.
        self._reconciling = asyncio.Lock()
        self._feeds_stale = False
        # A gateway event's store work was refused (the store's trouble): the feeds job reads
        # the guild list again, as a READY does.
        self._guilds_stale = False
        # Set once the first full guild list is reconciled with the store (``start`` makes
        # the jobs wait for it): a server left while the bot was offline is not polled or
        # posted to first.
        self._guilds_known: asyncio.Event | None = None

    @property
    def store(self) -> Store:
        return self.deps.store

    async def _refingerprint(self) -> None:
        """Before any poll: stories stored by a release that read headlines otherwise are
        found by today's reading."""
        if changed := await self.store.news.refingerprint(headline_fingerprint):
            log.info("stories: %d fingerprinted anew from their headlines", changed)

    async def _record_wordings(self) -> None:
        """Once, after ``_refingerprint``: corrections a release before 0020 read."""
        news = self.store.news
        if added := await news.record_corrected_wordings(headline_fingerprint, self.deps.now()):
            log.info("stories: %d corrected headlines recorded as their stories' wordings", added)

    async def start(self, scheduler: AsyncIOScheduler) -> None:
        self._scheduler = scheduler
        self._guilds_known = asyncio.Event()
        # Before the list is read: it shares the one row left of a feed stored twice. Since,
        # every feed is stored once (``FeedRepo.add_once``, ``move``).
        await once_per_scheme(self.store, _FEED_KEYS, KEY_SCHEME, self.store.feeds.fold_twins)
        await once_per_scheme(self.store, _FINGERPRINTS, SCHEME, self._refingerprint)
        await once_per_scheme(self.store, _WORDINGS, WORDINGS_SCHEME, self._record_wordings)
        await list_shared_feeds(self.store, self.deps.settings.feeds_file, self.deps.now())
        if await self.store.feeds.active():
            # Before the gateway connects, so building the classifier's tables never
            # competes with commands for the GIL.
            await self.deps.warm_classifier()
        now = datetime.now(UTC)

        def every(job: Any, seconds: float, job_id: str, first: datetime = now, **kw: Any) -> None:
            scheduler.add_job(
                job,
                "interval",
                seconds=seconds,
                id=job_id,
                next_run_time=first,
                replace_existing=True,
                **kw,
            )

        every(self.drain, OUTBOX_EVERY_S, "outbox")
        every(self.feeds_job, RECONCILE_EVERY_S, "feeds", args=(scheduler,))
        every(self.premiere_events, EVENTS_EVERY_S, "premiere-events")
        every(self.status_cards, CARDS_EVERY_S, "status-cards")
        every(self.prune, PRUNE_EVERY_S, "retention", now + timedelta(seconds=FIRST_PRUNE_AFTER_S))
        every(self.purge_departed, PRUNE_EVERY_S, "departed")

    async def ready(self) -> None:
        """Until the gateway is ready and its guild list is reconciled with the store."""
        await self.client.wait_until_ready()
        if self._guilds_known is not None:
            await self._guilds_known.wait()

    async def guilds_listed(self, present: Collection[int]) -> None:
        """The gateway's full list of the bot's guilds (READY's: unavailable ones included,
        so an outage is never a departure). Guilds the store knows that are not in it were
        left while the bot was offline; departed ones in it invited the bot back meanwhile."""
        try:
            known = await self.store.guilds.known()
            for guild_id, departed in known.items():
                if departed and guild_id in present:
                    await self._restore(guild_id)
                elif not departed and guild_id not in present:
                    await self._depart(guild_id)
            await self._settle_feeds(anyone_here=bool(present))
        finally:
            if self._guilds_known is not None:
                self._guilds_known.set()

    async def left(self, guild_id: int, *, anyone_here: bool) -> None:
        """The bot was removed from the guild (not an outage: that is no departure). Its
        settings and feeds are kept for its return, for a while (``purge_departed``); its
        news is held, as a paused server's is, and the feeds no server it is in follows stop
        being polled."""
        await self._depart(guild_id)
        await self._settle_feeds(anyone_here=anyone_here)

    async def returned(self, guild_id: int) -> None:
        """The bot is in the guild (a join, or a start that finds it there): its feeds resume,
        afresh, and moderators of a paused server are told."""
        await self._restore(guild_id)
        await self._settle_feeds(anyone_here=True)

    async def _depart(self, guild_id: int) -> None:
        log.info("guild %d: removed; its settings are kept, its posting paused", guild_id)
        await self.store.guilds.depart(guild_id, REMOVED, iso(self.deps.now()))

    async def _restore(self, guild_id: int) -> None:
        # Told first: a stop after the restore would leave the next start nothing to tell it
        # by, while a return done again finds the notice queued (its key) and adds none.
        await self.announcer.rejoined(guild_id)
        await self.cards.rejoined(guild_id)
        if await self.store.guilds.restore(guild_id):
            log.info("guild %d: back in it; its settings are as it left them", guild_id)

    async def _settle_feeds(self, *, anyone_here: bool) -> None:
        """Poll the feeds as the guilds the bot is in now say, once per change of them: rest
        those no such server follows, wake (afresh) those one does. Each is the other's
        inverse over every feed, so a departure or a return cut short by a stop (between its
        guild's record and its feeds) is made good by the next."""
        now = self.deps.now()
        if stopped := await self.store.feeds.rest(now=now, anyone_here=anyone_here):
            log.info("%d feed(s) no longer polled: no server I am in follows them", stopped)
        if woken := await self.store.feeds.wake(anyone_here=anyone_here):
            log.info("%d feed(s) polled again, afresh: a server I am in follows them", woken)
        if self._scheduler is not None:  # the feed jobs now, not at the next reconcile
            await self.reconcile(self._scheduler)

    def feeds_soon(self) -> None:
        """Run the feeds job (``reconcile``) now: a feed added or polled again gets its job in
        a moment, not up to RECONCILE_EVERY_S later."""
        self._feeds_stale = True
        if not self._reconciling.locked():  # else the one running reads the feeds again
            self._soon("feeds")

    def guilds_missed(self) -> None:
        """A guild's join or departure, or READY's list, went unrecorded (the store's trouble):
        the feeds job reconciles the guild list again, which makes either good."""
        self._guilds_stale = True

    @quiet_on_shutdown
    async def feeds_job(self, scheduler: AsyncIOScheduler) -> None:
        """``reconcile``, after the guild list when a gateway event missed it (which ends in a
        reconcile of its own)."""
        if not self._guilds_stale:
            await self.reconcile(scheduler)
            return
        await self.ready()
        self._guilds_stale = False
        try:
            await self.guilds_listed({guild.id for guild in self.client.guilds})
        except BaseException:
            self._guilds_stale = True
            raise

    @quiet_on_shutdown
    async def reconcile(self, scheduler: AsyncIOScheduler) -> None:
        """One job per followed, enabled feed; jobs for removed or disabled feeds go away."""
        async with self._reconciling:
            self._feeds_stale = True
            while self._feeds_stale:
                self._feeds_stale = False
                await self._schedule_feeds(scheduler)

    async def _schedule_feeds(self, scheduler: AsyncIOScheduler) -> None:
        interval = self.deps.settings.poll_interval
        wanted = {f"feed:{f.id}": f.id for f in await self.store.feeds.active()}
        for job in scheduler.get_jobs():
            if job.id.startswith("feed:") and job.id not in wanted:
                job.remove()
        now = datetime.now(UTC)
        spread = min(interval, FIRST_POLL_SPREAD_S)
        for job_id, feed_id in wanted.items():
            if scheduler.get_job(job_id) is None:
                # Jitter spreads feeds out, so a restart doesn't poll them all in one burst.
                first = now + timedelta(seconds=self.deps.rng.uniform(0, spread))
                scheduler.add_job(
                    self.poll,
                    "interval",
                    args=(feed_id,),
                    seconds=interval,
                    id=job_id,
                    jitter=min(interval * 0.1, 60),
                    next_run_time=first,
                )

    @quiet_on_shutdown
    async def poll(self, feed_id: int) -> FeedReport | None:
        await self.ready()
        feed = await self.store.feeds.get(feed_id)
        now = self.deps.now()
        if feed is None or not feed.enabled:
            return None
        next_poll = parse_iso(feed.next_poll_at)
        last = parse_iso(feed.last_attempt_at)
        # Jitter may fire a job a little early; only a backoff (a far-off time) skips it. A
        # last attempt ahead of now means the clock was set back since (NTP, a restored VM):
        # a time planned on the old clock would hold the feed back by as much as the step.
        if (
            next_poll
            and not (last and last > now)
            and (next_poll - now).total_seconds() > 0.2 * self.deps.settings.poll_interval
        ):
            return None
        report = await self._poll_fairly(feed)
        if report is not None and report.verdicts["change"]:
            self.events_soon()  # a premiere date may have come, moved or gone
            self.cards_soon()
        if report is not None and report.queued:
            await self.drain()
        return report

    async def _poll_fairly(self, feed: Feed) -> FeedReport | None:
        if feed.shared:
            return await poll_guarded(self.deps, feed)
        # An own feed waits for its server's slot (fairness.py); nobody's is one server's.
        server = await self.store.feeds.first_follower(feed.id) or 0
        async with self.slots.own_feed(server) as waited:
            if waited:
                # Removed, stopped or folded while it queued (minutes, behind slow feeds): its
                # news is no one's now, and the row read before the wait is not the feed's.
                fresh = await self.store.feeds.get(feed.id)
                if fresh is None or not fresh.enabled:
                    return None
                feed = fresh
            return await poll_guarded(self.deps, feed)

    @quiet_on_shutdown
    async def drain(self) -> DrainReport:
        await self.ready()
        return await self.announcer.drain()

    def events_soon(self) -> None:
        """Run the premiere-events job now (a change of news, or of /setup events)."""
        self.events.changed()
        self._soon("premiere-events")

    def cards_soon(self) -> None:
        """Run the status-cards job now (a change of news)."""
        self.cards.changed()
        self._soon("status-cards")

    def _soon(self, job_id: str) -> None:
        if self._scheduler is not None and self._scheduler.get_job(job_id):
            self._scheduler.modify_job(job_id, next_run_time=datetime.now(UTC))

    @quiet_on_shutdown
    async def premiere_events(self) -> EventsReport:
        await self.ready()
        return await self.events.reconcile()

    @quiet_on_shutdown
    async def status_cards(self) -> CardsReport:
        await self.ready()
        return await self.cards.reconcile()

    @quiet_on_shutdown
    async def purge_departed(self) -> list[int]:
        """Delete the data of the servers the bot left over DEPARTED_KEEP_DAYS ago. After the
        guild list is read: one that invited the bot back while it was stopped is back."""
        await self.ready()
        now = self.deps.now()
        days = self.deps.settings.departed_keep_days
        # Not a guild the bot is in: its return may be unrecorded yet (the store refused the
        # join's write, or the start's guild list; ``guilds_missed``).
        here = {guild.id for guild in self.client.guilds}
        gone = await self.store.guilds.purge_departed(
            now - timedelta(days=days), now=now, here=here
        )
        if gone:
            log.info(
                "%d server(s) left over %d days ago: their data is deleted (%s)",
                len(gone),
                days,
                ", ".join(map(str, gone)),
            )
            self.feeds_soon()  # feeds only they followed are nobody's now
        return gone

    @quiet_on_shutdown
    async def prune(self) -> Pruned:
        """Forget what the store no longer needs (see ``bot.store.retention``)."""
        started = time.perf_counter()
        pruned = await self.store.retention.prune(self.deps.now())
        log.info(
            "retention: forgot %s older than %d days in %.1f s",
            pruned,
            RETENTION.days,
            time.perf_counter() - started,
        )
        return pruned
