"""Helpers every benchmark shares: percentiles, goals, process figures, quiet children."""

from __future__ import annotations

import contextlib
import gc
import logging
import math
import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
SHOWS_DIR = REPO_ROOT / "data" / "shows"
log = logging.getLogger("bench")

Json = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Scale:
    """How big a run is; ``--quick`` shrinks everything to a smoke test."""

    quick: bool

    def pick(self, full: int, quick: int) -> int:
        return quick if self.quick else full


def setup_logging(level: int = logging.INFO) -> None:
    """Our lines on stderr; stdout is kept for the one JSON object."""
    logging.basicConfig(
        level=logging.WARNING,
        stream=sys.stderr,
        format="%(asctime)s %(levelname)-7s %(name)s: %(message)s",
    )
    log.setLevel(level)


# -- figures ---------------------------------------------------------------------------------


def percentile_ms(seconds: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile of latencies given in seconds, in milliseconds."""
    if not seconds:
        return float("nan")
    ordered = sorted(seconds)
    rank = min(len(ordered), max(1, math.ceil(pct / 100 * len(ordered))))
    return ordered[rank - 1] * 1000


def rounded(value: float, digits: int = 3) -> float:
    return round(value, digits)


def ratio(numerator: float, denominator: float) -> float:
    return rounded(numerator / denominator) if denominator else float("inf")


def goal(value: float, op: str, target: float) -> Json:
    """One goal as reported: the figure, the bound and whether it holds."""
    met = value <= target if op == "<=" else value >= target if op == ">=" else value == target
    return {"value": value, "target": f"{op} {target:g}", "met": bool(met)}


def all_met(goals: Json) -> bool:
    return all(g["met"] for g in goals.values())


# -- processes -------------------------------------------------------------------------------


def _status_kib(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise KeyError(f"{field} not in /proc/{pid}/status")


def peak_rss_mib(pid: int) -> float:
    """VmHWM: the most resident memory the process has ever had."""
    return rounded(_status_kib(pid, "VmHWM") / 1024, 1)


def rss_mib(pid: int) -> float:
    return rounded(_status_kib(pid, "VmRSS") / 1024, 1)


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (all its threads) so far."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    fields = stat.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextlib.contextmanager
def apparatus_gc_paused() -> Iterator[None]:
    """No garbage collection in *this* process (the sandbox: the measuring apparatus).

    The sandbox keeps every interaction it served, so its collections grow to pauses of
    tens of milliseconds that would land on whichever command is in flight. The bot runs
    in its own process and keeps its own collector: its pauses are part of its figures.
    """
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


class Stopwatch:
    """Wall and CPU time of this process (every thread) over a block."""

    def __enter__(self) -> Stopwatch:
        self.wall0, self.cpu0 = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self.wall0
        self.cpu = time.process_time() - self.cpu0


def child_env(**values: str) -> dict[str, str]:
    """Settings for a bot child: quiet logs, never the real default feeds."""
    return {"LOG_LEVEL": "WARNING", "PYTHONWARNINGS": "ignore", **values}


STDERR_FD = 2  # children write their stdout to our stderr: our stdout is the JSON


def machine() -> Json:
    return {
        "cpus": os.cpu_count(),
        "python": sys.version.split()[0],
        "load_1m": rounded(os.getloadavg()[0], 2),
    }


def finite(value: Any) -> Any:
    """NaN and infinities become null, so the JSON stays strict."""
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        return None
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [finite(v) for v in value]
    return value


def mean(values: Iterable[float]) -> float:
    items = list(values)
    return sum(items) / len(items) if items else float("nan")
