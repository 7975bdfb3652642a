"""The memory baseline: a bare discord.py bot with one slash command and kissbot's intents.

Run as ``python -m bench.bare_bot`` with DISCORD_TOKEN, DISCORD_API_BASE,
DISCORD_GATEWAY_URL and DEV_GUILD_ID in the environment (the bench sets them). It
imports discord.py and nothing else of size, so its RSS is what discord.py itself costs
with that many guilds.
"""

from __future__ import annotations

import asyncio
import os

import discord
import discord.gateway
import discord.http
import yarl
from discord import app_commands
from discord.ext import commands


class BareBot(commands.Bot):
    def __init__(self, dev_guild: int) -> None:
        intents = discord.Intents.none()
        intents.guilds = True  # what kissbot asks for
        super().__init__(command_prefix=commands.when_mentioned, intents=intents)
        self.dev_guild = discord.Object(id=dev_guild)

    async def setup_hook(self) -> None:
        @app_commands.command(name="ping")
        async def ping(interaction: discord.Interaction) -> None:
            """Check that the bot answers."""
            await interaction.response.send_message("pong", ephemeral=True)

        self.tree.add_command(ping)
        self.tree.copy_global_to(guild=self.dev_guild)
        await self.tree.sync(guild=self.dev_guild)


async def main() -> None:
    # The same two pointers kissbot sets (bot.endpoint), inlined to import nothing of ours.
    discord.http.Route.BASE = os.environ["DISCORD_API_BASE"].rstrip("/")
    gateway = yarl.URL(os.environ["DISCORD_GATEWAY_URL"])
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = gateway
    async with BareBot(int(os.environ["DEV_GUILD_ID"])) as bot:
        await bot.start(os.environ["DISCORD_TOKEN"])


if __name__ == "__main__":
    asyncio.run(main())
