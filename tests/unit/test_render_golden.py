"""Golden cards: each renderer's output for real pack data, frozen in tests/golden/*.json.

A deliberate change to a card: rerun with KISSBOT_UPDATE_GOLDEN=1, then review the JSON diff.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import UTC, date, datetime

import discord
import pytest

from bot.catalog import Catalog
from bot.domain.status import LearnedEvent, season_status
from bot.news.models import Certainty, Milestone
from bot.render import (
    cast_embed,
    cast_list_embed,
    episode_embed,
    episode_overview_embed,
    episode_recap_embed,
    season_recap_embed,
    status_embed,
)
from tests.conftest import REPO

GOLDEN = REPO / "tests" / "golden"
TODAY = datetime(2026, 11, 28, 12, tzinfo=UTC)
BEFORE_S3 = datetime(2026, 3, 1, 12, tzinfo=UTC)
LEARNED = [
    LearnedEvent(
        Milestone.RELEASED,
        Certainty.CONFIRMED,
        date(2026, 4, 2),
        "https://news.example/xo-kitty-season-3-now-streaming",
        "XO, Kitty season 3 is now streaming",
        datetime(2026, 4, 2, 9, 30, tzinfo=UTC),
    ),
    LearnedEvent(
        Milestone.TRAILER,
        Certainty.CONFIRMED,
        date(2026, 3, 10),
        "https://news.example/xo-kitty-season-3-trailer",
        "Watch the XO, Kitty season 3 trailer",
        datetime(2026, 3, 10, 15, tzinfo=UTC),
    ),
]

Card = Callable[[Catalog], discord.Embed]


def _cast(name: str) -> Card:
    return lambda c: cast_embed(c.default_show, c.find_cast(c.default_show, name)[0])


def _episode(code: str, now: datetime = TODAY) -> Card:
    def build(c: Catalog) -> discord.Embed:
        episode = c.find_episode(c.default_show, code)
        assert episode is not None
        return episode_embed(c.default_show, episode, now)

    return build


def _recap(code: str) -> Card:
    def build(c: Catalog) -> discord.Embed:
        show = c.default_show
        episode = c.find_episode(show, code)
        assert episode is not None
        season = show.season(episode.season)
        assert season is not None
        return episode_recap_embed(show, season, episode)

    return build


def _season(number: int) -> Card:
    return lambda c: season_recap_embed(c.default_show, c.default_show.seasons[number - 1])


def _status(number: int, now: datetime = TODAY, learned: bool = False) -> Card:
    def build(c: Catalog) -> discord.Embed:
        season = c.default_show.seasons[number - 1]
        status = season_status(season, LEARNED if learned else [])
        return status_embed(c.default_show, season, status, now)

    return build


CARDS: dict[str, Card] = {
    "cast_min_ho": _cast("Min Ho"),
    "cast_stella": _cast("Stella"),
    "cast_mr_moon": _cast("Mr. Moon"),
    "cast_lee_sung_wook": _cast("Lee Sung-wook"),
    "cast_list_all": lambda c: cast_list_embed(c.default_show, c.default_show.cast),
    "cast_list_s2": lambda c: cast_list_embed(
        c.default_show, [m for _, m in c.search_cast(c.default_show, "", season=2)], 2
    ),
    "episode_s1e4": _episode("S1E4"),
    "episode_s2e3": _episode("S2E3"),
    "overview_today": lambda c: episode_overview_embed(c.default_show, TODAY),
    "overview_before_s3": lambda c: episode_overview_embed(c.default_show, BEFORE_S3),
    "overview_news_says_released": lambda c: episode_overview_embed(
        c.default_show, TODAY, season_status(c.default_show.seasons[2], LEARNED)
    ),
    "recap_s1e4": _recap("S1E4"),
    "recap_s1e6_falls_back": _recap("S1E6"),
    "recap_s1": _season(1),
    "recap_s3_premise": _season(3),
    "status_s1": _status(1),
    "status_s2": _status(2),
    "status_s3_today": _status(3),
    "status_s3_before_release": _status(3, BEFORE_S3),
    "status_s3_learned": _status(3, learned=True),
}


@pytest.mark.parametrize("name", sorted(CARDS))
def test_golden_card(catalog: Catalog, name: str) -> None:
    actual = json.loads(json.dumps(CARDS[name](catalog).to_dict(), ensure_ascii=False))
    path = GOLDEN / f"{name}.json"
    if os.environ.get("KISSBOT_UPDATE_GOLDEN") == "1":
        path.write_text(json.dumps(actual, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if not path.exists():
        pytest.fail(f"{path} missing: run with KISSBOT_UPDATE_GOLDEN=1 and review it")
    assert actual == json.loads(path.read_text(encoding="utf-8"))


def test_no_stray_golden_files() -> None:
    assert {p.stem for p in GOLDEN.glob("*.json")} <= set(CARDS)
