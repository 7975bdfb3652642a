"""A feed in a legacy encoding that names none (no charset in its Content-Type, no
``encoding=`` in its XML declaration, no byte order mark), fetched from loopback: its titles
read as written, not as feedparser's windows-1252 fallback made them ("ƒLƒeƒB" for "キティ")."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta
from email.utils import format_datetime

import pytest

from bot.news.parsing import FeedParser
from bot.news.pipeline import NewsDeps
from tests.conftest import NOW, REPO
from tests.feedserver import FeedServer
from tests.integration.test_shared_feeds import deps, poll  # noqa: F401 (a fixture)

JAPANESE = (
    "XO、キティ シーズン3の配信日が決定",
    "ネットフリックスが「XO、キティ」シーズン4の制作を発表",
    "キティ・ソング・コーヴィー役のアンナ・キャスカートにインタビュー",
)
KOREAN = (
    "XO, 키티 시즌 3 공개일 확정",
    "넷플릭스, 'XO, 키티' 시즌 4 제작 발표",
    "키티 송 코비 역의 애나 캐스카트 인터뷰",
)
SIMPLIFIED = (
    "《XO，凯蒂》第三季定档",
    "网飞宣布续订《XO，凯蒂》第四季",
    "专访凯蒂扮演者安娜·卡思卡特",
)
TRADITIONAL = (
    "《XO，凱蒂》第三季定檔",
    "網飛宣布續訂《XO，凱蒂》第四季",
    "專訪凱蒂扮演者安娜·卡思卡特",
)
RUSSIAN = (
    "Сериал «XO, Китти» продлён на третий сезон",
    "Netflix объявил дату премьеры четвёртого сезона",
    "Интервью с Анной Кэткарт о новых сериях",
)
LEGACY = [
    ("shift_jis", JAPANESE),
    ("euc_jp", JAPANESE),
    ("euc_kr", KOREAN),
    ("gb18030", SIMPLIFIED),
    ("big5", TRADITIONAL),
    ("windows-1251", RUSSIAN),
]


def rss(titles: tuple[str, ...], declaration: str = '<?xml version="1.0"?>') -> str:
    """A feed of these headlines, each summarised by itself, with this XML declaration."""
    when = format_datetime(NOW - timedelta(hours=1), usegmt=True)
    items = "".join(
        f"<item><title>{title}</title><link>https://example.org/{n}</link>"
        f"<guid>story-{n}</guid><pubDate>{when}</pubDate>"
        f"<description>{title}</description></item>\n"
        for n, title in enumerate(titles)
    )
    return (
        f'{declaration}\n<rss version="2.0"><channel><title>Kitty News</title>'
        f"<link>https://example.org/</link>\n{items}</channel></rss>\n"
    )


async def titles_polled(
    news: NewsDeps, server: FeedServer, body: bytes, content_type: str
) -> set[str]:
    """The titles one poll of ``body``, served so, stores."""
    await news.store.feeds.share(server.url("/feed.xml"), title=None)
    server.serve("/feed.xml", body, content_type=content_type)
    (feed,) = await news.store.feeds.all()
    report = await poll(news, feed)
    assert report.outcome == "fetched"
    return {t for (t,) in await news.store.db.rows("SELECT title FROM articles")}


@pytest.mark.parametrize(("encoding", "titles"), LEGACY)
@pytest.mark.parametrize("content_type", ["application/rss+xml", "text/xml"])
async def test_a_legacy_encoding_named_nowhere_reads_as_written(
    deps: NewsDeps,  # noqa: F811
    feed_server: FeedServer,
    encoding: str,
    titles: tuple[str, ...],
    content_type: str,
) -> None:
    body = rss(titles).encode(encoding)
    assert await titles_polled(deps, feed_server, body, content_type) == set(titles)


@pytest.mark.parametrize(
    ("declaration", "content_type"),
    [
        ('<?xml version="1.0"?>', "application/rss+xml; charset=koi8-r"),
        ('<?xml version="1.0" encoding="koi8-r"?>', "application/rss+xml"),
    ],
)
async def test_a_declared_charset_still_wins(
    deps: NewsDeps,  # noqa: F811
    feed_server: FeedServer,
    declaration: str,
    content_type: str,
) -> None:
    """Russian in windows-1251, declared KOI8-R by its server or its XML: read as declared
    (the detector would say windows-1251; the feed's word is taken over a guess)."""
    body = rss(RUSSIAN, declaration).encode("windows-1251")
    as_declared = {title.encode("windows-1251").decode("koi8-r") for title in RUSSIAN}
    assert await titles_polled(deps, feed_server, body, content_type) == as_declared


@pytest.mark.parametrize(
    ("titles", "encoding"),
    [
        (JAPANESE, "utf-8"),  # UTF-8 named nowhere is UTF-8
        (("Netflix renews XO, Kitty for a fourth season", "It’s official"), "windows-1252"),
        (("La saison 3 de « XO, Kitty » arrive en mai", "Anna Cathcart évoque la fin"), "cp1252"),
    ],
)
async def test_utf8_and_windows_1252_named_nowhere_read_as_before(
    deps: NewsDeps,  # noqa: F811
    feed_server: FeedServer,
    titles: tuple[str, ...],
    encoding: str,
) -> None:
    """An English feed with one "’" gives a detector too little: feedparser's windows-1252
    reading stands (read as Shift_JIS, "’s" is one kanji)."""
    body = rss(titles).encode(encoding)
    assert await titles_polled(deps, feed_server, body, "application/rss+xml") == set(titles)


@pytest.mark.parametrize(
    ("titles", "encoding"),
    [
        (("Ação",), "latin-1"),  # was read as Big5: "A誽o"
        (("Informações sobre a nova estação", "Não perca"), "latin-1"),
        (("Łódź",), "iso-8859-2"),  # was windows-1251
        (("XO, Kitty üçüncü sezon ne zaman çıkacak?",), "iso-8859-9"),  # windows-1251
        (("Πότε έρχεται η τρίτη σεζόν της σειράς",), "iso-8859-7"),  # windows-1251
    ],
)
async def test_a_latin_script_or_greek_feed_named_nowhere_reads_as_before(
    deps: NewsDeps,  # noqa: F811
    feed_server: FeedServer,
    titles: tuple[str, ...],
    encoding: str,
) -> None:
    """Portuguese, Polish, Turkish or Greek in a single-byte encoding named nowhere is read
    by feedparser's windows-1252 fallback as before, not taken by the detector for Chinese
    or Russian: right for Western European text, where the guess made it unreadable."""
    body = rss(titles).encode(encoding)
    as_before = {title.encode(encoding).decode("cp1252") for title in titles}
    assert await titles_polled(deps, feed_server, body, "application/rss+xml") == as_before


def cut_mid_character(body: bytes, encoding: str) -> bytes:
    """``body`` cut short after the first byte of a character of two or more, past its
    middle: a transfer broken mid-character."""
    for end in range(len(body) // 2, len(body)):
        try:
            body[:end].decode(encoding)
        except UnicodeDecodeError:
            if body[end - 1] >= 0x80:
                return body[:end]
    raise AssertionError("no character of two bytes or more past the middle")


@pytest.mark.parametrize(
    ("titles", "encoding"),
    [
        (JAPANESE, "utf-8"),
        (("La saison 3 de « XO, Kitty » arrive en été", "Anna Cathcart évoque la fin"), "utf-8"),
        (JAPANESE, "shift_jis"),
        (KOREAN, "euc_kr"),
        (SIMPLIFIED, "gb18030"),
    ],
)
async def test_a_feed_cut_short_mid_character_reads_as_written(
    deps: NewsDeps,  # noqa: F811
    feed_server: FeedServer,
    titles: tuple[str, ...],
    encoding: str,
) -> None:
    """Every encoding failed on the cut character, UTF-8 too, so the whole feed was read as
    windows-1252: "XOã€ã‚­ãƒ†ã‚£" for its entries before the cut."""
    body = cut_mid_character(rss(titles * 10).encode(encoding), encoding)
    polled = await titles_polled(deps, feed_server, body, "application/rss+xml")
    assert polled and polled <= set(titles)


async def test_a_parse_worker_reads_a_legacy_encoding_named_nowhere() -> None:
    """The detector is imported in the worker that needs it, not in the bot."""
    parser = FeedParser(workers=1)
    try:
        parsed = await parser.parse(rss(JAPANESE).encode("shift_jis"), "https://e.org/feed.xml")
    finally:
        parser.close()
    assert {a.title for a in parsed.articles} == set(JAPANESE)
    # Read in full, with a note (no problem) for its moderators that the host names none.
    assert parsed.error is None and parsed.problems == ()
    assert parsed.notes == ("no encoding declared, read as Japanese Shift_JIS (detected)",)


def test_the_detector_is_imported_only_for_a_feed_that_needs_it() -> None:
    """Not for ASCII, UTF-8 or a declared charset: the common case costs nothing, and a
    process that parses only those never holds the detector (about 2 MiB)."""
    script = (
        "import sys\n"
        "from bot.news.parse import parse_feed\n"
        "from tests.integration.test_feed_charsets import rss, JAPANESE, RUSSIAN\n"
        'declared = \'<?xml version="1.0" encoding="cp1251"?>\'\n'
        "for body in (rss(('XO, Kitty',)).encode(), rss(JAPANESE).encode(),\n"
        "             rss(RUSSIAN, declared).encode('cp1251')):\n"
        "    assert parse_feed(body, 'https://e.org/f').articles\n"
        "print('charset_normalizer' in sys.modules)\n"
        "parse_feed(rss(JAPANESE).encode('shift_jis'), 'https://e.org/f')\n"
        "print('charset_normalizer' in sys.modules)\n"
    )
    ran = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, check=True, capture_output=True, text=True
    )
    assert ran.stdout.split() == ["False", "True"]
