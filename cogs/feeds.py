"""/feeds: which news feeds this server follows, how healthy they are, and why an article
was or wasn't posted (moderators only)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

import discord
from discord import app_commands
from discord.app_commands import Choice
from discord.ext import commands

from bot.errors import UserFacingError
from bot.installs import server_only
from bot.moderation.access import answer, between_posts, is_moderator, require_moderator
from bot.moderation.cooldown import GuildCooldown
from bot.moderation.health import (
    MAX_FEEDS_PER_GUILD,
    feed_choices,
    feed_label,
    feeds_embeds,
    pick_feed,
)
from bot.moderation.keywords import (
    describe_filter,
    join_keywords,
    parse_keywords,
    refuse_clash,
    unwanted,
)
from bot.moderation.onboard import adopt, preview_items, show_for
from bot.moderation.preview import preview_embed
from bot.moderation.urls import clean_feed_url
from bot.moderation.why import explain, not_found_text, why_embed
from bot.news.fetch import FetchResult, fetch_feed
from bot.news.guard import redacted
from bot.news.messages import safe_text
from bot.news.parse import safer_spelling
from bot.news.pipeline import told_post
from bot.news.regive import withdraw_feed
from bot.render.text import inert_url
from bot.store.feeds import NOBODY_FOLLOWS, Feed, GuildFeed
from bot.store.outbox import Heard
from bot.store.retention import RETENTION
from bot.store.rows import iso, parse_iso

if TYPE_CHECKING:
    from bot.client import KissBot

# One feed fetch per server per half minute: /feeds add must not become a fetch proxy.
ADD_COOLDOWN_S = 30.0
_QUIET = discord.AllowedMentions.none()
# How /feeds filter's words are typed (an option's description holds 100 characters).
_WORDS = ' (comma-separated; "XO, Kitty" quoted is one)'
# What a /feeds add is: a feed new here, one of this server's disabled (polled again), or the
# https spelling of one it follows over http (read over https from then on).
Adding = Literal["new", "retry", "upgrade"]
# A page's feed address longer than this (of a reply's 2,000) is not offered to paste.
ALTERNATE_MAX = 1500


def fetch_refusal(url: str, fetched: FetchResult, followed: str | None = None) -> str:
    """Why ``url`` is not followed; ``followed``: the http address this server follows the
    feed at, which stays as it is."""
    shown = safe_text(redacted(url), 200)
    reason = safe_text(fetched.error or f"status {fetched.status}", 300)
    if followed is not None:
        return (
            f"This server already follows that feed, at {safe_text(redacted(followed), 200)}. "
            f"I couldn't fetch {shown}, so I keep reading it over http: {reason}."
        )
    if fetched.status == "gone":
        return f"{shown} says the feed is gone for good (HTTP 410), so I won't follow it."
    return f"I couldn't fetch {shown}, so I'm not following it: {reason}."


def back_to_http_refusal(url: str, followed: str) -> str:
    """The answer when the https spelling of a server's own http feed sends the fetch back to
    http: read there, the next poll would move the feed back (a 301) or read it over http."""
    return (
        f"This server already follows that feed, at {safe_text(redacted(followed), 200)}. "
        f"{safe_text(redacted(url), 200)} sends me back to http, so I keep reading it there."
    )


def upgraded_text(title: str | None, url: str) -> str:
    """The answer to /feeds add of the https spelling of a feed this server follows over http."""
    return _already_follows(
        title,
        f"I read it at {safe_text(redacted(url), 200)} from now on, over https "
        "(for every server that follows it).",
    )


def moved_onto_text(title: str | None, url: str) -> str:
    """The answer to /feeds add of an address moved for good onto a feed this server follows."""
    return _already_follows(
        title,
        f"that address moved for good to {safe_text(redacted(url), 200)}, where I read it. "
        "Its filter, if any, stays (`/feeds list`).",
    )


def _already_follows(title: str | None, rest: str) -> str:
    name = f"**{safe_text(title, 200)}**" if title else "that feed"
    return f"This server already follows {name}: {rest}"


def withdrawn_text(dropped: int, given: int) -> str:
    """What a reply adds when the change withdrew a feed's queued posts (``given`` of them
    queued again from another feed that told the same news)."""
    if not dropped:
        return ""
    other = f" ({given} of them will come from another of your feeds instead)" if given else ""
    return f" {dropped} of its posts still queued here won't be sent{other}."


def still_shared(feed: Feed) -> str:
    """What /feeds remove of a feed the host also lists adds: the server keeps hearing it,
    unfiltered; unless it is disabled, when nothing comes from it until the host starts it."""
    if feed.enabled:
        return (
            "It is also on the shared list, so its news still comes here, now without this "
            "server's filter: only the bot's host can take it off."
        )
    reason = safe_text(feed.disabled_reason or "", 200)
    return (
        f"It is also on the shared list, but I stopped polling it ({reason}), so no news "
        "comes from it for now: only the bot's host can start it again, or take it off."
    )


def shared_refusal(feed: Feed) -> str:
    if feed.enabled:
        return "That feed is on the shared list: every server already hears it."
    # A server re-adding it would switch it back on for every server: that is the host's call.
    reason = safe_text(feed.disabled_reason or "", 200)
    return (
        f"That feed is on the shared list, but I stopped polling it ({reason}). "
        "Only the bot's host can start it again."
    )


@server_only
@app_commands.default_permissions(manage_guild=True)
class Feeds(
    commands.GroupCog, group_name="feeds", group_description="Choose the news feeds I watch"
):
    def __init__(self, client: KissBot) -> None:
        self.client = client
        self.add_cooldown = GuildCooldown(ADD_COOLDOWN_S)

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        require_moderator(interaction)
        return True

    async def _pick(self, guild_id: int, value: str) -> GuildFeed:
        """One of the guild's own feeds, by autocomplete id, URL or exact title."""
        return pick_feed(await self.client.store.feeds.for_guild(guild_id), value)

    async def _own_feed_choices(
        self, interaction: discord.Interaction, current: str
    ) -> list[Choice[str]]:
        # Autocomplete skips the cog's interaction_check, so guard the list here.
        if not is_moderator(interaction) or interaction.guild_id is None:
            return []
        return feed_choices(await self.client.store.feeds.for_guild(interaction.guild_id), current)

    async def _stored_spelling(self, own: Sequence[GuildFeed], url: str) -> str:
        """``url`` as the store spells the same feed, if it was stored in another spelling
        (other capitals, https for http, "www.", a trailing slash: ``parse.feed_key``; or
        listed so in the host's FEEDS_FILE); else ``url``. This server's own feed first, then
        a shared one: those decide what adding it means."""
        alike = await self.client.store.feeds.at_address(url)
        ids = {sub.feed.id for sub in own}
        best = min(alike, key=lambda f: (f.id not in ids, not f.shared, f.url != url), default=None)
        return url if best is None else best.url

    async def _addable(self, own: Sequence[GuildFeed], url: str, *, https: bool) -> Adding:
        """Refuse what can't be added; else what adding it means here. ``https``: the
        moderator typed https for ``url``, stored as http."""
        existing = await self.client.store.feeds.by_url(url)
        followed = existing is not None and any(sub.feed.id == existing.id for sub in own)
        if followed and existing is not None and existing.enabled:
            if https and not existing.shared:
                return "upgrade"  # asked for over https: read so, if it answers there
            raise UserFacingError("This server already follows that feed (`/feeds list`).")
        if existing is not None and existing.shared:
            # Restarting it would switch it back on for every server, even one this server
            # added before the host listed it: that is the host's call.
            raise UserFacingError(shared_refusal(existing))
        if followed:
            return "retry"  # the disable notice says: add it again to retry
        if len(own) >= MAX_FEEDS_PER_GUILD:
            raise UserFacingError(
                f"This server already follows {MAX_FEEDS_PER_GUILD} feeds, the most I allow. "
                "Remove one with `/feeds remove` first."
            )
        return "new"

    # -- add ------------------------------------------------------------------------------

    @app_commands.command(name="add")
    @app_commands.describe(url="The address of an RSS or Atom feed (https://…)")
    async def add(self, interaction: discord.Interaction, url: str) -> None:
        """Follow a news feed and preview what it would post; nothing already in it is posted."""
        guild = require_moderator(interaction)
        store = self.client.store
        given = clean_feed_url(url, allow_private=self.client.settings.allow_private_feeds)
        own = await store.feeds.for_guild(guild.id)
        stored = await self._stored_spelling(own, given)
        url = safer_spelling(given, stored)  # https asked for is never read over http
        adding = await self._addable(own, stored, https=url != stored)
        if (wait := self.add_cooldown.refusal(guild.id, "add a feed")) is not None:
            raise UserFacingError(wait)
        self.add_cooldown.charge(guild.id)

        await interaction.response.defer(ephemeral=True, thinking=True)
        fetched = await fetch_feed(
            self.client.http_session,
            url,
            etag=None,
            last_modified=None,
            body_hash=None,
            allow_private=self.client.settings.allow_private_feeds,
        )
        if fetched.status != "ok" or not fetched.body:
            raise UserFacingError(
                fetch_refusal(url, fetched, stored if adding == "upgrade" else None)
            )
        if adding == "upgrade" and not fetched.url.lower().startswith("https://"):
            raise UserFacingError(back_to_http_refusal(url, stored))
        parsed = await self.client.news.deps.parser.parse(
            fetched.body, fetched.url, fetched.headers
        )
        # A site's home page names its feed: say which, whole, to paste (not fetched here:
        # a second fetch per command, past the cooldown's one).
        shown = inert_url(redacted(parsed.alternate))
        if parsed.alternate and len(shown) <= ALTERNATE_MAX:
            raise UserFacingError(
                f"That's a web page, not a feed. The feed it links to is <{shown}>: "
                "run `/feeds add` with that address."
            )
        if parsed.error is not None:
            raise UserFacingError(
                f"That address doesn't serve a feed I can read: {safe_text(parsed.error, 300)}."
            )

        deps = self.client.news.deps
        now = deps.now()
        title = parsed.title or None
        # Another spelling stored since _stored_spelling (another server's add, a 301) is
        # the feed taken on: a twin would be polled and told twice.
        feed = await store.feeds.add_once(url, title=title, taken_on=now)
        if fetched.permanent_url and fetched.permanent_url != feed.url:
            # Moved for good: stored at its new address now, as its next poll would, so a feed
            # stored there is folded into this one (both's servers), not polled beside it.
            await store.feeds.move(feed.id, fetched.permanent_url)
            feed = await store.feeds.get(feed.id) or feed
        # Baseline before subscribing, so no poll can queue the backlog for this server.
        await adopt(deps, feed, parsed.articles, fetched, title=title, now=now)
        subscribed = await store.feeds.subscribe(guild.id, feed.id, interaction.user.id)
        now_feed = await store.feeds.get(feed.id)
        if now_feed is not None and not now_feed.enabled:
            # Another server's /feeds remove stopped it after adopt found it polled.
            await adopt(deps, now_feed, parsed.articles, fetched, title=title, now=now)
        self.client.news.feeds_soon()  # its poll job now, not at the next reconcile
        if adding == "upgrade":
            # Followed and polled: nothing to preview that this server has not been told.
            await answer(interaction, upgraded_text(title or feed.title, feed.url))
            return
        if adding == "new" and not subscribed:
            # The move folded it into a feed this server follows: nothing new to preview.
            await answer(interaction, moved_onto_text(title or feed.title, feed.url))
            return
        settings = await store.guilds.get(guild.id)
        await deps.warm_classifier()
        items = await preview_items(deps, parsed.articles, settings, now)
        show = show_for(deps.catalog, settings)
        embed = preview_embed(
            url=redacted(url),
            title=title,
            total=len(parsed.articles),
            items=items,
            mode=settings.mode,
            show_title=show.title,
            problems=parsed.problems,
            notes=parsed.notes,
        )
        verb = "Polling again" if adding == "retry" else "Now following"
        lines = [f"{verb} **{safe_text(title or redacted(url), 200)}**."]
        if settings.channel_id is None:
            lines.append("⚠️ No announcement channel yet: run `/setup channel` so I can post.")
        await interaction.followup.send(
            "\n".join(lines), embed=embed, ephemeral=True, allowed_mentions=_QUIET
        )

    # -- remove ---------------------------------------------------------------------------

    @app_commands.command(name="remove")
    @app_commands.describe(feed="One of this server's feeds")
    async def remove(self, interaction: discord.Interaction, feed: str) -> None:
        """Stop following one of this server's feeds."""
        guild = require_moderator(interaction)
        store = self.client.store
        sub = await self._pick(guild.id, feed)
        dropped = given = 0
        async with between_posts(interaction, self.client.news.announcer.gate, guild.id):
            await store.feeds.unsubscribe(guild.id, sub.feed.id)
            # Unsubscribed first, so no poll queues more; its posts queued here (waiting for a
            # retry or a paused channel, for up to a day) go too, unless every server hears it.
            if not sub.feed.shared:
                dropped, given = await withdraw_feed(
                    self.client.news.deps,
                    guild.id,
                    "this server removed its feed first",
                    sub.feed.id,
                )
        # Nobody follows it any more: stop polling it (re-adding enables it again).
        await store.feeds.retire(sub.feed.id, NOBODY_FOLLOWS, now=self.client.news.deps.now())
        text = f"Stopped following **{safe_text(feed_label(sub.feed), 200)}**."
        if sub.feed.shared:
            # Else the moderator waits for posts from it to stop, and they never do.
            text += f" {still_shared(sub.feed)}"
        await answer(interaction, text + withdrawn_text(dropped, given))

    remove.autocomplete("feed")(_own_feed_choices)

    # -- list -----------------------------------------------------------------------------

    @app_commands.command(name="list")
    async def list_(self, interaction: discord.Interaction) -> None:
        """This server's feeds and their health: last success, errors, next poll."""
        guild = require_moderator(interaction)
        store = self.client.store
        embeds = feeds_embeds(await store.feeds.for_guild(guild.id), await store.feeds.shared())
        await interaction.response.send_message(embed=embeds[0], ephemeral=True)
        for embed in embeds[1:]:
            await interaction.followup.send(embed=embed, ephemeral=True)

    # -- why ------------------------------------------------------------------------------

    @app_commands.command(name="why")
    @app_commands.describe(article="The article's URL, or words from its title")
    async def why(self, interaction: discord.Interaction, article: str) -> None:
        """Why an article was, or wasn't, posted here: every stage's verdict."""
        guild = require_moderator(interaction)
        store = self.client.store
        query = article.strip().removeprefix("<").removesuffix(">")
        if len(query) < 3:
            raise UserFacingError(
                "Give me the article's URL or at least three letters of its title."
            )
        # The answer may need the classifier, whose first use after a start builds its
        # tables for seconds: past the three Discord gives an unanswered interaction.
        await interaction.response.defer(ephemeral=True, thinking=True)
        own = {sub.feed.id: sub for sub in await store.feeds.for_guild(guild.id)}
        shared = {f.id: f for f in await store.feeds.shared()}
        feeds = {**shared, **{fid: sub.feed for fid, sub in own.items()}}
        found = await store.news.find_articles(list(feeds), query[:500])
        if not found:
            polls = [f.next_poll_at for f in feeds.values() if f.enabled and f.next_poll_at]
            await interaction.followup.send(
                not_found_text(query, min(polls, default=None)),
                ephemeral=True,
                allowed_mentions=_QUIET,
            )
            return
        seen = found[0]
        settings = await store.guilds.get(guild.id)
        deps = self.client.news.deps
        guild_show = show_for(deps.catalog, settings).slug
        await deps.warm_classifier()
        signal = deps.classify(seen.title, "", parse_iso(seen.published))
        feed = feeds.get(seen.feed_id)
        # What happened to the article here, if it queued a post; else who told the change.
        queued = await store.outbox.queued_by(guild.id, seen.feed_id, seen.key)
        told = (
            await told_post(deps, guild.id, seen.change_id)
            if queued is None and seen.change_id
            else None
        )
        story = (
            await store.outbox.find_heard(guild.id, Heard(story=seen.story_id))
            if queued is None and settings.mode == "all" and seen.story_id
            else None
        )
        # news of several seasons: what the article made of each, as its one post names them
        seasons = (
            await store.news.seasons_told(seen.change_id)
            if seen.change_id and seen.verdict.startswith("change:")
            else []
        )
        explanation = explain(
            seen,
            feed_title=feed.title if feed else None,
            guild=settings,
            subscription=own.get(seen.feed_id),
            # Only the title is stored; trust the re-run only if it reproduces the stored rule.
            signal=signal if signal.rule == seen.rule else None,
            guild_show=guild_show,
            own=queued,
            told=told,
            story=story,
            # an undated article's key is kept for good, its posts' records for RETENTION
            forgotten=seen.first_seen_at < iso(deps.now() - RETENTION),
            seasons=seasons,
        )
        await interaction.followup.send(
            embed=why_embed(seen, explanation, found[1:]), ephemeral=True
        )

    # -- filter ---------------------------------------------------------------------------

    @app_commands.command(name="filter")
    @app_commands.describe(
        feed="One of this server's feeds",
        include=f"Post only articles with one of these words{_WORDS}; empty: all",
        exclude=f"Never post articles with any of these words{_WORDS}",
    )
    async def filter(
        self,
        interaction: discord.Interaction,
        feed: str,
        include: str | None = None,
        exclude: str | None = None,
    ) -> None:
        """Keywords an article from one feed must have, or must not have, to be posted."""
        guild = require_moderator(interaction)
        store = self.client.store
        sub = await self._pick(guild.id, feed)
        must = parse_keywords(include, label="include")
        never = parse_keywords(exclude, label="exclude")
        refuse_clash(must, never)
        async with between_posts(interaction, self.client.news.announcer.gate, guild.id):
            await store.feeds.set_filter(
                guild.id, sub.feed.id, join_keywords(must), join_keywords(never)
            )
            # Set first, so no poll queues more it drops; what it drops already queued (a
            # retry or a paused channel keeps it up to a day) goes too.
            queued = await store.outbox.queued_articles(guild.id, sub.feed.id)
            dropped, given = await withdraw_feed(
                self.client.news.deps,
                guild.id,
                "this server's filter on its feed dropped it first",
                sub.feed.id,
                ids=unwanted(queued, must, never),
            )
        await answer(
            interaction,
            f"Filter for **{safe_text(feed_label(sub.feed), 200)}**: "
            f"{safe_text(describe_filter(must, never), 1200)}.{withdrawn_text(dropped, given)}",
        )

    filter.autocomplete("feed")(_own_feed_choices)


async def setup(client: KissBot) -> None:
    await client.add_cog(Feeds(client))
