"""``/feeds list``: each feed's health in words and Discord timestamps (pure)."""

from __future__ import annotations

from collections.abc import Sequence

import discord
from discord.app_commands import Choice

from bot.errors import UserFacingError
from bot.moderation.keywords import describe_filter
from bot.moderation.text import plural, stamp
from bot.moderation.urls import same_address
from bot.news.dedupe import fold
from bot.news.guard import TOKEN_TAIL, redacted
from bot.news.messages import safe_text
from bot.render.limits import TOTAL, clamp_embed, lines_within
from bot.render.text import shorten, truncate
from bot.store.feeds import NOTE, Feed, GuildFeed

MAX_FEEDS_PER_GUILD = 25
# Eight feeds of at most 500 + 100 characters fit one embed's budget; on page 1 the intro
# (and its list of shared feeds) gets what is left.
PAGE_SIZE = 8
FIELD_LIMIT = 500
# A feed's address in its field: a long one (up to 2,048) would leave no room for its health.
URL_LIMIT = 150
INTRO_LIMIT = 2000
_SHARED = "\n\n**Shared feeds** (every server hears these):\n"


def feed_label(feed: Feed, limit: int = 100, *, tail: int = 0) -> str:
    """How a feed is named in lists and autocomplete (title, else URL, its credentials
    masked: a shared feed's address is the host's, shown to every server). A blank title
    (the host's feeds file may give one) is none: Discord refuses an empty choice name.
    ``tail``: a server's own feed keeps its path token's last characters (``own_address``)."""
    address = redacted(feed.url, tail=tail)
    name = " ".join((feed.title or "").split()) or " ".join(address.split())
    return shorten(name, limit)


def own_address(feed: Feed) -> str:
    """A server's own feed's address as its lists show it: two feeds that differ only in a
    path token (``/rss/<token>``) must not read alike, so the token's last characters stay
    (``guard.TOKEN_TAIL``: no help in guessing it)."""
    return redacted(feed.url, tail=TOKEN_TAIL)


def feed_choices(own: Sequence[GuildFeed], typed: str) -> list[Choice[str]]:
    """Autocomplete's list of a server's feeds matching ``typed``, valued by id. Feeds that
    share a title (two outlets' "News") are told apart by their address. Titles are
    compared as the keyword filter reads them (``dedupe.fold``: "istanbul" in "İSTANBUL");
    an address as the list or a reply shows it (masked), or whole. Never part of the real
    address: each keystroke would say whether the hidden token goes on so, and spell it out."""
    whole = typed.strip()
    typed = fold(whole)
    labels = [feed_label(sub.feed, tail=TOKEN_TAIL) for sub in own]
    folded = [fold(label) for label in labels]
    choices = []
    for sub, label, key in zip(own, labels, folded, strict=True):
        if (
            typed in key
            or any(typed in fold(address) for address in _shown(sub.feed))
            or same_address(whole, sub.feed.url)
        ):
            name = _named_apart(sub.feed) if folded.count(key) > 1 else label
            choices.append(Choice(name=name, value=str(sub.feed.id)))
    return choices[:25]


def _named_apart(feed: Feed) -> str:
    address = own_address(feed).split("://", 1)[-1]
    return f"{feed_label(feed, 50, tail=TOKEN_TAIL)} · {shorten(address, 47)}"


def pick_feed(own: Sequence[GuildFeed], wanted: str) -> GuildFeed:
    """One of a server's feeds by autocomplete value (its id), address, address as shown
    masked (``/feeds list``'s, or a reply's or log's, all ``***``) or title, in that order: a
    feed titled "7" must not stand in for feed 7 picked from the list. A title or masked
    address several feeds share names none of them: the moderator is asked which."""
    wanted = wanted.strip()
    masked = [sub for sub in own if _shown_as(wanted, sub.feed)]
    for found in (
        [sub for sub in own if wanted == str(sub.feed.id)],
        [sub for sub in own if same_address(wanted, sub.feed.url)],
        masked,
        [sub for sub in own if fold(wanted) == fold(feed_label(sub.feed, tail=TOKEN_TAIL))],
    ):
        if len(found) == 1:
            return found[0]
        if found and found is masked:
            raise UserFacingError(
                f"More than one feed matches “{safe_text(wanted, 100)}”: its secret part is "
                "hidden. Pick one from the list (`/feeds list` numbers them)."
            )
        if found:
            raise UserFacingError(
                f"{len(found)} of this server's feeds are called "
                f"“{safe_text(wanted, 100)}”. Pick one from the list, or give its address "
                "(`/feeds list` shows each one's)."
            )
    raise UserFacingError(
        f"This server doesn't follow a feed matching “{safe_text(wanted, 100)}”. "
        "Pick one from the list, or see `/feeds list`."
    )


def _shown_as(typed: str, feed: Feed) -> bool:
    """Whether ``typed`` is ``feed``'s address as shown masked: in a list (a token's last
    characters kept) or in a reply or the log (all ``***``)."""
    return "***" in typed and any(same_address(typed, shown) for shown in _shown(feed))


def _shown(feed: Feed) -> tuple[str, str]:
    """``feed``'s address as moderators see it: in a list (a token's last characters kept)
    and in a reply or the log (all ``***``)."""
    return own_address(feed), redacted(feed.url)


def status_line(feed: Feed) -> str:
    if feed.disabled_reason is not None:
        since = f" since {stamp(feed.disabled_at, 'R')}" if feed.disabled_at else ""
        return f"🔴 disabled{since}: {safe_text(feed.disabled_reason, 300)}"
    if feed.failures:
        return f"🟠 failing: {plural(feed.failures, 'failure')} in a row, backing off"
    if feed.last_success_at is None:
        return "⚪ not polled yet"
    return "🟢 healthy"


def _icon(feed: Feed) -> str:
    return status_line(feed).split(" ", 1)[0]


def shared_row(feed: Feed) -> str:
    """A shared feed in a server's list: a disabled one says why, and who can restart it."""
    row = f"{_icon(feed)} {safe_text(feed_label(feed, 60), 80)}"
    if feed.enabled:
        return row
    # No server can mend a shared feed, so this says who can, not how.
    reason = safe_text(feed.disabled_reason or "", 100)
    return f"{row}: stopped ({reason}); only the bot's host can start it again"


def health_text(feed: Feed, include: tuple[str, ...] = (), exclude: tuple[str, ...] = ()) -> str:
    lines = [
        f"`{shorten(own_address(feed).replace('`', ''), URL_LIMIT)}`",
        status_line(feed),
        f"Last success: {stamp(feed.last_success_at)}",
    ]
    if feed.last_error and feed.last_error.startswith(NOTE):
        lines.append(f"Note: {safe_text(feed.last_error.removeprefix(NOTE), 200)}")
    elif feed.last_error:
        lines.append(
            f"Last error ({stamp(feed.last_attempt_at)}): {safe_text(feed.last_error, 200)}"
        )
    if feed.enabled:
        lines.append(f"Next poll: {stamp(feed.next_poll_at, missing='soon')}")
    lines.append(f"Filter: {safe_text(describe_filter(include, exclude), 300)}")
    return "\n".join(lines)


def feeds_embeds(own: Sequence[GuildFeed], shared: Sequence[Feed]) -> list[discord.Embed]:
    """One embed per page of feeds; each page stays inside Discord's 6000-character budget."""
    pages = [list(own[i : i + PAGE_SIZE]) for i in range(0, len(own), PAGE_SIZE)] or [[]]
    embeds = [_page_embed(page, number, len(pages)) for number, page in enumerate(pages)]
    first = embeds[0]
    # Page 1's intro shares the embed's total with that page's feeds: it gets what they leave.
    room = min(INTRO_LIMIT, TOTAL - len(first))  # len: what Discord counts toward TOTAL
    first.description = _intro(len(own), shared, room)
    return [clamp_embed(embed) for embed in embeds]


def _page_embed(page: Sequence[GuildFeed], number: int, count: int) -> discord.Embed:
    embed = discord.Embed(
        title="News feeds" + (f" ({number + 1}/{count})" if count > 1 else ""),
        colour=discord.Colour.blurple(),
    )
    for offset, sub in enumerate(page, start=number * PAGE_SIZE + 1):
        embed.add_field(
            name=truncate(
                f"{offset}. {safe_text(feed_label(sub.feed, tail=TOKEN_TAIL), 200)}", 100
            ),
            value=truncate(health_text(sub.feed, sub.include, sub.exclude), FIELD_LIMIT),
            inline=False,
        )
    return embed


def _intro(own: int, shared: Sequence[Feed], room: int) -> str:
    """What the server follows, then the shared feeds in as many lines as ``room`` holds."""
    intro = (
        f"This server follows {plural(own, 'feed')} of its own "
        f"(at most {MAX_FEEDS_PER_GUILD}; `/feeds add`, `/feeds remove`)."
        if own
        else "This server follows no feeds of its own yet: add one with `/feeds add`."
    )
    if not shared:
        return intro
    rows = [shared_row(f) for f in shared]
    room -= len(intro) + len(_SHARED)
    return intro + _SHARED + lines_within(rows, room, lambda n: f"…and {n} more")
