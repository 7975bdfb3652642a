"""A fan's watch progress: the pure "is this recap past it?" and the repository."""

from __future__ import annotations

from datetime import timedelta

import pytest
from msgspec.structs import replace

from bot.catalog import Show
from bot.catalog.models import Season, SeasonState
from bot.domain.progress import Spot, past_progress, recap_reach, seen_of_season
from bot.render.progress import progress_view, recap_gate, spot_heading
from bot.render.recap import episode_recap_embed
from bot.store import Store
from tests.conftest import NOW


def season(show: Show, number: int) -> Season:
    found = show.season(number)
    assert found is not None
    return found


def test_spots_order_through_the_show() -> None:
    assert Spot(1, 10) < Spot(2, 1) < Spot(2, 3)
    assert Spot(2, 3).code == "S2E3"


def test_an_episode_recap_reaches_that_episode(show: Show) -> None:
    two = season(show, 2)
    finale = two.episodes[-1]
    assert finale.recap  # the data this test leans on
    assert recap_reach(show, two, finale) == Spot(2, 8)
    assert recap_reach(show, season(show, 1), season(show, 1).episodes[3]) == Spot(1, 4)


def test_a_season_recap_and_an_episode_falling_back_to_it_reach_the_last_episode(
    show: Show,
) -> None:
    two = season(show, 2)
    assert recap_reach(show, two) == Spot(2, 8)
    third = two.episodes[2]
    assert not third.recap  # shown the season's recap instead (recap_s1e6_falls_back)
    assert recap_reach(show, two, third) == Spot(2, 8)


def test_a_premise_only_season_reaches_the_episode_before_it(show: Show) -> None:
    three = season(show, 3)
    assert not three.episodes and three.premise
    assert recap_reach(show, three) == Spot(2, 8)
    alone = Season(number=1, state=SeasonState.RENEWED, sources=())
    assert recap_reach(show, alone) == Spot(1, 0)
    assert "up to **season 1**" in recap_gate(Spot(1, 0), Spot(0, 0))
    # "This recap goes up to S2E8", asked for season 3's, read as season 2's.
    assert recap_gate(Spot(2, 8), Spot(1, 4), 3).startswith(
        "⚠️ Season 3's premise builds on how season 2 ends, **S2E8**, past where you are "
        "(**S1E4**). Show it anyway?\n"
    )
    assert recap_gate(Spot(2, 8), Spot(1, 4), 2).startswith("⚠️ This recap goes up to **S2E8**")


@pytest.mark.parametrize(
    ("progress", "reach", "past"),
    [
        (None, Spot(3, 1), False),  # no progress set: every recap, as before
        (Spot(2, 3), Spot(2, 8), True),
        (Spot(2, 3), Spot(2, 3), False),  # the episode they are at
        (Spot(2, 3), Spot(2, 1), False),
        (Spot(2, 3), Spot(1, 10), False),
        (Spot(1, 10), Spot(2, 1), True),
        (Spot(2, 8), Spot(2, 8), False),  # the whole season, seen to its end
    ],
)
def test_past_progress(progress: Spot | None, reach: Spot, past: bool) -> None:
    assert past_progress(progress, reach) is past


def test_the_gate_names_both_spots_and_headings_survive_a_changed_pack(show: Show) -> None:
    text = recap_gate(Spot(2, 8), Spot(2, 3))
    assert "**S2E8**" in text and "**S2E3**" in text and "/progress clear" in text
    assert spot_heading(show, Spot(1, 4)) == "S1E4 · TGIF"
    assert spot_heading(show, Spot(9, 1)) == "S9E1"
    assert spot_heading(show, Spot(2, 3)) == "S2E3"  # no title published
    assert "no watch progress" in progress_view(show, None, None)
    assert "S1E4 · TGIF" in progress_view(show, Spot(1, 4), NOW)


async def test_progress_is_kept_per_user_and_show_until_cleared(store: Store) -> None:
    repo = store.progress
    assert await repo.get(1, "xo-kitty") is None
    await repo.set(1, "xo-kitty", Spot(2, 3), NOW)
    await repo.set(1, "other-show", Spot(1, 1), NOW)
    await repo.set(2, "xo-kitty", Spot(1, 4), NOW)
    later = NOW + timedelta(hours=1)
    await repo.set(1, "xo-kitty", Spot(2, 5), later)  # moved on: replaced, not added
    saved = await repo.get(1, "xo-kitty")
    assert saved is not None and saved.spot == Spot(2, 5) and saved.updated_at == later
    assert await repo.clear(1) == 2  # every show's
    assert await repo.get(1, "xo-kitty") is None and await repo.get(1, "other-show") is None
    other = await repo.get(2, "xo-kitty")
    assert other is not None and other.spot == Spot(1, 4)
    assert await repo.clear(1) == 0


async def test_retention_leaves_progress_alone(store: Store) -> None:
    await store.progress.set(1, "xo-kitty", Spot(2, 3), NOW - timedelta(days=400))
    await store.retention.prune(NOW)
    await store.retention.prune(NOW, dry_run=True)
    kept = await store.progress.get(1, "xo-kitty")
    assert kept is not None and kept.spot == Spot(2, 3)


def test_an_episode_seen_without_a_recap_shows_its_season_up_to_the_fan(show: Show) -> None:
    # A fan at S1E6 asking for S1E6 (no recap of its own) was asked whether to see season
    # 1 whole: the season's recap shown instead told of S1E8-S1E10.
    one = season(show, 1)
    sixth = one.episodes[5]
    assert not sixth.recap  # the data this test leans on
    assert seen_of_season(one, sixth, Spot(1, 6)) == 6
    assert seen_of_season(one, sixth, Spot(1, 9)) == 9
    card = episode_recap_embed(show, one, sixth, seen=6)
    assert [f.name for f in card.fields][-1] == "Sources"
    assert [f.name.split(" ·")[0] for f in card.fields][:-1] == [f"S1E{n}" for n in range(1, 6)]
    description = card.description or ""
    assert "up to S1E6, where you are" in description and "/recap season:1" in description
    assert "episode 8" not in description  # a season-level point may tell of any episode
    # Not seen, seen with the whole season, or with a recap of its own: as before.
    assert seen_of_season(one, sixth, Spot(1, 5)) is None
    assert seen_of_season(one, sixth, Spot(1, 10)) is None
    assert seen_of_season(one, sixth, Spot(2, 1)) is None
    assert seen_of_season(one, one.episodes[3], Spot(1, 6)) is None
    assert seen_of_season(one, sixth, None) is None
    assert seen_of_season(one, None, Spot(1, 6)) is None


def test_a_seen_episode_with_no_recap_before_it_says_so(show: Show) -> None:
    two = season(show, 2)
    bare = replace(two, episodes=tuple(replace(e, recap=()) for e in two.episodes))
    card = episode_recap_embed(show, bare, bare.episodes[2], seen=3)
    assert not card.fields
    assert "No recap of episodes 1–3 in our sources yet." in (card.description or "")
