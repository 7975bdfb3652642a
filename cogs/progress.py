"""/progress set, view and clear: a fan's own watch progress, so /recap never spoils past it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.catalog.resolve import resolve_episode
from bot.domain.progress import Spot
from bot.installs import anywhere
from bot.render.progress import progress_cleared, progress_saved, progress_view
from cogs.episodes import complete_episode

if TYPE_CHECKING:
    from bot.client import KissBot


@anywhere
class Progress(
    commands.GroupCog, group_name="progress", group_description="Where you are in the show"
):
    """Every reply is ephemeral: a fan's progress is their own business. Works wherever the
    fan is (it is kept per user, not per server)."""

    def __init__(self, client: KissBot) -> None:
        self.client = client

    @app_commands.command(name="set")
    @app_commands.describe(
        episode="The last episode you've seen: S2E3, 2x3 or a title",
        season="Season number, to narrow the suggestions or with a bare episode number",
    )
    async def set_(
        self,
        interaction: discord.Interaction,
        episode: str,
        season: app_commands.Range[int, 1, 50] | None = None,
    ) -> None:
        """Save the last episode you've seen; /recap then asks before showing plot past it."""
        show = await self.client.show_of(interaction)
        found = resolve_episode(self.client.catalog, show, episode, season)
        spot = Spot.of(found)
        now = discord.utils.utcnow()
        await self.client.store.progress.set(interaction.user.id, show.slug, spot, now)
        await interaction.response.send_message(progress_saved(show, spot), ephemeral=True)

    @set_.autocomplete("episode")
    async def episode_name(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return await complete_episode(self.client, interaction, current)

    @app_commands.command(name="view")
    async def view(self, interaction: discord.Interaction) -> None:
        """Where you are in the show, as the bot keeps it."""
        show = await self.client.show_of(interaction)
        saved = await self.client.store.progress.get(interaction.user.id, show.slug)
        spot, at = (saved.spot, saved.updated_at) if saved is not None else (None, None)
        await interaction.response.send_message(progress_view(show, spot, at), ephemeral=True)

    @app_commands.command(name="clear")
    async def clear(self, interaction: discord.Interaction) -> None:
        """Forget your watch progress (every show's)."""
        forgotten = await self.client.store.progress.clear(interaction.user.id)
        await interaction.response.send_message(progress_cleared(forgotten), ephemeral=True)


async def setup(client: KissBot) -> None:
    await client.add_cog(Progress(client))
