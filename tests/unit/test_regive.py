"""A feed's queued post withdrawn by a moderator is handed to another followed feed that
told the same news (a guild hears a change, or in all-news mode a story, once: the later
feed's article queued nothing), queued as the pipeline queues it for a guild that missed
the first feed's."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from bot.news.pipeline import NewsDeps, ingest
from bot.news.regive import withdraw_feed
from bot.store.feeds import Feed
from tests.conftest import NOW, article
from tests.unit.test_pipeline_ingest import RENEWS, primed_feed, second_feed
from tests.unit.test_pipeline_modes import RETOLD


async def posts(deps: NewsDeps) -> dict[int, tuple[str, tuple[int, str], dict[str, Any]]]:
    """Each guild's one queued post: its key, the article that queued it, its message."""
    return {
        d.guild_id: (d.dedupe_key, (d.feed_id or 0, d.article_key or ""), d.message)
        for d in await deps.store.outbox.due(NOW, 99)
    }


async def outlets(deps: NewsDeps, mode: str, later: str) -> tuple[Feed, Feed]:
    """Guild 1 follows a and b, guild 2 b alone; a tells RENEWS, then b ``later``: guild 1
    hears it from a, guild 2 from b. Feed a is guild 1's own, so b's article is news to
    guild 2 (a change), and to guild 1 a repeat of what it heard."""
    feed_a = await primed_feed(deps, shared=False, a=mode)
    feed_b = await second_feed(deps, 1)
    await deps.store.guilds.update(2, channel_id=10, mode=mode)  # guild 1's channel too
    await deps.store.feeds.subscribe(2, feed_b.id, None)
    assert (await ingest(deps, feed_a, [article("a1", RENEWS)], NOW)).queued == 1
    told = await ingest(deps, feed_b, [article("b1", later)], NOW + timedelta(hours=1))
    assert told.verdicts == {"change": 1} and told.queued == 1
    return feed_a, feed_b


@pytest.mark.parametrize(
    ("mode", "later", "key"), [("changes", RETOLD, "event"), ("all", RENEWS, "story")]
)
async def test_a_removed_feeds_post_comes_from_the_other_feed_that_told_it(
    deps: NewsDeps, mode: str, later: str, key: str
) -> None:
    feed_a, feed_b = await outlets(deps, mode, later)
    before = await posts(deps)
    assert before[1][1] == (feed_a.id, "a1") and before[1][0].startswith(key)
    await deps.store.feeds.unsubscribe(1, feed_a.id)  # as /feeds remove does, first
    assert await withdraw_feed(deps, 1, "removed", feed_a.id) == (1, 1)
    after = await posts(deps)
    # b's article, in the very words and under the key guild 2 got it from b (a's news
    # gone from guild 1's view, b's is the change there)
    assert after[1] == (after[2][0], (feed_b.id, "b1"), after[2][2])
    assert after[1][0].startswith(key)
    assert after[2] == before[2]
    # a second withdrawal of a's posts finds none; b's post stays
    assert await withdraw_feed(deps, 1, "removed", feed_a.id) == (0, 0)
    assert await posts(deps) == after


async def test_a_post_is_not_handed_to_a_feed_whose_filter_drops_its_article(
    deps: NewsDeps,
) -> None:
    feed_a, feed_b = await outlets(deps, "changes", RETOLD)
    await deps.store.feeds.set_filter(1, feed_b.id, "", "renewed")
    await deps.store.feeds.set_filter(1, feed_a.id, "", "renews")
    assert await withdraw_feed(deps, 1, "filtered", feed_a.id) == (1, 0)
    assert 1 not in await posts(deps)


async def test_news_of_two_seasons_is_handed_on_naming_both(deps: NewsDeps) -> None:
    """The repeat's post names the seasons the first telling changed beside its own, as
    the pipeline's does for a guild that missed the first (guild 2)."""
    feed_a = await primed_feed(deps, shared=False, a="changes")
    feed_b = await second_feed(deps, 1)
    await deps.store.guilds.update(2, channel_id=10, mode="changes")
    await deps.store.feeds.subscribe(2, feed_b.id, None)
    await ingest(deps, feed_a, [article("a1", "Netflix renews XO, Kitty for seasons 4 and 5")], NOW)
    later = article("b1", "Netflix has renewed XO, Kitty for seasons 4 and 5")
    assert (await ingest(deps, feed_b, [later], NOW + timedelta(hours=1))).queued == 1
    await deps.store.feeds.unsubscribe(1, feed_a.id)
    assert await withdraw_feed(deps, 1, "removed", feed_a.id) == (1, 1)
    after = await posts(deps)
    assert "seasons 4 and 5" in after[1][2]["embed"]["title"]
    assert after[1][1:] == ((feed_b.id, "b1"), after[2][2])


async def test_a_post_is_handed_to_an_article_whose_headline_was_corrected_since(
    deps: NewsDeps,
) -> None:
    """b's entry told the renewal, then its outlet corrected the headline under the same
    guid (nothing new in it): its events were looked up by the headline it has now, found
    none, and guild 1 lost the renewal when it removed feed a. It is handed on, keyed as
    guild 2 got it from b, in b's words as they read now."""
    feed_a, feed_b = await outlets(deps, "changes", RETOLD)
    fixed = article("b1", "Netflix has officially renewed XO, Kitty for season 4")
    corrected = await ingest(deps, feed_b, [fixed], NOW + timedelta(hours=2))
    assert corrected.verdicts == {"edited": 1} and corrected.queued == 0
    before = await posts(deps)
    await deps.store.feeds.unsubscribe(1, feed_a.id)
    assert await withdraw_feed(deps, 1, "removed", feed_a.id) == (1, 1)
    key, source, message = (await posts(deps))[1]
    assert (key, source) == (before[2][0], (feed_b.id, "b1"))
    assert message["embed"]["title"] == before[2][2]["embed"]["title"]
    assert message["embed"]["description"] == fixed.title


async def test_a_change_a_correction_told_is_handed_on_as_the_correction_posted_it(
    deps: NewsDeps,
) -> None:
    """b's entry first told nothing new, then its corrected headline told the renewal
    (guild 2's post), and a later edit flipped it back to the wording read before: its
    events were looked up by the headline it has now, the first reading's, which changed
    nothing, so guild 1 lost the renewal when it removed feed a. It is handed on from the
    reading that told it, keyed by its change as the correction's post was."""
    feed_a = await primed_feed(deps, shared=False, a="changes")
    feed_b = await second_feed(deps, 1)
    await deps.store.guilds.update(2, channel_id=10, mode="changes")
    await deps.store.feeds.subscribe(2, feed_b.id, None)
    teaser = "XO, Kitty: what we know about season 4"
    await ingest(deps, feed_a, [article("a1", RENEWS)], NOW)
    first = await ingest(deps, feed_b, [article("b1", teaser)], NOW + timedelta(hours=1))
    assert first.queued == 0
    renewal = await ingest(deps, feed_b, [article("b1", RETOLD)], NOW + timedelta(hours=2))
    assert renewal.verdicts == {"edited": 1} and renewal.queued == 1
    told = await posts(deps)
    back = await ingest(deps, feed_b, [article("b1", teaser)], NOW + timedelta(hours=3))
    assert not back.verdicts and await posts(deps) == told
    await deps.store.feeds.unsubscribe(1, feed_a.id)
    assert await withdraw_feed(deps, 1, "removed", feed_a.id) == (1, 1)
    key, source, message = (await posts(deps))[1]
    assert (key, source) == (told[2][0], (feed_b.id, "b1"))
    assert message["embed"]["title"] == "XO, Kitty season 4: renewed"


async def test_an_all_news_servers_change_from_a_correction_is_handed_on_by_its_change(
    deps: NewsDeps,
) -> None:
    """All-news: guild 1 heard b's teaser story from a and the renewal from a's other
    article, so b's correction (the renewal) queued it nothing. With a removed, the teaser's
    post is handed to b's entry: it was queued under the story's key as a new telling of
    the story, though the correction posts its change alone, keyed by it, as guild 2 got it."""
    feed_a = await primed_feed(deps, shared=False, a="all")
    feed_b = await second_feed(deps, 1)
    await deps.store.guilds.update(2, channel_id=10, mode="all")
    await deps.store.feeds.subscribe(2, feed_b.id, None)
    teaser = "XO, Kitty: what we know about season 4"
    told_a = await ingest(deps, feed_a, [article("a1", teaser), article("a2", RENEWS)], NOW)
    assert told_a.queued == 2
    await ingest(deps, feed_b, [article("b1", teaser)], NOW + timedelta(hours=1))
    fixed = await ingest(deps, feed_b, [article("b1", RETOLD)], NOW + timedelta(hours=2))
    assert fixed.queued == 1  # guild 2's
    keys = [(d.guild_id, d.dedupe_key) for d in await deps.store.outbox.due(NOW, 99)]
    change = keys[-1]
    assert change[0] == 2 and change[1].startswith("event:")
    await deps.store.feeds.unsubscribe(1, feed_a.id)
    assert await withdraw_feed(deps, 1, "removed", feed_a.id) == (2, 1)
    key, source, message = (await posts(deps))[1]
    assert (key, source) == (change[1], (feed_b.id, "b1"))
    assert message["embed"]["title"] == "XO, Kitty season 4: renewed"
