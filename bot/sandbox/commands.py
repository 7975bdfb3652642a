"""Application command storage (bulk overwrite) with Discord's ids, versions and validation."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from typing import Any

Json = dict[str, Any]

SUB_COMMAND, SUB_COMMAND_GROUP = 1, 2
CHAT_INPUT = 1
# Installation contexts (integration_types) and interaction contexts (contexts).
GUILD_INSTALL, USER_INSTALL = 0, 1
GUILD, BOT_DM, PRIVATE_CHANNEL = 0, 1, 2
ALL_CONTEXTS = frozenset({GUILD, BOT_DM, PRIVATE_CHANNEL})
UNSET_CONTEXTS = frozenset({GUILD, BOT_DM})  # a global command's with contexts null
# The sandbox app, like a fan bot, offers both installs (the developer portal's setting).
APP_INSTALLS = frozenset({GUILD_INSTALL, USER_INSTALL})
# Discord's ^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$, near enough (an apostrophe too).
_NAME = re.compile(r"^[-_'\w]{1,32}$")
_KEPT = (
    "name",
    "name_localizations",
    "description",
    "description_localizations",
    "options",
    "default_member_permissions",
    "dm_permission",
    "nsfw",
    "contexts",
    "integration_types",
)


class CommandError(ValueError):
    """A command payload Discord would refuse with 400 / 50035."""


STRING, INTEGER, NUMBER = 3, 4, 10
_NUMERIC = (INTEGER, NUMBER)
_SAFE_INT = 2**53  # min_value / max_value lie within ±2^53


def _check_value_ranges(opt: Json, here: str) -> None:
    """min/max_value of a number option, min/max_length of a string one, as documented."""
    for key in ("min_value", "max_value"):
        value = opt.get(key)
        if value is None:
            continue
        number = isinstance(value, int | float) and not isinstance(value, bool)
        if not number or not -_SAFE_INT <= value <= _SAFE_INT:
            raise CommandError(f"{here}.{key}: must be a number within ±2^53")
    for key, low in (("min_length", 0), ("max_length", 1)):
        value = opt.get(key)
        if value is not None and not (isinstance(value, int) and low <= value <= 6000):
            raise CommandError(f"{here}.{key}: must be between {low} and 6000")


def _check_choice_value(value: object, kind: object, here: str) -> None:
    """A choice's value is of its option's type (a string one at most 100 characters)."""
    is_int = isinstance(value, int) and not isinstance(value, bool)
    if kind == STRING and not (isinstance(value, str) and len(value) <= 100):
        raise CommandError(f"{here}: a choice's value must be a string of at most 100")
    if kind == INTEGER and not is_int:
        raise CommandError(f"{here}: a choice's value must be an integer")
    if kind == NUMBER and not (is_int or isinstance(value, float)):
        raise CommandError(f"{here}: a choice's value must be a number")


def _check_options(options: list[Json], where: str, depth: int) -> None:
    if len(options) > 25:
        raise CommandError(f"{where}: more than 25 options")
    # Subcommands (and groups) are exclusive to every other option type at one level.
    kinds = {opt.get("type") in (SUB_COMMAND, SUB_COMMAND_GROUP) for opt in options}
    if len(kinds) > 1:
        raise CommandError(f"{where}: subcommands mixed with other options")
    seen: set[str] = set()
    optional_seen = False
    for opt in options:
        name = opt.get("name", "")
        here = f"{where}.{name}"
        if not _NAME.match(name) or name != name.lower():
            raise CommandError(f"{here}: invalid option name")
        if name in seen:
            raise CommandError(f"{here}: duplicate option name")
        seen.add(name)
        if not 1 <= len(opt.get("description", "")) <= 100:
            raise CommandError(f"{here}: description must be 1-100 characters")
        kind = opt.get("type")
        if isinstance(kind, bool) or kind not in range(1, 12):
            raise CommandError(f"{here}.type: Value must be one of (1, 2, ..., 11).")
        if kind in (SUB_COMMAND, SUB_COMMAND_GROUP):
            if depth >= 2 or (kind == SUB_COMMAND_GROUP and depth >= 1):
                raise CommandError(f"{here}: subcommands nested too deep")
            _check_options(opt.get("options") or [], here, depth + 1)
            continue
        if opt.get("required"):
            if optional_seen:
                raise CommandError(f"{here}: required options must come first")
        else:
            optional_seen = True
        _check_value_ranges(opt, here)
        choices = opt.get("choices") or []
        if len(choices) > 25:
            raise CommandError(f"{here}: more than 25 choices")
        if (choices or opt.get("autocomplete")) and kind not in (STRING, *_NUMERIC):
            raise CommandError(f"{here}: only string, integer and number options offer choices")
        for choice in choices:
            if not 1 <= len(choice.get("name") or "") <= 100:
                raise CommandError(f"{here}: a choice's name must be 1-100 characters")
            _check_choice_value(choice.get("value"), kind, here)
        if choices and opt.get("autocomplete"):
            raise CommandError(f"{here}: choices and autocomplete are exclusive")


# Names, descriptions and choice values of a command, its options and choices, together.
COMMAND_SIZE = 4000


def _size(item: Json) -> int:
    size = len(item.get("name") or "") + len(item.get("description") or "")
    size += len(str(item.get("value", "")))
    for key in ("name_localizations", "description_localizations"):
        size += max(map(len, (item.get(key) or {}).values()), default=0)
    return size + sum(_size(o) for o in (item.get("options") or []) + (item.get("choices") or []))


def _check_kinds(command: Json, key: str, allowed: frozenset[int]) -> None:
    """``integration_types`` / ``contexts``: null (the default) or a list of known values."""
    value = command.get(key)
    if value is None:
        return
    if not isinstance(value, list):
        raise CommandError(f"{command.get('name')!r}.{key}: must be a list")
    known = ", ".join(map(str, sorted(allowed)))
    for i, kind in enumerate(value):
        if isinstance(kind, bool) or kind not in allowed:
            raise CommandError(
                f"{command.get('name')!r}.{key}.{i}: Value must be one of {{{known}}}."
            )


def validate(command: Json, installs: frozenset[int] = APP_INSTALLS) -> None:
    """Discord's checks on one command; ``installs`` are the installation contexts the
    application itself supports (a command may not ask for another)."""
    name = command.get("name", "")
    _check_kinds(command, "contexts", ALL_CONTEXTS)
    _check_kinds(command, "integration_types", APP_INSTALLS)
    unsupported = set(command.get("integration_types") or ()) - installs
    if unsupported:
        raise CommandError(
            f"{name!r}.integration_types: the application does not support installation"
            f" context(s) {sorted(unsupported)}"
        )
    kind = command.get("type", CHAT_INPUT)
    if kind == CHAT_INPUT:
        if not _NAME.match(name) or name != name.lower():
            raise CommandError(f"{name!r}: invalid command name")
        if not 1 <= len(command.get("description", "")) <= 100:
            raise CommandError(f"{name}: description must be 1-100 characters")
        _check_options(command.get("options") or [], name, 0)
        if _size(command) > COMMAND_SIZE:
            raise CommandError(f"{name}: over {COMMAND_SIZE} characters in all")
    elif not 1 <= len(name) <= 32:
        raise CommandError(f"{name!r}: invalid context-menu name")


def reach(command: Json, installs: frozenset[int]) -> tuple[frozenset[int], frozenset[int]]:
    """The installation and interaction contexts a stored command can be run in.

    ``contexts`` and ``integration_types`` apply to global commands only: a guild's own
    commands are run in that guild, through the app installed there. Unset, a global
    command takes the app's installation contexts and runs in servers and the bot's DM,
    never a group DM (Discord's "If not specified, the default is currently {GUILD,
    BOT_DM}", devsnek's contexts gist; discord-api-docs #6744); the deprecated
    ``dm_permission: false`` still keeps it out of the bot's DMs.
    """
    if command.get("guild_id") is not None:
        return frozenset({GUILD_INSTALL}), frozenset({GUILD})
    types = command.get("integration_types")
    contexts = command.get("contexts")
    if contexts is None:
        contexts = UNSET_CONTEXTS - ({BOT_DM} if command.get("dm_permission") is False else set())
    return (installs if types is None else frozenset(types)), frozenset(contexts)


def authorizing_owners(
    command: Json,
    installs: frozenset[int],
    *,
    context: int,
    guild_id: int | None,
    guild_installed: bool,
    user_id: int,
    user_installed: bool,
) -> dict[str, str]:
    """``authorizing_integration_owners`` for running ``command`` there, as Discord fills
    it: a key per installation that the command supports and that allows this context.
    Empty: Discord offers the command nowhere there, so it is never run."""
    types, contexts = reach(command, installs)
    if context not in contexts:
        return {}
    owners: dict[str, str] = {}
    # A guild install reaches its server and the bot's DM; no group DM (no bot in one).
    if GUILD_INSTALL in types and (context == BOT_DM or (context == GUILD and guild_installed)):
        owners[str(GUILD_INSTALL)] = str(guild_id) if context == GUILD else "0"
    if USER_INSTALL in types and user_installed:
        owners[str(USER_INSTALL)] = str(user_id)
    return owners


def held(raw: Json, installs: frozenset[int], *, is_global: bool) -> Json:
    """A command as Discord answers for it (PUT and GET), not as it was sent: permissions
    as a string, the deprecated ``default_permission``, ``nsfw`` and, for a global one,
    ``dm_permission``, ``contexts`` (null when unset) and ``integration_types`` (the app's
    installs when unset) always there; an option's ``required`` and ``autocomplete`` left
    out when false, and empty choices (the application command object's documented fields;
    discord-api-docs #6744 for the nulls and defaults)."""
    cmd: Json = {k: copy.deepcopy(raw[k]) for k in _KEPT if k in raw}
    permissions = cmd.get("default_member_permissions")
    cmd.update(
        default_member_permissions=None if permissions is None else str(permissions),
        default_permission=True,
        nsfw=bool(cmd.get("nsfw")),
        options=[_held_option(o) for o in cmd.get("options") or []],
    )
    if is_global:
        cmd.setdefault("dm_permission", True)
        cmd.setdefault("contexts", None)
        if cmd.get("integration_types") is None:
            cmd["integration_types"] = sorted(installs)
    else:  # only for global commands
        for key in ("dm_permission", "contexts", "integration_types"):
            cmd.pop(key, None)
    return cmd


def _held_option(option: Json) -> Json:
    out = {k: v for k, v in option.items() if v is not None}
    for key in ("required", "autocomplete", "choices"):
        if not out.get(key):
            out.pop(key, None)
    if "options" in out:
        out["options"] = [_held_option(o) for o in out["options"]]
    return out


class CommandStore:
    """Commands per scope (None = global), with ids stable across overwrites."""

    def __init__(
        self,
        app_id: int,
        new_id: Callable[[], int],
        installs: frozenset[int] = APP_INSTALLS,
    ) -> None:
        self.app_id = app_id
        self.installs = installs
        self._new_id = new_id
        self._ids: dict[tuple[int | None, str, int], int] = {}
        self._scopes: dict[int | None, list[Json]] = {}
        self._version: dict[int, int] = {}
        self.overwrites = 0

    def overwrite(self, guild_id: int | None, body: Any) -> list[Json]:
        if not isinstance(body, list) or len(body) > 100:
            raise CommandError("body must be a list of at most 100 commands")
        keys: set[tuple[str, int]] = set()
        stored: list[Json] = []
        for raw in body:
            if not isinstance(raw, dict):
                raise CommandError("each command must be an object")
            validate(raw, self.installs)
            kind = int(raw.get("type", CHAT_INPUT))
            key = (raw["name"], kind)
            if key in keys:
                raise CommandError(f"{raw['name']}: duplicate command name")
            keys.add(key)
            cmd_id = self._ids.setdefault((guild_id, raw["name"], kind), self._new_id())
            cmd = held(raw, self.installs, is_global=guild_id is None)
            cmd.update(
                id=str(cmd_id),
                application_id=str(self.app_id),
                type=kind,
                version=str(self._bump(cmd_id, raw)),
            )
            if guild_id is not None:
                cmd["guild_id"] = str(guild_id)
            stored.append(cmd)
        self._scopes[guild_id] = stored
        self.overwrites += 1
        return copy.deepcopy(stored)

    def _bump(self, cmd_id: int, raw: Json) -> int:
        # A version changes whenever a command changes; here: on every overwrite.
        self._version[cmd_id] = self._version.get(cmd_id, cmd_id) + 1
        return self._version[cmd_id]

    def list(self, guild_id: int | None) -> list[Json]:
        return copy.deepcopy(self._scopes.get(guild_id, []))

    def find(self, name: str, guild_id: int | None) -> Json | None:
        """The chat-input command a user in this guild (or DM when None) would run."""
        scopes = [guild_id, None] if guild_id is not None else [None]
        for scope in scopes:
            for cmd in self._scopes.get(scope, []):
                if cmd["name"] == name and cmd["type"] == CHAT_INPUT:
                    return cmd
        return None

    def synced(self, guild_id: int | None) -> bool:
        return guild_id in self._scopes
