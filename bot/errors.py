"""Errors that carry a message meant for the person who ran the command."""

from __future__ import annotations

from discord import app_commands

# Exit statuses a supervisor can act on (deploy/kissbot.service): 1 is worth a retry (Discord
# unreachable, or answering errors; the database locked by another program); 2 and 3 need the
# host: a bad setting (a full disk too), or a token Discord rejects, which retried only spends
# the invalid requests Discord bans addresses for.
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

    status = BAD_SETTING


class LockedOut(ConfigError):
    """Another program held the database locked past the busy timeout as the bot started: one
    line, and exit status 1, as a retry (the supervisor's) will likely find it free."""

    status = RETRY_LATER
