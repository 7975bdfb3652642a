"""Twenty-third session, English recall and two misreadings of other titles' news.

A title joined to the show's clause by "while", "as", "but" or "whereas" is set against it,
not listed with it: the first clause's event is that title's only, even when the show's clause
tells no event of its own ("Netflix cancels Harbor Lights while XO, Kitty waits"). A weekday
a network's verb is done to, heading a list of titles, is a show named like one ("Netflix
drops Wednesday, Harbor Lights and …"), not the day of a premiere. And the release verb
before a window gives the season's release date ("will be released next year")."""

from __future__ import annotations

import pytest

from bot.news.classify import classify
from bot.news.models import Milestone
from tests.headlines import (  # TOLD: Friday, November 20, 2026
    INDEX,
    TOLD,
    WEDNESDAY,
    released_on_wednesday,
)


@pytest.mark.parametrize(
    "title",
    [
        "Netflix cancels Harbor Lights while XO, Kitty waits",
        "Netflix cancels Harbor Lights as XO, Kitty waits for news",
        "Netflix cancels Harbor Lights, but XO, Kitty is still waiting",
        "Netflix renews Harbor Lights while XO, Kitty's fate remains unknown",
        "Netflix renews Harbor Lights whereas XO, Kitty fans keep waiting",
        "Netflix cancels Harbor Lights but not XO, Kitty",
        # (a list before the join is still other titles: a weekday-named one too)
        "Netflix cancels Wednesday, Harbor Lights while XO, Kitty waits",
        "Netflix cancels Wednesday while XO, Kitty waits",
    ],
)
def test_another_titles_event_set_against_the_show_is_not_the_shows(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is None, signal.rule


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        # (a list of the event's titles: the event is each one's)
        ("Netflix cancels Harbor Lights and XO, Kitty", Milestone.CANCELLED),
        ("Netflix cancels Harbor Lights as well as XO, Kitty", Milestone.CANCELLED),
        ("Netflix cancels Harbor Lights, XO, Kitty", Milestone.CANCELLED),
        ("Netflix cancels Wednesday, XO, Kitty and Harbor Lights", Milestone.CANCELLED),
        # (the show's clause with its own event tells it)
        ("Netflix cancels Harbor Lights while XO, Kitty gets season 3", Milestone.RENEWED),
        ("Netflix cancels Harbor Lights but renews XO, Kitty", Milestone.RENEWED),
        # (the show before the join: the event is the show's)
        ("Netflix cancels XO, Kitty while Harbor Lights waits", Milestone.CANCELLED),
        ("Netflix cancels XO, Kitty as Harbor Lights gets season 2", Milestone.CANCELLED),
        # (no title before the join: the show itself, described)
        ("Netflix renews its teen drama as XO, Kitty fans celebrate", Milestone.RENEWED),
        ("Netflix renews it as XO, Kitty fans celebrate", Milestone.RENEWED),
    ],
)
def test_a_list_or_the_shows_own_clause_still_tells_the_event(
    title: str, milestone: Milestone
) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is milestone, signal.rule


@pytest.mark.parametrize(
    "title",
    [
        "Netflix drops Wednesday, Harbor Lights and XO, Kitty season 3 trailers",
        "Netflix drops Wednesday, Harbor Lights, XO, Kitty season 3 teasers",
        "Netflix debuts Wednesday, Harbor Lights & XO, Kitty season 3 posters",
    ],
)
def test_a_weekday_heading_a_list_after_a_networks_verb_is_a_title(title: str) -> None:
    signal = classify(title, "", WEDNESDAY, INDEX)
    assert signal.milestone is not Milestone.RELEASED, signal.rule
    assert signal.event_date is None, signal.rule


@pytest.mark.parametrize(
    "title",
    [
        "XO, Kitty season 3 premieres Wednesday",
        "XO, Kitty season 3 premieres Wednesday, Netflix says",
        "XO, Kitty season 3 premieres Wednesday, Harbor Lights and Wednesday follow",
        "XO, Kitty season 3 premieres Wednesday, Thursday and Friday",
        "XO, Kitty season 3 arrives Wednesday, Netflix and the cast confirm",
        "XO, Kitty season 3 drops Wednesday, with all eight episodes",
    ],
)
def test_a_weekday_after_a_titles_verb_is_still_its_day(title: str) -> None:
    released_on_wednesday(title)


@pytest.mark.parametrize(
    "title",
    [
        "XO, Kitty season 3 will be released next year",
        "XO, Kitty season 3 is set to release in 2027",
        "XO, Kitty season 3 to be released in early 2027",
        "Netflix: XO, Kitty season 3 will release in spring 2027",
    ],
)
def test_the_release_verb_with_a_window_gives_the_release_date(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.milestone, signal.season) == (Milestone.RELEASE_DATE_ANNOUNCED, 3), signal.rule


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        # (the trailer's release, and releases in the past, are no season's date)
        ("XO, Kitty season 3 trailer will be released next week", Milestone.TRAILER),
        ("XO, Kitty season 3 was released in 2025", None),
        ("XO, Kitty season 3 released in January to strong reviews", None),
    ],
)
def test_a_release_verb_that_dates_no_coming_season_is_no_release_date(
    title: str, milestone: Milestone | None
) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is milestone, signal.rule
