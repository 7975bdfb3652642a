"""Turn `{"name": "Yuri"}` into the typed, nested options Discord's client would send.

Uses the synced command definition, so a test that passes a wrong option name, a missing
required option or an out-of-range value fails the way a real user could not even send.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from bot.sandbox.state import THREADS, Channel, Guild, Json, World

SUB_COMMAND, SUB_COMMAND_GROUP = 1, 2
STRING, INTEGER, BOOLEAN, USER, CHANNEL, ROLE, MENTIONABLE, NUMBER, ATTACHMENT = (
    3, 4, 5, 6, 7, 8, 9, 10, 11
)  # fmt: skip
_KIND_NAMES = {USER: "user", ROLE: "role", MENTIONABLE: "user or role"}
_TRUE = {"true", "yes", "1", "on", "y"}
_FALSE = {"false", "no", "0", "off", "n"}


class _HasName(Protocol):
    @property
    def name(self) -> str: ...


_Named = TypeVar("_Named", bound=_HasName)


class CommandUsageError(ValueError):
    """The command line could not be sent by a real Discord client."""


@dataclass(slots=True)
class Built:
    options: list[Json]
    resolved: dict[str, dict[str, Json]] = field(default_factory=dict)


def subcommand_path(subcommand: str | Sequence[str] | None) -> list[str]:
    if subcommand is None:
        return []
    if isinstance(subcommand, str):
        return subcommand.split()
    return list(subcommand)


def leaf_options(command: Json, path: Sequence[str]) -> list[Json]:
    """The option definitions of the (sub)command at `path`; raises on a wrong path."""
    defs: list[Json] = command.get("options") or []
    where = "/" + command["name"]
    for name in path:
        subs = {o["name"]: o for o in defs if o.get("type") in (SUB_COMMAND, SUB_COMMAND_GROUP)}
        if name not in subs:
            known = ", ".join(sorted(subs)) or "none"
            raise CommandUsageError(f"{where} has no subcommand {name!r} (known: {known})")
        defs = subs[name].get("options") or []
        where += " " + name
    nested = [o["name"] for o in defs if o.get("type") in (SUB_COMMAND, SUB_COMMAND_GROUP)]
    if nested:
        raise CommandUsageError(f"{where} needs a subcommand: {', '.join(sorted(nested))}")
    return defs


def _choice(defn: Json, value: Any) -> Any:
    choices = defn.get("choices") or []
    if not choices:
        return value
    for choice in choices:
        if value == choice["value"] or str(value) == str(choice["value"]):
            return choice["value"]
    for choice in choices:
        if str(value).lower() == str(choice["name"]).lower():
            return choice["value"]
    names = ", ".join(str(c["name"]) for c in choices)
    raise CommandUsageError(f"{defn['name']}: {value!r} is not one of: {names}")


def _number(defn: Json, value: Any, kind: type) -> Any:
    if isinstance(value, bool):
        raise CommandUsageError(f"{defn['name']}: expected a number, got {value!r}")
    try:
        number = kind(value)
        if kind is int and isinstance(value, float) and not value.is_integer():
            raise ValueError
    except (TypeError, ValueError):
        raise CommandUsageError(
            f"{defn['name']}: {value!r} is not a valid {kind.__name__}"
        ) from None
    low, high = defn.get("min_value"), defn.get("max_value")
    if (low is not None and number < low) or (high is not None and number > high):
        raise CommandUsageError(f"{defn['name']}: {number} is outside {low}..{high}")
    return number


class _Resolver:
    def __init__(self, world: World, guild: Guild | None, user_id: int | None = None) -> None:
        self.world = world
        self.guild = guild
        self.user_id = user_id
        self.resolved: dict[str, dict[str, Json]] = {}

    def _put(self, kind: str, key: int, value: Json) -> str:
        self.resolved.setdefault(kind, {})[str(key)] = value
        return str(key)

    def user(self, value: Any) -> str | None:
        aliases = {
            "admin": self.world.admin,
            "member": self.world.member,
            "owner": self.world.owner,
        }
        user = aliases.get(str(value).lower().lstrip("@"))
        if user is None:
            try:
                user = self.world.users.get(int(str(value).strip("<@!>")))
            except ValueError:
                return None
        if user is None:
            return None
        self._put("users", user.id, user.payload())
        if self.guild is not None and user.id in self.guild.members:
            member = self.guild.members[user.id].payload()
            member.pop("user")
            member["permissions"] = str(self.guild.guild_permissions(user.id))
            self._put("members", user.id, member)
        return str(user.id)

    def role(self, value: Any) -> str | None:
        if self.guild is None:
            return None
        text = str(value)
        if text.startswith("<@&") and text.endswith(">"):  # a mention, as a reply shows it
            text = text[3:-1]
        # By name as the role list shows it ("@everyone" is named with its @), else by id.
        role = _named(self.guild.roles.values(), text, text.lstrip("@"))
        if role is None and text.lstrip("@").isdigit():
            role = self.guild.roles.get(int(text.lstrip("@")))
        return None if role is None else self._put("roles", role.id, role.payload())

    def channel(self, defn: Json, value: Any) -> str:
        text = str(value).strip("<#>")
        live = [c for c in self.guild.channels.values() if not c.deleted] if self.guild else []
        channel = _named(live, text)
        if channel is None and text.isdigit():
            channel = self.world.channels.get(int(text))
        if channel is None:
            known = ", ".join("#" + c.name for c in live) or "none"
            raise CommandUsageError(f"{defn['name']}: no channel {value!r} (channels: {known})")
        allowed = defn.get("channel_types")
        if allowed and channel.type not in allowed:
            raise CommandUsageError(
                f"{defn['name']}: #{channel.name} is not an allowed channel type"
            )
        data: Json = {
            "id": str(channel.id),
            "name": channel.name,
            "type": channel.type,
            # The invoking user's permissions there (Discord's resolved channel), not the bot's.
            "permissions": str(self._permissions(channel)),
            "parent_id": str(channel.parent_id) if channel.parent_id else None,
        }
        if channel.type in THREADS:
            data["thread_metadata"] = channel.payload()["thread_metadata"]
        return self._put("channels", channel.id, data)

    def _permissions(self, channel: Channel) -> int:
        if self.guild is None or self.user_id not in self.guild.members:
            return self.world.bot_permissions_in(channel)
        return self.guild.permissions_in(self.user_id, channel)


def _named(items: Iterable[_Named], *names: str) -> _Named | None:
    """The item called one of ``names``: exactly, else ignoring case (a console user types
    "news pings" for the role Discord's picker shows as "News pings")."""
    pool = list(items)
    for same in (str.__eq__, lambda a, b: a.casefold() == b.casefold()):
        found = next((i for i in pool for n in names if same(i.name, n)), None)
        if found is not None:
            return found
    return None


def _convert(defn: Json, value: Any, resolver: _Resolver) -> Any:
    kind = defn.get("type")
    name = defn["name"]
    if kind == STRING:
        text = _choice(defn, str(value))
        low, high = defn.get("min_length", 0), defn.get("max_length", 6000)
        if not low <= len(text) <= high:
            raise CommandUsageError(f"{name}: length must be {low}..{high}")
        return text
    if kind == INTEGER:
        return _choice(defn, _number(defn, value, int))
    if kind == NUMBER:
        return _choice(defn, _number(defn, value, float))
    if kind == BOOLEAN:
        if isinstance(value, bool):
            return value
        if str(value).lower() in _TRUE | _FALSE:
            return str(value).lower() in _TRUE
        raise CommandUsageError(f"{name}: {value!r} is not true/false")
    if kind == CHANNEL:
        return resolver.channel(defn, value)
    found = None
    if kind in (USER, MENTIONABLE):
        found = resolver.user(value)
    if found is None and kind in (ROLE, MENTIONABLE):
        found = resolver.role(value)
    if found is None:
        known = [] if resolver.guild is None else [r.name for r in resolver.guild.roles.values()]
        if kind in (USER, MENTIONABLE):
            known = ["admin", "member", "owner", *(known if kind == MENTIONABLE else [])]
        what = _KIND_NAMES.get(int(kind or 0), "user or role")
        raise CommandUsageError(f"{name}: no {what} {value!r} here ({', '.join(known)})")
    return found


def build_options(
    world: World,
    guild: Guild | None,
    command: Json,
    path: Sequence[str],
    values: Mapping[str, Any],
    *,
    focused: str | None = None,
    user_id: int | None = None,
) -> Built:
    """Typed options (nested under the subcommand path) plus `resolved` data."""
    defs = leaf_options(command, path)
    label = " ".join(["/" + command["name"], *path])
    by_name = {d["name"]: d for d in defs}
    unknown = sorted(set(values) - set(by_name))
    if unknown:
        raise CommandUsageError(
            f"{label}: unknown option(s) {', '.join(unknown)} "
            f"(known: {', '.join(by_name) or 'none'})"
        )
    if focused is not None and focused not in by_name:
        raise CommandUsageError(f"{label}: cannot focus unknown option {focused!r}")
    if focused is not None and not by_name[focused].get("autocomplete"):
        # Discord asks the app for suggestions only where the option was synced for them.
        raise CommandUsageError(f"{label}: option {focused!r} has no autocomplete")
    resolver = _Resolver(world, guild, user_id)
    leaf: list[Json] = []
    for defn in defs:
        name = defn["name"]
        if name == focused:
            leaf.append(
                {
                    "name": name,
                    "type": defn["type"],
                    "value": str(values.get(name, "")),
                    "focused": True,
                }
            )
        elif name in values:
            leaf.append(
                {
                    "name": name,
                    "type": defn["type"],
                    "value": _convert(defn, values[name], resolver),
                }
            )
        elif defn.get("required") and focused is None:
            raise CommandUsageError(f"{label}: missing required option {name!r}")
    options = leaf
    kinds = _path_kinds(command, path)
    for name, kind in reversed(list(zip(path, kinds, strict=True))):
        options = [{"name": name, "type": kind, "options": options}]
    return Built(options, resolver.resolved)


def _path_kinds(command: Json, path: Sequence[str]) -> list[int]:
    kinds = []
    defs = command.get("options") or []
    for name in path:
        defn = next(o for o in defs if o["name"] == name)
        kinds.append(int(defn["type"]))
        defs = defn.get("options") or []
    return kinds


def option_names(command: Json, path: Sequence[str]) -> list[str]:
    return [d["name"] for d in leaf_options(command, path)]
