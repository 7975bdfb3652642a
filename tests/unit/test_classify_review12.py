"""Review of the twenty-second session's classifier changes: wordings a fan server meets that
the session's narrowing misread, each mended in general terms."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.news.classify import classify
from bot.news.models import Milestone
from tests.headlines import INDEX, TOLD


@pytest.mark.parametrize(
    "title",
    [
        # the people on set wrap a season up, whatever the word for them or the verb's number
        "XO, Kitty stars wrap up season 4",
        "XO, Kitty team wraps up season 4",
        "XO, Kitty cast wrap up season 4",
        "XO, Kitty crew wrapped up season 4",
        "XO, Kitty actors wrapped up season 4",
    ],
)
def test_the_people_on_set_wrapping_up_a_season_is_a_filming_wrap(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.milestone, signal.season) == (Milestone.FILMING_WRAPPED, 4), signal.rule


def test_a_season_wrapped_up_on_air_is_still_no_filming_wrap() -> None:
    signal = classify(
        "XO, Kitty just wrapped up its second season, and we're reeling", "", TOLD, INDEX
    )
    assert signal.milestone is None, signal.rule


@pytest.mark.parametrize(
    ("published", "milestone"),
    [
        # 20:00 in New York on November 21, two days after the premiere: still its news
        (datetime(2026, 11, 22, 1, 0, tzinfo=UTC), Milestone.RELEASED),
        (datetime(2026, 11, 22, 7, 30, tzinfo=UTC), Milestone.RELEASED),
        # past the Americas' evening, or a day later in UTC, it is three days on everywhere
        (datetime(2026, 11, 22, 15, 0, tzinfo=UTC), None),
        (datetime(2026, 11, 23, 1, 0, tzinfo=UTC), None),
        # a date without its hour (midnight) tells no writer's evening
        (datetime(2026, 11, 22, tzinfo=UTC), None),
    ],
)
def test_a_release_two_days_back_in_the_writers_time_zone_is_still_news(
    published: datetime, milestone: Milestone | None
) -> None:
    signal = classify(
        "XO, Kitty season 4 premiered on November 19 on Netflix", "", published, INDEX
    )
    assert signal.milestone is milestone, signal.rule


@pytest.mark.parametrize(
    "title",
    [
        # the month before a premiere word, not the verb's hedge
        "XO, Kitty season 4 gets May premiere",
        "XO, Kitty season 4 May premiere confirmed by Netflix",
        "XO, Kitty season 4 set for May return on Netflix",
    ],
)
def test_a_may_premiere_is_the_month(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.milestone, signal.season) == (Milestone.RELEASE_DATE_ANNOUNCED, 4), signal.rule


def test_may_before_a_release_verb_still_hedges() -> None:
    signal = classify("XO, Kitty season 4 may premiere in 2027", "", TOLD, INDEX)
    assert signal.milestone is None, signal.rule
