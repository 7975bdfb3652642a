"""The subcommands behind ``python -m bot``; each returns an exit status."""

from __future__ import annotations

import asyncio
import logging
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

import aiohttp
import discord

from bot.app import (
    GATEWAY_CLOSES,
    MIGRATE_LATER,
    PRUNE_LATER,
    LoginRejected,
    held_store,
    one_malloc_arena,
    open_bot,
    run_bot,
)
from bot.catalog import load_catalog
from bot.client import DiscordGarbled, GatewayUnreachable, sync_to
from bot.errors import BAD_SETTING, RETRY_LATER, TOKEN_REJECTED
from bot.logs import configure_logging
from bot.settings import Settings
from bot.store.db import migrations
from bot.store.retention import RETENTION

log = logging.getLogger(__name__)


def run(settings: Settings, *, sandbox: bool, script: str | None) -> int:
    one_malloc_arena()  # the bot's threads are yet to start
    configure_logging(settings.log_level, settings.discord_token)
    if sandbox or settings.discord_token is None:
        from bot.sandbox.console import run_console

        return asyncio.run(
            run_console(
                settings,
                script=Path(script) if script else None,
                interactive_in=sys.stdin,
                out=sys.stdout,
            )
        )
    try:
        return asyncio.run(run_bot(settings))
    except DISCORD_TROUBLE as exc:
        return discord_trouble(settings, exc)


# What talking to DISCORD_API_BASE can end in before the bot is up: one line each.
DISCORD_TROUBLE = (
    LoginRejected,
    GatewayUnreachable,
    DiscordGarbled,
    discord.ConnectionClosed,
    discord.LoginFailure,
    aiohttp.ClientConnectionError,
    discord.HTTPException,
)


def discord_trouble(settings: Settings, exc: BaseException) -> int:
    if isinstance(exc, LoginRejected | discord.LoginFailure):
        print(f"kissbot: Discord rejected DISCORD_TOKEN ({exc}).", file=sys.stderr)
        return TOKEN_REJECTED
    if isinstance(exc, GatewayUnreachable):
        print(f"kissbot: {exc}", file=sys.stderr)
        return RETRY_LATER
    if isinstance(exc, discord.ConnectionClosed):
        print(
            f"kissbot: Discord's gateway at {settings.discord_gateway_url} closed the session"
            f" with code {exc.code} ({GATEWAY_CLOSES.get(exc.code, 'not one it retries')})",
            file=sys.stderr,
        )
        return RETRY_LATER
    base = settings.discord_api_base
    if isinstance(exc, discord.HTTPException):
        # Its text may be a whole HTML page: a server that is not a Discord API.
        answered = f"{base} answered HTTP {exc.status} {exc.response.reason or ''}".rstrip()
        if exc.status >= 500:  # what Discord's API answers in an outage: not the setting's fault
            problem = f"{answered}, a server error: worth a retry"
        else:
            problem = f"{answered} where Discord's API was expected: check DISCORD_API_BASE"
    elif isinstance(exc, DiscordGarbled):
        problem = (
            f"{base} answered the login with what is no Discord answer ({exc}): check"
            " DISCORD_API_BASE, or a proxy or captive portal in the way; worth a retry"
        )
    else:
        problem = f"cannot reach {base}: {exc}"
    print(f"kissbot: {problem}", file=sys.stderr)
    return RETRY_LATER


async def sync(settings: Settings, guild_id: int | None) -> int:
    configure_logging(settings.log_level, settings.discord_token)
    if settings.discord_token is None:
        print("kissbot: DISCORD_TOKEN is not set; nothing to sync with.", file=sys.stderr)
        return BAD_SETTING
    async with open_bot(settings, commands_only=True) as bot:
        guild = None if guild_id is None else discord.Object(id=guild_id)
        try:
            await bot.login(settings.discord_token.get_secret_value())
            if guild is not None:
                bot.tree.copy_global_to(guild=guild)
            synced = await sync_to(bot.tree, guild, named_by="--guild")
        except DISCORD_TROUBLE as exc:
            return discord_trouble(settings, exc)
        where = "globally" if guild_id is None else f"guild {guild_id}"
        print(f"synced {len(synced)} commands {where}")
    return 0


def classify(settings: Settings, stdin: TextIO, stdout: TextIO) -> int:
    from bot.news.catalog_view import index_from_catalog, known_from_catalog
    from bot.news.classify import classify_lines

    # the same shows and dated milestones the bot reads its feeds with: old news stays old
    catalog = load_catalog(settings.shows_dir)
    known = known_from_catalog(catalog)
    for line in classify_lines(stdin, index_from_catalog(catalog), known=known):
        stdout.write(line + "\n")
        # Each answer goes out before the next line is read: a tool that writes a headline and
        # waits for its verdict would otherwise wait forever on a pipe's buffer.
        stdout.flush()
    return 0


def feeds_parse(settings: Settings, inputs: list[str], stdout: TextIO) -> int:
    from bot.news.fetch import feeds_parse_cli

    return feeds_parse_cli(
        inputs,
        stdout,
        allow_private=settings.allow_private_feeds,
        user_agent=settings.feed_user_agent,
    )


async def db_migrate(settings: Settings) -> int:
    # Held like a running bot holds it: migrating under a live bot changes its tables.
    async with held_store(settings.database_path, if_held=MIGRATE_LATER) as store:
        version = await store.migrate()
    print(f"{settings.database_path}: schema version {version}")
    return 0


async def db_prune(settings: Settings, *, dry_run: bool, vacuum: bool) -> int:
    """What a running bot forgets daily, now; ``vacuum``: then give the freed space back. Not
    a departed server's data: the bot drops it once its start has read the guild list, which
    tells whether the server invited it back while it was stopped."""
    path = settings.database_path
    async with held_store(path, if_held=PRUNE_LATER) as store:
        version, latest = await store.db.user_version(), len(migrations())
        if version != latest:
            print(
                f"kissbot: {path} is at schema version {version}, not {latest}: "
                "run `python -m bot db migrate` first",
                file=sys.stderr,
            )
            return BAD_SETTING
        pruned = await store.retention.prune(datetime.now(UTC), dry_run=dry_run)
        verb = "would forget" if dry_run else "forgot"
        print(f"{path}: {verb} {pruned} (older than {RETENTION.days} days)")
        if vacuum and not dry_run:
            before = _size(path)
            await store.db.shrink()
            print(f"{path}: {_mib(before)} → {_mib(_size(path))} after VACUUM")
    return 0


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in (path, path.with_name(path.name + "-wal")) if p.exists())


def _mib(size: int) -> str:
    return f"{size / 2**20:.1f} MiB"
