"""Cast cards: one person, or the whole cast grouped by billing."""

from __future__ import annotations

from collections.abc import Sequence

import discord

from bot.catalog.models import CastMember, Role, Show
from bot.render.limits import FIELD_VALUE, clamp_embed
from bot.render.text import BRAND, sources_line, spoiler, truncate

_ROLE_LABEL = {Role.MAIN: "Main cast", Role.RECURRING: "Recurring", Role.GUEST: "Guest"}
_CONFIDENCE = {
    "high": "well sourced",
    "single_source": "single source",
    "role_unknown": "role not found in sources",
    "actor_unknown": "actor not found in sources",
}
_GROUPS: tuple[tuple[Role | None, str], ...] = (
    (Role.MAIN, "Main cast"),
    (Role.RECURRING, "Recurring"),
    (Role.GUEST, "Guests"),
    (None, "Also credited"),
)


def seasons_text(seasons: Sequence[int]) -> str:
    return ", ".join(str(n) for n in seasons)


def cast_embed(show: Show, member: CastMember) -> discord.Embed:
    """Everything the pack knows about one cast member; plot reveals stay behind spoilers."""
    if member.character and member.actor:
        lead = f"Played by **{member.actor}**"
    elif member.actor:
        lead = f"**{member.actor}**: character not named in our sources"
    else:
        lead = "Actor not named in our sources"
    embed = discord.Embed(
        title=member.name, description=f"{lead}\n\n{member.description}", colour=BRAND
    )
    embed.add_field(name="Seasons", value=seasons_text(member.seasons), inline=True)
    role = _ROLE_LABEL[member.role] if member.role else "Not stated"
    embed.add_field(name="Role", value=role, inline=True)
    aliases = [*member.character_aliases, *member.actor_aliases]
    if aliases:
        embed.add_field(name="Also known as", value=", ".join(aliases), inline=False)
    hidden = [member.spoiler] if member.spoiler else []
    if member.spoiler_aliases:
        hidden.append(f"Also known as {', '.join(member.spoiler_aliases)}.")
    if hidden:
        embed.add_field(name="Spoilers", value=spoiler(" ".join(hidden)), inline=False)
    notes = " ".join(n for n in (member.role_note, member.note) if n)
    if notes:
        embed.add_field(name="Note", value=notes, inline=False)
    embed.add_field(name="Sources", value=sources_line(member.sources), inline=False)
    embed.set_footer(text=f"{show.title} · {_CONFIDENCE[member.confidence]}")
    return clamp_embed(embed)


def _line(member: CastMember) -> str:
    if member.character and member.actor:
        return f"**{member.character}**: {member.actor}"
    if member.actor:
        return f"**{member.actor}** (role not stated)"
    return f"**{member.character}** (actor not named)"


def cast_list_embed(
    show: Show, members: Sequence[CastMember], season: int | None = None
) -> discord.Embed:
    """Main cast first, then recurring, guests and everyone else, in pack order."""
    scope = f"season {season}" if season is not None else "all seasons"
    embed = discord.Embed(title=f"{show.title}: cast ({scope})", colour=BRAND)
    for role, label in _GROUPS:
        lines = [_line(m) for m in members if m.role is role]
        for i, chunk in enumerate(_chunks(lines, FIELD_VALUE)):
            embed.add_field(name=label if i == 0 else f"{label} (cont.)", value=chunk, inline=False)
    if not members:
        embed.description = "No cast in our sources for this season yet."
    embed.set_footer(text="/cast name:… shows one person in detail")
    return clamp_embed(embed)


def _chunks(lines: Sequence[str], limit: int) -> list[str]:
    """Join lines into blocks of at most ``limit`` characters, never splitting a line."""
    chunks: list[str] = []
    current = ""
    for line in lines:
        line = truncate(line, limit)
        if current and len(current) + 1 + len(line) > limit:
            chunks.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    if current:
        chunks.append(current)
    return chunks
