"""The normalisation rules of parse.py and fingerprint.py, one behaviour at a time."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.news.fingerprint import marked_updated, normalise_title, story_fingerprint
from bot.news.markup import html_to_text
from bot.news.models import Article
from bot.news.parse import KEY_MAX, SUMMARY_MAX, TITLE_MAX, canonical_url, feed_key, parse_feed

BASE = "https://feeds.example.org/kitty/feed.xml"


def rss(*items: str, channel: str = "<title>t</title>", encoding: str = "utf-8") -> bytes:
    inner = channel + "".join(items)
    document = f'<?xml version="1.0"?><rss version="2.0"><channel>{inner}</channel></rss>'
    return document.encode(encoding)


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        ("https://Example.COM/a?utm_source=x&b=1#frag", "https://example.com/a?b=1"),
        ("http://example.com:80/a", "http://example.com/a"),
        ("https://example.com:8443/a", "https://example.com:8443/a"),
        ("https://example.com", "https://example.com/"),
        ("https://example.com/a?fbclid=1&gclid=2&UTM_Medium=3", "https://example.com/a"),
        ("https://example.com/a?q=a%20b&z=1", "https://example.com/a?q=a%20b&z=1"),  # untouched
        ("/posts/1", "https://feeds.example.org/posts/1"),
        ("post.html", "https://feeds.example.org/kitty/post.html"),
        ("//cdn.example/x", "https://cdn.example/x"),
        (
            "https://www.google.com/url?rct=j&url=https://news.example/a%3Futm_source%3Dg&usg=x",
            "https://news.example/a",
        ),
        ("https://www.google.co.jp/url?q=http://news.example/b", "http://news.example/b"),
        ("https://www.google.com/url?q=ftp://x/", "https://www.google.com/url?q=ftp://x/"),
        ("javascript:alert(1)", ""),
        ("mailto:a@b.c", ""),
        ("http://[::1", ""),
        ("https://example.com:99999/", ""),
        ("   ", ""),
        ("https://[2001:DB8::1]:8080/x", "https://[2001:db8::1]:8080/x"),
    ],
)
def test_canonical_url(link: str, expected: str) -> None:
    assert canonical_url(link, BASE) == expected


@pytest.mark.parametrize(
    "spelling",
    [
        "http://example.com/feed",
        "HTTPS://WWW.Example.COM:443/feed/",
        "https://example.com/feed?utm_source=discord&fbclid=1",
        "http://example.com./feed",
    ],
)
def test_one_feed_spelled_many_ways_has_one_key(spelling: str) -> None:
    assert feed_key(spelling) == feed_key("https://example.com/feed")


def test_feed_keys_tell_feeds_apart() -> None:
    assert feed_key("https://bücher.de/f") == feed_key("https://xn--bcher-kva.de/f/")
    assert feed_key("https://e.org/f?b=2&a=1") == feed_key("https://e.org/f?a=1&b=2")
    assert feed_key("https://example.com") == feed_key("http://www.example.com/")
    keys = [
        feed_key(u)
        for u in (
            "https://example.com/feed",
            "https://example.com/Feed",
            "https://example.com/feed?cat=2",
            "https://example.com:8443/feed",
            "https://news.example.com/feed",
            "https://reader:secret@example.com/feed",
            "https://other:secret@example.com/feed",
        )
    ]
    assert len(set(keys)) == len(keys)
    assert feed_key("ftp://example.com/feed") == feed_key("not a url") == ""


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("<p>One</p><p>Two</p>", "One Two"),
        ("Ki<b>tty</b> <i>Song</i>", "Kitty Song"),
        ("a<br/>b", "a b"),
        ("<script>alert('<b>')</script>visible", "visible"),
        ("<STYLE type=x>p{}</STYLE>ok", "ok"),
        ("x<!-- hidden <b> -->y", "x y"),
        ("&lt;b&gt; stays &amp; shows", "<b> stays & shows"),
        ("a < b and c > d", "a < b and c > d"),
        ("@everyone <@&123>", "@everyone <@&123>"),
        ("tab\tnew\nline\u00a0nbsp", "tab new line nbsp"),
        ("bidi\u202eevil\u202c", "bidievil"),
    ],
)
def test_html_to_text(markup: str, text: str) -> None:
    assert html_to_text(markup) == text


def test_huge_markup_is_bounded_and_leaves_no_half_tag() -> None:
    markup = "<p>" + "word " * 10_000 + "</p>" + "<a href='x'" * 3
    text = html_to_text(markup)
    assert len(text) <= 20 * SUMMARY_MAX
    assert "<" not in text


def test_key_prefers_guid_then_link_then_hash() -> None:
    body = rss(
        "<item><guid>g-1</guid><link>https://a.example/1</link><title>A</title></item>",
        "<item><link>https://a.example/2</link><title>B</title></item>",
        "<item><title>C</title></item>",
    )
    keys = [a.key for a in parse_feed(body, BASE).articles]
    assert keys[:2] == ["guid:g-1", "link:https://a.example/2"]
    assert keys[2].startswith("hash:") and len(keys[2]) == len("hash:") + 32


def test_hash_key_changes_with_the_date_but_not_with_whitespace() -> None:
    def key(title: str, date: str) -> str:
        item = f"<item><title>{title}</title><pubDate>{date}</pubDate></item>"
        return parse_feed(rss(item), BASE).articles[0].key

    monday = "Mon, 01 Jan 2024 10:00:00 GMT"
    assert key("Same  title", monday) == key(" Same\n title ", monday)
    assert key("Same title", monday) != key("Same title", "Tue, 02 Jan 2024 10:00:00 GMT")


def test_long_guid_is_hashed_and_long_text_clipped() -> None:
    guid = "x" * (KEY_MAX + 1)
    item = (
        f"<item><guid>{guid}</guid><title>{'T' * 500}</title>"
        f"<description>{'word ' * 600}</description></item>"
    )
    article = parse_feed(rss(item), BASE).articles[0]
    assert article.key.startswith("guid:sha256:") and len(article.key) == len("guid:sha256:") + 64
    assert len(article.title) == TITLE_MAX and article.title.endswith("…")
    assert len(article.summary) <= SUMMARY_MAX and article.summary.endswith("word…")


def test_dates_are_aware_utc_published_before_updated() -> None:
    body = b"""<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
    <entry><id>1</id><title>a</title><published>2024-01-01T12:00:00+02:00</published>
    <updated>2024-06-01T00:00:00Z</updated></entry>
    <entry><id>2</id><title>b</title><updated>2024-06-01T00:00:00-07:00</updated></entry>
    <entry><id>3</id><title>c</title></entry></feed>"""
    dates = [a.published for a in parse_feed(body, BASE).articles]
    assert dates == [
        datetime(2024, 1, 1, 10, tzinfo=UTC),
        datetime(2024, 6, 1, 7, tzinfo=UTC),
        None,
    ]


@pytest.mark.parametrize(
    ("body", "why"),
    [
        (b"", "not a feed: empty document"),
        (b"  \n ", "not a feed: empty document"),
        (b"\x1f\x8b\x08\x00garbage", "not a feed: gzip-compressed data"),
        (b"%PDF-1.7 ...", "not a feed: a PDF document"),
        (
            b"\xef\xbb\xbf<!doctype html><html><body>hi</body></html>",
            "not a feed: looks like an HTML page",
        ),
        (b"just some words", "not a feed: no RSS, Atom or RDF root element"),
        (bytes(range(256)) * 4, "not a feed: no RSS, Atom or RDF root element"),
    ],
)
def test_things_that_are_not_feeds(body: bytes, why: str) -> None:
    parsed = parse_feed(body, BASE)
    assert parsed.articles == ()
    assert parsed.error == why
    assert not parsed.is_feed


@pytest.mark.parametrize(
    ("head", "feed"),
    [
        # relative, entities, rel among others, type in capitals, single quotes
        (
            b'<link rel="alternate stylesheet" type="text/css" href="/x.css">'
            b"<link REL='Alternate' TYPE='Application/RSS+XML' href='/feed?a=1&amp;b=2'>",
            "https://example.com/feed?a=1&b=2",
        ),
        (
            b'<link type="application/atom+xml" rel="alternate" href=//cdn.example/atom.xml />',
            "https://cdn.example/atom.xml",
        ),
        (b'<link rel="alternate" type="text/html" hreflang="fr" href="/fr/">', ""),
        (b'<link rel="alternate" type="application/rss+xml" href="javascript:x()">', ""),
        (b'<link rel="canonical" href="https://example.com/">', ""),
    ],
)
def test_a_web_page_names_the_feed_it_links_to(head: bytes, feed: str) -> None:
    """A site's home page pasted for its feed: the error says which feed it links to."""
    body = b"<!DOCTYPE html><html><head><title>News</title>" + head + b"</head><body></body></html>"
    parsed = parse_feed(body, "https://example.com/news/")
    assert parsed.alternate == feed and not parsed.is_feed
    assert parsed.error == "not a feed: looks like an HTML page" + (
        f" (its feed: {feed})" if feed else ""
    )


def test_valid_feed_without_entries_is_still_a_feed() -> None:
    parsed = parse_feed(rss(), BASE)
    assert parsed.is_feed and parsed.error is None and parsed.articles == ()


@pytest.mark.parametrize(
    ("cut", "finished"),
    [
        ("<item><guid>2</guid><title>Two", ["guid:1"]),  # its guid read, its title not
        ("<item><guid>2</guid><title>Two</title><description>Netflix re", ["guid:1"]),
        ("<item><guid>2</guid><title>Two</title><description><![CDATA[a </item> b]]>", ["guid:1"]),
        ("<item><guid>2</guid><title>Two</title><description><![CDATA[a </item> b", ["guid:1"]),
        ("<item><guid>2</guid><title>Two</tit", ["guid:1"]),
    ],
)
def test_the_entry_a_document_was_cut_short_in_is_unfinished(cut: str, finished: list[str]) -> None:
    body = rss("<item><guid>1</guid><title>One</title></item>")
    parsed = parse_feed(body[: body.index(b"</channel>")] + cut.encode(), BASE)
    assert parsed.unfinished == ("guid:1" if not finished else "guid:2")
    assert [a.key for a in parsed.finished()] == finished


@pytest.mark.parametrize(
    "cut",
    [
        "<item><guid>2</guid><title>Two</title></item>",
        "<item><guid>2</guid><title>Two</title></item>\n</chan",
        "<item><guid>2</guid><title>Two</title></item ><!-- <item> -->",
    ],
)
def test_a_document_cut_after_its_last_entry_ended_has_none_unfinished(cut: str) -> None:
    """A feed that never closes its root (or is cut between entries) kept its last entry,
    whole, for a whole copy: an oldest-first one's newest waited for the next entry, and
    one always so never gave it. Its end tag says it is whole."""
    body = rss("<item><guid>1</guid><title>One</title></item>")
    parsed = parse_feed(body[: body.index(b"</channel>")] + cut.encode(), BASE)
    assert parsed.bozo and parsed.unfinished == ""
    assert [a.key for a in parsed.finished()] == ["guid:1", "guid:2"]
    atom = b'<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><id>1</id>'
    assert parse_feed(atom + b"<title>One</title></entry>", BASE).unfinished == ""
    assert parse_feed(atom + b"<title>One</title>", BASE).unfinished == "guid:1"


def test_a_document_broken_mid_way_but_whole_has_nothing_unfinished() -> None:
    body = rss("<item><guid>1</guid><title>One &nbsp; Two</title></item>")
    parsed = parse_feed(body, BASE)
    assert parsed.bozo and parsed.unfinished == "" and len(parsed.finished()) == 1


def test_http_charset_counts() -> None:
    body = rss("<item><guid>1</guid><title>Café</title></item>", encoding="iso-8859-1")
    labelled = parse_feed(body, BASE, {"Content-Type": "application/rss+xml; charset=iso-8859-1"})
    assert labelled.articles[0].title == "Café"


def test_article_feed_is_the_given_url() -> None:
    parsed = parse_feed(rss("<item><guid>1</guid><title>x</title></item>"), BASE)
    assert parsed.articles[0].feed == BASE


# --- story fingerprint -------------------------------------------------------------


def article(title: str, url: str = "", key: str = "guid:1") -> Article:
    return Article(feed=BASE, key=key, url=url, title=title, published=None, summary="")


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("XO, Kitty Season 3 Is Officially Happening", "xo kitty season 3 officially happening!"),
        ("Kitty's Big News Today - Variety", "Kittys big news today"),
        (
            "Netflix renews ‘XO, Kitty’ for season 3 | Deadline",
            "Netflix renews XO Kitty for season 3",
        ),
        ("Anna Cathcart talks Season 3 — The Hollywood Reporter", "Anna Cathcart talks Season 3"),
        ("Café Élan", "cafe elan"),
    ],
)
def test_same_story_same_fingerprint(left: str, right: str) -> None:
    assert story_fingerprint(article(left)) == story_fingerprint(article(right))


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("XO, Kitty season 3 renewed", "XO, Kitty season 2 renewed"),
        ("Kitty beats Yuri", "Yuri beats Kitty"),
        ("XO, Kitty renewed", "XO, Kitty cancelled"),
    ],
)
def test_different_stories_differ(left: str, right: str) -> None:
    assert story_fingerprint(article(left)) != story_fingerprint(article(right))


MARKED = [
    "UPDATE: XO, Kitty season 3 trailer",
    "Updated: XO, Kitty season 3 trailer",
    "UPDATED XO, Kitty season 3 trailer",
    "BREAKING NEWS: EXCLUSIVE: XO, Kitty season 3 trailer",
    "Update 2 - XO, Kitty season 3 trailer",
    "[Video] XO, Kitty season 3 trailer",
    "WATCH | XO, Kitty season 3 trailer",
    "XO, Kitty season 3 trailer (Updated)",
    "XO, Kitty season 3 trailer [VIDEO] - Variety",
    "XO, Kitty season 3 trailer: update",
]


@pytest.mark.parametrize("marked", MARKED)
def test_an_edit_or_kicker_mark_is_the_same_story(marked: str) -> None:
    """An outlet re-issuing a story under a new guid marks its headline: all-news servers
    were sent it again, as a new story."""
    plain = story_fingerprint(article("XO, Kitty season 3 trailer"))
    assert story_fingerprint(article(marked)) == plain


def test_an_edit_mark_says_the_story_was_updated() -> None:
    """Unlike a kicker ("BREAKING:", "[Video]"), and unlike a headline's own word."""
    edited = [m for m in MARKED if marked_updated(m)]
    assert edited == [MARKED[i] for i in (0, 1, 2, 4, 7, 9)]
    assert not marked_updated("Live updates: XO, Kitty premiere")
    assert not marked_updated("XO, Kitty season 3 update")


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("XO, Kitty season 3 trailer", "UPDATE: XO, Kitty season 3 delayed"),
        ("Watch the XO, Kitty season 3 trailer", "XO, Kitty season 3 trailer"),
        ("NEW SEASON OF XO, KITTY CONFIRMED", "Season of XO, Kitty confirmed"),
        ("Live updates: XO, Kitty premiere", "XO, Kitty premiere"),
    ],
)
def test_a_mark_is_dropped_only_as_a_mark(left: str, right: str) -> None:
    """Words of the headline are kept, however they start it: a mark is set off as one."""
    assert story_fingerprint(article(left)) != story_fingerprint(article(right))
    assert normalise_title("BREAKING:") == "breaking"


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("XO, Kitty season 4 – Netflix renews", "XO, Kitty season 4 – everything we know"),
        ("XO, Kitty Season 3 - Trailer", "XO, Kitty Season 3 - Release Date"),
        ("XO, Kitty Season 3 | Official Trailer", "XO, Kitty Season 3 | Filming Wrapped"),
        # ending as some outlets' names do, but a story's topic: no name of its own in it
        ("XO, Kitty Season 3 - Release Date News", "XO, Kitty Season 3 - Episode Guide"),
        ("XO, Kitty Season 3 - Release Times", "XO, Kitty Season 3 - Finale Spoilers"),
        ("XO, Kitty Season 3 - Release Date, Cast & News", "XO, Kitty Season 3 - Variety"),
    ],
)
def test_a_headline_tail_of_news_is_no_outlet_name(left: str, right: str) -> None:
    """Cut as an outlet's name, the tail that told the story left "xo kitty season 4" of
    both: the renewal was the backlog's explainer retold, and never posted."""
    assert story_fingerprint(article(left)) != story_fingerprint(article(right))


@pytest.mark.parametrize(
    "outlet",
    [
        "TV Season & Spoilers",
        "Release Radar",
        "The Premiere Network",
        "Decider Daily Season Guide",
        "Premiere Magazine",
        "Premiere.com",
    ],
)
def test_an_outlet_name_holding_a_word_of_news_is_cut(outlet: str) -> None:
    """Kept as the story's own news, the outlet's stamp made its telling a story of its own:
    posted again to all-news servers after another outlet's."""
    plain = story_fingerprint(article("Netflix renews XO, Kitty for season 4"))
    assert story_fingerprint(article(f"Netflix renews XO, Kitty for season 4 - {outlet}")) == plain


def test_short_titles_keep_their_dash() -> None:
    assert normalise_title("Min Ho - Gia") == "min ho gia"


@pytest.mark.parametrize("outlet", ["朝日新聞デジタル", "Yahoo!ニュース", "ORICON NEWS"])
def test_a_headline_without_spaces_loses_its_outlet(outlet: str) -> None:
    """Japanese headlines have no spaces between words: counted as words, none reached four,
    so an aggregator's outlet tail stayed and each outlet's telling was a story of its own."""
    plain = story_fingerprint(article("「XO, Kitty」シーズン3の配信日が決定"))
    assert story_fingerprint(article(f"「XO, Kitty」シーズン3の配信日が決定 - {outlet}")) == plain
    # a tail that tells the story is no outlet's, in these scripts too
    told = "「XO, Kitty」シーズン3の配信日が決定 - {}"
    assert story_fingerprint(article(told.format("撮影も開始"))) != story_fingerprint(
        article(told.format("予告編公開"))
    )
    # a short one is still a name's halves, kept whole
    assert story_fingerprint(article("シーズン3 - 朝日")) != story_fingerprint(article("シーズン3"))


def test_fingerprint_falls_back_to_url_then_key() -> None:
    by_url = story_fingerprint(article("!!!", url="https://a.example/x"))
    by_key = story_fingerprint(article("", key="hash:abc"))
    assert by_url.startswith("url:") and by_key.startswith("key:")
    assert story_fingerprint(article("...", url="https://a.example/x")) == by_url


SOUND_UTF8 = (
    '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Café</title>'
    "<item><guid>1</guid><title>XO, Kitty — café</title></item></channel></rss>"
).encode()


@pytest.mark.parametrize(
    "content_type",
    ["text/xml", "TEXT/XML; Charset=utf-8", "Application/RSS+XML", "text/xml;charset=utf-8"],
)
def test_a_sound_feed_is_not_flagged_for_how_its_type_is_written(content_type: str) -> None:
    """text/xml without a charset takes the XML declaration's (RFC 7303), and a media type in
    capitals is the same type: feedparser flagged both, so /feeds list showed a sound feed
    as mis-encoded or not XML."""
    parsed = parse_feed(SOUND_UTF8, "https://e.org/feed", {"Content-Type": content_type})
    assert parsed.problems == () and not parsed.bozo
    assert [a.title for a in parsed.articles] == ["XO, Kitty — café"]


@pytest.mark.parametrize("content_type", ["text/plain; charset=utf-8", "text/plain", "text/html"])
def test_a_feed_served_as_another_text_type_is_still_flagged(content_type: str) -> None:
    # RFC 7303 speaks for text/xml only: a feed served as plain text or HTML is mislabelled
    parsed = parse_feed(SOUND_UTF8, "https://e.org/feed", {"Content-Type": content_type})
    assert parsed.bozo and len(parsed.problems) == 1  # not XML, or not the charset it says
    assert [a.title for a in parsed.articles] == ["XO, Kitty — café"]


@pytest.mark.parametrize(
    ("url", "head", "feed"),
    [
        # an empty or fragment-only href names the page itself: no feed to offer
        ("https://example.com/news/", b'<link rel="alternate" type="application/rss+xml">', ""),
        (
            "https://example.com/news/",
            b'<link rel=alternate type=application/rss+xml href="  ">',
            "",
        ),
        (
            "https://example.com/news/",
            b'<link rel=alternate type=application/rss+xml href="#">',
            "",
        ),
        # an address urljoin cannot read is no feed, not a parse that fails
        (
            "https://example.com/",
            b'<link rel=alternate type=application/rss+xml href="http://[x/">',
            "",
        ),
        # the page's address carried a password: a feed it links to does not take it along
        # (it would be in the feed's error, in /feeds list and the log)
        (
            "https://kit:s3cret@example.com/news/",
            b'<link rel=alternate type=application/rss+xml href="/feed.xml">',
            "https://example.com/feed.xml",
        ),
    ],
)
def test_a_web_page_feed_is_never_the_page_itself_nor_its_password(
    url: str, head: bytes, feed: str
) -> None:
    body = b"<!DOCTYPE html><html><head>" + head + b"</head><body></body></html>"
    parsed = parse_feed(body, url)
    assert parsed.alternate == feed
    assert "s3cret" not in (parsed.error or "")


FEED_LINK = b'<link rel="alternate" type="application/rss+xml" href="feed.xml">'


@pytest.mark.parametrize(
    ("head", "feed"),
    [
        # the head's <base href> is what a relative link resolves against (the first one)
        (
            b'<base href="https://cdn.example/site/"><base href="https://other.example/">'
            + FEED_LINK,
            "https://cdn.example/site/feed.xml",
        ),
        # one given after the link still counts: it is the document's base
        (FEED_LINK + b"<BASE HREF='/en/'>", "https://example.com/en/feed.xml"),
        # a relative base resolves against the page; a <base> without href sets no base
        (
            b'<base target="_blank"><base href="../archive/">' + FEED_LINK,
            "https://example.com/archive/feed.xml",
        ),
        (b'<base href="//cdn.example">' + FEED_LINK, "https://cdn.example/feed.xml"),
        # a base that is no http(s) address is ignored, as a browser does
        (b'<base href="javascript:alert(1)//">' + FEED_LINK, "https://example.com/news/feed.xml"),
        (b'<base href="ftp://files.example/">' + FEED_LINK, "https://example.com/news/feed.xml"),
        (b'<base href="http://[oops/">' + FEED_LINK, "https://example.com/news/feed.xml"),
        (b'<base href="https://">' + FEED_LINK, "https://example.com/news/feed.xml"),
        # a base's user and password are not carried into the feed's address
        (
            b'<base href="https://kit:s3cret@cdn.example/">' + FEED_LINK,
            "https://cdn.example/feed.xml",
        ),
        # a link naming the base itself names no feed
        (
            b'<base href="https://cdn.example/">'
            b'<link rel="alternate" type="application/rss+xml" href="">',
            "",
        ),
    ],
)
def test_a_web_page_feed_resolves_against_its_base(head: bytes, feed: str) -> None:
    body = b"<!DOCTYPE html><html><head>" + head + b"</head><body></body></html>"
    parsed = parse_feed(body, "https://example.com/news/")
    assert parsed.alternate == feed
    assert "s3cret" not in (parsed.error or "")


def test_a_base_in_the_body_is_not_the_heads() -> None:
    body = (
        b"<!DOCTYPE html><html><head>" + FEED_LINK + b"</head>"
        b'<body><base href="https://elsewhere.example/"></body></html>'
    )
    assert parse_feed(body, "https://example.com/news/").alternate == (
        "https://example.com/news/feed.xml"
    )


@pytest.mark.parametrize(
    "kind",
    [
        "application/rss+xml; charset=UTF-8",
        "Application/Atom+XML ;charset=utf-8",
        "application/rss+xml;",
    ],
)
def test_a_web_page_feed_type_may_carry_parameters(kind: str) -> None:
    link = f'<link rel="alternate" type="{kind}" href="/feed.xml">'.encode()
    body = b"<!DOCTYPE html><html><head>" + link + b"</head><body></body></html>"
    assert parse_feed(body, "https://example.com/news/").alternate == (
        "https://example.com/feed.xml"
    )


@pytest.mark.parametrize(
    ("summary", "shown"),
    [
        (
            "<p>Kitty is back.</p><p>The post <a href='https://n.example/a'>XO, Kitty is"
            " back</a> appeared first on <a href='https://n.example'>N.com</a>.</p>",
            "Kitty is back.",
        ),
        (
            "Kitty is back. <a href='https://n.example/a'>Read full article &gt;&gt;</a>",
            "Kitty is back.",
        ),
        (
            "Kitty is back [&#8230;] <a class='more-link' href='https://n.example/a'>Continue"
            " reading <span>XO, Kitty is back</span> <span>&rarr;</span></a>",
            "Kitty is back…",
        ),
        ("Kitty is back. Read more »", "Kitty is back."),
        ("Kitty is back… (more…)", "Kitty is back…"),
        # sentences, not calls to read on
        (
            "Peacock shared news. Continue reading to find out when it is back!",
            "Peacock shared news. Continue reading to find out when it is back!",
        ),
        ("She will keep reading scripts", "She will keep reading scripts"),
        ("The post office appeared first on the map in 1901, and", None),
    ],
)
def test_a_summary_loses_the_line_its_cms_ends_every_entry_with(
    summary: str, shown: str | None
) -> None:
    """Boston.com (WordPress) ended each summary with "The post <headline> appeared first on
    Boston.com.", the Washington Post with "Read full article >>": posted as the summary's
    last words, they say nothing but the headline again."""
    item = (
        "<item><guid>g</guid><title>XO, Kitty is back</title>"
        f"<description><![CDATA[{summary}]]></description></item>"
    )
    (article,) = parse_feed(rss(item), BASE).articles
    assert article.summary == (shown if shown is not None else html_to_text(summary))


def test_a_long_summary_loses_its_boilerplate_before_it_is_clipped() -> None:
    words = "Kitty and Min Ho talk. " * 100
    item = (
        f"<item><guid>g</guid><title>t</title><description>{words}The post t appeared first on"
        " N.com.</description></item>"
    )
    (article,) = parse_feed(rss(item), BASE).articles
    assert (
        article.summary
        == parse_feed(
            rss(f"<item><guid>g</guid><title>t</title><description>{words}</description></item>"),
            BASE,
        )
        .articles[0]
        .summary
    )


def test_feedburner_posts_the_articles_own_address_and_keeps_its_key() -> None:
    """TechCrunch's FeedBurner feed linked each entry to feedproxy.google.com, which a post
    showed as its source (and /status as the site that told it); feedburner:origLink is the
    article's. The key stays the link's, as stored before."""
    ns = 'xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"'
    item = (
        "<item><title>XO, Kitty is back</title>"
        "<link>http://feedproxy.google.com/~r/Outlet/~3/kTeeGj4FnwU/</link>"
        "<feedburner:origLink>https://outlet.example/2026/kitty-is-back/?utm_source=feedburner"
        "</feedburner:origLink></item>"
    )
    body = rss(item).replace(b'<rss version="2.0">', f'<rss version="2.0" {ns}>'.encode())
    (article,) = parse_feed(body, BASE).articles
    assert article.url == "https://outlet.example/2026/kitty-is-back/"
    assert article.key == "link:http://feedproxy.google.com/~r/Outlet/~3/kTeeGj4FnwU/"


def test_the_newest_kept_do_not_depend_on_how_entries_of_one_date_are_ordered() -> None:
    """Past ARTICLES_MAX, entries of the oldest date kept were taken by their place: the same
    feed listed in another order (AreWeAntiCheatYet: 18 entries share that date) brought
    entries it had all along, new to the poll."""
    items = [
        f"<item><title>Game {n}</title><pubDate>Mon, 0{1 + n // 300} Jan 2024 10:00:00 GMT"
        "</pubDate></item>"
        for n in range(600)
    ]
    one, other = (parse_feed(rss(*listed), BASE) for listed in (items, items[::-1]))
    assert len(one.articles) == 500
    assert {a.key for a in one.articles} == {a.key for a in other.articles}
