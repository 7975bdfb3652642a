"""/about and /help through the sandbox Discord: the commands a fan (or a moderator) can run
where they asked, each a mention carrying the id Discord gave the synced command."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.client import KissBot
from bot.render.text import unix
from bot.sandbox.driver import Reply, Sandbox, running_bot

pytestmark = pytest.mark.e2e


def guide_text(reply: Reply) -> str:
    fields = reply.embeds[0]["fields"]
    return "\n".join(f["value"] for f in fields if f["name"].startswith(("Commands", "For mod")))


def mention(sb: Sandbox, path: str, **where: Any) -> str:
    """The mention of ``path`` with the id of the command a user there would run."""
    return f"</{path}:{sb.command(path.split()[0], **where)['id']}>"


async def test_about_lists_the_fan_commands_with_their_synced_ids(
    sandbox: Sandbox, kissbot: KissBot
) -> None:
    about = await sandbox.invoke("about", user="member")
    assert not about.ephemeral  # as README says: /about is for the channel
    text = guide_text(about)
    for path in ("cast", "episode", "recap", "status", "progress set", "news subscribe", "help"):
        assert mention(sandbox, path) in text, path
    assert "setup" not in text and "feeds" not in text  # a fan can't run them
    pack = kissbot.catalog.shows[0]
    fields = {f["name"]: f["value"] for f in about.embeds[0]["fields"]}
    assert fields[f"{pack.title} data"] == f"current to <t:{unix(pack.current_to)}:D>"


async def test_help_shows_a_moderator_the_moderator_commands_privately(
    sandbox: Sandbox, kissbot: KissBot
) -> None:
    mod = await sandbox.invoke("help")
    assert mod.ephemeral
    text = guide_text(mod)
    for path in ("feeds add", "feeds why", "setup channel", "setup view", "cast"):
        assert mention(sandbox, path) in text, path
    # /about is posted to the channel: a moderator's asking lists no moderator command there,
    # only the fans' (as /help renders them) and where moderators find theirs.
    about = await sandbox.invoke("about")
    assert not about.ephemeral
    about_text = guide_text(about)
    assert "</setup" not in about_text and "</feeds" not in about_text
    assert about_text == guide_text(await sandbox.invoke("about", user="member"))
    fields = {f["name"]: f["value"] for f in about.embeds[0]["fields"]}
    assert fields["For moderators"] == f"{mention(sandbox, 'help')} lists yours too, to you alone."
    assert fields["Commands"] in text
    fan = await sandbox.invoke("help", user="member")
    assert fan.ephemeral and "</setup" not in guide_text(fan)
    for embed in (mod.embeds[0], about.embeds[0]):
        assert len(embed["fields"]) <= 25
        assert all(len(f["value"]) <= 1024 for f in embed["fields"])


async def test_help_in_dms_lists_only_what_runs_there_with_the_global_ids(
    sandbox: Sandbox, kissbot: KissBot
) -> None:
    text = guide_text(await sandbox.invoke("help", dm=True, user="member"))
    for path in ("cast", "recap", "progress view", "about", "ping"):
        assert mention(sandbox, path, dm=True) in text, path
    # A server's own install offers these, never a DM.
    assert "/news" not in text and "/setup" not in text and "/feeds" not in text


async def test_a_restart_learns_the_ids_it_did_not_sync(sandbox: Sandbox, tmp_path: Path) -> None:
    """The second start finds the dev guild's commands unchanged (no sync) and the global ones
    synced by another process (`python -m bot sync`): the mentions still carry their ids."""
    async with running_bot(sandbox, tmp_path):
        pass
    overwrites = sandbox.server.commands.overwrites
    async with running_bot(sandbox, tmp_path, sync_global=False):
        assert sandbox.server.commands.overwrites == overwrites  # nothing synced again
        here = guide_text(await sandbox.invoke("help", user="member"))
        dm = guide_text(await sandbox.invoke("help", dm=True, user="member"))
    assert mention(sandbox, "cast") in here and mention(sandbox, "news subscribe") in here
    assert mention(sandbox, "cast", dm=True) in dm and "/progress" in dm
    assert mention(sandbox, "progress clear", dm=True) in dm


async def test_a_start_that_cannot_read_the_ids_still_answers(
    sandbox: Sandbox, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Discord refusing the read of the synced commands costs the links, not the start."""
    async with running_bot(sandbox, tmp_path):
        pass
    # The guild's and the global at the start, and the global again as /help finds no id.
    sandbox.inject("GET", "/applications/*/commands", 403, count=3)
    async with running_bot(sandbox, tmp_path, sync_global=False):
        text = guide_text(await sandbox.invoke("help", user="member"))
    assert "/cast — " in text and "</cast:" not in text
    assert "could not read the global commands' ids" in caplog.text
    assert f"could not read the guild {sandbox.guild.id} commands' ids" in caplog.text


def global_reads(sb: Sandbox) -> int:
    """The reads of the global commands (and their ids) the bot has made so far."""
    return sum(
        1
        for r in sb.requests
        if r.method == "GET" and r.path.endswith("/commands") and "/guilds/" not in r.path
    )


async def test_commands_synced_beside_the_running_bot_are_linked_without_a_restart(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    """A global sync by another process (`python -m bot sync`, its first) after the bot
    started: /help linked none of those commands until a restart. /help reads the ids again
    when one is missing, and at most once in five minutes, however often it is asked."""
    async with running_bot(sandbox, tmp_path, sync_global=False) as bot:
        assert bot.application_id is not None
        # Another process's sync, through the same Discord, leaving one command out.
        payload = [c.to_dict(bot.tree) for c in bot.tree.get_commands() if c.name != "ping"]
        await bot.http.bulk_upsert_global_commands(bot.application_id, payload)
        before = global_reads(sandbox)
        text = guide_text(await sandbox.invoke("help", dm=True, user="member"))
        assert mention(sandbox, "cast", dm=True) in text
        assert mention(sandbox, "progress clear", dm=True) in text
        assert "/ping — " in text  # not synced: no id to link
        assert global_reads(sandbox) == before + 1
        for _ in range(3):  # /ping's id is still missing: no read for each /help
            again = await sandbox.invoke("help", dm=True, user="member")
            assert guide_text(again) == text
        assert global_reads(sandbox) == before + 1


async def test_help_reading_both_scopes_again_answers_in_time(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    """With the dev guild's ids known, a missing id has /help read the global commands and
    the guild's again, each for up to ``RELEARN_WAIT``: one after the other, two slow reads
    took 3 s, Discord's whole window, and /help went unanswered ("Unknown interaction")."""
    async with running_bot(sandbox, tmp_path) as bot:
        assert bot.application_id is not None
        # Another process's syncs, through the same Discord, leave /ping out of both scopes.
        payload = [c.to_dict(bot.tree) for c in bot.tree.get_commands() if c.name != "ping"]
        await bot.http.bulk_upsert_global_commands(bot.application_id, payload)
        await bot.http.bulk_upsert_guild_commands(bot.application_id, sandbox.guild.id, payload)
    async with running_bot(sandbox, tmp_path, sync_global=False):
        # Both reads /help makes are slow: Discord asks the bot to come back in 5 s.
        sandbox.inject("GET", "/applications/*/commands", "429", count=2, retry_after=5.0)
        reply = await sandbox.invoke("help", user="member")
        assert reply.latency is not None and reply.latency < 2.5, reply.latency
        text = guide_text(reply)
    assert mention(sandbox, "cast") in text and "/ping — " in text
