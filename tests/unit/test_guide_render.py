"""The command guide /about and /help show: mentions, who sees what, Discord's limits."""

from __future__ import annotations

from datetime import UTC, date, datetime

import discord
from discord import app_commands

from bot.installs import anywhere, server_only
from bot.render.about import about_embed, help_embed
from bot.render.guide import FIELD_CHARS, MAX_FIELDS, GuideLine, guide_fields, guide_lines, mention

CAST = GuideLine("cast", (), "Who plays whom.", moderator=False, anywhere=True)
NEWS = GuideLine("news", ("subscribe", "unsubscribe"), "Pings.", moderator=False, anywhere=False)
FEEDS = GuideLine("feeds", ("add", "why"), "Feeds.", moderator=True, anywhere=False)
IDS = {"cast": 11, "news": 22, "feeds": 33}


def test_a_mention_carries_the_top_level_commands_id() -> None:
    assert mention("cast", IDS) == "</cast:11>"
    assert mention("feeds add", IDS) == "</feeds add:33>"  # a subcommand: its command's id
    assert mention("status", IDS) == "/status"  # not synced: Discord knows no id to link


def test_a_fan_in_a_server_sees_the_fan_commands_only() -> None:
    fields = guide_fields([CAST, NEWS, FEEDS], IDS, server_install=True, moderator=False)
    assert fields == [
        (
            "Commands",
            "</cast:11> — Who plays whom.\n</news subscribe:22> · </news unsubscribe:22> — Pings.",
        )
    ]


def test_a_moderator_also_sees_the_moderator_commands() -> None:
    fields = guide_fields([CAST, NEWS, FEEDS], IDS, server_install=True, moderator=True)
    assert [name for name, _ in fields] == ["Commands", "For moderators"]
    assert fields[1][1] == "</feeds add:33> · </feeds why:33> — Feeds."


def test_a_public_guide_lists_no_moderator_commands_and_points_to_help() -> None:
    # /about, posted to the channel by a moderator, listed /feeds and /setup to every fan.
    ids = {**IDS, "help": 44}
    for moderator in (False, True):
        fields = guide_fields(
            [CAST, NEWS, FEEDS], ids, server_install=True, moderator=moderator, public=True
        )
        assert fields == [
            guide_fields([CAST, NEWS, FEEDS], ids, server_install=True, moderator=False)[0],
            ("For moderators", "</help:44> lists yours too, to you alone."),
        ]
    # No moderator command runs there (a DM), or none exists: nothing to point to.
    assert guide_fields([CAST, FEEDS], ids, server_install=False, moderator=True, public=True) == [
        ("Commands", "</cast:11> — Who plays whom.")
    ]
    assert [
        n for n, _ in guide_fields([CAST], ids, server_install=True, moderator=True, public=True)
    ] == ["Commands"]


def test_without_the_servers_install_only_what_runs_there() -> None:
    # A DM, or a server only the fan's own install reaches: no /news, nor a moderator's.
    for moderator in (False, True):
        fields = guide_fields([CAST, NEWS, FEEDS], {}, server_install=False, moderator=moderator)
        assert fields == [("Commands", "/cast — Who plays whom.")]


def test_a_long_guide_is_split_into_fields_within_discords_limits() -> None:
    lines = [
        GuideLine(f"c{n:02}", ("a", "b"), "x" * 200, moderator=False, anywhere=True)
        for n in range(40)
    ]
    ids = {line.name: 10**18 + n for n, line in enumerate(lines)}
    fields = guide_fields(lines, ids, server_install=True, moderator=False)
    assert len(fields) > 1 and all(len(value) <= FIELD_CHARS for _, value in fields)
    assert fields[0][0] == "Commands" and fields[1][0] == "Commands (continued)"
    shown = "\n".join(value for _, value in fields).splitlines()
    assert [row.split(" a:")[0] for row in shown] == [f"</{line.name}" for line in lines]
    capped = guide_fields(lines, ids, server_install=True, moderator=False, room=2)
    assert capped == fields[:2]


def test_the_guide_reads_the_tree() -> None:
    @anywhere
    @app_commands.command(name="cast", description="Who plays whom.")
    async def cast(interaction: discord.Interaction) -> None: ...

    feeds = server_only(
        app_commands.Group(
            name="feeds",
            description="Feeds.",
            default_permissions=discord.Permissions(manage_guild=True),
        )
    )

    @feeds.command(name="add", description="Follow one.")
    async def add(interaction: discord.Interaction) -> None: ...

    @feeds.command(name="why", description="Explain.")
    async def why(interaction: discord.Interaction) -> None: ...

    assert guide_lines([feeds, cast]) == [CAST, FEEDS]


def test_about_shows_the_data_date_as_a_timestamp_and_the_guide() -> None:
    guide = [("Commands", "</cast:11> — Who plays whom.")]
    embed = about_embed(
        version="1.0",
        latency_s=0.05,
        uptime_s=90,
        guilds=3,
        pack_dates={"XO, Kitty": date(2026, 4, 1)},
        guide=guide,
    )
    noon = int(datetime(2026, 4, 1, 12, tzinfo=UTC).timestamp())  # the same day everywhere
    fields = {f.name: (f.value, f.inline) for f in embed.fields}
    assert fields["XO, Kitty data"] == (f"current to <t:{noon}:D>", True)
    assert fields["Commands"] == (guide[0][1], False)
    assert [(f.name, f.value) for f in help_embed(guide).fields] == guide


def test_about_never_passes_25_fields() -> None:
    guide = [(f"Commands {n}", "x") for n in range(30)]
    embed = about_embed(
        version="1", latency_s=0.0, uptime_s=0, guilds=1, pack_dates={}, guide=guide
    )
    assert len(embed.fields) == MAX_FIELDS
