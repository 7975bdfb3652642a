"""The classifier on lead sentences: titles that are an article's first sentence (feeds
without headlines give it as the title), where the news often sits in a later clause, in
a longer verb form or behind a lead-in.  The sentences are written for the tests."""

from __future__ import annotations

import pytest

from bot.news.classify import classify
from bot.news.models import Milestone
from tests.headlines import INDEX


def _milestone(title: str) -> Milestone | None:
    return classify(title, "", None, INDEX).milestone


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        (
            "Fans have a long wait ahead of them, as XO, Kitty season 3 will not be premiering"
            " until 2027.",
            Milestone.DELAYED,
        ),
        (
            "Fans of XO, Kitty have a long wait ahead, as season 3 won't premiere until 2027.",
            Milestone.DELAYED,
        ),
        # a wait behind us still makes what follows it background
        ("XO, Kitty fans endured a long wait, as season 3 was delayed to 2027.", None),
    ],
)
def test_a_long_wait_still_ahead_is_no_background(title: str, milestone: Milestone | None) -> None:
    """ "a long wait" marks what follows as told before ("after a long wait, season 2 was
    renewed"); a wait still "ahead" is what the delay brings, and the delay is the news."""
    assert _milestone(title) is milestone


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        (
            "The hit BBC Three comedy series XO, Kitty is making a triumphant return for its"
            " third series, as filming commences in London.",
            Milestone.FILMING_STARTED,
        ),
        (
            "The Channel Four drama series XO, Kitty has wrapped filming on its third series.",
            Milestone.FILMING_WRAPPED,
        ),
        # a count of shows is still a list
        ("Three comedy series XO, Kitty and two others have been renewed.", None),
    ],
)
def test_a_channels_number_is_no_count_of_shows(title: str, milestone: Milestone | None) -> None:
    """A lead sentence names the channel with the show ("the hit BBC Three comedy series"):
    "three … series" there is no listicle's count."""
    assert _milestone(title) is milestone


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        (
            "XO, Kitty is ending, and Netflix confirmed that the series is coming to a close"
            " after season 3.",
            Milestone.CANCELLED,
        ),
        ("XO, Kitty is coming to a close after Part 4.", Milestone.CANCELLED),
        ("XO, Kitty will be coming to a close with its third season.", Milestone.CANCELLED),
        # a month or a shoot that comes to a close is no show's end
        ("As March comes to a close, XO, Kitty season 3 has no date yet.", None),
        ("XO, Kitty season 2 filming is coming to a close.", Milestone.FILMING_WRAPPED),
    ],
)
def test_a_show_coming_to_a_close_after_its_season_ends(
    title: str, milestone: Milestone | None
) -> None:
    """ "coming to a close after season 3" is the show's end, as "coming to an end" is."""
    assert _milestone(title) is milestone


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        ("XO, Kitty season 3 will premiere on Netflix in just a few hours.", Milestone.RELEASED),
        ("XO, Kitty season 3 is just a few hours away from hitting Netflix.", Milestone.RELEASED),
        ("The XO, Kitty season 3 premiere is hours away.", Milestone.RELEASED),
        # a date told in a few hours is not out yet, nor is a trailer a release
        ("XO, Kitty fans will learn the premiere date in a few hours.", None),
        # an arrival verb needs its platform: a star's return or a cast's chat is no release
        ("XO, Kitty star Anna Cathcart returns to Instagram in a few hours.", None),
        ("The XO, Kitty cast airs their grievances in a live chat in two hours.", None),
        ("XO, Kitty season 3 trailer drops in a few hours", Milestone.TRAILER),
    ],
)
def test_a_release_hours_away_is_out_today(title: str, milestone: Milestone | None) -> None:
    """A premiere "in just a few hours" is the day's release, as "premieres tonight" is;
    the "will" before it is no plan."""
    assert _milestone(title) is milestone


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        (
            'Actor Anna Cathcart, who plays Kitty on the show, said: "Welcome to our first day'
            ' of shooting season 3 of XO, Kitty".',
            Milestone.FILMING_STARTED,
        ),
        (
            "The cast of XO, Kitty have said their sad goodbyes to their cast and characters"
            " as season 3 has wrapped filming!",
            Milestone.FILMING_WRAPPED,
        ),
        # the guides themselves stay blocked
        ("XO, Kitty season 3: who plays who in the new season", None),
        ("XO, Kitty season 3 cast and characters: every new face", None),
    ],
)
def test_a_cast_guides_words_in_an_aside_are_no_guide(
    title: str, milestone: Milestone | None
) -> None:
    """A lead sentence names an actor with ", who plays …" or the characters a cast leaves
    behind: no "who plays who" guide."""
    assert _milestone(title) is milestone


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        (
            "XO, Kitty is back for its third and final installment and the show is now slated"
            " for a March 2026 release date.",
            Milestone.RELEASE_DATE_ANNOUNCED,
        ),
        ("XO, Kitty season 3 is slated for a June 5 premiere.", Milestone.RELEASE_DATE_ANNOUNCED),
        # a year alone is a window, which a lead sentence does not announce; a soundtrack's
        # release is not the season's
        ("XO, Kitty season 3 is slated for a 2026 release.", None),
        ("XO, Kitty season 3 is slated for a March 2026 release of its soundtrack.", None),
    ],
)
def test_a_release_slated_for_a_month_is_its_date(title: str, milestone: Milestone | None) -> None:
    """ "slated for a March 2026 release date" gives the month the season comes out."""
    assert _milestone(title) is milestone
