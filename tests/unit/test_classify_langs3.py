"""German cancellations the rules misread or missed (twenty-second session: renewals in
other languages). Each case that must be a cancellation was seen failing without its rule."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.news.classify import ShowIndex, classify
from bot.news.models import Milestone

INDEX = ShowIndex.from_aliases({"the-bear": ["The Bear"], "xo-kitty": ["XO, Kitty"]})
TOLD = datetime(2026, 11, 20, tzinfo=UTC)


@pytest.mark.parametrize(
    "title",
    [
        # who stars is no casting news: the cancellation after it is the news
        "Die Serie The Bear mit Jeremy Allen White in den Hauptrollen wurde nach nur zwei "
        "Staffeln eingestellt",
        "The Bear mit Jeremy Allen White in der Hauptrolle wird nach drei Staffeln eingestellt",
        # the infinitive of "einstellen" after "beschlossen"
        "Hulu hat beschlossen, die Produktion der Serie The Bear nach drei Staffeln einzustellen",
        "FX hat entschieden, XO, Kitty nach nur zwei Staffeln einzustellen",
    ],
)
def test_de_cancellations_are_cancelled(title: str) -> None:
    assert classify(title, "", TOLD, INDEX).milestone is Milestone.CANCELLED


@pytest.mark.parametrize(
    ("title", "milestone"),
    [
        # taking the lead part is still casting news
        ("Jeremy Allen White übernimmt die Hauptrolle in The Bear", Milestone.CASTING),
        ("The Bear: Jeremy Allen White spielt die Hauptrolle in Staffel 2", Milestone.CASTING),
        # who stars, then the day: a release date, not casting
        (
            "The Bear mit Jeremy Allen White in der Hauptrolle startet am 5. Mai",
            Milestone.RELEASE_DATE_ANNOUNCED,
        ),
    ],
)
def test_de_lead_parts_read_as_before(title: str, milestone: Milestone) -> None:
    assert classify(title, "", TOLD, INDEX).milestone is milestone


def test_de_not_renewing_is_not_a_cancellation_of_a_shoot() -> None:
    # "einzustellen" without seasons counted stays unread (a shoot or a project stopped)
    sig = classify("Netflix hat beschlossen, die Dreharbeiten einzustellen", "", TOLD, INDEX)
    assert sig.milestone is not Milestone.CANCELLED
