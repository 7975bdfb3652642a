"""Draining the outbox into Discord: paced, mention-safe, and never twice.

Every delivery is already in the store before we get here. We mark it ``sending``,
post with a nonce derived from its id (Discord returns the existing message for a
repeated nonce), then mark it ``sent``: a crash in between means "send again with
the same nonce", which Discord, and the sandbox, fold into the first post. A delivery
goes to the guild's channel and role as they are set when it is sent, not when queued.

Sends are paced twice: the whole bot at 48/s (Discord allows 50), and each channel at one a
second (Discord allows 5 per 5 s). Each guild's deliveries go out one after another, so a
channel gets them in the order queued, and a guild waiting for its channel's next slot holds
nothing the other guilds need.

When Discord refuses a guild's channel (403, 404, or 400 for a channel that no longer holds
messages), the guild is paused and its news is held, queued but not sent, until /setup channel
resumes it; news held over a day is given up. A post Discord refuses for what it says (400:
the server's AutoMod, the harmful-link filter, a body Discord does not take) is given up at once,
the guild's other posts going on; other failures are tried again, an outage's for up to a day.

A post in an Announcement channel is also published, so the servers that follow that channel
get it, within Discord's ten an hour per channel. The store keeps each publish's outcome, so a
restart resumes the publishes a stop cut short and counts the hour's quota where it stands.

In a forum (a guild that chose one with /setup channel) each delivery is a new post, named
for its news and tagged as /setup channel said (``bot.news.forum_post``). Creating a post takes
no nonce: a resend first looks for the bot's own post of that name, made since the delivery was
queued, as a channel's resend reads its history.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import Counter, deque
from collections.abc import AsyncIterator, Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

import aiohttp
import discord

from bot.news.forum import TAG_REQUIRED, notice_name, post_name
from bot.news.forum_post import ForumPoster
from bot.news.messages import is_post_of, with_role
from bot.render.text import plural, truncate
from bot.store import Store
from bot.store.guilds import GuildSettings
from bot.store.outbox import REFUSED_POST, Delivery, Notice, Post
from bot.store.rows import iso, parse_iso

log = logging.getLogger(__name__)

# Discord allows 50 requests/s per bot; leave headroom for commands and notices.
SEND_RATE_PER_S = 48.0
# Discord allows 5 messages per 5 s in a channel: evenly spaced, one a second.
CHANNEL_INTERVAL_S = 1.0
MAX_ATTEMPTS = 8
# The longest a failed send waits for its next try.
RETRY_MAX = timedelta(minutes=10)
# Discord down, or the host's network: no fault of the post, so it is tried for this long
# (from when it was queued) however many tries that takes; news older is not passed on. A
# paused guild's news is held as long, for the same reason.
OUTAGE_PATIENCE = timedelta(days=1)
# How often a drain looks for held news past that limit.
EXPIRE_EVERY = timedelta(minutes=5)
# What a paused guild's moderators are told of its news.
KEPT = "Meanwhile I keep the news for up to a day, and post it when posting resumes."
# Why a guild the bot was removed from is paused (the notice on its return quotes it).
REMOVED = "I was removed from this server"
# At most this many of a guild's deliveries in one batch (see ``drain``).
LANE = 5
# Discord publishes at most 10 posts an hour from one Announcement channel; a publish past
# that would wait out the hour inside discord.py.
PUBLISH_PER_HOUR = 10
# Discord may count a publish that the store does not (a crash between the publish and its
# record): one it holds up anyway is let go after this long.
PUBLISH_TIMEOUT_S = 10.0
# A publish a stop cut short is resumed if its post is at most this old; news older than
# that is not worth passing on.
PUBLISH_RESUME = timedelta(days=1)
# Discord's code for a message that is already published (the publish landed, its record not).
ALREADY_CROSSPOSTED = 40033
# Discord's codes (HTTP 400) for a post in a channel that holds no messages, whatever the
# post: the channel was converted (to a forum, media or category channel, say).
NOT_TEXT = frozenset({50008, 40058, 50024})
# Discord's codes (HTTP 400) for a post refused for what it says, whatever the channel: it
# refuses it again however often it is sent. AutoMod's is the moderators' own rules.
AUTOMOD = frozenset({200000, 200001})
INVALID_FORM_BODY = 50035  # a message the bot built wrong: our bug
REJECTED = {
    **dict.fromkeys(AUTOMOD, "AutoMod blocked it"),
    240000: "Discord's filter blocked a link in it as harmful",
    INVALID_FORM_BODY: "it broke Discord's rules for a message",
}
# A moderators' notice AutoMod blocked is told again in these words, quoting nothing.
AUTOMOD_BLOCKED_NOTICE = (
    "This server's AutoMod blocked a message I had for its moderators, and may block my news. "
    "To let it through, a moderator can add me (or my role) to the exemptions of its AutoMod "
    "rules (Server Settings › AutoMod)."
)
# Discord's answer to a token it no longer takes (reset, or the bot deleted): every request
# fails alike until the host sets a new one.
UNAUTHORIZED = 401
# The channel types news goes to as messages: text and Announcement channels.
POSTABLE = frozenset({discord.ChannelType.text.value, discord.ChannelType.news.value})
# The one it goes to as posts (a media channel's posts are images and videos: not news).
FORUM = discord.ChannelType.forum.value
# Per-key state of keys no longer live is forgotten once this many keys are held, then at
# twice as many as are left: amortised O(1) a use, however many channels there are.
FORGET_FROM = 64

K = TypeVar("K")
V = TypeVar("V")


def forget(held: dict[K, V], live: Callable[[V], bool], at: int) -> tuple[dict[K, V], int]:
    """``held`` without the entries no longer ``live`` once it has ``at`` keys (else as it
    is), and the size at which to forget again."""
    if len(held) < at:
        return held, at
    kept = {k: v for k, v in held.items() if live(v)}
    return kept, max(FORGET_FROM, 2 * len(kept))


def followable(channel: object) -> bool:
    """Whether ``channel`` is an Announcement channel that other servers can follow."""
    return isinstance(channel, discord.TextChannel) and channel.is_news()


def takes_posts(channel: object, *, forum: bool = False) -> bool:
    """Whether ``channel`` is of the kind the guild's news goes to: a text or Announcement
    channel, or with ``forum``, a forum. Read from its raw type: discord.py keeps a channel's
    class when Discord changes its type."""
    kind = getattr(channel, "_type", None)
    return kind == FORUM if forum else kind in POSTABLE


def is_forum(channel: object) -> bool:
    """Whether ``channel`` is a forum now (its raw type, as ``takes_posts``)."""
    return takes_posts(channel, forum=True)


@dataclass(frozen=True)
class Refusal:
    """Discord refused the guild's channel, not the post: why, and what a moderator does."""

    reason: str
    fix: str


# What a refusal's reason says of a channel no permission can mend, and the fix for it.
NO_CHANNEL = "channel not found"
NOT_A_TEXT_CHANNEL = "no longer takes messages: it is not a text channel"
NOW_A_FORUM = "no longer takes messages: it is a forum now"
NOT_A_FORUM = "takes no forum posts: it is not a forum now"
NEEDS_A_TAG = "wants a tag on each post, and has none I can apply"
CHOOSE_A_CHANNEL = "A moderator can choose a text channel with `/setup channel`."
# A moderator chose the channel as a text one: posting there as a forum waits for them to
# choose it again, so that what it needs of a forum (rights, a tag) is checked first.
CHOOSE_THE_FORUM = (
    "A moderator can run `/setup channel` with it to have news posted there as forum posts, "
    "or choose a text channel."
)
ADD_A_TAG = (
    "A moderator can add a tag anyone may apply (one named “News”, say) and run "
    "`/setup channel` again."
)


def refusal(
    exc: BaseException, channel_id: int, *, forum: bool = False, forum_now: bool = False
) -> Refusal | None:
    """Whether a failed send means the guild's channel takes no post from the bot (every
    post would fail alike, so the guild is paused), or None: the post's fault, or a passing
    one (``_retry``). ``forum``: it was a forum post; ``forum_now``: a message refused by a
    channel that is a forum now (converted since /setup channel)."""
    if not isinstance(exc, discord.HTTPException):
        return None
    fix = CHOOSE_A_CHANNEL
    if isinstance(exc, discord.Forbidden):
        what = f"missing permissions in <#{channel_id}>"
        fix = "A moderator can fix the permissions and run `/setup channel` again."
    elif isinstance(exc, discord.NotFound):
        what = f"{NO_CHANNEL} in <#{channel_id}>"
    elif exc.status == 400 and exc.code == TAG_REQUIRED and forum:
        what, fix = f"<#{channel_id}> {NEEDS_A_TAG}", ADD_A_TAG
    elif exc.status == 400 and exc.code in NOT_TEXT:
        if forum:
            what = f"<#{channel_id}> {NOT_A_FORUM}"
        elif forum_now:
            what, fix = f"<#{channel_id}> {NOW_A_FORUM}", CHOOSE_THE_FORUM
        else:
            what = f"<#{channel_id}> {NOT_A_TEXT_CHANNEL}"
    else:
        return None
    return Refusal(f"{what} (Discord {exc.status}, code {exc.code})", fix)


def rejected(exc: BaseException) -> str | None:
    """Why Discord refused the post for what it says (it would every time, so it is given up
    at once), or None: the channel's fault (``refusal``), or one that may pass (``_retry``)."""
    if not isinstance(exc, discord.HTTPException) or exc.status != 400:
        return None
    why = REJECTED.get(exc.code)
    return None if why is None else f"{REFUSED_POST}: {why} (code {exc.code})"


def unauthorized(exc: BaseException) -> bool:
    """Whether Discord refused the bot's token: no request goes through until the host
    sets a new one."""
    return isinstance(exc, discord.HTTPException) and exc.status == UNAUTHORIZED


def _automod(exc: BaseException) -> bool:
    """Whether the server's AutoMod refused the message."""
    return isinstance(exc, discord.HTTPException) and exc.status == 400 and exc.code in AUTOMOD


def _fix_after(reason: str) -> str:
    """What a moderator does about a pause, told again when the bot is back: a channel
    deleted or converted wants another, not permissions."""
    if NOW_A_FORUM in reason:
        return CHOOSE_THE_FORUM
    if NEEDS_A_TAG in reason:
        return ADD_A_TAG
    if reason.startswith(NO_CHANNEL) or NOT_A_TEXT_CHANNEL in reason or NOT_A_FORUM in reason:
        return CHOOSE_A_CHANNEL
    return "A moderator can check my permissions and run `/setup channel` again."


class Pacer:
    """Spaces calls on each key evenly at ``rate`` per second (no bursts).

    The default key paces the whole bot; a key per guild paces its channel. A key whose
    next slot has passed is free like one never seen, so such keys are forgotten as they
    pile up: a pacer over thousands of channels holds only the recently busy ones.
    """

    FORGET_FROM = FORGET_FROM

    def __init__(self, rate: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.interval = 1.0 / rate
        self._clock = clock
        self._next: dict[int | None, float] = {}
        self._forget_at = self.FORGET_FROM

    def reserve(self, key: int | None = None) -> float:
        """Claim ``key``'s next slot; returns how long to wait for it."""
        now = self._clock()
        slot = max(now, self._next.get(key, now))
        self._next[key] = slot + self.interval
        self._next, self._forget_at = forget(self._next, lambda t: t > now, self._forget_at)
        return slot - now

    def free_in(self, key: int | None = None) -> float:
        """How long until ``key``'s next slot, without claiming it."""
        return max(0.0, self._next.get(key, 0.0) - self._clock())

    async def wait(self, key: int | None = None) -> None:
        """Claim ``key``'s next slot and sleep until it."""
        delay = self.reserve(key)
        if delay > 0:
            await asyncio.sleep(delay)

    async def until_free(self, key: int | None = None) -> None:
        """Sleep until ``key``'s next slot, leaving it unclaimed."""
        delay = self.free_in(key)
        if delay > 0:
            await asyncio.sleep(delay)


class Quota:
    """At most ``count`` uses of each key in any ``window`` seconds.

    Keys unused for a window are dropped once they pile up, as the pacer does."""

    FORGET_FROM = FORGET_FROM

    def __init__(
        self, count: int, window: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.count, self.window = count, window
        self._clock = clock
        self._used: dict[int, deque[float]] = {}
        self._forget_at = self.FORGET_FROM

    def used(self, key: int, ago: float) -> None:
        """Count a use made ``ago`` seconds before now (the store's record of an earlier
        process); call in the order they were made. One recorded ahead of now (the clock
        was set back since) counts as made now, not as spending the window for the step."""
        self._used.setdefault(key, deque()).append(self._clock() - max(0.0, ago))

    def take(self, key: int) -> bool:
        """Use ``key`` once if it has a use left in the window; False if it has none."""
        now = self._clock()
        since = now - self.window
        used = self._used.setdefault(key, deque())
        while used and used[0] <= since:
            used.popleft()
        if len(used) >= self.count:
            return False
        used.append(now)
        self._used, self._forget_at = forget(
            self._used, lambda u: bool(u) and u[-1] > since, self._forget_at
        )
        return True

    def give_back(self, key: int) -> None:
        """Undo ``key``'s latest ``take``: the use it stood for was not made."""
        if used := self._used.get(key):
            used.pop()


class GuildGate:
    """Per guild, one thing at a time: a post being sent (claimed, the guild's settings read,
    sent, recorded) or a moderator's change of where and how its posts go. A change waits for
    the send in flight, so once its command answers nothing lands in a channel it moved away
    from, pings a role it cleared, or tells what it withdrew; a send after it reads it.

    Holds a lock only for the guilds in one of those now (at most the drain's concurrency
    and the commands running), dropped once the last holder or waiter is done."""

    def __init__(self) -> None:
        self._held: dict[int, tuple[asyncio.Lock, int]] = {}

    def busy(self, guild_id: int) -> bool:
        """Whether something holds, or waits for, the guild's turn."""
        return guild_id in self._held

    @contextlib.asynccontextmanager
    async def hold(self, guild_id: int) -> AsyncIterator[None]:
        lock, users = self._held.get(guild_id, (None, 0))
        lock = lock or asyncio.Lock()
        self._held[guild_id] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            users = self._held[guild_id][1] - 1
            if users:
                self._held[guild_id] = (lock, users)
            else:
                del self._held[guild_id]


def by_guild(deliveries: Iterable[Delivery]) -> list[list[Delivery]]:
    """One lane per guild, each in queue order; guilds in order of their first delivery."""
    lanes: dict[int, list[Delivery]] = {}
    for delivery in deliveries:
        lanes.setdefault(delivery.guild_id, []).append(delivery)
    return list(lanes.values())


def outage(exc: BaseException) -> bool:
    """Whether a failed send is Discord's trouble, the network's or the bot's token's (it
    ends), not the post's (a request Discord will refuse however often it is sent)."""
    if isinstance(exc, discord.HTTPException):
        return exc.status >= 500 or exc.status in (UNAUTHORIZED, 429)
    return isinstance(exc, (TimeoutError, aiohttp.ClientError))


def gave_up(errors: Counter[str], how: str) -> str:
    """A drain's one line for the posts it gave up ``how``, by their most common error."""
    (error, _), *others = errors.most_common()
    many = f" ({len(others) + 1} different errors, the most common)" if others else ""
    return f"outbox: gave up {plural(errors.total(), 'post')}{how}{many}: {error}"


def allowed_mentions(message: dict[str, Any]) -> discord.AllowedMentions:
    """Only the guild's configured role may ever be pinged; never everyone, here or users."""
    role_id = message.get("role_id")
    roles: list[discord.Object] | bool = [discord.Object(id=int(role_id))] if role_id else False
    return discord.AllowedMentions(everyone=False, users=False, roles=roles, replied_user=False)


def _embeds(message: dict[str, Any]) -> list[discord.Embed]:
    embed = message.get("embed")
    return [discord.Embed.from_dict(embed)] if embed else []


@dataclass
class DrainReport:
    sent: int = 0
    retried: int = 0
    failed: int = 0
    held: int = 0  # put back for a paused guild
    given_up: Counter[str] = field(default_factory=Counter)  # by error (counted in failed)
    rejected: Counter[str] = field(default_factory=Counter)  # given up at once, by reason
    disabled_guilds: set[int] = field(default_factory=set)
    unauthorized: bool = False  # Discord refused the bot's token: the drain stopped
    # A lane raised (the store's trouble: a full disk): the others claim no more, as a post
    # sent now might go unrecorded too, and be found (or, without the history, sent) again.
    halted: bool = False


class Announcer:
    def __init__(
        self,
        client: discord.Client,
        store: Store,
        *,
        rate: float = SEND_RATE_PER_S,
        channel_interval: float = CHANNEL_INTERVAL_S,
        concurrency: int = 16,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.client = client
        self.store = store
        self.pacer = Pacer(rate)
        self.forum = ForumPoster(client, store, self.pacer)
        self.channel_pacer = Pacer(1.0 / channel_interval)
        self.gate = GuildGate()
        self.publishes = Quota(PUBLISH_PER_HOUR, 3600.0)
        self._publishing: dict[int, asyncio.Task[None]] = {}  # by delivery id
        self._counted = self._resumed = False  # what a process's first drain does, once
        self._slots = asyncio.Semaphore(concurrency)
        self._now = now
        self._lock = asyncio.Lock()
        self._expired_at: datetime | None = None
        self._stopping = False  # the client is closing: no more claims (``stop``)

    async def drain(self, batch: int = 200) -> DrainReport:
        """Send everything due; one drain at a time so no delivery is sent by two tasks."""
        report = DrainReport()
        async with self._lock:
            if not self._counted:
                await self._count_publishes()
                self._counted = True
            # A few of each guild's deliveries a batch: a batch lasts as long as its longest
            # lane (one post a second per channel), so one guild's backlog is spread over
            # batches instead of holding up the guilds queued after it.
            while not (report.unauthorized or self._stopping) and (
                deliveries := await self._due(batch)
            ):
                lanes = by_guild(d for d in deliveries if d.guild_id not in report.disabled_guilds)
                if not lanes:
                    break
                # All lanes at once: while a guild's next post waits for its channel, the
                # other guilds' posts take the bot's slots, so a batch interleaves by guild.
                # A lane that fails (a store error) ends the drain only once the others are
                # done: a lane still running past the lock would race the next drain.
                outcomes = await asyncio.gather(
                    *(self._send_lane(lane, report) for lane in lanes), return_exceptions=True
                )
                if failure := next((o for o in outcomes if isinstance(o, BaseException)), None):
                    raise failure
            if self._stopping:
                return report  # its sends under way are recorded; the next start does the rest
            if not self._resumed:  # after the batch: it writes, which waits for any ingest
                await self._resume_publishes()
                self._resumed = True
            if not report.unauthorized:
                await self._send_notices()
            await self._expire_held()
        if report.sent or report.failed or report.retried or report.held:
            log.info(
                "outbox: %d sent, %d retried later, %d failed, %d held for paused servers",
                report.sent,
                report.retried,
                report.failed,
                report.held,
            )
        # One line a drain: a day-long outage gives up a post per guild at once.
        if report.given_up:
            log.warning("%s", gave_up(report.given_up, ", retried too long"))
        if report.rejected:
            log.warning("%s", gave_up(report.rejected, " at once"))
        if report.unauthorized:
            log.warning(
                "outbox: Discord refused the bot's token (HTTP 401): sending stopped; the "
                "news waits, up to a day, for a token Discord takes (DISCORD_TOKEN)"
            )
        return report

    async def _due(self, batch: int) -> list[Delivery]:
        # A retry put off further than any is was put off on a clock since set back: due now,
        # not once the clock has caught up.
        now = self._now()
        return await self.store.outbox.due(now, batch, per_guild=LANE, planned_by=now + RETRY_MAX)

    async def _expire_held(self) -> None:
        """A guild that stays paused does not hold news forever. One statement, at most every
        few minutes: it writes, so it waits for any ingest, and a day's limit needs no more."""
        now = self._now()
        # A last look ahead of now was made on a clock since set back: look now, not once
        # the clock has caught up with it.
        if self._expired_at is None or not timedelta(0) <= now - self._expired_at < EXPIRE_EVERY:
            await self.store.outbox.expire_held(now - OUTAGE_PATIENCE)
            self._expired_at = now

    async def _send_lane(self, lane: list[Delivery], report: DrainReport) -> None:
        """One guild's deliveries, one after another: two posts to a channel in flight at
        once could arrive in either order."""
        for delivery in lane:
            if report.halted:
                return
            try:
                await self._send(delivery, report)
            except BaseException:
                report.halted = True
                raise

    @contextlib.asynccontextmanager
    async def turn(self, guild_id: int) -> AsyncIterator[None]:
        """Room to post for a guild now: its channel's next slot, a concurrency slot, the
        bot's slot. Keyed by guild, as a guild posts to one channel (its status card's edits,
        ``bot.news.cards``, take the same turns); taken before a delivery is claimed, so the
        settings read after it are those of the moment of sending."""
        # Waiting for the channel first, holding neither of the bot's slots, means a busy
        # channel never stalls the others.
        await self.channel_pacer.until_free(guild_id)
        async with self._slots:
            await self.pacer.wait()
            # Claimed only now, so the channel's spacing runs from this very send however
            # long the wait for the bot's slot was. One sender per guild at a time (its
            # lane, then the notices) means the slot is still free: no wait here.
            await self.channel_pacer.wait(guild_id)
            yield

    async def _send(self, queued: Delivery, report: DrainReport) -> None:
        async with self.turn(queued.guild_id), self.gate.hold(queued.guild_id):
            # Discord refused the token meanwhile: every post would fail alike, and each 401
            # counts toward Discord's ban of an address for too many invalid requests. Or the
            # client is closing: its session would refuse the post, claimed, left unrecorded.
            if not (report.unauthorized or report.halted or self._stopping):
                await self._post(queued, report)

    async def _post(self, queued: Delivery, report: DrainReport) -> None:
        delivery = await self.store.outbox.mark_sending(queued.id)
        if delivery is None:
            return  # rolled back after ``due`` saw it, or held since (its guild refused us)
        # The guild's settings now, not as queued: /setup may have moved the channel or
        # changed the role.
        settings = await self.store.guilds.get(delivery.guild_id)
        if settings.channel_id is None:
            await self._drop(delivery, report)
            return
        if settings.disabled_reason is not None:  # paused since the claim: held with the rest
            await self.store.outbox.hold(delivery.id, settings.disabled_reason[:300])
            report.held += 1
            return
        message = with_role(delivery.message, self._live_role(delivery.guild_id, settings.role_id))
        if settings.forum:
            await self._post_in_forum(delivery, settings, message, report)
            return
        channel = self.client.get_partial_messageable(
            settings.channel_id, guild_id=delivery.guild_id
        )
        post = None
        if delivery.attempts > 1:
            # The crash may have fallen between the post and its record, so before its thread
            # and its publishing too: a post found is taken up from there, like a new one.
            post = await self._posted_before(channel, delivery)
        if post is None:
            try:
                post = await channel.send(
                    content=message.get("content") or None,
                    embeds=_embeds(message),
                    allowed_mentions=allowed_mentions(message),
                    nonce=f"kb{delivery.id}",
                )
            except (TimeoutError, discord.HTTPException, aiohttp.ClientError) as exc:
                forum_now = is_forum(self.client.get_channel(settings.channel_id))
                await self._failed(delivery, settings, exc, report, forum_now=forum_now)
                return
        publish = None
        if self._followable(settings.channel_id):
            publish = "done" if post.flags.crossposted else "due"
        await self._sent(delivery, settings.channel_id, post, publish, report)
        if message.get("thread_name") and post.thread is None:
            await self._open_thread(post, str(message["thread_name"]))

    async def _failed(
        self,
        delivery: Delivery,
        settings: GuildSettings,
        exc: BaseException,
        report: DrainReport,
        *,
        forum_now: bool = False,
    ) -> None:
        """A send Discord (or the network) refused: the guild paused, the post given up, or
        tried again, as the failure says."""
        assert settings.channel_id is not None
        if refused := refusal(exc, settings.channel_id, forum=settings.forum, forum_now=forum_now):
            await self._refused(delivery, settings.channel_id, refused, report)
        elif reason := rejected(exc):
            assert isinstance(exc, discord.HTTPException)  # as ``rejected`` found
            await self._rejected(delivery, exc, reason, report)
        else:
            await self._retry(delivery, exc, report)

    async def _post_in_forum(
        self,
        delivery: Delivery,
        settings: GuildSettings,
        message: dict[str, Any],
        report: DrainReport,
    ) -> None:
        """The delivery as a new post in the guild's forum: no thread to open (it is one), no
        publishing (a forum is never followed)."""
        assert settings.channel_id is not None
        name = post_name(message)
        post_id = None
        if delivery.attempts > 1:
            post_id = await self.forum.post_before(settings.channel_id, delivery, name)
        if post_id is None:
            try:
                post_id = await self.forum.start(
                    settings,
                    name,
                    content=message.get("content") or None,
                    embeds=_embeds(message),
                    allowed_mentions=allowed_mentions(message),
                )
            except (TimeoutError, discord.HTTPException, aiohttp.ClientError) as exc:
                await self._failed(delivery, settings, exc, report)
                return
        post = self.client.get_partial_messageable(
            post_id, guild_id=delivery.guild_id
        ).get_partial_message(post_id)
        await self._sent(delivery, settings.channel_id, post, None, report)

    async def _sent(
        self,
        delivery: Delivery,
        channel_id: int,
        post: discord.Message | discord.PartialMessage,
        publish: str | None,
        report: DrainReport,
    ) -> None:
        """Record the post, where it went and whether it is to be published, before
        publishing it."""
        await self.store.outbox.mark_sent(
            delivery.id, post.id, self._now(), channel_id=channel_id, publish=publish
        )
        report.sent += 1
        if publish == "due":
            self._publish_later(delivery.id, post)

    async def _posted_before(
        self, channel: discord.PartialMessageable, delivery: Delivery
    ) -> discord.Message | None:
        """The post of an earlier attempt at this delivery, if the channel shows one.

        A resend carries the first attempt's nonce, but Discord folds a repeated nonce only
        for a few minutes; after a long outage, or a crash between the post and ``mark_sent``,
        look for the post itself: ours, made since it was queued, with the same text.
        """
        me = self.client.user
        queued = parse_iso(delivery.created_at)
        if me is None or queued is None:
            return None
        # A minute's margin: the host's clock and Discord's may disagree a little.
        since = discord.Object(discord.utils.time_snowflake(queued - timedelta(minutes=1)))
        try:
            await self.pacer.wait()
            async for old in channel.history(limit=50, after=since, oldest_first=True):
                if (
                    old.author.id == me.id
                    and is_post_of(old, delivery.message)
                    # another delivery's post in the same words (two outlets' one headline)
                    and not await self.store.outbox.recorded(
                        delivery.guild_id, old.id, besides=delivery.id
                    )
                ):
                    return old
        except (TimeoutError, discord.HTTPException, aiohttp.ClientError) as exc:
            # No history to read (an outage): the nonce is all we have. Without Read Message
            # History Discord answers an empty page instead, so the nonce is all there too
            # (/setup channel warns of that permission).
            log.info("delivery %d: could not look for an earlier post: %s", delivery.id, exc)
        return None

    async def _drop(self, delivery: Delivery, report: DrainReport) -> None:
        """The guild has no destination any more (/setup reset): record why this was not sent."""
        await self.store.outbox.fail(delivery.id, "not sent: no announcement channel is set")
        report.failed += 1

    async def _refused(
        self, delivery: Delivery, channel_id: int, refused: Refusal, report: DrainReport
    ) -> None:
        reason = refused.reason
        now = self._now()
        if await self.store.guilds.disable(delivery.guild_id, channel_id, reason, iso(now)):
            await self._lose_destination(delivery.guild_id, channel_id, refused, iso(now))
            report.disabled_guilds.add(delivery.guild_id)
        elif (await self.store.guilds.get(delivery.guild_id)).announces:
            # /setup moved the channel while this was in flight: send it there instead.
            await self.store.outbox.retry_later(delivery.id, reason, now)
            report.retried += 1
            return
        # Paused (now, or already by another post): the post waits with the guild's other
        # news for /setup channel, for up to a day.
        await self.store.outbox.hold(delivery.id, reason)
        report.held += 1

    async def _rejected(
        self, delivery: Delivery, exc: discord.HTTPException, reason: str, report: DrainReport
    ) -> None:
        """Discord refused the post for what it says, and would every time: given up at once,
        the guild not paused (its other posts may pass)."""
        await self.store.outbox.fail(delivery.id, reason)
        report.failed += 1
        report.rejected[reason] += 1
        if exc.code == INVALID_FORM_BODY:
            # A message the bot built wrong: the host's to hear of, with Discord's details.
            log.warning("delivery %d: Discord refused the message I built: %s", delivery.id, exc)
        else:
            log.info("delivery %d given up: %s", delivery.id, reason)  # the drain sums them up
        if _automod(exc):
            await self._blocked(delivery)

    async def _blocked(self, delivery: Delivery) -> None:
        """The server's AutoMod blocked a post: its moderators' own rules, so they are told,
        at most once a day (each post blocked would be one notice too many)."""
        embed = delivery.message.get("embed") or {}
        # The article's headline (made inert when the post was built), or the post's title.
        headline = truncate(str(embed.get("description") or embed.get("title") or ""), 200)
        await self.store.outbox.add_notice(
            delivery.guild_id,
            f"automod:{self._now().date().isoformat()}",
            f"This server's AutoMod blocked my post of “{headline}”, so it was not posted; "
            "other news still is. To let my news through, a moderator can add me (or my role) "
            "to the exemptions of the AutoMod rule that blocked it (Server Settings › AutoMod).",
        )

    async def _retry(self, delivery: Delivery, exc: BaseException, report: DrainReport) -> None:
        error = f"{type(exc).__name__}: {exc}"[:300]
        now = self._now()
        report.unauthorized |= unauthorized(exc)
        if outage(exc):
            queued = parse_iso(delivery.created_at)
            give_up = queued is not None and now - queued > OUTAGE_PATIENCE
        else:
            give_up = delivery.attempts + 1 >= MAX_ATTEMPTS
        if give_up:
            await self.store.outbox.fail(delivery.id, error)
            log.info(  # the drain sums them up in one WARNING
                "delivery %d gave up after %d attempts: %s", delivery.id, delivery.attempts, error
            )
            report.failed += 1
            report.given_up[error] += 1
            return
        delay = min(RETRY_MAX, timedelta(seconds=5 * 2 ** min(delivery.attempts, 7)))
        await self.store.outbox.retry_later(delivery.id, error, now + delay)
        report.retried += 1

    async def _lose_destination(
        self, guild_id: int, channel_id: int, refused: Refusal, at: str
    ) -> None:
        """Discord refused the guild's channel (now paused, its news held): tell it once."""
        log.warning("guild %d: pausing announcements: %s", guild_id, refused.reason)
        # Keyed by the moment it broke: told once per breakage, again if it breaks again later.
        await self.store.outbox.add_notice(
            guild_id,
            f"destination:{channel_id}:{at}",
            f"I stopped posting news here: {refused.reason}. {KEPT} {refused.fix}",
        )

    async def resume(self, settings: GuildSettings) -> tuple[int, int]:
        """Before /setup channel resumes a paused guild: give up its news held over a day,
        and say (posts it will now send, posts given up in this pause as too old)."""
        await self.store.outbox.expire_held(self._now() - OUTAGE_PATIENCE, settings.guild_id)
        return await self.store.outbox.release(settings.guild_id, settings.disabled_at)

    async def rejoined(self, guild_id: int) -> None:
        """The bot is back in a guild whose posting a refusal paused: refused because the bot
        was away, likely, and then the notice had nowhere to go. Its moderators hear it now."""
        settings = await self.store.guilds.get(guild_id)
        if settings.channel_id is None or settings.disabled_reason is None:
            return
        await self.store.outbox.add_notice(
            guild_id,
            f"rejoined:{settings.channel_id}:{settings.disabled_at}",
            f"Posting news here is still paused: {settings.disabled_reason}. {KEPT} "
            + _fix_after(settings.disabled_reason),
        )

    async def _open_thread(self, message: discord.Message, name: str) -> None:
        try:
            await message.create_thread(name=name[:100])
        # ValueError: discord.py refuses before asking Discord when the guild is not in its
        # cache (a guild still loading after a start); the post stands without its thread.
        except (discord.HTTPException, aiohttp.ClientError, ValueError) as exc:
            log.info("could not open a thread on %d: %s", message.id, exc)

    def _followable(self, channel_id: int) -> bool:
        return followable(self.client.get_channel(channel_id))

    def _publish_later(
        self, delivery_id: int, message: discord.Message | discord.PartialMessage
    ) -> None:
        """Publish off the guild's lane: discord.py holds a publish that used the hour's last
        slot until the hour is up, and the lane's next post must not wait for that. Not once
        the client is closing: the post landed during ``finish`` would be published on a
        closed session; recorded as due, the next process's first drain publishes it."""
        if self._stopping or delivery_id in self._publishing:
            return
        task = asyncio.create_task(self._publish(delivery_id, message))
        self._publishing[delivery_id] = task
        task.add_done_callback(lambda _: self._publishing.pop(delivery_id, None))

    async def _publish(
        self, delivery_id: int, message: discord.Message | discord.PartialMessage
    ) -> None:
        """Pass the post on to the servers that follow its channel, and record how that went.
        Past the hour's quota, or if Discord refuses, it stays a post in this server only."""
        outcome = await self._try_publish(message)
        await self.store.outbox.mark_published(delivery_id, outcome, self._now())

    async def _try_publish(self, message: discord.Message | discord.PartialMessage) -> str:
        channel_id = message.channel.id
        if not self.publishes.take(channel_id):
            log.info("not publishing %d: the channel's publishes this hour are used", message.id)
            return "skipped"
        outcome = "due"  # cut short (a stop): not made
        try:
            outcome = await self._publish_once(message)
        finally:
            # Discord counts the publishes it made, so a refused or cut-short one keeps no
            # slot of the hour. One Discord held up (a timeout) stays counted: its hour is
            # used, and the next would only wait as long.
            if outcome in ("due", "failed"):
                self.publishes.give_back(channel_id)
        return outcome

    async def _publish_once(self, message: discord.Message | discord.PartialMessage) -> str:
        try:
            await self.pacer.wait()
            await asyncio.wait_for(message.publish(), PUBLISH_TIMEOUT_S)
        except TimeoutError:
            log.info("publish of %d unconfirmed after %.0f s", message.id, PUBLISH_TIMEOUT_S)
            return "skipped"  # Discord is waiting out the channel's hour
        except (discord.HTTPException, aiohttp.ClientError) as exc:
            if isinstance(exc, discord.HTTPException) and exc.code == ALREADY_CROSSPOSTED:
                return "done"
            if unauthorized(exc):
                # The token's fault, not the post's: still due, for the process a new one starts.
                log.info("publish of %d waits for a token Discord takes: %s", message.id, exc)
                return "due"
            log.info("could not publish %d: %s", message.id, exc)
            return "failed"
        return "done"

    async def _count_publishes(self) -> None:
        """Before a process's first post: the hour's publishes the store records count
        against each channel's quota, as Discord counts them."""
        now = self._now()
        for channel_id, at in await self.store.outbox.published_since(now - timedelta(hours=1)):
            self.publishes.used(channel_id, (now - at).total_seconds())

    async def _resume_publishes(self) -> None:
        """The publishes an earlier process's stop cut short."""
        for post in await self.store.outbox.publishes_due(self._now() - PUBLISH_RESUME):
            self._publish_later(post.delivery_id, self._message(post))

    def _message(self, post: Post) -> discord.PartialMessage:
        channel = self.client.get_partial_messageable(post.channel_id, guild_id=post.guild_id)
        return channel.get_partial_message(post.message_id)

    async def settle(self) -> None:
        """Wait for the publishes under way (each gives up after ``PUBLISH_TIMEOUT_S``)."""
        await asyncio.gather(*self._publishing.values(), return_exceptions=True)

    def stop(self) -> None:
        """The client is closing: claim no more posts (see ``finish``), and drop the
        publishes under way (the next process's first drain resumes them)."""
        self._stopping = True
        for task in self._publishing.values():
            task.cancel()

    async def finish(self, within: float) -> None:
        """After ``stop``: wait, up to ``within`` seconds, for the drain under way to end,
        its sends under way landed and recorded before the client closes their session. Cut
        off, a post's record is left to the next start, which looks for it in the channel
        (or, without Read Message History, sends it again with its nonce)."""
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(within), self._lock:
                pass

    def _live_role(self, guild_id: int, role_id: int | None) -> int | None:
        """The ping role, unless the guild as cached no longer has it: a ping to a deleted
        role reaches no one and shows fans "@deleted-role" on every post."""
        if role_id is None:
            return None
        guild = self.client.get_guild(guild_id)
        if guild is None or guild.unavailable:
            return role_id  # its roles aren't known here: trust the setting
        return role_id if guild.get_role(role_id) is not None else None

    async def _send_notices(self) -> None:
        for notice in await self.store.outbox.pending_notices():
            if self._stopping:
                return  # the session is about to close: pending, for the next start
            guild = self.client.get_guild(notice.guild_id)
            if guild is not None and guild.unavailable:
                continue  # a Discord outage, or a new session still loading: a later drain
            sent = False
            if (await self._notice_channel(notice.guild_id))[0] is not None:
                try:
                    async with self.turn(notice.guild_id), self.gate.hold(notice.guild_id):
                        sent = await self._send_notice(notice)
                except (TimeoutError, discord.HTTPException, aiohttp.ClientError) as exc:
                    if outage(exc):
                        # Discord's trouble or the token's, not the channel's: it stays pending.
                        log.info("notice %d to guild %d later: %s", notice.id, notice.guild_id, exc)
                        if unauthorized(exc):
                            return  # the others would fail alike
                        continue
                    log.info("notice %d to guild %d failed: %s", notice.id, notice.guild_id, exc)
                    if _automod(exc) and notice.text != AUTOMOD_BLOCKED_NOTICE:
                        # The words it quotes (a post AutoMod blocked) tripped the same rule.
                        await self.store.outbox.add_notice(
                            notice.guild_id, f"{notice.dedupe_key}:plain", AUTOMOD_BLOCKED_NOTICE
                        )
            await self.store.outbox.finish_notice(notice.id, sent=sent)

    async def _send_notice(self, notice: Notice) -> bool:
        """Send one notice where the guild's settings say now (read under its gate: /setup
        channel may have moved it since the notices were listed); False if nowhere."""
        channel_id, forum = await self._notice_channel(notice.guild_id)
        if channel_id is None:
            return False
        quiet = discord.AllowedMentions.none()
        if forum is not None:
            # A post of its own, named for the moderators, among the news.
            await self.forum.start(
                forum,
                notice_name(notice.text),
                content=notice.text,
                embeds=[],
                allowed_mentions=quiet,
            )
            return True
        # As a delivery's: a notice whose record the store refused (its trouble) is sent again
        # by the next drain, and Discord folds that into this one. "kbn": the notices' ids are
        # a count of their own.
        channel = self.client.get_partial_messageable(channel_id, guild_id=notice.guild_id)
        await channel.send(notice.text, allowed_mentions=quiet, nonce=f"kbn{notice.id}")
        return True

    async def _notice_channel(self, guild_id: int) -> tuple[int | None, GuildSettings | None]:
        """The announcement channel if it still works, else the guild's system channel; and
        the guild's settings when that channel is its forum (a notice is a post there)."""
        settings = await self.store.guilds.get(guild_id)
        if settings.channel_id is not None and settings.disabled_reason is None:
            return settings.channel_id, settings if settings.forum else None
        guild = self.client.get_guild(guild_id)
        system = guild.system_channel if guild is not None else None
        if system is not None and system.id != settings.channel_id:
            return system.id, None
        return None, None
