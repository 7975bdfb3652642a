"""Logging set-up: one stream handler on stderr, noisy libraries quietened."""

from __future__ import annotations

import logging

import discord


def configure_logging(level: str) -> None:
    discord.utils.setup_logging(level=getattr(logging, level), root=True)
    # One line per feed poll is ours to log; the scheduler's own lines are noise at INFO.
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    logging.getLogger("discord.http").setLevel(logging.WARNING)
    # Two lines per SQL statement, parameters included (a feed's credentials, every post):
    # at LOG_LEVEL=DEBUG they would be nearly the whole log, and leak what INFO redacts.
    logging.getLogger("aiosqlite").setLevel(logging.INFO)
