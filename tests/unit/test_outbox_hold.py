"""A paused server's news is held, not dropped: queued as for any server, never sent while
the pause lasts, sent in order on /setup channel, and given up once over a day old."""

from __future__ import annotations

from datetime import datetime, timedelta

import discord

from bot.news.announce import EXPIRE_EVERY, OUTAGE_PATIENCE, Announcer
from bot.news.pipeline import NewsDeps, change_key, ingest
from bot.store import Store
from bot.store.rows import iso
from tests.conftest import NOW, article
from tests.unit.test_announce_safety import FakeDiscord, announcer, queue
from tests.unit.test_pipeline_ingest import primed_feed, second_feed

PAUSED_AT = iso(NOW)


async def pause(store: Store, guild_id: int = 1) -> None:
    assert await store.guilds.disable(guild_id, guild_id * 10, "missing permissions", PAUSED_AT)


async def resume(store: Store, guild_id: int = 1) -> None:
    await store.guilds.update(guild_id, disabled_reason=None, disabled_at=None)


async def age(store: Store, delivery_key: str, by: timedelta) -> None:
    """Make a delivery look queued ``by`` before NOW."""
    await store.db.write(
        "UPDATE deliveries SET created_at = ? WHERE dedupe_key = ?", (iso(NOW - by), delivery_key)
    )


async def states(store: Store) -> list[tuple[str, str, int]]:
    async with store.db.conn.execute(
        "SELECT dedupe_key, state, attempts FROM deliveries ORDER BY id"
    ) as cur:
        return [tuple(row) for row in await cur.fetchall()]  # type: ignore[misc]


async def test_a_paused_guilds_deliveries_are_held_not_due_nor_claimed(store: Store) -> None:
    for guild in (1, 2):
        await store.guilds.update(guild, channel_id=guild * 10)
    await queue(store, 1)
    await queue(store, 2, guild_id=2, channel_id=20)
    held, other = await store.outbox.due(NOW, 9)
    await pause(store)
    assert [d.guild_id for d in await store.outbox.due(NOW, 9)] == [2]
    assert await store.outbox.mark_sending(held.id) is None  # a batch listed it before the pause
    await resume(store)
    assert [d.id for d in await store.outbox.due(NOW, 9)] == [held.id, other.id]


async def test_a_refused_post_and_the_ones_behind_it_are_held_and_sent_once_on_resume(
    store: Store,
) -> None:
    await store.guilds.update(1, channel_id=10)
    for n in range(3):
        await queue(store, n)
    fake = FakeDiscord(refuse={10: discord.Forbidden})
    sender = announcer(fake, store)
    report = await sender.drain()
    assert (len(fake.posts), report.held, report.failed) == (1, 1, 0)
    # The claim on the refused post is undone: Discord refused it, so nothing is there to find.
    assert await states(store) == [(f"story:{n}", "pending", 0) for n in range(3)]
    await queue(store, 3)  # news that comes during the pause is held too
    assert (await sender.drain()).sent == 0 and len(fake.posts) == 1  # no request at all

    fake.refuse.clear()
    settings = await store.guilds.get(1)
    assert await sender.resume(settings) == (4, 0)
    await resume(store)
    assert (await sender.drain()).sent == 4
    assert [p.title for p in fake.posts[1:]] == [f"news {n}" for n in range(4)]  # in order
    assert (await sender.drain()).sent == 0


async def test_on_resume_news_held_over_a_day_is_given_up_and_counted(store: Store) -> None:
    await store.guilds.update(1, channel_id=10)
    await queue(store, 1)
    await queue(store, 2)
    await pause(store)
    await age(store, "story:1", OUTAGE_PATIENCE + timedelta(minutes=1))
    sender = announcer(FakeDiscord(), store)
    assert await sender.resume(await store.guilds.get(1)) == (1, 1)
    stale = await store.outbox.find(1, "story:1")
    assert stale is not None and stale.state == "failed"
    assert (stale.last_error or "").startswith("expired: held for over a day")


async def test_a_guild_that_stays_paused_has_its_stale_news_expired_by_a_drain(
    store: Store,
) -> None:
    """A pause nobody mends must not grow the outbox for ever; an unpaused guild's old post
    (an outage retry) is the retry logic's to judge, not this."""
    for guild in (1, 2):
        await store.guilds.update(guild, channel_id=guild * 10)
    await queue(store, 1)
    await queue(store, 2)
    await queue(store, 3, guild_id=2, channel_id=20)
    await pause(store)
    await age(store, "story:1", OUTAGE_PATIENCE + timedelta(minutes=1))
    await age(store, "story:3", OUTAGE_PATIENCE + timedelta(minutes=1))
    await store.db.write(
        "UPDATE deliveries SET not_before = ? WHERE dedupe_key = 'story:3'",
        (iso(NOW + timedelta(minutes=5)),),  # an outage retry, put off
    )
    await announcer(FakeDiscord(), store).drain()
    assert [(k, s) for k, s, _ in await states(store)] == [
        ("story:1", "failed"),
        ("story:2", "pending"),
        ("story:3", "pending"),
    ]
    # Counted as this pause's at resume, though the drain gave it up.
    assert await store.outbox.release(1, PAUSED_AT) == (1, 1)
    assert await store.outbox.release(1, iso(NOW - timedelta(days=3))) == (1, 0)


def counted_looks(store: Store) -> list[datetime]:
    """The cut-off of each look for stale held news, as the store is asked."""
    looks: list[datetime] = []
    expire = store.outbox.expire_held

    async def counted(before: datetime, guild_id: int | None = None) -> int:
        looks.append(before)
        return await expire(before, guild_id)

    store.outbox.expire_held = counted  # type: ignore[method-assign,assignment]
    return looks


async def test_drains_look_for_stale_held_news_every_few_minutes_not_every_drain(
    store: Store,
) -> None:
    """The look is a write, which waits for any ingest; a drain runs every few seconds."""
    clock = [NOW]
    sender = Announcer(FakeDiscord(), store, now=lambda: clock[0])  # type: ignore[arg-type]
    looks = counted_looks(store)
    for seconds in (0, 10, 20, 299, 300, 310):
        clock[0] = NOW + timedelta(seconds=seconds)
        await sender.drain()
    assert looks == [NOW - OUTAGE_PATIENCE, NOW + EXPIRE_EVERY - OUTAGE_PATIENCE]


async def test_a_clock_set_back_does_not_stop_the_looks_for_stale_held_news(
    store: Store,
) -> None:
    """The last look's time, ahead of a clock set back a day (NTP, a restored VM), kept any
    look from coming for that day: news held over a day was still held, not given up."""
    clock = [NOW]
    sender = Announcer(FakeDiscord(), store, now=lambda: clock[0])  # type: ignore[arg-type]
    looks = counted_looks(store)
    for at in (NOW, NOW - timedelta(days=1), NOW - timedelta(days=1) + EXPIRE_EVERY):
        clock[0] = at
        await sender.drain()
    assert looks == [
        NOW - OUTAGE_PATIENCE,
        NOW - timedelta(days=1) - OUTAGE_PATIENCE,
        NOW - timedelta(days=1) + EXPIRE_EVERY - OUTAGE_PATIENCE,
    ]


async def test_news_during_a_pause_is_queued_for_the_paused_server(deps: NewsDeps) -> None:
    feed = await primed_feed(deps, a="changes", b="all")
    await pause(deps.store, 2)
    report = await ingest(deps, feed, [article("a", "Netflix renews XO, Kitty for season 4")], NOW)
    assert report.queued == 2
    assert [d.guild_id for d in await deps.store.outbox.due(NOW, 9)] == [1]  # 2's is held
    await resume(deps.store, 2)
    assert [d.guild_id for d in await deps.store.outbox.due(NOW, 9)] == [1, 2]


async def test_a_server_without_a_channel_still_gets_nothing_queued(deps: NewsDeps) -> None:
    feed = await primed_feed(deps, a="all")
    await deps.store.guilds.update(1, channel_id=None)
    report = await ingest(deps, feed, [article("a", "Netflix renews XO, Kitty for season 4")], NOW)
    assert report.queued == 0


async def test_a_repeat_brings_a_change_whose_held_post_expired(deps: NewsDeps) -> None:
    """Guild 2 missed the change (held too long while paused): a later outlet repeating it
    within the news window tells it, once, as a repeat tells any server that had not heard."""
    feed_a = await primed_feed(deps, a="changes", b="changes")
    feed_b = await second_feed(deps, 2)
    await pause(deps.store, 2)
    await ingest(deps, feed_a, [article("a", "Netflix renews XO, Kitty for season 4")], NOW)
    later = NOW + OUTAGE_PATIENCE + timedelta(hours=1)
    await deps.store.outbox.expire_held(later - OUTAGE_PATIENCE)
    change = await deps.store.outbox.find(2, (await only_key(deps)))
    assert change is not None and change.state == "failed"
    await resume(deps.store, 2)
    repeat = [article("b", "XO, Kitty: Netflix renews the K-drama for season 4", minutes=-60)]
    report = await ingest(deps, feed_b, repeat, later)
    assert report.verdicts == {"repeat": 1} and report.queued == 1
    revived = await deps.store.outbox.find(2, change.dedupe_key)
    assert revived is not None and revived.state == "pending"
    assert "K-drama" in revived.message["embed"]["description"]
    again = [article("c", "XO, Kitty officially renewed for a fourth season", minutes=-90)]
    assert (await ingest(deps, feed_b, again, later)).queued == 0  # once


async def only_key(deps: NewsDeps) -> str:
    async with deps.store.db.conn.execute("SELECT DISTINCT event_id FROM deliveries") as cur:
        (row,) = await cur.fetchall()
    return change_key(row[0])


async def test_a_revived_post_queues_behind_the_news_queued_since(store: Store) -> None:
    """Revived in place, it kept its old id and went out ahead of later news."""
    await store.guilds.update(1, channel_id=10)
    await pause(store, 1)
    await queue(store, 1)
    await age(store, "story:1", OUTAGE_PATIENCE + timedelta(hours=1))
    await store.outbox.expire_held(NOW - OUTAGE_PATIENCE)
    await resume(store, 1)
    await queue(store, 2)
    await queue(store, 1)  # a later article carrying the same post
    assert [d.dedupe_key for d in await store.outbox.due(NOW, 9)] == ["story:2", "story:1"]


async def test_a_post_that_was_tried_is_never_queued_afresh(store: Store) -> None:
    """Only a row never sent to Discord is revived: one that was tried may be in the channel."""
    await store.guilds.update(1, channel_id=10)
    await queue(store, 1)
    (tried,) = await store.outbox.due(NOW, 9)
    await store.outbox.mark_sending(tried.id)
    await store.outbox.fail(tried.id, "TimeoutError")
    await queue(store, 1)
    assert await states(store) == [("story:1", "failed", 1)]


async def test_the_notices_say_news_is_kept_for_a_day(store: Store) -> None:
    await store.guilds.update(1, channel_id=10)
    await queue(store, 1)
    sender = Announcer(FakeDiscord(refuse={10: discord.Forbidden}), store, now=lambda: NOW)  # type: ignore[arg-type]
    await sender.drain()
    await sender.rejoined(1)
    async with store.db.conn.execute("SELECT text FROM notices ORDER BY id") as cur:
        texts = [row[0] for row in await cur.fetchall()]
    assert len(texts) == 2 and all("keep the news for up to a day" in t for t in texts)


async def test_the_preview_of_such_a_repeat_says_it_posts_as_the_pipeline_does(
    deps: NewsDeps,
) -> None:
    """/feeds add's preview read a post given up untried (held over a day) as heard, and
    said the repeat would not post; the pipeline queues it again, and posts it."""
    from bot.moderation.onboard import preview_items

    feed_a = await primed_feed(deps, a="changes", b="changes")
    await pause(deps.store, 2)
    await ingest(deps, feed_a, [article("a", "Netflix renews XO, Kitty for season 4")], NOW)
    later = NOW + OUTAGE_PATIENCE + timedelta(hours=1)
    await deps.store.outbox.expire_held(later - OUTAGE_PATIENCE)
    await resume(deps.store, 2)
    repeat = [article("b", "XO, Kitty: Netflix renews the K-drama for season 4", minutes=-60)]
    (item,) = await preview_items(deps, repeat, await deps.store.guilds.get(2), later)
    assert item.judgement.posts and "not heard yet" in item.judgement.reason
    feed_b = await second_feed(deps, 2)
    assert (await ingest(deps, feed_b, repeat, later)).queued == 1  # as the preview said


async def test_a_withdrawn_post_never_tried_is_queued_again_by_news_carrying_it(
    store: Store,
) -> None:
    """/feeds remove withdraws the removed feed's queued posts (a change among them); the
    same change from a feed the server still follows is posted, once."""
    await store.guilds.update(1, channel_id=10)
    for feed_id, key in ((7, "event:1"), (7, "story:2"), (8, "story:3")):
        await store.outbox.enqueue(
            guild_id=1, channel_id=10, dedupe_key=key, message={}, source=(feed_id, "k")
        )
    assert await store.outbox.withdraw(1, "this server removed its feed first", feed_id=7) == 2
    withdrawn = await store.outbox.find(1, "event:1")
    assert withdrawn is not None and withdrawn.state == "failed"
    assert withdrawn.last_error == "not sent: this server removed its feed first"
    assert not await store.outbox.has(1, "event:1")
    assert await store.outbox.enqueue(
        guild_id=1, channel_id=10, dedupe_key="event:1", message={}, source=(8, "k2")
    )
    assert [(k, s) for k, s, _ in await states(store)] == [
        ("story:2", "failed"),
        ("story:3", "pending"),
        ("event:1", "pending"),
    ]


async def test_a_post_in_flight_as_it_is_withdrawn_is_not_tried_again(store: Store) -> None:
    """/feeds remove while the announcer is sending one of the feed's posts: if it lands it
    is recorded as sent; if Discord fails it (an outage), it is not retried later."""
    await store.guilds.update(1, channel_id=10)
    for key in ("story:1", "story:2"):
        await store.outbox.enqueue(
            guild_id=1, channel_id=10, dedupe_key=key, message={}, source=(7, key)
        )
    failing, landing = await store.outbox.due(NOW, 10)
    assert await store.outbox.mark_sending(failing.id) is not None
    assert await store.outbox.mark_sending(landing.id) is not None

    assert await store.outbox.withdraw(1, "this server removed its feed first", feed_id=7) == 0
    await store.outbox.retry_later(failing.id, "TimeoutError: ", NOW)
    await store.outbox.mark_sent(landing.id, 99, NOW)
    assert await store.outbox.due(NOW + timedelta(hours=1), 10) == []
    assert [(k, s) for k, s, _ in await states(store)] == [
        ("story:1", "failed"),
        ("story:2", "sent"),
    ]
    withdrawn = await store.outbox.find(1, "story:1")
    assert withdrawn is not None
    assert withdrawn.last_error == "not sent: this server removed its feed first"


async def test_a_new_filter_withdraws_only_the_queued_posts_it_drops(store: Store) -> None:
    """/feeds filter: the feed's posts still queued, read as the filter reads their article,
    and withdrawn by id; one in flight follows withdraw's rule (not counted, not retried)."""
    from bot.moderation.keywords import unwanted

    feed = await store.feeds.add("https://kitty.example/feed")
    await store.guilds.update(1, channel_id=10)
    for key, title in (("a", "Kitty quiz time"), ("b", "Season 4 renewed"), ("c", "Quizzes")):
        await store.db.conn.execute(
            "INSERT INTO articles (feed_id, key, url, title, summary, verdict, first_seen_at) "
            "VALUES (?, ?, ?, ?, 'XO, Kitty news', 'change', ?)",
            (feed.id, key, f"https://kitty.example/{key}", title, iso(NOW)),
        )
        await store.outbox.enqueue(
            guild_id=1, channel_id=10, dedupe_key=f"story:{key}", message={}, source=(feed.id, key)
        )
    await store.outbox.enqueue(  # another feed's: not this filter's to judge
        guild_id=1, channel_id=10, dedupe_key="story:d", message={}, source=(feed.id + 1, "a")
    )
    in_flight = (await store.outbox.due(NOW, 10))[2]
    assert await store.outbox.mark_sending(in_flight.id) is not None
    queued = await store.outbox.queued_articles(1, feed.id)
    assert [title for _, title, _ in queued] == ["Kitty quiz time", "Season 4 renewed", "Quizzes"]
    drop = unwanted(queued, (), ("quiz",))
    assert len(drop) == 2  # "quiz" starts "Quizzes" too
    assert await store.outbox.withdraw(1, "filtered", feed_id=feed.id, ids=drop) == 1
    assert await store.outbox.withdraw(1, "filtered", feed_id=feed.id, ids=[]) == 0
    assert [(k, s) for k, s, _ in await states(store)] == [
        ("story:a", "failed"),
        ("story:b", "pending"),
        ("story:c", "failed"),
        ("story:d", "pending"),
    ]
