"""The bot's own commands through the drift checks, shaped as Discord shapes them: synced
and read back at start they are no change, and every invocation Discord can build from them
runs (a false "this command has changed" would lock fans out of it)."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import discord
import pytest

from bot.drift import drift, stale_invocation
from bot.sandbox.commands import held
from bot.tree import KissTree
from tests.unit.test_installs import FAN_COGS, SERVER_COGS, payload, top_level

Json = dict[str, Any]
BOTH_INSTALLS = frozenset({0, 1})


def the_bots_tree() -> KissTree:
    tree = KissTree(discord.Client(intents=discord.Intents.none()))
    for cog in FAN_COGS + SERVER_COGS:
        for command in top_level(cog):
            tree.add_command(command)
    return tree


def as_discord_answers(command: Json, number: int) -> Json:
    """GET /applications/{id}/commands?with_localizations=true for a synced command: the
    sandbox's shape of it (permissions a string, false `required` left out, the defaults
    filled in), plus what the sandbox leaves out: ids and version, the `*_localized` names,
    min/max values read back as floats, channel types in another order."""
    out = held(command, BOTH_INSTALLS, is_global=True)
    out.update(
        id=str(1000 + number),
        application_id="42",
        version=str(9000 + number),
        name_localized=command["name"],
        description_localized=command["description"],
    )
    for option in _options(out):
        for key in ("min_value", "max_value"):
            if key in option:
                option[key] = float(option[key])
        if "channel_types" in option:
            option["channel_types"] = list(reversed(option["channel_types"]))
    return out


def _options(item: Json) -> Iterator[Json]:
    for option in item.get("options", []):
        yield option
        yield from _options(option)


def test_the_bots_commands_read_back_are_no_change() -> None:
    tree = the_bots_tree()
    code = [payload(c) for c in tree.get_commands()]
    assert len(code) == 11
    theirs = [as_discord_answers(copy.deepcopy(c), n) for n, c in enumerate(code)]
    assert not drift(code, theirs), drift(code, theirs).summary()


# -- every invocation Discord can build from the synced commands ----------------------------

VALUES = {3: "Kitty", 4: 1, 5: True, 7: "1100000000000000007", 8: "1100000000000000008"}


def _value(option: Json) -> Any:
    """A value Discord sends for an option: a choice's, or one of its type in range."""
    if option.get("choices"):
        return option["choices"][-1]["value"]
    if option["type"] == 4 and "min_value" in option:
        return option["min_value"]
    return VALUES[option["type"]]


def invocations(command: Json) -> Iterator[tuple[str, list[Json], bool]]:
    """(what, options, partial) for each leaf: the required options alone, every option,
    and an autocomplete on each option with suggestions (its value the typed string, the
    others as filled in so far, required ones maybe not yet)."""
    subs = [o for o in command.get("options", []) if o["type"] in (1, 2)]
    if subs:
        for sub in subs:
            for what, options, partial in invocations(sub):
                yield (
                    what,
                    [{"name": sub["name"], "type": sub["type"], "options": options}],
                    partial,
                )
        return
    leaf = command.get("options", [])
    name = command["name"]
    full = [{"name": o["name"], "type": o["type"], "value": _value(o)} for o in leaf]
    yield (
        f"{name} (required)",
        [o for o, d in zip(full, leaf, strict=True) if d.get("required")],
        False,
    )
    yield f"{name} (all)", full, False
    for n, defn in enumerate(leaf):
        if defn.get("autocomplete"):
            typed = {**full[n], "value": "", "focused": True}
            yield f"{name} {defn['name']} (typing)", [typed], True
            yield f"{name} {defn['name']} (typing, rest filled)", [*full[:n], typed], True


def cases() -> Iterator[tuple[str, str, list[Json], bool]]:
    for command in the_bots_tree().get_commands():
        sent = payload(command)
        for what, options, partial in invocations(sent):
            yield sent["name"], what, options, partial


@pytest.mark.parametrize(("name", "what", "options", "partial"), list(cases()))
def test_every_invocation_of_the_synced_commands_runs(
    name: str, what: str, options: list[Json], partial: bool
) -> None:
    """As Discord's interaction data has them: the base (unlocalized) name, no guild_id for a
    global command, options with name, type and value (a choice's value; a channel's or
    role's id as a string), the focused one's value a string (docs' autocomplete section;
    discord-api-docs #4956)."""
    tree = the_bots_tree()
    data = {"id": "1", "name": name, "type": 1, "options": options}
    assert stale_invocation(tree._invoked(data), options, partial=partial) is None, what


DEV = 1100000000000000001


@pytest.mark.parametrize(
    "guild_id",
    [None, str(DEV), "1100000000000000002"],
    ids=["global", "the dev guild's copy", "a guild command the code no longer syncs"],
)
def test_the_command_checked_is_the_one_discordpy_runs(guild_id: str | None) -> None:
    """Interaction data carry ``guild_id`` only for a command registered to a guild (the
    interaction data docs), not where a global one is run (a server, with or without the
    bot, or a DM): the check must read the command discord.py's tree will call."""
    tree = the_bots_tree()
    tree.copy_global_to(guild=discord.Object(DEV))
    data: Json = {"id": "1", "name": "status", "type": 1}
    if guild_id is not None:
        data["guild_id"] = guild_id
    command, _ = tree._get_app_command_options(data)  # type: ignore[arg-type]
    assert tree._invoked(data) is command
    copy_ = tree.get_command("status", guild=discord.Object(DEV))
    assert command is (copy_ if guild_id == str(DEV) else tree.get_command("status"))
