"""`python -m bench [--only SECTION ...] [--quick]`: one JSON object on stdout, logs on stderr."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from collections.abc import Callable, Sequence

from bench import bench_fanout, bench_interaction, bench_memory, bench_poll, bench_soak
from bench.common import Json, Scale, all_met, finite, machine, rounded, setup_logging

log = logging.getLogger("bench")


def _classify(scale: Scale) -> Json:
    # Owned by the classifier's author; imported here so a missing module is one error line.
    from bench import bench_classify

    return bench_classify.run()


SECTIONS: dict[str, Callable[[Scale], Json]] = {
    "interaction": bench_interaction.run,
    "fanout": bench_fanout.run,
    "poll": bench_poll.run,
    "memory": bench_memory.run,
    "soak": bench_soak.run,
    "classify": _classify,
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--only",
        action="append",
        choices=sorted(SECTIONS),
        metavar="SECTION",
        help=f"run only this section (repeatable): {', '.join(SECTIONS)}",
    )
    parser.add_argument("--quick", action="store_true", help="a small smoke run")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    setup_logging()
    scale = Scale(quick=args.quick)
    result: Json = {}
    goals_met = True
    started = time.perf_counter()
    for name in args.only or SECTIONS:
        log.info("section %s …", name)
        section_started = time.perf_counter()
        try:
            figures = SECTIONS[name](scale)
        except Exception as exc:  # one broken section must not hide the others' figures
            log.exception("section %s failed", name)
            figures = {"error": f"{type(exc).__name__}: {exc}", "met": False}
        figures["elapsed_s"] = rounded(time.perf_counter() - section_started, 1)
        figures["load_1m_after"] = rounded(os.getloadavg()[0], 2)  # other work on the machine
        if "met" not in figures:
            figures["met"] = all_met(figures.get("goals", {}))
        goals_met = goals_met and bool(figures["met"])
        result[name] = figures
    result["goals_met"] = goals_met
    result["quick"] = scale.quick
    result["machine"] = machine()
    result["elapsed_s"] = rounded(time.perf_counter() - started, 1)
    json.dump(finite(result), sys.stdout, indent=2, allow_nan=False, default=str)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
