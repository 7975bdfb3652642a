"""A command the store refuses (a full disk, a read-only file, another program's lock) says so
in a short ephemeral line, and the host hears it once while it lasts, as from the jobs: it was
"Something went wrong" and a traceback per command."""

from __future__ import annotations

import logging
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import discord
import pytest
from discord import app_commands

from bot.domain.progress import Spot
from bot.store import Store
from bot.tree import KissTree, store_trouble_text
from tests.conftest import NOW
from tests.unit.test_job_database_trouble import disk_full


class Interaction:
    """What the tree's error handler reads of an interaction, and the replies it got."""

    def __init__(self, *, moderator: bool, autocomplete: bool = False) -> None:
        self.id = 1
        self.type = (
            discord.InteractionType.autocomplete
            if autocomplete
            else discord.InteractionType.application_command
        )
        self.command = SimpleNamespace(name="set", qualified_name="progress set")
        self.guild = SimpleNamespace(id=7)
        self.permissions = discord.Permissions(manage_guild=moderator)
        self.replies: list[tuple[str, bool]] = []
        self.response = self

    def is_done(self) -> bool:
        return False

    async def send_message(self, text: str, *, ephemeral: bool, **_: Any) -> None:
        self.replies.append((text, ephemeral))


@pytest.fixture
def tree() -> KissTree:
    return KissTree(discord.Client(intents=discord.Intents.none()))


async def failed(tree: KissTree, exc: Exception, **kwargs: Any) -> list[tuple[str, bool]]:
    interaction = Interaction(**kwargs)
    error = app_commands.CommandInvokeError(interaction.command, exc)  # type: ignore[arg-type]
    await tree.on_error(interaction, error)  # type: ignore[arg-type]
    return interaction.replies


async def read_only(store: Store) -> Exception:
    """SQLite's own refusal of a write to a read-only store (query_only: file modes do not
    bind root), and what reading it still gives."""
    await store.db.conn.execute("PRAGMA query_only = 1")
    try:
        await store.progress.set(1, "xo-kitty", Spot(1, 2), NOW)
    except Exception as exc:
        return exc
    raise AssertionError("a read-only store took a write")


async def test_a_command_the_store_refuses_is_told_plainly_and_logged_once(
    tree: KissTree, store: Store, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    refused = await read_only(store)
    assert await store.progress.get(1, "xo-kitty") is None  # reads still work
    fan = "I can't read or save my data right now. Please try again later."
    for _ in range(3):
        assert await failed(tree, refused, moderator=False) == [(fan, True)]
    ((text, ephemeral),) = await failed(tree, refused, moderator=True)
    assert ephemeral and text.startswith(fan) and "make it and its folder writable" in text
    # Another kind of trouble is told too, once.
    full = disk_full(tmp_path)
    ((text, _),) = await failed(tree, full, moderator=True)
    assert "free some space on its disk" in text
    assert await failed(tree, full, moderator=False, autocomplete=True) == []
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert warnings == [
        "the database is in trouble (attempt to write a readonly database): make it and its"
        " folder writable; retrying as usual",
        "the database is in trouble (database or disk is full): free some space on its disk;"
        " retrying as usual",
    ]
    assert not any(r.exc_info for r in caplog.records)


async def test_any_other_error_is_still_a_traceback_and_a_code(
    tree: KissTree, caplog: pytest.LogCaptureFixture
) -> None:
    ((text, _),) = await failed(tree, RuntimeError("boom"), moderator=True)
    assert text.startswith("Something went wrong (code ")
    (record,) = caplog.records
    assert record.levelno == logging.ERROR and record.exc_info is not None


def test_the_moderator_hears_what_the_host_can_do() -> None:
    text = store_trouble_text("free some space on its disk", moderator=True)
    assert "free some space on its disk" in text and len(text) < 200
    assert "disk" not in store_trouble_text("free some space on its disk", moderator=False)
