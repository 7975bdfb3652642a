"""/recap: plot recaps, every point behind spoiler bars; private on request."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.catalog.resolve import resolve_episode, resolve_season, season_named
from bot.domain.progress import Spot, past_progress, recap_reach, seen_of_season
from bot.installs import anywhere
from bot.render.progress import recap_gate, recap_gate_expired, recap_gate_lost
from bot.render.recap import episode_recap_embed, season_recap_embed
from bot.store.guilds import GuildSettings
from cogs.episodes import complete_episode

if TYPE_CHECKING:
    from bot.client import KissBot

log = logging.getLogger(__name__)

# How long "Show it anyway" waits; within the 15 minutes Discord lets us edit the question.
REVEAL_SECONDS = 300.0
REVEAL = "recap:reveal"


class Recap(commands.Cog):
    def __init__(self, client: KissBot) -> None:
        self.client = client

    async def cog_load(self) -> None:
        self.client.add_view(LeftBehind())

    @anywhere
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
        show = await self.client.show_of(interaction)
        chosen = resolve_season(show, season)
        found = None
        # "season 2" with season:2 asks for the season's recap, as no episode would.
        if episode and episode.strip() and season_named(episode, season) is None:
            found = resolve_episode(catalog, show, episode, season)
        saved = await self.client.store.progress.get(interaction.user.id, show.slug)
        seen = seen_of_season(chosen, found, saved.spot if saved is not None else None)
        if found is not None:
            embed = episode_recap_embed(show, chosen, found, seen=seen)
        else:
            embed = season_recap_embed(show, chosen)
        ephemeral = private or await self.always_private(interaction)
        reach = recap_reach(show, chosen, found) if seen is None else Spot(chosen.number, seen)
        if saved is not None and past_progress(saved.spot, reach):
            gate = Reveal(interaction, embed, ephemeral=ephemeral)
            text = recap_gate(reach, saved.spot, chosen.number)
            await interaction.response.send_message(text, view=gate, ephemeral=True)
            return
        await interaction.response.send_message(embed=embed, ephemeral=ephemeral)

    async def always_private(self, interaction: discord.Interaction) -> bool:
        """The server's spoiler rule (``/setup spoilers``): "private" keeps every recap
        ephemeral. It is the rule of a server that has the bot: one where a fan's own
        install runs the command (the bot never added, or since removed) keeps the default.
        DMs and group DMs are private already."""
        if interaction.guild_id is None:
            return False
        if not interaction.is_guild_integration():
            return GuildSettings(interaction.guild_id).spoilers == "private"
        settings = await self.client.store.guilds.get(interaction.guild_id)
        return settings.spoilers == "private"

    @recap.autocomplete("episode")
    async def episode_name(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return await complete_episode(self.client, interaction, current)


class Reveal(discord.ui.View):
    """ "Show it anyway" under the question /recap asks a fan past their progress: only
    they can press it, and it shows the recap as /recap would have (in the channel unless
    the answer was to be private)."""

    def __init__(
        self, asked: discord.Interaction, embed: discord.Embed, *, ephemeral: bool
    ) -> None:
        super().__init__(timeout=REVEAL_SECONDS)
        self.asked = asked
        self.embed = embed
        self.ephemeral = ephemeral

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.user.id == self.asked.user.id:
            return True
        await interaction.response.send_message(
            "Only the fan who asked for this recap can show it.", ephemeral=True
        )
        return False

    @discord.ui.button(label="Show it anyway", style=discord.ButtonStyle.danger, custom_id=REVEAL)
    async def reveal(self, interaction: discord.Interaction, _: discord.ui.Button[Any]) -> None:
        self.stop()
        if self.ephemeral:
            await interaction.response.edit_message(content=None, embed=self.embed, view=None)
            return
        await interaction.response.edit_message(content="Shown below.", view=None)
        await interaction.followup.send(embed=self.embed)

    async def on_timeout(self) -> None:
        try:
            await self.asked.edit_original_response(content=recap_gate_expired(), view=None)
        except discord.HTTPException:
            # Dismissed by the fan, or Discord refused: nothing left to tidy.
            log.debug("could not close the recap question %s", self.asked.id)


class LeftBehind(discord.ui.View):
    """A "Show it anyway" no live question answers for: one asked before a restart (a
    question lives in memory), or pressed again while the first press was shown. Discord
    would say "This interaction failed", and the button would stay for good."""

    def __init__(self) -> None:
        super().__init__(timeout=None)

    @discord.ui.button(label="Show it anyway", style=discord.ButtonStyle.danger, custom_id=REVEAL)
    async def reveal(self, interaction: discord.Interaction, _: discord.ui.Button[Any]) -> None:
        asked = interaction.message.created_at if interaction.message else discord.utils.utcnow()
        if discord.utils.utcnow() - asked > timedelta(seconds=REVEAL_SECONDS):
            # As the question would have closed had the bot been running.
            await interaction.response.edit_message(content=recap_gate_expired(), view=None)
            return
        # Young: maybe a second press racing the first, whose recap an edit would hide.
        await interaction.response.send_message(recap_gate_lost(), ephemeral=True)


async def setup(client: KissBot) -> None:
    await client.add_cog(Recap(client))
