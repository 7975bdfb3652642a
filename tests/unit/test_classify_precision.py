"""Wrong announcements on train's "other" rows (twenty-second session): kinds of article the
rules read as news, each narrowed in the language's general terms. Season 4 of XO, Kitty is
not known, so no known status hides a misreading."""

from __future__ import annotations

import pytest

from bot.news.classify import classify
from bot.news.models import Milestone
from tests.headlines import INDEX, TOLD  # TOLD: Friday, November 20, 2026


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # a review or recap written days after the premiere it dates
        ("XO, Kitty season 4 premiered on November 13 on Netflix, and fans are split", ""),
        ("XO, Kitty season 4 debuted on Sunday, Nov. 15, and it is the show's best yet", ""),
        ("XO, Kitty's final season premiered November 14 on Netflix.", ""),
        ("XO, Kitty season 4 landed on November 16, and the finale is already trending", ""),
    ],
)
def test_a_release_dated_days_before_the_article_is_no_news(title: str, summary: str) -> None:
    signal = classify(title, summary, TOLD, INDEX)
    assert signal.milestone is None, signal.rule


@pytest.mark.parametrize(
    "title",
    [
        "XO, Kitty season 4 premiered on November 20 on Netflix",
        "XO, Kitty season 4 dropped on Netflix on Friday, November 20",
        # an outlet abroad, or a feed's lag: a day or two after is still the news
        "XO, Kitty season 4 premiered on November 19 on Netflix",
        "XO, Kitty season 4 premiered on November 18 on Netflix",
        "XO, Kitty season 4 is now streaming on Netflix",
    ],
)
def test_a_release_on_the_day_or_just_before_is_still_news(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.milestone, signal.season) == (Milestone.RELEASED, 4), signal.rule


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        # other milestones keep the longer reach of a passing mention
        ("XO, Kitty season 4 wrapped filming on November 13", Milestone.FILMING_WRAPPED),
        ("XO, Kitty season 4 premieres December 4 on Netflix", Milestone.RELEASE_DATE_ANNOUNCED),
    ],
)
def test_other_milestones_dated_days_before_keep_their_news(
    title: str, milestone: Milestone
) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.milestone, signal.season) == (milestone, 4), signal.rule


@pytest.mark.parametrize(
    "title",
    [
        # a season's run ended on air: "wrapped up" with the season, no work on set after it
        "XO, Kitty just wrapped up its third season, and we're still reeling from that finale",
        "XO, Kitty has wrapped up a swoony third season",
        "XO, Kitty wrapped up season 3 with a kiss nobody saw coming",
    ],
)
def test_a_season_wrapped_up_on_air_is_no_wrap(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is None, signal.rule


@pytest.mark.parametrize(
    "title",
    [
        "XO, Kitty wraps up season 4 shoot in Seoul",
        "XO, Kitty has wrapped up season 4 filming",
        "XO, Kitty wraps up filming on season 4",
        "XO, Kitty cast wraps up season 4 in Seoul",
        "XO, Kitty wraps season 4",
        "XO, Kitty has wrapped its fourth season",
        "XO, Kitty season 4 has wrapped",
    ],
)
def test_a_season_wrapped_on_set_is_still_a_wrap(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.milestone, signal.season) == (Milestone.FILMING_WRAPPED, 4), signal.rule
