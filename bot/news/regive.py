"""A feed's queued posts withdrawn by a moderator (/feeds remove, /feeds filter), each handed
to another followed feed's article that told the same news.

A guild hears a change (all-news mode: a story) once, from the first of its feeds that
carries it: a later feed's article of it queued nothing. Withdrawn, the first feed's post
would leave the guild without news another of its feeds, whose filter keeps it, carried.
The post is queued from that article as the pipeline queues it for a guild that missed the
first: its own words, the same key, rebuilt from what was stored when it was judged.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from bot.news.dedupe import wanted
from bot.news.models import Article
from bot.news.pipeline import NewsDeps, Offer, queue_offer
from bot.news.track import Observation, overturned
from bot.store.feeds import GuildFeed
from bot.store.guilds import GuildSettings
from bot.store.news import SeenArticle, View
from bot.store.outbox import Withdrawn
from bot.store.rows import parse_iso


async def withdraw_feed(
    deps: NewsDeps, guild_id: int, why: str, feed_id: int, ids: Collection[int] | None = None
) -> tuple[int, int]:
    """``OutboxRepo.withdraw`` of one feed's posts (only those ``ids``), each never tried
    queued again from another followed feed that carried it; one transaction, so a stop
    between cannot lose the news. (Posts withdrawn, of them queued again.)"""
    store = deps.store
    async with store.db.transaction():
        gone = await store.outbox.withdraw_in_tx(guild_id, why, feed_id=feed_id, ids=ids)
        untried = [w for w in gone if w.attempts == 0]
        given = 0
        guild = await store.guilds.get(guild_id)
        if untried and guild.channel_id is not None:
            # every shared feed, and the guild's own with their filters (set, or unfollowed,
            # first: the withdrawn article itself is no longer wanted)
            feeds: dict[int, GuildFeed | None] = {f.id: None for f in await store.feeds.shared()}
            feeds.update({sub.feed.id: sub for sub in await store.feeds.for_guild(guild_id)})
            for withdrawn in untried:
                given += await _regive(deps, guild, feeds, withdrawn)
    return len(gone), given


async def _regive(
    deps: NewsDeps,
    guild: GuildSettings,
    feeds: Mapping[int, GuildFeed | None],
    withdrawn: Withdrawn,
) -> bool:
    """Queue the withdrawn post's news from the first followed article that told it."""
    news = deps.store.news
    view = await deps.store.feeds.view_of(guild.guild_id)
    if guild.mode == "changes":
        if withdrawn.event_id is None:
            return False
        # the change, or one told beside it in one post (its repeat's key is that one's), or
        # told since by a feed of the guild's own that judged it against other news (a
        # server's own feed's news is its followers' alone: without feed A's, B's is new)
        column = "change_id"
        values = [withdrawn.event_id, *await news.told_beside(withdrawn.event_id)]
        values += await news.told_since(withdrawn.event_id, view)
    elif withdrawn.story_id is not None:
        column, values = "story_id", [withdrawn.story_id]
    else:
        return False
    for seen in await news.carriers(list(feeds), column, values):
        article = _article(seen)
        sub = feeds[seen.feed_id]
        if sub is not None and not wanted(article, sub.include, sub.exclude):
            continue
        offer = await _offer(deps, guild, view, seen, article)
        if offer is not None and await queue_offer(deps, guild, offer):
            return True
    return False


def _article(seen: SeenArticle) -> Article:
    return Article(
        seen.feed_url, seen.key, seen.url, seen.title, parse_iso(seen.published), seen.summary
    )


async def _offer(
    deps: NewsDeps, guild: GuildSettings, view: View, seen: SeenArticle, article: Article
) -> Offer | None:
    """What the stored article offered the guilds that heard it, as ``_one_article`` made
    it; None if what is stored no longer tells (a change not of the guild's show, events
    not found): a post unlike the pipeline's is not sent."""
    show = deps.catalog.get(guild.show_slug or deps.catalog.default_show.slug)
    if show is None or seen.story_id is None:
        return None
    offer = Offer(article, seen.feed_id, show.title, seen.story_id)
    if seen.change_id is None:
        return offer  # news of no change: an all-news post of the article
    news = deps.store.news
    carried = await news.told_event(seen.change_id)
    if carried is None or carried.show != show.slug:
        return None
    told = await news.events_of(seen)
    if seen.verdict.startswith("change:"):
        # its own change, first of those it made; the further ones named in its one post
        changed = [t for t in told if t.kind != "extra_source"]
        if not changed or changed[0].id != carried.id:
            return None
        offer.obs = Observation(show, carried.season, carried.event)
        offer.change = (carried.id, carried.kind)
        offer.more = tuple((t.season, t.kind) for t in changed[1:])
        # told by a correction of its headline (read as of a later poll): its story was told,
        # its change alone is news (``Offer.edited``)
        first_seen = parse_iso(seen.first_seen_at)
        offer.edited = first_seen is not None and carried.event.seen_at > first_seen
        return offer
    # a repeat: its own telling of the repeated change's season
    mine = {t.season: t for t in told}
    own = mine.get(carried.season)
    if own is None:
        return None
    offer.obs, offer.repeat = Observation(show, own.season, own.event), (carried.id, carried.kind)
    offer.beside = tuple(await news.told_beside(carried.id))
    more = []
    for season, kind in await news.seasons_told(carried.id):
        if kind == "extra_source" or season == own.season or (ours := mine.get(season)) is None:
            continue
        # overturned as it stood when the article was judged (learned before its event)
        learned = await news.learned_events(show.slug, season, before=ours.id, view=view)
        if not overturned(Observation(show, season, ours.event), learned):
            more.append((season, kind))
    offer.more = tuple(more)
    return offer
