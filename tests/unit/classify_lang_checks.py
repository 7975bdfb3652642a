"""Checks the tests of each language's rules share: seasons read with and without the gate's
prefixes, every new rule gated, and the gated path admitting every rule that matches."""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.news.classify import _Doc
from bot.news.classify_gate import pattern_gates, text_prefixes
from bot.news.classify_lang import LANG_RULES
from bot.news.classify_parse import find_seasons, normalise
from bot.news.classify_tables import tables
from bot.news.rules import RULE_FLAGS, EventRule


def assert_seasons(text: str, seasons: list[int]) -> None:
    """``text`` names ``seasons``, read with its word prefixes (as ``classify`` does) or not."""
    norm = normalise(text)
    assert [value for _, value in find_seasons(norm, text_prefixes(norm))] == seasons
    assert [value for _, value in find_seasons(norm)] == seasons


def assert_all_gated(rules: Iterable[EventRule]) -> None:
    """None of ``rules`` runs always: an English headline pays for them no more than the
    gate's lookup."""
    for rule in rules:
        for part in rule.parts:
            assert pattern_gates(re.compile(part, RULE_FLAGS)) is not None, rule.name


def assert_gate_admits(title: str) -> None:
    """The gated path admits every rule whose pattern matches ``title``."""
    doc = _Doc(title)
    admitted = {rule.name for rule, _ in doc.units(tables().events)}
    ungated = {
        rule.name
        for rule in LANG_RULES
        if any(re.search(part, doc.text, RULE_FLAGS) for part in rule.parts)
    }
    assert ungated <= admitted
