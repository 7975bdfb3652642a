"""/status: where a season stands, from the pack plus what the news has taught us."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.catalog.resolve import resolve_season
from bot.domain.status import ToldSeasons, season_status
from bot.installs import anywhere
from bot.render.status import status_embed

if TYPE_CHECKING:
    from bot.client import KissBot


class Status(commands.Cog):
    def __init__(self, client: KissBot) -> None:
        self.client = client

    @anywhere
    @app_commands.command(name="status")
    @app_commands.describe(season="Season number (default: the newest)")
    async def status(
        self,
        interaction: discord.Interaction,
        season: app_commands.Range[int, 1, 50] | None = None,
    ) -> None:
        """Renewed, filming, dated, released? Each step with its date, certainty and sources."""
        show = self.client.catalog.default_show
        told = ToldSeasons.of(show, await self.client.learned_seasons(show.slug))
        number = told.newest if season is None else season  # the news may know a newer one
        chosen = told.season(number) or resolve_season(show, number)  # this one says none
        learned = await self.client.learned_events(show.slug, chosen.number)
        embed = status_embed(show, chosen, season_status(chosen, learned), discord.utils.utcnow())
        await interaction.response.send_message(embed=embed)


async def setup(client: KissBot) -> None:
    await client.add_cog(Status(client))
