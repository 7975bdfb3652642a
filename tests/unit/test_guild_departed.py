"""A server the bot was removed from: its settings and feeds are kept, its news is held
(never tried), the feeds no server the bot is in follows stop being polled, and on the bot's
return they are polled afresh and its moderators told; a start reconciles the store with
the gateway's guild list, never taking an unavailable guild for a departed one."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from pathlib import Path

import msgspec
import pytest
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.moderation.setup_view import resumed_text
from bot.news.announce import KEPT, REMOVED, Announcer
from bot.news.pipeline import NewsDeps
from bot.news.service import NewsService
from bot.store import Store
from bot.store.feeds import NOBODY_HERE, Feed
from bot.store.rows import iso
from tests.conftest import NOW
from tests.unit.test_announce_safety import FakeDiscord, queue
from tests.unit.test_service_poll import ReadyClient

AT = iso(NOW)


async def notices(store: Store) -> list[tuple[int, str]]:
    async with store.db.conn.execute("SELECT guild_id, text FROM notices ORDER BY id") as cur:
        return [(row[0], row[1]) for row in await cur.fetchall()]


async def own_feed(store: Store, url: str, *guilds: int) -> Feed:
    feed = await store.feeds.add(url)
    await store.feeds.mark_primed_in_tx(feed.id)
    await store.feeds.record_success(
        feed.id, now=NOW, next_poll=NOW, etag='"e"', last_modified=None, body_hash="h"
    )
    for guild_id in guilds:
        await store.feeds.subscribe(guild_id, feed.id, None)
    got = await store.feeds.get(feed.id)
    assert got is not None
    return got


async def reason(store: Store, feed: Feed) -> str | None:
    got = await store.feeds.get(feed.id)
    assert got is not None
    return got.disabled_reason


async def test_a_departure_pauses_posting_and_keeps_the_settings(store: Store) -> None:
    await store.guilds.update(1, channel_id=10, role_id=5, mode="all")
    await store.guilds.update(2, channel_id=20)
    await queue(store, 1)
    await queue(store, 2, guild_id=2, channel_id=20)
    await store.guilds.depart(1, REMOVED, AT)
    await store.guilds.depart(1, REMOVED, "later")  # a second GUILD_DELETE changes nothing
    got = await store.guilds.get(1)
    assert (got.channel_id, got.role_id, got.mode) == (10, 5, "all")
    assert (got.departed_at, got.disabled_reason, got.disabled_at) == (AT, REMOVED, AT)
    # Its queued news is held, not tried: only the other guild's is due.
    assert [d.guild_id for d in await store.outbox.due(NOW, 9)] == [2]
    fake = FakeDiscord()
    assert (await Announcer(fake, store, now=lambda: NOW).drain()).sent == 1  # type: ignore[arg-type]
    assert [p.channel_id for p in fake.posts] == [20]


async def test_a_departure_names_an_earlier_pause_its_own_and_records_a_guild_without_settings(
    store: Store,
) -> None:
    """A post refused (403) just before the removal event came: the pause kept "missing
    permissions", so after a re-invite /setup channel blamed a refusal."""
    await store.guilds.update(1, channel_id=10)
    assert await store.guilds.disable(1, 10, "missing permissions", "t0")
    await store.guilds.depart(1, REMOVED, AT)
    await store.guilds.depart(3, REMOVED, AT)  # no /setup ever: no channel, nothing to pause
    got, bare = await store.guilds.get(1), await store.guilds.get(3)
    assert (got.disabled_reason, got.disabled_at) == (REMOVED, "t0")  # the pause's start kept
    assert got.departed_at == AT
    assert (bare.departed_at, bare.disabled_reason) == (AT, None)
    assert await store.guilds.restore(1)
    assert resumed_text((await store.guilds.get(1)).disabled_reason) == (
        "Posting was paused while I was out of this server; it is back on."
    )


async def test_a_return_clears_the_departure_but_posting_waits_for_setup_channel(
    store: Store,
) -> None:
    await store.guilds.update(1, channel_id=10)
    assert not await store.guilds.restore(1)  # never left
    await store.guilds.depart(1, REMOVED, AT)
    assert await store.guilds.restore(1)
    got = await store.guilds.get(1)
    assert got.departed_at is None and got.disabled_reason == REMOVED and not got.announces


async def test_known_guilds_are_those_with_settings_or_feeds(store: Store) -> None:
    await store.guilds.update(1, channel_id=10)
    await store.guilds.depart(2, REMOVED, AT)
    await own_feed(store, "https://e.org/a", 1, 3)  # guild 3 added a feed, never ran /setup
    assert await store.guilds.known() == {1: False, 2: True, 3: False}


async def test_only_feeds_no_present_server_follows_rest(store: Store) -> None:
    await store.guilds.update(1, channel_id=10)
    await store.guilds.update(2, channel_id=20)
    alone = await own_feed(store, "https://e.org/alone", 1)
    both = await own_feed(store, "https://e.org/both", 1, 2)
    broken = await own_feed(store, "https://e.org/broken", 1)
    await store.feeds.disable(broken.id, "8 failures in a row", now=NOW)
    unfollowed = await own_feed(store, "https://e.org/unfollowed")
    shared = await store.feeds.share("https://e.org/shared")

    await store.guilds.depart(1, REMOVED, AT)
    assert await store.feeds.rest(now=NOW, anyone_here=True) == 1
    assert await reason(store, alone) == NOBODY_HERE
    assert await reason(store, both) is None  # guild 2 still follows it
    assert await reason(store, broken) == "8 failures in a row"
    assert await reason(store, unfollowed) is None  # not polled anyway: left as it is
    assert await reason(store, shared) is None  # the bot is still in a server
    assert [f.id for f in await store.feeds.active()] == [both.id, shared.id]

    await store.guilds.depart(2, REMOVED, AT)
    assert await store.feeds.rest(now=NOW, anyone_here=False) == 2
    assert await store.feeds.active() == []


async def test_a_return_wakes_its_resting_feeds_afresh_and_no_other(store: Store) -> None:
    for guild in (1, 2):
        await store.guilds.update(guild, channel_id=guild * 10)
    mine = await own_feed(store, "https://e.org/mine", 1)
    theirs = await own_feed(store, "https://e.org/theirs", 2)
    broken = await own_feed(store, "https://e.org/broken", 1)
    await store.feeds.disable(broken.id, "8 failures in a row", now=NOW)
    shared = await store.feeds.share("https://e.org/shared")
    for guild in (1, 2):
        await store.guilds.depart(guild, REMOVED, AT)
    await store.feeds.rest(now=NOW, anyone_here=False)

    await store.guilds.restore(1)
    assert await store.feeds.wake() == 2
    woke = await store.feeds.get(mine.id)
    assert woke is not None and woke.enabled and not woke.primed  # its next poll: a baseline
    assert (woke.etag, woke.body_hash, woke.next_poll_at) == (None, None, None)
    assert await reason(store, theirs) == NOBODY_HERE
    assert await reason(store, broken) == "8 failures in a row"
    assert await reason(store, shared) is None


async def test_removing_a_feed_retires_it_when_only_departed_servers_follow_it(
    store: Store,
) -> None:
    """...and the departed one, back, has it polled again: it stayed disabled for good, "no
    server follows it" in its /feeds list, though that server follows it."""
    feed = await own_feed(store, "https://e.org/a", 1, 2)
    await store.guilds.depart(2, REMOVED, AT)
    await store.feeds.unsubscribe(1, feed.id)
    assert await store.feeds.retire(feed.id, "no server follows it", now=NOW)
    assert await reason(store, feed) == NOBODY_HERE
    await store.guilds.restore(2)
    assert await store.feeds.wake() == 1
    assert await reason(store, feed) is None
    await store.feeds.unsubscribe(2, feed.id)
    assert await store.feeds.retire(feed.id, "no server follows it", now=NOW)
    assert await reason(store, feed) == "no server follows it"


@pytest.fixture
def news(deps: NewsDeps) -> NewsService:
    return NewsService(ReadyClient(), deps)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("reason", "fix"),
    [
        (REMOVED, "A moderator can check my permissions and run `/setup channel` again."),
        (
            "<#10> no longer takes messages: it is not a text channel (Discord 400, code 50008)",
            "A moderator can choose a text channel with `/setup channel`.",
        ),
        (
            "channel not found in <#10> (Discord 404, code 10003)",
            "A moderator can choose a text channel with `/setup channel`.",
        ),
    ],
)
async def test_the_return_notice_names_the_fix_for_what_paused_the_server(
    deps: NewsDeps, store: Store, reason: str, fix: str
) -> None:
    """A channel converted to a forum, or deleted, wants another channel: "check my
    permissions" sent the moderators looking in the wrong place."""
    await store.guilds.update(1, channel_id=10)
    await store.guilds.disable(1, 10, reason, AT)
    await Announcer(FakeDiscord(), deps.store).rejoined(1)  # type: ignore[arg-type]
    assert await notices(store) == [
        (1, f"Posting news here is still paused: {reason}. {KEPT} {fix}")
    ]


async def test_the_guild_list_at_start_marks_departures_and_returns(
    news: NewsService, store: Store
) -> None:
    """Present (1), left while offline (2), back while offline (3), still gone (4); 5 is in
    an outage, so READY lists it as unavailable: present, never departed."""
    for guild in (1, 2, 3, 4, 5):
        await store.guilds.update(guild, channel_id=guild * 10)
    gone = await own_feed(store, "https://e.org/two", 2)
    back = await own_feed(store, "https://e.org/three", 3)
    await store.guilds.depart(3, REMOVED, AT)
    await store.guilds.depart(4, REMOVED, AT)
    await store.feeds.rest(now=NOW, anyone_here=True)

    await news.guilds_listed({1, 3, 5})
    assert {g: (await store.guilds.get(g)).departed_at is not None for g in (1, 2, 3, 4, 5)} == {
        1: False,
        2: True,
        3: False,
        4: True,
        5: False,
    }
    assert (await store.guilds.get(2)).disabled_reason == REMOVED
    assert (await store.guilds.get(5)).announces
    assert await reason(store, gone) == NOBODY_HERE
    assert await reason(store, back) is None
    ((guild, text),) = await notices(store)  # only the returning server is told
    assert guild == 3 and REMOVED in text and "/setup channel" in text

    await news.guilds_listed({1, 3, 5})  # a second READY (a new session): nothing more
    assert len(await notices(store)) == 1


async def test_a_join_restores_the_server_and_tells_it_once(
    news: NewsService, store: Store
) -> None:
    await store.guilds.update(1, channel_id=10)
    feed = await own_feed(store, "https://e.org/a", 1)
    await news.left(1, anyone_here=False)
    assert await reason(store, feed) == NOBODY_HERE
    await news.returned(1)
    await news.returned(1)  # discord.py also calls a guild back from an outage a join
    assert (await store.guilds.get(1)).departed_at is None
    assert await reason(store, feed) is None
    assert len(await notices(store)) == 1


async def test_a_return_tells_of_a_status_card_stopped_meanwhile_once(
    news: NewsService, store: Store
) -> None:
    """The card's channel refused the bot as it was removed: its stop notice had nowhere to
    go, and the return told only of the news channel, so the card stayed stopped unsaid."""
    await store.guilds.update(1, channel_id=10)
    await store.cards.place(1, 20)
    await news.left(1, anyone_here=False)
    assert await store.cards.stop(1, 20, "I can't see <#20> (Discord 403, code 50001)", AT)
    await news.returned(1)
    await news.returned(1)  # a join from an outage: not told twice
    told = [text for _, text in await notices(store)]
    assert told[1:] == [
        "The status card is still stopped: I can't see <#20> (Discord 403, code 50001). "
        "A moderator can run `/setup card` again once I can post there, or choose another "
        "channel."
    ]
    assert told[0].startswith("Posting news here is still paused")


async def test_jobs_wait_for_the_guild_list_once_started(news: NewsService, store: Store) -> None:
    """A feed that only a server left while the bot was offline follows is not polled by
    the first jobs, nor its held news tried, before the guild list says so."""
    await store.guilds.update(2, channel_id=20)
    feed = await own_feed(store, "https://e.org/two", 2)
    await news.start(AsyncIOScheduler())
    polled = asyncio.create_task(news.poll(feed.id))
    await asyncio.sleep(0.05)
    assert not polled.done()
    await news.guilds_listed({1})
    assert await polled is None  # the feed rests: not fetched


async def test_a_return_cut_short_before_its_feeds_woke_is_finished_at_the_next_start(
    news: NewsService, store: Store
) -> None:
    """A stop between the server's restore and its feeds' wake (discord.py runs the event as
    a task, and the store closes under it): the next start found the server present and not
    departed, so its feeds rested for good, "no server I am in follows it"."""
    await store.guilds.update(1, channel_id=10)
    feed = await own_feed(store, "https://e.org/a", 1)
    await news.left(1, anyone_here=False)
    assert await store.guilds.restore(1)  # ...and the stop came
    await news.guilds_listed({1})
    assert await reason(store, feed) is None
    woke = await store.feeds.get(feed.id)
    assert woke is not None and not woke.primed  # afresh: its next poll is a baseline


async def test_a_start_in_no_server_leaves_a_resting_shared_feed_resting(
    news: NewsService, store: Store, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Each start retried it ("polling it again") and the guild list rested it again with a
    new date, so retention never aged out the articles of a bot in no server."""
    url = "https://e.org/shared"
    listed = tmp_path / "feeds.toml"
    listed.write_text(f'[[feed]]\nurl = "{url}"\n', "utf-8")
    news.deps.settings = msgspec.structs.replace(news.deps.settings, feeds_file=listed)
    shared = await store.feeds.share(url)
    await store.feeds.rest(now=NOW - timedelta(days=40), anyone_here=False)
    caplog.set_level(logging.INFO, logger="bot.news.service")
    await news.start(AsyncIOScheduler())
    await news.guilds_listed(set())
    rested = await store.feeds.get(shared.id)
    assert rested is not None and rested.disabled_reason == NOBODY_HERE
    assert rested.disabled_at == iso(NOW - timedelta(days=40))  # retention's clock runs on
    assert "polling it again" not in caplog.text
    await news.guilds_listed({1})  # in a server again: it wakes
    assert await reason(store, shared) is None


async def test_a_return_cut_short_after_its_restore_still_tells_the_moderators_once(
    news: NewsService, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stop just after the restore (the store closed under the event's task): the next
    start found the server present, not departed, and "posting is still paused" was never
    queued."""
    await store.guilds.update(1, channel_id=10)
    await news.left(1, anyone_here=False)
    restore = store.guilds.restore

    async def then_the_stop(guild_id: int) -> bool:
        await restore(guild_id)
        raise asyncio.CancelledError

    monkeypatch.setattr(store.guilds, "restore", then_the_stop)
    with pytest.raises(asyncio.CancelledError):
        await news.returned(1)
    monkeypatch.undo()
    told = [
        (
            1,
            f"Posting news here is still paused: {REMOVED}. {KEPT} "
            "A moderator can check my permissions and run `/setup channel` again.",
        )
    ]
    await news.guilds_listed({1})  # the next start
    assert await notices(store) == told
    await news.returned(1)  # and a join from an outage: not queued twice
    assert await notices(store) == told
