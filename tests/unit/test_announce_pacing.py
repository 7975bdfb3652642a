"""Pacing's pure parts: a pacer keyed by channel, and a batch split into one lane per guild."""

from __future__ import annotations

from bot.news.announce import Pacer, Quota, by_guild
from bot.store.outbox import Delivery


def delivery(id: int, guild_id: int) -> Delivery:
    return Delivery(id, guild_id, guild_id * 10, f"story:{id}", "{}", "pending", 0, "", 2, "k")


def test_a_batch_splits_into_one_lane_per_guild_each_in_queue_order() -> None:
    batch = [delivery(i, g) for i, g in enumerate([7, 7, 7, 3, 7, 5, 3], start=1)]
    lanes = [[d.id for d in lane] for lane in by_guild(batch)]
    assert lanes == [[1, 2, 3, 5], [4, 7], [6]]  # guilds as first seen: 7, then 3, then 5
    assert by_guild([]) == []


def test_each_key_is_spaced_on_its_own_and_peeking_claims_nothing() -> None:
    clock = [100.0]
    pacer = Pacer(1 / 0.25, clock=lambda: clock[0])
    assert [pacer.reserve(1), pacer.reserve(1), pacer.reserve(2), pacer.reserve(1)] == [
        0.0,
        0.25,
        0.0,  # another channel: its own first slot, now
        0.5,
    ]
    assert pacer.free_in(1) == pacer.free_in(1) == 0.75  # looking is not claiming
    assert pacer.free_in(3) == 0.0  # never used: free
    clock[0] = 100.5
    assert pacer.free_in(1) == 0.25 and pacer.free_in(2) == 0.0
    assert pacer.reserve(1) == 0.25  # the slot it was told about, not a later one
    assert pacer.reserve() == 0.0  # the default key is one more key, apart from the rest


def test_keys_whose_slot_has_passed_are_forgotten() -> None:
    # A pacer over thousands of guilds' channels must not keep one entry per channel ever
    # used: only those whose next slot is still ahead carry anything.
    clock = [0.0]
    pacer = Pacer(1.0, clock=lambda: clock[0])
    for channel in range(10_000):
        clock[0] = channel / 48  # the bot's own pace: 48 sends a second
        pacer.reserve(channel)
    busy = 48  # channels sent to in the last second
    assert len(pacer._next) <= max(Pacer.FORGET_FROM, 2 * busy)
    assert pacer.free_in(9_999) > 0.9 and pacer.free_in(0) == 0.0


def test_a_quota_allows_so_many_uses_of_a_key_in_any_window() -> None:
    now = [0.0]
    quota = Quota(2, 60.0, clock=lambda: now[0])
    assert quota.take(1) and quota.take(1) and not quota.take(1)
    assert quota.take(2)  # each key has its own
    now[0] = 30.0
    assert not quota.take(1)
    now[0] = 60.5  # the first two uses have left the window
    assert quota.take(1) and quota.take(1) and not quota.take(1)


def test_a_quota_forgets_keys_with_no_use_in_the_window() -> None:
    now = [0.0]
    quota = Quota(1, 10.0, clock=lambda: now[0])
    for key in range(Quota.FORGET_FROM - 1):
        assert quota.take(key)
    now[0] = 11.0
    assert quota.take(999)  # the 64th key: the idle ones are dropped
    assert len(quota._used) == 1
    assert quota.take(0)  # a forgotten key starts afresh


def test_a_use_recorded_ahead_of_the_clock_counts_as_made_now() -> None:
    """A restart after the clock was set back a day read the hour's publishes in the store
    as made a day ahead: the channel could publish nothing for a day and an hour."""
    now = [0.0]
    quota = Quota(1, 3600.0, clock=lambda: now[0])
    quota.used(1, -86400.0)
    assert not quota.take(1)
    now[0] = 3600.5
    assert quota.take(1)
