"""Security, end to end: hostile feed text, members at moderator commands, a leaked token,
and the address guard as the bot really uses it.

The guard's own decisions (every private, loopback and odd address form, names and
redirects) are in tests/unit/test_guard.py; here the bot runs with its default
``ALLOW_PRIVATE_FEEDS`` off and only loopback forms are ever tried live. Every feed
session in this module resolves names through a stub and connects through a tripwire
that fails the test before a socket is opened to anything but 127.0.0.1 or ::1.
"""

from __future__ import annotations

import asyncio
import ipaddress
import json
import re
import sqlite3
import subprocess
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from bot.client import KissBot
from bot.moderation.cooldown import GuildCooldown
from bot.news import guard
from bot.news.fetch import DISABLE_AFTER_FAILURES, fetch_feed
from bot.news.guard import GuardedResolver
from bot.news.pipeline import poll_feed
from bot.sandbox.driver import Sandbox, spawn_bot
from bot.sandbox.state import Message
from bot.settings import Settings
from tests.e2e.test_moderator_kit import Item, refused, rss
from tests.e2e.test_moderator_setup import VALID_OPTIONS
from tests.feedserver import FeedServer, LoopbackTripwire, LoopbackViolation, StubResolver
from tests.reliability.conftest import bot_world, quiet_bot, until

pytestmark = pytest.mark.e2e

# --- hostile feed text --------------------------------------------------------------------


def hostile(sb: Sandbox) -> str:
    """Every way a headline could try to ping or link, using the guilds' real ids."""
    a, b = sb.guilds
    return (
        f"@everyone @here <@{sb.member_id}> <@!{sb.admin_id}> "
        f"<@&{a.role('Moderators')}> <@&{b.role('Moderators')}> <@&{a.id}> "
        f"<@&{a.role('News pings')}> <@&{b.role('News pings')}> <#{a.channel('general')}> "
        "[click](https://evil.example/login) [https://news.example](https://evil.example/x) "
        "https://evil.example/phish ||spoiler|| **bold**"
    )


def embed_text(message: Message) -> str:
    parts: list[str] = []
    for embed in message.embeds:
        parts += [str(embed.get(k) or "") for k in ("title", "description", "url")]
        parts += [f"{f.get('name')}\n{f.get('value')}" for f in embed.get("fields") or []]
        parts.append(str((embed.get("footer") or {}).get("text") or ""))
    return "\n".join(parts)


async def test_feed_text_pings_no_one_but_the_chosen_role_and_links_nowhere(
    tmp_path: Path,
) -> None:
    async with bot_world(tmp_path, guilds=2) as (sb, server, bot):
        with_role, without_role = sb.guilds
        for guild, role in ((with_role, with_role.role("News pings")), (without_role, None)):
            await bot.store.guilds.update(
                guild.id, channel_id=guild.channel("announcements"), role_id=role, mode="all"
            )
        nasty = hostile(sb)
        old = Item("old", "XO, Kitty season 3 recap")
        server.serve("/outlet.xml", rss("Outlet", [old]))
        feed = await bot.store.feeds.add(server.url("/outlet.xml"), shared=True)
        await poll_feed(bot.news.deps, feed)
        items = [
            # A status change (rendered as a change card) and plain show news (an article
            # card, with its summary): both carry the hostile text.
            Item("change", f"XO, Kitty season 4 has started filming {nasty}", summary=nasty),
            Item("news", f"XO, Kitty cast share set photos {nasty}", summary=f"Look! {nasty}"),
            old,
        ]
        server.serve("/outlet.xml", rss("Outlet", items))
        primed = await bot.store.feeds.get(feed.id)
        assert primed is not None
        assert (await poll_feed(bot.news.deps, primed)).queued == 4
        await bot.news.drain()

        for guild, role in ((with_role, with_role.role("News pings")), (without_role, None)):
            posts = sb.messages(guild.channel("announcements"))
            assert len(posts) == 2
            assert any(f["name"] == "Summary" for p in posts for f in p.embeds[0]["fields"])
            for post in posts:
                assert not post.pinged_everyone and post.pinged_users == ()
                assert post.pinged_roles == ((role,) if role else ())
                assert post.content == (f"<@&{role}>" if role else "")
                assert_inert(embed_text(post))


async def test_a_feed_servers_words_in_a_disable_notice_are_inert(tmp_path: Path) -> None:
    # The notice quotes the last error, which quotes the server's status line.
    async with bot_world(tmp_path, guilds=2) as (sb, server, bot):
        guild = sb.guild
        await bot.store.guilds.update(guild.id, channel_id=guild.channel("announcements"))
        nasty = hostile(sb)

        async def answer(request: web.Request) -> web.Response:
            return web.Response(status=503, reason=nasty)

        server.route("/evil.xml", answer)
        notice = await disable_notice(sb, bot, server.url("/evil.xml"))
        assert not notice.pinged_everyone and not notice.pinged_roles and not notice.pinged_users
        assert_inert(notice.content)


async def test_a_feed_servers_bidi_override_cannot_reorder_a_disable_notice(
    tmp_path: Path,
) -> None:
    # The status line's reason is the server's own text, read by no HTML cleaner: a
    # right-to-left override in it ran on to the end of the notice and showed the bot's
    # own words after it reversed.
    async with bot_world(tmp_path, guilds=1) as (sb, server, bot):
        guild = sb.guild
        await bot.store.guilds.update(guild.id, channel_id=guild.channel("announcements"))

        async def answer(request: web.Request) -> web.Response:
            return web.Response(status=503, reason="Down \u202eevom \u2066ew")

        server.route("/rtl.xml", answer)
        notice = await disable_notice(sb, bot, server.url("/rtl.xml"))
        assert "HTTP 503 Down evom ew." in notice.content, notice.content
        assert not any(
            ch in notice.content for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
        )


async def disable_notice(sb: Sandbox, bot: KissBot, url: str) -> Message:
    """Follow ``url`` in the first guild, poll it until it is disabled, and return the one
    notice its moderators got."""
    guild = sb.guild
    feed = await bot.store.feeds.add(url)
    await bot.store.feeds.subscribe(guild.id, feed.id, added_by=sb.admin_id)
    for _ in range(DISABLE_AFTER_FAILURES):
        row = await bot.store.feeds.get(feed.id)
        assert row is not None and row.enabled
        await poll_feed(bot.news.deps, row)
    await bot.news.drain()
    (notice,) = sb.messages(guild.channel("announcements"))
    assert notice.content.startswith("I stopped polling the feed")
    return notice


async def test_a_disable_notice_for_a_feed_with_a_long_address_still_reaches_moderators(
    tmp_path: Path,
) -> None:
    # A URL may be 2,048 characters long: quoted whole beside the reason, the notice was
    # past Discord's 2,000 and refused, so moderators never heard their feed had stopped.
    async with bot_world(tmp_path, guilds=1) as (sb, server, bot):
        guild = sb.guild
        await bot.store.guilds.update(guild.id, channel_id=guild.channel("announcements"))
        server.status("/long.xml", 503, body=b"down")
        url = server.url("/long.xml?q=" + "kitty" * 390)
        assert len(url) <= guard.MAX_URL_LENGTH
        notice = await disable_notice(sb, bot, url)
        assert len(notice.content) <= 2000 and "/feeds list" in notice.content


async def test_a_feed_address_in_a_disable_notice_cannot_end_its_link_early(
    tmp_path: Path,
) -> None:
    # The address is quoted in <…> (no preview), and /feeds add stores it as typed: a ">" in
    # it closed the brackets, and what followed was the bot's own masked link and markdown.
    async with bot_world(tmp_path, guilds=1) as (sb, server, bot):
        guild = sb.guild
        await bot.store.guilds.update(guild.id, channel_id=guild.channel("announcements"))
        server.status("/gt.xml", 503, body=b"down")
        url = server.url("/gt.xml?a=>[Re-verify](https://evil.example/)**now**")
        notice = await disable_notice(sb, bot, url)
        address = re.fullmatch(r"I stopped polling the feed <([^<>\s]+)>: .*", notice.content)
        assert address is not None, notice.content
        assert "[" not in address[1] and "](" not in notice.content


def assert_inert(text: str) -> None:
    """The hostile words are shown, and none of them works."""
    assert "evil.example" in text and "everyone" in text
    assert not re.search(r"(?<!\\)\]\(", text), text  # no masked link
    assert not re.search(r"https?://evil", text), text  # no bare link
    assert not re.search(r"@(everyone|here)", text), text
    assert not re.search(r"<[@#]", text), text  # no mention syntax at all
    assert not re.search(r"(?<!\\)\|\|", text), text  # no spoiler toggles


# --- moderator commands -----------------------------------------------------------------


def moderator_subcommands(commands: list[dict[str, Any]]) -> Iterator[tuple[str, str]]:
    """(command, subcommand) for every synced command that needs a permission by default."""
    for command in commands:
        if not int(command.get("default_member_permissions") or 0):
            continue
        for option in command.get("options") or []:
            if option["type"] == 1:
                yield command["name"], option["name"]
            elif option["type"] == 2:
                for sub in option.get("options") or []:
                    yield command["name"], f"{option['name']} {sub['name']}"


async def test_every_moderator_command_the_bot_ships_refuses_a_plain_member(
    tmp_path: Path,
) -> None:
    # The full bot (every cog), global commands, in a server other than the dev guild: any
    # command that asks Discord to hide it from members must also refuse them itself.
    async with Sandbox(guilds=2) as sb, quiet_bot(sb, tmp_path) as bot:
        found = sorted(moderator_subcommands(sb.commands(scope_global=True)))
        assert ("setup", "channel") in found and ("feeds", "add") in found
        unknown = [pair for pair in found if pair not in VALID_OPTIONS]
        assert not unknown, f"new moderator subcommands: add them to VALID_OPTIONS: {unknown}"
        guild = sb.guilds[1]
        for name, sub in found:
            reply = await sb.invoke(
                name, VALID_OPTIONS[(name, sub)], subcommand=sub.split(), user="member", guild=1
            )
            refused(reply, "You need Manage Server")
            assert not reply.embeds and not reply.followups
        settings = await bot.store.guilds.get(guild.id)
        assert settings.channel_id is None and await bot.store.feeds.all() == []
        assert all(sb.messages(channel) == [] for channel in guild.channels.values())


# --- the token --------------------------------------------------------------------------

CANARY = "MTAwMDAwMDAwMDAwMDAwMDAw.Q2FuYXJ5.kissbot-canary-6d2f9a41c7e0b853"
REJECTED = "MTk5OTk5OTk5OTk5OTk5OTk5.UmVqZWN0.kissbot-canary-rejected-0b8e13f2"


def everything_discord_saw(sb: Sandbox) -> str:
    messages = [m.raw for m in sb.world.messages_by_id.values()]
    interactions = [
        {"callback": r.callback, "followups": [m.raw for m in r.followups]} for r in sb.interactions
    ]
    return json.dumps([messages, interactions], default=str)


def database_bytes(folder: Path) -> bytes:
    """The database file with its WAL and shared-memory files."""
    return b"".join(p.read_bytes() for p in folder.glob("kissbot.db*"))


def read_all(*paths: Path) -> str:
    return "\n".join(p.read_text("utf-8", errors="replace") for p in paths if p.exists())


async def run_to_exit(sb: Sandbox, env: dict[str, str], database: Path, log: Path) -> int:
    with log.open("wb") as out:
        proc = await spawn_bot(
            sb, env, database_path=database, stdout=out.fileno(), stderr=subprocess.STDOUT
        )
    return await asyncio.wait_for(proc.wait(), 30)


async def test_a_canary_token_never_shows_in_output_replies_or_the_database(
    tmp_path: Path,
) -> None:
    quiet = {"FEEDS_FILE": str(tmp_path / "no-feeds.toml"), "LOG_LEVEL": "DEBUG"}
    async with Sandbox(guilds=1) as sb:
        # Discord refuses the token; then a bad setting next to it.
        log = tmp_path / "rejected.log"
        env = {**quiet, "DISCORD_TOKEN": REJECTED}
        assert await run_to_exit(sb, env, tmp_path / "a.db", log) == 3  # TOKEN_REJECTED
        assert "Discord rejected DISCORD_TOKEN" in log.read_text()
        bad = tmp_path / "bad-setting.log"
        env = {**quiet, "DISCORD_TOKEN": REJECTED, "FEED_POLL_SECONDS": "0"}
        assert await run_to_exit(sb, env, tmp_path / "b.db", bad) == 2
        assert "bad setting FEED_POLL_SECONDS" in bad.read_text()
        assert REJECTED not in read_all(log, bad) + everything_discord_saw(sb)

    sb = Sandbox(guilds=1)
    sb.world.token = CANARY  # this Discord accepts the canary as the bot's token
    async with sb, FeedServer() as server:
        for path in ("/broken.xml", "/also-broken.xml"):
            server.status(path, 500, body=b"upstream exploded")
        feeds_file = tmp_path / "feeds.toml"
        feeds_file.write_text(f'[[feed]]\nurl = "{server.url("/broken.xml")}"\n', "utf-8")
        database, log = tmp_path / "kissbot.db", tmp_path / "accepted.log"
        env = {**quiet, "FEEDS_FILE": str(feeds_file), "FEED_POLL_SECONDS": "1"}
        with log.open("wb") as out:
            proc = await spawn_bot(
                sb, env, database_path=database, stdout=out.fileno(), stderr=subprocess.STDOUT
            )
        try:
            await sb.wait_for_identify()
            await sb.wait_for_commands()
            await until(lambda: server.hits("/broken.xml") >= 2, 15, "two failed polls")
            # A command that fails inside (a table vanished), and one refused for its input.
            with sqlite3.connect(database) as conn:
                conn.execute("DROP TABLE status_events")
            broken = await sb.invoke("status", {"season": 2})
            assert "Something went wrong (code " in broken.content
            url = server.url("/also-broken.xml")
            reply = await sb.invoke("feeds", {"url": url}, subcommand="add", timeout=10)
            assert reply.ephemeral and "500" in reply.text
        finally:
            proc.terminate()
            await asyncio.wait_for(proc.wait(), 15)

        output = log.read_text("utf-8", errors="replace")
        # The errors really were logged, in detail…
        assert "Traceback" in output and "command /status failed" in output
        assert "HTTP 500" in output and "discord.gateway" in output
        # …and the token is nowhere.
        assert CANARY not in output
        for record in sb.interactions:
            assert record.token not in output, record.name
        assert CANARY not in everything_discord_saw(sb)
        assert CANARY.encode() not in database_bytes(tmp_path)


# --- the address guard, as the bot uses it ---------------------------------------------


@pytest.fixture
def tripwire() -> LoopbackTripwire:
    return LoopbackTripwire()


@pytest.fixture
def stub_feed_session(
    monkeypatch: pytest.MonkeyPatch, tripwire: LoopbackTripwire
) -> Iterator[StubResolver]:
    """The bot's own feed session, but resolving through a stub and connecting through the
    tripwire. Names in the stub table point at loopback only."""
    from bot import app
    from bot.news.http import make_feed_session

    resolver = StubResolver(
        {"kitty-news.example": ["127.0.0.1"], "internal.example": ["127.0.0.2"]}
    )

    def guarded(settings: Settings) -> aiohttp.ClientSession:
        connector = aiohttp.TCPConnector(
            resolver=GuardedResolver(resolver, allow_private=settings.allow_private_feeds),
            socket_factory=tripwire,
        )
        return make_feed_session(settings, connector=connector)

    monkeypatch.setattr(app, "make_feed_session", guarded)
    yield resolver
    assert not tripwire.violations, f"connections left loopback: {tripwire.violations}"


@pytest.fixture
async def guarded_world(
    tmp_path: Path, stub_feed_session: StubResolver
) -> AsyncIterator[tuple[Sandbox, FeedServer, Any]]:
    async with bot_world(tmp_path, guilds=1, allow_private_feeds=False) as (sb, server, bot):
        assert not bot.settings.allow_private_feeds
        bot.get_cog("Feeds").add_cooldown = GuildCooldown(0)  # type: ignore[union-attr]
        server.serve("/feed.xml", rss("Kitty news", [Item("1", "XO, Kitty news")]))
        yield sb, server, bot


# Each spelling of this machine, and what the refusal calls it.
LOOPBACK_FORMS = {
    "127.0.0.1": "loopback address",
    "localhost": "loopback name",
    "[::1]": "loopback address",
    "0.0.0.0": "unspecified address",  # connecting to it reaches this machine on Linux
    "2130706433": "loopback address (127.0.0.1)",  # decimal
    "0x7f000001": "loopback address (127.0.0.1)",  # hex
    "0177.0.0.1": "loopback address (127.0.0.1)",  # octal
    "127.1": "loopback address (127.0.0.1)",  # short
    "[::ffff:127.0.0.1]": "loopback (IPv4 inside IPv6) address",  # IPv4-mapped IPv6
}


async def test_the_bot_refuses_loopback_feeds_in_every_spelling(
    guarded_world: tuple[Sandbox, FeedServer, Any],
) -> None:
    sb, server, bot = guarded_world
    for host, reason in LOOPBACK_FORMS.items():
        url = f"http://{host}:{server.port}/feed.xml"
        reply = await sb.invoke("feeds", {"url": url}, subcommand="add")
        refused(reply, "I won't fetch that address", reason)
    # A name is only judged once resolved: the fetch is refused at the resolver.
    named = f"http://kitty-news.example:{server.port}/feed.xml"
    reply = await sb.invoke("feeds", {"url": named}, subcommand="add", timeout=10)
    refused(reply, "couldn't fetch", "kitty-news.example resolves to a loopback address")

    # Feeds already in the store (an operator's list) are refused at poll time, with a reason.
    literal = await bot.store.feeds.add(server.url("/feed.xml"), shared=True)
    by_name = await bot.store.feeds.add(named, shared=True)
    await asyncio.gather(bot.news.poll(literal.id), bot.news.poll(by_name.id))
    for feed, reason in (
        (literal, "refused: 127.0.0.1 is a loopback address"),
        (by_name, "refused: kitty-news.example resolves to a loopback address"),
    ):
        row = await bot.store.feeds.get(feed.id)
        assert row is not None and row.failures == 1 and reason in (row.last_error or "")
    assert server.requests == []  # nothing reached the server
    assert await bot.store.feeds.for_guild(sb.guild.id) == []


@pytest.fixture
def loopback_server_counts_as_public(monkeypatch: pytest.MonkeyPatch) -> None:
    """Let exactly 127.0.0.1 through, so the feed server can play a public host that
    redirects elsewhere on loopback."""
    real: Callable[[guard.IPAddress], str | None] = guard.blocked_reason

    def patched(ip: guard.IPAddress) -> str | None:
        return None if ip == ipaddress.IPv4Address("127.0.0.1") else real(ip)

    monkeypatch.setattr(guard, "blocked_reason", patched)


@pytest.mark.usefixtures("loopback_server_counts_as_public")
async def test_a_redirect_to_a_private_address_is_refused_at_that_hop(
    guarded_world: tuple[Sandbox, FeedServer, Any],
) -> None:
    _, server, bot = guarded_world
    port = server.port
    targets = {
        "/to-v6": (f"http://[::1]:{port}/secret", "::1 is a loopback address"),
        "/to-hex": (f"http://0x7f000002:{port}/secret", "0x7f000002 is a loopback address"),
        "/to-name": (
            f"http://internal.example:{port}/secret",
            "internal.example resolves to a loopback address",
        ),
    }
    feeds = {}
    for path, (target, _) in targets.items():
        server.redirect(path, target)
        feeds[path] = await bot.store.feeds.add(server.url(path), shared=True)
    await asyncio.gather(*(bot.news.poll(f.id) for f in feeds.values()))
    for path, (_, reason) in targets.items():
        row = await bot.store.feeds.get(feeds[path].id)
        assert row is not None and reason in (row.last_error or ""), row
        assert server.hits(path) == 1
    assert server.hits("/secret") == 0


async def test_the_tripwire_holds_even_when_the_guard_is_broken(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # With the guard switched off entirely, private addresses get as far as the socket
    # factory, which refuses them: no test can reach past loopback by accident.
    monkeypatch.setattr(guard, "blocked_reason", lambda ip: None)
    tripwire = LoopbackTripwire()
    resolver = StubResolver({"intranet.example": ["192.168.0.1"]})
    connector = aiohttp.TCPConnector(
        resolver=GuardedResolver(resolver, allow_private=False), socket_factory=tripwire
    )
    async with aiohttp.ClientSession(connector=connector) as session:
        for url in ("http://10.0.0.1/", "http://169.254.169.254/", "http://intranet.example/"):
            result = await fetch_feed(
                session, url, etag=None, last_modified=None, body_hash=None, allow_private=False
            )
            assert result.status == "error"
    assert tripwire.violations == ["10.0.0.1", "169.254.169.254", "192.168.0.1"]
    assert tripwire.connects == []
    with pytest.raises(LoopbackViolation):
        tripwire((2, 1, 6, "", ("172.16.0.1", 80)))
