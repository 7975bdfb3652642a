"""/episode: one episode, one season's list, or what's out and what's next."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.catalog.resolve import episode_choices, resolve_episode, resolve_season, season_named
from bot.domain.status import season_status
from bot.installs import anywhere
from bot.render.episodes import (
    episode_embed,
    episode_overview_embed,
    next_upcoming,
    season_episodes_embed,
)

if TYPE_CHECKING:
    from bot.client import KissBot


class Episodes(commands.Cog):
    def __init__(self, client: KissBot) -> None:
        self.client = client

    @anywhere
    @app_commands.command(name="episode")
    @app_commands.describe(
        season="Season number (alone: that season's episode list)",
        episode="S1E4, 1x4, a number with season:, or a title",
    )
    async def episode(
        self,
        interaction: discord.Interaction,
        season: app_commands.Range[int, 1, 50] | None = None,
        episode: str | None = None,
    ) -> None:
        """An episode's title, release date and spoiler-free summary; no options: what's next."""
        show = await self.client.show_of(interaction)
        now = discord.utils.utcnow()
        if episode and (named := season_named(episode, season)) is not None:
            season, episode = named, None  # "S2" or "season 2": that season's list
        if episode and episode.strip():
            found = resolve_episode(self.client.catalog, show, episode, season)
            embed = episode_embed(show, found, now)
        elif season is not None:
            chosen = resolve_season(show, season)
            status = None
            if not chosen.episodes:  # where its release stands: the news may know better
                view = await self.client.view_of(interaction.guild_id)
                learned = await self.client.learned_events(show.slug, season, view)
                status = season_status(chosen, learned)
            embed = season_episodes_embed(show, chosen, now, status)
        else:
            upcoming = next_upcoming(show)
            status = None
            if upcoming is not None:
                # News may already know the next season is out (or moved) when the pack doesn't.
                view = await self.client.view_of(interaction.guild_id)
                learned = await self.client.learned_events(show.slug, upcoming.number, view)
                status = season_status(upcoming, learned)
            embed = episode_overview_embed(show, now, status)
        await interaction.response.send_message(embed=embed)

    @episode.autocomplete("episode")
    async def episode_name(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return await complete_episode(self.client, interaction, current)


async def complete_episode(
    client: KissBot, interaction: discord.Interaction, current: str
) -> list[app_commands.Choice[str]]:
    """Episode choices for whatever is typed, narrowed by the command's season option, from
    the show the server follows."""
    season = getattr(interaction.namespace, "season", None)
    show = await client.show_of(interaction)
    pairs = episode_choices(client.catalog, show, current, season)
    return [app_commands.Choice(name=label, value=value) for label, value in pairs]


async def setup(client: KissBot) -> None:
    await client.add_cog(Episodes(client))
