"""Who may run moderator commands, and the bot's own member in a guild."""

from __future__ import annotations

import discord
from discord import app_commands

from bot.errors import UserFacingError


def require_moderator(interaction: discord.Interaction) -> discord.Guild:
    """The guild, if the invoker has Manage Server there; raises the refusal otherwise.

    Discord hides the commands from others (``default_permissions``), but server
    owners can override that per role or channel, so it is checked again here.
    """
    guild = require_guild(interaction)
    if not interaction.permissions.manage_guild:
        raise app_commands.MissingPermissions(["manage_guild"])
    return guild


def is_moderator(interaction: discord.Interaction) -> bool:
    return interaction.guild is not None and interaction.permissions.manage_guild


def require_guild(interaction: discord.Interaction) -> discord.Guild:
    if interaction.guild_id is None:
        raise app_commands.NoPrivateMessage()
    if interaction.guild is None:
        raise UserFacingError("I can't see this server yet. Try again in a minute.")
    return interaction.guild


async def bot_member(guild: discord.Guild, client: discord.Client) -> discord.Member:
    """The bot as a member of ``guild`` (cached from GUILD_CREATE, else fetched)."""
    if guild.me is not None:
        return guild.me
    if client.user is None:
        raise UserFacingError("I'm still connecting. Try again in a moment.")
    return await guild.fetch_member(client.user.id)
