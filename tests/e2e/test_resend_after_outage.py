"""A resend long after its first attempt: the nonce no longer folds it, the channel's
history must. Through the sandbox Discord, with its nonce window shut to stand for the
minutes Discord keeps one."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from typing import Any

import discord
import pytest

from bot.news.announce import Announcer
from bot.sandbox import perms, rest
from bot.sandbox.driver import Sandbox
from bot.store import Store
from tests.e2e.conftest import StartProbe

pytestmark = pytest.mark.e2e

EMBED = {"title": "XO, Kitty season 4: renewed", "description": "Netflix renews XO, Kitty"}


@pytest.fixture
async def world(
    store: Store, point_discord: Any, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[tuple[Sandbox, Store, discord.Client]]:
    monkeypatch.setattr(rest, "NONCE_WINDOW_S", 0.0)  # the first attempt is hours old
    async with Sandbox(guilds=1) as sb:
        point_discord(sb)
        client = discord.Client(intents=discord.Intents.none())
        try:
            await store.guilds.update(sb.guild.id, channel_id=sb.guild.channel("announcements"))
            await store.outbox.enqueue(
                guild_id=sb.guild.id,
                channel_id=sb.guild.channel("announcements"),
                dedupe_key="event:1",
                message={"content": "", "role_id": None, "embed": EMBED},
            )
            await client.login(sb.token)
            yield sb, store, client
        finally:
            await client.close()


async def crashed_mid_send(store: Store, client: discord.Client, *, posted: bool) -> int:
    """Claim the delivery as a crashed process did, and maybe let its post land."""
    (queued,) = await store.outbox.due(discord.utils.utcnow(), 9)
    claimed = await store.outbox.mark_sending(queued.id)
    assert claimed is not None and claimed.attempts == 1
    if posted:
        channel = client.get_partial_messageable(claimed.channel_id)
        await channel.send(embeds=[discord.Embed.from_dict(EMBED)], nonce=f"kb{claimed.id}")
    return claimed.channel_id


async def test_a_post_that_landed_before_the_crash_is_not_sent_again(
    world: tuple[Sandbox, Store, discord.Client],
) -> None:
    sb, store, client = world
    channel = await crashed_mid_send(store, client, posted=True)
    (first,) = sb.messages(channel)
    report = await Announcer(client, store).drain()
    assert report.sent == 1 and [m.id for m in sb.messages(channel)] == [first.id]
    assert await store.outbox.counts() == {"sent": 1}


async def test_a_post_that_never_landed_is_sent_once(
    world: tuple[Sandbox, Store, discord.Client],
) -> None:
    sb, store, client = world
    channel = await crashed_mid_send(store, client, posted=False)
    report = await Announcer(client, store).drain()
    assert report.sent == 1 and [m.embeds[0]["title"] for m in sb.messages(channel)] == [
        EMBED["title"]
    ]


async def test_without_history_to_read_the_resend_still_goes(
    world: tuple[Sandbox, Store, discord.Client],
) -> None:
    sb, store, client = world
    channel = await crashed_mid_send(store, client, posted=False)
    sb.set_bot_permissions(channel, deny=perms.READ_MESSAGE_HISTORY)
    report = await Announcer(client, store).drain()
    assert (report.sent, report.failed) == (1, 0) and len(sb.messages(channel)) == 1
    assert (await store.guilds.get(sb.guild.id)).disabled_reason is None


async def test_a_post_found_after_the_crash_is_still_published(
    store: Store, start_probe: StartProbe, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In an Announcement channel the crash may fall between the post and its publishing:
    the post found in the history is published, not sent again."""
    monkeypatch.setattr(rest, "NONCE_WINDOW_S", 0.0)
    async with Sandbox(guilds=1) as sb, start_probe(sb) as client:
        news = sb.guild.channel("news")
        await store.guilds.update(sb.guild.id, channel_id=news)
        await store.outbox.enqueue(
            guild_id=sb.guild.id,
            channel_id=news,
            dedupe_key="event:1",
            message={"content": "", "role_id": None, "embed": EMBED},
        )
        await crashed_mid_send(store, client, posted=True)
        (first,) = sb.messages(news)
        assert not first.crossposted
        announcer = Announcer(client, store)
        report = await announcer.drain()
        await announcer.settle()
        assert report.sent == 1 and [m.id for m in sb.messages(news)] == [first.id]
        assert sb.messages(news)[0].crossposted
        done = await store.outbox.find(sb.guild.id, "event:1")
        assert done is not None and done.publish == "done"

        # Crashed again before the record: found published, it is recorded so, not redone.
        await store.db.write("UPDATE deliveries SET state = 'sending', publish = NULL")
        again = Announcer(client, store)
        assert (await again.drain()).sent == 1
        await again.settle()
        done = await store.outbox.find(sb.guild.id, "event:1")
        assert done is not None and done.publish == "done" and len(sb.messages(news)) == 1


async def test_a_post_found_after_the_crash_still_gets_its_thread(
    store: Store, start_probe: StartProbe, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With discussion threads on, the crash may fall between the post and its thread: the
    post found in the history gets the thread, once."""
    monkeypatch.setattr(rest, "NONCE_WINDOW_S", 0.0)
    async with Sandbox(guilds=1) as sb, start_probe(sb) as client:
        channel = sb.guild.channel("announcements")
        await store.guilds.update(sb.guild.id, channel_id=channel, threads=True)
        await store.outbox.enqueue(
            guild_id=sb.guild.id,
            channel_id=channel,
            dedupe_key="event:1",
            message={"content": "", "role_id": None, "embed": EMBED, "thread_name": "Renewed"},
        )
        await crashed_mid_send(store, client, posted=True)
        for _ in range(2):  # a second drain (another crash before mark_sent) opens no second
            report = await Announcer(client, store).drain()
            await store.db.write("UPDATE deliveries SET state = 'pending'")
        (post,) = sb.messages(channel)
        threads = [c for c in sb.world.channels.values() if c.parent_id == channel]
        assert report.sent == 1 and [t.name for t in threads] == ["Renewed"]
        assert post.id == threads[0].id  # a thread opened on the post itself


async def test_a_post_whose_record_the_disk_refused_is_not_sent_again(
    world: tuple[Sandbox, Store, discord.Client], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk between the post and its record (SQLITE_FULL from ``mark_sent``) is a
    crash the process outlives: the drain ends (its job says so, once), and once the disk has
    room the next drain finds the post in the history and records it, not a second post."""
    sb, store, client = world
    channel = sb.guild.channel("announcements")
    recorded = store.outbox.mark_sent

    async def disk_full(*args: Any, **kwargs: Any) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store.outbox, "mark_sent", disk_full)
    announcer = Announcer(client, store)
    with pytest.raises(sqlite3.OperationalError):
        await announcer.drain()
    (first,) = sb.messages(channel)
    monkeypatch.setattr(store.outbox, "mark_sent", recorded)
    assert (await announcer.drain()).sent == 1
    assert [m.id for m in sb.messages(channel)] == [first.id]
    rows = await store.db.rows("SELECT state, message_id FROM deliveries")
    assert [tuple(row) for row in rows] == [("sent", first.id)]


async def test_once_a_record_fails_the_other_servers_posts_wait(
    store: Store, point_discord: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each guild's lane went on sending after another lane's record failed, one post per
    guild in the batch left unrecorded (40 at 1,000 guilds), each to be looked for in its
    channel, or without Read Message History sent again once Discord's nonce window shut."""
    async with Sandbox(guilds=12) as sb:
        point_discord(sb)
        client = discord.Client(intents=discord.Intents.none())
        try:
            for guild in sb.guilds:
                channel = guild.channel("announcements")
                await store.guilds.update(guild.id, channel_id=channel)
                await store.outbox.enqueue(
                    guild_id=guild.id,
                    channel_id=channel,
                    dedupe_key="event:1",
                    message={"content": "", "role_id": None, "embed": EMBED},
                )
            await client.login(sb.token)

            async def disk_full(*args: Any, **kwargs: Any) -> None:
                raise sqlite3.OperationalError("database or disk is full")

            monkeypatch.setattr(store.outbox, "mark_sent", disk_full)
            with pytest.raises(sqlite3.OperationalError):
                await Announcer(client, store, concurrency=4).drain()
        finally:
            await client.close()
        posted = sum(len(sb.messages(g.channel("announcements"))) for g in sb.guilds)
        assert 1 <= posted <= 4  # only the ones already in flight
