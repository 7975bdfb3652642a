"""/cast, /episode, /recap and /status, with every autocomplete, through the sandbox Discord:
real discord.py, real sockets, the real bot."""

from __future__ import annotations

import pytest

from bot.sandbox.driver import Reply, Sandbox

pytestmark = pytest.mark.e2e


def field(reply: Reply, name: str) -> str:
    return next(str(f["value"]) for f in reply.embeds[0]["fields"] if f["name"] == name)


@pytest.mark.usefixtures("kissbot")
async def test_cast(sandbox: Sandbox) -> None:
    card = await sandbox.invoke("cast", {"name": "Choi Min-yeong"}, user="member")
    assert card.titles == ["Dae Heon Kim"] and not card.ephemeral
    assert "Minyeong Choi" in card.text and "||" in field(card, "Spoilers")
    everyone = await sandbox.invoke("cast", {}, user="member")
    assert everyone.titles == ["XO, Kitty: cast (all seasons)"]
    assert [f["name"] for f in everyone.embeds[0]["fields"]][:2] == ["Main cast", "Recurring"]
    season_two = await sandbox.invoke("cast", {"season": 2})
    assert "Praveena" in season_two.text and "Professor Lee" not in season_two.text

    choices = await sandbox.autocomplete("cast", {"name": "minho"}, focused="name")
    assert choices[0] == {"name": "Min Ho · Sang Heon Lee", "value": "Min Ho"}
    assert len(await sandbox.autocomplete("cast", {"name": ""}, focused="name")) == 25
    narrowed = await sandbox.autocomplete("cast", {"name": "", "season": 2}, focused="name")
    assert "Praveena" in [c["value"] for c in narrowed]
    assert "Professor Lee" not in [c["value"] for c in narrowed]
    # A chosen suggestion resolves back to exactly that person.
    picked = await sandbox.invoke("cast", {"name": choices[0]["value"]})
    assert picked.titles == ["Min Ho"]
    # With a season: its own member's card, or why not (the season was ignored).
    absent = await sandbox.invoke("cast", {"name": "Alex", "season": 3}, user="member")
    assert absent.ephemeral and not absent.embeds
    assert "not in season 3's cast in our data, only in seasons 1 and 2" in absent.text
    namesake = await sandbox.invoke("cast", {"name": "Lee", "season": 3})
    assert namesake.titles == ["Min Ho"]


@pytest.mark.usefixtures("kissbot")
async def test_episode(sandbox: Sandbox) -> None:
    overview = await sandbox.invoke("episode", {})
    assert overview.titles == ["XO, Kitty: episodes"]
    assert "Season 3" in field(overview, "Next up")
    for typed in ("S1E4", "1x4", "s01e04", "TGIF"):
        reply = await sandbox.invoke("episode", {"episode": typed})
        assert reply.titles == ["S1E4 · TGIF"], typed
        assert "<t:" in field(reply, "Released")
    assert (await sandbox.invoke("episode", {"season": 1, "episode": "4"})).titles == [
        "S1E4 · TGIF"
    ]
    assert (await sandbox.invoke("episode", {"season": 2})).titles == [
        "XO, Kitty: season 2 episodes"
    ]

    choices = await sandbox.autocomplete("episode", {"episode": "otp"}, focused="episode")
    assert choices[0] == {"name": "S1E10 · OTP", "value": "S1E10"}
    in_season = await sandbox.autocomplete(
        "episode", {"season": 2, "episode": ""}, focused="episode"
    )
    assert [c["value"] for c in in_season] == [f"S2E{n}" for n in range(1, 9)]
    # A padded code offered nothing; one letter offered what merely held it ("a": SNAFU).
    padded = await sandbox.autocomplete("episode", {"episode": "s1e001"}, focused="episode")
    assert padded == [{"name": "S1E1 · XO", "value": "S1E1"}]
    assert await sandbox.autocomplete("episode", {"episode": "a"}, focused="episode") == []


@pytest.mark.usefixtures("kissbot")
async def test_recap(sandbox: Sandbox) -> None:
    private = await sandbox.invoke(
        "recap", {"season": 1, "episode": "S1E4", "private": True}, user="member"
    )
    assert private.ephemeral and private.titles == ["Recap · S1E4 · TGIF"]
    description = str(private.embeds[0]["description"])
    warning, _, body = description.partition("\n\n")
    assert "Spoilers" in warning and "||" not in warning and body.startswith("• ||")
    # The server default keeps recaps private even when the fan doesn't ask.
    default = await sandbox.invoke("recap", {"season": 2, "episode": "3"}, user="member")
    assert default.ephemeral and default.titles == ["Recap · XO, Kitty season 2"]
    assert description != str(default.embeds[0]["description"])
    assert "No recap of S2E3" in str(default.embeds[0]["description"])
    premise = await sandbox.invoke("recap", {"season": 3})
    assert "hasn't come out" in premise.text

    choices = await sandbox.autocomplete("recap", {"season": 1, "episode": "tg"}, focused="episode")
    assert choices[0] == {"name": "S1E4 · TGIF", "value": "S1E4"}


@pytest.mark.usefixtures("kissbot")
async def test_status(sandbox: Sandbox) -> None:
    newest = await sandbox.invoke("status", {})
    assert newest.titles == ["XO, Kitty: season 3 status"]
    assert "Showrunner (conflict)" in [f["name"] for f in newest.embeds[0]["fields"]]
    assert "reported" in str(newest.embeds[0]["description"])
    second = await sandbox.invoke("status", {"season": 2}, user="member")
    assert str(second.embeds[0]["description"]).startswith("Season 2 is out")


@pytest.mark.usefixtures("kissbot")
async def test_commands_work_in_dms_and_other_guilds(sandbox: Sandbox) -> None:
    assert (await sandbox.invoke("cast", {"name": "Yuri"}, dm=True)).titles == ["Yuri Han"]
    assert (await sandbox.invoke("episode", {"episode": "S1E1"}, dm=True)).titles == ["S1E1 · XO"]
    recap = await sandbox.invoke("recap", {"season": 1, "episode": "1"}, dm=True)
    assert recap.titles == ["Recap · S1E1 · XO"] and not recap.ephemeral  # a DM is private
    assert (await sandbox.invoke("status", {"season": 1}, dm=True)).titles == [
        "XO, Kitty: season 1 status"
    ]
    dm_choices = await sandbox.autocomplete("cast", {"name": "yuri"}, focused="name", dm=True)
    assert dm_choices[0]["value"] == "Yuri Han"
    other = await sandbox.invoke("cast", {"name": "Kitty"}, guild=1, user="member")
    assert other.titles == ["Kitty Song Covey"]


@pytest.mark.usefixtures("kissbot")
async def test_unknown_input_gets_a_private_hint(sandbox: Sandbox) -> None:
    cases = {
        ("cast", "Yuro"): "did you mean Yuri Han",
        ("cast", "Lee"): "matches several people",
        ("episode", "SNAFOO"): "did you mean S1E9 SNAFU",
        ("episode", "4"): "of which season",
        # Digits int() refuses, or too many to echo inside Discord's 2000 characters.
        ("episode", "²"): "not found in XO, Kitty",
        ("episode", "9" * 1000): "not found in XO, Kitty",
        # Punctuation alone once resolved to S1E1.
        ("episode", "?"): "not found in XO, Kitty",
        ("episode", "\u200b"): "not found in XO, Kitty",
    }
    for (command, value), hint in cases.items():
        option = "name" if command == "cast" else "episode"
        reply = await sandbox.invoke(command, {option: value}, user="member")
        assert reply.ephemeral and not reply.embeds and hint in reply.content, reply.content
    missing = await sandbox.invoke("status", {"season": 9})
    assert missing.ephemeral and "no season 9" in missing.content
    noisy = await sandbox.invoke("cast", {"name": "@everyone **hi**"})
    assert "@everyone" not in noisy.content and "**hi**" not in noisy.content


@pytest.mark.usefixtures("kissbot")
async def test_episodes_as_fans_type_or_paste_them(sandbox: Sandbox) -> None:
    """Each was "not found": a title with its code after it (as other bots list episodes),
    the episode before the season, number words, markdown, a CJK keyboard's full-width
    digits, other languages' words for season and episode."""
    for typed in (
        "TGIF (S1E4)",
        "S01E04 - TGIF",
        "episode 4 season 1",
        "ep 4 of season 1",
        "season one episode four",
        "**S1E4**",
        "||s1e4||",
        "Ｓ１Ｅ４",
        "saison 1 épisode 4",
        "시즌1 4화",
    ):
        reply = await sandbox.invoke("episode", {"episode": typed}, user="member")
        assert reply.titles == ["S1E4 · TGIF"], typed
    recap = await sandbox.invoke("recap", {"season": 1, "episode": "TGIF (S1E4)"})
    assert recap.titles == ["Recap · S1E4 · TGIF"]
    saved = await sandbox.invoke(
        "progress", {"episode": "episode 4 of season 1"}, subcommand="set", user="member"
    )
    assert "S1E4" in saved.content
    wide = await sandbox.autocomplete("episode", {"episode": "Ｓ２"}, focused="episode")
    assert [c["value"] for c in wide] == [f"S2E{n}" for n in range(1, 9)]
    pasted = await sandbox.autocomplete("episode", {"episode": "TGIF (S1E4)"}, focused="episode")
    assert pasted == [{"name": "S1E4 · TGIF", "value": "S1E4"}]


@pytest.mark.usefixtures("kissbot")
async def test_a_season_typed_as_the_episode_answers_for_that_season(sandbox: Sandbox) -> None:
    """ "S2" or "season 2" typed as the episode answered "matches several episodes: S2E1
    Episode 1, S2E2 Episode 2, …", as if the fan had asked for one of them."""
    listed = await sandbox.invoke("episode", {"episode": "season 2"}, user="member")
    assert listed.titles == ["XO, Kitty: season 2 episodes"] and not listed.ephemeral
    recap = await sandbox.invoke("recap", {"season": 2, "episode": "S2"}, user="member")
    assert recap.titles == ["Recap · XO, Kitty season 2"]
    saved = await sandbox.invoke("progress", {"episode": "S2"}, subcommand="set", user="member")
    assert saved.ephemeral and "is season 2: which episode of it?" in saved.content
    zero = await sandbox.invoke("episode", {"episode": "S1E0"}, user="member")
    assert zero.ephemeral and zero.content == "Episodes are numbered from 1: S1E1 is the first."


@pytest.mark.usefixtures("kissbot")
async def test_a_code_with_an_emoticon_or_two_episodes_in_it(sandbox: Sandbox) -> None:
    """ "S1E4 :)" was "not found"; "TGIF (S1E5)" answered "did you mean S1E4 TGIF?", leaving
    out the S1E5 typed; "S1E4 vs S1E5" was "not found — try S1E4…"."""
    for typed in ("S1E4 :)", "S1E4 <3", "S1E4 pls"):
        reply = await sandbox.invoke("episode", {"episode": typed}, user="member")
        assert reply.titles == ["S1E4 · TGIF"] and not reply.ephemeral, typed
    recap = await sandbox.invoke("recap", {"season": 1, "episode": "S1E4 :D"}, user="member")
    assert recap.titles == ["Recap · S1E4 · TGIF"]
    typing = await sandbox.autocomplete("episode", {"episode": "S1E4 :)"}, focused="episode")
    assert typing == [{"name": "S1E4 · TGIF", "value": "S1E4"}]
    asked = await sandbox.invoke("episode", {"episode": "TGIF (S1E5)"}, user="member")
    assert asked.ephemeral and not asked.embeds
    assert "S1E5 is TBH, and TGIF is S1E4. Which one?" in asked.content
    both = await sandbox.autocomplete("episode", {"episode": "TGIF (S1E5)"}, focused="episode")
    assert [c["value"] for c in both] == ["S1E5", "S1E4"]
    two = await sandbox.invoke("episode", {"episode": "S1E4 vs S1E5"}, user="member")
    assert two.ephemeral and "names several episodes: S1E4 TGIF, S1E5 TBH" in two.content


@pytest.mark.usefixtures("kissbot")
async def test_a_misspelt_title_with_another_episodes_code_asks_which(sandbox: Sandbox) -> None:
    """ "TGF (S1E5)" answered "did you mean S1E4 TGIF?", leaving out the S1E5 typed, where
    "TGIF (S1E5)" asked which one."""
    asked = await sandbox.invoke("episode", {"episode": "TGF (S1E5)"}, user="member")
    assert asked.ephemeral and not asked.embeds
    assert "“TGF (S1E5)” names two episodes: S1E5 is TBH, and TGIF is S1E4." in asked.content
    assert "Which one? Type S1E5 or S1E4." in asked.content
    both = await sandbox.autocomplete("episode", {"episode": "TGF (S1E5)"}, focused="episode")
    assert [c["value"] for c in both] == ["S1E5", "S1E4"]
    picked = await sandbox.invoke("episode", {"episode": both[0]["value"]}, user="member")
    assert picked.titles == ["S1E5 · TBH"]


@pytest.mark.usefixtures("kissbot")
async def test_a_code_with_its_own_title_misspelt_answers_that_episode(sandbox: Sandbox) -> None:
    """ "TBHH (S1E5)" was "not found — try S1E4, 1x4 or a title", the S1E5 typed unread."""
    answered = await sandbox.invoke("episode", {"episode": "TBHH (S1E5)"}, user="member")
    assert answered.titles == ["S1E5 · TBH"]


@pytest.mark.usefixtures("kissbot")
async def test_a_code_beside_the_shows_name_answers_that_episode(sandbox: Sandbox) -> None:
    """ "XO, Kitty S1E5" was "not found — try S1E4, 1x4 or a title", and offered nothing."""
    offered = await sandbox.autocomplete(
        "episode", {"episode": "XO, Kitty S1E5"}, focused="episode"
    )
    assert [c["value"] for c in offered] == ["S1E5"]
    answered = await sandbox.invoke("episode", {"episode": "XO, Kitty S1E5"}, user="member")
    assert answered.titles == ["S1E5 · TBH"]


@pytest.mark.usefixtures("kissbot")
async def test_a_title_beside_the_shows_name_answers_that_episode(sandbox: Sandbox) -> None:
    """ "XO, Kitty TGIF" was "not found": the show's name was read as part of the title."""
    offered = await sandbox.autocomplete(
        "episode", {"episode": "XO, Kitty TGIF"}, focused="episode"
    )
    assert offered[0]["value"] == "S1E4"
    answered = await sandbox.invoke("episode", {"episode": "XO, Kitty TGIF"}, user="member")
    assert answered.titles == ["S1E4 · TGIF"]
    misspelt = await sandbox.autocomplete("episode", {"episode": "XO Kitty TGF"}, focused="episode")
    assert misspelt and misspelt[0]["value"] == "S1E4"


@pytest.mark.usefixtures("kissbot")
async def test_a_title_beside_the_shows_name_misspelt_answers_that_episode(
    sandbox: Sandbox,
) -> None:
    """ "XOXO Kitty TGIF" was "not found" and offered nothing: only the pack's spellings of
    the show's name were read away."""
    offered = await sandbox.autocomplete(
        "episode", {"episode": "XOXO Kitty TGIF"}, focused="episode"
    )
    assert offered and offered[0]["value"] == "S1E4"
    answered = await sandbox.invoke("episode", {"episode": "XOXO Kitty TGIF"}, user="member")
    assert answered.titles == ["S1E4 · TGIF"]


@pytest.mark.usefixtures("kissbot")
async def test_the_shows_name_alone_asks_which_episode_and_offers_them(sandbox: Sandbox) -> None:
    """ "XO Kitty" answered "not found — did you mean S1E3 KISS?", and autocomplete offered
    KISS alone (close letters)."""
    asked = await sandbox.invoke("episode", {"episode": "XO Kitty"}, user="member")
    assert asked.ephemeral and not asked.embeds
    assert "“XO Kitty” is the show's name: which episode?" in asked.content
    assert "Type S2E1, 2x1 or a title" in asked.content and "KISS" not in asked.content
    offered = await sandbox.autocomplete("episode", {"episode": "XO, Kitty"}, focused="episode")
    empty = await sandbox.autocomplete("episode", {"episode": ""}, focused="episode")
    assert offered == empty and len(offered) > 1


@pytest.mark.usefixtures("kissbot")
async def test_a_season_beside_a_title_answers_that_episode(sandbox: Sandbox) -> None:
    """ "season 1 TGIF", "TGIF season 1" and "XO Kitty season 1 TGIF" were "not found"; "S2
    TGIF" answered S1E4 as if no season were typed."""
    for typed in ("XO Kitty season 1 TGIF", "season 1 TGIF", "S1 TGIF", "TGIF season 1"):
        reply = await sandbox.invoke("episode", {"episode": typed}, user="member")
        assert reply.titles == ["S1E4 · TGIF"], typed
    told = await sandbox.invoke("episode", {"episode": "S2 TGIF"}, user="member")
    assert told.ephemeral and not told.embeds
    assert "TGIF is S1E4, in season 1, not season 2." in told.content


@pytest.mark.usefixtures("kissbot")
async def test_autocomplete_offers_what_a_season_beside_a_title_answers(sandbox: Sandbox) -> None:
    """ "temporada 1 TGIF" and "season 1 XO" were answered by /episode but autocomplete
    offered nothing; "Kitty S2" was "did you mean S1E3 KISS?" where "XO Kitty S2" lists
    season 2."""
    for typed, code, title in (("temporada 1 TGIF", "S1E4", "TGIF"), ("season 1 XO", "S1E1", "XO")):
        offered = await sandbox.autocomplete("episode", {"episode": typed}, focused="episode")
        assert [c["value"] for c in offered] == [code], typed
        picked = await sandbox.invoke("episode", {"episode": typed}, user="member")
        assert picked.titles == [f"{code} · {title}"], typed
    season = await sandbox.autocomplete("episode", {"episode": "Kitty S2"}, focused="episode")
    assert [c["value"] for c in season][:2] == ["S2E1", "S2E2"]
    asked = await sandbox.invoke("episode", {"episode": "Kitty S2"}, user="member")
    assert asked.ephemeral and "S2E1" in asked.content and "KISS" not in asked.content


@pytest.mark.usefixtures("kissbot")
async def test_a_word_of_the_shows_name_beside_a_title_answers_that_episode(
    sandbox: Sandbox,
) -> None:
    """ "Kitty TGIF" answered "did you mean S1E4 TGIF?", where "TGIF" alone is found."""
    for typed in ("Kitty TGIF", "TGIF kitty"):
        reply = await sandbox.invoke("episode", {"episode": typed}, user="member")
        assert reply.titles == ["S1E4 · TGIF"], typed
    asked = await sandbox.invoke("episode", {"episode": "XO TGIF"}, user="member")
    assert asked.ephemeral and "names several episodes: S1E1 XO, S1E4 TGIF" in asked.content
