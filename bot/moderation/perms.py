"""Permission checks phrased as the sentence a moderator needs to read (pure)."""

from __future__ import annotations

from collections.abc import Iterable

import discord

from bot.render.text import and_list

# What an announcement needs: see the channel, post in it, and show the embed.
POST_NEEDS: tuple[str, ...] = ("view_channel", "send_messages", "embed_links")
THREAD_NEEDS: tuple[str, ...] = ("create_public_threads", "send_messages_in_threads")
# Not needed to post: the announcer reads recent posts so a resend after an outage is not a
# second post (the message nonce covers only a few minutes).
HISTORY_NEEDS: tuple[str, ...] = ("read_message_history",)
# A premiere's scheduled event (/setup events): a server-wide permission, not a channel's.
# Since 23 February 2026 a bot creates events only with Create Events (Manage Events alone no
# longer does); it also edits and deletes the bot's own, which is all the bot touches.
EVENTS_NEEDS: tuple[str, ...] = ("create_events",)

_NAMES = {
    "view_channel": "View Channel",
    "send_messages": "Send Messages",
    "embed_links": "Embed Links",
    "create_public_threads": "Create Public Threads",
    "send_messages_in_threads": "Send Messages in Threads",
    "mention_everyone": "Mention @everyone, @here, and All Roles",
    "manage_roles": "Manage Roles",
    "manage_events": "Manage Events",
    "create_events": "Create Events",
    "manage_guild": "Manage Server",
    "kick_members": "Kick Members",
    "ban_members": "Ban Members",
    "manage_channels": "Manage Channels",
    "manage_messages": "Manage Messages",
    "manage_webhooks": "Manage Webhooks",
    "manage_expressions": "Manage Expressions",
    "manage_threads": "Manage Threads",
    "moderate_members": "Timeout Members",
}
# What a role any fan can take with /news subscribe must not give: a moderator's powers
# (those Discord asks two-factor authentication for), or pinging everyone.
POWERS = discord.Permissions.elevated() | discord.Permissions(mention_everyone=True)


def permission_name(flag: str) -> str:
    """The name Discord's settings screens use for a permission flag."""
    return _NAMES.get(flag, flag.replace("_", " ").replace("guild", "server").title())


def events_permissions() -> str:
    """What /setup events needs, as Discord's settings screens name it ("Create Events")."""
    return and_list([permission_name(flag) for flag in EVENTS_NEEDS])


def missing(perms: discord.Permissions, needs: Iterable[str]) -> list[str]:
    """Display names of the flags in ``needs`` that ``perms`` lacks, in order."""
    return [permission_name(flag) for flag in needs if not getattr(perms, flag)]


def channel_problem(
    channel: str, perms: discord.Permissions, *, to: str = "announce in"
) -> str | None:
    """Why the bot cannot post in ``channel`` (a mention) ``to`` do what it is asked ("keep a
    status card in"), or None when it can."""
    return _lacking(
        perms,
        POST_NEEDS,
        f"I can't {to} {channel}",
        "Give my role those permissions in the channel's settings and run this again.",
    )


def threads_problem(channel: str, perms: discord.Permissions) -> str | None:
    """Why the bot cannot open a thread under its posts in ``channel``, or None."""
    return _lacking(
        perms,
        THREAD_NEEDS,
        f"I can't open threads in {channel}",
        "Grant them, then turn threads on again.",
    )


def history_advice(channel: str, perms: discord.Permissions) -> str | None:
    """Advice (never a refusal) when the bot can't read ``channel``'s history, or None."""
    return _lacking(
        perms,
        HISTORY_NEEDS,
        f"I can post in {channel} but not check my earlier posts",
        "Give my role that permission in the channel's settings so that, after an outage, "
        "I can see what I already posted and don't post it twice.",
    )


def _lacking(perms: discord.Permissions, needs: Iterable[str], what: str, fix: str) -> str | None:
    lacking = missing(perms, needs)
    if not lacking:
        return None
    return f"{what}: I'm missing **{and_list(lacking)}** there. {fix}"


def events_problem(perms: discord.Permissions) -> str | None:
    """Why the bot cannot keep premiere events in the server (its server-wide ``perms``)."""
    return _lacking(
        perms,
        EVENTS_NEEDS,
        "I can't add premieres to this server's Events",
        "Give my role that permission (Server Settings → Roles); I'll add them on my next "
        "round, within 10 minutes.",
    )


def role_problem(role: discord.Role, *, can_mention_everyone: bool) -> str | None:
    """Why ``role`` can't be the news ping, or None when it can be."""
    if role.is_default():
        return "I never ping @everyone or @here. Pick (or create) a role fans opt into."
    if role.managed:
        return f"{role.mention} is managed by an integration, so members can't opt into it."
    if (power := power_problem(role)) is not None:
        return power
    if not role.mentionable and not can_mention_everyone:
        return (
            f"I can't ping {role.mention}: it isn't mentionable and I don't have "
            f'**{permission_name("mention_everyone")}**. Turn on "Allow anyone to @mention '
            "this role\" in the role's settings, then run this again."
        )
    return None


def power_problem(role: discord.Role) -> str | None:
    """Why fans must not be able to take ``role`` themselves (the powers it gives), or None."""
    powers = [permission_name(flag) for flag, on in role.permissions & POWERS if on]
    if not powers:
        return None
    return (
        f"{role.mention} gives **{and_list(powers)}**, and anyone can take the news role with "
        "`/news subscribe`. Pick (or create) a role without those permissions."
    )


def assign_problem(
    role: discord.Role, *, bot_top: discord.Role, can_manage_roles: bool
) -> str | None:
    """Why the bot can't give or take ``role``, or None when it can: read by a fan
    (`/news subscribe`) and by a moderator (`/setup role`), so it asks neither to ask the
    other, only whoever may manage the server's roles."""
    if not can_manage_roles:
        return (
            f"I can't hand out {role.mention}: I need the **{permission_name('manage_roles')}** "
            "permission, which whoever manages this server's roles can give my role."
        )
    if role >= bot_top:
        return (
            f"I can't hand out {role.mention}: it is not below my highest role "
            f"({bot_top.name}): whoever manages this server's roles can move mine above it."
        )
    return None
