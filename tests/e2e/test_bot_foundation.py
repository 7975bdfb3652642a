"""The real kissbot, unchanged, through real sockets against the sandbox Discord."""

from __future__ import annotations

import asyncio
import logging
import os
import re
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bot.sandbox.driver import Sandbox, bot_settings, running_bot, spawn_bot
from bot.store import Store
from bot.store.db import migrations
from tests.conftest import REPO

pytestmark = pytest.mark.e2e


def quiet(tmp_path: Path) -> dict[str, object]:
    # No shared feeds: e2e tests must never try the real internet.
    return {"feeds_file": tmp_path / "no-feeds.toml"}


async def test_connect_sync_about_ping_and_survive_gateway_faults(tmp_path: Path) -> None:
    async with Sandbox(guilds=3) as sb, running_bot(sb, tmp_path, **quiet(tmp_path)) as bot:
        synced = {c["name"] for c in sb.commands(guild=sb.guild)}
        assert {"about", "ping", "cast", "episode", "recap", "status"} <= synced

        about = await sb.invoke("about")
        fields = {f["name"]: f["value"] for f in about.embeds[0]["fields"]}
        assert fields["Servers"] == "3" and fields["Version"]
        assert any(name.endswith("data") and "current to" in v for name, v in fields.items())
        assert not about.ephemeral

        ping = await sb.invoke("ping", user="member")
        assert ping.content == "pong" and ping.ephemeral

        await sb.reconnect()  # op 7: RESUME on the same session
        assert (await sb.invoke("ping")).content == "pong"
        await sb.invalidate_session(resumable=False)  # op 9: a fresh IDENTIFY
        assert (await sb.invoke("ping")).content == "pong"
        assert not bot.is_closed()


async def test_an_exception_in_a_command_gives_a_coded_ephemeral_error(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    async with Sandbox(guilds=1) as sb, running_bot(sb, tmp_path, **quiet(tmp_path)):
        # Break the store under /status from outside, as a corrupt table would.
        with sqlite3.connect(tmp_path / "kissbot.db") as conn:
            conn.execute("DROP TABLE status_events")
        broken = await sb.invoke("status", {"season": 2})
        assert broken.ephemeral
        assert "Something went wrong (code " in broken.content
        code = broken.content.split("code ")[1][:4]
        assert any(code in r.getMessage() and r.exc_info for r in caplog.records)
        assert (await sb.invoke("ping")).content == "pong"  # still answering


async def test_a_429_on_a_channel_post_is_ridden_out_and_posted_once(tmp_path: Path) -> None:
    async with Sandbox(guilds=1) as sb, running_bot(sb, tmp_path, **quiet(tmp_path)) as bot:
        channel = sb.guild.channels["announcements"]
        await bot.store.guilds.update(sb.guild.id, channel_id=channel)
        show = bot.catalog.default_show
        async with bot.store.db.transaction():
            await bot.store.outbox.enqueue(
                guild_id=sb.guild.id,
                channel_id=channel,
                dedupe_key="test:1",
                message={"content": "", "embed": {"title": f"{show.title} test"}},
            )
        sb.inject("POST", f"/channels/{channel}/messages", "429", count=2, retry_after=0.2)
        report = await bot.news.drain()
        assert report is not None and report.sent == 1
        posted = sb.messages(channel)
        assert [m.embeds[0]["title"] for m in posted] == [f"{show.title} test"]
        assert sb.route_429s >= 2


async def test_the_bot_exits_cleanly_on_sigterm(tmp_path: Path) -> None:
    async with Sandbox(guilds=1) as sb:
        proc = await spawn_bot(
            sb, {"FEEDS_FILE": str(tmp_path / "none.toml")}, database_path=tmp_path / "k.db"
        )
        await sb.wait_for_identify(1, timeout=30)
        await sb.wait_for_commands(sb.guild.id, timeout=30)
        assert (await sb.invoke("ping")).content == "pong"
        proc.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(proc.wait(), 20) == 0


async def test_a_sigterm_while_discord_is_gone_exits_without_waiting_out_the_reconnect(
    tmp_path: Path,
) -> None:
    """With Discord gone, discord.py waits out a growing backoff (up to 17 min) between
    reconnects and saw the bot's close only as it woke: a SIGTERM then exited that much
    later (25 s measured for a 25 s wait), where the README promises 10 s at most."""
    async with Sandbox(guilds=1) as sb:
        proc = await spawn_bot(
            sb,
            {"FEEDS_FILE": str(tmp_path / "none.toml"), "LOG_LEVEL": "WARNING"},
            database_path=tmp_path / "k.db",
            stderr=subprocess.PIPE,
        )
        await sb.wait_for_identify(1, timeout=30)
        await sb.wait_for_commands(sb.guild.id, timeout=30)
    # the sandbox is gone: each reconnect is refused, and the wait before the next grows
    assert proc.stderr is not None
    waits: list[float] = []
    while not waits or waits[-1] < 8:
        line = (await asyncio.wait_for(proc.stderr.readline(), 90)).decode()
        assert line, "the bot ended by itself"
        if (wait := re.search(r"reconnecting in ([\d.]+) s", line)) is not None:
            waits.append(float(wait[1]))
    proc.send_signal(signal.SIGTERM)
    started = asyncio.get_running_loop().time()
    try:
        assert await asyncio.wait_for(proc.wait(), 60) == 0
    finally:
        if proc.returncode is None:
            proc.kill()
    assert asyncio.get_running_loop().time() - started < 5, f"backoff {waits[-1]} s"


async def test_a_sigterm_during_the_classifiers_warm_up_exits_at_once(tmp_path: Path) -> None:
    """With a feed to read, the bot builds the classifier's tables (2-5 s of CPU) as it
    starts; a SIGTERM then logged 'shut down cleanly' and exited only once they were built
    (3.2 s measured), since the interpreter joined the warm-up's thread."""
    feeds = tmp_path / "feeds.toml"
    feeds.write_text('[[feed]]\nurl = "http://127.0.0.1:9/feed.xml"\n', "utf-8")
    async with Sandbox(guilds=1) as sb:
        proc = await spawn_bot(sb, {"FEEDS_FILE": str(feeds)}, database_path=tmp_path / "k.db")
        await sb.wait_for_commands(sb.guild.id, timeout=30)  # the warm-up comes next
        await asyncio.sleep(0.3)
        proc.send_signal(signal.SIGTERM)
        started = asyncio.get_running_loop().time()
        assert await asyncio.wait_for(proc.wait(), 20) == 0
        assert asyncio.get_running_loop().time() - started < 1.0


def _sandbox_env(sb: Sandbox, tmp_path: Path) -> dict[str, str]:
    """The settings that point a `python -m bot` run at the sandbox."""
    return {
        "DISCORD_TOKEN": sb.token,
        "DISCORD_API_BASE": sb.api_base,
        "DISCORD_GATEWAY_URL": sb.gateway_url,
        "DATABASE_PATH": str(tmp_path / "k.db"),
    }


def _run_cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "FEEDS_FILE": "/nonexistent/feeds.toml", **env}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=REPO,
        env=full,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


async def test_a_rejected_token_fails_with_one_clear_line(tmp_path: Path) -> None:
    async with Sandbox(guilds=1) as sb:
        env = {**_sandbox_env(sb, tmp_path), "DISCORD_TOKEN": "not-the-right-token"}
        result = await asyncio.to_thread(_run_cli, env, "run")
    # 3, not 1 (worth a retry): a supervisor restarting it would only spend Discord's
    # invalid-request quota (deploy/kissbot.service)
    assert result.returncode == 3
    lines = [line for line in result.stderr.splitlines() if line.startswith("kissbot:")]
    assert lines == [lines[0]] and "rejected DISCORD_TOKEN" in lines[0]
    assert "Traceback" not in result.stderr
    assert "not-the-right-token" not in result.stderr + result.stdout


async def test_a_damaged_database_is_one_line_and_exit_status_2(tmp_path: Path) -> None:
    # It opens (its first pages, the schema, are whole), but some tables' pages are
    # scribbled over: the first read of them as the bot started was a traceback.
    store = await Store.open(tmp_path / "k.db")
    await store.migrate()
    await store.close()
    with (tmp_path / "k.db").open("r+b") as db:
        db.seek(2 * 4096)
        db.write(b"\xa5" * 3 * 4096)
    async with Sandbox(guilds=1) as sb:
        result = await asyncio.to_thread(_run_cli, _sandbox_env(sb, tmp_path), "run")
    assert result.returncode == 2, result.stderr[-2000:]
    lines = [line for line in result.stderr.splitlines() if line.startswith("kissbot:")]
    assert len(lines) == 1 and "malformed" in lines[0] and "restore it from a backup" in lines[0]
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("env", "name"),
    [
        ({"DISCORD_API_BASE": "nope"}, "DISCORD_API_BASE"),
        ({"FEED_POLL_SECONDS": "0"}, "FEED_POLL_SECONDS"),
        ({"LOG_LEVEL": "LOUD"}, "LOG_LEVEL"),
        ({"DEV_GUILD_ID": "general"}, "DEV_GUILD_ID"),
    ],
)
def test_a_bad_setting_is_one_line_and_exit_status_2(env: dict[str, str], name: str) -> None:
    result = _run_cli(env, "run")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and name in result.stderr
    assert "Traceback" not in result.stderr


def test_run_without_a_token_starts_the_sandbox_console_and_exits_at_eof(tmp_path: Path) -> None:
    env = {"DISCORD_TOKEN": "", "DATABASE_PATH": str(tmp_path / "k.db")}
    full = {**os.environ, **env}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        cwd=REPO,
        env=full,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "offline sandbox" in result.stdout and "DISCORD_TOKEN" in result.stdout
    assert "Traceback" not in result.stderr


async def test_sync_subcommand_syncs_globally_or_to_one_guild(tmp_path: Path) -> None:
    async with Sandbox(guilds=2) as sb:
        env = _sandbox_env(sb, tmp_path)
        other = sb.guilds[1].id
        result = await asyncio.to_thread(_run_cli, env, "sync", "--guild", str(other))
        assert result.returncode == 0, result.stderr[-2000:]
        assert f"guild {other}" in result.stdout
        assert {c["name"] for c in sb.commands(guild=other)} >= {"about", "cast", "setup"}
        assert sb.commands(guild=sb.guild) == []  # only the guild asked for
        result = await asyncio.to_thread(_run_cli, env, "sync")
        assert result.returncode == 0 and "globally" in result.stdout
        assert {c["name"] for c in sb.commands(scope_global=True)} >= {"about", "cast", "feeds"}


async def test_sync_subcommand_syncs_globally_and_starts_nothing_else(tmp_path: Path) -> None:
    """DESIGN: `python -m bot sync` syncs globally. It ran the bot's whole start-up: with
    DEV_GUILD_ID set it synced that guild too, and it applied the shared feed list, which
    re-enables disabled shared feeds beside the running bot."""
    feeds = tmp_path / "feeds.toml"
    feeds.write_text('[[feed]]\nurl = "https://news.example/feed.xml"\n')
    db = tmp_path / "k.db"
    async with Sandbox(guilds=1) as sb:
        env = {
            **_sandbox_env(sb, tmp_path),
            "DEV_GUILD_ID": str(sb.guild.id),
            "FEEDS_FILE": str(feeds),
        }
        result = await asyncio.to_thread(_run_cli, env, "sync")
        assert result.returncode == 0, result.stderr[-2000:]
        assert "globally" in result.stdout
        assert {c["name"] for c in sb.commands(scope_global=True)} >= {"about", "cast", "feeds"}
        assert sb.commands(guild=sb.guild) == []
    with sqlite3.connect(db) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        shared = (
            conn.execute("SELECT count(*) FROM feeds").fetchone()[0] if "feeds" in tables else 0
        )
    assert shared == 0


def test_db_migrate_reports_the_schema_version(tmp_path: Path) -> None:
    result = _run_cli({"DATABASE_PATH": str(tmp_path / "k.db")}, "db", "migrate")
    assert result.returncode == 0
    assert result.stdout.strip().endswith(f"schema version {len(migrations())}")


async def test_a_restart_does_not_resync_unchanged_dev_guild_commands(tmp_path: Path) -> None:
    async with Sandbox(guilds=1) as sb:
        async with running_bot(sb, tmp_path, **quiet(tmp_path)):
            pass
        puts = [r for r in sb.requests if r.method == "PUT" and "/guilds/" in r.path]
        async with running_bot(sb, tmp_path, **quiet(tmp_path)):
            assert (await sb.invoke("ping")).content == "pong"
        again = [r for r in sb.requests if r.method == "PUT" and "/guilds/" in r.path]
        assert len(puts) == 1 and len(again) == 1


@pytest.mark.parametrize("step", ["sync_dev_guild", "news_start"])
async def test_a_sigterm_during_start_up_stops_cleanly(
    tmp_path: Path, step: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A host's Ctrl+C while the bot is still setting up: no traceback, no scheduler left
    running jobs against a closed store."""
    from bot.app import run_bot
    from bot.client import KissBot
    from bot.news.service import NewsService

    seen: list[KissBot] = []
    target = KissBot if step == "sync_dev_guild" else NewsService
    name = "sync_dev_guild" if step == "sync_dev_guild" else "start"
    original = getattr(target, name)

    async def signalled(self: object, *args: object) -> None:
        seen.append(self if isinstance(self, KissBot) else self.client)  # type: ignore[attr-defined]
        os.kill(os.getpid(), signal.SIGTERM)
        await asyncio.sleep(0.2)  # the handler runs meanwhile
        await original(self, *args)

    monkeypatch.setattr(target, name, signalled)
    async with Sandbox(guilds=1) as sb:
        settings = bot_settings(sb, tmp_path / "k.db")
        assert await asyncio.wait_for(run_bot(settings), 30) == 0
    bot = seen[0]
    assert bot.is_closed() and not bot.scheduler.running
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_a_stop_after_start_up_closes_the_bot_before_its_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stop's close ran as a task nobody awaited: open_bot could close the store and the
    HTTP session while the bot was still closing."""
    from bot.app import run_bot
    from bot.client import KissBot

    setup_hook, close = KissBot.setup_hook, KissBot.close
    store_open_at_close: list[bool] = []

    async def set_up(self: KissBot) -> None:
        await setup_hook(self)
        asyncio.get_running_loop().call_later(0.3, os.kill, os.getpid(), signal.SIGTERM)

    async def slow_close(self: KissBot) -> None:
        await close(self)  # the bot reads as closed from here on
        await asyncio.sleep(0.5)  # closing work still under way
        try:
            await self.store.meta.get("probe")
            store_open_at_close.append(True)
        except ValueError:  # aiosqlite: no active connection
            store_open_at_close.append(False)

    monkeypatch.setattr(KissBot, "setup_hook", set_up)
    monkeypatch.setattr(KissBot, "close", slow_close)
    async with Sandbox(guilds=1) as sb:
        settings = bot_settings(sb, tmp_path / "k.db")
        assert await asyncio.wait_for(run_bot(settings), 30) == 0
    assert store_open_at_close and store_open_at_close[0]


@pytest.mark.parametrize("where", ["garbage file", "directory", "empty"])
def test_an_unusable_database_path_is_one_line_and_exit_status_2(
    tmp_path: Path, where: str
) -> None:
    # A wrong DATABASE_PATH had ended in a traceback wall, and a file that is not a database
    # had left aiosqlite's thread running: the process never exited.
    garbage = tmp_path / "notes.txt"
    garbage.write_bytes(bytes(range(256)) * 4)
    path = {"garbage file": str(garbage), "directory": str(tmp_path), "empty": ""}[where]
    for command in (["db", "migrate"], ["run"]):
        result = _run_cli({"DATABASE_PATH": path, "DISCORD_TOKEN": "x"}, *command)
        assert result.returncode == 2, result.stderr[-2000:]
        assert result.stderr.count("\n") == 1 and "DATABASE_PATH" in result.stderr
        assert "Traceback" not in result.stderr


async def test_a_guild_the_bot_cannot_sync_to_is_one_line_and_exit_status_2(
    tmp_path: Path,
) -> None:
    async with Sandbox(guilds=1) as sb:
        env = _sandbox_env(sb, tmp_path)
        runs = [
            ({**env, "DEV_GUILD_ID": "12345"}, ["run"], "DEV_GUILD_ID"),
            (env, ["sync", "--guild", "12345"], "--guild"),
        ]
        for run_env, args, name in runs:
            result = await asyncio.to_thread(_run_cli, run_env, *args)
            assert result.returncode == 2, result.stderr[-2000:]
            lines = [line for line in result.stderr.splitlines() if line.startswith("kissbot:")]
            assert len(lines) == 1 and name in lines[0] and "12345" in lines[0]
            assert "Traceback" not in result.stderr


async def test_sync_to_a_guild_id_that_is_no_discord_id_syncs_nothing(tmp_path: Path) -> None:
    """`sync --guild 0` read 0 as "no guild" and synced every command globally, exit 0; a
    negative id or one past 63 bits went to Discord, whose 400 was told as a wrong
    DISCORD_API_BASE."""
    async with Sandbox(guilds=1) as sb:
        env = _sandbox_env(sb, tmp_path)
        for value in ("0", "-5", str(2**63)):
            result = await asyncio.to_thread(_run_cli, env, "sync", "--guild", value)
            assert result.returncode == 2, result.stdout + result.stderr[-2000:]
            assert "--guild" in result.stderr and "Discord id" in result.stderr
            assert "Traceback" not in result.stderr and result.stdout == ""
        assert sb.commands(scope_global=True) == []
        assert not [r for r in sb.requests if r.method == "PUT"]


def test_a_reader_that_leaves_early_gets_no_traceback(tmp_path: Path) -> None:
    """`python -m bot classify < headlines | head -1`: a broken pipe had been a traceback."""
    headlines = tmp_path / "headlines.jsonl"
    headlines.write_text('{"title": "XO, Kitty renewed for season 3"}\n' * 20_000)
    with headlines.open("rb") as stdin:
        proc = subprocess.Popen(
            [sys.executable, "-m", "bot", "classify"],
            cwd=REPO,
            stdin=stdin,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert proc.stdout is not None and proc.stderr is not None
        assert b'"milestone": "renewed"' in proc.stdout.readline()
        proc.stdout.close()  # what `head -1` does once it has its line
        stderr = proc.stderr.read().decode()
        assert proc.wait(60) == 1
    assert stderr == ""


async def test_an_api_base_that_is_not_discord_or_not_there_is_one_line(tmp_path: Path) -> None:
    """A DISCORD_API_BASE with a wrong path had been a traceback with the server's whole
    404 page in it, and `sync` against an unreachable one a traceback too."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}/api/v10"
    async with Sandbox(guilds=1) as sb:
        wrong_path = sb.api_base.replace("/api/v10", "/not-the-api")
        for base, says in ((wrong_path, "answered HTTP 404"), (closed, "cannot reach")):
            env = {**_sandbox_env(sb, tmp_path), "DISCORD_API_BASE": base}
            for command in (["run"], ["sync"]):
                result = await asyncio.to_thread(_run_cli, env, *command)
                assert result.returncode == 1, result.stderr[-2000:]
                lines = [ln for ln in result.stderr.splitlines() if ln.startswith("kissbot:")]
                assert len(lines) == 1 and says in lines[0] and base in lines[0]
                assert "Traceback" not in result.stderr
                assert "voice will NOT be supported" not in result.stderr  # it never joins one


@pytest.mark.parametrize("gateway", ["a closed port", "refusing the handshake"])
async def test_a_gateway_unreachable_at_start_is_one_line_and_exit_status_1(
    tmp_path: Path, gateway: str
) -> None:
    """Login worked, the gateway did not: discord.py's retry of a first connect reads the
    session it never had, and the bot ended in an AttributeError traceback, after a log line
    promising a reconnect (Rapptz/discord.py#10520)."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = f"ws://127.0.0.1:{probe.getsockname()[1]}/"
    async with Sandbox(guilds=1) as sb:
        url = closed if gateway == "a closed port" else sb.gateway_url + "/not-the-gateway"
        env = {**_sandbox_env(sb, tmp_path), "DISCORD_GATEWAY_URL": url}
        started = asyncio.get_running_loop().time()
        result = await asyncio.to_thread(_run_cli, env, "run")
        took = asyncio.get_running_loop().time() - started
        assert not sb.server.gateway.stats.ready_sent
    assert result.returncode == 1, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("kissbot:")]
    assert len(lines) == 1 and "gateway" in lines[0] and url in lines[0], result.stderr[-2000:]
    assert "worth a retry" in lines[0]
    # it tried once and gave up, as it said: no reconnect was promised
    assert "reconnecting in" not in result.stderr
    assert took < 30, f"{took:.1f} s"


@pytest.mark.parametrize(
    ("code", "status", "says"),
    [(4004, 3, "authentication failed"), (4013, 1, "code 4013 (invalid intents)")],
)
async def test_a_gateway_closing_the_session_for_good_is_one_line(
    tmp_path: Path, code: int, status: int, says: str
) -> None:
    """Close codes discord.py does not retry (4004: the token refused by the gateway though
    REST took it; 4010-4013) ended in a ConnectionClosed traceback, exit 1 even for a token."""
    async with Sandbox(guilds=1) as sb:
        sb.server.gateway.refuse_identify = (code, "refused by the test")
        result = await asyncio.to_thread(_run_cli, _sandbox_env(sb, tmp_path), "run")
    assert result.returncode == status, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("kissbot:")]
    assert len(lines) == 1 and says in lines[0], result.stderr[-2000:]
    assert sb.token not in result.stderr


async def test_a_server_error_at_login_is_worth_a_retry_not_a_wrong_setting(
    tmp_path: Path,
) -> None:
    """Discord's API in an outage answers 5xx: the one line told the host to check a
    DISCORD_API_BASE that was right, as for a server that is no Discord API at all."""
    async with Sandbox(guilds=1) as sb:
        for command in (["run"], ["sync"]):
            sb.inject("GET", "/users/@me", 503)
            result = await asyncio.to_thread(_run_cli, _sandbox_env(sb, tmp_path), *command)
            assert result.returncode == 1, result.stderr[-2000:]
            lines = [ln for ln in result.stderr.splitlines() if ln.startswith("kissbot:")]
            assert len(lines) == 1 and "HTTP 503" in lines[0] and sb.api_base in lines[0]
            assert "worth a retry" in lines[0] and "DISCORD_API_BASE" not in lines[0]
            assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("kind", "path"),
    [
        ("not-json", "/users/@me"),
        ("html", "/users/@me"),
        ("html", "/oauth2/applications/@me"),
    ],
)
async def test_a_login_answered_with_no_discord_answer_is_one_line(
    tmp_path: Path, kind: str, path: str
) -> None:
    """A 200 that is not JSON (a broken proxy) or a page (a captive portal) where login reads
    the bot's user or application: a JSONDecodeError or TypeError traceback."""
    async with Sandbox(guilds=1) as sb:
        for command in (["run"], ["sync"]):
            sb.inject("GET", path, kind)
            result = await asyncio.to_thread(_run_cli, _sandbox_env(sb, tmp_path), *command)
            assert result.returncode == 1, result.stderr[-2000:]
            assert "Traceback" not in result.stderr
            lines = [ln for ln in result.stderr.splitlines() if ln.startswith("kissbot:")]
            assert len(lines) == 1 and "no Discord answer" in lines[0], result.stderr[-2000:]
            assert sb.api_base in lines[0] and "worth a retry" in lines[0]
            assert not sb.server.gateway.stats.ready_sent  # it stopped before connecting


async def test_a_second_bot_on_the_same_database_is_refused_in_one_line(tmp_path: Path) -> None:
    """Two bots on one database polled the same feeds and drained the same outbox, where a
    post both claimed could go out twice: the second now stops before it logs in."""
    async with Sandbox(guilds=1) as sb:
        async with running_bot(sb, tmp_path) as first:
            env = {**_sandbox_env(sb, tmp_path), "DATABASE_PATH": str(first.settings.database_path)}
            second = await asyncio.to_thread(_run_cli, env, "run")
            assert second.returncode == 2, second.stderr[-2000:]
            assert second.stderr.count("\n") == 1 and "already running" in second.stderr
            assert env["DATABASE_PATH"] in second.stderr and "Traceback" not in second.stderr
            # nor may a migration change its tables under it, by the path or a symlink to it
            link = tmp_path / "link.db"
            link.symlink_to(first.settings.database_path)
            for path in (env["DATABASE_PATH"], str(link)):
                migrate = await asyncio.to_thread(
                    _run_cli, {**env, "DATABASE_PATH": path}, "db", "migrate"
                )
                assert migrate.returncode == 2 and "already running" in migrate.stderr
                # Migrating another file would not migrate this one: no such advice.
                assert "DATABASE_PATH" not in migrate.stderr and "stop it" in migrate.stderr
            # Its dry run counts in a write transaction rolled back, holding the bot's writes.
            dry = await asyncio.to_thread(_run_cli, env, "db", "prune", "--dry-run")
            assert dry.returncode == 2 and "already running" in dry.stderr
            # What only reads it (sync: no migration, no write) or never opens it still runs.
            synced = await asyncio.to_thread(_run_cli, env, "sync")
            assert synced.returncode == 0 and "synced" in synced.stdout, synced.stderr[-2000:]
            classify = await asyncio.to_thread(
                subprocess.run,
                [sys.executable, "-m", "bot", "classify"],
                cwd=REPO,
                env={**os.environ, **env},
                input='{"title": "Netflix renews XO, Kitty for season 4"}\n',
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
            )
            assert classify.returncode == 0 and '"renewed"' in classify.stdout
            assert (await sb.invoke("ping")).embeds or (await sb.invoke("ping")).content
        # once the first has stopped, the database is free for the next
        async with running_bot(sb, tmp_path) as again:
            assert again.is_ready()
