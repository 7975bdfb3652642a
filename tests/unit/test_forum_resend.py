"""A forum post's resend looks for the post an earlier attempt made (a post takes no nonce):
what it may take for that post, and what it must not."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import discord
import pytest

from bot.news.announce import Announcer
from bot.news.forum import post_name
from bot.store import Store
from bot.store.outbox import Delivery
from bot.store.rows import parse_iso
from tests.conftest import NOW
from tests.unit.test_announce_safety import Response

GUILD, FORUM, ME = 1, 50, 7
# Two outlets telling the news in the same words: two deliveries, one name, one embed.
HEADLINE = {"embed": {"title": "XO, Kitty news", "description": "Season 3 is coming"}}


@dataclass
class Starter:
    embeds: list[discord.Embed]


@dataclass
class FakeForum:
    """The guild's active forum posts (by id) as Discord lists them; their starters, which
    the bot may read unless ``readable`` is False (no Read Message History)."""

    posts: dict[int, str] = field(default_factory=dict)  # id: name
    archived: dict[int, str] = field(default_factory=dict)  # the forum's, archived
    readable: bool = True
    user: Any = field(default_factory=lambda: discord.Object(ME))

    @property
    def http(self) -> FakeForum:
        return self

    async def get_active_threads(self, guild_id: int) -> dict[str, Any]:
        return page(self.posts)

    async def get_public_archived_threads(self, channel_id: int) -> dict[str, Any]:
        return page(self.archived) | {"has_more": False}

    def get_partial_messageable(self, channel_id: int, guild_id: int | None = None) -> Any:
        return self

    async def fetch_message(self, message_id: int) -> Starter:
        if not self.readable:
            raise discord.Forbidden(Response(403), {"code": 50001, "message": "Missing Access"})
        embed = HEADLINE["embed"]
        return Starter([discord.Embed(title=embed["title"], description=embed["description"])])


def page(posts: dict[int, str]) -> dict[str, Any]:
    threads = [
        {"id": str(i), "parent_id": str(FORUM), "owner_id": str(ME), "name": n}
        for i, n in posts.items()
    ]
    return {"threads": threads, "members": []}


def made_after(delivery: Delivery) -> int:
    """The id of a post made 5 s after ``delivery`` was queued (by the database's clock: in a
    long run the suite's NOW is minutes older, before the look-up's window)."""
    queued = parse_iso(delivery.created_at)
    assert queued is not None
    return discord.utils.time_snowflake(queued + timedelta(seconds=5))


async def queued(store: Store, key: str) -> Delivery:
    await store.outbox.enqueue(guild_id=GUILD, channel_id=FORUM, dedupe_key=key, message=HEADLINE)
    delivery = await store.outbox.find(GUILD, key)
    assert delivery is not None
    return delivery


@pytest.mark.parametrize("readable", [True, False])
async def test_a_post_another_delivery_recorded_is_not_taken_for_this_ones(
    store: Store, readable: bool
) -> None:
    """Two outlets' same headline, queued together: the first is posted and recorded; the
    second's first attempt failed before Discord made anything (a timeout, a 500). Its resend
    must not take the first's post for its own: that would record it sent, never posted."""
    first, second = await queued(store, "story:a"), await queued(store, "story:b")
    made = made_after(second)
    await store.outbox.mark_sent(first.id, made, NOW, channel_id=FORUM)
    fake = FakeForum({made: post_name(HEADLINE)}, readable=readable)
    announcer = Announcer(fake, store, now=lambda: NOW)  # type: ignore[arg-type]
    found = await announcer.forum.post_before(FORUM, second, post_name(HEADLINE))
    assert found is None

    # Its own post, made before a kill and not yet recorded, is still found.
    own = made + 1
    fake.posts[own] = post_name(HEADLINE)
    assert await announcer.forum.post_before(FORUM, second, post_name(HEADLINE)) == own


async def test_its_own_post_archived_since_is_found(store: Store) -> None:
    """A post made before a kill, then archived (a forum's auto-archive after an outage's
    hours, or a moderator closing it) is no longer among the guild's active threads; the
    resend finds it among the forum's archived posts instead of making a second."""
    delivery = await queued(store, "story:a")
    made = made_after(delivery)
    fake = FakeForum(archived={made: post_name(HEADLINE)})
    announcer = Announcer(fake, store, now=lambda: NOW)  # type: ignore[arg-type]
    assert await announcer.forum.post_before(FORUM, delivery, post_name(HEADLINE)) == made


@dataclass
class FakeChannel:
    """A text channel's history as Discord pages it: the bot's posts, oldest first."""

    posts: list[int]
    user: Any = field(default_factory=lambda: discord.Object(ME))

    async def history(self, **_: Any) -> Any:
        embed = HEADLINE["embed"]
        for post_id in self.posts:
            yield Posted(
                post_id,
                discord.Object(ME),
                [discord.Embed(title=embed["title"], description=embed["description"])],
            )


@dataclass
class Posted:
    id: int
    author: discord.Object
    embeds: list[discord.Embed]


async def test_a_channel_post_another_delivery_recorded_is_not_taken_for_this_ones(
    store: Store,
) -> None:
    """The same in a text channel, past the few minutes Discord folds a repeated nonce: the
    second delivery's resend took the first's post, alike in its embed, for its own."""
    first, second = await queued(store, "story:a"), await queued(store, "story:b")
    made = made_after(second)
    await store.outbox.mark_sent(first.id, made, NOW, channel_id=FORUM)
    channel = FakeChannel([made])
    announcer = Announcer(channel, store, now=lambda: NOW)  # type: ignore[arg-type]
    assert await announcer._posted_before(channel, second) is None  # type: ignore[arg-type]
    channel.posts.append(made + 1)  # its own, made before a kill and not yet recorded
    found = await announcer._posted_before(channel, second)  # type: ignore[arg-type]
    assert found is not None and found.id == made + 1
