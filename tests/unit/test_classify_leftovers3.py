"""Misreadings the twenty-first session noticed and left, each mended by a general rule:
another title's event joined by a dash or a comma, a trailer that tells a delay, not
knowing when, work started on post, "may" the verb, a season's date told as background,
German wordings, and people's names. Season 4 of XO, Kitty is not known, so a misread
season cannot hide behind a known one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.news.classify import classify
from bot.news.models import Milestone
from tests.headlines import INDEX, TOLD


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        # another title written as one (verb or article words in it), before a dash or a
        # comma: its event is not the show's
        ("Love Is Blind renewed - XO, Kitty season 4 delayed", Milestone.DELAYED),
        ("Love Is Blind renewed, XO, Kitty season 4 delayed", Milestone.DELAYED),
        ("Harbor Lights renewed, XO, Kitty season 4 cancelled", Milestone.CANCELLED),
        ("Emily in Paris renewed, XO, Kitty season 4 delayed", Milestone.DELAYED),
        ("The Summer I Turned Pretty renewed; XO, Kitty season 4 delayed", Milestone.DELAYED),
        # the show described before its name, in either case: still its own news
        (
            "Netflix's teen drama premieres December 4 - XO, Kitty season 4 is here",
            Milestone.RELEASE_DATE_ANNOUNCED,
        ),
        (
            "Netflix's Teen Drama Premieres December 4 - XO, Kitty Season 4 Is Here",
            Milestone.RELEASE_DATE_ANNOUNCED,
        ),
        ("Teen Drama renewed, XO, Kitty back for season 4", Milestone.RENEWED),
        ("Netflix renews, XO, Kitty season 4 confirmed", Milestone.RENEWED),
        (
            "Kitty Song Covey returns December 4 - XO, Kitty season 4 date revealed",
            Milestone.RELEASE_DATE_ANNOUNCED,
        ),
    ],
)
def test_another_titles_event_joined_by_a_dash_or_comma(title: str, milestone: Milestone) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.show, signal.milestone, signal.season) == ("xo-kitty", milestone, 4), signal.rule


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        # a trailer as a label: the delay after its colon is the news it brings
        ("XO, Kitty season 4 trailer: premiere delayed to 2027", Milestone.DELAYED),
        # a label with no other news stays a trailer
        ("XO, Kitty season 4 trailer: Kitty is back", Milestone.TRAILER),
        ("XO, Kitty season 4 trailer: first look at Kitty's return", Milestone.TRAILER),
        # knowing when, or a clause of its own after not knowing, keeps its event
        ("We finally know when XO, Kitty season 4 is coming", Milestone.RELEASE_DATE_ANNOUNCED),
        ("XO, Kitty season 4 is coming", Milestone.RENEWED),
        ("Netflix hasn't said when, but XO, Kitty season 4 is happening", Milestone.RENEWED),
        (
            "We don't know when XO, Kitty season 4 is coming, but filming has started",
            Milestone.FILMING_STARTED,
        ),
        # work started on post is post-production; the season itself started, released
        ("XO, Kitty season 4 has started on post", Milestone.POST_PRODUCTION),
        ("XO, Kitty season 4 has started post-production", Milestone.POST_PRODUCTION),
        ("XO, Kitty season 4 has begun post", Milestone.POST_PRODUCTION),
        ("XO, Kitty season 4 has started", Milestone.RELEASED),
        ("XO, Kitty season 4 has started on Netflix", Milestone.RELEASED),
        ("XO, Kitty season 4 has started filming", Milestone.FILMING_STARTED),
    ],
)
def test_the_seasons_own_event(title: str, milestone: Milestone) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.milestone, signal.season) == (milestone, 4), signal.rule


@pytest.mark.parametrize(
    "title",
    [
        "We don't know when XO, Kitty season 4 is coming",
        "Netflix hasn't said when XO, Kitty season 4 is coming",
        "Netflix hasn't said when XO, Kitty season 4 will premiere",
    ],
)
def test_not_knowing_when_is_no_news(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is None, signal.rule


@pytest.mark.parametrize(
    "title",
    [
        "XO, Kitty season 4 may arrive in 2027",
        "XO, Kitty season 4 may premiere in June",
        "XO, Kitty season 4 may return in 2027",
    ],
)
def test_may_the_verb_hedges_a_window(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is None, signal.rule
    assert signal.rule.startswith("not-news:date-rumoured"), signal.rule


@pytest.mark.parametrize(
    ("title", "day"),
    [
        ("XO, Kitty season 4 arrives May 7", date(2027, 5, 7)),
        ("XO, Kitty season 4 premieres May 7", date(2027, 5, 7)),
        ("XO, Kitty gets trailer, May premiere date for season 4", None),
        ("XO, Kitty season 4 will premiere in May", None),
    ],
)
def test_may_the_month_stays_a_date(title: str, day: date | None) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.milestone, signal.event_date) == (
        Milestone.RELEASE_DATE_ANNOUNCED,
        day,
    ), signal.rule
