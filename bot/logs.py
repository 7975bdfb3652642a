"""Logging set-up: one stream handler on stderr, noisy libraries quietened."""

from __future__ import annotations

import logging
import re
import sys

import discord

from bot.settings import SecretStr


def configure_logging(level: str, token: SecretStr | None = None) -> None:
    """``token``: the bot's, cut from any line that would show it."""
    handler = logging.StreamHandler()
    # discord.py colours its lines whenever it runs in Docker, even into a file or a pipe to
    # journald, where the escape codes are noise around every line: colour only a terminal.
    if sys.stderr.isatty():
        discord.utils.setup_logging(level=getattr(logging, level), root=True, handler=handler)
    else:
        discord.utils.setup_logging(
            level=getattr(logging, level), root=True, handler=handler, formatter=_PLAIN
        )
    assert handler.formatter is not None  # setup_logging gave it one
    handler.setFormatter(_Redacting(handler.formatter, token.get_secret_value() if token else ""))
    # One line per feed poll is ours to log; the scheduler's own lines are noise at INFO.
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    logging.getLogger("apscheduler.scheduler").addFilter(_not_skipped_runs)
    logging.getLogger("discord.http").setLevel(logging.WARNING)
    logging.getLogger("discord.client").addFilter(_reconnect_in_one_line)
    # Two lines per SQL statement, parameters included (a feed's credentials, every post):
    # at LOG_LEVEL=DEBUG they would be nearly the whole log, and leak what INFO redacts.
    logging.getLogger("aiosqlite").setLevel(logging.INFO)


_PLAIN = logging.Formatter(
    "[{asctime}] [{levelname:<8}] {name}: {message}", "%Y-%m-%d %H:%M:%S", style="{"
)

# An interaction's token lets whoever holds it answer as the bot for 15 minutes. At DEBUG
# discord.gateway logs each INTERACTION_CREATE payload ('token': '…') and discord.webhook
# each reply's URL (/interactions/ID/TOKEN/callback, /webhooks/APP_ID/TOKEN).
_INTERACTION_TOKEN = re.compile(
    r"""(['"]token['"]: ?['"])[^'"]+|(/(?:interactions|webhooks)/\d+/)[^/?#\s'"]+"""
)


class _Redacting(logging.Formatter):
    """The handler's formatter, with tokens cut from the whole line, traceback included."""

    def __init__(self, inner: logging.Formatter, secret: str) -> None:
        super().__init__()
        self._inner, self._secret = inner, secret

    def format(self, record: logging.LogRecord) -> str:
        text = _INTERACTION_TOKEN.sub(
            lambda m: f"{m[1] or m[2]}<redacted>", self._inner.format(record)
        )
        return text.replace(self._secret, "<redacted>") if self._secret else text


def _not_skipped_runs(record: logging.LogRecord) -> bool:
    """Drop the scheduler's warning that a run was skipped because the last one is still
    going (a long fan-out outlasting the outbox's 10 s, a slow feed): the next run picks up
    what it would have done, so the warning asks the host for nothing."""
    return "maximum number of running instances reached" not in str(record.msg)


# discord.py's log line (with a traceback) as it waits to retry the gateway, and ours for it.
RECONNECT_LOG = "Attempting a reconnect in %.2fs"
RECONNECT_LINE = "lost the connection to Discord (%s); reconnecting in %.2f s"


def reason_of(exc: BaseException) -> str:
    """An exception in a few words: its type, and its text when it has one (a timeout has none)."""
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def _reconnect_in_one_line(record: logging.LogRecord) -> bool:
    """discord.py logs each failed attempt to reach the gateway again (the network or Discord
    down) at ERROR with a traceback, though it rides the outage out by itself: an hour's
    outage left a dozen tracebacks. One WARNING line each, with the reason, is what a host
    needs (discord.gateway says INFO when the session is back)."""
    if record.msg == RECONNECT_LOG and record.exc_info and record.exc_info[1]:
        record.msg = RECONNECT_LINE
        record.args = (reason_of(record.exc_info[1]), *(record.args or ()))
        record.exc_info = record.exc_text = None
        record.levelno, record.levelname = logging.WARNING, "WARNING"
    return True
