"""A server paused by a refused post keeps its news: what comes during the pause is queued
but never sent (no request to Discord), and /setup channel posts it once, in order, except
what was held over a day; a SIGKILL during the pause loses nothing."""

from __future__ import annotations

import asyncio
import contextlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.news.announce import OUTAGE_PATIENCE
from bot.sandbox import perms
from bot.sandbox.driver import Sandbox
from bot.store import Store
from bot.store.rows import iso
from tests.e2e.test_moderator_kit import Item, feed_world, kitty_feed, poll, refused, rss, until
from tests.e2e.test_news_pipeline import OUTLETS, Outlets, bot_process, settle
from tests.feedserver import FeedServer

pytestmark = pytest.mark.e2e

RUMOUR = "XO, Kitty season 4 reportedly set to begin filming in Seoul"
CONFIRMED = "Netflix confirms XO, Kitty season 4 has started filming"
DELAYED = "XO, Kitty season 4 delayed to 2027"


async def test_held_news_is_posted_once_in_order_on_resume_but_not_once_a_day_old(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with feed_world(tmp_path, monkeypatch) as (sb, server, bot):
        channel = sb.guild.channel("announcements")
        feed, backlog = await kitty_feed(sb, server, bot)

        # The first change is refused: the server is paused, the post held.
        sb.set_bot_permissions(channel, deny=perms.SEND_MESSAGES)
        news = [Item("n1", RUMOUR, age=timedelta(minutes=3))]
        server.serve("/kitty.xml", rss("Kitty Weekly", news + backlog))
        assert (await poll(bot, feed.id)).queued == 1
        await bot.news.drain()
        assert not (await bot.store.guilds.get(sb.guild.id)).announces

        def to_channel() -> int:
            return sum(1 for r in sb.requests if r.path.startswith(f"/channels/{channel}/"))

        tried = to_channel()

        # Two more changes come during the pause: queued for the server, never tried.
        for n, title in ((2, CONFIRMED), (3, DELAYED)):
            news.insert(0, Item(f"n{n}", title, age=timedelta(minutes=3 - n)))
            server.serve("/kitty.xml", rss("Kitty Weekly", news + backlog))
            assert (await poll(bot, feed.id)).queued == 1
            await bot.news.drain()
        assert to_channel() == tried
        assert sb.messages(channel) == []

        # The rumour's post has waited over a day by the time the moderator mends things.
        await bot.store.db.write(
            "UPDATE deliveries SET created_at = ? WHERE id = (SELECT min(id) FROM deliveries)",
            (iso(datetime.now(UTC) - OUTAGE_PATIENCE - timedelta(minutes=5)),),
        )
        sb.set_bot_permissions(channel)
        guild = bot.get_guild(sb.guild.id)
        assert guild is not None and guild.me is not None

        def can_send() -> bool:
            found = guild.get_channel(channel)
            return found is not None and found.permissions_for(guild.me).send_messages

        await until(can_send)
        reply = await sb.invoke("setup", {"channel": "announcements"}, subcommand="channel")
        assert "back on" in reply.content
        assert "2 posts will now be posted, in order" in reply.content
        assert "1 post was held over a day and will not be posted" in reply.content
        await bot.news.drain()
        await bot.news.drain()
        titles = [m.embeds[0]["title"] for m in sb.messages(channel)]
        assert len(titles) == 2 and "filming" in titles[0] and "delayed" in titles[1]
        fields = {f["name"]: f["value"] for f in sb.messages(channel)[0].embeds[0]["fields"]}
        assert fields["Certainty"] == "Confirmed"

        reply = await sb.invoke("feeds", {"article": "reportedly set to begin"}, subcommand="why")
        assert "given up after a day" in reply.embeds[0]["description"]
        reply = await sb.invoke("setup", {"channel": "announcements"}, subcommand="channel")
        assert "will now be posted" not in reply.content  # not paused: nothing was held


async def test_a_sigkill_during_a_pause_loses_nothing_and_sends_nothing_twice(
    tmp_path: Path,
) -> None:
    async with FeedServer() as server, Sandbox(guilds=1) as sb:
        outlets = Outlets(server)
        path = OUTLETS[0]
        feeds_file = tmp_path / "feeds.toml"
        feeds_file.write_text(f'[[feed]]\nurl = "{server.url(path)}"\n', "utf-8")
        channel = sb.guild.channels["announcements"]
        database = tmp_path / "kissbot.db"
        store = await Store.open(database)
        await store.migrate()
        await store.guilds.update(sb.guild.id, channel_id=channel)
        await store.close()

        async def paused() -> int:
            """How many posts the store holds for the server, once it is paused (else -1)."""
            store = await Store.open(database)
            try:
                if (await store.guilds.get(sb.guild.id)).announces:
                    return -1
                return (await store.outbox.counts()).get("pending", 0)
            finally:
                await store.close()

        outlets.publish(path, "XO, Kitty season 2 recap")  # the baseline
        stack = contextlib.AsyncExitStack()
        await stack.enter_async_context(bot_process(sb, tmp_path, feeds_file, crash=True))
        await outlets.polled(path, times=2)
        sb.set_bot_permissions(channel, deny=perms.SEND_MESSAGES)
        outlets.publish(path, RUMOUR)
        await outlets.polled(path)
        for _ in range(100):
            if await paused() == 1:
                break
            await asyncio.sleep(0.1)
        assert await paused() == 1
        outlets.publish(path, CONFIRMED)
        await outlets.polled(path)
        await stack.aclose()  # SIGKILL, paused, with two posts held

        stack = contextlib.AsyncExitStack()
        await stack.enter_async_context(bot_process(sb, tmp_path, feeds_file))
        await sb.wait_for_identify(2)
        outlets.publish(path, DELAYED)
        await outlets.polled(path)
        assert await settle(sb, channel, 0, timeout=0) == []
        assert await paused() == 3

        sb.set_bot_permissions(channel)
        for _ in range(50):  # until the bot's cache has the channel's new permissions
            reply = await sb.invoke("setup", {"channel": "announcements"}, subcommand="channel")
            if "back on" in reply.content:
                break
            refused(reply, "Send Messages")
            await asyncio.sleep(0.1)
        assert "3 posts will now be posted" in reply.content
        posts = await settle(sb, channel, 3)
        await stack.aclose()
        assert posts == [
            "XO, Kitty season 4: filming [Rumoured]",
            "XO, Kitty season 4: filming [Confirmed]",
            "XO, Kitty season 4: delayed to 2027 [Reported]",
        ]
