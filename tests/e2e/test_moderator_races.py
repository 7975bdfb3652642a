"""A moderator's command landing while the announcer is sending that server's news: once the
command has answered, no post goes where, or as, the moderator said it no longer should.

Discord holds a send for a rate limit's retry (a 429 on the channel's route) for as long as
it says; the test holds the first post so, and runs the command meanwhile."""

from __future__ import annotations

import asyncio
import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.client import KissBot
from bot.sandbox.driver import Sandbox
from tests.e2e.test_moderator_queued import two_queued

pytestmark = pytest.mark.e2e

# Long enough that a command run during it answers well before it ends, unless it waits.
HELD_S = 2.0


@asynccontextmanager
async def first_post_in_flight(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    *,
    role: bool = False,
    channel: str = "announcements",
) -> AsyncIterator[tuple[Sandbox, KissBot, asyncio.Task[object]]]:
    """An all-news server with two posts queued (``role``: pinging "News pings"), the drain
    sending the first to ``channel``, held there by a rate limit's retry; the drain's task."""
    async with two_queued(tmp_path, monkeypatch) as (sb, bot, _):
        if role:
            await sb.invoke("setup", {"role": "News pings"}, subcommand="role")
        if channel != "announcements":
            await sb.invoke("setup", {"channel": channel}, subcommand="channel")
        old = sb.guild.channel(channel)
        fault = sb.inject("POST", f"/channels/{old}/messages", "429", retry_after=HELD_S)
        drain = asyncio.create_task(bot.news.drain())
        async with asyncio.timeout(10):
            while not fault.served:
                await asyncio.sleep(0.01)
        try:
            yield sb, bot, drain
        finally:
            await drain


async def test_a_post_in_flight_is_not_posted_in_the_old_channel_after_setup_channel_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """/setup channel answered "News will be posted in #general" while a post was held by a
    rate limit, and the post then landed in #announcements: the command now waits for the
    send in flight, so the moderator's answer comes after it, and every later post goes to
    the new channel."""
    async with first_post_in_flight(tmp_path, monkeypatch) as (sb, bot, drain):
        old, new = sb.guild.channel("announcements"), sb.guild.channel("general")
        reply = await sb.invoke("setup", {"channel": "general"}, subcommand="channel")
        assert "News will be posted in" in reply.content
        in_old_at_answer = len(sb.messages(old))
        await drain
        await bot.news.drain()
        assert len(sb.messages(old)) == in_old_at_answer == 1
        assert len(sb.messages(new)) == 1


async def test_a_post_in_flight_pings_no_role_after_setup_role_clears_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """/setup role with no role answered "Announcements will not ping anyone." while a post
    read the role before it, and that post, landing later, pinged it."""
    async with first_post_in_flight(tmp_path, monkeypatch, role=True) as (sb, bot, drain):
        channel, role = sb.guild.channel("announcements"), sb.guild.role("News pings")
        reply = await sb.invoke("setup", subcommand="role")
        assert "will not ping anyone" in reply.content
        pinged_at_answer = [m.id for m in sb.messages(channel) if role in m.pinged_roles]
        await drain
        await bot.news.drain()
        posts = sb.messages(channel)
        assert len(posts) == 2
        assert [m.id for m in posts if role in m.pinged_roles] == pinged_at_answer


async def test_nothing_is_posted_after_setup_reset_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """/setup reset says "no announcement channel (so no posts)": the post in flight
    landed after it said so."""
    async with first_post_in_flight(tmp_path, monkeypatch) as (sb, bot, drain):
        channel = sb.guild.channel("announcements")
        reply = await sb.invoke("setup", subcommand="reset")
        assert "so no posts" in reply.content
        at_answer = len(sb.messages(channel))
        await drain
        await bot.news.drain()
        assert len(sb.messages(channel)) == at_answer


@pytest.mark.parametrize(
    ("subcommand", "options"), [("remove", {}), ("filter", {"exclude": "Kitty"})]
)
async def test_a_post_in_flight_lands_before_feeds_remove_or_filter_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, subcommand: str, options: dict[str, str]
) -> None:
    """/feeds remove (or a filter that drops the feed's news) answered that its queued posts
    won't be sent while one of them, held by a rate limit, was still on its way: it landed
    after the answer. The command waits for it, so nothing of the feed comes after."""
    async with first_post_in_flight(tmp_path, monkeypatch) as (sb, bot, drain):
        channel = sb.guild.channel("announcements")
        (sub,) = await bot.store.feeds.for_guild(bot.guilds[0].id)
        reply = await sb.invoke(
            "feeds", {"feed": str(sub.feed.id), **options}, subcommand=subcommand
        )
        assert "still queued here won't be sent" in reply.content
        at_answer = len(sb.messages(channel))
        await drain
        await bot.news.drain()
        assert len(sb.messages(channel)) == at_answer == 1


async def test_a_stop_lets_the_post_in_flight_land_and_records_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stop (SIGTERM) closed Discord's session under the drain: the post held by a rate
    limit failed with "Session is closed", the drain job ended in a traceback, and the post
    was left claimed and unrecorded, for the next start to look for in the channel (without
    Read Message History, to send again). The stop now lets the send under way land and be
    recorded, and claims no more: the other post waits for the next start."""
    async with first_post_in_flight(tmp_path, monkeypatch) as (sb, bot, drain):
        await bot.close()
        report = await drain
        assert report is not None and report.sent == 1
        assert len(sb.messages(sb.guild.channel("announcements"))) == 1
        assert await bot.store.outbox.counts() == {"sent": 1, "pending": 1}


async def test_a_stop_lets_the_scheduled_drains_post_land_and_records_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As above, with the drain run as the bot runs it, by the scheduler's outbox job: the
    stop shut the scheduler down first, which cancelled the job, and its post with it."""
    async with two_queued(tmp_path, monkeypatch) as (sb, bot, _):
        channel = sb.guild.channel("announcements")
        fault = sb.inject("POST", f"/channels/{channel}/messages", "429", retry_after=HELD_S)
        for job in bot.scheduler.get_jobs():
            if job.id != "outbox":
                job.pause()
        bot.scheduler.get_job("outbox").modify(next_run_time=datetime.now(UTC))
        bot.scheduler.resume()
        async with asyncio.timeout(10):
            while not fault.served:
                await asyncio.sleep(0.01)
        await bot.close()
        assert len(sb.messages(channel)) == 1
        assert await bot.store.outbox.counts() == {"sent": 1, "pending": 1}


async def test_a_stop_during_a_post_in_an_announcement_channel_leaves_its_publish_to_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The post a stop let land in an Announcement channel was then published on the session
    the stop had closed: "Task exception was never retrieved ... RuntimeError: Session is
    closed" in the host's log at every such stop. Its publish, recorded as due, is the next
    start's to make, as any publish a stop cut short."""
    async with first_post_in_flight(tmp_path, monkeypatch, channel="news") as (sb, bot, drain):
        channel = sb.guild.channel("news")
        await bot.close()
        report = await drain
        assert report.sent == 1
        await asyncio.sleep(0.5)  # a publish started would have met the closed session by now
        gc.collect()  # which asyncio logs once the failed task is let go
        assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []
        (post,) = sb.messages(channel)
        assert not post.crossposted
        due = await bot.store.outbox.publishes_due(datetime.now(UTC) - timedelta(days=1))
        assert [p.message_id for p in due] == [post.id]
