"""Drive the sandbox from tests, benchmarks and the console.

    async with Sandbox(guilds=3) as sb:
        async with running_bot(sb, tmp_path) as bot:
            reply = await sb.invoke("cast", {"name": "Yuri"})
            assert "Yuri" in reply.content

`invoke` plays the part of a Discord user: it types the options against the synced
command, sends INTERACTION_CREATE on the gateway and waits for the final answer.

Each guild (`sb.guilds[i]`, a GuildIds) has text channels #general, #announcements and
#staff (hidden from @everyone and the bot; Moderators see it), plus #news (an announcement
channel) unless `news_channel=False`; roles @everyone (id = guild id), "News pings"
(mentionable), the bot's managed "kissbot" role and "Moderators" (Manage Server and Manage
Roles), from bottom to top; members: the owner, the admin (Moderators), a plain member and
the bot. Users are the same in every guild; DMs are with whichever user `invoke` names.

User installs: `sb.install_app("member")` adds the app to that user's account; then the
commands that allow it run for them in `sb.add_external_guild()` (a server that never added
the bot) and with `group_dm=True` (the users' group DM), each sent as Discord sends it
(`context`, `authorizing_integration_owners`, a partial guild). A command whose `contexts` /
`integration_types` don't reach there raises CommandNotAvailable, as Discord never offers it.

Faults: `sb.inject(method, path_glob, kind, count=)`; gateway: `reconnect()`,
`invalidate_session()`, `drop_gateway()`. Figures: `sb.counters` (requests, global_429s,
route_429s, injected, invalid, by_status), `sb.requests`, `sb.peak_requests_per_second()`.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from bot.sandbox import perms, scheduled
from bot.sandbox.commands import BOT_DM, GUILD, PRIVATE_CHANNEL, authorizing_owners
from bot.sandbox.gateway import GUILDS_INTENT, PRIVILEGED
from bot.sandbox.interactions import (
    AUTOCOMPLETE,
    CHOICES,
    COMMAND,
    COMPONENT,
    DEFERRED_MESSAGE,
    InteractionRecord,
)
from bot.sandbox.options import CommandUsageError, build_options, option_names, subcommand_path
from bot.sandbox.perms import Overwrite
from bot.sandbox.posting import EPHEMERAL, build_message, find_message, message_event
from bot.sandbox.ratelimit import FAULT_KINDS, Counters, Fault, Limit
from bot.sandbox.rest import GUILD_MESSAGES_INTENT
from bot.sandbox.server import RequestRecord, SandboxServer, ServerOptions
from bot.sandbox.state import (
    FORUM,
    REQUIRE_TAG,
    THREADS,
    Channel,
    Guild,
    GuildIds,
    Json,
    Member,
    Message,
    Role,
    User,
    wait_until,
)
from bot.settings import PROJECT_DIR

if TYPE_CHECKING:
    from bot.client import KissBot
    from bot.settings import Settings

T = TypeVar("T")

REPO_ROOT = PROJECT_DIR
# How long a deferred command may take to finish (Discord allows 15 minutes)
DEFERRED_TIMEOUT_S = 30.0

__all__ = [
    "CommandNotAvailable",
    "CommandNotSynced",
    "CommandUsageError",
    "Followup",
    "InteractionTimeout",
    "Reply",
    "Sandbox",
    "running_bot",
    "spawn_bot",
]


class CommandNotSynced(LookupError):
    """The bot never synced a command with that name where the user is."""


class CommandNotAvailable(CommandNotSynced):
    """Synced, but its contexts / installation types don't reach where the user is."""


class InteractionTimeout(TimeoutError):
    """The bot did not answer (or did not finish answering) in time."""


@dataclass(slots=True, frozen=True)
class Followup:
    content: str
    embeds: list[Json]
    ephemeral: bool
    raw: Json

    @classmethod
    def of(cls, message: Message) -> Followup:
        return cls(message.content, message.embeds, bool(message.flags & EPHEMERAL), message.raw)


@dataclass(slots=True)
class Reply:
    """What the user saw in answer to one slash command."""

    command: str
    interaction_id: int
    content: str
    embeds: list[Json]
    ephemeral: bool
    deferred: bool
    callback_type: int | None
    callback: Json | None
    message: Json | None
    followups: list[Followup] = field(default_factory=list)
    latency: float | None = None  # seconds from INTERACTION_CREATE to the first callback

    @property
    def titles(self) -> list[str]:
        """Each embed's title."""
        return [str(e.get("title")) for e in self.embeds]

    @property
    def buttons(self) -> list[str]:
        """The custom ids of the components on the reply's message, row by row."""
        if self.message is None:
            raise ValueError(f"/{self.command} got no message to hold components")
        rows = self.message.get("components") or []
        return [str(c.get("custom_id")) for row in rows for c in row.get("components") or []]

    @property
    def text(self) -> str:
        """Content plus every embed's visible text, for loose assertions."""
        parts = [self.content]
        for embed in self.embeds:
            parts += [str(embed.get(k) or "") for k in ("title", "description")]
            parts += [f"{f.get('name')} {f.get('value')}" for f in embed.get("fields") or []]
            parts.append(str((embed.get("footer") or {}).get("text") or ""))
        return "\n".join(p for p in parts if p)


def _find_component(components: list[Json], custom_id: str) -> Json | None:
    for component in components:
        if component.get("custom_id") == custom_id:
            return component
        found = _find_component(component.get("components") or [], custom_id)
        if found is not None:
            return found
    return None


def _reply(record: InteractionRecord, command: str) -> Reply:
    original = record.original
    latency = record.callback_at - record.created if record.callback_at else None
    return Reply(
        command=command,
        interaction_id=record.id,
        content=original.content if original else "",
        embeds=original.embeds if original else [],
        ephemeral=bool(original and original.flags & EPHEMERAL),
        deferred=record.callback_type == DEFERRED_MESSAGE,
        callback_type=record.callback_type,
        callback=record.callback,
        message=original.raw if original else None,
        followups=[Followup.of(m) for m in record.followups if not m.deleted],
        latency=latency,
    )


class Sandbox:
    """A running sandbox server plus the helpers tests need."""

    def __init__(
        self,
        guilds: int = 3,
        *,
        news_channel: bool = True,
        bot_permissions: int = perms.BOT_DEFAULT,
        compress: bool = True,
        route_limits: dict[tuple[str, str], Limit] | None = None,
        global_limit: Limit | None = None,
        webhook_limit: Limit | None = None,
        interaction_deadline: float = 3.0,
        heartbeat_ms: int = 41_250,
        privileged_intents: int = PRIVILEGED,
    ) -> None:
        options = ServerOptions(
            guilds=guilds,
            news_channel=news_channel,
            bot_permissions=bot_permissions,
            compress=compress,
            route_limits=route_limits,
            interaction_deadline=interaction_deadline,
            heartbeat_ms=heartbeat_ms,
            allowed_privileged=privileged_intents,
        )
        if global_limit is not None:
            options.global_limit = global_limit
        if webhook_limit is not None:
            options.webhook_limit = webhook_limit
        self.server = SandboxServer(options)
        self.world = self.server.world
        self.guilds: list[GuildIds] = [self.world.ids_of(g) for g in self.world.guilds.values()]
        # What remove_guild took away, by guild: the bot's member and the channels it hid.
        self._removed: dict[int, tuple[Member | None, list[Channel]]] = {}

    async def __aenter__(self) -> Sandbox:
        await self.server.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.server.stop()

    # -- addresses and ids ------------------------------------------------------------
    @property
    def api_base(self) -> str:
        return self.server.api_base

    @property
    def gateway_url(self) -> str:
        return self.server.gateway_url

    @property
    def token(self) -> str:
        return self.world.token

    @property
    def guild(self) -> GuildIds:
        """The first guild (the dev guild `running_bot` syncs to)."""
        return self.guilds[0]

    @property
    def bot_id(self) -> int:
        return self.world.bot.id

    @property
    def app_id(self) -> int:
        return self.world.app_id

    @property
    def admin_id(self) -> int:
        return self.world.admin.id

    @property
    def member_id(self) -> int:
        return self.world.member.id

    @property
    def dm_user_id(self) -> int:
        """The user who talks to the bot in DMs (the plain member)."""
        return self.world.member.id

    # -- resolving arguments ------------------------------------------------------------
    def _guild(self, guild: int | GuildIds | None) -> Guild:
        if guild is None:
            gid = self.guilds[0].id
        elif isinstance(guild, GuildIds):
            gid = guild.id
        elif 0 <= guild < len(self.guilds):
            gid = self.guilds[guild].id  # a small int is an index
        else:
            gid = guild
        try:
            return self.world.guilds[gid]
        except KeyError:
            raise KeyError(f"no guild {gid} in the sandbox") from None

    def _user(self, user: str | int) -> User:
        if isinstance(user, str):
            named = {
                "admin": self.world.admin,
                "member": self.world.member,
                "owner": self.world.owner,
            }
            if user not in named:
                raise ValueError(f"user must be 'admin', 'member', 'owner' or an id, not {user!r}")
            return named[user]
        return self.world.users[user]

    def _channel(self, guild: Guild, channel: str | int | None) -> Channel:
        if channel is None:
            return guild.channel_named("general")
        if isinstance(channel, str):
            return guild.channel_named(channel)
        found = self.world.channels.get(channel)
        if found is None:
            raise KeyError(f"no channel {channel}")
        return found

    def command(self, name: str, *, guild: int | GuildIds | None = None, dm: bool = False) -> Json:
        """The synced definition a user there would see (guild command first, then global)."""
        gid = None if dm else self._guild(guild).id
        found = self.server.commands.find(name, gid)
        if found is None:
            where = "in DMs" if dm else f"in guild {gid}"
            synced = [c["name"] for c in self.server.commands.list(gid)] if gid else []
            synced += [c["name"] for c in self.server.commands.list(None)]
            known = ", ".join(sorted(set(synced))) or "nothing"
            raise CommandNotSynced(f"/{name} is not synced {where} (synced there: {known})")
        return found

    def commands(
        self, guild: int | GuildIds | None = None, *, scope_global: bool = False
    ) -> list[Json]:
        return self.server.commands.list(None if scope_global else self._guild(guild).id)

    def option_names(
        self,
        name: str,
        subcommand: str | Sequence[str] | None = None,
        *,
        guild: int | GuildIds | None = None,
        dm: bool = False,
    ) -> list[str]:
        return option_names(self.command(name, guild=guild, dm=dm), subcommand_path(subcommand))

    async def wait_for_commands(
        self,
        guild: int | GuildIds | None = None,
        *,
        scope_global: bool = False,
        timeout: float = 10.0,  # noqa: ASYNC109
    ) -> list[Json]:
        scope = None if scope_global else self._guild(guild).id
        await wait_until(
            self.server.changed,
            lambda: self.server.commands.synced(scope),
            timeout,
            f"commands were not synced ({'global' if scope is None else scope}) within {timeout}s",
        )
        return self.server.commands.list(scope)

    # -- interactions ---------------------------------------------------------------
    def _dispatch(
        self,
        kind: int,
        name: str,
        options: Mapping[str, Any] | None,
        *,
        guild: int | GuildIds | None,
        user: str | int,
        channel: str | int | None,
        subcommand: str | Sequence[str] | None,
        dm: bool,
        group_dm: bool = False,
        focused: str | None = None,
    ) -> InteractionRecord:
        world = self.world
        the_user = self._user(user)
        private = dm or group_dm
        the_guild = None if private else self._guild(guild)
        if the_guild is None:
            the_channel = world.group_dm() if group_dm else world.dm_with(the_user)
            context = PRIVATE_CHANNEL if group_dm else BOT_DM
        else:
            the_channel = self._channel(the_guild, channel)
            context = GUILD
            if the_user.id not in the_guild.members:
                raise ValueError(f"user {the_user.id} is not in guild {the_guild.id}")
        command = self.command(name, guild=the_guild.id if the_guild else None, dm=private)
        owners = authorizing_owners(
            command,
            self.server.commands.installs,
            context=context,
            guild_id=the_guild.id if the_guild else None,
            guild_installed=the_guild is not None and world.bot.id in the_guild.members,
            user_id=the_user.id,
            user_installed=the_user.id in world.user_installs,
        )
        if not owners:
            where = {GUILD: f"in guild {the_guild and the_guild.id}", BOT_DM: "in the bot's DM"}
            raise CommandNotAvailable(
                f"/{name} can't be run {where.get(context, 'in a group DM')} by user"
                f" {the_user.id} (contexts {command.get('contexts')}, integration_types"
                f" {command.get('integration_types')}; user install:"
                f" {the_user.id in world.user_installs})"
            )
        path = subcommand_path(subcommand)
        values = options or {}
        built = build_options(
            self.world, the_guild, command, path, values, focused=focused, user_id=the_user.id
        )
        data: Json = {"id": command["id"], "name": name, "type": 1, "options": built.options}
        if built.resolved:
            data["resolved"] = built.resolved
        if "guild_id" in command:
            data["guild_id"] = command["guild_id"]
        if not self.server.gateway.sessions:
            # A session that is only between sockets still gets the event, on RESUME.
            raise RuntimeError("no bot has identified on the sandbox gateway")
        record = self.server.interactions.create(
            kind=kind,
            data=data,
            user=the_user,
            channel=the_channel,
            guild=the_guild,
            owners=owners,
        )
        self.server.gateway.dispatch("INTERACTION_CREATE", record.payload)
        return record

    async def invoke(
        self,
        name: str,
        options: Mapping[str, Any] | None = None,
        *,
        guild: int | GuildIds | None = None,
        user: str | int = "admin",
        channel: str | int | None = None,
        subcommand: str | Sequence[str] | None = None,
        dm: bool = False,
        group_dm: bool = False,
        timeout: float = 5.0,  # noqa: ASYNC109
        followups: int = 0,
    ) -> Reply:
        """Run a slash command as `user`; wait for the final answer and `followups` follow-ups.
        Where: `guild` (a channel there), `dm` (the user's DM with the bot) or `group_dm`."""
        record = self._dispatch(
            COMMAND,
            name,
            options,
            guild=guild,
            user=user,
            channel=channel,
            subcommand=subcommand,
            dm=dm,
            group_dm=group_dm,
        )
        label = " ".join(["/" + name, *subcommand_path(subcommand)])
        await self._await(record, lambda: record.callback_type is not None, timeout, label)
        # Discord wants the first answer at once but keeps a deferred one's token for 15
        # minutes: work behind a defer (the classifier's first build, about 2-5 s of CPU on
        # a busy 2-core machine) gets longer than the first answer does
        if record.callback_type == DEFERRED_MESSAGE:
            timeout = max(timeout, DEFERRED_TIMEOUT_S)
        await self._await(
            record,
            lambda: record.finished and len(record.followups) >= followups,
            timeout,
            label,
        )
        return _reply(record, label)

    async def wait_for_followups(
        self,
        reply: Reply,
        n: int,
        *,
        timeout: float = 5.0,  # noqa: ASYNC109
    ) -> list[Followup]:
        record = self.server.interactions.records[reply.interaction_id]
        await self._await(record, lambda: len(record.followups) >= n, timeout, reply.command)
        reply.followups = [Followup.of(m) for m in record.followups if not m.deleted]
        return reply.followups

    async def autocomplete(
        self,
        name: str,
        options: Mapping[str, Any] | None = None,
        *,
        focused: str,
        guild: int | GuildIds | None = None,
        user: str | int = "admin",
        channel: str | int | None = None,
        subcommand: str | Sequence[str] | None = None,
        dm: bool = False,
        group_dm: bool = False,
        timeout: float = 5.0,  # noqa: ASYNC109
    ) -> list[Json]:
        """The choices the bot offers while `focused` is being typed."""
        record = self._dispatch(
            AUTOCOMPLETE,
            name,
            options,
            guild=guild,
            user=user,
            channel=channel,
            subcommand=subcommand,
            dm=dm,
            group_dm=group_dm,
            focused=focused,
        )
        await self._await(
            record, lambda: record.callback_type is not None, timeout, f"/{name} autocomplete"
        )
        if record.callback_type != CHOICES or record.callback is None:
            raise AssertionError(f"autocomplete answered with callback type {record.callback_type}")
        return list((record.callback.get("data") or {}).get("choices") or [])

    async def click(
        self,
        message: Reply | Message | int,
        custom_id: str,
        *,
        values: Sequence[str] | None = None,
        user: str | int = "admin",
        timeout: float = 5.0,  # noqa: ASYNC109
    ) -> Reply:
        """Press a button (or pick `values` in a select menu) on a message the bot sent."""
        if isinstance(message, Reply):
            if message.message is None:
                raise ValueError(f"{message.command} has no message to click on")
            message_id = int(message.message["id"])
        else:
            message_id = message if isinstance(message, int) else message.id
        target = self.world.messages_by_id.get(message_id)
        if target is None:
            raise KeyError(f"no message {message_id}")
        component = _find_component(target.raw.get("components") or [], custom_id)
        if component is None:
            raise CommandUsageError(f"message {message_id} has no component {custom_id!r}")
        channel = self.world.channels[target.channel_id]
        guild = self.world.guild_of(channel)
        data: Json = {"custom_id": custom_id, "component_type": component["type"]}
        if values is not None:
            data["values"] = list(values)
        # A component on an interaction's answer is authorized by that interaction's installs.
        owners = (target.raw.get("interaction_metadata") or {}).get(
            "authorizing_integration_owners"
        )
        record = self.server.interactions.create(
            kind=COMPONENT,
            data=data,
            user=self._user(user),
            channel=channel,
            guild=guild,
            message=target,
            owners=owners,
        )
        self.server.gateway.dispatch("INTERACTION_CREATE", record.payload)
        label = f"click {custom_id}"
        await self._await(record, lambda: record.finished, timeout, label)
        return _reply(record, label)

    @property
    def interactions(self) -> list[InteractionRecord]:
        """Every interaction sent so far, with its callback, original and follow-ups."""
        return list(self.server.interactions.records.values())

    async def _await(
        self,
        record: InteractionRecord,
        done: Callable[[], bool],
        timeout: float,  # noqa: ASYNC109
        label: str,
    ) -> None:
        try:
            await wait_until(record.changed, done, timeout, label)
        except TimeoutError:
            state = {
                None: "no callback at all",
                DEFERRED_MESSAGE: "deferred but never completed",
            }.get(record.callback_type, f"callback type {record.callback_type}")
            raise InteractionTimeout(
                f"{label}: no final answer within {timeout}s ({state}; "
                f"{len(record.followups)} follow-up(s))"
            ) from None

    # -- user installs ------------------------------------------------------------------
    def install_app(self, user: str | int) -> None:
        """The user adds the app to their account (a user install)."""
        self.world.user_installs.add(self._user(user).id)

    def add_external_guild(self, *, external_apps: bool = True) -> GuildIds:
        """A new server with the same users that never added the bot: no GUILD_CREATE, no bot
        member, its channels refuse the bot (403). Without ``external_apps`` @everyone lacks
        Use External Apps, so Discord makes user-installed apps' answers there ephemeral."""
        return self.world.ids_of(self.world.add_external_guild(external_apps=external_apps))

    # -- channels and messages -----------------------------------------------------------
    def messages(self, channel_id: int) -> list[Message]:
        """Messages visible in a channel, oldest first (ephemeral ones are never here)."""
        return [m for m in self.world.channels[channel_id].messages if not m.deleted]

    async def wait_for_messages(
        self,
        channel_id: int,
        n: int,
        *,
        timeout: float = 5.0,  # noqa: ASYNC109
    ) -> list[Message]:
        return await self._wait_for(
            channel_id, lambda: self.messages(channel_id), n, timeout, "message(s)"
        )

    async def _wait_for(
        self,
        channel_id: int,
        items: Callable[[], list[T]],
        n: int,
        timeout: float,  # noqa: ASYNC109
        what: str,
    ) -> list[T]:
        """``items()`` once it holds ``n``, woken by each change to the channel."""
        channel = self.world.channels[channel_id]
        assert channel.changed is not None
        await wait_until(
            channel.changed,
            lambda: len(items()) >= n,
            timeout,
            f"channel {channel_id} did not get {n} {what} within {timeout}s",
        )
        return items()

    def post_as(self, user: str | int, channel_id: int, content: str) -> Message:
        """A member's own message in a channel (MESSAGE_CREATE)."""
        channel = self.world.channels[channel_id]
        message = build_message(
            self.world, channel, {"content": content}, [], author=self._user(user)
        )
        self.world.record(channel, message)
        self.server.gateway.dispatch(
            "MESSAGE_CREATE", message_event(message), intent=GUILD_MESSAGES_INTENT
        )
        return message

    def delete_message(self, channel_id: int, message_id: int) -> None:
        """A moderator deletes a message (MESSAGE_DELETE): an edit of it is 404 from now on."""
        channel = self.world.channels[channel_id]
        message = find_message(channel, message_id)
        if message is None:
            raise KeyError(f"no message {message_id} in channel {channel_id}")
        message.deleted = True
        channel.notify()
        event = {"id": str(message_id), "channel_id": str(channel_id)}
        if channel.guild_id:
            event["guild_id"] = str(channel.guild_id)
        self.server.gateway.dispatch("MESSAGE_DELETE", event, intent=GUILD_MESSAGES_INTENT)

    def on_message(self, callback: Callable[[Message], None]) -> None:
        """Call back for every message that appears in any channel (console output)."""
        self.world.listeners.append(callback)

    def set_bot_permissions(self, channel_id: int, *, allow: int = 0, deny: int = 0) -> None:
        """Put a member overwrite for the bot on a channel (dispatches CHANNEL_UPDATE)."""
        channel = self.world.channels[channel_id]
        bot_id = self.world.bot.id
        channel.overwrites = [ow for ow in channel.overwrites if ow.target_id != bot_id]
        if allow or deny:
            channel.overwrites.append(Overwrite(bot_id, 1, allow=allow, deny=deny))
        self.server.gateway.dispatch("CHANNEL_UPDATE", channel.payload(), intent=GUILDS_INTENT)

    def set_bot_role_permissions(self, guild: int | GuildIds | None, permissions: int) -> None:
        the_guild = self._guild(guild)
        role = the_guild.roles[the_guild.bot_role_id]
        role.permissions = permissions
        self.server.gateway.dispatch(
            "GUILD_ROLE_UPDATE",
            {"guild_id": str(the_guild.id), "role": role.payload()},
            intent=GUILDS_INTENT,
        )

    def scheduled_events(self, guild: int | GuildIds | None = None) -> list[Json]:
        """The guild's scheduled events (any creator's), in the order they were made."""
        return list(self._guild(guild).scheduled_events.values())

    def schedule_event(
        self, guild: int | GuildIds | None, name: str, start: datetime, *, user: str = "admin"
    ) -> int:
        """A member's own event (an hour at an external place), as made in Discord's client,
        checked against the guild's cap as the bot's are; its id."""
        the_guild = self._guild(guild)
        body = {
            "name": name,
            "privacy_level": scheduled.GUILD_ONLY,
            "entity_type": scheduled.EXTERNAL,
            "entity_metadata": {"location": "Somewhere"},
            "scheduled_start_time": start.isoformat(),
            "scheduled_end_time": (start + timedelta(hours=1)).isoformat(),
        }
        event = scheduled.create(
            body,
            event_id=self.world.ids.now(),
            guild_id=the_guild.id,
            creator=self._user(user).payload(),
            now=datetime.now(UTC),
            existing=the_guild.scheduled_events.values(),
        )
        the_guild.scheduled_events[int(event["id"])] = event
        self.server.gateway.dispatch(
            "GUILD_SCHEDULED_EVENT_CREATE", event, intent=scheduled.SCHEDULED_EVENTS_INTENT
        )
        return int(event["id"])

    def cancel_event(self, guild: int | GuildIds | None, event_id: int) -> None:
        """A moderator cancels an event (anyone's) in Discord's client: kept, but finished."""
        event = self._guild(guild).scheduled_events[event_id]
        event["status"] = scheduled.CANCELED
        self.server.gateway.dispatch(
            "GUILD_SCHEDULED_EVENT_UPDATE", event, intent=scheduled.SCHEDULED_EVENTS_INTENT
        )

    def unschedule_event(self, guild: int | GuildIds | None, event_id: int) -> None:
        """A moderator deletes an event (anyone's) in Discord's client."""
        event = self._guild(guild).scheduled_events.pop(event_id)
        self.server.gateway.dispatch(
            "GUILD_SCHEDULED_EVENT_DELETE", event, intent=scheduled.SCHEDULED_EVENTS_INTENT
        )

    def add_role(
        self,
        guild: int | GuildIds | None,
        name: str,
        *,
        permissions: int = 0,
        position: int = 1,
        mentionable: bool = False,
    ) -> int:
        """A new role in the guild (dispatches GUILD_ROLE_CREATE); its id."""
        the_guild = self._guild(guild)
        role = Role(self.world.ids.now(), name, permissions, position, mentionable=mentionable)
        the_guild.roles[role.id] = role
        for ids in self.guilds:
            if ids.id == the_guild.id:
                ids.roles[name] = role.id
        self.server.gateway.dispatch(
            "GUILD_ROLE_CREATE",
            {"guild_id": str(the_guild.id), "role": role.payload()},
            intent=GUILDS_INTENT,
        )
        return role.id

    def add_forum(
        self,
        guild: int | GuildIds | None,
        name: str,
        *,
        tags: Sequence[str | tuple[str, bool]] = (),
        require_tag: bool = False,
        channel_type: int = FORUM,
    ) -> int:
        """A new forum (or media) channel (CHANNEL_CREATE); its id. ``tags``: names, or
        (name, moderated) pairs; ``require_tag``: each post must carry one (REQUIRE_TAG)."""
        the_guild = self._guild(guild)
        forum = Channel(
            self.world.ids.now(),
            channel_type,
            name.lstrip("#"),
            len(the_guild.channels),
            the_guild.id,
            changed=asyncio.Event(),
        )
        self._set_tags(forum, tags, require_tag=require_tag)
        the_guild.channels[forum.id] = forum
        self.world.channels[forum.id] = forum
        for ids in self.guilds:
            if ids.id == the_guild.id:
                ids.channels[forum.name] = forum.id
        self.server.gateway.dispatch("CHANNEL_CREATE", forum.payload(), intent=GUILDS_INTENT)
        return forum.id

    def set_forum_tags(
        self, channel_id: int, tags: Sequence[str | tuple[str, bool]], *, require_tag: bool
    ) -> None:
        """A moderator edits a forum's tags and whether posts need one (CHANNEL_UPDATE)."""
        forum = self.world.channels[channel_id]
        self._set_tags(forum, tags, require_tag=require_tag)
        self.server.gateway.dispatch("CHANNEL_UPDATE", forum.payload(), intent=GUILDS_INTENT)

    def _set_tags(
        self, forum: Channel, tags: Sequence[str | tuple[str, bool]], *, require_tag: bool
    ) -> None:
        pairs = [(t, False) if isinstance(t, str) else t for t in tags]
        forum.tags = [
            {
                "id": str(self.world.ids.now()),
                "name": name,
                "moderated": moderated,
                "emoji_id": None,
                "emoji_name": None,
            }
            for name, moderated in pairs
        ]
        forum.flags = forum.flags | REQUIRE_TAG if require_tag else forum.flags & ~REQUIRE_TAG

    def forum_tag(self, channel_id: int, name: str) -> int:
        """The id of a forum's tag."""
        tags = self.world.channels[channel_id].tags
        return next(int(t["id"]) for t in tags if t["name"] == name)

    def archive(self, thread_id: int) -> None:
        """A thread (a forum post) archived: by its idle timeout, or a moderator closing it."""
        thread = self.world.channels[thread_id]
        thread.archived = True
        self.server.gateway.dispatch("THREAD_UPDATE", thread.payload(), intent=GUILDS_INTENT)

    def posts(self, forum_id: int) -> list[Channel]:
        """A forum's posts (threads), oldest first; each one's starter message shares its id
        (``messages(post.id)[0]``)."""
        return [
            c
            for c in self.world.channels.values()
            if c.type in THREADS and c.parent_id == forum_id and not c.deleted
        ]

    async def wait_for_posts(
        self,
        forum_id: int,
        n: int,
        *,
        timeout: float = 5.0,  # noqa: ASYNC109
    ) -> list[Channel]:
        return await self._wait_for(forum_id, lambda: self.posts(forum_id), n, timeout, "post(s)")

    def delete_channel(self, channel_id: int) -> None:
        channel = self.world.channels[channel_id]
        channel.deleted = True
        channel.notify()
        self.server.gateway.dispatch("CHANNEL_DELETE", channel.payload(), intent=GUILDS_INTENT)

    def convert_channel(self, channel_id: int, channel_type: int) -> None:
        """A moderator changes the channel's type (say, to a forum): CHANNEL_UPDATE, and a
        post there is refused with 400 code 50008 unless the new type holds messages."""
        channel = self.world.channels[channel_id]
        channel.type = channel_type
        self.server.gateway.dispatch("CHANNEL_UPDATE", channel.payload(), intent=GUILDS_INTENT)

    def remove_guild(self, guild: int | GuildIds) -> None:
        """The bot is kicked: GUILD_DELETE, and the guild's routes answer 404 from now on."""
        the_guild = self._guild(guild)
        hidden = [c for c in the_guild.channels.values() if not c.deleted]
        self._removed[the_guild.id] = (the_guild.members.pop(self.world.bot.id, None), hidden)
        for channel in hidden:
            channel.deleted = True
        self.server.gateway.dispatch(
            "GUILD_DELETE", {"id": str(the_guild.id)}, intent=GUILDS_INTENT
        )

    def readd_guild(self, guild: int | GuildIds) -> None:
        """The bot is invited back after ``remove_guild``: its channels answer again, and a
        GUILD_CREATE tells the bot (discord.py calls it a join)."""
        the_guild = self._guild(guild)
        member, hidden = self._removed.pop(the_guild.id)
        if member is not None:
            the_guild.members[self.world.bot.id] = member
        for channel in hidden:
            channel.deleted = False
        # A join's GUILD_CREATE has no "unavailable" (false means back from an outage).
        joined = {k: v for k, v in the_guild.payload().items() if k != "unavailable"}
        self.server.gateway.dispatch_guild_create(joined)

    def guild_outage(self, guild: int | GuildIds) -> None:
        """Discord loses the guild for a while (the bot is still in it): GUILD_DELETE with
        ``unavailable``, and a READY meanwhile lists it as unavailable, with no GUILD_CREATE."""
        the_guild = self._guild(guild)
        the_guild.unavailable = True
        self.server.gateway.dispatch(
            "GUILD_DELETE", {"id": str(the_guild.id), "unavailable": True}, intent=GUILDS_INTENT
        )

    def end_guild_outage(self, guild: int | GuildIds) -> None:
        """The guild is back: a GUILD_CREATE with ``unavailable`` false."""
        the_guild = self._guild(guild)
        the_guild.unavailable = False
        self.server.gateway.dispatch_guild_create(the_guild.payload())

    # -- faults and gateway control --------------------------------------------------------
    def inject(
        self,
        method: str,
        pattern: str,
        kind: str | int,
        *,
        count: int = 1,
        retry_after: float = 0.3,
    ) -> Fault:
        """The next `count` requests matching `method` ("*" = any) and the path glob `pattern`
        (after /api/v10, e.g. "/channels/*/messages") get `kind`: "429", "429-global",
        500/502/503/504, 403, 404, "drop", "automod" (the server's AutoMod blocks it), or a 200
        that is no Discord answer: "not-json" (said to be JSON) or "html" (a captive portal)."""
        kind = str(kind)
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault {kind!r}; one of {sorted(FAULT_KINDS)}")
        fault = Fault(method.upper(), pattern, kind, count, retry_after)
        self.server.limiter.faults.append(fault)
        return fault

    async def reconnect(self, *, op: int = 7, timeout: float = 10.0) -> None:  # noqa: ASYNC109
        """Send op 7 (or op 9 resumable) and wait until the bot has RESUMEd."""
        if op == 9:
            await self.invalidate_session(resumable=True, timeout=timeout)
            return
        if op != 7:
            raise ValueError("op must be 7 (reconnect) or 9 (resumable invalid session)")
        stats = self.server.gateway.stats
        before = stats.resumes
        if not self.server.gateway.send_reconnect():
            raise RuntimeError("no bot is connected to the sandbox gateway")
        await wait_until(
            self.server.gateway.changed,
            lambda: stats.resumes > before,
            timeout,
            "no RESUME after op 7",
        )

    async def invalidate_session(self, *, resumable: bool = False, timeout: float = 15.0) -> None:  # noqa: ASYNC109
        """Send op 9; wait for the RESUME (resumable) or the new IDENTIFY (discord.py waits 5 s)."""
        stats = self.server.gateway.stats
        resumes, identifies = stats.resumes, stats.ready_sent
        if not self.server.gateway.invalidate(resumable=resumable):
            raise RuntimeError("no bot is connected to the sandbox gateway")

        def back() -> bool:
            return stats.resumes > resumes if resumable else stats.ready_sent > identifies

        await wait_until(
            self.server.gateway.changed, back, timeout, "the bot did not come back after op 9"
        )

    async def drop_gateway(self, *, code: int = 4000, timeout: float = 10.0) -> None:  # noqa: ASYNC109
        """Close the gateway socket(s) with `code` and wait for the bot to resume."""
        stats = self.server.gateway.stats
        before = stats.resumes + stats.ready_sent
        await self.server.gateway.close_all(code)
        await wait_until(
            self.server.gateway.changed,
            lambda: stats.resumes + stats.ready_sent > before,
            timeout,
            "the bot did not reconnect",
        )

    async def wait_for_identify(self, count: int = 1, *, timeout: float = 30.0) -> None:  # noqa: ASYNC109
        """Wait until `count` sessions in total have identified and got their guilds."""
        stats = self.server.gateway.stats
        await wait_until(
            self.server.gateway.changed,
            lambda: stats.ready_sent >= count,
            timeout,
            f"{count} IDENTIFY(s) not seen within {timeout}s",
        )

    def serve_static(
        self,
        name: str,
        body: bytes | Callable[[], bytes],
        content_type: str = "application/rss+xml",
    ) -> str:
        """Serve `body` at a loopback URL (sample feeds for the console and tests); a
        callable makes the body afresh at each request."""
        self.server.static[name] = (body, content_type)
        return f"{self.server.base_url}/static/{name}"

    # -- counters -------------------------------------------------------------------
    @property
    def counters(self) -> Counters:
        return self.server.limiter.counters

    @property
    def global_429s(self) -> int:
        return self.counters.global_429s

    @property
    def route_429s(self) -> int:
        return self.counters.route_429s

    @property
    def requests(self) -> list[RequestRecord]:
        return self.server.requests

    def requests_per_second(self, *, include_429: bool = False) -> float:
        return self.server.requests_per_second(include_429=include_429)

    def peak_requests_per_second(self, *, include_429: bool = False) -> int:
        return self.server.peak_requests_per_second(include_429=include_429)


def bot_settings(
    sb: Sandbox, database_path: Path, *, base: Settings | None = None, **overrides: Any
) -> Settings:
    """Settings that point the bot at this sandbox (dev guild = the first guild).

    `base` keeps a host's other settings (shows, feeds, poll interval), as the console does.
    """
    import msgspec

    from bot.settings import SecretStr, Settings

    values: dict[str, Any] = {
        "discord_token": SecretStr(sb.token),
        "discord_api_base": sb.api_base,
        "discord_gateway_url": sb.gateway_url,
        "database_path": database_path,
        "dev_guild_id": sb.guild.id,
        "guild_ready_timeout": 0.1,
        "allow_private_feeds": True,
    }
    if base is None:
        # Tests never reach the internet: a missing feeds file means no shared feeds.
        values["shows_dir"] = REPO_ROOT / "data" / "shows"
        values["feeds_file"] = database_path.parent / "no-shared-feeds.toml"
        values.update(overrides)
        return Settings(**values)
    values.update(overrides)
    return msgspec.structs.replace(base, **values)


@contextlib.asynccontextmanager
async def running_bot(
    sb: Sandbox,
    tmp_path: Path,
    *,
    base_settings: Settings | None = None,
    sync_global: bool = True,
    ready_timeout: float = 20.0,
    **settings_overrides: Any,
) -> AsyncIterator[KissBot]:
    """The real bot, in-process, connected, with its commands synced.

    The bot syncs its dev guild (the first guild) itself at start-up; `sync_global` also
    syncs globally once it is ready (what `python -m bot sync` does), so the other guilds
    and DMs have the commands too. Keyword overrides are Settings fields, e.g.
    `feed_poll_seconds=1` or `dev_guild_id=None`.
    """
    from bot.app import open_bot

    settings = bot_settings(sb, tmp_path / "kissbot.db", base=base_settings, **settings_overrides)
    async with open_bot(settings) as bot:
        task = asyncio.create_task(bot.start(sb.token), name="kissbot-under-test")
        ready = asyncio.create_task(bot.wait_until_ready())
        try:
            await asyncio.wait(
                {task, ready}, timeout=ready_timeout, return_when=asyncio.FIRST_COMPLETED
            )
            if task.done():
                task.result()  # raises the bot's start-up error
                raise RuntimeError("the bot stopped during start-up")
            if not ready.done():
                raise TimeoutError(f"the bot was not ready within {ready_timeout}s")
            # and its jobs are past their wait for the guild list (their first drain, empty)
            await asyncio.wait_for(bot.news.ready(), ready_timeout)
            if settings.dev_guild_id is not None:
                await sb.wait_for_commands(settings.dev_guild_id, timeout=ready_timeout)
            if sync_global:
                await bot.tree.sync()
            yield bot
        finally:
            ready.cancel()
            if not bot.set_up:
                task.cancel()  # as run_bot does: closing under the setup hook starts jobs late
            if not bot.is_closed():
                await bot.close()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await asyncio.wait_for(task, 10)


async def spawn_bot(
    sb: Sandbox,
    env_overrides: Mapping[str, str] | None = None,
    *,
    database_path: Path | None = None,
    stdout: int | None = None,
    stderr: int | None = None,
) -> asyncio.subprocess.Process:
    """`python -m bot run` in a child process, pointed at the sandbox (crash/memory tests).

    Output is inherited (pytest captures it) unless `stdout`/`stderr` say otherwise. Then
    `await sb.wait_for_identify()` and `await sb.wait_for_commands()` before invoking.
    """
    env = dict(os.environ)
    env.update(
        DISCORD_TOKEN=sb.token,
        DISCORD_API_BASE=sb.api_base,
        DISCORD_GATEWAY_URL=sb.gateway_url,
        DEV_GUILD_ID=str(sb.guild.id),
        GUILD_READY_TIMEOUT="0.1",
        ALLOW_PRIVATE_FEEDS="1",
        PYTHONUNBUFFERED="1",
    )
    if database_path is not None:
        env["DATABASE_PATH"] = str(database_path)
    env.update(env_overrides or {})
    if database_path is None and "DATABASE_PATH" not in (env_overrides or {}):
        raise ValueError("give database_path (or DATABASE_PATH) so the child has its own database")
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", cwd=REPO_ROOT, env=env, stdout=stdout, stderr=stderr
    )
