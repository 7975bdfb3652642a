"""What README's Commands table and the commands' own Discord descriptions promise, against
the commands the cogs declare (what `python -m bot sync` publishes)."""

from __future__ import annotations

import re
from types import SimpleNamespace
from typing import Any

import pytest
from discord import app_commands

from cogs.feeds import Feeds
from cogs.setup import Setup
from tests.conftest import REPO
from tests.unit.test_installs import FAN_COGS, SERVER_COGS, top_level

Command = app_commands.Command[Any, Any, Any]


def readme_rows() -> dict[str, str]:
    """Each command's row of README's Commands table, by its top-level name."""
    text = REPO.joinpath("README.md").read_text(encoding="utf-8")
    section = text.split("\n## Commands\n", 1)[1].split("\n## ", 1)[0]
    rows: dict[str, str] = {}
    for line in section.splitlines():
        if line.startswith("| `/"):
            for name in re.findall(r"`/(\w+)", line.split("|")[1]):
                rows.setdefault(name, line)
    return rows


def leaves(command: Command | app_commands.Group) -> list[Command]:
    if isinstance(command, app_commands.Group):
        return [c for c in command.walk_commands() if isinstance(c, app_commands.Command)]
    return [command]


def written(option: app_commands.Parameter) -> str:
    """How the table writes an option: bare when required, `[name]` when not."""
    return option.name if option.required else f"[{option.name}]"


def holds(cell: str, token: str) -> bool:
    return re.search(rf"(?<![\w\[]){re.escape(token)}(?![\w\]])", cell) is not None


@pytest.mark.parametrize("cog_cls", [*FAN_COGS, *SERVER_COGS])
def test_readme_command_table_names_every_command_and_its_options(cog_cls: Any) -> None:
    """A fan reads a command's options in its row's first cell (`/recap season [episode]`);
    a moderator reads each subcommand of `/setup` and `/feeds` in its row."""
    rows = readme_rows()
    for command in top_level(cog_cls):
        assert command.name in rows, f"/{command.name} has no row in README's Commands table"
        row = rows[command.name]
        heading = row.split("|")[1]
        moderator = command.default_permissions is not None
        for leaf in leaves(command):
            sub = " ".join(leaf.qualified_name.split()[1:])
            if moderator:
                assert f"`{sub}`" in row, f"README's /{command.name} row lacks `{sub}`"
                continue
            if sub:
                assert holds(heading, sub), f"README's /{command.name} row lacks {sub}"
            for option in leaf.parameters:
                assert holds(heading, written(option)), (
                    f"README writes /{leaf.qualified_name} without {written(option)}"
                )


def test_setup_show_says_it_chooses_the_show_of_the_fans_commands_too() -> None:
    """`/setup show` chooses the show of the server's news and of its fans' `/status`,
    `/episode`, `/cast`, `/recap` and `/progress` (README); its description said only
    "Which show's news to post"."""
    cog = Setup(SimpleNamespace())  # type: ignore[arg-type]
    show = next(c for c in cog.walk_app_commands() if c.qualified_name == "setup show")
    described = show.description.casefold()
    assert "news" in described and "fans' commands" in described
    assert len(show.description) <= 100  # Discord's most


def test_feeds_add_promises_no_preview_before_it_follows() -> None:
    """`/feeds add` follows the feed as it answers, the preview beside it (there is nothing
    to confirm); its description said "shows a preview first", as a step before."""
    cog = Feeds(SimpleNamespace())  # type: ignore[arg-type]
    add = next(c for c in cog.walk_app_commands() if c.qualified_name == "feeds add")
    assert "preview" in add.description and "first" not in add.description
    assert len(add.description) <= 100
