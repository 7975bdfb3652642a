"""The /about card, and /help's: the same command guide in both."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import date

import discord

from bot.render.guide import MAX_FIELDS
from bot.render.text import timestamp

COLOUR = discord.Colour.from_rgb(235, 94, 142)


def format_duration(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    days, hours = divmod(hours, 24)
    parts = [(days, "d"), (hours, "h"), (minutes, "m"), (secs, "s")]
    shown = [f"{n}{unit}" for n, unit in parts if n] or ["0s"]
    return " ".join(shown[:2])


def about_embed(
    *,
    version: str,
    latency_s: float,
    uptime_s: float,
    guilds: int,
    pack_dates: Mapping[str, date],
    guide: Sequence[tuple[str, str]] = (),
) -> discord.Embed:
    latency = "n/a" if not math.isfinite(latency_s) else f"{latency_s * 1000:.0f} ms"
    embed = discord.Embed(
        title="kissbot",
        description="Cast, episodes, recaps and production news for fan servers.",
        colour=COLOUR,
    )
    embed.add_field(name="Version", value=version)
    embed.add_field(name="Latency", value=latency)
    embed.add_field(name="Uptime", value=format_duration(uptime_s))
    embed.add_field(name="Servers", value=str(guilds))
    for title, current in pack_dates.items():
        # A Discord timestamp: each reader sees the date in their own language.
        embed.add_field(name=f"{title} data", value=f"current to {timestamp(current)}")
    _add_guide(embed, guide)
    return embed


def help_embed(guide: Sequence[tuple[str, str]]) -> discord.Embed:
    embed = discord.Embed(
        title="kissbot commands",
        description="Click a command to start typing it.",
        colour=COLOUR,
    )
    _add_guide(embed, guide)
    return embed


def _add_guide(embed: discord.Embed, guide: Sequence[tuple[str, str]]) -> None:
    for name, value in guide[: MAX_FIELDS - len(embed.fields)]:
        embed.add_field(name=name, value=value, inline=False)
