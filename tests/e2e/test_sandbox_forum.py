"""Forum channels as the sandbox models them, driven by discord.py's own forum calls: a post
is a thread with a starter message of the same id, tags are checked, messages refused."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

import discord
import pytest
from discord.ext import commands

from bot.sandbox import perms
from bot.sandbox.driver import Sandbox
from tests.e2e.test_moderator_kit import until

pytestmark = pytest.mark.e2e
StartProbe = Callable[..., contextlib.AbstractAsyncContextManager[commands.Bot]]


async def test_a_forum_takes_posts_not_messages(start_probe: StartProbe) -> None:
    async with Sandbox(guilds=1, route_limits={}) as sb, start_probe(sb) as probe:
        forum_id = sb.add_forum(None, "kitty-news", tags=["News", ("Staff", True)])
        await until(lambda: probe.get_channel(forum_id) is not None)
        forum = probe.get_channel(forum_id)
        assert isinstance(forum, discord.ForumChannel) and not forum.is_media()
        assert [t.name for t in forum.available_tags] == ["News", "Staff"]
        news, staff = forum.available_tags
        assert staff.moderated and not forum.flags.require_tag

        # A plain message: Discord's 400 for a channel that holds none.
        with pytest.raises(discord.HTTPException) as refused:
            await probe.http.send_message(
                forum_id, params=discord.http.handle_message_parameters(content="hi")
            )
        assert (refused.value.status, refused.value.code) == (400, 50008)

        made = await forum.create_thread(
            name="Season 4",
            content="<@&1> renewed",
            embed=discord.Embed(title="t"),
            applied_tags=[news],
        )
        assert made.thread.id == made.message.id and made.thread.parent_id == forum_id
        assert made.thread.applied_tags == [news]
        (post,) = sb.posts(forum_id)
        assert post.name == "Season 4" and [m.id for m in sb.messages(post.id)] == [post.id]
        # THREAD_CREATE reached the gateway: the post is in discord.py's cache.
        await until(lambda: forum.get_thread(post.id) is not None)
        active = await probe.http.get_active_threads(sb.guild.id)
        assert [t["id"] for t in active["threads"]] == [str(post.id)]
        # Archived (idle, or closed by a moderator): listed by the forum, no more as active.
        sb.archive(post.id)
        await until(lambda: forum.get_thread(post.id) is None)  # discord.py drops it
        assert (await probe.http.get_active_threads(sb.guild.id))["threads"] == []
        archived = await probe.http.get_public_archived_threads(forum_id)
        assert [t["id"] for t in archived["threads"]] == [str(post.id)]

        # A tag only moderators may apply: not without Manage Threads.
        with pytest.raises(discord.Forbidden):
            await forum.create_thread(name="x", content="x", applied_tags=[staff])
        # A forum that wants a tag: Discord's 400 without one.
        sb.set_forum_tags(forum_id, ["News"], require_tag=True)
        await until(lambda: forum.flags.require_tag)
        with pytest.raises(discord.HTTPException) as untagged:
            await forum.create_thread(name="x", content="x")
        assert (untagged.value.status, untagged.value.code) == (400, 40067)
        # Send Messages is what creates a post; Embed Links for its embed.
        sb.set_bot_permissions(forum_id, deny=perms.EMBED_LINKS)
        await until(lambda: not forum.permissions_for(forum.guild.me).embed_links)
        with pytest.raises(discord.Forbidden):
            await forum.create_thread(
                name="x", embed=discord.Embed(title="t"), applied_tags=forum.available_tags[:1]
            )
        sb.set_bot_permissions(forum_id, deny=perms.SEND_MESSAGES)
        await until(lambda: not forum.permissions_for(forum.guild.me).send_messages)
        with pytest.raises(discord.Forbidden):
            await forum.create_thread(name="x", content="x", applied_tags=forum.available_tags)
        assert len(sb.posts(forum_id)) == 1
