"""The XML driver feedparser's strict parser reads through (``bot.news.saxdriver``)."""

from __future__ import annotations

from xml.sax.handler import ContentHandler

from bot.news.parse import parse_feed
from bot.news.saxdriver import create_parser


class _Texts(ContentHandler):
    def __init__(self) -> None:
        super().__init__()
        self.calls: list[str] = []

    def characters(self, content: str) -> None:
        self.calls.append(content)


def test_a_run_of_text_with_entity_references_is_one_call() -> None:
    # Escaped HTML, as in most feeds' descriptions: expat reports the text between each pair
    # of references on its own, ~100 calls into feedparser per item, unless it buffers.
    handler = _Texts()
    parser = create_parser()  # what xml.sax.make_parser gives feedparser
    parser.setContentHandler(handler)
    parser.feed(b"<d>&lt;p&gt;One &amp; two&lt;/p&gt;&#x27;three&#39;</d>")
    parser.close()
    assert handler.calls == ["<p>One & two</p>'three'"]


def test_buffered_text_reads_as_before() -> None:
    description = "&lt;p&gt;Kitty &amp;amp; Min Ho&lt;/p&gt;" * 200  # past expat's 8 KB buffer
    body = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
        "<item><title>A &amp; B</title><link>https://e.org/1</link>"
        f"<description>{description}</description></item></channel></rss>"
    ).encode()
    (article,) = parse_feed(body, "https://e.org/feed").articles
    assert article.title == "A & B"
    assert article.summary.startswith("Kitty & Min Ho Kitty & Min Ho")
    assert not parse_feed(body, "https://e.org/feed").bozo
