"""The /about card."""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date

import discord


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
) -> discord.Embed:
    latency = "n/a" if not math.isfinite(latency_s) else f"{latency_s * 1000:.0f} ms"
    embed = discord.Embed(
        title="kissbot",
        description="Cast, episodes, recaps and production news for fan servers.",
        colour=discord.Colour.from_rgb(235, 94, 142),
    )
    embed.add_field(name="Version", value=version)
    embed.add_field(name="Latency", value=latency)
    embed.add_field(name="Uptime", value=format_duration(uptime_s))
    embed.add_field(name="Servers", value=str(guilds))
    for title, current in pack_dates.items():
        embed.add_field(name=f"{title} data", value=f"current to {current.isoformat()}")
    return embed
