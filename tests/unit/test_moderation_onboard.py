"""Taking on a feed after /feeds add: its current items become baseline, never announcements."""

from __future__ import annotations

from datetime import timedelta

from bot.catalog import load_catalog
from bot.moderation.onboard import adopt, preview_items, show_for
from bot.news.fetch import FetchResult
from bot.news.pipeline import NewsDeps, ingest
from bot.store.feeds import Feed
from bot.store.guilds import GuildSettings
from tests.conftest import NOW, REPO, article

FETCHED = FetchResult(status="ok", url="https://e.org/feed", etag='"v1"', body_hash="h1")


async def test_a_new_feed_takes_everything_as_baseline(deps: NewsDeps) -> None:
    store = deps.store
    feed = await store.feeds.add("https://e.org/feed")
    await store.guilds.update(1, channel_id=10, mode="all")
    await store.feeds.subscribe(1, feed.id, None)
    backlog = [
        article("a", "Netflix renews XO, Kitty for season 3"),
        article("b", "XO, Kitty news"),
    ]
    assert await adopt(deps, feed, backlog, FETCHED, title="E", now=NOW)

    after = await store.feeds.get(feed.id)
    assert after is not None and after.primed and after.etag == '"v1"' and after.title == "E"
    assert after.next_poll_at is not None and after.last_success_at is not None
    seen = await store.news.find_articles([feed.id], "XO, Kitty")
    assert {s.verdict for s in seen} == {"baseline"} and len(seen) == 2
    # The next poll with the same items queues nothing.
    report = await ingest(deps, after, backlog, NOW)
    assert report.queued == 0 and not report.verdicts
    assert await store.outbox.counts() == {}


async def test_a_feed_others_follow_is_left_to_its_poller(deps: NewsDeps) -> None:
    store = deps.store
    feed = await store.feeds.add("https://e.org/feed")
    await store.feeds.subscribe(2, feed.id, None)  # another server follows it
    await ingest(deps, feed, [article("a", "XO, Kitty news")], NOW)  # primed by a poll
    primed = await store.feeds.get(feed.id)
    assert primed is not None and primed.primed
    assert not await adopt(
        deps, primed, [article("z", "XO, Kitty later")], FETCHED, title=None, now=NOW
    )
    assert await store.news.find_articles([feed.id], "later") == []  # still new to the poller
    untouched = await store.feeds.get(feed.id)
    assert untouched is not None and untouched.etag is None


async def test_a_feed_left_unfollowed_by_a_cut_short_add_is_baseline_again(
    deps: NewsDeps,
) -> None:
    """/feeds add records the baseline, then subscribes: killed in between, the feed stays
    primed but unpolled, and adding it again announced everything it published meanwhile."""
    store = deps.store
    await store.guilds.update(1, channel_id=10, mode="all")
    feed = await store.feeds.add("https://e.org/feed")
    first = [article("a", "XO, Kitty news")]
    assert await adopt(deps, feed, first, FETCHED, title=None, now=NOW)
    # SIGKILL here: no subscribe. Days later the moderator adds it again.
    orphan = await store.feeds.get(feed.id)
    assert orphan is not None and orphan.primed and orphan.enabled
    assert await store.feeds.due(NOW) == []  # nobody follows it, so nobody polled it
    meanwhile = [*first, article("m", "XO, Kitty season 3 wraps filming")]
    assert await adopt(deps, orphan, meanwhile, FETCHED, title=None, now=NOW)
    await store.feeds.subscribe(1, feed.id, None)
    (row,) = await store.news.find_articles([feed.id], "wraps")
    assert row.verdict == "baseline"
    polled = await store.feeds.get(feed.id)
    assert polled is not None
    report = await ingest(deps, polled, meanwhile, NOW)
    assert report.queued == 0 and await store.outbox.counts() == {}


async def test_a_disabled_feed_is_enabled_and_its_gap_is_baseline(deps: NewsDeps) -> None:
    store = deps.store
    feed = await store.feeds.add("https://e.org/feed")
    await ingest(deps, feed, [article("a", "XO, Kitty news")], NOW)
    await store.feeds.disable(feed.id, "no server follows it", now=NOW)
    disabled = await store.feeds.get(feed.id)
    assert disabled is not None and not disabled.enabled
    missed = [article("m", "XO, Kitty season 3 wraps filming"), article("a", "XO, Kitty news")]
    assert await adopt(deps, disabled, missed, FETCHED, title=None, now=NOW)
    again = await store.feeds.get(feed.id)
    assert again is not None and again.enabled and again.failures == 0
    (row,) = await store.news.find_articles([feed.id], "wraps")
    assert row.verdict == "baseline"


async def test_preview_items_judge_the_newest_three_for_the_guilds_mode(deps: NewsDeps) -> None:
    items = [
        article("old", "XO, Kitty season 3 starts filming", minutes=300),
        article("a", "Banana bread recipe", minutes=1),
        article("b", "XO, Kitty season 4 starts filming in Seoul", minutes=2),
        article("c", "XO, Kitty star talks fashion", minutes=3),
    ]
    changes = await preview_items(deps, items, GuildSettings(guild_id=1), NOW)
    assert [i.article.key for i in changes] == ["a", "b", "c"]
    assert [i.judgement.posts for i in changes] == [False, True, False]
    assert changes[1].signal.milestone is not None
    all_news = await preview_items(deps, items, GuildSettings(guild_id=1, mode="all"), NOW)
    assert [i.judgement.posts for i in all_news] == [False, True, True]


def test_show_for_falls_back_to_the_default_pack() -> None:
    catalog = load_catalog(REPO / "data" / "shows")
    assert show_for(catalog, GuildSettings(guild_id=1)) is catalog.default_show
    gone = GuildSettings(guild_id=1, show_slug="uninstalled-show")
    assert show_for(catalog, gone) is catalog.default_show
    chosen = GuildSettings(guild_id=1, show_slug=catalog.shows[0].slug)
    assert show_for(catalog, chosen) is catalog.shows[0]


async def followed_feed(deps: NewsDeps) -> Feed:
    """A shared feed guild 1 follows (channel 10, changes mode), its first poll done: its
    news is every server's (guild 2, with no channel, was sent none of it)."""
    feed = await deps.store.feeds.add("https://e.org/feed", shared=True)
    await deps.store.guilds.update(1, channel_id=10)
    await deps.store.feeds.subscribe(1, feed.id, None)
    await ingest(deps, feed, [], NOW)
    primed = await deps.store.feeds.get(feed.id)
    assert primed is not None
    return primed


async def test_preview_a_repeat_posts_only_where_the_change_was_not_sent(deps: NewsDeps) -> None:
    primed = await followed_feed(deps)
    await ingest(deps, primed, [article("a", "Netflix renews XO, Kitty for season 4")], NOW)
    repeat = [article("b", "XO, Kitty: Netflix renews the K-drama for season 4")]
    (heard,) = await preview_items(deps, repeat, GuildSettings(guild_id=1), NOW)
    assert not heard.judgement.posts and "already known" in heard.judgement.reason
    (missed,) = await preview_items(deps, repeat, GuildSettings(guild_id=2), NOW)
    assert missed.judgement.posts and "not heard yet" in missed.judgement.reason


async def test_preview_says_a_far_off_season_is_not_posted_as_a_change(deps: NewsDeps) -> None:
    """The pipeline takes "season 12" of a three-season show for a misreading and posts no
    change for it; the preview promised one ("would post: status change")."""
    far = [article("a", "Netflix renews XO, Kitty for season 12")]
    (item,) = await preview_items(deps, far, GuildSettings(guild_id=1), NOW)
    assert not item.judgement.posts
    (item,) = await preview_items(deps, far, GuildSettings(guild_id=1, mode="all"), NOW)
    assert item.judgement.posts and "status change" not in item.judgement.reason


async def test_preview_judges_news_of_several_seasons_as_the_pipeline_does(
    deps: NewsDeps,
) -> None:
    """With season 4's renewal known, "renews it for seasons 4 and 5" posts season 5's; the
    preview said it would only be an extra source. A denial is previewed as its change."""
    primed = await followed_feed(deps)
    told = [
        article("a", "Netflix renews XO, Kitty for season 4"),
        article("b", "XO, Kitty season 4 reportedly begins filming in Seoul"),
    ]
    await ingest(deps, primed, told, NOW)
    both = [article("c", "Netflix renews XO, Kitty for seasons 4 and 5")]
    (item,) = await preview_items(deps, both, GuildSettings(guild_id=1), NOW)
    # as the post names it: season 5 alone changes
    assert item.judgement.reason == "status change: season 5 · renewed · confirmed"
    more = [article("e", "Netflix renews XO, Kitty for seasons 5 and 6")]
    (item,) = await preview_items(deps, more, GuildSettings(guild_id=1), NOW)
    assert item.judgement.reason == "status change: seasons 5 and 6 · renewed · confirmed"
    denial = [article("d", "Netflix denies XO, Kitty season 4 filming reports")]
    (item,) = await preview_items(deps, denial, GuildSettings(guild_id=1), NOW)
    assert item.judgement.posts
    assert item.judgement.reason == "status change: season 4 · filming_started denied · confirmed"


async def test_preview_a_season_told_beside_another_is_not_posted_again(deps: NewsDeps) -> None:
    """The post of "renews it for seasons 4 and 5" told this server season 5's renewal: the
    pipeline does not repeat it from another outlet, and the preview must not promise it."""
    primed = await followed_feed(deps)
    both = [article("a", "Netflix renews XO, Kitty for seasons 4 and 5")]
    await ingest(deps, primed, both, NOW)
    fives = [article("b", "Netflix renews XO, Kitty for season 5")]
    (heard,) = await preview_items(deps, fives, GuildSettings(guild_id=1), NOW)
    assert not heard.judgement.posts and "already known" in heard.judgement.reason
    (missed,) = await preview_items(deps, fives, GuildSettings(guild_id=2), NOW)
    assert missed.judgement.posts


async def test_preview_a_later_season_told_beside_old_news_is_a_repeat(deps: NewsDeps) -> None:
    """Season 4's renewal old news, season 5's recent: "renews it for seasons 4 and 5" repeats
    season 5's to a server never sent it, as the pipeline does; the preview said "known"."""
    primed = await followed_feed(deps)
    then = NOW - timedelta(days=20)
    old = article("a", "Netflix renews XO, Kitty for season 4", minutes=60 * 24 * 20)
    await ingest(deps, primed, [old], then)
    await ingest(deps, primed, [article("b", "Netflix renews XO, Kitty for season 5")], NOW)
    both = [article("c", "Netflix renews XO, Kitty for seasons 4 and 5")]
    (missed,) = await preview_items(deps, both, GuildSettings(guild_id=2), NOW)
    assert missed.judgement.posts and "not heard yet" in missed.judgement.reason
    (heard,) = await preview_items(deps, both, GuildSettings(guild_id=1), NOW)
    assert not heard.judgement.posts


async def test_why_finds_a_title_in_any_case_and_unicode_spelling(deps: NewsDeps) -> None:
    """SQLite's LIKE folds ASCII only: /feeds why "çekimler" found no "ÇEKİMLER BAŞLADI",
    nor "café" a title the feed wrote with e + accent, though the filter reads them alike."""
    store = deps.store
    feed = await store.feeds.add("https://e.org/feed")
    backlog = [
        article("t", "XO, KITTY: ÇEKİMLER BAŞLADI"),
        article("c", "Kitty's cafe\u0301 date, 100% confirmed"),
        article("u", "snake_case is not a wildcard"),
    ]
    assert await adopt(deps, feed, backlog, FETCHED, title="E", now=NOW)
    for query, key in (
        ("çekimler başladı", "t"),
        ("CAF\u00c9 DATE", "c"),
        ("100%", "c"),
        ("e_c", "u"),
        ("https://e.org/t", "t"),
    ):
        found = await store.news.find_articles([feed.id], query)
        assert [s.key for s in found] == [key], query
    assert await store.news.find_articles([feed.id], "100%x") == []
    assert await store.news.find_articles([feed.id], "e%c") == []
