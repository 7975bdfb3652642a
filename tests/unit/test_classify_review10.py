"""The twenty-fourth session's review: headlines written to break the day's rules for XO,
Kitty's own headlines (a trailing review label, a season told "for" another title, the show's
people and genre words, a person after the show's possessive, other languages' late dates
and renewals). Each case that must change was seen failing without its fix; the close ones
beside them must stay as they were."""

from __future__ import annotations

import pytest

from bot.news.classify import classify
from bot.news.models import Milestone
from tests.headlines import INDEX, TOLD  # TOLD: Nov 20, 2026


@pytest.mark.parametrize(
    ("title", "season", "when"),
    [
        ("XO, Kitty's S4 returns June 5", 4, "2027-06-05"),
        ("XO, Kitty's sophomore outing returns June 5", None, "2027-06-05"),
        ("XO, Kitty's teen romcom returns June 5", None, "2027-06-05"),
        ("XO, Kitty's Korean adventure returns June 5", None, "2027-06-05"),
        # (close ones that stayed: a work's word, an ordinal, the show or its season "of" it,
        # words after an article, the show in apposition)
        ("XO, Kitty's fourth season is back June 5", 4, "2027-06-05"),
        ("XO, Kitty's hit teen drama returns June 5", None, "2027-06-05"),
        ("Season 4 of XO, Kitty returns in April", 4, "2027-04"),
        ("Season Four Of XO, Kitty Returns In April", 4, "2027-04"),
        ("The World Of XO, Kitty Returns In April", None, "2027-04"),
        ("The teen drama, XO, Kitty, returns in April", None, "2027-04"),
        ("XO, Kitty, the Netflix hit, returns in April", None, "2027-04"),
    ],
)
def test_the_shows_own_return_is_no_persons(title: str, season: int | None, when: str) -> None:
    # A name is capitalised: in a headline in sentence case, lower-case words after the
    # show's possessive are its season, not a person's return.
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.milestone, signal.season, str(signal.event_date or signal.period)) == (
        Milestone.RELEASE_DATE_ANNOUNCED,
        season,
        when,
    ), signal.rule


@pytest.mark.parametrize(
    "title",
    [
        "XO, Kitty's Anna Cathcart is back next month",
        "XO, Kitty's Gia Kim returns in April on a new show",
        # (title-cased or all caps: every word is capitalised, a name or not)
        "XO, Kitty's Anna Cathcart Is Back Next Month",
        "XO, KITTY'S ANNA CATHCART IS BACK NEXT MONTH",
        # a name before "of" the show, or the show in brackets after it: a person's return
        # (was a release with classify.py reverted)
        "Anna Cathcart, of XO, Kitty, returns in April",
        "Anna Cathcart, of XO, Kitty, is back next month",
        "Anna Cathcart of XO, Kitty fame returns in April",
        "Anna Cathcart (XO, Kitty) returns in April",
        "Exclusive: Anna Cathcart of XO, Kitty returns in April",
        "Anna Cathcart Of XO, Kitty Returns In April",
    ],
)
def test_a_person_of_the_show_returning_is_no_release(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert signal.milestone is None, signal.rule


@pytest.mark.parametrize(
    ("title", "season"),
    [
        ("Netflix rinnova Wednesday per la terza stagione e XO, Kitty per la quarta stagione", 4),
        ("Netflix verlängert Wednesday für Staffel 3 und XO, Kitty für Staffel 4", 4),
        ("Netflix renouvelle Wednesday pour une saison 3 et XO, Kitty pour une saison 4", 4),
        # (the show's own season with its noun left out: its ordinal, not the other title's)
        ("Netflix rinnova Wednesday per la terza stagione e XO, Kitty per la seconda", 2),
        ("Netflix renueva Wednesday por una tercera temporada y XO, Kitty por una cuarta", 4),
        ("Netflix renews Wednesday for a third season and XO, Kitty for a second", 2),
        ("Netflix renews Wednesday for a third season, XO, Kitty for a fourth", 4),
        # (an ordinal of no season stays none: "for a fourth time")
        ("Netflix renews Wednesday for a third season and XO, Kitty for a fourth time", None),
        # (close ones that stayed)
        ("Netflix rinnova XO, Kitty per la quarta stagione", 4),
        ("Netflix renews Wednesday for season 3 and XO, Kitty for season 4", 4),
        ("Netflix Renews Wednesday For Season 3 And XO, Kitty For Season 4", 4),
    ],
)
def test_another_titles_season_told_for_it_in_other_languages(
    title: str, season: int | None
) -> None:
    # it "per la", de "für", fr "pour une", es "por una" bind a title to its season as "for"
    # does: the other title's season is not the show's.
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.show, signal.milestone, signal.season) == (
        "xo-kitty",
        Milestone.RENEWED,
        season,
    ), signal.rule


@pytest.mark.parametrize(
    "title",
    [
        "Netflix Chooses Seoul For Season 4 As XO, Kitty For Season 4 Begins Filming",
        "Netflix heads to Seoul for season 4 after renewing XO, Kitty for season 4",
    ],
)
def test_a_place_told_for_the_season_beside_the_shows_own_keeps_it(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.show, signal.season) == ("xo-kitty", 4), signal.rule
    assert signal.milestone is not None, signal.rule


@pytest.mark.parametrize(
    ("title", "period"),
    [
        # a delay's month in the rule's language (English month names only before)
        ("XO, Kitty Staffel 4 kommt erst im Juni", "2027-06"),
        ("XO, Kitty Staffel 4 kommt erst im Juni 2027", "2027-06"),
        ("XO, Kitty : la saison 4 n'arrivera qu'en juin", "2027-06"),
        ("XO, Kitty: la temporada 4 no llegará hasta junio", "2027-06"),
        # an adverb before the late time: a delay, not "Staffel 4 kommt!" (a renewal)
        ("XO, Kitty: Staffel 4 kommt wohl erst 2027", "2027"),
        # fr "not before", es "only … in", as en "won't arrive until 2027"
        ("XO, Kitty : la saison 4 n'arrive pas avant 2027", "2027"),
        ("XO, Kitty temporada 4 llega recién en 2027", "2027"),
        # (close ones that stayed)
        ("XO, Kitty Staffel 4 kommt erst 2027", "2027"),
        ("XO, Kitty: la quarta stagione non arriverà prima del 2027", "2027"),
        ("XO, Kitty season 4 won't arrive until June", "2027-06"),
    ],
)
def test_other_languages_late_times_are_delays_with_their_period(title: str, period: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.milestone, signal.season, str(signal.period)) == (
        Milestone.DELAYED,
        4,
        period,
    ), signal.rule


@pytest.mark.parametrize(
    "title",
    ["XO, Kitty: Staffel 4 kommt!", "XO, Kitty Staffel 4 kommt"],
)
def test_a_season_that_comes_stays_a_renewal(title: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.milestone, signal.season) == (Milestone.RENEWED, 4), signal.rule


@pytest.mark.parametrize(
    ("title", "period"),
    [
        # a year with no month, as en "season 4 arrives in 2027": de, fr in the present
        ("XO, Kitty Staffel 4 startet 2027", "2027"),
        ("XO, Kitty Staffel 4 erscheint 2027", "2027"),
        ("XO, Kitty Staffel 4 kommt 2027", "2027"),
        ("XO, Kitty : la saison 4 arrive en 2027", "2027"),
        # (close ones that stayed)
        ("XO, Kitty : la saison 4 arrivera en 2027", "2027"),
        ("XO, Kitty Staffel 4 startet im Juni", "2027-06"),
        ("XO, Kitty season 4 arrives in 2027", "2027"),
    ],
)
def test_a_year_the_season_comes_in_is_its_window(title: str, period: str) -> None:
    signal = classify(title, "", TOLD, INDEX)
    assert (signal.milestone, signal.season, str(signal.period)) == (
        Milestone.RELEASE_DATE_ANNOUNCED,
        4,
        period,
    ), signal.rule


@pytest.mark.parametrize(
    ("title", "rule"),
    [
        # a label in square brackets, as in round ones
        ("XO, Kitty season 4 premieres June 5 [Review]", "not-news:review-label"),
        ("XO, Kitty Staffel 4 startet am 5. Juni [Kritik]", "not-news:review-label"),
        # (close ones that stayed)
        ("XO, Kitty season 4 premieres June 5 (Review)", "not-news:review-label"),
        ("XO, Kitty season 4 premieres June 5 [Review Round-Up]", None),
        ("XO, Kitty season 4 premieres June 5 [Video]", None),
    ],
)
def test_a_review_label_in_square_brackets(title: str, rule: str | None) -> None:
    signal = classify(title, "", TOLD, INDEX)
    if rule is None:
        assert signal.milestone is Milestone.RELEASE_DATE_ANNOUNCED, signal.rule
    else:
        assert (signal.milestone, signal.rule) == (None, rule)
