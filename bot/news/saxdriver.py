"""The XML reader feedparser's strict parser uses: expat, with the attributes it reports bounded.

feedparser reads an element's attributes in quadratic time (each one looked up by a linear
scan of them all), so one element with 400,000 attributes in a 5 MB feed took hours of CPU;
and a DTD's attribute defaults (``<!ATTLIST item a0 CDATA "1" …>``) land on every element
named, however short, multiplying the work by the number of elements. Past either bound the
strict parse stops, and feedparser reads the document with its loose parser, which applies
no defaults and takes linear time.

Elements left open at once are bounded too, in both of feedparser's readers (``bounded``): each
costs its stacks about 230 bytes, so a 5 MB body of ``<a>`` held a parse worker at 385 MB for
its whole CPU budget, and an ill-formed one (read by the loose parser) could not be kept from it.

Imported by name (``xml.sax.make_parser``), only where feedparser is: see ``parse.parse_feed``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from xml.parsers.expat import XMLParserType
from xml.sax import SAXParseException
from xml.sax.expatreader import ExpatParser

from feedparser import api as feedparser_api

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

# More attributes on one element than any feed writes.
ATTRIBUTES_MAX = 100
# Elements open at once: a feed nests a few, but the loose parser counts each tag an ill-formed
# feed never closes (a sloppy feed's <br> and <p>: 1,800 in 300 entries), so the bound is far
# past those; what it lets open costs the worker about 25 MB.
OPEN_MAX = 100_000
# Each attribute written out takes at least 4 bytes (` a=""`, less its name's spare bytes):
# more attributes than that per byte read are a DTD's defaults, multiplied.
_BYTES_PER_ATTRIBUTE = 4


class BoundedExpatParser(ExpatParser):
    """One per document (``make_parser`` makes one each time): the counts are its own."""

    _parser: XMLParserType  # ExpatParser's expat object, made anew by each reset()

    def __init__(self) -> None:
        super().__init__()
        self._bytes = 0
        self._attributes = 0

    def reset(self) -> None:
        super().reset()
        # expat reports text between entity references as separate runs: an item's escaped
        # HTML (&lt;p&gt;…) came as ~100 calls into feedparser, a fifth of a feed's parse.
        # Buffered, each run of text is one call; feedparser joins the pieces all the same.
        self._parser.buffer_text = True

    def feed(self, data: str | ReadableBuffer, isFinal: bool = False) -> None:
        self._bytes += len(data) if isinstance(data, str) else memoryview(data).nbytes
        super().feed(data, isFinal)

    def start_element_ns(self, name: str, attrs: Mapping[str, str]) -> None:
        self._attributes += len(attrs)
        if len(attrs) > ATTRIBUTES_MAX:
            self._refuse(f"an element has more than {ATTRIBUTES_MAX} attributes")
        if self._attributes > self._bytes // _BYTES_PER_ATTRIBUTE + ATTRIBUTES_MAX:
            self._refuse("the DTD's attribute defaults add more attributes than the feed holds")
        super().start_element_ns(name, attrs)

    def _refuse(self, why: str) -> None:
        raise SAXParseException(why, None, self)


def create_parser() -> BoundedExpatParser:
    """What ``xml.sax.make_parser`` calls on a driver module."""
    return BoundedExpatParser()


class TooDeep(Exception):
    """Raised from inside feedparser, which lets it through: no fallback reads the rest."""


def bounded(reader: Any) -> Any:
    """feedparser's ``reader`` class (its ``StrictFeedParser`` or ``LooseFeedParser``), stopping
    once ``OPEN_MAX`` elements are open at once (feedparser's own ``depth``)."""
    start = reader.unknown_starttag

    def unknown_starttag(self: Any, tag: str, attrs: list[tuple[str, str]]) -> None:
        if self.depth >= OPEN_MAX:
            raise TooDeep(f"more than {OPEN_MAX:,} elements open at once")
        start(self, tag, attrs)

    return type(reader.__name__, (reader,), {"unknown_starttag": unknown_starttag})


# What ``parse.parse_feed`` has feedparser read with (built once, from feedparser's own).
READERS = (bounded(feedparser_api.StrictFeedParser), bounded(feedparser_api.LooseFeedParser))
