"""/setup: where and how this server hears the news (moderators only)."""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.app_commands import Choice
from discord.ext import commands

from bot.errors import UserFacingError
from bot.installs import server_only
from bot.moderation.access import (
    answer,
    between_posts,
    bot_member,
    is_moderator,
    require_moderator,
)
from bot.moderation.onboard import show_for
from bot.moderation.perms import (
    assign_problem,
    channel_problem,
    events_problem,
    history_advice,
    role_problem,
    threads_problem,
)
from bot.moderation.preview import MODE_TEXT
from bot.moderation.setup_view import (
    FORUM_THREADS,
    SPOILER_TEXT,
    card_notes,
    card_reply,
    channel_checks,
    channel_extras,
    events_checks,
    forum_tag_note,
    forum_tag_problem,
    held_text,
    posting_problem,
    resumed_text,
    role_checks,
    settings_embed,
)
from bot.moderation.text import plural
from bot.news.announce import followable, is_forum, takes_posts
from bot.news.forum import named_for_news, news_tag
from bot.news.messages import safe_text
from bot.store.guilds import GuildSettings

if TYPE_CHECKING:
    from bot.client import KissBot

_QUIET = discord.AllowedMentions.none()
MODE_CHOICES = [
    Choice(name="Status changes only", value="changes"),
    Choice(name="All news", value="all"),
]
SPOILER_CHOICES = [
    Choice(name="Always private", value="private"),
    Choice(name="Allowed in channel", value="channel"),
]


@server_only
@app_commands.default_permissions(manage_guild=True)
class Setup(
    commands.GroupCog, group_name="setup", group_description="Choose where and how I post news"
):
    def __init__(self, client: KissBot) -> None:
        self.client = client

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        require_moderator(interaction)
        return True

    async def _say(self, interaction: discord.Interaction, text: str) -> None:
        await answer(interaction, text)

    def _between_posts(
        self, interaction: discord.Interaction, guild_id: int
    ) -> AbstractAsyncContextManager[None]:
        """A change the guild's next post must read, made once its post in flight landed."""
        return between_posts(interaction, self.client.news.announcer.gate, guild_id)

    async def _save(self, interaction: discord.Interaction, text: str, **changes: object) -> None:
        guild = require_moderator(interaction)
        await self.client.store.guilds.update(guild.id, **changes)
        await self._say(interaction, text)

    async def _announce_perms(
        self, guild: discord.Guild, settings: GuildSettings
    ) -> tuple[discord.Member, discord.abc.GuildChannel | None, discord.Permissions]:
        """The bot, the configured channel (if it still exists) and the bot's rights there."""
        me = await bot_member(guild, self.client)
        channel = guild.get_channel(settings.channel_id) if settings.channel_id else None
        return me, channel, channel.permissions_for(me) if channel else me.guild_permissions

    @app_commands.command(name="channel")
    @app_commands.describe(
        channel="The channel news announcements go to: a text channel or a forum"
    )
    async def channel(
        self, interaction: discord.Interaction, channel: discord.TextChannel | discord.ForumChannel
    ) -> None:
        """Post news in this channel, or as posts in this forum (I check that I can there)."""
        guild = require_moderator(interaction)
        if is_forum(channel) and not isinstance(channel, discord.ForumChannel):
            # A text channel converted since: discord.py keeps its class, Discord knows better.
            fetched = await guild.fetch_channel(channel.id)
            assert isinstance(fetched, discord.ForumChannel)
            channel = fetched
        forum = isinstance(channel, discord.ForumChannel)
        if isinstance(channel, discord.ForumChannel) and channel.is_media():
            raise UserFacingError(
                f"{channel.mention} is a media channel, whose posts are images and videos: my "
                "news is text. Choose a text channel or a forum."
            )
        me = await bot_member(guild, self.client)
        perms = channel.permissions_for(me)
        problem = channel_problem(channel.mention, perms)
        if problem is not None:
            raise UserFacingError(problem)
        tag, tag_note = None, None
        if isinstance(channel, discord.ForumChannel):
            # Checked now, not found out from a refusal of every post later.
            tag, tag_note = _forum_tag(channel, perms)
        async with self._between_posts(interaction, guild.id):
            before = await self.client.store.guilds.get(guild.id)
            # Counted while still paused: once resumed, the held posts start going out.
            announcer = self.client.news.announcer
            held = await announcer.resume(before) if before.disabled_reason else None
            after = await self.client.store.guilds.update(
                guild.id,
                channel_id=channel.id,
                forum=forum,
                forum_tag_id=tag,
                disabled_reason=None,
                disabled_at=None,
            )
        if forum:
            lines = [f"News will be posted in {channel.mention}, each story a post of its own."]
            lines += [tag_note] if tag_note else []
        else:
            lines = [f"News will be posted in {channel.mention}."]
        if held is not None:
            lines.append(resumed_text(before.disabled_reason))
            lines.append(held_text(*held))
        lines += channel_extras(
            channel.mention,
            perms,
            threads=after.threads and not forum,
            followable=followable(channel),
        )
        role = guild.get_role(after.role_id) if after.role_id else None
        if role is not None and (
            warning := role_problem(role, can_mention_everyone=perms.mention_everyone)
        ):
            lines.append("⚠️ " + warning)
        await self._say(interaction, "\n".join(lines))

    @app_commands.command(name="role")
    @app_commands.describe(role="The role to ping with each announcement; leave empty for none")
    async def role(
        self, interaction: discord.Interaction, role: discord.Role | None = None
    ) -> None:
        """Ping this role with each announcement (never @everyone or @here)."""
        guild = require_moderator(interaction)
        if role is None:
            async with self._between_posts(interaction, guild.id):
                await self.client.store.guilds.update(guild.id, role_id=None)
            await self._say(interaction, "Announcements will not ping anyone.")
            return
        settings = await self.client.store.guilds.get(guild.id)
        me, _, perms = await self._announce_perms(guild, settings)
        problem = role_problem(role, can_mention_everyone=perms.mention_everyone)
        if problem is not None:
            raise UserFacingError(problem)
        async with self._between_posts(interaction, guild.id):
            await self.client.store.guilds.update(guild.id, role_id=role.id)
        lines = [f"Announcements will ping {role.mention}. Fans opt in with `/news subscribe`."]
        if warning := assign_problem(
            role, bot_top=me.top_role, can_manage_roles=me.guild_permissions.manage_roles
        ):
            lines.append("⚠️ Fans can't use `/news subscribe` yet. " + warning)
        await self._say(interaction, "\n".join(lines))

    @app_commands.command(name="mode")
    @app_commands.describe(mode="Status changes only, or every article about the show")
    @app_commands.choices(mode=MODE_CHOICES)
    async def mode(self, interaction: discord.Interaction, mode: Choice[str]) -> None:
        """Post only status changes (renewed, filming, dated…), or all news about the show."""
        guild = require_moderator(interaction)
        dropped = 0
        async with self._between_posts(interaction, guild.id):
            await self.client.store.guilds.update(guild.id, mode=mode.value)
            if mode.value == "changes":
                # Articles queued in "all" mode (a retry or a paused channel keeps them up to
                # a day) would still go out after the moderator said no.
                dropped = await self.client.store.outbox.withdraw(
                    guild.id, "this server chose status changes only first", changes=False
                )
        text = f"I'll post {MODE_TEXT[mode.value]}."
        if dropped:
            what = plural(dropped, "queued article that tells", "queued articles that tell")
            text += f" {what} no status change won't be posted."
        await self._say(interaction, text)

    @app_commands.command(name="spoilers")
    @app_commands.describe(where="Recaps only for the fan who asks, or also in the channel")
    @app_commands.choices(where=SPOILER_CHOICES)
    async def spoilers(self, interaction: discord.Interaction, where: Choice[str]) -> None:
        """Whether recaps with plot details may be posted in the channel."""
        text = f"Spoilers: {SPOILER_TEXT[where.value]}."
        await self._save(interaction, text, spoilers=where.value)

    @app_commands.command(name="threads")
    @app_commands.describe(enabled="Open a discussion thread under each announcement")
    async def threads(self, interaction: discord.Interaction, enabled: bool) -> None:
        """Open a thread under each announcement for discussion."""
        guild = require_moderator(interaction)
        settings = await self.client.store.guilds.get(guild.id)
        note = ""
        _, channel, perms = await self._announce_perms(guild, settings)
        if settings.forum and channel is not None and is_forum(channel):
            # Not refused: kept for a text channel the news may move to.
            await self.client.store.guilds.update(guild.id, threads=enabled)
            await self._say(
                interaction,
                f"Threads {'on' if enabled else 'off'}, noted. News goes to {channel.mention}, "
                f"a forum: {FORUM_THREADS}.",
            )
            return
        if enabled:
            if channel is not None:
                problem = threads_problem(channel.mention, perms)
                if problem is not None:
                    raise UserFacingError(problem)
            else:
                note = " I'll check that I may open threads there when you run `/setup channel`."
        async with self._between_posts(interaction, guild.id):
            await self.client.store.guilds.update(guild.id, threads=enabled)
        what = "Each announcement will get a thread." if enabled else "No threads."
        await self._say(interaction, what + note)

    @app_commands.command(name="events")
    @app_commands.describe(enabled="Add each dated premiere to this server's Events")
    async def events(self, interaction: discord.Interaction, enabled: bool) -> None:
        """Keep a server event for each announced premiere date (I need Create Events)."""
        guild = require_moderator(interaction)
        if enabled:
            me = await bot_member(guild, self.client)
            if problem := events_problem(me.guild_permissions):
                raise UserFacingError(problem)
        await self.client.store.guilds.update(guild.id, events=enabled, events_problem=None)
        self.client.news.events_soon()
        if enabled:
            text = (
                "Each announced premiere date will be in this server's Events, moved if the "
                "date moves and removed if it is withdrawn."
            )
        else:
            text = "No premiere events: I'll remove the ones I added."
        await self._say(interaction, text)

    @app_commands.command(name="card")
    @app_commands.describe(channel="Where to keep the status card; leave empty to stop it")
    async def card(
        self, interaction: discord.Interaction, channel: discord.TextChannel | None = None
    ) -> None:
        """Keep one message in a channel showing where the show stands, edited as news comes."""
        guild = require_moderator(interaction)
        cards = self.client.news.cards
        advice = None
        if channel is not None:
            perms = channel.permissions_for(await bot_member(guild, self.client))
            if problem := channel_problem(channel.mention, perms, to="keep a status card in"):
                raise UserFacingError(problem)
            advice = history_advice(channel.mention, perms)
        # Posting or deleting (paced with the news) may take longer than Discord waits.
        await interaction.response.defer(ephemeral=True, thinking=True)
        if channel is None:
            gone = await self.client.store.cards.forget(guild.id)
            if gone is not None:
                await cards.remove(gone)
            text = "No status card: I deleted mine." if gone else "There was no status card."
            await interaction.followup.send(text, ephemeral=True)
            return
        card = await cards.keep(guild.id, channel.id)
        await interaction.followup.send(
            card_reply(card, channel.mention, advice), ephemeral=True, allowed_mentions=_QUIET
        )

    @app_commands.command(name="show")
    @app_commands.describe(show="The show this server follows")
    async def show(self, interaction: discord.Interaction, show: str) -> None:
        """Which show this server follows (news and fans' commands), when several are installed."""
        guild = require_moderator(interaction)
        catalog = self.client.catalog
        if len(catalog.shows) == 1:
            only = catalog.shows[0]
            raise UserFacingError(
                f"Only one show is installed ({only.title}), so there is nothing to choose: "
                "this server already follows it."
            )
        found = catalog.get(show) or catalog.find_show(show)
        if found is None:
            names = ", ".join(s.title for s in catalog.shows)
            raise UserFacingError(
                f"I don't know a show called “{safe_text(show, 100)}”. Installed: {names}."
            )
        await self.client.store.guilds.update(guild.id, show_slug=found.slug)
        self.client.news.events_soon()  # the old show's premiere events go, the new one's come
        await self._say(interaction, f"This server now follows **{found.title}**.")
        await self.client.news.cards.refresh(guild.id)  # its card shows the new show

    @show.autocomplete("show")
    async def _show_names(
        self, interaction: discord.Interaction, current: str
    ) -> list[Choice[str]]:
        if not is_moderator(interaction):
            return []
        typed = current.casefold()
        return [
            Choice(name=s.title[:100], value=s.slug)
            for s in self.client.catalog.shows
            if typed in s.title.casefold() or any(typed in n.casefold() for n in s.names)
        ][:25]

    @app_commands.command(name="view")
    async def view(self, interaction: discord.Interaction) -> None:
        """Show this server's news settings."""
        guild = require_moderator(interaction)
        store = self.client.store
        settings = await store.guilds.get(guild.id)
        checks: list[str] = []
        role_notes: list[str] = []
        blocked = None
        event_notes = events_checks(
            settings,
            (await bot_member(guild, self.client)).guild_permissions if settings.events else None,
        )
        if settings.channel_id is not None or settings.role_id is not None:
            me, channel, perms = await self._announce_perms(guild, settings)
            if channel is not None:
                still = takes_posts(channel, forum=settings.forum)
                tag_note = None
                if settings.forum and still and isinstance(channel, discord.ForumChannel):
                    tag_note = _forum_tag(channel, perms, problem_too=True)[1]
                checks = channel_checks(
                    channel.mention,
                    perms,
                    threads=settings.threads,
                    followable=followable(channel),
                    text=still,
                    forum=settings.forum,
                    now_forum=not settings.forum and is_forum(channel),
                    tag=tag_note,
                )
            elif settings.channel_id is not None:
                checks.append("⚠️ That channel no longer exists: run `/setup channel` again.")
            if settings.channel_id is not None:
                blocked = posting_problem(
                    None if channel is None else channel.mention,
                    perms,
                    takes_posts=channel is not None and takes_posts(channel, forum=settings.forum),
                )
            if settings.role_id is not None:
                role_notes = role_checks(
                    guild.get_role(settings.role_id),
                    can_mention_everyone=perms.mention_everyone,
                    bot_top=me.top_role,
                    can_manage=me.guild_permissions.manage_roles,
                )
        embed = settings_embed(
            settings,
            show_title=show_for(self.client.catalog, settings).title,
            own_feeds=len(await store.feeds.for_guild(guild.id)),
            shared_feeds=len(await store.feeds.shared()),
            checks=checks,
            role_notes=role_notes,
            event_notes=event_notes,
            card=card_notes(await store.cards.get(guild.id)),
            blocked=blocked,
        )
        await interaction.response.send_message(embed=embed, ephemeral=True)

    @app_commands.command(name="reset")
    async def reset(self, interaction: discord.Interaction) -> None:
        """Forget this server's news settings (feeds are kept)."""
        guild = require_moderator(interaction)
        async with self._between_posts(interaction, guild.id):
            await self.client.store.guilds.reset(guild.id)
            # "No posts": what was queued goes too, or /setup channel straight after sends it.
            await self.client.store.outbox.withdraw(guild.id, "this server's settings were reset")
        card = await self.client.store.cards.forget(guild.id)
        self.client.news.events_soon()
        catalog, show = self.client.catalog, ""
        if len(catalog.shows) > 1:  # the show goes back too (with one, there is no other)
            show = f"**{catalog.default_show.title}** (news and fans' commands), "
        await self._say(
            interaction,
            f"Settings are back to the defaults: {show}no announcement channel (so no posts), "
            "no ping role, status changes only, recaps private, no threads, no premiere events "
            "(I'll remove the ones I added), no status card. Your feeds are kept "
            "(`/feeds list`); run `/setup channel` to start posting again.",
        )
        if card is not None:
            await self.client.news.cards.remove(card)


def _forum_tag(
    forum: discord.ForumChannel, perms: discord.Permissions, *, problem_too: bool = False
) -> tuple[int | None, str]:
    """The tag the bot's posts in ``forum`` will carry (as the announcer chooses it) and what
    to tell a moderator of it; a forum that wants a tag and has none the bot may apply is
    refused (``problem_too``: told as a warning instead, for /setup view)."""
    required = forum.flags.require_tag
    tag = news_tag(forum.available_tags, required=required, can_moderate=perms.manage_threads)
    if tag is None and required:
        problem = forum_tag_problem(forum.mention, can_moderate=perms.manage_threads)
        if problem_too:
            return None, f"⚠️ {problem}"
        raise UserFacingError(problem)
    name = None if tag is None else tag.name
    note = forum_tag_note(
        forum.mention, name, required=required, named=name is not None and named_for_news(name)
    )
    return (None if tag is None else tag.id), note


async def setup(client: KissBot) -> None:
    await client.add_cog(Setup(client))
