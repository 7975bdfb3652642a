"""REST routes under /api/v10 (bot-token and webhook-token), in Discord's shapes."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from aiohttp import web

from bot.sandbox import perms, scheduled
from bot.sandbox.commands import CommandError
from bot.sandbox.gateway import GUILDS_INTENT, MEMBERS_INTENT
from bot.sandbox.interactions import UPDATE
from bot.sandbox.posting import (
    CROSSPOSTED,
    build_message,
    edit_message,
    find_message,
    message_event,
)
from bot.sandbox.state import (
    DM,
    FORUMS,
    MESSAGEABLE,
    NEWS,
    REQUIRE_TAG,
    TEXT,
    THREADS,
    Channel,
    Guild,
    Json,
    Message,
    World,
)
from bot.sandbox.wire import (
    ApiError,
    invalid_form,
    json_response,
    missing_access,
    missing_permissions,
    no_content,
    not_text,
    read_payload,
    unknown_channel,
    unknown_message,
    validate_message,
)

if TYPE_CHECKING:
    from bot.sandbox.server import SandboxServer

GUILD_MESSAGES_INTENT, DM_INTENT = 1 << 9, 1 << 12


def _int(value: str, error: ApiError) -> int:
    try:
        return int(value)
    except ValueError:
        raise error from None


class Rest:
    def __init__(self, server: SandboxServer) -> None:
        self.server = server
        self.world: World = server.world

    # -- helpers --------------------------------------------------------------------
    def channel(self, request: web.Request) -> Channel:
        cid = _int(request.match_info["channel_id"], unknown_channel())
        channel = self.world.channels.get(cid)
        if channel is None or channel.deleted:
            raise unknown_channel()
        return channel

    def guild(self, request: web.Request) -> Guild:
        gid = _int(request.match_info["guild_id"], ApiError(404, 10004, "Unknown Guild"))
        guild = self.world.guilds.get(gid)
        if guild is None or self.world.bot.id not in guild.members:
            raise ApiError(404, 10004, "Unknown Guild")
        return guild

    def require(self, channel: Channel, *needed: int) -> int:
        have = self.world.bot_permissions_in(channel)
        if not have & perms.VIEW_CHANNEL:
            raise missing_access()
        for bit in needed:
            if not have & bit:
                raise missing_permissions()
        return have

    def message_intent(self, channel: Channel) -> int:
        return DM_INTENT if channel.type == DM else GUILD_MESSAGES_INTENT

    def publish(self, channel: Channel, message: Message) -> None:
        self.world.record(channel, message)
        if not self.world.bot_reaches(channel):
            return  # a server without the bot, or a group DM: its gateway hears nothing there
        self.server.gateway.dispatch(
            "MESSAGE_CREATE", message_event(message), intent=self.message_intent(channel)
        )

    def routes(self) -> list[web.RouteDef]:
        a = "/api/v10"
        msgs = a + "/channels/{channel_id}/messages"
        hook = a + "/webhooks/{app_id}/{token}"
        return [
            web.get(a + "/users/@me", self.me),
            web.get(a + "/users/{user_id}", self.get_user),
            web.post(a + "/users/@me/channels", self.open_dm),
            web.get(a + "/oauth2/applications/@me", self.application),
            web.get(a + "/applications/@me", self.application),
            web.get(a + "/gateway", self.gateway_url),
            web.get(a + "/gateway/bot", self.gateway_url),
            web.get(a + "/applications/{app_id}/commands", self.get_commands),
            web.put(a + "/applications/{app_id}/commands", self.put_commands),
            web.get(a + "/applications/{app_id}/guilds/{guild_id}/commands", self.get_commands),
            web.put(a + "/applications/{app_id}/guilds/{guild_id}/commands", self.put_commands),
            web.get(a + "/channels/{channel_id}", self.get_channel),
            web.get(msgs, self.list_messages),
            web.post(msgs, self.post_message),
            web.get(msgs + "/{message_id}", self.get_message),
            web.patch(msgs + "/{message_id}", self.patch_message),
            web.delete(msgs + "/{message_id}", self.delete_message),
            web.post(msgs + "/{message_id}/crosspost", self.crosspost),
            web.post(msgs + "/{message_id}/threads", self.start_thread),
            web.post(a + "/channels/{channel_id}/threads", self.start_post),
            web.get(a + "/guilds/{guild_id}/threads/active", self.active_threads),
            web.get(a + "/channels/{channel_id}/threads/archived/public", self.archived_threads),
            web.get(a + "/guilds/{guild_id}", self.get_guild),
            web.get(a + "/guilds/{guild_id}/roles", self.get_roles),
            web.get(a + "/guilds/{guild_id}/channels", self.get_channels),
            web.get(a + "/guilds/{guild_id}/members/{user_id}", self.get_member),
            web.put(a + "/guilds/{guild_id}/members/{user_id}/roles/{role_id}", self.add_role),
            web.delete(
                a + "/guilds/{guild_id}/members/{user_id}/roles/{role_id}", self.remove_role
            ),
            web.get(a + "/guilds/{guild_id}/scheduled-events", self.list_events),
            web.post(a + "/guilds/{guild_id}/scheduled-events", self.create_event),
            web.get(a + "/guilds/{guild_id}/scheduled-events/{event_id}", self.get_event),
            web.patch(a + "/guilds/{guild_id}/scheduled-events/{event_id}", self.edit_event),
            web.delete(a + "/guilds/{guild_id}/scheduled-events/{event_id}", self.delete_event),
            web.post(a + "/interactions/{interaction_id}/{token}/callback", self.callback),
            web.post(hook, self.followup),
            web.get(hook + "/messages/{message_id}", self.get_response),
            web.patch(hook + "/messages/{message_id}", self.patch_response),
            web.delete(hook + "/messages/{message_id}", self.delete_response),
        ]

    # -- login ----------------------------------------------------------------------
    async def me(self, request: web.Request) -> web.Response:
        bot = self.world.bot
        return json_response(bot.payload() | {"verified": True, "mfa_enabled": False, "flags": 0})

    async def get_user(self, request: web.Request) -> web.Response:
        user = self.world.users.get(
            _int(request.match_info["user_id"], ApiError(404, 10013, "Unknown User"))
        )
        if user is None:
            raise ApiError(404, 10013, "Unknown User")
        return json_response(user.payload())

    async def open_dm(self, request: web.Request) -> web.Response:
        body, _ = await read_payload(request)
        user = self.world.users.get(int(body.get("recipient_id") or 0))
        if user is None or user.bot:
            raise invalid_form("recipient_id: unknown user")
        return json_response(self.world.dm_with(user).payload())

    async def application(self, request: web.Request) -> web.Response:
        world = self.world
        owner = world.owner.payload()
        return json_response(
            {
                "id": str(world.app_id),
                "name": "kissbot",
                "icon": None,
                "description": "XO, Kitty fan-server bot (sandbox)",
                "bot_public": True,
                "bot_require_code_grant": False,
                "owner": owner,
                "team": None,
                "verify_key": "0" * 64,
                "flags": 0,
                "bot": world.bot.payload(),
                "summary": "",
                "rpc_origins": [],
                "tags": [],
                "approximate_guild_count": sum(
                    world.bot.id in g.members for g in world.guilds.values()
                ),
                "approximate_user_install_count": len(world.user_installs),
            }
        )

    async def gateway_url(self, request: web.Request) -> web.Response:
        return json_response(
            {
                "url": self.server.gateway_url,
                "shards": 1,
                "session_start_limit": {
                    "total": 1000,
                    "remaining": 1000,
                    "reset_after": 0,
                    "max_concurrency": 1,
                },
            }
        )

    # -- commands -------------------------------------------------------------------
    def _scope(self, request: web.Request) -> int | None:
        app_id = _int(request.match_info["app_id"], ApiError(404, 10002, "Unknown Application"))
        if app_id != self.world.app_id:
            raise ApiError(403, 50001, "Missing Access")
        if "guild_id" in request.match_info:
            return self.guild(request).id
        return None

    async def get_commands(self, request: web.Request) -> web.Response:
        return json_response(self.server.commands.list(self._scope(request)))

    async def put_commands(self, request: web.Request) -> web.Response:
        scope = self._scope(request)
        body, _ = await read_payload(request)
        try:
            stored = self.server.commands.overwrite(scope, body.get("_list", body))
        except CommandError as exc:
            raise invalid_form(str(exc)) from exc
        self.server.notify()
        return json_response(stored)

    # -- channels -------------------------------------------------------------------
    async def get_channel(self, request: web.Request) -> web.Response:
        channel = self.channel(request)
        self.require(channel)
        return json_response(channel.payload())

    async def list_messages(self, request: web.Request) -> web.Response:
        channel = self.channel(request)
        # Without READ_MESSAGE_HISTORY Discord answers an empty page, not an error.
        if not self.require(channel) & perms.READ_MESSAGE_HISTORY:
            return json_response([])
        limit = max(1, min(100, int(request.query.get("limit", 50))))
        live = [m for m in channel.messages if not m.deleted]
        if "before" in request.query:
            live = [m for m in live if m.id < int(request.query["before"])]
        if "after" in request.query:
            live = [m for m in live if m.id > int(request.query["after"])][:limit]
        page = live[-limit:] if "after" not in request.query else live
        return json_response([m.raw for m in reversed(page)])

    async def get_message(self, request: web.Request) -> web.Response:
        channel = self.channel(request)
        self.require(channel, perms.READ_MESSAGE_HISTORY)
        message = find_message(channel, request.match_info["message_id"])
        if message is None:
            raise unknown_message()
        return json_response(message.raw)

    async def post_message(self, request: web.Request) -> web.Response:
        """POST a message; a repeated ``enforce_nonce`` nonce returns the first message."""
        channel = self.channel(request)
        if channel.type not in MESSAGEABLE:
            raise not_text()
        body, files = await read_payload(request)
        send = perms.SEND_MESSAGES_IN_THREADS if channel.type in THREADS else perms.SEND_MESSAGES
        needed = [send]
        if body.get("embeds"):
            needed.append(perms.EMBED_LINKS)
        if files:
            needed.append(perms.ATTACH_FILES)
        self.require(channel, *needed)
        validate_message(body, files)
        repeat = nonce_repeat(channel, body, self.world.bot.id)
        if repeat is not None:
            return json_response(repeat.raw)
        reference = None
        ref = body.get("message_reference")
        if ref:
            reference = find_message(channel, ref.get("message_id"))
            if reference is None and ref.get("fail_if_not_exists", True):
                raise invalid_form("message_reference: Unknown message")
        message = build_message(
            self.world, channel, body, files, author=self.world.bot, reference=reference
        )
        self.publish(channel, message)
        return json_response(message.raw)

    def own_message(self, request: web.Request) -> tuple[Channel, Message]:
        channel = self.channel(request)
        self.require(channel)
        message = find_message(channel, request.match_info["message_id"])
        if message is None:
            raise unknown_message()
        return channel, message

    async def patch_message(self, request: web.Request) -> web.Response:
        channel, message = self.own_message(request)
        if message.author_id != self.world.bot.id:
            raise ApiError(403, 50005, "Cannot edit a message authored by another user")
        body, files = await read_payload(request)
        validate_message(body, files, partial=True)
        edit_message(self.world, channel, message, body, files)
        self.server.gateway.dispatch(
            "MESSAGE_UPDATE", message_event(message), intent=self.message_intent(channel)
        )
        channel.notify()
        return json_response(message.raw)

    async def delete_message(self, request: web.Request) -> web.Response:
        channel, message = self.own_message(request)
        if message.author_id != self.world.bot.id:
            self.require(channel, perms.MANAGE_MESSAGES)
        message.deleted = True
        channel.notify()
        event = {"id": str(message.id), "channel_id": str(channel.id)}
        if channel.guild_id:
            event["guild_id"] = str(channel.guild_id)
        self.server.gateway.dispatch("MESSAGE_DELETE", event, intent=self.message_intent(channel))
        return no_content()

    async def crosspost(self, request: web.Request) -> web.Response:
        channel, message = self.own_message(request)
        if channel.type != NEWS:
            raise ApiError(400, 50024, "Cannot execute action on this channel type")
        needed = (
            perms.SEND_MESSAGES if message.author_id == self.world.bot.id else perms.MANAGE_MESSAGES
        )
        self.require(channel, needed)
        if message.crossposted:
            raise ApiError(400, 40033, "This message has already been crossposted.")
        message.crossposted = True
        message.raw["flags"] = message.flags | CROSSPOSTED
        channel.notify()
        self.server.gateway.dispatch(
            "MESSAGE_UPDATE", message_event(message), intent=GUILD_MESSAGES_INTENT
        )
        return json_response(message.raw)

    async def start_thread(self, request: web.Request) -> web.Response:
        channel, message = self.own_message(request)
        if channel.type not in (TEXT, NEWS):
            raise ApiError(400, 50024, "Cannot execute action on this channel type")
        self.require(channel, perms.CREATE_PUBLIC_THREADS)
        body, _ = await read_payload(request)
        name = thread_name(body)
        if message.id in self.world.channels or message.raw.get("thread"):
            raise ApiError(400, 160004, "A thread has already been created for this message")
        # On Discord a thread started from a message shares the message's id.
        thread = self.world.add_thread(channel, name, thread_id=message.id)
        payload = thread.payload()
        message.raw["thread"] = payload
        self.server.gateway.dispatch(
            "THREAD_CREATE", payload | {"newly_created": True}, intent=GUILDS_INTENT
        )
        return json_response(payload, status=201)

    async def start_post(self, request: web.Request) -> web.Response:
        """A forum post: a public thread and its starter message, which shares its id.

        Only forum and media channels are modelled here (a text channel's thread without a
        message is not something kissbot asks for)."""
        forum = self.channel(request)
        if forum.type not in FORUMS:
            raise ApiError(400, 50024, "Cannot execute action on this channel type")
        body, files = await read_payload(request)
        message_body = body.get("message")
        if not isinstance(message_body, dict):
            raise invalid_form("message: This field is required")
        needed = [perms.SEND_MESSAGES]  # "Create Posts" is Send Messages in a forum
        if message_body.get("embeds"):
            needed.append(perms.EMBED_LINKS)
        if files:
            needed.append(perms.ATTACH_FILES)
        have = self.require(forum, *needed)
        name = thread_name(body)
        validate_message(message_body, files)
        tags = {int(t["id"]): t for t in forum.tags}
        applied = [
            _int(str(t), invalid_form("applied_tags: not a snowflake"))
            for t in body.get("applied_tags") or []
        ]
        if len(applied) > 5 or any(t not in tags for t in applied):
            raise invalid_form("applied_tags: unknown tag, or more than 5")
        if any(tags[t].get("moderated") for t in applied) and not have & perms.MANAGE_THREADS:
            raise missing_permissions()
        if forum.flags & REQUIRE_TAG and not applied:
            raise ApiError(400, 40067, "A tag is required to create a forum post in this channel")
        # A thread started with a message shares the message's id, as on Discord.
        thread = self.world.add_thread(forum, name)
        thread.applied_tags = applied
        message = build_message(self.world, thread, message_body, files, author=self.world.bot)
        del self.world.messages_by_id[message.id]
        message.raw["id"] = str(thread.id)
        message.raw["position"] = 0
        self.world.messages_by_id[thread.id] = message
        payload = thread.payload()
        self.server.gateway.dispatch(
            "THREAD_CREATE", payload | {"newly_created": True}, intent=GUILDS_INTENT
        )
        self.publish(thread, message)
        forum.notify()
        return json_response(payload | {"message": message.raw}, status=201)

    async def active_threads(self, request: web.Request) -> web.Response:
        """The guild's threads that are not archived, as Discord lists them:
        those in channels the bot can view."""
        guild = self.guild(request)
        threads = [
            c.payload()
            for c in guild.channels.values()
            if c.type in THREADS
            and not c.deleted
            and not c.archived
            and self.world.bot_permissions_in(c) & perms.VIEW_CHANNEL
        ]
        return json_response({"threads": threads, "members": []})

    async def archived_threads(self, request: web.Request) -> web.Response:
        """A channel's archived public threads (a forum's posts), the latest first, as
        Discord lists them to those with Read Message History there."""
        parent = self.channel(request)
        self.require(parent, perms.READ_MESSAGE_HISTORY)
        threads = [
            c.payload()
            for c in reversed(self.world.channels.values())
            if c.type in THREADS and c.parent_id == parent.id and c.archived and not c.deleted
        ]
        return json_response({"threads": threads, "members": [], "has_more": False})

    # -- guilds ---------------------------------------------------------------------
    async def get_guild(self, request: web.Request) -> web.Response:
        guild = self.guild(request)
        data = guild.payload()
        for key in ("channels", "members", "threads", "voice_states", "presences"):
            data.pop(key, None)
        return json_response(data)

    async def get_roles(self, request: web.Request) -> web.Response:
        return json_response([r.payload() for r in self.guild(request).roles.values()])

    async def get_channels(self, request: web.Request) -> web.Response:
        return json_response([c.payload() for c in self.guild(request).live_channels()])

    async def get_member(self, request: web.Request) -> web.Response:
        guild = self.guild(request)
        member = guild.members.get(
            _int(request.match_info["user_id"], ApiError(404, 10013, "Unknown User"))
        )
        if member is None:
            raise ApiError(404, 10007, "Unknown Member")
        return json_response(member.payload())

    async def _change_role(self, request: web.Request, *, add: bool) -> web.Response:
        guild = self.guild(request)
        member = guild.members.get(
            _int(request.match_info["user_id"], ApiError(404, 10013, "Unknown User"))
        )
        if member is None:
            raise ApiError(404, 10007, "Unknown Member")
        role = guild.roles.get(
            _int(request.match_info["role_id"], ApiError(404, 10011, "Unknown Role"))
        )
        if role is None or role.id == guild.id:
            raise ApiError(404, 10011, "Unknown Role")
        bot_id = self.world.bot.id
        if not guild.guild_permissions(bot_id) & perms.MANAGE_ROLES:
            raise missing_permissions()
        if bot_id != guild.owner_id and role.position >= guild.top_position(bot_id):
            raise missing_permissions()
        if role.managed:
            raise missing_permissions()
        if add and role.id not in member.role_ids:
            member.role_ids.append(role.id)
        elif not add and role.id in member.role_ids:
            member.role_ids.remove(role.id)
        else:
            return no_content()
        event = member.payload() | {"guild_id": str(guild.id)}
        self.server.gateway.dispatch("GUILD_MEMBER_UPDATE", event, intent=MEMBERS_INTENT)
        self.server.notify()
        return no_content()

    async def add_role(self, request: web.Request) -> web.Response:
        return await self._change_role(request, add=True)

    async def remove_role(self, request: web.Request) -> web.Response:
        return await self._change_role(request, add=False)

    # -- scheduled events -----------------------------------------------------------
    def _may_change(self, guild: Guild, event: Json | None) -> None:
        """Creating an event (``event`` None) takes Create Events, which also edits and
        deletes the bot's own; Manage Events edits and deletes anyone's but, for bots since
        23 February 2026, creates none (discord-api-docs PR #8002, changelog "Permission
        Split Update + Timeline")."""
        have = guild.guild_permissions(self.world.bot.id)
        own = event is None or str(event.get("creator_id")) == str(self.world.bot.id)
        if not (have & perms.CREATE_EVENTS and own) and not (
            event is not None and have & perms.MANAGE_EVENTS
        ):
            raise missing_permissions()

    def _event(self, guild: Guild, request: web.Request) -> Json:
        event_id = _int(request.match_info["event_id"], scheduled.unknown_event())
        event = guild.scheduled_events.get(event_id)
        if event is None:
            raise scheduled.unknown_event()
        return scheduled.advance(event, datetime.now(UTC))

    def _dispatch_event(self, name: str, event: Json) -> None:
        self.server.gateway.dispatch(
            f"GUILD_SCHEDULED_EVENT_{name}", event, intent=scheduled.SCHEDULED_EVENTS_INTENT
        )
        self.server.notify()

    async def list_events(self, request: web.Request) -> web.Response:
        guild = self.guild(request)
        now = datetime.now(UTC)
        events = [scheduled.advance(e, now) for e in guild.scheduled_events.values()]
        return json_response([e for e in events if e["status"] != scheduled.COMPLETED])

    async def get_event(self, request: web.Request) -> web.Response:
        guild = self.guild(request)
        return json_response(self._event(guild, request))

    async def create_event(self, request: web.Request) -> web.Response:
        guild = self.guild(request)
        self._may_change(guild, None)
        body, _ = await read_payload(request)
        event = scheduled.create(
            body,
            event_id=self.world.ids.now(),
            guild_id=guild.id,
            creator=self.world.bot.payload(),
            now=datetime.now(UTC),
            existing=guild.scheduled_events.values(),
        )
        guild.scheduled_events[int(event["id"])] = event
        self._dispatch_event("CREATE", event)
        return json_response(event)

    async def edit_event(self, request: web.Request) -> web.Response:
        guild = self.guild(request)
        event = self._event(guild, request)
        self._may_change(guild, event)
        body, _ = await read_payload(request)
        edited = scheduled.edit(event, body, now=datetime.now(UTC))
        guild.scheduled_events[int(event["id"])] = edited
        self._dispatch_event("UPDATE", edited)
        return json_response(edited)

    async def delete_event(self, request: web.Request) -> web.Response:
        guild = self.guild(request)
        event = self._event(guild, request)
        self._may_change(guild, event)
        del guild.scheduled_events[int(event["id"])]
        self._dispatch_event("DELETE", event)
        return no_content()

    # -- interactions ---------------------------------------------------------------
    async def callback(self, request: web.Request) -> web.Response:
        iid = _int(
            request.match_info["interaction_id"], ApiError(404, 10062, "Unknown interaction")
        )
        body, files = await read_payload(request)
        book = self.server.interactions
        reply, public = book.callback(iid, request.match_info["token"], body, files)
        record = book.records[iid]
        if public is not None:
            self.publish(record.channel, public)
        elif body.get("type") == UPDATE and record.target in record.channel.messages:
            self.server.gateway.dispatch(
                "MESSAGE_UPDATE",
                message_event(record.target),
                intent=self.message_intent(record.channel),
            )
            record.channel.notify()
        if request.query.get("with_response") in ("1", "true", "True"):
            return json_response(reply)
        return no_content()

    def _record(self, request: web.Request):  # type: ignore[no-untyped-def]
        app_id = _int(request.match_info["app_id"], ApiError(404, 10015, "Unknown Webhook"))
        return self.server.interactions.by_webhook(app_id, request.match_info["token"])

    async def followup(self, request: web.Request) -> web.Response:
        record = self._record(request)
        body, files = await read_payload(request)
        message, public = self.server.interactions.followup(record, body, files)
        if public:
            self.publish(record.channel, message)
        if request.query.get("wait") in ("true", "1", "True"):
            return json_response(message.raw)
        return no_content()

    async def get_response(self, request: web.Request) -> web.Response:
        record = self._record(request)
        message = self.server.interactions.message_of(record, request.match_info["message_id"])
        return json_response(message.raw)

    async def patch_response(self, request: web.Request) -> web.Response:
        record = self._record(request)
        body, files = await read_payload(request)
        book = self.server.interactions
        message, now_visible = book.edit(record, request.match_info["message_id"], body, files)
        if now_visible:
            self.publish(record.channel, message)
        elif message in record.channel.messages:
            self.server.gateway.dispatch(
                "MESSAGE_UPDATE", message_event(message), intent=self.message_intent(record.channel)
            )
            record.channel.notify()
        return json_response(message.raw)

    async def delete_response(self, request: web.Request) -> web.Response:
        record = self._record(request)
        message = self.server.interactions.message_of(record, request.match_info["message_id"])
        message.deleted = True
        record.touch()
        record.channel.notify()
        return no_content()


# The minutes a thread may sit idle before it archives: Discord takes only these
# (https://discord.com/developers/docs/resources/channel#start-thread-from-message).
ARCHIVE_DURATIONS = (60, 1440, 4320, 10080)


def thread_name(body: Json) -> str:
    """A new thread's (or forum post's) name, as Discord checks it with its idle time."""
    name = str(body.get("name") or "")
    if not 1 <= len(name) <= 100:
        raise invalid_form("name: Must be between 1 and 100 in length.")
    duration = body.get("auto_archive_duration")
    # (a number in a string passes, as Discord's form parsing reads one)
    if duration is not None and str(duration) not in map(str, ARCHIVE_DURATIONS):
        raise invalid_form("auto_archive_duration: Value must be one of (60, 1440, 4320, 10080).")
    return name


# Discord folds a repeated nonce from the same author into the first message for a few
# minutes; clients (kissbot's outbox) rely on it to make a resend after a crash harmless.
NONCE_WINDOW_S = 300.0


def nonce_repeat(channel: Channel, body: Json, author_id: int) -> Message | None:
    nonce = body.get("nonce")
    if not body.get("enforce_nonce") or nonce is None:
        return None
    horizon = time.time() - NONCE_WINDOW_S
    for message in reversed(channel.messages[-100:]):
        if message.created_at < horizon:
            break
        if message.raw.get("nonce") == str(nonce) and message.author_id == author_id:
            return message
    return None
