"""Which articles are new, fresh enough, and wanted by a guild's filters (pure)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from bot.news.models import Article

# Older than this, an article is history, not news, whatever it says.
MAX_AGE = timedelta(days=14)


def unseen(articles: Iterable[Article], seen_keys: set[str]) -> list[Article]:
    """Articles whose key this feed has not shown us before, in feed order."""
    return [a for a in articles if a.key not in seen_keys]


def too_old(article: Article, now: datetime, max_age: timedelta = MAX_AGE) -> bool:
    # An undated entry is judged by when we first saw it, i.e. now: not too old.
    return article.published is not None and now - article.published > max_age


def wanted(article: Article, include: Sequence[str], exclude: Sequence[str]) -> bool:
    """A guild's keyword filter: any include word must appear, no exclude word may."""
    text = f"{article.title}\n{article.summary}".casefold()
    if include and not any(word.casefold() in text for word in include):
        return False
    return not any(word.casefold() in text for word in exclude)
