"""Point discord.py at a Discord-compatible server (the sandbox, or Discord itself).

discord.py has no base-URL option: REST, webhooks and interaction callbacks all
build their URLs from ``Route.BASE``, and the gateway falls back to
``DiscordWebSocket.DEFAULT_GATEWAY`` on first connect and after op 9.
"""

from __future__ import annotations

import discord.gateway
import discord.http
import yarl


def point_discord_at(api_base: str, gateway_url: str) -> None:
    discord.http.Route.BASE = api_base.rstrip("/")
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url)
