"""/setup through the sandbox: a moderator configures the server; a plain member can't."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from bot.moderation.onboard import show_for
from bot.sandbox import perms
from bot.sandbox.driver import Sandbox, running_bot
from bot.sandbox.gateway import GUILDS_INTENT
from bot.sandbox.state import TEXT, Channel
from tests.e2e.test_moderator_kit import MODERATOR_COMMANDS, moderator_bot, refused, until

pytestmark = pytest.mark.e2e
REPO = Path(__file__).resolve().parents[2]

# Valid options for every moderator subcommand: a member must be refused even so.
VALID_OPTIONS: dict[tuple[str, str], dict[str, Any]] = {
    ("setup", "channel"): {"channel": "announcements"},
    ("setup", "role"): {"role": "News pings"},
    ("setup", "mode"): {"mode": "all"},
    ("setup", "spoilers"): {"where": "channel"},
    ("setup", "threads"): {"enabled": True},
    ("setup", "events"): {"enabled": True},
    ("setup", "show"): {"show": "xo-kitty"},
    ("setup", "card"): {"channel": "announcements"},
    ("setup", "view"): {},
    ("setup", "reset"): {},
    ("feeds", "add"): {"url": "http://127.0.0.1:9/feed.xml"},
    ("feeds", "remove"): {"feed": "1"},
    ("feeds", "list"): {},
    ("feeds", "why"): {"article": "season 3"},
    ("feeds", "filter"): {"feed": "1", "include": "kitty"},
}


def test_every_moderator_subcommand_is_covered() -> None:
    assert sorted(VALID_OPTIONS) == sorted(
        (name, sub) for name, subs in MODERATOR_COMMANDS.items() for sub in subs
    )


async def test_a_plain_member_is_refused_every_subcommand(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with Sandbox(guilds=1) as sb, moderator_bot(sb, tmp_path, monkeypatch) as bot:
        for (name, sub), options in VALID_OPTIONS.items():
            reply = await sb.invoke(name, options, subcommand=sub, user="member")
            refused(reply, "You need Manage Server")
            assert not reply.embeds
        # Nothing changed, nothing was fetched, nothing was posted.
        settings = await bot.store.guilds.get(sb.guild.id)
        assert settings.channel_id is None and settings.mode == "changes"
        assert await bot.store.feeds.all() == []
        assert await bot.store.cards.get(sb.guild.id) is None
        assert sb.messages(sb.guild.channel("announcements")) == []
        # Autocomplete doesn't leak the server's feeds to members either.
        await bot.store.feeds.subscribe(
            sb.guild.id, (await bot.store.feeds.add("http://127.0.0.1:9/a")).id, None
        )
        for sub in ("remove", "filter"):
            assert (
                await sb.autocomplete(
                    "feeds", {"feed": ""}, focused="feed", subcommand=sub, user="member"
                )
                == []
            )
        assert (
            len(await sb.autocomplete("feeds", {"feed": ""}, focused="feed", subcommand="remove"))
            == 1
        )


async def test_a_moderator_configures_every_setting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with Sandbox(guilds=1) as sb, moderator_bot(sb, tmp_path, monkeypatch) as bot:
        gid = sb.guild.id
        announcements = sb.guild.channel("announcements")

        # channel: the private staff channel is refused with exactly what is missing.
        reply = await sb.invoke("setup", {"channel": "staff"}, subcommand="channel")
        refused(reply, "View Channel", "<#")
        reply = await sb.invoke("setup", {"channel": "announcements"}, subcommand="channel")
        assert reply.ephemeral and f"<#{announcements}>" in reply.content
        assert (await bot.store.guilds.get(gid)).channel_id == announcements

        # role: never @everyone, nor a role with a moderator's powers (any fan can take it);
        # a quiet role needs Mention Everyone; the news role is fine.
        refused(await sb.invoke("setup", {"role": str(gid)}, subcommand="role"), "@everyone")
        refused(
            await sb.invoke("setup", {"role": "Moderators"}, subcommand="role"),
            "Manage Server",
            "/news subscribe",
        )
        quiet = sb.add_role(gid, "Quiet")
        await until(lambda: _cached_role(bot, gid, quiet))
        sb.set_bot_role_permissions(gid, perms.BOT_DEFAULT & ~perms.MENTION_EVERYONE)
        await until(lambda: not _bot_can_mention_everyone(bot, gid))
        refused(
            await sb.invoke("setup", {"role": "Quiet"}, subcommand="role"),
            "isn't mentionable",
        )
        sb.set_bot_role_permissions(gid, perms.BOT_DEFAULT)
        reply = await sb.invoke("setup", {"role": "News pings"}, subcommand="role")
        assert reply.ephemeral and "/news subscribe" in reply.content
        news_role = sb.guild.role("News pings")
        assert (await bot.store.guilds.get(gid)).role_id == news_role

        # mode and spoilers: choices.
        reply = await sb.invoke("setup", {"mode": "all"}, subcommand="mode")
        assert reply.ephemeral and "all news" in reply.content
        reply = await sb.invoke("setup", {"where": "channel"}, subcommand="spoilers")
        assert reply.ephemeral and "in the channel" in reply.content

        # threads: refused while the bot can't open threads in the announcement channel.
        sb.set_bot_permissions(announcements, deny=perms.CREATE_PUBLIC_THREADS)
        await until(lambda: not _bot_perms(bot, gid, announcements).create_public_threads)
        refused(
            await sb.invoke("setup", {"enabled": True}, subcommand="threads"),
            "Create Public Threads",
        )
        sb.set_bot_permissions(announcements)
        await until(lambda: _bot_perms(bot, gid, announcements).create_public_threads)
        reply = await sb.invoke("setup", {"enabled": True}, subcommand="threads")
        assert reply.ephemeral and "thread" in reply.content

        # show: one pack installed, so there is nothing to choose (and it says so).
        assert await sb.autocomplete("setup", {"show": "kit"}, focused="show", subcommand="show")
        refused(await sb.invoke("setup", {"show": "xo-kitty"}, subcommand="show"), "Only one show")

        settings = await bot.store.guilds.get(gid)
        assert (settings.mode, settings.spoilers, settings.threads) == ("all", "channel", True)

        # view: everything in one embed.
        reply = await sb.invoke("setup", subcommand="view")
        assert reply.ephemeral and len(reply.embeds) == 1
        fields = {f["name"]: f["value"] for f in reply.embeds[0]["fields"]}
        assert fields["Channel"] == f"<#{announcements}>"
        assert fields["Ping role"] == f"<@&{news_role}>"
        assert fields["Mode"] == "all news about the show"
        assert "thread" in fields["Threads"] and "XO" in fields["Show"]
        assert reply.embeds[0]["description"].startswith("🟢")
        checks = fields["In the channel now"]
        assert checks.startswith(f"✅ I can post in <#{announcements}>.")
        assert "Announcement channel" not in checks

        # view checks the channel as it is now, not as it was set up.
        sb.set_bot_permissions(announcements, deny=perms.EMBED_LINKS)
        await until(lambda: not _bot_perms(bot, gid, announcements).embed_links)
        reply = await sb.invoke("setup", subcommand="view")
        fields = {f["name"]: f["value"] for f in reply.embeds[0]["fields"]}
        assert "⚠️ I can't announce in" in fields["In the channel now"]
        assert "**Embed Links**" in fields["In the channel now"]
        sb.set_bot_permissions(announcements)
        await until(lambda: _bot_perms(bot, gid, announcements).embed_links)

        # reset: back to the defaults, which view shows.
        reply = await sb.invoke("setup", subcommand="reset")
        assert reply.ephemeral and "defaults" in reply.content
        reply = await sb.invoke("setup", subcommand="view")
        assert "/setup channel" in reply.embeds[0]["description"]
        assert sb.messages(announcements) == []  # configuring never posts anything


async def test_setup_channel_resumes_a_paused_destination(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with Sandbox(guilds=1) as sb, moderator_bot(sb, tmp_path, monkeypatch) as bot:
        gid, announcements = sb.guild.id, sb.guild.channel("announcements")
        await bot.store.guilds.update(
            gid,
            channel_id=announcements,
            disabled_reason=f"missing permissions in <#{announcements}>",
            disabled_at="2025-01-01T00:00:00+00:00",
        )
        reply = await sb.invoke("setup", subcommand="view")
        assert "paused" in reply.embeds[0]["description"]
        reply = await sb.invoke("setup", {"channel": "announcements"}, subcommand="channel")
        assert "back on" in reply.content
        assert (await bot.store.guilds.get(gid)).announces


async def test_setup_channel_advises_read_message_history(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without Read Message History the channel is still taken, with advice; with it, none."""
    async with Sandbox(guilds=1) as sb, moderator_bot(sb, tmp_path, monkeypatch) as bot:
        gid, announcements = sb.guild.id, sb.guild.channel("announcements")
        sb.set_bot_permissions(announcements, deny=perms.READ_MESSAGE_HISTORY)
        await until(lambda: not _bot_perms(bot, gid, announcements).read_message_history)
        reply = await sb.invoke("setup", {"channel": "announcements"}, subcommand="channel")
        assert reply.ephemeral and f"News will be posted in <#{announcements}>" in reply.content
        assert "⚠️" in reply.content and "**Read Message History**" in reply.content
        assert "outage" in reply.content
        assert (await bot.store.guilds.get(gid)).channel_id == announcements

        sb.set_bot_permissions(announcements)
        await until(lambda: _bot_perms(bot, gid, announcements).read_message_history)
        reply = await sb.invoke("setup", {"channel": "announcements"}, subcommand="channel")
        assert reply.ephemeral and f"News will be posted in <#{announcements}>" in reply.content
        assert "Read Message History" not in reply.content and "⚠️" not in reply.content


async def test_a_channel_the_bot_never_saw_gets_advice_not_a_repr(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with Sandbox(guilds=1) as sb, moderator_bot(sb, tmp_path, monkeypatch) as bot:
        gid = sb.guild.id
        # In the server but never sent to the bot, so discord.py cannot resolve the option.
        fresh = Channel(sb.world.ids.now(), TEXT, "fresh", 9, gid, changed=asyncio.Event())
        sb.world.guilds[gid].channels[fresh.id] = sb.world.channels[fresh.id] = fresh
        reply = await sb.invoke("setup", {"channel": fresh.id}, subcommand="channel")
        refused(reply, f"I can't see <#{fresh.id}> yet", "**View Channel**", "try again")
        assert "AppCommandChannel" not in reply.content and "fresh" not in reply.content
        assert (await bot.store.guilds.get(gid)).channel_id is None


# -- helpers: wait for discord.py's cache to see a permission change ------------------------


def _bot_perms(bot: Any, guild_id: int, channel_id: int) -> Any:
    guild = bot.get_guild(guild_id)
    return guild.get_channel(channel_id).permissions_for(guild.me)


def _cached_role(bot: Any, guild_id: int, role_id: int) -> bool:
    return bot.get_guild(guild_id).get_role(role_id) is not None


def _bot_can_mention_everyone(bot: Any, guild_id: int) -> bool:
    return bool(bot.get_guild(guild_id).me.guild_permissions.mention_everyone)


def two_packs(tmp_path: Path) -> Path:
    """A shows folder with the XO, Kitty pack and a copy of it, "Kitty Forever" (not default)."""
    shows = tmp_path / "shows"
    shows.mkdir()
    pack = (REPO / "data" / "shows" / "xo-kitty.toml").read_text("utf-8")
    (shows / "xo-kitty.toml").write_text(pack, "utf-8")
    second = pack.replace('slug = "xo-kitty"', 'slug = "kitty-forever"', 1)
    second = second.replace('title = "XO, Kitty"', 'title = "Kitty Forever"', 1)
    second = second.replace('aliases = ["XO Kitty", "XOKitty"]', "aliases = []", 1)
    (shows / "kitty-forever.toml").write_text(
        second.replace("default = true", "default = false", 1)
    )
    return shows


def told_apart(tmp_path: Path) -> Path:
    """``two_packs``, Kitty Forever's S1E4 titled "TGIF Forever": an answer names its show."""
    shows = two_packs(tmp_path)
    forever = (shows / "kitty-forever.toml").read_text("utf-8")
    (shows / "kitty-forever.toml").write_text(forever.replace('"TGIF"', '"TGIF Forever"', 1))
    return shows


async def test_with_two_packs_a_moderator_picks_the_show(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shows = two_packs(tmp_path)
    async with (
        Sandbox(guilds=1) as sb,
        moderator_bot(sb, tmp_path, monkeypatch, shows_dir=shows) as bot,
    ):
        choices = await sb.autocomplete(
            "setup", {"show": "fore"}, focused="show", subcommand="show"
        )
        assert choices == [{"name": "Kitty Forever", "value": "kitty-forever"}]
        assert (
            len(await sb.autocomplete("setup", {"show": ""}, focused="show", subcommand="show"))
            == 2
        )
        refused(await sb.invoke("setup", {"show": "Gossip Girl"}, subcommand="show"), "Installed:")
        reply = await sb.invoke("setup", {"show": "kitty-forever"}, subcommand="show")
        assert reply.ephemeral and "**Kitty Forever**" in reply.content
        assert (await bot.store.guilds.get(sb.guild.id)).show_slug == "kitty-forever"
        reply = await sb.invoke("setup", subcommand="view")
        assert {f["name"]: f["value"] for f in reply.embeds[0]["fields"]}["Show"] == "Kitty Forever"
        # /setup reset takes the server back to the default show: its reply says so, as it
        # says every other setting it undoes (it named none of the show).
        reply = await sb.invoke("setup", subcommand="reset")
        assert "back to the defaults: **XO, Kitty** (news and fans' commands)" in reply.content
        assert show_for(bot.catalog, await bot.store.guilds.get(sb.guild.id)).slug == "xo-kitty"


async def test_setup_view_warns_when_the_ping_role_stopped_working(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """/setup role checks the role once; view said nothing when it was deleted, or when the
    bot lost the right to ping it, while every announcement pinged no one."""
    async with Sandbox(guilds=1) as sb, moderator_bot(sb, tmp_path, monkeypatch) as bot:
        gid = sb.guild.id
        await sb.invoke("setup", {"channel": "announcements"}, subcommand="channel")

        async def role_notes() -> str | None:
            reply = await sb.invoke("setup", subcommand="view")
            return {f["name"]: f["value"] for f in reply.embeds[0]["fields"]}.get("Ping role now")

        # A quiet role, pingable only with Mention Everyone, which the bot then loses.
        quiet = sb.add_role(gid, "Quiet")
        await until(lambda: _cached_role(bot, gid, quiet))
        reply = await sb.invoke("setup", {"role": "Quiet"}, subcommand="role")
        assert "Announcements will ping" in reply.content
        assert await role_notes() is None  # pingable with Mention Everyone, and assignable
        sb.set_bot_role_permissions(gid, perms.BOT_DEFAULT & ~perms.MENTION_EVERYONE)
        await until(lambda: not _bot_can_mention_everyone(bot, gid))
        notes = await role_notes()
        assert notes is not None and "I can't ping" in notes and "isn't mentionable" in notes
        sb.set_bot_role_permissions(gid, perms.BOT_DEFAULT)
        await until(lambda: _bot_can_mention_everyone(bot, gid))

        # A role the bot can hand out and ping: nothing to say.
        await sb.invoke("setup", {"role": "News pings"}, subcommand="role")
        assert await role_notes() is None

        # Deleted since: said plainly, with what to run.
        news_role = sb.guild.role("News pings")
        sb.server.gateway.dispatch(
            "GUILD_ROLE_DELETE",
            {"guild_id": str(gid), "role_id": str(news_role)},
            intent=GUILDS_INTENT,
        )
        cached = bot.get_guild(gid)
        assert cached is not None
        await until(lambda: cached.get_role(news_role) is None)
        notes = await role_notes()
        assert notes is not None and "no longer exists" in notes and "/setup role" in notes


async def test_setup_view_does_not_say_posting_when_the_bot_cannot_post(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """View's headline said "🟢 posting news" while its own checks below said the news
    channel no longer existed, or that the bot may not send there: nothing is posted until a
    moderator acts (the first news is refused, and the server paused)."""
    async with Sandbox(guilds=1) as sb, moderator_bot(sb, tmp_path, monkeypatch) as bot:
        gid = sb.guild.id

        async def headline() -> str:
            reply = await sb.invoke("setup", subcommand="view")
            assert reply.ephemeral
            return str(reply.embeds[0]["description"])

        await sb.invoke("setup", {"channel": "news"}, subcommand="channel")
        assert "posting news" in await headline()

        news = sb.guild.channel("news")
        sb.set_bot_permissions(news, deny=perms.SEND_MESSAGES)
        await until(lambda: not _bot_perms_in(bot, gid, news).send_messages)
        text = await headline()
        assert "posting news" not in text and "Send Messages" in text and "/setup" in text

        await sb.invoke("setup", {"channel": "announcements"}, subcommand="channel")
        announcements = sb.guild.channel("announcements")
        sb.delete_channel(announcements)
        await until(lambda: bot.get_channel(announcements) is None)
        text = await headline()
        assert "posting news" not in text and "no longer exists" in text
        assert "/setup channel" in text


def _bot_perms_in(bot: Any, guild_id: int, channel_id: int) -> Any:
    guild = bot.get_guild(guild_id)
    return guild.get_channel(channel_id).permissions_for(guild.me)


async def test_fans_are_answered_about_the_show_the_server_follows(tmp_path: Path) -> None:
    """/setup show changed the server's news, card and events only: /status, /episode, /cast,
    /recap and /progress still answered about the default show there."""
    shows = told_apart(tmp_path)
    no_feeds = tmp_path / "no-shared-feeds.toml"
    async with (
        Sandbox(guilds=2) as sb,
        running_bot(sb, tmp_path, shows_dir=shows, feeds_file=no_feeds),
    ):
        await sb.invoke("setup", {"show": "kitty-forever"}, subcommand="show")

        async def titles(command: str, options: dict[str, Any], **where: Any) -> list[str]:
            reply = await sb.invoke(command, options, user="member", **where)
            assert reply.embeds, reply.content
            return reply.titles

        assert await titles("status", {"season": 1}) == ["Kitty Forever: season 1 status"]
        assert await titles("cast", {}) == ["Kitty Forever: cast (all seasons)"]
        assert await titles("episode", {"episode": "S1E4"}) == ["S1E4 · TGIF Forever"]
        assert await titles("recap", {"season": 1}) == ["Recap · Kitty Forever season 1"]
        typed = await sb.autocomplete("episode", {"episode": "S1E4"}, focused="episode")
        assert typed == [{"name": "S1E4 · TGIF Forever", "value": "S1E4"}]
        saved = await sb.invoke("progress", {"episode": "S1E4"}, subcommand="set", user="member")
        assert "Kitty Forever" in saved.content, saved.content
        # A server that chose none, and a DM, mean the default show.
        assert await titles("cast", {}, guild=1) == ["XO, Kitty: cast (all seasons)"]
        assert await titles("episode", {"episode": "S1E4"}, dm=True) == ["S1E4 · TGIF"]


async def test_a_show_stored_for_a_server_is_not_its_show_without_the_bot(tmp_path: Path) -> None:
    """A fan's own install in a server without the bot (one that removed it: its settings are
    kept for a while) was answered about the show that server had chosen, its /progress saved
    under it, while /recap there kept the default rule: the server's choice holds only where
    the server has the bot, as its spoiler rule does."""
    shows = told_apart(tmp_path)
    no_feeds = tmp_path / "no-shared-feeds.toml"
    async with (
        Sandbox(guilds=2) as sb,
        running_bot(sb, tmp_path, shows_dir=shows, feeds_file=no_feeds) as bot,
    ):
        sb.install_app("member")
        elsewhere = sb.add_external_guild()
        await bot.store.guilds.update(elsewhere.id, show_slug="kitty-forever")
        where: dict[str, Any] = {"guild": elsewhere, "user": "member"}
        reply = await sb.invoke("episode", {"episode": "S1E4"}, **where)
        assert reply.titles == ["S1E4 · TGIF"], reply.titles
        typed = await sb.autocomplete("episode", {"episode": "S1E4"}, focused="episode", **where)
        assert typed == [{"name": "S1E4 · TGIF", "value": "S1E4"}]
        saved = await sb.invoke("progress", {"episode": "S1E4"}, subcommand="set", **where)
        assert "XO, Kitty" in saved.content, saved.content
        # The server with the bot that chose it: its fans' own installs follow its choice.
        other = sb.guilds[1]
        await bot.store.guilds.update(other.id, show_slug="kitty-forever")
        here = await sb.invoke("episode", {"episode": "S1E4"}, guild=other, user="member")
        assert here.titles == ["S1E4 · TGIF Forever"], here.titles
