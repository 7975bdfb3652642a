"""ingest(): the pipeline's decisions on a real store, one poll at a time."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Any

import pytest

from bot.catalog import PartialDate, Season
from bot.domain.status import moved_day, season_status, standing_date
from bot.news.models import Article, Certainty, Milestone
from bot.news.pipeline import NewsDeps, change_key, ingest, told_post
from bot.render.text import release_day
from bot.store.feeds import Feed
from bot.store.guilds import GuildSettings
from tests.conftest import NOW, article


async def primed_feed(
    deps: NewsDeps, url: str = "https://e.org/feed", *, shared: bool = True, **guilds: str
) -> Feed:
    """A feed followed by the guilds named, each with a channel, whose first poll (the
    baseline) is behind it. Shared (every guild with a channel hears it): its news is every
    server's, which the later feeds here are judged against; else the named guilds' own."""
    feed = await deps.store.feeds.add(url, shared=shared)
    for n, mode in enumerate(guilds.values(), start=1):
        await deps.store.guilds.update(n, channel_id=n * 10, mode=mode)
        await deps.store.feeds.subscribe(n, feed.id, None)
    await ingest(deps, feed, [], NOW)
    primed = await deps.store.feeds.get(feed.id)
    assert primed is not None and primed.primed
    return primed


async def second_feed(deps: NewsDeps, guild_id: int) -> Feed:
    """Another feed, followed by ``guild_id`` alone, its baseline poll behind it."""
    feed = await deps.store.feeds.add("https://other.org/feed")
    await deps.store.feeds.subscribe(guild_id, feed.id, None)
    await ingest(deps, feed, [], NOW)
    primed = await deps.store.feeds.get(feed.id)
    assert primed is not None
    return primed


async def queued(deps: NewsDeps) -> list[tuple[int, str]]:
    return [(d.guild_id, d.message["embed"]["title"]) for d in await deps.store.outbox.due(NOW, 99)]


async def test_first_poll_is_baseline_and_later_polls_skip_seen_keys(deps: NewsDeps) -> None:
    feed = await deps.store.feeds.add("https://e.org/feed")
    await deps.store.guilds.update(1, channel_id=10)
    await deps.store.feeds.subscribe(1, feed.id, None)
    rumour = article("a", "XO, Kitty season 4 reportedly set to begin filming in Seoul")
    report = await ingest(deps, feed, [rumour], NOW)
    assert report.verdicts == {"baseline": 1} and await queued(deps) == []
    primed = await deps.store.feeds.get(feed.id)
    assert primed is not None
    again = await ingest(deps, primed, [rumour], NOW)
    assert sum(again.verdicts.values()) == 0 and await queued(deps) == []


async def test_a_change_is_queued_once_and_a_repeat_is_one_more_source(deps: NewsDeps) -> None:
    feed = await primed_feed(deps, a="changes", b="changes")
    first = await ingest(deps, feed, [article("a", "Netflix renews XO, Kitty for season 4")], NOW)
    assert first.verdicts == {"change": 1} and first.queued == 2
    same = article("b", "XO, Kitty renewed for season 4 at Netflix")
    second = await ingest(deps, feed, [same], NOW)
    assert second.verdicts == {"not_change": 1} and second.queued == 0  # less certain
    assert await queued(deps) == [
        (1, "XO, Kitty season 4: renewed"),
        (2, "XO, Kitty season 4: renewed"),
    ]
    events = await deps.store.news.learned_events("xo-kitty", 4)
    assert len(events) == 2  # both outlets are kept as sources


async def test_raised_certainty_is_a_change(deps: NewsDeps) -> None:
    feed = await primed_feed(deps, a="changes")
    rumour = article("a", "XO, Kitty season 4 reportedly set to begin filming")
    confirmed = article("b", "Netflix confirms XO, Kitty season 4 has started filming")
    assert (await ingest(deps, feed, [rumour], NOW)).verdicts == {"change": 1}
    assert (await ingest(deps, feed, [confirmed], NOW)).verdicts == {"change": 1}
    (_, r), (_, c) = [(d.id, d.message) for d in await deps.store.outbox.due(NOW, 9)]
    certainty = [{f["name"]: f["value"] for f in m["embed"]["fields"]}["Certainty"] for m in (r, c)]
    assert certainty == ["Rumoured", "Confirmed"]


async def test_old_unrelated_and_known_news_never_post(deps: NewsDeps) -> None:
    feed = await primed_feed(deps, a="all")
    report = await ingest(
        deps,
        feed,
        [
            article("old", "Netflix renews XO, Kitty for season 4", minutes=60 * 24 * 30),
            article("other", "Bridgerton season 5 starts filming in London"),
            # The pack dates season 3's renewal to February 2025: a mention now is old news.
            article("known", "XO, Kitty renewed for season 3"),
        ],
        NOW,
    )
    assert report.verdicts == {"too_old": 1, "not_about_show": 1, "not_news": 1}
    assert await queued(deps) == [(1, "XO, Kitty news")]  # "all" mode: the story, as news


async def test_an_undated_entry_is_read_as_of_the_poll(deps: NewsDeps) -> None:
    feed = await primed_feed(deps, a="changes")
    wrap = article("a", "XO, Kitty season 4 wrapped filming in 2024, the star says")
    undated = replace(wrap, published=None)
    report = await ingest(deps, feed, [undated], NOW)
    assert report.verdicts == {"not_news": 1} and await queued(deps) == []


async def test_all_mode_posts_each_story_once_across_outlets(deps: NewsDeps) -> None:
    feed_a = await primed_feed(deps, a="all")
    feed_b = await second_feed(deps, 1)
    await ingest(deps, feed_a, [article("a", "XO, Kitty star Anna Cathcart talks fashion")], NOW)
    await ingest(deps, feed_b, [article("b", "XO, Kitty Star Anna Cathcart Talks Fashion")], NOW)
    assert await queued(deps) == [(1, "XO, Kitty news")]


async def test_all_mode_story_first_carried_by_another_guilds_feed(deps: NewsDeps) -> None:
    """A story is new to each guild: guild 2 gets it from its own feed although guild 1's
    feed carried it first."""
    feed_a = await primed_feed(deps, a="all")
    feed_b = await second_feed(deps, 2)
    await ingest(deps, feed_a, [article("a", "XO, Kitty star Anna Cathcart talks fashion")], NOW)
    await deps.store.guilds.update(2, channel_id=20, mode="all")  # set up since
    report = await ingest(
        deps, feed_b, [article("b", "XO, Kitty Star Anna Cathcart Talks Fashion")], NOW
    )
    assert report.verdicts == {"duplicate_story": 1} and report.queued == 1
    assert await queued(deps) == [(1, "XO, Kitty news"), (2, "XO, Kitty news")]


async def test_guild_filters_and_modes_pick_the_audience(deps: NewsDeps) -> None:
    feed = await primed_feed(deps, a="changes", b="all")
    await deps.store.feeds.set_filter(1, feed.id, "", "renews")
    await ingest(deps, feed, [article("a", "Netflix renews XO, Kitty for season 4")], NOW)
    await ingest(deps, feed, [article("b", "XO, Kitty cast visit Seoul market")], NOW)
    assert await queued(deps) == [
        (2, "XO, Kitty season 4: renewed"),
        (2, "XO, Kitty news"),
    ]


async def test_a_moved_release_date_is_a_change_and_the_same_date_is_not(deps: NewsDeps) -> None:
    feed = await primed_feed(deps, a="changes")
    dated = article("a", "XO, Kitty season 4 premieres March 5, 2027 on Netflix")
    # published after March 5 was told: a move (one out by then is a source that differs)
    moved = article("b", "XO, Kitty season 4 premieres April 9, 2027", minutes=-50)
    same = article("c", "XO, Kitty season 4 premieres April 9, 2027, Deadline says", -50)
    later = NOW + timedelta(hours=1)
    assert (await ingest(deps, feed, [dated], NOW)).verdicts == {"change": 1}
    assert (await ingest(deps, feed, [moved], later)).verdicts == {"change": 1}
    assert (await ingest(deps, feed, [same], later)).verdicts == {"repeat": 1}
    kinds = [
        {f["name"]: f["value"] for f in d.message["embed"]["fields"]}["What changed"]
        for d in await deps.store.outbox.due(NOW, 9)
    ]
    assert kinds == ["New", "Date changed"]


async def test_a_change_reaches_a_guild_from_the_only_feed_it_follows(deps: NewsDeps) -> None:
    """Guild 2 follows only feed B, which reports the change after feed A: it hears it
    from B, once; guild 1, which heard it from A, is not told again."""
    feed_a = await primed_feed(deps, a="changes")
    feed_b = await second_feed(deps, 2)
    await ingest(deps, feed_a, [article("a", "Netflix renews XO, Kitty for season 4")], NOW)
    await deps.store.guilds.update(2, channel_id=20)  # set up since: it missed feed A's post
    later = [article("b", "XO, Kitty: Netflix renews the K-drama for season 4")]
    report = await ingest(deps, feed_b, later, NOW)
    assert report.verdicts == {"repeat": 1} and report.queued == 1
    again = [article("c", "XO, Kitty officially renewed for a fourth season")]
    assert (await ingest(deps, feed_b, again, NOW)).queued == 0
    deliveries = await deps.store.outbox.due(NOW, 9)
    assert [(d.guild_id, d.message["embed"]["title"]) for d in deliveries] == [
        (1, "XO, Kitty season 4: renewed"),
        (2, "XO, Kitty season 4: renewed"),
    ]
    change = await deps.store.news.latest_change("xo-kitty", 4, Milestone.RENEWED)
    assert change is not None and change.kind == "new_milestone"  # feed A's report
    assert await deps.store.outbox.has(2, change_key(change.id))  # one change, told twice
    assert "K-drama" in deliveries[1].message["embed"]["description"]  # B's own article


async def test_a_repeat_never_tells_less_or_stale_news(deps: NewsDeps) -> None:
    """A less certain repeat, or one of a change older than the news window, stays a source."""
    feed_a = await primed_feed(deps, a="changes")
    feed_b = await second_feed(deps, 2)
    confirmed = article("a", "Netflix confirms XO, Kitty season 4 has started filming")
    await ingest(deps, feed_a, [confirmed], NOW)
    rumour = article("b", "XO, Kitty season 4 reportedly set to begin filming")
    assert (await ingest(deps, feed_b, [rumour], NOW)).verdicts == {"not_change": 1}
    await ingest(deps, feed_a, [article("c", "Netflix renews XO, Kitty for season 4")], NOW)
    await deps.store.guilds.update(2, channel_id=20)  # set up since: it missed feed A's posts
    weeks_later = NOW + timedelta(days=15)
    late = article("d", "XO, Kitty officially renewed for season 4", minutes=-15 * 24 * 60)
    report = await ingest(deps, feed_b, [late], weeks_later)
    assert report.verdicts == {"not_change": 1} and report.queued == 0
    assert {d.guild_id for d in await deps.store.outbox.due(weeks_later, 9)} == {1}


async def carried(deps: NewsDeps, feed: Feed, title: str) -> int | None:
    """The change the article titled ``title`` was stored as carrying."""
    (found,) = await deps.store.news.find_articles([feed.id], title)
    return found.change_id


async def test_articles_name_their_change_and_posts_their_article(deps: NewsDeps) -> None:
    """What /feeds why reads: the change a repeat repeated, and the article each guild's one
    post of that change came from (guild 1's from feed A's report, guild 2's from B's)."""
    feed_a = await primed_feed(deps, a="changes")
    feed_b = await second_feed(deps, 2)
    await ingest(deps, feed_a, [article("a", "Netflix renews XO, Kitty for season 4")], NOW)
    await deps.store.guilds.update(2, channel_id=20)  # set up since: it missed feed A's post
    for key, title in (
        ("b", "XO, Kitty: Netflix renews the K-drama for season 4"),
        ("c", "XO, Kitty officially renewed for a fourth season"),
    ):
        assert (await ingest(deps, feed_b, [article(key, title)], NOW)).verdicts == {"repeat": 1}
    change = await deps.store.news.latest_change("xo-kitty", 4, Milestone.RENEWED)
    assert change is not None
    assert await carried(deps, feed_a, "Netflix renews") == change.id  # its own change
    assert await carried(deps, feed_b, "K-drama") == change.id  # the change it repeated
    assert await carried(deps, feed_b, "fourth season") == change.id
    to_1 = await deps.store.outbox.find(1, change_key(change.id))
    to_2 = await deps.store.outbox.find(2, change_key(change.id))
    assert to_1 is not None and (to_1.feed_id, to_1.article_key) == (feed_a.id, "a")
    assert to_2 is not None and (to_2.feed_id, to_2.article_key) == (feed_b.id, "b")
    assert (
        to_2.state == "pending" and await deps.store.outbox.find(3, change_key(change.id)) is None
    )


async def test_a_repeat_keeps_the_change_it_was_judged_against(deps: NewsDeps) -> None:
    """A later change of the same milestone does not rewrite what an earlier repeat repeated;
    an article that carries no change names none."""
    feed_a = await primed_feed(deps, a="changes")
    feed_b = await second_feed(deps, 1)
    await ingest(
        deps, feed_a, [article("a", "XO, Kitty season 4 reportedly set to begin filming")], NOW
    )
    first = await deps.store.news.latest_change("xo-kitty", 4, Milestone.FILMING_STARTED)
    echo = article("b", "Report: XO, Kitty season 4 set to begin filming")
    assert (await ingest(deps, feed_b, [echo], NOW)).verdicts == {"repeat": 1}
    confirmed = article("c", "Netflix confirms XO, Kitty season 4 has started filming")
    assert (await ingest(deps, feed_a, [confirmed], NOW)).verdicts == {"change": 1}
    latest = await deps.store.news.latest_change("xo-kitty", 4, Milestone.FILMING_STARTED)
    assert first is not None and latest is not None and first.id != latest.id
    assert await carried(deps, feed_b, "Report:") == first.id
    assert await carried(deps, feed_a, "Netflix confirms") == latest.id
    await ingest(
        deps, feed_a, [article("d", "XO, Kitty star talks about her favourite snacks")], NOW
    )
    assert await carried(deps, feed_a, "snacks") is None


async def test_a_backlog_entry_the_feed_re_keys_is_not_news(deps: NewsDeps) -> None:
    """The first poll's backlog, seen again under new keys (the site moved its permalinks to
    https, or started giving guids): its story is the feed's own, so it is not announced."""
    feed = await deps.store.feeds.add("https://e.org/feed")
    await deps.store.guilds.update(1, channel_id=10, mode="changes")
    await deps.store.guilds.update(2, channel_id=20, mode="all")
    for guild in (1, 2):
        await deps.store.feeds.subscribe(guild, feed.id, None)
    backlog = [
        article("http://e.org/1", "XO, Kitty season 4 has officially started filming", 26 * 60),
        article("http://e.org/2", "Minho actor talks XO, Kitty fans", 30 * 60),
    ]
    assert (await ingest(deps, feed, backlog, NOW)).verdicts == {"baseline": 2}
    primed = await deps.store.feeds.get(feed.id)
    assert primed is not None
    moved = [replace(a, key=a.key.replace("http:", "https:")) for a in backlog]
    again = await ingest(deps, primed, moved, NOW)
    assert again.verdicts == {"reissued": 2} and await queued(deps) == []
    # A story the feed never carried is still news.
    fresh = await ingest(deps, primed, [article("n", "Netflix renews XO, Kitty for season 5")], NOW)
    assert fresh.verdicts == {"change": 1} and fresh.queued == 2


async def test_an_aggregators_backlog_story_told_by_another_outlet_is_not_news(
    deps: NewsDeps,
) -> None:
    """An aggregator lists a story under each outlet that tells it ("… - Outlet"): its backlog
    held the renewal from Variety, and the same story from an outlet whose name holds a word
    of news, listed later under a new key, was a story of its own: told as a renewal."""
    feed = await deps.store.feeds.add("https://news.example/rss")
    await deps.store.guilds.update(1, channel_id=10, mode="changes")
    await deps.store.guilds.update(2, channel_id=20, mode="all")
    for guild in (1, 2):
        await deps.store.feeds.subscribe(guild, feed.id, None)
    renews = "Netflix renews XO, Kitty for season 4"
    backlog = [article("g1", f"{renews} - Variety", 26 * 60)]
    assert (await ingest(deps, feed, backlog, NOW)).verdicts == {"baseline": 1}
    primed = await deps.store.feeds.get(feed.id)
    assert primed is not None
    other = article("g2", f"{renews} - TV Season & Spoilers", 20 * 60)
    again = await ingest(deps, primed, [other], NOW)
    assert again.verdicts == {"reissued": 1} and await queued(deps) == []


def premieres(day: str) -> str:
    return f"Netflix confirms XO, Kitty season 4 premieres {day}, 2027."


async def test_a_story_marked_updated_is_told_as_of_the_edit(deps: NewsDeps) -> None:
    """An outlet re-issued its story under "UPDATE:", the date in it moved to July 10. The
    mark made it the same story, dated to its first telling: before June 12 (another
    outlet's, since), so the move was no change and /status kept June 12; from the
    backlog, it was "reissued", never read."""
    feed_a = await primed_feed(deps, a="changes")
    feed_b = await second_feed(deps, 1)
    headline = "XO, Kitty season 4 release date"
    first = article("a1", headline, summary=premieres("June 5"))
    assert (await ingest(deps, feed_a, [first], NOW)).verdicts == {"change": 1}
    moved = article("b1", "XO, Kitty season 4 is moving", summary=premieres("June 12"))
    assert (await ingest(deps, feed_b, [moved], NOW + timedelta(hours=5))).queued == 1
    later = NOW + timedelta(hours=10)
    marked = article("a2", f"UPDATE: {headline}", summary=premieres("July 10"))
    marked = replace(marked, published=later)
    assert (await ingest(deps, feed_a, [marked], later)).verdicts == {"change": 1}
    learned = await deps.store.news.learned_events("xo-kitty", 4)
    step = season_status(Season.from_news_only(4), learned).step(Milestone.RELEASE_DATE_ANNOUNCED)
    assert step is not None and step.date == PartialDate(2027, 7, 10)

    feed_c = await deps.store.feeds.add("https://third.org/feed")
    await deps.store.feeds.subscribe(1, feed_c.id, None)
    older = "XO, Kitty season 4 first look"
    await ingest(deps, feed_c, [article("c1", older, summary=premieres("July 10"))], NOW)
    primed = await deps.store.feeds.get(feed_c.id)
    assert primed is not None
    update = article("c2", f"{older} (Updated)", summary=premieres("August 7"))
    assert (await ingest(deps, primed, [update], later)).verdicts == {"change": 1}


async def test_an_entry_with_no_title_or_link_is_one_story_whatever_its_key(
    deps: NewsDeps,
) -> None:
    """All-news posts are keyed by story: an untitled entry whose key changes each poll was
    a new story, and a new post, every poll."""
    feed = await primed_feed(deps, a="all")
    text = "XO, Kitty season 4 is now filming in Seoul, Netflix confirms"
    for key in ("x1", "x2", "x3"):
        untitled = replace(article(key, "", summary=text), url="")
        await ingest(deps, feed, [untitled], NOW)
    assert len(await queued(deps)) == 1


async def test_a_season_out_of_reach_is_a_misreading_not_a_change(deps: NewsDeps) -> None:
    """The pack knows three seasons: "season 12" is a misread number, and must not become a
    status change (nor, through /status, the newest season); each season within reach of
    the last one heard of is news."""
    feed = await primed_feed(deps, a="changes", b="all")
    far = article("far", "Netflix renews XO, Kitty for season 12")
    report = await ingest(deps, feed, [far], NOW)
    assert report.verdicts == {"unlikely_season": 1}
    assert await deps.store.news.learned_seasons("xo-kitty") == []
    assert await queued(deps) == [(2, "XO, Kitty news")]  # all-news mode: a story, not a change
    five = article("five", "Netflix renews XO, Kitty for season 5")
    six = article("six", "Netflix renews XO, Kitty for season 6")
    assert (await ingest(deps, feed, [five, six], NOW)).verdicts == {"change": 2}
    assert await deps.store.news.learned_seasons("xo-kitty") == [5, 6]


async def test_a_cancellation_reversed_is_announced(deps: NewsDeps) -> None:
    feed = await primed_feed(deps, a="changes")
    news = [
        "Netflix renews XO, Kitty for season 4",
        "Netflix cancels XO, Kitty after three seasons",
        "XO, Kitty saved: Netflix renews show for season 4 after cancellation",
    ]
    for n, title in enumerate(news):
        report = await ingest(deps, feed, [article(f"n{n}", title)], NOW + timedelta(hours=n))
        assert report.verdicts == {"change": 1}, title
    *_, saved = [d.message["embed"] for d in await deps.store.outbox.due(NOW, 9)]
    assert saved["title"] == "XO, Kitty season 4: renewed"
    assert {f["name"]: f["value"] for f in saved["fields"]}["What changed"] == (
        "Reverses earlier news"
    )


async def test_a_final_season_is_not_cancelled_the_next_one_is(deps: NewsDeps) -> None:
    """'XO, Kitty will end with season 4': season 4 was recorded as cancelled, so the post
    said "season 4: cancelled", /status "Season 4 was cancelled" and its premiere event
    would go; it is the season after it that will not come."""
    feed = await primed_feed(deps, a="changes")
    await ingest(deps, feed, [article("r", "Netflix renews XO, Kitty for season 4")], NOW)
    ends = "XO, Kitty will end with season 4, Netflix announces"
    report = await ingest(deps, feed, [article("e", ends)], NOW + timedelta(hours=1))
    assert report.verdicts == {"change": 1}
    fourth = season_status(
        Season.from_news_only(4), await deps.store.news.learned_events("xo-kitty", 4)
    )
    assert not fourth.is_cancelled and fourth.current is not None
    fifth = await deps.store.news.learned_events("xo-kitty", 5)
    assert season_status(Season.from_news_only(5), fifth).is_cancelled
    assert [title for _, title in await queued(deps)] == [
        "XO, Kitty season 4: renewed",
        "XO, Kitty season 5: cancelled",
    ]


async def test_news_without_a_season_is_about_the_newest_the_news_told_of(
    deps: NewsDeps,
) -> None:
    """Season 4 renewed, then 'XO, Kitty starts filming new season in Seoul': it was read
    as season 3's (the pack's newest), posted as "season 3: filming started, now more
    certain" a year after season 3's shoot, and season 4's start was never told."""
    feed = await primed_feed(deps, a="changes")
    await ingest(deps, feed, [article("r", "Netflix renews XO, Kitty for season 4")], NOW)
    shoot = article("f", "XO, Kitty starts filming new season in Seoul")
    report = await ingest(deps, feed, [shoot], NOW + timedelta(hours=1))
    assert report.verdicts == {"change": 1}
    assert [title for _, title in await queued(deps)] == [
        "XO, Kitty season 4: renewed",
        "XO, Kitty season 4: filming",
    ]
    assert await deps.store.news.learned_events("xo-kitty", 3) == []


async def test_news_without_a_season_is_not_about_the_season_after_a_final_one(
    deps: NewsDeps,
) -> None:
    """'XO, Kitty will end with season 4' tells of season 5 only that it will not come: a
    shoot naming no season after it was read as season 5's (the newest the news told of),
    posted as "season 5: filming", and season 4's start was never told."""
    feed = await primed_feed(deps, a="changes")
    await ingest(deps, feed, [article("r", "Netflix renews XO, Kitty for season 4")], NOW)
    ends = article("e", "XO, Kitty will end with season 4, Netflix announces")
    await ingest(deps, feed, [ends], NOW + timedelta(hours=1))
    shoot = article("f", "XO, Kitty starts filming new season in Seoul")
    report = await ingest(deps, feed, [shoot], NOW + timedelta(hours=2))
    assert report.verdicts == {"change": 1}
    assert [title for _, title in await queued(deps)] == [
        "XO, Kitty season 4: renewed",
        "XO, Kitty season 5: cancelled",
        "XO, Kitty season 4: filming",
    ]
    fifth = await deps.store.news.learned_events("xo-kitty", 5)
    assert [e.milestone for e in fifth] == [Milestone.CANCELLED]


async def test_now_streaming_naming_no_season_is_not_the_release_of_one_just_renewed(
    deps: NewsDeps,
) -> None:
    """Season 4 renewed, then 'XO, Kitty is now streaming on Netflix' (a listing of the show
    as it is): read as the newest season the news told of, it was posted to every server as
    "season 4: released" (a season not yet filmed), /status and the card had it out, its
    premiere event went, and every step before a release was history from then on. Such a
    headline is of the newest season told out or whose premiere day has come; a date naming
    none is still season 4's, and once that day comes, so is its release."""
    feed = await primed_feed(deps, a="changes")
    await ingest(deps, feed, [article("r", RENEWS)], NOW)
    streaming = "XO, Kitty is now streaming on Netflix"
    await ingest(deps, feed, [article("s", streaming)], NOW + timedelta(hours=1))
    ahead = (NOW + timedelta(days=60)).date()
    dated = article("d", f"XO, Kitty premieres {ahead:%B} {ahead.day}")
    await ingest(deps, feed, [dated], NOW + timedelta(hours=2))
    await ingest(deps, feed, [article("a", streaming + " now")], NOW + timedelta(days=1))
    fourth = await deps.store.news.learned_events("xo-kitty", 4)
    assert [e.milestone for e in fourth] == [Milestone.RENEWED, Milestone.RELEASE_DATE_ANNOUNCED]
    later = NOW + timedelta(days=61)
    out = replace(article("o", streaming + ", fans rejoice"), published=later)
    await ingest(deps, feed, [out], later)
    titles = [title for _, title in await queued(deps)]
    assert titles == [
        "XO, Kitty season 4: renewed",
        "XO, Kitty season 3: released",  # the pack's newest, as before any renewal
        "XO, Kitty season 4: release date set",
        "XO, Kitty season 4: released",
    ]


RENEWS = "Netflix renews XO, Kitty for season 4"


async def renewed_then_cancelled(
    deps: NewsDeps, feed: Feed, at: datetime, *, keys: tuple[str, str]
) -> None:
    """``feed`` tells season 4's renewal at ``at``, then its cancellation an hour later."""
    renewal, cancellation = keys
    await ingest(deps, feed, [article(renewal, RENEWS)], at)
    cancels = "Netflix cancels XO, Kitty season 4"
    await ingest(deps, feed, [article(cancellation, cancels)], at + timedelta(hours=1))


async def test_a_slow_outlet_retelling_old_news_changes_nothing(deps: NewsDeps) -> None:
    """Feed b carries 'premieres June 5' after feed a moved the date to July 10 (or
    'renews' after a cancellation): it was a 'Date changed' back to June 5 (or a reversal)."""
    feed_a = await primed_feed(deps, a="changes")
    feed_b = await second_feed(deps, 1)
    june = "XO, Kitty season 4 premieres June 5, 2027, Netflix confirms"
    july = "XO, Kitty season 4 premieres July 10, 2027, Netflix confirms"
    await ingest(deps, feed_a, [article("a1", june)], NOW)
    await ingest(deps, feed_a, [article("a2", july)], NOW + timedelta(hours=1))
    late = await ingest(deps, feed_b, [article("b1", june)], NOW + timedelta(hours=2))
    assert late.verdicts == {"not_change": 1} and late.queued == 0
    await renewed_then_cancelled(deps, feed_a, NOW + timedelta(hours=3), keys=("a3", "a4"))
    late = await ingest(deps, feed_b, [article("b2", RENEWS)], NOW + timedelta(hours=5))
    assert late.queued == 0
    assert len(await deps.store.outbox.due(NOW + timedelta(days=1), 99)) == 4


SETS = "Netflix confirms: XO, Kitty season 4 premieres"


async def test_old_news_retold_in_other_words_changes_nothing(deps: NewsDeps) -> None:
    """Feed b, slower, carries its own five-day-old 'June 5' story after feed a moved the
    date to July 10: a new story (other words), so it was 'Date changed' back to June 5."""
    feed_a = await primed_feed(deps, a="changes")
    feed_b = await second_feed(deps, 1)
    june = "XO, Kitty season 4 premieres June 5, 2027, Netflix confirms"
    july = "XO, Kitty season 4 premieres July 10, 2027, Netflix confirms"
    days = 24 * 60
    await ingest(deps, feed_a, [article("a1", june, minutes=6 * days)], NOW - timedelta(days=6))
    await ingest(deps, feed_a, [article("a2", july, minutes=2 * days)], NOW - timedelta(days=2))
    retold = article("b1", f"{SETS} June 5, 2027", minutes=5 * days)
    late = await ingest(deps, feed_b, [retold], NOW)
    assert late.verdicts == {"not_change": 1} and late.queued == 0
    learned = await deps.store.news.learned_events("xo-kitty", 4)
    step = season_status(Season.from_news_only(4), learned).step(Milestone.RELEASE_DATE_ANNOUNCED)
    assert step is not None and step.date == PartialDate(2027, 7, 10)
    # the same words a day after they were published are today's news, as before
    fresh = article("b2", f"{SETS} June 12, 2027", minutes=days)
    assert (await ingest(deps, feed_b, [fresh], NOW)).verdicts == {"change": 1}


async def test_outlets_that_differ_on_a_date_are_not_a_change_at_each_flip(deps: NewsDeps) -> None:
    """Two outlets give June 5 and June 12 as surely: every retelling of either had posted
    'Date changed' again. The first difference is news; a flip back is one more source,
    and /status says the sources differ. A surer word on either date is news again."""
    feed_a = await primed_feed(deps, a="changes")
    feed_b = await second_feed(deps, 1)
    june5 = "XO, Kitty season 4 premieres June 5, 2027, report says"
    june12 = "Report: XO, Kitty season 4 premieres June 12, 2027"
    told = [
        await ingest(deps, feed_a, [article("a1", june5)], NOW),
        await ingest(deps, feed_b, [article("b1", june12)], NOW + timedelta(hours=1)),
        await ingest(deps, feed_b, [article("b2", june5 + ", again")], NOW + timedelta(hours=2)),
    ]
    assert [r.queued for r in told] == [1, 1, 0]
    view = await deps.store.feeds.view_of(1)  # feed B's news is guild 1's alone
    learned = await deps.store.news.learned_events("xo-kitty", 4, view=view)
    step = season_status(Season.from_news_only(4), learned).step(Milestone.RELEASE_DATE_ANNOUNCED)
    assert step is not None and step.date == PartialDate(2027, 6, 5)
    assert step.rival_dates == (PartialDate(2027, 6, 12),)
    sure = "Netflix confirms: XO, Kitty season 4 premieres June 12, 2027"
    confirmed = await ingest(deps, feed_a, [article("a2", sure)], NOW + timedelta(hours=3))
    assert confirmed.queued == 1


async def test_one_poll_tells_its_news_oldest_first(deps: NewsDeps) -> None:
    """A feed lists newest first: 'July 10' (newer) then 'June 5' (older) in one poll was
    'release date set: July 10', then 'Date changed' back to June 5, and /status said June 5."""
    feed = await primed_feed(deps, a="changes")
    newer = article("b", "XO, Kitty season 4 premieres July 10, 2027, report says", minutes=60)
    older = article("a", "XO, Kitty season 4 premieres June 5, 2027, report says", minutes=300)
    assert (await ingest(deps, feed, [newer, older], NOW)).verdicts == {"change": 2}
    told = [d.message["embed"]["description"] for d in await deps.store.outbox.due(NOW, 9)]
    assert told == [older.title, newer.title]
    learned = await deps.store.news.learned_events("xo-kitty", 4)
    step = season_status(Season.from_news_only(4), learned).step(Milestone.RELEASE_DATE_ANNOUNCED)
    assert step is not None and step.date == PartialDate(2027, 7, 10)


async def test_a_renewal_since_cancelled_is_not_repeated_to_a_guild_that_missed_it(
    deps: NewsDeps,
) -> None:
    """Guild 2 follows only a slower feed, which carries the renewal after the cancellation:
    it was told 'season 4: renewed' as news it had missed, while /status said cancelled."""
    feed_a = await primed_feed(deps, a="changes")
    await deps.store.guilds.update(2, channel_id=20, mode="changes")
    feed_b = await second_feed(deps, 2)
    await renewed_then_cancelled(deps, feed_a, NOW, keys=("a1", "a2"))
    late = await ingest(deps, feed_b, [article("b1", RENEWS)], NOW + timedelta(hours=2))
    assert late.verdicts == {"not_change": 1} and late.queued == 0


async def test_a_denied_rumour_is_announced_once_and_withdrawn(deps: NewsDeps) -> None:
    """'Netflix denies the filming reports' after the filming rumour was no news at all:
    fans were left with the rumour, and /status said filming had started."""
    feed_a = await primed_feed(deps, a="changes")
    feed_b = await second_feed(deps, 2)
    rumour = "XO, Kitty season 4 reportedly begins filming in Seoul"
    denies = "Netflix denies XO, Kitty season 4 filming reports"
    await ingest(deps, feed_a, [article("a1", rumour)], NOW)
    told = await ingest(deps, feed_a, [article("a2", denies)], NOW + timedelta(hours=1))
    assert told.verdicts == {"change": 1} and told.queued == 1
    await deps.store.guilds.update(2, channel_id=20, mode="changes")  # set up since
    *_, post = [d.message["embed"] for d in await deps.store.outbox.due(NOW, 9)]
    assert post["title"] == "XO, Kitty season 4: filming — reports denied"
    fields = {f["name"]: f["value"] for f in post["fields"]}
    assert fields["What changed"] == "Denied" and fields["Certainty"] == "Confirmed"
    assert "https://e.org/a2" in fields["Source"]
    # another outlet's word of the same denial tells the guild that missed it, once
    other = "XO, Kitty star shuts down season 4 filming rumours"
    repeat = await ingest(deps, feed_b, [article("b1", other)], NOW + timedelta(hours=2))
    assert repeat.verdicts == {"repeat": 1} and repeat.queued == 1
    again = await ingest(deps, feed_a, [article("a3", other)], NOW + timedelta(hours=3))
    assert again.queued == 0  # guild 1 heard it
    # the rumour retold by a slower outlet is history, not news to tell again
    late = await ingest(deps, feed_b, [article("b2", rumour)], NOW + timedelta(hours=4))
    assert late.verdicts == {"not_change": 1} and late.queued == 0
    learned = await deps.store.news.learned_events("xo-kitty", 4)
    status = season_status(Season.from_news_only(4), learned)
    assert status.step(Milestone.FILMING_STARTED) is None
    assert status.denial(Milestone.FILMING_STARTED) is not None


async def test_a_denial_of_nothing_heard_or_of_a_confirmation_is_not_a_change(
    deps: NewsDeps,
) -> None:
    feed = await primed_feed(deps, a="changes")
    denies = "Netflix denies XO, Kitty season 5 renewal reports"
    alone = await ingest(deps, feed, [article("a1", denies)], NOW)
    assert alone.verdicts == {"not_change": 1} and alone.queued == 0
    assert await deps.store.news.learned_seasons("xo-kitty") == []  # a denial tells of none
    await ingest(deps, feed, [article("a2", RENEWS)], NOW + timedelta(hours=1))
    misread = "Netflix denies XO, Kitty season 4 renewal reports"
    report = await ingest(deps, feed, [article("a3", misread)], NOW + timedelta(hours=2))
    assert report.verdicts == {"not_change": 1} and report.queued == 0


async def test_news_of_several_seasons_is_recorded_for_each(deps: NewsDeps) -> None:
    """'Renews XO, Kitty for seasons 4 and 5' recorded season 4 alone: /status for season 5
    knew nothing, and its renewal was never told. One post, naming each season it changed
    (it was titled for season 4 alone)."""
    feed = await primed_feed(deps, a="changes")
    both = article("a1", "Netflix renews XO, Kitty for seasons 4 and 5")
    report = await ingest(deps, feed, [both], NOW)
    assert report.verdicts == {"change": 1} and report.queued == 1
    assert await queued(deps) == [(1, "XO, Kitty seasons 4 and 5: renewed")]
    assert await deps.store.news.learned_seasons("xo-kitty") == [4, 5]
    for season in (4, 5):
        learned = await deps.store.news.learned_events("xo-kitty", season)
        step = season_status(Season.from_news_only(season), learned).step(Milestone.RENEWED)
        assert step is not None and step.sources[0].url == "https://e.org/a1"
    # season 4 known already: the news is season 5's
    feed_b = await second_feed(deps, 1)
    fives = article("b1", "Netflix renews XO, Kitty for seasons 5 and 6")
    await ingest(deps, feed_b, [article("b0", "Netflix renews XO, Kitty for season 4")], NOW)
    told = await ingest(deps, feed_b, [fives], NOW + timedelta(hours=1))
    assert told.verdicts == {"change": 1}
    assert (await queued(deps))[-1] == (1, "XO, Kitty season 6: renewed")


async def test_the_audience_is_read_once_and_only_for_news_about_a_show(
    deps: NewsDeps, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each read is a round trip to the SQLite thread while the poll holds the write lock,
    # which every other feed's poll waits on: most polls bring nothing about a show.
    feed = await primed_feed(deps, a="all")
    reads = 0
    with_channel = deps.store.guilds.with_channel

    async def counted() -> list[GuildSettings]:
        nonlocal reads
        reads += 1
        return await with_channel()

    monkeypatch.setattr(deps.store.guilds, "with_channel", counted)
    other = [article("x", "Bridgerton season 5 starts filming in London")]
    assert (await ingest(deps, feed, other, NOW)).verdicts == {"not_about_show": 1}
    assert reads == 0
    ours = [
        article("a", "XO, Kitty star Anna Cathcart talks fashion"),
        article("b", "XO, Kitty star Gia Kim talks music", minutes=5),
    ]
    assert (await ingest(deps, feed, ours, NOW)).queued == 2
    assert reads == 1


async def test_a_season_told_with_others_is_not_told_again_by_a_later_outlet(
    deps: NewsDeps,
) -> None:
    """The post of 'renews it for seasons 4 and 5' tells season 5's renewal too (its headline
    names both): another outlet's 'renewed for season 5' repeats that post, so a guild that
    heard it is not told again, and one that missed it is, once."""
    feed_a = await primed_feed(deps, a="changes")
    feed_b = await second_feed(deps, 1)
    await deps.store.feeds.subscribe(2, feed_b.id, None)  # follows the later outlet only
    both = article("a1", "Netflix renews XO, Kitty for seasons 4 and 5")
    assert (await ingest(deps, feed_a, [both], NOW)).queued == 1
    await deps.store.guilds.update(2, channel_id=20, mode="changes")  # set up since
    fives = article("b1", "Netflix renews XO, Kitty for season 5")
    later = await ingest(deps, feed_b, [fives], NOW + timedelta(hours=1))
    assert later.verdicts == {"repeat": 1}
    assert await queued(deps) == [
        (1, "XO, Kitty seasons 4 and 5: renewed"),
        (2, "XO, Kitty season 5: renewed"),
    ]
    # and /feeds why says guild 1 heard it from the first article's post
    (b1,) = await deps.store.news.find_articles([feed_b.id], "season 5")
    assert b1.change_id is not None
    told = await told_post(deps, 1, b1.change_id)
    assert told is not None and told.article_key == "a1"


def changed_field(message: dict[str, object]) -> str:
    embed = message["embed"]
    assert isinstance(embed, dict)
    value: str = {f["name"]: f["value"] for f in embed["fields"]}["What changed"]
    return value


async def test_news_of_several_seasons_names_only_the_seasons_it_changes(
    deps: NewsDeps,
) -> None:
    """A season already at the milestone is not claimed as changed: with season 4's renewal
    known, 'renews it for seasons 4 and 5' reads as today's post of season 5's; where the
    seasons' changes differ, the one "what changed" line says which is which."""
    feed = await primed_feed(deps, a="changes")
    await ingest(deps, feed, [article("a0", RENEWS)], NOW)
    both = article("a1", "Netflix renews XO, Kitty for seasons 4 and 5")
    assert (await ingest(deps, feed, [both], NOW + timedelta(hours=1))).queued == 1
    _, fifth = await deps.store.outbox.due(NOW, 9)
    assert fifth.message["embed"]["title"] == "XO, Kitty season 5: renewed"
    assert changed_field(fifth.message) == "New"
    # what /feeds why reads of the article: each season it told of, and what it made of it
    (a1,) = await deps.store.news.find_articles([feed.id], "seasons 4 and 5")
    assert a1.change_id is not None
    assert await deps.store.news.seasons_told(a1.change_id) == [
        (4, "extra_source"),
        (5, "new_milestone"),
    ]
    # season 6 rumoured, then 6 and 7 confirmed: one more certain, one new
    rumour = article("a2", "XO, Kitty reportedly renewed for season 6")
    await ingest(deps, feed, [rumour], NOW + timedelta(hours=2))
    sure = article("a3", "Netflix renews XO, Kitty for seasons 6 and 7")
    assert (await ingest(deps, feed, [sure], NOW + timedelta(hours=3))).verdicts == {"change": 1}
    last = (await deps.store.outbox.due(NOW, 9))[-1]
    assert last.message["embed"]["title"] == "XO, Kitty seasons 6 and 7: renewed"
    assert changed_field(last.message) == "Now more certain (season 6); New (season 7)"


async def test_news_of_several_seasons_is_one_delivery_per_guild_in_either_mode(
    deps: NewsDeps,
) -> None:
    """One delivery per guild for the article's changes: again after a restart (the same
    entry polled again), from another outlet's copy of the story, or from a later
    single-season article no surer; an all-news guild's post names the seasons too."""
    feed = await primed_feed(deps, a="changes", b="all")
    both = article("a1", "Netflix renews XO, Kitty for seasons 4 and 5")
    assert (await ingest(deps, feed, [both], NOW)).queued == 2
    polled_again = await deps.store.feeds.get(feed.id)
    assert polled_again is not None
    assert (await ingest(deps, polled_again, [both], NOW)).queued == 0
    other = await second_feed(deps, 1)
    await deps.store.feeds.subscribe(2, other.id, None)
    copy = replace(both, key="b1", url="https://other.org/b1")
    fifth = article("b2", "Netflix renews XO, Kitty for season 5")
    later = await ingest(deps, other, [copy, fifth], NOW + timedelta(hours=1))
    assert later.queued == 1  # the all-news guild's post of the new story b2, as news
    assert await queued(deps) == [
        (1, "XO, Kitty seasons 4 and 5: renewed"),
        (2, "XO, Kitty seasons 4 and 5: renewed"),
        (2, "XO, Kitty news"),
    ]


async def test_a_repeat_of_news_of_several_seasons_names_them_all(deps: NewsDeps) -> None:
    """A guild that follows only the later outlet hears 'renews it for seasons 4 and 5' from
    it, once: its post named season 4 alone, and season 5's renewal was never told there. A
    season since cancelled is not named again."""
    feed_a = await primed_feed(deps, a="changes")
    feed_b = await second_feed(deps, 1)
    await deps.store.feeds.subscribe(2, feed_b.id, None)  # follows the later outlet only
    both = "Netflix renews XO, Kitty for seasons 4 and 5"
    await ingest(deps, feed_a, [article("a1", both)], NOW)
    await deps.store.guilds.update(2, channel_id=20, mode="changes")  # set up since
    later = await ingest(deps, feed_b, [article("b1", both)], NOW + timedelta(hours=1))
    assert later.verdicts == {"repeat": 1} and later.queued == 1  # guild 1 heard it
    assert (await queued(deps))[-1] == (2, "XO, Kitty seasons 4 and 5: renewed")
    # season 7 since cancelled: a guild that missed both hears of season 6 alone
    await ingest(deps, feed_a, [article("a2", "Netflix renews XO, Kitty for seasons 6 and 7")], NOW)
    cancels = article("a3", "Netflix cancels XO, Kitty season 7")
    await ingest(deps, feed_a, [cancels], NOW + timedelta(hours=1))
    await deps.store.guilds.update(3, channel_id=30, mode="changes")
    await deps.store.feeds.subscribe(3, feed_b.id, None)
    retold = article("b2", "Netflix renews XO, Kitty for seasons 6 and 7")
    # guild 2, set up by now, heard the shared feed's news of seasons 6 and 7 itself
    assert (await ingest(deps, feed_b, [retold], NOW + timedelta(hours=2))).queued == 1
    assert (await queued(deps))[-1] == (3, "XO, Kitty season 6: renewed")


async def test_news_of_several_seasons_repeats_the_recent_change_of_a_later_one(
    deps: NewsDeps,
) -> None:
    """Season 4's renewal old news, season 5's yesterday's: 'renews it for seasons 4 and 5'
    from another outlet was no change and no repeat (only season 4 was looked at), so a guild
    following only that outlet never heard season 5's renewal."""
    feed_a = await primed_feed(deps, a="changes")
    feed_b = await second_feed(deps, 1)
    await deps.store.feeds.subscribe(2, feed_b.id, None)  # follows the later outlet only
    then = NOW - timedelta(days=20)
    await ingest(deps, feed_a, [article("a0", RENEWS, minutes=60 * 24 * 20)], then)
    await ingest(deps, feed_a, [article("a1", "Netflix renews XO, Kitty for season 5")], NOW)
    await deps.store.guilds.update(2, channel_id=20, mode="changes")  # set up since
    both = article("b1", "Netflix renews XO, Kitty for seasons 4 and 5")
    later = await ingest(deps, feed_b, [both], NOW + timedelta(hours=1))
    assert later.verdicts == {"repeat": 1} and later.queued == 1  # guild 1 heard it
    assert (await queued(deps))[-1] == (2, "XO, Kitty season 5: renewed")


async def test_news_after_the_clock_is_set_back_is_judged_after_the_news_before(
    deps: NewsDeps,
) -> None:
    """A clock set back a day (NTP putting right a clock that ran ahead) recorded a
    cancellation told after a renewal as told before it: history the renewal overturned,
    never posted. A poll up to two days behind the newest news takes its time instead."""
    feed = await primed_feed(deps, a="changes")
    await ingest(deps, feed, [article("n0", RENEWS)], NOW)
    cancels = article("n1", "Netflix cancels XO, Kitty season 4")
    report = await ingest(deps, feed, [cancels], NOW - timedelta(days=1))
    assert report.verdicts == {"change": 1}
    renewal, cancellation = await deps.store.news.learned_events("xo-kitty", 4)
    assert cancellation.milestone is Milestone.CANCELLED
    assert cancellation.seen_at == renewal.seen_at == NOW  # told then, in this order


async def test_a_clock_set_back_further_is_taken_as_it_is(deps: NewsDeps) -> None:
    """Past two days (a clock that ran years ahead, put right), waiting for the clock to
    catch up would make every article too old to tell until then."""
    feed = await primed_feed(deps, a="changes")
    await ingest(deps, feed, [article("n0", RENEWS)], NOW + timedelta(days=365))
    fresh = article("n1", "Netflix confirms XO, Kitty season 4 has started filming")
    assert (await ingest(deps, feed, [fresh], NOW)).verdicts == {"change": 1}
    *_, filming = await deps.store.news.learned_events("xo-kitty", 4)
    assert filming.seen_at == NOW


async def test_an_old_date_retold_after_a_delay_is_not_news_to_a_guild_that_missed_it(
    deps: NewsDeps,
) -> None:
    """June 5, then delayed to August 14, then a slower outlet still saying June 5: guild 2,
    which follows only that outlet, was told 'release date set: June 5' as news it had
    missed, four hours after the delay, and /status said June 5 again."""
    feed_a = await primed_feed(deps, a="changes")
    await deps.store.guilds.update(2, channel_id=20, mode="changes")
    feed_b = await second_feed(deps, 2)
    date = article("a1", "XO, Kitty season 4 premieres June 5, 2027", minutes=-60)
    await ingest(deps, feed_a, [date], NOW + timedelta(hours=1))
    delay = article("a2", "XO, Kitty season 4 delayed to August 14, 2027", minutes=-180)
    assert (await ingest(deps, feed_a, [delay], NOW + timedelta(hours=3))).verdicts == {"change": 1}
    slow = article("b1", "XO, Kitty season 4 premieres June 5, 2027 on Netflix", minutes=-240)
    late = await ingest(deps, feed_b, [slow], NOW + timedelta(hours=4))
    assert late.verdicts == {"not_change": 1} and late.queued == 0
    status = season_status(
        Season.from_news_only(4), await deps.store.news.learned_events("xo-kitty", 4)
    )
    assert standing_date(status) is None and moved_day(status) == datetime(2027, 8, 14).date()


async def test_two_dates_told_at_once_are_sources_that_differ_not_a_move(deps: NewsDeps) -> None:
    """Two outlets gave June 5 and June 12 as surely in one poll, or an older story told
    June 12 a poll later: the second was posted 'Date changed', though nothing moved. It is
    posted once as sources that differ, naming the other date; a story published after the
    first date was told may still move it."""
    feed = await primed_feed(deps, a="changes")
    june5 = article("a", "XO, Kitty season 4 premieres June 5, 2027, report says", minutes=50)
    june12 = article("b", "Report: XO, Kitty season 4 premieres June 12, 2027", minutes=20)
    assert (await ingest(deps, feed, [june12, june5], NOW)).verdicts == {"change": 2}
    late = article("c", "XO, Kitty season 4 will premiere June 19, 2027, per a report", 90)
    assert (await ingest(deps, feed, [late], NOW + timedelta(hours=1))).verdicts == {"change": 1}
    posts = [d.message["embed"] for d in await deps.store.outbox.due(NOW, 9)]
    fields = [{f["name"]: f["value"] for f in e["fields"]} for e in posts]
    assert [f["What changed"] for f in fields] == ["New", "Sources differ", "Sources differ"]
    assert posts[1]["title"] == "XO, Kitty season 4: release date set — sources differ"
    assert fields[1]["Other sources say"] == release_day(date(2027, 6, 5))
    assert "June" not in fields[2]["Other sources say"]  # both earlier days, as timestamps
    assert fields[2]["Other sources say"].count("<t:") == 2
    # published after the first date was told: a move, as before
    moved = article("d", "XO, Kitty season 4 premieres July 10, 2027, report says", minutes=-90)
    assert (await ingest(deps, feed, [moved], NOW + timedelta(hours=2))).verdicts == {"change": 1}
    last = (await deps.store.outbox.due(NOW, 9))[-1].message["embed"]
    assert {f["name"]: f["value"] for f in last["fields"]}["What changed"] == "Date changed"


async def test_a_surer_start_after_the_wrap_was_reported_is_a_source(deps: NewsDeps) -> None:
    """'Filming wrapped' (reported), then 'Netflix confirms season 4 has started filming':
    a second post, 'New', told fans of a shoot starting after they were told it wrapped.
    It is a source now, and /status's filming step carries it, confirmed."""
    feed = await primed_feed(deps, a="changes")
    wrapped = article("a", "XO, Kitty season 4 has wrapped filming", minutes=60)
    assert (await ingest(deps, feed, [wrapped], NOW)).verdicts == {"change": 1}
    sure = article("b", "Netflix confirms XO, Kitty season 4 has started filming", -30)
    later = await ingest(deps, feed, [sure], NOW + timedelta(hours=1))
    assert later.verdicts == {"not_change": 1} and later.queued == 0
    learned = await deps.store.news.learned_events("xo-kitty", 4)
    step = season_status(Season.from_news_only(4), learned).step(Milestone.FILMING_STARTED)
    assert step is not None and step.certainty is Certainty.CONFIRMED


async def test_two_dates_in_one_poll_differ_whatever_their_feeds_dates_say(
    deps: NewsDeps,
) -> None:
    """Two premiere days in one poll from entries with no date, or from an outlet whose
    clock runs hours ahead (local time written as GMT), were posted 'Date changed': told at
    once, nothing moved between them. A later poll's undated entry may still be a move."""
    feed = await primed_feed(deps, a="changes")
    undated = [
        replace(
            article("a", "XO, Kitty season 4 premieres June 5, 2027, report says"), published=None
        ),
        replace(article("b", "Report: XO, Kitty season 4 premieres June 12, 2027"), published=None),
    ]
    assert (await ingest(deps, feed, undated, NOW)).verdicts == {"change": 2}
    ahead = article("c", "XO, Kitty season 4 will premiere June 19, 2027, per a report", -9 * 60)
    told = NOW + timedelta(hours=1)
    dated = article("d", "XO, Kitty season 4 premieres June 26, 2027, report says", -50)
    assert (await ingest(deps, feed, [dated, ahead], told)).verdicts == {"change": 2}
    later = replace(
        article("e", "XO, Kitty season 4 premieres July 10, 2027, per report"), published=None
    )
    assert (await ingest(deps, feed, [later], NOW + timedelta(days=2))).verdicts == {"change": 1}
    posts = [d.message["embed"] for d in await deps.store.outbox.due(NOW, 9)]
    fields = [{f["name"]: f["value"] for f in e["fields"]} for e in posts]
    changed = ["New", "Sources differ", "Date changed", "Sources differ", "Date changed"]
    assert [f["What changed"] for f in fields] == changed
    assert fields[1]["Other sources say"] == release_day(date(2027, 6, 5))
    assert fields[3]["Other sources say"].startswith(release_day(date(2027, 6, 26)))


async def heard_late(deps: NewsDeps, slow: Article, mine: Article) -> dict[int, Any]:
    """Guilds 2 and 3, set up an hour after the first news, hear ``slow`` from a shared feed
    added since and ``mine`` from guild 3's own feed, each a repeat of it: each guild's
    last post."""
    later = NOW + timedelta(hours=1)
    await deps.store.guilds.update(2, channel_id=20, mode="changes")
    added = await deps.store.feeds.add("https://slow.org/feed", shared=True)
    await ingest(deps, added, [], later)
    shared = await deps.store.feeds.get(added.id)
    assert shared is not None
    assert (await ingest(deps, shared, [slow], later)).verdicts == {"repeat": 1}
    await deps.store.guilds.update(3, channel_id=30, mode="changes")
    own = await second_feed(deps, 3)
    assert (await ingest(deps, own, [mine], later)).verdicts == {"repeat": 1}
    return {d.guild_id: d.message["embed"] for d in await deps.store.outbox.due(NOW, 9)}


async def test_sources_that_differ_told_to_a_guild_that_missed_them_name_the_other_day(
    deps: NewsDeps,
) -> None:
    """A server set up after two outlets gave June 5 and June 12 heard the second from a
    slower outlet (shared, or its own feed) as 'release date set — sources differ', with no
    word of the day the other sources say: the one post it has of the premiere date."""
    feed = await primed_feed(deps, a="changes")
    june5 = article("a", "XO, Kitty season 4 premieres June 5, 2027, report says", minutes=50)
    june12 = article("b", "Report: XO, Kitty season 4 premieres June 12, 2027", minutes=20)
    assert (await ingest(deps, feed, [june5, june12], NOW)).verdicts == {"change": 2}
    slow = article("c", "XO, Kitty season 4 premieres June 12, 2027, says outlet", minutes=-40)
    mine = article("d", "XO, Kitty season 4 premieres June 12, 2027: reports", minutes=-45)
    posts = await heard_late(deps, slow, mine)
    for guild in (2, 3):
        fields = {f["name"]: f["value"] for f in posts[guild]["fields"]}
        assert fields["What changed"] == "Sources differ", guild
        assert fields.get("Other sources say") == release_day(date(2027, 6, 5)), guild


async def test_an_older_date_that_came_after_a_delay_is_one_the_delay_overtook(
    deps: NewsDeps,
) -> None:
    """'Premieres June 5', then 'delayed to August 14', then a story out before both came
    late ('premieres June 12', published before June 5 was told): it was read as a date
    given since the delay, posted 'Date changed', and /status, the card and the premiere
    event went back to June 12. It is older news than the delay: a source, not a post."""
    feed = await primed_feed(deps, a="changes")
    june5 = article("a", "XO, Kitty season 4 premieres June 5, 2027, report says", minutes=50)
    assert (await ingest(deps, feed, [june5], NOW)).verdicts == {"change": 1}
    delay = article("b", "XO, Kitty season 4 delayed to August 14, 2027", minutes=-20)
    assert (await ingest(deps, feed, [delay], NOW + timedelta(minutes=30))).verdicts == {
        "change": 1
    }
    late = article("c", "Report: XO, Kitty season 4 premieres June 12, 2027", minutes=30)
    assert (await ingest(deps, feed, [late], NOW + timedelta(hours=1))).verdicts == {
        "not_change": 1
    }
    assert len(await deps.store.outbox.due(NOW, 9)) == 2
    learned = await deps.store.news.learned_events("xo-kitty", 4)
    status = season_status(Season.from_news_only(4), learned)
    assert standing_date(status) is None and moved_day(status) == date(2027, 8, 14)
    # a date whose story came out after the delay's, both read in one poll, is one given
    # since the delay (out before the poll told the delay, but not before its story)
    since = article("d", "XO, Kitty season 4 premieres October 8, 2027, report says", -70)
    again = article("e", "XO, Kitty season 4 delayed to September 3, 2027", minutes=-65)
    polled = NOW + timedelta(hours=2)
    assert (await ingest(deps, feed, [since, again], polled)).verdicts == {"change": 2}
    posts = [d.message["embed"] for d in await deps.store.outbox.due(NOW, 9)]
    fields = {f["name"]: f["value"] for f in posts[-1]["fields"]}
    assert posts[-1]["title"] == "XO, Kitty season 4: release date set"
    assert fields["What changed"] == "Date changed"


async def test_a_day_only_date_is_no_time_to_judge_a_move_by(deps: NewsDeps) -> None:
    """An outlet dating entries by their day alone (midnight) told a new premiere day in
    the afternoon, after the morning's was told: it read as published before it, and was
    posted as sources that differ, not the move it may be. A day-only date says when the
    story came no better than the poll that brought it."""
    feed = await primed_feed(deps, a="changes")
    midnight = datetime.combine(NOW.date(), time(), NOW.tzinfo)
    june5 = article("a", "XO, Kitty season 4 premieres June 5, 2027, report says", minutes=50)
    assert (await ingest(deps, feed, [june5], NOW)).verdicts == {"change": 1}
    moved = replace(
        article("b", "Report: XO, Kitty season 4 premieres June 12, 2027"), published=midnight
    )
    assert (await ingest(deps, feed, [moved], NOW + timedelta(hours=5))).verdicts == {"change": 1}
    last = (await deps.store.outbox.due(NOW, 9))[-1].message["embed"]
    assert {f["name"]: f["value"] for f in last["fields"]}["What changed"] == "Date changed"


async def test_a_day_after_a_premiere_told_without_one_is_a_date_set(deps: NewsDeps) -> None:
    """'Coming in April' (read as a premiere date with no day), then 'premieres April 17':
    the second post said 'Date changed', though the first gave no date to change."""
    feed = await primed_feed(deps, a="changes")
    month = article("a", "XO, Kitty season 4 coming in April 2027", minutes=60)
    assert (await ingest(deps, feed, [month], NOW)).verdicts == {"change": 1}
    day = article("b", "XO, Kitty season 4 premieres April 17, 2027", minutes=-30)
    assert (await ingest(deps, feed, [day], NOW + timedelta(hours=1))).verdicts == {"change": 1}
    posts = [d.message["embed"] for d in await deps.store.outbox.due(NOW, 9)]
    fields = [{f["name"]: f["value"] for f in e["fields"]} for e in posts]
    assert [f["What changed"] for f in fields] == ["New", "Date set"]
    assert posts[1]["title"] == "XO, Kitty season 4: release date set"
    assert fields[1]["Date"].startswith(release_day(date(2027, 4, 17)))


async def test_a_surer_date_in_the_same_poll_names_the_other_one(deps: NewsDeps) -> None:
    """'Reported June 12' and 'Netflix confirms June 5' in one poll: the second post said
    'Date changed', a move nobody made. It says the sources differ, June 5 confirmed, with
    June 12 as what other sources say; a surer day in a later poll is a change."""
    feed = await primed_feed(deps, a="changes")
    june12 = article("a", "Report: XO, Kitty season 4 premieres June 12, 2027", minutes=50)
    june5 = article("b", "Netflix confirms XO, Kitty season 4 premieres June 5, 2027", 20)
    assert (await ingest(deps, feed, [june5, june12], NOW)).verdicts == {"change": 2}
    posts = [d.message["embed"] for d in await deps.store.outbox.due(NOW, 9)]
    fields = [{f["name"]: f["value"] for f in e["fields"]} for e in posts]
    assert [f["What changed"] for f in fields] == ["New", "Sources differ"]
    assert posts[1]["title"] == "XO, Kitty season 4: release date set — sources differ"
    assert fields[1]["Certainty"] == "Confirmed"
    assert fields[1]["Date"].startswith(release_day(date(2027, 6, 5)))
    assert fields[1]["Other sources say"] == release_day(date(2027, 6, 12))
    learned = await deps.store.news.learned_events("xo-kitty", 4)
    shown = standing_date(season_status(Season.from_news_only(4), learned))
    assert shown is not None and shown.date == PartialDate(2027, 6, 5)


async def test_a_surer_date_in_a_later_poll_is_a_date_changed(deps: NewsDeps) -> None:
    """The channel was told June 12; Netflix confirming June 5 since corrects it: a move."""
    feed = await primed_feed(deps, a="changes")
    june12 = article("a", "Report: XO, Kitty season 4 premieres June 12, 2027", minutes=50)
    assert (await ingest(deps, feed, [june12], NOW)).verdicts == {"change": 1}
    june5 = article("b", "Netflix confirms XO, Kitty season 4 premieres June 5, 2027", -30)
    assert (await ingest(deps, feed, [june5], NOW + timedelta(hours=1))).verdicts == {"change": 1}
    last = (await deps.store.outbox.due(NOW, 9))[-1].message["embed"]
    fields = {f["name"]: f["value"] for f in last["fields"]}
    assert fields["What changed"] == "Date changed" and "Other sources say" not in fields


async def test_a_surer_date_told_at_once_reaches_a_guild_that_missed_it_with_the_other(
    deps: NewsDeps,
) -> None:
    """A server set up after 'reported June 12' and 'Netflix confirms June 5' were read in
    one poll hears June 5 from a slower outlet (shared, or its own feed) as the sources
    differing: with June 12 named, as the first servers were told."""
    feed = await primed_feed(deps, a="changes")
    june12 = article("a", "Report: XO, Kitty season 4 premieres June 12, 2027", minutes=50)
    june5 = article("b", "Netflix confirms XO, Kitty season 4 premieres June 5, 2027", 20)
    assert (await ingest(deps, feed, [june12, june5], NOW)).verdicts == {"change": 2}
    slow = article("c", "Netflix confirms XO, Kitty season 4 premieres June 5, 2027: outlet", -40)
    mine = article("d", "Netflix confirms XO, Kitty season 4 premieres June 5, 2027 - reports", -45)
    posts = await heard_late(deps, slow, mine)
    for guild in (1, 2, 3):
        fields = {f["name"]: f["value"] for f in posts[guild]["fields"]}
        assert fields["What changed"] == "Sources differ", guild
        assert fields.get("Other sources say") == release_day(date(2027, 6, 12)), guild


async def test_a_surer_month_after_a_delays_day_is_posted_as_now_more_certain(
    deps: NewsDeps,
) -> None:
    """'Delayed to August 14' reported, then 'Netflix confirms season 4 premieres in August
    2027': no post, though /status's release step turned confirmed. Posted once, 'Now more
    certain'; another outlet's confirmation of the month repeats it, posting nothing more."""
    feed = await primed_feed(deps, a="changes")
    june5 = article("a", "XO, Kitty season 4 premieres June 5, 2027, report says", minutes=50)
    delay = article("b", "XO, Kitty season 4 delayed to August 14, 2027", minutes=-20)
    await ingest(deps, feed, [june5], NOW)
    await ingest(deps, feed, [delay], NOW + timedelta(minutes=30))
    sure = article("c", "Netflix confirms XO, Kitty season 4 premieres in August 2027", -50)
    assert (await ingest(deps, feed, [sure], NOW + timedelta(hours=1))).verdicts == {"change": 1}
    again = article("d", "XO, Kitty season 4 coming in August 2027, Netflix confirms", -80)
    repeated = await ingest(deps, feed, [again], NOW + timedelta(hours=2))
    assert repeated.verdicts == {"repeat": 1} and repeated.queued == 0
    posts = await deps.store.outbox.due(NOW, 9)
    assert len(posts) == 3
    post = posts[-1]
    assert post.message["embed"]["title"] == "XO, Kitty season 4: release date set to August 2027"
    assert changed_field(post.message) == "Now more certain"
    status = season_status(
        Season.from_news_only(4), await deps.store.news.learned_events("xo-kitty", 4)
    )
    assert standing_date(status) is None and moved_day(status) == date(2027, 8, 14)
