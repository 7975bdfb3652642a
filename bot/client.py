"""The bot: a commands.Bot that owns its injected resources."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import sqlite3
import time
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, cast

import aiohttp
import discord
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from discord import app_commands
from discord.ext import commands
from discord.gateway import DiscordWebSocket

from bot import drift
from bot.errors import ConfigError
from bot.logs import RECONNECT_LINE, RECONNECT_LOG, reason_of
from bot.news.pipeline import NewsDeps
from bot.news.service import NewsService
from bot.settings import Settings
from bot.store import Store
from bot.store.db import told_trouble
from bot.store.news import PUBLIC, View
from bot.tree import KissTree

if TYPE_CHECKING:
    from bot.catalog import Catalog, Show
    from bot.domain.status import LearnedEvent

log = logging.getLogger(__name__)

# What discord.py's connect loop retries as the gateway being unreachable.
GATEWAY_TROUBLE = (
    OSError,
    aiohttp.ClientError,
    TimeoutError,
    discord.HTTPException,
    discord.GatewayNotFound,
    discord.ConnectionClosed,
)


class GatewayUnreachable(Exception):
    """The gateway could not be reached before the bot's first session: the host's one line."""

    def __init__(self, url: str, trouble: BaseException) -> None:
        super().__init__(
            f"cannot reach Discord's gateway at {url} ({reason_of(trouble)}) before the first"
            " session: worth a retry (Discord or the network down, or a wrong DISCORD_GATEWAY_URL)"
        )


class DiscordGarbled(Exception):
    """What DISCORD_API_BASE answered at login was no Discord answer: not JSON, or JSON
    without a user's or an application's fields (a captive portal, a broken proxy)."""


# How long a stop waits for the posts under way (a rate limit's retry can hold one): well
# within the 30 s systemd gives a stop (deploy/kissbot.service) before it kills.
STOP_SENDS_S = 10.0
# How long the start may wait on Discord to read or sync the global commands (a rate limit's
# retry): the bot starts anyway.
SYNC_WAIT_S = 30.0

# Loaded in this order; a test checks each has setup() and that names don't collide.
EXTENSIONS: tuple[str, ...] = (
    "cogs.meta",
    "cogs.cast",
    "cogs.episodes",
    "cogs.recap",
    "cogs.progress",
    "cogs.status",
    "cogs.setup",
    "cogs.feeds",
    "cogs.news",
)


async def sync_to(
    tree: app_commands.CommandTree[KissBot], guild: discord.Object | None, *, named_by: str
) -> list[app_commands.AppCommand]:
    """Sync the commands there; a guild the bot is not in (a wrong DEV_GUILD_ID or
    ``--guild``, which ``named_by`` names) is the host's one-line ConfigError, not a
    traceback."""
    try:
        return await tree.sync(guild=guild)
    except (discord.Forbidden, discord.NotFound) as exc:
        if guild is None:
            raise
        why = f"{exc.status} {exc.text or exc.code}"
        raise ConfigError(
            f"{named_by}: cannot sync commands to guild {guild.id} ({why}):"
            " check the id, and that the bot was invited there with the"
            " applications.commands scope"
        ) from None


class KissBot(commands.Bot):
    """Resources are built in ``bot.app.open_bot`` and handed in; the bot closes none of them
    except the scheduler it starts."""

    def __init__(
        self,
        *,
        settings: Settings,
        store: Store,
        http_session: aiohttp.ClientSession,
        catalog: Catalog,
        scheduler: AsyncIOScheduler,
        extensions: Sequence[str] = EXTENSIONS,
        commands_only: bool = False,
    ) -> None:
        # The bot never joins voice: discord.py's warnings that voice libraries are missing
        # would only stand before a host's one-line error, on every start.
        discord.VoiceClient.warn_nacl = discord.VoiceClient.warn_dave = False
        intents = discord.Intents.none()
        intents.guilds = True  # no members, no message content: slash commands need neither
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents,
            tree_cls=KissTree,
            help_command=None,
            allowed_mentions=discord.AllowedMentions.none(),
            max_messages=None,
            chunk_guilds_at_startup=False,
            member_cache_flags=discord.MemberCacheFlags.none(),
            guild_ready_timeout=settings.guild_ready_timeout,
        )
        self.settings = settings
        self.store = store
        self.http_session = http_session
        self.catalog = catalog
        self.scheduler = scheduler
        self.extensions_to_load = tuple(extensions)
        self.commands_only = commands_only
        self.started_monotonic = time.monotonic()
        self._frozen = False
        self.set_up = False  # the setup hook has finished (what a stop signal must know)
        self.news = NewsService(self, NewsDeps.build(store, http_session, catalog, settings))

    async def setup_hook(self) -> None:
        if not self.commands_only:
            version = await self.store.migrate()
            log.info("database at schema version %d", version)
        for name in self.extensions_to_load:
            await self.load_extension(name)
        if self.commands_only:
            # `python -m bot sync` syncs the commands it names and nothing else: no dev-guild
            # sync, and no shared feed list re-enabling feeds beside a running bot.
            return
        if self.settings.dev_guild_id is not None:
            await self.sync_dev_guild(self.settings.dev_guild_id)
        await self.check_global_commands()
        await self.news.start(self.scheduler)
        self.scheduler.start()
        self.set_up = True

    async def login(self, token: str) -> None:
        # discord.py reads login's answers as they come: one that is no JSON, or not the
        # user or application it expects, ended in a JSONDecodeError or TypeError traceback.
        try:
            await super().login(token)
        except (ValueError, TypeError, KeyError) as exc:
            if self.application is not None:  # login's answers were read: the setup hook's
                raise
            raise DiscordGarbled(reason_of(exc)) from None

    async def connect(self, *, reconnect: bool = True) -> None:
        # discord.py retries a failed connect with the last session's gateway and sequence;
        # before the first there is none, and the retry died in an AttributeError (a traceback)
        # after a log line promising a reconnect (Rapptz/discord.py#10520). Then nobody has been
        # served and an outage reads like a wrong address: one try, then one line and exit 1,
        # the supervisor's retry (15 s later); once up, discord.py rides outages out itself.
        def no_first_retry(record: logging.LogRecord) -> bool:
            return self.ws is not None or record.msg not in (RECONNECT_LOG, RECONNECT_LINE)

        discord_log = logging.getLogger("discord.client")
        discord_log.addFilter(no_first_retry)
        try:
            await super().connect(reconnect=reconnect)
        except AttributeError as exc:
            trouble = exc.__context__
            if self.ws is not None or not isinstance(trouble, GATEWAY_TROUBLE):
                raise
            raise GatewayUnreachable(str(DiscordWebSocket.DEFAULT_GATEWAY), trouble) from None
        finally:
            discord_log.removeFilter(no_first_retry)

    async def sync_dev_guild(self, guild_id: int) -> None:
        """Copy the commands to the dev guild and sync them there, unless they are exactly
        what was synced last time: a restart loop must not spend Discord's sync quota."""
        guild = discord.Object(id=guild_id)
        self.tree.copy_global_to(guild=guild)
        digest = drift.digest(self.kiss_tree.payload(guild))
        key = f"synced:{guild_id}"
        if await self.store.meta.get(key) == digest:
            log.info("commands unchanged since the last sync to dev guild %s", guild_id)
            await self.kiss_tree.learn_ids(guild)  # the ids that sync gave them
            return
        synced = await sync_to(self.tree, guild, named_by="bad setting DEV_GUILD_ID")
        await self.store.meta.set(key, digest)
        log.info("synced %d commands to dev guild %s", len(synced), guild_id)

    async def check_global_commands(self) -> None:
        """Read the ids of the global commands (what the last global sync gave them) and
        compare those commands with the code's: after an upgrade that changed them, fans
        see the old ones until a sync. One the setting allows syncs them, at most once for
        each version of them, so neither a restart loop nor two bots on one application
        (each undoing the other's) spend Discord's sync quota; else the host is told."""
        # Bounded: a long rate-limit wait on this read stalled the start (setup_hook) too.
        synced = await self.kiss_tree.learn_ids(wait=SYNC_WAIT_S)
        if synced is None:
            return  # unread: the log said so
        if not synced and self.settings.dev_guild_id is not None:
            # A development bot (the console's too) that was never synced globally: usual.
            log.info("no commands are synced globally: `python -m bot sync` does it")
            return
        payload = self.kiss_tree.payload()
        differs = drift.drift(payload, synced)
        if not differs:
            return
        digest, key = drift.digest(payload), "synced:global"
        auto = self.settings.sync_at_start and self.settings.dev_guild_id is None
        if auto and await self.store.meta.get(key) != digest:
            try:
                async with asyncio.timeout(SYNC_WAIT_S):  # a long 429 is no reason to stall
                    synced_now = await sync_to(self.tree, None, named_by="SYNC_AT_START")
            except (discord.HTTPException, aiohttp.ClientError, TimeoutError) as exc:
                log.warning("could not sync the global commands (%s)", str(exc) or "timed out")
            else:
                await self.store.meta.set(key, digest)
                log.info(
                    "synced %d commands globally, changed since the last sync (%s)",
                    len(synced_now),
                    differs.summary(),
                )
                return
        log.warning(
            "commands changed since the last global sync (%s): run `python -m bot sync`",
            differs.summary(),
        )

    async def on_ready(self) -> None:
        if not self._frozen:
            # Everything alive now (catalog, indexes, the guild cache) lives as long as the
            # process: moving it out of the collector's reach keeps full collections, and the
            # pauses they put on every command in flight, short.
            gc.collect()
            gc.freeze()
            self._frozen = True
        log.info("ready: %d guilds", len(self.guilds))
        if self.set_up:  # a `sync` bot has no store to read
            # Every guild the bot is in, unavailable ones too: READY lists them all, and
            # discord.py is ready only once their GUILD_CREATEs stopped coming.
            with self._store_work():
                await self.news.guilds_listed({guild.id for guild in self.guilds})

    async def on_guild_join(self, guild: discord.Guild) -> None:
        if self.set_up:
            with self._store_work():
                await self.news.returned(guild.id)

    async def on_guild_remove(self, guild: discord.Guild) -> None:
        # Removed, kicked, or the guild deleted: an outage is ``on_guild_unavailable``.
        if self.set_up:
            with self._store_work():
                await self.news.left(guild.id, anyone_here=bool(self.guilds))

    @contextlib.contextmanager
    def _store_work(self) -> Iterator[None]:
        """A gateway event's store work. One a stop overtook ends quietly: discord.py runs
        events as tasks, and the store closes once the bot has, under any still running. One
        the store's trouble refused (a full disk) is the host's one line while it lasts, not
        a traceback, and the feeds job reads the guild list again to make it good."""
        try:
            yield
        except (sqlite3.ProgrammingError, ValueError):
            if not self.is_closed():
                raise
        except Exception as exc:
            if told_trouble(exc, log) is None:
                raise
            self.news.guilds_missed()

    async def close(self) -> None:
        # The drain first, while the scheduler still runs it: shutting the scheduler down
        # cancels its jobs, the post under way with them. It lands and is recorded before
        # the session closes under it; no more are claimed.
        self.news.announcer.stop()
        await self.news.announcer.finish(STOP_SENDS_S)
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        self.news.deps.parser.close()
        await super().close()

    @property
    def kiss_tree(self) -> KissTree:
        return cast(KissTree, self.tree)  # tree_cls=KissTree

    @property
    def uptime_seconds(self) -> float:
        return time.monotonic() - self.started_monotonic

    async def show_of(self, interaction: discord.Interaction) -> Show:
        """The show a fan asking in ``interaction`` means: in a server with the bot, the one
        its news is about (``/setup show``); else (a DM, a fan's own install in a server
        without the bot, one whose choice is kept for its return) the default one, as its
        spoiler rule is; with no read where only one is installed."""
        guild_id = interaction.guild_id if interaction.is_guild_integration() else None
        if guild_id is None or len(self.catalog.shows) == 1:
            return self.catalog.default_show
        return self.catalog.followed((await self.store.guilds.get(guild_id)).show_slug)

    async def view_of(self, guild_id: int | None) -> View:
        """The news a guild sees: the public news and its own feeds' (no guild: public)."""
        return await self.store.feeds.view_of(guild_id)

    async def learned_events(
        self, show_slug: str, season: int, view: View = PUBLIC
    ) -> Sequence[LearnedEvent]:
        """What the news ``view`` sees has taught of one season, oldest first."""
        return await self.store.news.learned_events(show_slug, season, view=view)

    async def learned_seasons(self, show_slug: str, view: View = PUBLIC) -> Sequence[int]:
        """Seasons the news ``view`` sees has told anything about, in order."""
        return await self.store.news.learned_seasons(show_slug, view=view)
