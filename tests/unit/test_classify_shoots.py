"""Castings and shoots told as the language tells them (twenty-first session): wordings the
casting and filming rules must take, and close ones they must not."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.news.classify import ShowIndex, classify
from bot.news.models import Milestone

INDEX = ShowIndex.from_aliases({"xo-kitty": ["XO, Kitty", "XO Kitty"]})
TOLD = datetime(2026, 11, 20, tzinfo=UTC)


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # the role told with its actor: "played by", "portray"
        ("The new villain of XO, Kitty season 4 will be played by Jane Doe", ""),
        ("Jane Doe to portray Kitty's aunt in XO, Kitty season 4", ""),
        ("Jane Doe is set to portray a new teacher in XO, Kitty season 4", ""),
        (
            "XO, Kitty season 4: the latest from KISS",
            "Jane Doe will portray Professor Lee, a new teacher at KISS.",
        ),
    ],
)
def test_a_role_given_to_an_actor_is_casting(title: str, summary: str) -> None:
    signal = classify(title, summary, TOLD, INDEX)
    assert signal.milestone is Milestone.CASTING, signal.rule


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # a wish to play a part again is no casting
        (
            "XO, Kitty star talks season 4",
            "Jane Doe expressed her desire to portray Kitty again.",
        ),
        ("XO, Kitty star says she would love to portray Kitty for years", ""),
        ("XO, Kitty star hopes to portray a villain one day", ""),
        # a star's film part is someone else's news
        ("XO, Kitty star Anna Cathcart to portray a skater in new movie", ""),
        # a part played in the past
        ("In XO, Kitty season 1, Kitty's mother was played by Jane Doe", ""),
    ],
)
def test_close_wordings_are_not_casting(title: str, summary: str) -> None:
    signal = classify(title, summary, TOLD, INDEX)
    assert signal.milestone is not Milestone.CASTING, signal.rule
