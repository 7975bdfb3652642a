"""Misreadings the twenty-first session noticed and left, each mended by a general rule:
another title's event joined by a dash or a comma, a trailer that tells a delay, not
knowing when, work started on post, "may" the verb, a season's date told as background,
German wordings, and people's names. Season 4 of XO, Kitty is not known, so a misread
season cannot hide behind a known one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.news.classify import ShowIndex, classify
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


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        # a season's date in a relative clause is background to the news after it
        ("XO, Kitty, which returns Wednesday for season 4, will end with it", Milestone.CANCELLED),
        (
            "XO, Kitty, which returns in March for season 4, has been cancelled",
            Milestone.CANCELLED,
        ),
        ("XO, Kitty, which returns in March for season 4, gets a trailer", Milestone.TRAILER),
        # with no news after it, the clause's date is still read
        (
            "XO, Kitty, which returns in March for season 4, looks great",
            Milestone.RELEASE_DATE_ANNOUNCED,
        ),
        ("XO, Kitty will end with season 4", Milestone.CANCELLED),
        ("XO, Kitty season 4 will be its last", Milestone.CANCELLED),
    ],
)
def test_a_date_told_as_background(title: str, milestone: Milestone) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.show, signal.milestone, signal.season) == ("xo-kitty", milestone, 4), signal.rule


@pytest.mark.parametrize(
    ("title", "milestone", "day"),
    [
        # a planned start, the verb last, is the season's release (not a shoot)
        (
            "Die 4. Staffel von XO, Kitty soll im Mai starten",
            Milestone.RELEASE_DATE_ANNOUNCED,
            None,
        ),
        (
            "XO, Kitty: Die 4. Staffel soll am 7. Mai starten",
            Milestone.RELEASE_DATE_ANNOUNCED,
            date(2027, 5, 7),
        ),
        (
            "XO, Kitty: Dreharbeiten zur 4. Staffel sollen im Mai starten",
            Milestone.FILMING_STARTED,
            None,
        ),
        # the show goes on, no other event named: a renewal
        ("XO, Kitty geht weiter", Milestone.RENEWED, None),
        ("XO, Kitty wird fortgesetzt", Milestone.RENEWED, None),
        ("Die Serie XO, Kitty geht weiter - Netflix bestätigt", Milestone.RENEWED, None),
        # the network stops it: a cancellation
        ("Netflix stellt XO, Kitty ein", Milestone.CANCELLED, None),
        ("Netflix stellt XO, Kitty nach drei Staffeln ein", Milestone.CANCELLED, None),
        # what is put online is no cancellation
        ("Netflix stellt neuen Trailer zu XO, Kitty ein", Milestone.TRAILER, None),
    ],
)
def test_german_wordings(title: str, milestone: Milestone, day: date | None) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.show, signal.milestone) == ("xo-kitty", milestone), signal.rule
    if day is not None:
        assert signal.event_date == day


@pytest.mark.parametrize(
    "title",
    [
        "XO, Kitty: Das Warten geht weiter",
        "XO, Kitty wird im Mai fortgesetzt",
        "XO, Kitty wird in zwei Monaten fortgesetzt",
    ],
)
def test_german_going_on_that_is_no_renewal(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is None, signal.rule


TWO_SHOWS = ShowIndex.from_aliases(
    {"xo-kitty": ["XO, Kitty", "XO Kitty"], "ginny-georgia": ["Ginny & Georgia"]}
)


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Anna Cathcart & Minyeong Choi returning for season 2", ""),
        (
            "Anna Cathcart & Minyeong Choi returning for season 2",
            "The stars of XO, Kitty are back.",
        ),
        ("Anna Cathcart and Minyeong Choi returning for season 4 of XO, Kitty", ""),
        ("Anna Cathcart & Minyeong Choi are back for XO, Kitty season 4", ""),
    ],
)
def test_two_peoples_return_is_no_renewal(title: str, summary: str) -> None:
    for index in (INDEX, TWO_SHOWS):
        signal = classify(title, summary, TOLD, index)
        assert signal.milestone is None, signal.rule
        assert signal.show in (None, "xo-kitty")


@pytest.mark.parametrize(
    "title",
    ["Ginny & Georgia returning for season 4", "Ginny and Georgia returning for season 4"],
)
def test_a_title_joined_by_and_still_returns(title: str) -> None:
    signal = classify(title, "", TOLD, TWO_SHOWS)
    assert (signal.show, signal.milestone, signal.season) == (
        "ginny-georgia",
        Milestone.RENEWED,
        4,
    ), signal.rule
