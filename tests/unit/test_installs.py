"""Where each command can be run: fan commands from a fan's own install too, everywhere;
moderator commands only from a server's install, in its channels (the sync payload's
``integration_types`` and ``contexts``)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from discord import app_commands

from cogs.cast import Cast
from cogs.episodes import Episodes
from cogs.feeds import Feeds
from cogs.meta import Meta
from cogs.news import News
from cogs.progress import Progress
from cogs.recap import Recap
from cogs.setup import Setup
from cogs.status import Status

FAN_COGS = (Meta, Cast, Episodes, Recap, Progress, Status)
SERVER_COGS = (Setup, Feeds, News)


def top_level(cog_cls: Any) -> list[app_commands.Command[Any, Any, Any] | app_commands.Group]:
    cog = cog_cls(SimpleNamespace())
    if cog.app_command is not None:  # a GroupCog: its commands are the group's children
        return [cog.app_command]
    return [c for c in cog.get_app_commands() if c.parent is None]


def payload(command: app_commands.Command[Any, Any, Any] | app_commands.Group) -> dict[str, Any]:
    # What the sync sends, with discord.py's tree-wide defaults unset (as KissTree has them).
    tree = SimpleNamespace(
        allowed_contexts=app_commands.AppCommandContext(),
        allowed_installs=app_commands.AppInstallationType(),
    )
    return command.to_dict(tree)  # type: ignore[arg-type]


@pytest.mark.parametrize("cog_cls", FAN_COGS)
def test_fan_commands_run_from_either_install_everywhere(cog_cls: Any) -> None:
    for command in top_level(cog_cls):
        sent = payload(command)
        assert sent["integration_types"] == [0, 1], command.name
        assert sent["contexts"] == [0, 1, 2], command.name
        assert sent["dm_permission"] is True and sent["default_member_permissions"] is None


@pytest.mark.parametrize("cog_cls", SERVER_COGS)
def test_moderator_commands_run_only_from_a_servers_install_in_it(cog_cls: Any) -> None:
    for command in top_level(cog_cls):
        sent = payload(command)
        assert sent["integration_types"] == [0], command.name
        assert sent["contexts"] == [0], command.name
        assert sent["dm_permission"] is False
