"""The announcer against a fake Discord: it sends only committed deliveries, to the guild's
channel and role as set at send time, and stops hitting a guild that refused it."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from types import SimpleNamespace
from typing import Any

import aiohttp
import discord
import pytest

from bot.news.announce import MAX_ATTEMPTS, OUTAGE_PATIENCE, Announcer, refusal, rejected
from bot.store import Store
from bot.store.rows import parse_iso
from tests.conftest import NOW


@dataclass
class Sent:
    id: int
    thread: None = None  # as discord.Message has it for a new post

    async def create_thread(self, *, name: str) -> None:
        # What discord.py does for a message whose guild is not in its cache.
        raise ValueError("This message does not have guild info attached.")


@dataclass
class Post:
    channel_id: int
    nonce: str
    content: str | None
    title: str
    roles: list[int]


@dataclass
class Response:  # what discord.HTTPException reads from an aiohttp response
    status: int
    reason: str = "refused"


@dataclass
class FakeDiscord:
    """Records every post; channels in ``refuse`` answer with that error instead."""

    refuse: dict[int, type[discord.HTTPException]] = field(default_factory=dict)
    posts: list[Post] = field(default_factory=list)
    notices: list[tuple[int, str]] = field(default_factory=list)  # (channel, text)
    before_send: Callable[[int], Awaitable[None]] | None = None
    # Not logged in, so no history to search for an earlier attempt's post; the sandbox
    # tests (tests/e2e/test_resend_after_outage.py) cover that search.
    user: None = None

    def get_partial_messageable(self, channel_id: int, guild_id: int | None = None) -> Any:
        return _Channel(self, channel_id)

    def get_guild(self, guild_id: int) -> None:
        return None

    def get_channel(self, channel_id: int) -> None:
        return None  # no cache: no Announcement channel to publish in (tests/e2e/test_publish.py)

    def to(self, channel_id: int) -> list[Post]:
        return [p for p in self.posts if p.channel_id == channel_id]


@dataclass
class _Channel:
    discord: FakeDiscord
    channel_id: int

    async def send(self, notice: str | None = None, **kw: Any) -> Sent:
        if self.discord.before_send is not None:
            await self.discord.before_send(self.channel_id)
        if notice is not None:  # a moderator notice: its text, no embed
            self.discord.notices.append((self.channel_id, notice))
            return Sent(0)
        mentions: discord.AllowedMentions = kw["allowed_mentions"]
        roles = [r.id for r in mentions.roles] if isinstance(mentions.roles, list) else []
        title = kw["embeds"][0].title
        self.discord.posts.append(Post(self.channel_id, kw["nonce"], kw["content"], title, roles))
        if error := self.discord.refuse.get(self.channel_id):
            status = 404 if error is discord.NotFound else 403
            raise error(Response(status), {"code": 50001, "message": "refused"})
        return Sent(len(self.discord.posts))


def news(n: int, role_id: int | None = None) -> dict[str, Any]:
    content = f"<@&{role_id}>" if role_id else ""
    return {"content": content, "role_id": role_id, "embed": {"title": f"news {n}"}}


async def queue(store: Store, n: int, *, guild_id: int = 1, channel_id: int = 10) -> None:
    await store.outbox.enqueue(
        guild_id=guild_id, channel_id=channel_id, dedupe_key=f"story:{n}", message=news(n)
    )


def announcer(fake: FakeDiscord, store: Store) -> Announcer:
    return Announcer(fake, store, now=lambda: NOW)  # type: ignore[arg-type]


async def test_a_delivery_seen_in_a_transaction_that_rolls_back_is_not_sent(store: Store) -> None:
    # The announcer shares the connection with ingest, so ``due`` sees an open transaction's
    # rows. Rolled back, they must not be posted, and a later delivery that reuses the id is
    # sent as stored, once.
    await store.guilds.update(1, channel_id=10)
    fake = FakeDiscord()
    real_due, seen = store.outbox.due, asyncio.Event()
    listed: list[int] = []

    async def due(now: Any, limit: int, **caps: Any) -> Any:
        rows = await real_due(now, limit, **caps)
        listed.extend(d.id for d in rows)
        seen.set()
        return rows

    store.outbox.due = due  # type: ignore[method-assign]
    drain: asyncio.Task[Any] | None = None
    with pytest.raises(RuntimeError):
        async with store.db.transaction():
            await queue(store, 1)
            drain = asyncio.create_task(announcer(fake, store).drain())
            await seen.wait()
            raise RuntimeError("the rest of the poll failed")
    assert drain is not None
    report = await drain
    store.outbox.due = real_due  # type: ignore[method-assign]
    assert fake.posts == [] and report.sent == 0

    await queue(store, 2)
    (delivery,) = await store.outbox.due(NOW, 9)
    assert delivery.id == listed[0]  # SQLite gives the rolled-back row's id again
    await announcer(fake, store).drain()
    assert [(p.nonce, p.title) for p in fake.posts] == [(f"kb{delivery.id}", "news 2")]
    assert await store.outbox.counts() == {"sent": 1}


async def test_a_delivery_queued_for_the_old_channel_goes_to_the_new_one(store: Store) -> None:
    await store.guilds.update(1, channel_id=10)
    await queue(store, 1)
    await store.guilds.update(1, channel_id=11)  # /setup channel: #10 is deleted
    fake = FakeDiscord(refuse={10: discord.NotFound})
    report = await announcer(fake, store).drain()
    assert [p.channel_id for p in fake.posts] == [11] and report.sent == 1
    settings = await store.guilds.get(1)
    assert settings.announces and settings.disabled_reason is None


async def test_a_refusal_from_a_channel_moved_away_mid_send_does_not_pause_the_guild(
    store: Store,
) -> None:
    await store.guilds.update(1, channel_id=10)
    await queue(store, 1)

    async def moved_meanwhile(channel_id: int) -> None:
        if channel_id == 10:
            await store.guilds.update(1, channel_id=11)  # /setup while the post is in flight

    fake = FakeDiscord(refuse={10: discord.NotFound}, before_send=moved_meanwhile)
    await announcer(fake, store).drain()
    assert [p.channel_id for p in fake.posts] == [10, 11]
    assert (await store.guilds.get(1)).announces
    assert await store.outbox.counts() == {"sent": 1}
    async with store.db.conn.execute("SELECT id FROM notices") as cur:
        assert list(await cur.fetchall()) == []  # nobody was told the guild is paused


async def two_pinging_guilds(store: Store) -> None:
    """Guilds 1 and 2 (channels 10 and 20, ping roles 777 and 888), a post queued for each."""
    for guild_id, channel_id, role in ((1, 10, 777), (2, 20, 888)):
        await store.guilds.update(guild_id, channel_id=channel_id, role_id=role)
        await store.outbox.enqueue(
            guild_id=guild_id, channel_id=channel_id, dedupe_key="story:1", message=news(1, role)
        )


async def test_a_cleared_role_is_not_pinged_and_a_new_one_is(store: Store) -> None:
    await two_pinging_guilds(store)
    await store.guilds.update(1, role_id=None)  # /setup role without a role
    await store.guilds.update(2, role_id=999)
    fake = FakeDiscord()
    await announcer(fake, store).drain()
    (first,), (second,) = fake.to(10), fake.to(20)
    assert first.content is None and first.roles == []
    assert second.content == "<@&999>" and second.roles == [999]


async def test_a_deleted_role_is_not_pinged(store: Store) -> None:
    """Fans saw "@deleted-role" on every post after the ping role was deleted."""
    await two_pinging_guilds(store)
    fake = FakeDiscord()
    roles = {1: set(), 2: {888}}  # guild 1's role was deleted since /setup role
    fake.get_guild = lambda gid: SimpleNamespace(  # type: ignore[method-assign,assignment]
        unavailable=False, get_role=lambda rid: object() if rid in roles[gid] else None
    )
    await announcer(fake, store).drain()
    (first,), (second,) = fake.to(10), fake.to(20)
    assert first.content is None and first.roles == []
    assert second.content == "<@&888>" and second.roles == [888]


async def test_a_refused_guild_is_hit_once_per_batch_and_told_once(store: Store) -> None:
    await store.guilds.update(1, channel_id=10)
    await store.guilds.update(2, channel_id=20)
    for n in range(12):
        await queue(store, n, guild_id=1 + n % 2, channel_id=10 + 10 * (n % 2))
    fake = FakeDiscord(refuse={10: discord.Forbidden})
    report = await announcer(fake, store).drain()
    assert len(fake.to(10)) == 1 and len(fake.to(20)) == 6
    # The refused post and the five behind it are held for the paused guild, not dropped.
    assert (report.sent, report.held, report.failed, report.disabled_guilds) == (6, 1, 0, {1})
    assert await store.outbox.counts() == {"sent": 6, "pending": 6}
    assert not (await store.guilds.get(1)).announces
    async with store.db.conn.execute("SELECT guild_id FROM notices") as cur:
        assert [row[0] for row in await cur.fetchall()] == [1]  # told once


def http_error(
    status: int, code: int, kind: type[discord.HTTPException] = discord.HTTPException
) -> discord.HTTPException:
    return kind(Response(status), {"code": code, "message": "refused"})


@pytest.mark.parametrize(
    ("error", "why"),
    [
        (http_error(403, 50013, discord.Forbidden), "missing permissions in <#10>"),
        (http_error(404, 10003, discord.NotFound), "channel not found in <#10>"),
        # The channel was made a forum, a category...: no post will ever go there.
        (http_error(400, 50008), "<#10> no longer takes messages: it is not a text channel"),
        (http_error(400, 40058), "<#10> no longer takes messages: it is not a text channel"),
    ],
)
def test_a_channel_that_takes_no_post_is_the_channels_fault(
    error: discord.HTTPException, why: str
) -> None:
    refused = refusal(error, 10)
    assert refused is not None
    assert refused.reason == f"{why} (Discord {error.status}, code {error.code})"
    assert "`/setup channel`" in refused.fix


@pytest.mark.parametrize(
    "error",
    [
        http_error(400, 50035),  # Invalid Form Body: this post (an embed over a limit)
        http_error(400, 240000),  # the harmful-links filter blocked this post's link
        http_error(400, 200000),  # AutoMod blocked this post's words
        http_error(400, 0),
        discord.DiscordServerError(Response(503), "down"),
        aiohttp.ClientConnectionError("Cannot connect to host discord.com:443"),
        TimeoutError(),
    ],
)
def test_a_post_refused_for_itself_or_an_outage_is_not_the_channels_fault(
    error: BaseException,
) -> None:
    assert refusal(error, 10) is None


@pytest.mark.parametrize(
    ("error", "why"),
    [
        (http_error(400, 200000), "AutoMod blocked it (code 200000)"),
        (http_error(400, 200001), "AutoMod blocked it (code 200001)"),
        (http_error(400, 240000), "Discord's filter blocked a link in it as harmful (code 240000)"),
        (http_error(400, 50035), "it broke Discord's rules for a message (code 50035)"),
    ],
)
def test_a_post_refused_for_what_it_says_is_told_apart(
    error: discord.HTTPException, why: str
) -> None:
    assert rejected(error) == f"Discord refused this post: {why}"


@pytest.mark.parametrize(
    "error",
    [
        http_error(400, 0),  # no known cause: tried again, so many times
        http_error(400, 50008),  # the channel's fault: the guild is paused
        http_error(403, 200000, discord.Forbidden),
        http_error(401, 0),  # the bot's token, not the post
        discord.DiscordServerError(Response(503), "down"),
        aiohttp.ClientConnectionError("Cannot connect to host discord.com:443"),
        TimeoutError(),
    ],
)
def test_a_refused_channel_or_token_or_an_outage_is_not_the_posts_fault(
    error: BaseException,
) -> None:
    assert rejected(error) is None


async def test_a_channel_that_no_longer_takes_messages_pauses_the_guild_and_tells_it_once(
    store: Store,
) -> None:
    # Discord's 400 code 50008 was retried and given up post by post, the guild never told.
    await store.guilds.update(1, channel_id=10)
    for n in range(3):
        await queue(store, n)

    async def converted(channel_id: int) -> None:
        raise http_error(400, 50008)

    report = await announcer(FakeDiscord(before_send=converted), store).drain()
    assert (report.held, report.retried, report.failed, report.disabled_guilds) == (1, 0, 0, {1})
    assert await store.outbox.counts() == {"pending": 3}  # held, not given up
    assert "no longer takes messages" in ((await store.guilds.get(1)).disabled_reason or "")
    async with store.db.conn.execute("SELECT text FROM notices") as cur:
        ((told,),) = await cur.fetchall()
    assert "no longer takes messages" in told and "choose a text channel" in told


async def test_a_guild_without_a_channel_is_skipped_with_a_reason(store: Store) -> None:
    await store.guilds.update(1, channel_id=10)
    await queue(store, 1)
    await store.guilds.update(1, channel_id=None)
    fake = FakeDiscord()
    report = await announcer(fake, store).drain()
    assert fake.posts == [] and report.failed == 1
    async with store.db.conn.execute("SELECT state, last_error FROM deliveries") as cur:
        (state, error), *_ = await cur.fetchall()
    assert state == "failed"
    assert "no announcement channel" in error


async def test_a_thread_that_cannot_be_opened_leaves_the_post_sent(store: Store) -> None:
    """The post is out and recorded: a thread discord.py refuses to open (the guild still
    loading after a start) must not fail the drain, or the guilds after it."""
    for guild in (1, 2):
        await store.guilds.update(guild, channel_id=guild * 10, threads=True)
        await store.outbox.enqueue(
            guild_id=guild,
            channel_id=guild * 10,
            dedupe_key="story:1",
            message={**news(guild), "thread_name": "talk"},
        )
    fake = FakeDiscord()
    report = await announcer(fake, store).drain()
    assert report.sent == 2 and [p.channel_id for p in fake.posts] == [10, 20]
    assert await store.outbox.counts() == {"sent": 2}


async def test_news_queued_during_a_long_discord_outage_is_sent_when_it_ends(
    store: Store,
) -> None:
    """Discord (or the host's network) down for an hour: every try fails the same way, and
    none of it is the post's fault, so it waits for Discord rather than giving up."""
    await store.guilds.update(1, channel_id=10)
    await queue(store, 1)
    clock = [NOW]
    down = [True]

    async def outage(channel_id: int) -> None:
        if down[0]:
            raise aiohttp.ClientConnectionError("Cannot connect to host discord.com:443")

    fake = FakeDiscord(before_send=outage)
    sender = Announcer(fake, store, channel_interval=0.001, now=lambda: clock[0])  # type: ignore[arg-type]
    while clock[0] < NOW + timedelta(hours=1):
        await sender.drain()
        clock[0] += timedelta(minutes=1)
    assert await store.outbox.counts() == {"pending": 1}
    down[0] = False
    clock[0] += timedelta(minutes=10)
    assert (await sender.drain()).sent == 1
    assert [p.title for p in fake.posts][-1] == "news 1"
    assert await store.outbox.counts() == {"sent": 1}


async def test_an_unknown_refusal_is_given_up_after_so_many_tries_an_outage_after_a_day(
    store: Store,
) -> None:
    for guild in (1, 2):
        await store.guilds.update(guild, channel_id=guild * 10)
        await queue(store, guild, guild_id=guild, channel_id=guild * 10)
    (queued, _) = await store.outbox.due(NOW + timedelta(days=9), 9)
    start = parse_iso(queued.created_at)
    assert start is not None
    clock = [start]

    async def failing(channel_id: int) -> None:
        if channel_id == 10:
            raise discord.HTTPException(Response(400), "Bad Request")
        raise aiohttp.ClientConnectionError("Cannot connect to host discord.com:443")

    fake = FakeDiscord(before_send=failing)
    sender = Announcer(fake, store, channel_interval=0.001, now=lambda: clock[0])  # type: ignore[arg-type]
    for _ in range(MAX_ATTEMPTS):
        await sender.drain()
        clock[0] += timedelta(minutes=11)
    states = {
        d.guild_id: d.state for d in [await store.outbox.find(g, f"story:{g}") for g in (1, 2)] if d
    }
    assert states == {1: "failed", 2: "pending"}
    clock[0] = start + OUTAGE_PATIENCE + timedelta(minutes=11)
    await sender.drain()
    assert await store.outbox.counts() == {"failed": 2}


async def test_a_day_long_outage_gives_up_in_one_warning_a_drain_not_one_a_post(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    # 1,000 guilds were 1,000 WARNING lines; and the drain counted them as retried later.
    for guild in range(1, 31):
        await store.guilds.update(guild, channel_id=guild * 10)
        await queue(store, guild, guild_id=guild, channel_id=guild * 10)
    (queued, *_) = await store.outbox.due(NOW + timedelta(days=9), 9)
    start = parse_iso(queued.created_at)
    assert start is not None

    async def down(channel_id: int) -> None:
        raise aiohttp.ClientConnectionError("Cannot connect to host discord.com:443")

    clock = start + OUTAGE_PATIENCE + timedelta(minutes=1)
    sender = Announcer(
        FakeDiscord(before_send=down), store, channel_interval=0.001, now=lambda: clock
    )  # type: ignore[arg-type]
    caplog.set_level(logging.INFO, "bot.news.announce")
    report = await sender.drain()
    assert (report.failed, report.retried) == (30, 0)
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1, warnings
    assert "gave up 30 posts" in warnings[0] and "Cannot connect to host" in warnings[0]
    assert await store.outbox.counts() == {"failed": 30}


async def test_a_lane_that_fails_ends_the_drain_only_once_every_other_lane_is_done(
    store: Store,
) -> None:
    # A lane raising ended the drain (and freed its lock) while the other lanes still ran:
    # the next drain could claim a guild's later posts beside its running lane, out of order.
    for guild in (1, 2):
        await store.guilds.update(guild, channel_id=guild * 10)
        await queue(store, guild, guild_id=guild, channel_id=guild * 10)

    async def trouble(channel_id: int) -> None:
        if channel_id == 10:
            await asyncio.sleep(0.05)  # guild 2's post is sent meanwhile (a lane that failed
            raise RuntimeError("disk I/O error")  # stops the others claiming more)
        await asyncio.sleep(0.1)  # and still in flight when guild 1 fails

    fake = FakeDiscord(before_send=trouble)
    with pytest.raises(RuntimeError, match="disk I/O error"):
        await announcer(fake, store).drain()
    assert [p.channel_id for p in fake.posts] == [20]
    assert (await store.outbox.find(2, "story:2")).state == "sent"  # type: ignore[union-attr]


async def test_a_retry_put_off_before_the_clock_was_set_back_is_not_held_for_the_step(
    store: Store,
) -> None:
    """A send that failed was put off for seconds on the clock of the moment; a clock set back
    a day since (NTP, a restored VM) held the post a day."""
    await store.guilds.update(1, channel_id=10)
    await queue(store, 1)
    down = True

    async def outage(channel_id: int) -> None:
        if down:
            raise aiohttp.ClientConnectionError("Cannot connect to host discord.com:443")

    clock = [NOW]
    fake = FakeDiscord(before_send=outage)
    sender = Announcer(fake, store, channel_interval=0.001, now=lambda: clock[0])  # type: ignore[arg-type]
    assert (await sender.drain()).retried == 1
    down, clock[0] = False, NOW - timedelta(days=1) + timedelta(minutes=1)
    assert (await sender.drain()).sent == 1


async def test_posts_automod_blocks_are_given_up_at_once_and_its_moderators_told_once_a_day(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    """AutoMod refuses the same words every time: each blocked post was tried 8 times over
    20 minutes and given up "retried too long", and the moderators, whose rules blocked it,
    never heard."""
    await store.guilds.update(1, channel_id=10)
    for n in range(3):
        await queue(store, n)
    blocked = {10: 2}  # the next posts to the channel AutoMod blocks

    async def automod(channel_id: int) -> None:
        if blocked.get(channel_id, 0) > 0:
            blocked[channel_id] -= 1
            raise http_error(400, 200000)

    clock = [NOW]
    fake = FakeDiscord(before_send=automod)
    sender = Announcer(fake, store, channel_interval=0.001, now=lambda: clock[0])  # type: ignore[arg-type]
    caplog.set_level(logging.INFO, "bot.news.announce")
    report = await sender.drain()
    assert (report.sent, report.failed, report.retried, report.held) == (1, 2, 0, 0)
    assert [p.title for p in fake.posts] == ["news 2"]  # the post behind them went out
    assert (await store.guilds.get(1)).announces  # not paused: other posts pass
    reason = "Discord refused this post: AutoMod blocked it (code 200000)"
    for n in (0, 1):
        given_up = await store.outbox.find(1, f"story:{n}")
        assert given_up is not None
        assert (given_up.state, given_up.attempts, given_up.last_error) == ("failed", 1, reason)
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert warnings == [f"outbox: gave up 2 posts at once: {reason}"]
    ((channel, told),) = fake.notices  # once, for both
    assert channel == 10 and "AutoMod blocked my post of “news 0”" in told
    assert "exemptions" in told

    # Later that day: not told again. The next day: told again, of that day's post.
    for n, day in ((3, 0), (4, 1)):
        caplog.clear()
        clock[0] = NOW + timedelta(days=day, minutes=1)
        blocked[10] = 1
        await queue(store, n)
        assert (await sender.drain()).failed == 1
        warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
        assert warnings == [f"outbox: gave up 1 post at once: {reason}"]
    assert [text.split("”")[0][-6:] for _, text in fake.notices] == ["news 0", "news 4"]


async def test_a_message_discord_finds_invalid_is_given_up_at_once_and_logged_as_our_bug(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    """Discord's 400 code 50035 (an embed over a limit) was tried 8 times over 20 minutes,
    with nothing to say the bot built the message wrong."""
    await store.guilds.update(1, channel_id=10)
    await queue(store, 1)
    body = {
        "code": 50035,
        "message": "Invalid Form Body",
        "errors": {"embeds": {"0": {"title": {"_errors": [{"message": "Must be 256 or fewer"}]}}}},
    }

    async def invalid(channel_id: int) -> None:
        raise discord.HTTPException(Response(400), body)

    caplog.set_level(logging.INFO, "bot.news.announce")
    report = await announcer(FakeDiscord(before_send=invalid), store).drain()
    assert (report.failed, report.retried, report.disabled_guilds) == (1, 0, set())
    delivery = await store.outbox.find(1, "story:1")
    assert delivery is not None and (delivery.state, delivery.attempts) == ("failed", 1)
    reason = "Discord refused this post: it broke Discord's rules for a message (code 50035)"
    assert delivery.last_error == reason
    built, summed = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert built.startswith(f"delivery {delivery.id}: Discord refused the message I built")
    assert "Invalid Form Body" in built and "embeds.0.title: Must be 256 or fewer" in built
    assert summed == f"outbox: gave up 1 post at once: {reason}"
    async with store.db.conn.execute("SELECT id FROM notices") as cur:
        assert list(await cur.fetchall()) == []  # the moderators can do nothing about it


async def test_a_token_discord_refuses_stops_the_drain_and_gives_no_news_or_notice_up(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    """A 401 (the bot's token reset) was taken for the post's fault: each post tried 8 times
    and given up in about 20 minutes, though every request failed alike, each one more
    invalid request toward Discord's ban; and a notice tried meanwhile was dropped."""
    await store.guilds.update(1, channel_id=10)
    await store.outbox.add_notice(1, "hello", "a notice for the moderators")
    revoked, tried = True, []

    async def token(channel_id: int) -> None:
        tried.append(channel_id)
        if revoked:
            raise http_error(401, 0)

    clock = [NOW]
    fake = FakeDiscord(before_send=token)
    sender = Announcer(fake, store, channel_interval=0.001, now=lambda: clock[0])  # type: ignore[arg-type]

    async def notices() -> list[str]:
        async with store.db.conn.execute("SELECT state FROM notices") as cur:
            return [row[0] for row in await cur.fetchall()]

    await sender.drain()  # nothing to post: the notice is tried, and kept
    assert tried == [10] and await notices() == ["pending"]
    for n in range(3):
        await queue(store, n)
    caplog.set_level(logging.INFO, "bot.news.announce")
    for _ in range(2 * MAX_ATTEMPTS):
        clock[0] += timedelta(minutes=11)
        tried.clear()
        caplog.clear()
        report = await sender.drain()
        assert tried == [10] and report.retried == 1 and not report.failed  # one request
        (warning,) = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
        assert "HTTP 401" in warning
    assert await store.outbox.counts() == {"pending": 3} and await notices() == ["pending"]

    revoked = False  # the host sets a new token
    clock[0] += timedelta(minutes=11)
    assert (await sender.drain()).sent == 3
    assert fake.notices == [(10, "a notice for the moderators")]
    assert await notices() == ["sent"]


@dataclass
class _Publishable:
    """A sent post, as ``get_partial_message`` gives it, whose publish Discord may refuse."""

    id: int
    channel: SimpleNamespace
    error: list[discord.HTTPException]

    async def publish(self) -> None:
        if self.error:
            raise self.error[0]


async def test_a_publish_discord_refuses_the_token_for_is_resumed_with_a_new_one(
    store: Store,
) -> None:
    """A publish answered 401 (the bot's token reset) was recorded as failed for good, so the
    servers that follow the channel never got the post, though nothing was wrong with it: it
    stays due, and the process a new token starts publishes it."""
    await store.outbox.enqueue(guild_id=1, channel_id=10, dedupe_key="event:1", message={})
    (queued,) = await store.outbox.due(NOW, 9)
    await store.outbox.mark_sent(queued.id, 101, NOW, publish="due")
    error = [http_error(401, 0)]
    fake = FakeDiscord()
    channel = SimpleNamespace(id=10)
    channel.get_partial_message = lambda message_id: _Publishable(message_id, channel, error)
    fake.get_partial_messageable = lambda channel_id, guild_id=None: channel  # type: ignore[method-assign]

    for token_works in (False, True):  # a process whose token is refused, then the next
        error[:] = [] if token_works else [http_error(401, 0)]
        sender = announcer(fake, store)
        await sender.drain()
        await sender.settle()
        found = await store.outbox.find(1, "event:1")
        assert found is not None and found.publish == ("done" if token_works else "due")


@dataclass
class _KeywordRule(_Channel):
    """A channel whose AutoMod blocks any message with ``word`` in its text or embed."""

    word: str = "spoiler"

    async def send(self, notice: str | None = None, **kw: Any) -> Sent:
        said = notice if notice is not None else kw["embeds"][0].title
        if self.word in said:
            raise http_error(400, 200000)
        return await super().send(notice, **kw)


async def test_a_notice_automod_blocks_for_the_words_it_quotes_is_told_without_them(
    store: Store,
) -> None:
    """The notice of a post AutoMod blocked quotes its headline, which the same keyword rule
    blocks again: the notice was given up, and the moderators never heard. A notice AutoMod
    blocks is told again in words of the bot's own."""
    await store.guilds.update(1, channel_id=10)
    await store.outbox.enqueue(
        guild_id=1, channel_id=10, dedupe_key="story:1", message={"embed": {"title": "spoiler"}}
    )
    fake = FakeDiscord()
    fake.get_partial_messageable = lambda channel_id, guild_id=None: _KeywordRule(fake, channel_id)  # type: ignore[method-assign]
    sender = announcer(fake, store)
    assert (await sender.drain()).failed == 1
    await sender.drain()  # the notice told again
    ((channel, told),) = fake.notices
    assert channel == 10 and "AutoMod blocked" in told and "exemptions" in told


async def test_a_stop_during_the_notices_sends_no_more_of_them(store: Store) -> None:
    """A stop arriving while the drain told the moderators went on telling every guild's
    notice, on a session about to close; the rest now wait, pending, for the next start."""
    for guild in (1, 2):
        await store.guilds.update(guild, channel_id=guild * 10)
        await store.outbox.add_notice(guild, "hello", f"a notice for guild {guild}")

    async def stop_at_the_first(channel_id: int) -> None:
        sender.stop()

    fake = FakeDiscord(before_send=stop_at_the_first)
    sender = Announcer(fake, store, channel_interval=0.001)  # type: ignore[arg-type]
    await sender._send_notices()
    assert fake.notices == [(10, "a notice for guild 1")]
    async with store.db.conn.execute("SELECT guild_id, state FROM notices ORDER BY id") as cur:
        assert [tuple(row) for row in await cur.fetchall()] == [(1, "sent"), (2, "pending")]
