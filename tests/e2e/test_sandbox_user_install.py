"""User installs in the sandbox: commands run where Discord would deliver them (a server
without the bot, a group DM), sent as Discord sends them, and refused where it wouldn't."""

from __future__ import annotations

from typing import Any

import pytest
from discord.ext import commands

from bot.sandbox import perms
from bot.sandbox.commands import (
    BOT_DM,
    GUILD,
    GUILD_INSTALL,
    PRIVATE_CHANNEL,
    USER_INSTALL,
    CommandError,
    CommandStore,
    authorizing_owners,
    reach,
)
from bot.sandbox.driver import CommandNotAvailable, Sandbox
from bot.sandbox.state import GROUP_DM, Json

pytestmark = pytest.mark.e2e

BOTH = frozenset({GUILD_INSTALL, USER_INSTALL})
FAN: Json = {"name": "fan", "description": "d", "integration_types": [0, 1], "contexts": [0, 1, 2]}
MOD: Json = {"name": "mod", "description": "d", "integration_types": [0], "contexts": [0]}


def owners(
    command: Json, context: int, *, guild_installed: bool = True, user_installed: bool = True
) -> dict[str, str]:
    return authorizing_owners(
        command,
        BOTH,
        context=context,
        guild_id=7,
        guild_installed=guild_installed,
        user_id=9,
        user_installed=user_installed,
    )


def test_sync_validates_installation_and_interaction_contexts() -> None:
    store = CommandStore(1, iter(range(100, 200)).__next__, installs=frozenset({GUILD_INSTALL}))
    bad: list[Json] = [
        {**MOD, "contexts": [0, 3]},
        {**MOD, "contexts": 0},
        {**MOD, "integration_types": [2]},
        {**MOD, "integration_types": [True]},
    ]
    for command in bad:
        with pytest.raises(CommandError, match="must be"):
            store.overwrite(None, [command])
    # The app isn't offered for user install (the developer portal): no command may ask.
    with pytest.raises(CommandError, match="does not support installation context"):
        store.overwrite(None, [FAN])
    stored = store.overwrite(None, [MOD, {**MOD, "name": "unset", "contexts": None}])
    assert [c.get("contexts") for c in stored] == [[0], None]
    assert stored[0]["integration_types"] == [0]


def test_reach_of_global_guild_and_unset_commands() -> None:
    assert reach(FAN, BOTH) == (BOTH, frozenset({GUILD, BOT_DM, PRIVATE_CHANNEL}))
    assert reach({**FAN, "guild_id": "5"}, BOTH) == (
        frozenset({GUILD_INSTALL}),
        frozenset({GUILD}),
    )
    unset: Json = {"name": "x", "description": "d"}
    # Contexts unset: a server and the bot's DM, no group DM (Discord's default, #6744).
    assert reach(unset, frozenset({GUILD_INSTALL})) == (
        frozenset({GUILD_INSTALL}),
        frozenset({GUILD, BOT_DM}),
    )
    assert BOT_DM not in reach({**unset, "dm_permission": False}, BOTH)[1]


def test_authorizing_owners_as_discord_fills_them() -> None:
    assert owners(FAN, GUILD) == {"0": "7", "1": "9"}
    assert owners(FAN, GUILD, guild_installed=False) == {"1": "9"}
    assert owners(FAN, GUILD, user_installed=False) == {"0": "7"}
    assert owners(FAN, BOT_DM, user_installed=False) == {"0": "0"}
    assert owners(FAN, PRIVATE_CHANNEL) == {"1": "9"}  # no guild install reaches a group DM
    assert owners(FAN, PRIVATE_CHANNEL, user_installed=False) == {}
    assert owners(MOD, GUILD) == {"0": "7"}
    assert owners(MOD, GUILD, guild_installed=False) == {}
    assert owners(MOD, BOT_DM) == {} and owners(MOD, PRIVATE_CHANNEL) == {}


async def test_commands_are_refused_where_discord_would_not_offer_them() -> None:
    async with Sandbox(guilds=1) as sb:
        sb.server.commands.overwrite(None, [FAN, MOD])
        elsewhere = sb.add_external_guild()
        places: list[dict[str, Any]] = [{"guild": elsewhere}, {"group_dm": True}]
        # Without a user install, neither reaches a server without the bot or a group DM.
        for where in places:
            for name in ("fan", "mod"):
                with pytest.raises(CommandNotAvailable):
                    await sb.invoke(name, user="member", **where)
        sb.install_app("member")
        for where in [*places, {"dm": True}]:
            with pytest.raises(CommandNotAvailable, match="/mod can't be run"):
                await sb.invoke("mod", user="member", **where)
            with pytest.raises(CommandNotAvailable):
                await sb.autocomplete("mod", focused="x", user="member", **where)
        with pytest.raises(RuntimeError, match="no bot has identified"):
            await sb.invoke("fan", user="member", guild=elsewhere)  # it would be delivered


async def test_user_installed_command_in_a_server_without_the_bot(
    probe: commands.Bot, sandbox: Sandbox
) -> None:
    sandbox.install_app("member")
    elsewhere = sandbox.add_external_guild()
    assert probe.get_guild(elsewhere.id) is None  # no GUILD_CREATE, ever
    where = await sandbox.invoke("where", user="member", guild=elsewhere)
    assert where.content == (
        f"guild={elsewhere.id} channel=general manage=False user={sandbox.member_id}"
    )
    record = sandbox.interactions[-1]
    payload = record.payload
    assert payload["context"] == GUILD and payload["guild"]["id"] == str(elsewhere.id)
    assert payload["authorizing_integration_owners"] == {"1": str(sandbox.member_id)}
    assert int(payload["app_permissions"]) == perms.EXTERNAL_APP
    # A public answer is allowed (Use External Apps), and the bot's gateway hears nothing.
    assert not where.ephemeral
    assert sandbox.messages(elsewhere.channel("general"))[-1].content == where.content
    hello = await sandbox.invoke("hello", {"name": "Kitty"}, user="member", guild=elsewhere)
    assert hello.content == "Hello, Kitty!"
    # The bot itself can't post there: Discord answers 403 Missing Access.
    channel = probe.get_partial_messageable(elsewhere.channel("general"))
    with pytest.raises(Exception, match="Missing Access"):
        await channel.send("hi")


async def test_answers_are_ephemeral_where_external_apps_are_not_allowed(
    probe: commands.Bot, sandbox: Sandbox
) -> None:
    sandbox.install_app("member")
    strict = sandbox.add_external_guild(external_apps=False)
    hello = await sandbox.invoke("hello", {"name": "Q"}, user="member", guild=strict)
    assert hello.ephemeral and hello.content == "Hello, Q!"
    slow = await sandbox.invoke("slow", {"extra": 1}, user="member", guild=strict, followups=1)
    assert slow.ephemeral and all(f.ephemeral for f in slow.followups)
    assert sandbox.messages(strict.channel("general")) == []
    # The same user in a server that added the bot: public as ever.
    assert not (await sandbox.invoke("hello", {"name": "Q"}, user="member")).ephemeral


async def test_user_installed_command_in_a_group_dm_and_the_bots_dm(
    probe: commands.Bot, sandbox: Sandbox
) -> None:
    sandbox.install_app("member")
    group = await sandbox.invoke("where", user="member", group_dm=True)
    # discord.py's GroupChannel: an unnamed group DM has no name
    assert group.content == f"guild=None channel=None manage=False user={sandbox.member_id}"
    payload = sandbox.interactions[-1].payload
    assert payload["context"] == PRIVATE_CHANNEL and payload["channel"]["type"] == GROUP_DM
    assert payload["authorizing_integration_owners"] == {"1": str(sandbox.member_id)}
    assert "guild_id" not in payload and payload["user"]["id"] == str(sandbox.member_id)
    assert len(payload["channel"]["recipients"]) == 3
    choices = await sandbox.autocomplete(
        "cast", {"name": "min"}, focused="name", group_dm=True, user="member"
    )
    assert choices[0]["value"] == "Min Ho"
    await sandbox.invoke("where", user="member", dm=True)
    dm = sandbox.interactions[-1].payload
    assert dm["context"] == BOT_DM
    assert dm["authorizing_integration_owners"] == {"0": "0", "1": str(sandbox.member_id)}
