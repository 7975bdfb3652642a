"""/status: where a season stands, from the pack plus what the news has taught us."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.catalog.resolve import resolve_season
from bot.domain.status import ToldSeasons, only_cancelled, pending, season_status
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
        show = await self.client.show_of(interaction)
        view = await self.client.view_of(interaction.guild_id)  # its own feeds' news, no other's
        told = ToldSeasons.of(show, await self.client.learned_seasons(show.slug, view))
        number = told.newest if season is None else season  # the news may know a newer one
        chosen = told.season(number) or resolve_season(show, number)  # this one says none
        learned = await self.client.learned_events(show.slug, chosen.number, view)
        status = season_status(chosen, learned)
        if season is None and only_cancelled(status):
            # "will end with season 4": season 5 will not come; season 4, still to come, is
            # the news a fan is after
            before = told.season(chosen.number - 1)
            if before is not None:
                learned = await self.client.learned_events(show.slug, before.number, view)
                if pending(before, earlier := season_status(before, learned)):
                    chosen, status = before, earlier
        embed = status_embed(show, chosen, status, discord.utils.utcnow())
        await interaction.response.send_message(embed=embed)


async def setup(client: KissBot) -> None:
    await client.add_cog(Status(client))
