"""Premiere events end to end: /setup events, then each dated premiere in the server's
Events through the sandbox's scheduled-event routes, kept in step with the news."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from bot.catalog.dates import release_start
from bot.client import KissBot
from bot.domain.status import LearnedEvent
from bot.news.models import Certainty, Milestone
from bot.sandbox import perms
from bot.sandbox.driver import Sandbox
from bot.sandbox.wire import ApiError
from bot.store import Store
from tests.e2e.test_moderator_kit import moderator_bot, refused, until
from tests.e2e.test_moderator_setup import two_packs

pytestmark = pytest.mark.e2e

WITH_EVENTS = perms.BOT_DEFAULT | perms.CREATE_EVENTS


async def tell(bot: KissBot, milestone: Milestone, when: date | None = None) -> None:
    """The news pipeline learned this about season 4 (a confirmation)."""
    await learn(bot.store, milestone, when)


async def learn(
    store: Store,
    milestone: Milestone,
    when: date | None = None,
    *,
    site: str = "news.example",
    kind: str = "new_milestone",
) -> None:
    """``tell``, straight into a store (one a bot process uses, say), from ``site``."""
    seen = datetime.now(UTC)
    event = LearnedEvent(
        milestone, Certainty.CONFIRMED, when, f"https://{site}/{milestone.value}", "", seen
    )
    async with store.db.transaction():
        await store.news.add_event(
            show="xo-kitty",
            season=4,
            event=event,
            kind=kind,
            feed_id=None,
            story_id=None,
            rule="test",
            public=True,
        )


@contextlib.asynccontextmanager
async def servers_keeping_events(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, day: date, *, guilds: int = 1
) -> AsyncIterator[tuple[Sandbox, KissBot]]:
    """Servers with /setup events on (and Create Events), season 4 set for ``day``."""
    async with Sandbox(guilds=guilds) as sb:
        for guild in sb.guilds:
            sb.set_bot_role_permissions(guild, WITH_EVENTS)
        async with moderator_bot(sb, tmp_path, monkeypatch) as bot:
            for guild in sb.guilds:
                await bot.store.guilds.update(guild.id, events=True)
            await tell(bot, Milestone.RELEASE_DATE_ANNOUNCED, day)
            yield sb, bot


@contextlib.asynccontextmanager
async def one_server_with_its_event(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, day: date
) -> AsyncIterator[tuple[Sandbox, KissBot]]:
    """A server with /setup events on, and its event made for season 4's premiere on ``day``."""
    async with servers_keeping_events(tmp_path, monkeypatch, day) as (sb, bot):
        assert (await bot.news.events.reconcile()).created == 1
        yield sb, bot


async def test_a_premiere_event_follows_the_news_once_per_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    day = (datetime.now(UTC) + timedelta(days=60)).date()
    later = day + timedelta(days=30)
    async with Sandbox(guilds=2) as sb:
        fans, other = sb.guilds[0], sb.guilds[1]
        sb.set_bot_role_permissions(fans, WITH_EVENTS)
        async with moderator_bot(sb, tmp_path, monkeypatch) as bot:
            # Without Create Events the switch says what to grant; Manage Events alone no
            # longer lets a bot create events (Discord, since 23 February 2026).
            guild = bot.get_guild(other.id)
            assert guild is not None
            sb.set_bot_role_permissions(other, perms.BOT_DEFAULT | perms.MANAGE_EVENTS)
            await until(lambda: guild.me.guild_permissions.manage_events)
            reply = await sb.invoke("setup", {"enabled": True}, subcommand="events", guild=other)
            refused(reply, "Create Events")
            # Granted, switched on, then taken away again: that server gets no event.
            sb.set_bot_role_permissions(other, WITH_EVENTS)
            await until(lambda: guild.me.guild_permissions.create_events)
            reply = await sb.invoke("setup", {"enabled": True}, subcommand="events", guild=other)
            assert "Events" in reply.content and reply.ephemeral
            sb.set_bot_role_permissions(other, perms.BOT_DEFAULT)
            await until(lambda: not guild.me.guild_permissions.create_events)

            reply = await sb.invoke("setup", {"enabled": True}, subcommand="events", guild=fans)
            assert "premiere" in reply.content
            await tell(bot, Milestone.RENEWED)
            await tell(bot, Milestone.RELEASE_DATE_ANNOUNCED, day)

            report = await bot.news.events.reconcile()
            assert (report.created, report.refused) == (1, 1)
            [event] = sb.scheduled_events(fans)
            assert event["name"] == "XO, Kitty season 4 premiere"
            assert event["entity_type"] == 3 and event["entity_metadata"] == {"location": "Netflix"}
            assert event["scheduled_start_time"] == release_start(day).isoformat()
            assert event["creator_id"] == str(sb.bot_id)
            assert "confirmed" in event["description"]
            assert sb.scheduled_events(other) == []
            view = await sb.invoke("setup", subcommand="view", guild=other)
            assert "Create Events" in view.text and "⚠️" in view.text
            view = await sb.invoke("setup", subcommand="view", guild=fans)
            assert "✅ I have **Create Events**" in view.text

            # A second run changes nothing.
            report = await bot.news.events.reconcile()
            assert (report.created, report.edited, report.deleted) == (0, 0, 0)

            # A delay to a new day moves the same event.
            await tell(bot, Milestone.DELAYED, later)
            report = await bot.news.events.reconcile()
            assert (report.created, report.edited) == (0, 1)
            [moved] = sb.scheduled_events(fans)
            assert moved["id"] == event["id"]
            assert moved["scheduled_start_time"] == release_start(later).isoformat()

            # Minutes before the premiere the event is the fans' own: nothing moves it now.
            events, clock = bot.news.events, bot.news.events._now
            [kept] = await bot.store.events.all()
            try:
                events._now = lambda: release_start(later) - timedelta(minutes=5)
                report = await events.reconcile()
                assert (report.created, report.edited, report.deleted) == (0, 0, 0)
                assert await bot.store.events.all() == []  # and the record is done with
            finally:
                events._now = clock
            assert kept.digest is not None and kept.start is not None
            await bot.store.events.record(
                fans.id, "xo-kitty", 4, int(moved["id"]), kept.start, kept.digest
            )

        # A restart makes nothing new.
        async with moderator_bot(sb, tmp_path, monkeypatch) as bot:
            report = await bot.news.events.reconcile()
            assert (report.created, report.edited, report.deleted) == (0, 0, 0)
            assert [e["id"] for e in sb.scheduled_events(fans)] == [event["id"]]

            # A crash between the create and its record: the event is found, not made twice.
            await bot.store.events.forget(fans.id, "xo-kitty", 4)
            await bot.store.events.intend(fans.id, "xo-kitty", 4)
            report = await bot.news.events.reconcile()
            assert report.created == 0
            assert [e["id"] for e in sb.scheduled_events(fans)] == [event["id"]]

            # Switched off: the bot's event goes; on again: it is back.
            await sb.invoke("setup", {"enabled": False}, subcommand="events", guild=fans)
            report = await bot.news.events.reconcile()
            assert report.deleted == 1 and sb.scheduled_events(fans) == []
            await sb.invoke("setup", {"enabled": True}, subcommand="events", guild=fans)
            report = await bot.news.events.reconcile()
            assert report.created == 1 and len(sb.scheduled_events(fans)) == 1

            # Cancelled: the event is deleted, and stays so.
            await tell(bot, Milestone.CANCELLED)
            report = await bot.news.events.reconcile()
            assert report.deleted == 1 and sb.scheduled_events(fans) == []
            assert await bot.store.events.all() == []
            report = await bot.news.events.reconcile()
            assert (report.created, report.deleted) == (0, 0)
            assert sb.scheduled_events(other) == []


async def test_one_servers_refusal_stops_no_other(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    day = (datetime.now(UTC) + timedelta(days=60)).date()
    async with servers_keeping_events(tmp_path, monkeypatch, day, guilds=3) as (sb, bot):
        # Discord refuses the first server although the bot's cache says it may.
        refusing = sb.guilds[0]
        sb.inject("POST", f"/guilds/{refusing.id}/scheduled-events", 403)
        report = await bot.news.events.reconcile()
        assert (report.created, report.refused) == (2, 1)
        assert sb.scheduled_events(refusing) == []
        assert [len(sb.scheduled_events(g)) for g in sb.guilds[1:]] == [1, 1]
        view = await sb.invoke("setup", subcommand="view", guild=refusing)
        assert "Discord refused me (403" in view.text
        # The next run gets through, and the refusal is no longer shown.
        report = await bot.news.events.reconcile()
        assert (report.created, report.refused) == (1, 0)
        view = await sb.invoke("setup", subcommand="view", guild=refusing)
        assert "refused" not in view.text and "✅ I have **Create Events**" in view.text
        assert all(len(sb.scheduled_events(g)) == 1 for g in sb.guilds)


async def test_the_sandbox_checks_scheduled_events_as_discord_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import discord

    async with Sandbox(guilds=2) as sb:
        sb.set_bot_role_permissions(sb.guild, WITH_EVENTS)
        async with moderator_bot(sb, tmp_path, monkeypatch) as bot:
            start = datetime.now(UTC) + timedelta(days=1)
            good = {
                "name": "XO, Kitty season 4 premiere",
                "privacy_level": 2,
                "entity_type": 3,
                "entity_metadata": {"location": "Netflix"},
                "scheduled_start_time": start.isoformat(),
                "scheduled_end_time": (start + timedelta(hours=1)).isoformat(),
            }
            bad = [
                good | {"name": ""},
                good | {"name": "x" * 101},
                good | {"description": "x" * 1001},
                good | {"privacy_level": 1},
                good | {"entity_metadata": {}},
                {k: v for k, v in good.items() if k != "scheduled_end_time"},
                good | {"scheduled_start_time": (start - timedelta(days=2)).isoformat()},
                good | {"scheduled_end_time": (start - timedelta(hours=1)).isoformat()},
            ]
            for body in bad:
                with pytest.raises(discord.HTTPException) as raised:
                    await bot.http.create_guild_scheduled_event(sb.guild.id, **body)
                assert raised.value.status == 400, body
            made = await bot.http.create_guild_scheduled_event(sb.guild.id, **good)
            assert made["status"] == 1 and made["creator_id"] == str(sb.bot_id)
            moved = (start + timedelta(days=7)).isoformat()
            edited = await bot.http.edit_scheduled_event(
                sb.guild.id,
                made["id"],
                scheduled_start_time=moved,
                scheduled_end_time=(start + timedelta(days=7, hours=1)).isoformat(),
            )
            assert edited["id"] == made["id"] and edited["scheduled_start_time"] == moved
            listed = await bot.http.get_scheduled_events(sb.guild.id, False)
            assert [e["id"] for e in listed] == [made["id"]]
            await bot.http.delete_scheduled_event(sb.guild.id, made["id"])
            with pytest.raises(discord.NotFound):
                await bot.http.delete_scheduled_event(sb.guild.id, made["id"])
            # Create Events is checked server-wide.
            with pytest.raises(discord.Forbidden):
                await bot.http.create_guild_scheduled_event(sb.guilds[1].id, **good)


class Killed(Exception):
    """The process died here (a SIGKILL, or a task cancelled at shutdown)."""


async def killed_before_its_record(bot: KissBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """A round of the events job killed as it records an event it made."""

    async def killed(*args: object) -> None:
        raise Killed

    with monkeypatch.context() as patch:
        patch.setattr(bot.store.events, "record", killed)
        with pytest.raises(Killed):
            await bot.news.events.reconcile()


async def test_a_kill_after_remaking_an_event_deleted_by_hand_makes_no_second(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A moderator deleted the bot's event, the date moved, and the bot made the event again
    but died before recording its id: the record still named the deleted event, so the next
    run edited that, found it gone, and made a second."""
    day = (datetime.now(UTC) + timedelta(days=60)).date()
    later = day + timedelta(days=30)
    async with one_server_with_its_event(tmp_path, monkeypatch, day) as (sb, bot):
        [event] = sb.scheduled_events(sb.guild)
        await bot.http.delete_scheduled_event(sb.guild.id, event["id"])  # by hand
        await tell(bot, Milestone.DELAYED, later)
        await killed_before_its_record(bot, monkeypatch)
        [remade] = sb.scheduled_events(sb.guild)

        report = await bot.news.events.reconcile()
        assert report.created == 0
        assert [e["id"] for e in sb.scheduled_events(sb.guild)] == [remade["id"]]
        assert remade["scheduled_start_time"] == release_start(later).isoformat()
        [row] = await bot.store.events.all()
        assert row.event_id == int(remade["id"])


async def test_a_refused_token_stops_the_run_at_its_first_401(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Discord refused the bot's token (reset by its owner): each server was tried in turn,
    every run, one more 401 each toward Discord's ban of the address, as the announcer's
    drain no longer does."""
    day = (datetime.now(UTC) + timedelta(days=60)).date()
    async with servers_keeping_events(tmp_path, monkeypatch, day, guilds=3) as (sb, bot):
        token = sb.world.token
        sb.world.token = "reset-by-its-owner"
        report = await bot.news.events.reconcile()
        refused = [r for r in sb.requests if r.status == 401]
        assert len(refused) == 1 and "scheduled-events" in refused[0].template
        assert report.unauthorized and (report.created, report.failed) == (0, 0)
        sb.world.token = token  # a new token, and the next run makes every event
        report = await bot.news.events.reconcile()
        assert not report.unauthorized and report.created == 3


async def test_another_show_takes_the_old_shows_events_away_soon(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """/setup show left the old show's events up until the job's next round (up to 10
    minutes), where /setup events and /setup reset run it at once."""
    shows = two_packs(tmp_path)
    day = (datetime.now(UTC) + timedelta(days=60)).date()
    async with Sandbox(guilds=1) as sb:
        sb.set_bot_role_permissions(sb.guild, WITH_EVENTS)
        async with moderator_bot(sb, tmp_path, monkeypatch, shows_dir=shows) as bot:
            await sb.invoke("setup", {"enabled": True}, subcommand="events")
            await tell(bot, Milestone.RELEASE_DATE_ANNOUNCED, day)
            assert (await bot.news.events.reconcile()).created == 1
            far = datetime.now(UTC) + timedelta(hours=1)
            bot.scheduler.modify_job("premiere-events", next_run_time=far)

            await sb.invoke("setup", {"show": "kitty-forever"}, subcommand="show")
            job = bot.scheduler.get_job("premiere-events")
            assert job is not None and job.next_run_time <= datetime.now(UTC)
            report = await bot.news.events.reconcile()
            assert report.deleted == 1
            assert not [e for e in sb.scheduled_events(sb.guild) if "XO, Kitty" in e["name"]]
            assert all(row.show_slug == "kitty-forever" for row in await bot.store.events.all())


async def test_a_delay_minutes_before_the_premiere_moves_the_event(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An event within 10 minutes of its start was let go whatever the news said: delayed
    then to a later day, a second event was made for that day and the first began for
    nothing."""
    day = (datetime.now(UTC) + timedelta(days=60)).date()
    later = day + timedelta(days=30)
    async with one_server_with_its_event(tmp_path, monkeypatch, day) as (sb, bot):
        [event] = sb.scheduled_events(sb.guild)
        await tell(bot, Milestone.DELAYED, later)
        bot.news.events._now = lambda: release_start(day) - timedelta(minutes=5)
        for _ in range(2):
            await bot.news.events.reconcile()
        [moved] = sb.scheduled_events(sb.guild)
        assert moved["id"] == event["id"]
        assert moved["scheduled_start_time"] == release_start(later).isoformat()


async def test_an_event_found_after_a_kill_minutes_before_it_begins_is_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Made about 11 minutes before its start, then a kill before its id was recorded, then a
    restart 5 minutes before: the look-up found the event, no event is wanted that close,
    and it was deleted minutes before the premiere."""
    day = (datetime.now(UTC) + timedelta(days=60)).date()
    async with servers_keeping_events(tmp_path, monkeypatch, day) as (sb, bot):
        bot.news.events._now = lambda: release_start(day) - timedelta(minutes=11)
        await killed_before_its_record(bot, monkeypatch)
        [event] = sb.scheduled_events(sb.guild)

        bot.news.events._now = lambda: release_start(day) - timedelta(minutes=5)
        report = await bot.news.events.reconcile()
        assert (report.created, report.deleted) == (0, 0)
        assert [e["id"] for e in sb.scheduled_events(sb.guild)] == [event["id"]]
        assert await bot.store.events.all() == []  # Discord's now, as a begun one is


async def test_setup_events_off_during_a_round_takes_the_event_away_in_that_round(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """/setup events off while the events job was making the server's event (held by a
    rate limit's retry): the command asked for a round at once, but the scheduler skips a
    run asked for while one runs (one instance at a time), so the event made after the
    answer "I'll remove the ones I added" stayed until the next round, 10 minutes on. A round
    now takes up what was asked of it meanwhile, as the status cards' does."""
    day = (datetime.now(UTC) + timedelta(days=60)).date()
    async with servers_keeping_events(tmp_path, monkeypatch, day) as (sb, bot):
        route = f"/guilds/{sb.guild.id}/scheduled-events"
        fault = sb.inject("POST", route, "429", retry_after=1.0)
        run = asyncio.create_task(bot.news.events.reconcile())
        await until(lambda: fault.served > 0)
        reply = await sb.invoke("setup", {"enabled": False}, subcommand="events")
        assert "I'll remove the ones I added" in reply.content
        report = await run
        assert (report.created, report.deleted) == (1, 1)
        assert sb.scheduled_events(sb.guild) == []
        assert await bot.store.events.all() == []


async def test_a_server_at_discords_100_events_is_told_and_tried_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server holds at most 100 events not yet over: past that Discord refuses a create
    (400, code 30038). It was taken for Discord being down: a warning in the host's log every
    10 minutes, for good, and nothing in /setup view told the moderators why no premiere
    showed up. Now it is the server's refusal, said there, and the next round tries again."""
    day = (datetime.now(UTC) + timedelta(days=60)).date()
    async with servers_keeping_events(tmp_path, monkeypatch, day) as (sb, bot):
        soon = datetime.now(UTC) + timedelta(days=3)
        ours = [sb.schedule_event(sb.guild, f"Watch party {n}", soon) for n in range(100)]
        with pytest.raises(ApiError, match="30038"):  # the sandbox keeps Discord's cap
            sb.schedule_event(sb.guild, "One too many", soon)

        for _ in range(2):  # each round tries once, and says so the same way
            report = await bot.news.events.reconcile()
            assert (report.created, report.refused, report.failed) == (0, 1, 0)
        assert len(sb.scheduled_events(sb.guild)) == 100
        view = await sb.invoke("setup", subcommand="view")
        assert "100" in view.text and "⚠️" in view.text
        assert "✅ I have **Create Events**" not in view.text

        # A moderator deletes one: the premiere takes its place at the next round.
        sb.unschedule_event(sb.guild, ours[0])
        report = await bot.news.events.reconcile()
        assert (report.created, report.refused) == (1, 0)
        assert sum(e["name"] == "XO, Kitty season 4 premiere" for e in sb.scheduled_events()) == 1
        view = await sb.invoke("setup", subcommand="view")
        assert "✅ I have **Create Events**" in view.text


async def test_an_event_a_moderator_deleted_stays_deleted_until_the_date_moves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A moderator deleted the bot's event (they keep a watch party of their own, say).
    Another site then gave the same day: only the event's description changed, yet the
    edit found the event gone and made it again, as if the news had moved it. Now only a
    new day brings it back."""
    day = (datetime.now(UTC) + timedelta(days=60)).date()
    later = day + timedelta(days=30)
    async with one_server_with_its_event(tmp_path, monkeypatch, day) as (sb, bot):
        [event] = sb.scheduled_events(sb.guild)
        sb.unschedule_event(sb.guild, int(event["id"]))
        # Another site gives the same day: news the event's description tells of.
        day_again = Milestone.RELEASE_DATE_ANNOUNCED
        await learn(bot.store, day_again, day, site="other.example", kind="extra_source")
        for _ in range(2):
            report = await bot.news.events.reconcile()
            assert report.created == 0 and report.failed == 0
        assert sb.scheduled_events(sb.guild) == []

        # The date moves: the fans want the new day, so the event is made again, once.
        await tell(bot, Milestone.DELAYED, later)
        assert (await bot.news.events.reconcile()).created == 1
        [remade] = sb.scheduled_events(sb.guild)
        assert remade["scheduled_start_time"] == release_start(later).isoformat()
        assert (await bot.news.events.reconcile()).created == 0


async def test_an_event_a_moderator_cancelled_is_made_again_for_a_new_day(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A moderator cancelled the bot's event (kept by Discord, finished), and then the news
    moved the premiere: Discord refuses to edit a finished event (400, code 180000), so the
    round failed, every 10 minutes for good, and the new day never got its event. A
    cancelled event is now one the moderators took down, as a deleted one is."""
    day = (datetime.now(UTC) + timedelta(days=60)).date()
    later = day + timedelta(days=30)
    async with one_server_with_its_event(tmp_path, monkeypatch, day) as (sb, bot):
        [event] = sb.scheduled_events(sb.guild)
        sb.cancel_event(sb.guild, int(event["id"]))
        await learn(bot.store, Milestone.RELEASE_DATE_ANNOUNCED, day, site="other.example")
        report = await bot.news.events.reconcile()  # the same day again: it stays cancelled
        assert (report.created, report.failed) == (0, 0)

        await tell(bot, Milestone.DELAYED, later)
        # Killed between the new event's create and its record: the look-up that follows
        # takes the new event, not the cancelled one of the same name.
        await killed_before_its_record(bot, monkeypatch)
        for _ in range(2):
            report = await bot.news.events.reconcile()
            assert (report.created, report.failed) == (0, 0)
        made = [e for e in sb.scheduled_events(sb.guild) if e["id"] != event["id"]]
        assert [e["scheduled_start_time"] for e in made] == [release_start(later).isoformat()]
        [row] = await bot.store.events.all()
        assert row.event_id == int(made[0]["id"])


async def test_events_off_removes_the_bots_events_with_manage_events_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bot's role was given Manage Events in place of Create Events, then /setup events
    off answered "I'll remove the ones I added": Manage Events deletes any event, but the job
    skipped the server for want of Create Events, and the event stayed for good."""
    day = (datetime.now(UTC) + timedelta(days=60)).date()
    async with one_server_with_its_event(tmp_path, monkeypatch, day) as (sb, bot):
        guild = bot.get_guild(sb.guild.id)
        assert guild is not None
        sb.set_bot_role_permissions(sb.guild, perms.BOT_DEFAULT | perms.MANAGE_EVENTS)
        await until(lambda: not guild.me.guild_permissions.create_events)
        reply = await sb.invoke("setup", {"enabled": False}, subcommand="events")
        assert "I'll remove the ones I added" in reply.content
        report = await bot.news.events.reconcile()
        assert (report.deleted, report.refused) == (1, 0)
        assert sb.scheduled_events(sb.guild) == [] and await bot.store.events.all() == []
