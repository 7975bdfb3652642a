"""The offline console: the real bot against the sandbox, driven by typed slash commands.

Line syntax: `/cast name:Min Ho`, `/feeds add url:https://…`, `/recap season:1 episode:4
private:true`. Words before the first `word:` are subcommands; a value runs to the next
`word:` that names an option of that (sub)command. Blank lines and `#` lines are skipped.
"""

from __future__ import annotations

import asyncio
import codecs
import json
import logging
import re
import signal
import sys
import tempfile
import threading
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from bot.sandbox.driver import (
    REPO_ROOT,
    CommandNotSynced,
    CommandUsageError,
    InteractionTimeout,
    Reply,
    Sandbox,
    running_bot,
)
from bot.sandbox.state import Json, Message, World

if TYPE_CHECKING:
    from bot.settings import Settings
    from bot.store import Store

log = logging.getLogger(__name__)

PROMPT = "kissbot> "
SAMPLE_FEEDS = REPO_ROOT / "data" / "sample-feeds"
REPLY_TIMEOUT = 10.0
_KEY = re.compile(r"([A-Za-z0-9_-]+):")
# Mentions and timestamps, which Discord's client shows as names and dates.
_MARKUP = re.compile(
    r"<(#|@&|@!?)(\d{1,20})>|<t:(-?\d{1,12})(?::([tTdDfFR]))?>|</([-_'\w ]{1,100}):\d{1,20}>"
)
_UNITS = (
    (31_536_000, "year"),
    (2_592_000, "month"),
    (86_400, "day"),
    (3600, "hour"),
    (60, "minute"),
)
BANNER = """\
kissbot - offline sandbox
This is a pretend Discord running on this computer: the real bot answers, nothing leaves
the machine. Type a slash command, e.g. /cast name:Yuri  (or `help` for the list).
News: the bundled sample feeds replay one real, past headline each as if it were new, once
a server posts all news. To see them: /setup channel channel:announcements, then
/setup mode mode:all; they post within a minute (in "changes" mode they are known history).
To connect to real Discord instead, put DISCORD_TOKEN in .env (see README).
Ctrl-D quits.
"""
CONSOLE_POLL_SECONDS = 30


class LineError(ValueError):
    """A console line that is not a slash command."""


@dataclass(slots=True)
class ParsedLine:
    name: str
    path: list[str]
    options: dict[str, str] = field(default_factory=dict)


def parse_command_line(line: str, option_names: Collection[str] | None = None) -> ParsedLine:
    """Split a console line; with `option_names`, only those `word:`s start a new option."""
    text = line.strip()
    if not text.startswith("/") or len(text) < 2:
        raise LineError("commands start with /, e.g. /cast name:Yuri")
    tokens = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", text)]
    name = tokens[0][2][1:]

    def key_of(token: str) -> str | None:
        match = _KEY.match(token)
        if match is None or (option_names is not None and match.group(1) not in option_names):
            return None
        return match.group(1)

    path: list[str] = []
    index = 1
    while index < len(tokens) and _KEY.match(tokens[index][2]) is None:
        path.append(tokens[index][2])
        index += 1
    starts = [(s, key) for s, _, tok in tokens[index:] if (key := key_of(tok)) is not None]
    if index < len(tokens) and (not starts or starts[0][0] != tokens[index][0]):
        raise LineError(f"unknown option {tokens[index][2].split(':')[0]!r}")
    options: dict[str, str] = {}
    for number, (start, key) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(text)
        if key in options:
            raise LineError(f"option {key!r} given twice")
        options[key] = text[start + len(key) + 1 : end].strip()
    return ParsedLine(name, path, options)


async def run_line(sb: Sandbox, line: str) -> Reply:
    """Run one console line as the admin in the first guild's #general."""
    rough = parse_command_line(line)
    names = sb.option_names(rough.name, rough.path)
    parsed = parse_command_line(line, names)
    return await sb.invoke(
        parsed.name, parsed.options, subcommand=parsed.path or None, timeout=REPLY_TIMEOUT
    )


def reply_record(line: str, reply: Reply) -> Json:
    record: Json = {
        "command": line,
        "content": reply.content,
        "embeds": reply.embeds,
        "ephemeral": reply.ephemeral,
    }
    if reply.followups:
        record["followups"] = [
            {"content": f.content, "embeds": f.embeds, "ephemeral": f.ephemeral}
            for f in reply.followups
        ]
    return record


def readable(text: str, world: World | None, now: datetime | None = None) -> str:
    """``text`` as Discord's client shows it: ``<#id>`` as #name, ``<@&id>`` as @Role,
    ``<t:…>`` as a date (in UTC), ``</feeds add:id>`` as /feeds add, so the console never
    shows a bare id or epoch."""
    if world is None or "<" not in text:
        return text
    moment = now or datetime.now(UTC)

    def shown(match: re.Match[str]) -> str:
        kind, number, epoch, style, command = match.groups()
        if command is not None:
            return "/" + command
        if epoch is not None:
            try:
                at = datetime.fromtimestamp(int(epoch), UTC)
            except (ValueError, OverflowError, OSError):  # past year 9999: as Discord, raw
                return match.group()
            return _when(at, style or "f", moment)
        key = int(number)
        if kind == "#":
            channel = world.channels.get(key)
            return "#" + channel.name if channel else match.group()
        if kind == "@&":
            role = next((g.roles[key] for g in world.guilds.values() if key in g.roles), None)
            return "@" + role.name.lstrip("@") if role else match.group()
        user = world.users.get(key)
        return "@" + user.username if user else match.group()

    return _MARKUP.sub(shown, text)


def _when(at: datetime, style: str, now: datetime) -> str:
    if style == "R":
        seconds = int((at - now).total_seconds())
        size, unit = next(((n, u) for n, u in _UNITS if abs(seconds) >= n), (1, "second"))
        count = abs(seconds) // size
        span = f"{count} {unit}{'' if count == 1 else 's'}"
        return f"in {span}" if seconds > 0 else f"{span} ago"
    formats = {"t": "%H:%M", "T": "%H:%M:%S", "d": "%Y-%m-%d", "D": "%d %B %Y"}
    return at.strftime(formats.get(style, "%d %B %Y %H:%M")) + (" UTC" if style in "tTfF" else "")


def render_embed(embed: Json) -> list[str]:
    lines = []
    author = (embed.get("author") or {}).get("name")
    if author:
        lines.append(f"  {author}")
    if embed.get("title"):
        lines.append(f"  == {embed['title']} ==")
    if embed.get("description"):
        lines += [f"  {row}" for row in str(embed["description"]).splitlines()]
    for fld in embed.get("fields") or []:
        lines.append(f"  {fld.get('name')}: {fld.get('value')}")
    if embed.get("url"):
        lines.append(f"  <{embed['url']}>")
    footer = (embed.get("footer") or {}).get("text")
    if footer:
        lines.append(f"  -- {footer}")
    return lines


def render_message(
    content: str, embeds: list[Json], *, ephemeral: bool, world: World | None = None
) -> str:
    lines = ["(only you can see this)"] if ephemeral else []
    if content:
        lines.append(content)
    for embed in embeds:
        lines += render_embed(embed)
    return readable("\n".join(lines or ["(empty reply)"]), world)


def render_reply(reply: Reply, world: World | None = None) -> str:
    parts = [render_message(reply.content, reply.embeds, ephemeral=reply.ephemeral, world=world)]
    for f in reply.followups:
        parts.append(render_message(f.content, f.embeds, ephemeral=f.ephemeral, world=world))
    return "\n".join(parts)


def describe_commands(sb: Sandbox) -> str:
    rows = []
    for cmd in sorted(sb.commands(), key=lambda c: c["name"]):
        subs = [o for o in cmd.get("options", []) if o.get("type") in (1, 2)]
        if not subs:
            opts = " ".join(f"{o['name']}:…" for o in cmd.get("options", []))
            rows.append(f"  /{cmd['name']} {opts}".rstrip() + f"  - {cmd.get('description', '')}")
            continue
        for sub in subs:
            leaves = sub.get("options") or []
            if sub["type"] == 2:
                for leaf in leaves:
                    opts = " ".join(f"{o['name']}:…" for o in leaf.get("options") or [])
                    rows.append(f"  /{cmd['name']} {sub['name']} {leaf['name']} {opts}".rstrip())
            else:
                opts = " ".join(f"{o['name']}:…" for o in leaves)
                rows.append(f"  /{cmd['name']} {sub['name']} {opts}".rstrip())
    return "\n".join(rows) or "  (no commands synced)"


async def _answer(sb: Sandbox, line: str) -> tuple[Reply | None, str | None]:
    try:
        return await run_line(sb, line), None
    except (CommandNotSynced, CommandUsageError, InteractionTimeout, LineError, ValueError) as exc:
        return None, str(exc)


def script_lines(data: bytes) -> list[tuple[str, str | None]]:
    """A script's lines, each with what is wrong with its bytes (else None): as for
    `classify`, a stray byte (a Latin-1 "é") costs only its own line, shown as U+FFFD."""
    lines: list[tuple[str, str | None]] = []
    for raw in data.removeprefix(codecs.BOM_UTF8).splitlines():
        try:
            lines.append((raw.decode("utf-8"), None))
        except UnicodeDecodeError as exc:
            problem = f"not UTF-8 text (byte {exc.start + 1} is not); save the script as UTF-8"
            lines.append((raw.decode("utf-8", errors="replace"), problem))
    return lines


async def _run_script(sb: Sandbox, lines: list[tuple[str, str | None]], out: TextIO) -> None:
    for raw, problem in lines:
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        reply, error = (None, problem) if problem else await _answer(sb, line)
        record = {"command": line, "error": error} if reply is None else reply_record(line, reply)
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()


def _reader(stream: TextIO, loop: asyncio.AbstractEventLoop, queue: asyncio.Queue[str]) -> None:
    # A daemon thread: a pending readline never keeps the process alive at exit.
    while True:
        try:
            line = stream.readline()
        except (OSError, ValueError):
            line = ""
        loop.call_soon_threadsafe(queue.put_nowait, line)
        if not line:
            return


async def _run_interactive(sb: Sandbox, stream: TextIO, out: TextIO) -> None:
    out.write(BANNER)
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[str] = asyncio.Queue()
    threading.Thread(target=_reader, args=(stream, loop, queue), daemon=True).start()

    def show_post(message: Message) -> None:
        # Posts the bot makes on its own (news announcements), not replies to the console.
        if message.raw.get("interaction_metadata"):
            return
        channel = sb.world.channels.get(message.channel_id)
        where = f"#{channel.name}" if channel else str(message.channel_id)
        out.write(
            f"\n[{where}] "
            + render_message(message.content, message.embeds, ephemeral=False, world=sb.world)
        )
        out.write("\n" + PROMPT)
        out.flush()

    sb.on_message(show_post)
    while True:
        out.write(PROMPT)
        out.flush()
        line = await queue.get()
        if not line:
            out.write("\n")
            return
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line in ("help", "?", "/?"):
            out.write(describe_commands(sb) + "\n")
            continue
        reply, error = await _answer(sb, line)
        out.write((f"error: {error}" if reply is None else render_reply(reply, sb.world)) + "\n")


def _sample_feeds(
    sb: Sandbox, folder: Path, feeds_file: Path, ready: Callable[[], bool] = lambda: True
) -> int:
    """Serve each sample feed in `folder` from the sandbox (replayed once `ready`: see
    ``replay``) and list them in `feeds_file`."""
    entries = []
    for path in sorted(folder.glob("*.xml")) if folder.is_dir() else []:
        url = sb.serve_static(path.name, replay(path.read_bytes(), ready=ready))
        entries.append(f'[[feed]]\ntitle = "{path.stem}"\nurl = "{url}"\n')
    feeds_file.write_text("\n".join(entries), encoding="utf-8")
    return len(entries)


# A feed's entries (RSS items, Atom entries) and the dates in one.
_ENTRY = re.compile(rb"[ \t]*<(item|entry)\b.*?</\1>\s*", re.DOTALL)
_ENTRY_DATE = re.compile(rb"<(pubDate|updated|published)>[^<]*</\1>")


def replay(
    feed: bytes,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ready: Callable[[], bool] = lambda: True,
) -> Callable[[], bytes]:
    """A sample feed as a newcomer should see news arrive: its first entry (the newest) is
    held back from the first fetch, which the bot takes as history and never posts, and
    from every later one until ``ready`` (a server set to post it), then served dated as of
    its return. The samples are real, past events, so without this the console could never
    show a post; the banner says what is replayed."""
    first = _ENTRY.search(feed)
    if first is None:
        return lambda: feed
    held_back = feed[: first.start()] + feed[first.end() :]
    fetched = False
    dated: bytes | None = None

    def body() -> bytes:
        nonlocal fetched, dated
        # The first fetch is the backlog; until a server would post the entry, served then it
        # would be seen and dropped for good, as a newcomer still reading the banner.
        if not fetched or (dated is None and not ready()):
            fetched = True
            return held_back
        if dated is None:
            now = clock()
            entry = _ENTRY_DATE.sub(lambda m: _date_element(m[1], now), first[0])
            dated = feed[: first.start()] + entry + feed[first.end() :]
        return dated

    return body


def _date_element(tag: bytes, when: datetime) -> bytes:
    text = format_datetime(when, usegmt=True) if tag == b"pubDate" else when.isoformat()
    return b"<%s>%s</%s>" % (tag, text.encode("ascii"), tag)


async def run_console(
    settings: Settings, *, script: Path | None, interactive_in: TextIO, out: TextIO
) -> int:
    """Start a sandbox and the bot in-process; run a script (JSON lines) or a prompt. A
    SIGTERM ends it as Ctrl-C does (asyncio.run cancels for that one): unwound, exit 0."""
    loop = asyncio.get_running_loop()
    this = asyncio.current_task()
    assert this is not None
    stopped: list[bool] = []

    def stop() -> None:
        if not stopped:  # a second SIGTERM while unwinding asks nothing more
            stopped.append(True)
            this.cancel()

    loop.add_signal_handler(signal.SIGTERM, stop)
    try:
        return await _console(settings, script=script, interactive_in=interactive_in, out=out)
    except asyncio.CancelledError:
        if not stopped or this.uncancel() > 0:
            raise  # not our stop: someone cancelled the console itself
        return 0
    finally:
        loop.remove_signal_handler(signal.SIGTERM)


async def _console(
    settings: Settings, *, script: Path | None, interactive_in: TextIO, out: TextIO
) -> int:
    lines: list[tuple[str, str | None]] | None = None
    if script is not None:
        try:
            lines = script_lines(await asyncio.to_thread(script.read_bytes))
        except OSError as exc:
            print(f"kissbot: cannot read the script {script}: {exc}", file=sys.stderr)
            return 2
    async with Sandbox(guilds=3) as sb:
        with tempfile.TemporaryDirectory(prefix="kissbot-sandbox-") as tmp:
            log.info("sandbox Discord at %s; database in %s", sb.api_base, tmp)
            # Offline means offline: the news pipeline reads the bundled samples, served
            # from loopback, never the shared internet feeds.
            feeds_file = Path(tmp) / "sample-feeds.toml"
            posts_all = asyncio.Event()
            count = await asyncio.to_thread(
                _sample_feeds, sb, SAMPLE_FEEDS, feeds_file, posts_all.is_set
            )
            log.info("%d sample feed(s) from %s", count, SAMPLE_FEEDS)
            # Polled often enough that the replayed entries post within a minute of being released.
            poll = min(settings.feed_poll_seconds, CONSOLE_POLL_SECONDS)
            async with running_bot(
                sb,
                Path(tmp),
                base_settings=settings,
                feeds_file=feeds_file,
                feed_poll_seconds=poll,
            ) as bot:
                watch = asyncio.create_task(_watch_for_all_news(bot.store, posts_all))
                try:
                    if lines is not None:
                        await _run_script(sb, lines, out)
                    else:
                        await _run_interactive(sb, interactive_in, out)
                finally:
                    watch.cancel()  # before the bot closes its store
                    await asyncio.gather(watch, return_exceptions=True)
    return 0


async def _watch_for_all_news(store: Store, found: asyncio.Event) -> None:
    """Set ``found`` once a server posts every story (the replayed ones are no changes)."""
    while True:  # a second's look at a few rows, for the console's lifetime at most
        if any(g.mode == "all" for g in await store.guilds.announcing()):
            found.set()
            return
        await asyncio.sleep(1)
