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
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path

import pytest

from bot.news.classify import ShowIndex, classify, parse_published
from bot.news.models import Milestone
from tests.headlines import classify_by_cli, label_of

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
    """Dates in the sets are days, months ("2023-06") or years: read as the CLI reads them."""
    try:
        return parse_published(raw)
    except ValueError:
        return None


def _index(rows: list[dict[str, str]]) -> ShowIndex:
    """A catalog made of the shows the rows are about (as the bot's catalog would be)."""
    names = {r.get("show") or "" for r in rows} - {""}
    names = {name for name in names if not name.startswith("(")}
    return ShowIndex.from_aliases({name.lower().replace(" ", "-"): [name] for name in names})


def predict(rows: list[dict[str, str]]) -> dict[str, str]:
    """The classifier's label for each row, by id."""
    index = _index(rows)
    return {
        row["id"]: label_of(
            classify(
                row["title"], row.get("summary") or "", _published(row.get("date") or ""), index
            )
        )
        for row in rows
    }


def predict_as_cli(rows: list[dict[str, str]]) -> dict[str, str]:
    """The label ``python -m bot classify`` gives each row, by id: it knows only the catalog's
    shows and their dated milestones, and reads the date as the set writes it."""
    answers = classify_by_cli(
        [
            {"title": r["title"], "summary": r.get("summary"), "published": r.get("date")}
            for r in rows
        ]
    )
    return {row["id"]: _cli_label(answer) for row, answer in zip(rows, answers, strict=True)}


def _cli_label(answer: dict[str, str | None]) -> str:
    if answer["milestone"] == "filming_started" and answer["certainty"] == "rumored":
        return "filming_rumored"
    return answer["milestone"] or "other"


def tally(pairs: Iterable[tuple[str, str]]) -> Score:
    """Scores (label, predicted) pairs."""
    result = Score()
    for label, predicted in pairs:
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


@cache
def _read(path: Path) -> tuple[list[dict[str, str]], dict[str, str]]:
    """A set's rows and the classifier's labels, once per session: two tests read them."""
    rows = _load(path)
    return rows, predict(rows)


def _headline(name: str, result: Score) -> str:
    return (
        f"{name}: {result.rows} rows | precision {result.precision:.3f} "
        f"({result.correct}/{result.announced}) | recall {result.recall:.3f} "
        f"({result.found}/{result.positives}) | other announced {result.other_announced:.3f} "
        f"({result.others_announced}/{result.others})"
    )


def report(name: str, result: Score) -> str:
    labels = sorted({label for label, _ in result.confusion} | {p for _, p in result.confusion})
    short = {label: label.replace("release_date_announced", "date_ann")[:9] for label in labels}
    lines = [
        _headline(name, result),
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
# into train and the rules are tuned again, so the next one must be fresh. The first sets
# (v1-v6, 108-150 rows) scored P 0.66-0.905, R 0.56-0.86; every later set's score at its
# frozen commit (v7-v94) is in docs/classifier.md. The current held-out set is v32 + v33 + v36
# + v37 + v40 + v41 + v44 + v46 + v48 + v50 + v52 + v54 + v57 + v59 + v61 + v63 + v65 + v67 +
# v68 + v71 + v72 + v74 + v76 + v78 + v80 + v81 + v82 + v83 + v84 + v85 + v86 + v87 + v88 +
# v89 + v90 + v91 + v92 + v94 (6,382 rows, none used for tuning; v37, v40 and v41 hold real
# headlines only; v44-v78 are about the teen and young-adult series the bot's fans follow and their
# neighbours, and 1,942 of their 3,434 titles are lead sentences; v80, 191 rows, comes from
# Italian, German, Dutch, French, Spanish, Portuguese and Polish outlets, 166 of its rows in
# those languages; v81, 150 rows, from US trade, UK and Asian English-language and fan and
# streaming-guide sites; v82, 148 rows, from anime and animation news, Asian series in
# English-language outlets, and reality and late-night TV press; v83, 150 rows, from British,
# Irish, Australian, New Zealand and Canadian series, unscripted, children's and soap
# television, and genre series with 16 rows from Latin-American Spanish- and
# Portuguese-language outlets; v84, 150 rows, from US cable and premium dramas, limited series
# and docuseries, romance, young-adult and family streaming series with Chinese, Thai,
# Filipino and Turkish series in English-language outlets, and 50 real trade and fan
# headlines; v85, 148 rows, from Korean, Japanese, Nordic, German, French, Spanish and Italian
# series in English-language outlets, US streaming originals, and Indian streaming series,
# Pakistani dramas and Latin-American telenovelas; v86, 150 rows, from young-adult and teen
# series in English-language outlets, US and UK dramas and comedies in the trade press, and
# Spanish-, Portuguese-, French-, Italian- and German-language outlets, scored 0.762 / 0.711 /
# 0.200 at 43db824, frozen when its collection began; v87, 131 rows, from young-adult and teen
# series and network, cable and streaming dramas of 2009-2025 in English-language outlets, and
# French, Italian, Portuguese, Spanish and German outlets, scored 0.918 / 0.728 / 0.051 at
# ac56558, frozen when its collection began; v88, 150 rows, from 2017-2026 seasons of
# less-covered series (Australian, Canadian, Asian, Latin-American, animation, UK dramas) and
# German, Italian, Portuguese, French and Spanish outlets, scored 0.810 / 0.634 / 0.122 at
# 26e641c, frozen when its collection began, and the same at ac56558; v89, 150 rows, from
# 2019-2026 seasons of teen and young-adult series and K-dramas, US and UK streaming and cable
# series in fan sites, blogs, regional papers and streaming guides, and Italian, Portuguese,
# French, German and Spanish outlets, scored 0.717 / 0.600 / 0.250 at 9f7878a, frozen when its
# collection began, 0.707 / 0.591 / 0.275 at ac56558; v90, 150 rows, from the 2023-2026
# seasons of streaming series in streaming-news sites, animation, anime, reality, docuseries
# and UK, Irish, Australian, Canadian, Indian and South African series, and Italian, French,
# Spanish, Portuguese and German outlets, scored 0.756 / 0.585 / 0.205 at 88dd330, frozen when
# its collection began, and the same at ee4005a; v91, 128 rows, from teen, young-adult and
# romance series, Asian dramas in English-language outlets, genre series of 2021-2026 and
# regional and national papers' culture pages, 73 of their titles the page's address words or lead,
# scored 0.714 / 0.606 / 0.177 at c360332, frozen when its collection began, and the same at
# a6bf34a; v92, 106 rows, from UK, Irish, Australian, New Zealand, Canadian, Indian and South
# African series in their own outlets, US network and cable series, outlets in 16 languages
# the rules mostly do not read (Indonesian, Korean, Finnish, Danish, Japanese, Czech, Dutch,
# Polish, ...) and streaming originals in general news sites, scored 0.689 / 0.403 / 0.207 at
# ec9a775, frozen when its collection began; v94, 205 rows, 112 of them from English-language
# outlets on 2022-2026 seasons of 59 series (69 titles the page's lead) and 93 from outlets in
# 14 other languages (Italian, German, French, Spanish, Japanese, Korean, Portuguese,
# Turkish, ...), scored 0.753 / 0.438 / 0.136 at 343b6d7, frozen when its collection began):
# P 0.766, R 0.651, other announced 0.211 with bc77ac8's rules (0.766 / 0.658 / 0.212 there
# before v94 joined; 0.763 / 0.655 / 0.214 at 343b6d7; 0.763 / 0.654 / 0.214 at ec9a775;
# 0.764 / 0.659 / 0.214 there before v92 joined; 0.765 / 0.659 / 0.216 at a6bf34a
# before v91 joined; 0.765 / 0.659 / 0.216 at ee4005a;
# 0.765 / 0.661 / 0.216 there before v90 joined; 0.763 / 0.659 / 0.216 at 9f7878a;
# 0.764 / 0.659 / 0.215 at 7e85acb before v89 joined; 0.761 / 0.659 / 0.221 at ac56558 before
# v88 joined; 0.757 / 0.657 / 0.225 before v87 joined; 0.756 / 0.656 / 0.225 at v86's joining;
# 0.750 / 0.649 / 0.232 as at 4573209; 0.751 / 0.646 / 0.231 at f77c0c4, before the rules for
# the other languages' blind batteries; 0.750 / 0.646 / 0.231 with b78b3e3's, frozen when
# v85's collection began; before v85 joined: 0.751 / 0.648 / 0.232, 16e1f69's 0.750 / 0.648 /
# 0.232; c0006dc's, before v83: 0.747 / 0.645 / 0.234; v80, v81, v82, v83, v84 and v85 alone,
# 191, 150, 148, 150, 150 and 148 rows, at the commits where their collection began: 0.627 /
# 0.326 / 0.194, 0.788 / 0.684 / 0.212, 0.722 / 0.570 / 0.292, 0.737 / 0.560 / 0.240, 0.827 /
# 0.633 / 0.154, 0.727 / 0.577 / 0.216).
# The floors below are the levels reached, so later rule changes cannot lose ground.
FLOORS = {
    "dev": Floors(precision=0.90, recall=0.90, other_announced=0.05),
    # (v42, v43, v45, v47, v49, v51, v53, v55, v56, v58, v60, v62, v64, v66, v69 and v70, 178,
    # 168, 178, 200, 198, 195, 188, 177, 194, 189, 199, 196, 179, 191, 176 and 194 rows about
    # the teen series the bot's fans follow and their neighbours, scored P 0.685 / 0.713 /
    # 0.740 / 0.738 / 0.803 / 0.796 / 0.775 / 0.777 / 0.691 / 0.781 / 0.761 / 0.733 / 0.625 /
    # 0.692 / 0.670 / 0.782, R 0.650 / 0.598 / 0.653 / 0.710 / 0.723 / 0.672 / 0.669 / 0.702 /
    # 0.708 / 0.712 / 0.674 / 0.611 / 0.545 / 0.576 / 0.545 / 0.699 at their frozen commits,
    # took train below 0.845 / 0.79 / 0.14; v64 and v69 hold 25 rows each in other languages;
    # v56 sought out pieces that give dates, many of them stale restatements; "other" 0.15
    # until v60, whose lead sentences announced 16 of its 41 "other" rows; P 0.835 / other
    # 0.155 until v64; recall 0.775 until v69; "other" 0.16 until v70, whose lead sentences
    # announced 14 of its 37 "other" rows; v73, 196 rows of animated, network procedural and
    # prestige cable series, scored 0.745 / 0.646 / 0.261 at 94d0b90; P 0.83 until v75, 184
    # rows of teen, Spanish-language, superhero and Indian series, 0.712 / 0.681 / 0.294 at
    # 2d6892e; "other" 0.165 until v77, 200 rows of costume, crime, fantasy and comedy series,
    # 0.746 / 0.652 / 0.185 at f11a3f2; recall 0.77 until v79, 195 rows of network sitcoms,
    # horror series, revivals and Spanish- and Portuguese-language outlets, 0.759 / 0.667 /
    # 0.175 at 2822fb1; recall 0.775 until v83's session)
    "train": Floors(precision=0.825, recall=0.78, other_announced=0.166),
    # (recall 0.655 until v57, P 0.76 / other 0.22 until v61, P 0.755 / other 0.23 until v63
    # and other 0.23 until v68, other 0.235 until v74, recall 0.655 until v78, P 0.75 and
    # recall 0.65 until v80, harder sets that score no better with older rules, joined)
    # (P 0.745 and recall 0.645 until the twenty-first session's release, date and trailer
    # rules: 0.755 / 0.653 with them)
    "heldout": Floors(precision=0.75, recall=0.65, other_announced=0.235),
}


@pytest.mark.parametrize("name", list(FLOORS))
def test_scores(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = {"dev": DEV, "train": DATA / "headlines-train.tsv"}.get(name) or _heldout()
    if path is None:
        pytest.skip("no held-out set collected since the last one was folded into train")
    if name == "dev" and not path.is_file():
        pytest.skip("../shared/eval/headlines-dev.tsv is not beside the repository")
    rows, predicted = _read(path)
    result = tally((row["label"], predicted[row["id"]]) for row in rows)
    _print(capsys, report(name, result))
    floors = FLOORS[name]
    assert result.precision >= floors.precision
    assert result.recall >= floors.recall
    assert result.other_announced <= floors.other_announced


def test_the_cli_reads_dev_as_well_as_the_eval_does(capsys: pytest.CaptureFixture[str]) -> None:
    """A tool that scores the bot through ``python -m bot classify`` must get the figures
    above: a month-only date ("2023-06") once cost the CLI four of dev's rows."""
    if not DEV.is_file():
        pytest.skip("../shared/eval/headlines-dev.tsv is not beside the repository")
    rows, _ = _read(DEV)
    predicted = predict_as_cli(rows)
    result = tally((row["label"], predicted[row["id"]]) for row in rows)
    _print(capsys, _headline("dev, as `python -m bot classify` reads it", result))
    floors = FLOORS["dev"]
    assert result.precision >= floors.precision
    assert result.recall >= floors.recall
    assert result.other_announced <= floors.other_announced


def _shared_sets() -> list[Path | None]:
    """Labelled sets beside dev that the team never saw (a test split, say): scored and
    printed when they are there, with no floor, since nobody knows what they hold."""
    found = sorted(p for p in DEV.parent.glob("headlines-*.tsv") if p.name != DEV.name)
    return list(found) or [None]


@pytest.mark.parametrize("path", _shared_sets(), ids=lambda p: p.stem if p else "none")
def test_unseen_shared_sets_are_scored(
    path: Path | None, capsys: pytest.CaptureFixture[str]
) -> None:
    if path is None:
        pytest.skip("no labelled set beside ../shared/eval/headlines-dev.tsv but dev itself")
    rows, predicted = _read(path)
    assert rows and {r["label"] for r in rows} <= LABELS, f"{path.name}: unknown labels"
    by_cli = predict_as_cli(rows)
    _print(capsys, report(path.stem, tally((r["label"], predicted[r["id"]]) for r in rows)))
    _print(
        capsys,
        _headline(
            f"{path.stem}, as `python -m bot classify` reads it",
            tally((r["label"], by_cli[r["id"]]) for r in rows),
        ),
    )


# How far a careful reader who sees only what the classifier sees (show, title, summary,
# date: not the page, its address or the label) agrees with the labels.  Two samples of
# 300 rows, one drawn from train and one from the held-out set; two readers (language-model
# helpers, each working alone) read each, without the labels, the rules or each other's
# answers.  The held-out rows were read by them only: the rules were not tuned on what they
# found.
SECOND_READING = DATA / "second-reading.tsv"
READERS = ("reader_1", "reader_2")


def test_second_reading(capsys: pytest.CaptureFixture[str]) -> None:
    readings = {row["id"]: row for row in _load(SECOND_READING)}
    assert readings and tuple(next(iter(readings.values()))) == ("id", *READERS)
    assert {row[who] for row in readings.values() for who in READERS} <= LABELS
    seen = 0
    for path in _labelled():
        rows, predicted = _read(path)
        sample = [row for row in rows if row["id"] in readings]
        if not sample:
            continue
        seen += len(sample)
        answers = {who: {row["id"]: readings[row["id"]][who] for row in sample} for who in READERS}
        answers["classifier"] = {row["id"]: predicted[row["id"]] for row in sample}
        lines = [f"{path.stem}: {len(sample)} rows read by two readers, scored against the labels"]
        for who, answer in answers.items():
            lines.append(
                _headline(f"  {who}", tally((r["label"], answer[r["id"]]) for r in sample))
            )
        first, second = (answers[who] for who in READERS)
        same = sum(first[key] == second[key] for key in first)
        lines.append(f"  the two readers give the same label to {same} of them")
        _print(capsys, "\n".join(lines))
    assert seen == len(readings), "every read row is in train or the held-out set"
