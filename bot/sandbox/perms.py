"""Discord permission bits and the server-side permission algorithm.

Same order as Discord: owner → base (@everyone + roles) → administrator → channel
overwrites (@everyone, then roles together, then the member) → implicit denials.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

CREATE_INSTANT_INVITE = 1 << 0
KICK_MEMBERS = 1 << 1
BAN_MEMBERS = 1 << 2
ADMINISTRATOR = 1 << 3
MANAGE_CHANNELS = 1 << 4
MANAGE_GUILD = 1 << 5
ADD_REACTIONS = 1 << 6
VIEW_CHANNEL = 1 << 10
SEND_MESSAGES = 1 << 11
SEND_TTS_MESSAGES = 1 << 12
MANAGE_MESSAGES = 1 << 13
EMBED_LINKS = 1 << 14
ATTACH_FILES = 1 << 15
READ_MESSAGE_HISTORY = 1 << 16
MENTION_EVERYONE = 1 << 17
USE_EXTERNAL_EMOJIS = 1 << 18
CHANGE_NICKNAME = 1 << 26
MANAGE_ROLES = 1 << 28
MANAGE_WEBHOOKS = 1 << 29
USE_APPLICATION_COMMANDS = 1 << 31
MANAGE_EVENTS = 1 << 33
MANAGE_THREADS = 1 << 34
CREATE_PUBLIC_THREADS = 1 << 35
CREATE_PRIVATE_THREADS = 1 << 36
SEND_MESSAGES_IN_THREADS = 1 << 38
CREATE_EVENTS = 1 << 44
USE_EXTERNAL_APPS = 1 << 50

ALL = (1 << 51) - 1

# What a fresh server gives @everyone (close to Discord's default role).
EVERYONE_DEFAULT = (
    CREATE_INSTANT_INVITE
    | ADD_REACTIONS
    | VIEW_CHANNEL
    | SEND_MESSAGES
    | EMBED_LINKS
    | ATTACH_FILES
    | READ_MESSAGE_HISTORY
    | USE_EXTERNAL_EMOJIS
    | CHANGE_NICKNAME
    | USE_APPLICATION_COMMANDS
    | CREATE_PUBLIC_THREADS
    | SEND_MESSAGES_IN_THREADS
)

# An app's permissions where its bot isn't: what Discord documents for (group) DMs with
# other users, and what the sandbox also gives in servers only its users installed it to.
EXTERNAL_APP = ATTACH_FILES | EMBED_LINKS | MENTION_EVERYONE

MODERATOR = MANAGE_GUILD | MANAGE_ROLES | MANAGE_MESSAGES | MANAGE_CHANNELS | MANAGE_THREADS

# The bot's managed role: what an invite link with sensible scopes would grant.
BOT_DEFAULT = (
    VIEW_CHANNEL
    | SEND_MESSAGES
    | EMBED_LINKS
    | ATTACH_FILES
    | READ_MESSAGE_HISTORY
    | MENTION_EVERYONE
    | MANAGE_ROLES
    | MANAGE_MESSAGES
    | CREATE_PUBLIC_THREADS
    | SEND_MESSAGES_IN_THREADS
    | USE_EXTERNAL_EMOJIS
)

# Without SEND_MESSAGES these are meaningless, and Discord drops them.
_NEEDS_SEND = MENTION_EVERYONE | SEND_TTS_MESSAGES | ATTACH_FILES | EMBED_LINKS


@dataclass(slots=True)
class Overwrite:
    """One channel permission overwrite; kind 0 = role, 1 = member."""

    target_id: int
    kind: int
    allow: int = 0
    deny: int = 0

    def payload(self) -> dict[str, object]:
        return {
            "id": str(self.target_id),
            "type": self.kind,
            "allow": str(self.allow),
            "deny": str(self.deny),
        }


def base_permissions(*, everyone: int, role_perms: Iterable[int], is_owner: bool = False) -> int:
    """Guild-level permissions of a member."""
    if is_owner:
        return ALL
    perms = everyone
    for value in role_perms:
        perms |= value
    return ALL if perms & ADMINISTRATOR else perms


def channel_permissions(
    base: int,
    overwrites: Iterable[Overwrite],
    *,
    guild_id: int,
    member_id: int,
    role_ids: Iterable[int],
) -> int:
    """Apply a channel's overwrites to guild-level permissions."""
    if base & ADMINISTRATOR:
        return ALL
    by_target = {(ow.kind, ow.target_id): ow for ow in overwrites}
    perms = base
    everyone = by_target.get((0, guild_id))
    if everyone is not None:
        perms = (perms & ~everyone.deny) | everyone.allow
    allow = deny = 0
    for role_id in role_ids:
        ow = by_target.get((0, role_id))
        if ow is not None:
            allow |= ow.allow
            deny |= ow.deny
    perms = (perms & ~deny) | allow
    own = by_target.get((1, member_id))
    if own is not None:
        perms = (perms & ~own.deny) | own.allow
    if not perms & VIEW_CHANNEL:
        return 0
    if not perms & SEND_MESSAGES:
        perms &= ~_NEEDS_SEND
    return perms
