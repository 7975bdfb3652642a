"""Renewals and cancellations as the language tells them: a plea, a near thing or a
network's habit is no verdict on one show; the verdicts themselves still are."""

from __future__ import annotations

import pytest

from bot.news.classify import classify
from bot.news.models import Milestone
from tests.headlines import INDEX, TOLD

_VERDICTS = (Milestone.RENEWED, Milestone.CANCELLED)


@pytest.mark.parametrize(
    "title",
    [
        # a renewal close but not made
        "XO, Kitty is on the verge of being renewed for season 3",
        "Netflix is on the brink of renewing XO, Kitty, insiders say",
        # an aim or a plea: the fans', the writer's
        "XO, Kitty fans are scrambling to get the show renewed",
        "Fans launch a campaign to see XO, Kitty renewed for a third season",
        "5 reasons to renew XO, Kitty for season 3",
        "XO, Kitty star urges Netflix to renew the show",
        "Fans are trying to renew XO, Kitty with a billboard in Times Square",
        # a network's habit, not one show's verdict
        "Netflix cancels 95% of its originals - XO, Kitty fans are worried",
        "Netflix keeps cancelling most of its new shows, and XO, Kitty could be next",
        "Why Netflix is cancelling the vast majority of its new dramas",
        "Netflix has been canceling so many shows lately; is XO, Kitty safe",
        # a renewal on its way, a fight for one, an edition that is no season
        "XO, Kitty is on its way to a season 3 renewal, sources say",
        "XO, Kitty is fighting its way to a renewal",
        "XO, Kitty fans order a limited edition box set",
        # a green light as a noun nobody gave, or a verb still to come
        "Why XO, Kitty's quick green light made season 2 so hard to shoot",
        "Netflix doesn't need finished scripts to green light XO, Kitty season 3",
        # the writer's own guess, or a chance
        "We're sure XO, Kitty will be renewed for another season",
        "I think Netflix will cancel XO, Kitty before season 4",
        "There is a good chance XO, Kitty gets renewed for a fourth season",
        # a court's order, a tidy-up
        "XO, Kitty star gets restraining order against stalker",
        "XO, Kitty gets its priorities in order in season 2 finale",
        # an episode's ending, not the show's
        "The XO, Kitty finale ends with a fourth season tease",
        "Season 3 of XO, Kitty ends with a fourth season tease",
        # no season confirmed yet is no season refused
        "So far no third season of XO, Kitty has been confirmed",
        "No season 4 of XO, Kitty has been announced yet",
        # the premiere close ahead, or the weekly run
        "XO, Kitty is returning for its third season in just a few weeks",
        "XO, Kitty is moments away from returning for its third season",
        "XO, Kitty is a little closer to returning for its fourth season",
        "XO, Kitty will continue on Netflix this week with three new episodes",
        "Netflix revealed today that XO, Kitty is coming back for season 3 at the end of this"
        " month",
    ],
)
def test_no_verdict_on_the_show(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone not in _VERDICTS, signal.rule


# A renewal told as the show's attribute yields to the article's news.
def test_a_recently_renewed_show_is_no_renewal() -> None:
    told = classify("Netflix's recently renewed series XO, Kitty starts filming", "", TOLD, INDEX)
    assert told.milestone is Milestone.FILMING_STARTED, told.rule


# The verdicts themselves, close to the wordings above, still told.
_VERDICT_OF = {
    "Netflix renews XO, Kitty for season 3": Milestone.RENEWED,
    "Netflix has decided to renew XO, Kitty for a third season": Milestone.RENEWED,
    "XO, Kitty fans got their wish: Netflix renews it for season 3": Milestone.RENEWED,
    "XO, Kitty fans are thrilled to see the show renewed for season 3": Milestone.RENEWED,
    "Fans were glad to get word that Netflix renewed XO, Kitty": Milestone.RENEWED,
    "Netflix cancels XO, Kitty after three seasons": Milestone.CANCELLED,
    "XO, Kitty becomes the latest show to get cancelled by Netflix": Milestone.CANCELLED,
    "Netflix cancels its teen drama XO, Kitty after two seasons": Milestone.CANCELLED,
    # a way made to a renewal; an order of an edition with its ordinal
    "XO, Kitty charms its way to a season 3 renewal": Milestone.RENEWED,
    "HBO Max orders a third edition of XO, Kitty": Milestone.RENEWED,
    # a green light given or got
    "XO, Kitty has been given the green light for a third season": Milestone.RENEWED,
    "Netflix gave XO, Kitty the green light for season 3": Milestone.RENEWED,
    "XO, Kitty is returning for a third season": Milestone.RENEWED,
    "We are thrilled: Netflix renews XO, Kitty for season 4": Milestone.RENEWED,
    "There will be no season 4 of XO, Kitty": Milestone.CANCELLED,
    # a rescue told of a show known as cancelled; a cancellation told with an aside still is
    "XO, Kitty, canceled in May by Netflix after three seasons, has been picked up for two"
    " seasons by Hulu": Milestone.RENEWED,
    "Harbor Lights, axed by CBS after two seasons, gets a third season at Netflix": (
        Milestone.RENEWED
    ),
    "In a shock move, Netflix has cancelled XO, Kitty": Milestone.CANCELLED,
    "XO, Kitty, cancelled after two seasons, thanks fans": Milestone.CANCELLED,
    "XO, Kitty is officially coming back for season 3": Milestone.RENEWED,
    "XO, Kitty is definitely coming back for more": Milestone.RENEWED,
    "XO, Kitty Ends With Fourth and Final Season": Milestone.CANCELLED,
    "Netflix has recently renewed XO, Kitty for season 3": Milestone.RENEWED,
    "XO, Kitty lives to see season four at Netflix": Milestone.RENEWED,
    # an order got
    "XO, Kitty gets a back-nine order": Milestone.RENEWED,
    "XO, Kitty sequel series gets Netflix order": Milestone.RENEWED,
    # the axe got; a season confirmed as the last; a show "two-and-done"
    "XO, Kitty is officially two-and-done at Netflix": Milestone.CANCELLED,
    "XO, Kitty has gotten the axe at Netflix": Milestone.CANCELLED,
    "XO, Kitty's fourth season has been confirmed as its last": Milestone.CANCELLED,
    "XO, Kitty season 4 officially confirmed as the show's final chapter": Milestone.CANCELLED,
}


# An aside in the summary tells the show's past, not the article's news.
def test_an_aside_in_parentheses_is_no_verdict() -> None:
    told = classify(
        "XO, Kitty star Anna Cathcart shares her favourite scene",
        "Netflix is happy with the show (it was just renewed for a third season), and the star"
        " shared a photo from set.",
        TOLD,
        INDEX,
    )
    assert told.milestone is None, told.rule


@pytest.mark.parametrize("title", list(_VERDICT_OF))
def test_verdicts_still_told(title: str) -> None:
    told = classify(title, "", TOLD, INDEX)
    assert (told.milestone, told.rule) == (_VERDICT_OF[title], told.rule)
