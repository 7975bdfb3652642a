"""Claiming a delivery (``mark_sending``): only a committed, unsent row, as it is stored."""

from __future__ import annotations

import asyncio

import pytest

from bot.store import Store
from tests.conftest import NOW


async def enqueue(store: Store, key: str, content: str) -> None:
    await store.outbox.enqueue(
        guild_id=1, channel_id=10, dedupe_key=key, message={"content": content}
    )


async def test_a_claim_returns_the_row_and_counts_the_attempt(store: Store) -> None:
    await enqueue(store, "story:1", "a")
    (due,) = await store.outbox.due(NOW, 9)
    claimed = await store.outbox.mark_sending(due.id)
    assert claimed is not None
    assert (claimed.state, claimed.attempts, claimed.message) == ("sending", 1, {"content": "a"})
    again = await store.outbox.mark_sending(due.id)  # a crash mid-send: claimed again
    assert again is not None and again.attempts == 2


async def test_sent_and_failed_rows_are_never_revived(store: Store) -> None:
    await enqueue(store, "story:1", "a")
    await enqueue(store, "story:2", "b")
    first, second = await store.outbox.due(NOW, 9)
    await store.outbox.mark_sent(first.id, 99, NOW)
    await store.outbox.fail(second.id, "400")
    assert await store.outbox.mark_sending(first.id) is None
    assert await store.outbox.mark_sending(second.id) is None
    assert await store.outbox.counts() == {"sent": 1, "failed": 1}


async def test_a_sent_row_keeps_its_record_not_its_message(store: Store) -> None:
    """Nothing reads a sent message again (publishing goes by the post's id): kept for
    RETENTION, it would be most of the row. A given-up row keeps it."""
    await enqueue(store, "story:1", "a" * 500)
    await enqueue(store, "story:2", "b")
    first, second = await store.outbox.due(NOW, 9)
    await store.outbox.mark_sent(first.id, 99, NOW, publish="due")
    await store.outbox.fail(second.id, "400")
    sent = await store.outbox.find(1, "story:1")
    assert sent is not None and (sent.state, sent.message, sent.publish) == ("sent", {}, "due")
    assert await store.outbox.publishes_due(NOW) == [(first.id, 1, 10, 99)]
    failed = await store.outbox.find(1, "story:2")
    assert failed is not None and failed.message == {"content": "b"}


async def test_a_row_of_a_transaction_that_rolls_back_cannot_be_claimed(store: Store) -> None:
    claims = []
    with pytest.raises(RuntimeError):
        async with store.db.transaction():
            await enqueue(store, "story:1", "rolled back")
            (seen,) = await store.outbox.due(NOW, 9)  # visible on the shared connection
            claims.append(asyncio.create_task(store.outbox.mark_sending(seen.id)))
            await asyncio.sleep(0)
            raise RuntimeError("poll failed")
    assert await claims[0] is None
    await enqueue(store, "story:2", "committed")  # may take the same id
    (stored,) = await store.outbox.due(NOW, 9)
    claimed = await store.outbox.mark_sending(stored.id)
    assert claimed is not None and claimed.message == {"content": "committed"}


async def test_a_batch_takes_a_few_of_each_guilds_oldest(store: Store) -> None:
    for n in range(8):  # guild 1's backlog, queued first
        await enqueue(store, f"story:{n}", f"backlog {n}")
    for guild_id in (2, 3):
        await store.outbox.enqueue(
            guild_id=guild_id, channel_id=guild_id * 10, dedupe_key="story:9", message={}
        )
    batch = await store.outbox.due(NOW, 200, per_guild=3)
    assert [(d.guild_id, d.message.get("content")) for d in batch] == [
        (1, "backlog 0"),
        (1, "backlog 1"),
        (1, "backlog 2"),
        (2, None),
        (3, None),
    ]
    assert len(await store.outbox.due(NOW, 200)) == 10  # no cap: every due row
