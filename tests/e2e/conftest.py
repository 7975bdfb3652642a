"""Sandbox fixtures: a loopback Discord, discord.py pointed at it, and a probe bot.

The probe bot is a small discord.py bot independent of kissbot's cogs; it exercises each
part of the wire (sync, slash, autocomplete, defer, ephemeral, posts, roles, errors).
"""

from __future__ import annotations

import asyncio
import contextlib
import io
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import discord
import discord.gateway
import discord.http
import pytest
import yarl
from discord import app_commands
from discord.ext import commands

from bot.client import KissBot
from bot.sandbox import state
from bot.sandbox.driver import Sandbox, running_bot

StartProbe = Callable[..., contextlib.AbstractAsyncContextManager[commands.Bot]]


@pytest.fixture
def general_is_system_channel(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each guild's #general is its system channel, as Discord usually makes it: where a
    paused server's notices go (the sandbox's guilds have none of their own)."""
    payload = state.Guild.payload

    def with_system_channel(guild: state.Guild) -> state.Json:
        return {**payload(guild), "system_channel_id": str(guild.channel_named("general").id)}

    monkeypatch.setattr(state.Guild, "payload", with_system_channel)


@pytest.fixture
async def kissbot(sandbox: Sandbox, tmp_path: Path) -> AsyncIterator[KissBot]:
    """The real bot, running against ``sandbox``."""
    async with running_bot(sandbox, tmp_path) as bot:
        yield bot


@pytest.fixture
async def sandbox() -> AsyncIterator[Sandbox]:
    async with Sandbox(guilds=2) as sb:
        yield sb


@pytest.fixture
def point_discord(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Call with a Sandbox: discord.py's REST and gateway go to it for this test only."""

    def point(sb: Sandbox) -> None:
        monkeypatch.setattr(discord.http.Route, "BASE", sb.api_base)
        monkeypatch.setattr(
            discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", yarl.URL(sb.gateway_url)
        )

    return point


NAMES = ["Kitty Song Covey", "Min Ho", "Yuri Han", "Dae Heon", "Q", "Florian"]


class Confirm(discord.ui.View):
    def __init__(self) -> None:
        super().__init__(timeout=30)

    @discord.ui.button(label="Post it", custom_id="confirm:yes")
    async def yes(self, interaction: discord.Interaction, button: discord.ui.Button[Any]) -> None:
        await interaction.response.edit_message(content="confirmed", view=None)

    @discord.ui.select(custom_id="confirm:pick", options=[discord.SelectOption(label="a")])
    async def pick(self, interaction: discord.Interaction, select: discord.ui.Select[Any]) -> None:
        await interaction.response.send_message(f"picked {select.values}", ephemeral=True)


class Probe(commands.Cog):
    feeds = app_commands.Group(name="feeds", description="Manage feeds")
    rules = app_commands.Group(name="rules", description="Feed rules", parent=feeds)

    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot

    @app_commands.command(description="Say hello")
    async def hello(self, interaction: discord.Interaction, name: str, times: int = 1) -> None:
        await interaction.response.send_message(f"Hello, {name}!" * times)

    @app_commands.command(description="Look up a character")
    @app_commands.allowed_contexts(guilds=True, dms=True, private_channels=True)
    async def cast(self, interaction: discord.Interaction, name: str) -> None:
        embed = discord.Embed(title=name, description="A character.")
        embed.add_field(name="Show", value="XO, Kitty")
        await interaction.response.send_message(embed=embed)

    @cast.autocomplete("name")
    async def cast_names(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        hits = [n for n in NAMES if current.lower() in n.lower()]
        return [app_commands.Choice(name=n, value=n) for n in hits]

    @app_commands.command(description="Think, then answer")
    async def slow(
        self, interaction: discord.Interaction, extra: int = 0, hide: bool = False
    ) -> None:
        await interaction.response.defer(ephemeral=hide, thinking=True)
        await asyncio.sleep(0.05)
        await interaction.followup.send("done thinking")
        for i in range(extra):
            await interaction.followup.send(f"extra {i}", ephemeral=True)

    @app_commands.command(description="A secret")
    async def secret(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_message("only you", ephemeral=True)

    @app_commands.command(description="Post to a channel")
    async def post(
        self, interaction: discord.Interaction, channel: discord.TextChannel, text: str
    ) -> None:
        try:
            await channel.send(text, allowed_mentions=discord.AllowedMentions.none())
        except discord.HTTPException as exc:
            await interaction.response.send_message(
                f"failed: {exc.status} {exc.code}", ephemeral=True
            )
            return
        await interaction.response.send_message("posted", ephemeral=True)

    @app_commands.command(description="Give yourself a role")
    async def give(self, interaction: discord.Interaction, role: discord.Role) -> None:
        assert isinstance(interaction.user, discord.Member)
        try:
            await interaction.user.add_roles(role)
        except discord.Forbidden as exc:
            await interaction.response.send_message(f"forbidden {exc.code}", ephemeral=True)
            return
        await interaction.response.send_message(f"gave {role.name}", ephemeral=True)

    @app_commands.command(description="Always fails")
    async def boom(self, interaction: discord.Interaction) -> None:
        raise RuntimeError("boom")

    @app_commands.command(description="Where am I")
    # Named: with none, Discord offers a command in servers and the bot's DM, no group DM.
    @app_commands.allowed_contexts(guilds=True, dms=True, private_channels=True)
    async def where(self, interaction: discord.Interaction) -> None:
        perms_ = interaction.permissions
        await interaction.response.send_message(
            f"guild={interaction.guild_id} channel={getattr(interaction.channel, 'name', 'dm')} "
            f"manage={perms_.manage_guild} user={interaction.user.id}"
        )

    @app_commands.command(description="Answer after a while")
    async def sleepy(self, interaction: discord.Interaction, seconds: float) -> None:
        await asyncio.sleep(seconds)
        await interaction.response.send_message("late")

    @app_commands.command(description="Answer with a file")
    async def upload(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_message(
            "a file", file=discord.File(io.BytesIO(b"hello"), "hello.txt")
        )

    @app_commands.command(description="Ask before posting")
    async def confirm(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_message("Post this?", view=Confirm(), ephemeral=True)

    @feeds.command(name="add", description="Add a feed")
    async def feeds_add(self, interaction: discord.Interaction, url: str) -> None:
        await interaction.response.send_message(f"added {url}")

    @rules.command(name="set", description="Set a rule")
    async def rules_set(self, interaction: discord.Interaction, keyword: str) -> None:
        await interaction.response.send_message(f"rule {keyword}")


async def _probe_bot() -> commands.Bot:
    intents = discord.Intents.default()
    intents.members = True
    bot = commands.Bot(command_prefix="!", intents=intents, guild_ready_timeout=0.1)
    await bot.add_cog(Probe(bot))
    return bot


@contextlib.asynccontextmanager
async def _started(sb: Sandbox, *, sync_guild: bool = True) -> AsyncIterator[commands.Bot]:
    bot = await _probe_bot()
    task = asyncio.create_task(bot.start(sb.token))
    # Let start() begin: it makes the event wait_until_ready reads. Since Python 3.12,
    # wait_for runs its coroutine at once, not as a task queued after start's.
    await asyncio.sleep(0)
    try:
        await asyncio.wait_for(bot.wait_until_ready(), 10)
        await bot.tree.sync()
        if sync_guild:
            guild = discord.Object(sb.guild.id)
            bot.tree.copy_global_to(guild=guild)
            await bot.tree.sync(guild=guild)
        yield bot
    finally:
        await bot.close()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(task, 5)


@pytest.fixture
def start_probe(point_discord: Callable[[Sandbox], None]) -> StartProbe:
    """`async with start_probe(sb) as bot:` a ready probe bot with commands synced."""

    def start(sb: Sandbox, **kwargs: Any) -> contextlib.AbstractAsyncContextManager[commands.Bot]:
        point_discord(sb)
        return _started(sb, **kwargs)

    return start


@pytest.fixture
async def probe(sandbox: Sandbox, start_probe: StartProbe) -> AsyncIterator[commands.Bot]:
    async with start_probe(sandbox) as bot:
        yield bot
