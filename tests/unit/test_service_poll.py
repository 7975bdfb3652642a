"""A poll that raises still counts as a failure of its feed: in NewsService.poll (the
scheduler's job) and in poll_due."""

from __future__ import annotations

import asyncio
import random
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import msgspec
import pytest

from bot.app import build_scheduler
from bot.news import pipeline
from bot.news.fetch import FetchResult
from bot.news.pipeline import NewsDeps, poll_due
from bot.news.service import RECONCILE_EVERY_S, NewsService
from bot.store.feeds import Feed
from bot.store.rows import parse_iso
from tests.conftest import NOW, ReadyClient


async def crash(*_: Any) -> None:
    raise RecursionError("maximum recursion depth exceeded")


@pytest.fixture
def news(deps: NewsDeps, monkeypatch: pytest.MonkeyPatch) -> NewsService:
    monkeypatch.setattr(pipeline, "poll_feed", crash)
    return NewsService(ReadyClient(), deps)  # type: ignore[arg-type]


async def test_a_crash_is_recorded_and_backs_off(news: NewsService, deps: NewsDeps) -> None:
    # The backoff is full jitter, uniform in [0, 60 s] here: a draw under a second was stored
    # as NOW itself (times keep whole seconds), one run in 60. This seed draws 8 s.
    deps.rng = random.Random(1)
    feed = await deps.store.feeds.add("https://e.org/feed")
    report = await news.poll(feed.id)
    after = await deps.store.feeds.get(feed.id)
    assert report is not None and report.outcome.startswith("error: unexpected error")
    assert after is not None and after.failures == 1
    assert after.last_error is not None and "RecursionError" in after.last_error
    next_poll = parse_iso(after.next_poll_at)
    assert next_poll is not None and next_poll > NOW


async def test_a_feed_that_always_crashes_is_disabled_in_time(
    news: NewsService, deps: NewsDeps
) -> None:
    feed = await deps.store.feeds.add("https://e.org/feed")
    await deps.store.guilds.update(1, channel_id=10)
    await deps.store.feeds.subscribe(1, feed.id, None)
    for day in range(8):
        deps.now = lambda day=day: NOW + timedelta(days=2 * day)  # past any backoff
        report = await news.poll(feed.id)
    after = await deps.store.feeds.get(feed.id)
    assert report is not None and report.outcome.startswith("disabled: 8 failures")
    assert after is not None and not after.enabled


async def test_poll_due_records_each_crash_and_reports_every_feed(
    news: NewsService, deps: NewsDeps
) -> None:
    feeds = [await deps.store.feeds.add(f"https://e{n}.org/feed") for n in range(3)]
    for feed in feeds:  # a feed nobody follows is not polled
        await deps.store.feeds.subscribe(1, feed.id, None)
    reports = await poll_due(deps)
    assert sorted(r.feed for r in reports) == sorted(f.url for f in feeds)
    for feed in feeds:
        after = await deps.store.feeds.get(feed.id)
        assert after is not None and after.failures == 1


async def test_a_feed_url_credential_never_reaches_the_log(
    news: NewsService, deps: NewsDeps, caplog: pytest.LogCaptureFixture
) -> None:
    """A private feed's password or ?token= is the host's secret: the log masks it."""
    feed = await deps.store.feeds.add("https://kitty:s3cret@e.org/feed?token=t0ken&page=2")
    await deps.store.feeds.subscribe(1, feed.id, None)
    for day in range(8):  # crash, fail, back off, and be disabled
        deps.now = lambda day=day: NOW + timedelta(days=2 * day)
        report = await news.poll(feed.id)
    assert report is not None and report.outcome.startswith("disabled: 8 failures")
    logged = caplog.text + report.log_line()
    assert "https://kitty:***@e.org/feed?token=***&page=2" in logged
    assert "s3cret" not in logged and "t0ken" not in logged


async def test_a_disabled_feeds_notice_masks_its_credentials(
    news: NewsService, deps: NewsDeps
) -> None:
    """The notice is posted in the announcement channel, for every fan to read: it named
    the feed by its full URL, password and ?token= included."""
    feed = await deps.store.feeds.add("https://kitty:s3cret@e.org/feed?token=t0ken&page=2")
    await deps.store.guilds.update(1, channel_id=10)
    await deps.store.feeds.subscribe(1, feed.id, None)
    for day in range(8):
        deps.now = lambda day=day: NOW + timedelta(days=2 * day)
        await news.poll(feed.id)
    (notice,) = await deps.store.outbox.pending_notices()
    assert "<https://kitty:***@e.org/feed?token=***&page=2>" in notice.text
    assert "s3cret" not in notice.text and "t0ken" not in notice.text


async def test_a_shared_feeds_notice_says_only_the_host_can_restart_it(
    news: NewsService, deps: NewsDeps
) -> None:
    """A server that also added a shared feed was told to re-add it, which /feeds add
    refuses for a shared feed."""
    feed = await deps.store.feeds.add("https://e.org/feed")
    await deps.store.guilds.update(1, channel_id=10)
    await deps.store.feeds.subscribe(1, feed.id, None)
    await deps.store.feeds.share(feed.url)
    for day in range(8):
        deps.now = lambda day=day: NOW + timedelta(days=2 * day)
        await news.poll(feed.id)
    (notice,) = await deps.store.outbox.pending_notices()
    assert "only the bot's host can start it again" in notice.text
    assert "re-add" not in notice.text


@pytest.mark.parametrize("seconds", [float("inf"), 1e300])
async def test_a_feed_is_scheduled_whatever_poll_interval_was_accepted(
    news: NewsService, deps: NewsDeps, seconds: float
) -> None:
    """'inf' passes FEED_POLL_SECONDS's >= 1; its jobs had failed with OverflowError."""
    deps.settings = msgspec.structs.replace(deps.settings, feed_poll_seconds=seconds)
    feed = await deps.store.feeds.add("https://e.org/feed")
    await deps.store.guilds.update(1, channel_id=10)
    await deps.store.feeds.subscribe(1, feed.id, None)
    scheduler = build_scheduler()
    scheduler.start(paused=True)
    try:
        await news.reconcile(scheduler)
        (job,) = [j for j in scheduler.get_jobs() if j.id == f"feed:{feed.id}"]
        assert job.trigger.interval.total_seconds() == 365 * 86400
        await pipeline.record_failure(deps, feed, "boom", NOW, FetchResult("error", feed.url))
        stored = await deps.store.feeds.get(feed.id)
        assert stored is not None and stored.failures == 1
    finally:
        scheduler.shutdown(wait=False)


async def soon(condition: Any, timeout: float = 3.0) -> None:
    """Until ``condition()`` holds; an AssertionError after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "never happened"
        await asyncio.sleep(0.01)


async def test_a_feed_added_gets_its_poll_job_at_once(
    news: NewsService, deps: NewsDeps, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The feeds job syncs the poll jobs with the store every RECONCILE_EVERY_S: a feed
    /feeds add took on waited up to that long for its job. ``feeds_soon`` runs that job now,
    once however often it is asked."""
    deps.settings = msgspec.structs.replace(deps.settings, feeds_file=tmp_path / "none.toml")
    reads = 0
    active = deps.store.feeds.active

    async def counted() -> list[Feed]:
        nonlocal reads
        reads += 1
        return await active()

    monkeypatch.setattr(deps.store.feeds, "active", counted)
    scheduler = build_scheduler()
    scheduler.start()
    try:
        await news.start(scheduler)
        later = datetime.now(UTC) + timedelta(seconds=RECONCILE_EVERY_S / 2)
        await soon(lambda: scheduler.get_job("feeds").next_run_time > later)  # the start's sync
        await soon(lambda: not news._reconciling.locked())
        synced = reads
        feed = await deps.store.feeds.add("https://e.org/feed")
        await deps.store.feeds.subscribe(1, feed.id, None)
        for _ in range(3):
            news.feeds_soon()
        await soon(lambda: scheduler.get_job(f"feed:{feed.id}") is not None)
        await asyncio.sleep(0.2)
        assert reads == synced + 1
        scheduler.remove_job(f"feed:{feed.id}")  # its poll waits for a guild list: none comes
    finally:
        scheduler.shutdown(wait=False)


async def test_a_feed_added_while_the_poll_jobs_are_synced_is_not_missed(
    news: NewsService, deps: NewsDeps, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sync under way had read the feeds before the add: it reads them again, rather than
    leave the new feed to the next one."""
    active = deps.store.feeds.active
    reading, added = asyncio.Event(), asyncio.Event()

    async def held() -> list[Feed]:
        found = await active()
        if not reading.is_set():
            reading.set()
            await added.wait()
        return found

    monkeypatch.setattr(deps.store.feeds, "active", held)
    scheduler = build_scheduler()
    scheduler.start(paused=True)
    try:
        syncing = asyncio.create_task(news.reconcile(scheduler))
        await asyncio.wait_for(reading.wait(), 5)
        feed = await deps.store.feeds.add("https://e.org/feed")
        await deps.store.feeds.subscribe(1, feed.id, None)
        news.feeds_soon()
        added.set()
        await syncing
        assert scheduler.get_job(f"feed:{feed.id}") is not None
    finally:
        scheduler.shutdown(wait=False)


async def test_a_poll_missed_while_the_machine_slept_runs_when_it_wakes() -> None:
    """A loop held up past every feed's run time (or a sleep the monotonic clock counted,
    so no step of the wall clock moves the jobs): with a 60 s grace each poll was skipped
    (a warning per feed) until its next interval; now it runs once, at once."""
    ran = asyncio.Event()
    scheduler = build_scheduler()
    scheduler.start()
    try:
        overslept = datetime.now(UTC) - timedelta(minutes=20)  # due 20 and 5 minutes ago
        scheduler.add_job(ran.set, "interval", minutes=15, next_run_time=overslept)
        await asyncio.wait_for(ran.wait(), 5)
    finally:
        scheduler.shutdown(wait=False)


async def test_a_clock_stepped_back_does_not_hold_the_feed_until_it_catches_up(
    news: NewsService, deps: NewsDeps
) -> None:
    """The next poll's time was planned on the clock before the step: a clock set back a day
    (NTP, a VM restored from a snapshot) skipped the feed for a day, as a backoff."""
    feed = await deps.store.feeds.add("https://e.org/feed")
    await deps.store.feeds.record_success(
        feed.id,
        now=NOW,
        next_poll=NOW + timedelta(seconds=60),
        etag=None,
        last_modified=None,
        body_hash=None,
    )
    deps.now = lambda: NOW + timedelta(seconds=30)  # not due yet: skipped, as it should be
    assert await news.poll(feed.id) is None
    deps.now = lambda: NOW - timedelta(days=1)
    report = await news.poll(feed.id)
    assert report is not None and report.outcome.startswith("error: unexpected error")
    after = await deps.store.feeds.get(feed.id)  # its next time is on the clock as it is now
    next_poll = parse_iso(after.next_poll_at) if after is not None else None
    assert next_poll is not None and next_poll < NOW


class SteppedClock:
    """The wall clock and the monotonic one, as the scheduler reads them; ``step`` sets the
    wall clock back or forward (NTP, a VM restored from a snapshot) and nothing else."""

    def __init__(self) -> None:
        self.wall, self.mono = time.time(), 1000.0

    def step(self, seconds: float) -> None:
        self.wall += seconds


@pytest.mark.parametrize("step", [-86400.0, 86400.0 * 365 * 20])
async def test_jobs_keep_their_pace_when_the_wall_clock_is_stepped(step: float) -> None:
    """APScheduler plans runs in wall-clock time: a clock set back a day held every job (each
    feed's poll, the outbox's drain) back a day; one stepped forward years (a wrong RTC put
    right) ran each job at once and first counted every run it missed, on the event loop."""
    clock = SteppedClock()
    ran = asyncio.Event()
    scheduler = build_scheduler(wall=lambda: clock.wall, mono=lambda: clock.mono)
    scheduler.start()
    try:
        planned = datetime.now(UTC) + timedelta(seconds=1)
        # Planned on the clock as it read before the step.
        scheduler.add_job(
            ran.set,
            "interval",
            minutes=15,
            id="job",
            next_run_time=planned - timedelta(seconds=step),
        )
        clock.step(step)
        scheduler.wakeup()
        await asyncio.sleep(0.1)
        job = scheduler.get_job("job")
        assert job is not None and not ran.is_set()
        assert abs((job.next_run_time - planned).total_seconds()) < 1
        await asyncio.wait_for(ran.wait(), 10)
    finally:
        scheduler.shutdown(wait=False)


async def test_a_wall_clock_that_only_drifts_moves_no_job() -> None:
    clock = SteppedClock()
    scheduler = build_scheduler(wall=lambda: clock.wall, mono=lambda: clock.mono)
    scheduler.start(paused=True)
    try:
        planned = datetime.now(UTC) + timedelta(minutes=5)
        scheduler.add_job(lambda: None, "interval", minutes=15, id="job", next_run_time=planned)
        scheduler.wakeup()
        await asyncio.sleep(0)
        clock.step(-5)  # NTP's small corrections
        scheduler.wakeup()
        await asyncio.sleep(0)
        job = scheduler.get_job("job")
        assert job is not None and job.next_run_time == planned
    finally:
        scheduler.shutdown(wait=False)
