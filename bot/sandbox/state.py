"""The sandbox's world: users, guilds, roles, channels, members and messages.

Objects are small slotted dataclasses; wire payloads are built on demand, so a world with
a thousand guilds costs a few megabytes and builds in well under a second.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from bot.sandbox import perms
from bot.sandbox.perms import Overwrite

DISCORD_EPOCH_MS = 1_420_070_400_000
# Fixed creation time for the seeded world, so ids are the same on every run.
_WORLD_MS = 1_704_067_200_000 - DISCORD_EPOCH_MS  # 2024-01-01T00:00:00Z
_JOINED_AT = "2024-01-01T00:00:00.000000+00:00"

TEXT, DM, VOICE, GROUP_DM, CATEGORY, NEWS, NEWS_THREAD, PUBLIC_THREAD = 0, 1, 2, 3, 4, 5, 10, 11
STAGE, FORUM, MEDIA = 13, 15, 16
THREADS = frozenset({NEWS_THREAD, PUBLIC_THREAD, 12})
# Channels that hold only threads (posts), each started with a message of its own.
FORUMS = frozenset({FORUM, MEDIA})
REQUIRE_TAG = 1 << 4  # a forum's flag: every post must carry one of its tags
# Channels that hold messages (voice and stage ones have a text chat); a post in any other
# (a category, forum or media channel) is refused with 50008.
MESSAGEABLE = frozenset({TEXT, DM, VOICE, GROUP_DM, NEWS, STAGE}) | THREADS
Json = dict[str, Any]


class Snowflakes:
    """Snowflake ids: deterministic for the seeded world, time-based afterwards."""

    def __init__(self) -> None:
        self._seeded = 0
        self._runtime = 0
        self._last = 0

    def seeded(self) -> int:
        self._seeded += 1
        return (_WORLD_MS << 22) + self._seeded

    def now(self) -> int:
        self._runtime = (self._runtime + 1) & 0xFFF
        value = ((int(time.time() * 1000) - DISCORD_EPOCH_MS) << 22) | self._runtime
        self._last = max(value, self._last + 1)
        return self._last


def iso_now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S.000000+00:00", time.gmtime())


@dataclass(slots=True)
class User:
    id: int
    username: str
    bot: bool = False

    def payload(self) -> Json:
        return {
            "id": str(self.id),
            "username": self.username,
            "global_name": None if self.bot else self.username.title(),
            "discriminator": "0",
            "avatar": None,
            "bot": self.bot,
            "public_flags": 0,
        }


@dataclass(slots=True)
class Role:
    id: int
    name: str
    permissions: int
    position: int
    managed: bool = False
    mentionable: bool = False
    bot_id: int | None = None

    def payload(self) -> Json:
        data: Json = {
            "id": str(self.id),
            "name": self.name,
            "color": 0,
            "hoist": False,
            "icon": None,
            "unicode_emoji": None,
            "position": self.position,
            "permissions": str(self.permissions),
            "managed": self.managed,
            "mentionable": self.mentionable,
            "flags": 0,
        }
        if self.bot_id is not None:
            data["tags"] = {"bot_id": str(self.bot_id)}
        return data


@dataclass(slots=True)
class Member:
    user: User
    role_ids: list[int]

    def payload(self) -> Json:
        return {
            "user": self.user.payload(),
            "roles": [str(r) for r in self.role_ids],
            "joined_at": _JOINED_AT,
            "nick": None,
            "avatar": None,
            "deaf": False,
            "mute": False,
            "flags": 0,
            "pending": False,
        }


@dataclass(slots=True)
class Message:
    """A stored message plus who it really pinged (for "no ping" assertions)."""

    raw: Json
    pinged_everyone: bool = False
    pinged_roles: tuple[int, ...] = ()
    pinged_users: tuple[int, ...] = ()
    deleted: bool = False
    crossposted: bool = False
    created_at: float = field(default_factory=time.time)

    @property
    def id(self) -> int:
        return int(self.raw["id"])

    @property
    def channel_id(self) -> int:
        return int(self.raw["channel_id"])

    @property
    def author_id(self) -> int:
        return int(self.raw["author"]["id"])

    @property
    def content(self) -> str:
        return str(self.raw.get("content", ""))

    @property
    def embeds(self) -> list[Json]:
        return list(self.raw.get("embeds", []))

    @property
    def flags(self) -> int:
        return int(self.raw.get("flags", 0))


@dataclass(slots=True)
class Channel:
    id: int
    type: int
    name: str
    position: int = 0
    guild_id: int | None = None
    parent_id: int | None = None
    topic: str | None = None
    overwrites: list[Overwrite] = field(default_factory=list)
    recipient: User | None = None
    group: tuple[User, ...] = ()  # a group DM's members (the bot is never one)
    owner_id: int | None = None
    messages: list[Message] = field(default_factory=list)
    deleted: bool = False
    changed: asyncio.Event | None = None
    flags: int = 0
    # A forum's tags ({"id", "name", "moderated", "emoji_id", "emoji_name"}); a post's
    # applied ones (ids).
    tags: list[Json] = field(default_factory=list)
    applied_tags: list[int] = field(default_factory=list)
    archived: bool = False  # a thread (a forum post) archived: listed no more as active

    def notify(self) -> None:
        if self.changed is not None:
            self.changed.set()

    def payload(self) -> Json:
        data: Json = {"id": str(self.id), "type": self.type}
        last = self.messages[-1].raw["id"] if self.messages else None
        if self.type == DM:
            assert self.recipient is not None
            data.update(last_message_id=last, recipients=[self.recipient.payload()], flags=0)
            return data
        if self.type == GROUP_DM:
            data.update(
                last_message_id=last,
                recipients=[u.payload() for u in self.group],
                name=self.name or None,
                icon=None,
                owner_id=str(self.owner_id),
                flags=0,
            )
            return data
        data.update(
            guild_id=str(self.guild_id),
            name=self.name,
            position=self.position,
            parent_id=str(self.parent_id) if self.parent_id else None,
            flags=self.flags,
            last_message_id=last,
        )
        if self.type in FORUMS:
            data.update(available_tags=self.tags, default_auto_archive_duration=1440)
        if self.type in THREADS:
            data.update(
                owner_id=str(self.owner_id),
                message_count=len(self.messages),
                total_message_sent=len(self.messages),
                member_count=1,
                thread_metadata={
                    "archived": self.archived,
                    "auto_archive_duration": 1440,
                    "archive_timestamp": _JOINED_AT,
                    "locked": False,
                },
                applied_tags=[str(t) for t in self.applied_tags],
            )
        else:
            data.update(
                topic=self.topic,
                nsfw=False,
                rate_limit_per_user=0,
                permission_overwrites=[ow.payload() for ow in self.overwrites],
            )
        return data


@dataclass(slots=True)
class Guild:
    id: int
    name: str
    owner_id: int
    bot_role_id: int
    roles: dict[int, Role] = field(default_factory=dict)
    channels: dict[int, Channel] = field(default_factory=dict)
    members: dict[int, Member] = field(default_factory=dict)
    # A Discord outage: READY lists the guild as unavailable and no GUILD_CREATE follows.
    unavailable: bool = False
    scheduled_events: dict[int, Json] = field(default_factory=dict)  # by id, live ones

    def channel_named(self, name: str) -> Channel:
        for channel in self.channels.values():
            if channel.name == name.lstrip("#") and not channel.deleted:
                return channel
        raise KeyError(f"guild {self.id} has no channel #{name}")

    def role_named(self, name: str) -> Role:
        for role in self.roles.values():
            if role.name == name.lstrip("@"):
                return role
        raise KeyError(f"guild {self.id} has no role @{name}")

    def top_position(self, user_id: int) -> int:
        member = self.members[user_id]
        return max((self.roles[r].position for r in member.role_ids), default=0)

    def guild_permissions(self, user_id: int) -> int:
        member = self.members.get(user_id)
        role_ids = member.role_ids if member else []
        return perms.base_permissions(
            everyone=self.roles[self.id].permissions,
            role_perms=(self.roles[r].permissions for r in role_ids if r in self.roles),
            is_owner=user_id == self.owner_id,
        )

    def permissions_in(self, user_id: int, channel: Channel) -> int:
        # Threads take their permissions from the parent channel.
        if channel.type in THREADS and channel.parent_id in self.channels:
            channel = self.channels[channel.parent_id]
        member = self.members.get(user_id)
        return perms.channel_permissions(
            self.guild_permissions(user_id),
            channel.overwrites,
            guild_id=self.id,
            member_id=user_id,
            role_ids=member.role_ids if member else [],
        )

    def live_channels(self) -> Iterator[Channel]:
        return (c for c in self.channels.values() if not c.deleted and c.type not in THREADS)

    def payload(self) -> Json:
        """The GUILD_CREATE body."""
        threads = [c for c in self.channels.values() if c.type in THREADS and not c.deleted]
        return {
            "id": str(self.id),
            "name": self.name,
            "icon": None,
            "splash": None,
            "discovery_splash": None,
            "banner": None,
            "description": None,
            "owner_id": str(self.owner_id),
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 1,
            "default_message_notifications": 1,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "preferred_locale": "en-US",
            "system_channel_id": None,
            "rules_channel_id": None,
            "public_updates_channel_id": None,
            "features": ["NEWS", "COMMUNITY"],
            "nsfw_level": 0,
            "large": False,
            "unavailable": False,
            "member_count": len(self.members),
            "joined_at": _JOINED_AT,
            "roles": [r.payload() for r in self.roles.values()],
            "emojis": [],
            "stickers": [],
            "channels": [c.payload() for c in self.live_channels()],
            "threads": [t.payload() for t in threads],
            "members": [m.payload() for m in self.members.values()],
            "voice_states": [],
            "presences": [],
            "stage_instances": [],
            "guild_scheduled_events": list(self.scheduled_events.values()),
            "soundboard_sounds": [],
        }


@dataclass(slots=True)
class GuildIds:
    """Ids a test needs to address one guild."""

    id: int
    name: str
    channels: dict[str, int]
    roles: dict[str, int]
    admin_id: int
    member_id: int
    owner_id: int
    bot_role_id: int

    def channel(self, name: str) -> int:
        return self.channels[name.lstrip("#")]

    def role(self, name: str) -> int:
        return self.roles[name.lstrip("@")]


@dataclass(slots=True)
class WorldOptions:
    guilds: int = 3
    news_channel: bool = True
    bot_permissions: int = perms.BOT_DEFAULT
    everyone_permissions: int = perms.EVERYONE_DEFAULT


class World:
    """Everything the server knows, shared by REST, gateway and driver."""

    def __init__(self, options: WorldOptions, *, token: str = "sandbox-bot-token") -> None:
        self.ids = Snowflakes()
        self.options = options
        self.token = token
        self.bot = User(self.ids.seeded(), "kissbot", bot=True)
        self.app_id = self.bot.id
        self.owner = User(self.ids.seeded(), "olivia_owner")
        self.admin = User(self.ids.seeded(), "ada_admin")
        self.member = User(self.ids.seeded(), "mo_member")
        self.users = {u.id: u for u in (self.bot, self.owner, self.admin, self.member)}
        self.guilds: dict[int, Guild] = {}
        self.channels: dict[int, Channel] = {}
        self.dm_channels: dict[int, Channel] = {}
        self._group_dm: Channel | None = None
        # Users who added the app to their account (a user install): its commands that allow
        # it follow them to servers without the bot, and to group DMs.
        self.user_installs: set[int] = set()
        self.messages_by_id: dict[int, Message] = {}  # every message, ephemeral ones too
        for index in range(options.guilds):
            guild = self._build_guild(index)
            self.guilds[guild.id] = guild
            self.channels.update(guild.channels)
        self.listeners: list[Callable[[Message], None]] = []

    # -- building -------------------------------------------------------------------
    def _build_guild(
        self, index: int, *, with_bot: bool = True, everyone: int | None = None
    ) -> Guild:
        nid = self.ids.seeded
        gid = nid()
        name = f"XO Kitty Fans {index + 1}" if with_bot else f"Elsewhere {index + 1}"
        guild = Guild(gid, name, self.owner.id, bot_role_id=0)
        opts = self.options
        roles = [
            Role(gid, "@everyone", opts.everyone_permissions if everyone is None else everyone, 0),
            Role(nid(), "News pings", 0, 1, mentionable=True),
        ]
        if with_bot:
            roles.append(
                Role(nid(), "kissbot", opts.bot_permissions, 2, managed=True, bot_id=self.bot.id)
            )
            guild.bot_role_id = roles[-1].id
        roles.append(Role(nid(), "Moderators", perms.MODERATOR, 3, mentionable=False))
        for role in roles:
            guild.roles[role.id] = role
        mods = guild.role_named("Moderators").id
        names = ["general", "announcements"]
        channels = [Channel(nid(), TEXT, name, pos, gid) for pos, name in enumerate(names)]
        if opts.news_channel:
            channels.append(Channel(nid(), NEWS, "news", len(channels), gid))
        staff = Channel(nid(), TEXT, "staff", len(channels), gid)
        # A private channel: the bot can't see it unless a test opens it up.
        staff.overwrites = [
            Overwrite(gid, 0, deny=perms.VIEW_CHANNEL),
            Overwrite(mods, 0, allow=perms.VIEW_CHANNEL),
        ]
        channels.append(staff)
        for channel in channels:
            channel.changed = asyncio.Event()
            guild.channels[channel.id] = channel
        guild.members = {
            self.owner.id: Member(self.owner, []),
            self.admin.id: Member(self.admin, [mods]),
            self.member.id: Member(self.member, []),
        }
        if with_bot:
            guild.members[self.bot.id] = Member(self.bot, [guild.bot_role_id])
        return guild

    def add_external_guild(self, *, external_apps: bool = True) -> Guild:
        """A server the bot was never added to (no GUILD_CREATE, no bot member) where the
        same users are; without ``external_apps`` its @everyone lacks Use External Apps."""
        # Discord's default @everyone has Use External Apps. Only here: it matters only where
        # the bot isn't, and the bit in every server's @everyone costs the bot at 1,000
        # servers about 0.5 MiB of peak RSS (the memory bench measured).
        everyone = self.options.everyone_permissions | perms.USE_EXTERNAL_APPS
        if not external_apps:
            everyone &= ~perms.USE_EXTERNAL_APPS
        guild = self._build_guild(len(self.guilds), with_bot=False, everyone=everyone)
        self.guilds[guild.id] = guild
        self.channels.update(guild.channels)
        return guild

    def group_dm(self) -> Channel:
        """A group DM of the owner, the admin and the member (a bot can't be in one)."""
        if self._group_dm is None:
            members = (self.member, self.admin, self.owner)
            self._group_dm = Channel(
                self.ids.seeded(), GROUP_DM, "", group=members, owner_id=self.member.id
            )
            self._group_dm.changed = asyncio.Event()
            self.channels[self._group_dm.id] = self._group_dm
        return self._group_dm

    def ids_of(self, guild: Guild) -> GuildIds:
        return GuildIds(
            id=guild.id,
            name=guild.name,
            channels={c.name: c.id for c in guild.live_channels()},
            roles={r.name: r.id for r in guild.roles.values()},
            admin_id=self.admin.id,
            member_id=self.member.id,
            owner_id=self.owner.id,
            bot_role_id=guild.bot_role_id,
        )

    # -- lookups ------------------------------------------------------------------
    def guild_of(self, channel: Channel) -> Guild | None:
        return self.guilds.get(channel.guild_id) if channel.guild_id else None

    def dm_with(self, user: User) -> Channel:
        channel = self.dm_channels.get(user.id)
        if channel is None:
            channel = Channel(self.ids.seeded(), DM, "", recipient=user, changed=asyncio.Event())
            self.dm_channels[user.id] = channel
            self.channels[channel.id] = channel
        return channel

    def bot_reaches(self, channel: Channel) -> bool:
        """The bot is in the channel's DM or server (never in a group DM)."""
        if channel.type == GROUP_DM:
            return False
        guild = self.guild_of(channel)
        return guild is None or self.bot.id in guild.members

    def bot_permissions_in(self, channel: Channel) -> int:
        if not self.bot_reaches(channel):
            return 0
        guild = self.guild_of(channel)
        if guild is None:  # DMs: the bot can talk, nothing else applies
            return perms.VIEW_CHANNEL | perms.SEND_MESSAGES | perms.EMBED_LINKS
        return guild.permissions_in(self.bot.id, channel)

    def add_thread(self, parent: Channel, name: str, *, thread_id: int | None = None) -> Channel:
        thread = Channel(
            thread_id or self.ids.now(),
            NEWS_THREAD if parent.type == NEWS else PUBLIC_THREAD,
            name,
            guild_id=parent.guild_id,
            parent_id=parent.id,
            owner_id=self.bot.id,
            changed=asyncio.Event(),
        )
        guild = self.guild_of(parent)
        assert guild is not None
        guild.channels[thread.id] = thread
        self.channels[thread.id] = thread
        return thread

    def record(self, channel: Channel, message: Message) -> None:
        channel.messages.append(message)
        channel.notify()
        for listener in list(self.listeners):
            listener(message)


async def wait_until(
    event: asyncio.Event,
    done: Callable[[], bool],
    timeout: float,  # noqa: ASYNC109
    what: str,
) -> None:
    """Wait until `done()` holds, re-checking whenever `event` is set; TimeoutError(what)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        # Clear before checking: a set() after this point wakes the wait below.
        event.clear()
        if done():
            return
        remaining = deadline - loop.time()
        if remaining <= 0:
            raise TimeoutError(what)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(event.wait(), remaining)
