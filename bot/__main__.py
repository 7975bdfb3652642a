"""Command line: run | sandbox | sync | classify | feeds parse | db migrate | db prune."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from bot.errors import BAD_SETTING, ConfigError
from bot.settings import Settings, snowflake


def fail(message: str, status: int = BAD_SETTING) -> NoReturn:
    print(f"kissbot: {message}", file=sys.stderr)
    raise SystemExit(status)


def load_settings() -> Settings:
    try:
        return Settings.from_env(warn=lambda note: print(f"kissbot: {note}", file=sys.stderr))
    except ConfigError as exc:
        fail(str(exc))


def guild_id(text: str) -> int:
    """``--guild``'s value: 0 had read as no guild at all (a global sync), a negative id went
    to Discord."""
    try:
        return snowflake(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("run", help="run the bot (the offline sandbox console when no token is set)")
    sandbox = sub.add_parser("sandbox", help="run the bot against the loopback sandbox")
    sandbox.add_argument("--script", help="a file of slash commands, one per line")
    sync = sub.add_parser("sync", help="sync slash commands with Discord, then exit")
    sync.add_argument("--guild", type=guild_id, help="sync to this guild only (instant)")
    sub.add_parser("classify", help="classify JSON-line headlines from stdin")
    feeds = sub.add_parser("feeds", help="feed tools")
    feeds_sub = feeds.add_subparsers(dest="feeds_command", required=True)
    parse = feeds_sub.add_parser("parse", help="parse feed files or URLs to JSON lines")
    parse.add_argument("inputs", nargs="+", metavar="FILE_OR_URL")
    db = sub.add_parser("db", help="database tools")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    db_sub.add_parser("migrate", help="apply pending migrations and print the schema version")
    prune = db_sub.add_parser(
        "prune", help="forget old articles, posts and feeds, as the bot does daily"
    )
    # A dry run forgets nothing, so it has nothing to give back: both is a mistake, said so.
    how = prune.add_mutually_exclusive_group()
    how.add_argument("--dry-run", action="store_true", help="only count what would go")
    how.add_argument("--vacuum", action="store_true", help="then shrink the file to what it holds")
    return parser


def main(argv: Sequence[str] | None = None) -> None:
    args = build_parser().parse_args(argv)
    command = args.command or "run"
    settings = load_settings()
    try:
        status = dispatch(command, args, settings)
    except ConfigError as exc:
        fail(str(exc), exc.status)
    except KeyboardInterrupt:
        status = 0
    except BrokenPipeError:
        # The reader left (`| head -1`): no traceback, and none again when Python flushes
        # stdout at exit (the recipe in the signal module's documentation).
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        status = 1
    raise SystemExit(status)


def json_lines_in_utf8() -> None:
    """JSON lines are UTF-8 whatever the locale says. A locale's strict decoder stopped the whole
    run at one Latin-1 byte; a stray byte now reads as U+FFFD and costs only itself."""
    sys.stdin.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[union-attr]
    sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]


def dispatch(command: str, args: argparse.Namespace, settings: Settings) -> int:
    from bot import cli

    if command in ("run", "sandbox"):
        return cli.run(settings, sandbox=command == "sandbox", script=getattr(args, "script", None))
    if command == "sync":
        return asyncio.run(cli.sync(settings, args.guild))
    if command == "classify":
        json_lines_in_utf8()
        return cli.classify(settings, sys.stdin, sys.stdout)
    if command == "feeds":
        json_lines_in_utf8()
        return cli.feeds_parse(settings, args.inputs, sys.stdout)
    if command == "db" and args.db_command == "prune":
        return asyncio.run(cli.db_prune(settings, dry_run=args.dry_run, vacuum=args.vacuum))
    if command == "db":
        return asyncio.run(cli.db_migrate(settings))
    raise AssertionError(command)


if __name__ == "__main__":
    main()
