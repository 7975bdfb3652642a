"""The sandbox console: line parsing, script JSON lines, the interactive prompt."""

from __future__ import annotations

import asyncio
import io
import json
import os
import re
import signal
import sys
import tomllib
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from discord.ext import commands

from bot.news.parse import parse_feed
from bot.sandbox.console import (
    SAMPLE_FEEDS,
    LineError,
    _run_interactive,
    _sample_feeds,
    parse_command_line,
    readable,
    replay,
    reply_record,
    run_console,
    run_line,
)
from bot.sandbox.driver import Sandbox
from tests.conftest import REPO

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize(
    ("line", "names", "expected"),
    [
        ("/cast name:Min Ho", None, ("cast", [], {"name": "Min Ho"})),
        ("/ping", None, ("ping", [], {})),
        (
            "/recap season:1 episode:4 private:true",
            None,
            ("recap", [], {"season": "1", "episode": "4", "private": "true"}),
        ),
        (
            "/feeds add url:https://a.example/x  note:hi there",
            ["url", "note"],
            ("feeds", ["add"], {"url": "https://a.example/x", "note": "hi there"}),
        ),
        # Without the option names, a `word:` inside a value would split it.
        ("/say text:see also: this", ["text"], ("say", [], {"text": "see also: this"})),
        ("/feeds rules set keyword:", None, ("feeds", ["rules", "set"], {"keyword": ""})),
    ],
)
def test_parse_command_line(
    line: str, names: list[str] | None, expected: tuple[str, list[str], dict[str, str]]
) -> None:
    parsed = parse_command_line(line, names)
    assert (parsed.name, parsed.path, parsed.options) == expected


@pytest.mark.parametrize(
    ("line", "names", "message"),
    [
        ("cast name:x", None, "start with /"),
        ("/", None, "start with /"),
        ("/cast nme:x", ["name"], "unknown option 'nme'"),
        ("/cast name:a name:b", None, "given twice"),
    ],
)
def test_parse_command_line_rejects(line: str, names: list[str] | None, message: str) -> None:
    with pytest.raises(LineError, match=message):
        parse_command_line(line, names)


async def test_lines_run_against_the_bot(sandbox: Sandbox, probe: commands.Bot) -> None:
    reply = await run_line(sandbox, "/feeds add url:https://example.org/feed?x=1:2")
    assert reply.content == "added https://example.org/feed?x=1:2"
    cast = await run_line(sandbox, "/cast name:Min Ho")
    record = reply_record("/cast name:Min Ho", cast)
    assert record == {
        "command": "/cast name:Min Ho",
        "content": "",
        "embeds": cast.embeds,
        "ephemeral": False,
    }
    assert cast.embeds[0]["title"] == "Min Ho"
    rule = await run_line(sandbox, "/feeds rules set keyword:filming wrapped")
    assert rule.content == "rule filming wrapped"


async def test_interactive_prompt_renders_and_ends_at_eof(
    sandbox: Sandbox, probe: commands.Bot
) -> None:
    stdin = io.StringIO("# a comment\n\n/cast name:Yuri Han\n/secret\nhelp\n/nope\n")
    out = io.StringIO()
    await _run_interactive(sandbox, stdin, out)
    text = out.getvalue()
    assert "offline sandbox" in text and "DISCORD_TOKEN" in text
    assert text.count("kissbot> ") == 7  # six lines, then EOF
    assert "== Yuri Han ==" in text and "Show: XO, Kitty" in text
    assert "(only you can see this)\nonly you" in text
    assert "/feeds rules set keyword:…" in text  # from `help`
    assert "error: /nope is not synced" in text


async def test_run_console_script_prints_one_json_line_per_command(tmp_path: Path) -> None:
    from bot.settings import Settings

    script = tmp_path / "script.txt"
    # With the byte-order mark an editor on Windows writes, once read as part of line one.
    script.write_text("# smoke\n/ping\n\n/definitely-not-a-command\n", encoding="utf-8-sig")
    out = io.StringIO()
    settings = Settings(database_path=tmp_path / "unused.db")
    status = await run_console(settings, script=script, interactive_in=io.StringIO(), out=out)
    assert status == 0
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["command"] for r in rows] == ["/ping", "/definitely-not-a-command"]
    assert set(rows[0]) >= {"content", "embeds", "ephemeral"} and "error" not in rows[0]
    assert "not synced" in rows[1]["error"]


async def test_a_stray_byte_in_a_script_costs_only_its_own_line(tmp_path: Path) -> None:
    """One Latin-1 byte (a script saved by an old editor) refused the whole script, exit
    status 2, where `classify` reads the same byte as costing only its own line."""
    from bot.settings import Settings

    script = tmp_path / "script.txt"
    script.write_bytes(b"/ping\n/cast name:caf\xe9\n/ping\n")
    out = io.StringIO()
    settings = Settings(database_path=tmp_path / "unused.db")
    status = await run_console(settings, script=script, interactive_in=io.StringIO(), out=out)
    assert status == 0
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["command"] for r in rows] == ["/ping", "/cast name:caf\ufffd", "/ping"]
    assert rows[0]["content"] == rows[2]["content"] == "pong"
    assert "not UTF-8" in rows[1]["error"] and "byte 15" in rows[1]["error"]
    assert set(rows[1]) == {"command", "error"}  # refused, not run with a mangled name


async def test_sample_feeds_are_served_from_loopback(sandbox: Sandbox, tmp_path: Path) -> None:
    folder = tmp_path / "samples"
    folder.mkdir()
    (folder / "tudum.xml").write_bytes(b"<rss version='2.0'><channel/></rss>")
    listing = tmp_path / "feeds.toml"
    assert _sample_feeds(sandbox, folder, listing) == 1
    (feed,) = tomllib.loads(listing.read_text("utf-8"))["feed"]
    assert feed["url"].startswith("http://127.0.0.1:")
    async with aiohttp.ClientSession() as http, http.get(feed["url"]) as response:
        assert response.status == 200
        assert await response.read() == b"<rss version='2.0'><channel/></rss>"
    assert _sample_feeds(sandbox, tmp_path / "absent", listing) == 0


async def test_mentions_and_timestamps_read_as_discord_shows_them(sandbox: Sandbox) -> None:
    # The console showed "News will be posted in <#1191…>." and dates as "<t:1684411200:D>".
    ids = sandbox.guild
    now = datetime(2023, 5, 1, tzinfo=UTC)
    text = (
        f"in <#{ids.channel('announcements')}>, ping <@&{ids.role('News pings')}> "
        f"and <@&{ids.id}>, by <@{ids.admin_id}>; out <t:1684411200:D> (<t:1684411200:R>), "
        "<t:1684411200>, <t:1684411200:t>; <#1> <t:999999999999:D> <https://a.example/>"
    )
    assert readable(text, sandbox.world, now) == (
        "in #announcements, ping @News pings and @everyone, by @ada_admin; "
        "out 18 May 2023 (in 17 days), 18 May 2023 12:00 UTC, 12:00 UTC; "
        "<#1> <t:999999999999:D> <https://a.example/>"
    )
    assert readable("<t:1684411200:R>", sandbox.world, datetime(2025, 5, 1, tzinfo=UTC)) == (
        "1 year ago"
    )
    assert readable(text, None) == text  # JSON records keep Discord's markup
    # A command mention (/about's guide) reads as the command a fan types.
    assert readable("</feeds add:123456> · </cast:7>", sandbox.world) == "/feeds add · /cast"


async def test_the_prompt_names_channels_not_ids(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.e2e.test_moderator_kit import moderator_bot

    async with Sandbox(guilds=1) as sb, moderator_bot(sb, tmp_path, monkeypatch):
        out = io.StringIO()
        await _run_interactive(sb, io.StringIO("/setup channel channel:announcements\n"), out)
    assert "News will be posted in #announcements." in out.getvalue()


async def test_roles_and_channels_are_found_as_a_newcomer_types_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "@everyone" could not be named at all, a name's case had to match, and a miss said
    # "no user/role 'news' here (type 8)" without naming any role there is.
    from tests.e2e.test_moderator_kit import moderator_bot

    async with Sandbox(guilds=1) as sb, moderator_bot(sb, tmp_path, monkeypatch):
        refusal = await run_line(sb, "/setup role role:@everyone")
        assert "I never ping @everyone" in refusal.content
        reply = await run_line(sb, "/setup role role:news pings")
        assert f"<@&{sb.guild.role('News pings')}>" in reply.content
        reply = await run_line(sb, "/setup channel channel:Announcements")
        assert f"<#{sb.guild.channel('announcements')}>" in reply.content
        with pytest.raises(ValueError, match=r"no role 'news' here \(@everyone, News pings, "):
            await run_line(sb, "/setup role role:news")
        with pytest.raises(ValueError, match=r"no channel 'anouncements' \(channels: #general, "):
            await run_line(sb, "/setup channel channel:anouncements")


@pytest.mark.parametrize("sample", ["netflix-news.xml", "kdrama-weekly.xml"])
def test_a_sample_feed_replays_its_newest_entry_as_news(sample: str) -> None:
    """The samples are past events: served as they are, the console could never post one."""
    raw = (SAMPLE_FEEDS / sample).read_bytes()
    newest = parse_feed(raw, "http://127.0.0.1/s").articles[0]
    when = datetime(2026, 11, 29, 15, 0, tzinfo=UTC)
    body = replay(raw, clock=lambda: when)
    backlog = parse_feed(body(), "http://127.0.0.1/s").articles
    assert backlog and newest.key not in {a.key for a in backlog}
    later = parse_feed(body(), "http://127.0.0.1/s").articles
    assert [a.key for a in later] == [newest.key, *(a.key for a in backlog)]
    assert later[0].title == newest.title and later[0].published == when
    assert body() == body()  # dated once: the same entry, not news again at each poll


_SET_UP = b"/setup channel channel:announcements\n/setup mode mode:all\n"


@asynccontextmanager
async def _console() -> AsyncIterator[tuple[Callable[[bytes], object], io.StringIO]]:
    """The console on a pipe, polling each second: (what types into it, what it shows)."""
    from bot.settings import Settings

    read, write = os.pipe()
    stdin = os.fdopen(read, encoding="utf-8")
    out = io.StringIO()
    settings = Settings(feed_poll_seconds=1)
    console = asyncio.create_task(run_console(settings, script=None, interactive_in=stdin, out=out))
    try:
        yield (lambda line: os.write(write, line)), out
    finally:
        os.close(write)  # end of input: the console quits
        assert await asyncio.wait_for(console, 30) == 0


async def _wait_until(done: Callable[[], bool], why: Callable[[], object]) -> None:
    deadline = asyncio.get_running_loop().time() + 30
    while not done():
        assert asyncio.get_running_loop().time() < deadline, why()
        await asyncio.sleep(0.2)


def _two_posts(out: io.StringIO) -> bool:
    return out.getvalue().count("[#announcements]") >= 2


async def test_the_console_posts_the_replayed_headlines_in_all_news_mode() -> None:
    async with _console() as (type_in, out):
        type_in(_SET_UP)
        await _wait_until(lambda: _two_posts(out), lambda: out.getvalue()[-3000:])
    posts = out.getvalue().split("[#announcements]")[1:]
    assert any("Netflix renews XO, Kitty for a third season" in p for p in posts)
    assert any("opens at No. 2" in p for p in posts)


async def test_a_role_is_found_by_its_mention_and_its_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Case-insensitive names stripped only "<&>", so "<@&id>" (as script JSON and Discord show a
    # role) became "@&id", neither an id nor a name: "no role '<@&…>' here".
    from tests.e2e.test_moderator_kit import moderator_bot

    async with Sandbox(guilds=1) as sb, moderator_bot(sb, tmp_path, monkeypatch):
        role = sb.guild.role("News pings")
        for typed in (f"<@&{role}>", str(role), f"@{role}"):
            reply = await run_line(sb, f"/setup role role:{typed}")
            assert f"<@&{role}>" in reply.content, typed


async def test_the_replayed_headlines_wait_for_a_newcomer_who_sets_up_late(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The entry came back at the second poll whatever the server's settings: a newcomer who
    # typed /setup after it (30-60 s into the console) never saw a post, and never would.
    from bot.sandbox import console as module

    fetches: list[int] = []

    def counted(feed: bytes, **kwargs: Any) -> Callable[[], bytes]:
        body = replay(feed, **kwargs)
        slot = len(fetches)
        fetches.append(0)

        def fetch() -> bytes:
            fetches[slot] += 1
            return body()

        return fetch

    monkeypatch.setattr(module, "replay", counted)
    async with _console() as (type_in, out):
        # The newcomer is still reading the banner while every feed is polled thrice.
        await _wait_until(lambda: bool(fetches) and min(fetches) >= 3, lambda: fetches)
        type_in(_SET_UP)
        await _wait_until(lambda: _two_posts(out), lambda: out.getvalue()[-3000:])


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
async def test_the_console_stops_cleanly_on_sigterm_or_ctrl_c(
    tmp_path: Path, sig: signal.Signals
) -> None:
    """`make run` with no token: a SIGTERM (`kill`, a terminal closed by its manager, `docker
    stop`) killed the console outright, exit status 143, with its sandbox database left in
    /tmp and a warning of leaked semaphores from the parse workers; it now ends as Ctrl-C and
    end of input do: everything closed, exit 0."""
    env = {**os.environ, "DISCORD_TOKEN": "", "DATABASE_PATH": str(tmp_path / "k.db")}
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        cwd=REPO,
        env={**env, "PYTHONUNBUFFERED": "1"},
        stdin=asyncio.subprocess.PIPE,  # left open: a newcomer at the prompt
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    errors = asyncio.create_task(proc.stderr.read())
    seen = b""
    while b"kissbot> " not in seen:
        chunk = await asyncio.wait_for(proc.stdout.read(4096), 60)
        assert chunk, "the console ended before its prompt"
        seen += chunk
    proc.send_signal(sig)
    assert await asyncio.wait_for(proc.wait(), 20) == 0
    stderr = (await errors).decode()
    assert "Traceback" not in stderr and "leaked" not in stderr, stderr[-2000:]
    database = re.search(r"database in (\S+)", stderr)
    assert database is not None  # and cleaned up on the way out:
    assert not await asyncio.to_thread(Path(database[1]).exists)
