"""/about and /ping: what this bot is, and whether it is alive."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

import bot
from bot.installs import anywhere
from bot.render.about import about_embed

if TYPE_CHECKING:
    from bot.client import KissBot


class Meta(commands.Cog):
    def __init__(self, client: KissBot) -> None:
        self.client = client

    @anywhere
    @app_commands.command(name="about")
    async def about(self, interaction: discord.Interaction) -> None:
        """Version, latency, uptime and the date the show data is current to."""
        embed = about_embed(
            version=bot.__version__,
            latency_s=self.client.latency,
            uptime_s=self.client.uptime_seconds,
            guilds=len(self.client.guilds),
            pack_dates={s.title: s.current_to for s in self.client.catalog.shows},
        )
        await interaction.response.send_message(embed=embed)

    @anywhere
    @app_commands.command(name="ping")
    async def ping(self, interaction: discord.Interaction) -> None:
        """Check that the bot answers."""
        await interaction.response.send_message("pong", ephemeral=True)


async def setup(client: KissBot) -> None:
    await client.add_cog(Meta(client))
