"""Building and editing message objects, including the pings they really cause."""

from __future__ import annotations

from typing import Any

from bot.sandbox import perms
from bot.sandbox.mentions import MentionsError, Pings, effective_pings
from bot.sandbox.state import Channel, Json, Message, User, World, iso_now
from bot.sandbox.wire import ApiError, invalid_form

EPHEMERAL, LOADING, CROSSPOSTED = 1 << 6, 1 << 7, 1 << 0
# Flags a client may set on send/edit (SUPPRESS_EMBEDS, EPHEMERAL, SUPPRESS_NOTIFICATIONS, ...).
_CLIENT_FLAGS = (1 << 2) | EPHEMERAL | (1 << 12) | (1 << 15)
# What a message shows; an edit that would leave all of them empty is refused.
_SHOWN = ("content", "embeds", "components", "attachments", "sticker_items", "poll")


def _pings(world: World, channel: Channel, body: Json, replied_user: int | None) -> Pings:
    guild = world.guild_of(channel)
    can_everyone = bool(world.bot_permissions_in(channel) & perms.MENTION_EVERYONE)
    roles = guild.roles.values() if guild else []
    try:
        return effective_pings(
            str(body.get("content") or ""),
            body.get("allowed_mentions"),
            can_mention_everyone=can_everyone and guild is not None,
            mentionable_roles={r.id for r in roles if r.mentionable},
            guild_roles={r.id for r in roles if r.id != (guild.id if guild else 0)},
            replied_user=replied_user,
        )
    except MentionsError as exc:
        raise invalid_form(f"allowed_mentions: {exc}") from exc


def _attachments(world: World, files: list[Json]) -> list[Json]:
    out = []
    for f in files:
        aid = world.ids.now()
        out.append(
            {
                "id": str(aid),
                "filename": f["filename"],
                "size": f["size"],
                "url": f"https://cdn.discordapp.com/attachments/0/{aid}/{f['filename']}",
                "proxy_url": f"https://media.discordapp.net/attachments/0/{aid}/{f['filename']}",
            }
        )
    return out


def _apply_pings(world: World, raw: Json, pings: Pings) -> None:
    raw["mention_everyone"] = pings.everyone
    raw["mention_roles"] = [str(r) for r in pings.roles]
    raw["mentions"] = [world.users[u].payload() for u in pings.users if u in world.users]


def build_message(
    world: World,
    channel: Channel,
    body: Json,
    files: list[Json],
    *,
    author: User,
    flags: int = 0,
    webhook_id: int | None = None,
    interaction: Json | None = None,
    reference: Message | None = None,
) -> Message:
    """A new message object as Discord would return it (not yet stored)."""
    guild = world.guild_of(channel)
    pings = _pings(world, channel, body, reference.author_id if reference else None)
    raw: Json = {
        "id": str(world.ids.now()),
        "type": 0,
        "channel_id": str(channel.id),
        "author": author.payload(),
        "content": str(body.get("content") or ""),
        "timestamp": iso_now(),
        "edited_timestamp": None,
        "tts": bool(body.get("tts", False)),
        "attachments": _attachments(world, files),
        "embeds": list(body.get("embeds") or []),
        "components": list(body.get("components") or []),
        "pinned": False,
        "flags": (int(body.get("flags") or 0) & _CLIENT_FLAGS) | flags,
    }
    _apply_pings(world, raw, pings)
    if guild is not None:
        raw["guild_id"] = str(guild.id)
        member = guild.members.get(author.id)
        if member is not None and webhook_id is None:
            raw["member"] = {k: v for k, v in member.payload().items() if k != "user"}
    if webhook_id is not None:
        raw["webhook_id"] = str(webhook_id)
        raw["application_id"] = str(webhook_id)
    if interaction is not None:
        raw["type"] = 20
        raw["interaction_metadata"] = interaction
    if reference is not None:
        raw["type"] = 19
        raw["message_reference"] = {
            "type": 0,
            "message_id": str(reference.id),
            "channel_id": str(channel.id),
            "guild_id": str(guild.id) if guild else None,
        }
        raw["referenced_message"] = reference.raw
    if body.get("nonce") is not None:
        raw["nonce"] = body["nonce"]
    message = Message(raw, pings.everyone, pings.roles, pings.users)
    world.messages_by_id[message.id] = message
    return message


def edit_message(
    world: World, channel: Channel, message: Message, body: Json, files: list[Json]
) -> None:
    """Apply a PATCH body; pings are recomputed from the new content."""
    raw = message.raw
    # Every field of an edit is nullable, and null clears it.
    after = {k: body[k] if k in body else raw.get(k) for k in _SHOWN}
    after["content"] = (after["content"] or "").strip()
    if not (any(after.values()) or files):
        # An edit may not leave a message with nothing to show.
        raise ApiError(400, 50006, "Cannot send an empty message")
    for key, cleared in (("content", ""), ("embeds", []), ("components", [])):
        if key in body:
            raw[key] = cleared if body[key] is None else body[key]
    if "flags" in body and body["flags"] is not None:
        raw["flags"] = (
            (raw.get("flags", 0) & ~_CLIENT_FLAGS)
            | (int(body["flags"]) & _CLIENT_FLAGS)
            | (raw.get("flags", 0) & EPHEMERAL)
        )
    if "attachments" in body or files:
        kept = {str(a.get("id")) for a in body.get("attachments") or []}
        raw["attachments"] = [a for a in raw.get("attachments", []) if a["id"] in kept]
        raw["attachments"] += _attachments(world, files)
    raw["edited_timestamp"] = iso_now()
    if "content" in body or "allowed_mentions" in body:
        pings = _pings(world, channel, {**body, "content": raw.get("content", "")}, None)
        _apply_pings(world, raw, pings)
        message.pinged_everyone = pings.everyone
        message.pinged_roles = pings.roles
        message.pinged_users = pings.users


def message_event(message: Message) -> Json:
    """MESSAGE_CREATE / MESSAGE_UPDATE body."""
    return dict(message.raw)


def find_message(channel: Channel, message_id: Any) -> Message | None:
    try:
        wanted = int(message_id)
    except (TypeError, ValueError):
        return None
    for message in reversed(channel.messages):
        if message.id == wanted and not message.deleted:
            return message
    return None
