"""/cast: who plays whom."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.catalog.resolve import cast_choices, resolve_cast, resolve_season
from bot.installs import anywhere
from bot.render.cast import cast_embed, cast_list_embed

if TYPE_CHECKING:
    from bot.catalog import Show
    from bot.client import KissBot


class Cast(commands.Cog):
    """Cast lookups; everything comes from the in-memory catalog (no I/O)."""

    def __init__(self, client: KissBot) -> None:
        self.client = client
        # Cards depend only on the immutable catalog: render each member once.
        self._cards: dict[int, discord.Embed] = {}

    @anywhere
    @app_commands.command(name="cast")
    @app_commands.describe(
        name="A character or actor, e.g. Min Ho or Anna Cathcart (leave empty for everyone)",
        season="Only people in this season",
    )
    async def cast(
        self,
        interaction: discord.Interaction,
        name: str | None = None,
        season: app_commands.Range[int, 1, 50] | None = None,
    ) -> None:
        """Who plays whom, with sources."""
        show = await self.client.show_of(interaction)
        await interaction.response.send_message(embed=self.answer(show, name, season))

    def answer(self, show: Show, name: str | None, season: int | None) -> discord.Embed:
        catalog = self.client.catalog
        if season is not None:
            resolve_season(show, season)
        if name and name.strip():
            member = resolve_cast(catalog, show, name, season)
            card = self._cards.get(id(member))
            if card is None:
                card = self._cards[id(member)] = cast_embed(show, member)
            return card
        members = [m for m in show.cast if season is None or season in m.seasons]
        return cast_list_embed(show, members, season)

    @cast.autocomplete("name")
    async def cast_name(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        season = getattr(interaction.namespace, "season", None)
        show = await self.client.show_of(interaction)
        pairs = cast_choices(self.client.catalog, show, current, season)
        return [app_commands.Choice(name=label, value=value) for label, value in pairs]


async def setup(client: KissBot) -> None:
    await client.add_cog(Cast(client))
