"""The host's shared feed list (FEEDS_FILE) against the real store and a loopback feed server:
what each (re)start makes of the list."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.catalog import load_catalog
from bot.news.pipeline import FeedReport, NewsDeps, poll_feed
from bot.news.service import NewsService
from bot.settings import Settings
from bot.store import Store
from bot.store.feeds import Feed
from tests.conftest import NOW, REPO
from tests.feedserver import FeedServer, make_rss


class ReadyClient:
    async def wait_until_ready(self) -> None:
        return None


@pytest.fixture
async def deps(
    store: Store, feed_session: aiohttp.ClientSession, tmp_path: Path
) -> AsyncIterator[NewsDeps]:
    settings = Settings(
        feed_poll_seconds=60,
        allow_private_feeds=True,
        feed_parse_workers=0,
        feeds_file=tmp_path / "feeds.toml",
    )
    built = NewsDeps.build(store, feed_session, load_catalog(REPO / "data" / "shows"), settings)
    built.now = lambda: NOW
    built.classifier_warm = True  # nothing here is about the show: skip the 2 s warm-up
    yield built


def list_feeds(deps: NewsDeps, *urls: str) -> None:
    """Write the host's FEEDS_FILE."""
    entries = [f'[[feed]]\nurl = "{url}"\n' for url in urls]
    deps.settings.feeds_file.write_text("\n".join(entries), "utf-8")


async def restart(deps: NewsDeps) -> None:
    """What a (re)start does with the feed list; the scheduler is never started."""
    await NewsService(ReadyClient(), deps).start(AsyncIOScheduler())  # type: ignore[arg-type]


async def poll(deps: NewsDeps, feed: Feed) -> FeedReport:
    """One poll of the feed as stored now, whatever its schedule says."""
    current = await deps.store.feeds.get(feed.id)
    assert current is not None
    return await poll_feed(deps, current)


async def notices(deps: NewsDeps) -> list[str]:
    return [n.text for n in await deps.store.outbox.pending_notices()]


@pytest.mark.parametrize(("status", "polls"), [(503, 8), (410, 1)])
async def test_a_disabled_shared_feed_warns_the_host_and_a_restart_retries_it(
    deps: NewsDeps,
    feed_server: FeedServer,
    caplog: pytest.LogCaptureFixture,
    status: int,
    polls: int,
) -> None:
    url = feed_server.url("/shared.xml")
    list_feeds(deps, url)
    await deps.store.guilds.update(1, channel_id=10)  # a server that hears shared feeds
    await restart(deps)
    feed = await deps.store.feeds.by_url(url)
    assert feed is not None and feed.shared

    feed_server.status("/shared.xml", status)
    with caplog.at_level(logging.WARNING, logger="bot.news.pipeline"):
        for _ in range(polls):
            report = await poll(deps, feed)
    assert report.outcome.startswith("disabled")
    (warning,) = [r.getMessage() for r in caplog.records if "disabled" in r.getMessage()]
    assert warning.startswith(f"shared feed {url} disabled: ") and str(status) in warning
    assert str(deps.settings.feeds_file) in warning and "restart" in warning
    # No server can mend it, so none is sent a notice (/feeds list shows its state).
    assert await notices(deps) == []

    caplog.clear()
    feed_server.serve("/shared.xml", make_rss(2))
    with caplog.at_level(logging.INFO, logger="bot.news.service"):
        await restart(deps)
    after = await deps.store.feeds.get(feed.id)
    assert after is not None and after.enabled and after.failures == 0
    assert after.next_poll_at is None  # polled at once
    assert any(
        r.getMessage().startswith(f"shared feed {url} is listed in ") for r in caplog.records
    )
    assert [f.id for f in await deps.store.feeds.active()] == [feed.id]
    assert (await poll(deps, feed)).outcome == "fetched"


async def test_a_feed_taken_off_the_list_stops_being_shared(
    deps: NewsDeps, caplog: pytest.LogCaptureFixture
) -> None:
    a, b, c = (f"https://{name}.example/feed" for name in "abc")
    list_feeds(deps, a, b, c)
    await restart(deps)
    kept = await deps.store.feeds.by_url(c)
    assert kept is not None
    await deps.store.feeds.subscribe(7, kept.id, None)  # a server that added c itself too

    list_feeds(deps, a)
    with caplog.at_level(logging.INFO, logger="bot.news.service"):
        await restart(deps)
    assert [f.url for f in await deps.store.feeds.shared()] == [a]
    assert [f.url for f in await deps.store.feeds.active()] == [a, c]
    assert [s.feed.url for s in await deps.store.feeds.for_guild(7)] == [c]
    dropped = await deps.store.feeds.by_url(b)
    assert dropped is not None and not dropped.shared and not dropped.enabled
    said = [r.getMessage() for r in caplog.records]
    assert any(m.startswith(f"feed {b} is not in ") and "no longer shared" in m for m in said)
    assert any(
        m.startswith(f"feed {c} is not in ") and "kept by the 1 server(s)" in m for m in said
    )

    list_feeds(deps, a, b)  # listed again: shared and polled again
    await restart(deps)
    assert [f.url for f in await deps.store.feeds.active()] == [a, b, c]
