"""The making of a season (twenty-sixth session): a title's question that only stirs the
reader, and spellings of other languages' shoot words; and the close wordings that must stay
as they were."""

from __future__ import annotations

import pytest

from bot.news.classify import classify
from tests.headlines import INDEX, TOLD, label_of


@pytest.mark.parametrize(
    ("title", "summary", "label"),
    [
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
    ],
)
def test_a_stirring_question_lets_the_summary_tell_the_news(
    title: str, summary: str, label: str
) -> None:
    assert label_of(classify(title, summary, TOLD, INDEX)) == label


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # the question stirs, but the summary tells no news
        (
            "Are you ready for XO, Kitty season 3?",
            "Here is everything we know about the new season, from the cast to the story.",
        ),
        (
            "Are you excited to see XO, Kitty season 3 premiere on Netflix?",
            "We have waited a long time, and here is what we hope to see this time around.",
        ),
        # a real question after the stirring one still asks
        (
            "Who's ready for XO, Kitty season 4? Will Netflix renew it?",
            "Netflix has renewed XO, Kitty for a fourth season, insiders say.",
        ),
        # a question that asks for the news is no stir
        ("Is XO, Kitty renewed for season 4?", "Netflix has renewed XO, Kitty for season 4."),
        (
            "Will XO, Kitty season 3 start filming soon?",
            "Netflix has officially started filming XO, Kitty season 3 in Seoul.",
        ),
    ],
)
def test_other_questions_still_ask(title: str, summary: str) -> None:
    assert label_of(classify(title, summary, TOLD, INDEX)) == "other"


@pytest.mark.parametrize(
    ("title", "label"),
    [
        # it "primo ciack", a spelling of "primo ciak" (the first take)
        ("Primo ciack a Seoul per la terza stagione di XO, Kitty", "filming_started"),
        # no "ferdiginnspilt" in one word, nl "zitten er op" in two
        ("Tredje sesong av XO, Kitty er ferdiginnspilt", "filming_wrapped"),
        ("De opnames van het derde seizoen van XO, Kitty zitten er op", "filming_wrapped"),
        ("Het zit er op: XO, Kitty seizoen 3 is ingeblikt", "filming_wrapped"),
    ],
)
def test_other_spellings_of_the_shoot(title: str, label: str) -> None:
    assert label_of(classify(title, "", TOLD, INDEX)) == label


@pytest.mark.parametrize(
    "title",
    [
        # a past shoot, told as such
        "Tredje sesong av XO, Kitty ble ferdiginnspilt i fjor, og nå kommer den på Netflix",
        "Il primo ciack di XO, Kitty? Jenny Han lo ricorda in un'intervista",
    ],
)
def test_a_past_or_asked_shoot_is_no_news(title: str) -> None:
    assert label_of(classify(title, "", TOLD, INDEX)) == "other"
