"""The status card end to end: /setup card posts one message, and the bot edits that same
message as the news changes where the show stands, through restarts, kills, a moderator
deleting it and Discord refusing its channel."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import discord
import pytest

from bot.news.cards import CardsReport
from bot.news.models import Milestone
from bot.render.card import CARD_MARK
from bot.sandbox import perms
from bot.sandbox.driver import Sandbox
from bot.sandbox.state import Message
from tests.e2e.test_moderator_kit import (
    Item,
    feed_world,
    kitty_feed,
    moderator_bot,
    refused,
    rss,
    until,
)
from tests.e2e.test_moderator_setup import two_packs
from tests.e2e.test_premiere_events import Killed, tell

pytestmark = pytest.mark.e2e

RUMOUR = "XO, Kitty season 4 reportedly set to begin filming in Seoul"


def titles(message: Message) -> list[str]:
    return [str(e.get("title")) for e in message.raw.get("embeds") or []]


def edits(sb: Sandbox, since: int) -> int:
    """PATCHes of channel messages since the ``since``-th request."""
    return sum(
        1
        for r in sb.requests[since:]
        if r.method == "PATCH" and r.template.startswith("/channels/")
    )


async def test_one_card_posted_then_edited_when_the_news_changes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with feed_world(tmp_path, monkeypatch) as (sb, server, bot):
        general = sb.guild.channel("general")
        reply = await sb.invoke("setup", {"channel": "general"}, subcommand="card")
        assert reply.ephemeral
        [card] = sb.messages(general)
        assert card.author_id == sb.bot_id and card.content == CARD_MARK
        assert titles(card) == ["XO, Kitty: season 3 status"]  # the pack's newest
        assert not (card.pinged_everyone or card.pinged_roles or card.pinged_users)
        link = f"https://discord.com/channels/{sb.guild.id}/{general}/{card.id}"
        assert link in reply.text
        view = await sb.invoke("setup", subcommand="view")
        assert link in view.text and "🟢 live" in view.text

        # Nothing new: nothing is edited, however often the job runs.
        before = len(sb.requests)
        assert await bot.news.cards.reconcile() == CardsReport()
        assert edits(sb, before) == 0 and len(sb.requests) == before

        # A feed tells of season 4: the poll that records the change runs the card's job
        # soon, and the same message now shows season 4 after season 3, still to come.
        feed, backlog = await kitty_feed(sb, server, bot)
        far = datetime.now(UTC) + timedelta(hours=1)
        bot.scheduler.modify_job("status-cards", next_run_time=far)
        server.serve("/kitty.xml", rss("Kitty Weekly", [Item("n1", RUMOUR), *backlog]))
        await asyncio.sleep(1.1)  # the feed's next poll is due (polled every second here)
        report = await bot.news.poll(feed.id)
        assert report is not None and report.verdicts["change"] == 1
        job = bot.scheduler.get_job("status-cards")
        assert job is not None and job.next_run_time <= datetime.now(UTC)
        before = len(sb.requests)
        assert (await bot.news.cards.reconcile()).edited == 1
        assert edits(sb, before) == 1
        [edited] = sb.messages(general)
        assert edited.id == card.id and edited.raw.get("edited_timestamp")
        assert titles(edited) == ["XO, Kitty: season 3 status", "XO, Kitty: season 4 status"]
        assert not (edited.pinged_everyone or edited.pinged_roles or edited.pinged_users)
        assert (await bot.news.cards.reconcile()) == CardsReport()


async def test_a_restart_edits_the_same_card(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The news moved on while the bot was down: the next process edits the card it
    recorded, never posts a second."""
    async with Sandbox(guilds=1) as sb:
        general = sb.guild.channel("general")
        async with moderator_bot(sb, tmp_path, monkeypatch) as bot:
            await sb.invoke("setup", {"channel": "general"}, subcommand="card")
            [card] = sb.messages(general)
        async with moderator_bot(sb, tmp_path, monkeypatch) as bot:
            assert await bot.news.cards.reconcile() == CardsReport()
            await tell(bot, Milestone.RENEWED)
            assert (await bot.news.cards.reconcile()).edited == 1
            [edited] = sb.messages(general)
            assert edited.id == card.id and "season 4" in titles(edited)[-1]


async def test_a_kill_between_posting_and_recording_the_card_posts_no_second(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with Sandbox(guilds=1) as sb, moderator_bot(sb, tmp_path, monkeypatch) as bot:
        general = sb.guild.channel("general")
        sb.post_as("member", general, CARD_MARK)  # a fan's copy is not the bot's card

        async def killed(*args: object) -> None:
            raise Killed

        with monkeypatch.context() as patch:
            patch.setattr(bot.store.cards, "record", killed)
            await bot.store.cards.place(sb.guild.id, general)
            with pytest.raises(Killed):
                await bot.news.cards.refresh(sb.guild.id)
        [_, card] = sb.messages(general)
        row = await bot.store.cards.get(sb.guild.id)
        assert row is not None and row.message_id is None  # the kill came before the record

        report = await bot.news.cards.reconcile()
        assert (report.posted, report.edited) == (0, 1)
        assert [m.id for m in sb.messages(general)][1:] == [card.id]
        row = await bot.store.cards.get(sb.guild.id)
        assert row is not None and row.message_id == card.id


async def test_a_card_found_after_a_kill_then_deleted_before_its_edit_is_posted_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Found by the scan a kill calls for, and deleted by hand before the edit reached it:
    # its 404 (Unknown Message) was taken for the channel's and stopped the card for good.
    async with Sandbox(guilds=1) as sb, moderator_bot(sb, tmp_path, monkeypatch) as bot:
        general = sb.guild.channel("general")
        await sb.invoke("setup", {"channel": "general"}, subcommand="card")
        [card] = sb.messages(general)
        await bot.store.cards.lost(sb.guild.id, card.id)  # as a kill before the record leaves it
        cards = bot.news.cards
        find = cards._find

        async def found_then_deleted(channel: object) -> object:
            message = await find(channel)  # type: ignore[arg-type]
            sb.delete_message(general, card.id)
            return message

        monkeypatch.setattr(cards, "_find", found_then_deleted)
        report = await cards.refresh(sb.guild.id)
        assert (report.posted, report.edited, report.stopped) == (1, 0, 0)
        [again] = sb.messages(general)
        row = await bot.store.cards.get(sb.guild.id)
        assert row is not None and row.live and row.message_id == again.id != card.id


async def test_a_card_deleted_by_a_moderator_is_posted_again_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with Sandbox(guilds=1) as sb, moderator_bot(sb, tmp_path, monkeypatch) as bot:
        general = sb.guild.channel("general")
        await sb.invoke("setup", {"channel": "general"}, subcommand="card")
        [card] = sb.messages(general)
        sb.delete_message(general, card.id)
        # Seen at the next edit (the bot hears no message events): a 404, and one new card.
        await tell(bot, Milestone.RENEWED)
        report = await bot.news.cards.reconcile()
        assert (report.reposted, report.posted, report.stopped) == (1, 0, 0)
        [again] = sb.messages(general)
        assert again.id != card.id and "season 4" in titles(again)[-1]
        row = await bot.store.cards.get(sb.guild.id)
        assert row is not None and row.message_id == again.id and row.live
        assert await bot.news.cards.reconcile() == CardsReport()
        assert len(sb.messages(general)) == 1


async def test_a_channel_refused_stops_the_card_and_tells_the_moderators_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with Sandbox(guilds=2) as sb, moderator_bot(sb, tmp_path, monkeypatch) as bot:
        hidden, deleted = sb.guilds
        for guild in sb.guilds:
            await sb.invoke(
                "setup", {"channel": "announcements"}, subcommand="channel", guild=guild
            )
            await sb.invoke("setup", {"channel": "general"}, subcommand="card", guild=guild)
            assert len(sb.messages(guild.channel("general"))) == 1
        sb.set_bot_permissions(hidden.channel("general"), deny=perms.VIEW_CHANNEL)  # 403 50001
        sb.delete_channel(deleted.channel("general"))  # 404 10003
        await tell(bot, Milestone.RENEWED)
        report = await bot.news.cards.reconcile()
        assert (report.stopped, report.edited, report.posted, report.reposted) == (2, 0, 0, 0)
        await bot.news.drain()
        for guild in sb.guilds:
            [notice] = sb.messages(guild.channel("announcements"))
            assert "I stopped updating the status card" in notice.content
            assert "/setup card" in notice.content and not notice.pinged_roles
        view = await sb.invoke("setup", subcommand="view", guild=hidden)
        assert "🔴 stopped" in view.text and "50001" in view.text

        # Stopped: never tried again, never told again.
        before = len(sb.requests)
        await tell(bot, Milestone.FILMING_STARTED)
        assert await bot.news.cards.reconcile() == CardsReport()
        await bot.news.drain()
        assert len(sb.requests) == before
        assert all(len(sb.messages(g.channel("announcements"))) == 1 for g in sb.guilds)

        # Access given back and /setup card run again: the same card, edited.
        sb.set_bot_permissions(hidden.channel("general"))
        await asyncio.sleep(0.1)  # CHANNEL_UPDATE reaches the bot's cache
        await sb.invoke("setup", {"channel": "general"}, subcommand="card", guild=hidden)
        [card] = sb.messages(hidden.channel("general"))
        assert card.raw.get("edited_timestamp") and "season 4" in titles(card)[-1]


async def test_setup_card_checks_moves_stops_and_follows_the_show(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shows = two_packs(tmp_path)
    async with (
        Sandbox(guilds=1) as sb,
        moderator_bot(sb, tmp_path, monkeypatch, shows_dir=shows) as bot,
    ):
        general, announcements = sb.guild.channel("general"), sb.guild.channel("announcements")
        # A channel the bot can't post in is refused up front.
        sb.set_bot_permissions(general, deny=perms.EMBED_LINKS)
        await asyncio.sleep(0.1)
        reply = await sb.invoke("setup", {"channel": "general"}, subcommand="card")
        refused(reply, "Embed Links")
        assert sb.messages(general) == [] and await bot.store.cards.get(sb.guild.id) is None
        sb.set_bot_permissions(general)
        await asyncio.sleep(0.1)

        await sb.invoke("setup", {"channel": "general"}, subcommand="card")
        [card] = sb.messages(general)
        # Run again in the same channel: the same card, never a second. Without Read
        # Message History it could not be found after a crash: the answer says so.
        sb.set_bot_permissions(general, deny=perms.READ_MESSAGE_HISTORY)
        await asyncio.sleep(0.1)
        reply = await sb.invoke("setup", {"channel": "general"}, subcommand="card")
        assert [m.id for m in sb.messages(general)] == [card.id]
        assert "Read Message History" in reply.text
        sb.set_bot_permissions(general)
        await asyncio.sleep(0.1)

        # Another show: the card is rewritten for it, just after the answer.
        await sb.invoke("setup", {"show": "kitty-forever"}, subcommand="show")
        await until(lambda: titles(card) == ["Kitty Forever: season 3 status"])
        assert [m.id for m in sb.messages(general)] == [card.id]

        # Another channel: one card per server, the old one deleted.
        await sb.invoke("setup", {"channel": "announcements"}, subcommand="card")
        assert sb.messages(general) == []
        [moved] = sb.messages(announcements)
        row = await bot.store.cards.get(sb.guild.id)
        assert row is not None and (row.channel_id, row.message_id) == (announcements, moved.id)

        # Stopped: deleted, and nothing more is written.
        reply = await sb.invoke("setup", subcommand="card")
        assert reply.ephemeral and "No status card" in reply.content
        assert sb.messages(announcements) == []
        assert await bot.store.cards.get(sb.guild.id) is None
        await tell(bot, Milestone.RENEWED)
        assert await bot.news.cards.reconcile() == CardsReport()
        view = await sb.invoke("setup", subcommand="view")
        assert "`/setup card` keeps one message" in view.text


async def test_the_sandbox_edits_messages_as_discord_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the author edits a message; an edit keeps to the embed limits; a deleted message
    is 404 Unknown Message, a deleted channel 404 Unknown Channel."""
    async with Sandbox(guilds=1) as sb, moderator_bot(sb, tmp_path, monkeypatch) as bot:
        general = sb.guild.channel("general")
        channel = bot.get_partial_messageable(general, guild_id=sb.guild.id)
        fans = sb.post_as("member", general, "hello")
        with pytest.raises(discord.Forbidden) as others:
            await channel.get_partial_message(fans.id).edit(content="mine now")
        assert others.value.code == 50005
        mine = await channel.send("card")
        big = [discord.Embed(description="d" * 4000) for _ in range(2)]
        with pytest.raises(discord.HTTPException) as too_big:
            await mine.edit(embeds=big)
        assert (too_big.value.status, too_big.value.code) == (400, 50035)
        sb.delete_message(general, mine.id)
        with pytest.raises(discord.NotFound) as gone:
            await mine.edit(content="again")
        assert gone.value.code == 10008
        sb.delete_channel(general)
        with pytest.raises(discord.NotFound) as no_channel:
            await channel.get_partial_message(fans.id).edit(content="x")
        assert no_channel.value.code == 10003


async def test_a_premiere_day_arriving_edits_the_card_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No news, only the calendar: the hourly job edits the card when the season comes out
    (midnight US Pacific, so 08:00 UTC in winter: the countdown goes), and again when the day
    has passed with no word of the release, once each."""
    day = (datetime.now(UTC) + timedelta(days=30)).date()
    async with Sandbox(guilds=1) as sb, moderator_bot(sb, tmp_path, monkeypatch) as bot:
        general = sb.guild.channel("general")
        await tell(bot, Milestone.RELEASE_DATE_ANNOUNCED, day)
        cards = bot.news.cards
        midnight = datetime.combine(day, datetime.min.time(), UTC)

        def at(hours: int) -> Callable[[], datetime]:
            return lambda: midnight + timedelta(hours=hours)

        cards._now = at(-12)
        await sb.invoke("setup", {"channel": "general"}, subcommand="card")
        [card] = sb.messages(general)

        def headline() -> str:
            return str(card.raw["embeds"][-1]["description"]).split("\n")[0]

        assert "is set for" in headline() and ":R>" in headline()
        for hours, edited, says, counting in (
            (1, 0, "is set for", True),
            (9, 1, "is set for", False),
            (10, 0, "", False),
            (25, 1, "was scheduled", False),
        ):
            cards._now = at(hours)
            assert (await cards.reconcile()).edited == edited
            assert says in headline() and (":R>" in headline()) is counting
        assert [m.id for m in sb.messages(general)] == [card.id]


@pytest.mark.parametrize("then", ["moved", "stopped"])
async def test_a_card_posted_as_setup_card_moves_or_stops_it_is_not_left_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, then: str
) -> None:
    """The job was posting the card (its first post, or one deleted by hand) when /setup card
    moved it elsewhere or stopped it: the post landed in a channel the card no longer keeps,
    its id recorded nowhere, so no one edited or deleted it again."""
    async with Sandbox(guilds=1) as sb, moderator_bot(sb, tmp_path, monkeypatch) as bot:
        general, announcements = sb.guild.channel("general"), sb.guild.channel("announcements")
        cards = bot.news.cards
        await bot.store.cards.place(sb.guild.id, general)
        find = cards._find

        async def meanwhile(channel: discord.PartialMessageable) -> discord.Message | None:
            found = await find(channel)
            # /setup card's own write, committed while the job's post is on its way
            if then == "moved":
                await bot.store.cards.place(sb.guild.id, announcements)
            else:
                await bot.store.cards.forget(sb.guild.id)
            return found

        monkeypatch.setattr(cards, "_find", meanwhile)
        await cards.refresh(sb.guild.id)
        monkeypatch.undo()
        if then == "moved":
            await cards.refresh(sb.guild.id)  # the rest of /setup card: written there
            [card] = sb.messages(announcements)
            row = await bot.store.cards.get(sb.guild.id)
            assert row is not None and row.message_id == card.id
        assert sb.messages(general) == []


async def test_a_kill_as_setup_card_moves_the_card_leaves_one_card(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killed as /setup card moved the card, before the old one was deleted: the move was
    recorded first, so the old card was known nowhere, never edited or deleted again, and
    the next run posted a second in the new channel."""
    async with Sandbox(guilds=1) as sb, moderator_bot(sb, tmp_path, monkeypatch) as bot:
        general, announcements = sb.guild.channel("general"), sb.guild.channel("announcements")
        cards = bot.news.cards
        await sb.invoke("setup", {"channel": "general"}, subcommand="card")
        [card] = sb.messages(general)

        async def killed(*args: object) -> None:
            raise Killed

        with monkeypatch.context() as patch:
            patch.setattr(cards, "remove", killed)
            with pytest.raises(Killed):
                await cards.keep(sb.guild.id, announcements)
        await tell(bot, Milestone.RENEWED)
        await cards.reconcile()
        # The card stays where it was, kept up to date, until /setup card is run again.
        assert [m.id for m in sb.messages(general)] == [card.id]
        assert sb.messages(announcements) == []
        assert "season 4" in titles(card)[-1]


async def test_a_refused_token_stops_the_run_at_its_first_401(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Discord refused the bot's token: one 401, not one per server (each counts toward
    Discord's ban of the address), and no card stopped or told of for it."""
    async with Sandbox(guilds=3) as sb, moderator_bot(sb, tmp_path, monkeypatch) as bot:
        for guild in sb.guilds:
            await sb.invoke("setup", {"channel": "general"}, subcommand="card", guild=guild)
        await tell(bot, Milestone.RENEWED)
        token, sb.world.token = sb.world.token, "reset-by-its-owner"
        report = await bot.news.cards.reconcile()
        assert report == CardsReport(unauthorized=True)
        assert len([r for r in sb.requests if r.status == 401]) == 1
        sb.world.token = token  # a new token: every card is edited
        assert (await bot.news.cards.reconcile()).edited == 3


async def test_news_changing_while_the_cards_are_written_reaches_every_card(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another feed's change came while the job was editing the cards (a run over many
    servers takes minutes): the scheduler skipped the run it asked for, the job being under
    way, and the run went on with the card it had rendered before, so the servers after
    showed the older news for up to an hour."""
    async with Sandbox(guilds=2) as sb, moderator_bot(sb, tmp_path, monkeypatch) as bot:
        for guild in sb.guilds:
            await sb.invoke("setup", {"channel": "general"}, subcommand="card", guild=guild)
        cards = bot.news.cards
        one, reconcile, done = cards._one, cards.reconcile, asyncio.Event()

        async def first_then_news(*args: Any) -> None:
            await one(*args)
            if not told:
                told.append(True)
                await tell(bot, Milestone.FILMING_STARTED)
                bot.news.cards_soon()  # as a poll recording a change does
                await asyncio.sleep(0.3)  # the scheduler's try at the job

        async def run() -> CardsReport:
            try:
                return await reconcile()
            finally:
                done.set()

        told: list[bool] = []
        monkeypatch.setattr(cards, "_one", first_then_news)
        monkeypatch.setattr(cards, "reconcile", run)
        await tell(bot, Milestone.RENEWED)
        bot.scheduler.resume()
        bot.news.cards_soon()
        await asyncio.wait_for(done.wait(), 10)
        await asyncio.sleep(0.3)
        show = bot.catalog.default_show
        latest = (await cards.render(show, datetime.now(UTC))).digest
        for guild in sb.guilds:
            row = await bot.store.cards.get(guild.id)
            assert row is not None and row.digest == latest
