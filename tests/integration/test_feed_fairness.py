"""One server's slow own feeds against the shared fetch pool (bot/news/fairness.py): they
are polled a few at a time, and neither the host's shared feeds nor another server's feeds
wait behind them. Real store, real HTTP on loopback, NewsService.poll as the jobs call it."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import aiohttp
import pytest
from aiohttp import web

from bot.catalog import load_catalog
from bot.news.fairness import OWN_FEEDS_PER_SERVER, FetchSlots
from bot.news.pipeline import NewsDeps
from bot.news.service import NewsService
from bot.settings import Settings
from bot.store import Store
from tests.conftest import NOW, REPO, ReadyClient
from tests.feedserver import FeedServer, make_rss


class SlowHost:
    """Routes that hold every request until released, counting how many are held at once."""

    def __init__(self) -> None:
        self.release = asyncio.Event()
        self.held = 0
        self.most_held = 0
        self.arrived = asyncio.Condition()

    async def handler(self, request: web.Request) -> web.StreamResponse:
        async with self.arrived:
            self.held += 1
            self.most_held = max(self.most_held, self.held)
            self.arrived.notify_all()
        try:
            await self.release.wait()
        finally:
            self.held -= 1
        return web.Response(body=make_rss(2), content_type="application/rss+xml")

    async def until_held(self, count: int) -> None:
        async with self.arrived:
            await asyncio.wait_for(self.arrived.wait_for(lambda: self.held >= count), 10)


@pytest.fixture
async def service(store: Store, feed_session: aiohttp.ClientSession) -> AsyncIterator[NewsService]:
    settings = Settings(
        feed_poll_seconds=60,
        allow_private_feeds=True,
        feed_parse_workers=0,
    )
    deps = NewsDeps.build(store, feed_session, load_catalog(REPO / "data" / "shows"), settings)
    deps.now = lambda: NOW
    deps.classifier_warm = True
    news = NewsService(ReadyClient(), deps)  # type: ignore[arg-type]
    yield news  # not started: polled by hand, as the feed jobs would


async def own_feeds(store: Store, server: FeedServer, guild: int, paths: list[str]) -> list[int]:
    ids = []
    for path in paths:
        feed = await store.feeds.add(server.url(path))
        await store.feeds.subscribe(guild, feed.id, None)
        ids.append(feed.id)
    return ids


async def test_a_servers_slow_own_feeds_are_polled_a_few_at_a_time_and_hold_up_no_one_else(
    service: NewsService, feed_server: FeedServer
) -> None:
    slow = SlowHost()
    paths = [f"/slow/{n}.xml" for n in range(OWN_FEEDS_PER_SERVER * 2)]
    for path in paths:
        feed_server.route(path, slow.handler)
    feed_server.serve("/other.xml", make_rss(2))
    feed_server.serve("/shared.xml", make_rss(2))
    store = service.store
    hog = await own_feeds(store, feed_server, 1, paths)
    (other,) = await own_feeds(store, feed_server, 2, ["/other.xml"])
    shared = await store.feeds.share(feed_server.url("/shared.xml"))

    polls = [asyncio.create_task(service.poll(feed_id)) for feed_id in hog]
    await slow.until_held(OWN_FEEDS_PER_SERVER)
    # The rest of server 1's feeds wait for its slots, not for a connection...
    for _ in range(20):
        await asyncio.sleep(0.01)
    assert slow.held == OWN_FEEDS_PER_SERVER
    # ...while the host's shared feed and server 2's own feed are read at once.
    shared_report = await asyncio.wait_for(service.poll(shared.id), 10)
    other_report = await asyncio.wait_for(service.poll(other), 10)
    assert shared_report is not None and shared_report.outcome == "fetched"
    assert other_report is not None and other_report.outcome == "fetched"
    assert not any(poll.done() for poll in polls)

    slow.release.set()
    reports = await asyncio.wait_for(asyncio.gather(*polls), 10)
    assert [r.outcome if r else None for r in reports] == ["fetched"] * len(hog)
    assert slow.most_held == OWN_FEEDS_PER_SERVER
    assert service.slots.servers_polling == 0  # nothing kept for servers done polling


async def test_an_own_feed_removed_while_it_waits_for_a_slot_is_not_read(
    service: NewsService, feed_server: FeedServer
) -> None:
    """A server's feed queued behind its slow ones, then removed by its moderator
    (``/feeds remove``: unsubscribed and retired): it was read when its turn came, minutes
    later, with the row read before the wait, and its news went on to the pipeline."""
    slow = SlowHost()
    paths = [f"/slow/{n}.xml" for n in range(OWN_FEEDS_PER_SERVER)]
    for path in paths:
        feed_server.route(path, slow.handler)
    feed_server.serve("/queued.xml", make_rss(2))
    store = service.store
    hog = await own_feeds(store, feed_server, 1, paths)
    (queued,) = await own_feeds(store, feed_server, 1, ["/queued.xml"])
    polls = [asyncio.create_task(service.poll(feed_id)) for feed_id in hog]
    await slow.until_held(OWN_FEEDS_PER_SERVER)
    waiting = asyncio.create_task(service.poll(queued))
    for _ in range(20):
        await asyncio.sleep(0.01)
    assert not waiting.done()
    assert await store.feeds.unsubscribe(1, queued)
    assert await store.feeds.retire(queued, "removed by a moderator", now=NOW)

    slow.release.set()
    assert await asyncio.wait_for(waiting, 10) is None
    assert feed_server.hits("/queued.xml") == 0
    await asyncio.wait_for(asyncio.gather(*polls), 10)
    assert service.slots.servers_polling == 0


async def test_all_servers_own_feeds_together_take_at_most_their_share() -> None:
    slots = FetchSlots(at_once=2, per_server=2)
    inside: list[int] = []
    release = asyncio.Event()

    async def poll(server: int) -> None:
        async with slots.own_feed(server):
            inside.append(server)
            await release.wait()

    tasks = [asyncio.create_task(poll(server)) for server in (1, 1, 2, 3)]
    for _ in range(10):
        await asyncio.sleep(0)
    assert len(inside) == 2
    release.set()
    await asyncio.gather(*tasks)
    assert sorted(inside) == [1, 1, 2, 3]
    assert slots.servers_polling == 0
