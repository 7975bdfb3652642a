"""Scores the classifier on labelled headline sets and prints the figures.

* dev      - ../shared/eval/headlines-dev.tsv (skipped when the shared folder is absent)
* train    - tests/data/headlines-train.tsv (the rules were developed against it)
* held-out - the newest tests/data/headlines-heldout-v*.tsv (collected after the
  rules were frozen and never used to tune them; once looked at, a held-out set
  is folded into train and a fresh one is collected)

A row counts as a correct announcement when the predicted milestone matches
its label; ``filming_rumored`` means filming_started with rumored certainty,
so rumoured-ness must match too.  Printed per set: precision of announced
milestones, recall over non-"other" rows, the share of "other" rows that were
announced, and the confusion matrix (label x prediction).  Run with ``-s`` or
read the captured-output-free lines in the terminal: they are printed with
capture disabled.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.news.classify import ShowIndex, classify
from bot.news.models import Milestone
from tests.headlines import label_of

_HERE = Path(__file__).resolve()
DATA = _HERE.parents[1] / "data"
DEV = _HERE.parents[2] / ".." / "shared" / "eval" / "headlines-dev.tsv"
COLUMNS = ("id", "show", "season", "label", "title", "summary", "date", "source_url", "note")
LABELS = frozenset({m.value for m in Milestone} | {"filming_rumored", "other"})


@dataclass
class Score:
    rows: int = 0
    announced: int = 0
    correct: int = 0
    positives: int = 0
    found: int = 0
    others: int = 0
    others_announced: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)

    @property
    def precision(self) -> float:
        return self.correct / self.announced if self.announced else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.positives if self.positives else 1.0

    @property
    def other_announced(self) -> float:
        return self.others_announced / self.others if self.others else 0.0


def _load(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def _published(raw: str) -> datetime | None:
    """Dates in the sets are days, months ("2023-06") or years; take the middle."""
    raw = raw.strip()
    try:
        if len(raw) == 10:
            return datetime.fromisoformat(raw).replace(tzinfo=UTC)
        if len(raw) == 7:
            return datetime.fromisoformat(f"{raw}-15").replace(tzinfo=UTC)
        if len(raw) == 4:
            return datetime(int(raw), 7, 1, tzinfo=UTC)
    except ValueError:
        return None
    return None


def _index(rows: list[dict[str, str]]) -> ShowIndex:
    """A catalog made of the shows the rows are about (as the bot's catalog would be)."""
    names = {r["show"] for r in rows if r["show"] and not r["show"].startswith("(")}
    return ShowIndex.from_aliases({name.lower().replace(" ", "-"): [name] for name in names})


def score(rows: list[dict[str, str]]) -> Score:
    index = _index(rows)
    result = Score()
    for row in rows:
        label = row["label"]
        signal = classify(row["title"], row["summary"], _published(row["date"]), index)
        predicted = label_of(signal)
        result.rows += 1
        result.confusion[(label, predicted)] += 1
        if predicted != "other":
            result.announced += 1
            result.correct += predicted == label
        if label == "other":
            result.others += 1
            result.others_announced += predicted != "other"
        else:
            result.positives += 1
            result.found += predicted == label
    return result


def report(name: str, result: Score) -> str:
    labels = sorted({label for label, _ in result.confusion} | {p for _, p in result.confusion})
    short = {label: label.replace("release_date_announced", "date_ann")[:9] for label in labels}
    lines = [
        f"{name}: {result.rows} rows | precision {result.precision:.3f} "
        f"({result.correct}/{result.announced}) | recall {result.recall:.3f} "
        f"({result.found}/{result.positives}) | other announced {result.other_announced:.3f} "
        f"({result.others_announced}/{result.others})",
        "  label \\ predicted  " + " ".join(f"{short[p]:>9}" for p in labels),
    ]
    for label in labels:
        counts = " ".join(f"{result.confusion[(label, p)] or '.':>9}" for p in labels)
        lines.append(f"  {label:<19}{counts}")
    return "\n".join(lines)


def _print(capsys: pytest.CaptureFixture[str], text: str) -> None:
    with capsys.disabled():
        print(f"\n{text}")


def _heldout() -> Path | None:
    """The newest held-out set (``headlines-heldout-v5.tsv`` beats ``-v4``)."""
    found = sorted(
        DATA.glob("headlines-heldout-v*.tsv"), key=lambda p: int(p.stem.rsplit("v", 1)[1])
    )
    return found[-1] if found else None


def _labelled() -> list[Path]:
    held = _heldout()
    return [DATA / "headlines-train.tsv", *([held] if held else [])]


@pytest.mark.parametrize("path", _labelled(), ids=lambda p: p.stem)
def test_labelled_sets_are_well_formed(path: Path) -> None:
    rows = _load(path)
    assert rows, path
    assert tuple(rows[0]) == COLUMNS
    assert len({r["id"] for r in rows}) == len(rows)
    assert {r["label"] for r in rows} <= LABELS
    assert all(r["title"].strip() and r["source_url"].startswith("http") for r in rows)


def test_train_and_heldout_do_not_share_articles() -> None:
    held = _heldout()
    if held is None:
        pytest.skip("no held-out set collected since the last one was folded into train")
    urls = [{r["source_url"] for r in _load(path)} for path in (DATA / "headlines-train.tsv", held)]
    assert not urls[0] & urls[1]


@dataclass(frozen=True)
class Floors:
    precision: float
    recall: float
    other_announced: float


# dev and train were read while writing the rules, so their floors are regression guards.
# A held-out set is collected after the rules are frozen and scored once; then it is folded
# into train and the rules are tuned again, so the next one must be fresh.  Results so far:
# v1 P 0.85 R 0.86, v2 P 0.66 R 0.56, v3 P 0.72 R 0.59, v4 P 0.905 R 0.745, v5 (123 rows)
# P 0.795 R 0.707, other announced 0.098, v6 (108 rows) P 0.811 R 0.662, other 0.116.
# Then train grew by 600 rows (T9-*, T10-*: mostly lead sentences as titles, long summaries,
# one row in six in another language) and v7 (150 rows, 72 shows, 109 outlets, 61% lead
# sentences; rules frozen at e2904c7) scored P 0.694 (59/85), R 0.573 (59/103), other
# announced 0.277 (13/47): further from the targets than v6.  A second annotator labelling
# v7 blind from the same guide agreed on 138/150 rows (kappa 0.91; judged against the first:
# P 0.914, R 0.932), so the targets are within a careful reader's reach.  v7 went into train;
# v8 (150 rows, 87 shows, 110 outlets, rules frozen at ba5bc5f) then scored P 0.762 (61/80),
# R 0.604 (61/101), other announced 0.163 (8/49), and a blind second annotator again
# agreed on 138/150 (kappa 0.91).  v8 went into train too.  v9 (150 rows, 85 shows, 117
# outlets, 57% lead sentences; rules frozen at e03954e) scored P 0.598 (49/82), R 0.490
# (49/100), other announced 0.380 (19/50); its second annotator agreed on 137/150 (kappa
# 0.90).  Most of v9's false alarms are restatements its labeller judged stale by date
# ("has been renewed for a third season", weeks after the news); the bot drops those only
# when it already knows the season's status (catalog, earlier learned events), which a
# row-by-row score does not have.  v9 went into train as well.  The current set, v10 (150
# rows, 70 shows, 120 outlets, two thirds lead sentences, 22 rows in ten other languages;
# rules frozen at a360364), scored P 0.671 (47/70), R 0.485 (47/97), other announced 0.170
# (9/53); its second annotator agreed on 138/150 (kappa 0.90).  The targets (P >= 0.90,
# R >= 0.85, other <= 0.10) are missed on every fresh set.  v10 then went into train (2,248
# rows: P 0.845, R 0.803 before the rules were tuned on it) and the rules were broadened
# (idioms the team wrote down for every milestone, see headline-phrasings.tsv).  v11 (150
# rows, 79 shows, 124 outlets, half lead sentences, 35 rows in 11 other languages; rules
# frozen at 2fa1a48) then scored P 0.663 (55/83), R 0.539 (55/102), other announced 0.250
# (12/48).  v11 went into train too (2,398 rows: P 0.839, R 0.796 before tuning on it).
# The current set, v12 (150 rows, 106 shows, 123 outlets, 51 rows in 9 other languages;
# rules frozen at a75472c), scored P 0.671 (53/79), R 0.500 (53/106), other announced 0.250
# (11/44); its 99 English rows alone P 0.677, R 0.638, other 0.333, the 51 others R 0.243.
# v12 went into train as well (2,548 rows: P 0.833, R 0.785 before tuning on it).  The
# current set, v13 (150 rows, 106 shows, 113 outlets, 20 rows in 10 other languages; rules
# frozen at 17dd39a), scored P 0.667 (62/93), R 0.608 (62/102), other announced 0.354
# (17/48); its 130 English rows P 0.687, R 0.671, other 0.356.  Most of its false alarms are
# rows its labeller judged stale or a feature (a restated renewal, a list of delayed shows).
# v13 then went into train (2,698 rows: P 0.827, R 0.786 before tuning on it).  The
# current set, v14 (89 rows: the pool of shows not yet used is running dry, so it has few
# post-production, writing and release rows; 76 outlets, 14 rows in other languages; rules
# frozen at 2a8c1bd), scored P 0.759 (41/54), R 0.695 (41/59), other announced 0.133 (4/30).
# v14 went into train too (2,787 rows: P 0.828, R 0.790 before tuning on it).  The current
# set, v15 (150 rows in two halves collected at once, URL-disjoint from everything before
# but free to reuse shows; 20 rows in 7 other languages; rules frozen at e02ca17), scored
# P 0.768 (53/69), R 0.552 (53/96), other announced 0.148 (8/54); English rows alone
# P 0.762, R 0.600, other 0.160.
# v15 then went into train (2,937 rows: P 0.831, R 0.785 before tuning on it).  Then v16
# (145 rows, collected like v15; rules frozen at 950bab9) scored P 0.798 (67/84), R 0.705
# (67/95), other announced 0.180 (9/50).  With the rules unchanged, a second fresh sample,
# v17 (150 rows, collected the same way), scored P 0.813 (61/75), R 0.642 (61/95), other
# announced 0.109 (6/55); its 133 English rows P 0.818, R 0.659, other 0.078.  v16 went into
# train (no rule was changed after it), then v17 too (3,232 rows).  The current set, v18
# (150 rows, collected the same way, with many multi-show round-ups and premiere-day pieces;
# rules frozen at 484a40e), scored P 0.723 (68/94), R 0.694 (68/98), other announced 0.269
# (14/52): sets of this size swing by several points between samples.  v18 then went into
# train (3,382 rows: P 0.828, R 0.782, other 0.146 before tuning on it).  The current set,
# v19 (150 rows, collected the same way; the rules unchanged since v18 was scored), scored
# P 0.670 (59/88), R 0.596 (59/99), other announced 0.196 (10/51).  v19 then went into train
# too, after the rules were broadened on v18 and v19 (3,532 rows).  The current set, v20 (150
# rows, collected the same way; rules frozen at 6721666), scored P 0.735 (61/83), R 0.629
# (61/97), other announced 0.264 (14/53).  v20 then went into train (3,682 rows) after the
# rules were broadened on it.  The current set, v21 (150 rows, collected the same way; rules
# frozen at 0eaedfb), scored P 0.759 (60/79), R 0.625 (60/96), other announced 0.222 (12/54);
# its 74 rows with a real headline as title P 0.842, R 0.696, other 0.036, its 76 rows with
# the lead sentence as title P 0.683, R 0.560, other 0.423.  v21 then went into train
# (3,832 rows) after the rules were broadened on it.  The current set, v22 (150 rows,
# collected the same way; rules frozen at bc15c69), scored P 0.793 (65/82), R 0.663 (65/98),
# other announced 0.231 (12/52); its 87 rows with a real headline P 0.808, R 0.724, other
# 0.207, its 63 rows with the lead sentence as title P 0.767, R 0.575, other 0.261.  v22
# then went into train (3,982 rows) after the rules were broadened on it.  The current set,
# v23 (150 rows, collected the same way; rules frozen at 87fe664), scored P 0.795 (62/78),
# R 0.646 (62/96), other announced 0.185 (10/54).  Pooled over v20-v23 (600 rows, each
# scored once before the rules saw it): P 0.770, R 0.641, other announced 0.225.  v23 then
# went into train (4,132 rows) after the rules were broadened on it.  The current set, v24
# (150 rows, collected the same way; rules frozen at 59407e3), scored P 0.795 (66/83),
# R 0.695 (66/95), other announced 0.109 (6/55).  Pooled over v20-v24 (750 rows): P 0.775,
# R 0.651, other announced 0.201.  v24 then went into train (4,282 rows) after the rules
# were broadened on it.  The current set, v25 (150 rows, collected the same way; rules frozen
# at cc48e54), scored P 0.687 (57/83), R 0.633 (57/90), other announced 0.233 (14/60): with
# nearly the same rules as v24, 0.11 lower in precision, which is the size of the swing
# between two 150-row samples.  Pooled over v20-v25 (900 rows): P 0.760, R 0.649, other
# announced 0.207.  v25 then went into train (4,432 rows) after the rules were broadened on
# it.  The current set, v26 (106 rows: the collectors' search allowance ran out; rules frozen
# at dc03682), scored P 0.842 (48/57), R 0.706 (48/68), other announced 0.132 (5/38).  Pooled
# over v20-v26 (1,006 rows): P 0.769, R 0.655, other announced 0.199.  v26 then went into
# train (4,538 rows) after the rules were broadened on it.  The current set, v27 (150 rows,
# collected the same way; rules frozen at 488095b), scored P 0.762 (61/80), R 0.616 (61/99),
# other announced 0.196 (10/51), and exactly the same at 6d0a9d4, after the rules had been
# broadened on v26 and on train's misses: those wordings did not recur in v27.  Pooled over
# v20-v27 (1,156 rows): P 0.768, R 0.650, other announced 0.199.  v27 then went into train
# (4,688 rows) after the rules were broadened on it.  The current set, v28 (150 rows,
# collected the same way; rules frozen at 6d0a9d4), scored P 0.747 (59/79), R 0.628 (59/94),
# other announced 0.214 (12/56); at d4211ce, after the rules were broadened on v27, P 0.750
# (60/80), R 0.638 (60/94): what v27 taught carried over to one row of v28.  Pooled over
# v20-v28 (1,306 rows, each scored at its frozen commit): P 0.766, R 0.647, other 0.201.
# v28 then went into train (4,838 rows) after the rules were broadened on it.  The current
# set, v29 (150 rows, collected the same way; rules frozen at 87ea122), scored P 0.723
# (60/83), R 0.606 (60/99), other announced 0.196 (10/51), and the same at 3b619d7, after
# the rules were broadened on v28.  Pooled over v20-v29 (1,456 rows): P 0.761, R 0.643,
# other announced 0.200; the rows whose title is a real headline (v20-v29) score better
# than those whose title is the article's first sentence, and neither reaches the targets.
# v29 then went into train (4,988 rows) after the rules were broadened on it.  The current
# set, v30 (150 rows, collected the same way; rules frozen at 3b619d7), scored P 0.826
# (76/92), R 0.784 (76/97), other announced 0.245 (13/53); its 55 rows with a real headline
# P 0.903 (28/31), R 0.824 (28/34), other 0.048 (1/21), its 95 lead-sentence rows P 0.787,
# R 0.762, other 0.375.  Pooled over v20-v30 (1,606 rows): P 0.768, R 0.656, other 0.205.
# v30 then went into train (5,138 rows) after the rules were broadened on it.  The current
# set, v31 (150 rows, collected the same way; rules frozen at aa585e9), scored P 0.833
# (70/84), R 0.700 (70/100), other announced 0.180 (9/50); at e5166c7 P 0.843 (70/83),
# R 0.700, other 0.160 (8/50).  Pooled over v20-v31 (1,756 rows): P 0.774, R 0.660, other
# announced 0.203.  v31 then went into train (5,288 rows) after the rules were broadened on
# it.  The current set, v32 (75 rows from one annotator, the search allowance nearly spent,
# so short of several labels and heavy in niche shows; rules frozen at fb603e6), scored
# P 0.683 (28/41), R 0.549 (28/51), other announced 0.333 (8/24).  Pooled over v20-v32
# (1,831 rows): P 0.770, R 0.655, other announced 0.207.  v32 has not been used to tune the
# rules.  Then v33 (40 rows, the last of the allowance; rules frozen at 93c6acb) scored
# P 0.655 (19/29), R 0.731 (19/26), other announced 0.500 (7/14).  Neither v32 nor v33 was
# used to tune the rules; together they are the held-out set (headlines-heldout-v33.tsv, 115
# rows: at 93c6acb P 0.671, R 0.610, other 0.395).  Pooled over v20-v33 (1,871 rows, each at
# its frozen commit): P 0.767, R 0.657, other announced 0.214.
# The floors below are the levels reached, so later rule changes cannot lose ground.
FLOORS = {
    "dev": Floors(precision=0.90, recall=0.90, other_announced=0.05),
    "train": Floors(precision=0.835, recall=0.795, other_announced=0.15),
    "heldout": Floors(precision=0.67, recall=0.61, other_announced=0.40),
}


@pytest.mark.parametrize("name", list(FLOORS))
def test_scores(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = {"dev": DEV, "train": DATA / "headlines-train.tsv"}.get(name) or _heldout()
    if path is None:
        pytest.skip("no held-out set collected since the last one was folded into train")
    if name == "dev" and not path.is_file():
        pytest.skip("../shared/eval/headlines-dev.tsv is not beside the repository")
    result = score(_load(path))
    _print(capsys, report(name, result))
    floors = FLOORS[name]
    assert result.precision >= floors.precision
    assert result.recall >= floors.recall
    assert result.other_announced <= floors.other_announced
