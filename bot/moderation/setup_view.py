"""``/setup view``: a guild's news settings in one embed (pure)."""

from __future__ import annotations

from collections.abc import Sequence

import discord

from bot.moderation.perms import (
    POST_NEEDS,
    assign_problem,
    channel_problem,
    events_permissions,
    events_problem,
    history_advice,
    missing,
    role_problem,
    threads_problem,
)
from bot.moderation.preview import MODE_TEXT
from bot.moderation.text import stamp
from bot.news.announce import PUBLISH_PER_HOUR, REMOVED
from bot.news.messages import safe_text
from bot.render.text import and_list, truncate
from bot.store.cards import StatusCard
from bot.store.guilds import GuildSettings

SPOILER_TEXT = {
    "private": "recaps are shown only to the fan who asks",
    "channel": "recaps may be posted in the channel (spoiler-tagged)",
}


def publish_note(channel: str) -> str:
    """What a moderator should know about news in an Announcement channel (a mention)."""
    return (
        f"📣 {channel} is an Announcement channel: I'll publish each post there, so the "
        f"servers that follow it get the news too (up to {PUBLISH_PER_HOUR} an hour, "
        "Discord's limit; past that a post stays in this server)."
    )


def channel_checks(
    channel: str,
    perms: discord.Permissions,
    *,
    threads: bool,
    followable: bool,
    text: bool = True,
    forum: bool = False,
    now_forum: bool = False,
    tag: str | None = None,
) -> list[str]:
    """The bot's standing in the news channel now, a line each: whether it can post, what
    it lacks for the extras, and whether posts are published. ``text``: whether it is still
    of the kind /setup channel chose (its type may change after), ``forum`` (a forum) or a
    text or Announcement channel; ``now_forum``: it was a text channel and is a forum now.
    ``tag``: in a forum, what ``forum_tag_note`` says of the posts' tag."""
    if not text:
        if forum:
            return [
                f"⚠️ {channel} is no longer a forum, so I can't post there: run "
                "`/setup channel` again."
            ]
        if now_forum:
            return [
                f"⚠️ {channel} is a forum now, so I can't post messages there: run "
                "`/setup channel` with it to have news posted as forum posts, or choose a "
                "text channel."
            ]
        return [
            f"⚠️ {channel} is no longer a text channel, so nothing can be posted there: "
            "choose a text channel with `/setup channel`."
        ]
    problem = channel_problem(channel, perms)
    if problem:
        return [f"⚠️ {problem}"]  # the extras mean nothing until the bot can post
    lines = [f"✅ I can post in {channel}."]
    if tag:
        lines.append(tag)
    return [
        *lines,
        *channel_extras(channel, perms, threads=threads and not forum, followable=followable),
    ]


# The words for a forum's tags, with the names the bot looks for.
_NEWS_TAG_NAMES = "“News” (or “kissbot”)"


def forum_tag_note(forum: str, tag: str | None, *, required: bool, named: bool) -> str:
    """What a moderator should know of the tag on the bot's posts in ``forum`` (a mention):
    ``tag`` the name of the one chosen (None: no tag), ``named`` whether it was chosen for its
    name (else for want of any other, the forum requiring one)."""
    if tag is not None and named:
        return f"🏷️ Each post is tagged **{safe_text(tag, 50)}**."
    if tag is not None:
        return (
            f"🏷️ {forum} wants a tag on each post and has none named {_NEWS_TAG_NAMES}, so "
            f"I tag posts **{safe_text(tag, 50)}**, its first; add a tag named “News” and "
            "I'll use that instead."
        )
    return f"🏷️ No tag on my posts: add one named {_NEWS_TAG_NAMES} and I'll use it."


def forum_tag_problem(forum: str, *, can_moderate: bool) -> str:
    """Why the bot can't post in ``forum``, which wants a tag on each post: none it may apply."""
    why = "has no tags" if can_moderate else "has no tags but ones only moderators may apply"
    return (
        f"{forum} wants a tag on each post and {why}, so every post of mine would be refused. "
        f"Add a tag named {_NEWS_TAG_NAMES} that anyone may apply, then run this again."
    )


FORUM_THREADS = (
    "each post in a forum is its own thread already, so there is none to open under it; "
    "this applies if news moves to a text channel"
)


def channel_extras(
    channel: str, perms: discord.Permissions, *, threads: bool, followable: bool
) -> list[str]:
    """Beyond posting, in a channel the bot can post in: what it lacks for history and
    threads, and whether its posts are published."""
    extras = (history_advice(channel, perms), threads_problem(channel, perms) if threads else None)
    lines = [f"⚠️ {extra}" for extra in extras if extra]
    return [*lines, publish_note(channel)] if followable else lines


def role_checks(
    role: discord.Role | None,
    *,
    can_mention_everyone: bool,
    bot_top: discord.Role,
    can_manage: bool,
) -> list[str]:
    """What keeps the ping role (None: deleted since it was chosen) from working now, a
    warning a line: /setup role checked it once, and roles change."""
    if role is None:
        return ["⚠️ That role no longer exists, so announcements ping no one: run `/setup role`."]
    problems = (
        role_problem(role, can_mention_everyone=can_mention_everyone),
        assign_problem(role, bot_top=bot_top, can_manage_roles=can_manage),
    )
    return [f"⚠️ {problem}" for problem in problems if problem]


def events_checks(settings: GuildSettings, perms: discord.Permissions | None) -> list[str]:
    """Premiere events (/setup events): whether they are on, and what keeps them from
    working now, a line each (``perms``: the bot's server-wide permissions)."""
    if not settings.events or perms is None:
        return ["off (`/setup events` adds each dated premiere to this server's Events)"]
    lines = ["on: each dated premiere is in this server's Events"]
    if problem := events_problem(perms):
        lines.append(f"⚠️ {problem}")
    elif settings.events_problem:
        lines.append(f"⚠️ {settings.events_problem}")  # the bot's own words
    else:
        lines.append(f"✅ I have **{events_permissions()}**.")
    return lines


def card_where(card: StatusCard) -> str:
    """The card's channel, and a jump link to the card once it is posted."""
    channel = f"<#{card.channel_id}>"
    if card.message_id is None:
        return channel
    url = f"https://discord.com/channels/{card.guild_id}/{card.channel_id}/{card.message_id}"
    return f"[the card]({url}) in {channel}"


def card_notes(card: StatusCard | None) -> str:
    """The status card (/setup card): where it is, with a jump link, and whether it is live."""
    if card is None:
        return "off (`/setup card` keeps one message up to date with where things stand)"
    where = card_where(card)
    if card.problem is not None:
        since = f" since {stamp(card.problem_at)}" if card.problem_at else ""
        return (
            f"🔴 stopped{since}: {safe_text(card.problem, 300)}. {where} is no longer updated; "
            "fix it, then run `/setup card` again."
        )
    if card.message_id is None:
        return f"🟢 live: being posted in {where}"
    return f"🟢 live: {where}, edited whenever the news changes it"


def card_reply(card: StatusCard | None, channel: str, advice: str | None = None) -> str:
    """/setup card's answer: the card as recorded once written in ``channel`` (a mention).
    ``advice``: what the bot lacks there to find its card again after a crash."""
    if card is not None and card.live and card.message_id is not None:
        text = (
            f"Status card: {card_where(card)}. I edit it whenever the news changes where "
            "things stand, and its countdowns run by themselves. Pin it so fans find it; "
            "`/setup card` with no channel stops it."
        )
        return f"{text}\n⚠️ {advice}" if advice else text
    why = f": {safe_text(card.problem, 300)}" if card is not None and card.problem else ""
    text = f"I couldn't post the status card in {channel} yet{why}."
    if card is not None and card.live:
        text += " I'll try again within the hour."
    return text


def resumed_text(reason: str | None) -> str:
    """Why posting was paused, as /setup channel turns it back on."""
    why = "while I was out of this server" if reason == REMOVED else "after Discord refused a post"
    return f"Posting was paused {why}; it is back on."


def held_text(to_send: int, too_old: int) -> str:
    """What becomes of the news held while posting was paused, as it resumes."""
    if to_send:
        posts = "1 post" if to_send == 1 else f"{to_send} posts"
        text = f"News held while it was paused: {posts} will now be posted, in order."
    else:
        text = "No news held while it was paused is left to post."
    if too_old:
        gone = "1 post was" if too_old == 1 else f"{too_old} posts were"
        text += f" {gone} held over a day and will not be posted (`/feeds why` tells which)."
    return text


def posting_problem(
    channel: str | None, perms: discord.Permissions, *, takes_posts: bool = True
) -> str | None:
    """Why nothing can be posted in the news channel now, or None: it is gone (``channel``
    None), takes no posts of the kind chosen, or the bot lacks what a post needs there."""
    if channel is None:
        return "the news channel no longer exists"
    if not takes_posts:
        return f"{channel} is no longer the kind of channel I was set to post in"
    lacking = missing(perms, POST_NEEDS)
    return f"I'm missing **{and_list(lacking)}** in {channel}" if lacking else None


def delivery_state(settings: GuildSettings, blocked: str | None = None) -> str:
    """The headline of /setup view; ``blocked``: why posting can't work now, though nothing
    has paused it yet (the first news refused will)."""
    if settings.channel_id is None:
        return "⚪ not set up: run `/setup channel` to choose where news goes"
    if settings.disabled_reason is not None:
        since = f" since {stamp(settings.disabled_at)}" if settings.disabled_at else ""
        return (
            f"🔴 paused{since}: {safe_text(settings.disabled_reason, 300)}. "
            "Fix it, then run `/setup channel` again; news is kept for a day meanwhile."
        )
    if blocked is not None:
        return (
            f"🟠 can't post: {blocked}. Fix it, then run `/setup channel`; news that comes "
            "meanwhile is kept for a day."
        )
    return "🟢 posting news"


def settings_embed(
    settings: GuildSettings,
    *,
    show_title: str,
    own_feeds: int,
    shared_feeds: int,
    checks: Sequence[str] = (),
    role_notes: Sequence[str] = (),
    event_notes: Sequence[str] = (),
    card: str = "",
    blocked: str | None = None,
) -> discord.Embed:
    """``checks``: what the bot finds in the channel now (its permissions there, whether
    posts are published), one line each; stored settings alone can't tell. ``role_notes``:
    the same for the ping role (``role_checks``). ``blocked``: ``posting_problem``'s."""
    embed = discord.Embed(
        title="News settings",
        colour=discord.Colour.blurple(),
        description=delivery_state(settings, blocked),
    )
    embed.add_field(
        name="Channel",
        value=f"<#{settings.channel_id}>" if settings.channel_id else "not set",
        inline=True,
    )
    embed.add_field(
        name="Ping role",
        value=f"<@&{settings.role_id}>" if settings.role_id else "none (no pings)",
        inline=True,
    )
    embed.add_field(name="Show", value=safe_text(show_title, 100), inline=True)
    embed.add_field(name="Mode", value=MODE_TEXT[settings.mode], inline=True)
    embed.add_field(name="Spoilers", value=SPOILER_TEXT[settings.spoilers], inline=True)
    threads = "a thread under each announcement" if settings.threads else "off"
    embed.add_field(
        name="Threads",
        value="each post is its own thread (a forum)" if settings.forum else threads,
        inline=True,
    )
    if event_notes:
        embed.add_field(
            name="Premiere events", value=truncate("\n".join(event_notes), 1024), inline=False
        )
    if card:
        embed.add_field(name="Status card", value=truncate(card, 1024), inline=False)
    embed.add_field(
        name="Feeds",
        value=f"{own_feeds} of this server's own, {shared_feeds} shared (`/feeds list`)",
        inline=False,
    )
    if checks:
        embed.add_field(
            name="In the channel now", value=truncate("\n".join(checks), 1024), inline=False
        )
    if role_notes:
        embed.add_field(
            name="Ping role now", value=truncate("\n".join(role_notes), 1024), inline=False
        )
    return embed
