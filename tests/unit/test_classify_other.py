"""Wordings of pieces that are no news of a show's season ("other" rows the classifier
announced, twenty-first session): what they must drop, and the close real news they keep."""

from __future__ import annotations

import pytest

from bot.news.classify import classify
from bot.news.models import Milestone
from tests.headlines import INDEX, TOLD


@pytest.mark.parametrize(
    "title",
    [
        # a guide's list of contents, with "storyline" and "trailer release" among its headings
        "XO, Kitty Season 4 Release Date, Cast, Storyline, Trailer Release, And Everything You"
        " Need to Know",
        "XO, Kitty season 4 release date, cast, storyline, trailer release, and everything you"
        " need to know",
        "XO, Kitty season 4: release date, storyline, trailer and more",
        "XO, Kitty season 4 cast, storyline and trailer",
        "XO, Kitty season 4 trailer release, cast and everything we know",
        # shows in general as a verdict's subject: a habit of the trade, not one show's news
        "Shows getting cancelled always hurts, and XO, Kitty fans know the feeling",
        "Beloved shows are cancelled all the time, and XO, Kitty fans know the feeling",
        "In the streaming era, good shows get cancelled before they find an audience, XO,"
        " Kitty's creator says",
        "As more shows get renewed for a second season, XO, Kitty fans wait",
        "Too many shows get axed after one season, XO, Kitty fans say",
    ],
)
def test_no_news_of_the_show(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is None, signal.rule


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        # news beside a guide's headings
        ("XO, Kitty season 4 trailer release: Netflix drops first look", Milestone.TRAILER),
        ("Netflix sets XO, Kitty season 4 trailer release for Friday", Milestone.TRAILER),
        ("XO, Kitty season 4 storyline revealed as trailer drops", Milestone.TRAILER),
        (
            "XO, Kitty season 4 release date announced: the storyline, the cast and the trailer",
            Milestone.RELEASE_DATE_ANNOUNCED,
        ),
        # a number's batch, someone's shows and one of them stay the news they were
        ("Two Netflix shows have been cancelled: XO, Kitty and Wednesday", Milestone.CANCELLED),
        ("Both shows have been renewed: XO, Kitty and Wednesday", Milestone.RENEWED),
        ("Dozens of shows were cancelled this week, XO, Kitty among them", Milestone.CANCELLED),
        (
            "The streamer's favourite shows have been cancelled, XO, Kitty among them",
            Milestone.CANCELLED,
        ),
        ("One of Netflix's most popular shows has been cancelled: XO, Kitty", Milestone.CANCELLED),
        ("XO, Kitty has been cancelled after three seasons", Milestone.CANCELLED),
        # the show's own verdict beside other shows' fate
        ("Netflix renews XO, Kitty as other shows get cancelled", Milestone.RENEWED),
    ],
)
def test_the_shows_news_is_kept(title: str, milestone: Milestone) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is milestone, signal.rule
