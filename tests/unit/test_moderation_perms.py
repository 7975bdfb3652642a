"""Permission checks and the sentences moderators read when something is missing."""

from __future__ import annotations

from types import SimpleNamespace

import discord
import pytest

from bot.moderation.perms import (
    POST_NEEDS,
    assign_problem,
    channel_problem,
    history_advice,
    missing,
    permission_name,
    power_problem,
    role_problem,
    threads_problem,
)
from bot.render.text import and_list

GUILD = SimpleNamespace(id=1)


def role(
    role_id: int,
    *,
    position: int,
    mentionable: bool = True,
    managed: bool = False,
    permissions: int = 0,
) -> discord.Role:
    data = {
        "id": str(role_id),
        "name": f"role{role_id}",
        "permissions": str(permissions),
        "position": position,
        "color": 0,
        "hoist": False,
        "managed": managed,
        "mentionable": mentionable,
    }
    return discord.Role(guild=GUILD, state=None, data=data)  # type: ignore[arg-type]


def test_missing_lists_display_names_in_order() -> None:
    perms = discord.Permissions(view_channel=True)
    assert missing(perms, POST_NEEDS) == ["Send Messages", "Embed Links"]
    assert missing(discord.Permissions.all(), POST_NEEDS) == []


def test_unknown_flag_gets_a_readable_name() -> None:
    assert permission_name("manage_guild") == "Manage Server"
    assert permission_name("kick_members") == "Kick Members"


@pytest.mark.parametrize(
    ("items", "text"),
    [([], ""), (["A"], "A"), (["A", "B"], "A and B"), (["A", "B", "C"], "A, B and C")],
)
def test_and_list(items: list[str], text: str) -> None:
    assert and_list(items) == text


def test_channel_problem_names_exactly_what_is_missing() -> None:
    perms = discord.Permissions(view_channel=True, send_messages=True)
    text = channel_problem("<#9>", perms)
    assert text is not None
    assert "Embed Links" in text and "Send Messages" not in text and "<#9>" in text
    assert (
        channel_problem(
            "<#9>", discord.Permissions(view_channel=True, send_messages=True, embed_links=True)
        )
        is None
    )


def test_history_advice_explains_itself_but_never_blocks_posting() -> None:
    postable = discord.Permissions(view_channel=True, send_messages=True, embed_links=True)
    assert channel_problem("<#9>", postable) is None  # still enough to set the channel
    text = history_advice("<#9>", postable)
    assert text is not None and "<#9>" in text and "**Read Message History**" in text
    assert "outage" in text and "twice" in text and "channel's settings" in text
    assert history_advice("<#9>", postable | discord.Permissions(read_message_history=True)) is None


def test_threads_problem() -> None:
    assert (
        threads_problem(
            "<#9>", discord.Permissions(create_public_threads=True, send_messages_in_threads=True)
        )
        is None
    )
    text = threads_problem("<#9>", discord.Permissions(send_messages_in_threads=True))
    assert text is not None and "Create Public Threads" in text


def test_role_problem_refuses_everyone_and_managed_roles() -> None:
    everyone = role(GUILD.id, position=0)
    text = role_problem(everyone, can_mention_everyone=True)
    assert text is not None and "@everyone" in text
    bot_role = role(7, position=3, managed=True)
    assert role_problem(bot_role, can_mention_everyone=True) is not None


def test_role_problem_needs_a_mentionable_role_or_mention_everyone() -> None:
    quiet = role(5, position=1, mentionable=False)
    text = role_problem(quiet, can_mention_everyone=False)
    assert text is not None and "isn't mentionable" in text and "<@&5>" in text
    assert role_problem(quiet, can_mention_everyone=True) is None
    assert role_problem(role(6, position=1, mentionable=True), can_mention_everyone=False) is None


def test_a_role_fans_take_themselves_must_give_no_moderator_power() -> None:
    """Any member can take the news role with /news subscribe: a role with Manage Messages,
    Ban Members or Administrator as the news role handed that power to anyone."""
    for power, name in (
        (discord.Permissions(manage_messages=True), "Manage Messages"),
        (discord.Permissions(ban_members=True, administrator=True), "Ban Members"),
        (discord.Permissions(mention_everyone=True), "Mention @everyone"),
    ):
        everyday = power | discord.Permissions(send_messages=True)
        mighty = role(5, position=1, permissions=everyday.value)
        text = role_problem(mighty, can_mention_everyone=True)
        assert text is not None and name in text and "/news subscribe" in text
        assert power_problem(mighty) == text
    everyday = discord.Permissions(
        view_channel=True,
        send_messages=True,
        add_reactions=True,
        read_message_history=True,
        create_public_threads=True,
        change_nickname=True,
    )
    fan = role(6, position=1, permissions=everyday.value)
    assert power_problem(fan) is None and role_problem(fan, can_mention_everyone=False) is None
    admin = role(8, position=1, permissions=discord.Permissions(administrator=True).value)
    assert "Administrator" in (power_problem(admin) or "")


def test_assign_problem_needs_manage_roles_and_a_higher_bot_role() -> None:
    news = role(5, position=2)
    assert assign_problem(news, bot_top=role(8, position=3), can_manage_roles=True) is None
    no_perm = assign_problem(news, bot_top=role(8, position=3), can_manage_roles=False)
    assert no_perm is not None and "Manage Roles" in no_perm
    too_high = assign_problem(news, bot_top=role(8, position=1), can_manage_roles=True)
    assert too_high is not None and "highest role" in too_high
    # /setup role's moderator reads these too: neither sends them to ask a moderator
    assert "moderator" not in no_perm + too_high
    assert assign_problem(news, bot_top=news, can_manage_roles=True) is not None
