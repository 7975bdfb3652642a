"""Who a message really pings, given its content and `allowed_mentions` (Discord's rules).

Only the content pings; embeds never do. Without `allowed_mentions` everything in the
content is parsed. With it, only the listed `parse` types and the explicit `users`/`roles`
ids ping. `@everyone`/`@here` also need MENTION_EVERYONE; a role needs to be mentionable
unless the author has MENTION_EVERYONE.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

_EVERYONE = re.compile(r"@(everyone|here)\b")
_USER = re.compile(r"<@!?(\d{1,20})>")
_ROLE = re.compile(r"<@&(\d{1,20})>")
_PARSE_TYPES = frozenset({"everyone", "users", "roles"})


class MentionsError(ValueError):
    """`allowed_mentions` that Discord rejects with 400 (Invalid Form Body)."""


@dataclass(slots=True, frozen=True)
class Pings:
    """The mentions that actually notify someone."""

    everyone: bool = False
    roles: tuple[int, ...] = field(default=())
    users: tuple[int, ...] = field(default=())

    @property
    def any(self) -> bool:
        return self.everyone or bool(self.roles) or bool(self.users)


def _ids(values: Any, what: str) -> set[int]:
    if values is None:
        return set()
    if not isinstance(values, list) or len(values) > 100:
        raise MentionsError(f"allowed_mentions.{what} must be a list of at most 100 ids")
    try:
        return {int(v) for v in values}
    except (TypeError, ValueError) as exc:
        raise MentionsError(f"allowed_mentions.{what} holds a non-snowflake") from exc


def effective_pings(
    content: str,
    allowed: Mapping[str, Any] | None,
    *,
    can_mention_everyone: bool,
    mentionable_roles: Collection[int],
    guild_roles: Collection[int],
    replied_user: int | None = None,
) -> Pings:
    """Compute the pings of one message, or raise MentionsError for a malformed payload."""
    if allowed is None:
        parse = set(_PARSE_TYPES)
        users: set[int] = set()
        roles: set[int] = set()
        ping_reply = True
    else:
        raw_parse = allowed.get("parse") or []
        if not isinstance(raw_parse, list) or not set(raw_parse) <= _PARSE_TYPES:
            raise MentionsError("allowed_mentions.parse holds an unknown type")
        parse = set(raw_parse)
        users = _ids(allowed.get("users"), "users")
        roles = _ids(allowed.get("roles"), "roles")
        if users and "users" in parse:
            raise MentionsError("parse:users and users are mutually exclusive")
        if roles and "roles" in parse:
            raise MentionsError("parse:roles and roles are mutually exclusive")
        ping_reply = bool(allowed.get("replied_user", False))

    everyone = (
        "everyone" in parse and can_mention_everyone and _EVERYONE.search(content) is not None
    )
    pinged_users = [
        uid
        for uid in dict.fromkeys(int(m) for m in _USER.findall(content))
        if "users" in parse or uid in users
    ]
    if replied_user is not None and ping_reply and replied_user not in pinged_users:
        pinged_users.append(replied_user)
    pinged_roles = [
        rid
        for rid in dict.fromkeys(int(m) for m in _ROLE.findall(content))
        if rid in guild_roles
        and ("roles" in parse or rid in roles)
        and (can_mention_everyone or rid in mentionable_roles)
    ]
    return Pings(everyone=everyone, roles=tuple(pinged_roles), users=tuple(pinged_users))
