"""Every fact in data/shows/xo-kitty.toml checked against the research sheet it came from.

The sheet lives in ../shared/facts (beside the project in dev and CI checkouts); without it
these tests skip. They check values (dates, titles, counts, names, seasons, figures,
certainties), that every source the pack cites is one the sheet gives for that fact, and that
the pack's prose is its own (no long word runs lifted from the sheet).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import msgspec
import pytest

from bot.catalog import CastMember, Season, Show, load_show
from bot.catalog.dates import PartialDate
from bot.catalog.models import RecapPoint, Role, TimelineEntry
from bot.news.models import Certainty, Milestone
from tests.conftest import REPO, shared_path

Facts = dict[str, Any]


@pytest.fixture(scope="module")
def facts() -> Facts:
    data: Facts = json.loads(shared_path("facts", "xo-kitty.json").read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def show() -> Show:
    return load_show(REPO / "data" / "shows" / "xo-kitty.toml")


def _season(show: Show, number: int) -> Season:
    season = show.season(number)
    assert season is not None
    return season


def _facts_season(facts: Facts, number: int) -> Facts:
    return next(s for s in facts["seasons"] if s["season"] == number)


def _walk(node: object) -> Iterator[tuple[str, object]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield key, value
            yield from _walk(value)
    elif isinstance(node, list | tuple):  # msgspec.to_builtins keeps a Struct's tuples
        for value in node:
            yield from _walk(value)


def _all_sources(node: object) -> set[str]:
    out: set[str] = set()
    for key, value in _walk(node):
        if key == "source" or key.endswith("_source"):
            if isinstance(value, list):
                out.update(v for v in value if isinstance(v, str))
            elif isinstance(value, str):
                out.add(value)
    return out


def _pack_sources(node: object) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "sources" or key.endswith("_sources"):
                yield from value
            else:
                yield from _pack_sources(value)
    elif isinstance(node, list | tuple):
        for value in node:
            yield from _pack_sources(value)


# -- series ------------------------------------------------------------------------------------


def test_series_facts(show: Show, facts: Facts) -> None:
    series = facts["series"]
    assert show.title == series["title"]["value"]
    assert show.creator.value == series["creator"]["value"]
    assert "Netflix" in series["network"]["value"] and "Netflix" in show.network.value
    assert show.rating is not None and series["rating"]["value"] in show.rating.value
    assert show.typical_runtime_minutes is not None
    assert str(show.typical_runtime_minutes) in series["episode_runtime"]["value"]
    for name in ("Awesomeness", "ACE Entertainment"):
        assert name in show.production_companies.value
        assert any(name in v for v in series["production_companies"]["value"])
    for percent in re.findall(r"\d+%?", show.reception.value if show.reception else ""):
        assert percent in series["critical_reception_snapshot"]["value"]
    assert len(show.filming_locations) == len(series["filming_locations"])
    for fact, source in zip(show.filming_locations, series["filming_locations"], strict=True):
        assert set(fact.sources) <= set(source["source"])


def test_every_pack_source_is_in_the_sheet(show: Show, facts: Facts) -> None:
    known = _all_sources(facts)
    cited = set(_pack_sources(msgspec.to_builtins(show)))
    assert cited, "the pack cites nothing"
    assert cited <= known, sorted(cited - known)


def test_no_source_the_sheet_flags_as_unreliable_is_used_alone(show: Show, facts: Facts) -> None:
    flagged = ["fnnewsupdate", "todaycnews", "grownewsus", "newstvseries", "eurobulletin24"]
    assert any("news75today" in f["source"] for f in facts["unreliable_sources_flagged"])
    for url in _pack_sources(msgspec.to_builtins(show)):
        assert not any(site in url for site in flagged), url


# -- seasons and episodes ----------------------------------------------------------------------


@pytest.mark.parametrize("number", [1, 2, 3])
def test_season_dates_counts_and_sources(show: Show, facts: Facts, number: int) -> None:
    season, sheet = _season(show, number), _facts_season(facts, number)
    assert season.release_date == date.fromisoformat(sheet["release_date"])
    assert set(season.release_sources) <= set(sheet["release_date_source"])
    assert season.episode_count == sheet["episode_count"]
    assert set(season.episode_count_sources) <= set(sheet["episode_count_source"])
    assert len(season.episodes) == len(sheet["episodes"])
    assert season.is_released == (sheet["status"] == "released")


@pytest.mark.parametrize("number", [1, 2])
def test_episodes_match_the_sheet(show: Show, facts: Facts, number: int) -> None:
    sheet = _facts_season(facts, number)["episodes"]
    for episode, fact in zip(_season(show, number).episodes, sheet, strict=True):
        assert (episode.season, episode.number) == (fact["season"], fact["number"])
        assert episode.title == fact["title"]
        assert episode.release_date == date.fromisoformat(fact["release_date"])
        assert episode.runtime_minutes == fact["runtime_minutes"]  # unknown stays unknown
        assert set(episode.title_sources) <= set(fact["title_source"] or [])
        assert len(episode.recap) == len(fact["plot_points"])
        for point, sheet_point in zip(episode.recap, fact["plot_points"], strict=True):
            assert set(point.sources) <= set(sheet_point["source"])
        allowed = _all_sources(fact)
        assert set(episode.sources) <= allowed
        if episode.writers is not None:
            assert set(episode.writers.sources) <= set(fact["writer_source"])
            assert all(name in fact["writer"] for name in episode.writers.value.split(" and "))


def test_a_title_only_one_guide_gives_says_so(show: Show, facts: Facts) -> None:
    """The notes: titles 2, 3, 5, 6 and 7 'rest on that one guide'. The pack said so only in
    the season's note, which /episode never shows."""
    sheet = _facts_season(facts, 1)["episodes"]
    single = [f["number"] for f in sheet if len(f["title_source"]) == 1]
    assert single == [2, 3, 5, 6, 7]
    for episode in _season(show, 1).episodes:
        says_so = "only the review geek" in episode.note.lower()
        assert says_so == (episode.number in single), episode.code


def test_season_level_plot_and_premise(show: Show, facts: Facts) -> None:
    two, three = _season(show, 2), _season(show, 3)
    sheet_two = _facts_season(facts, 2)["season_plot_points"]
    assert len(two.recap) == len(sheet_two)
    for point, fact in zip(two.recap, sheet_two, strict=True):
        assert set(point.sources) <= set(fact["source"])
    sheet_three = _facts_season(facts, 3)["synopsis_facts"]
    assert len(three.premise) == len(sheet_three)
    for point, fact in zip(three.premise, sheet_three, strict=True):
        assert set(point.sources) <= set(fact["source"])
    season_one_notes = _all_sources(_facts_season(facts, 1)["episodes"])
    assert all(set(p.sources) <= season_one_notes for p in _season(show, 1).recap)


def test_season_three_has_no_invented_episodes(show: Show, facts: Facts) -> None:
    sheet = _facts_season(facts, 3)
    assert sheet["episodes"] == [] and _season(show, 3).episodes == ()
    assert show.current_to < date(2026, 11, 28)  # the pack does not claim to be current today


def test_showrunners(show: Show, facts: Facts) -> None:
    for sheet in facts["series"]["showrunners"]:
        credit = _season(show, sheet["season"]).showrunner
        assert credit is not None
        if sheet["value"] is not None:
            assert not credit.is_conflict
            assert list(credit.claims[0].names) == sheet["value"]
        else:  # the sheet records a conflict in its note
            assert sheet["confidence"] == "conflicting" and credit.is_conflict
            for claim in credit.claims:
                assert all(name in sheet["note"] for name in claim.names)
        for claim in credit.claims:
            assert set(claim.sources) <= set(sheet["source"])


# A relation a recap states (who is whose child, who is pregnant by whom) must be one its sheet
# point states: each word here may appear in a pack point only if one of its forms is in the
# sheet's point. "expecting his child" for "the pregnant backup dancer" made Joon Ho a father.
_RELATIONS = {
    "son": ("son", "child"),
    "daughter": ("daughter", "child"),
    "child": ("son", "daughter", "child"),
    "baby": ("baby", "birth"),
    "father": ("father",),
    "dad": ("father", "dad"),
    "mother": ("mother",),
    "mom": ("mother", "mom"),
    "brother": ("brother",),
    "sister": ("sister",),
    "sibling": ("sibling",),
    "cousin": ("cousin",),
    "grandmother": ("grandmother",),
    "grandma": ("grandmother",),
    "grandfather": ("grandfather",),
    "aunt": ("aunt",),
    "husband": ("husband",),
    "wife": ("wife",),
    "boyfriend": ("boyfriend",),
    "girlfriend": ("girlfriend",),
    "pregnant": ("pregnant",),
    "adopted": ("adopted", "adoptee"),
}


def _recap_pairs(show: Show, facts: Facts) -> Iterator[tuple[RecapPoint, Facts]]:
    for number in (1, 2):
        season, sheet = _season(show, number), _facts_season(facts, number)
        for episode, fact in zip(season.episodes, sheet["episodes"], strict=True):
            yield from zip(episode.recap, fact["plot_points"], strict=True)
    yield from zip(
        _season(show, 2).recap, _facts_season(facts, 2)["season_plot_points"], strict=True
    )


def test_recaps_state_no_relation_their_sheet_point_lacks(show: Show, facts: Facts) -> None:
    invented = []
    for point, sheet_point in _recap_pairs(show, facts):
        stated = set(re.findall(r"[a-z]+", sheet_point["point"].lower()))
        for word in re.findall(r"[a-z]+", point.text.lower()):
            forms = _RELATIONS.get(word)
            if forms is not None and not stated & set(forms):
                invented.append((word, point.text))
    assert not invented, invented


def test_a_recap_point_keeps_the_doubt_the_sheet_records(show: Show, facts: Facts) -> None:
    """A point the sheet calls inferred, or has from a partly reliable site alone, carries a
    note: /recap shows it beside the point."""
    partly = [f["source"] for f in facts["unreliable_sources_flagged"] if "partly" in f["source"]]
    sites = [
        site.split(" ")[0] for entry in partly for site in entry.split(", ") if "partly" in site
    ]
    assert sites == ["news75today.com"]
    for point, sheet_point in _recap_pairs(show, facts):
        weak = all(any(site in url for site in sites) for url in sheet_point["source"])
        if "inferred" in sheet_point["point"] or weak:
            assert point.note, point.text


# -- timeline ----------------------------------------------------------------------------------

_ISO = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def _allowed_certainties(status: str) -> set[Certainty]:
    """Read the sheet's status wording: its first word decides; 'announced' means reported
    or better; 'rumored/reported' allows either."""
    head = re.split(r"[\s;(]", status.strip(), maxsplit=1)[0].lower()
    allowed = {Certainty.parse(w) for w in head.split("/") if w.upper() in Certainty.__members__}
    if head == "announced":
        allowed = {Certainty.REPORTED, Certainty.CONFIRMED}
    return allowed


def _date_agrees(entry: TimelineEntry, fact: Facts, release: str) -> bool:
    assert entry.date is not None
    if entry.milestone is Milestone.RELEASE_DATE_ANNOUNCED:
        # Stored as the announced release date (what a delay would move).
        return entry.date == PartialDate.parse(release)
    stated = _ISO.search(fact["date"] or "")
    return stated is not None and entry.date.isoformat().startswith(stated.group(0))


@pytest.mark.parametrize("number", [1, 2, 3])
def test_timeline_matches_the_sheet(show: Show, facts: Facts, number: int) -> None:
    """Each entry matches a sheet entry of its season that cites all its sources, gives the
    same date, and whose status wording allows its certainty."""
    season = _season(show, number)
    release = _facts_season(facts, number)["release_date"]
    assert season.timeline
    for entry in season.timeline:
        citing = [
            t
            for t in facts["timeline"]
            if t["season"] == number and set(entry.sources) <= set(t["source"])
        ]
        assert citing, f"no sheet entry cites {entry.sources}"
        agreeing = [
            t
            for t in citing
            if _date_agrees(entry, t, release)
            and entry.certainty in _allowed_certainties(t["status"])
        ]
        assert agreeing, (entry, [(t["date"], t["status"]) for t in citing])


def test_unconfirmed_things_are_not_promoted(show: Show) -> None:
    three = _season(show, 3)
    kinds = {e.milestone: e.certainty for e in three.timeline}
    assert Milestone.RELEASED not in kinds and Milestone.TRAILER not in kinds
    assert kinds[Milestone.FILMING_STARTED] is Certainty.RUMORED
    assert kinds[Milestone.RELEASE_DATE_ANNOUNCED] is Certainty.REPORTED
    assert three.release_certainty is Certainty.REPORTED


# -- cast --------------------------------------------------------------------------------------


def _split_name(text: str | None) -> list[str]:
    """'Minyeong Choi (Choi Min-young)' -> ['Minyeong Choi', 'Choi Min-young']."""
    if text is None:
        return []
    match = re.match(r"^(.*?)\s*\((.*)\)$", text)
    return [match.group(1), match.group(2)] if match else [text]


def _role(text: str | None) -> set[Role | None]:
    if text is None:
        return {None}
    if text.startswith("series regular"):
        return {Role.MAIN}
    return {Role(word) for word in text.split(" ")[0].split("/")}


def _find(show: Show, actor: str | None, character: str | None) -> CastMember:
    for member in show.cast:
        if actor is not None and member.actor != _split_name(actor)[0]:
            continue
        if actor is None and member.actor is not None:
            continue
        if character is None or any(
            n in member.names() for n in (character, character.replace("'", ""))
        ):
            return member
        if member.character and member.character in character.replace("'", ""):
            return member
        if any(alias in character for alias in member.character_aliases):
            return member
    raise AssertionError(f"no cast entry for {actor} / {character}")


def test_cast_matches_the_sheet_one_to_one(show: Show, facts: Facts) -> None:
    assert len(show.cast) == len(facts["cast"])
    matched = set()
    for fact in facts["cast"]:
        member = _find(show, fact["actor"], fact["character"])
        matched.add(id(member))
        for name in _split_name(fact["actor"]):  # "Chaerin (Cherry Bullet)": a group, not a name
            assert any(name in known for known in member.names()), name
        assert (member.character is None) == (fact["character"] is None)
        assert list(member.seasons) == fact["seasons"]
        assert member.role in _role(fact["role_type"])
        assert set(member.sources) <= set(fact["source"])
        expected = fact["confidence"].replace(" ", "_")
        assert member.confidence == expected
    assert len(matched) == len(show.cast)


def test_a_title_the_sheet_quotes_is_set_off_as_a_title(show: Show, facts: Facts) -> None:
    """'Rising Stars with Young Moon' is one show's name: written bare, the card read as if
    Mr. Moon had hosted a show called Rising Stars alongside someone named Young Moon."""
    for fact in facts["cast"]:
        member = _find(show, fact["actor"], fact["character"])
        for title in re.findall(r"'([A-Z][^']*(?: [^']+){2,})'", fact["description"]):
            if title in member.description:
                assert f"*{title}*" in member.description, title


def test_casting_calls(show: Show, facts: Facts) -> None:
    calls = _season(show, 2).casting_calls
    sheet = facts["casting_calls_season2"]
    assert [c.name for c in calls] == [s["casting_call_name"] for s in sheet]
    for call, fact in zip(calls, sheet, strict=True):
        assert call.inferred == fact["confidence"].startswith("inferred")
        assert call.likely_actor == fact["likely_actor"]
        if fact["likely_final_character"] is None:
            assert call.likely_character is None
        else:
            assert call.likely_character is not None
            assert call.likely_character.split(",")[0] in fact["likely_final_character"]
        assert (call.description is None) == (fact["casting_call_description"] is None)
        assert set(call.sources) <= set(fact["source"])


# -- viewing -----------------------------------------------------------------------------------


def _numbers(text: str) -> set[float]:
    return {float(n) for n in re.findall(r"\d+(?:\.\d+)?", text)}


@pytest.mark.parametrize("number", [1, 2, 3])
def test_viewing_figures(show: Show, facts: Facts, number: int) -> None:
    season = _season(show, number)
    sheet = [v for v in facts["viewership"] if v["season"] == number and v["value"] is not None]
    assert len(season.viewing) == len(sheet) - (1 if number == 1 else 0)  # 4th week merged
    for figure in season.viewing:
        related = [v for v in sheet if set(figure.sources) & set(v["source"])]
        assert related, figure.metric
        stated: set[float] = set()
        for v in related:
            stated |= _numbers(" ".join(str(v.get(k, "")) for k in v if k != "source"))
        for value in (
            figure.hours_millions,
            figure.views_millions,
            figure.rank,
            figure.countries_top10,
            figure.countries_number_one,
        ):
            if value is not None:
                assert float(value) in stated, (figure.metric, value)
        flixpatrol = any("FlixPatrol" in v["metric"] for v in related)
        assert figure.official is not flixpatrol


# -- prose is the pack's own -------------------------------------------------------------------

_RUN = 7  # words in a row that may not be shared with the sheet
_NAMES_AT_MOST = 2  # ...unless most of them are names and numbers (facts, not phrasing)
_LONG_RUN = 10  # no run this long, names or not: a list copied whole is copied too


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"[A-Za-z0-9']+", text)
    out: set[tuple[str, ...]] = set()
    for i in range(len(words) - _RUN + 1):
        run = words[i : i + _RUN]
        if sum(w[0].isupper() or w[0].isdigit() for w in run) <= _NAMES_AT_MOST:
            out.add(tuple(w.lower() for w in run))
    for i in range(len(words) - _LONG_RUN + 1):
        out.add(tuple(w.lower() for w in words[i : i + _LONG_RUN]))
    return out


def _prose(node: object) -> Iterator[str]:
    prose_keys = {"text", "description", "spoiler", "note", "logline", "summary", "value"}
    prose_keys |= {"state_note", "episodes_note", "current_to_note", "role_note", "confidence"}
    for key, value in _walk(node):
        if key in prose_keys and isinstance(value, str):
            yield value


def test_prose_is_paraphrased_not_copied(show: Show, facts: Facts) -> None:
    sheet: set[tuple[str, ...]] = set()
    for _, value in _walk(facts):
        if isinstance(value, str):
            sheet |= _shingles(value)
    # The notes beside the sheet are research prose too.
    notes = shared_path("facts", "xo-kitty-notes.md").read_text(encoding="utf-8")
    for paragraph in notes.split("\n"):
        sheet |= _shingles(paragraph.replace("**", ""))
    copied = [text for text in _prose(msgspec.to_builtins(show)) if _shingles(text) & sheet]
    assert not copied, copied
