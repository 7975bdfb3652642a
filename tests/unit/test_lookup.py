"""Fuzzy cast and episode lookup, as fans actually type."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest

from bot.catalog import Catalog, ShowIndex, load_catalog, normalise, parse_episode_code
from bot.render.episodes import episode_heading
from tests.conftest import REPO


@pytest.fixture(scope="module")
def index(catalog: Catalog) -> ShowIndex:
    return catalog.index(catalog.default_show)


def test_the_catalog_imports_no_part_of_the_news_classifier() -> None:
    # The lookup took its number words ("season one") from the classifier's rules, so the
    # fans' catalog loaded, and hung on, the news classifier's pattern tables.
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, bot.catalog; print(*sorted(sys.modules))"],
        cwd=REPO,
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout.split()
    assert "bot.catalog.lookup" in loaded
    assert [m for m in loaded if m.startswith("bot.news.")] == ["bot.news.models"]


def test_normalise_folds_case_accents_and_punctuation() -> None:
    assert normalise("  Théo Augier-Bonaventure ") == "theo augier bonaventure"
    assert normalise("XO, Kitty!") == "xo kitty"
    assert normalise("Choi Min-yeong") == "choi min yeong"
    assert normalise("민호") == "민호"  # Hangul survives decomposition


@pytest.mark.parametrize(
    ("query", "character"),
    [
        ("Min Ho", "Min Ho"),
        ("minho", "Min Ho"),
        ("MIN-HO", "Min Ho"),
        ("Sang Heon Lee", "Min Ho"),
        ("Choi Min-yeong", "Dae Heon Kim"),
        ("Minyeong Choi", "Dae Heon Kim"),
        ("choi min young", "Dae Heon Kim"),
        ("Kitty", "Kitty Song Covey"),
        ("katherine", "Kitty Song Covey"),
        ("yuri", "Yuri Han"),
        ("Yuri Han", "Yuri Han"),
        ("q", "Quincy Shabazian"),
        ("esther", "Stella Cho"),
        ("Mr Moon", "Mr. Moon"),
        ("young moon", "Mr. Moon"),
        ("Kavinsky", "Peter Kavinsky"),
        ("Anna Cathcrat", "Kitty Song Covey"),  # a typo still lands
    ],
)
def test_find_cast_resolves_what_fans_type(index: ShowIndex, query: str, character: str) -> None:
    found = index.find_cast(query)
    assert [m.character for m in found] == [character]


def test_a_name_as_the_bot_shows_it_finds_that_person(index: ShowIndex) -> None:
    # A card's and "did you mean"'s "Character (Actor)", autocomplete's "Character · Actor":
    # fuzzily, "Professor Lee (Michael K. Lee)" read as Jin (Joshua Lee).
    for member in index.show.cast:
        if member.character and member.actor:
            for shown in (member.display_name, f"{member.character} · {member.actor}"):
                assert index.find_cast(shown) == [member], shown
                assert index.search_cast(shown)[0][1] == member, shown


def test_actor_only_entries_resolve_with_accents_optional(index: ShowIndex) -> None:
    assert [m.actor for m in index.find_cast("theo augier bonaventure")] == [
        "Théo Augier Bonaventure"
    ]


def test_a_shared_family_name_is_ambiguous(index: ShowIndex) -> None:
    found = index.find_cast("Lee")
    assert len(found) > 1
    assert {m.actor for m in found} >= {"Sang Heon Lee", "Michael K. Lee", "Joshua Lee"}


def test_nothing_matches_nonsense_but_suggestions_are_offered(index: ShowIndex) -> None:
    assert index.find_cast("zzzzqqq") == []
    assert index.suggest_cast("Minh") and index.suggest_cast("Minh")[0].startswith("Min Ho")


@pytest.mark.parametrize("typed", ["?", "...", "\u200b", "||"])
def test_text_with_nothing_to_match_suggests_nobody(index: ShowIndex, typed: str) -> None:
    """It once listed the first three of the cast as "did you mean"."""
    assert index.find_cast(typed) == [] and index.suggest_cast(typed) == []


def test_only_short_queries_are_remembered(catalog: Catalog) -> None:
    """Each distinct /cast query is scored once, but a long one is not kept: four thousand
    pasted paragraphs would hold megabytes."""
    index = ShowIndex(catalog.default_show)
    for n in range(50):
        index.find_cast(f"{n} " + "essay words " * 400)
    index.find_cast("Min Ho")
    assert list(index._found) == ["min ho"]


def test_pasted_essays_are_not_kept_by_autocomplete_either(catalog: Catalog) -> None:
    """Autocomplete scores every keystroke: below find_cast's own memory, the scores of
    each long query were kept too (2,000 of 6,000 characters: RSS 49 -> 74 MiB)."""
    index = ShowIndex(catalog.default_show)
    essay = "Kitty and Min Ho and TGIF and every word a fan could paste " * 100
    for n in range(50):
        typed = f"{essay[:5990]}{n}"
        assert index.search_cast(typed) == [] and index.search_episodes(typed) == []
        assert index.suggest_cast(typed) == index.suggest_episodes(typed) == []
        index.find_cast(typed)
    index.search_cast("min")
    keys = (index._cast_keys, index._episode_keys, index._cast_labels)
    assert [query for k in keys for query, _ in k.memo] == ["min"]
    # Past four times the longest key nothing can score: skipping the pass loses nothing.
    for k in keys:
        unbounded = dataclasses.replace(k, longest=10**9, memo={})
        for length in (4 * k.longest + 1, 6000):
            typed = ("min ho kitty " * 500)[:length]
            assert k.score(typed, 45.0) == unbounded.score(typed, 45.0) == {}


def test_search_cast_orders_best_first_and_caps(index: ShowIndex) -> None:
    hits = index.search_cast("kim", limit=25)
    scores = [s for s, _ in hits]
    assert scores == sorted(scores, reverse=True)
    assert len(index.search_cast("", limit=25)) == 25
    assert len(index.search_cast("", limit=5)) == 5


def test_empty_query_lists_main_cast_first(index: ShowIndex) -> None:
    first = [m.name for _, m in index.search_cast("", limit=3)]
    assert first == ["Kitty Song Covey", "Dae Heon Kim", "Yuri Han"]


def test_search_cast_filters_by_season(index: ShowIndex) -> None:
    season_two = index.search_cast("", limit=25, season=2)
    assert season_two and all(2 in m.seasons for _, m in season_two)
    assert all(score < 80 for score, _ in index.search_cast("Professor Lee", season=2))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("S1E4", (1, 4)),
        ("s01e04", (1, 4)),
        ("1x4", (1, 4)),
        ("1 x 04", (1, 4)),
        ("1-4", (1, 4)),
        ("1.4", (1, 4)),
        ("season 1 episode 4", (1, 4)),
        ("S2 E8", (2, 8)),
        ("4", (None, 4)),
        ("ep 4", (None, 4)),
        ("Episode 10", (None, 10)),
        # As fans write them; each was "not found".
        ("S1-E4", (1, 4)),
        ("S1:E4", (1, 4)),
        ("s1 ep. 4", (1, 4)),
        ("S1E4.", (1, 4)),
        ("s1e4!", (1, 4)),
        ("Ep. 4", (None, 4)),
        ("ep.4", (None, 4)),
        ("Episode #4", (None, 4)),
        ("#4", (None, 4)),
        ("TGIF", None),
        ("TGIF!", None),
        ("", None),
        # The episode first, as fans say it; each was "not found".
        ("episode 4 season 1", (1, 4)),
        ("ep 4 of season 1", (1, 4)),
        ("Episode 4, Season 1", (1, 4)),
        ("e4s1", (1, 4)),
        ("season one episode four", (1, 4)),
        ("episode ten of season two", (2, 10)),
        # Dressed up as Discord and other keyboards send it; each was "not found".
        ("**S1E4**", (1, 4)),
        ("||S1E4||", (1, 4)),
        ("`s1e4`", (1, 4)),
        ("> S1E4", (1, 4)),
        ("(S1E4)", (1, 4)),
        ("S1E4 📺", (1, 4)),
        ("Ｓ１Ｅ４", (1, 4)),
        ("s1e４", (1, 4)),
        # Other languages' words for season and episode; each was "not found".
        ("saison 1 épisode 4", (1, 4)),
        ("épisode 4 de la saison 1", (1, 4)),
        ("temporada 1 episodio 4", (1, 4)),
        ("Staffel 1 Folge 4", (1, 4)),
        ("series 1 episode 4", (1, 4)),
        ("시즌1 4화", (1, 4)),
        ("4화", (None, 4)),
        ("²", None),  # no digit a fan types
        ("S1E4" + " " * 100 + "x", None),  # no code is that long
    ],
)
def test_parse_episode_code(text: str, expected: tuple[int | None, int] | None) -> None:
    assert parse_episode_code(text) == expected


@pytest.mark.parametrize(
    ("text", "season", "code"),
    [
        ("S1E4", None, "S1E4"),
        ("1x4", None, "S1E4"),
        ("s01e04", None, "S1E4"),
        ("4", 1, "S1E4"),
        ("TGIF", None, "S1E4"),
        ("tgif", 1, "S1E4"),
        ("kiss", None, "S1E3"),
        ("snafu", None, "S1E9"),
        ("S2E3", None, "S2E3"),
        ("8", 2, "S2E8"),
    ],
)
def test_find_episode(index: ShowIndex, text: str, season: int | None, code: str) -> None:
    episode = index.find_episode(text, season)
    assert episode is not None and episode.code == code


@pytest.mark.parametrize(
    ("text", "season"),
    [
        ("4", None),
        ("S1E4", 2),
        ("S1E11", None),
        ("S3E1", None),
        ("nonsense words", None),
        # Nothing left once normalised: these once resolved to the first episode listed.
        ("?", None),
        ("-", None),
        ("...", 2),
        ("||", 1),
        ("\u200b", None),
        ("", None),
    ],
)
def test_find_episode_misses(index: ShowIndex, text: str, season: int | None) -> None:
    assert index.find_episode(text, season) is None


def test_an_episode_as_the_bot_shows_it_is_found(index: ShowIndex) -> None:
    # "Did you mean S1E3 KISS?" answered "S1E3 KISS" with "not found ... did you mean S1E3 KISS?"
    for episode in index.show.episodes():
        # A card's heading too: "S2E3 · title not published", pasted back, was not found.
        shown = [f"{episode.code} {episode.display_title}", episode_heading(episode)]
        if episode.title is not None:
            shown.append(f"{episode.code} · {episode.title}")  # an autocomplete label
        for text in shown:
            assert index.find_episode(text) == episode, text
            assert index.find_episode(text, episode.season) == episode, text
            assert [e for _, e in index.search_episodes(text)] == [episode], text
        for hint in index.suggest_episodes(episode.display_title):
            assert index.find_episode(hint) is not None, hint
    assert index.find_episode("S1E4 TGIF", 2) is None
    assert index.search_episodes("S1E4 · TGIF", season=2) == []


@pytest.mark.parametrize(
    "typed",
    # The title first, as other bots and sites write it, or the code padded: "not found".
    ["TGIF (S1E4)", "TGIF - S1E4", "tgif s1e4", "S01E04 - TGIF", "Season 1 Episode 4: TGIF"],
)
def test_an_episode_named_by_title_and_code_in_either_order_is_found(
    index: ShowIndex, typed: str
) -> None:
    assert index.find_episode(typed) == index.episode(1, 4)
    assert index.find_episode(typed, 1) == index.episode(1, 4)
    assert [e.code for _, e in index.search_episodes(typed)] == ["S1E4"]
    assert index.find_episode(typed, 2) is None


def test_a_title_and_a_code_that_disagree_name_no_episode(index: ShowIndex) -> None:
    assert index.find_episode("TGIF (S1E5)") is None
    assert index.find_episode("TGIF 4", 1) == index.episode(1, 4)  # the season from season:


@pytest.mark.parametrize(
    ("typed", "season", "titled"),
    [
        ("TGIF (S1E5)", None, (1, 4)),
        # The title misspelt: a plain "did you mean S1E4 TGIF?", the S1E5 typed left out;
        # "snaf (S1E5)" was SNAFU, the code ignored.
        ("TGF (S1E5)", None, (1, 4)),
        ("S1E5 - TGIFF", None, (1, 4)),
        ("Season 1 Episode 5: TGF", None, (1, 4)),
        ("TGF 5", 1, (1, 4)),
        ("snaf (S1E5)", None, (1, 9)),
    ],
)
def test_a_code_with_another_episodes_title_even_misspelt_names_both(
    index: ShowIndex, typed: str, season: int | None, titled: tuple[int, int]
) -> None:
    assert index.mislabelled(typed, season) == (index.episode(1, 5), index.episode(*titled))
    assert index.find_episode(typed, season) is None


@pytest.mark.parametrize(
    "typed",
    [
        "TGF (S1E4)",  # the misspelt title is the code's own episode
        "s (S1E5)",  # a letter or two name no title surely
        "S1E5 review",  # a word that is no title
        "xo kitty s1e5",  # the show's name, not its first episode's "XO"
        "S1E4 vs S1E5",  # two codes: asked otherwise ("names several episodes")
    ],
)
def test_a_code_beside_words_naming_no_other_title_is_not_mislabelled(
    index: ShowIndex, typed: str
) -> None:
    assert index.mislabelled(typed) is None


def test_the_shows_name_names_no_episode_among_titles(index: ShowIndex) -> None:
    # "XO, Kitty TGIF" is TGIF of XO, Kitty: not S1E1 "XO" and S1E4.
    assert index.titled_in("XO, Kitty TGIF") == [index.episode(1, 4)]
    assert index.titled_in("TGIF XO") == [index.episode(1, 4), index.episode(1, 1)]
    assert index.titled_in("TGIF") == []  # a title alone is found as one


def test_search_episodes_for_autocomplete(index: ShowIndex) -> None:
    everything = index.search_episodes("")
    assert [e.code for _, e in everything][:3] == ["S1E1", "S1E2", "S1E3"]
    assert len(everything) == 18
    assert index.search_episodes("", season=2)[0][1].code == "S2E1"
    assert index.search_episodes("?") == index.search_episodes("\u200b", season=1) == []
    assert [e.code for _, e in index.search_episodes("4")] == ["S1E4", "S2E4"]
    assert [e.code for _, e in index.search_episodes("4", season=2)] == ["S2E4"]
    assert index.search_episodes("otp")[0][1].code == "S1E10"
    assert index.suggest_episodes("TGIFF")[0] == "S1E4 TGIF"


def test_catalog_shortcuts_delegate_to_the_index(catalog: Catalog) -> None:
    show = catalog.default_show
    assert catalog.find_cast(show, "minho")[0].character == "Min Ho"
    assert catalog.search_cast("xo-kitty", "yuri", 1)[0][1].character == "Yuri Han"
    assert catalog.find_episode(show, "S1E1") is not None
    assert catalog.search_episodes(show, "xo")[0][1].code == "S1E1"
    assert catalog.suggest(show, "Yuro")[0].startswith("Yuri Han")


def test_repeated_queries_give_the_same_answer_and_callers_cannot_spoil_it() -> None:
    index = ShowIndex(load_catalog(REPO / "data" / "shows").default_show)
    first = index.find_cast("Kity Covey")  # a typo: scored by the fuzzy pass once
    assert [m.character for m in first] == ["Kitty Song Covey"]
    first.clear()
    again = index.find_cast("  kity covey ")  # the same query once normalised
    assert [m.character for m in again] == ["Kitty Song Covey"]
    assert index.find_cast("Covey") == index.find_cast("covey")


@pytest.mark.parametrize(
    ("typed", "season", "codes"),
    [
        # The option's hint says "S1E4, 1x4": on the way there, a fan has typed only the
        # season. "s2e" offered S1E9 SNAFU (an "s" in its title), "S1" KISS and SNAFU.
        ("S1", None, [f"S1E{n}" for n in range(1, 11)]),
        ("s01e", None, [f"S1E{n}" for n in range(1, 11)]),
        ("s2e", None, [f"S2E{n}" for n in range(1, 9)]),
        ("season 2", None, [f"S2E{n}" for n in range(1, 9)]),
        ("Season 2 Episode", None, [f"S2E{n}" for n in range(1, 9)]),
        ("2x", None, [f"S2E{n}" for n in range(1, 9)]),
        ("s1e0", None, [f"S1E{n}" for n in range(1, 10)]),  # "s1e04" on its way
        ("s1 e1", None, ["S1E1", "S1E10"]),  # the exact one first, then "S1E10" on its way
        ("S1E4", None, ["S1E4"]),
        # Padded as lookup takes them (it finds "s1e001"): autocomplete offered nothing.
        ("s1e001", None, ["S1E1"]),
        ("S01E01", None, ["S1E1"]),
        ("1x001", None, ["S1E1"]),
        ("s01e010", None, ["S1E10"]),
        ("s1e00", None, [f"S1E{n}" for n in range(1, 10)]),  # "s1e001" on its way
        ("Ｓ２", None, [f"S2E{n}" for n in range(1, 9)]),  # full-width: offered nothing
        ("saison 2", None, [f"S2E{n}" for n in range(1, 9)]),
        ("**s1e1", None, ["S1E1", "S1E10"]),
        ("s2e", 1, []),  # the season option says otherwise: no episode fits both
        ("s3e", None, []),  # no season 3 episodes are known yet
    ],
)
def test_a_code_typed_so_far_offers_the_episodes_it_can_become(
    index: ShowIndex, typed: str, season: int | None, codes: list[str]
) -> None:
    assert [e.code for _, e in index.search_episodes(typed, season=season)] == codes


def test_a_code_typed_so_far_names_no_episode(index: ShowIndex) -> None:
    # Autocomplete offers "S1" all of season 1; sent as it is, it is not S1E1.
    for typed in ("S1", "s1e", "season 2", "2x"):
        assert index.find_episode(typed) is None, typed
    assert index.suggest_episodes("S1")[0] == "S1E1 XO"
