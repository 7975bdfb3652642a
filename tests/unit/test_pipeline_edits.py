"""A headline an outlet corrects under the same key: read again for a change of status."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from bot.news import service
from bot.news.dedupe import MAX_AGE, READ_KEPT, Seen, retitled, title_digest
from bot.news.models import Article, Signal
from bot.news.pipeline import NewsDeps, ingest
from bot.news.service import NewsService
from bot.store.feeds import Feed
from tests.conftest import NOW, ReadyClient, article
from tests.unit.test_pipeline_ingest import primed_feed, second_feed

EYES = "Netflix eyes XO, Kitty season 4"
RENEWS = "Netflix renews XO, Kitty for season 4"


def spelt(day: date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


# --- the pure decision -------------------------------------------------------------------

WHEN = datetime(2026, 6, 1, 12, tzinfo=UTC)


def entry(title: str, published: datetime | None = WHEN) -> Article:
    return Article("f", "guid:1", "https://e.org/1", title, published, "")


def seen(title: str, read_as: str = "", verdict: str = "not_news") -> dict[str, Seen]:
    return {"guid:1": Seen(title, read_as, verdict, 1)}


def test_a_corrected_headline_is_read_again_and_its_old_one_remembered() -> None:
    (found,) = retitled([entry(RENEWS)], seen(EYES), WHEN)
    assert found.judge and found.read_as == title_digest(EYES)


def test_the_same_headline_in_other_case_or_spacing_is_no_correction() -> None:
    assert retitled([entry(EYES)], seen(EYES), WHEN) == []
    assert retitled([entry("NETFLIX  eyes XO, Kitty season 4 ")], seen(EYES), WHEN) == []
    assert retitled([replace(entry(EYES), key="guid:2")], seen(EYES), WHEN) == []  # new entry


def test_a_headline_flipping_back_is_stored_not_read_again() -> None:
    (back,) = retitled([entry(EYES)], seen(RENEWS, read_as=title_digest(EYES)), WHEN)
    assert not back.judge and back.read_as == title_digest(RENEWS)


@pytest.mark.parametrize("verdict", ["baseline", "reissued", "too_old"])
def test_a_correction_of_history_is_stored_not_read(verdict: str) -> None:
    (found,) = retitled([entry(RENEWS)], seen(EYES, verdict=verdict), WHEN)
    assert not found.judge


def test_a_correction_past_the_max_age_is_stored_not_read() -> None:
    old = entry(RENEWS, published=WHEN - MAX_AGE - timedelta(hours=1))
    (found,) = retitled([old], seen(EYES), WHEN)
    assert not found.judge
    (undated,) = retitled([entry(RENEWS, published=None)], seen(EYES), WHEN)
    assert undated.judge


def test_a_live_counter_remembers_its_last_headlines_only() -> None:
    read = ""
    title = "Live: XO, Kitty season 4 news - 0 updates"
    for n in range(1, 20):
        now = f"Live: XO, Kitty season 4 news - {n} updates"
        (found,) = retitled([entry(now)], seen(title, read_as=read), WHEN)
        assert found.judge
        read, title = found.read_as, now
    assert len(read.split()) == READ_KEPT
    assert title_digest("Live: XO, Kitty season 4 news - 18 updates") in read.split()


# --- on a real store ---------------------------------------------------------------------


async def posts(deps: NewsDeps) -> list[tuple[int, str]]:
    return [(d.guild_id, d.message["embed"]["title"]) for d in await deps.store.outbox.due(NOW, 99)]


def counting(deps: NewsDeps) -> list[str]:
    """The titles ``deps`` classifies from now on."""
    read: list[str] = []
    classify = deps.classify

    def counted(title: str, summary: str, published: datetime | None) -> Signal:
        read.append(title)
        return classify(title, summary, published)

    deps.classify = counted  # type: ignore[method-assign]
    return read


async def test_a_corrected_headline_telling_a_renewal_is_posted_once_in_each_mode(
    deps: NewsDeps,
) -> None:
    """'Netflix eyes season 4' (no news: the all-news server has the story) is corrected to
    'Netflix renews … for season 4': the renewal is posted once to each server, the all-news
    one too (as the change it is, never the story again); polls carrying it post no more."""
    feed = await primed_feed(deps, a="changes", b="all")
    await ingest(deps, feed, [article("a", EYES)], NOW)
    assert await posts(deps) == [(2, "XO, Kitty news")]
    report = await ingest(deps, feed, [article("a", RENEWS)], NOW)
    assert report.verdicts == {"edited": 1} and report.queued == 2
    for _ in range(2):
        await ingest(deps, feed, [article("a", RENEWS)], NOW)
    assert await posts(deps) == [
        (2, "XO, Kitty news"),
        (1, "XO, Kitty season 4: renewed"),
        (2, "XO, Kitty season 4: renewed"),
    ]
    (renewal,) = await deps.store.news.learned_events("xo-kitty", 4)
    assert renewal.source_title == RENEWS and renewal.source_url == "https://e.org/a"
    # /feeds why finds the entry by its headline now, and tells its current verdict.
    (stored,) = await deps.store.news.find_articles([feed.id], "renews")
    assert stored.title == RENEWS and stored.verdict == "change:new_milestone"
    assert (
        stored.change_id is not None
        and await deps.store.news.find_articles([feed.id], "eyes") == []
    )


async def test_a_premiere_day_corrected_is_a_date_moved(deps: NewsDeps) -> None:
    first, fixed = (NOW.date() + timedelta(days=d) for d in (60, 67))
    feed = await primed_feed(deps, a="changes")
    await ingest(deps, feed, [article("a", f"XO, Kitty season 4 premieres {spelt(first)}")], NOW)
    later = NOW + timedelta(hours=1)
    corrected = article("a", f"XO, Kitty season 4 premieres {spelt(fixed)}")
    assert (await ingest(deps, feed, [corrected], later)).queued == 1
    changed = [
        {f["name"]: f["value"] for f in d.message["embed"]["fields"]}["What changed"]
        for d in await deps.store.outbox.due(later, 9)
    ]
    assert changed[1:] == ["Date changed"]  # not "Sources differ": one source corrected


async def test_a_typo_fixed_posts_nothing_in_either_mode(deps: NewsDeps) -> None:
    feed = await primed_feed(deps, a="changes", b="all")
    await ingest(deps, feed, [article("a", "XO, Kitty star Anna Cathcart talks fahsion")], NOW)
    await ingest(deps, feed, [article("b", RENEWS)], NOW)
    before = await posts(deps)
    assert before == [
        (2, "XO, Kitty news"),
        (1, "XO, Kitty season 4: renewed"),
        (2, "XO, Kitty season 4: renewed"),
    ]
    fixed = [
        article("a", "XO, Kitty star Anna Cathcart talks fashion"),
        article("b", "Netflix renews XO, Kitty for a fourth season"),
    ]
    report = await ingest(deps, feed, fixed, NOW)
    assert report.verdicts == {"edited": 2} and report.queued == 0
    assert await posts(deps) == before
    assert len(await deps.store.news.learned_events("xo-kitty", 4)) == 1
    # /feeds why: the feature's correction told nothing; the renewal's post stays explained
    (fashion,) = await deps.store.news.find_articles([feed.id], "fashion")
    (fourth,) = await deps.store.news.find_articles([feed.id], "fourth")
    assert fashion.verdict == "edited" and fashion.change_id is None
    assert fourth.verdict == "change:new_milestone" and fourth.change_id is not None


async def test_a_headline_flipping_back_and_forth_posts_once_and_reads_each_wording_once(
    deps: NewsDeps,
) -> None:
    feed = await primed_feed(deps, a="changes", b="all")
    read = counting(deps)
    for title in (EYES, RENEWS, EYES, RENEWS, EYES, RENEWS):
        await ingest(deps, feed, [article("a", title)], NOW)
    assert read == [EYES, RENEWS]
    assert await posts(deps) == [
        (2, "XO, Kitty news"),
        (1, "XO, Kitty season 4: renewed"),
        (2, "XO, Kitty season 4: renewed"),
    ]
    assert len(await deps.store.news.learned_events("xo-kitty", 4)) == 1
    (stored,) = await deps.store.news.find_articles([feed.id], "XO")
    assert stored.title == RENEWS and stored.verdict == "change:new_milestone"


async def test_a_correction_telling_what_is_known_adds_no_source_and_no_post(
    deps: NewsDeps,
) -> None:
    feed = await primed_feed(deps, a="changes")
    await ingest(deps, feed, [article("b", RENEWS)], NOW)
    await ingest(deps, feed, [article("a", EYES)], NOW)
    read = counting(deps)
    report = await ingest(deps, feed, [article("a", "XO, Kitty renewed for season 4")], NOW)
    assert read == ["XO, Kitty renewed for season 4"] and report.queued == 0
    assert len(await deps.store.news.learned_events("xo-kitty", 4)) == 1
    assert len(await posts(deps)) == 1


async def test_the_backlog_and_old_entries_stay_history_when_corrected(deps: NewsDeps) -> None:
    feed = await deps.store.feeds.add("https://e.org/feed", shared=True)
    await deps.store.guilds.update(1, channel_id=10, mode="all")
    await ingest(deps, feed, [article("a", EYES)], NOW)  # the first poll: a baseline
    primed_feed = await deps.store.feeds.get(feed.id)
    assert primed_feed is not None
    old = article("old", "XO, Kitty star talks fashion", minutes=60 * 24 * 20)
    await ingest(deps, primed_feed, [old], NOW)
    read = counting(deps)
    corrected = [article("a", RENEWS), replace(old, title=RENEWS.replace("4", "5"))]
    await ingest(deps, primed_feed, corrected, NOW)
    assert read == [] and await posts(deps) == []
    (stored,) = await deps.store.news.find_articles([feed.id], "renews XO, Kitty for season 4")
    assert stored.verdict == "baseline"  # stored, as history


async def test_a_poll_cut_off_mid_correction_leaves_it_to_the_next(
    deps: NewsDeps, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing of a poll is kept unless all is (a SIGKILL mid-poll is a transaction never
    committed): the next poll reads the correction and posts it, once."""
    feed = await primed_feed(deps, a="changes")
    await ingest(deps, feed, [article("a", EYES)], NOW)

    async def cut(*_: object) -> None:
        raise RuntimeError("killed")

    with monkeypatch.context() as patch:
        patch.setattr(deps.store.news, "retitle", cut)
        with pytest.raises(RuntimeError):
            await ingest(deps, feed, [article("a", RENEWS)], NOW)
    assert await posts(deps) == []
    await ingest(deps, feed, [article("a", RENEWS)], NOW)
    await ingest(deps, feed, [article("a", RENEWS)], NOW)
    assert await posts(deps) == [(1, "XO, Kitty season 4: renewed")]


async def test_a_servers_own_feed_corrected_tells_its_followers_once(deps: NewsDeps) -> None:
    """An own feed's news is its followers' alone: the correction's change is theirs, and a
    server that heard it from its other feed first is not told it again."""
    feed = await primed_feed(deps, "https://own.org/feed", shared=False, a="changes", b="all")
    other = await second_feed(deps, 1)
    await ingest(deps, feed, [article("a", EYES)], NOW)
    await ingest(deps, other, [article("x", "XO, Kitty officially renewed for season 4")], NOW)
    await ingest(deps, feed, [article("a", RENEWS)], NOW)
    await ingest(deps, feed, [article("a", RENEWS)], NOW)
    assert await posts(deps) == [
        (2, "XO, Kitty news"),
        (1, "XO, Kitty season 4: renewed"),
        (2, "XO, Kitty season 4: renewed"),
    ]


async def test_another_outlets_telling_of_the_corrected_story_is_that_story(
    deps: NewsDeps,
) -> None:
    """'Netflix eyes season 4' corrected to 'Netflix renews … for season 4' posts the
    renewal to the all-news server; another outlet's 'Netflix renews … for season 4' was a
    story nobody had told (the correction kept its entry's story, and only that headline's
    fingerprint), so the server got the renewal again as news. It is the corrected story,
    told already; a story in other words is still news."""
    feed = await primed_feed(deps, b="all")
    await ingest(deps, feed, [article("a", EYES)], NOW)
    await ingest(deps, feed, [article("a", RENEWS)], NOW + timedelta(hours=1))
    assert await posts(deps) == [(1, "XO, Kitty news"), (1, "XO, Kitty season 4: renewed")]
    other = await _retold_is_the_corrected_story(deps, feed)
    new = await ingest(deps, other, [article("p", "XO, Kitty casts two new stars")], NOW)
    assert new.queued == 1


async def test_a_live_counters_headlines_are_classified_outside_the_write_lock(
    deps: NewsDeps,
) -> None:
    """A "Live:" headline changing every poll was classified once per poll inside the
    poll's transaction, holding the store's write lock (every other poll and command waits
    on it) for that CPU time. Each new or corrected headline is classified once, before the
    lock is taken, and recorded as before."""
    feed = await primed_feed(deps, a="changes")
    lock = deps.store.db._write_lock
    held: list[bool] = []
    classify = deps.classify

    def watched(title: str, summary: str, published: datetime | None) -> Signal:
        held.append(lock.locked())
        return classify(title, summary, published)

    deps.classify = watched  # type: ignore[method-assign]
    for n in range(3):
        live = article("live", f"Live: XO, Kitty season 4 fan event, {n + 1} updates")
        await ingest(deps, feed, [live, article(f"new{n}", EYES if n else RENEWS)], NOW)
    assert held == [False] * 6  # each poll: the counter corrected (new, at first) and a new entry
    assert await posts(deps) == [(1, "XO, Kitty season 4: renewed")]
    (stored,) = await deps.store.news.find_articles([feed.id], "Live:")
    assert stored.title.endswith("3 updates")


async def test_a_new_entry_in_the_corrected_words_is_no_reissue_of_the_old_wordings_backlog(
    deps: NewsDeps,
) -> None:
    """Another feed's backlog held the story in its first words; its new entry in the
    corrected words is that story, but not its backlog entry re-keyed: judged, not history."""
    feed = await primed_feed(deps, a="changes")
    other = await deps.store.feeds.add("https://other.org/feed")
    await ingest(deps, other, [article("x0", EYES)], NOW)  # its baseline
    other = await deps.store.feeds.get(other.id) or other
    await ingest(deps, feed, [article("a", EYES)], NOW)
    await ingest(deps, feed, [article("a", RENEWS)], NOW + timedelta(hours=1))
    told = await ingest(deps, other, [article("x1", RENEWS)], NOW + timedelta(hours=2))
    assert told.verdicts == {"repeat": 1}


async def test_a_correction_read_before_the_upgrade_is_its_story_after_it(
    deps: NewsDeps,
) -> None:
    """A release at migration 19 read 'Netflix eyes season 4' corrected to 'Netflix renews
    … for season 4' and posted the renewal to the all-news server, but kept no row naming
    the corrected words as that story's: after the upgrade another outlet's telling in them
    was a new story, posted again. The start records such corrections once."""
    feed = await primed_feed(deps, b="all")
    await ingest(deps, feed, [article("a", EYES)], NOW)
    await ingest(deps, feed, [article("a", RENEWS)], NOW + timedelta(hours=1))
    # as the release before 0020 left it: the correction, and no wording row
    await deps.store.db.write("DELETE FROM stories WHERE same_as IS NOT NULL")
    news = NewsService(ReadyClient(), deps)  # type: ignore[arg-type]
    await service.once_per_scheme(
        deps.store, service._WORDINGS, service.WORDINGS_SCHEME, news._record_wordings
    )
    await _retold_is_the_corrected_story(deps, feed)


async def _retold_is_the_corrected_story(deps: NewsDeps, feed: Feed) -> Feed:
    """Another outlet's telling in the corrected words: the corrected story, not posted."""
    other = await second_feed(deps, 1)
    told = await ingest(deps, other, [article("o", RENEWS)], NOW + timedelta(hours=2))
    assert told.verdicts == {"repeat": 1} and told.queued == 0
    (corrected,) = await deps.store.news.find_articles([feed.id], "renews")
    (retold,) = await deps.store.news.find_articles([other.id], "renews")
    assert retold.story_id == corrected.story_id
    return other
