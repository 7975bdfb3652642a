"""A host who upgrades and forgets `python -m bot sync`: the start compares the commands
Discord holds globally with the code's, and a fan whose client still shows the old ones is
told so rather than answered wrongly or with "Something went wrong"."""

from __future__ import annotations

import copy
import logging
from pathlib import Path
from typing import Any

import pytest

from bot.client import KissBot
from bot.drift import STALE_TEXT
from bot.sandbox.driver import Sandbox, running_bot
from bot.sandbox.options import CommandUsageError

pytestmark = pytest.mark.e2e

Json = dict[str, Any]
STALE = "commands changed since the last global sync"


def before_the_upgrade(payload: list[Json]) -> list[Json]:
    """The commands as an older version had them: /cast's `name` was `character`, /recap
    had no `episode` yet and required a `part`, /quiz existed and /ping did not."""
    old = [copy.deepcopy(c) for c in payload if c["name"] != "ping"]
    by_name = {c["name"]: c for c in old}
    by_name["cast"]["options"][0]["name"] = "character"
    recap = by_name["recap"]
    recap["options"] = [o for o in recap["options"] if o["name"] != "episode"]
    part = {"name": "part", "description": "Which part", "type": 4, "required": True}
    recap["options"].insert(1, part)
    quiz = {**copy.deepcopy(by_name["about"]), "name": "quiz", "description": "A quiz"}
    return [*old, quiz]


async def sync_old_commands(bot: KissBot) -> None:
    """Another version's `python -m bot sync`, through the same Discord."""
    assert bot.application_id is not None
    old = before_the_upgrade(bot.kiss_tree.payload())
    await bot.http.bulk_upsert_global_commands(bot.application_id, old)


def start_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "bot.client"]


def sync_warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [m for m in start_lines(caplog) if m.startswith(STALE)]


async def restart(
    sb: Sandbox, tmp_path: Path, caplog: pytest.LogCaptureFixture, **settings: Any
) -> list[str]:
    """Start the bot (no dev guild: a host's) and stop it; its start's log lines."""
    caplog.clear()
    async with running_bot(sb, tmp_path, sync_global=False, dev_guild_id=None, **settings):
        pass
    return start_lines(caplog)


async def test_commands_that_differ_from_the_synced_ones_are_one_warning_at_start(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="bot.client")
    async with Sandbox(guilds=1) as sb:
        async with running_bot(sb, tmp_path, sync_at_start=False, dev_guild_id=None) as bot:
            await sync_old_commands(bot)
        overwrites = sb.server.commands.overwrites
        await restart(sb, tmp_path, caplog, sync_at_start=False)
        assert sync_warnings(caplog) == [
            f"{STALE} (new: /ping; changed: /cast, /recap; gone: /quiz): run `python -m bot sync`"
        ]
        (record,) = [r for r in caplog.records if r.getMessage().startswith(STALE)]
        assert record.levelno == logging.WARNING
        assert sb.server.commands.overwrites == overwrites  # told, not synced

        # Synced (as `python -m bot sync` does): the next start finds nothing to tell.
        async with running_bot(sb, tmp_path, sync_at_start=False, dev_guild_id=None):
            pass
        overwrites = sb.server.commands.overwrites
        await restart(sb, tmp_path, caplog, sync_at_start=False)
        assert sync_warnings(caplog) == []
        assert sb.server.commands.overwrites == overwrites


async def test_a_subcommand_changed_in_discord_is_named_by_its_path(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    async with Sandbox(guilds=1) as sb:
        async with running_bot(sb, tmp_path, dev_guild_id=None) as bot:
            assert bot.application_id is not None
            payload = bot.kiss_tree.payload()
            feeds = next(c for c in payload if c["name"] == "feeds")
            add = next(o for o in feeds["options"] if o["name"] == "add")
            add["description"] = "An older description"
            await bot.http.bulk_upsert_global_commands(bot.application_id, payload)
        await restart(sb, tmp_path, caplog, sync_at_start=False)
    assert sync_warnings(caplog) == [f"{STALE} (changed: /feeds add): run `python -m bot sync`"]


async def test_a_host_bot_syncs_changed_commands_itself_once_per_version(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """With SYNC_AT_START (the default) and no dev guild, the start syncs what differs; the
    same version finding them changed again (another bot on the application) only warns:
    two bots undoing each other at every restart would spend Discord's quota."""
    caplog.set_level(logging.INFO, logger="bot.client")
    async with Sandbox(guilds=1) as sb:
        # The version before (one that left syncing to `python -m bot sync`) ran here.
        async with running_bot(sb, tmp_path, dev_guild_id=None, sync_at_start=False) as bot:
            code = bot.kiss_tree.payload()
            await sync_old_commands(bot)
        overwrites = sb.server.commands.overwrites
        lines = await restart(sb, tmp_path, caplog)
        assert sb.server.commands.overwrites == overwrites + 1
        assert (
            f"synced {len(code)} commands globally, changed since the last sync"
            " (new: /ping; changed: /cast, /recap; gone: /quiz)"
        ) in lines, lines
        assert sync_warnings(caplog) == []
        assert sorted(c["name"] for c in sb.commands(scope_global=True)) == sorted(
            c["name"] for c in code
        )

        await restart(sb, tmp_path, caplog)  # unchanged: nothing synced, nothing told
        assert sb.server.commands.overwrites == overwrites + 1
        assert sync_warnings(caplog) == []

        async with running_bot(sb, tmp_path, dev_guild_id=None, sync_global=False) as bot:
            await sync_old_commands(bot)  # the other bot's start
        overwrites = sb.server.commands.overwrites
        await restart(sb, tmp_path, caplog)
        assert sb.server.commands.overwrites == overwrites
        assert len(sync_warnings(caplog)) == 1


async def test_a_dev_bot_never_syncs_globally_by_itself(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """With DEV_GUILD_ID, global commands changed are a warning, never a sync (a branch's
    commands would reach every server); none synced globally at all is a dev bot's usual
    state (the console's): no warning."""
    async with Sandbox(guilds=1) as sb:
        async with running_bot(sb, tmp_path, sync_global=False) as bot:  # DEV_GUILD_ID set
            await sync_old_commands(bot)
        assert sync_warnings(caplog) == []
        old = sb.commands(scope_global=True)
        overwrites = sb.server.commands.overwrites
        caplog.clear()
        async with running_bot(sb, tmp_path, sync_global=False):
            pass
        assert sb.server.commands.overwrites == overwrites
        assert sb.commands(scope_global=True) == old
        assert sync_warnings(caplog) == [
            f"{STALE} (new: /ping; changed: /cast, /recap; gone: /quiz): run `python -m bot sync`"
        ]


async def test_a_stale_client_is_told_the_command_changed(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Discord still offers what an older version synced: a command the code dropped was
    "Something went wrong (code …)", a renamed option was dropped silently (/cast
    character:Yuri listed the whole cast), a required option the code lacks was an error."""
    caplog.set_level(logging.INFO, logger="bot.tree")
    async with (
        Sandbox(guilds=1) as sb,
        running_bot(sb, tmp_path, dev_guild_id=None, sync_at_start=False) as bot,
    ):
        await sync_old_commands(bot)
        for name, options in (
            ("quiz", {}),
            ("cast", {"character": "Yuri"}),
            ("recap", {"season": 1, "part": 2}),
        ):
            reply = await sb.invoke(name, options, user="member")
            assert reply.ephemeral and reply.content == STALE_TEXT, (name, reply.content)
        # What the code still runs as synced answers as ever.
        about = await sb.invoke("about", user="member")
        assert about.embeds and not about.ephemeral
        # An autocomplete on a renamed option gets no suggestions, not a traceback.
        suggestions = await sb.autocomplete(
            "cast", {"character": "Yu"}, focused="character", user="member"
        )
        assert suggestions == []
    assert "Traceback" not in caplog.text
    assert "a fan ran /quiz as it was before an upgrade (no such command)" in caplog.text


async def test_suggestions_asked_for_an_option_the_code_serves_none_for_are_none(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """An older version offered suggestions for /feeds add's `url`: Discord, holding that,
    asks the bot for them. discord.py raised CommandSignatureMismatch, logged it with a
    traceback and answered nothing (the fan's list "failed to load")."""
    caplog.set_level(logging.INFO, logger="bot.tree")
    async with (
        Sandbox(guilds=1) as sb,
        running_bot(sb, tmp_path, dev_guild_id=None, sync_at_start=False) as bot,
    ):
        assert bot.application_id is not None
        old = bot.kiss_tree.payload()
        feeds = next(c for c in old if c["name"] == "feeds")
        add = next(o for o in feeds["options"] if o["name"] == "add")
        add["options"][0]["autocomplete"] = True
        await bot.http.bulk_upsert_global_commands(bot.application_id, old)
        suggestions = await sb.autocomplete(
            "feeds", {"url": "https://"}, focused="url", subcommand="add"
        )
        assert suggestions == []
        # As synced now, Discord asks for none.
        await bot.kiss_tree.sync()
        with pytest.raises(CommandUsageError, match="no autocomplete"):
            await sb.autocomplete("feeds", {"url": "x"}, focused="url", subcommand="add")
    assert "Traceback" not in caplog.text and "Ignoring exception" not in caplog.text
    assert "a fan ran /feeds as it was before an upgrade (/feeds add's url offers no" in (
        caplog.text
    )


async def test_a_long_wait_to_read_the_synced_commands_does_not_hold_the_start(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Discord asking the start's read of the global commands to wait 60 s (a 429): the
    start gives up on it after SYNC_WAIT_S, says so, and the bot answers."""
    monkeypatch.setattr("bot.client.SYNC_WAIT_S", 1.0)
    async with Sandbox(guilds=1) as sb:
        sb.inject("GET", "/applications/*/commands", "429", retry_after=60)
        caplog.clear()
        async with running_bot(sb, tmp_path, dev_guild_id=None, ready_timeout=15):
            assert (await sb.invoke("ping")).content == "pong"
    assert any(
        m.startswith("could not read the global commands' ids") for m in map(str, caplog.messages)
    ), caplog.messages
