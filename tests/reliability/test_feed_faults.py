"""Feed faults, bot level: a dozen broken feeds polled at once by the running bot.

Each broken feed must leave one clear line on its row (``last_error``), count a failure
and back off (410 switches the feed off at once, with a notice); feeds that are merely
ill-formed keep what parsed and say so; healthy feeds polled in the same rounds still
deliver; and a fan running /ping and /cast throughout is answered quickly every time.
The fetch and parse rules themselves are tested in tests/integration/test_fetch_faults.py.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest

from bot.news.fetch import MAX_BYTES, fetch_feed
from bot.news.pipeline import poll_feed
from bot.store.feeds import Feed
from bot.store.rows import parse_iso
from tests.e2e.test_moderator_failures import WorstCase  # backoff jitter at its ceiling
from tests.e2e.test_moderator_kit import Item, rss
from tests.feedserver import HTML_PAGE, FeedServer, make_rss
from tests.reliability.conftest import LatencyProbe, bot_world

pytestmark = pytest.mark.e2e

POLL_SECONDS = 60.0  # the backoff base: 1st failure waits 60 s, the 2nd 120 s
READ_TIMEOUT = 1.0
TOTAL_TIMEOUT = 2.5
LATENCY_BUDGET_MS = 500.0


@dataclass(frozen=True, slots=True)
class Fault:
    path: str
    error: str  # what the feed's last_error (or disabled_reason) must contain


FAILING = [
    Fault("/timeout.xml", f"no data from the server for {READ_TIMEOUT:g} s"),
    Fault("/drip.xml", f"timed out after {TOTAL_TIMEOUT:g} s"),
    Fault("/500.xml", "HTTP 500 Internal Server Error"),
    Fault("/404.xml", "HTTP 404 Not Found"),
    Fault("/loop-a.xml", "redirect loop"),
    Fault("/huge.xml", f"body is larger than {MAX_BYTES:,} bytes"),
    Fault("/bomb.xml", f"body is larger than {MAX_BYTES:,} bytes (after decompression)"),
    Fault("/garbage.xml", "not a feed: no RSS, Atom or RDF root element"),
    Fault("/page.html", "not a feed: looks like an HTML page"),
    Fault("/empty.xml", "empty response body (HTTP 200)"),
]
GONE = Fault("/gone.xml", "the feed is gone (HTTP 410)")
# Ill-formed but readable: what parsed is kept, the problem is recorded, no failure counted.
SURVIVED = [
    Fault("/truncated.xml", "kept what parsed: SAXParseException"),
    Fault("/mislabelled.xml", "kept what parsed: CharacterEncodingOverride"),
]
HEALTHY = ("/outlet-a.xml", "/outlet-b.xml")

MISLABELLED = (
    b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Old CMS</title>'
    b"<item><guid>cms-1</guid><title>Kitty\x92s summer in Seoul</title></item></channel></rss>"
)


def program_faults(server: FeedServer) -> None:
    server.hang("/timeout.xml")
    server.drip("/drip.xml", make_rss(20), chunk=32, interval=0.2)
    server.status("/500.xml", 500)
    server.status("/404.xml", 404)
    server.status("/gone.xml", 410)
    server.redirect("/loop-a.xml", "/loop-b.xml")
    server.redirect("/loop-b.xml", "/loop-a.xml")
    server.stream("/huge.xml", 50 * 1024 * 1024)
    server.gzip_bomb("/bomb.xml", inflated=64 * 1024 * 1024)
    server.serve("/garbage.xml", b'{"this": "is JSON, not a feed", "items": [1, 2, 3]}')
    server.serve("/page.html", HTML_PAGE, content_type="text/html; charset=utf-8")
    server.serve("/empty.xml", b"")
    server.serve("/truncated.xml", make_rss(3)[:-60])
    server.serve("/mislabelled.xml", MISLABELLED)


async def test_broken_feeds_are_reported_and_backed_off_while_fans_are_answered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Production waits 20 s for a silent server and 30 s for a whole fetch; the suite
    # can't, so both deadlines are shortened (the rules are the same).
    defaults = fetch_feed.__kwdefaults__
    assert defaults is not None
    monkeypatch.setitem(defaults, "read_timeout", READ_TIMEOUT)
    monkeypatch.setitem(defaults, "total_timeout", TOTAL_TIMEOUT)

    async with bot_world(tmp_path, guilds=1, feed_poll_seconds=POLL_SECONDS) as (sb, server, bot):
        store, guild = bot.store, sb.guild
        announcements = guild.channel("announcements")
        await store.guilds.update(
            guild.id, channel_id=announcements, role_id=guild.role("News pings")
        )
        bot.news.deps.rng = WorstCase()
        program_faults(server)
        old_news = [Item("old", "XO, Kitty season 3 recap")]
        for path in HEALTHY:
            server.serve(path, rss(f"Outlet {path}", old_news), etag='"v1"')

        feeds: dict[str, Feed] = {}
        for fault in [*FAILING, GONE, *SURVIVED]:
            feeds[fault.path] = await store.feeds.add(server.url(fault.path))
        for path in HEALTHY:
            feeds[path] = await store.feeds.add(server.url(path))
        for feed in feeds.values():
            await store.feeds.subscribe(guild.id, feed.id, added_by=sb.admin_id)

        async def refreshed(path: str) -> Feed:
            feed = await store.feeds.get(feeds[path].id)
            assert feed is not None
            return feed

        probe = LatencyProbe(sb)
        async with probe.running():
            # Round 1: every feed's first poll, all at once, through the scheduler's job.
            await asyncio.sleep(0.3)  # a few idle samples first
            reports = await asyncio.gather(*(bot.news.poll(f.id) for f in feeds.values()))
            assert all(r is not None for r in reports)

            for fault in FAILING:
                feed = await refreshed(fault.path)
                assert feed.failures == 1, (fault.path, feed.last_error)
                assert fault.error in (feed.last_error or ""), (fault.path, feed.last_error)
                assert "\n" not in (feed.last_error or "") and len(feed.last_error or "") < 300
                assert feed.enabled
                tried, due = parse_iso(feed.last_attempt_at), parse_iso(feed.next_poll_at)
                assert tried is not None and due is not None
                assert (due - tried).total_seconds() == POLL_SECONDS
            gone = await refreshed(GONE.path)
            assert not gone.enabled and gone.disabled_reason == GONE.error
            for fault in SURVIVED:
                feed = await refreshed(fault.path)
                assert feed.failures == 0 and feed.primed and feed.last_success_at
                assert fault.error in (feed.last_error or ""), (fault.path, feed.last_error)
            for path in HEALTHY:
                feed = await refreshed(path)
                assert feed.failures == 0 and feed.primed and feed.last_error is None

            # The mislabelled feed's entry was kept.
            kept = await store.news.seen_keys(feeds["/mislabelled.xml"].id, ["guid:cms-1"])
            assert kept == {"guid:cms-1"}

            # Round 2, forced: the outlets report a change and the broken feeds fail again.
            change = Item("s4", "XO, Kitty season 4 reportedly set to begin filming in Seoul")
            echo = Item("s4-echo", "XO, Kitty Season 4 Reportedly Set to Begin Filming in Seoul")
            server.serve(HEALTHY[0], rss("Outlet A", [change, *old_news]), etag='"v2"')
            server.serve(HEALTHY[1], rss("Outlet B", [echo, *old_news]), etag='"v2"')
            current = {path: await refreshed(path) for path in feeds if path != GONE.path}
            results = await asyncio.gather(
                *(poll_feed(bot.news.deps, feed) for feed in current.values())
            )
            by_path = dict(zip(current, results, strict=True))
            # Two outlets, one story: one delivery.
            assert sum(by_path[p].queued for p in HEALTHY) == 1
            for fault in FAILING:
                feed = await refreshed(fault.path)
                assert feed.failures == 2 and fault.error in (feed.last_error or "")
                tried, due = parse_iso(feed.last_attempt_at), parse_iso(feed.next_poll_at)
                assert tried is not None and due is not None
                assert (due - tried).total_seconds() == 2 * POLL_SECONDS  # backing off

            # Round 3, one interval later: the scheduler's job polls the healthy feeds again
            # and skips the broken ones, which are still backing off.
            real_now = bot.news.deps.now
            bot.news.deps.now = lambda: real_now() + timedelta(seconds=POLL_SECONDS + 1)
            hits = {f.path: server.hits(f.path) for f in FAILING}
            jobs = await asyncio.gather(*(bot.news.poll(f.id) for f in current.values()))
            ran = dict(zip(current, jobs, strict=True))
            assert all(ran[f.path] is None for f in FAILING)
            assert {f.path: server.hits(f.path) for f in FAILING} == hits
            assert all(ran[p] is not None for p in [*HEALTHY, *(f.path for f in SURVIVED)])
            for fault in SURVIVED:  # the same bytes again: the same problem, still shown
                feed = await refreshed(fault.path)
                assert ran[fault.path].outcome == "unchanged"  # type: ignore[union-attr]
                assert feed.failures == 0 and fault.error in (feed.last_error or "")
            bot.news.deps.now = real_now
            await bot.news.drain()

        # One post for the change (two outlets, one story), one notice for the gone feed.
        posts = sb.messages(announcements)
        stories = [m for m in posts if m.embeds]
        notices = [m for m in posts if not m.embeds]
        assert len(stories) == 1 and "filming" in stories[0].embeds[0]["title"]
        assert stories[0].pinged_roles == (guild.role("News pings"),)
        assert len(notices) == 1 and "HTTP 410" in notices[0].content
        assert not any(m.pinged_everyone or m.pinged_users for m in posts)

        # Neither 50 MB body was read to the end (the bot hung up at the cap).
        assert server.sent["/huge.xml"] < 2 * 50 * 1024 * 1024
        # Fans were answered, quickly, the whole time.
        assert not probe.errors, probe.errors
        assert probe.count >= 10, probe.summary()
        assert probe.worst_ms < LATENCY_BUDGET_MS, probe.summary()
        print(f"\nlatency during feed faults: {probe.summary()}")
