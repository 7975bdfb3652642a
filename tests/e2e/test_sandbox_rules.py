"""Discord's rules as the sandbox applies them: pings, permissions, windows, commands, limits."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import discord
import pytest
from discord.ext import commands

from bot.sandbox import perms
from bot.sandbox.commands import INTEGER, STRING, CommandError, CommandStore
from bot.sandbox.driver import Sandbox
from bot.sandbox.interactions import check_choices
from bot.sandbox.mentions import MentionsError, effective_pings
from bot.sandbox.perms import Overwrite, channel_permissions
from bot.sandbox.ratelimit import Limit, Windows
from bot.sandbox.rest import thread_name
from bot.sandbox.wire import ApiError, validate_message

StartProbe = Callable[..., contextlib.AbstractAsyncContextManager[commands.Bot]]
ROLE, OTHER_ROLE, USER = 111, 222, 333
CONTENT = f"@everyone @here <@&{ROLE}> <@&{OTHER_ROLE}> <@!{USER}> hi"


def pings(allowed: dict[str, object] | None, *, can_everyone: bool = True):  # type: ignore[no-untyped-def]
    return effective_pings(
        CONTENT,
        allowed,
        can_mention_everyone=can_everyone,
        mentionable_roles={ROLE},
        guild_roles={ROLE, OTHER_ROLE},
    )


def test_no_allowed_mentions_pings_everything_the_author_may() -> None:
    assert pings(None) == pings({"parse": ["everyone", "roles", "users"]})
    full = pings(None)
    assert full.everyone and full.roles == (ROLE, OTHER_ROLE) and full.users == (USER,)
    limited = pings(None, can_everyone=False)  # no MENTION_EVERYONE: only mentionable roles
    assert not limited.everyone and limited.roles == (ROLE,)


def test_allowed_mentions_narrow_the_pings() -> None:
    assert not pings({"parse": []}).any
    assert pings({"parse": [], "roles": [str(OTHER_ROLE)]}).roles == (OTHER_ROLE,)
    only_users = pings({"parse": ["users"]})
    assert only_users.users == (USER,) and not only_users.everyone and not only_users.roles
    with pytest.raises(MentionsError):
        pings({"parse": ["users"], "users": [str(USER)]})
    with pytest.raises(MentionsError):
        pings({"parse": ["channels"]})


def test_overwrites_apply_in_discord_order() -> None:
    guild, member, mods = 1, 2, 3
    base = perms.EVERYONE_DEFAULT
    hidden = [Overwrite(guild, 0, deny=perms.VIEW_CHANNEL)]
    assert channel_permissions(base, hidden, guild_id=guild, member_id=member, role_ids=[]) == 0
    shown = [*hidden, Overwrite(mods, 0, allow=perms.VIEW_CHANNEL)]
    got = channel_permissions(base, shown, guild_id=guild, member_id=member, role_ids=[mods])
    assert got & perms.VIEW_CHANNEL
    # A member overwrite beats a role allow; no SEND_MESSAGES drops EMBED_LINKS too.
    muted = [*shown, Overwrite(member, 1, deny=perms.SEND_MESSAGES)]
    got = channel_permissions(base, muted, guild_id=guild, member_id=member, role_ids=[mods])
    assert got & perms.VIEW_CHANNEL and not got & (perms.SEND_MESSAGES | perms.EMBED_LINKS)
    admin = base | perms.ADMINISTRATOR
    assert channel_permissions(admin, hidden, guild_id=guild, member_id=member, role_ids=[]) == (
        perms.ALL
    )


def test_fixed_windows() -> None:
    now = [100.0]
    windows = Windows(lambda: now[0])
    limit = Limit(2, 5.0)
    first, second, third = (windows.hit("k", limit) for _ in range(3))
    assert (first.remaining, second.remaining) == (1, 0)
    assert not third.allowed and third.reset_after == pytest.approx(5.0)
    now[0] += 5.0
    assert windows.hit("k", limit).allowed
    assert windows.hit("other", limit).remaining == 1


def test_commands_come_back_as_discord_holds_them() -> None:
    """The application command object Discord answers (its docs; #6744 for the nulls),
    not the payload sent: what the bot's start compares its commands with."""
    store = CommandStore(app_id=7, new_id=iter(range(1000, 2000)).__next__)
    sent = {
        "name": "feeds",
        "description": "Feeds",
        "default_member_permissions": 32,
        "options": [
            {
                "name": "add",
                "description": "Add",
                "type": 1,
                "options": [
                    {"name": "url", "description": "u", "type": 3, "required": True},
                    {"name": "why", "description": "w", "type": 3, "required": False},
                ],
            }
        ],
    }
    (held,) = store.overwrite(None, [sent])
    assert held["default_member_permissions"] == "32" and held["default_permission"] is True
    assert held["dm_permission"] is True and held["nsfw"] is False
    assert held["contexts"] is None and held["integration_types"] == [0, 1]
    url, why = held["options"][0]["options"]
    assert url["required"] is True and "required" not in why
    (in_guild,) = store.overwrite(5, [sent])
    assert not {"dm_permission", "contexts", "integration_types"} & set(in_guild)


def test_command_store_ids_versions_and_validation() -> None:
    counter = iter(range(1000, 2000))
    store = CommandStore(app_id=7, new_id=lambda: next(counter))
    body = [{"name": "cast", "description": "Look up", "options": []}]
    first = store.overwrite(None, body)
    second = store.overwrite(None, [*body, {"name": "ping", "description": "Ping"}])
    assert first[0]["id"] == second[0]["id"] and first[0]["version"] != second[0]["version"]
    guild = store.overwrite(5, body)
    assert guild[0]["id"] != first[0]["id"] and guild[0]["guild_id"] == "5"
    assert store.find("cast", 5) == guild[0] and store.find("ping", 5) == second[1]
    assert store.find("cast", None) == second[0]
    bad = [
        [{"name": "Cast", "description": "x"}],
        [{"name": "cast", "description": ""}],
        [body[0], body[0]],
        [
            {
                "name": "cast",
                "description": "x",
                "options": [
                    {"name": "a", "description": "x", "type": 3},
                    {"name": "b", "description": "x", "type": 3, "required": True},
                ],
            }
        ],
    ]
    for payload in bad:
        with pytest.raises(CommandError):
            store.overwrite(None, payload)


async def test_message_limits_are_enforced(start_probe: StartProbe) -> None:
    # Generous buckets: six bad sends in a row would otherwise wait out the 5-per-5 s window.
    async with Sandbox(guilds=1, route_limits={}) as sandbox, start_probe(sandbox) as probe:
        await _check_limits(sandbox, probe)


async def _check_limits(sandbox: Sandbox, probe: commands.Bot) -> None:
    channel = probe.get_channel(sandbox.guild.channel("general"))
    assert isinstance(channel, discord.TextChannel)
    too_many = discord.Embed(title="x")
    for i in range(26):
        too_many.add_field(name=f"f{i}", value="v")
    cases: list[dict[str, object]] = [
        {"content": "x" * 2001},
        {"embed": too_many},
        {"embed": discord.Embed(title="t" * 257)},
        {"embeds": [discord.Embed(description="d" * 4000) for _ in range(2)]},
    ]
    for kwargs in cases:
        with pytest.raises(discord.HTTPException) as info:
            await channel.send(**kwargs)  # type: ignore[call-overload]
        assert info.value.status == 400 and info.value.code == 50035
    with pytest.raises(discord.HTTPException) as empty:
        await probe.http.send_message(channel.id, params=discord.http.handle_message_parameters())
    assert empty.value.code == 50006
    assert sandbox.messages(channel.id) == []
    # An edit's null clears that part, and may not leave the message showing nothing.
    post = await channel.send("text", embed=discord.Embed(title="card"))
    edited = await post.edit(content=None)
    assert edited.content == "" and sandbox.messages(channel.id)[0].content == ""
    with pytest.raises(discord.HTTPException) as emptied:
        await post.edit(embeds=[])
    assert emptied.value.code == 50006


def test_message_rules_discord_also_applies() -> None:
    """A nonce over 25 characters, an embed that shows nothing, a footer without text."""
    refused: list[dict[str, object]] = [
        {"content": "x", "nonce": "n" * 26},
        {"embeds": [{}]},
        {"embeds": [{"color": 5, "description": ""}]},
        {"embeds": [{"title": "t", "footer": {"icon_url": "https://e.org/i.png"}}]},
        {"embeds": [{"title": "t", "author": {"name": " "}}]},
    ]
    for body in refused:
        with pytest.raises(ApiError) as info:
            validate_message(body, [])
        assert (info.value.status, info.value.code) == (400, 50035), body
    with pytest.raises(ApiError) as blank:
        validate_message({"content": " \n "}, [])
    assert blank.value.code == 50006
    validate_message({"content": "x", "nonce": "n" * 25}, [])
    validate_message({"embeds": [{"fields": [{"name": "a", "value": "b"}]}]}, [])


def test_autocomplete_answers_are_checked_as_discord_does() -> None:
    check_choices([{"name": "é" * 100, "value": "v" * 100}] * 25, STRING)
    check_choices([{"name": "Season 2", "value": 2}], INTEGER)
    refused: list[tuple[object, int]] = [
        ([{"name": "x", "value": "x"}] * 26, STRING),
        ([{"name": "", "value": "x"}], STRING),
        ([{"name": "x" * 101, "value": "x"}], STRING),
        ([{"name": "x", "value": "v" * 101}], STRING),
        ([{"name": "x", "value": "2"}], INTEGER),
    ]
    for choices, kind in refused:
        with pytest.raises(ApiError) as info:
            check_choices(choices, kind)
        assert info.value.code == 50035


def test_command_choices_and_total_size_are_limited() -> None:
    store = CommandStore(app_id=7, new_id=iter(range(1000, 2000)).__next__)

    def command(**option: object) -> list[dict[str, object]]:
        base = {"name": "mode", "description": "x", "type": 3}
        return [{"name": "setup", "description": "x", "options": [{**base, **option}]}]

    store.overwrite(None, command(choices=[{"name": "n" * 100, "value": "v" * 100}]))
    for bad in (
        command(choices=[{"name": "", "value": "v"}]),
        command(choices=[{"name": "n", "value": "v" * 101}]),
        command(choices=[{"name": "n" * 100, "value": "v" * 100}] * 25),  # 5,000 in all
    ):
        with pytest.raises(CommandError):
            store.overwrite(None, bad)


def test_components_are_checked_as_discord_does() -> None:
    """Classic components: 5 rows of 5 buttons or one select, ids 1-100 and unique, labels
    up to 80, a link button with a url and no id."""

    def button(custom_id: object = "b", **extra: object) -> dict[str, object]:
        return {"type": 2, "style": 4, "label": "Show it anyway", "custom_id": custom_id, **extra}

    def row(*items: dict[str, object]) -> dict[str, object]:
        return {"type": 1, "components": list(items)}

    select = {"type": 3, "custom_id": "s", "options": [{"label": "a", "value": "a"}]}
    link = {"type": 2, "style": 5, "label": "Read", "url": "https://example.org/a"}
    validate_message({"components": [row(*(button(str(i)) for i in range(5)))]}, [])
    validate_message({"content": "x", "components": [row(button()), row(select), row(link)]}, [])
    refused: list[list[dict[str, object]]] = [
        [row(button(str(i))) for i in range(6)],  # six rows
        [row(*(button(str(i)) for i in range(6)))],  # six buttons in a row
        [row()],  # an empty row
        [button()],  # a button outside a row
        [row(button("x" * 101))],
        [row(button(label="l" * 81))],
        [row(button(None))],  # no custom_id
        [row(button("b"), button("b"))],  # a duplicate id
        [row(button("s")), row(select)],  # a duplicate across rows
        [row(button(), select)],  # a select beside a button
        [row({**link, "custom_id": "l"})],
        [row({**link, "url": "ftp://example.org"})],
    ]
    for components in refused:
        with pytest.raises(ApiError) as info:
            validate_message({"content": "x", "components": components}, [])
        assert (info.value.status, info.value.code) == (400, 50035), components


def test_form_errors_are_filed_under_the_field_as_discord_does() -> None:
    with pytest.raises(ApiError) as info:
        validate_message({"embeds": [{"title": "t" * 257}]}, [])
    message = {"message": "Must be 256 or fewer in length."}
    assert info.value.body()["errors"] == {"embeds": {"0": {"title": {"_errors": [message]}}}}
    failure = discord.HTTPException(_Response(400), info.value.body())
    assert "In embeds.0.title: Must be 256 or fewer in length." in failure.text


class _Response:
    def __init__(self, status: int) -> None:
        self.status = status
        self.reason = "Bad Request"


def test_command_options_are_checked_as_discord_does() -> None:
    """An option's type is one of 1-11; subcommands don't share a level with other options;
    choices are of the option's type and only on string/integer/number options (so is
    autocomplete); value and length bounds lie in Discord's ranges."""
    store = CommandStore(app_id=7, new_id=iter(range(1000, 2000)).__next__)

    def command(*options: dict[str, object]) -> list[dict[str, object]]:
        return [{"name": "cast", "description": "x", "options": list(options)}]

    def option(kind: int, name: str = "season", **extra: object) -> dict[str, object]:
        return {"name": name, "description": "x", "type": kind, **extra}

    sub = option(1, "set", options=[option(4, min_value=1, max_value=50)])
    store.overwrite(None, command(sub, option(1, "view")))
    store.overwrite(None, command(option(10, choices=[{"name": "one", "value": 1}])))
    store.overwrite(None, command(option(3, min_length=0, max_length=6000, autocomplete=True)))
    store.overwrite(None, command(option(7, channel_types=[0, 5, 15, 16])))
    store.overwrite(None, command(option(3, "what's_on")))  # an apostrophe is allowed
    for bad in (
        command(option(12)),
        command(sub, option(3, "name")),
        command(option(4, choices=[{"name": "one", "value": "1"}])),
        command(option(3, choices=[{"name": "one", "value": 1}])),
        command(option(5, choices=[{"name": "yes", "value": True}])),
        command(option(7, autocomplete=True)),
        command(option(4, min_value=-(2**53) - 1)),
        command(option(3, max_length=0)),
        command(option(3, min_length=6001)),
    ):
        with pytest.raises(CommandError):
            store.overwrite(None, bad)


def test_thread_names_and_idle_times_are_checked_as_discord_does() -> None:
    assert thread_name({"name": "n" * 100, "auto_archive_duration": 10080}) == "n" * 100
    for body in (
        {"name": ""},
        {"name": "n" * 101},
        {"name": "news", "auto_archive_duration": 1440 * 2},
    ):
        with pytest.raises(ApiError) as info:
            thread_name(body)
        assert (info.value.status, info.value.code) == (400, 50035), body


async def test_creating_events_takes_create_events(start_probe: StartProbe) -> None:
    """Since 23 February 2026 a bot needs Create Events to make a scheduled event (Manage
    Events alone no longer does); Create Events also edits and deletes its own events,
    Manage Events anyone's."""
    async with Sandbox(guilds=1) as sandbox, start_probe(sandbox) as probe:
        gid = sandbox.guild.id
        start = discord.utils.utcnow() + timedelta(days=2)
        event: dict[str, Any] = {
            "name": "XO, Kitty season 4 premiere",
            "privacy_level": 2,
            "entity_type": 3,
            "entity_metadata": {"location": "Netflix"},
            "scheduled_start_time": start.isoformat(),
            "scheduled_end_time": (start + timedelta(hours=1)).isoformat(),
        }
        sandbox.set_bot_role_permissions(gid, perms.BOT_DEFAULT | perms.MANAGE_EVENTS)
        with pytest.raises(discord.Forbidden) as refused:
            await probe.http.create_guild_scheduled_event(gid, **event)
        assert (refused.value.status, refused.value.code) == (403, 50013)
        sandbox.set_bot_role_permissions(gid, perms.BOT_DEFAULT | perms.CREATE_EVENTS)
        made = await probe.http.create_guild_scheduled_event(gid, **event)
        edited = await probe.http.edit_scheduled_event(gid, made["id"], name="Premiere")
        assert edited["name"] == "Premiere"
        # Someone else's event: Create Events can't touch it, Manage Events can.
        guild = sandbox.server.world.guilds[gid]
        guild.scheduled_events[int(made["id"])]["creator_id"] = str(guild.owner_id)
        with pytest.raises(discord.Forbidden):
            await probe.http.delete_scheduled_event(gid, made["id"])
        sandbox.set_bot_role_permissions(gid, perms.BOT_DEFAULT | perms.MANAGE_EVENTS)
        await probe.http.delete_scheduled_event(gid, made["id"])
        assert not guild.scheduled_events


def test_select_options_are_checked_as_discord_does() -> None:
    """A string select's options (components reference, select option structure): label and
    value 1-100 characters, a description up to 100, values unique; min_values 0-25 and
    max_values 1-25, neither past the options. The sandbox took any option."""

    def select(*options: dict[str, object], **extra: object) -> dict[str, object]:
        row = {"type": 3, "custom_id": "s", "options": list(options), **extra}
        return {"type": 1, "components": [row]}

    ok = {"label": "Season 3", "value": "3", "description": "d" * 100}
    validate_message({"content": "x", "components": [select(ok, max_values=1)]}, [])
    refused = [
        select({"label": "", "value": "a"}),
        select({"label": "l" * 101, "value": "a"}),
        select({"label": "a", "value": "v" * 101}),
        select({"label": "a"}),  # no value
        select({**ok, "description": "d" * 101}),
        select(ok, {**ok, "label": "again"}),  # a value twice
        select(ok, max_values=2),  # more than the options
        select(ok, min_values=26),
        select(ok, max_values=0),
    ]
    for components in refused:
        with pytest.raises(ApiError) as info:
            validate_message({"content": "x", "components": [components]}, [])
        assert (info.value.status, info.value.code) == (400, 50035), components
