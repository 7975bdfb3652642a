"""Errors that carry a message meant for the person who ran the command."""

from __future__ import annotations

from discord import app_commands

# Exit statuses a supervisor can act on (deploy/kissbot.service): 1 is worth a retry (Discord
# unreachable, or answering errors); 2 and 3 need the host: a bad setting, or a token Discord
# rejects, which retried only spends the invalid requests Discord bans addresses for.
RETRY_LATER = 1
BAD_SETTING = 2
TOKEN_REJECTED = 3


class UserFacingError(app_commands.AppCommandError):
    """Raise from command code; the tree's error handler shows ``message`` ephemerally."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ConfigError(Exception):
    """A bad setting or data pack: one clear line for the host, exit status 2."""
