"""A release window moved later is a delay ("now expected in early 2027", "expected in 2027
rather than late 2026", "not until 2027"): it gave no milestone, so the move was never
posted. A bare window ("expected in early 2027") is no delay, nor is a move up."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.catalog import PartialDate, Show, load_show
from bot.domain.status import LearnedEvent, moved_period, season_status
from bot.news.classify import classify
from bot.news.models import Article, Milestone
from bot.news.track import assess, observe
from tests.conftest import REPO
from tests.headlines import INDEX, TOLD

Y2027 = PartialDate(2027)


@pytest.mark.parametrize(
    "title",
    [
        "XO, Kitty season 3 now expected in early 2027",
        "XO, Kitty season 3 release now expected in 2027 rather than late 2026",
        "XO, Kitty season 3 is now slated for a 2027 release",
        "XO, Kitty season 3 now set for early 2027",
        "Netflix now targeting 2027 for XO, Kitty season 3",
        "XO, Kitty season 3 is now expected to arrive in early 2027",
        "XO, Kitty season 3 moved to early 2027",
        "XO, Kitty season 3 has slipped to early 2027",
        "XO, Kitty season 3 won't arrive until early 2027",
        "XO, Kitty season 3: not until 2027",
        "XO, Kitty season 3 expected in 2027 instead of late 2026",
        "XO, Kitty season 3 no longer a 2026 release, now expected in 2027",
        # next year is the year after publication (it was no period: the post said
        # "delayed" with no time, and /status the day it left)
        "XO, Kitty season 3 now expected next year",
        "XO, Kitty season 3 delayed to next year",
        "XO, Kitty season 3 pushed back until early next year",
    ],
)
def test_a_window_moved_later_is_a_delay_to_its_year(title: str) -> None:
    # PartialDate holds a month or a year, no part of one: "early 2027" is 2027
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is Milestone.DELAYED, signal.rule
    assert (signal.season, signal.period, signal.event_date) == (3, Y2027, None)


@pytest.mark.parametrize(
    ("title", "rule"),
    [
        # a window with no sign of change is a release window, as before
        ("XO, Kitty season 3 expected in early 2027", "not-news:no-milestone"),
        ("XO, Kitty season 3 is expected in 2027", "not-news:no-milestone"),
        # a month is an announced window, not a move ("now set for July debut" is a date)
        (
            "XO, Kitty season 3 now slated for a March 2027 release date",
            "release_date_announced:date-announced+reported:headline",
        ),
        # sooner is no delay
        ("XO, Kitty season 3 now expected sooner, in late 2026", "not-news:no-milestone"),
        ("XO, Kitty season 3 now expected in late 2027 rather than 2028", "not-news:moved-up"),
        ("XO, Kitty season 3 expected in late 2027 rather than 2028", "not-news:moved-up"),
        ("XO, Kitty season 3 no longer a 2028 release, now expected in 2027", "not-news:moved-up"),
        # the shoot's window is no premiere's, a star's work no season's, a window that
        # stands no move, and a window told with the renewal is the renewal's
        ("XO, Kitty season 3 filming is now set to begin in early 2027", None),
        ("XO, Kitty star Anna Cathcart now set for 2027 movie", None),
        ("XO, Kitty star no longer with the show in 2027", None),
        ("XO, Kitty season 3 now expected in 2027, same as before", None),
        ("XO, Kitty season 3 still expected in 2027, not late 2026", None),
        ("XO, Kitty season 3 now expected in 2027 as Netflix confirms renewal", None),
    ],
)
def test_a_bare_window_a_month_or_a_move_up_is_no_delay(title: str, rule: str | None) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is not Milestone.DELAYED, signal.rule
    assert rule is None or signal.rule == rule


@pytest.mark.parametrize(
    ("titles", "kinds"),
    [
        (
            (
                "XO, Kitty season 3 now expected in early 2027",
                "XO, Kitty season 3 release now expected in 2027 rather than late 2026",
            ),
            ["new_milestone", "extra_source"],
        ),
        # a window no later than the move that stands is a retelling, as "delayed to 2027"
        # is once "delayed to 2028" stood (``track``: the delay standing does not give it)
        (
            ("XO, Kitty season 3 pushed to 2028", "XO, Kitty season 3 now expected in early 2027"),
            ["new_milestone", "extra_source"],
        ),
        # and a later one moves it again
        (
            ("XO, Kitty season 3 pushed to 2027", "XO, Kitty season 3 now expected in early 2028"),
            ["new_milestone", "date_changed"],
        ),
    ],
)
def test_a_window_moved_is_news_only_when_later_than_the_one_standing(
    titles: tuple[str, ...], kinds: list[str]
) -> None:
    show: Show = load_show(REPO / "data" / "shows" / "xo-kitty.toml")
    told: list[LearnedEvent] = []
    seen: list[str] = []
    for i, title in enumerate(titles):
        signal = classify(title, "", TOLD, INDEX)
        article = Article("f", f"k{i}", f"https://n.example/{i}", title, TOLD, "")
        obs = observe(signal, article, show, TOLD + timedelta(hours=i))
        seen.append(assess(obs, told))
        told.append(obs.event)
    assert seen == kinds
    latest = max(e.period for e in told if e.period is not None)
    assert moved_period(season_status(show.seasons[2], told)) == latest
