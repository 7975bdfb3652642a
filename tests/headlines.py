"""The labelled headline sets' vocabulary, shared by the classifier tests."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from typing import Any

from bot import cli
from bot.news.classify import ShowIndex, classify
from bot.news.models import Certainty, Milestone, Signal
from bot.settings import Settings
from tests.conftest import REPO

# The show the classifier's phrasing tests name, and the day most of them are told on (a
# Friday): one index, rather than one built again in each module.
INDEX = ShowIndex.from_aliases({"xo-kitty": ["XO, Kitty", "XO Kitty"]})
TOLD = datetime(2026, 11, 20, tzinfo=UTC)
# The Wednesday before TOLD: a headline naming "Wednesday" told that day (a day, or a title)
WEDNESDAY = datetime(2026, 11, 18, 15, tzinfo=UTC)


def released_on_wednesday(title: str) -> None:
    """``title``, told on WEDNESDAY, is XO, Kitty season 3 released that day."""
    signal = classify(title, "", WEDNESDAY, INDEX)
    assert (signal.milestone, signal.season, signal.event_date) == (
        Milestone.RELEASED,
        3,
        WEDNESDAY.date(),
    ), signal.rule


def label_of(signal: Signal) -> str:
    """A verdict as the sets label it: a milestone, "filming_rumored" (a filming start with
    rumoured certainty), or "other" when nothing is announced."""
    if signal.milestone is None:
        return "other"
    if signal.milestone is Milestone.FILMING_STARTED and signal.certainty is Certainty.RUMORED:
        return "filming_rumored"
    return signal.milestone.value


def classify_by_cli(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``python -m bot classify``'s answers to ``items``, one each, in order, with the bundled
    catalog (its shows and dated milestones)."""
    settings = Settings.from_env({"SHOWS_DIR": str(REPO / "data" / "shows")}, env_file=None)
    stdin = io.StringIO("".join(json.dumps(item) + "\n" for item in items))
    stdout = io.StringIO()
    assert cli.classify(settings, stdin, stdout) == 0
    answers = [json.loads(line) for line in stdout.getvalue().splitlines()]
    assert len(answers) == len(items)
    return answers
