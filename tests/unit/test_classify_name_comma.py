"""The show's own name holds a comma ("XO, Kitty"): rules read their spans up to a comma, so
"Netflix confirms XO, Kitty season 4" read as two clauses and gave nothing, where
"Netflix confirms Harbor Lights season 4" was a renewal. A network as the passive's agent
("confirmed by Netflix") is the network saying so."""

from __future__ import annotations

import pytest

from bot.news.classify import classify
from bot.news.models import Certainty, Milestone
from tests.headlines import INDEX, TOLD  # TOLD: Friday, November 20, 2026


@pytest.mark.parametrize(
    "title",
    [
        "Netflix confirms XO, Kitty season 4",
        "Netflix has announced XO, Kitty season 4",
        "Netflix unveils XO, Kitty season 4",
        "It's official: Netflix confirms XO, Kitty season 4",
    ],
)
def test_a_season_announced_across_the_names_comma_is_a_renewal(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.milestone, signal.season, signal.certainty) == (
        Milestone.RENEWED,
        4,
        Certainty.CONFIRMED,
    ), signal.rule


def test_the_same_in_a_summary_under_a_title_with_no_event() -> None:
    summary = "Netflix confirms XO, Kitty season 4 after a record week on its chart."
    signal = classify("The teen romance fans cannot stop talking about", summary, TOLD, INDEX)
    assert (signal.milestone, signal.season) == (Milestone.RENEWED, 4), signal.rule


@pytest.mark.parametrize(
    "title",
    [
        # the announcement of something else of the season's stays what it was
        "Netflix confirms XO, Kitty season 4 premiere date",
        "Netflix unveils XO, Kitty season 4 trailer",
        # a comma that is no part of the name still parts the clauses
        "Netflix confirms nothing, XO, Kitty season 4 fans wait",
    ],
)
def test_other_news_across_the_names_comma_is_not_a_renewal(title: str) -> None:
    assert classify(title, "", TOLD, INDEX).milestone is not Milestone.RENEWED


@pytest.mark.parametrize(
    ("title", "sure"),
    [
        ("XO, Kitty season 4 confirmed by Netflix", Certainty.CONFIRMED),
        ("Harbor Lights season 4 officially renewed by Netflix", Certainty.CONFIRMED),
        # the trade press's report is no network's word
        ("XO, Kitty season 4 confirmed, as reported by Variety", Certainty.REPORTED),
    ],
)
def test_a_network_as_the_passives_agent_confirms(title: str, sure: Certainty) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.milestone, signal.certainty) == (Milestone.RENEWED, sure), signal.rule


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        # What the comma hid for XO, Kitty alone, and any other name read wrongly: a
        # promotional video unveiled or released is a trailer, not a renewal or a release,
        ("Netflix unveils the main PV for Harbor Lights season 4", Milestone.TRAILER),
        ("Netflix has released the latest PV for Harbor Lights season 4", Milestone.TRAILER),
        ("Netflix unveils a new video for Harbor Lights season 4", None),
        # and a person's return for a season in a part is no season's return.
        ("Harrison Ford returns for Harbor Lights season 3 as a guest", None),
    ],
)
def test_what_the_comma_hid_is_read_for_every_name(title: str, milestone: Milestone | None) -> None:
    assert classify(title, "", TOLD, INDEX).milestone is milestone


def test_a_seasons_own_return_is_still_one() -> None:
    signal = classify("Harbor Lights returns for season 3", "", TOLD, INDEX)
    assert (signal.milestone, signal.season) == (Milestone.RELEASED, 3), signal.rule


@pytest.mark.parametrize(
    "title",
    [
        # the review of the comma change found these of the show's own renewal missed
        "XO, Kitty season 4 picked up by Netflix",
        "Harbor Lights season 4 has been officially picked up by Netflix",
        "XO, Kitty season 4: Netflix confirms the show will return",
        "XO, Kitty: Netflix confirms the series will return for season 4",
    ],
)
def test_the_shows_renewal_in_the_passive_or_confirmed_return(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.milestone, signal.season) == (Milestone.RENEWED, 4), signal.rule


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        # a star leaving before a season announces no season
        ("XO, Kitty star confirms she's leaving before season 4", None),
        ("Harbor Lights star announces exit ahead of season 4", None),
        # a return with its time is the date's news
        (
            "XO, Kitty season 4: Netflix confirms the show will return in June",
            Milestone.RELEASE_DATE_ANNOUNCED,
        ),
        # a season that takes up a story is no season picked up
        ("Harbor Lights season 2 picks up where season 1 left off", None),
    ],
)
def test_close_wordings_are_not_a_renewal(title: str, milestone: Milestone | None) -> None:
    assert classify(title, "", TOLD, INDEX).milestone is milestone


@pytest.mark.parametrize(
    "title",
    [
        # another title an event is done to, before the show's own clause with its own
        # event: the show's news is that clause's, not the other title's cancellation
        "Netflix cancels Harbor Lights, XO, Kitty renewed for season 4",
        "Netflix cancels Harbor Lights but renews XO, Kitty for season 4",
        "Netflix cancels Harbor Lights; XO, Kitty renewed for season 4",
    ],
)
def test_another_titles_cancellation_before_the_shows_renewal(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.milestone, signal.season) == (Milestone.RENEWED, 4), signal.rule


@pytest.mark.parametrize(
    "title",
    [
        # both cancelled, or the show's clause with no event of its own: the event stands
        "Netflix cancels Harbor Lights and XO, Kitty",
        "Netflix cancels the show, XO, Kitty fans devastated",
        "Netflix cancels XO, Kitty after three seasons",
    ],
)
def test_an_event_done_to_the_show_or_with_it_stands(title: str) -> None:
    assert classify(title, "", TOLD, INDEX).milestone is Milestone.CANCELLED
