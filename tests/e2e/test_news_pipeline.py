"""The news pipeline end to end: loopback feeds → the real bot process → sandbox Discord.

Three outlets publish, in turn, a baseline, unrelated news, a filming rumour, the same
rumour again, the network's confirmation, a delay and the release. The announcement
channel must receive exactly the four changes, once each, in order, even though the bot
is SIGKILLed and restarted in the middle.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import AsyncIterator, Sequence
from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from bot.render.text import release_countdown, release_day
from bot.sandbox.driver import GuildIds, Sandbox, spawn_bot
from bot.store import Store
from tests.feedserver import FeedServer

pytestmark = pytest.mark.e2e

OUTLETS = ("/outlet-a.xml", "/outlet-b.xml", "/outlet-c.xml")


class Outlets:
    """Each outlet's feed grows item by item, like a real publisher's."""

    def __init__(self, server: FeedServer) -> None:
        self.server = server
        self.items: dict[str, list[str]] = {path: [] for path in OUTLETS}
        self.count = 0

    def publish(self, path: str, title: str, *, age: timedelta = timedelta(minutes=30)) -> None:
        self.count += 1
        when = format_datetime(datetime.now(UTC) - age, usegmt=True)
        self.items[path].insert(0, self._item(path, self.count, title, when))
        self._serve(path)

    def correct(self, path: str, number: int, title: str) -> None:
        """The outlet edits the headline of its ``number``-th item, under the same guid (its
        link, date and summary as they were)."""
        (at,) = [i for i, item in enumerate(self.items[path]) if f"<guid>{path}-{number}<" in item]
        when = self.items[path][at].split("<pubDate>")[1].split("</pubDate>")[0]
        self.items[path][at] = self._item(path, number, title, when)
        self.count += 1  # a new etag
        self._serve(path)

    @staticmethod
    def _item(path: str, number: int, title: str, when: str) -> str:
        return (
            f"<item><title>{escape(title)}</title>"
            f"<link>https://news.example{path.removesuffix('.xml')}/{number}</link>"
            f"<guid>{path}-{number}</guid><pubDate>{when}</pubDate>"
            "<description>Coverage from our entertainment desk.</description></item>"
        )

    def _serve(self, path: str) -> None:
        body = (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Outlet {path}</title><link>https://news.example/</link>"
            f"<description>TV news</description>{''.join(self.items[path])}</channel></rss>"
        )
        self.server.serve(path, body.encode(), etag=f'"{self.count}"')

    async def polled(self, *paths: str, times: int = 2, timeout: float = 30) -> None:
        """Wait until each outlet was fetched ``times`` more (one poll may have been in flight)."""
        targets = {p: self.server.hits(p) + times for p in paths or OUTLETS}
        deadline = asyncio.get_running_loop().time() + timeout
        while any(self.server.hits(p) < n for p, n in targets.items()):
            if asyncio.get_running_loop().time() > deadline:
                raise TimeoutError(
                    f"feeds not polled: { {p: self.server.hits(p) for p in targets} }"
                )
            await asyncio.sleep(0.1)


@contextlib.asynccontextmanager
async def bot_process(
    sb: Sandbox, tmp_path: Path, feeds_file: Path, *, crash: bool = False
) -> AsyncIterator[None]:
    """The bot in a child process, stopped as a host stops it (SIGTERM: its parse workers'
    pool is shut down and its semaphores freed, where a SIGKILL left the resource tracker
    warning of them); with ``crash``, SIGKILLed, whatever it was doing."""
    proc = await spawn_bot(
        sb,
        {"FEEDS_FILE": str(feeds_file), "FEED_POLL_SECONDS": "1", "LOG_LEVEL": "WARNING"},
        database_path=tmp_path / "kissbot.db",
    )
    try:
        yield
    finally:
        if proc.returncode is None:
            proc.send_signal(signal.SIGKILL if crash else signal.SIGTERM)
        try:
            stopped = await asyncio.wait_for(proc.wait(), 20)
        finally:
            if proc.returncode is None:
                proc.kill()
                await proc.wait()
        assert crash or stopped == 0


async def announcing(
    sb: Sandbox,
    server: FeedServer,
    tmp_path: Path,
    paths: Sequence[str],
    guild: GuildIds | None = None,
) -> tuple[Path, int]:
    """A shared feed list of ``paths`` and a store where ``guild`` (the first, where the
    commands are synced) announces in #announcements: (the list's file, that channel)."""
    feeds_file = tmp_path / "feeds.toml"
    feeds_file.write_text("".join(f'[[feed]]\nurl = "{server.url(p)}"\n' for p in paths), "utf-8")
    guild = guild or sb.guild
    channel = guild.channels["announcements"]
    store = await Store.open(tmp_path / "kissbot.db")
    await store.migrate()
    await store.guilds.update(guild.id, channel_id=channel)
    await store.close()
    return feeds_file, channel


@contextlib.asynccontextmanager
async def one_outlet(
    server: FeedServer, sb: Sandbox, tmp_path: Path
) -> AsyncIterator[tuple[Outlets, int]]:
    """One outlet, a guild announcing it, and the bot running past the outlet's first poll (a
    baseline of unrelated news): (the outlets, the announcing channel)."""
    outlets = Outlets(server)
    feeds_file, channel = await announcing(sb, server, tmp_path, OUTLETS[:1])
    outlets.publish(OUTLETS[0], "Bridgerton season 5 starts filming in London")
    async with bot_process(sb, tmp_path, feeds_file):
        await outlets.polled(OUTLETS[0])
        yield outlets, channel


async def settle(sb: Sandbox, channel: int, expected: int, timeout: float = 20) -> list[str]:
    """Wait for ``expected`` posts, then a little longer to catch any extra one."""
    deadline = asyncio.get_running_loop().time() + timeout
    while len(sb.messages(channel)) < expected and asyncio.get_running_loop().time() < deadline:
        await asyncio.sleep(0.1)
    await asyncio.sleep(1.5)
    return [describe(m.raw) for m in sb.messages(channel)]


async def tell(
    outlets: Outlets, sb: Sandbox, channel: int, title: str, posts: int, timeout: float = 20
) -> list[str]:
    """The one outlet publishes ``title``; the posts once its poll has brought ``posts``."""
    outlets.publish(OUTLETS[0], title)
    await outlets.polled(OUTLETS[0])
    return await settle(sb, channel, posts, timeout)


async def premiere_on(day: date, outlets: Outlets, sb: Sandbox, channel: int) -> None:
    """The one outlet gives season 4's premiere day, and it is posted."""
    spelt = f"{day:%B} {day.day}, {day.year}"
    await tell(outlets, sb, channel, f"XO, Kitty season 4 premieres {spelt}", 1)


def describe(raw: dict[str, object]) -> str:
    embed = (raw.get("embeds") or [{}])[0]  # type: ignore[index]
    fields = {f["name"]: f["value"] for f in embed.get("fields", [])}
    return f"{embed.get('title')} [{fields.get('Certainty')}]"


async def test_each_status_change_is_announced_once_in_order_across_a_crash(
    tmp_path: Path,
) -> None:
    async with FeedServer() as server, Sandbox(guilds=2) as sb:
        outlets = Outlets(server)
        feeds_file = tmp_path / "feeds.toml"
        feeds_file.write_text(
            "".join(f'[[feed]]\nurl = "{server.url(p)}"\n' for p in OUTLETS), "utf-8"
        )
        channel = sb.guild.channels["announcements"]
        role = sb.guild.roles["News pings"]
        store = await Store.open(tmp_path / "kissbot.db")
        await store.migrate()
        await store.guilds.update(sb.guild.id, channel_id=channel, role_id=role)
        await store.close()
        quiet_channel = sb.guilds[1].channels["announcements"]  # guild 2 never ran /setup

        # Baseline: old news, even status news, is history on a feed's first poll.
        outlets.publish(OUTLETS[0], "Netflix confirms XO, Kitty season 4 release date")
        outlets.publish(OUTLETS[1], "XO, Kitty renewed for a fourth season at Netflix")
        outlets.publish(OUTLETS[2], "Bridgerton season 5 starts filming in London")

        stack = contextlib.AsyncExitStack()
        await stack.enter_async_context(bot_process(sb, tmp_path, feeds_file, crash=True))
        await outlets.polled(times=2)
        assert await settle(sb, channel, 0, timeout=0) == []

        # Unrelated news and an explainer: nothing.
        outlets.publish(OUTLETS[2], "Stranger Things season 5 trailer breaks records")
        outlets.publish(OUTLETS[1], "XO, Kitty: everything we know about season 4 so far")
        await outlets.polled(OUTLETS[1], OUTLETS[2])
        assert await settle(sb, channel, 0, timeout=0) == []

        # A filming rumour: the first change.
        outlets.publish(OUTLETS[0], "XO, Kitty season 4 reportedly set to begin filming in Seoul")
        await outlets.polled(OUTLETS[0])
        posts = await settle(sb, channel, 1)
        assert posts == ["XO, Kitty season 4: filming [Rumoured]"]

        # The same rumour from two more outlets: one more source, not one more post.
        outlets.publish(
            OUTLETS[1], "XO, Kitty Season 4 Reportedly Set to Begin Filming in Seoul - Variety"
        )
        outlets.publish(OUTLETS[2], "Report: XO, Kitty season 4 could start filming this spring")
        await outlets.polled(OUTLETS[1], OUTLETS[2])
        assert len(await settle(sb, channel, 1)) == 1

        # The network confirms, and the bot is SIGKILLed at once, whatever it was doing.
        outlets.publish(OUTLETS[0], "Netflix confirms XO, Kitty season 4 has started filming")
        await outlets.polled(OUTLETS[0], times=1)
        await stack.aclose()  # SIGKILL
        stack = contextlib.AsyncExitStack()
        await stack.enter_async_context(bot_process(sb, tmp_path, feeds_file))
        await sb.wait_for_identify(2)
        posts = await settle(sb, channel, 2)
        assert posts[1] == "XO, Kitty season 4: filming [Confirmed]"

        # A delay, then the release.
        outlets.publish(OUTLETS[1], "XO, Kitty season 4 delayed to 2027")
        await outlets.polled(OUTLETS[1])
        await settle(sb, channel, 3)
        outlets.publish(OUTLETS[2], "XO, Kitty season 4 is now streaming on Netflix")
        await outlets.polled(OUTLETS[2])
        posts = await settle(sb, channel, 4)
        # /status now leads with the season the news taught us, with its sources.
        status = await sb.invoke("status", user="member")
        await stack.aclose()

        assert posts == [
            "XO, Kitty season 4: filming [Rumoured]",
            "XO, Kitty season 4: filming [Confirmed]",
            "XO, Kitty season 4: delayed to 2027 [Reported]",
            "XO, Kitty season 4: released [Reported]",
        ]
        messages = sb.messages(channel)
        assert all(m.pinged_roles == (role,) and not m.pinged_everyone for m in messages)
        assert sb.messages(quiet_channel) == []
        assert "4" in status.embeds[0]["title"]
        assert "news.example/outlet-a" in status.text and "news.example/outlet-c" in status.text


async def test_news_of_two_seasons_is_one_post_naming_both(tmp_path: Path) -> None:
    """'Renews it for seasons 4 and 5' is one post naming both seasons (it was titled for
    season 4 alone); another outlet's word of season 5 alone posts nothing more, even across
    a restart; /status for season 5 shows the renewal with the article as its source."""
    async with FeedServer() as server, Sandbox() as sb:
        outlets = Outlets(server)
        feeds_file, channel = await announcing(sb, server, tmp_path, OUTLETS[:2])
        outlets.publish(OUTLETS[0], "Stranger Things season 5 trailer breaks records")
        outlets.publish(OUTLETS[1], "Bridgerton season 5 starts filming in London")

        async with bot_process(sb, tmp_path, feeds_file):
            await outlets.polled(*OUTLETS[:2])
            outlets.publish(OUTLETS[0], "Netflix renews XO, Kitty for seasons 4 and 5")
            await outlets.polled(OUTLETS[0])
            posts = await settle(sb, channel, 1)
        async with bot_process(sb, tmp_path, feeds_file):  # a restart posts nothing again
            await sb.wait_for_identify(2)
            outlets.publish(OUTLETS[1], "Netflix renews XO, Kitty for season 5")
            await outlets.polled(OUTLETS[1])
            after = await settle(sb, channel, 2, timeout=3)
            status = await sb.invoke("status", {"season": 5}, user="member")

        assert posts == after == ["XO, Kitty seasons 4 and 5: renewed [Confirmed]"]
        assert status.embeds[0]["title"] == "XO, Kitty: season 5 status"
        (renewed,) = [
            line for line in status.embeds[0]["description"].splitlines() if "Renewed" in line
        ]
        assert "confirmed" in renewed and "news.example/outlet-a/3" in renewed


async def test_a_final_season_announced_leaves_that_season_to_come(tmp_path: Path) -> None:
    """'XO, Kitty will end with season 4': it was posted as "season 4: cancelled" and
    /status said season 4 was cancelled, though it is the last season, still to come; the
    season that will not come is the fifth."""
    async with FeedServer() as server, Sandbox() as sb:
        async with one_outlet(server, sb, tmp_path) as (outlets, channel):
            outlets.publish(OUTLETS[0], "Netflix renews XO, Kitty for season 4")
            await outlets.polled(OUTLETS[0])
            outlets.publish(OUTLETS[0], "XO, Kitty will end with season 4, Netflix announces")
            await outlets.polled(OUTLETS[0])
            posts = await settle(sb, channel, 2)
            fourth = await sb.invoke("status", {"season": 4}, user="member")
            fifth = await sb.invoke("status", {"season": 5}, user="member")

        assert posts == [
            "XO, Kitty season 4: renewed [Confirmed]",
            "XO, Kitty season 5: cancelled [Confirmed]",
        ]
        head = fourth.embeds[0]["description"].splitlines()[0]
        assert "cancelled" not in head and "renewed" in head.lower()
        assert fifth.embeds[0]["description"].startswith("Season 5 was cancelled (confirmed).")


async def test_a_delay_to_a_day_is_posted_and_shown_with_that_day(tmp_path: Path) -> None:
    """ "XO, Kitty season 4 delayed to <day>" was posted with no date, and /status said only
    that the premiere date given before had been overtaken: fans were never told the new day.
    The post now carries it, and /status says it after the date it replaced (which keeps no
    countdown)."""
    today = datetime.now(UTC).date()
    first, moved = today + timedelta(days=60), today + timedelta(days=120)

    def spelt(day: date) -> str:
        return f"{day:%B} {day.day}, {day.year}"

    async with FeedServer() as server, Sandbox() as sb:
        async with one_outlet(server, sb, tmp_path) as (outlets, channel):
            await tell(outlets, sb, channel, f"XO, Kitty season 4 premieres {spelt(first)}", 1)
            posts = await tell(
                outlets, sb, channel, f"XO, Kitty season 4 delayed to {spelt(moved)}", 2
            )
            status = await sb.invoke("status", {"season": 4}, user="member")

        assert posts[1] == "XO, Kitty season 4: delayed [Reported]"
        embed = sb.messages(channel)[1].raw["embeds"][0]  # type: ignore[index]
        fields = {f["name"]: f["value"] for f in embed["fields"]}
        assert fields["Date"] == f"{release_day(moved)} ({release_countdown(moved)})"
        head = status.embeds[0]["description"].splitlines()[0]
        assert head == (
            f"Season 4 was set for {release_day(first)} (reported), but a delay has since been "
            f"reported: now {release_day(moved)}, {release_countdown(moved)}."
        )


async def test_a_delay_away_from_the_day_a_delay_named_is_posted_and_takes_the_day(
    tmp_path: Path,
) -> None:
    """ "Delayed to <day>", then "<day> premiere postponed": the second was read as the first
    retold, so nothing was posted and /status kept counting down to the day the season left.
    It is the premiere delayed again: posted once (a later retelling is a source), and
    /status shows no day."""
    moved = datetime.now(UTC).date() + timedelta(days=120)
    spelt = f"{moved:%B} {moved.day}, {moved.year}"

    async with FeedServer() as server, Sandbox() as sb:
        async with one_outlet(server, sb, tmp_path) as (outlets, channel):
            await tell(outlets, sb, channel, f"XO, Kitty season 4 delayed to {spelt}", 1)
            await tell(outlets, sb, channel, f"XO, Kitty season 4 premiere on {spelt} postponed", 2)
            posts = await tell(
                outlets, sb, channel, f"XO, Kitty season 4's {spelt} premiere delayed", 3, timeout=5
            )
            status = await sb.invoke("status", {"season": 4}, user="member")

        assert posts == ["XO, Kitty season 4: delayed [Reported]"] * 2
        second = sb.messages(channel)[1].raw["embeds"][0]  # type: ignore[index]
        assert "Date" not in {f["name"] for f in second.get("fields", [])}
        shown = status.embeds[0]["description"]
        assert "delay" in shown.lower(), shown
        assert release_day(moved) not in shown and release_countdown(moved) not in shown, shown


async def test_a_delay_to_a_year_is_posted_with_it_and_takes_the_day(tmp_path: Path) -> None:
    """ "XO, Kitty season 4 pushed to <next year>" after a dated premiere was posted as
    "delayed" with no date, and /status went on naming the old day: a delay naming only a
    year was no date. The post says the year, and /status the season is expected then, with
    no countdown to the day that no longer holds."""
    first = datetime.now(UTC).date() + timedelta(days=30)
    year = first.year + 1

    async with FeedServer() as server, Sandbox() as sb:
        async with one_outlet(server, sb, tmp_path) as (outlets, channel):
            await premiere_on(first, outlets, sb, channel)
            posts = await tell(outlets, sb, channel, f"XO, Kitty season 4 pushed to {year}", 2)
            status = await sb.invoke("status", {"season": 4}, user="member")

        assert posts[1] == f"XO, Kitty season 4: delayed to {year} [Reported]"
        embed = sb.messages(channel)[1].raw["embeds"][0]  # type: ignore[index]
        fields = {f["name"]: f["value"] for f in embed["fields"]}
        assert fields["Date"] == f"{year} (no day given)"
        shown = status.embeds[0]["description"]
        assert shown.splitlines()[0] == (
            f"Season 4 was set for {release_day(first)} (reported), but a delay has since been "
            f"reported: now expected in {year}."
        )
        assert release_countdown(first) not in shown, shown
        assert f"⏳ **Delayed**: {year} · reported" in shown, shown


async def test_a_window_moved_later_is_posted_once_as_a_delay_to_its_year(
    tmp_path: Path,
) -> None:
    """ "XO, Kitty season 4 now expected in early <next year>" after a dated premiere gave no
    milestone: the move went unposted and /status kept the old day. It is a delay to that
    year, posted once; another outlet's "now expected in <year> rather than late <this
    year>" retells it and posts nothing."""
    first = datetime.now(UTC).date() + timedelta(days=30)
    year = first.year + 1

    async with FeedServer() as server, Sandbox() as sb:
        async with one_outlet(server, sb, tmp_path) as (outlets, channel):
            await premiere_on(first, outlets, sb, channel)
            moved = f"XO, Kitty season 4 now expected in early {year}"
            await tell(outlets, sb, channel, moved, 2)
            again = (
                f"XO, Kitty season 4 release now expected in {year} rather than late {first.year}"
            )
            posts = await tell(outlets, sb, channel, again, 3, timeout=4)
            status = await sb.invoke("status", {"season": 4}, user="member")

        assert posts[1:] == [f"XO, Kitty season 4: delayed to {year} [Reported]"]
        shown = status.embeds[0]["description"]
        assert f"now expected in {year}." in shown.splitlines()[0], shown
        assert release_countdown(first) not in shown, shown


async def test_two_dates_in_one_poll_are_posted_as_sources_that_differ(tmp_path: Path) -> None:
    """One poll brought two outlets' premiere days, told as surely: the second was posted
    'Date changed', though nothing moved. It is posted as the sources differing, naming the
    first day too, as /status says it."""
    today = datetime.now(UTC).date()
    first, other = today + timedelta(days=60), today + timedelta(days=67)

    def spelt(day: date) -> str:
        return f"{day:%B} {day.day}, {day.year}"

    async with FeedServer() as server, Sandbox() as sb:
        older = timedelta(minutes=40)
        async with one_outlet(server, sb, tmp_path) as (outlets, channel):
            outlets.publish(OUTLETS[0], f"XO, Kitty season 4 premieres {spelt(first)}", age=older)
            outlets.publish(OUTLETS[0], f"Report: XO, Kitty season 4 premieres {spelt(other)}")
            await outlets.polled(OUTLETS[0])
            posts = await settle(sb, channel, 2)
            status = await sb.invoke("status", {"season": 4}, user="member")
            raw = [m.raw for m in sb.messages(channel)]

    assert [p.split(" [")[0] for p in posts] == [
        "XO, Kitty season 4: release date set",
        "XO, Kitty season 4: release date set — sources differ",
    ]
    fields = {f["name"]: f["value"] for f in raw[1]["embeds"][0]["fields"]}
    assert fields["What changed"] == "Sources differ"
    assert fields["Other sources say"] == release_day(first)
    assert "sources differ" in status.embeds[0]["description"]


async def test_a_start_confirmed_after_the_wrap_is_no_post(tmp_path: Path) -> None:
    """'Filming wrapped' (reported), then 'Netflix confirms season 4 has started filming':
    the channel was told, as 'New', of a shoot starting after it had been told it wrapped.
    The confirmation is a source: no post, and /status shows filming begun, confirmed."""
    sure = "Netflix confirms XO, Kitty season 4 has started filming"
    async with (
        FeedServer() as server,
        Sandbox() as sb,
        one_outlet(server, sb, tmp_path) as (outlets, channel),
    ):
        await tell(outlets, sb, channel, "XO, Kitty season 4 has wrapped filming", 1)
        posts = await tell(outlets, sb, channel, sure, 2, timeout=4)
        status = await sb.invoke("status", {"season": 4}, user="member")

    assert posts == ["XO, Kitty season 4: filming wrapped [Reported]"]
    (filming,) = [
        line
        for line in status.embeds[0]["description"].splitlines()
        if "Filming" in line and "wrapped" not in line.lower()
    ]
    assert "confirmed" in filming.lower()


async def test_sources_that_differ_reach_a_server_set_up_later_naming_the_other_day(
    tmp_path: Path,
) -> None:
    """Outlet A gave two premiere days in one poll; a server set up after that heard the
    second from outlet B, as 'release date set — sources differ' with no word of the day
    the other sources say, its one post of the premiere date. It names that day too."""
    today = datetime.now(UTC).date()
    first, other = today + timedelta(days=60), today + timedelta(days=67)

    def spelt(day: date) -> str:
        return f"{day:%B} {day.day}, {day.year}"

    async with FeedServer() as server, Sandbox() as sb:
        outlets = Outlets(server)
        # the first guild, where the bot syncs its commands, is the one set up later
        first_on = sb.guilds[1]
        feeds_file, channel = await announcing(sb, server, tmp_path, OUTLETS[:2], first_on)
        for path in OUTLETS[:2]:
            outlets.publish(path, "Bridgerton season 5 starts filming in London")
        async with bot_process(sb, tmp_path, feeds_file):
            await outlets.polled(*OUTLETS[:2])
            older = timedelta(minutes=40)
            outlets.publish(OUTLETS[0], f"XO, Kitty season 4 premieres {spelt(first)}", age=older)
            outlets.publish(OUTLETS[0], f"Report: XO, Kitty season 4 premieres {spelt(other)}")
            await outlets.polled(OUTLETS[0])
            assert len(await settle(sb, channel, 2)) == 2
            theirs = sb.guild.channel("announcements")
            await sb.invoke("setup", {"channel": "announcements"}, subcommand="channel")
            outlets.publish(OUTLETS[1], f"XO, Kitty season 4 premieres {spelt(other)}, says B")
            await outlets.polled(OUTLETS[1])
            posts = await settle(sb, theirs, 1)
            raw = [m.raw for m in sb.messages(theirs)]
            assert len(sb.messages(channel)) == 2  # the first server heard it already

    assert [p.split(" [")[0] for p in posts] == [
        "XO, Kitty season 4: release date set — sources differ"
    ]
    fields = {f["name"]: f["value"] for f in raw[0]["embeds"][0]["fields"]}
    assert fields["What changed"] == "Sources differ"
    assert fields["Other sources say"] == release_day(first)


async def test_an_older_date_read_after_a_delay_leaves_the_delay_standing(
    tmp_path: Path,
) -> None:
    """Outlet A: 'premieres June 5', then 'delayed to August 14'; outlet B's story telling
    June 12, out before either was told, read after them: it was posted 'Date changed' and
    /status went back to June 12 over the delay. It is no post; /status keeps August 14."""
    today = datetime.now(UTC).date()
    first, other, moved = (today + timedelta(days=d) for d in (60, 67, 120))

    def spelt(day: date) -> str:
        return f"{day:%B} {day.day}, {day.year}"

    async with FeedServer() as server, Sandbox() as sb:
        outlets = Outlets(server)
        feeds_file, channel = await announcing(sb, server, tmp_path, OUTLETS[:2])
        for path in OUTLETS[:2]:
            outlets.publish(path, "Bridgerton season 5 starts filming in London")
        async with bot_process(sb, tmp_path, feeds_file):
            await outlets.polled(*OUTLETS[:2])
            now = timedelta(0)
            outlets.publish(OUTLETS[0], f"XO, Kitty season 4 premieres {spelt(first)}", age=now)
            await outlets.polled(OUTLETS[0])
            await settle(sb, channel, 1)
            delay = f"XO, Kitty season 4 delayed to {spelt(moved)}"
            outlets.publish(OUTLETS[0], delay, age=now)
            await outlets.polled(OUTLETS[0])
            await settle(sb, channel, 2)
            late = f"Report: XO, Kitty season 4 premieres {spelt(other)}"
            outlets.publish(OUTLETS[1], late, age=timedelta(minutes=30))
            await outlets.polled(OUTLETS[1])
            posts = await settle(sb, channel, 3, timeout=4)
            status = await sb.invoke("status", {"season": 4}, user="member")

    assert [p.split(" [")[0] for p in posts] == [
        "XO, Kitty season 4: release date set",
        "XO, Kitty season 4: delayed",
    ]
    shown = status.embeds[0]["description"].splitlines()[0]
    assert release_countdown(moved) in shown and release_countdown(other) not in shown, shown


async def test_a_headline_corrected_under_its_guid_posts_its_renewal_once(tmp_path: Path) -> None:
    """An outlet posts "Netflix eyes XO, Kitty season 4" (no news), then corrects it under the
    same guid to "Netflix renews XO, Kitty for season 4": the renewal was never heard, the
    guid being seen. It is posted once, with the article as its source; later polls, a
    restart and the headline flipping back and forth post nothing more."""
    eyes, renews = "Netflix eyes XO, Kitty season 4", "Netflix renews XO, Kitty for season 4"
    async with FeedServer() as server, Sandbox() as sb:
        outlets = Outlets(server)
        feeds_file, channel = await announcing(sb, server, tmp_path, OUTLETS[:1])
        outlets.publish(OUTLETS[0], "Bridgerton season 5 starts filming in London")
        async with bot_process(sb, tmp_path, feeds_file):
            await outlets.polled(OUTLETS[0])
            await tell(outlets, sb, channel, eyes, 0, timeout=0)
            outlets.correct(OUTLETS[0], 2, renews)
            await outlets.polled(OUTLETS[0])
            posts = await settle(sb, channel, 1)
        async with bot_process(sb, tmp_path, feeds_file):  # a restart posts nothing again
            await sb.wait_for_identify(2)
            await outlets.polled(OUTLETS[0])
            for title in (eyes, renews):
                outlets.correct(OUTLETS[0], 2, title)
                await outlets.polled(OUTLETS[0])
            after = await settle(sb, channel, 2, timeout=3)
            status = await sb.invoke("status", {"season": 4}, user="member")

    assert posts == after == ["XO, Kitty season 4: renewed [Confirmed]"]
    embed = sb.messages(channel)[0].raw["embeds"][0]  # type: ignore[index]
    assert "news.example/outlet-a/2" in str(embed)
    (renewed,) = [
        line for line in status.embeds[0]["description"].splitlines() if "Renewed" in line
    ]
    assert "news.example/outlet-a/2" in renewed


async def test_a_stopped_bot_leaves_the_resource_tracker_nothing_to_clean_up(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """The bot parses feeds in a pool of worker processes, whose queues hold named
    semaphores. Ended with a SIGKILL at each test's end, it left them to multiprocessing's
    resource tracker, which warned of 5 leaked semaphores after every run. Stopped as a
    host stops it, the bot shuts its pool down and exits 0, nothing left to clean up."""
    async with FeedServer() as server, Sandbox() as sb, one_outlet(server, sb, tmp_path):
        pass  # past a poll: the pool is up
    await asyncio.sleep(3)  # the tracker ends once the bot and its workers are gone
    assert "leaked semaphore" not in capfd.readouterr().err
