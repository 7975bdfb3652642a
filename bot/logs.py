"""Logging set-up: one stream handler on stderr, noisy libraries quietened."""

from __future__ import annotations

import logging
import sys

import discord


def configure_logging(level: str) -> None:
    # discord.py colours its lines whenever it runs in Docker, even into a file or a pipe to
    # journald, where the escape codes are noise around every line: colour only a terminal.
    if sys.stderr.isatty():
        discord.utils.setup_logging(level=getattr(logging, level), root=True)
    else:
        discord.utils.setup_logging(level=getattr(logging, level), root=True, formatter=_PLAIN)
    # One line per feed poll is ours to log; the scheduler's own lines are noise at INFO.
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    logging.getLogger("apscheduler.scheduler").addFilter(_not_skipped_runs)
    logging.getLogger("discord.http").setLevel(logging.WARNING)
    # Two lines per SQL statement, parameters included (a feed's credentials, every post):
    # at LOG_LEVEL=DEBUG they would be nearly the whole log, and leak what INFO redacts.
    logging.getLogger("aiosqlite").setLevel(logging.INFO)


_PLAIN = logging.Formatter(
    "[{asctime}] [{levelname:<8}] {name}: {message}", "%Y-%m-%d %H:%M:%S", style="{"
)


def _not_skipped_runs(record: logging.LogRecord) -> bool:
    """Drop the scheduler's warning that a run was skipped because the last one is still
    going (a long fan-out outlasting the outbox's 10 s, a slow feed): the next run picks up
    what it would have done, so the warning asks the host for nothing."""
    return "maximum number of running instances reached" not in str(record.msg)
