"""/news subscribe and /news unsubscribe: fans give themselves the news role, or drop it."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.sandbox import perms
from bot.sandbox.driver import Sandbox
from tests.e2e.test_moderator_kit import moderator_bot, refused, until

pytestmark = pytest.mark.e2e


def member_roles(sb: Sandbox) -> list[int]:
    return list(sb.world.guilds[sb.guild.id].members[sb.member_id].role_ids)


async def test_members_opt_in_and_out_of_the_news_role(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with Sandbox(guilds=1) as sb, moderator_bot(sb, tmp_path, monkeypatch):
        news_role = sb.guild.role("News pings")
        for sub in ("subscribe", "unsubscribe"):
            refused(
                await sb.invoke("news", subcommand=sub, user="member"),
                "no news role",
                "/setup role",
            )

        await sb.invoke("setup", {"role": "News pings"}, subcommand="role")
        reply = await sb.invoke("news", subcommand="subscribe", user="member")
        assert reply.ephemeral and "you now have" in reply.content
        assert news_role in member_roles(sb)
        # The reply names the role without pinging it.
        assert f"<@&{news_role}>" in reply.content
        original = sb.server.interactions.records[reply.interaction_id].original
        assert original is not None and original.pinged_roles == ()
        reply = await sb.invoke("news", subcommand="subscribe", user="member")
        assert "already have" in reply.content and member_roles(sb).count(news_role) == 1

        reply = await sb.invoke("news", subcommand="unsubscribe", user="member")
        assert reply.ephemeral and "removed" in reply.content
        assert news_role not in member_roles(sb)
        reply = await sb.invoke("news", subcommand="unsubscribe", user="member")
        assert "don't have" in reply.content


async def test_a_clear_refusal_when_the_bot_cannot_hand_out_the_role(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with Sandbox(guilds=1) as sb, moderator_bot(sb, tmp_path, monkeypatch) as bot:
        gid = sb.guild.id
        # "Fan club" sits above the bot's own role: it can be pinged, not handed out.
        above = sb.add_role(gid, "Fan club", position=4, mentionable=True)
        await until(lambda: bot.get_guild(gid).get_role(above) is not None)  # type: ignore[union-attr]
        reply = await sb.invoke("setup", {"role": "Fan club"}, subcommand="role")
        assert "can't use `/news subscribe` yet" in reply.content
        refused(
            await sb.invoke("news", subcommand="subscribe", user="member"),
            "not below my highest role",
        )
        assert above not in member_roles(sb)

        await sb.invoke("setup", {"role": "News pings"}, subcommand="role")
        sb.set_bot_role_permissions(gid, perms.BOT_DEFAULT & ~perms.MANAGE_ROLES)
        await until(lambda: not bot.get_guild(gid).me.guild_permissions.manage_roles)  # type: ignore[union-attr]
        for sub in ("subscribe", "unsubscribe"):
            refused(await sb.invoke("news", subcommand=sub, user="member"), "Manage Roles")
        assert member_roles(sb) == []


async def test_a_role_with_a_moderators_powers_is_never_handed_to_fans(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """/setup role took any role below the bot's, so any member could give themselves a
    role with Manage Messages (or Ban Members, or Administrator) with /news subscribe."""
    async with Sandbox(guilds=1) as sb, moderator_bot(sb, tmp_path, monkeypatch) as bot:
        gid = sb.guild.id
        helpers = sb.add_role(gid, "Helpers", permissions=perms.MANAGE_MESSAGES, mentionable=True)
        await until(lambda: bot.get_guild(gid).get_role(helpers) is not None)  # type: ignore[union-attr]
        refused(
            await sb.invoke("setup", {"role": "Helpers"}, subcommand="role"),
            "gives **Manage Messages**",
            "/news subscribe",
        )
        assert (await bot.store.guilds.get(gid)).role_id is None
        # Chosen before the role was given that power: fans are refused it now.
        await bot.store.guilds.update(gid, role_id=helpers)
        refused(
            await sb.invoke("news", subcommand="subscribe", user="member"),
            "moderator permissions",
            "/setup role",
        )
        assert helpers not in member_roles(sb)
        reply = await sb.invoke("setup", subcommand="view")
        notes = {f["name"]: f["value"] for f in reply.embeds[0]["fields"]}["Ping role now"]
        assert "Manage Messages" in notes
