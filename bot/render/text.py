"""Text helpers shared by every card: safe outside text, timestamps, source links, truncation."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, date, datetime, time
from typing import Literal
from urllib.parse import quote, urlsplit

import discord

from bot.catalog.dates import PartialDate, release_start
from bot.news.markup import calm_marks, strip_bidi_controls
from bot.news.models import Certainty

BRAND = discord.Colour.from_rgb(235, 94, 142)
ELLIPSIS = "…"

_BROADCAST = re.compile(r"@(everyone|here)", re.IGNORECASE)
_RAW_MENTION = re.compile(r"@([!&]?\d{15,21})")
# <@id> <@!id> <@&id> <#id> </cmd:id>: break the token so Discord cannot resolve it. So
# too what outside text could draw with: an emoji image of its choosing (<:name:id>,
# <a:name:id>), a date (<t:…>), a link to a server page (<id:customize>), a sound.
_ANGLE_MENTION = re.compile(r"<(?=[@#/:]|a:|t:|id:|sound:)")
_SPOILER_BREAKERS = re.compile(r"[\\|]")
# What Discord's markdown reads anywhere in a line (emphasis, code, spoilers, masked links,
# and the backslash itself), and what it reads only at a line's start (headings, subtext,
# quotes, lists).
_FILE_NAME = re.compile(r"\.(txt|md|json|toml|pdf|html?)$", re.IGNORECASE)
_MARKDOWN = re.compile(r"[\\*_~`|\[\]]")
# A bare URL is left as it is: Discord links it whole, reading no markdown inside it, and a
# backslash would change where it goes. (Roughly Discord's own rule for where a URL ends.)
# Brackets end it, so they are always escaped: "https://a](https://evil" in a link's label
# would otherwise close the label and open a link of the feed's choosing.
_URL_OR_MARK = re.compile(rf"(https?://[^\s<\[\]]+[^<.,:;\"')\[\]\s])|{_MARKDOWN.pattern}")
_LINE_MARK = re.compile(r"(?m)^(\s*)([#>+-]|\d+(?=\.))")
_SPACES = re.compile(r"\s+")
_ZWSP = "\u200b"

TimestampStyle = Literal["t", "T", "d", "D", "f", "F", "R"]


def safe_text(text: str, *, one_line: bool = False) -> str:
    """Neutralise anything from outside (feeds, users) before it goes into a message or embed.

    Mentions (@everyone, @here, users, roles, channels, commands) lose their power, markdown
    and masked links are escaped, and spoiler bars cannot be opened or closed. Bidi overrides
    and isolates go too: they run on past the outside text and reorder the bot's own words
    after it (a feed server's status line reaches a public notice); so do a character's
    combining marks past a few ("zalgo" draws over the lines around it).
    """
    text = calm_marks(strip_bidi_controls(text))
    if one_line:
        text = _SPACES.sub(" ", text).strip()
    # Every mark, not discord.py's escape_markdown: that escapes only the start of a
    # "[...](...)" span, which it matches greedily, so the bold and the spoilers between two
    # brackets stayed live.
    text = _URL_OR_MARK.sub(_escape_mark, text)
    text = _LINE_MARK.sub(_unmark_line, text)
    text = _BROADCAST.sub(lambda m: f"@{_ZWSP}{m.group(1)}", text)
    text = _RAW_MENTION.sub(lambda m: f"@{_ZWSP}{m.group(1)}", text)
    return _ANGLE_MENTION.sub(f"<{_ZWSP}", text)


def _escape_mark(found: re.Match[str]) -> str:
    return found[1] or "\\" + found[0]


def _unmark_line(mark: re.Match[str]) -> str:
    indent, sign = mark.groups()
    # A backslash before a digit is shown, not read: an ordered list's number keeps its
    # digits and loses its dot.
    return f"{indent}{sign}\\" if sign[0].isdigit() else f"{indent}\\{sign}"


def spoiler(text: str) -> str:
    """``text`` behind spoiler bars it cannot close early: a ``||`` of its own (or a trailing
    backslash escaping the closing bars) would show the rest in the clear."""
    return "||" + _SPOILER_BREAKERS.sub(lambda m: "\\" + m[0], text) + "||"


def break_urls(text: str) -> str:
    """No address in ``text`` is a link any more (a zero-width space after its scheme); call
    before ``safe_text``, so what were URLs are escaped like any other text."""
    return text.replace("://", f":{_ZWSP}//")


def truncate(text: str, limit: int) -> str:
    """Cut to ``limit`` characters with an ellipsis, never inside a mark or a token.

    A cut keeps no half of a mention, timestamp or masked link (Discord would show its raw
    markup), and closes the bold, code or spoiler it leaves open: an unclosed ``||`` would
    show the rest of the text in the clear.
    """
    if len(text) <= limit:
        return text
    if limit <= len(ELLIPSIS) + 2:
        return ELLIPSIS
    room = limit - len(ELLIPSIS)
    while True:
        cut = _cut(text, room)
        closers = _closers(cut)
        if len(cut) + len(closers) <= room:
            return cut + ELLIPSIS + closers
        room = max(0, min(room - 1, len(cut) - len(closers)))


def shorten(text: str, limit: int) -> str:
    """Plain text, shown as it is or escaped after (a forum post's, a feed's or a choice's
    name, an address or a rule in a code span, a headline become a link's label), cut to
    ``limit`` characters with an ellipsis, on a character as shown and at a word's end when
    one is close by. Nothing in it is read as
    markdown: ``truncate`` would add closers that show as written ("Kitty`s…`") and step back
    before a "[" it took for a link, dropping a bracketed aside whole."""
    if len(text) <= limit:
        return text
    if limit <= len(ELLIPSIS) + 2:
        return ELLIPSIS
    return _cut(text, limit - len(ELLIPSIS), markdown=False) + ELLIPSIS


# What a cut must not end inside: a mention, channel, command, emoji or timestamp code, or a
# masked link (the bot's own: outside text has its brackets and angle codes escaped).
_OPEN_TOKEN = re.compile(
    r"<(?:[@#/:]|a:|t:|id:|sound:)[^<>\s]*$|(?<!\\)\[(?:\\.|[^\\\]\n])*(?:\](?:\([^)\s]*)?)?$"
)
_UNESCAPED = re.compile(r"\\.|\*\*|\|\||`")


def _cut(text: str, room: int, *, markdown: bool = True) -> str:
    """``text`` cut to at most ``room`` characters, on a character as shown, at a word's end
    when one is close by; in ``markdown``, before any token the cut would halve."""
    cut = text[: _cluster_start(text, room)]
    space = cut.rfind(" ")
    if space > 0 and space >= len(cut) - 24:
        cut = cut[:space]  # end on a word when one is close by
    if not markdown:
        return cut.rstrip()
    if token := _OPEN_TOKEN.search(cut):
        cut = cut[: token.start()]
    return cut.rstrip().rstrip("\\")


def _closers(cut: str) -> str:
    """The marks that close what ``cut`` leaves open, the last opened first (inside code,
    nothing else is read)."""
    opened: list[str] = []
    for found in _UNESCAPED.finditer(cut):
        mark = found[0]
        if mark[0] == "\\" or ("`" in opened and mark != "`"):
            continue  # an escaped character, or a mark inside code: shown as it is
        if mark in opened:
            opened.remove(mark)
        else:
            opened.append(mark)
    return "".join(reversed(opened))


def _extends(char: str) -> bool:
    """Whether ``char`` belongs to the character before it: a combining mark, a joiner, a
    variation selector or an emoji's skin tone."""
    return (
        unicodedata.combining(char) > 0
        or char in "\u200d\ufe0e\ufe0f"
        or "\U0001f3fb" <= char <= "\U0001f3ff"
    )


def _cluster_start(text: str, at: int) -> int:
    """``at`` moved back to the start of the character as shown (a grapheme cluster) it
    falls in, roughly: a cut there would leave an accent off its letter, half a joined emoji
    or one letter of a flag."""
    while 0 < at < len(text) and (_extends(text[at]) or text[at - 1] == "\u200d"):
        at -= 1
    flag = 0  # regional indicators before ``at``: a flag is two of them
    while at - flag > 0 and "\U0001f1e6" <= text[at - flag - 1] <= "\U0001f1ff":
        flag += 1
    return (
        at - 1 if flag % 2 and at < len(text) and "\U0001f1e6" <= text[at] <= "\U0001f1ff" else at
    )


def unix(when: date | datetime) -> int:
    """Seconds since the epoch. A bare date means noon UTC, which falls on that same calendar
    day for almost every reader's time zone."""
    if not isinstance(when, datetime):
        when = datetime.combine(when, time(12), tzinfo=UTC)
    elif when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return int(when.timestamp())


def day_ahead(day: date, now: datetime) -> bool:
    """Whether ``day`` (known to the day, no hour) is still to come at ``now`` (UTC). Shown at
    noon UTC, it is not counted down once it has begun."""
    return day > now.date()


def release_ahead(day: date, now: datetime) -> bool:
    """Whether a premiere on ``day`` is still to come: until midnight US Pacific, when it comes
    out (on its day in UTC, at 07:00 or 08:00)."""
    return release_start(day) > now


def release_countdown(day: date) -> str:
    """A live countdown to a premiere on ``day``: to the moment it comes out, not to the noon
    UTC that shows its day, which is hours later."""
    return release_day(day, "R")


def release_day(day: date, style: TimestampStyle = "D") -> str:
    """A premiere's ``day`` as the moment it comes out, so each reader sees the day it does
    where they are: noon UTC is already the next day from UTC+12 (New Zealand)."""
    return timestamp(release_start(day), style)


def timestamp(when: date | datetime, style: TimestampStyle = "D") -> str:
    """A Discord timestamp: every reader sees it in their own zone (and language)."""
    return f"<t:{unix(when)}:{style}>"


_YEAR_INFERRED = ", year inferred"


def date_label(certainty: Certainty | None, *, year_inferred: bool) -> str:
    """How sure a date is, in words: "reported", "confirmed, year inferred"."""
    return (certainty.label if certainty else "unsourced") + (
        _YEAR_INFERRED if year_inferred else ""
    )


def when_text(
    when: PartialDate | None,
    *,
    approximate: bool = False,
    now: datetime | None = None,
    year_inferred: bool = False,
    release: bool = False,
) -> str:
    """A day becomes a timestamp (plus a live countdown when still ahead: to the moment it
    comes out, for a ``release``); a month or a year stays as words, since a timestamp would
    claim a day nobody announced. A year the sources never gave is said to be inferred: a
    timestamp shows it as plain fact."""
    if when is None:
        return "date unknown"
    prefix = "about " if approximate else ""
    inferred = _YEAR_INFERRED if year_inferred else ""
    exact = when.exact
    if exact is None:
        return prefix + when.human() + inferred
    text = prefix + (release_day(exact) if release else timestamp(exact, "D")) + inferred
    if now is None:
        return text
    if release:
        return text + f" ({release_countdown(exact)})" if release_ahead(exact, now) else text
    return text + f" ({timestamp(exact, 'R')})" if day_ahead(exact, now) else text


def certainty_label(certainty: Certainty) -> str:
    return certainty.label


def is_url(source: str) -> bool:
    return source.startswith(("https://", "http://"))


def domain(url: str) -> str:
    """The site's name as a label: a host in another script is shown in its ASCII form
    (punycode), as browsers show a mixed one, since "nеtflix.com" with a Cyrillic "е" reads as
    netflix.com and is another site."""
    host = urlsplit(url).hostname or url
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:  # no valid IDN: its bytes, percent-encoded
            host = quote(host, safe=".-")
    return host.removeprefix("www.")


# What reads as an address in a label, whatever look-alike spells it (checked after NFKC,
# which makes fullwidth and leader dots plain): a scheme, "www.", or a dotted name ending
# in letters ("netflix.com", "nеtflix.com/tudum").
_ADDRESS = re.compile(r"://|\bwww\d*\.|[\w-]\.[^\W\d_]{2,}\b", re.IGNORECASE)


def shows_other_address(text: str, url: str) -> bool:
    """Whether ``text`` shows something a reader takes for a web address other than the bare
    name of ``url``'s site."""
    shown = unicodedata.normalize("NFKC", text).replace(_ZWSP, "").casefold()
    return bool(_ADDRESS.search(shown.replace(domain(url).casefold(), " ")))


def inert_url(url: str) -> str:
    """``url`` with brackets, parentheses, spaces, angle brackets and backticks
    percent-encoded: it cannot end early and leave markdown or a mention behind it."""
    return quote(url, safe=":/?#@!$&'*+,;=%")


def link(url: str, text: str | None = None) -> str:
    """A masked link whose text is escaped, its URLs broken (a label holds no link of its
    own), and whose target cannot break out. Without ``text`` the label is the site's name,
    escaped too: a feed's link picks its host, and a host may hold ``_``, ``|`` or backticks.
    A ``text`` that shows an address is no label (it would show one site and open another,
    and a broken scheme slips past Discord's own check): it stands beside the site's link."""
    if text and shows_other_address(text, url):
        return f"{safe_text(break_urls(text), one_line=True)} ({link(url)})"
    label = safe_text(break_urls(text or domain(url)), one_line=True)
    return f"[{label}]({inert_url(url)})"


def source_ref(source: str, title: str | None = None) -> str:
    """A URL becomes a link named after its site; a citation without a URL stays plain."""
    if is_url(source):
        return link(source, title)
    # A citation without a URL: its name, without the parenthetical detail. Where the
    # name is a file ("seed article 000_….txt"), a fan learns more from who wrote it.
    name, _, detail = source.partition(" (")
    author = detail.split(";")[0].rstrip(")").strip()
    if _FILE_NAME.search(name) and author:
        name = author
    return safe_text(shorten(name, 60), one_line=True)


def sources_line(
    sources: Sequence[str | tuple[str, str | None]], limit: int = 3, *, more_word: str = " more"
) -> str:
    """'[site.com](…) · [site.com 2](…) · +3 more': URLs (or (URL, title) pairs), deduplicated;
    a site cited twice gets a number so the two links can be told apart."""
    pairs = [s if isinstance(s, tuple) else (s, None) for s in sources]
    unique = list(dict.fromkeys(pairs))
    seen: Counter[str] = Counter()
    shown = []
    for url, title in unique[:limit]:
        label = title
        if not title and is_url(url):
            seen[domain(url)] += 1
            n = seen[domain(url)]
            label = domain(url) if n == 1 else f"{domain(url)} {n}"
        shown.append(source_ref(url, label))
    more = len(unique) - limit
    return " · ".join(shown) + (f" · +{more}{more_word}" if more > 0 else "")


def plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def and_list(items: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def seasons_text(numbers: Sequence[int]) -> str:
    """``season 4``, ``seasons 4 and 5``, ``seasons 4, 5 and 6``."""
    return ("season " if len(numbers) == 1 else "seasons ") + and_list([str(n) for n in numbers])
