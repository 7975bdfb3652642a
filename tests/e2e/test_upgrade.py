"""A host upgrades: today's bot started on a store an older release of the bot wrote.

Each fixture in tests/fixtures/stores is a store that release's own bot made against its own
sandbox and loopback feeds, killed mid-drain with posts still queued (its README says how).
Today's bot is started on it against a sandbox and feed server serving the same feeds, plus a
new entry in each: news, and a story the old release posted, told again by the other outlet.
Nothing is lost (settings, feeds, filters, progress; every queued post goes out once) and
nothing is posted twice (what was sent, what the feeds still carry, what the old release
learned). The store is moved in time as a whole so that it was killed two minutes ago: a host
who stops, pulls and starts.
"""

from __future__ import annotations

import asyncio
import json
import re
import sqlite3
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.sandbox.driver import Sandbox, running_bot
from bot.store import Store
from bot.store.db import migrations
from tests.conftest import REPO
from tests.feedserver import FeedServer
from tests.fixtures.stores.make_store import A, B, rss

pytestmark = pytest.mark.e2e

STORES = sorted((REPO / "tests" / "fixtures" / "stores").glob("*.sql"))
NEW_ENTRY = "XO, Kitty season 4 delayed to 2027"
# The story the old release posted as "EXCLUSIVE: …", now told by the other outlet unmarked:
# one story, already posted (today's fingerprint reads a headline without its mark).
SAME_STORY = "XO, Kitty: everything we know about season 4 so far"
_WHEN = re.compile(r"\b\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]00:00)?")
_SNOWFLAKE = re.compile(r"\b\d{17,20}\b")


def sandbox_ids(sb: Sandbox) -> dict[str, int]:
    """Today's sandbox ids by the names make_store.py recorded."""
    ids = {"bot": sb.bot_id, "admin": sb.admin_id, "member": sb.member_id}
    for index, guild in enumerate(sb.guilds):
        ids[f"guild{index}"] = guild.id
        ids.update({f"guild{index}#{n}": c for n, c in guild.channels.items()})
        ids.update({f"guild{index}@{n}": r for n, r in guild.roles.items()})
    return ids


def shifted(when: str, shift: timedelta) -> str:
    """``when`` moved by ``shift``, written as it was (``Z``, an offset, or neither)."""
    moved = datetime.fromisoformat(when.replace(" ", "T").replace("Z", "+00:00")) + shift
    text = moved.isoformat(sep=when[10]).removesuffix("+00:00")
    if when.endswith("Z"):
        return text + "Z"
    return text + ("+00:00" if when.endswith("+00:00") else "")


def restore(dump: str, meta: dict[str, Any], sb: Sandbox, origin: str, shift: timedelta) -> str:
    """The old store as today's sandbox and feed server name things, ``shift`` later."""
    now_ids = sandbox_ids(sb)
    old_ids = {int(old): now_ids[name] for old, name in meta["ids"].items()}
    text = dump.replace(meta["origin"], origin)
    text = _SNOWFLAKE.sub(lambda m: str(old_ids.get(int(m[0]), m[0])), text)
    return _WHEN.sub(lambda m: shifted(m[0], shift), text)


def headline(embed: dict[str, Any]) -> str:
    return f"{embed.get('title')} | {embed.get('description')}"


def queued(database: Path) -> Counter[tuple[int, str]]:
    """The old release's posts not yet sent, by channel and headline."""
    with sqlite3.connect(database) as conn:
        rows = conn.execute("SELECT channel_id, payload FROM deliveries WHERE state != 'sent'")
        return Counter((channel, headline(json.loads(p)["embed"])) for channel, p in rows)


def heard(database: Path) -> set[tuple[int, str]]:
    """The stories the old release posted, by channel and headline (a sent post's text is
    not kept, since migration 0009)."""
    with sqlite3.connect(database) as conn:
        rows = conn.execute(
            "SELECT d.channel_id, s.title FROM deliveries d JOIN stories s ON s.id = d.story_id "
            "WHERE d.state = 'sent'"
        )
        return {(channel, title) for channel, title in rows}


def posted(sb: Sandbox, channels: list[int]) -> Counter[tuple[int, str]]:
    return Counter(
        (channel, headline(m.raw["embeds"][0]))
        for channel in channels
        for m in sb.messages(channel)
    )


async def until(what: str, check: Any, timeout: float = 60) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not check():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.1)


@pytest.mark.parametrize("dump", STORES, ids=lambda p: p.stem)
async def test_an_old_release_s_store_loses_nothing_and_posts_nothing_twice(
    dump: Path, tmp_path: Path
) -> None:
    text = dump.read_text("utf-8")  # noqa: ASYNC240 (a small file, before anything runs)
    meta = json.loads(dump.with_suffix(".json").read_text("utf-8"))
    killed = datetime.fromisoformat(meta["killed_at"])
    shift = timedelta(seconds=int((datetime.now(UTC) - killed).total_seconds()) - 120)
    database = tmp_path / "kissbot.db"
    async with FeedServer() as server, Sandbox(guilds=2) as sb:
        with sqlite3.connect(database) as conn:
            conn.executescript(restore(text, meta, sb, server.base_url, shift))
        before, told = queued(database), heard(database)
        assert before, "the fixture holds no queued post"
        one, two = sb.guilds
        channels = [one.channel("announcements"), two.channel("announcements")]

        feeds = meta["feeds"]
        for path, title in ((A, NEW_ENTRY), (B, SAME_STORY)):
            feeds[path].insert(
                0,
                {
                    "title": title,
                    "link": f"https://news.example{path.removesuffix('.xml')}/new",
                    "guid": f"{path}-new",
                    "published": (killed + timedelta(minutes=1)).isoformat(),
                },
            )
        for path in (A, B):  # new validators: a conditional GET must not be answered 304
            server.serve(path, rss(path, feeds[path], shift), etag='"after-the-upgrade"')
        feeds_file = tmp_path / "feeds.toml"
        feeds_file.write_text(f'[[feed]]\nurl = "{server.url(B)}"\n', "utf-8")

        async with running_bot(sb, tmp_path, feeds_file=feeds_file, feed_poll_seconds=1) as bot:

            def new_entry_everywhere() -> bool:
                return all(any(NEW_ENTRY in h for c, h in posted(sb, [ch])) for ch in channels)

            await until("the queued posts", lambda: not before - posted(sb, channels))
            await until("the new entry in both servers", new_entry_everywhere)
            await asyncio.sleep(4)  # several more polls and drains: anything extra shows
            status = await sb.invoke("status", user="member")
            store = bot.store
            assert isinstance(store, Store)
            settings = [await store.guilds.get(g.id) for g in sb.guilds]
            subs = {g.id: await store.feeds.for_guild(g.id) for g in sb.guilds}
            progress = await store.db.rows("SELECT * FROM watch_progress")
            version = await store.db.user_version()

        got = posted(sb, channels)
        new_posts = Counter({k: n for k, n in got.items() if NEW_ENTRY in k[1]})
        # The retold story goes only where the old release never posted it (an early one
        # told a story only to the servers of the feed that carried it first).
        retold = Counter({k: n for k, n in got.items() if k[1].endswith(f"| {SAME_STORY}")})
        assert got - new_posts - retold == before, "each queued post once, nothing sent again"
        assert all(n == 1 for n in new_posts.values()) and len(new_posts) == 2, new_posts
        for channel, _ in retold:
            assert not [t for c, t in told if c == channel and SAME_STORY in t], retold
        assert all(n == 1 for n in retold.values()), retold

        assert version == len(migrations())
        assert (settings[0].channel_id, settings[0].role_id, settings[0].mode) == (
            channels[0],
            one.role("News pings"),
            "all",
        )
        assert (settings[1].channel_id, settings[1].role_id, settings[1].mode) == (
            channels[1],
            two.role("News pings"),
            "changes",
        )
        # the second server's spelling of outlet A is the same feed now, its filter kept
        assert [(s.feed.url, s.exclude) for s in subs[one.id]] == [(server.url(A), ("Bridgerton",))]
        assert [s.feed.url for s in subs[two.id]] == [server.url(A)]
        if "watch_progress" in text:
            assert [(r["user_id"], r["season"], r["episode"]) for r in progress] == [
                (sb.member_id, 1, 4)
            ]
        assert "filming" in status.text.lower()
        assert "news.example/outlet-a" in status.text and "news.example/outlet-b" in status.text
