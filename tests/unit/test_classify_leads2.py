"""The classifier on lead sentences, second file: how a lead's opening clause, the status
the news follows, is found.  The sentences are written for the tests."""

from __future__ import annotations

import pytest

from bot.news.classify import classify
from bot.news.models import Milestone
from tests.headlines import INDEX


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        (
            "Just weeks after the second season debuted, Netflix has renewed XO, Kitty for a"
            " third season.",
            Milestone.RENEWED,
        ),
        (
            "Months after its second season premiered, XO, Kitty has been renewed for a third"
            " season.",
            Milestone.RENEWED,
        ),
        (
            "Barely a month after season 2 landed on Netflix, XO, Kitty has been cancelled.",
            Milestone.CANCELLED,
        ),
        (
            "Mere days after season 2 dropped, Netflix renewed XO, Kitty for season 3.",
            Milestone.RENEWED,
        ),
        (
            "Hours after the season 2 premiere, the XO, Kitty season 3 trailer has dropped.",
            Milestone.TRAILER,
        ),
        # the clause's season is background, the main clause holds no news
        (
            "Just weeks after the second season debuted, fans are asking whether XO, Kitty"
            " will return.",
            None,
        ),
        ("Months after XO, Kitty was renewed, the cast still has no scripts.", None),
    ],
)
def test_an_opening_clause_may_leave_its_count_unsaid(
    title: str, milestone: Milestone | None
) -> None:
    """ "Just weeks after …", "Months after …", "Barely a month after …" open a lead as "Two
    weeks after …" does: the release the clause names is the background of the news."""
    assert classify(title, "", None, INDEX).milestone is milestone


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        (
            "Shortly after the second season premiered on Netflix, XO, Kitty has been renewed"
            " for a third season.",
            Milestone.RENEWED,
        ),
        (
            "Not long after season 2 debuted, Netflix has handed XO, Kitty a third season.",
            Milestone.RENEWED,
        ),
        (
            "Exactly one year after the second season dropped, XO, Kitty has been cancelled.",
            Milestone.CANCELLED,
        ),
        (
            "A little over a month after season 2 arrived on Netflix, filming on XO, Kitty"
            " season 3 has begun.",
            Milestone.FILMING_STARTED,
        ),
        (
            "Within days of its season 2 premiere on Netflix, XO, Kitty was renewed for a"
            " third season.",
            Milestone.RENEWED,
        ),
        # the release is background, and nothing after it is news
        (
            "Soon after the second season premiered on Netflix, fans started a petition for"
            " XO, Kitty.",
            None,
        ),
    ],
)
def test_an_opening_clause_may_say_how_soon(title: str, milestone: Milestone | None) -> None:
    """ "Shortly after …", "Not long after …", "Within days of …" open a lead as "Two weeks
    after …" does: the release in the clause is what the news follows, not the news."""
    assert classify(title, "", None, INDEX).milestone is milestone


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        (
            "The streamer announced on Tuesday that XO, Kitty would return for a third season.",
            Milestone.RENEWED,
        ),
        (
            "Netflix confirmed that XO, Kitty would be back for a third season.",
            Milestone.RENEWED,
        ),
        (
            "Netflix confirmed on Tuesday that the third season of XO, Kitty would be its last.",
            Milestone.CANCELLED,
        ),
        (
            "Fans were left heartbroken after it was confirmed that XO, Kitty would not be"
            " returning for a third season.",
            Milestone.CANCELLED,
        ),
        (
            "Netflix announced Tuesday that the third season of XO, Kitty would premiere on"
            " June 5.",
            Milestone.RELEASE_DATE_ANNOUNCED,
        ),
        (
            "Netflix confirmed Tuesday that XO, Kitty had been renewed for a third season.",
            Milestone.RENEWED,
        ),
        (
            "Netflix confirmed Tuesday that XO, Kitty had been cancelled after two seasons.",
            Milestone.CANCELLED,
        ),
        # a report told as long ago is what the news follows
        (
            "Netflix confirmed last year that XO, Kitty had been renewed, but the wait for"
            " season 3 goes on.",
            None,
        ),
        (
            "Earlier this year, Netflix confirmed that XO, Kitty would return for a third season.",
            None,
        ),
        ("Back in March, Netflix announced that XO, Kitty would return for a third season.", None),
        # a thing that did not happen, a wish, a guess
        ("Jenny Han revealed that XO, Kitty would have returned for a third season.", None),
        ("Jenny Han said that she would love a third season of XO, Kitty.", None),
        ("A source said that XO, Kitty would likely return for a third season.", None),
    ],
)
def test_a_reported_future_is_the_future(title: str, milestone: Milestone | None) -> None:
    """A lead reports in the past tense: "Netflix announced that the show would return"
    ("had been renewed") tells what a headline's "will return" ("has been renewed") does,
    unless the report is told as long ago."""
    assert classify(title, "", None, INDEX).milestone is milestone


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        (
            "XO, Kitty, one of Netflix's most-watched series of the year, has been renewed for"
            " a third season.",
            Milestone.RENEWED,
        ),
        (
            "XO, Kitty, the teen romance that became one of Netflix's most-watched shows, will"
            " return for a third season.",
            Milestone.RENEWED,
        ),
        # the audience is the news when the main clause tells it
        (
            "XO, Kitty season 2 is one of Netflix's most-watched shows, and it has been renewed.",
            None,
        ),
        # a label between commas is no description
        ("XO, Kitty season 3, everything we know, renewed", None),
    ],
)
def test_a_description_between_commas_frames_nothing(
    title: str, milestone: Milestone | None
) -> None:
    """A lead describes its show in an aside between the subject and its verb: a block's
    words there ("one of Netflix's most-watched series") describe the show, not the piece."""
    assert classify(title, "", None, INDEX).milestone is milestone
