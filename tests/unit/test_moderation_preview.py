"""The /feeds add preview: newest items, judged the way the pipeline would judge them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from bot.moderation.preview import (
    PreviewItem,
    describe_signal,
    judge,
    newest,
    preview_embed,
)
from bot.news.models import Article, Certainty, Milestone, Signal
from bot.store.guilds import Mode

NOW = datetime(2025, 6, 1, 12, tzinfo=UTC)


def article(n: int, *, age_days: float | None = 1, title: str | None = None) -> Article:
    published = None if age_days is None else NOW - timedelta(days=age_days)
    return Article("feed", f"k{n}", f"https://e.org/{n}", title or f"Story {n}", published, "")


def signal(
    show: str | None = "xo-kitty", milestone: Milestone | None = None, season: int | None = 2
) -> Signal:
    certainty = Certainty.CONFIRMED if milestone else None
    return Signal(show, season, milestone, certainty, None, "rule-x")


def verdict(
    art: Article, sig: Signal, mode: Mode = "changes", kind: str | None = None
) -> tuple[bool, str]:
    got = judge(
        art,
        sig,
        now=NOW,
        show_slug="xo-kitty",
        show_title="XO, Kitty",
        mode=mode,
        change_kind=kind,
    )
    return got.posts, got.reason


def test_newest_orders_dated_items_first_then_feed_order() -> None:
    items = [
        article(0, age_days=5),
        article(1, age_days=None),
        article(2, age_days=1),
        article(3, age_days=3),
    ]
    assert [a.key for a in newest(items)] == ["k2", "k3", "k0"]
    assert [a.key for a in newest(items, 10)] == ["k2", "k3", "k0", "k1"]
    undated = [article(n, age_days=None) for n in range(4)]
    assert [a.key for a in newest(undated)] == ["k0", "k1", "k2"]


def test_old_items_are_never_posted() -> None:
    posts, reason = verdict(
        article(1, age_days=30), signal(milestone=Milestone.RENEWED), kind="new_milestone"
    )
    assert not posts and "14 days" in reason


def test_items_about_no_known_show_or_another_show_are_skipped() -> None:
    assert verdict(article(1), signal(show=None)) == (False, "not about a show I know")
    posts, reason = verdict(article(1), signal(show="other-show"), mode="all")
    assert not posts and "other-show" in reason


@pytest.mark.parametrize(("mode", "posts"), [("changes", False), ("all", True)])
def test_plain_news_depends_on_the_mode(mode: Mode, posts: bool) -> None:
    assert verdict(article(1), signal(), mode=mode)[0] is posts


@pytest.mark.parametrize(("mode", "posts"), [("changes", False), ("all", True)])
def test_an_extra_source_depends_on_the_mode(mode: Mode, posts: bool) -> None:
    got = verdict(
        article(1), signal(milestone=Milestone.FILMING_STARTED), mode=mode, kind="extra_source"
    )
    assert got[0] is posts and "already known" in got[1]


def test_a_real_change_posts_in_either_mode() -> None:
    sig = signal(milestone=Milestone.FILMING_WRAPPED)
    for mode in ("changes", "all"):
        posts, reason = verdict(article(1), sig, mode=mode, kind="new_milestone")
        assert posts and "filming_wrapped" in reason


def test_describe_signal() -> None:
    assert describe_signal(signal()) == "no status milestone"
    sig = Signal(
        "xo-kitty", 3, Milestone.RELEASE_DATE_ANNOUNCED, Certainty.REPORTED, date(2026, 1, 2), "r"
    )
    assert describe_signal(sig) == "season 3 · release_date_announced · reported · date 2026-01-02"
    assert describe_signal(Signal("xo-kitty", None, Milestone.RENEWED, None, None, "r")).startswith(
        "season ?"
    )


def test_preview_embed_is_safe_and_within_limits() -> None:
    evil = "@everyone <@&123> **bold** " + "x" * 400
    items = [
        PreviewItem(
            article(n, title=evil),
            signal(milestone=Milestone.RENEWED),
            judge(
                article(n),
                signal(milestone=Milestone.RENEWED),
                now=NOW,
                show_slug="xo-kitty",
                show_title="XO, Kitty",
                mode="changes",
                change_kind="new_milestone",
            ),
        )
        for n in range(3)
    ]
    embed = preview_embed(
        url="https://e.org/feed",
        title=evil,
        total=40,
        items=items,
        mode="changes",
        show_title="XO, Kitty",
        problems=["bad date in entry 7"],
    )
    data = embed.to_dict()
    assert len(embed) <= 6000
    assert len(data["title"]) <= 256
    assert all(len(f["name"]) <= 256 and len(f["value"]) <= 1024 for f in data["fields"])
    assert "@everyone" not in str(data) and "<@&123>" not in str(data)
    assert "Nothing already in the feed will be posted" in data["description"]
    assert "40 items" in data["description"]
    assert [f["name"][:2] for f in data["fields"][:3]] == ["1.", "2.", "3."]
    assert data["fields"][3]["name"] == "Feed problems"
    assert "status changes only" in data["footer"]["text"]


def test_preview_of_a_short_feed_says_each_item_is_shown() -> None:
    embed = preview_embed(
        url="https://e.org/feed", title=None, total=1, items=[], mode="all", show_title="XO, Kitty"
    )
    assert "1 item in the feed. Each," in (embed.description or "")
    assert "all news" in (embed.footer.text or "")


@pytest.mark.parametrize(("mode", "reads"), [("changes", "not heard yet"), ("all", "already")])
def test_a_repeat_this_server_missed_posts_in_either_mode(mode: Mode, reads: str) -> None:
    got = verdict(article(1), signal(milestone=Milestone.RENEWED), mode=mode, kind="repeat")
    assert got[0] and reads in got[1]
