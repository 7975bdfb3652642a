"""The app installed to a fan's own account, through the sandbox Discord: the fan commands
answer in a server that never added the bot, in a group DM and in the bot's DM; the
moderator commands can't be run there; /progress follows the fan from place to place."""

from __future__ import annotations

from typing import Any

import pytest

from bot.client import KissBot
from bot.sandbox.driver import CommandNotAvailable, Reply, Sandbox

pytestmark = pytest.mark.e2e

REVEAL = "recap:reveal"
FAN = ("about", "cast", "episode", "help", "ping", "progress", "recap", "status")
MODERATOR = ("feeds", "news", "setup")


async def fan_commands(sb: Sandbox, **where: Any) -> dict[str, Reply]:
    """Every fan command, with an autocomplete for each that has one, as the member."""
    assert (await sb.autocomplete("cast", {"name": "yuri"}, focused="name", **where))[0][
        "value"
    ] == "Yuri Han"
    for name, sub in (("episode", None), ("recap", None), ("progress", "set")):
        choices = await sb.autocomplete(
            name, {"season": 1, "episode": "tgif"}, focused="episode", subcommand=sub, **where
        )
        assert choices[0]["value"] == "S1E4", name
    replies = {
        "about": await sb.invoke("about", **where),
        "ping": await sb.invoke("ping", **where),
        "help": await sb.invoke("help", **where),
        "cast": await sb.invoke("cast", {"name": "Yuri"}, **where),
        "episode": await sb.invoke("episode", {"episode": "S1E4"}, **where),
        "recap": await sb.invoke("recap", {"season": 1, "episode": "S1E4"}, **where),
        "status": await sb.invoke("status", {"season": 1}, **where),
        "progress": await sb.invoke("progress", subcommand="view", **where),
    }
    assert replies["cast"].titles == ["Yuri Han"]
    assert replies["episode"].titles == ["S1E4 · TGIF"]
    assert replies["recap"].titles == ["Recap · S1E4 · TGIF"]
    assert replies["status"].titles == ["XO, Kitty: season 1 status"]
    assert replies["ping"].content == "pong" and replies["ping"].ephemeral
    # Only what runs here: the server's own install (/news, /setup, /feeds) is not here.
    assert replies["help"].ephemeral and "/news" not in str(replies["help"].embeds)
    assert replies["about"].titles and "no watch progress" in replies["progress"].content
    assert replies["progress"].ephemeral
    return replies


async def moderator_commands_refused(sb: Sandbox, **where: Any) -> None:
    for name in MODERATOR:
        with pytest.raises(CommandNotAvailable):
            await sb.invoke(name, subcommand="view" if name == "setup" else "list", **where)


async def test_the_sync_declares_where_each_command_runs(
    sandbox: Sandbox, kissbot: KissBot
) -> None:
    synced = {c["name"]: c for c in sandbox.commands(scope_global=True)}
    assert sorted(synced) == sorted(FAN + MODERATOR)
    for name in FAN:
        assert synced[name]["integration_types"] == [0, 1], name
        assert synced[name]["contexts"] == [0, 1, 2], name
    for name in MODERATOR:
        assert synced[name]["integration_types"] == [0], name
        assert synced[name]["contexts"] == [0] and synced[name]["dm_permission"] is False


async def test_fan_commands_in_a_server_that_never_added_the_bot(
    sandbox: Sandbox, kissbot: KissBot
) -> None:
    elsewhere = sandbox.add_external_guild()
    where: dict[str, Any] = {"guild": elsewhere, "user": "member"}
    with pytest.raises(CommandNotAvailable):  # not until the fan installs the app
        await sandbox.invoke("cast", {"name": "Yuri"}, **where)
    sandbox.install_app("member")
    replies = await fan_commands(sandbox, **where)
    assert kissbot.get_guild(elsewhere.id) is None
    # Public where Discord allows it; a recap keeps the servers' default (private).
    assert not replies["cast"].ephemeral and not replies["status"].ephemeral
    assert replies["recap"].ephemeral
    posted = [
        m.content or m.embeds[0]["title"] for m in sandbox.messages(elsewhere.channel("general"))
    ]
    assert "Yuri Han" in posted and "Recap · S1E4 · TGIF" not in posted
    asked = await sandbox.invoke("recap", {"season": 1, "private": True}, **where)
    assert asked.ephemeral
    await moderator_commands_refused(sandbox, **where)
    # Nothing was stored for a server the bot isn't in.
    rows = await kissbot.store.db.rows(
        "SELECT guild_id FROM guild_settings WHERE guild_id = ?", (elsewhere.id,)
    )
    assert rows == []


async def test_a_rule_stored_for_a_server_is_not_its_rule_without_the_bot(
    sandbox: Sandbox, kissbot: KissBot
) -> None:
    sandbox.install_app("member")
    elsewhere = sandbox.add_external_guild()
    # What a server chose while it had the bot, kept for its return.
    await kissbot.store.guilds.update(elsewhere.id, spoilers="channel")
    recap = await sandbox.invoke(
        "recap", {"season": 1, "episode": "S1E4"}, guild=elsewhere, user="member"
    )
    assert recap.ephemeral
    # Where the server has the bot, its rule holds for the same fan's install too (a guild
    # without the dev guild's own copies: the global commands, from both installs).
    other = sandbox.guilds[1]
    await kissbot.store.guilds.update(other.id, spoilers="channel")
    here = await sandbox.invoke(
        "recap", {"season": 1, "episode": "S1E4"}, guild=other, user="member"
    )
    assert not here.ephemeral
    record = sandbox.interactions[-1].payload
    assert record["authorizing_integration_owners"] == {
        "0": str(other.id),
        "1": str(sandbox.member_id),
    }


async def test_answers_are_private_where_the_server_disallows_external_apps(
    sandbox: Sandbox, kissbot: KissBot
) -> None:
    sandbox.install_app("member")
    strict = sandbox.add_external_guild(external_apps=False)
    replies = await fan_commands(sandbox, guild=strict, user="member")
    assert all(reply.ephemeral for reply in replies.values())
    assert sandbox.messages(strict.channel("general")) == []


async def test_fan_commands_in_a_group_dm_and_the_bots_dm(
    sandbox: Sandbox, kissbot: KissBot
) -> None:
    sandbox.install_app("member")
    group = await fan_commands(sandbox, group_dm=True, user="member")
    assert not group["cast"].ephemeral and not group["recap"].ephemeral  # spoiler bars
    assert "||" in str(group["recap"].embeds[0]["description"])
    await moderator_commands_refused(sandbox, group_dm=True, user="member")
    dm = await fan_commands(sandbox, dm=True, user="member")
    assert not dm["recap"].ephemeral
    await moderator_commands_refused(sandbox, dm=True, user="member")


async def test_progress_follows_the_fan_from_place_to_place(
    sandbox: Sandbox, kissbot: KissBot
) -> None:
    sandbox.install_app("member")
    elsewhere = sandbox.add_external_guild()
    saved = await sandbox.invoke(
        "progress", {"episode": "S1E2"}, subcommand="set", guild=elsewhere, user="member"
    )
    assert saved.ephemeral and "S1E2" in saved.content
    viewed = await sandbox.invoke("progress", subcommand="view", group_dm=True, user="member")
    assert "S1E2" in viewed.content
    # The recap gate where the bot isn't: asked privately, shown to that fan only.
    gated = await sandbox.invoke(
        "recap", {"season": 1, "episode": "S1E5"}, guild=elsewhere, user="member"
    )
    assert gated.ephemeral and gated.buttons == [REVEAL]
    shown = await sandbox.click(gated, REVEAL, user="member")
    assert shown.titles[0].startswith("Recap · S1E5")
    # In the group DM, as in the bot's DM: the recap is posted there once shown.
    gated = await sandbox.invoke(
        "recap", {"season": 1, "episode": "S1E5"}, group_dm=True, user="member"
    )
    shown = await sandbox.click(gated, REVEAL, user="member")
    assert shown.content == "Shown below."
    (posted,) = await sandbox.wait_for_followups(shown, 1)
    assert not posted.ephemeral and str(posted.embeds[0]["title"]).startswith("Recap · S1E5")
    # And in a server with the bot, by the guild's install.
    assert (
        await sandbox.invoke("recap", {"season": 1, "episode": "S1E5"}, user="member")
    ).buttons == [REVEAL]
    cleared = await sandbox.invoke("progress", subcommand="clear", dm=True, user="member")
    assert cleared.ephemeral
    after = await sandbox.invoke("progress", subcommand="view", guild=elsewhere, user="member")
    assert "no watch progress" in after.content
