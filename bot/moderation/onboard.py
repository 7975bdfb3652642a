"""Taking on a feed that ``/feeds add`` just fetched: judge its newest items, keep the rest quiet.

Unlike the other modules here this one reads and writes the store, through the
pipeline's own functions, so the preview and the backlog rule can't drift from
what polling does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import Protocol

from bot.catalog import Catalog, Show
from bot.domain.status import LearnedEvent
from bot.moderation.preview import PreviewItem, judge, newest
from bot.news.fetch import FetchResult
from bot.news.models import Article
from bot.news.pipeline import (
    NewsDeps,
    first_repeated,
    heard,
    ingest,
    observed,
    plausible,
    succeeded,
)
from bot.news.track import Observation, assess
from bot.store.feeds import Feed
from bot.store.guilds import GuildSettings
from bot.store.news import View


class Following(Protocol):
    """A guild's settings, or a row carrying its /setup show (a status card's)."""

    @property
    def show_slug(self) -> str | None: ...


def show_for(catalog: Catalog, guild: Following) -> Show:
    """The show a guild follows: its choice if still installed, else the default pack."""
    chosen = catalog.get(guild.show_slug) if guild.show_slug else None
    return chosen or catalog.default_show


async def preview_items(
    deps: NewsDeps, articles: Sequence[Article], guild: GuildSettings, now: datetime
) -> list[PreviewItem]:
    """The newest items, classified, with whether this guild would get each if it were new."""
    show = show_for(deps.catalog, guild)
    view = await deps.store.feeds.view_of(guild.guild_id)  # the news this guild sees
    items = []
    for article in newest(articles):
        signal = deps.classify(article.title, article.summary, article.published)
        kind: str | None = None
        seasons: list[int] = []
        if signal.about is not None and signal.show == show.slug:
            obs = await observed(deps, signal, article, show, now, view)
            learned = await deps.store.news.learned_events(show.slug, obs.season, view=view)
            kind = "extra_source"
            if not await plausible(deps, obs, view):
                kind = "unlikely_season"  # as the pipeline judges it: no change
            elif changed := _changes(named := await _named(deps, view, obs, learned, signal.also)):
                # "renews it for seasons 4 and 5": the post names the seasons it changes
                kind, seasons = changed[0][1], [season for season, _ in changed]
            elif await _unheard(deps, guild, view, named, now):
                kind = "repeat"
        verdict = judge(
            article,
            signal,
            now=now,
            show_slug=show.slug,
            show_title=show.title,
            mode=guild.mode,
            change_kind=kind,
            seasons=seasons if signal.also else (),
        )
        items.append(PreviewItem(article, signal, verdict))
    return items


async def _named(
    deps: NewsDeps,
    view: View,
    obs: Observation,
    learned: Sequence[LearnedEvent],
    further: Sequence[int],
) -> list[tuple[Observation, Sequence[LearnedEvent]]]:
    """Each season ``obs``'s news tells of, as the pipeline records them (the ``further``
    seasons within reach), with what is known of it."""
    named: list[tuple[Observation, Sequence[LearnedEvent]]] = [(obs, learned)]
    for season in further:
        more = replace(obs, season=season)
        if await plausible(deps, more, view):
            known = await deps.store.news.learned_events(obs.show.slug, season, view=view)
            named.append((more, known))
    return named


def _changes(named: Sequence[tuple[Observation, Sequence[LearnedEvent]]]) -> list[tuple[int, str]]:
    """Each season the news changes, with its kind."""
    kinds = ((obs.season, assess(obs, learned)) for obs, learned in named)
    return [(season, kind) for season, kind in kinds if kind != "extra_source"]


async def _unheard(
    deps: NewsDeps,
    guild: GuildSettings,
    view: View,
    named: Sequence[tuple[Observation, Sequence[LearnedEvent]]],
    now: datetime,
) -> bool:
    """Whether this extra source repeats a recent change the guild was never sent (nor the
    post that told it beside another season's)."""
    found = await first_repeated(deps, named, now, view)
    if found is None:
        return False
    change = found[1]
    told = (change.id, *await deps.store.news.told_beside(change.id))
    return not await heard(deps, guild.guild_id, told)


async def adopt(
    deps: NewsDeps,
    feed: Feed,
    articles: Sequence[Article],
    fetched: FetchResult,
    *,
    title: str | None,
    now: datetime,
) -> bool:
    """Record what the feed holds now as its baseline, unless it is already being polled.

    A feed that is new, never primed, or was disabled (so nobody heard what it
    published meanwhile) takes this fetch as its first poll: everything in it is
    history and is never announced. A feed that other servers follow, and that is
    polled normally, is left alone so they still get whatever is new in it.
    A primed feed nobody follows was not polled either (a ``/feeds add`` cut short after
    its baseline, by a crash or an error, leaves one): it is taken on afresh too.
    Returns True when the baseline was recorded.
    """
    if feed.primed and feed.enabled and await _polled(deps, feed):
        return False
    # ``ingest`` treats an unprimed feed's poll as the baseline: the pipeline's own rule.
    await ingest(deps, replace(feed, primed=False), articles, now)
    if not feed.enabled:
        await deps.store.feeds.enable(feed.id)
    await succeeded(deps, feed, now, fetched, title=title)
    return True


async def _polled(deps: NewsDeps, feed: Feed) -> bool:
    """Whether the poller reads ``feed``: shared, or followed by some server."""
    return feed.shared or bool(await deps.store.feeds.followers(feed.id))
