"""The classifier's tables kept small: each smaller form reads exactly as the one it replaces."""

from __future__ import annotations

import importlib
import re
import sys
from typing import Any

from bot.news.classify_gate import _narrowed, split_sources
from bot.news.classify_tables import tables

_parser: Any = importlib.import_module("re._parser")

# Polish months among others, a class with a range, an escaped "ś", a Latin-1 "é" left alone
_WIDE = r"\b(?:14 września|października|décembre)\b|[ąę-ż]\w+|\ś(?<!\bź)"


def _tree(source: str) -> str:
    return repr(_parser.parse(source, re.UNICODE).data)


def test_a_source_beyond_latin1_is_kept_as_escapes_that_parse_the_same() -> None:
    narrow = _narrowed(_WIDE)
    assert "\\u015b" in narrow and "é" in narrow  # "ś" escaped, Latin-1 kept as it is
    assert sys.getsizeof(narrow) < sys.getsizeof(_WIDE)
    assert _tree(narrow) == _tree(_WIDE)
    for text in ("premiera 14 września", "do października", "żaba", "ś", "xź ś", "décembre"):
        assert re.findall(narrow, text) == re.findall(_WIDE, text)


def test_a_source_mostly_beyond_latin1_stays_as_written() -> None:
    korean = "시즌 ?\\d+ 공개"
    assert _narrowed(korean) is korean
    assert split_sources(f"{korean}|촬영") == [korean, "촬영"]


# a "\\uXXXX" escape (not an escaped backslash before "uXXXX"), put back as its character
_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\u([0-9a-f]{4})")


def test_every_piece_parses_as_its_characters_written_out() -> None:
    narrowed = 0
    for _, piece in tables().entries:
        wide = _ESCAPE.sub(lambda m: m[1] + chr(int(m[2], 16)), piece.source)
        if wide != piece.source:
            narrowed += 1
            assert _tree(piece.source) == _tree(wide), piece.source[:60]
    assert narrowed > 100  # the dates' Polish months, above all
