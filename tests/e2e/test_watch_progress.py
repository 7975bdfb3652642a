"""/progress and the recap gate, through the sandbox Discord: a fan saves where they are,
/recap asks before showing plot past it, "Show it anyway" shows it, /progress clear forgets."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from bot.sandbox.driver import Reply, Sandbox, running_bot
from bot.sandbox.state import wait_until

pytestmark = pytest.mark.e2e

REVEAL = "recap:reveal"


async def progress(sb: Sandbox, sub: str, user: str = "member", **options: object) -> Reply:
    reply = await sb.invoke("progress", options, subcommand=sub, user=user)
    assert reply.ephemeral and not reply.embeds, reply.content  # a fan's own business
    return reply


@pytest.mark.usefixtures("kissbot")
async def test_set_view_gate_show_anyway_and_clear(sandbox: Sandbox) -> None:
    assert "no watch progress" in (await progress(sandbox, "view")).content
    choices = await sandbox.autocomplete(
        "progress", {"episode": "otp"}, focused="episode", subcommand="set"
    )
    assert choices[0] == {"name": "S1E10 · OTP", "value": "S1E10"}
    saved = await progress(sandbox, "set", episode="2x1")
    assert "S2E1" in saved.content
    assert "S2E1" in (await progress(sandbox, "view")).content
    bare = await progress(sandbox, "set", episode="4")
    assert "of which season" in bare.content  # nothing saved: still S2E1
    await progress(sandbox, "set", user="admin", episode="S1E1")

    # At or before their progress: as before.
    at = await sandbox.invoke("recap", {"season": 2, "episode": "S2E1"}, user="member")
    assert at.ephemeral and at.titles[0].startswith("Recap · S2E1")
    earlier = await sandbox.invoke("recap", {"season": 1}, user="member")
    assert earlier.titles == ["Recap · XO, Kitty season 1"]

    gated = await sandbox.invoke("recap", {"season": 2, "episode": "S2E8"}, user="member")
    assert gated.ephemeral and not gated.embeds and gated.buttons == [REVEAL]
    assert "**S2E8**" in gated.content and "**S2E1**" in gated.content
    # Only the fan who asked can press it.
    other = await sandbox.click(gated, REVEAL, user="admin")
    assert other.ephemeral and "Only the fan who asked" in other.content
    shown = await sandbox.click(gated, REVEAL, user="member")
    assert shown.callback_type == 7 and shown.ephemeral and not shown.content
    assert shown.titles[0].startswith("Recap · S2E8")
    assert shown.message is not None and shown.message["components"] == []
    # A premise of a season to come builds on how the last one ended, and says so ("This
    # recap goes up to S2E8" read, asked for season 3, as if it were season 2's).
    premise = await sandbox.invoke("recap", {"season": 3}, user="member")
    assert premise.buttons == [REVEAL]
    assert premise.content.startswith("⚠️ Season 3's premise builds on how season 2 ends, **S2E8**")

    cleared = await progress(sandbox, "clear")
    assert "Forgotten" in cleared.content
    assert "no watch progress" in (await progress(sandbox, "view")).content
    free = await sandbox.invoke("recap", {"season": 2, "episode": "S2E8"}, user="member")
    assert free.titles[0].startswith("Recap · S2E8") and free.buttons == []
    assert "nothing to forget" in (await progress(sandbox, "clear")).content
    # Each fan's own: the admin's progress outlived the member's clear.
    theirs = await sandbox.invoke("recap", {"season": 1, "episode": "S1E4"}, user="admin")
    assert theirs.buttons == [REVEAL] and "**S1E1**" in theirs.content


@pytest.mark.usefixtures("kissbot")
async def test_shown_anyway_where_recaps_are_public_posts_it_in_the_channel(
    sandbox: Sandbox,
) -> None:
    await sandbox.invoke("setup", {"where": "channel"}, subcommand="spoilers")
    await progress(sandbox, "set", episode="S1E1")
    gated = await sandbox.invoke("recap", {"season": 1}, user="member")
    assert gated.ephemeral and gated.buttons == [REVEAL]
    general = sandbox.guild.channel("general")
    assert sandbox.messages(general) == []  # the question is the fan's alone
    shown = await sandbox.click(gated, REVEAL, user="member")
    assert shown.content == "Shown below." and shown.ephemeral
    (posted,) = await sandbox.wait_for_messages(general, 1)
    assert posted.embeds[0]["title"] == "Recap · XO, Kitty season 1"


@pytest.mark.usefixtures("kissbot")
async def test_the_question_times_out_cleanly(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    # discord.py loads a cog's module into sys.modules without binding it on its package
    monkeypatch.setattr(sys.modules["cogs.recap"], "REVEAL_SECONDS", 0.3)
    await progress(sandbox, "set", episode="S1E1")
    gated = await sandbox.invoke("recap", {"season": 1, "episode": "S1E4"}, user="member")
    assert gated.message is not None
    message = sandbox.world.messages_by_id[int(gated.message["id"])]
    await wait_until(
        sandbox.server.interactions.records[gated.interaction_id].changed,
        lambda: message.raw.get("components") == [],
        5.0,
        "the question closed",
    )
    assert "timed out" in message.content and not message.embeds


async def test_a_question_left_by_a_restart_is_answered(
    sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Before: the button outlived the bot's memory of it, and a press was never answered
    # ("This interaction failed"), the button staying for good.
    async with running_bot(sandbox, tmp_path):
        await progress(sandbox, "set", episode="S1E1")
        gated = await sandbox.invoke("recap", {"season": 1, "episode": "S1E4"}, user="member")
    async with running_bot(sandbox, tmp_path):
        young = await sandbox.click(gated, REVEAL, user="member", timeout=2.0)
        # Within the 5 minutes it may be a second press: the first's recap is left alone.
        assert young.callback_type == 4 and young.ephemeral and not young.embeds
        assert "Run /recap again" in young.content
        monkeypatch.setattr(sys.modules["cogs.recap"], "REVEAL_SECONDS", 0.0)
        old = await sandbox.click(gated, REVEAL, user="member", timeout=2.0)
        assert old.callback_type == 7 and not old.embeds and "timed out" in old.content
        assert old.message is not None and old.message["components"] == []


@pytest.mark.usefixtures("kissbot")
async def test_progress_and_the_gate_work_in_dms(sandbox: Sandbox) -> None:
    saved = await sandbox.invoke("progress", {"episode": "TGIF"}, subcommand="set", dm=True)
    assert saved.ephemeral and "S1E4 · TGIF" in saved.content
    gated = await sandbox.invoke("recap", {"season": 1, "episode": "S1E5"}, dm=True)
    assert gated.buttons == [REVEAL]
    shown = await sandbox.click(gated, REVEAL)
    assert shown.content == "Shown below."  # as /recap answers in a DM: a message kept there
    (posted,) = await sandbox.wait_for_followups(shown, 1)
    assert not posted.ephemeral and str(posted.embeds[0]["title"]).startswith("Recap · S1E5")
    # The same fan in a server: progress is per user, not per place.
    assert (await sandbox.invoke("recap", {"season": 1, "episode": "S1E5"})).buttons == [REVEAL]


@pytest.mark.usefixtures("kissbot")
async def test_a_seen_episode_with_no_recap_shows_the_season_up_to_the_fan(
    sandbox: Sandbox,
) -> None:
    """At S1E6, /recap for S1E6 (no recap of its own) asked whether to show season 1 whole,
    the finale included: it shows the season's episodes up to S1E6, and asks for the rest."""
    await progress(sandbox, "set", episode="S1E6")
    seen = await sandbox.invoke("recap", {"season": 1, "episode": "6"}, user="member")
    assert seen.buttons == [] and seen.titles == ["Recap · XO, Kitty season 1"]
    names = [f["name"] for f in seen.embeds[0]["fields"]]
    assert names[-1] == "Sources" and names[:-1][-1] == "S1E5 · TBH"
    assert not any(name.startswith(("S1E8", "S1E9", "S1E10")) for name in names)
    assert "up to S1E6, where you are" in str(seen.embeds[0]["description"])
    whole = await sandbox.invoke("recap", {"season": 1}, user="member")
    assert whole.buttons == [REVEAL] and "**S1E10**" in whole.content
    ahead = await sandbox.invoke("recap", {"season": 1, "episode": "7"}, user="member")
    assert ahead.buttons == [REVEAL]  # not seen yet: the question stands
