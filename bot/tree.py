"""The command tree: one place where app-command errors become replies."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import time
from typing import Any, cast

import aiohttp
import discord
from discord import app_commands
from discord.abc import Snowflake
from discord.http import Route

from bot.catalog.resolve import quoted
from bot.drift import CHAT_INPUT, STALE_TEXT, Node, stale_invocation
from bot.errors import UserFacingError
from bot.moderation.access import is_moderator
from bot.store.db import told_trouble

log = logging.getLogger(__name__)

# A command the guide has no id for is read again at most this often per scope: one HTTP
# call per /help would spend Discord's rate limit on a guide nobody synced yet.
RELEARN_SECONDS = 300.0
# ...and a read waits this long at most: the reply is due within Discord's 3 seconds.
RELEARN_WAIT = 1.5


def error_code() -> str:
    """A short code that the user quotes and the log line carries."""
    return secrets.token_hex(2).upper()


def describe_check_failure(error: app_commands.AppCommandError) -> str | None:
    """Friendly text for errors discord.py raises before the command body runs."""
    match error:
        case app_commands.MissingPermissions():
            return "You need " + _perm_list(error.missing_permissions) + " to use this command."
        case app_commands.BotMissingPermissions():
            return "I need " + _perm_list(error.missing_permissions) + " here to do that."
        case app_commands.NoPrivateMessage():
            return "This command only works in a server."
        case app_commands.CommandOnCooldown():
            return f"Slow down: try again in {error.retry_after:.0f} s."
        case app_commands.CommandNotFound() | app_commands.CommandSignatureMismatch():
            return STALE_TEXT  # what interaction_check missed (a context menu's)
        case app_commands.TransformerError():
            return describe_transformer_error(error)
        case app_commands.CheckFailure():
            return "You can't use this command here."
    return None


def describe_transformer_error(error: app_commands.TransformerError) -> str:
    """Friendly text for an option discord.py could not turn into what the command takes."""
    if error.type is discord.AppCommandOptionType.channel:
        # Discord offers every channel the user can pick; discord.py finds it only in the
        # bot's cache, which lacks the channels the bot can't view (or hasn't heard of yet).
        value = error.value
        named = isinstance(value, app_commands.AppCommandChannel | app_commands.AppCommandThread)
        channel = value.mention if named else "that channel"
        return (
            f"I can't see {channel} yet. Check that I have **View Channel** there, then try again."
        )
    if error.type is discord.AppCommandOptionType.role:
        return "I can't find that role yet. Try again in a moment, or pick another role."
    # Anything else is what the user typed: never its repr, always inert and short.
    return f"I couldn't understand {quoted(str(error.value))}."


def _perm_list(perms: list[str]) -> str:
    return ", ".join(p.replace("_", " ").replace("guild", "server").title() for p in perms)


def store_trouble_text(hint: str, *, moderator: bool) -> str:
    """What a command the database file refused (a full disk, a read-only file, another
    program's lock) answers: a fan only needs to try again; a moderator may be the host."""
    text = "I can't read or save my data right now. Please try again later."
    if moderator:
        text += f" The bot's host has been told in its log (the database: {hint})."
    return text


async def reply_ephemeral(interaction: discord.Interaction, text: str) -> None:
    """Answer whether or not the interaction was already acknowledged."""
    try:
        if interaction.response.is_done():
            await interaction.followup.send(
                text, ephemeral=True, allowed_mentions=discord.AllowedMentions.none()
            )
        else:
            await interaction.response.send_message(
                text, ephemeral=True, allowed_mentions=discord.AllowedMentions.none()
            )
    except discord.HTTPException:
        # The token expired or Discord refused: nothing more we can tell this user.
        log.warning("could not deliver an error reply for interaction %s", interaction.id)


class KissTree(app_commands.CommandTree[discord.Client]):
    """Also knows the ids Discord gave the synced commands (per guild; None: global), which
    a command mention needs: a dozen names per scope, however many servers the bot is in."""

    def __init__(self, client: discord.Client, **kwargs: Any) -> None:
        super().__init__(client, **kwargs)
        self.command_ids: dict[int | None, dict[str, int]] = {}
        # When each scope was last read again for a missing id (monotonic seconds).
        self._relearnt: dict[int | None, float] = {}

    async def sync(self, *, guild: Snowflake | None = None) -> list[app_commands.AppCommand]:
        synced = await super().sync(guild=guild)
        self._learn(guild, {c.name: c.id for c in synced})
        return synced

    def payload(self, guild: Snowflake | None = None) -> list[dict[str, Any]]:
        """What ``sync`` sends for that scope (the tree has no translator)."""
        return [command.to_dict(self) for command in self.get_commands(guild=guild)]

    async def learn_ids(
        self, guild: Snowflake | None = None, wait: float | None = None
    ) -> list[dict[str, Any]] | None:
        """Read the ids of the commands synced there (by an earlier start, or by ``python -m
        bot sync``); none learnt only leaves the guide's commands unlinked. Returns the
        commands as Discord holds them (None: unread), for the start to compare."""
        try:
            async with asyncio.timeout(wait):
                synced = await self._fetch_synced(guild)
        except (discord.HTTPException, aiohttp.ClientError, OSError) as exc:  # TimeoutError too
            where = "global" if guild is None else f"guild {guild.id}"
            why = str(exc) or type(exc).__name__  # a timeout says nothing of itself
            log.warning("could not read the %s commands' ids (%s)", where, why)
            return None
        self._learn(guild, {c["name"]: int(c["id"]) for c in synced})
        return synced

    async def _fetch_synced(self, guild: Snowflake | None) -> list[dict[str, Any]]:
        """``fetch_commands``'s payloads, raw: its AppCommands drop the permissions and
        ``nsfw``; with their localizations, which Discord leaves out unless asked."""
        app_id = self.client.application_id
        if app_id is None:
            raise app_commands.MissingApplicationID
        path = "/applications/{application_id}/commands"
        if guild is None:
            route = Route("GET", path, application_id=app_id)
        else:
            path = "/applications/{application_id}/guilds/{guild_id}/commands"
            route = Route("GET", path, application_id=app_id, guild_id=guild.id)
        synced: list[dict[str, Any]] = await self.client.http.request(
            route, params={"with_localizations": "true"}
        )
        return synced

    def _learn(self, guild: Snowflake | None, ids: dict[str, int]) -> None:
        self.command_ids[None if guild is None else guild.id] = ids

    def ids_for(self, guild_id: int | None) -> dict[str, int]:
        """The ids a user there runs: the guild's own commands before the global ones."""
        ids = dict(self.command_ids.get(None, {}))
        if guild_id is not None:
            ids.update(self.command_ids.get(guild_id, {}))
        return ids

    async def fresh_ids_for(self, guild_id: int | None) -> dict[str, int]:
        """``ids_for``, first reading the ids again where a command has none: one synced
        since they were read (``python -m bot sync`` beside the running bot) stayed unlinked
        until a restart. The global scope is read, and the guild's if the bot syncs there
        (its dev guild); each at most once in ``RELEARN_SECONDS``."""
        ids = self.ids_for(guild_id)
        if all(command.name in ids for command in self.get_commands()):
            return ids
        now = time.monotonic()
        known = guild_id is not None and guild_id in self.command_ids
        reads = []
        for scope in (None, guild_id) if known else (None,):
            if now - self._relearnt.get(scope, -RELEARN_SECONDS) >= RELEARN_SECONDS:
                self._relearnt[scope] = now  # before the read: /help asked meanwhile waits not
                where = None if scope is None else discord.Object(id=scope)
                reads.append(self.learn_ids(where, wait=RELEARN_WAIT))
        # Both at once: one after the other, two slow reads took Discord's whole 3 s.
        await asyncio.gather(*reads)
        return self.ids_for(guild_id)

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        """A fan's client may still show a command as synced before an upgrade (a host who
        has not synced since, or a client that has not reloaded): tell the fan so, rather
        than run it without an option they gave, or answer "Something went wrong"."""
        data = cast(dict[str, Any], interaction.data or {})
        if data.get("type", CHAT_INPUT) != CHAT_INPUT:
            return True  # a context menu's mismatch is discord.py's to tell
        autocomplete = interaction.type is discord.InteractionType.autocomplete
        why = stale_invocation(self._invoked(data), data.get("options", []), partial=autocomplete)
        if why is None:
            return True
        log.info("a fan ran /%s as it was before an upgrade (%s)", data.get("name"), why)
        if autocomplete:
            with contextlib.suppress(discord.HTTPException):
                await interaction.response.autocomplete([])
        else:
            await reply_ephemeral(interaction, STALE_TEXT)
        return False

    def _invoked(self, data: dict[str, Any]) -> Node | None:
        """The command an interaction names, where discord.py would look it up."""
        name = data.get("name", "")
        if data.get("guild_id") is not None:
            found = self.get_command(name, guild=discord.Object(int(data["guild_id"])))
            if found is not None or not self.fallback_to_global:
                return found
        return self.get_command(name)

    async def on_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        original = getattr(error, "original", error)
        # The host hears of the store's trouble once while it lasts, as from the jobs, not as
        # a traceback per command.
        hint = told_trouble(original, log)
        if interaction.type is discord.InteractionType.autocomplete:
            if hint is None:
                log.exception("autocomplete failed", exc_info=original)
            return
        if hint is not None:
            text = store_trouble_text(hint, moderator=is_moderator(interaction))
            await reply_ephemeral(interaction, text)
            return
        if isinstance(original, UserFacingError):
            await reply_ephemeral(interaction, original.message)
            return
        friendly = describe_check_failure(error)
        if friendly is not None:
            await reply_ephemeral(interaction, friendly)
            return
        code = error_code()
        command = interaction.command.qualified_name if interaction.command else "?"
        log.error("command /%s failed (code %s)", command, code, exc_info=original)
        await reply_ephemeral(
            interaction, f"Something went wrong (code {code}). The team has the details."
        )
