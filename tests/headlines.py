"""The labelled headline sets' vocabulary, shared by the classifier tests."""

from __future__ import annotations

from bot.news.models import Certainty, Milestone, Signal


def label_of(signal: Signal) -> str:
    """A verdict as the sets label it: a milestone, "filming_rumored" (a filming start with
    rumoured certainty), or "other" when nothing is announced."""
    if signal.milestone is None:
        return "other"
    if signal.milestone is Milestone.FILMING_STARTED and signal.certainty is Certainty.RUMORED:
        return "filming_rumored"
    return signal.milestone.value
