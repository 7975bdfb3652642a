"""The code's commands against Discord's: payloads in, differences out; and a stale
client's invocation told apart from one the code can run."""

from __future__ import annotations

import copy
from typing import Any, Literal

import discord
from discord import app_commands

from bot.drift import Drift, digest, drift, stale_invocation

Json = dict[str, Any]


def feeds_group() -> Json:
    """A group as discord.py sends it."""
    return {
        "name": "feeds",
        "description": "Manage the news feeds",
        "type": 1,
        "options": [
            {
                "name": "add",
                "description": "Follow a feed",
                "type": 1,
                "options": [
                    {
                        "name": "url",
                        "description": "The feed's address",
                        "type": 3,
                        "required": True,
                        "autocomplete": False,
                        "choices": [],
                        "name_localizations": None,
                        "description_localizations": None,
                    }
                ],
            },
            {"name": "list", "description": "The feeds", "type": 1, "options": []},
        ],
        "nsfw": False,
        "dm_permission": False,
        "default_member_permissions": 32,
        "contexts": [0],
        "integration_types": [0],
    }


def recap() -> Json:
    return {
        "name": "recap",
        "description": "An episode's recap",
        "type": 1,
        "options": [
            {
                "name": "season",
                "description": "Which season",
                "type": 4,
                "required": True,
                "choices": [{"name": "Season 1", "value": 1}, {"name": "Season 2", "value": 2}],
            },
            {"name": "private", "description": "Only to you", "type": 5, "required": False},
        ],
        "nsfw": False,
        "dm_permission": True,
        "default_member_permissions": None,
        "contexts": [2, 0, 1],
        "integration_types": [1, 0],
    }


def as_discord_returns(command: Json, number: int) -> Json:
    """What Discord answers for a synced command: its ids and version, permissions as a
    string, ``required`` false spelt out, default fields filled, localizations as asked."""
    out = copy.deepcopy(command)
    out.update(
        id=str(1000 + number),
        application_id="42",
        version=str(7000 + number),
        default_member_permissions=(
            None if command["default_member_permissions"] is None else "32"
        ),
        name_localizations={},
        description_localizations={},
    )
    for option in _all_options(out):
        option.setdefault("required", False)
        option.pop("autocomplete", None)
        if option.get("choices") == []:
            del option["choices"]
        option["name_localizations"] = {}
        option["description_localizations"] = {}
    return out


def _all_options(item: Json) -> list[Json]:
    found = []
    for option in item.get("options", []):
        found += [option, *_all_options(option)]
    return found


CODE = [feeds_group(), recap()]
DISCORD = [as_discord_returns(c, n) for n, c in enumerate(CODE)]


def test_commands_as_discord_returns_them_are_the_codes() -> None:
    assert not drift(CODE, DISCORD)
    assert drift(CODE, DISCORD) == Drift()


def test_none_synced_is_every_command_new() -> None:
    assert drift(CODE, []) == Drift(new=("/feeds", "/recap"))


def test_a_command_the_code_dropped_is_gone_and_one_it_added_new() -> None:
    ping = {"name": "ping", "description": "Pong", "type": 1, "options": []}
    found = drift([recap(), ping], DISCORD)
    assert found == Drift(new=("/ping",), gone=("/feeds",))
    assert found.summary() == "new: /ping; gone: /feeds"


def test_a_changed_subcommand_is_named_by_its_path() -> None:
    code = feeds_group()
    code["options"][0]["options"].append(
        {"name": "keywords", "description": "Only these", "type": 3}
    )
    code["options"].append({"name": "remove", "description": "Unfollow", "type": 1})
    found = drift([code, recap()], DISCORD)
    assert found == Drift(new=("/feeds remove",), changed=("/feeds add",))
    code["options"].pop(1)  # /feeds list
    assert drift([code, recap()], DISCORD).gone == ("/feeds list",)


def test_the_groups_own_fields_name_the_group() -> None:
    code = feeds_group()
    code["default_member_permissions"] = 8  # administrators only now
    assert drift([code, recap()], DISCORD) == Drift(changed=("/feeds",))
    code = feeds_group()
    code["contexts"] = [0, 1]
    assert drift([code, recap()], DISCORD) == Drift(changed=("/feeds",))


def test_descriptions_choices_and_requirement_are_changes() -> None:
    for change in (
        lambda c: c.update(description="A recap"),
        lambda c: c["options"][0]["choices"].append({"name": "Season 3", "value": 3}),
        lambda c: c["options"][0].update(required=False),
        lambda c: c["options"][1].update(type=3),
        lambda c: c.update(name_localizations={"fr": "resume"}),
        lambda c: c.update(nsfw=True),
    ):
        code = recap()
        change(code)
        assert drift([feeds_group(), code], DISCORD) == Drift(changed=("/recap",)), code


def test_defaults_discord_fills_or_drops_are_no_change() -> None:
    theirs = as_discord_returns(recap(), 1)
    del theirs["nsfw"]  # left out: false
    theirs["dm_permission"] = None
    theirs["contexts"] = [0, 1, 2]
    assert not drift([recap()], [theirs])
    # No contexts named: Discord's default is a server and the bot's DM (less the DM
    # without dm_permission), whichever side spells it out.
    code = {**recap(), "contexts": None, "dm_permission": False}
    assert not drift([code], [{**theirs, "contexts": [0]}])
    assert drift([code], [theirs]) == Drift(changed=("/recap",))
    assert not drift([{**code, "dm_permission": True}], [{**theirs, "contexts": [1, 0]}])
    # No installs named: Discord fills in the application's, which the code can't know.
    assert not drift([{**recap(), "integration_types": None}], [theirs])


def test_commands_discord_holds_with_no_contexts_miss_group_dms() -> None:
    """A sync before bot/installs.py named no contexts: Discord answers ``contexts: null``
    and fills ``integration_types`` with the app's installs. Null means a server and the
    bot's DM only, never a group DM (devsnek's "contexts" gist: "If not specified, the
    default is currently {GUILD, BOT_DM}"; discord-api-docs #6744), so the code's fan
    commands, in group DMs too, differ: the start must sync them, not find them equal."""
    code = recap()  # contexts [2, 0, 1], integration_types [1, 0]
    theirs = as_discord_returns(recap(), 1)
    theirs.update(contexts=None, dm_permission=True, integration_types=[0, 1])
    assert drift([code], [theirs]) == Drift(changed=("/recap",))
    # Named the same as Discord's default, the code's commands are what Discord holds.
    assert not drift([{**code, "contexts": [0, 1]}], [theirs])


def test_a_long_list_is_counted_past_ten() -> None:
    many = [{"name": f"c{n:02}", "description": "x", "type": 1} for n in range(13)]
    summary = drift(many, []).summary()
    assert summary.startswith("new: /c00, /c01,") and summary.endswith("/c09 and 3 more")


def test_the_digest_ignores_key_order() -> None:
    flipped = [dict(reversed(list(c.items()))) for c in CODE]
    assert digest(CODE) == digest(flipped) != digest([recap()])


# -- a stale client's invocation -----------------------------------------------------------


async def _recap(
    interaction: discord.Interaction, season: Literal[1, 2], private: bool = False
) -> None: ...


async def _add(interaction: discord.Interaction, url: str) -> None: ...


def commands() -> tuple[app_commands.Command[Any, ..., Any], app_commands.Group]:
    recap_ = app_commands.Command(name="recap", description="A recap", callback=_recap)
    feeds = app_commands.Group(name="feeds", description="Feeds")
    feeds.add_command(app_commands.Command(name="add", description="Add", callback=_add))
    return recap_, feeds


def opt(name: str, value: Any, kind: int, **more: Any) -> Json:
    return {"name": name, "value": value, "type": kind, **more}


def test_an_invocation_the_code_can_run_is_not_stale() -> None:
    recap_, feeds = commands()
    assert stale_invocation(recap_, [opt("season", 1, 4)], partial=False) is None
    given = [opt("season", 2, 4), opt("private", True, 5)]
    assert stale_invocation(recap_, given, partial=False) is None
    add = {"name": "add", "type": 1, "options": [opt("url", "https://a.example/rss", 3)]}
    assert stale_invocation(feeds, [add], partial=False) is None


def test_what_the_code_no_longer_has_is_stale() -> None:
    recap_, feeds = commands()
    assert stale_invocation(None, [], partial=False) == "no such command"
    assert stale_invocation(feeds, [{"name": "remove", "type": 1}], partial=False) == (
        "/feeds has no subcommand 'remove'"
    )
    assert stale_invocation(feeds, [], partial=False) == "/feeds is a group now"
    spoilers = [opt("season", 1, 4), opt("spoilers", True, 5)]
    assert stale_invocation(recap_, spoilers, partial=False) == "/recap has no option 'spoilers'"
    assert stale_invocation(recap_, [opt("season", 3, 4)], partial=False) == (
        "/recap's season has no such choice now"
    )
    assert stale_invocation(recap_, [opt("season", "1", 3)], partial=False) == (
        "/recap's season is of another type now"
    )
    assert stale_invocation(recap_, [opt("private", True, 5)], partial=False) == (
        "/recap now needs season"
    )


async def _episode(
    interaction: discord.Interaction, season: int, number: int, private: bool = False
) -> None: ...


async def _numbers(
    interaction: discord.Interaction, current: str
) -> list[app_commands.Choice[int]]:
    return []


def episode_command() -> app_commands.Command[Any, ..., Any]:
    """An integer option with suggestions (``number``), after a required one."""
    episode = app_commands.Command(name="episode", description="An episode", callback=_episode)
    episode.autocomplete("number")(_numbers)
    return episode


def test_an_autocomplete_may_lack_required_options() -> None:
    """As Discord sends it: the focused option's value a string, an integer's too, maybe
    empty (discord-api-docs #4956, #4338), its type the option's; required options not
    filled in yet left out (#4450)."""
    episode = episode_command()
    typing = [opt("private", True, 5), opt("number", "", 4, focused=True)]
    assert stale_invocation(episode, typing[:1], partial=True) is None
    assert stale_invocation(episode, typing, partial=True) is None
    filled = [opt("season", 2, 4), opt("number", "1", 4, focused=True)]
    assert stale_invocation(episode, filled, partial=True) is None
    assert stale_invocation(episode, [opt("gone", "", 3, focused=True)], partial=True)


def test_suggestions_for_an_option_without_them_are_an_old_clients() -> None:
    """Discord asks for suggestions only for an option synced with ``autocomplete: true``
    (the option structure's docs; never one with choices): the code serving none for it,
    the client shows it as it was. discord.py logged a traceback and answered nothing."""
    recap_, _ = commands()
    asked = [opt("season", "1", 4, focused=True)]
    assert stale_invocation(recap_, asked, partial=True) == (
        "/recap's season offers no suggestions now"
    )
    asked = [opt("number", "1", 4), opt("season", "", 4, focused=True)]
    assert stale_invocation(episode_command(), asked, partial=True) == (
        "/episode's season offers no suggestions now"
    )


async def _card(interaction: discord.Interaction, series: int, where: str = "here") -> None: ...


def test_renamed_options_and_subcommand_groups_as_discord_sends_them() -> None:
    """Discord's interaction data names an option by its synced name (a renamed
    parameter's new name; the base name, never a localization: the code has no translator)
    and nests a subcommand group's subcommand in it (the interaction data option docs)."""
    card = app_commands.Command(name="card", description="A card", callback=_card)
    app_commands.rename(series=app_commands.locale_str("season", fr="saison"))(card)
    setup = app_commands.Group(name="setup", description="Set up")
    status = app_commands.Group(name="status", description="The status card", parent=setup)
    status.add_command(card)
    group = {"name": "status", "type": 2, "options": [{"name": "card", "type": 1}]}
    group["options"][0]["options"] = [opt("season", 2, 4), opt("where", "x", 3)]
    assert stale_invocation(setup, [group], partial=False) is None
    group["options"][0]["options"] = [opt("series", 2, 4)]  # the parameter's own name
    assert stale_invocation(setup, [group], partial=False) == (
        "/setup status card has no option 'series'"
    )
    assert stale_invocation(setup, [{"name": "card", "type": 1}], partial=False) == (
        "/setup has no subcommand 'card'"
    )
