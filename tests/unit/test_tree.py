"""Errors discord.py raises before a command runs become plain, safe replies."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands

from bot.tree import describe_check_failure


class _Plain(app_commands.Transformer):
    async def transform(self, interaction: discord.Interaction, value: Any, /) -> Any:
        return value


def _failed(value: Any, option: discord.AppCommandOptionType) -> str | None:
    return describe_check_failure(app_commands.TransformerError(value, option, _Plain()))


def test_a_channel_the_bot_cannot_see_gets_advice_not_a_repr() -> None:
    # What discord.py hands over when the channel is missing from the bot's cache.
    partial = app_commands.AppCommandChannel(
        state=None,  # type: ignore[arg-type]
        data={"id": "123", "type": 0, "name": "fresh", "permissions": "0"},  # type: ignore[typeddict-item]
        guild_id=1,
    )
    text = _failed(partial, discord.AppCommandOptionType.channel)
    assert (
        text == "I can't see <#123> yet. Check that I have **View Channel** there, then try again."
    )
    assert "AppCommandChannel" not in (_failed(None, discord.AppCommandOptionType.channel) or "")


def test_a_role_failure_says_so() -> None:
    text = _failed("<Role id=5 name='x'>", discord.AppCommandOptionType.role) or ""
    assert text.startswith("I can't find that role") and "<Role" not in text


def test_typed_text_is_echoed_inert_and_short() -> None:
    text = _failed("@everyone **hi** " + "x" * 500, discord.AppCommandOptionType.string) or ""
    assert text.startswith("I couldn't understand “")
    assert "@everyone" not in text and "**" not in text and len(text) < 100
