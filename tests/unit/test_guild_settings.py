"""Guild settings: updates touch only their own columns; pausing is conditional."""

from __future__ import annotations

import asyncio

from bot.store import Store


async def test_concurrent_updates_of_different_settings_all_stick(store: Store) -> None:
    await store.guilds.update(1, channel_id=10)
    await asyncio.gather(
        store.guilds.update(1, disabled_reason="missing permissions", disabled_at="x"),
        store.guilds.update(1, channel_id=11, disabled_reason=None, disabled_at=None),
        store.guilds.update(1, role_id=555),
        store.guilds.update(1, threads=True),
    )
    got = await store.guilds.get(1)
    assert (got.channel_id, got.role_id, got.threads, got.disabled_reason) == (11, 555, True, None)


async def test_update_creates_the_row_and_returns_the_stored_settings(store: Store) -> None:
    created = await store.guilds.update(3, mode="all")
    assert (created.channel_id, created.mode, created.spoilers) == (None, "all", "private")
    after = await store.guilds.update(3, channel_id=30)
    assert after == await store.guilds.get(3) and after.mode == "all"


async def test_disable_pauses_only_the_channel_that_was_refused_and_only_once(
    store: Store,
) -> None:
    await store.guilds.update(1, channel_id=11)
    assert not await store.guilds.disable(1, 10, "channel not found in <#10>", "t0")
    assert (await store.guilds.get(1)).announces
    assert await store.guilds.disable(1, 11, "missing permissions in <#11>", "t1")
    assert not await store.guilds.disable(1, 11, "missing permissions again", "t2")
    got = await store.guilds.get(1)
    assert (got.disabled_reason, got.disabled_at) == ("missing permissions in <#11>", "t1")
    assert not await store.guilds.disable(2, 20, "no such guild row", "t3")


def test_the_resume_line_never_promises_zero_posts() -> None:
    """All of a pause's news held over a day: it read "0 posts will now be posted, in order"."""
    from bot.moderation.setup_view import held_text

    assert held_text(2, 0) == "News held while it was paused: 2 posts will now be posted, in order."
    gone = held_text(0, 1)
    assert "0 posts" not in gone and "will now be posted" not in gone
    assert gone.startswith("No news held while it was paused is left to post.")
    assert "1 post was held over a day" in gone
