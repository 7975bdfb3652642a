"""News as forum posts: starting a post in the guild's forum, and finding the one an earlier
attempt made (the announcer's forum destination; the pure parts are ``bot.news.forum``).

Creating a post takes no nonce: a resend first looks among the guild's active threads, and
the forum's archived posts, for the bot's own post of that name made since the delivery was
queued, as a channel's resend reads its history.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import TYPE_CHECKING

import aiohttp
import discord
from discord.http import handle_message_parameters

from bot.news.forum import news_tag
from bot.news.messages import is_post_of
from bot.store.rows import parse_iso

if TYPE_CHECKING:
    from bot.news.announce import Pacer
    from bot.store import Store
    from bot.store.guilds import GuildSettings
    from bot.store.outbox import Delivery

# The announcer's log: a forum post's record reads, and is filtered, as a channel post's.
log = logging.getLogger("bot.news.announce")


class ForumPoster:
    """The announcer's posts in a forum, through its client, store and request pacer."""

    def __init__(self, client: discord.Client, store: Store, pacer: Pacer) -> None:
        self.client = client
        self.store = store
        self.pacer = pacer  # the announcer's: a look-up counts against the bot's rate

    def tag(self, settings: GuildSettings) -> int | None:
        """The tag the guild's forum posts carry: chosen again from the forum as it is now
        (its tags may have changed since /setup channel), by the rule /setup channel told;
        as /setup channel chose it when the forum is not in the cache."""
        forum = self.client.get_channel(settings.channel_id or 0)
        if not isinstance(forum, discord.ForumChannel):
            return settings.forum_tag_id
        me = forum.guild.me
        tag = news_tag(
            forum.available_tags,
            required=forum.flags.require_tag,
            can_moderate=me is not None and forum.permissions_for(me).manage_threads,
        )
        return None if tag is None else tag.id

    async def start(
        self,
        settings: GuildSettings,
        name: str,
        *,
        content: str | None,
        embeds: list[discord.Embed],
        allowed_mentions: discord.AllowedMentions,
    ) -> int:
        """Start a post in the guild's forum (from its id alone: the cached channel may be
        missing, or still a TextChannel to discord.py); the post's id, its message's too."""
        assert settings.channel_id is not None
        tag = self.tag(settings)
        with handle_message_parameters(
            content=content or discord.utils.MISSING,
            embeds=embeds,
            allowed_mentions=allowed_mentions,
            previous_allowed_mentions=self.client.allowed_mentions,
            channel_payload={"name": name, "applied_tags": [str(tag)] if tag else []},
        ) as params:
            data = await self.client.http.start_thread_in_forum(settings.channel_id, params=params)
        return int(data["id"])

    async def post_before(self, forum_id: int, delivery: Delivery, name: str) -> int | None:
        """The post an earlier attempt at this delivery made, if the guild's active threads
        or the forum's archived posts show one: ours, in this forum, named alike, made since
        it was queued, recorded by no other delivery, and (where the bot may read it)
        starting with the same text. Without Read Message History the name is taken for it:
        a double is worse than a post not repeated."""
        me = self.client.user
        queued = parse_iso(delivery.created_at)
        if me is None or queued is None:
            return None
        since = discord.utils.time_snowflake(queued - timedelta(minutes=1))
        try:
            await self.pacer.wait()
            pages = [await self.client.http.get_active_threads(delivery.guild_id)]
            for page in pages:
                for thread in page.get("threads", []):
                    post_id = int(thread["id"])
                    if (
                        post_id > since
                        and int(thread.get("parent_id") or 0) == forum_id
                        and int(thread.get("owner_id") or 0) == me.id
                        and thread.get("name") == name
                        # Another delivery of the name (two outlets' one headline) posted it.
                        and not await self.store.outbox.recorded(
                            delivery.guild_id, post_id, besides=delivery.id
                        )
                        and await self._starts_with(post_id, delivery)
                    ):
                        return post_id
                if len(pages) == 1:
                    # Not active: archived since (a forum's auto-archive, a moderator closing
                    # it), the most recently archived listed first.
                    await self.pacer.wait()
                    pages.append(await self.client.http.get_public_archived_threads(forum_id))
        except (TimeoutError, discord.HTTPException, aiohttp.ClientError) as exc:
            log.info("delivery %d: could not look for an earlier post: %s", delivery.id, exc)
        return None

    async def _starts_with(self, post_id: int, delivery: Delivery) -> bool:
        """Whether the post's starter message (sharing its id) is this delivery's."""
        channel = self.client.get_partial_messageable(post_id, guild_id=delivery.guild_id)
        try:
            await self.pacer.wait()
            starter = await channel.fetch_message(post_id)
        except discord.Forbidden:
            return True  # no Read Message History: the name must do
        except discord.NotFound:
            return False  # its starter deleted: a moderator removed it, so it is no post
        return is_post_of(starter, delivery.message)
