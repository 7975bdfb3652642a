"""The news pipeline, top to bottom: fetch → parse → dedupe → classify → track → outbox.

Only ``fetch`` and the store do I/O; parse runs in a worker thread; dedupe, classify
and track are pure. ``ingest`` decides and records a whole poll in one transaction,
so a crash leaves either nothing or everything (articles, events and deliveries).
Announcing happens later, from the outbox (see ``announce.py``).
"""

from __future__ import annotations

import asyncio
import logging
import random
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

import aiohttp

from bot.catalog import Catalog, PartialDate, Season, Show
from bot.domain.status import SEASON_LEAP, Change, LearnedEvent, newest_season, season_status
from bot.news import classify as classifier
from bot.news.catalog_view import index_from_catalog, known_from_catalog
from bot.news.classify_tables import compile_ascii
from bot.news.dedupe import MAX_AGE, Retitled, Seen, retitled, too_old, unseen, wanted
from bot.news.fetch import FetchResult, fetch_feed, retry_delay, should_disable
from bot.news.fingerprint import marked_updated, story_fingerprint
from bot.news.guard import redacted
from bot.news.messages import article_message, change_message, safe_text
from bot.news.models import Article, Milestone, Signal
from bot.news.parsing import FeedParser, in_daemon_thread
from bot.news.track import (
    Observation,
    assess,
    differs_from,
    last_change,
    observe,
    out_by,
    overturned,
    repeats,
    season_of,
)
from bot.render.text import inert_url
from bot.settings import Settings
from bot.store import Store
from bot.store.db import file_trouble
from bot.store.feeds import NOTE, Feed, GuildFeed
from bot.store.guilds import GuildSettings
from bot.store.news import PUBLIC, Judged, RecordedChange, ScopedEvent, View
from bot.store.outbox import Delivery, Heard
from bot.store.rows import iso

log = logging.getLogger(__name__)

# A clock set back (NTP putting right a clock that ran ahead) would record news told after
# the step as told before the news recorded just ahead of it: a cancellation after a renewal
# read as history the renewal overturned. A poll up to this far behind the newest news takes
# its time instead; further behind (a clock that ran years ahead), its own, or every article
# would be too old to tell until the clock caught up.
CLOCK_BACK_HELD = timedelta(days=2)

# Of the 2,000 characters a notice holds: the reason takes 600, the words around both 200.
NOTICE_URL_MAX = 1000


@dataclass
class NewsDeps:
    store: Store
    http: aiohttp.ClientSession
    catalog: Catalog
    settings: Settings
    index: classifier.ShowIndex
    known: classifier.KnownStatus
    parser: FeedParser
    now: Callable[[], datetime] = lambda: datetime.now(UTC)
    rng: random.Random = field(default_factory=random.Random)
    classifier_warm: bool = False

    async def warm_classifier(self) -> None:
        """The classifier builds its rule tables (2-5 s of CPU) on first use and compiles its
        patterns as texts need them: do both in a thread, once, rather than on the event loop
        inside an ingest; a daemon thread, so a stop during it (the bot's start) need not
        wait for the tables."""
        if not self.classifier_warm:
            await in_daemon_thread(self._warm, "classifier-warm")
            self.classifier_warm = True

    def _warm(self) -> None:
        self.classify("XO, Kitty", "", None)
        compile_ascii()

    def classify(self, title: str, summary: str, published: datetime | None) -> Signal:
        """The one way the bot classifies: the pipeline, previews and /feeds why agree."""
        return classifier.classify(title, summary, published, self.index, known=self.known)

    @classmethod
    def build(
        cls, store: Store, http: aiohttp.ClientSession, catalog: Catalog, settings: Settings
    ) -> NewsDeps:
        parser = FeedParser(settings.feed_parse_workers)
        index, known = index_from_catalog(catalog), known_from_catalog(catalog)
        return cls(store, http, catalog, settings, index, known, parser)


@dataclass
class FeedReport:
    feed: str
    outcome: str
    verdicts: Counter[str] = field(default_factory=Counter)
    queued: int = 0

    def log_line(self) -> str:
        counts = ", ".join(f"{k}={v}" for k, v in sorted(self.verdicts.items())) or "no new entries"
        feed = redacted(self.feed)
        return f"feed {feed}: {self.outcome}; {counts}; {self.queued} deliveries queued"


async def poll_due(deps: NewsDeps, *, concurrency: int = 32) -> list[FeedReport]:
    """Poll every feed whose time has come; one feed's failure never stops the others. The
    store's trouble (a full disk) is raised, once every poll is done."""
    feeds = await deps.store.feeds.due(deps.now())
    gate = asyncio.Semaphore(concurrency)

    async def one(feed: Feed) -> FeedReport | None:
        async with gate:
            return await poll_guarded(deps, feed)

    done = await asyncio.gather(*(one(f) for f in feeds), return_exceptions=True)
    reports = []
    for report in done:
        if isinstance(report, BaseException):
            raise report
        if report is not None:
            reports.append(report)
    return reports


async def poll_guarded(deps: NewsDeps, feed: Feed) -> FeedReport | None:
    """``poll_feed``, where a poll that raises is a failure of its feed like any other: it
    backs off, its moderators see it, and a feed that always crashes is disabled in time.
    The store's own trouble (a full disk, a read-only file, another program's lock) is no
    failure of the feed's and is raised: nothing was committed, so the next poll finds the
    same news; counted, 8 such polls disabled every feed."""
    now = deps.now()
    try:
        return await poll_feed(deps, feed)
    except Exception as exc:
        if file_trouble(exc) is not None:
            raise
        if isinstance(exc, sqlite3.IntegrityError) and await deps.store.feeds.get(feed.id) is None:
            # Folded into another feed mid-poll (that one's poll followed a move onto this
            # address): nothing of this poll was recorded, and the feed kept polls the same
            # document, this one's seen keys with it. No failure of anything.
            log.info("feed %d was folded into another during its poll: that one reads it", feed.id)
            return None
        log.exception("polling %s failed unexpectedly", redacted(feed.url))
        error = f"unexpected error while reading the feed ({type(exc).__name__})"
    try:
        return await record_failure(deps, feed, error, now, FetchResult("error", feed.url))
    except Exception:
        log.exception("recording the failure of %s failed too", redacted(feed.url))
        return None


async def poll_feed(deps: NewsDeps, feed: Feed) -> FeedReport:
    now = deps.now()
    fetched = await fetch_feed(
        deps.http,
        feed.url,
        etag=feed.etag,
        last_modified=feed.last_modified,
        body_hash=feed.body_hash,
        allow_private=deps.settings.allow_private_feeds,
    )
    if fetched.permanent_url and fetched.permanent_url != feed.url:
        await deps.store.feeds.move(feed.id, fetched.permanent_url)
        # A move onto another feed's address folds that feed into this one: this poll goes
        # on as the folded feed (shared, primed, its seen keys), or its news is lost.
        feed = await deps.store.feeds.get(feed.id) or feed
        if not feed.primed and fetched.status in ("not_modified", "unchanged"):
            # Landed on an address nobody has read (``feeds._LANDED``): this answer was to the
            # old address's validators, so none is kept and the next poll is the baseline.
            fetched = replace(fetched, etag=None, last_modified=None, body_hash=None)
    if fetched.status == "gone":
        return await _disable(deps, feed, "the feed is gone (HTTP 410)", now)
    if fetched.status == "error":
        return await record_failure(deps, feed, fetched.error or "unknown error", now, fetched)
    if fetched.status in ("not_modified", "unchanged"):
        # The same document as last time, so the same problems (if any) still hold.
        note = feed.last_error if not feed.failures else None
        await succeeded(deps, feed, now, fetched, note=note)
        return FeedReport(feed.url, fetched.status)

    parsed = await deps.parser.parse(fetched.body, fetched.url, fetched.headers, now=now)
    if parsed.error:
        return await record_failure(deps, feed, parsed.error, now, fetched)
    if feed.primed and parsed.articles:
        await deps.warm_classifier()
    # An entry cut short is judged from a whole copy, later; a baseline keeps it, as history
    # (what the cut took, its guid before all, is what would tell it apart later).
    articles = parsed.finished() if feed.primed else parsed.articles
    report = await ingest(deps, feed, articles, now)
    note = _parse_note(parsed.problems, parsed.notes)
    await succeeded(deps, feed, now, fetched, title=parsed.title, note=note)
    # A document that changes every poll (a build date, a rotating ad) with nothing new in it
    # says no more than a 304 does: at INFO it would be a line per feed per poll, for good.
    log.log(logging.INFO if report.verdicts else logging.DEBUG, report.log_line())
    return report


async def ingest(
    deps: NewsDeps, feed: Feed, articles: Sequence[Article], now: datetime
) -> FeedReport:
    """Dedupe, classify and track one poll's articles, queueing deliveries; one transaction."""
    report = FeedReport(feed.url, "fetched")
    news = deps.store.news
    ahead = await _classify_ahead(deps, feed, articles, now)
    async with deps.store.db.transaction():
        now = _held_back(await news.last_told(), now)
        seen = await news.seen(feed.id, (a.key for a in articles), carried_at=now)
        fresh = unseen(articles, seen)
        edits = retitled(articles, seen, now)
        if not feed.primed:
            # First poll: the backlog is history. Remember it, and its stories, so an entry
            # the feed later re-keys (http → https permalinks, new guids) is known by its
            # story; announce none of it.
            told = [(story_fingerprint(a), a.url, a.title) for a in fresh]
            stories = await news.stories(told, now)
            backlog = [
                (a, Judged("baseline", story_id=s)) for a, s in zip(fresh, stories, strict=True)
            ]
            await news.record_articles(feed.id, backlog, now)
            # (a feed polled again after it was disabled): its edits are history too
            await news.retitle(feed.id, [(e.article, e.read_as, None) for e in edits])
            await deps.store.feeds.mark_primed_in_tx(feed.id)
            report.verdicts["baseline"] = len(fresh)
            return report
        audience = _Audience(deps, feed)
        rows = []
        # Oldest first, as the news happened (a feed lists newest first): "premieres June 5"
        # then "now July 10" in one poll must leave July 10, told in that order. An undated
        # entry is new as of this poll.
        for article in sorted(fresh, key=lambda a: a.published or now):
            judged = await _one_article(deps, feed, article, audience, now, report, ahead)
            rows.append((article, judged))
            report.verdicts[judged.verdict.split(":")[0]] += 1
        await news.record_articles(feed.id, rows, now)
        # Headlines corrected since (after the new entries: the edit is news as of now).
        await news.retitle(
            feed.id,
            [await _edited(deps, feed, e, seen, audience, now, report, ahead) for e in edits],
        )
    return report


# A classification's inputs: headline, summary, and the time its dates are read against.
Read = tuple[str, str, datetime]


def _held_back(last: datetime | None, now: datetime) -> datetime:
    """The time a poll records its news at: ``last``, the newest news on record, where the
    clock is set back up to ``CLOCK_BACK_HELD`` behind it."""
    return last if last is not None and now < last <= now + CLOCK_BACK_HELD else now


async def _classify_ahead(
    deps: NewsDeps, feed: Feed, articles: Sequence[Article], now: datetime
) -> dict[Read, Signal]:
    """The poll's new and corrected entries classified before its transaction: inside it,
    each would hold the write lock every other poll and command waits on, for its CPU time
    (a feed whose "Live:" headlines change every poll, a classification per entry per
    poll). Read as the transaction will, from what the store holds now; the transaction
    takes a signal only for the very inputs it classifies (``classify`` is pure), and
    classifies what it finds otherwise (another poll recorded news meanwhile): the same
    record either way."""
    if not feed.primed or not articles:
        return {}
    news = deps.store.news
    seen = await news.seen(feed.id, (a.key for a in articles))
    now = _held_back(await news.last_told(), now)
    reads: list[Read] = [
        (a.title, a.summary, a.published or now)
        for a in unseen(articles, seen)
        if not too_old(a, now)
    ]
    reads += [
        (e.article.title, e.article.summary, now) for e in retitled(articles, seen, now) if e.judge
    ]
    return {read: deps.classify(*read) for read in reads}


async def _edited(
    deps: NewsDeps,
    feed: Feed,
    edit: Retitled,
    seen: Mapping[str, Seen],
    audience: _Audience,
    now: datetime,
    report: FeedReport,
    ahead: Mapping[Read, Signal],
) -> tuple[Article, str, Judged | None]:
    """An entry whose outlet corrected its headline: read again, when ``retitled`` says so,
    for a change of status alone (its story was told when it was first seen). Judged as
    published now, when the correction is told: a date it moves is moved now, not a source
    that differed when the entry first came."""
    if not edit.judge:
        return edit.article, edit.read_as, None
    report.verdicts["edited"] += 1
    article = replace(edit.article, published=now)
    was = seen[article.key]
    judged = await _one_article(deps, feed, article, audience, now, report, ahead, edited=was)
    if not judged.verdict.startswith("change:"):
        # no post (a repeat's change was told elsewhere): /feeds why says the correction
        # told nothing new, whatever the entry was when first seen
        judged = Judged("edited", judged.rule, judged.story_id)
    return edit.article, edit.read_as, judged


async def _one_article(
    deps: NewsDeps,
    feed: Feed,
    article: Article,
    audience: _Audience,
    now: datetime,
    report: FeedReport,
    ahead: Mapping[Read, Signal],
    *,
    edited: Seen | None = None,
) -> Judged:
    """What one new article is; queues what it should. ``ahead``: signals classified before
    the transaction (``_classify_ahead``). ``edited``: the entry as stored before its outlet
    corrected the headline (``_edited``)."""
    if too_old(article, now):
        return Judged("too_old")
    # An undated entry is new when the poll first sees it: its dates are read against the poll
    # ("wrapped filming in 2024" is old news today, not a wrap).
    read = (article.title, article.summary, article.published or now)
    signal = ahead.get(read)
    if signal is None:  # the store changed since it was read ahead
        signal = deps.classify(*read)
    show = deps.catalog.get(signal.show) if signal.show else None
    if show is None:
        return Judged("not_about_show", signal.rule)
    fingerprint = story_fingerprint(article)
    if edited is not None and edited.story_id is not None:
        story_id, new_story = edited.story_id, False
        # another outlet's telling of the corrected story is this one
        await deps.store.news.also_told_as(story_id, fingerprint, article.url, article.title, now)
    else:
        story_id, new_story = await deps.store.news.story(
            fingerprint, article.url, article.title, now
        )
    # A headline marked "UPDATE:" is its story as of the edit (a date moved since), though it
    # is the same story to all-news servers; so is one corrected under the same key.
    retold = not new_story and not marked_updated(article.title) and edited is None
    if (
        retold
        and await deps.store.news.in_backlog(feed.id, story_id)
        and not await deps.store.news.other_wording(fingerprint)
    ):
        # A backlog entry again, under a new key: history, as it was on the first poll. (A
        # later entry's repeat is judged as usual: an extra source, or a story told already;
        # so is one in words an outlet corrected the story to since.)
        return Judged("reissued", signal.rule, story_id)
    offer = Offer(article, feed.id, show.title, story_id, edited=edited is not None)
    verdict = "not_news" if new_story or edited is not None else "duplicate_story"
    # A shared feed's news is every server's; a server's own feed's, its followers' alone:
    # judged against the news they all see, and recorded for them only.
    scope = PUBLIC if feed.shared else await audience.scope()
    if signal.about is None:
        obs = None
    else:
        told_at = await deps.store.news.story_told_at(fingerprint) if retold else now
        obs = await observed(deps, signal, article, show, told_at, scope)
    told: list[tuple[Observation, tuple[int, Change]]] = []
    events: Mapping[int, Sequence[ScopedEvent]] = {}
    if obs is not None and not await plausible(deps, obs, scope):
        verdict = "unlikely_season"  # the milestone is dropped; in all-news mode it is news
    elif obs is not None:
        offer.obs = obs
        learned = await deps.store.news.learned_events(show.slug, obs.season, view=scope)
        if edited is not None and not await _tells_more(deps, obs, learned, signal.also, scope):
            # A correction that adds nothing (a typo, a flip to a wording told before): no
            # more sources of its own telling, no post.
            return Judged("not_change", signal.rule, story_id)
        told.append((obs, await _record(deps, obs, learned, feed, story_id, signal.rule)))
        # "Renews it for seasons 4 and 5": each season named is recorded, and one post, keyed
        # by the first season it changes, names each season it changes (not one known already).
        named = {obs.season: (obs, learned)}
        for season in signal.also:
            more = replace(obs, season=season)
            if await plausible(deps, more, scope):
                known = await deps.store.news.learned_events(show.slug, season, view=scope)
                named[season] = (more, known)
                told.append((more, await _record(deps, more, known, feed, story_id, signal.rule)))
        # every view's news of these seasons, read once for all the guilds that hear it
        events = await deps.store.news.scoped_events(show.slug, named)
        changed = [(o, c) for o, c in told if c[1] != "extra_source"]
        if changed:
            (offer.obs, offer.change), *further = changed
            offer.more = tuple((o.season, c[1]) for o, c in further)
            offer.also = also(offer.obs, offer.change[1], named[offer.obs.season][1])
            offer.echoes = echoes(scope, offer.obs, offer.change[0], events[offer.obs.season])
        elif scope != PUBLIC:
            offer = await _repeated_in(deps, offer, told, now, _seen_by(scope, events))
        elif (found := await first_repeated(deps, named.values(), now)) is not None:
            offer.obs, earlier = found
            offer.repeat = (earlier.id, earlier.kind)
            seen = _seen_by(scope, events)[offer.obs.season]
            offer.also = also(offer.obs, earlier.kind, before(earlier.id, seen))
            await _name_beside(deps, offer, named)
        verdict = offer.verdict

    # Guilds that see more than the scope (news of their other own feeds) judge it in their
    # view: once per view, and only where that news told of these seasons.
    judged = {scope: offer}
    for guild, sub in await audience.get():
        if (guild.show_slug or deps.catalog.default_show.slug) != show.slug:
            continue
        if sub is not None and not wanted(article, sub.include, sub.exclude):
            continue
        view = audience.view(guild.guild_id)
        if view not in judged:
            judged[view] = await as_seen_by(deps, view, scope, offer, told, now, events)
        report.queued += int(await queue_offer(deps, guild, judged[view]))
    carried = offer.carried
    return Judged(verdict, signal.rule, story_id, carried[0] if carried else None)


async def _record(
    deps: NewsDeps,
    obs: Observation,
    learned: Sequence[LearnedEvent],
    feed: Feed,
    story_id: int,
    rule: str,
) -> tuple[int, Change]:
    """Store what ``obs`` tells of its season, and what it changes there: (event id, kind)."""
    kind = assess(obs, learned)
    event_id = await deps.store.news.add_event(
        show=obs.show.slug,
        season=obs.season,
        event=obs.event,
        kind=kind,
        feed_id=feed.id,
        story_id=story_id,
        rule=rule,
        public=feed.shared,
    )
    return event_id, kind


async def _name_beside(
    deps: NewsDeps,
    offer: Offer,
    named: Mapping[int, tuple[Observation, Sequence[LearnedEvent]]],
) -> None:
    """Told to a guild that missed it, the repeat names the seasons the first telling
    changed beside it that this article names too, unless overturned since."""
    assert offer.repeat is not None and offer.obs is not None
    earlier, season_told = offer.repeat[0], offer.obs.season
    offer.beside = tuple(await deps.store.news.told_beside(earlier))
    offer.more = tuple(
        (season, kind)
        for season, kind in await deps.store.news.seasons_told(earlier)
        if kind != "extra_source"
        and season in named
        and season != season_told
        and not overturned(*named[season])
    )


async def as_seen_by(
    deps: NewsDeps,
    view: View,
    scope: View,
    offer: Offer,
    told: Sequence[tuple[Observation, tuple[int, Change]]],
    now: datetime,
    events: Mapping[int, Sequence[ScopedEvent]],
) -> Offer:
    """The offer as a guild sees it whose view holds more than the article's scope (its own
    feeds' news): each season judged again against that news, so the guild hears a change
    once, whichever of its feeds, own or shared, tells it first. ``told``: the seasons the
    article recorded, with (event id, kind) as the scope judged them; ``events``: every
    view's news of those seasons (``NewsRepo.scoped_events``)."""
    seen = _seen_by(view, events)
    if all(scope.sees(e) for told_of in seen.values() for e in told_of):
        return offer  # none of its other feeds told of these seasons: the scope's judgement
    mine = replace(offer, change=None, repeat=None, more=(), beside=(), also=())
    judged = []
    for obs, (event_id, _) in told:
        learned = [e.event for e in seen[obs.season] if e.id < event_id]
        judged.append((obs, (event_id, assess(obs, learned))))
    if changed := [(o, c) for o, c in judged if c[1] != "extra_source"]:
        (mine.obs, mine.change), *further = changed
        mine.more = tuple((o.season, c[1]) for o, c in further)
        before = [e.event for e in seen[mine.obs.season] if e.id < mine.change[0]]
        mine.also = also(mine.obs, mine.change[1], before)
        return mine
    return await _repeated_in(deps, mine, told, now, seen)


def _seen_by(
    view: View, events: Mapping[int, Sequence[ScopedEvent]]
) -> dict[int, list[ScopedEvent]]:
    """Each season's events, as ``view`` sees them."""
    return {season: [e for e in told if view.sees(e)] for season, told in events.items()}


def echoes(
    scope: View, obs: Observation, event_id: int, events: Sequence[ScopedEvent]
) -> tuple[int, ...]:
    """The events outside ``scope`` that told the change ``event_id`` records (the claim
    adds nothing to the scope's news before it with that event): a guild that heard one,
    from an own feed it no longer follows, is not told the change again."""
    before = [e for e in events if e.id < event_id and scope.sees(e)]
    return tuple(
        e.id
        for e in events
        if e.id < event_id
        and not scope.sees(e)
        and e.event.milestone is obs.event.milestone
        and e.event.denied == obs.event.denied
        and assess(obs, [t.event for t in sorted([*before, e])]) == "extra_source"
    )


async def _repeated_in(
    deps: NewsDeps,
    offer: Offer,
    told: Sequence[tuple[Observation, tuple[int, Change]]],
    now: datetime,
    seen: Mapping[int, Sequence[ScopedEvent]],
) -> Offer:
    """``first_repeated`` for news no season of which changes in a view holding a server's
    own feeds, whose news of each season is ``seen`` (``_seen_by``): what was a change is
    judged anew in it (the kinds recorded are each of their own scope's), so the change
    found is the one its guilds were told."""
    named, named_ids = {}, {}
    for obs, (event_id, _) in told:
        named[obs.season] = (obs, [e.event for e in seen[obs.season] if e.id < event_id])
        named_ids[obs.season] = event_id
    for obs, learned in named.values():
        found = None if overturned(obs, learned) else last_change(obs, seen[obs.season])
        if found is not None and repeats(obs, found[0].event, now, MAX_AGE):
            offer.obs, offer.repeat = obs, (found[0].id, found[1])
            offer.also = also(obs, found[1], before(found[0].id, seen[obs.season]))
            await _name_beside(deps, offer, named)
            # Told since by a feed judged in another view (the shared feed's, before this
            # guild followed the feed that told it first): a change there, heard as one.
            claim = obs.event
            offer.echoes = tuple(
                e.id
                for e in seen[obs.season]
                if found[0].id < e.id < named_ids[obs.season]
                and e.event.milestone is claim.milestone
                and e.event.denied == claim.denied
            )
            break
    return offer


async def _tells_more(
    deps: NewsDeps,
    obs: Observation,
    learned: Sequence[LearnedEvent],
    also: Sequence[int],
    scope: View,
) -> bool:
    """Whether a corrected headline changes any season it names in ``scope``'s news."""
    if assess(obs, learned) != "extra_source":
        return True
    for season in also:
        known = await deps.store.news.learned_events(obs.show.slug, season, view=scope)
        if assess(replace(obs, season=season), known) != "extra_source":
            return True
    return False


# What a headline naming no season can be about, of the seasons the news told of: one still
# to come, not one told only that it will not come ("will end with season 4": season 5).
_TO_COME = frozenset(Milestone) - {Milestone.CANCELLED}


async def observed(
    deps: NewsDeps,
    signal: Signal,
    article: Article,
    show: Show,
    told_at: datetime,
    view: View = PUBLIC,
) -> Observation:
    """``observe``, with the newest season the news ``view`` sees told of when the headline
    names none."""
    newest = None
    if signal.season is None:
        learned = await deps.store.news.learned_seasons(show.slug, of=_TO_COME, view=view)
        newest = newest_season(show.latest_season.number, learned)
        if signal.about is Milestone.RELEASED:
            newest = await _newest_out(deps, show, newest, told_at, view)
    return observe(signal, article, show, told_at, newest)


async def _newest_out(
    deps: NewsDeps, show: Show, newest: int, told_at: datetime, view: View
) -> int:
    """ "Now streaming" naming no season (a listing of the show as it is): the newest season
    the news alone told of, up to ``newest``, that it told out or whose premiere day has
    come, else the pack's newest. Not a season just renewed or dated months ahead."""
    for number in range(newest, show.latest_season.number, -1):
        season = season_of(show, number) or Season.from_news_only(number)
        learned = await deps.store.news.learned_events(show.slug, number, view=view)
        if out_by(season_status(season, learned), told_at):
            return number
    return show.latest_season.number


async def plausible(deps: NewsDeps, obs: Observation, view: View = PUBLIC) -> bool:
    """Is the observation's season within reach of the newest one ``view`` knows? A misread
    number ("season 12" of a three-season show) would otherwise become the newest season."""
    learned = await deps.store.news.learned_seasons(obs.show.slug, view=view)
    return obs.season <= newest_season(obs.show.latest_season.number, learned) + SEASON_LEAP


async def recent_change(
    deps: NewsDeps,
    obs: Observation,
    learned: Sequence[LearnedEvent],
    now: datetime,
    view: View = PUBLIC,
) -> RecordedChange | None:
    """The change this extra source repeats, if recent enough to tell guilds that missed it
    and not overturned since (a renewal since cancelled is history).

    A guild in "changes" mode hears a change from the first feed it follows that carries
    it: a guild following only a later outlet would otherwise never hear it at all."""
    if overturned(obs, learned):
        return None
    event = obs.event
    change = await deps.store.news.latest_change(
        obs.show.slug, obs.season, event.milestone, denied=event.denied, view=view
    )
    return change if change is not None and repeats(obs, change.event, now, MAX_AGE) else None


async def first_repeated(
    deps: NewsDeps,
    named: Iterable[tuple[Observation, Sequence[LearnedEvent]]],
    now: datetime,
    view: View = PUBLIC,
) -> tuple[Observation, RecordedChange] | None:
    """The first of an extra source's seasons (each with what was known of it) whose recent
    change it repeats, and that change: "renews it for seasons 4 and 5" repeats yesterday's
    news of season 5 although season 4's renewal is old."""
    for obs, learned in named:
        if (change := await recent_change(deps, obs, learned, now, view)) is not None:
            return obs, change
    return None


@dataclass
class Offer:
    """What one article offers the guilds that hear it."""

    article: Article
    feed_id: int
    show_title: str
    story_id: int
    obs: Observation | None = None
    change: tuple[int, str] | None = None  # (event id, kind) when the article is a change
    # further seasons its post names: (season, kind) of its change, or of the repeated one's
    more: tuple[tuple[int, str], ...] = ()
    repeat: tuple[int, str] | None = None  # the recent change an extra source repeats
    # the changes told in one post with the repeated one (news of several seasons)
    beside: tuple[int, ...] = ()
    # the same change told earlier outside the article's scope (``echoes``)
    echoes: tuple[int, ...] = ()
    # with "sources_differ" (its change, or the one it repeats to a guild that missed it):
    # the dates other sources gave as surely (``differs_from``)
    also: tuple[PartialDate, ...] = ()
    # a headline corrected under a key seen before: its story was told, only its change is news
    edited: bool = False

    @property
    def verdict(self) -> str:
        """What the article is, as /feeds why tells it."""
        if self.change is not None:
            return f"change:{self.change[1]}"
        return "repeat" if self.repeat is not None else "not_change"

    @property
    def carried(self) -> tuple[int, str] | None:
        """The change the article tells: its own, or the recent one it repeats."""
        return self.change or self.repeat


async def queue_offer(deps: NewsDeps, guild: GuildSettings, offer: Offer) -> bool:
    """One delivery for one guild, if its mode wants this article; idempotent per guild.

    "changes" mode: keyed by the change's event, so a guild hears each change once,
    from the first of its feeds that reports it. "all" mode: keyed by story, so a story
    another guild's feed carried first still reaches this guild from its own feed, once,
    styled as a change when it is one. A post the guild had in its other mode counts too:
    one that told the change, or one of the story."""
    assert guild.channel_id is not None
    if guild.mode == "changes" or offer.edited:
        # A corrected headline's story was told already, in either mode: its change alone is
        # news, heard once as any change is (a change told elsewhere was no news of it).
        change = offer.change if offer.edited else offer.carried
        if change is None:
            return False
        # the repeated change's own post, or the one that told it beside other seasons'
        key = change_key(change[0])
        told = Heard(changes=(change[0], *offer.beside, *offer.echoes))
    else:
        change, key, told = offer.change, f"story:{offer.story_id}", Heard(story=offer.story_id)
    role, threads = guild.role_id, guild.threads
    message = (
        change_message(
            offer.obs,
            change[1],
            offer.article,
            role_id=role,
            threads=threads,
            more=offer.more,
            also=offer.also,
        )
        if change is not None and offer.obs is not None
        else article_message(offer.show_title, offer.article, role_id=role, threads=threads)
    )
    return await deps.store.outbox.enqueue(
        guild_id=guild.guild_id,
        channel_id=guild.channel_id,
        dedupe_key=key,
        message=message,
        event_id=change[0] if change is not None else None,
        story_id=offer.story_id,
        source=(offer.feed_id, offer.article.key),
        heard=told,
    )


def also(obs: Observation, kind: str, learned: Sequence[LearnedEvent]) -> tuple[PartialDate, ...]:
    """The other dates a "sources differ" post names (none for any other change)."""
    return differs_from(obs, learned) if kind == "sources_differ" else ()


def before(event_id: int, events: Sequence[ScopedEvent]) -> list[LearnedEvent]:
    """The news of a view (``events``) told before the event ``event_id``: what a repeat of
    that change is judged against, so it names the dates its first post named (since, the
    season holds the change's own date, which a less sure one told with it does not rival)."""
    return [e.event for e in events if e.id < event_id]


def change_key(event_id: int) -> str:
    """A "changes" guild's delivery key: one post per change, whichever feed reports it."""
    return f"event:{event_id}"


async def heard(deps: NewsDeps, guild_id: int, changes: Sequence[int]) -> bool:
    """Whether the guild has a post that told any of ``changes`` (queued, sent, or given up
    after a try), in either mode: keyed by its change, or by its story in all-news mode."""
    return await deps.store.outbox.has_heard(guild_id, Heard(changes=tuple(changes)))


async def told_post(deps: NewsDeps, guild_id: int, event_id: int) -> Delivery | None:
    """This guild's post that told the change, in either mode: its own, or the one post of
    the article that recorded it beside other seasons' changes."""
    told = (event_id, *await deps.store.news.told_beside(event_id))
    return await deps.store.outbox.find_heard(guild_id, Heard(changes=told))


class _Audience:
    """Guilds with a channel that follow the feed (everyone follows a shared feed); a
    paused guild's posts are queued too, and held until /setup channel resumes it.

    Read when a poll's first article about a show needs it, once: most polls bring none,
    and each query is a round trip to the SQLite thread made while the poll holds the
    write lock, which every other feed's poll waits on to record its own."""

    def __init__(self, deps: NewsDeps, feed: Feed) -> None:
        self._deps, self._feed = deps, feed
        self._read: list[tuple[GuildSettings, GuildFeed | None]] | None = None
        self._views: dict[int, View] = {}
        self._followers: list[int] = []

    def view(self, guild_id: int) -> View:
        """What news the guild sees (``get`` first)."""
        return self._views.get(guild_id, PUBLIC)

    async def scope(self) -> View:
        """Whose news a server's own feed tells: the news every one of its followers sees
        (its own, and their other feeds that all of them follow), so no follower's view is
        moved by a feed another follower added."""
        await self.get()
        views = [self._views.get(g, PUBLIC) for g in self._followers]
        shared = set.intersection(*(set(v.feeds) for v in views)) if views else set()
        return View(tuple(sorted(shared | {self._feed.id})))

    async def get(self) -> list[tuple[GuildSettings, GuildFeed | None]]:
        if self._read is None:
            store, feed = self._deps.store, self._feed
            guilds = await store.guilds.with_channel()
            followers = await store.feeds.followers(feed.id)
            self._views = await store.feeds.views()
            self._followers = list(followers)
            self._read = [
                (g, followers.get(g.guild_id))
                for g in guilds
                if feed.shared or g.guild_id in followers
            ]
        return self._read


async def succeeded(
    deps: NewsDeps,
    feed: Feed,
    now: datetime,
    fetched: FetchResult,
    *,
    title: str | None = None,
    note: str | None = None,
) -> None:
    """Record a successful poll (a /feeds add's first fetch too): validators, next poll."""
    if feed.failures:
        log.info("feed %s works again after %d failed polls", redacted(feed.url), feed.failures)
    await deps.store.feeds.record_success(
        feed.id,
        now=now,
        next_poll=now + timedelta(seconds=deps.settings.poll_interval),
        etag=fetched.etag,
        last_modified=fetched.last_modified,
        body_hash=fetched.body_hash,
        title=title,
        note=note,
    )


def _parse_note(problems: Sequence[str], notes: Sequence[str] = ()) -> str | None:
    """An ill-formed feed is read as far as it goes; its moderators still see what was wrong.
    A sound one read in a way worth knowing (its encoding detected) is only noted."""
    if problems:
        return f"kept what parsed: {'; '.join([*problems, *notes][:2])}"[:300]
    return f"{NOTE}{'; '.join(notes)}"[:300] if notes else None


async def record_failure(
    deps: NewsDeps, feed: Feed, error: str, now: datetime, fetched: FetchResult
) -> FeedReport:
    delay = retry_delay(
        fetched,
        feed.failures + 1,
        base=deps.settings.poll_interval,
        cap=24 * 3600,
        rng=deps.rng,
    )
    failures = await deps.store.feeds.record_failure(
        feed.id, now=now, next_poll=now + timedelta(seconds=delay), error=error
    )
    # WARNING when a feed starts failing (and when it is disabled, below); the backed-off
    # retries between are INFO, and the poll that works again says so.
    level = logging.WARNING if failures == 1 else logging.INFO
    log.log(level, "feed %s failed (%d in a row): %s", redacted(feed.url), failures, error)
    if should_disable(failures):
        return await _disable(deps, feed, f"{failures} failures in a row; last: {error}", now)
    return FeedReport(feed.url, f"error: {error}")


async def _disable(deps: NewsDeps, feed: Feed, reason: str, now: datetime) -> FeedReport:
    await deps.store.feeds.disable(feed.id, reason, now=now)
    if feed.shared:
        # No server can mend a shared feed (/feeds add refuses to restart one, even for a
        # server that also added it): the host hears how, and the servers that only the host can.
        what = "shared feed"
        hint = (
            f"; no server hears it until the bot restarts with it still in "
            f"{deps.settings.feeds_file} (a restart retries every feed listed there)"
        )
        retry = "it is on the shared list, so only the bot's host can start it again"
    else:
        what, hint, retry = "feed", "", "remove and re-add it to try again"
    log.warning("%s %s disabled: %s%s", what, redacted(feed.url), reason, hint)
    # The reason quotes the feed's server (status line, Location header): make it inert.
    shown = safe_text(reason, 600)
    for guild_id in await deps.store.feeds.followers(feed.id):
        await deps.store.outbox.add_notice(
            guild_id,
            f"feed-disabled:{feed.id}:{iso(now)}",
            f"I stopped polling the feed {_notice_address(feed.url)}: {shown}. "
            f"Use `/feeds list` to see its health; {retry}.",
        )
    return FeedReport(feed.url, f"disabled: {reason}")


def _notice_address(url: str) -> str:
    """The feed's address for a notice: whole in <…> (no preview), unless it would take
    the notice past Discord's 2,000 characters; then cut, and no longer a link (a cut link
    leads elsewhere). Percent-encoded: /feeds add keeps an address as typed, and a ">" in it
    would close the brackets and leave the rest as markdown in the bot's own words."""
    shown = inert_url(redacted(url))
    return f"<{shown}>" if len(shown) <= NOTICE_URL_MAX else safe_text(shown, NOTICE_URL_MAX)
