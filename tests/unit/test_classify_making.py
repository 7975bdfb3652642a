"""The making of a season (twenty-sixth session): a title's question that only stirs the
reader, the start's timeline told, a season done filming, spellings of other languages'
shoot words, the writers' room and the writers at work, the effects, a wrap of one place, a
shoot weeks under way, the crew joining, a script reading, a new drama's lead, a shoot
scheduled, a planned shoot with a question mark, a call for extras, a trailer available,
new characters, the cast gone to shoot, a start still ahead, a wrap scheduled; and the close
wordings that must stay as they were."""

from __future__ import annotations

import pytest

from bot.news.classify import classify
from tests.headlines import INDEX, TOLD, label_of


@pytest.mark.parametrize(
    ("title", "summary", "label"),
    [
        # a question that only stirs the reader: the summary tells the news
        (
            "Who's ready for more XO, Kitty?",
            "Netflix has officially started filming XO, Kitty season 3 in Seoul.",
            "filming_started",
        ),
        (
            "XO, Kitty fans, are you prepared for some exciting news?!",
            "Netflix has released the first trailer for XO, Kitty season 3.",
            "trailer",
        ),
        (
            "Months after the rumours began, isn't it nice to have official XO, Kitty news?",
            "Netflix has officially renewed XO, Kitty for a fourth season.",
            "renewed",
        ),
        (
            "Do you want the good news or the bad news?",
            "The good news first: XO, Kitty season 3 is officially back in production.",
            "filming_started",
        ),
        (
            "Have you missed the drama of KISS academy?",
            "Netflix has released the first teaser for XO, Kitty season 3.",
            "trailer",
        ),
        # the question stirs, but the summary tells no news
        (
            "Are you ready for XO, Kitty season 3?",
            "Here is everything we know about the new season, from the cast to the story.",
            "other",
        ),
        (
            "Are you excited to see XO, Kitty season 3 premiere on Netflix?",
            "We have waited a long time, and here is what we hope to see this time around.",
            "other",
        ),
        # a real question after the stirring one still asks
        (
            "Who's ready for XO, Kitty season 4? Will Netflix renew it?",
            "Netflix has renewed XO, Kitty for a fourth season, insiders say.",
            "other",
        ),
        # a question that asks for the news is no stir
        (
            "Is XO, Kitty renewed for season 4?",
            "Netflix has renewed XO, Kitty for season 4.",
            "other",
        ),
        (
            "Will XO, Kitty season 3 start filming soon?",
            "Netflix has officially started filming XO, Kitty season 3 in Seoul.",
            "other",
        ),
        # a wrap of one place, the rest of the shoot still to come, is no wrap
        (
            "XO, Kitty season 3 has finished filming in Seoul",
            "More shooting is planned in Jeju next month, the cast said.",
            "other",
        ),
        (
            "XO, Kitty season 3 wraps filming in Seoul as production moves to Jeju",
            "The cast shared photos from the last day in the city.",
            "other",
        ),
        (
            "XO, Kitty season 3 wraps location shoots, one more month of filming remaining",
            "",
            "other",
        ),
        # the whole shoot's wrap, the work moving on to post-production
        (
            "XO, Kitty season 3 wraps filming as production moves to post-production",
            "The cast shared photos from four months of location shooting in Seoul.",
            "filming_wrapped",
        ),
        # the trailer shown off, available, or recently released
        (
            "A word on XO, Kitty",
            "The first season 4 trailer for XO, Kitty is now available.",
            "trailer",
        ),
        (
            "A word on XO, Kitty",
            "The official trailer for the final season of XO, Kitty was recently released.",
            "trailer",
        ),
        (
            "A word on XO, Kitty",
            "Netflix showed off the first teaser for XO, Kitty season 3.",
            "trailer",
        ),
        (
            "A word on XO, Kitty",
            "The trailer for XO, Kitty season 2 was released last year, before the premiere.",
            "other",
        ),
        ("A word on XO, Kitty", "The XO, Kitty season 3 trailer is not available yet.", "other"),
        # a shoot weeks under way: its start is old news
        ("XO, Kitty season 3 filming has been underway for a few weeks now", "", "other"),
        (
            "XO, Kitty season 3 production update from the set",
            "As production on the series enters its third week, fans wonder when it will return.",
            "other",
        ),
        ("XO, Kitty season 3 is inching towards its halfway production point", "", "other"),
        (
            "XO, Kitty season 3 has started filming in Seoul",
            "The shoot will run for three months, the first weeks of it in Busan.",
            "filming_started",
        ),
    ],
)
def test_the_making_told_with_a_summary(title: str, summary: str, label: str) -> None:
    assert label_of(classify(title, summary, TOLD, INDEX)) == label


@pytest.mark.parametrize(
    ("title", "label"),
    [
        # the start's timeline told is a planned shoot
        (
            "XO, Kitty star Anna Cathcart reveals when season 3 will begin production",
            "filming_rumored",
        ),
        (
            "Jenny Han shares an update on when filming for XO, Kitty season 3 is set to begin",
            "filming_rumored",
        ),
        (
            "Netflix announces when production on XO, Kitty season 3 will kick off",
            "filming_rumored",
        ),
        # nobody tells when
        ("Netflix hasn't revealed when XO, Kitty season 3 will start filming", "other"),
        ("XO, Kitty star doesn't know when filming for season 3 will begin", "other"),
        ("Netflix has yet to reveal when XO, Kitty season 3 will begin filming", "other"),
        ("Fans want to know when XO, Kitty season 3 will begin production", "other"),
        # the shoot's time ahead told is a planned shoot
        (
            "The XO, Kitty cast and crew are returning to the set later this year, Anna Cathcart "
            "says",
            "filming_rumored",
        ),
        ("XO, Kitty season 3 filming is scheduled from March through June", "filming_rumored"),
        ("XO, Kitty season 3 filming dates: March 9 to June 30, 2027", "filming_rumored"),
        (
            "XO, Kitty creator Jenny Han is aiming to shoot the new season in March",
            "filming_rumored",
        ),
        # a return told in the past, or to another work
        (
            "The XO, Kitty cast returned to the set in 2024 for season 2, Anna Cathcart recalls",
            "other",
        ),
        (
            "XO, Kitty star Anna Cathcart is returning to the set of her old movie later this year",
            "other",
        ),
        # a headline's planned shoot with its mark is the plan as a rumour; asked, it is not
        ("XO, Kitty season 3 to start production mid-July in Seoul?", "filming_rumored"),
        ("XO, Kitty season 3 set to begin filming in March?", "filming_rumored"),
        ("Will XO, Kitty season 3 start filming in March?", "other"),
        ("Fans wonder when XO, Kitty season 3 will begin filming?", "other"),
        ("XO, Kitty: is season 3 set to begin filming in March?", "other"),
        ("XO, Kitty renewed for season 4?", "other"),
        ("XO, Kitty season 3 to film in March; will Jenny Han direct?", "filming_rumored"),
        ("XO, Kitty star Anna Cathcart's new movie to film in March", "other"),
        # the cast already there to shoot: the start is now; still to go, it is a plan
        (
            "The XO, Kitty cast has headed back to Seoul to begin filming season 3",
            "filming_started",
        ),
        (
            "The XO, Kitty cast have gone back to Seoul to commence shooting on season 3",
            "filming_started",
        ),
        ("The XO, Kitty cast will head back to Seoul to begin filming season 3", "filming_rumored"),
        # a shoot seen getting under way
        (
            "Filming for XO, Kitty season 3 has been spotted getting underway in Seoul",
            "filming_started",
        ),
        # a start of filming still ahead, and one marked now
        (
            "The XO, Kitty cast met for a table read ahead of the start of filming this month",
            "filming_rumored",
        ),
        ("XO, Kitty season 3 marks the start of filming with a cast photo", "filming_started"),
        # a call for extras, a start eyed: the shoot ahead
        ("XO, Kitty season 3 starts its hunt for extras in Seoul", "filming_rumored"),
        ("XO, Kitty season 3 is seeking local extras to play KISS students", "filming_rumored"),
        ("XO, Kitty season 3 eyes filming start in February 2027", "filming_rumored"),
        ("XO, Kitty season 2 Blu-ray extras revealed", "other"),
        # done filming is a wrap
        ("XO, Kitty season 3 is already done filming!", "filming_wrapped"),
        ("The XO, Kitty cast are officially done shooting season 3", "filming_wrapped"),
        (
            "XO, Kitty season 3 is finally done filming but won't arrive until next year",
            "filming_wrapped",
        ),
        # a wrap still scheduled is no wrap; a premiere scheduled is still a date
        ("XO, Kitty season 3 is scheduled to finish filming by October 6th", "other"),
        ("XO, Kitty season 3 is on track to wrap up shooting next month", "other"),
        ("XO, Kitty season 3 is scheduled to premiere on June 5", "release_date_announced"),
        # not yet, or for the day, or asked
        ("XO, Kitty season 3 is almost done filming, Jenny Han says", "other"),
        ("Anna Cathcart is done filming for the day and heads to a XO, Kitty fan event", "other"),
        ("Is XO, Kitty season 3 done filming?", "other"),
        # the writers hard at work now; in the past, no news
        (
            "The XO, Kitty writers are working hard on an ending for season 4, Jenny Han says",
            "writing",
        ),
        ("XO, Kitty writers have been working away on season 4 since May", "writing"),
        ("The XO, Kitty writers were working hard before the strike, Jenny Han recalls", "other"),
        # the writers' first day, scripts coming in, the effects done
        (
            "XO, Kitty showrunner shares a glimpse of the first day of the new writers room",
            "writing",
        ),
        (
            "Netflix likes XO, Kitty season 4, noting that scripts are coming into its offices",
            "writing",
        ),
        (
            "XO, Kitty season 3's visual effect work is also complete, Jenny Han says",
            "post_production",
        ),
        ("XO, Kitty season 3's visual effect work is done by a studio in Seoul", "other"),
        # the crew joining is no casting; the cast is
        ("Jane Doe joins XO, Kitty as co-showrunner for season 3", "other"),
        ("XO, Kitty enlists three new directors for season 3", "other"),
        ("Jane Doe joins XO, Kitty season 3 as a series regular", "casting"),
        ("XO, Kitty season 3 adds Jane Doe as Kitty's new rival", "casting"),
        # the cast's first script reading is a table read, no writing; a script's photo is
        ("XO, Kitty season 3 reveals stills from the first script reading", "other"),
        ("Jenny Han shares a photo of the first script for XO, Kitty season 4", "writing"),
        # new characters or faces added
        ("XO, Kitty season 3 is adding a new recurring character", "casting"),
        ("XO, Kitty season 3 brings in new characters to shake up KISS", "casting"),
        ("Netflix has announced two new recurring characters for XO, Kitty season 3", "casting"),
        ("XO, Kitty season 2 introduced new characters, and most of them fell flat", "other"),
        # a new drama's lead told
        ("Jane Doe to lead upcoming Netflix detective drama 'KISS'", "casting"),
        ("XO, Kitty favourite Jane Doe lands Netflix's 'KISS' lead", "casting"),
        ("XO, Kitty lands in the lead of Netflix's top 10 this week", "other"),
        ("Jane Doe will lead the panel at the XO, Kitty fan event", "other"),
        # it "primo ciack", a spelling of "primo ciak" (the first take)
        ("Primo ciack a Seoul per la terza stagione di XO, Kitty", "filming_started"),
        # no "ferdiginnspilt" in one word, nl "zitten er op" in two
        ("Tredje sesong av XO, Kitty er ferdiginnspilt", "filming_wrapped"),
        ("De opnames van het derde seizoen van XO, Kitty zitten er op", "filming_wrapped"),
        ("Het zit er op: XO, Kitty seizoen 3 is ingeblikt", "filming_wrapped"),
        # a past shoot, told as such, or one asked about
        (
            "Tredje sesong av XO, Kitty ble ferdiginnspilt i fjor, og nå kommer den på Netflix",
            "other",
        ),
        ("Il primo ciack di XO, Kitty? Jenny Han lo ricorda in un'intervista", "other"),
    ],
)
def test_the_making_told_in_a_title(title: str, label: str) -> None:
    assert label_of(classify(title, "", TOLD, INDEX)) == label
