"""/about, /help and /ping: what this bot is and can do, and whether it is alive."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

import bot
from bot.installs import anywhere
from bot.moderation.access import is_moderator
from bot.render.about import about_embed, help_embed
from bot.render.guide import guide_fields, guide_lines

if TYPE_CHECKING:
    from bot.client import KissBot


class Meta(commands.Cog):
    def __init__(self, client: KissBot) -> None:
        self.client = client

    async def guide(
        self, interaction: discord.Interaction, *, public: bool = False
    ) -> list[tuple[str, str]]:
        """The commands this user can run where they asked, linked with the synced ids; a
        ``public`` guide lists only what everyone there can run."""
        tree = self.client.kiss_tree
        return guide_fields(
            guide_lines(tree.get_commands()),
            await tree.fresh_ids_for(interaction.guild_id),
            server_install=interaction.is_guild_integration(),
            moderator=is_moderator(interaction),
            public=public,
        )

    @anywhere
    @app_commands.command(name="about")
    async def about(self, interaction: discord.Interaction) -> None:
        """What I can do, my version and uptime, and the date the show data is current to."""
        embed = about_embed(
            version=bot.__version__,
            latency_s=self.client.latency,
            uptime_s=self.client.uptime_seconds,
            guilds=len(self.client.guilds),
            pack_dates={s.title: s.current_to for s in self.client.catalog.shows},
            # The channel reads it: a moderator's commands are theirs to see in /help.
            guide=await self.guide(interaction, public=True),
        )
        await interaction.response.send_message(embed=embed)

    @anywhere
    @app_commands.command(name="help")
    async def help(self, interaction: discord.Interaction) -> None:
        """The commands you can use here, each a click away."""
        # Only the asker's: it lists what they may run, which is no one else's business.
        await interaction.response.send_message(
            embed=help_embed(await self.guide(interaction)), ephemeral=True
        )

    @anywhere
    @app_commands.command(name="ping")
    async def ping(self, interaction: discord.Interaction) -> None:
        """Check that the bot answers."""
        await interaction.response.send_message("pong", ephemeral=True)


async def setup(client: KissBot) -> None:
    await client.add_cog(Meta(client))
