"""The real discord.py, unchanged, against the sandbox over real sockets.

The probe bot (conftest.py) exercises each part of the wire: login, gateway, sync,
interactions, channel posts, roles, rate limits, faults, reconnects.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import logging
from collections.abc import Callable

import aiohttp
import discord
import pytest
from discord.ext import commands

from bot.sandbox import perms, state
from bot.sandbox.driver import (
    CommandNotSynced,
    CommandUsageError,
    InteractionTimeout,
    Sandbox,
)
from bot.sandbox.ratelimit import Limit

pytestmark = pytest.mark.e2e
StartProbe = Callable[..., contextlib.AbstractAsyncContextManager[commands.Bot]]


async def test_login_gateway_and_guilds(sandbox: Sandbox, probe: commands.Bot) -> None:
    assert probe.user is not None and probe.user.id == sandbox.bot_id
    assert len(probe.guilds) == 2
    guild = probe.get_guild(sandbox.guild.id)
    assert guild is not None and guild.me is not None
    assert {"general", "announcements", "news", "staff"} <= {c.name for c in guild.channels}
    news = guild.get_channel(sandbox.guild.channel("news"))
    assert isinstance(news, discord.TextChannel) and news.is_news()
    staff = guild.get_channel(sandbox.guild.channel("staff"))
    assert staff is not None and not staff.permissions_for(guild.me).view_channel
    general = guild.get_channel(sandbox.guild.channel("general"))
    assert general is not None and general.permissions_for(guild.me).embed_links
    pings = guild.get_role(sandbox.guild.role("News pings"))
    assert pings is not None and pings < guild.me.top_role
    admin = guild.get_member(sandbox.admin_id)
    assert admin is not None and admin.guild_permissions.manage_guild
    assert admin.guild_permissions.manage_roles
    member = guild.get_member(sandbox.member_id)
    assert member is not None and not member.guild_permissions.manage_guild


async def test_wrong_token_is_a_login_failure(
    sandbox: Sandbox, point_discord: Callable[[Sandbox], None]
) -> None:
    point_discord(sandbox)
    client = discord.Client(intents=discord.Intents.none())
    with pytest.raises(discord.LoginFailure):
        await client.login("not-the-token")
    await client.close()
    assert sandbox.counters.by_status.get(401) == 1


async def test_sync_keeps_ids_and_groups(sandbox: Sandbox, probe: commands.Bot) -> None:
    first = {c["name"]: c["id"] for c in sandbox.commands(scope_global=True)}
    guild_cmds = {c["name"]: c["id"] for c in sandbox.commands()}
    assert set(first) == set(guild_cmds) >= {"hello", "cast", "feeds"}
    assert not set(first.values()) & set(guild_cmds.values())  # guild ids are their own
    again = await probe.tree.sync()
    assert {c.name: c.id for c in again} == {k: int(v) for k, v in first.items()}
    feeds = sandbox.command("feeds")
    group = next(o for o in feeds["options"] if o["name"] == "rules")
    assert group["type"] == 2 and group["options"][0]["name"] == "set"
    assert feeds["guild_id"] == str(sandbox.guild.id) and feeds["application_id"]
    fetched = await probe.tree.fetch_commands(guild=discord.Object(sandbox.guild.id))
    assert {c.name for c in fetched} == set(guild_cmds)


async def test_slash_autocomplete_and_subcommands(sandbox: Sandbox, probe: commands.Bot) -> None:
    reply = await sandbox.invoke("hello", {"name": "Kitty", "times": "2"})
    assert reply.content == "Hello, Kitty!Hello, Kitty!" and not reply.ephemeral
    assert reply.latency is not None and reply.latency < 1
    # A public reply is a message in the channel, too.
    assert sandbox.messages(sandbox.guild.channel("general"))[-1].content == reply.content

    cast = await sandbox.invoke("cast", {"name": "Min Ho"}, user="member", channel="announcements")
    assert cast.embeds[0]["title"] == "Min Ho"
    assert cast.embeds[0]["fields"] == [{"name": "Show", "value": "XO, Kitty", "inline": True}]

    choices = await sandbox.autocomplete("cast", {"name": "min"}, focused="name")
    assert [c["value"] for c in choices] == ["Min Ho"]

    added = await sandbox.invoke("feeds", {"url": "https://example.org/a:b"}, subcommand="add")
    assert added.content == "added https://example.org/a:b"
    rule = await sandbox.invoke("feeds", {"keyword": "renewed"}, subcommand=["rules", "set"])
    assert rule.content == "rule renewed"

    where = await sandbox.invoke("where", user="member", guild=1)
    assert where.content == (
        f"guild={sandbox.guilds[1].id} channel=general manage=False user={sandbox.member_id}"
    )
    dm = await sandbox.invoke("where", dm=True)
    assert dm.content == f"guild=None channel=dm manage=False user={sandbox.admin_id}"


async def test_driver_refuses_what_a_client_could_not_send(
    sandbox: Sandbox, probe: commands.Bot
) -> None:
    with pytest.raises(CommandNotSynced, match="nope"):
        await sandbox.invoke("nope")
    with pytest.raises(CommandUsageError, match="unknown option"):
        await sandbox.invoke("hello", {"nam": "x"})
    with pytest.raises(CommandUsageError, match="missing required"):
        await sandbox.invoke("hello", {})
    with pytest.raises(CommandUsageError, match="not a valid int"):
        await sandbox.invoke("hello", {"name": "x", "times": "two"})
    with pytest.raises(CommandUsageError, match="needs a subcommand"):
        await sandbox.invoke("feeds")


async def test_defer_followups_and_ephemeral(sandbox: Sandbox, probe: commands.Bot) -> None:
    reply = await sandbox.invoke("slow", {"extra": 2}, followups=2)
    assert reply.deferred and reply.content == "done thinking" and not reply.ephemeral
    assert [(f.content, f.ephemeral) for f in reply.followups] == [
        ("extra 0", True),
        ("extra 1", True),
    ]
    hidden = await sandbox.invoke("slow", {"hide": True})
    assert hidden.deferred and hidden.ephemeral and hidden.content == "done thinking"
    secret = await sandbox.invoke("secret")
    assert secret.ephemeral and secret.content == "only you"
    general = [m.content for m in sandbox.messages(sandbox.guild.channel("general"))]
    assert general == ["done thinking"]  # ephemeral answers never reach the channel


async def test_channel_post_mentions_and_permissions(sandbox: Sandbox, probe: commands.Bot) -> None:
    g = sandbox.guild
    text = f"@everyone <@&{g.role('News pings')}> <@{sandbox.member_id}> news!"
    ok = await sandbox.invoke("post", {"channel": "announcements", "text": text})
    assert ok.content == "posted" and ok.ephemeral
    (posted,) = sandbox.messages(g.channel("announcements"))
    assert posted.content == text and posted.author_id == sandbox.bot_id
    assert not posted.pinged_everyone and posted.pinged_roles == () and posted.pinged_users == ()

    channel = probe.get_channel(g.channel("announcements"))
    assert isinstance(channel, discord.TextChannel)
    loud = await channel.send(
        text, allowed_mentions=discord.AllowedMentions(everyone=True, roles=True, users=False)
    )
    stored = sandbox.messages(g.channel("announcements"))[-1]
    assert stored.id == loud.id and stored.pinged_everyone
    assert stored.pinged_roles == (g.role("News pings"),) and stored.pinged_users == ()
    assert loud.mention_everyone and [r.id for r in loud.role_mentions] == [g.role("News pings")]

    denied = await sandbox.invoke("post", {"channel": "staff", "text": "hi"})
    assert denied.content == "failed: 403 50001"
    sandbox.set_bot_permissions(g.channel("announcements"), deny=perms.SEND_MESSAGES)
    await asyncio.sleep(0.05)  # CHANNEL_UPDATE reaches the bot's cache
    denied = await sandbox.invoke("post", {"channel": "announcements", "text": "hi"})
    assert denied.content == "failed: 403 50013"
    # A resolved channel carries the invoking user's permissions there, not the bot's.
    resolved = sandbox.interactions[-1].payload["data"]["resolved"]["channels"]
    assert int(resolved[str(g.channel("announcements"))]["permissions"]) & perms.SEND_MESSAGES
    with pytest.raises(discord.Forbidden):
        await channel.send(embed=discord.Embed(title="x"))

    sandbox.delete_channel(g.channel("general"))
    await asyncio.sleep(0.05)
    assert probe.get_channel(g.channel("general")) is None
    with pytest.raises(discord.NotFound):
        await probe.http.send_message(g.channel("general"), params=_text("gone?"))


async def test_a_channel_converted_from_text_refuses_posts_with_50008(
    sandbox: Sandbox, probe: commands.Bot
) -> None:
    """Discord's answer to a post in a channel that holds no messages (a forum, a category),
    in the shape discord.py reads; the bot's cache hears of the new type."""
    announcements = sandbox.guild.channel("announcements")
    sandbox.convert_channel(announcements, state.FORUM)
    await asyncio.sleep(0.05)  # CHANNEL_UPDATE reaches the bot's cache
    channel = probe.get_channel(announcements)
    assert isinstance(channel, discord.TextChannel)  # discord.py keeps the class, and reads
    assert channel._type == state.FORUM  # the new type from the event (its .type says news)
    with pytest.raises(discord.HTTPException) as refused:
        await probe.http.send_message(announcements, params=_text("still here?"))
    assert (refused.value.status, refused.value.code) == (400, 50008)
    assert "non-text channel" in refused.value.text
    sandbox.convert_channel(announcements, state.TEXT)  # and back: it takes posts again
    await probe.http.send_message(announcements, params=_text("back"))
    assert [m.content for m in sandbox.messages(announcements)] == ["back"]


def _text(content: str):  # type: ignore[no-untyped-def]
    return discord.http.handle_message_parameters(content=content)


async def test_roles_need_manage_roles_and_hierarchy(sandbox: Sandbox, probe: commands.Bot) -> None:
    g = sandbox.guild
    ok = await sandbox.invoke("give", {"role": "News pings"}, user="member")
    assert ok.content == "gave News pings"
    assert g.role("News pings") in sandbox.world.guilds[g.id].members[sandbox.member_id].role_ids
    above = await sandbox.invoke("give", {"role": "Moderators"}, user="member")
    assert above.content == "forbidden 50013"
    sandbox.set_bot_role_permissions(g, perms.BOT_DEFAULT & ~perms.MANAGE_ROLES)
    await sandbox.invoke("give", {"role": "News pings"}, user="admin")
    assert sandbox.counters.by_status[403] == 2


async def test_a_command_that_raises_gets_no_answer(sandbox: Sandbox, probe: commands.Bot) -> None:
    with pytest.raises(InteractionTimeout, match="no callback"):
        await sandbox.invoke("boom", timeout=0.5)
    assert (await sandbox.invoke("hello", {"name": "again"})).content == "Hello, again!"
    callback = await sandbox.invoke("secret")
    with pytest.raises(discord.HTTPException) as second:
        await probe.http.request(
            discord.http.Route(
                "POST",
                "/interactions/{id}/{token}/callback",
                id=callback.interaction_id,
                token=sandbox.server.interactions.records[callback.interaction_id].token,
            ),
            json={"type": 4, "data": {"content": "again"}},
        )
    assert second.value.code == 40060


async def test_rate_limits_are_ridden_out(
    start_probe: StartProbe, caplog: pytest.LogCaptureFixture
) -> None:
    route = {("POST", "/channels/{channel_id}/messages"): Limit(2, 0.3)}
    async with (
        Sandbox(guilds=1, route_limits=route, global_limit=Limit(4, 0.3)) as sb,
        start_probe(sb, sync_guild=False) as bot,
    ):
        general = bot.get_channel(sb.guild.channel("general"))
        assert isinstance(general, discord.TextChannel)
        before = len(sb.requests)
        for i in range(5):  # discord.py paces itself by the bucket headers
            await general.send(f"paced {i}")
        assert len(sb.messages(general.id)) == 5 and sb.route_429s == 0

        channels = [bot.get_channel(sb.guild.channel(n)) for n in ("announcements", "news")]
        sends = [c.send(f"burst {i}") for c in channels for i in range(2)]  # type: ignore[union-attr]
        with caplog.at_level(logging.WARNING, logger="discord.http"):
            await asyncio.gather(*sends, general.send("and one more"))
        assert sb.global_429s >= 1 and "Global rate limit" in caplog.text
        total = sum(len(sb.messages(sb.guild.channel(n))) for n in ("announcements", "news"))
        assert total == 4

        # discord.py sleeps 1 s before retrying a 500 on its first try (longer later).
        sb.inject("POST", "/channels/*/messages", 500)
        sb.inject("POST", "/channels/*/messages", "429", retry_after=0.1)
        await general.send("after faults")
        assert sb.route_429s == 1 and sb.counters.injected == 2
        assert sb.messages(general.id)[-1].content == "after faults"
        assert len(sb.requests) > before and sb.peak_requests_per_second() >= 4


async def test_reconnects_keep_the_bot_answering(sandbox: Sandbox, probe: commands.Bot) -> None:
    session = probe.ws.session_id
    await sandbox.reconnect()
    assert probe.ws.session_id == session
    assert (await sandbox.invoke("hello", {"name": "op7"})).content == "Hello, op7!"

    await sandbox.invalidate_session(resumable=True)
    assert (await sandbox.invoke("hello", {"name": "op9"})).content == "Hello, op9!"

    await sandbox.drop_gateway()
    assert (await sandbox.invoke("hello", {"name": "drop"})).content == "Hello, drop!"
    assert sandbox.server.gateway.stats.resumes == 3

    await sandbox.invalidate_session(resumable=False)  # discord.py waits 5 s, then IDENTIFYs
    assert probe.ws.session_id != session
    assert (await sandbox.invoke("hello", {"name": "fresh"})).content == "Hello, fresh!"


async def test_files_threads_crossposts_and_history(sandbox: Sandbox, probe: commands.Bot) -> None:
    uploaded = await sandbox.invoke("upload")
    assert uploaded.message is not None
    assert [a["filename"] for a in uploaded.message["attachments"]] == ["hello.txt"]

    news = probe.get_channel(sandbox.guild.channel("news"))
    assert isinstance(news, discord.TextChannel)
    sent = await news.send("Season 3 confirmed", file=discord.File(io.BytesIO(b"x"), "a.png"))
    await sent.publish()
    (stored,) = sandbox.messages(news.id)
    assert stored.crossposted and stored.raw["attachments"][0]["size"] == 1
    with pytest.raises(discord.HTTPException) as twice:
        await sent.publish()
    assert twice.value.code == 40033

    thread = await sent.create_thread(name="Season 3 talk")
    assert thread.id == sent.id and thread.parent_id == news.id
    await thread.send("in the thread")
    assert [m.content for m in sandbox.messages(thread.id)] == ["in the thread"]
    await asyncio.sleep(0.05)
    assert probe.get_channel(thread.id) is not None  # THREAD_CREATE reached the cache

    history = [m.content async for m in news.history(limit=10)]
    assert history == ["Season 3 confirmed"]
    # Without Read Message History Discord shows an empty history, not an error.
    sandbox.set_bot_permissions(news.id, deny=perms.READ_MESSAGE_HISTORY)
    assert [m async for m in news.history(limit=10)] == []
    sandbox.set_bot_permissions(news.id)
    edited = await sent.edit(content="Season 3 confirmed (edited)")
    assert edited.edited_at is not None
    assert sandbox.messages(news.id)[0].content == "Season 3 confirmed (edited)"
    await sent.delete()
    assert sandbox.messages(news.id) == []


async def test_a_late_answer_is_refused(start_probe: StartProbe) -> None:
    async with Sandbox(guilds=1, interaction_deadline=0.2) as sb, start_probe(sb) as _bot:
        with pytest.raises(InteractionTimeout, match="no callback"):
            await sb.invoke("sleepy", {"seconds": 0.3}, timeout=0.6)
        assert sb.server.interactions.late_callbacks == 1
        assert (await sb.invoke("sleepy", {"seconds": 0})).content == "late"


async def test_injected_faults_surface_as_discord_errors(
    sandbox: Sandbox, probe: commands.Bot
) -> None:
    channel = probe.get_channel(sandbox.guild.channel("general"))
    assert isinstance(channel, discord.TextChannel)
    sandbox.inject("POST", "/channels/*/messages", "drop")
    sandbox.inject("*", "/channels/*/messages", 403)
    sandbox.inject("POST", "/channels/*", 404)  # a glob's * also spans slashes
    with pytest.raises(aiohttp.ServerDisconnectedError):
        await channel.send("dropped")
    with pytest.raises(discord.Forbidden):
        await channel.send("forbidden")
    with pytest.raises(discord.NotFound):
        await channel.send("gone")
    await channel.send("fine again")
    assert [m.content for m in sandbox.messages(channel.id)] == ["fine again"]
    assert sandbox.counters.by_status[599] == 1 and sandbox.counters.injected == 3


async def test_buttons_and_selects(sandbox: Sandbox, probe: commands.Bot) -> None:
    asked = await sandbox.invoke("confirm")
    assert asked.content == "Post this?" and asked.ephemeral and asked.message
    picked = await sandbox.click(asked, "confirm:pick", values=["a"], user="admin")
    assert picked.content == "picked ['a']" and picked.ephemeral
    pressed = await sandbox.click(asked, "confirm:yes")
    assert pressed.callback_type == 7 and pressed.content == "confirmed"
    assert pressed.message is not None and pressed.message["components"] == []
    with pytest.raises(CommandUsageError, match="no component"):
        await sandbox.click(asked, "confirm:yes")  # the view was removed
    assert [i.callback_type for i in sandbox.interactions] == [4, 4, 7]


async def test_waiting_for_posts_and_losing_a_guild(sandbox: Sandbox, probe: commands.Bot) -> None:
    staff_id = sandbox.guild.channel("staff")
    sandbox.set_bot_permissions(staff_id, allow=perms.VIEW_CHANNEL)
    await asyncio.sleep(0.05)
    staff = probe.get_channel(staff_id)
    assert isinstance(staff, discord.TextChannel)
    later = asyncio.create_task(staff.send("now visible"))
    (posted,) = await sandbox.wait_for_messages(staff_id, 1, timeout=2)
    assert posted.content == "now visible" and (await later).id == posted.id
    with pytest.raises(TimeoutError, match="did not get 2"):
        await sandbox.wait_for_messages(staff_id, 2, timeout=0.1)

    second = sandbox.guilds[1]
    sandbox.remove_guild(second)
    await asyncio.sleep(0.05)
    assert probe.get_guild(second.id) is None
    with pytest.raises(discord.NotFound):
        await probe.http.send_message(second.channel("general"), params=_text("still here?"))
