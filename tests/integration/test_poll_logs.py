"""What a poll leaves in the host's log, poll after poll."""

from __future__ import annotations

import logging

import pytest
from aiohttp import web

from bot.news.pipeline import NewsDeps
from tests.feedserver import FeedServer, make_rss
from tests.integration.test_shared_feeds import deps, poll  # noqa: F401 (a fixture)


async def test_a_feed_rewritten_every_poll_with_nothing_new_is_quiet_at_info(
    deps: NewsDeps,  # noqa: F811
    feed_server: FeedServer,
    caplog: pytest.LogCaptureFixture,
) -> None:
    builds = iter(range(100))

    async def rebuilt(_: web.Request) -> web.Response:
        # The same three stories under a new <title>, as a lastBuildDate would change it.
        body = make_rss(3, title=f"Outlet, build {next(builds)}")
        return web.Response(body=body, content_type="application/rss+xml")

    feed_server.route("/feed.xml", rebuilt)
    feed = await deps.store.feeds.share(feed_server.url("/feed.xml"), title=None)
    caplog.set_level(logging.INFO)
    await poll(deps, feed)
    assert "baseline=3" in caplog.text  # the first poll says what it found
    caplog.clear()
    for _ in range(3):
        report = await poll(deps, feed)
        assert report.outcome == "fetched" and not report.verdicts
    assert not caplog.records, caplog.text


async def test_a_failing_feed_warns_once_then_says_when_it_works_again(
    deps: NewsDeps,  # noqa: F811
    feed_server: FeedServer,
    caplog: pytest.LogCaptureFixture,
) -> None:
    feed_server.status("/feed.xml", 503)
    feed = await deps.store.feeds.share(feed_server.url("/feed.xml"), title=None)
    caplog.set_level(logging.INFO)
    for _ in range(4):
        await poll(deps, feed)
    warned = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warned) == 1 and "failed (1 in a row): HTTP 503" in warned[0], warned
    assert "failed (4 in a row)" in caplog.text  # still told, below WARNING
    caplog.clear()
    feed_server.serve("/feed.xml", make_rss(3), etag='"v1"')
    await poll(deps, feed)
    assert "works again after 4 failed polls" in caplog.text
    caplog.clear()
    await poll(deps, feed)  # a 304: said once is enough
    assert not caplog.records, caplog.text


async def test_a_first_poll_cut_off_before_its_first_entry_is_no_baseline(
    deps: NewsDeps,  # noqa: F811
    feed_server: FeedServer,
) -> None:
    """A document broken before its first entry read as an empty feed: the first poll made
    its baseline of nothing, and the next whole document was all new (announced in all-news
    mode). It is a failed poll now, and the first whole document is the baseline."""
    whole = make_rss(3)
    feed_server.serve("/feed.xml", whole[: whole.index(b"<item")] + b"<item><title>St")
    feed = await deps.store.feeds.share(feed_server.url("/feed.xml"), title=None)
    cut = await poll(deps, feed)
    assert cut.outcome.startswith("error: no entries: SAXParseException"), cut.outcome
    stored = await deps.store.feeds.get(feed.id)
    assert stored is not None and not stored.primed and stored.failures == 1
    feed_server.serve("/feed.xml", whole)
    baseline = await poll(deps, feed)
    assert baseline.verdicts == {"baseline": 3} and baseline.queued == 0
