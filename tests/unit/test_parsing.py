"""Feed bodies parse the same in a worker process as in a thread."""

from __future__ import annotations

import pytest

from bot.news.parsing import FeedParser
from tests.feedserver import make_rss


@pytest.mark.parametrize("workers", [0, 1])
async def test_worker_and_thread_parsing_agree(workers: int) -> None:
    parser = FeedParser(workers)
    try:
        parsed = await parser.parse(make_rss(4, "Four"), "https://e.org/feed.xml", None)
    finally:
        parser.close()
    assert parsed.title == "Four"
    assert [a.title for a in parsed.articles] == [f"Story {n}" for n in range(4)]
    assert all(a.published is not None and a.published.tzinfo for a in parsed.articles)


async def test_a_dead_worker_is_replaced_and_the_feed_still_parses() -> None:
    parser = FeedParser(1)
    try:
        await parser.parse(make_rss(1), "https://e.org/a.xml")
        pool = parser._executor()
        for process in list(pool._processes.values()):  # a worker killed by the OOM killer
            process.kill()
            process.join()
        parsed = await parser.parse(make_rss(2), "https://e.org/b.xml")
        assert len(parsed.articles) == 2
        again = await parser.parse(make_rss(3), "https://e.org/c.xml")
        assert len(again.articles) == 3
    finally:
        parser.close()
