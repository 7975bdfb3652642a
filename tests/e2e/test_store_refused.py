"""A command the store refuses (here a full disk) answers in one clear ephemeral line, the
host's log has one line for it however many commands meet it, and what only reads still
works."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import discord
import pytest

from bot.moderation.cooldown import GuildCooldown
from bot.news.announce import Announcer
from bot.sandbox.driver import Sandbox
from bot.store import Store, db
from tests.e2e.test_departed import departed
from tests.e2e.test_moderator_kit import Item, feed_world, moderator_bot, rss, until
from tests.unit.test_store_trouble import full_disk

pytestmark = pytest.mark.e2e


async def test_a_full_disk_is_told_to_the_moderator_and_once_to_the_host(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    async with feed_world(tmp_path, monkeypatch) as (sb, server, bot):
        # A baseline of 40 long stories needs pages the capped file has no room for.
        diary = [Item(f"d{n}", f"Kitty's fan diary, day {n} " * 8) for n in range(40)]
        server.serve("/diary.xml", rss("Kitty's diary", diary))
        bot.get_cog("Feeds").add_cooldown = GuildCooldown(0)  # type: ignore[union-attr]
        await full_disk(bot.store)
        caplog.clear()
        for _ in range(2):
            reply = await sb.invoke("feeds", {"url": server.url("/diary.xml")}, subcommand="add")
            assert reply.ephemeral and not reply.embeds
            assert reply.content.startswith("I can't read or save my data right now.")
            assert "free some space on its disk" in reply.content
        listed = await sb.invoke("feeds", subcommand="list")  # reading works on a full disk
        assert listed.ephemeral and "can't read or save" not in listed.text
        (warning,) = [r for r in caplog.records if r.levelno >= logging.WARNING]
        assert warning.getMessage().startswith("the database is in trouble (database or disk")
        assert not any(r.exc_info for r in caplog.records)
        assert "Traceback" not in caplog.text

        await bot.store.db.conn.execute("PRAGMA max_page_count = 1073741823")  # space freed
        reply = await sb.invoke("feeds", {"url": server.url("/diary.xml")}, subcommand="add")
        assert "can't read or save" not in reply.text
        assert await bot.store.feeds.by_url(server.url("/diary.xml")) is not None


async def test_a_removal_and_a_return_the_store_refused_are_made_good_by_the_feeds_job(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A gateway event whose store work the store refused was a discord.py traceback, and
    what it missed waited for the next READY (a restart, days off): a server left was still
    posted to, one come back still held its news."""
    async with Sandbox(guilds=2) as sb, moderator_bot(sb, tmp_path, monkeypatch) as bot:
        them = sb.guilds[1]
        await sb.invoke("setup", {"channel": "announcements"}, subcommand="channel", guild=them)
        await bot.news.drain()  # once the guild list is reconciled with the store
        caplog.clear()
        now = [0.0]
        monkeypatch.setattr(db, "clock", lambda: now[0])

        def warned() -> list[str]:
            return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]

        async def refused(event: Callable[[], None]) -> None:
            """``event`` while the store is read-only, handled; then writable again."""
            await bot.store.db.conn.execute("PRAGMA query_only = 1")
            told = len(warned())
            event()
            await until(lambda: len(warned()) > told)
            await bot.store.db.conn.execute("PRAGMA query_only = 0")

        await refused(lambda: sb.remove_guild(them))
        assert not await departed(bot, them)
        await bot.news.feeds_job(bot.scheduler)  # every 30 s
        assert await departed(bot, them)
        now[0] += db.TROUBLE_QUIET_S
        await bot.news.feeds_job(bot.scheduler)  # none met the trouble for a while: over

        await refused(lambda: sb.readd_guild(them))
        assert await departed(bot, them)
        await bot.news.feeds_job(bot.scheduler)
        assert not await departed(bot, them)

        assert (
            warned()
            == [
                "the database is in trouble (attempt to write a readonly database): make it and"
                " its folder writable; retrying as usual"
            ]
            * 2
        )  # told again: the trouble was over between
        assert not any(r.exc_info for r in caplog.records)


async def test_a_notice_whose_record_the_store_refused_is_not_posted_twice(
    store: Store, point_discord: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A notice carried no nonce: one whose "sent" the store refused (a full disk) was posted
    again by the next drain. Its nonce now folds the resend into the first post, as a
    delivery's does."""
    async with Sandbox(guilds=1) as sb:
        point_discord(sb)
        channel = sb.guild.channel("announcements")
        await store.guilds.update(sb.guild.id, channel_id=channel)
        await store.outbox.add_notice(sb.guild.id, "feed-disabled:1", "I stopped polling a feed.")
        client = discord.Client(intents=discord.Intents.none())
        try:
            await client.login(sb.token)
            recorded = store.outbox.finish_notice

            async def disk_full(*args: Any, **kwargs: Any) -> None:
                raise sqlite3.OperationalError("database or disk is full")

            monkeypatch.setattr(store.outbox, "finish_notice", disk_full)
            with pytest.raises(sqlite3.OperationalError):
                await Announcer(client, store).drain()
            monkeypatch.setattr(store.outbox, "finish_notice", recorded)
            await Announcer(client, store).drain()
        finally:
            await client.close()
        (notice,) = sb.messages(channel)
        assert notice.content == "I stopped polling a feed."
        assert await store.outbox.pending_notices() == []
