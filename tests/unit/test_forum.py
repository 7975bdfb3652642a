"""A forum post's name, its tag, and what a refused forum post means (pure)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest

from bot.catalog import load_show
from bot.domain.status import LearnedEvent
from bot.news.announce import ADD_A_TAG, CHOOSE_THE_FORUM, _fix_after, refusal
from bot.news.forum import NAME_LIMIT, news_tag, notice_name, plain_title, post_name
from bot.news.messages import article_message, change_message, safe_text
from bot.news.models import Article, Certainty, Milestone
from bot.news.track import Observation
from tests.conftest import REPO
from tests.unit.test_announce_safety import http_error

NOW = datetime(2026, 11, 30, tzinfo=UTC)


@dataclass(frozen=True)
class FakeTag:
    id: int
    name: str
    moderated: bool = False


def test_a_change_posts_name_is_its_headline_with_how_sure_it_is() -> None:
    def message(certainty: str) -> dict[str, Any]:
        fields = [{"name": "Certainty", "value": certainty}]
        return {"embed": {"title": "XO, Kitty season 4: renewed", "fields": fields}}

    assert post_name(message("Rumoured")) == "XO, Kitty season 4: renewed (rumoured)"
    assert post_name(message("Confirmed")) == "XO, Kitty season 4: renewed"


def test_an_articles_post_name_is_its_headline_made_plain() -> None:
    # As the outbox stores it: escaped, mentions and links broken for a message.
    headline = (
        "**BREAKING**: @everyone <@&123456789012345678> meet `Min-ho` [clip](https://x.example/a)"
    )
    message = {"embed": {"title": "XO, Kitty news", "description": safe_text(headline, 1000)}}
    assert post_name(message) == "BREAKING: everyone meet Min-ho clip"


def test_names_fit_discords_limit_and_are_never_empty() -> None:
    long = {"embed": {"title": "XO, Kitty news", "description": "word " * 60}}
    name = post_name(long)
    assert len(name) <= NAME_LIMIT and name.endswith("…")
    assert post_name({"embed": {"description": "** ~~ ||"}}) == "News"
    assert post_name({}) == "News"


def test_a_notice_post_is_named_for_the_moderators() -> None:
    text = "I stopped posting news here: <#123456789012345678> wants a tag. Meanwhile I keep it."
    assert notice_name(text) == "For moderators: I stopped posting news here: wants a tag."


def test_plain_title_removes_codes_and_collapses_space() -> None:
    assert plain_title("a <t:1700000000:R>\n\n b <:kitty:123456789012345678>") == "a b"
    assert plain_title("# Heading line") == "Heading line"


def test_the_news_tag_is_one_named_for_news_else_a_required_forums_first() -> None:
    tags = [FakeTag(1, "Episodes"), FakeTag(2, "kissbot"), FakeTag(3, "NEWS")]
    assert news_tag(tags, required=False, can_moderate=False) == tags[2]  # "news" before "kissbot"
    plain = [FakeTag(1, "Episodes"), FakeTag(2, "Memes")]
    assert news_tag(plain, required=False, can_moderate=False) is None
    assert news_tag(plain, required=True, can_moderate=False) == plain[0]


def test_a_tag_only_moderators_apply_needs_manage_threads() -> None:
    tags = [FakeTag(1, "News", moderated=True), FakeTag(2, "Talk")]
    assert news_tag(tags, required=True, can_moderate=False) == tags[1]
    assert news_tag(tags, required=True, can_moderate=True) == tags[0]
    assert news_tag(tags[:1], required=True, can_moderate=False) is None


@pytest.mark.parametrize("certainty", list(Certainty))
def test_a_changes_thread_and_its_forum_post_are_named_alike(certainty: Certainty) -> None:
    show = load_show(REPO / "data" / "shows" / "xo-kitty.toml")
    article = Article("f", "k", "https://n.example/a", "XO, Kitty *renewed*?", NOW, "")
    event = LearnedEvent(Milestone.RENEWED, certainty, None, article.url, "", NOW)
    obs = Observation(show, 4, event)
    message = change_message(obs, "new_milestone", article, role_id=None, threads=True)
    assert post_name(message) == message["thread_name"]
    news = article_message("XO, Kitty", article, role_id=5, threads=False)
    assert post_name(news) == "XO, Kitty renewed?"


@pytest.mark.parametrize(
    ("code", "forum", "forum_now", "words", "fix"),
    [
        (40067, True, False, "wants a tag on each post", ADD_A_TAG),
        (50008, False, True, "it is a forum now", CHOOSE_THE_FORUM),
        (50008, True, False, "it is not a forum now", None),
    ],
)
def test_what_a_refused_forum_post_means(
    code: int, forum: bool, forum_now: bool, words: str, fix: str | None
) -> None:
    refused = refusal(http_error(400, code), 77, forum=forum, forum_now=forum_now)
    assert refused is not None and words in refused.reason
    if fix is not None:
        assert refused.fix == fix
    assert _fix_after(refused.reason) == refused.fix  # told again on the bot's return


def test_a_missing_tag_is_the_posts_fault_outside_a_forum() -> None:
    assert refusal(http_error(400, 40067), 77) is None


@pytest.mark.parametrize(
    ("whole", "what"),
    [
        ("e\u0301", "an accent off its letter"),
        ("👩\u200d👩\u200d👧", "half a joined emoji"),
        ("🇯🇵", "one letter of a flag"),
        ("👍🏽", "a skin tone off its hand"),
    ],
)
def test_a_name_cut_at_the_limit_keeps_each_character_whole(whole: str, what: str) -> None:
    for lead in range(NAME_LIMIT - 6, NAME_LIMIT):
        name = plain_title("a" * lead + whole * 3 + " and more")
        assert len(name) <= NAME_LIMIT and name.endswith("…")
        kept = name.removesuffix("…").lstrip("a")
        assert kept == whole * (len(kept) // len(whole)), f"{what} at {lead}: {kept!r}"
