"""/news subscribe and /news unsubscribe: fans opt in or out of the news pings themselves."""

from __future__ import annotations

from collections.abc import Coroutine
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.errors import UserFacingError
from bot.installs import server_only
from bot.moderation.access import bot_member, require_guild
from bot.moderation.perms import assign_problem, power_problem

if TYPE_CHECKING:
    from bot.client import KissBot

_QUIET = discord.AllowedMentions.none()


@server_only
class News(commands.GroupCog, group_name="news", group_description="Get pinged about show news"):
    def __init__(self, client: KissBot) -> None:
        self.client = client

    async def _role_and_member(
        self, interaction: discord.Interaction
    ) -> tuple[discord.Role, discord.Member]:
        """The guild's news role and the invoking member, once the bot is sure it can assign it."""
        guild = require_guild(interaction)
        settings = await self.client.store.guilds.get(guild.id)
        if settings.role_id is None:
            raise UserFacingError(
                "This server has no news role yet. A moderator can choose one with `/setup role`."
            )
        role = guild.get_role(settings.role_id)
        if role is None:
            raise UserFacingError(
                "The news role this server chose no longer exists. "
                "A moderator can pick another with `/setup role`."
            )
        me = await bot_member(guild, self.client)
        problem = assign_problem(
            role, bot_top=me.top_role, can_manage_roles=me.guild_permissions.manage_roles
        )
        if problem is not None:
            raise UserFacingError(problem)
        member = interaction.user
        if not isinstance(member, discord.Member):
            member = await guild.fetch_member(interaction.user.id)
        return role, member

    @app_commands.command(name="subscribe")
    async def subscribe(self, interaction: discord.Interaction) -> None:
        """Get the news role, so announcements ping you."""
        role, member = await self._role_and_member(interaction)
        if power_problem(role) is not None:
            # Its permissions changed since /setup role refused such a role.
            raise UserFacingError(
                "This server's news role gives moderator permissions, so I won't hand it out. "
                "A moderator can pick another with `/setup role`."
            )
        if any(r.id == role.id for r in member.roles):
            text = f"You already have {role.mention}; announcements ping you."
        else:
            await _change(member.add_roles(role, reason="/news subscribe"))
            text = f"Done: you now have {role.mention}, so announcements will ping you."
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=_QUIET)

    @app_commands.command(name="unsubscribe")
    async def unsubscribe(self, interaction: discord.Interaction) -> None:
        """Drop the news role; announcements stop pinging you."""
        role, member = await self._role_and_member(interaction)
        if not any(r.id == role.id for r in member.roles):
            text = f"You don't have {role.mention}, so announcements don't ping you."
        else:
            await _change(member.remove_roles(role, reason="/news unsubscribe"))
            text = f"Done: {role.mention} removed; announcements won't ping you."
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=_QUIET)


async def _change(call: Coroutine[Any, Any, None]) -> None:
    """Discord may still refuse (permissions changed a moment ago): say so plainly."""
    try:
        await call
    except discord.Forbidden:
        raise UserFacingError(
            "Discord refused to change your roles: I lack the permission or my role is too low. "
            "Ask a moderator to check my role."
        ) from None


async def setup(client: KissBot) -> None:
    await client.add_cog(News(client))
