"""A server the bot is removed from keeps its settings and feeds, but its own feed is no
longer fetched and nothing is sent there; invited back, its feed is polled again, nothing it
published meanwhile is announced, and its moderators are told once. The same when the
removal or the invitation happens while the bot is stopped; an outage is no removal."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.client import KissBot
from bot.news.announce import REMOVED
from bot.sandbox.driver import Sandbox
from bot.sandbox.state import GuildIds
from bot.store.feeds import NOBODY_FOLLOWS, NOBODY_HERE
from bot.store.guilds import GUILD_TABLES
from bot.store.rows import iso
from tests.e2e.test_moderator_kit import BACKLOG_ITEM, Item, moderator_bot, rss, until
from tests.feedserver import FeedServer

# Each guild's #general is its system channel: where a paused server's notices go.
pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("general_is_system_channel")]

PATH = "/theirs.xml"


@contextlib.asynccontextmanager
async def polling_bot(
    sb: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[KissBot]:
    """The bot with its scheduler running (a poll a second), once it has read the guild list."""
    async with moderator_bot(sb, tmp_path, monkeypatch) as bot:
        await bot.news.drain()  # returns once the guild list is reconciled with the store
        bot.scheduler.resume()
        yield bot


def items(*titles: str) -> bytes:
    news = [Item(f"n{n}", t, age=timedelta(minutes=5 - n)) for n, t in enumerate(titles)]
    return rss("Their Weekly", [*reversed(news), BACKLOG_ITEM])


async def fetched_while(server: FeedServer, seconds: float) -> int:
    """How often the feed was fetched in ``seconds`` (polled every second when polled)."""
    before = server.hits(PATH)
    await asyncio.sleep(seconds)
    return server.hits(PATH) - before


async def polled(server: FeedServer, times: int = 2, timeout: float = 10) -> None:
    target = server.hits(PATH) + times
    await until(lambda: server.hits(PATH) >= target, timeout)


def sent_to(sb: Sandbox, guild: GuildIds) -> int:
    """Requests for the guild's channels (posts, and looks at their history)."""
    ids = {f"/channels/{c}/" for c in guild.channels.values()}
    return sum(1 for r in sb.requests if any(r.path.startswith(i) for i in ids))


async def set_up(sb: Sandbox, server: FeedServer, them: GuildIds) -> None:
    """Every guild announces all news; ``them`` follows its own feed of one old story."""
    for guild in sb.guilds:
        await sb.invoke("setup", {"channel": "announcements"}, subcommand="channel", guild=guild)
        await sb.invoke("setup", {"mode": "all"}, subcommand="mode", guild=guild)
    server.serve(PATH, items())
    await sb.invoke("feeds", {"url": server.url(PATH)}, subcommand="add", guild=them)


async def departed(bot: KissBot, guild: GuildIds) -> bool:
    return (await bot.store.guilds.get(guild.id)).departed_at is not None


async def drained_until_told(bot: KissBot, sb: Sandbox, channel: int, tries: int = 100) -> None:
    """Drain the outbox until something reaches ``channel`` (the rejoined notice), or give up
    after ``tries``: the return is handled beside the drains."""
    for _ in range(tries):
        await bot.news.drain()
        if sb.messages(channel):
            return
        await asyncio.sleep(0.05)


async def test_removed_the_feed_rests_and_nothing_is_sent_and_back_it_resumes_afresh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with (
        Sandbox(guilds=2) as sb,
        FeedServer() as server,
        polling_bot(sb, tmp_path, monkeypatch) as bot,
    ):
        them = sb.guilds[1]
        announcements, general = them.channel("announcements"), them.channel("general")
        await set_up(sb, server, them)
        await bot.news.reconcile(bot.scheduler)
        server.serve(PATH, items("XO, Kitty season 3 starts filming"))
        await polled(server)
        await bot.news.drain()
        assert len(sb.messages(announcements)) == 1  # followed and posted while there

        sb.remove_guild(them)
        await until(lambda: bot.get_guild(them.id) is None)
        for _ in range(50):
            if await departed(bot, them):
                break
            await asyncio.sleep(0.05)
        settings = await bot.store.guilds.get(them.id)
        assert settings.channel_id == announcements and settings.mode == "all"  # kept
        assert settings.disabled_reason == REMOVED
        requests = sent_to(sb, them)
        server.serve(
            PATH, items("XO, Kitty season 3 starts filming", "XO, Kitty season 3 wraps filming")
        )
        assert await fetched_while(server, 3) == 0
        await bot.news.drain()
        assert sent_to(sb, them) == requests

        sb.readd_guild(them)
        await polled(server)  # polling resumes
        await drained_until_told(bot, sb, general)  # the join is handled beside the drains
        await polled(server)
        await bot.news.drain()
        (notice,) = sb.messages(general)  # told once
        assert REMOVED in notice.content and "/setup channel" in notice.content
        assert not notice.pinged_everyone and not notice.pinged_roles
        # What the feed published meanwhile is history: not even held for /setup channel.
        reply = await sb.invoke(
            "setup", {"channel": "announcements"}, subcommand="channel", guild=them
        )
        assert "paused while I was out of this server; it is back on" in reply.content
        assert "will now be posted" not in reply.content
        await bot.news.drain()
        assert len(sb.messages(announcements)) == 1

        # And it hears news again.
        server.serve(
            PATH,
            items(
                "XO, Kitty season 3 starts filming",
                "XO, Kitty season 3 wraps filming",
                "XO, Kitty season 3 gets a premiere date",
            ),
        )
        await polled(server)
        await bot.news.drain()
        assert len(sb.messages(announcements)) == 2


async def test_an_outage_is_no_departure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    async with (
        Sandbox(guilds=2) as sb,
        FeedServer() as server,
        polling_bot(sb, tmp_path, monkeypatch) as bot,
    ):
        them = sb.guilds[1]
        await set_up(sb, server, them)
        await bot.news.reconcile(bot.scheduler)
        sb.guild_outage(them)
        await until(lambda: (g := bot.get_guild(them.id)) is not None and g.unavailable)
        await polled(server)  # still polled
        readies = sb.server.gateway.stats.ready_sent
        await sb.invalidate_session()  # a new session, whose READY lists it as unavailable
        assert sb.server.gateway.stats.ready_sent == readies + 1
        await asyncio.sleep(0.5)  # discord.py's guild wait, then on_ready
        guild = bot.get_guild(them.id)
        assert guild is not None and guild.unavailable
        await polled(server)
        assert not await departed(bot, them)
        assert (await bot.store.guilds.get(them.id)).announces
        sb.end_guild_outage(them)
        await until(lambda: (g := bot.get_guild(them.id)) is not None and not g.unavailable)
        assert sb.messages(them.channel("general")) == []


async def test_removed_or_invited_back_while_stopped_is_seen_at_the_next_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with Sandbox(guilds=3) as sb, FeedServer() as server:
        them, out = sb.guilds[1], sb.guilds[2]
        general = them.channel("general")
        async with polling_bot(sb, tmp_path, monkeypatch) as bot:
            await set_up(sb, server, them)
            feed = await bot.store.feeds.by_url(server.url(PATH))
            assert feed is not None

        sb.remove_guild(them)
        sb.guild_outage(out)  # unavailable at the next start: never taken for departed
        async with polling_bot(sb, tmp_path, monkeypatch) as bot:
            assert await departed(bot, them)
            assert not await departed(bot, out)
            assert (await bot.store.guilds.get(out.id)).announces
            rested = await bot.store.feeds.get(feed.id)
            assert rested is not None and rested.disabled_reason == NOBODY_HERE
            server.serve(PATH, items("XO, Kitty season 3 starts filming"))
            assert await fetched_while(server, 3) == 0
            assert sent_to(sb, them) == 0

        sb.readd_guild(them)
        sb.end_guild_outage(out)
        async with polling_bot(sb, tmp_path, monkeypatch) as bot:
            assert not await departed(bot, them)
            await polled(server)
            await drained_until_told(bot, sb, general)
            await polled(server)
            await bot.news.drain()
            (notice,) = sb.messages(general)
            assert REMOVED in notice.content
            assert sb.messages(them.channel("announcements")) == []  # the backlog: unannounced
            assert sb.messages(out.channel("general")) == []


async def test_away_past_the_grace_period_its_data_goes_at_the_next_start_and_back_it_starts_afresh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A removed server's settings, feeds, filters and held posts were kept for good. Past
    DEPARTED_KEEP_DAYS they go, at the next start (and daily): its feed is nobody's, and a
    return afterwards starts afresh, with nothing sent to it of before."""
    async with Sandbox(guilds=2) as sb, FeedServer() as server:
        them = sb.guilds[1]
        async with polling_bot(sb, tmp_path, monkeypatch) as bot:
            await set_up(sb, server, them)
            feed = await bot.store.feeds.by_url(server.url(PATH))
            assert feed is not None
            sb.remove_guild(them)
            for _ in range(50):
                if await departed(bot, them):
                    break
                await asyncio.sleep(0.05)
            assert await departed(bot, them)
            # Its data waits out the grace period: the day's purge leaves it.
            assert await bot.news.purge_departed() == []
            assert (await bot.store.guilds.get(them.id)).channel_id is not None
            # The store moved in time: the removal was 31 days ago.
            await bot.store.db.write(
                "UPDATE guild_settings SET departed_at = ? WHERE guild_id = ?",
                (iso(datetime.now(UTC) - timedelta(days=31)), them.id),
            )

        async with polling_bot(sb, tmp_path, monkeypatch) as bot:
            for _ in range(100):  # the start's purge, once the guild list is read
                if them.id not in await bot.store.guilds.known():
                    break
                await asyncio.sleep(0.05)
            assert them.id not in await bot.store.guilds.known()
            assert await bot.store.feeds.for_guild(them.id) == []
            for table in GUILD_TABLES:  # its settings, feeds, posts, notices, events, card
                rows = await bot.store.db.rows(
                    f"SELECT 1 FROM {table} WHERE guild_id = ?", (them.id,)
                )
                assert rows == [], table
            gone = await bot.store.feeds.get(feed.id)
            assert gone is not None and gone.disabled_reason == NOBODY_FOLLOWS
            assert sb.guilds[0].id in await bot.store.guilds.known()  # the other server stays

            sb.readd_guild(them)
            await until(lambda: bot.get_guild(them.id) is not None)
            server.serve(PATH, items("XO, Kitty season 3 starts filming"))
            assert await fetched_while(server, 2) == 0  # nobody's feed: not polled
            await bot.news.drain()
            assert sb.messages(them.channel("general")) == []  # no "I was away" notice
            assert sb.messages(them.channel("announcements")) == []
            settings = await bot.store.guilds.get(them.id)
            assert (settings.channel_id, settings.mode, settings.departed_at) == (
                None,
                "changes",
                None,
            )
