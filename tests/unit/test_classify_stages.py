"""The writers at work told as the language tells it (twenty-first session): wordings the
writing rules must take, and close ones they must not."""

from __future__ import annotations

import pytest

from bot.news.classify import classify
from bot.news.models import Milestone
from tests.headlines import INDEX, TOLD


@pytest.mark.parametrize(
    "title",
    [
        # the start told with its adverbs
        "XO, Kitty showrunner confirms writing for season 4 has already begun",
        # the writers back at work, after a strike or a break
        "XO, Kitty writers are officially back to work on season 4",
        "XO, Kitty writers are also back at work on season 4",
        "XO, Kitty writers return to work on season 4 after the strike",
        # the room set up
        "XO, Kitty season 4 writers' room has been set up",
        "A writers' room has been set up for XO, Kitty season 4",
        "XO, Kitty season 4 writers room is ramping back up",
        # a draft or scripts done or under way
        "XO, Kitty creator says a first draft of season 4 is finished",
        "XO, Kitty season 4 has a couple of scripts already in the works",
        "XO, Kitty season 4 scripts are in the works",
        # a start close ahead, or just begun
        "XO, Kitty creator is about to start writing season 4",
        "Netflix's XO, Kitty team has already started working on its upcoming season",
    ],
)
def test_the_writers_at_work_are_writing(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is Milestone.WRITING, signal.rule


@pytest.mark.parametrize(
    "title",
    [
        # a strike's start is no writing
        "XO, Kitty writers are back on strike",
        "XO, Kitty writers are back on the picket lines",
        # someone's own work, or a film's script
        "XO, Kitty star is about to start writing a memoir",
        "XO, Kitty star Anna Cathcart has a movie script in the works",
        # a draft told in the past
        "The first draft of XO, Kitty was finished in 2021, Jenny Han recalls",
    ],
)
def test_close_wordings_are_not_writing(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is not Milestone.WRITING, signal.rule
