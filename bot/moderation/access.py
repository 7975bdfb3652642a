"""Who may run moderator commands, and the bot's own member in a guild."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.errors import UserFacingError

if TYPE_CHECKING:
    from bot.news.announce import GuildGate

_QUIET = discord.AllowedMentions.none()


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


@asynccontextmanager
async def between_posts(
    interaction: discord.Interaction, gate: GuildGate, guild_id: int
) -> AsyncIterator[None]:
    """A moderator's change of where and how the guild's news goes, made between two of its
    posts (``GuildGate``): a post in flight lands before the command answers. Waiting for it
    (a rate limit holds a send for as long as Discord says) may take longer than Discord
    waits for a first answer, so then the answer is deferred (``answer`` follows it up)."""
    if gate.busy(guild_id) and not interaction.response.is_done():
        await interaction.response.defer(ephemeral=True, thinking=True)
    async with gate.hold(guild_id):
        yield


async def answer(interaction: discord.Interaction, text: str) -> None:
    """A moderator's private answer, pinging no one: the first, or a deferred one's."""
    if interaction.response.is_done():
        await interaction.followup.send(text, ephemeral=True, allowed_mentions=_QUIET)
    else:
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=_QUIET)
