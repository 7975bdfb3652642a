"""A command the store refuses (here a full disk) answers in one clear ephemeral line, the
host's log has one line for it however many commands meet it, and what only reads still
works."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.moderation.cooldown import GuildCooldown
from tests.e2e.test_moderator_kit import Item, feed_world, rss
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
