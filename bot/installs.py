"""Where each command can be run: which installs offer it, in which contexts.

Since 2024 a fan can add the app to their own account (a user install): its fan commands then
follow them into servers that never added the bot, DMs and group DMs. Moderator commands read
and change what one server set up, with the bot there, so only that server's install offers
them, in its channels. Both are said explicitly, so no tree-wide default can widen either.
"""

from __future__ import annotations

from typing import TypeVar

from discord import app_commands

T = TypeVar("T")


def anywhere(item: T) -> T:
    """A fan command: from a server's install or a fan's own, in servers (with or without
    the bot), the bot's DM and group DMs."""
    item = app_commands.allowed_installs(guilds=True, users=True)(item)
    return app_commands.allowed_contexts(guilds=True, dms=True, private_channels=True)(item)


def server_only(item: T) -> T:
    """A moderator command: only a server that added the bot offers it, in its channels."""
    item = app_commands.guild_only()(item)
    item = app_commands.allowed_installs(guilds=True, users=False)(item)
    return app_commands.allowed_contexts(guilds=True, dms=False, private_channels=False)(item)
