"""Throughput of the headline classifier.

``python bench/bench_classify.py`` (or ``python -m bench --only classify``)
prints JSON: headlines per CPU second for ``classify`` (title + summary, and
title only) over the labelled headline sets, next to a baseline measured in
the same run on the same texts: one precompiled regex scan for milestone
keywords, about the least work a keyword filter could do.  ``ratio`` is
classify's speed over the baseline's.  ``tables_build_s`` is the one-off cost of
reading the rules into gated tables, which a bot pays on its first classify.
"""

from __future__ import annotations

import csv
import json
import re
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.common import Json, goal, machine, ratio  # noqa: E402
from bot.news.classify import ShowIndex, classify  # noqa: E402
from bot.news.classify_tables import tables  # noqa: E402

SETS = (
    *sorted((ROOT / "tests" / "data").glob("headlines-*.tsv")),
    ROOT / ".." / "shared" / "eval" / "headlines-dev.tsv",
)
# Headlines classified per measurement: enough for a stable figure, a few seconds in all.
TARGET = 20_000
ROUNDS = 3
GOAL_PER_S = 20_000
KEYWORDS = re.compile(
    r"renew|cancel|axed|film|shoot|production|wrap|trailer|teaser|premiere|release|delay"
    r"|postpone|cast|writ",
    re.IGNORECASE,
)


def _rows() -> list[tuple[str, str, datetime | None, str]]:
    rows: list[tuple[str, str, datetime | None, str]] = []
    for path in SETS:
        if not path.is_file():
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                raw = row["date"]
                when = datetime.fromisoformat(raw).replace(tzinfo=UTC) if len(raw) == 10 else None
                rows.append((row["title"], row["summary"], when, row["show"]))
    return rows


def _index(rows: list[tuple[str, str, datetime | None, str]]) -> ShowIndex:
    shows = {show for *_, show in rows if show and not show.startswith("(")}
    return ShowIndex.from_aliases({s.lower().replace(" ", "-"): [s] for s in shows})


def _best_rate(work: Callable[[], int]) -> float:
    """Items per CPU second, best of ROUNDS (the least disturbed by other work on the machine:
    CPU time leaves out the waits when other processes hold the cores)."""
    best = 0.0
    for _ in range(ROUNDS):
        start = time.process_time()
        done = work()
        best = max(best, done / max(time.process_time() - start, 1e-9))
    return best


def _build_seconds() -> float:
    """Wall time to build the rule tables from the patterns, as a bot's first classify does
    (once per process, in a worker thread)."""
    tables.cache_clear()
    start = time.perf_counter()
    tables()
    return time.perf_counter() - start


def run() -> Json:
    build_s = _build_seconds()
    rows = _rows()
    index = _index(rows)
    repeat = max(1, TARGET // len(rows))
    batch = rows * repeat

    def full() -> int:
        for title, summary, when, _ in batch:
            classify(title, summary, when, index)
        return len(batch)

    def title_only() -> int:
        for title, _, when, _ in batch:
            classify(title, "", when, index)
        return len(batch)

    def baseline() -> int:
        search = KEYWORDS.search
        for title, summary, _, _ in batch:
            search(title)
            search(summary)
        return len(batch)

    per_s = _best_rate(full)
    base = _best_rate(baseline)
    return {
        "headlines": len(batch),
        "distinct": len(rows),
        "per_s": round(per_s),
        "per_s_title_only": round(_best_rate(title_only)),
        "baseline_regex_scan_per_s": round(base),
        "ratio": ratio(per_s, base),
        "tables_build_s": round(build_s, 2),
        "goals": {"per_s": goal(round(per_s), ">=", GOAL_PER_S)},
        "machine": machine(),
    }


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
