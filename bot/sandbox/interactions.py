"""Interactions: building INTERACTION_CREATE, and the callback / webhook-token side.

Discord's rules kept here: one initial callback (a second gets 400/40060), within a
deadline (3 s on Discord); after a deferral the first follow-up becomes the original
response; ephemeral-ness of the original is decided by the callback.
"""

from __future__ import annotations

import asyncio
import secrets
import time
from dataclasses import dataclass, field

from bot.sandbox import perms
from bot.sandbox.commands import INTEGER, NUMBER, STRING
from bot.sandbox.posting import EPHEMERAL, LOADING, build_message, edit_message, message_event
from bot.sandbox.state import GROUP_DM, Channel, Guild, Json, Message, User, World
from bot.sandbox.wire import ApiError, invalid_form, validate_message

PING, COMMAND, COMPONENT, AUTOCOMPLETE, MODAL = 1, 2, 3, 4, 5
# Callback types
PONG, MESSAGE, DEFERRED_MESSAGE, DEFERRED_UPDATE, UPDATE, CHOICES, SHOW_MODAL = 1, 4, 5, 6, 7, 8, 9

TOKEN_LIFETIME = 15 * 60.0


def _focused_type(data: Json) -> int | None:
    """The type of the option being typed in (inside any subcommand)."""
    for option in data.get("options") or []:
        if option.get("focused"):
            return int(option.get("type") or 0)
        found = _focused_type(option)
        if found is not None:
            return found
    return None


def check_choices(choices: object, option_type: int | None) -> None:
    """Discord's checks on an autocomplete answer: at most 25 choices, each named in 1-100
    characters, with a value of the option's type (a string one at most 100 characters)."""
    if not isinstance(choices, list) or len(choices) > 25:
        raise invalid_form("data.choices: Must be 25 or fewer in length.")
    for i, choice in enumerate(choices):
        where = f"data.choices.{i}"
        name = choice.get("name") if isinstance(choice, dict) else None
        if not isinstance(name, str) or not 1 <= len(name) <= 100:
            raise invalid_form(f"{where}.name: Must be between 1 and 100 in length.")
        value = choice.get("value")
        if option_type == STRING and not (isinstance(value, str) and len(value) <= 100):
            raise invalid_form(f"{where}.value: Must be 100 or fewer in length.")
        is_int = isinstance(value, int) and not isinstance(value, bool)
        if option_type == INTEGER and not is_int:
            raise invalid_form(f"{where}.value: Value is not int.")
        if option_type == NUMBER and not (is_int or isinstance(value, float)):
            raise invalid_form(f"{where}.value: Value is not float.")


@dataclass(slots=True)
class InteractionRecord:
    id: int
    token: str
    type: int
    name: str
    user: User
    channel: Channel
    guild: Guild | None
    payload: Json
    created: float = field(default_factory=time.monotonic)
    callback_type: int | None = None
    callback: Json | None = None
    callback_at: float | None = None
    original: Message | None = None
    original_final: bool = False
    target: Message | None = None  # the message whose component was used
    # A user-installed app in a server that didn't add it, where the user lacks Use External
    # Apps: Discord makes every response ephemeral.
    forced_ephemeral: bool = False
    followups: list[Message] = field(default_factory=list)
    changed: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def finished(self) -> bool:
        """The user sees a final answer (not a "thinking…" placeholder)."""
        if self.callback_type in (MESSAGE, CHOICES, DEFERRED_UPDATE, UPDATE, SHOW_MODAL, PONG):
            return True
        return self.callback_type == DEFERRED_MESSAGE and self.original_final

    def touch(self) -> None:
        self.changed.set()


class InteractionBook:
    def __init__(self, world: World, *, deadline: float = 3.0) -> None:
        self.world = world
        self.deadline = deadline
        self.records: dict[int, InteractionRecord] = {}
        self.by_token: dict[str, InteractionRecord] = {}
        self.late_callbacks = 0

    # -- creating -------------------------------------------------------------------
    def create(
        self,
        *,
        kind: int,
        data: Json,
        user: User,
        channel: Channel,
        guild: Guild | None,
        message: Message | None = None,
        owners: dict[str, str] | None = None,
    ) -> InteractionRecord:
        """``owners`` (``authorizing_integration_owners``) default to the guild install."""
        world = self.world
        iid = world.ids.now()
        token = f"aW50ZXJhY3Rpb246{iid}:{secrets.token_urlsafe(24)}"
        payload: Json = {
            "id": str(iid),
            "application_id": str(world.app_id),
            "type": kind,
            "data": data,
            "token": token,
            "version": 1,
            "channel": channel.payload(),
            "channel_id": str(channel.id),
            "locale": "en-US",
            "entitlements": [],
            "attachment_size_limit": 10 * 1024 * 1024,
        }
        if owners is None:
            owners = {"0": str(guild.id) if guild is not None else "0"}
        forced_ephemeral = False
        if guild is not None:
            member = guild.members[user.id]
            permissions = guild.permissions_in(user.id, channel)
            # Discord sends the same partial guild whether or not the bot is in it.
            payload.update(
                guild_id=str(guild.id),
                guild={"id": str(guild.id), "locale": "en-US", "features": ["NEWS", "COMMUNITY"]},
                guild_locale="en-US",
                member=member.payload() | {"permissions": str(permissions)},
                context=0,
            )
            # "Use External Apps" governs only apps the server itself hasn't added.
            external = world.bot.id not in guild.members
            forced_ephemeral = external and not permissions & perms.USE_EXTERNAL_APPS
        else:
            payload.update(user=user.payload(), context=2 if channel.type == GROUP_DM else 1)
            external = channel.type == GROUP_DM
        app_permissions = perms.EXTERNAL_APP if external else world.bot_permissions_in(channel)
        payload.update(app_permissions=str(app_permissions), authorizing_integration_owners=owners)
        if message is not None:
            payload["message"] = message.raw
        name = str(data.get("name") or data.get("custom_id"))
        record = InteractionRecord(iid, token, kind, name, user, channel, guild, payload)
        record.target = message
        record.forced_ephemeral = forced_ephemeral
        self.records[iid] = record
        self.by_token[token] = record
        return record

    # -- callback -----------------------------------------------------------------
    def _metadata(self, record: InteractionRecord) -> Json:
        return {
            "id": str(record.id),
            "type": record.type,
            "user": record.user.payload(),
            "name": record.name,
            "authorizing_integration_owners": record.payload["authorizing_integration_owners"],
        }

    def callback(
        self, iid: int, token: str, body: Json, files: list[Json]
    ) -> tuple[Json, Message | None]:
        """Handle POST /interactions/{id}/{token}/callback; returns (reply, public message)."""
        record = self.records.get(iid)
        if record is None or record.token != token:
            raise ApiError(404, 10062, "Unknown interaction")
        if record.callback_type is not None:
            raise ApiError(400, 40060, "Interaction has already been acknowledged.")
        if time.monotonic() - record.created > self.deadline:
            self.late_callbacks += 1
            raise ApiError(404, 10062, "Unknown interaction")
        kind = body.get("type")
        data = body.get("data") or {}
        allowed = {
            COMMAND: {MESSAGE, DEFERRED_MESSAGE, SHOW_MODAL},
            AUTOCOMPLETE: {CHOICES},
            COMPONENT: {MESSAGE, DEFERRED_MESSAGE, DEFERRED_UPDATE, UPDATE, SHOW_MODAL},
            MODAL: {MESSAGE, DEFERRED_MESSAGE, DEFERRED_UPDATE, UPDATE},
        }.get(record.type, set())
        if kind not in allowed:
            raise ApiError(400, 40043, f"Interaction callback type {kind} is not allowed here")
        if kind == CHOICES:
            check_choices(data.get("choices"), _focused_type(record.payload["data"]))
        public: Message | None = None
        if kind in (MESSAGE, DEFERRED_MESSAGE):
            forced = EPHEMERAL if record.forced_ephemeral else 0
            if kind == MESSAGE:
                validate_message(data, files)
                flags = forced
            else:
                flags = LOADING | (int(data.get("flags") or 0) & EPHEMERAL) | forced
                data = {"flags": data.get("flags")}
            message = build_message(
                self.world,
                record.channel,
                data,
                files,
                author=self.world.bot,
                flags=flags,
                webhook_id=self.world.app_id,
                interaction=self._metadata(record),
            )
            record.original = message
            record.original_final = kind == MESSAGE
            if kind == MESSAGE and not message.flags & EPHEMERAL:
                public = message
        elif kind in (UPDATE, DEFERRED_UPDATE) and record.target is not None:
            # @original of a component interaction is the message that carried it.
            record.original = record.target
            record.original_final = True
            if kind == UPDATE:
                validate_message(data, files, partial=True)
                edit_message(self.world, record.channel, record.target, data, files)
        record.callback_type = int(kind)
        record.callback = body
        record.callback_at = time.monotonic()
        record.touch()
        original = record.original
        reply: Json = {
            "interaction": {
                "id": str(record.id),
                "type": record.type,
                "response_message_id": str(original.id) if original else None,
                "response_message_loading": bool(original and original.flags & LOADING),
                "response_message_ephemeral": bool(original and original.flags & EPHEMERAL),
                "activity_instance_id": None,
            },
            "resource": {"type": kind},
        }
        if original is not None:
            reply["resource"]["message"] = message_event(original)
        return reply, public

    # -- webhook-token routes --------------------------------------------------------
    def by_webhook(self, app_id: int, token: str) -> InteractionRecord:
        record = self.by_token.get(token)
        if record is None or app_id != self.world.app_id:
            raise ApiError(404, 10015, "Unknown Webhook")
        if time.monotonic() - record.created > TOKEN_LIFETIME:
            raise ApiError(401, 50027, "Invalid Webhook Token")
        return record

    def message_of(self, record: InteractionRecord, message_id: str) -> Message:
        if message_id == "@original":
            if record.original is None or record.original.deleted:
                raise ApiError(404, 10008, "Unknown Message")
            return record.original
        for message in record.followups:
            if str(message.id) == message_id and not message.deleted:
                return message
        if record.original is not None and str(record.original.id) == message_id:
            return record.original
        raise ApiError(404, 10008, "Unknown Message")

    def edit(
        self, record: InteractionRecord, message_id: str, body: Json, files: list[Json]
    ) -> tuple[Message, bool]:
        """PATCH a response; returns (message, became_visible_now)."""
        message = self.message_of(record, message_id)
        validate_message(body, files, partial=True)
        was_loading = bool(message.flags & LOADING)
        edit_message(self.world, record.channel, message, body, files)
        message.raw["flags"] = message.raw.get("flags", 0) & ~LOADING
        if message is record.original:
            record.original_final = True
        record.touch()
        return message, was_loading and not message.flags & EPHEMERAL

    def followup(
        self, record: InteractionRecord, body: Json, files: list[Json]
    ) -> tuple[Message, bool]:
        """POST a follow-up; returns (message, is_new_public_message)."""
        if record.callback_type is None:
            raise ApiError(404, 10015, "Unknown Webhook")
        validate_message(body, files)
        original = record.original
        if original is not None and original.flags & LOADING:
            # Discord turns the first follow-up after a deferral into the original response.
            edit_message(self.world, record.channel, original, body, files)
            original.raw["flags"] = original.flags & ~LOADING
            record.original_final = True
            record.touch()
            return original, not original.flags & EPHEMERAL
        message = build_message(
            self.world,
            record.channel,
            body,
            files,
            author=self.world.bot,
            flags=EPHEMERAL if record.forced_ephemeral else 0,
            webhook_id=self.world.app_id,
            interaction=self._metadata(record),
        )
        record.followups.append(message)
        record.touch()
        return message, not message.flags & EPHEMERAL
