"""Feed bytes → normalised ``Article`` values (pure; run it in a worker thread).

feedparser does the hard part. This module decides what an entry *is* for the
rest of the pipeline:

* key: ``guid:<id>``, else ``link:<canonical url>``, else ``hash:<sha256 of title or
  summary, and date>``; values longer than ``KEY_MAX`` are replaced by their sha256;
* url: canonical (see ``canonical_url``), "" when the entry has no http(s) link; the
  article's own address where FeedBurner gives it (``feedburner:origLink``) rather than its
  feedproxy.google.com redirect (the key keeps the entry's link, as it always was);
* published: aware UTC from ``published_parsed``, else ``updated_parsed``, else None;
  None too for a date more than ``FUTURE_SLACK`` after the parse or before ``EARLIEST``
  (the key keeps it);
* title/summary: plain text, whitespace collapsed, clipped; a summary without the line its
  CMS appends to every entry ("The post … appeared first on …", "Read full article >>",
  "Continue reading →"). Markup is removed only
  from fields the feed declares as HTML, so a plain-text title such as
  ``@everyone <@&1>`` stays exactly that (escaping is the renderer's job);
* at most ``ARTICLES_MAX`` articles, the newest, unless the caller asks for all;
* a document cut short (its XML ends mid-way) in an entry names it ``unfinished``: what
  came after the cut (its guid, date, summary) is missing from it.

Ill-formed input: whatever feedparser recovered is kept and the problem is recorded
as one line; something that is not a feed at all gives no articles and a problem
starting with ``not a feed:``. Character references to UTF-16 surrogates, which crash
feedparser, are mended first (see ``_mend_surrogate_refs``).
"""

from __future__ import annotations

import calendar
import codecs
import contextlib
import hashlib
import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import (
    SplitResult,
    parse_qsl,
    unquote_plus,
    urlencode,
    urljoin,
    urlsplit,
    urlunsplit,
)

from bot.news.markup import collapse_whitespace, html_to_text, tags_end
from bot.news.models import Article

__all__ = ["KEY_SCHEME", "ParsedFeed", "canonical_url", "feed_key", "parse_feed"]

TITLE_MAX = 300
SUMMARY_MAX = 1000  # (markup.SCAN_MAX reads twenty times this much markup)
KEY_MAX = 256
# Longer links are junk or hostile (a link is 2,048 characters at most where we show it).
LINK_MAX = 4096
# google.com/url redirects unwrapped per link; real ones are never nested this deep.
UNWRAP_MAX = 3
# A date further ahead than clock skew explains is a wrong year or a lie: read as undated,
# the entry is dated by the poll that first sees it, not by a "today" years away.
FUTURE_SLACK = timedelta(days=1)
# A date before feeds existed is a placeholder (the Unix epoch, .NET's year 1), read as
# undated like a future one.
EARLIEST = datetime(1995, 1, 1, tzinfo=UTC)
# Dates feedparser reads as a day nobody gave, undated too: PHP's zero date, written
# "-0001-11-30" (read as 2000-01-01), and a W3C date that stops at the year or the month
# (read as its first day, so weeks old).
_NO_DAY = re.compile(r"\s*(?:-|\d{4}(?:-\d{2})?\s*$)")
PROBLEM_MAX = 200
_SAX_DRIVER = "bot.news.saxdriver"
# Entries kept per document (the newest): real feeds list tens. A 5 MB feed of tiny entries
# holds ~70,000, which the bot would hold in memory, judge in one transaction and, in "all"
# mode, queue as as many posts.
ARTICLES_MAX = 500
NOT_A_FEED = "not a feed"
# feedparser's notes on a document it read in full: no sign that the feed was cut short.
_READ_ANYWAY = ("CharacterEncodingOverride: ", "NonXMLContentType: ")
# What expat says of a document that ends before its elements do: cut short in transit.
_CUT_SHORT = ("no element found", "unclosed token", "partial character", "unclosed CDATA")
# An entry's start and end tags, in any namespace: a document cut after its last entry's end
# (or a feed that never closes its root) has no entry unfinished. Read from the last
# ``_ENTRY_TAIL`` bytes: without an end tag there, the last entry is taken as unfinished.
_ENTRY_START = re.compile(rb"<(?:[\w.-]+:)?(?:item|entry)[\s/>]")
_ENTRY_END = re.compile(rb"</(?:[\w.-]+:)?(?:item|entry)\s*>")
_ENTRY_TAIL = 256 * 1024
_NOT_TAGS = re.compile(rb"<!\[CDATA\[.*?(?:]]>|\Z)|<!--.*?(?:-->|\Z)", re.DOTALL)

_TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "gclsrc", "dclid", "msclkid", "yclid", "mc_cid", "mc_eid", "igshid"}
)
_TRACKING_MARKERS = ("utm_", "clid", "clsrc", "mc_", "igshid")
# More trackers, dropped from the link a post shows only (``shown_link``): mailing and
# marketing tools' (HubSpot, Marketo, Mailchimp, Vero, Olytics), ad networks' click ids,
# Google Analytics' linker. Names no site reads to pick a page.
_SHOWN_TRACKERS = frozenset(
    {
        "_hsenc",
        "_hsmi",
        "__hstc",
        "__hssc",
        "__hsfp",
        "mkt_tok",
        "twclid",
        "ttclid",
        "li_fat_id",
        "wickedid",
        "rb_clickid",
        "_ga",
        "_gl",
        "vero_id",
        "vero_conv",
        "oly_anon_id",
        "oly_enc_id",
        "s_cid",
    }
)
_SHOWN_TRACKER_PREFIXES = ("mc_", "hsa_", "pk_", "mtm_")
# What a feed's "&" escaped twice (or more) leaves before a parameter's name.
_DOUBLE_ESCAPED = re.compile(r"^(?:amp;)+")
_GOOGLE_HOST = re.compile(r"(?:www\.)?google\.(?:com|[a-z]{2}|co\.[a-z]{2}|com\.[a-z]{2})")

# What a CMS ends each summary with (see ``without_boilerplate``), read from the summary's
# last ``_TAIL_SCAN`` characters (a headline and a site's name fit), so a long text costs
# no more. A call to read on is one only as the text's last words, or ending in an arrow or
# an ellipsis ("Continue reading to find out when!" is a sentence).
_TAIL_SCAN = TITLE_MAX + 200
_MORE = r"(?:→|»|>>|›|\.\.\.|…)"
_BOILERPLATE_TAIL = re.compile(
    r"(?:^|(?<=\s))(?:"
    r"The post \S.*? appeared first on \S.{0,100}?\."
    r"|(?:Continue reading|Keep reading|Read more|Read (?:the )?full (?:article|story|post))"
    rf"(?:\s*{_MORE}|\s+\S.{{0,{TITLE_MAX}}}?\s*{_MORE})?"
    r"|\((?:more|read more)\s*(?:…|\.\.\.)\)"
    r"|(?P<elided>\[(?:…|\.\.\.)\])"
    r")\s*$",
    re.DOTALL,
)
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_ENTITY = re.compile(r"&(?:[a-zA-Z]+|#[0-9]+|#x[0-9a-fA-F]+);")
# A numeric character reference to a UTF-16 surrogate (U+D800-DFFF, 55296-57343), as some
# CMSs write emoji; then any that follow it, so that a pair is mended together.
_SURROGATE_REF = (
    r"&#(?:[xX]0*[dD][89a-fA-F][0-9a-fA-F]{2}"
    r"|0*(?:5529[6-9]|55[3-9][0-9]{2}|56[0-9]{3}|57[0-2][0-9]{2}|573[0-3][0-9]|5734[0-3]));"
)
_SURROGATE_RUN = re.compile(f"{_SURROGATE_REF}(?:{_SURROGATE_REF})*")
# The same, to find in the bytes of an ASCII-compatible document without decoding it.
_SURROGATE_RUN_BYTES = re.compile(_SURROGATE_RUN.pattern.encode())
_NUMERIC_REF = re.compile(r"&#([xX]?)([0-9a-fA-F]+);")
# How a document in an encoding that is not ASCII-compatible starts: its byte order mark,
# else "<" (XML 1.0 appendix F). UTF-32 first: its little-endian mark begins with UTF-16's.
_WIDE_CODECS = {
    codecs.BOM_UTF32_BE: "utf-32-be",
    codecs.BOM_UTF32_LE: "utf-32-le",
    codecs.BOM_UTF16_BE: "utf-16-be",
    codecs.BOM_UTF16_LE: "utf-16-le",
    b"\0\0\0<": "utf-32-be",
    b"<\0\0\0": "utf-32-le",
    b"\0<": "utf-16-be",
    b"<\0": "utf-16-le",
}
_WIDE_STARTS = tuple(_WIDE_CODECS)
_BOMS = (
    codecs.BOM_UTF8,
    codecs.BOM_UTF32_BE,
    codecs.BOM_UTF32_LE,
    codecs.BOM_UTF16_BE,
    codecs.BOM_UTF16_LE,
)
# The single-byte charsets a server labels a body with when nobody told it the body's own.
_SERVER_DEFAULTS = frozenset(
    {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii", "windows-1252"}
)
_CHARSET = re.compile(r";?\s*charset\s*=\s*(?P<charset>[^;]*)", re.IGNORECASE)
# An XML declaration that names the document's encoding (read from its first bytes).
_HIGH_BYTES = bytes(range(0x80, 0x100))
_DECLARED = re.compile(rb"\s*<\?xml\b[^>]{0,200}?\bencoding\s*=", re.IGNORECASE)
# The legacy encodings a feed that names none may be in, told apart by a detector:
# Japanese, Korean, Chinese and Cyrillic; each with the name its moderators are told (a
# host knows Shift_JIS, not Python's "cp932", its Windows superset).
_LEGACY_CHARSETS = {
    "shift_jis": "Japanese Shift_JIS",
    "cp932": "Japanese Shift_JIS",
    "euc_jp": "Japanese EUC-JP",
    "euc_kr": "Korean EUC-KR",
    "cp949": "Korean EUC-KR",
    "gb18030": "Chinese GB18030",
    "big5": "Chinese Big5",
    "cp1251": "Cyrillic windows-1251",
    "koi8_r": "Cyrillic KOI8-R",
}
# And those a Western, Central European, Turkish or Greek feed may be in, offered to the
# detector too: where one of them reads a body as well as the best, the body is left to
# feedparser's windows-1252 (then iso-8859-2) as before. Offered only the legacy ones, the
# detector read Portuguese "Ação" as Big5 and Polish, Turkish or Greek as Cyrillic.
_LATIN_CHARSETS = ("cp1252", "cp1250", "iso8859_2", "cp1254", "iso8859_9", "cp1253", "iso8859_7")
_HTML_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    rb"<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)
# A web page names its feed in its head: <link rel="alternate" type="application/rss+xml"
# href="…">. Tags and attributes read with bounded patterns, in the page's first bytes.
_LINK_TAG = re.compile(rb"<link\b([^<>]{0,2000})>", re.IGNORECASE)
_ATTRIBUTE = re.compile(rb"""([a-z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)
_FEED_TYPES = {b"application/rss+xml", b"application/atom+xml", b"application/rdf+xml"}
# The head's first <base href>, if any, is what its relative links resolve against.
_BASE_TAG = re.compile(rb"<base\b([^<>]{0,2000})>", re.IGNORECASE)
_HEAD_END = re.compile(rb"</head\b|<body\b", re.IGNORECASE)
HEAD_SCAN = 256 * 1024
_BINARY_MAGIC = {
    b"\x1f\x8b": "gzip-compressed data",
    b"PK\x03\x04": "a ZIP archive",
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
}


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """One parsed feed: its own title/link, its articles, and what went wrong.

    ``version`` is feedparser's name for the format ("rss20", "atom10", …), "" when
    no feed structure was found.
    """

    title: str
    link: str
    articles: tuple[Article, ...]
    problems: tuple[str, ...]
    bozo: bool
    version: str = ""
    unfinished: str = ""  # the key of the entry the document was cut short in
    alternate: str = ""  # a web page's own feed, as its <link rel="alternate"> names it
    # How a sound document was read, worth a moderator's knowing but no problem of the feed
    # (an encoding detected where none was declared): shown as a note, never as an error.
    notes: tuple[str, ...] = ()

    def finished(self) -> tuple[Article, ...]:
        """The articles but the one the document was cut short in: read again from a whole
        copy, it could have a key of its own (a guid after the cut), so be news twice, and
        its summary or date may tell more than what came before the cut (its key, seen,
        would never be judged again)."""
        return tuple(a for a in self.articles if a.key != self.unfinished)

    @classmethod
    def unusable(cls, why: str) -> ParsedFeed:
        """No feed to use, and why (the reason is its ``error``)."""
        return cls("", "", (), (why,), True)

    @property
    def is_feed(self) -> bool:
        return bool(self.articles) or bool(self.version)

    @property
    def error(self) -> str | None:
        """The reason this input is unusable, or None when it is a feed.

        A feed whose XML broke before its first entry is unusable too: taken as an empty
        feed, a first poll would make its baseline of nothing, and the next whole document
        would be announced as new. Notes on a document feedparser read in full (a
        mislabelled charset or type) are no such break.
        """
        if not self.is_feed:
            return self.problems[0] if self.problems else f"{NOT_A_FEED}: no entries"
        broken = [p for p in self.problems if not p.startswith(_READ_ANYWAY)]
        return f"no entries: {broken[0]}" if broken and not self.articles else None


def parse_feed(
    body: bytes,
    url: str,
    headers: Mapping[str, str] | None = None,
    *,
    now: datetime | None = None,
    max_articles: int | None = ARTICLES_MAX,
) -> ParsedFeed:
    """Parse ``body`` fetched from ``url`` (``headers``: the HTTP response headers, if any).

    ``now`` (default: the clock) is when the feed was read, for telling future dates;
    ``max_articles``: keep only that many, the newest (None: all).
    """
    refusal = _sniff_non_feed(body)
    if refusal:
        return _not_a_feed(refusal)
    body = _whole_characters(body, "utf-8")
    # Only the charset and language matter. Content-Location is left out on purpose:
    # feedparser resolves RSS guids against it, and a guid (our entry key) must not
    # change with the address the feed was fetched from.
    response_headers = {
        name.lower(): value
        for name, value in (headers or {}).items()
        if name.lower() in ("content-type", "content-language")
    }
    # Without a type feedparser flags the feed (NonXMLContentType); application/xml
    # still leaves the charset to the XML declaration, as a file on disk would. So does
    # text/xml without a charset since RFC 7303, but feedparser keeps RFC 3023's US-ASCII
    # for it and flags many a sound feed as mis-encoded.
    # (feedparser also reads the media type in its case only: "TEXT/XML" is not XML to it.)
    media, _, params = response_headers.get("content-type", "").partition(";")
    media = media.strip().lower()
    params = _charset_as_written(params, body)
    declared = "charset" in params.lower()
    if not media or (media == "text/xml" and not declared):
        media, params = "application/xml", ""
    guessed = "" if declared else _undeclared_charset(body)
    if guessed:
        body = _whole_characters(body, guessed)
        params = "; ".join(p for p in (params.strip(" ;"), f"charset={guessed}") if p)
    response_headers["content-type"] = media + (f";{params}" if params else "")
    # Imported here, not at the top: the bot parses in a worker process (see
    # ``parsing``), so only the worker pays for feedparser's modules (about 2 MiB).
    import feedparser
    from feedparser import api

    from bot.news.saxdriver import READERS, TooDeep

    # The strict parser reads through our expat driver, which bounds attributes; both readers
    # bound the elements open at once.
    api.PREFERRED_XML_PARSERS = [_SAX_DRIVER]
    api.StrictFeedParser, api.LooseFeedParser = READERS
    try:
        # Markup is stripped to plain text below, so feedparser's sanitiser and
        # relative-URI rewriting inside HTML would be wasted work.
        data = feedparser.parse(
            _mend_surrogate_refs(body),
            response_headers=response_headers,
            sanitize_html=False,
            resolve_relative_uris=False,
        )
    except TooDeep as exc:
        return _not_a_feed(str(exc))
    except Exception as exc:  # feedparser has crashed on hostile input before
        return _not_a_feed(f"parser failed: {_one_line(exc)}")

    problems: list[str] = []
    bozo = bool(data.get("bozo"))
    if bozo:
        problems.append(_one_line(data.get("bozo_exception", "ill-formed feed")))
    # Read in full, on a guess: a note, not a problem (the feed parsed as written).
    notes = (_detected_note(guessed),) if guessed else ()
    version = str(data.get("version") or "")
    entries: list[dict[str, Any]] = data.get("entries") or []
    if not version and not entries:
        if not _HTML_START.match(body[:4096]):
            return _not_a_feed("no RSS, Atom or RDF root element", tuple(problems), bozo)
        # A site's home page, pasted for its feed: name the feed it links to.
        alternate = page_feed(body, url)
        why = "looks like an HTML page" + (f" (its feed: {alternate})" if alternate else "")
        return replace(_not_a_feed(why, tuple(problems), bozo), alternate=alternate)

    base = url if _is_web_url(url) else ""
    feed_info = data.get("feed") or {}
    articles, last = _articles(entries, url, base, problems, now or datetime.now(UTC))
    if max_articles is not None and len(articles) > max_articles:
        problems.append(f"kept the newest {max_articles:,} of {_entries(len(articles))}")
        articles = _newest(articles, max_articles)
    cut_short = bozo and _cut_short(data.get("bozo_exception")) and _in_an_entry(body)
    unfinished = last if cut_short and any(a.key == last for a in articles) else ""
    return ParsedFeed(
        title=_text(feed_info, "title", TITLE_MAX),
        link=canonical_url(str(feed_info.get("link") or ""), base),
        articles=articles,
        problems=tuple(problems),
        bozo=bozo or bool(guessed),
        version=version,
        unfinished=unfinished,
        notes=notes,
    )


def _detected_note(charset: str) -> str:
    return f"no encoding declared, read as {_LEGACY_CHARSETS.get(charset, charset)} (detected)"


def _charset_as_written(params: str, body: bytes) -> str:
    """The Content-Type parameters, less a charset the body shows is not its own: a byte
    order mark names the encoding whatever the header says (XML 1.0, appendix F), and bytes
    that read as UTF-8 are UTF-8 under a server's default single-byte charset (Apache's
    AddDefaultCharset): read as Latin-1, "’" is "â€™"."""
    found = _CHARSET.search(params)
    if found is None:
        return params
    rest = (params[: found.start()] + params[found.end() :]).strip(" ;")
    if body.startswith(_BOMS):
        return rest
    charset = found["charset"].strip("\"' ").lower()
    if charset in _SERVER_DEFAULTS and not body.isascii() and _is_utf8(body):
        return "; ".join(p for p in (rest, "charset=utf-8") if p)
    return params


def _undeclared_charset(body: bytes) -> str:
    """The legacy encoding (Shift_JIS, EUC-KR, GB18030, Big5, windows-1251…) of a body that
    names none (no charset, no byte order mark, no ``encoding=`` in its XML declaration) and
    is not UTF-8: feedparser would read it as windows-1252, mojibake. "" when it names one,
    when it is ASCII or UTF-8 (every check before the detector is one pass in C), and when a
    Latin-script or Greek encoding reads it as well as any (an English feed with one "’",
    "Ação": the detector has too little to go on, and feedparser's reading is the likelier)."""
    if (
        body.isascii()
        or body.startswith(_BOMS)
        or _wide_codec(body) is not None
        or _DECLARED.match(body, 0, 256)
        or _is_utf8(body)
    ):
        return ""
    # Imported here: only a parse worker reading such a feed pays for it (about 2 MiB).
    from charset_normalizer import from_bytes

    # A body cut short mid-character reads in no multi-byte encoding: its last bytes are
    # left out of the detector's sample.
    sample = body.rstrip(_HIGH_BYTES)
    found = from_bytes(sample, cp_isolation=[*_LATIN_CHARSETS, *_LEGACY_CHARSETS])
    best = found.best()
    latin = set(_LATIN_CHARSETS)
    if best is None or any(
        latin.intersection(match.could_be_from_charset)
        for match in found
        if match.chaos <= best.chaos
    ):
        return ""
    return str(best.encoding)


def _whole_characters(body: bytes, codec: str) -> bytes:
    """``body`` less the bytes of a character cut short at its end (a transfer broken
    mid-character) when the rest reads in ``codec``: else ``codec`` fails on them, and
    feedparser reads the whole feed as windows-1252 ("ã‚­ãƒ†ã‚£" for "キティ")."""
    if body.isascii() or _wide_codec(body) is not None:
        return body
    decoder = codecs.getincrementaldecoder(codec)()
    try:
        decoder.decode(body, final=False)
    except UnicodeDecodeError:
        return body
    pending = len(decoder.getstate()[0])
    return body[: len(body) - pending] if pending else body


def _is_utf8(body: bytes) -> bool:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _cut_short(problem: object) -> bool:
    """Whether the strict parser's error is the document ending mid-way."""
    from xml.sax import SAXParseException  # loaded with feedparser, in the parse worker

    message = problem.getMessage() if isinstance(problem, SAXParseException) else ""
    return message.startswith(_CUT_SHORT)


def _in_an_entry(body: bytes) -> bool:
    """Whether ``body`` ends inside an entry: none ends after the last one begun."""
    tail = _NOT_TAGS.sub(b"", body[-_ENTRY_TAIL:])
    ends = [m.end() for m in _ENTRY_END.finditer(tail)]
    return not ends or _ENTRY_START.search(tail, ends[-1]) is not None


def _articles(
    entries: list[dict[str, Any]], feed: str, base: str, problems: list[str], now: datetime
) -> tuple[tuple[Article, ...], str]:
    """The entries' articles, and the key of the last entry's ("" if it made none)."""
    seen: dict[str, Article] = {}
    skipped = duplicates = 0
    latest = now + FUTURE_SLACK
    last = ""
    for entry in entries:
        article = _article(entry, feed, base, latest)
        last = ""
        if article is None:
            skipped += 1
        elif article.key in seen:
            duplicates += 1  # feeds list newest first: keep the first copy
        else:
            seen[article.key] = article
            last = article.key
    if skipped:
        problems.append(f"{_entries(skipped)} skipped: no guid, link, title or summary")
    if duplicates:
        problems.append(f"{_entries(duplicates)} dropped as duplicates (same key)")
    return tuple(seen.values()), last


def _newest(articles: tuple[Article, ...], limit: int) -> tuple[Article, ...]:
    """The ``limit`` newest articles, in feed order: dated ones by date (a feed may list
    oldest first), then undated ones as the feed lists them. Entries of one date are taken by
    key, not by place: a feed listing them in another order would otherwise bring entries it
    had all along past the limit, new to the poll, and leave out others seen."""

    def rank(index: int) -> tuple[bool, float, str, int]:
        article = articles[index]
        published = article.published
        if published is None:
            return (True, 0.0, "", index)
        return (False, -published.timestamp(), article.key, index)

    kept = sorted(sorted(range(len(articles)), key=rank)[:limit])
    return tuple(articles[i] for i in kept)


def _entries(count: int) -> str:
    return f"{count} entry" if count == 1 else f"{count} entries"


def _article(entry: dict[str, Any], feed: str, base: str, latest: datetime) -> Article | None:
    # dict.get, not entry.get: FeedParserDict.get quietly maps some keys onto others.
    guid = str(dict.get(entry, "id") or "").strip()
    link = canonical_url(str(dict.get(entry, "link") or ""), base)
    # FeedBurner's link is its redirect (feedproxy.google.com), named as the source and in
    # /status; the article's own address is its origLink.
    url = canonical_url(str(dict.get(entry, "feedburner_origlink") or ""), base) or link
    full_title = _text(entry, "title", None)
    summary = _summary(entry)
    if not (guid or url or full_title or summary):
        return None
    published = _published(entry)
    if guid:
        key = _key("guid", guid)
    elif link or url:
        key = _key("link", link or url)
    else:
        when = published.isoformat() if published else _raw_date(entry)
        digest = hashlib.sha256(f"{full_title or summary}\n{when}".encode()).hexdigest()
        key = f"hash:{digest[:32]}"
    return Article(
        feed=feed,
        key=key,
        url=url,
        title=_clip(full_title, TITLE_MAX),
        # The key above keeps even a future date: it must not change once the date passes.
        published=published if published is None or _dated(published, entry, latest) else None,
        summary=summary,
    )


def _key(kind: str, value: str) -> str:
    if len(value) > KEY_MAX:
        return f"{kind}:sha256:{hashlib.sha256(value.encode()).hexdigest()}"
    return f"{kind}:{value}"


def _summary(entry: dict[str, Any]) -> str:
    content = dict.get(entry, "content") or []
    if dict.get(entry, "summary_detail") or not content:
        text = _text(entry, "summary", None)
    else:
        # feedparser copies Atom <content> into "summary" without saying its type.
        text = _detail_text(content[0], None)
    return _clip(without_boilerplate(text), SUMMARY_MAX)


def without_boilerplate(summary: str) -> str:
    """``summary`` less the lines a CMS ends every entry with, which tell a fan nothing
    (WordPress's "The post <headline> appeared first on <site>.", "Read full article >>",
    "Continue reading <headline> →"); "[…]" is the "…" it stands for. Only the last
    ``_TAIL_SCAN`` characters are searched."""
    for _ in range(3):  # "… […] Continue reading → The post … appeared first on …"
        start = max(0, len(summary) - _TAIL_SCAN)
        found = _BOILERPLATE_TAIL.search(summary, start)
        if found is None:
            break
        kept = summary[: found.start()].rstrip()
        summary = f"{kept}…" if found["elided"] and not kept.endswith("…") else kept
    return summary


def _text(item: dict[str, Any], field: str, limit: int | None) -> str:
    value = dict.get(item, field)
    if not value:
        return ""
    detail = dict.get(item, f"{field}_detail") or {}
    return _to_plain(str(value), str(dict.get(detail, "type") or ""), limit)


def _detail_text(detail: dict[str, Any], limit: int | None) -> str:
    value, content_type = detail.get("value") or "", detail.get("type") or ""
    return _to_plain(str(value), str(content_type), limit)


def _to_plain(value: str, content_type: str, limit: int | None) -> str:
    is_html = "html" in content_type if content_type else _looks_like_html(value)
    text = html_to_text(value) if is_html else collapse_whitespace(value)
    return _clip(text, limit) if limit else text


def _looks_like_html(value: str) -> bool:
    return bool(_ENTITY.search(value) or _TAG.search(value, 0, tags_end(value)))


def _clip(text: str, limit: int | None) -> str:
    if limit is None or len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit * 3 // 4:  # cut at a word when that loses little
        cut = cut[:space]
    return cut.rstrip() + "…"


def _published(entry: dict[str, Any]) -> datetime | None:
    for field in ("published_parsed", "updated_parsed"):
        parsed = dict.get(entry, field)
        if parsed:
            try:
                return datetime.fromtimestamp(calendar.timegm(parsed), UTC)
            except (OverflowError, ValueError, OSError):
                continue
    return None


def _dated(published: datetime, entry: dict[str, Any], latest: datetime) -> bool:
    """Whether feedparser's reading of the entry's date is a day the feed gave."""
    return EARLIEST <= published <= latest and not _NO_DAY.match(_raw_date(entry))


def _raw_date(entry: dict[str, Any]) -> str:
    return str(dict.get(entry, "published") or dict.get(entry, "updated") or "")


def canonical_url(link: str, base: str = "") -> str:
    """The address an entry link stands for, for comparison and display; "" if not http(s).

    Resolves against ``base``, lower-cases scheme and host, drops default ports, the
    fragment, ``utm_*`` and click-id parameters, and unwraps google.com/url redirects
    (``UNWRAP_MAX`` deep). A link longer than ``LINK_MAX`` is no address.
    """
    link = link.strip()
    if not link or len(link) > LINK_MAX:
        return ""
    try:
        parts = _web_parts(urljoin(base, link) if base else link)
    except ValueError:
        return ""
    # A loop, not recursion: a hostile link may nest thousands of redirects.
    for _ in range(UNWRAP_MAX):
        target = _google_target(parts) if parts else ""
        if not target:
            break
        parts = _web_parts(target.strip())
    if parts is None:
        return ""
    scheme, host, port = parts.scheme.lower(), _host(parts), parts.port
    if ":" in host:
        host = f"[{host}]"
    if port is not None and port != (443 if scheme == "https" else 80):
        host = f"{host}:{port}"
    return urlunsplit((scheme, host, parts.path or "/", _strip_tracking(parts.query), ""))


# Bump it when ``feed_key`` tells addresses apart otherwise: the next start folds the feeds
# stored at what are then spellings of one address (``FeedRepo.fold_twins``), once.
KEY_SCHEME = 1


def feed_key(url: str) -> str:
    """What tells a feed's address from another feed's: the spellings a site answers alike
    (http or https, "www." or none, a default port, a trailing slash, a host in capitals, in
    Unicode or punycode, query parameters in another order or tracking ones added) give one
    key, so a feed is not stored, polled and told twice. Its user name and password are
    kept: another reader's private feed. "" for what is no http(s) address."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return ""
    scheme, host = parts.scheme.lower(), _host(parts)
    if scheme not in ("http", "https") or not host:
        return ""
    with contextlib.suppress(UnicodeError):  # no valid IDN: compared as written
        host = host.encode("idna").decode("ascii")
    host = host.removeprefix("www.")
    if port is not None and port != (443 if scheme == "https" else 80):
        host = f"{host}:{port}"
    userinfo = parts.netloc.rpartition("@")[0]
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    query = urlencode(sorted((k, v) for k, v in pairs if not _is_tracking(k)))
    return f"{userinfo}@{host}{parts.path.rstrip('/')}?{query}"


def safer_spelling(given: str, stored: str) -> str:
    """The address to read a feed stored as ``stored`` at, asked for as ``given``: where
    ``given`` is an https spelling of that http address, ``stored`` over https (a server asking
    for https never has the feed read over plain http because another server stored it
    first; only the scheme changes, not the host or path that server chose), else
    ``stored``."""
    schemes = urlsplit(given.strip()).scheme.lower(), urlsplit(stored.strip()).scheme.lower()
    key = feed_key(stored)
    if schemes != ("https", "http") or not key or feed_key(given) != key:
        return stored
    https = urlunsplit(urlsplit(stored.strip())._replace(scheme="https"))
    return https if feed_key(https) == key else given  # "http://e.org:80/": as typed


def _web_parts(link: str) -> SplitResult | None:
    """``link`` split, or None unless it is an http(s) address with a host and a valid port."""
    try:
        parts = urlsplit(link)
        _ = parts.port  # raises for a port that is not a number below 65536
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not _host(parts):
        return None
    return parts


def _host(parts: SplitResult) -> str:
    return (parts.hostname or "").rstrip(".")


def _google_target(parts: SplitResult) -> str:
    """Where a google.com/url redirect leads; "" for any other link."""
    if parts.path != "/url" or not _GOOGLE_HOST.fullmatch(_host(parts)):
        return ""
    params = dict(parse_qsl(parts.query))
    for name in ("url", "q"):
        target = params.get(name, "")
        if _is_web_url(target):
            return target
    return ""


def _strip_tracking(query: str) -> str:
    if not query or not any(marker in query.lower() for marker in _TRACKING_MARKERS):
        return query
    pairs = parse_qsl(query, keep_blank_values=True)
    kept = [(k, v) for k, v in pairs if not _is_tracking(k)]
    return query if len(kept) == len(pairs) else urlencode(kept)


def _is_tracking(name: str) -> bool:
    name = name.lower()
    return name.startswith("utm_") or name in _TRACKING_PARAMS


def shown_link(url: str) -> str:
    """``url`` as a post shows it: without the trackers ``canonical_url`` keeps (it is the
    article's key, so its list stays as it is: grown, every stored key would read as new),
    nor those a feed escaped twice ("&amp;utm_medium=…" read as a parameter "amp;utm_medium").
    Nothing is keyed or compared by it. The parameters kept stay as written: decoded and
    encoded again, a Latin-1 "%E9" became "%EF%BF%BD" and a bare "?amp" "?amp=", another page."""
    if not _is_web_url(url):
        return url
    address, mark, fragment = url.partition("#")
    head, ask, query = address.partition("?")
    if not query:
        return url
    pieces = query.split("&")
    kept = [p for p in pieces if p and not _shown_tracker(unquote_plus(p.partition("=")[0]))]
    if len(kept) == len(pieces):
        return url
    return head + (ask + "&".join(kept) if kept else "") + mark + fragment


def _shown_tracker(name: str) -> bool:
    name = _DOUBLE_ESCAPED.sub("", name.lower())
    return _is_tracking(name) or name.startswith(_SHOWN_TRACKER_PREFIXES) or name in _SHOWN_TRACKERS


def _is_web_url(url: str) -> bool:
    return url[:8].lower().startswith(("http://", "https://"))


def _mend_surrogate_refs(body: bytes) -> bytes:
    """``body`` with its surrogate references made valid: a high+low pair becomes one
    reference to its character, a lone half U+FFFD. Everything else, the encoding and
    any byte order mark included, stays as it was; ``body`` itself when nothing changes.

    feedparser turns such a reference into a surrogate, then fails to encode it and loses
    the whole feed. In an ASCII-compatible encoding (UTF-8, Latin-1, cp1252…) the
    references are searched for in the bytes; a UTF-16 or UTF-32 document, told by its
    first bytes, is decoded only when it holds an "&#". Either check costs little.
    """
    codec = _wide_codec(body)
    if codec is None:
        if b"&#" not in body or not _SURROGATE_RUN_BYTES.search(body):
            return body
        codec = "latin-1"  # a character per byte: any ASCII-compatible bytes come back as they were
    elif "&#".encode(codec) not in body:
        return body
    try:
        # surrogatepass: a surrogate written as such (not as a reference) must survive too.
        text = body.decode(codec, "surrogatepass")
    except UnicodeDecodeError:  # cut short, or not that encoding after all: feedparser decides
        return body
    mended, count = _SURROGATE_RUN.subn(_mend_run, text)
    return mended.encode(codec, "surrogatepass") if count else body


def _wide_codec(body: bytes) -> str | None:
    """The UTF-16 or UTF-32 codec ``body`` is written in, by its first bytes; else None."""
    if not body.startswith(_WIDE_STARTS):  # one test for (nearly) every feed
        return None
    return next(codec for start, codec in _WIDE_CODECS.items() if body.startswith(start))


def _mend_run(run: re.Match[str]) -> str:
    codes = [int(digits, 16 if hex_ else 10) for hex_, digits in _NUMERIC_REF.findall(run[0])]
    # Through UTF-16, as the CMS meant: pairs join, and lone halves decode as U+FFFD.
    utf16 = "".join(map(chr, codes)).encode("utf-16-le", "surrogatepass")
    return "".join(f"&#{ord(char)};" for char in utf16.decode("utf-16-le", "replace"))


def _sniff_non_feed(body: bytes) -> str | None:
    if not body.strip():
        return "empty document"
    for magic, what in _BINARY_MAGIC.items():
        if body.startswith(magic):
            return what
    return None


def page_feed(body: bytes, url: str) -> str:
    """The first RSS or Atom feed a web page links to in its head, as an absolute http(s)
    address; "" when it names none (nor one but the page itself)."""
    if not _is_web_url(url):
        return ""
    head = body[:HEAD_SCAN]
    page = _without_userinfo(url)
    base = _page_base(head, page)
    for tag in _LINK_TAG.finditer(head):
        attrs = _attributes(tag[1])
        # "application/rss+xml; charset=UTF-8" is that type too
        kind = attrs.get(b"type", "").partition(";")[0].strip().lower().encode()
        if "alternate" not in attrs.get(b"rel", "").lower().split() or kind not in _FEED_TYPES:
            continue
        try:
            href = urljoin(base, attrs.get(b"href", "").strip())
        except ValueError:  # "http://[oops/": no address at all
            continue
        if (
            _is_web_url(href)
            and href.partition("#")[0] not in (page, base)
            and len(href) <= LINK_MAX
        ):
            return href
    return ""


def _page_base(head: bytes, page: str) -> str:
    """What the page's relative links resolve against: the head's first <base href>, resolved
    against the page, if that is an http(s) address; else the page (as a browser falls back
    to it for a base it cannot use: "javascript:…")."""
    end = _HEAD_END.search(head)
    for tag in _BASE_TAG.finditer(head, 0, end.start() if end else len(head)):
        href = _attributes(tag[1]).get(b"href")
        if href is None:  # only a <base> with an href sets the base (one may set a target)
            continue
        try:
            base = urljoin(page, href.strip())
        except ValueError:
            return page
        return _without_userinfo(base) if _web_parts(base) else page
    return page


def _without_userinfo(url: str) -> str:
    """``url`` without its user, password and fragment: they would ride into the error, then
    the log."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2], fragment=""))


def _attributes(tag: bytes) -> dict[bytes, str]:
    """A tag's attributes, names in lower case, values with their entities read."""
    return {
        m[1].lower(): html.unescape((m[2] or m[3] or m[4] or b"").decode("utf-8", "replace"))
        for m in _ATTRIBUTE.finditer(tag)
    }


def _not_a_feed(why: str, problems: tuple[str, ...] = (), bozo: bool = True) -> ParsedFeed:
    return ParsedFeed("", "", (), (f"{NOT_A_FEED}: {why}", *problems), bozo)


def _one_line(problem: object) -> str:
    text = problem if isinstance(problem, str) else f"{type(problem).__name__}: {problem}"
    return _clip(collapse_whitespace(text), PROBLEM_MAX)
