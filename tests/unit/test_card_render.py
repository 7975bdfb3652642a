"""The status card's pure parts and its store: what it shows, when it changes, where it is."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

from bot.catalog import Season, Show
from bot.domain.status import LearnedEvent, pending, season_status
from bot.moderation.setup_view import card_notes, card_reply, settings_embed
from bot.news.models import Certainty, Milestone
from bot.render.card import CARD_MARK, status_card
from bot.render.limits import TOTAL, embed_size
from bot.store import Store
from bot.store.cards import StatusCard
from bot.store.guilds import GuildSettings

PREMIERE = date(2026, 4, 2)  # season 3's day in the pack


def told(milestone: Milestone, when: date | None = None, n: int = 0) -> LearnedEvent:
    seen = datetime(2026, 3, 1, tzinfo=UTC) + timedelta(minutes=n)
    return LearnedEvent(
        milestone, Certainty.CONFIRMED, when, f"https://news.example/{n}", "Headline", seen
    )


def test_the_card_is_status_cards_for_the_newest_and_a_pending_season_before(show: Show) -> None:
    third = show.season(3)
    second = show.season(2)
    assert third is not None and second is not None
    now = datetime(2026, 3, 1, tzinfo=UTC)
    s3, s2 = season_status(third, []), season_status(second, [])
    assert pending(third, s3) and not pending(second, s2)
    renewed = Season.from_news_only(4)
    s4 = season_status(renewed, [told(Milestone.RENEWED)])
    card = status_card(show, [(third, s3), (renewed, s4)], now)
    assert card.content == CARD_MARK
    assert [e["title"] for e in card.embeds] == [
        "XO, Kitty: season 3 status",
        "XO, Kitty: season 4 status",
    ]
    # A countdown Discord keeps live by itself, as /status shows it.
    assert "<t:" in card.embeds[0]["description"] and ":R>" in card.embeds[0]["description"]
    # Cancelled is not pending either.
    assert not pending(renewed, season_status(renewed, [told(Milestone.CANCELLED)]))


def test_the_digest_changes_only_with_what_the_card_shows(show: Show) -> None:
    third = show.season(3)
    assert third is not None
    status = season_status(third, [])
    hour = datetime(2026, 3, 31, 10, tzinfo=UTC)
    same = [status_card(show, [(third, status)], hour + timedelta(hours=h)) for h in range(3)]
    assert len({c.digest for c in same}) == 1  # no edit each hour for nothing
    newer = season_status(third, [told(Milestone.RELEASE_DATE_ANNOUNCED, date(2026, 5, 1))])
    assert status_card(show, [(third, newer)], hour).digest != same[0].digest


def test_the_premiere_day_arriving_changes_the_card(show: Show) -> None:
    """Until it comes out (midnight US Pacific: 07:00 UTC in April), a countdown; then "set
    for" today; the day after, the card asks whether it came out, as /status does: each is
    one edit, whatever hour the job runs."""
    third = show.season(3)
    assert third is not None
    status = season_status(third, [])

    def head(now: datetime) -> str:
        card = status_card(show, [(third, status)], now)
        return str(card.embeds[0]["description"]).split("\n")[0]

    eve = datetime.combine(PREMIERE - timedelta(days=1), datetime.min.time(), UTC)
    before, day, after = (head(eve + timedelta(hours=h)) for h in (30, 32, 49))
    assert "is set for" in before and ":R>" in before
    assert "is set for" in day and ":R>" not in day
    assert "was scheduled" in after and "no source we track confirms" in after
    assert len({before, day, after}) == 3


def test_two_big_cards_fit_one_message(show: Show) -> None:
    """Discord's 6000 characters are the whole message's: two full /status cards exceed it."""
    third = show.season(3)
    assert third is not None
    many = [
        LearnedEvent(
            Milestone.FILMING_STARTED,
            Certainty.REPORTED,
            None,
            f"https://news.example/{'x' * 300}/{n}",
            "A long headline " * 10,
            datetime(2026, 3, 1, tzinfo=UTC) + timedelta(minutes=n),
        )
        for n in range(40)
    ]
    status = season_status(third, many)
    now = datetime(2026, 3, 1, tzinfo=UTC)
    one = status_card(show, [(third, status)], now)
    assert embed_size(one.embeds[0]) > TOTAL // 2  # big enough that two would overflow
    two = status_card(show, [(third, status), (third, status)], now)
    assert sum(embed_size(e) for e in two.embeds) <= TOTAL
    json.dumps(two.embeds)  # plain data: hashed, and sent as it is


def test_setup_view_says_where_the_card_is_and_whether_it_is_live() -> None:
    assert "off" in card_notes(None)
    posting = StatusCard(1, 2, None, None)
    assert "🟢" in card_notes(posting) and "<#2>" in card_notes(posting)
    live = StatusCard(1, 2, 3, "d")
    assert "https://discord.com/channels/1/2/3" in card_notes(live)
    stopped = StatusCard(1, 2, 3, "d", "missing permissions in <#2>", "2026-03-01T00:00:00Z")
    text = card_notes(stopped)
    assert text.startswith("🔴 stopped") and "/setup card" in text
    embed = settings_embed(
        GuildSettings(1), show_title="XO, Kitty", own_feeds=0, shared_feeds=0, card=text
    )
    assert any(f.name == "Status card" and f.value == text for f in embed.fields)


def test_setup_card_answers_with_the_card_or_why_not() -> None:
    posted = card_reply(StatusCard(1, 2, 3, "d"), "<#2>")
    assert "https://discord.com/channels/1/2/3" in posted and "Pin it" in posted
    stopped = card_reply(StatusCard(1, 2, None, None, "missing permissions in <#2>"), "<#2>")
    assert "couldn't post" in stopped and "missing permissions" in stopped
    assert "try again" not in stopped
    advised = card_reply(StatusCard(1, 2, 3, "d"), "<#2>", "I can post in <#2> but not…")
    assert advised.startswith(posted) and advised.endswith("\n⚠️ I can post in <#2> but not…")
    later = card_reply(StatusCard(1, 2, None, None), "<#2>")
    assert "I'll try again within the hour" in later


async def test_the_store_keeps_one_card_per_guild(store: Store) -> None:
    assert await store.cards.place(1, 10) is None
    await store.cards.record(1, 10, 100, "a")
    # The same channel again keeps the message (edited, not posted twice), digest forgotten
    # so it is written afresh.
    before = await store.cards.place(1, 10)
    assert before is not None and before.message_id == 100
    card = await store.cards.get(1)
    assert card is not None and (card.message_id, card.digest) == (100, None)
    # Another channel starts afresh; a write for the old one is dropped.
    await store.cards.place(1, 11)
    await store.cards.record(1, 10, 101, "b")
    card = await store.cards.get(1)
    assert card is not None and (card.channel_id, card.message_id) == (11, None)
    # Refused: stopped once (told once), no longer live.
    await store.cards.record(1, 11, 102, "c")
    assert await store.cards.stop(1, 11, "gone", "2026-03-01T00:00:00Z")
    assert not await store.cards.stop(1, 11, "gone", "2026-03-01T00:00:01Z")
    assert await store.cards.live() == []
    # /setup card again lifts the stop and keeps the message.
    await store.cards.place(1, 11)
    [live] = await store.cards.live()
    assert live.message_id == 102 and live.problem is None
    # Deleted by hand: the next write posts anew.
    await store.cards.lost(1, 102)
    card = await store.cards.get(1)
    assert card is not None and card.message_id is None
    # The guild's show comes with the card.
    await store.guilds.update(1, show_slug="kitty-forever")
    [live] = await store.cards.live()
    assert live.show_slug == "kitty-forever"
    gone = await store.cards.forget(1)
    assert gone is not None and await store.cards.get(1) is None
