"""The code's slash commands against what Discord holds of them: all of them at start (the
payloads a sync would send against those Discord returns), and one fan's invocation (a client
still showing a command as it was before an upgrade)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from discord import app_commands

Json = dict[str, Any]

SUBCOMMAND_TYPES = (1, 2)  # SUB_COMMAND, SUB_COMMAND_GROUP
CHAT_INPUT = 1
GUILD, BOT_DM = 0, 1
# A command with no contexts (Discord holds ``contexts: null``) runs in servers and the bot's
# DM, not group DMs: Discord's own word (devsnek's "contexts" gist, "If not specified, the
# default is currently {GUILD, BOT_DM}"; discord-api-docs #6744, #7583), whatever its docs'
# "all interaction context types" said. The deprecated dm_permission: false drops the DM.
UNSET_CONTEXTS = [GUILD, BOT_DM]
# Discord's own fields, not the command's: they change with every sync.
_IDENTITY = frozenset({"id", "application_id", "version", "guild_id", "default_permission"})
# Fields Discord fills (or drops) when they hold their default: false, and no localizations.
_FALSE_BY_DEFAULT = frozenset({"required", "autocomplete", "nsfw"})
_SETS = frozenset({"contexts", "integration_types", "channel_types"})
# A line names at most this many commands of each kind: the rest are counted.
NAMED = 10

STALE_TEXT = (
    "This command has changed since your Discord app loaded it. It should update shortly"
    " (restarting Discord helps); if it keeps happening, ask a moderator to tell the bot's host."
)


def digest(payload: Sequence[Json]) -> str:
    """What a stored "synced" mark holds: the payload a sync sent, hashed."""
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def normalised(item: Mapping[str, Any]) -> Json:
    """A command, option or choice as Discord means it: ids and versions dropped, each
    field at its default dropped (Discord returns ``required: false``, empty localizations,
    ``nsfw: false``; discord.py sends ``null``s), permissions as a string, sets sorted."""
    out: Json = {}
    for key, value in item.items():
        if key in _IDENTITY or key.endswith("_localized") or value in (None, "", [], {}):
            continue
        if key in _FALSE_BY_DEFAULT and value is False:
            continue
        if key in ("options", "choices"):
            value = [normalised(o) for o in value]
        elif key in _SETS:
            value = sorted(value)
        elif key == "default_member_permissions":
            value = str(value)
        out[key] = value
    return out


def _command(item: Mapping[str, Any]) -> Json:
    """``normalised``, with the deprecated ``dm_permission`` read into ``contexts`` where a
    command names none (``UNSET_CONTEXTS``)."""
    out = normalised(item)
    out.setdefault("type", CHAT_INPUT)
    dm = out.pop("dm_permission", True)
    out.setdefault("contexts", UNSET_CONTEXTS if dm else [GUILD])
    return out


@dataclass(frozen=True)
class Drift:
    """Commands, by path (``/feeds add``), that a sync would add, change or remove."""

    new: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    gone: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.new or self.changed or self.gone)

    def summary(self) -> str:
        """``new: /x; changed: /feeds add; gone: /y``."""
        parts = []
        for label, paths in (("new", self.new), ("changed", self.changed), ("gone", self.gone)):
            if paths:
                more = f" and {len(paths) - NAMED} more" if len(paths) > NAMED else ""
                parts.append(f"{label}: {', '.join(paths[:NAMED])}{more}")
        return "; ".join(parts)


def drift(code: Sequence[Json], synced: Sequence[Json]) -> Drift:
    """What differs between the payloads a sync of ``code`` would send and the commands
    Discord returned (``synced``), named down to subcommands."""
    new: list[str] = []
    changed: list[str] = []
    gone: list[str] = []
    _compare(_by_key(code), _by_key(synced), "", new, changed, gone)
    return Drift(tuple(new), tuple(changed), tuple(gone))


def _by_key(items: Iterable[Mapping[str, Any]]) -> dict[tuple[str, int], Json]:
    return {(i["name"], i.get("type", CHAT_INPUT)): _command(i) for i in items}


def _path(parent: str, item: Json) -> str:
    if parent:
        return f"{parent} {item['name']}"
    # A context menu's name is a label ("Show card"), a chat command's a slash name.
    return f"/{item['name']}" if item.get("type", CHAT_INPUT) == CHAT_INPUT else item["name"]


def _subcommands(item: Json) -> dict[tuple[str, int], Json] | None:
    options = item.get("options", [])
    if options and all(o.get("type") in SUBCOMMAND_TYPES for o in options):
        return {(o["name"], o["type"]): o for o in options}
    return None


def _compare(
    code: dict[tuple[str, int], Json],
    synced: dict[tuple[str, int], Json],
    parent: str,
    new: list[str],
    changed: list[str],
    gone: list[str],
) -> None:
    for key, mine in code.items():
        theirs = synced.get(key)
        if theirs is None:
            new.append(_path(parent, mine))
            continue
        if not parent and "integration_types" not in mine:
            # Left unset, Discord fills in the app's own installs, which the code can't know.
            theirs = {k: v for k, v in theirs.items() if k != "integration_types"}
        if mine == theirs:
            continue
        mine_subs, their_subs = _subcommands(mine), _subcommands(theirs)
        own = {k: v for k, v in mine.items() if k != "options"}
        if mine_subs is None or their_subs is None or own != _without_options(theirs):
            changed.append(_path(parent, mine))  # the command itself, or plain options
            continue
        _compare(mine_subs, their_subs, _path(parent, mine), new, changed, gone)
    gone.extend(_path(parent, theirs) for key, theirs in synced.items() if key not in code)


def _without_options(item: Json) -> Json:
    return {k: v for k, v in item.items() if k != "options"}


# -- a fan's invocation --------------------------------------------------------------------

Leaf = app_commands.Command[Any, ..., Any]
Node = Leaf | app_commands.Group


def stale_invocation(command: Node | None, options: Sequence[Json], *, partial: bool) -> str | None:
    """Why an invocation of ``command`` (None: the code has no command of that name) with
    these interaction ``options`` can only come from a client showing commands as they were
    synced before the code changed: a subcommand, option, choice or option type the code no
    longer has, a required option it lacks, or suggestions asked for an option it offers
    none for. None: the code can run it. ``partial``: an
    autocomplete, where required options may not be filled in yet."""
    if command is None:
        return "no such command"
    path = command.qualified_name
    while isinstance(command, app_commands.Group):
        sub = next((o for o in options if o.get("type") in SUBCOMMAND_TYPES), None)
        if sub is None:
            return f"/{path} is a group now"
        command = command.get_command(sub["name"])
        if command is None:
            return f"/{path} has no subcommand {sub['name']!r}"
        path, options = command.qualified_name, sub.get("options", [])
    params = {p.display_name: p for p in command.parameters}
    for option in options:
        param = params.get(option.get("name", ""))
        if param is None:
            return f"/{path} has no option {option.get('name')!r}"
        if param.type.value != option.get("type"):
            return f"/{path}'s {param.display_name} is of another type now"
        if partial and option.get("focused") and not param.autocomplete:
            # Discord asks only for an option synced with autocomplete: discord.py would
            # log a traceback (CommandSignatureMismatch) and leave the fan's list empty.
            return f"/{path}'s {param.display_name} offers no suggestions now"
        choices = {c.value for c in param.choices}
        if choices and not partial and option.get("value") not in choices:
            return f"/{path}'s {param.display_name} has no such choice now"
    given = {o.get("name") for o in options}
    missing = [name for name, p in params.items() if p.required and name not in given]
    if missing and not partial:
        return f"/{path} now needs {', '.join(missing)}"
    return None
