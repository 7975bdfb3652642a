"""A fan's watch progress: the pure "is this recap past it?" and the repository."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.catalog import Show
from bot.catalog.models import Season, SeasonState
from bot.domain.progress import Spot, past_progress, recap_reach
from bot.render.progress import progress_view, recap_gate, spot_heading
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
