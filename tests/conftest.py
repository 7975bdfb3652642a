"""Fixtures shared by every test layer."""

from __future__ import annotations

from collections.abc import AsyncIterator, Collection
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import aiohttp
import pytest
from apscheduler.job import Job
from hypothesis import settings

from bot.app import build_scheduler
from bot.catalog import Catalog, load_catalog
from bot.catalog.models import Show
from bot.news.models import Article
from bot.news.pipeline import NewsDeps
from bot.news.service import NewsService
from bot.settings import Settings
from bot.store import Store, db

# Property tests draw the same examples every run, so a red `make test` is a regression,
# not a new draw; `pytest --hypothesis-profile=explore` draws fresh ones to look for more.
settings.register_profile("default", derandomize=True, database=None)
settings.register_profile("explore", max_examples=2000)
settings.load_profile("default")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A file under ../shared, or skip the test saying why."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(
            f"{path} is absent: ../shared is only beside the project in CI and dev checkouts"
        )
    return path


@pytest.fixture(autouse=True)
def no_trouble_told() -> None:
    """The store's trouble is told once per process while it lasts: a test's is not its next's."""
    db._told.clear()


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    """The bundled show packs, as the bot loads them."""
    return load_catalog(REPO / "data" / "shows")


@pytest.fixture(scope="module")
def show(catalog: Catalog) -> Show:
    return catalog.default_show


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    opened = await Store.open(tmp_path / "kissbot.db")
    await opened.migrate()
    try:
        yield opened
    finally:
        await opened.close()


# The real clock to the second, but never on a whole minute: an article dated NOW minus whole
# minutes must never land on midnight UTC, which the pipeline reads as a day-only date.
NOW = datetime.now(UTC).replace(microsecond=0)
if NOW.second == 0:
    NOW -= timedelta(seconds=1)


class ReadyClient:
    """The parts of a Discord client NewsService's jobs read: always ready, in ``guilds``."""

    def __init__(self, guilds: Collection[int] = ()) -> None:
        self.guilds = [SimpleNamespace(id=guild_id) for guild_id in guilds]

    async def wait_until_ready(self) -> None:
        return None


async def scheduled_job(news: NewsService, job_id: str) -> Job:
    """The job ``news.start`` schedules as ``job_id``, on a scheduler paused and shut down
    again, so none of its jobs runs."""
    scheduler = build_scheduler()
    scheduler.start(paused=True)
    try:
        await news.start(scheduler)
        job = scheduler.get_job(job_id)
    finally:
        scheduler.shutdown(wait=False)
    assert job is not None, job_id
    return job


def article(key: str, title: str, minutes: int = 10, summary: str = "") -> Article:
    """A feed entry published ``minutes`` before NOW."""
    published = NOW - timedelta(minutes=minutes)
    return Article("f", key, f"https://e.org/{key}", title, published, summary)


@pytest.fixture
async def deps(store: Store) -> AsyncIterator[NewsDeps]:
    """The pipeline's dependencies on a real store, with the clock fixed at NOW."""
    settings = Settings(feed_poll_seconds=60)
    async with aiohttp.ClientSession() as http:  # never used: nothing here fetches
        built = NewsDeps.build(store, http, load_catalog(REPO / "data" / "shows"), settings)
        built.now = lambda: NOW
        yield built
