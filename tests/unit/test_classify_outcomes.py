"""Releases, dates and trailers (twenty-first session): headlines whose events the classifier
must read, and close ones it must not."""

from __future__ import annotations

import pytest

from bot.news.classify import classify
from bot.news.models import Milestone
from tests.headlines import INDEX, TOLD


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        # the event labels the headline; the question after its colon is the line's own
        ("XO, Kitty Season 4 Trailer: They did what?", Milestone.TRAILER),
        (
            "XO, Kitty S04 Trailer: The Power of 3 Returns- But Will It Be In Time?",
            Milestone.TRAILER,
        ),
        ("XO, Kitty season 4 teaser: is Kitty leaving KISS?", Milestone.TRAILER),
        # (other events' rules end before the colon: read so before, kept so)
        (
            "XO, Kitty season 4 renewed: the end of the road for Kitty and Min Ho?",
            Milestone.RENEWED,
        ),
        ("XO, Kitty cancelled after three seasons: the end of the road?", Milestone.CANCELLED),
    ],
)
def test_a_question_after_the_events_label_is_the_lines_own(
    title: str, milestone: Milestone
) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is milestone, signal.rule


@pytest.mark.parametrize(
    "title",
    [
        # the event itself is asked: after the colon, or with no colon at all
        "XO, Kitty season 4: renewed or cancelled?",
        "XO, Kitty: season 4 renewed?",
        "XO, Kitty season 4 trailer?",
        "XO, Kitty season 4 cancelled?",
        "Is the XO, Kitty season 4 trailer out: when can fans see it?",
    ],
)
def test_an_asked_event_stays_no_news(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is None, signal.rule


@pytest.mark.parametrize(
    "title",
    [
        # a trailer by the anime press's name for it
        "Netflix revealed the main promotional video for XO, Kitty season 4",
        "Netflix has released the latest PV for XO, Kitty season 4",
        # de: the accusative article ("hat den Trailer für …", "zeigt einen ersten Teaser")
        "Netflix hat den neuen Trailer für XO, Kitty Staffel 4, in der Kitty zurückkehrt",
        "Netflix hat einen ersten Teaser für XO, Kitty Staffel 4",
    ],
)
def test_a_trailer_by_other_names(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is Milestone.TRAILER, signal.rule


@pytest.mark.parametrize(
    "title",
    [
        "Netflix has not released a promotional video for XO, Kitty season 4",
        "XO, Kitty star Anna Cathcart shot a promotional video for Seoul tourism",
        "Wann kommt den Trailer für XO, Kitty Staffel 4?",
    ],
)
def test_a_promotional_video_not_released_is_no_trailer(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is None, signal.rule


@pytest.mark.parametrize(
    "title",
    [
        # a headline's present tense with nothing ahead after it: the season is out
        "'XO, Kitty' Premieres, Showcasing Korean Talent",
        "Season 4 of 'XO, Kitty' Debuts with Chaos and Shifting Loyalties",
        "Anna Cathcart's Return: XO, Kitty Season 4 Premieres on Netflix",
        "XO, Kitty Season 4 Premiere Arrives With Midnight Drama",
        "XO, Kitty season 4 premieres! Plus: behind-the-scenes photos",
    ],
)
def test_a_headlines_present_tense_premiere_is_out(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is Milestone.RELEASED, signal.rule


@pytest.mark.parametrize(
    "title",
    [
        # the noun, a clause, a preview, a trailer's or an episode's arrival
        "Primetime Ratings: XO, Kitty Tops a Night of Premieres",
        "Summer TV Preview: XO, Kitty and the Season's Premieres",
        "Anna Cathcart still amazed as season 4 of XO, Kitty arrives",
        "Fans cheer while XO, Kitty season 4 debuts",
        "XO, Kitty season 4 finale premieres with a shocking twist",
        "XO, Kitty season 4 teaser arrives with a surprise",
        "XO, Kitty movie premieres on Netflix with a bang",
    ],
)
def test_a_premiere_word_that_is_no_release_stays_no_news(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is not Milestone.RELEASED, signal.rule


@pytest.mark.parametrize(
    "title",
    [
        "XO, Kitty season 4 premieres on Netflix in March",
        "XO, Kitty season 4 premieres on Netflix next week",
        "XO, Kitty season 4 debuts with a double bill on Friday",
    ],
)
def test_a_premiere_still_ahead_is_no_release(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is not Milestone.RELEASED, signal.rule


@pytest.mark.parametrize(
    "title",
    [
        # "confirms when" in the other languages the rules read, and "we know when"
        "Netflix acaba de confirmar cuándo saldrá la cuarta temporada de XO, Kitty",
        "Netflix revela quando estreia a 4ª temporada de XO, Kitty",
        "Netflix verrät, wann Staffel 4 von XO, Kitty startet",
        "Netflix svela quando arriva la quarta stagione di XO, Kitty",
        "We finally know when XO, Kitty season 4 premieres",
        "Tonight, we know when XO, Kitty season 4 is officially set to arrive on Netflix",
    ],
)
def test_told_when_the_season_premieres_is_its_date(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is Milestone.RELEASE_DATE_ANNOUNCED, signal.rule


@pytest.mark.parametrize(
    "title",
    [
        "Netflix no confirma cuándo se estrena la temporada 4 de XO, Kitty",
        "Netflix ainda não revelou quando estreia a 4ª temporada de XO, Kitty",
        "Netflix hat noch nicht verraten, wann Staffel 4 von XO, Kitty startet",
        "We don't know when XO, Kitty season 4 will premiere",
        "Fans want to know when XO, Kitty season 4 premieres",
        "Do we know when XO, Kitty season 4 premieres?",
    ],
)
def test_not_told_when_is_no_date(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is None, signal.rule
