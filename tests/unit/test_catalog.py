"""The pack loader and its validation: a bad pack fails with one line naming file and field."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import msgspec
import pytest

from bot.catalog import Catalog, PartialDate, SeasonState, load_catalog, load_show
from bot.errors import ConfigError
from tests.conftest import REPO

PACK = REPO / "data" / "shows" / "xo-kitty.toml"


def _raw() -> dict[str, Any]:
    return tomllib.loads(PACK.read_text(encoding="utf-8"))


def _dump(value: Any, key: str = "") -> str:
    """A tiny TOML writer (inline tables), enough to write mutated copies of the pack."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, list):
        return "[" + ", ".join(_dump(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f'"{k}" = {_dump(v)}' for k, v in value.items()) + "}"
    raise TypeError(type(value))


def _write(tmp_path: Path, raw: dict[str, Any], name: str = "xo-kitty.toml") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(f'"{k}" = {_dump(v)}' for k, v in raw.items()), encoding="utf-8")
    return path


def test_the_shipped_pack_loads() -> None:
    catalog = load_catalog(PACK.parent)
    show = catalog.default_show
    assert show.slug == "xo-kitty"
    assert [s.number for s in show.seasons] == [1, 2, 3]
    assert catalog.get("xo-kitty") is show
    assert catalog.find_show("XO Kitty") is show
    assert catalog.find_show("xo, kitty!") is show
    assert catalog.find_show("Gossip Girl") is None


def test_round_trip_writer_is_faithful(tmp_path: Path) -> None:
    # The mutation tests below rely on this writer reproducing the pack exactly.
    assert load_show(_write(tmp_path, _raw())) == load_show(PACK)


@pytest.mark.parametrize(
    ("mutate", "where", "problem"),
    [
        (
            lambda r: r["seasons"][1]["episodes"][0].update(release_date="soon"),
            "seasons[1].episodes[0].release_date",
            "date",
        ),
        (lambda r: r["cast"][3].pop("description"), "cast[3].description", "required"),
        (
            lambda r: r["seasons"][2]["timeline"][0].update(certainty="certain"),
            "seasons[2].timeline[0].certainty",
            "certain",
        ),
        (
            lambda r: r["seasons"][0]["timeline"][1].update(milestone="party"),
            "seasons[0].timeline[1].milestone",
            "renewed",
        ),
        (lambda r: r["seasons"][0]["episodes"][2].update(number=7), "seasons[0]", "numbered 1..n"),
        (
            lambda r: r["seasons"][0]["episodes"][0].update(title_sources=[]),
            "seasons[0].episodes[0]",
            "title_sources",
        ),
        (
            lambda r: r["seasons"][1]["casting_calls"][0].update(inferred=False),
            "seasons[1].casting_calls[0]",
            "inferred",
        ),
        (lambda r: r["cast"][0].update(sources=["n/a"]), "cast[0].sources[0]", "citation"),
        (lambda r: r["cast"][0].update(seasons=[1, 9]), "(top level)", "seasons"),
        (lambda r: r.update(surprise=1), "surprise", "unknown field"),
        (
            lambda r: r["seasons"][2]["timeline"][3].update(date="July 2025"),
            "seasons[2].timeline[3].date",
            "YYYY-MM",
        ),
    ],
)
def test_a_bad_pack_names_file_field_and_problem(
    tmp_path: Path, mutate: Any, where: str, problem: str
) -> None:
    raw = _raw()
    mutate(raw)
    path = _write(tmp_path, raw)
    with pytest.raises(ConfigError) as caught:
        load_show(path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: {where}: ")
    assert problem in message


def test_invalid_toml_and_schema(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("title = \n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"broken\.toml: invalid TOML"):
        load_show(broken)
    old = tmp_path / "old.toml"
    old.write_text("schema = 0\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"old\.toml: schema: expected 1, got 0"):
        load_show(old)


def test_directory_rules(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_catalog(tmp_path / "missing")
    with pytest.raises(ConfigError, match="no show packs"):
        load_catalog(tmp_path)
    _write(tmp_path, _raw(), name="other-name.toml")
    with pytest.raises(ConfigError, match="must match the file name"):
        load_catalog(tmp_path)


def test_default_show_is_the_flagged_one() -> None:
    show = load_show(PACK)
    second = msgspec.structs.replace(show, slug="aaa", default=False)
    catalog = Catalog([second, show])
    assert catalog.default_show is show
    assert [s.slug for s in catalog.shows] == ["aaa", "xo-kitty"]
    with pytest.raises(ValueError, match="slug"):
        Catalog([show, show])


def test_a_server_follows_its_chosen_show_else_the_default() -> None:
    show = load_show(PACK)
    second = msgspec.structs.replace(show, slug="aaa", default=False)
    catalog = Catalog([second, show])
    assert catalog.followed("aaa") is second
    # None chosen, or a pack the host has since taken out: the default, not an error.
    assert catalog.followed(None) is show and catalog.followed("gone") is show


def test_season_three_is_scheduled_not_invented() -> None:
    season = load_show(PACK).seasons[2]
    assert season.state is SeasonState.SCHEDULED
    assert season.release_date == date(2026, 4, 2)
    assert season.episodes == ()  # no titles were ever published
    assert season.showrunner is not None and season.showrunner.is_conflict


class TestPartialDate:
    def test_parse_and_precision(self) -> None:
        assert PartialDate.parse("2025-07").precision == "month"
        assert PartialDate.parse("2021").human() == "2021"
        assert PartialDate.parse(date(2026, 4, 2)).human() == "April 2, 2026"
        assert PartialDate.parse("2025-07").human() == "July 2025"
        assert PartialDate.parse("2024-02").last_day == date(2024, 2, 29)

    def test_contains_and_order(self) -> None:
        july = PartialDate.parse("2025-07")
        assert july.contains(date(2025, 7, 31)) and not july.contains(date(2025, 8, 1))
        assert PartialDate.parse("2025") < july < PartialDate.parse("2025-07-02")
        assert july.exact is None and PartialDate.parse("2025-07-02").exact == date(2025, 7, 2)

    @pytest.mark.parametrize("bad", ["2025-13", "2025-02-30", "July", "", 2025])
    def test_rejects(self, bad: object) -> None:
        with pytest.raises(ValueError):
            PartialDate.parse(bad)
