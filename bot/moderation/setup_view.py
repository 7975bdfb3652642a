"""``/setup view``: a guild's news settings in one embed (pure)."""

from __future__ import annotations

import discord

from bot.moderation.preview import MODE_TEXT
from bot.moderation.text import stamp
from bot.news.messages import safe_text
from bot.store.guilds import GuildSettings

SPOILER_TEXT = {
    "private": "recaps are shown only to the fan who asks",
    "channel": "recaps may be posted in the channel (spoiler-tagged)",
}


def delivery_state(settings: GuildSettings) -> str:
    if settings.channel_id is None:
        return "⚪ not set up: run `/setup channel` to choose where news goes"
    if settings.disabled_reason is not None:
        since = f" since {stamp(settings.disabled_at)}" if settings.disabled_at else ""
        return (
            f"🔴 paused{since}: {safe_text(settings.disabled_reason, 300)}. "
            "Fix it, then run `/setup channel` again."
        )
    return "🟢 posting news"


def settings_embed(
    settings: GuildSettings, *, show_title: str, own_feeds: int, shared_feeds: int
) -> discord.Embed:
    embed = discord.Embed(
        title="News settings", colour=discord.Colour.blurple(), description=delivery_state(settings)
    )
    embed.add_field(
        name="Channel",
        value=f"<#{settings.channel_id}>" if settings.channel_id else "not set",
        inline=True,
    )
    embed.add_field(
        name="Ping role",
        value=f"<@&{settings.role_id}>" if settings.role_id else "none (no pings)",
        inline=True,
    )
    embed.add_field(name="Show", value=safe_text(show_title, 100), inline=True)
    embed.add_field(name="Mode", value=MODE_TEXT[settings.mode], inline=True)
    embed.add_field(name="Spoilers", value=SPOILER_TEXT[settings.spoilers], inline=True)
    embed.add_field(
        name="Threads",
        value="a thread under each announcement" if settings.threads else "off",
        inline=True,
    )
    embed.add_field(
        name="Feeds",
        value=f"{own_feeds} of this server's own, {shared_feeds} shared (`/feeds list`)",
        inline=False,
    )
    return embed
