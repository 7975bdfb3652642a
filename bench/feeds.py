"""Loopback feeds for the benchmarks.

``FeedHost`` serves N feeds from a child process, so its CPU never counts as the
bot's or the pipeline's. Feed ``i`` behaves by ``i % 10``, as a real feed list does
between two polls: 0-7 keep an ETag and answer 304 (80%), 8 sends the same body with
no validators (10%), 9 publishes ``NEW_PER_CYCLE`` new items each cycle (10%). The
bench moves the host to the next cycle itself, so it always knows which bytes were
served (``feed_body``). Request times are shared, for "during the poll" windows.

``NewsFeed`` is one in-process feed whose items the bench publishes (the fan-out).
"""

from __future__ import annotations

import asyncio
import csv
import sys
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

import aiohttp
from aiohttp import web

from bench.common import REPO_ROOT

ITEMS_PER_FEED = 20
NEW_PER_CYCLE = 3
HEADLINES = REPO_ROOT / "tests" / "data" / "headlines-train.tsv"


def kind(i: int) -> str:
    return {8: "same", 9: "new"}.get(i % 10, "etag")


@lru_cache(maxsize=1)
def headlines() -> tuple[tuple[str, str], ...]:
    """Real-world TV headlines (title, summary) from the repo, or made-up ones without it."""
    if HEADLINES.exists():
        with HEADLINES.open(encoding="utf-8", newline="") as handle:
            rows = [(r["title"], r["summary"]) for r in csv.DictReader(handle, delimiter="\t")]
        if rows:
            return tuple(rows)
    return tuple((f"Series {n} gets a new season", f"Story {n} about a show.") for n in range(200))


# Real news feeds carry about 2 KB of HTML per item (the median over the feed corpus the
# parser was tested on); a bare headline would make parsing look cheaper than it is.
_PARAGRAPHS = (
    "The streaming service has not shared viewing figures, but the show spent several weeks "
    "in its <a href='https://top10.example/tv'>global top ten</a> after launch.",
    "Production is based in Seoul, where the first seasons were shot on location around "
    "<em>Yongsan</em> and in studios outside the city, according to people close to it.",
    "Cast members teased the news on social media, and fans were quick to notice a "
    "<strong>familiar set</strong> in the background of a behind-the-scenes photo.",
    "Representatives for the network declined to comment on a release window. "
    "<a href='https://desk.example/newsletter'>Sign up for our TV newsletter</a>.",
    "The series is adapted from characters created in a best-selling young adult novel "
    "trilogy, and its creator has said there are <em>many more stories</em> to tell.",
)


def _description(feed: int, k: int, summary: str) -> str:
    paragraphs = [f"<p>{escape(summary)}</p>"]
    paragraphs.append(
        f"<figure><img src='https://outlet{feed % 50}.example/img/{feed}-{k}.jpg' "
        "width='1200' height='675' alt='A still from the series'/>"
        "<figcaption>Photo: courtesy of the network</figcaption></figure>"
    )
    paragraphs += [f"<p>{_PARAGRAPHS[(k + n) % len(_PARAGRAPHS)]}</p>" for n in range(6)]
    return escape("".join(paragraphs))


def _item(feed: int, k: int, base: datetime) -> str:
    rows = headlines()
    title, summary = rows[(feed * 7 + k) % len(rows)]
    when = format_datetime(base + timedelta(minutes=k - 40), usegmt=True)
    return (
        f"<item><title>{escape(title)}</title>"
        f"<link>https://outlet{feed % 50}.example/news/{feed}/{k}</link>"
        f"<guid isPermaLink='false'>feed{feed}-item{k}</guid><pubDate>{when}</pubDate>"
        f"<category>TV</category><category>Streaming</category>"
        f"<description>{_description(feed, k, summary)}</description></item>"
    )


def feed_body(feed: int, version: int, base: datetime) -> bytes:
    """Feed ``feed`` at ``version``: the newest ``ITEMS_PER_FEED`` items, newest first."""
    newest = version * NEW_PER_CYCLE + ITEMS_PER_FEED
    items = "".join(
        _item(feed, k, base) for k in range(newest - 1, newest - ITEMS_PER_FEED - 1, -1)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Outlet {feed}</title><link>https://outlet{feed % 50}.example/</link>"
        f"<description>Entertainment news</description>{items}</channel></rss>"
    ).encode()


async def _host(feeds: int, base: datetime) -> None:
    """The child: feeds under /feed/N.xml, and /control/... for the bench."""
    bodies: dict[tuple[int, int], bytes] = {}
    times: list[float] = []
    cycle = 0

    def body(i: int, version: int) -> bytes:
        if (i, version) not in bodies:
            bodies[i, version] = feed_body(i, version, base)
        return bodies[i, version]

    async def feed(request: web.Request) -> web.Response:
        times.append(time.monotonic())
        i = int(request.match_info["n"])
        what = kind(i)
        version = cycle if what == "new" else 0
        headers = {"Content-Type": "application/rss+xml; charset=utf-8"}
        if what != "same":
            headers["ETag"] = etag = f'"{i}-{version}"'
            if request.headers.get("If-None-Match") == etag:
                return web.Response(status=304, headers=headers)
        return web.Response(body=body(i, version), headers=headers)

    async def next_cycle(request: web.Request) -> web.Response:
        nonlocal cycle
        cycle += 1
        return web.json_response({"cycle": cycle})

    async def stats(request: web.Request) -> web.Response:
        start = int(request.query.get("times_from", len(times)))
        return web.json_response({"count": len(times), "times": times[start:]})

    app = web.Application()
    app.router.add_get("/feed/{n:[0-9]+}.xml", feed)
    app.router.add_post("/control/next-cycle", next_cycle)
    app.router.add_get("/control/stats", stats)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0, backlog=1024).start()
    print(runner.addresses[0][1], flush=True)
    await asyncio.Event().wait()  # until terminated


class FeedHost:
    """N loopback feeds served by a child process (``python -m bench.feeds``)."""

    def __init__(self, feeds: int) -> None:
        self.feeds = feeds
        self.base = datetime.now(UTC).replace(microsecond=0)
        self.cycle = 0
        self.port = 0
        self._proc: asyncio.subprocess.Process | None = None
        self._control: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> FeedHost:
        self._proc = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bench.feeds",
            str(self.feeds),
            str(self.base.timestamp()),
            cwd=REPO_ROOT,
            stdout=asyncio.subprocess.PIPE,
        )
        assert self._proc.stdout is not None
        line = await asyncio.wait_for(self._proc.stdout.readline(), 30)
        if not line.strip().isdigit():
            raise RuntimeError("the feed host did not start")
        self.port = int(line)
        self._control = aiohttp.ClientSession(f"http://127.0.0.1:{self.port}")
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._control is not None:
            await self._control.close()
        if self._proc is not None and self._proc.returncode is None:
            self._proc.terminate()
            await self._proc.wait()

    @property
    def pid(self) -> int:
        assert self._proc is not None
        return self._proc.pid

    def url(self, i: int) -> str:
        return f"http://127.0.0.1:{self.port}/feed/{i}.xml"

    def urls(self) -> list[str]:
        return [self.url(i) for i in range(self.feeds)]

    def feeds_toml(self, path: Path) -> Path:
        path.write_text("".join(f'[[feed]]\nurl = "{u}"\n' for u in self.urls()), "utf-8")
        return path

    async def next_cycle(self) -> int:
        """From now on, the 'new' feeds serve their next version."""
        assert self._control is not None
        async with self._control.post("/control/next-cycle") as response:
            self.cycle = int((await response.json())["cycle"])
        return self.cycle

    async def stats(self, times_from: int | None = None) -> tuple[int, list[float]]:
        """Feed requests so far, and the monotonic time of each from ``times_from`` on."""
        assert self._control is not None
        query = {} if times_from is None else {"times_from": str(times_from)}
        async with self._control.get("/control/stats", params=query) as response:
            data = await response.json()
        return int(data["count"]), [float(t) for t in data["times"]]

    async def requests(self) -> int:
        return (await self.stats())[0]

    def body(self, i: int, version: int | None = None) -> bytes:
        """The exact bytes feed ``i`` serves at ``version`` (default: the current cycle)."""
        if kind(i) != "new":
            version = 0
        return feed_body(i, self.cycle if version is None else version, self.base)

    async def wait_requests(self, n: int, timeout: float, poll: float = 0.05) -> bool:
        """Wait until ``n`` feed requests arrived in all; False on timeout."""
        deadline = time.monotonic() + timeout
        while await self.requests() < n:
            if time.monotonic() > deadline:
                return False
            await asyncio.sleep(poll)
        return True


def rss(items: Sequence[tuple[str, datetime]], title: str = "Entertainment desk") -> bytes:
    parts = [
        f"<item><title>{escape(t)}</title><link>https://desk.example/{n}</link>"
        f"<guid>desk-{n}</guid><pubDate>{format_datetime(when, usegmt=True)}</pubDate>"
        "<description>From our entertainment desk.</description></item>"
        for n, (t, when) in enumerate(items)
    ]
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>https://desk.example/</link>"
        f"{''.join(reversed(parts))}</channel></rss>"
    ).encode()


class NewsFeed:
    """One in-process feed on 127.0.0.1 whose items the bench publishes."""

    def __init__(self) -> None:
        self.items: list[tuple[str, datetime]] = []
        self.hits = 0
        self._runner: web.AppRunner | None = None
        self.url = ""

    def publish(self, title: str, age: timedelta = timedelta(minutes=5)) -> None:
        self.items.append((title, datetime.now(UTC) - age))

    async def _handle(self, request: web.Request) -> web.Response:
        self.hits += 1
        return web.Response(body=rss(self.items), content_type="application/rss+xml")

    async def __aenter__(self) -> NewsFeed:
        app = web.Application()
        app.router.add_get("/news.xml", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.url = f"http://127.0.0.1:{self._runner.addresses[0][1]}/news.xml"
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def wait_hits(self, n: int, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while self.hits < n:
            if time.monotonic() > deadline:
                raise TimeoutError(f"the feed was fetched {self.hits} time(s), not {n}")
            await asyncio.sleep(0.05)


__all__ = ["FeedHost", "NewsFeed", "feed_body", "kind"]

if __name__ == "__main__":
    asyncio.run(_host(int(sys.argv[1]), datetime.fromtimestamp(float(sys.argv[2]), UTC)))
