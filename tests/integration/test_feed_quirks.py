"""Real feeds' quirks against the real store and a loopback feed server: each story is
told once, and none is lost."""

from __future__ import annotations

from datetime import timedelta
from email.utils import format_datetime

from bot.news.pipeline import NewsDeps
from tests.conftest import NOW
from tests.feedserver import RSS_TEMPLATE, FeedServer
from tests.integration.test_shared_feeds import deps, poll  # noqa: F401 (a fixture)


def guid_first(*titles: str) -> bytes:
    """A feed whose items give their guid first, as many CMSs write them, an hour old."""
    when = format_datetime(NOW - timedelta(hours=1), usegmt=True)
    items = "".join(
        f"<item><guid>{t}</guid><title>{t}</title><link>https://news.example/{n}</link>"
        f"<pubDate>{when}</pubDate></item>"
        for n, t in enumerate(titles)
    )
    return RSS_TEMPLATE.format(title="Outlet", items=items).encode()


async def test_an_entry_cut_short_is_judged_from_the_whole_copy(
    deps: NewsDeps,  # noqa: F811
    feed_server: FeedServer,
) -> None:
    """A document cut short in transit kept its last entry as far as it went: its guid with
    no title yet, judged 'not about the show' and its key seen, so the whole copy's renewal
    was never judged (lost); or, its guid after the cut, a key of its own (a second post)."""
    await deps.store.guilds.update(1, channel_id=10, mode="changes")
    await deps.store.guilds.update(2, channel_id=20, mode="all")
    feed = await deps.store.feeds.share(feed_server.url("/feed.xml"), title=None)
    feed_server.serve("/feed.xml", guid_first("Minho actor talks fans"))
    assert (await poll(deps, feed)).verdicts == {"baseline": 1}
    renewal = "Netflix renews XO, Kitty for season 4"
    whole = guid_first(renewal, "Minho actor talks fans")
    feed_server.serve("/feed.xml", whole[: whole.index(b"<title>", whole.index(b"<item>"))])
    cut = await poll(deps, feed)
    assert cut.outcome == "fetched" and not cut.verdicts
    stored = await deps.store.feeds.get(feed.id)
    assert stored is not None and "SAXParseException" in (stored.last_error or "")
    feed_server.serve("/feed.xml", whole)
    told = await poll(deps, feed)
    assert told.verdicts == {"change": 1} and told.queued == 2
