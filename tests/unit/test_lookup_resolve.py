"""Turning what fans type into catalog objects, or a helpful error."""

from __future__ import annotations

import time

import pytest
from msgspec.structs import replace

from bot.catalog import Catalog, Show
from bot.catalog.lookup import without_chatter
from bot.catalog.resolve import (
    CHOICE_LIMIT,
    CHOICE_TEXT,
    cast_choices,
    episode_choices,
    quoted,
    resolve_cast,
    resolve_episode,
    resolve_season,
    season_named,
)
from bot.errors import UserFacingError


def test_resolve_season(show: Show) -> None:
    assert resolve_season(show, None).number == 3
    assert resolve_season(show, 2).number == 2
    with pytest.raises(UserFacingError, match=r"no season 7 .*seasons: 1, 2, 3"):
        resolve_season(show, 7)


def test_resolve_cast_and_its_errors(catalog: Catalog, show: Show) -> None:
    assert resolve_cast(catalog, show, "Choi Min-yeong").character == "Dae Heon Kim"
    assert resolve_cast(catalog, show, "Minh").character == "Min Ho"  # a prefix is enough
    with pytest.raises(UserFacingError, match="did you mean Yuri Han") as missing:
        resolve_cast(catalog, show, "Yuro")
    assert missing.value.message.startswith("“Yuro” not found in the XO, Kitty cast")
    for shared in ("Lee", "Kim", "min"):
        with pytest.raises(UserFacingError, match="matches several people"):
            resolve_cast(catalog, show, shared)
    with pytest.raises(UserFacingError, match="try the suggestions"):
        resolve_cast(catalog, show, "qqqqqqqqqqqq")


def test_cast_with_a_season_answers_for_that_season(catalog: Catalog, show: Show) -> None:
    # `/cast name:Alex season:3` showed Alex's card, "Seasons: 1, 2": the season was ignored.
    with pytest.raises(UserFacingError) as absent:
        resolve_cast(catalog, show, "Alex", 3)
    assert absent.value.message == (
        "Alex Finnerty (Peter Thurnwald) is not in season 3's cast in our data, only in "
        "seasons 1 and 2. /cast season:3 lists who is."
    )
    assert resolve_cast(catalog, show, "Alex", 2).character == "Alex Finnerty"
    # The season tells namesakes apart: of the five Lees, Min Ho's actor alone is in season 3.
    assert resolve_cast(catalog, show, "Lee", 3).character == "Min Ho"
    with pytest.raises(UserFacingError) as several:
        resolve_cast(catalog, show, "Lee", 2)
    assert several.value.message.startswith("“Lee” matches several people in season 2: ")
    assert "Professor Lee" not in several.value.message
    with pytest.raises(UserFacingError) as both:
        resolve_cast(catalog, show, "Kim", 3)  # Gia Kim and Dae Heon Kim are both in it
    assert "matches several people in season 3" in both.value.message
    # A role recast within season 1: neither of its two actors is in season 2.
    trina = next(m for m in show.cast if m.character == "Trina Rothschild")
    recast = replace(trina, actor="Someone Else Entirely", actor_aliases=())
    two = Catalog([replace(show, cast=(*show.cast, recast))])
    with pytest.raises(UserFacingError) as neither:
        resolve_cast(two, two.default_show, "Trina", 2)
    assert neither.value.message == (
        "No one “Trina” names is in season 2's cast in our data (Trina Rothschild (Sarayu "
        "Blue), season 1; Trina Rothschild (Someone Else Entirely), season 1). "
        "/cast season:2 lists who is."
    )


def test_a_name_with_a_season_finds_the_namesake_in_it(catalog: Catalog, show: Show) -> None:
    # `/cast name:Peter season:1` said Peter Kavinsky (season 2) is not in season 1, though
    # Alex's actor, Peter Thurnwald, is: the show-wide best match was all the season sifted.
    assert resolve_cast(catalog, show, "Peter", 1).actor == "Peter Thurnwald"
    assert resolve_cast(catalog, show, "Peter", 2).character == "Peter Kavinsky"
    assert resolve_cast(catalog, show, "Jin", 1).character == "Jina Lim"  # Kim Yun-jin
    # A likeness is no namesake: the full name of one not in the season is told so.
    for name in ("Dan Covey", "Peter Kavinsky", "Jina"):
        with pytest.raises(UserFacingError, match="is not in season"):
            resolve_cast(catalog, show, name, 2 if name != "Peter Kavinsky" else 1)


def test_errors_echo_input_inertly() -> None:
    echoed = quoted("@everyone **x** " + "y" * 200)
    assert "@everyone" not in echoed and "**" not in echoed and len(echoed) < 80


def test_resolve_episode_and_its_errors(catalog: Catalog, show: Show) -> None:
    assert resolve_episode(catalog, show, "1x4", None).code == "S1E4"
    assert resolve_episode(catalog, show, "4", 1).code == "S1E4"
    assert resolve_episode(catalog, show, "snafu", None).code == "S1E9"
    with pytest.raises(UserFacingError, match=r"of which season\? .*S1E4"):
        resolve_episode(catalog, show, "4", None)
    with pytest.raises(UserFacingError, match="no season 9"):
        resolve_episode(catalog, show, "2", 9)
    assert resolve_episode(catalog, show, "TGIFF", None).code == "S1E4"  # close enough
    with pytest.raises(UserFacingError, match="did you mean S1E9 SNAFU"):
        resolve_episode(catalog, show, "SNAFOO", None)
    with pytest.raises(UserFacingError, match="try S1E4, 1x4 or a title"):
        resolve_episode(catalog, show, "LOL", None)
    # No season 3 episode is known yet: that is said, not "not found" as if mistyped.
    for typed, season in (("1", 3), ("S3E1", None), ("3x2", 1)):
        with pytest.raises(UserFacingError, match=r"^Season 3: its episodes aren't in our data"):
            resolve_episode(catalog, show, typed, season)
    with pytest.raises(UserFacingError, match=r"^Season 2 has 8 episodes"):
        resolve_episode(catalog, show, "S2E9", None)
    with pytest.raises(UserFacingError, match=r"^Season 1 has 10 episodes"):
        resolve_episode(catalog, show, "11", 1)
    for nothing in ("?", "||", "\u200b"):
        with pytest.raises(UserFacingError, match="not found in XO, Kitty — try S1E4"):
            resolve_episode(catalog, show, nothing, None)


@pytest.mark.parametrize(
    "typed",
    ["²", "٤٤٤٤", "9" * 100, "9" * 1000, "9" * 5000],
    ids=["superscript", "arabic-indic", "100-nines", "1000-nines", "5000-nines"],
)
def test_odd_or_huge_numbers_get_a_short_not_found(
    catalog: Catalog, show: Show, typed: str
) -> None:
    # Digits int() refuses (or Python's digit limit) once crashed; a long number was echoed
    # whole into a reply past Discord's 2000 characters.
    with pytest.raises(UserFacingError, match="not found in XO, Kitty") as missing:
        resolve_episode(catalog, show, typed, None)
    assert len(missing.value.message) < 200


def test_a_code_for_another_season_says_so(catalog: Catalog, show: Show) -> None:
    # `/recap season:2 episode:1x4` was told "“1x4” not found in season 2 — try S1E4, 1x4".
    for typed, season in (("1x4", 2), ("S2E3", 1)):
        with pytest.raises(UserFacingError, match=r"is in season \d, but season: says \d") as e:
            resolve_episode(catalog, show, typed, season)
        assert "not found" not in e.value.message
    assert resolve_episode(catalog, show, "S2E3", 2).code == "S2E3"
    # A title is no different: "“TGIF” not found in season 2 — try S1E4, 1x4 or a title".
    for typed, season in (("TGIF", 2), ("S1E4 · TGIF", 3)):
        with pytest.raises(UserFacingError, match=r"is S1E4, in season 1, but season: says \d"):
            resolve_episode(catalog, show, typed, season)


def test_a_bare_number_asks_which_season(catalog: Catalog, show: Show) -> None:
    for typed in ("4", " 004 ", "ep 4"):
        with pytest.raises(UserFacingError, match=r"^Episode 4 of which season\? .*S1E4\.$"):
            resolve_episode(catalog, show, typed, None)


def test_cast_choices_fit_discord(catalog: Catalog, show: Show) -> None:
    everyone = cast_choices(catalog, show, "")
    assert len(everyone) == CHOICE_LIMIT
    assert everyone[0] == ("Kitty Song Covey · Anna Cathcart", "Kitty Song Covey")
    for label, value in everyone:
        assert 0 < len(label) <= CHOICE_TEXT and 0 < len(value) <= CHOICE_TEXT
        # Every value resolves back to exactly one person.
        assert resolve_cast(catalog, show, value).name == value
    assert cast_choices(catalog, show, "min")[0][1] == "Min Ho"
    assert all("Moon" not in v for _, v in cast_choices(catalog, show, "", season=1))


def test_cast_choices_name_each_person_even_with_long_or_shared_names(show: Show) -> None:
    # Character names past Discord's 100 characters, alike for their first 100, and a role
    # recast (two entries, one character name): the values, cut or shared, named several
    # people, so picking a suggestion answered "matches several people".
    long = "The Mysterious Stranger Who Appears At The Winter Formal In A Mask " * 2
    cast = [
        replace(m, character=f"{long}{m.character}", character_aliases=())
        for m in show.cast[:4]
        if m.character
    ]
    trina = next(m for m in show.cast if m.character == "Trina Rothschild")
    recast = replace(trina, actor="Someone Else Entirely", actor_aliases=())
    catalog = Catalog([replace(show, cast=(*cast, trina, recast))])
    pack = catalog.default_show
    choices = cast_choices(catalog, pack, "")
    assert len(choices) == len(pack.cast)
    assert len({label for label, _ in choices}) == len(pack.cast)  # told apart
    for (label, value), member in zip(choices, pack.cast, strict=True):
        assert 0 < len(label) <= CHOICE_TEXT and 0 < len(value) <= CHOICE_TEXT
        assert resolve_cast(catalog, pack, value) == member, value
        assert str(member.actor) in label


def test_a_title_query_two_episodes_match_as_well_names_both(catalog: Catalog, show: Show) -> None:
    # "t" starts TGIF, TBH and TIL: it answered with the first in airing order.
    with pytest.raises(UserFacingError) as tied:
        resolve_episode(catalog, show, "t", None)
    assert tied.value.message == (
        "“t” matches several episodes: S1E5 TBH, S1E7 TIL, S1E4 TGIF. "
        "Pick one from the suggestions."
    )
    assert catalog.find_episode(show, "t") is None
    assert resolve_episode(catalog, show, "k", None).code == "S1E3"  # starts KISS alone
    assert resolve_episode(catalog, show, "snafu", None).code == "S1E9"


@pytest.mark.parametrize(
    ("typed", "codes"),
    [
        # A letter or two is inside most titles: WRatio gave "a" SNAFU, "s" KISS and SNAFU,
        # "ka" KISS and SNAFU. Now it takes a title, or a word of it, that it starts.
        ("a", []),
        ("ka", []),
        ("mo", []),
        ("s", ["S1E9"]),
        ("o", ["S1E10"]),
        ("b", ["S1E6"]),
        ("ti", ["S1E7"]),
        ("x", ["S1E1"]),
    ],
)
def test_one_or_two_letters_match_where_a_title_starts(
    catalog: Catalog, show: Show, typed: str, codes: list[str]
) -> None:
    assert [v for _, v in episode_choices(catalog, show, typed)] == codes
    if codes:
        assert resolve_episode(catalog, show, typed, None).code == codes[0]
    else:
        with pytest.raises(UserFacingError, match="not found in XO, Kitty — try S1E4"):
            resolve_episode(catalog, show, typed, None)


@pytest.mark.parametrize("typed", ["ep", "Ep.", "Epi", "episode", "se", "Season", "sea "])
def test_a_word_on_its_way_to_a_code_offers_every_episode(
    catalog: Catalog, show: Show, typed: str
) -> None:
    # "episode 4" or "season 1" typed letter by letter: "season" offered KISS, "episode"
    # KISS, "ep" nothing.
    assert episode_choices(catalog, show, typed) == episode_choices(catalog, show, "")
    assert episode_choices(catalog, show, typed, 2) == episode_choices(catalog, show, "", 2)
    with pytest.raises(UserFacingError, match="not found in XO, Kitty"):
        resolve_episode(catalog, show, typed, None)  # sent as it is, it names none


@pytest.mark.parametrize(
    ("typed", "values"),
    [
        # WRatio listed 21 people for "a" and resolved "x" to Alex Finnerty.
        ("x", []),
        # Alex, Audrey Huynh, Anna Cathcart, Aliyah, Anthony Keyvan, Augier
        (
            "a",
            [
                "Alex Finnerty",
                "Stella Cho",
                "Kitty Song Covey",
                "Juliana Porter",
                "Quincy Shabazian",
                "Théo Augier Bonaventure",
            ],
        ),
        ("yu", ["Yuri Han", "Jina Lim"]),  # Yuri, Yunjin Kim
        ("gi", ["Yuri Han"]),  # Gia Kim
    ],
)
def test_one_or_two_letters_find_cast_where_a_name_starts(
    catalog: Catalog, show: Show, typed: str, values: list[str]
) -> None:
    assert [v for _, v in cast_choices(catalog, show, typed)] == values


def test_episode_choices(catalog: Catalog, show: Show) -> None:
    assert episode_choices(catalog, show, "tg")[0] == ("S1E4 · TGIF", "S1E4")
    assert episode_choices(catalog, show, "", season=2)[2] == ("S2E3", "S2E3")
    assert [v for _, v in episode_choices(catalog, show, "10")] == ["S1E10"]
    for label, value in episode_choices(catalog, show, ""):
        assert resolve_episode(catalog, show, value, None).code == value
        assert len(label) <= CHOICE_TEXT


def _four_seasons(show: Show) -> Catalog:
    """The pack with a listed third season and a fourth: 34 episodes, past Discord's 25."""
    one, two, three = show.seasons
    listed = replace(
        three, episode_count=None, episodes=tuple(replace(e, season=3) for e in one.episodes)
    )
    four = replace(listed, number=4, episodes=tuple(replace(e, season=4) for e in two.episodes))
    return Catalog([replace(show, seasons=(one, two, listed, four))])


def test_past_25_episodes_every_season_shows_and_the_newest_first(show: Show) -> None:
    # A fourth season and a listed third (34 episodes): "season" offered S1E1-S3E7 in airing
    # order, nothing of season 4, the one fans ask about.
    catalog = _four_seasons(show)
    pack = catalog.default_show
    assert len(pack.episodes()) > CHOICE_LIMIT
    for typed in ("", "sea", "season", "episode"):
        codes = [value for _, value in episode_choices(catalog, pack, typed)]
        assert len(codes) == CHOICE_LIMIT, typed
        assert codes[:8] == [f"S4E{n}" for n in range(1, 9)], typed
        assert {code.split("E")[0] for code in codes} == {"S1", "S2", "S3", "S4"}, typed
        assert "S1E1" in codes, typed
    # Typed on, a season is listed whole, in airing order.
    codes = [value for _, value in episode_choices(catalog, pack, "S1")]
    assert codes == [f"S1E{n}" for n in range(1, 11)]
    codes = [value for _, value in episode_choices(catalog, pack, "", 3)]
    assert codes == [f"S3E{n}" for n in range(1, 11)]


@pytest.mark.parametrize("typed", ["S2", "season 2", "Season 2 Episode", "saison 2", "2x"])
def test_a_season_typed_as_an_episode_is_told_so(catalog: Catalog, show: Show, typed: str) -> None:
    # Each answered "matches several episodes: S2E1 Episode 1, S2E2 Episode 2, …".
    assert season_named(typed) == season_named(typed, 2) == 2
    assert season_named(typed, 1) is None
    with pytest.raises(UserFacingError, match=r"is season 2: which episode of it\? Type S2E1"):
        resolve_episode(catalog, show, typed, None)
    with pytest.raises(UserFacingError, match="is season 2, but season: says 1"):
        resolve_episode(catalog, show, typed, 1)


def test_no_season_or_episode_zero(catalog: Catalog, show: Show) -> None:
    assert season_named("S2E3") is None and season_named("TGIF") is None
    with pytest.raises(UserFacingError, match="has no season 4"):
        resolve_episode(catalog, show, "S4", None)
    # "S1E0" answered "matches several episodes", "episode 0" "of which season? … S1E0".
    for typed, season in (("S1E0", None), ("episode 0", None), ("0", 1), ("0x0", None)):
        with pytest.raises(UserFacingError, match=r"^Episodes are numbered from 1"):
            resolve_episode(catalog, show, typed, season)


@pytest.mark.parametrize(
    "typed",
    [
        "S1E4 :)",
        "S1E4 :D",
        "s1e4 :-)",
        "S1E4 <3",
        "S1E4<3",
        "S1E4:)",
        "S1E4 xD",
        "S1E4 pls",
        "pls S1E4",
        ":) S1E4",
        "1x4 ;)",
        "S1E4 :) <3",
        "TGIF (S1E4) <3",
        "S1E4 ^^",
    ],
)
def test_an_emoticon_or_pls_around_a_code_is_read_away(
    catalog: Catalog, show: Show, typed: str
) -> None:
    # "S1E4 :)" was "not found — try S1E4, 1x4 or a title", and autocomplete offered nothing.
    assert resolve_episode(catalog, show, typed, None).code == "S1E4"
    assert [value for _, value in episode_choices(catalog, show, typed)] == ["S1E4"]


def test_chatter_is_read_away_only_where_it_is_no_code(catalog: Catalog, show: Show) -> None:
    assert resolve_episode(catalog, show, "1 :3", None).code == "S1E3"  # a code, not ":3"
    with pytest.raises(UserFacingError, match=r"Episode 4 of which season\?"):
        resolve_episode(catalog, show, "ep 4 :)", None)
    assert season_named("S2 :)") == 2
    assert resolve_episode(catalog, show, "TGIF pls", None).code == "S1E4"


@pytest.mark.parametrize(
    "typed",
    # The title misspelt was a plain "did you mean S1E4 TGIF?", the S1E5 typed left out.
    ["TGIF (S1E5)", "S1E5 - TGIF", "TGIF (S1E5) :)", "TGF (S1E5)", "S1E5 - TGIFF", "tgf s1e5"],
)
def test_a_code_with_another_episodes_title_asks_which(
    catalog: Catalog, show: Show, typed: str
) -> None:
    # It answered "did you mean S1E4 TGIF?", leaving out the S1E5 the fan typed.
    with pytest.raises(UserFacingError) as asked:
        resolve_episode(catalog, show, typed, None)
    assert asked.value.message.endswith(
        "names two episodes: S1E5 is TBH, and TGIF is S1E4. Which one? Type S1E5 or S1E4."
    )
    assert [value for _, value in episode_choices(catalog, show, typed)] == ["S1E5", "S1E4"]


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("TBHH (S1E5)", "S1E5"),
        ("TGF (S1E4)", "S1E4"),
        ("S1E4 - TGIFF", "S1E4"),
        ("snafuu s1e9", "S1E9"),
        ("kis 1x3", "S1E3"),
    ],
)
def test_a_code_with_its_own_title_misspelt_is_that_episode(
    catalog: Catalog, show: Show, typed: str, code: str
) -> None:
    # Code and title agree, yet it was "not found — did you mean S1E4 TGIF?" ("try S1E4, 1x4
    # or a title" for "TBHH (S1E5)"), the very code typed.
    assert resolve_episode(catalog, show, typed, None).code == code
    assert [value for _, value in episode_choices(catalog, show, typed)] == [code]


@pytest.mark.parametrize(
    ("typed", "code", "offered"),
    [
        ("XO, Kitty S1E5", "S1E5", ["S1E5"]),  # the show's name
        ("S1E5 Kitty", "S1E5", ["S1E5"]),
        ("netflix s1e4", "S1E4", ["S1E4"]),
        ("ep s1e5", "S1E5", ["S1E5"]),
        ("TGFI (S1E4)", "S1E4", ["S1E4"]),  # its title misspelt past matching
        ("snafoo s1e9", "S1E9", ["S1E9"]),
        ("TIGF (S1E5)", "S1E5", ["S1E5", "S1E4"]),  # the titles it is near still offered
    ],
)
def test_a_code_beside_words_naming_no_title_is_that_episode(
    catalog: Catalog, show: Show, typed: str, code: str, offered: list[str]
) -> None:
    # "Episode “XO, Kitty S1E5” not found in XO, Kitty — try S1E4, 1x4 or a title", the code
    # typed told to be typed, and autocomplete offered nothing.
    assert resolve_episode(catalog, show, typed, None).code == code
    assert [value for _, value in episode_choices(catalog, show, typed)] == offered


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("XO, Kitty TGIF", "S1E4"),
        ("TGIF XO, Kitty", "S1E4"),
        ("XO Kitty: TBH", "S1E5"),
        ("XOKitty - kiss", "S1E3"),
        ("XO, Kitty XO", "S1E1"),  # a title that is the name's first word
        ("XO Kitty TGF", "S1E4"),  # misspelt, as the title alone resolves
        ("xo kitty tgif pls", "S1E4"),
        # The name misspelt: only the pack's spellings were read away, so "XOXO Kitty TGIF"
        # was "not found" and offered nothing, "TGIF XO Kity" asked which of TGIF and XO.
        ("XOXO Kitty TGIF", "S1E4"),
        ("xoxo-kitty tbh", "S1E5"),
        ("TGIF XO Kity", "S1E4"),
        ("XOXO Kitty XO", "S1E1"),
        ("XOX Kitty SNAFU", "S1E9"),
    ],
)
def test_a_title_beside_the_shows_name_is_that_episode(
    catalog: Catalog, show: Show, typed: str, code: str
) -> None:
    # "XO, Kitty TGIF" was "not found"; autocomplete offered TGIF only beside nothing better,
    # and "XO Kitty TGF" nothing: the name's letters were scored as part of the title.
    assert resolve_episode(catalog, show, typed, None).code == code
    assert episode_choices(catalog, show, typed)[0][1] == code


def test_the_shows_name_beside_two_titles_still_asks_which(catalog: Catalog, show: Show) -> None:
    with pytest.raises(UserFacingError, match="names two episodes: S1E5 is TBH, and TGIF is"):
        resolve_episode(catalog, show, "XO, Kitty TGIF (S1E5)", None)
    with pytest.raises(UserFacingError, match="names several episodes: S1E4 TGIF, S1E5 TBH"):
        resolve_episode(catalog, show, "XO, Kitty TGIF TBH", None)
    with pytest.raises(UserFacingError, match="is the show's name: which episode"):
        resolve_episode(catalog, show, "XO, Kitty", None)  # the name alone names no episode


@pytest.mark.parametrize(
    ("typed", "named"),
    [
        ("TGIF TBH", ["S1E4", "S1E5"]),
        ("TBH TGIF", ["S1E5", "S1E4"]),  # answered TGIF too
        ("TGIF or TBH", ["S1E4", "S1E5"]),
        ("kiss, til", ["S1E3", "S1E7"]),
    ],
)
def test_two_titles_are_not_one_episode(
    catalog: Catalog, show: Show, typed: str, named: list[str]
) -> None:
    # "TGIF TBH" answered TGIF alone, the TBH typed left out; "TGIF or TBH" was not found.
    with pytest.raises(UserFacingError, match="names several episodes") as asked:
        resolve_episode(catalog, show, typed, None)
    assert all(code in asked.value.message for code in named)
    assert [value for _, value in episode_choices(catalog, show, typed)] == named


@pytest.mark.parametrize("typed", ["S1E4 vs S1E5", "between S1E4 and S1E5"])
def test_two_codes_are_not_one_episode(catalog: Catalog, show: Show, typed: str) -> None:
    # Neither is picked: "not found — try S1E4, 1x4 or a title" offered the one typed.
    with pytest.raises(UserFacingError) as asked:
        resolve_episode(catalog, show, typed, None)
    assert asked.value.message == (
        f"{quoted(typed)} names several episodes: S1E4 TGIF, S1E5 TBH. Ask for one at a time."
    )
    assert [value for _, value in episode_choices(catalog, show, typed)] == ["S1E4", "S1E5"]


def test_chatter_in_pasted_text_costs_no_time(catalog: Catalog, show: Show) -> None:
    # Read away with no bound on the length, a paste of emoticons took 2 s a keystroke.
    pasted = "a " + ":) " * 3000 + "b"
    started = time.perf_counter()
    assert without_chatter(pasted) == pasted
    episode_choices(catalog, show, pasted)
    assert time.perf_counter() - started < 0.2


def test_a_short_word_beside_a_title_is_not_taken_for_the_shows_name(
    catalog: Catalog, show: Show
) -> None:
    # "xo" alone is a title (S1E1) as much as the name's first word: still asked which.
    with pytest.raises(UserFacingError, match="names several episodes: S1E1 XO, S1E4 TGIF"):
        resolve_episode(catalog, show, "XO TGIF", None)


@pytest.mark.parametrize(
    "typed", ["XO Kitty", "XO, Kitty", "xo kitty", "xokitty", "XOXO Kitty", "XO Kitty :)"]
)
def test_the_shows_name_alone_asks_which_episode_and_lists_them(
    catalog: Catalog, show: Show, typed: str
) -> None:
    # Each answered "not found — did you mean S1E3 KISS?", and autocomplete offered KISS alone
    # (close letters): the fan who typed the show's name wants its episodes.
    with pytest.raises(UserFacingError) as asked:
        resolve_episode(catalog, show, typed, None)
    assert "is the show's name: which episode?" in asked.value.message
    assert "seasons 1 and 2 in our data. Type S2E1, 2x1 or a title" in asked.value.message
    assert "KISS" not in asked.value.message
    with pytest.raises(UserFacingError, match="Type S1E1, 1x1 or a title"):
        resolve_episode(catalog, show, typed, 1)
    assert episode_choices(catalog, show, typed) == episode_choices(catalog, show, "")
    assert episode_choices(catalog, show, typed, 2) == episode_choices(catalog, show, "", 2)


@pytest.mark.parametrize(
    ("typed", "alone"), [("XO Kitty S2", "S2"), ("XO, Kitty XO", "XO"), ("XOXO Kitty 4", "4")]
)
def test_the_shows_name_with_more_beside_it_is_not_the_name_alone(
    catalog: Catalog, show: Show, typed: str, alone: str
) -> None:
    # Fuzzily, "xokittys2" and "xokittyxo" are as like the name as "xoxokitty" is: read as the
    # name alone, they were offered every episode, not season 2's or S1E1.
    assert not catalog.index(show).names_the_show(typed)
    assert episode_choices(catalog, show, typed) == episode_choices(catalog, show, alone)


def test_the_shows_name_alone_offers_the_newest_season_first_past_25(show: Show) -> None:
    catalog = _four_seasons(show)
    codes = [value for _, value in episode_choices(catalog, catalog.default_show, "XO Kitty")]
    assert codes[:8] == [f"S4E{n}" for n in range(1, 9)] and "S1E1" in codes


@pytest.mark.parametrize(
    "typed",
    [
        "season 1 TGIF",
        "XO Kitty season 1 TGIF",
        "S1 TGIF",
        "TGIF season 1",
        "TGIF saison 1",
        "season one TGIF",
        "XO, Kitty S01 TGIF",
        "S1: TGF",
    ],
)
def test_a_season_beside_a_title_is_that_title_in_it(
    catalog: Catalog, show: Show, typed: str
) -> None:
    # "season 1 TGIF", "TGIF season 1" and "XO Kitty season 1 TGIF" were "not found" (while
    # autocomplete offered TGIF): the season's words were scored as part of the title.
    assert resolve_episode(catalog, show, typed, None).code == "S1E4"
    assert resolve_episode(catalog, show, typed, 1).code == "S1E4"
    with pytest.raises(UserFacingError, match="is season 1, but season: says 2"):
        resolve_episode(catalog, show, typed, 2)


@pytest.mark.parametrize("typed", ["S2 TGIF", "season 2 TGIF", "TGIF S2", "XO Kitty S2 TGIF"])
def test_a_season_beside_another_seasons_title_says_where_it_is(
    catalog: Catalog, show: Show, typed: str
) -> None:
    # "S2 TGIF" answered S1E4 as if the season typed were not there; "season 2 TGIF" was
    # "not found". A season typed with an episode it is not in is told so.
    with pytest.raises(UserFacingError) as told:
        resolve_episode(catalog, show, typed, None)
    assert told.value.message == (
        f"{quoted(typed)}: TGIF is S1E4, in season 1, not season 2. "
        "Type S1E4, or give just the title."
    )


@pytest.mark.parametrize(
    ("typed", "code"), [("Kitty TGIF", "S1E4"), ("TGIF kitty", "S1E4"), ("kitty, TBH", "S1E5")]
)
def test_a_word_of_the_shows_name_beside_a_title_is_that_episode(
    catalog: Catalog, show: Show, typed: str, code: str
) -> None:
    # "Kitty TGIF" answered "did you mean S1E4 TGIF?", where "TGIF" alone is found.
    assert resolve_episode(catalog, show, typed, None).code == code
    assert episode_choices(catalog, show, typed)[0][1] == code
    # The name's word that is a title itself stays one: "XO TGIF" names two episodes.
    with pytest.raises(UserFacingError, match="names several episodes: S1E1 XO, S1E4 TGIF"):
        resolve_episode(catalog, show, "XO TGIF", None)
    # A word of it beside no exact title is not read away: "Kitty" alone is no episode.
    with pytest.raises(UserFacingError, match="not found"):
        resolve_episode(catalog, show, "Kitty", None)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        # /episode answers each; autocomplete offered nothing, or another title ("S1 TG": LGF)
        ("temporada 1 TGIF", "S1E4"),
        ("Staffel 1 TGIF", "S1E4"),
        ("TGIF temporada 1", "S1E4"),
        ("season one TGIF", "S1E4"),
        ("season 1 XO", "S1E1"),
        ("XO season 1", "S1E1"),
        ("S1 TG", "S1E4"),
    ],
)
def test_autocomplete_offers_the_episode_a_season_beside_a_title_answers(
    catalog: Catalog, show: Show, typed: str, code: str
) -> None:
    assert resolve_episode(catalog, show, typed, None).code == code
    assert [value for _, value in episode_choices(catalog, show, typed)] == [code]


def test_autocomplete_of_a_season_beside_another_seasons_title_still_offers_it(
    catalog: Catalog, show: Show
) -> None:
    # (season 2 has no TGIF: the title is offered, and /episode says where it is)
    assert [value for _, value in episode_choices(catalog, show, "S2 TGIF")] == ["S1E4"]


@pytest.mark.parametrize("typed", ["Kitty S2", "Kitty season 2", "S2 Kitty"])
def test_a_word_of_the_shows_name_beside_a_season_is_that_season(
    catalog: Catalog, show: Show, typed: str
) -> None:
    # as "XO Kitty S2" is: season 2's episodes, not "did you mean S1E3 KISS?"
    choices = [value for _, value in episode_choices(catalog, show, typed)]
    assert choices == [e.code for e in resolve_season(show, 2).episodes]
    with pytest.raises(UserFacingError, match="S2E1") as asked:
        resolve_episode(catalog, show, typed, None)
    assert "KISS" not in asked.value.message
