"""A review of the twenty-eighth session's new rules: headlines a real outlet could publish
that the new patterns got wrong (a denial, a wait, a shoot's length ahead, another thing
scheduled, a word that is another thing's in the new languages), each beside a wording the
pattern was written for, which must still fire."""

from __future__ import annotations

import pytest

from bot.news.classify import classify
from bot.news.models import Milestone
from tests.headlines import INDEX, TOLD

# One case a line, "title | milestone" or "title | summary | milestone" ("-" for none).
_TABLE = """
# a green light denied or still awaited is no renewal; one got is
XO, Kitty creator says she has no green light for season 3 yet | -
XO, Kitty has yet to get a green light for season 3 | -
XO, Kitty has the green light for a third season | renewed
# a network schedules the season's trailer or finale, not the season; the season itself
Netflix schedules XO, Kitty season 2 trailer for June 5 | trailer
Netflix schedules XO, Kitty finale for June 5 | -
Netflix slates XO, Kitty season 2 for June 5 | release_date_announced
Netflix schedules all eight XO, Kitty episodes for June 5 | release_date_announced
# a shoot's length ahead is no shoot weeks under way; the edit is no location still to shoot
XO, Kitty season 3 begins filming | They will be filming for five months. | filming_started
XO, Kitty season 2 wraps filming | Production moves on to the edit. | filming_wrapped
XO, Kitty season 2 filming underway for a few weeks now | -
XO, Kitty season 2 wraps filming in Vancouver as production moves to Seoul | -
"""


def _cases() -> list[tuple[str, str, Milestone | None]]:
    rows = [line.split(" | ") for line in _TABLE.splitlines() if line and line[0] != "#"]
    return [
        (row[0], row[1] if len(row) == 3 else "", None if row[-1] == "-" else Milestone(row[-1]))
        for row in rows
    ]


@pytest.mark.parametrize(("title", "summary", "milestone"), _cases())
def test_reviewed_rules(title: str, summary: str, milestone: Milestone | None) -> None:
    signal = classify(title, summary, TOLD, INDEX)
    assert signal.milestone is milestone, signal.rule
