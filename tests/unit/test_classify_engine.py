"""The classifier engine's shortcuts agree with the plain computations they replace."""

from __future__ import annotations

import re

import pytest

from bot.news.classify_parse import _TRANSLATE, ODD_PRINTABLE, normalise


def test_the_only_printable_ascii_the_normaliser_maps_is_the_one_it_looks_for() -> None:
    mapped = {chr(code) for code in _TRANSLATE if code < 128 and chr(code).isprintable()}
    assert mapped == {ODD_PRINTABLE}


@pytest.mark.parametrize(
    "text",
    ["It`s back", "tab\there", "line\nbreak", "sep\x1carator", "bell\x07", "plain text", "Café"],
)
def test_normalise_translates_whenever_the_table_has_work(text: str) -> None:
    expected = re.sub(r"\s{2,}", " ", text.translate(_TRANSLATE).lower()).strip()
    assert normalise(text) == expected
