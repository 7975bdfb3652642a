"""Feed bodies parse the same in a worker process as in a thread."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.news.parsing import PARENT_CHECK_S, FeedParser, _parse_within, alive
from tests.feedserver import make_rss

ROOT = Path(__file__).resolve().parents[2]


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


async def test_a_feed_past_its_cpu_budget_fails_and_the_worker_goes_on() -> None:
    """A hostile body of tiny tags cost a worker half a minute of CPU a poll, while every
    other feed waited: past its budget the parse stops, as a failed poll of that feed."""
    parser = FeedParser(1, cpu_budget_s=0.05)
    try:
        costly = await parser.parse(make_rss(3000), "https://e.org/big.xml")
        assert costly.error is not None and "over 0.05 s of CPU" in costly.error
        assert costly.articles == ()
        small = await parser.parse(make_rss(2), "https://e.org/small.xml")
        assert small.error is None and len(small.articles) == 2
    finally:
        parser.close()
    roomy = FeedParser(1)
    try:
        assert len((await roomy.parse(make_rss(3000), "https://e.org/big.xml")).articles) == 500
    finally:
        roomy.close()


def _die(*_args: object) -> None:
    """A parse that kills its worker, as a body that exhausts memory would."""
    os._exit(1)


async def test_a_feed_that_kills_its_worker_fails_and_is_never_parsed_in_the_bot() -> None:
    parser = FeedParser(1)
    parser._work = _die  # type: ignore[assignment]
    try:
        parsed = await parser.parse(make_rss(2), "https://e.org/killer.xml")
        assert parsed.error is not None and "worker died" in parsed.error
        assert parsed.articles == ()  # not read in the bot's own process instead
        parser._work = _parse_within
        assert len((await parser.parse(make_rss(2), "https://e.org/ok.xml")).articles) == 2
    finally:
        parser.close()


async def test_closing_mid_parse_stops_the_worker_at_once() -> None:
    """A SIGTERM while a costly feed was parsing took as long to exit as the parse (up to
    its 10 s CPU budget), since the interpreter joins the pool at exit."""
    parser = FeedParser(1, cpu_budget_s=30)
    await parser.parse(make_rss(1), "https://e.org/a.xml")
    workers = list(parser._executor()._processes.values())
    parsing = asyncio.ensure_future(parser.parse(make_rss(20000), "https://e.org/big.xml"))
    await asyncio.sleep(0.3)  # the worker is inside the parse
    parsing.cancel()  # as the scheduler's shutdown cancels the poll
    parser.close()
    deadline = time.monotonic() + 2
    while any(w.is_alive() for w in workers) and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    assert not any(w.is_alive() for w in workers)


_STOPPED_MID_PARSE = """
import asyncio
from bot.news.parsing import FeedParser
from tests.feedserver import make_rss

async def main():
    parse = FeedParser(0).parse(make_rss(40000), "https://e.org/big.xml")
    poll = asyncio.ensure_future(parse)
    await asyncio.sleep(0.3)
    poll.cancel()  # the stop cancels the poll; then the bot returns from asyncio.run

asyncio.run(main())
"""


def test_a_stop_during_a_thread_parse_does_not_wait_for_it() -> None:
    """With FEED_PARSE_WORKERS=0 a SIGTERM during a costly feed's parse (no CPU budget in a
    thread) took 17 s to exit: asyncio.run and the interpreter joined the parse's thread."""
    started = time.monotonic()
    subprocess.run([sys.executable, "-c", _STOPPED_MID_PARSE], cwd=ROOT, check=True, timeout=120)
    assert time.monotonic() - started < 5


_BOT = """
import asyncio, time
from bot.news.parsing import FeedParser
from tests.feedserver import make_rss

async def main():
    parser = FeedParser(1)
    await parser.parse(make_rss(1), "https://e.org/a.xml")
    print(*parser._executor()._processes, flush=True)
    time.sleep(60)

asyncio.run(main())
"""


def test_workers_leave_when_the_bot_is_killed() -> None:
    # SIGKILL gives the bot no chance to shut its pool down: the workers must notice alone.
    bot = subprocess.Popen(
        [sys.executable, "-c", _BOT], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        assert bot.stdout is not None
        workers = [int(pid) for pid in bot.stdout.readline().split()]
        assert workers and all(alive(pid) for pid in workers)
    finally:
        bot.kill()
        bot.wait()
    deadline = time.monotonic() + 10 * PARENT_CHECK_S
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(alive(pid) for pid in workers)
