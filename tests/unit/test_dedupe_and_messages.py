"""Pure parts of the pipeline: freshness, filters, pacing and mention-safe text."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from bot.news.announce import Pacer, allowed_mentions
from bot.news.dedupe import MAX_AGE, either_wanted, too_old, unseen, wanted
from bot.news.messages import safe_text
from bot.news.models import Article

NOW = datetime(2026, 6, 1, 12, tzinfo=UTC)


def art(key: str, title: str = "t", published: datetime | None = NOW, summary: str = "") -> Article:
    return Article("feed", key, f"https://x.test/{key}", title, published, summary)


def test_unseen_keeps_feed_order_and_drops_known_keys() -> None:
    items = [art("a"), art("b"), art("c")]
    assert [a.key for a in unseen(items, {"b"})] == ["a", "c"]


def test_too_old_uses_published_date_and_spares_undated() -> None:
    assert too_old(art("a", published=NOW - MAX_AGE - timedelta(seconds=1)), NOW)
    assert not too_old(art("a", published=NOW - MAX_AGE + timedelta(hours=1)), NOW)
    assert not too_old(art("a", published=None), NOW)


def test_guild_filters_include_any_exclude_all() -> None:
    a = art("a", title="XO, Kitty season 3 starts filming", summary="In Seoul")
    assert wanted(a, (), ())
    assert wanted(a, ("seoul", "paris"), ())
    assert not wanted(a, ("paris",), ())
    assert not wanted(a, (), ("FILMING",))


word = st.sampled_from(["kitty", "Seoul", "filming", "paris", "KISS"])
words = st.lists(word, max_size=3, unique_by=str.casefold).map(tuple)


@given(words, words, words, words, st.lists(word, max_size=4))
def test_a_filter_for_either_keeps_what_either_kept(
    inc_a: tuple[str, ...],
    exc_a: tuple[str, ...],
    inc_b: tuple[str, ...],
    exc_b: tuple[str, ...],
    text: list[str],
) -> None:
    """A server following one feed at two spellings, each with its filter, heard what either
    let through: the one filter a fold leaves it must too."""
    a = art("a", title=" ".join(text))
    include, exclude = either_wanted((inc_a, exc_a), (inc_b, exc_b))
    if wanted(a, inc_a, exc_a) or wanted(a, inc_b, exc_b):
        assert wanted(a, include, exclude)


def test_a_filter_for_either_is_each_filters_own_words() -> None:
    kitty = (("kitty", "Seoul"), ("quiz",))
    assert either_wanted(kitty, (("seoul", "KISS"), ("QUIZ", "poll"))) == (
        ("kitty", "Seoul", "KISS"),
        ("quiz",),
    )
    assert either_wanted(kitty, ((), ("quiz",))) == ((), ("quiz",))
    assert either_wanted(kitty, ((), ())) == ((), ())


def test_pacer_spaces_slots_evenly() -> None:
    clock = [100.0]
    pacer = Pacer(50.0, clock=lambda: clock[0])
    waits = [pacer.reserve() for _ in range(5)]
    assert waits == [0.0, 0.02, 0.04, 0.06, 0.08] or all(
        abs(w - e) < 1e-9 for w, e in zip(waits, [0.0, 0.02, 0.04, 0.06, 0.08], strict=True)
    )
    clock[0] = 200.0  # after a long idle, no debt is carried over
    assert pacer.reserve() == 0.0


def test_allowed_mentions_only_ever_names_the_configured_role() -> None:
    none = allowed_mentions({"role_id": None}).to_dict()
    assert none["parse"] == [] and "roles" not in none
    one = allowed_mentions({"role_id": 42}).to_dict()
    assert one["parse"] == [] and one["roles"] == [42]


HOSTILE = "@everyone @here <@123> <@!123> <@&456> <#789> [free nitro](https://evil.test) **bold**"


def test_safe_text_neutralises_pings_links_and_markdown() -> None:
    text = safe_text(HOSTILE, 1000)
    assert "@everyone" not in text and "@here" not in text
    for raw in ("<@123>", "<@!123>", "<@&456>", "<#789>", "](https://", "**"):
        assert raw not in text
    assert "https://evil.test" not in text


def test_a_broken_url_carries_no_live_markdown() -> None:
    """The URL is broken so that it is no link, and then its marks are escaped like any
    other text's: a spoiler inside it does not open."""
    text = safe_text("Season 2 news https://a.example/||spoiled||_x_", 1000)
    assert "https://" not in text
    assert not any(mark in re.sub(r"\\.", "", text) for mark in "|_")


@given(st.text(max_size=400), st.integers(min_value=2, max_value=300))
def test_safe_text_is_bounded_and_never_pings(raw: str, limit: int) -> None:
    text = safe_text(raw, limit)
    assert len(text) <= limit
    assert "@everyone" not in text and "@here" not in text
