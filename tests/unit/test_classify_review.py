"""Headlines written to break the twentieth session's classifier changes: what they read
wrong, and what they must keep reading right."""

from __future__ import annotations

import pytest

from bot.news.classify import classify
from bot.news.models import Milestone
from tests.headlines import INDEX, TOLD


@pytest.mark.parametrize(
    "title",
    [
        # window-now read any subject's window as the season's delay
        "XO, Kitty season 3 soundtrack now expected in 2027",
        "XO, Kitty season 3 vinyl release now expected in early 2027",
        "XO, Kitty star Anna Cathcart's album now expected in 2027",
        "XO, Kitty stars now set for 2027 reunion",
        "XO, Kitty cast now set for a 2027 reunion special",
        # a month's release slated, in a few hours: someone else's thing
        "XO, Kitty season 4 soundtrack slated for a March release",
        "The XO, Kitty season 4 fan event will premiere in a few hours",
        "XO, Kitty's season 4 red carpet premiere is just a few hours away",
        "XO, Kitty season 4 watch party premieres in a few hours",
        "XO, Kitty season 4 aftershow premieres in a few hours",
        "XO, Kitty season 4 behind-the-scenes special premieres in a few hours",
        "XO, Kitty documentary slated for a March release",
        # (the star's work as the subject stays hers)
        "XO, Kitty star's new film delayed",
        "Watch the trailer for Netflix's new thriller with XO, Kitty star Anna Cathcart",
        "Watch the trailer for Netflix's new thriller, starring XO, Kitty star Anna Cathcart",
        # a sequel of someone else's stays no news of the show
        "Anna Cathcart begins filming the sequel to Crazy Rich Asians",
        "XO, Kitty star wraps filming on the sequel to her hit rom-com, Netflix says",
    ],
)
def test_another_thing_as_the_subject_is_no_milestone(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is None, signal.rule


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        ("XO, Kitty season 4 now expected in 2027", Milestone.DELAYED),
        ("XO, Kitty season 4 is slated for a March 2027 release", Milestone.RELEASE_DATE_ANNOUNCED),
        ("XO, Kitty season 4 will premiere on Netflix in just a few hours", Milestone.RELEASED),
        ("XO, Kitty season 4 trailer drops in a few hours", Milestone.TRAILER),
        # "the sequel to" was someone else's work even as an aside naming the show
        (
            "Filming on the sequel to To All the Boys, XO, Kitty season 4, has begun",
            Milestone.FILMING_STARTED,
        ),
        (
            "Production starts on the sequel to To All the Boys, XO, Kitty",
            Milestone.FILMING_STARTED,
        ),
        (
            "Netflix renews the sequel to To All the Boys, XO, Kitty, for season 4",
            Milestone.RENEWED,
        ),
        # a shoot coming to a close is its wrap, told with "on" or "for" as with "finishes"
        ("Filming on XO, Kitty season 4 is coming to a close", Milestone.FILMING_WRAPPED),
        ("Production on XO, Kitty season 4 is coming to a close", Milestone.FILMING_WRAPPED),
        ("Filming for XO, Kitty season 4 comes to an end in Seoul", Milestone.FILMING_WRAPPED),
        # a network's new genre title named in an aside is the show
        ("Watch the trailer for Netflix's new rom-com, XO, Kitty season 4", Milestone.TRAILER),
        # a star's new work after a delay or a cancellation is its cause, the show's news
        ("XO, Kitty season 4 delayed by Anna Cathcart's new movie", Milestone.DELAYED),
        ("XO, Kitty season 4 pushed to 2027 due to star's new film", Milestone.DELAYED),
        ("XO, Kitty season 4 filming delayed for Anna Cathcart's new movie", Milestone.DELAYED),
        ("XO, Kitty cancelled due to star's new film", Milestone.CANCELLED),
        # a window told with the renewal is the renewal, "not until" as "now expected"
        ("XO, Kitty season 4 not until 2027 as Netflix renews show", Milestone.RENEWED),
        ("XO, Kitty season 4 no longer a 2026 release as Netflix renews it", Milestone.RENEWED),
    ],
)
def test_the_show_as_the_subject_keeps_its_news(title: str, milestone: Milestone) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is milestone, signal.rule


@pytest.mark.parametrize(
    ("title", "season"),
    [
        # the opening clause's season was nearer the event, so the main clause's was lost and
        # a season-4 renewal was read as season 3's (known: never posted)
        (
            "Following the season 3 finale, Netflix renews XO, Kitty for a fourth and final season",
            4,
        ),
        ("Following the season 3 premiere, Netflix renews XO, Kitty for a fourth season", 4),
        ("After the season 4 finale, XO, Kitty is renewed for a fifth and final season", 5),
        ("After the season 3 release, XO, Kitty wraps filming on season 4", 4),
        # no season of its own: the one after the season that aired
        ("Following the season 3 premiere, Netflix renews XO, Kitty", 4),
    ],
)
def test_a_main_clause_names_its_own_season_after_an_opening_clause(
    title: str, season: int
) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is not None, signal.rule
    assert signal.season == season
