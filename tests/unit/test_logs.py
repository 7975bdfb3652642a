"""What the host's log holds: configure_logging against the libraries' own habits."""

from __future__ import annotations

import asyncio
import io
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.app import build_scheduler
from bot.logs import configure_logging
from bot.settings import SecretStr
from bot.store import Store

TUNED = ("apscheduler", "apscheduler.scheduler", "discord.http", "aiosqlite")


@pytest.fixture(autouse=True)
def restored_logging() -> Iterator[None]:
    """configure_logging changes process-wide state: put it back for the other tests."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    saved = {
        name: (logging.getLogger(name).level, logging.getLogger(name).filters[:]) for name in TUNED
    }
    yield
    for handler in root.handlers:
        if handler not in handlers:
            root.removeHandler(handler)
    root.setLevel(level)
    for name, (lvl, filters) in saved.items():
        logging.getLogger(name).setLevel(lvl)
        logging.getLogger(name).filters[:] = filters


async def test_a_run_skipped_while_the_last_one_goes_on_is_not_a_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # A fan-out longer than the outbox job's 10 s interval, at a scale a test can wait for.
    configure_logging("INFO")
    scheduler = build_scheduler()
    scheduler.add_job(asyncio.sleep, "interval", args=(0.4,), seconds=0.05, id="outbox")
    scheduler.start()
    try:
        await asyncio.sleep(0.5)
    finally:
        scheduler.shutdown(wait=False)
    assert not [r for r in caplog.records if r.name.startswith("apscheduler")], caplog.text


async def test_debug_is_not_drowned_in_sql_nor_leaks_a_feeds_credentials(
    caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    configure_logging("DEBUG")
    caplog.set_level(logging.DEBUG)
    store = await Store.open(tmp_path / "kissbot.db")
    try:
        await store.migrate()
        await store.feeds.share("https://fan:hunter2@news.example/feed.xml", title=None)
    finally:
        await store.close()
    assert "hunter2" not in caplog.text
    assert not [r for r in caplog.records if r.name == "aiosqlite"]


def test_a_log_that_is_not_a_terminal_has_no_colour_codes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # discord.py colours any stream when it runs in Docker; a file or journald gets escapes.
    monkeypatch.setattr("discord.utils.is_docker", lambda: True)
    stream = io.StringIO()
    monkeypatch.setattr("sys.stderr", stream)
    configure_logging("INFO")
    logging.getLogger("bot.test").warning("feed failed")
    assert "feed failed" in stream.getvalue()
    assert "\x1b[" not in stream.getvalue()


def test_no_line_shows_the_bot_token_or_an_interactions(monkeypatch: pytest.MonkeyPatch) -> None:
    # discord.py's DEBUG lines carry interaction tokens (the e2e canary test runs the bot);
    # the bot's own token is cut too, wherever a library might print it.
    stream = io.StringIO()
    monkeypatch.setattr("sys.stderr", stream)
    configure_logging("DEBUG", SecretStr("MTAw.Q2Fu.bot-token-canary"))
    log = logging.getLogger("discord.test")
    log.debug("event: %s", {"op": 0, "d": {"id": "1", "token": "aW50ZXJh:secret-one"}})
    log.debug("POST http://x/api/v10/interactions/12/secret-two/callback has returned 200")
    log.debug("PATCH http://x/api/v10/webhooks/34/secret-three/messages/@original")
    try:
        raise RuntimeError("Authorization: Bot MTAw.Q2Fu.bot-token-canary")
    except RuntimeError:
        log.exception("failed")
    text = stream.getvalue()
    for secret in ("secret-one", "secret-two", "secret-three", "bot-token-canary"):
        assert secret not in text
    assert "/interactions/12/<redacted>/callback" in text and "Traceback" in text
