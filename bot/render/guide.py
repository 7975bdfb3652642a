"""The command guide /about and /help show: each command a fan (or a moderator) can run
where they are, as a clickable mention, with a few words each."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from discord import app_commands

# Discord's embed limits: a field's value, and the fields of one embed.
FIELD_CHARS = 1024
MAX_FIELDS = 25


@dataclass(frozen=True, slots=True)
class GuideLine:
    """One top-level command: its name, its subcommands' names (none for a plain command),
    its description, and who may run it where."""

    name: str
    subcommands: tuple[str, ...]
    blurb: str
    moderator: bool
    anywhere: bool  # a user install and DMs offer it, not only a server that added the bot


def guide_lines(commands: Iterable[object]) -> list[GuideLine]:
    """The guide as the tree declares it, so a new command or subcommand is never missing."""
    lines = []
    for command in commands:
        if not isinstance(command, app_commands.Command | app_commands.Group):
            continue  # context menus have no slash name to mention
        subs: tuple[str, ...] = ()
        if isinstance(command, app_commands.Group):
            subs = tuple(
                " ".join(leaf.qualified_name.split()[1:])
                for leaf in command.walk_commands()
                if isinstance(leaf, app_commands.Command)
            )
        perms = command.default_permissions
        installs = command.allowed_installs
        lines.append(
            GuideLine(
                name=command.name,
                subcommands=subs,
                blurb=command.description,
                moderator=perms is not None and perms.manage_guild,
                anywhere=installs is not None and installs.user,
            )
        )
    return sorted(lines, key=lambda line: line.name)


def mention(path: str, ids: Mapping[str, int]) -> str:
    """``</feeds add:ID>``, which Discord shows as a command the reader can click; a plain
    ``/feeds add`` while the command's id is unknown (not synced yet)."""
    command_id = ids.get(path.split()[0])
    return f"</{path}:{command_id}>" if command_id is not None else f"/{path}"


def _line_text(line: GuideLine, ids: Mapping[str, int]) -> str:
    paths = [f"{line.name} {sub}" for sub in line.subcommands] or [line.name]
    return " · ".join(mention(path, ids) for path in paths) + f" — {line.blurb}"


def _packed(title: str, texts: list[str]) -> list[tuple[str, str]]:
    """Lines packed into fields of at most FIELD_CHARS; the further ones named as continued."""
    fields: list[tuple[str, str]] = []
    current: list[str] = []
    for text in texts:
        text = text[:FIELD_CHARS]  # one line never overflows a field on its own
        if current and len("\n".join([*current, text])) > FIELD_CHARS:
            fields.append((title if not fields else f"{title} (continued)", "\n".join(current)))
            current = []
        current.append(text)
    if current:
        fields.append((title if not fields else f"{title} (continued)", "\n".join(current)))
    return fields


def guide_fields(
    lines: Iterable[GuideLine],
    ids: Mapping[str, int],
    *,
    server_install: bool,
    moderator: bool,
    public: bool = False,
    room: int = MAX_FIELDS,
) -> list[tuple[str, str]]:
    """The guide as embed fields (name, value), at most ``room`` of them. Where the bot's
    server install is absent (a DM, a server only a fan's own install reaches) only the
    commands offered there are listed; moderator ones only to a member who may run them, and
    never in a ``public`` guide, which everyone reads: it says where moderators find theirs."""
    shown = [line for line in lines if line.anywhere or server_install]
    fans = [_line_text(line, ids) for line in shown if not line.moderator]
    mods = [_line_text(line, ids) for line in shown if line.moderator and moderator]
    fields = _packed("Commands", fans)
    if not public:
        fields += _packed("For moderators", mods)
    elif any(line.moderator for line in shown):
        fields.append(("For moderators", f"{mention('help', ids)} lists yours too, to you alone."))
    return fields[:room]
