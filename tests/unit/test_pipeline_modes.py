"""Switching /setup mode: a guild hears a change once, and in all-news mode a story once,
whichever mode queued the post that told it ("changes" keys a post by its change, "all"
by its story)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.news import service
from bot.news.fingerprint import SCHEME, headline_fingerprint
from bot.news.pipeline import NewsDeps, ingest, told_post
from bot.news.service import NewsService
from bot.store.feeds import Feed
from tests.conftest import NOW, ReadyClient, article
from tests.unit.test_pipeline_ingest import RENEWS, primed_feed, queued, second_feed

# Another outlet's word of RENEWS: a story of its own, repeating the change.
RETOLD = "Netflix has renewed XO, Kitty for season 4"


async def set_mode(deps: NewsDeps, mode: str) -> None:
    await deps.store.guilds.update(1, mode=mode)


async def two_outlets(deps: NewsDeps, mode: str) -> tuple[Feed, Feed]:
    """Guild 1, in ``mode``, follows two outlets."""
    return await primed_feed(deps, a=mode), await second_feed(deps, 1)


async def test_all_then_changes_a_change_heard_as_a_story_is_not_told_again(
    deps: NewsDeps,
) -> None:
    feed_a, feed_b = await two_outlets(deps, "all")
    assert (await ingest(deps, feed_a, [article("a1", RENEWS)], NOW)).queued == 1
    await set_mode(deps, "changes")
    later = await ingest(deps, feed_b, [article("b1", RETOLD)], NOW + timedelta(hours=1))
    assert later.verdicts == {"repeat": 1} and later.queued == 0
    assert await queued(deps) == [(1, "XO, Kitty season 4: renewed")]
    # /feeds why finds the post that told it, though it was keyed by its story
    (b1,) = await deps.store.news.find_articles([feed_b.id], "has renewed")
    assert b1.change_id is not None
    told = await told_post(deps, 1, b1.change_id)
    assert told is not None and told.article_key == "a1"


async def test_changes_then_all_a_story_heard_as_a_change_is_not_posted_again(
    deps: NewsDeps,
) -> None:
    feed_a, feed_b = await two_outlets(deps, "changes")
    assert (await ingest(deps, feed_a, [article("a1", RENEWS)], NOW)).queued == 1
    await set_mode(deps, "all")
    copy = article("b1", RENEWS)  # another outlet's copy of the same story
    later = await ingest(deps, feed_b, [copy], NOW + timedelta(hours=1))
    assert later.verdicts == {"repeat": 1} and later.queued == 0
    assert await queued(deps) == [(1, "XO, Kitty season 4: renewed")]


async def test_changes_then_all_a_repeat_heard_is_its_story_heard(deps: NewsDeps) -> None:
    """The post a guild had of another outlet's repeat was of that outlet's story too."""
    feed_a, feed_b = await two_outlets(deps, "changes")
    await deps.store.feeds.subscribe(2, feed_b.id, None)  # hears the change from b alone
    await ingest(deps, feed_a, [article("a1", RENEWS)], NOW)
    await deps.store.guilds.update(2, channel_id=20, mode="changes")  # set up since
    await ingest(deps, feed_b, [article("b1", RETOLD)], NOW + timedelta(hours=1))
    await deps.store.guilds.update(2, mode="all")
    third = await deps.store.feeds.add("https://third.org/feed")
    await deps.store.feeds.subscribe(2, third.id, None)
    await ingest(deps, third, [], NOW)
    primed = await deps.store.feeds.get(third.id)
    assert primed is not None
    copy = article("c1", RETOLD)
    assert (await ingest(deps, primed, [copy], NOW + timedelta(hours=2))).queued == 0
    assert await queued(deps) == [
        (1, "XO, Kitty season 4: renewed"),
        (2, "XO, Kitty season 4: renewed"),
    ]


async def test_all_changes_all_round_trip_tells_the_change_and_the_story_once(
    deps: NewsDeps,
) -> None:
    feed_a, feed_b = await two_outlets(deps, "all")
    await ingest(deps, feed_a, [article("a1", RENEWS)], NOW)
    await set_mode(deps, "changes")
    await ingest(deps, feed_b, [article("b1", RETOLD)], NOW + timedelta(hours=1))
    await set_mode(deps, "all")
    again = await ingest(deps, feed_b, [article("b2", RENEWS)], NOW + timedelta(hours=2))
    assert again.queued == 0  # story a1's, heard in all-news mode
    await set_mode(deps, "changes")
    last = await ingest(deps, feed_a, [article("a2", RETOLD)], NOW + timedelta(hours=3))
    assert last.queued == 0
    assert await queued(deps) == [(1, "XO, Kitty season 4: renewed")]


@pytest.mark.parametrize("state", ["pending", "sending", "sent", "failed", "untried"])
@pytest.mark.parametrize("switch", [("all", "changes"), ("changes", "all")])
async def test_heard_across_modes_is_what_the_outbox_has(
    deps: NewsDeps, state: str, switch: tuple[str, str]
) -> None:
    """Queued, sending, sent, or given up after a try: heard. Given up untried (held too
    long while paused, or withdrawn before its turn) never reached the guild: the next
    outlet's word of it is posted."""
    before, after = switch
    feed_a, feed_b = await two_outlets(deps, before)
    await ingest(deps, feed_a, [article("a1", RENEWS)], NOW)
    (post,) = await deps.store.outbox.due(NOW, 9)
    failed, attempts = ("failed", 0) if state == "untried" else (state, int(state != "pending"))
    await deps.store.db.write(
        "UPDATE deliveries SET state = ?, attempts = ? WHERE id = ?", (failed, attempts, post.id)
    )
    await set_mode(deps, after)
    # "changes" hears the change from another story; "all" hears the story from another outlet
    retold = article("b1", RETOLD if after == "changes" else RENEWS)
    later = await ingest(deps, feed_b, [retold], NOW + timedelta(hours=1))
    assert later.verdicts == {"repeat": 1} and later.queued == int(state == "untried")


# Outlets' names that hold a word of news, stamped on each of their headlines.
STAMPS = [
    "TV Season & Spoilers",
    "Release Radar",
    "The Premiere Network",
    "Decider Daily Season Guide",
]


@pytest.mark.parametrize("stamp", STAMPS)
@pytest.mark.parametrize(
    "headline", [RENEWS, "XO, Kitty star Anna Cathcart talks fashion"], ids=["change", "news"]
)
async def test_all_news_an_outlet_name_holding_news_is_not_another_story(
    deps: NewsDeps, stamp: str, headline: str
) -> None:
    """Read as the story's own news, "… - TV Season & Spoilers" made that outlet's telling of
    a story another outlet told a story of its own: posted again to an all-news server."""
    feed_a, feed_b = await two_outlets(deps, "all")
    assert (await ingest(deps, feed_a, [article("a1", f"{headline} | Deadline")], NOW)).queued == 1
    later = await ingest(deps, feed_b, [article("b1", f"{headline} - {stamp}")], NOW)
    assert later.queued == 0 and len(await queued(deps)) == 1


async def test_changes_an_outlet_name_holding_news_was_an_extra_source_anyway(
    deps: NewsDeps,
) -> None:
    """In "changes" mode the stamped telling's milestone is heard already, whatever its story."""
    feed_a, feed_b = await two_outlets(deps, "changes")
    await ingest(deps, feed_a, [article("a1", f"{RENEWS} | Deadline")], NOW)
    later = await ingest(deps, feed_b, [article("b1", f"{RENEWS} - {STAMPS[0]}")], NOW)
    assert later.verdicts == {"repeat": 1} and later.queued == 0
    assert await queued(deps) == [(1, "XO, Kitty season 4: renewed")]


async def test_a_story_stored_with_an_outlet_name_is_read_anew_at_the_upgrade(
    deps: NewsDeps,
) -> None:
    """The release before (fingerprint scheme 2) stored "… - TV Season & Spoilers" with the
    name read as news, and posted it to an all-news server: once the start reads stored
    stories anew, another outlet's telling is that story, not posted again."""
    feed_a, _ = await two_outlets(deps, "all")
    stamped = f"{RENEWS} - {STAMPS[0]}"
    as_read_before = headline_fingerprint(stamped.replace(" - ", " "))
    assert as_read_before is not None and as_read_before != headline_fingerprint(stamped)
    async with deps.store.db.transaction():
        story, _ = await deps.store.news.story(as_read_before, "https://o.org/1", stamped, NOW)
        await deps.store.outbox.enqueue(
            guild_id=1, channel_id=10, dedupe_key=f"story:{story}", message={}, story_id=story
        )
    await deps.store.meta.set(service._FINGERPRINTS, "2")
    news = NewsService(ReadyClient(), deps)  # type: ignore[arg-type]
    await service.once_per_scheme(deps.store, service._FINGERPRINTS, SCHEME, news._refingerprint)
    later = await ingest(deps, feed_a, [article("a1", f"{RENEWS} | Deadline")], NOW)
    assert later.queued == 0  # (its change is news: the old release's events are not here)
