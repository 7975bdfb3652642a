"""/recap: plot recaps, every point behind spoiler bars; private on request."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.catalog.resolve import resolve_episode, resolve_season
from bot.render.recap import episode_recap_embed, season_recap_embed
from cogs.episodes import complete_episode

if TYPE_CHECKING:
    from bot.client import KissBot


class Recap(commands.Cog):
    def __init__(self, client: KissBot) -> None:
        self.client = client

    @app_commands.command(name="recap")
    @app_commands.describe(
        season="Season number",
        episode="S1E4, 1x4, a number or a title (leave empty for the whole season)",
        private="Only you see the answer",
    )
    async def recap(
        self,
        interaction: discord.Interaction,
        season: app_commands.Range[int, 1, 50],
        episode: str | None = None,
        private: bool = False,
    ) -> None:
        """What happens in a season or an episode (spoilers, hidden until tapped)."""
        catalog = self.client.catalog
        show = catalog.default_show
        chosen = resolve_season(show, season)
        if episode and episode.strip():
            found = resolve_episode(catalog, show, episode, season)
            embed = episode_recap_embed(show, chosen, found)
        else:
            embed = season_recap_embed(show, chosen)
        ephemeral = private or await self.always_private(interaction)
        await interaction.response.send_message(embed=embed, ephemeral=ephemeral)

    async def always_private(self, interaction: discord.Interaction) -> bool:
        """The server's spoiler rule (``/setup spoilers``): "private" keeps every recap
        ephemeral. DMs are private already."""
        if interaction.guild_id is None:
            return False
        settings = await self.client.store.guilds.get(interaction.guild_id)
        return settings.spoilers == "private"

    @recap.autocomplete("episode")
    async def episode_name(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return complete_episode(self.client.catalog, interaction, current)


async def setup(client: KissBot) -> None:
    await client.add_cog(Recap(client))
