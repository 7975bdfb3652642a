"""Errors that carry a message meant for the person who ran the command."""

from __future__ import annotations

from discord import app_commands


class UserFacingError(app_commands.AppCommandError):
    """Raise from command code; the tree's error handler shows ``message`` ephemerally."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ConfigError(Exception):
    """A bad setting or data pack: one clear line for the host, exit status 2."""
