"""Releases and their dates told again, or told beside the news (twenty-sixth session):
wordings the release rules must no longer take, and the close ones they still must."""

from __future__ import annotations

import pytest

from bot.news.classify import classify
from bot.news.models import Milestone
from tests.headlines import INDEX, TOLD

# The summaries some titles below are read with (any other title is read alone).
SUMMARIES: dict[str, str] = {
    "Warning: spoilers ahead for XO, Kitty season 2.": (
        "Netflix has renewed XO, Kitty for a third season."
    ),
    "XO, Kitty season 3 recently dropped on Netflix.": (
        "Fans wonder whether a fourth season will follow."
    ),
    "XO, Kitty's third season, which will be released in March 2027, is coming along.": (
        "Creator Jenny Han says the season is now in post-production."
    ),
    "XO, Kitty season 3, which premieres January 14, looks set to be the last.": (
        "Netflix has cancelled the show."
    ),
    "Netflix has confirmed that XO, Kitty will return for season 3 on January 14.": (
        "Filming wrapped in August."
    ),
    "XO, Kitty season 3, which premieres January 14, is the show's biggest yet.": (
        "The cast talked to us about it."
    ),
    "XO, Kitty season 3 is back on Netflix": "How to stream the premiere and who is in the cast.",
    "XO, Kitty season 3 premieres on Thursday, January 14": (
        "If you're keen to watch it, here's how you can do so online or on TV."
    ),
    "XO, Kitty season 3 is now streaming on Netflix, all eight episodes": (
        "Fans can stream the first two seasons there too."
    ),
}

# What each title must read as (None: no news).
EXPECTED: dict[Milestone | None, tuple[str, ...]] = {
    None: (
        # the date-and-time explainer's "all set to": a day known for weeks
        "XO, Kitty season 3 is all set to premiere on Netflix on Thursday, January 14, 2027.",
        "The third season of XO, Kitty is all set to return on January 14.",
        "XO, Kitty is all set to debut its third season on January 14, at 3 a.m. ET.",
        # a spoiler disclaimer heads a recap or an interview: the release is the reader's
        # context
        "SPOILER ALERT: This story contains spoilers from the first two episodes of XO, Kitty"
        " season 3, now streaming on Netflix.",
        "This article contains spoilers for XO, Kitty season 3, now streaming on Netflix.",
        "Warning: spoilers ahead for XO, Kitty season 2.",
        # "recently" dropped: a release the reader is reminded of before the piece's own news
        "XO, Kitty season 3 recently dropped on Netflix.",
        "The third season of XO, Kitty recently debuted on Netflix, and fans want more.",
        "The new season of XO, Kitty recently arrived on Netflix.",
        # a plan, or work of a stage, is no release date
        "XO, Kitty season 3 is not on track for a 2027 premiere",
        "Filming on XO, Kitty season 3 is on schedule to wrap in March",
        # work taken up again is no release: "back on track", "up and running", "in action"
        "XO, Kitty season 3 is back on track after the strike",
        "XO, Kitty is back up and running in Seoul",
        "XO, Kitty is back in action.",
        # a shoot scheduled, a cast's trip, is no premiere
        "Netflix schedules XO, Kitty season 3 filming for January",
        "XO, Kitty cast heads to Seoul to film season 3 on January 14",
        # a summary that says how to stream or catch up frames a viewer's guide
        "XO, Kitty season 3 is back on Netflix",
        "XO, Kitty season 3 premieres on Thursday, January 14",
    ),
    Milestone.RELEASE_DATE_ANNOUNCED: (
        # "set to" is still the network's word
        "XO, Kitty season 3 is set to premiere on Netflix on January 14",
        "XO, Kitty season 3 is set to return on January 14",
        "Netflix sets XO, Kitty season 3 release for January",
        "Netflix sets XO, Kitty season 3 premiere for January 14",
        # de "von der Kritik gefeierte" (critically acclaimed), inflected, is no review
        "Die von der Kritik gefeierte Netflix-Serie XO, Kitty startet am 14. Januar in die"
        " dritte Staffel",
        "Die von der Kritik gefeierten Teenie-Serie XO, Kitty: Staffel 3 startet am 14. Januar",
        # a "that" with its own subject is no relative clause; and with nothing else told,
        # the relative clause's date is the news
        "Netflix has confirmed that XO, Kitty will return for season 3 on January 14.",
        "XO, Kitty season 3, which premieres January 14, is the show's biggest yet.",
        # the date's other wordings: "is official", "confirmed for release", "on track for"
        "The premiere date for XO, Kitty season 3 is official now",
        "XO, Kitty season 3 has been confirmed for release on January 14",
        "XO, Kitty's comeback is on track for a 2027 premiere, Netflix confirms",
        "XO, Kitty is on schedule to release its third season next summer",
        # the trade's verbs for a day or a window set
        "XO, Kitty season 3 heads to Netflix in January",
        "XO, Kitty season 3 is headed back to Netflix on January 14",
        "Netflix slates XO, Kitty season 3 for January 14",
        "Netflix schedules XO, Kitty season 3 for Thursday, January 14",
        "XO, Kitty season 3 slated for January release",
    ),
    Milestone.RELEASED: (
        # spoilers named in the news are no disclaimer
        "XO, Kitty season 3 is now streaming on Netflix",
        # a release just told
        "XO, Kitty season 3 has finally dropped on Netflix",
        "The third season of XO, Kitty has just landed on Netflix.",
        # back, with nothing after it, is still the season's return
        "XO, Kitty is back on Netflix",
        "XO, Kitty season 3 is finally back",
        # streaming named in passing frames nothing
        "XO, Kitty season 3 is now streaming on Netflix, all eight episodes",
    ),
    Milestone.RENEWED: (
        "XO, Kitty season 3 spoilers: Netflix renews the show for season 4",
        # a bare "spoiler alert" is as often a joke's lead-in to the news
        "Spoiler alert: Netflix has renewed XO, Kitty for season 4",
    ),
    # a release that only describes the season, in a relative clause, yields to the stage
    # the summary tells
    Milestone.POST_PRODUCTION: (
        "XO, Kitty's third season, which will be released in March 2027, is coming along.",
    ),
    Milestone.CANCELLED: (
        "XO, Kitty season 3, which premieres January 14, looks set to be the last.",
    ),
}


@pytest.mark.parametrize(
    ("title", "expected"), [(title, m) for m, titles in EXPECTED.items() for title in titles]
)
def test_release_wordings(title: str, expected: Milestone | None) -> None:
    signal = classify(title, SUMMARIES.get(title, ""), TOLD, INDEX)
    assert signal.milestone is expected, signal.rule


def test_a_review_in_german_is_still_one() -> None:
    signal = classify("XO, Kitty: Kritik zur dritten Staffel", "", TOLD, INDEX)
    assert signal.rule == "not-news:review"
