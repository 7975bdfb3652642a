"""The fan commands' cogs, called directly with a stub client and spec'd interaction doubles
(end-to-end runs through the sandbox live in tests/e2e/test_fan_commands.py)."""

from __future__ import annotations

import importlib
from datetime import UTC, date, datetime
from types import SimpleNamespace
from typing import Any
from unittest.mock import AsyncMock, MagicMock

import discord
import pytest
from discord import app_commands

from bot.catalog import Catalog
from bot.domain.status import LearnedEvent
from bot.errors import UserFacingError
from bot.news.models import Certainty, Milestone
from bot.store.guilds import GuildSettings
from bot.store.news import PUBLIC, View
from cogs.cast import Cast
from cogs.episodes import Episodes
from cogs.progress import Progress
from cogs.recap import Recap
from cogs.status import Status

FAN_COGS = ("cogs.cast", "cogs.episodes", "cogs.recap", "cogs.progress", "cogs.status")


def client(
    catalog: Catalog, *, spoilers: str = "private", learned: list[LearnedEvent] | None = None
) -> Any:
    guilds = SimpleNamespace(get=AsyncMock(return_value=GuildSettings(1, spoilers=spoilers)))  # type: ignore[arg-type]
    return SimpleNamespace(
        catalog=catalog,
        show_of=AsyncMock(return_value=catalog.default_show),  # the show the server follows
        # the news a server sees: the public news and its own feeds' (here the public)
        view_of=AsyncMock(return_value=PUBLIC),
        learned_events=AsyncMock(return_value=learned or []),
        learned_seasons=AsyncMock(return_value=[]),
        # no fan here has set a watch progress: /recap answers as it always did
        store=SimpleNamespace(
            guilds=guilds, progress=SimpleNamespace(get=AsyncMock(return_value=None))
        ),
    )


def interaction(*, guild_id: int | None = 1, **namespace: Any) -> Any:
    double = MagicMock(spec=discord.Interaction)
    double.guild_id = guild_id
    double.namespace = SimpleNamespace(**namespace)
    double.response = MagicMock()
    double.response.send_message = AsyncMock()
    return double


def sent(double: Any) -> tuple[discord.Embed, bool]:
    kwargs = double.response.send_message.await_args.kwargs
    return kwargs["embed"], kwargs.get("ephemeral", False)


def _commands(cog: Any) -> list[app_commands.Command[Any, Any, Any]]:
    return [c for c in cog.walk_app_commands() if isinstance(c, app_commands.Command)]


@pytest.mark.parametrize("module", FAN_COGS)
def test_each_cog_module_has_setup(module: str) -> None:
    assert callable(importlib.import_module(module).setup)


@pytest.mark.parametrize("cog_cls", [Cast, Episodes, Recap, Progress, Status])
def test_commands_are_typed_described_and_work_in_dms(catalog: Catalog, cog_cls: Any) -> None:
    cog = cog_cls(client(catalog))
    assert _commands(cog)
    for command in _commands(cog):
        assert command.description and not command.guild_only
        assert command.allowed_contexts is None or command.allowed_contexts.dm_channel
        for param in command.parameters:
            assert param.description and param.description != "…", (command.name, param.name)
            if param.type is discord.AppCommandOptionType.integer:
                assert (param.min_value, param.max_value) == (1, 50)


async def test_cast_card_list_and_errors(catalog: Catalog) -> None:
    cog = Cast(client(catalog))
    double = interaction()
    await cog.cast.callback(cog, double, name="Choi Min-yeong")  # type: ignore[arg-type]
    embed, ephemeral = sent(double)
    assert embed.title == "Dae Heon Kim" and not ephemeral
    assert cog.answer(catalog.default_show, None, None).title == "XO, Kitty: cast (all seasons)"
    season_two = cog.answer(catalog.default_show, "", 2)
    assert "Praveena" in str(season_two.to_dict()) and "Professor Lee" not in str(
        season_two.to_dict()
    )
    with pytest.raises(UserFacingError, match="did you mean"):
        cog.answer(catalog.default_show, "Yuro", None)
    with pytest.raises(UserFacingError, match="no season 9"):
        cog.answer(catalog.default_show, "Yuri", 9)


async def test_cast_autocomplete_is_best_first_and_season_aware(catalog: Catalog) -> None:
    cog = Cast(client(catalog))
    choices = await cog.cast_name(interaction(season=None), "min ho")
    assert choices[0] == app_commands.Choice(name="Min Ho · Sang Heon Lee", value="Min Ho")
    assert len(await cog.cast_name(interaction(season=None), "")) == 25
    season_two = await cog.cast_name(interaction(season=2), "")
    assert "Praveena" in [c.value for c in season_two]
    assert "Professor Lee" not in [c.value for c in season_two]


async def test_episode_command_modes(catalog: Catalog) -> None:
    bot = client(catalog)
    cog = Episodes(bot)
    double = interaction()
    await cog.episode.callback(cog, double, season=None, episode="1x4")  # type: ignore[arg-type]
    assert sent(double)[0].title == "S1E4 · TGIF"
    double = interaction()
    await cog.episode.callback(cog, double, season=2, episode=None)  # type: ignore[arg-type]
    assert sent(double)[0].title == "XO, Kitty: season 2 episodes"
    double = interaction()
    await cog.episode.callback(cog, double, season=None, episode=None)  # type: ignore[arg-type]
    assert sent(double)[0].title == "XO, Kitty: episodes"
    bot.learned_events.assert_awaited_with("xo-kitty", 3, PUBLIC)
    with pytest.raises(UserFacingError, match="which season"):
        await cog.episode.callback(cog, interaction(), season=None, episode="4")  # type: ignore[arg-type]


async def test_episode_autocomplete_uses_the_season_option(catalog: Catalog) -> None:
    cog = Episodes(client(catalog))
    everything = await cog.episode_name(interaction(season=None), "")
    assert everything[0] == app_commands.Choice(name="S1E1 · XO", value="S1E1")
    assert [c.value for c in await cog.episode_name(interaction(season=2), "8")] == ["S2E8"]


@pytest.mark.parametrize(
    ("private", "spoilers", "guild_id", "ephemeral"),
    [
        (True, "channel", 1, True),
        (False, "channel", 1, False),
        (False, "private", 1, True),  # the server keeps recaps private
        (False, "private", None, False),  # a DM is private already
    ],
)
async def test_recap_privacy(
    catalog: Catalog, private: bool, spoilers: str, guild_id: int | None, ephemeral: bool
) -> None:
    cog = Recap(client(catalog, spoilers=spoilers))
    double = interaction(guild_id=guild_id)
    await cog.recap.callback(cog, double, season=1, episode="S1E4", private=private)  # type: ignore[arg-type]
    embed, was_ephemeral = sent(double)
    assert embed.title == "Recap · S1E4 · TGIF" and was_ephemeral is ephemeral


async def test_recap_in_a_server_without_the_bot_keeps_the_default(catalog: Catalog) -> None:
    # A fan's own install in a server that never added the bot, or has since removed it:
    # a rule stored for that server is not what it allows now.
    stub = client(catalog, spoilers="channel")
    cog = Recap(stub)
    double = interaction(guild_id=1)
    double.is_guild_integration.return_value = False
    await cog.recap.callback(cog, double, season=1, episode="S1E4", private=False)  # type: ignore[arg-type]
    assert sent(double)[1] is True
    stub.store.guilds.get.assert_not_awaited()


async def test_recap_season_and_errors(catalog: Catalog) -> None:
    cog = Recap(client(catalog, spoilers="channel"))
    double = interaction()
    await cog.recap.callback(cog, double, season=3, episode=None, private=False)  # type: ignore[arg-type]
    assert sent(double)[0].title == "Recap · XO, Kitty season 3"
    with pytest.raises(UserFacingError, match="S1E4"):
        await cog.recap.callback(cog, interaction(), season=2, episode="S1E4", private=False)  # type: ignore[arg-type]
    choices = await cog.episode_name(interaction(season=1), "otp")
    assert choices[0].value == "S1E10"


async def test_status_defaults_to_the_newest_season_and_merges_news(catalog: Catalog) -> None:
    from datetime import UTC, date, datetime

    from bot.news.models import Certainty, Milestone

    learned = [
        LearnedEvent(
            Milestone.RELEASED,
            Certainty.CONFIRMED,
            date(2026, 4, 2),
            "https://news.example/out",
            "Season 3 is out",
            datetime(2026, 4, 2, tzinfo=UTC),
        )
    ]
    bot = client(catalog, learned=learned)
    cog = Status(bot)
    double = interaction()
    await cog.status.callback(cog, double, season=None)  # type: ignore[arg-type]
    embed, _ = sent(double)
    assert embed.title == "XO, Kitty: season 3 status"
    assert (embed.description or "").startswith("Season 3 is out")
    bot.learned_events.assert_awaited_once_with("xo-kitty", 3, PUBLIC)
    bot.view_of.assert_awaited_with(1)
    with pytest.raises(UserFacingError):
        await cog.status.callback(cog, interaction(), season=12)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("told", "shown"),
    [
        ({4: Milestone.RENEWED, 5: Milestone.CANCELLED}, "XO, Kitty: season 4 status"),
        ({3: Milestone.RELEASED, 4: Milestone.CANCELLED}, "XO, Kitty: season 4 status"),
    ],
)
async def test_status_by_default_shows_the_season_to_come_not_the_one_after_the_last(
    catalog: Catalog, told: dict[int, Milestone], shown: str
) -> None:
    """After "XO, Kitty will end with season 4" (season 5 recorded as cancelled, the newest
    season the news told of), /status with no season led with "Season 5 was cancelled",
    not season 4's renewal and premiere. The season before such a one is shown while it is
    still to come; once it is out ("cancelled after three seasons"), the cancellation is."""
    bot = client(catalog)
    bot.learned_seasons = AsyncMock(return_value=sorted(told))

    async def learned(_: str, season: int, view: View) -> list[LearnedEvent]:
        if season not in told:
            return []
        seen = datetime(2026, 5, season, tzinfo=UTC)
        url = f"https://n.example/{season}"
        return [LearnedEvent(told[season], Certainty.CONFIRMED, None, url, "", seen)]

    bot.learned_events = AsyncMock(side_effect=learned)
    cog = Status(bot)
    double = interaction()
    await cog.status.callback(cog, double, season=None)  # type: ignore[arg-type]
    assert sent(double)[0].title == shown


async def test_an_unaired_seasons_episode_list_reads_the_news(catalog: Catalog) -> None:
    out = LearnedEvent(
        Milestone.RELEASED,
        Certainty.CONFIRMED,
        date(2026, 4, 2),
        "https://n.example/out",
        "XO, Kitty season 3 is out",
        datetime(2026, 4, 2, 9, tzinfo=UTC),
    )
    bot = client(catalog, learned=[out])
    cog = Episodes(bot)
    double = interaction()
    await cog.episode.callback(cog, double, season=3, episode=None)  # type: ignore[arg-type]
    assert "released" in (sent(double)[0].description or "")
    bot.learned_events.assert_awaited_with("xo-kitty", 3, PUBLIC)
