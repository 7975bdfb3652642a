"""Per-feed keyword filters: parsing what moderators type, explaining what they drop."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.errors import UserFacingError
from bot.moderation.keywords import (
    MAX_WORDS,
    describe_filter,
    filter_verdict,
    join_keywords,
    parse_keywords,
)
from bot.news.dedupe import wanted
from bot.news.models import Article


def test_parse_trims_dedupes_and_keeps_order() -> None:
    assert parse_keywords(" Kitty ,yuri,, KITTY , Min  Ho ", label="include") == (
        "Kitty",
        "yuri",
        "Min Ho",
    )
    assert parse_keywords(None, label="include") == ()
    assert parse_keywords(" , ", label="include") == ()


def test_parse_refuses_long_words_and_long_lists() -> None:
    with pytest.raises(UserFacingError, match="longer than"):
        parse_keywords("x" * 51, label="exclude")
    with pytest.raises(UserFacingError, match=f"at most {MAX_WORDS}"):
        parse_keywords(",".join(f"w{i}" for i in range(MAX_WORDS + 1)), label="include")


def test_join_round_trips_through_the_stored_form() -> None:
    words = ("kitty", "min ho")
    stored = join_keywords(words)
    assert tuple(w.strip() for w in stored.split(",")) == words


def test_describe_filter() -> None:
    assert describe_filter((), ()) == "no filter (everything)"
    assert describe_filter(("a",), ("b", "c")) == "only with: a · never with: b, c"


def test_filter_verdict_names_the_deciding_word() -> None:
    assert filter_verdict("Kitty returns", ("kitty",), ()) is None
    assert "none of the words" in (filter_verdict("Lara Jean", ("kitty",), ()) or "")
    assert "'quiz'" in (filter_verdict("Kitty quiz", (), ("quiz",)) or "")


words = st.lists(st.sampled_from(["kitty", "yuri", "quiz", "min ho", "season"]), max_size=3)


@given(
    title=st.text(alphabet="kityurqzmnhoseaKIT ", max_size=30),
    include=words,
    exclude=words,
)
def test_filter_verdict_agrees_with_the_pipeline(
    title: str, include: list[str], exclude: list[str]
) -> None:
    article = Article("f", "k", "https://e.org/1", title, datetime(2024, 1, 1, tzinfo=UTC), "")
    kept = wanted(article, tuple(include), tuple(exclude))
    assert (filter_verdict(title, tuple(include), tuple(exclude)) is None) == kept
