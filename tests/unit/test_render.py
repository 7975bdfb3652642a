"""Renderers stay inside Discord's limits, keep spoilers shut and neutralise outside text."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import discord
import pytest
from hypothesis import given
from hypothesis import strategies as st
from msgspec.structs import replace

from bot.catalog import PartialDate, RecapPoint, Season, Show, load_show
from bot.catalog.dates import release_start
from bot.domain.status import LearnedEvent, StepSource, season_status
from bot.news.forum import plain_title
from bot.news.models import Certainty, Milestone
from bot.news.parse import canonical_url
from bot.render import (
    cast_embed,
    cast_list_embed,
    clamp_dict,
    clamp_embed,
    embed_size,
    episode_embed,
    episode_overview_embed,
    episode_recap_embed,
    limits,
    safe_text,
    season_recap_embed,
    status_embed,
    truncate,
)
from bot.render.episodes import season_episodes_embed
from bot.render.status import _news_field
from bot.render.text import (
    link,
    release_countdown,
    release_day,
    source_ref,
    timestamp,
    unix,
    when_text,
)
from tests.conftest import REPO

NOW = datetime(2026, 11, 28, 12, tzinfo=UTC)


@pytest.fixture(scope="module")
def show() -> Show:
    return load_show(REPO / "data" / "shows" / "xo-kitty.toml")


def assert_within_limits(embed: discord.Embed) -> None:
    data: dict[str, Any] = embed.to_dict()  # type: ignore[assignment]
    assert len(data.get("title", "")) <= limits.TITLE
    assert len(data.get("description", "")) <= limits.DESCRIPTION
    assert len(data.get("fields", [])) <= limits.FIELDS
    for field in data.get("fields", []):
        assert 0 < len(field["name"]) <= limits.FIELD_NAME
        assert 0 < len(field["value"]) <= limits.FIELD_VALUE
    assert len(data.get("footer", {}).get("text", "")) <= limits.FOOTER
    assert len(data.get("author", {}).get("name", "")) <= limits.AUTHOR
    assert embed_size(data) <= limits.TOTAL
    for text in _texts(data):
        assert _live_bars(text) % 2 == 0, f"unbalanced spoiler bars in {text!r}"


def _texts(data: dict[str, Any]) -> Iterator[str]:
    yield data.get("title", "")
    yield data.get("description", "")
    for field in data.get("fields", []):
        yield field["name"]
        yield field["value"]


def _every_card(show: Show, learned: list[LearnedEvent]) -> Iterator[discord.Embed]:
    yield cast_list_embed(show, show.cast)
    for season in show.seasons:
        yield cast_list_embed(show, [m for m in show.cast if season.number in m.seasons], 1)
        yield season_recap_embed(show, season)
        yield status_embed(show, season, season_status(season, learned), NOW)
        for episode in season.episodes:
            yield episode_embed(show, episode, NOW)
            yield episode_recap_embed(show, season, episode)
    for member in show.cast:
        yield cast_embed(show, member)
    yield episode_overview_embed(show, NOW)


def test_every_card_from_the_real_pack_fits(show: Show) -> None:
    cards = list(_every_card(show, []))
    assert len(cards) > 60
    for card in cards:
        assert_within_limits(card)


def _overlong(show: Show) -> Show:
    """The pack with every text blown far past Discord's limits."""
    huge = "Spoilery words || with bars || and @everyone <@123456789012345678> " * 400
    point = RecapPoint(text=huge, sources=("https://example.com/" + "a" * 3000,))
    seasons = []
    for season in show.seasons:
        # replace() re-runs the models' checks: a title needs sources.
        long = {"title": huge, "title_sources": point.sources, "logline": huge}
        episodes = tuple(replace(e, **long, recap=(point,) * 40) for e in season.episodes)
        seasons.append(
            replace(season, episodes=episodes, recap=(point,) * 40, premise=(point,) * 40)
        )
    cast = tuple(
        replace(
            m,
            description=huge,
            spoiler=huge,
            note=huge,
            character=huge,
            character_aliases=(huge,) * 10,
        )
        for m in show.cast
    )
    return replace(show, seasons=tuple(seasons), cast=cast * 8, title=huge)


def test_overlong_synthetic_data_is_clamped(show: Show) -> None:
    learned = [
        LearnedEvent(
            Milestone.RELEASED,
            Certainty.CONFIRMED,
            date(2026, 4, 2),
            f"https://news.example/{i}/" + "x" * 500,
            "@everyone " * 50,
            NOW - timedelta(hours=i),
        )
        for i in range(60)
    ]
    for card in _every_card(_overlong(show), learned):
        assert_within_limits(card)


def test_season_recap_keeps_every_episode_when_shrinking(show: Show) -> None:
    season = show.seasons[0]
    long = RecapPoint(text="a long plot point " * 20, sources=("https://example.com/x",))
    episodes = tuple(replace(e, recap=(long,) * 6) for e in season.episodes)
    card = season_recap_embed(show, replace(season, episodes=episodes))
    assert_within_limits(card)
    names = [f.name for f in card.fields]
    assert names[-2] == "S1E10 · OTP" and names[-1] == "Sources"  # the finale survives
    assert all("more: /recap season:1 episode:" in (f.value or "") for f in card.fields[:-1])


@pytest.mark.parametrize(
    ("data", "key"),
    [
        ({"title": "t" * 300}, "title"),
        ({"description": "d" * 5000}, "description"),
        ({"footer": {"text": "f" * 3000}}, "footer"),
        ({"author": {"name": "a" * 300}}, "author"),
    ],
)
def test_clamp_dict_cuts_each_part(data: dict[str, Any], key: str) -> None:
    out = clamp_dict(data)
    assert embed_size(out) <= limits.TOTAL
    value = (
        out[key]["text" if key == "footer" else "name"] if isinstance(out[key], dict) else out[key]
    )
    assert value.endswith("…")


def test_clamp_dict_fields_and_total() -> None:
    fields = [{"name": "n" * 300, "value": "v" * 2000, "inline": False} for _ in range(40)]
    out = clamp_dict({"title": "x", "description": "d" * 4096, "fields": fields})
    assert len(out["fields"]) <= limits.FIELDS
    assert embed_size(out) <= limits.TOTAL
    assert len(out["description"]) >= 1000  # the description is shortened, not dropped
    blank = clamp_dict({"fields": [{"name": "", "value": ""}]})
    assert blank["fields"][0]["name"] and blank["fields"][0]["value"]


@given(
    title=st.text(max_size=400),
    description=st.text(max_size=6000),
    fields=st.lists(st.tuples(st.text(max_size=400), st.text(max_size=1500)), max_size=30),
    footer=st.text(max_size=2500),
)
def test_clamp_embed_always_fits(
    title: str, description: str, fields: list[tuple[str, str]], footer: str
) -> None:
    embed = discord.Embed(title=title or None, description=description or None)
    for name, value in fields:
        embed.add_field(name=name, value=value)
    if footer:
        embed.set_footer(text=footer)
    clamped = clamp_embed(embed)
    data: dict[str, Any] = clamped.to_dict()  # type: ignore[assignment]
    assert embed_size(data) <= limits.TOTAL
    assert len(data.get("fields", [])) <= limits.FIELDS
    assert all(len(f["value"]) <= limits.FIELD_VALUE for f in data.get("fields", []))


@pytest.mark.parametrize(
    ("text", "limit"),
    [("||secret words that go on and on||", 12), ("a ||b c d e f g h i j k||", 10), ("x" * 50, 8)],
)
def test_truncate_never_leaves_a_spoiler_open(text: str, limit: int) -> None:
    cut = truncate(text, limit)
    assert len(cut) <= limit
    assert _live_bars(cut) % 2 == 0
    assert cut.endswith(("…", "…||"))


@given(text=st.text(alphabet="ab |\\", max_size=80), limit=st.integers(1, 90))
def test_truncate_properties(text: str, limit: int) -> None:
    cut = truncate(text, limit)
    assert len(cut) <= max(limit, 1)
    if len(text) <= limit:
        assert cut == text
    elif _live_bars(text) % 2 == 0:
        assert _live_bars(cut) % 2 == 0


class TestSafeText:
    @pytest.mark.parametrize("ping", ["@everyone", "@here", "@EVERYONE"])
    def test_broadcast_mentions_are_broken(self, ping: str) -> None:
        out = safe_text(f"Breaking {ping} news")
        assert ping not in out and "\u200b" in out

    @pytest.mark.parametrize(
        "mention",
        [
            "<@123456789012345678>",
            "<@!123456789012345678>",
            "<@&123456789012345678>",
            "<#123456789012345678>",
            "</feeds add:123456789012345678>",
            # Not pings, but the feed's pick of image, date or server page on our card.
            "<:kitty:123456789012345678>",
            "<a:kitty:123456789012345678>",
            "<t:1767225600:D>",
            "<id:customize>",
            "<sound:123456789012345678:123456789012345678>",
        ],
    )
    def test_user_role_channel_and_command_mentions_are_broken(self, mention: str) -> None:
        assert mention not in safe_text(f"hi {mention}")

    def test_raw_id_mentions_are_broken(self) -> None:
        assert "@123456789012345678" not in safe_text("@123456789012345678")

    def test_markdown_and_masked_links_are_escaped(self) -> None:
        out = safe_text("[Official trailer](https://evil.example) **bold** ||spoil|| # Head")
        assert "[Official trailer](" not in out
        assert "\\[Official trailer\\]" in out
        assert "\\*\\*bold\\*\\*" in out and "\\|\\|spoil\\|\\|" in out
        assert not out.startswith("#")

    @pytest.mark.parametrize(
        "raw",
        [
            # discord.py's escape_markdown took the whole span from the first "[" to the
            # last "](" for one masked link and escaped only its start.
            "XO, Kitty [season 3] **CANCELLED** ||just kidding|| __x__ ~~y~~ `z` [src](y)",
            "# Big\n- item\n1. first\n> quote\n  -# subtext\n+ more",
            "a \\||b|| \\\\**c**",  # backslashes of its own cannot cancel the escapes
        ],
    )
    def test_no_mark_stays_live(self, raw: str) -> None:
        out = safe_text(raw)
        inert = re.sub(r"\\.", "", out)  # an escaped character is shown, not read
        assert not any(mark in inert for mark in "*_~`|[]")
        assert not any(re.match(r"\s*([#>+-]|\d+\.)", line) for line in out.splitlines())
        assert re.sub(r"\\(.)", r"\1", out) == raw  # what readers see is the text itself

    def test_plain_urls_survive(self) -> None:
        url = "https://example.com/a_b_c"
        assert url in safe_text(f"see {url}")

    def test_one_line(self) -> None:
        assert safe_text("a\n\n b\tc", one_line=True) == "a b c"

    @pytest.mark.parametrize("one_line", [True, False])
    def test_direction_controls_are_dropped(self, one_line: bool) -> None:
        """An override or isolate runs on past the outside text, reordering the bot's own
        words after it."""
        raw = "Down \u202eevom \u2066ew\u2069 here \u202a\u202b\u202c\u202d\u2067\u2068"
        assert safe_text(raw, one_line=one_line).strip() == "Down evom ew here"


def test_a_label_cannot_close_itself_to_open_a_link_of_its_own() -> None:
    """A feed title with a URL-like "https://a](https://evil" once kept its brackets raw:
    the label closed early and Discord read a masked link to the feed's address."""
    out = link("https://real.example/a", "Kitty https://x.y/a](https://evil.example/p")
    close = re.search(r"(?<!\\)\]\(", out)  # the first unescaped "](" ends the label
    # The title shows an address, so it stands beside the link, named for the real site.
    assert close is not None and out[close.end() :] == "https://real.example/a))"
    assert "https://" not in out[: close.start()]
    assert _shown_links(out) == [("real.example", "https://real.example/a")]


def test_links_cannot_break_out() -> None:
    out = link("https://example.com/a)b [c] d")
    assert out.startswith("[example.com](") and out.count(")") == 1
    assert " " not in out.split("](")[1]
    assert "@\u200beveryone" in link("https://x.example/", "@everyone")


@pytest.mark.parametrize(
    "link_url",
    ["https://kitty_fan_site.example/s3", "https://a||b||.example/", "https://```.example/"],
)
def test_a_headline_less_story_is_labelled_with_its_host_escaped(show: Show, link_url: str) -> None:
    """Without a headline, a story in "From the news" is named after its link's host, which
    the feed picks: the raw host in the label made italics of "kitty_fan_site", a spoiler
    of "||b||" and opened a code span with backticks on the public /status card."""
    url = canonical_url(link_url)
    season3 = show.seasons[2]
    learned = [LearnedEvent(Milestone.TRAILER, Certainty.REPORTED, None, url, "", NOW)]
    card = status_embed(show, season3, season_status(season3, learned), NOW)
    news = next(f for f in card.fields if f.name == "From the news").value or ""
    label = news[1 : news.index("](")]
    assert re.sub(r"\\(.)", r"\1", label) == urlsplit(url).hostname  # what readers see
    assert not any(mark in re.sub(r"\\.", "", label) for mark in "*_~`|")


def test_a_storys_link_on_the_card_drops_the_trackers_its_key_keeps(show: Show) -> None:
    """A story's link in "From the news" and beside its step kept a mailing tool's trackers
    (and utm_* a feed escaped twice), stored as the article's address; the card drops them."""
    url = "https://news.example/trailer?id=3&_hsenc=p2A&mkt_tok=MjA&amp;utm_medium=rss"
    season3 = show.seasons[2]
    learned = [LearnedEvent(Milestone.TRAILER, Certainty.REPORTED, None, url, "Trailer", NOW)]
    card = status_embed(show, season3, season_status(season3, learned), NOW)
    text = "\n".join(f.value or "" for f in card.fields)
    assert "(https://news.example/trailer?id=3)" in text
    assert not any(mark in text for mark in ("_hsenc", "mkt_tok", "utm_"))


def test_timestamps() -> None:
    assert unix(date(2026, 4, 2)) == int(datetime(2026, 4, 2, 12, tzinfo=UTC).timestamp())
    assert timestamp(date(2026, 4, 2)) == "<t:1775131200:D>"
    assert timestamp(datetime(2026, 1, 1, tzinfo=UTC), "R") == "<t:1767225600:R>"
    ahead = when_text(PartialDate(2027, 1, 5), now=NOW)
    assert ahead.count("<t:") == 2 and ahead.endswith(":R>)")
    assert when_text(PartialDate(2025, 1, 5), now=NOW).count("<t:") == 1
    assert when_text(PartialDate(2025, 7), approximate=True) == "about July 2025"
    assert when_text(None) == "date unknown"


def test_recap_points_are_spoilered_and_the_warning_is_not(show: Show) -> None:
    season = show.seasons[0]
    card = episode_recap_embed(show, season, season.episodes[3])
    description = card.description or ""
    warning, _, body = description.partition("\n\n")
    assert "Spoilers" in warning and "||" not in warning
    for line in body.splitlines():
        assert line.startswith("• ||") and line.count("||") == 2


def test_recap_falls_back_to_the_season_and_says_so(show: Show) -> None:
    season = show.seasons[1]
    card = episode_recap_embed(show, season, season.episodes[2])
    assert (card.description or "").startswith("No recap of S2E3 in our sources yet")
    assert card.title == "Recap · XO, Kitty season 2"


def test_unreleased_season_recap_shows_the_announced_premise(show: Show) -> None:
    card = season_recap_embed(show, show.seasons[2])
    description = card.description or ""
    assert "hasn't come out" in description
    assert description.count("• ||") == len(show.seasons[2].premise)


def test_status_counts_down_only_to_future_dates(show: Show) -> None:
    season3: Season = show.seasons[2]
    before = status_embed(
        show, season3, season_status(season3, []), datetime(2026, 3, 1, tzinfo=UTC)
    )
    after = status_embed(show, season3, season_status(season3, []), NOW)
    assert ":R>" in (before.description or "").split("\n")[0]
    assert ":R>" not in (after.description or "")
    assert "no source we track confirms" in (after.description or "")


def test_a_release_is_counted_down_to_the_moment_it_comes_out(show: Show) -> None:
    """A date known to the day is shown at noon UTC, so it falls on that day for almost every
    reader, but a Netflix premiere comes out at midnight US Pacific (07:00 UTC in summer). The
    countdown aimed at noon: on the eve it ran five hours late, and from midnight UTC on the
    day it was gone, the season "set for" a day not yet begun where it comes out. (An earlier
    version had pinned that: no countdown once the day began in UTC.) Season 1 came out at
    3 a.m. Eastern on May 18, 2023: at 9 a.m. UTC it is out, with no countdown."""
    season1, season3 = show.seasons[0], show.seasons[2]
    assert season3.release_date is not None
    morning = datetime(2023, 5, 18, 9, tzinfo=UTC)
    out = status_embed(show, season1, season_status(season1, []), morning).description or ""
    assert out.startswith("Season 1 is out") and ":R>" not in out
    episode = episode_embed(show, season1.episodes[0], morning)
    assert not any(":R>" in str(field.value) for field in episode.fields)

    def upcoming(now: datetime) -> tuple[str, str]:
        card = status_embed(show, season3, season_status(season3, []), now)
        overview = episode_overview_embed(show, now)
        return (card.description or "").split("\n")[0], str(overview.fields[1].value)

    comes_out = f"<t:{int(datetime.combine(season3.release_date, time(7), UTC).timestamp())}:R>"
    eve = datetime.combine(season3.release_date - timedelta(days=1), time(23), UTC)
    for now in (eve, eve + timedelta(hours=2), eve + timedelta(hours=7, minutes=59)):
        assert all(comes_out in text for text in upcoming(now)), now
    for hour in (7, 13, 23):
        head, following = upcoming(datetime.combine(season3.release_date, time(hour), UTC))
        assert head.startswith("Season 3 is set for") and ":R>" not in head
        assert following.startswith("Season 3: <t:") and ":R>" not in following
    head, following = upcoming(eve + timedelta(days=1, hours=2))
    assert "no source we track confirms" in head and "no source in our data" in following


def test_an_announced_episode_count_is_not_stated_as_fact(show: Show) -> None:
    """Season 3's 8 episodes come from two outlets' report of the announcement, and no source
    says the season came out; /status showed a bare 'Episodes: 8' beside 'reported' dates."""

    def episodes(season: Season) -> str | None:
        card = status_embed(show, season, season_status(season, []), NOW)
        return next(f.value for f in card.fields if f.name == "Episodes")

    assert episodes(show.seasons[2]) == "8 (announced)"
    assert episodes(show.seasons[1]) == "8"


def test_status_shows_learned_sources_escaped(show: Show) -> None:
    season3 = show.seasons[2]
    learned = [
        LearnedEvent(
            Milestone.RELEASED,
            Certainty.CONFIRMED,
            date(2026, 4, 2),
            "https://news.example/xo-kitty-s3-out",
            "XO, Kitty S3 is out @everyone [click](https://evil.example)",
            datetime(2026, 4, 2, 9, tzinfo=UTC),
        )
    ]
    card = status_embed(show, season3, season_status(season3, learned), NOW)
    news = next(f for f in card.fields if f.name == "From the news")
    assert "@everyone" not in (news.value or "") and "[click](" not in (news.value or "")
    assert "news.example/xo-kitty-s3-out" in (news.value or "")
    assert (card.description or "").startswith("Season 3 is out")


def _delay(certainty: Certainty) -> LearnedEvent:
    """News that season 3 moved to January 8, 2027."""
    return LearnedEvent(
        Milestone.RELEASE_DATE_ANNOUNCED,
        certainty,
        date(2027, 1, 8),
        "https://news.example/delay",
        "Delayed",
        NOW,
    )


def _next_up(card: discord.Embed) -> str:
    return next(f for f in card.fields if f.name == "Next up").value or ""


def test_overview_follows_a_reported_delay(show: Show) -> None:
    season3 = show.seasons[2]
    card = episode_overview_embed(show, NOW, season_status(season3, [_delay(Certainty.REPORTED)]))
    upcoming = _next_up(card)
    assert release_countdown(date(2027, 1, 8)) in upcoming
    plain = episode_overview_embed(show, NOW)
    assert "no source" in (next(f for f in plain.fields if f.name == "Next up").value or "")


def test_a_year_the_sources_never_gave_is_marked_inferred(show: Show) -> None:
    season1, season3 = show.seasons[0], show.seasons[2]
    headline = status_embed(show, season3, season_status(season3, []), NOW).description or ""
    assert "(reported, year inferred)" in headline.split("\n")[0]
    ladder = status_embed(show, season1, season_status(season1, []), NOW).description or ""
    filming = next(line for line in ladder.split("\n") if "Filming started" in line)
    assert ", year inferred · confirmed" in filming
    assert "year inferred" not in next(line for line in ladder.split("\n") if "Ordered" in line)
    assert "year inferred" in _next_up(episode_overview_embed(show, NOW))
    # A date the news gave comes with its year: the mark goes with the pack's date.
    status = season_status(season3, [_delay(Certainty.CONFIRMED)])
    upcoming = _next_up(episode_overview_embed(show, NOW, status))
    assert release_countdown(date(2027, 1, 8)) in upcoming
    assert "year inferred" not in upcoming


def test_a_date_shows_the_certainty_of_the_claim_that_gave_it(show: Show) -> None:
    """A confirmation without a day must not lend its certainty to the reported April 2."""
    season3 = show.seasons[2]
    before = datetime(2026, 3, 1, tzinfo=UTC)
    undated = LearnedEvent(
        Milestone.RELEASE_DATE_ANNOUNCED,
        Certainty.CONFIRMED,
        None,
        "https://news.example/s3-date",
        "Netflix confirms the XO, Kitty season 3 premiere date: it's coming in June",
        before,
    )
    status = season_status(season3, [undated])
    card = status_embed(show, season3, status, before)
    lines = (card.description or "").split("\n")
    assert lines[0].endswith("(reported, year inferred).")
    dated = next(line for line in lines if "**Release date**" in line)
    assert "(date reported) · confirmed" in dated
    overview = episode_overview_embed(show, before, status)
    upcoming = next(f for f in overview.fields if f.name == "Next up").value or ""
    assert upcoming.endswith("· reported, year inferred")


def test_a_release_only_reported_is_not_stated_as_fact(show: Show) -> None:
    season3 = show.seasons[2]
    rumour = LearnedEvent(
        Milestone.RELEASED,
        Certainty.RUMORED,
        date(2026, 4, 2),
        "https://news.example/s3-out",
        "Is XO, Kitty season 3 out already?",
        NOW,
    )
    card = status_embed(show, season3, season_status(season3, [rumour]), NOW)
    assert (card.description or "").startswith("Season 3 is out (rumored): released")


def test_a_reversed_cancellation_is_history_not_the_headline(show: Show) -> None:
    season4 = Season.from_news_only(4)

    def news(milestone: Milestone, hours: int) -> LearnedEvent:
        seen = NOW - timedelta(hours=48 - hours)
        return LearnedEvent(
            milestone, Certainty.CONFIRMED, None, f"https://n.example/{hours}", "", seen
        )

    learned = [news(Milestone.CANCELLED, 0), news(Milestone.RENEWED, 24)]
    card = status_embed(show, season4, season_status(season4, learned), NOW)
    text = card.description or ""
    assert text.startswith("Latest for season 4: renewed (confirmed).")
    assert text.endswith("· reversed by a later renewal") and "\n↩️ **Cancelled**" in text
    assert "⬜ Writing: not yet" in text


def test_a_cancelled_seasons_rungs_ahead_are_not_promised(show: Show) -> None:
    """'Netflix cancels XO, Kitty after three seasons' (season 4): the card listed
    'Filming started: not yet', 'Released: not yet', … as if they were still to come."""
    season4 = Season.from_news_only(4)
    learned = [
        LearnedEvent(Milestone.RENEWED, Certainty.REPORTED, None, "https://n.example/r", "", NOW),
        LearnedEvent(
            Milestone.CANCELLED, Certainty.CONFIRMED, None, "https://n.example/c", "", NOW
        ),
    ]
    text = status_embed(show, season4, season_status(season4, learned), NOW).description or ""
    assert "not yet" not in text and "**Renewed**" in text and "**Cancelled**" in text


@pytest.mark.parametrize("url_length", [130, 1800])
def test_a_ladder_heavy_with_news_keeps_every_line_and_whole_links(
    show: Show, url_length: int
) -> None:
    """Two outlets' long headlines on every step of a season: the description ran past 4,096
    characters and was cut, losing the released and cancelled lines mid-link."""
    season4 = Season.from_news_only(4)
    learned = [
        LearnedEvent(
            milestone,
            certainty,
            None,
            f"https://news.example/{milestone}-{certainty}-".ljust(url_length, "x"),
            f"XO, Kitty season 4: {milestone} — everything we know so far about the cast " * 2,
            NOW - timedelta(hours=20 - n),
        )
        for n, milestone in enumerate(Milestone)
        for certainty in (Certainty.RUMORED, Certainty.CONFIRMED)
    ]
    card = status_embed(show, season4, season_status(season4, learned), NOW)
    assert_within_limits(card)
    lines = (card.description or "").splitlines()
    assert lines[-1].startswith("❌ **Cancelled**") and "**Released**" in lines[-3]
    assert all(line.count("](") == line.count("[") for line in lines)


def test_no_countdown_to_a_date_a_later_delay_overtook(show: Show) -> None:
    season3 = show.seasons[2]  # the pack: April 2, 2026, reported
    before = datetime(2026, 3, 1, tzinfo=UTC)
    delay = LearnedEvent(
        Milestone.DELAYED, Certainty.REPORTED, None, "https://n.example/d", "Delayed", before
    )
    status = season_status(season3, [delay])
    card = status_embed(show, season3, status, before)
    day = release_day(date(2026, 4, 2))
    assert (card.description or "").startswith(
        f"Season 3 was set for {day} (reported, year inferred), but a delay has since been "
        "reported."
    )
    assert ":R>" not in (card.description or "")
    upcoming = _next_up(episode_overview_embed(show, before, status))
    assert ":R>" not in upcoming and upcoming.endswith("delay reported")
    season2 = show.seasons[1]  # out: a delay read since is an old story, not a new delay
    ladder = status_embed(show, season2, season_status(season2, [delay]), NOW).description
    assert "before a delay" not in (ladder or "")


def test_a_delay_that_names_its_day_says_it_where_the_old_date_stood(show: Show) -> None:
    """ "XO, Kitty season 3 delayed to June 5": /status said only "was set for April 2, but a
    delay has since been reported", and the /episode card "delay reported", not the day fans
    now wait for. The overtaken date still has no countdown; the new one has."""
    season3 = show.seasons[2]  # the pack: April 2, 2026, reported
    before = datetime(2026, 3, 1, tzinfo=UTC)
    new = date(2026, 6, 5)
    delay = LearnedEvent(
        Milestone.DELAYED, Certainty.REPORTED, new, "https://n.example/d", "Delayed", before
    )
    status = season_status(season3, [delay])
    text = status_embed(show, season3, status, before).description or ""
    old = release_day(date(2026, 4, 2))
    assert text.startswith(
        f"Season 3 was set for {old} (reported, year inferred), but a delay has since been "
        f"reported: now {release_day(new)}, {release_countdown(new)}."
    )
    assert release_day(date(2026, 4, 2), "R") not in text
    upcoming = _next_up(episode_overview_embed(show, before, status))
    assert upcoming.endswith(f"delay reported, now {release_day(new)} ({release_countdown(new)})")
    assert release_day(date(2026, 4, 2), "R") not in upcoming
    # a later delay that names no day, nor a month or a year (a retelling), leaves June 5
    again = LearnedEvent(
        Milestone.DELAYED,
        Certainty.REPORTED,
        None,
        "https://n.example/d2",
        "Delayed again",
        before + timedelta(days=15),
    )
    later = season_status(season3, [delay, again])
    text = status_embed(show, season3, later, before).description or ""
    assert text.startswith(
        f"Season 3 was set for {old} (reported, year inferred), but a delay has since been "
        f"reported: now {release_day(new)}, {release_countdown(new)}."
    )


def test_the_delayed_line_shows_the_day_the_latest_delay_gave(show: Show) -> None:
    """The first line and the Delayed line told different days: after a delay to June 5
    confirmed, a report of June 20 left the first line with no day and the Delayed line June
    5; a later delay to no day left the Delayed line counting down to June 5. A delay moves
    the day only told as surely (as the news posts only such a move), and one retold without
    its day in the days after is the same delay."""
    season3 = show.seasons[2]  # the pack: April 2, 2026, reported
    at = datetime(2026, 3, 1, tzinfo=UTC)
    june5, june20 = date(2026, 6, 5), date(2026, 6, 20)
    later = timedelta(days=15)

    def delay(sure: Certainty, day: date | None, told: timedelta) -> LearnedEvent:
        url = f"https://n.example/{sure.name}-{day}-{told.days}"
        return LearnedEvent(Milestone.DELAYED, sure, day, url, "Delayed", at + told)

    def lines(*learned: LearnedEvent) -> tuple[str, str]:
        text = status_embed(show, season3, season_status(season3, learned), at).description
        first, *rest = (text or "").splitlines()
        return first, next(line for line in rest if "**Delayed**" in line)

    confirmed = delay(Certainty.CONFIRMED, june5, timedelta())
    for then in (
        delay(Certainty.REPORTED, june20, timedelta(days=1)),
        delay(Certainty.REPORTED, None, later),
        delay(Certainty.CONFIRMED, None, timedelta(days=14)),
        delay(Certainty.CONFIRMED, None, later),
    ):
        head, line = lines(confirmed, then)
        assert head.endswith(f"now {release_day(june5)}, {release_countdown(june5)}.")
        assert line.startswith(f"⏳ **Delayed**: {release_day(june5)} ({release_countdown(june5)})")
    head, line = lines(confirmed, delay(Certainty.CONFIRMED, june20, timedelta(days=1)))
    assert f"now {release_day(june20)}" in head and line.count(release_day(june20)) == 1


@pytest.mark.parametrize(
    "after",
    [
        (Milestone.RELEASE_DATE_ANNOUNCED, Certainty.CONFIRMED, date(2026, 6, 20)),
        (Milestone.RELEASED, Certainty.CONFIRMED, None),
    ],
)
def test_a_delays_day_is_not_counted_down_once_redated_or_out(
    show: Show, after: tuple[Milestone, Certainty, date | None]
) -> None:
    """Delayed to June 5, then "premieres June 20, Netflix confirms" (or the season came
    out): the Delayed line still counted down to June 5 beside the day that now holds."""
    season3 = show.seasons[2]
    at = datetime(2026, 3, 1, tzinfo=UTC)
    june5 = date(2026, 6, 5)
    delay = LearnedEvent(
        Milestone.DELAYED, Certainty.REPORTED, june5, "https://n.example/d", "D", at
    )
    then = LearnedEvent(*after, "https://n.example/n", "N", at + timedelta(days=5))
    status = season_status(season3, [delay, then])
    text = status_embed(show, season3, status, at + timedelta(days=6)).description or ""
    line = next(line for line in text.splitlines() if "**Delayed**" in line)
    assert line.startswith(f"⏳ **Delayed**: {release_day(june5)} · reported")
    assert release_countdown(june5) not in text
    if after[2] is not None:
        assert text.startswith(f"Season 3 is set for {release_day(after[2])}, ")


def test_a_date_is_shown_beside_its_own_source_first(show: Show) -> None:
    """June 5 confirmed, a delay, then September 17 reported: the line read 'September 17 ·
    [XO, Kitty season 4 premieres June 5, Netflix confirms]', a link contradicting its date."""
    season4 = Season.from_news_only(4)

    def news(
        milestone: Milestone, certainty: Certainty, day: date | None, title: str
    ) -> LearnedEvent:
        url = f"https://n.example/{len(title)}"
        return LearnedEvent(
            milestone, certainty, day, url, title, NOW - timedelta(days=9 - len(title))
        )

    learned = [
        news(Milestone.RELEASE_DATE_ANNOUNCED, Certainty.CONFIRMED, date(2027, 6, 5), "June 5"),
        news(Milestone.DELAYED, Certainty.REPORTED, None, "Delayed!"),
        news(Milestone.RELEASE_DATE_ANNOUNCED, Certainty.REPORTED, date(2027, 9, 17), "Sept 17!!"),
    ]
    ladder = status_embed(show, season4, season_status(season4, learned), NOW).description or ""
    line = next(line for line in ladder.splitlines() if "**Release date**" in line)
    assert line.index("[Sept 17!!]") < line.index("[June 5]")


def _live_bars(text: str) -> int:
    return len(re.findall(r"(?<!\\)\|\|", re.sub(r"\\\\", "", text)))


@pytest.mark.parametrize("text", ["Kitty || Dae, or Yuri", "a trailing backslash \\", "|||"])
def test_pack_text_cannot_close_its_spoiler_bars(show: Show, text: str) -> None:
    """A point or a cast spoiler holding '||' (or ending in a backslash, which escapes the
    closing bars) must not end the spoiler early and show the rest in the clear."""
    season = show.seasons[0]
    episode = season.episodes[3]
    point = RecapPoint(text=text, sources=("https://news.example/a",), note="")
    card = episode_recap_embed(show, season, replace(episode, recap=(point, *episode.recap)))
    first = (card.description or "").split("\n\n", 1)[1].splitlines()[0]
    assert _live_bars(first) == 2 and first.startswith("• ||")
    assert first.partition(" (")[0].endswith("||")
    member = replace(show.cast[0], spoiler=text)
    hidden = next(f for f in cast_embed(show, member).fields if f.name == "Spoilers")
    assert _live_bars(hidden.value or "") == 2 and (hidden.value or "").endswith("||")


def test_a_secret_identity_is_found_but_shown_only_behind_spoilers(show: Show) -> None:
    """Stella's real name is the season 2 twist: '/cast name:Stella' must not print it in
    the open 'Also known as', though typing it still finds her."""
    stella = next(m for m in show.cast if m.character == "Stella Cho")
    assert "Esther" in stella.names()
    card = cast_embed(show, stella).to_dict()
    hidden = [f["value"] for f in card["fields"] if f["name"] == "Spoilers"]
    assert len(hidden) == 1 and "Esther Shim" in hidden[0]
    shown = [card["title"], card["description"], card["footer"]["text"]]
    shown += [f"{f['name']} {f['value']}" for f in card["fields"] if f["name"] != "Spoilers"]
    assert not any("Esther" in text for text in shown)


def test_news_sources_are_listed_whole_never_cut_mid_link(show: Show) -> None:
    """Long feed headlines and addresses filled 'From the news' past 1024 characters, and
    the cut left half a link showing as raw markdown."""
    season3 = show.seasons[2]
    learned = [
        LearnedEvent(
            Milestone.TRAILER,
            Certainty.CONFIRMED,
            None,
            f"https://news.example/{i}/" + "a" * 150,
            "XO Kitty season 3 trailer is here " * 8,
            NOW - timedelta(hours=i),
        )
        for i in range(6)
    ]
    card = status_embed(show, season3, season_status(season3, learned), NOW)
    assert_within_limits(card)
    news = next(f for f in card.fields if f.name == "From the news").value or ""
    *links, more = news.split("\n")
    assert links and more == f"+{6 - len(links)} more"
    for line in links:
        assert re.fullmatch(r"\[[^\]]+\]\(https://news\.example/\d/a+\) · <t:\d+:R>", line)


def test_the_news_field_leaves_room_for_a_three_digit_count() -> None:
    """Room was kept for "+99 more": with a hundred sources or more and lines that just
    fit, "+145 more" took the field one character past Discord's 1024."""
    for width in range(150, 260):
        sources = [
            StepSource(f"https://e.org/{i:03}/" + "a" * width, "", Certainty.REPORTED, None, True)
            for i in range(150)
        ]
        field = _news_field(sources)
        assert len(field) <= 1024 and field.endswith(" more")


def test_a_writing_credit_keeps_its_source_and_its_doubt(show: Show) -> None:
    """The pilot's credit is one outlet's, 'not cross-checked': it was shown as bare fact."""
    pilot = show.seasons[0].episodes[0]
    assert pilot.writers is not None and pilot.writers.note
    card = episode_embed(show, pilot, NOW)
    credit = next(f for f in card.fields if f.name == "Written by").value or ""
    assert credit.startswith("Siobhan Vivian and Jenny Han ([teenvogue.com](https://")
    assert pilot.writers.note in credit


def test_the_episode_card_shows_the_packs_doubt_about_the_episode(show: Show) -> None:
    """S1E3's title rests on one episode guide; the card showed it as bare fact."""
    episode = show.seasons[0].episodes[2]
    assert episode.note
    card = episode_embed(show, episode, NOW)
    assert [f.value for f in card.fields if f.name == "Note"] == [episode.note]


def test_a_citation_naming_a_file_shows_who_wrote_it() -> None:
    """Season 2's delay cites the seed article: a fan saw 'seed article 000_….txt'."""
    seed = "seed article 000_30acf07ac2549122.txt (FanSided Entertainment Staff, early 2024; x)"
    assert source_ref(seed) == "FanSided Entertainment Staff, early 2024"
    # a named citation keeps its name; a file without a named author stays as it is
    assert source_ref("Netflix Tudum (press release)") == "Netflix Tudum"
    assert source_ref("notes.md") == "notes.md"


def test_an_undated_release_reads_the_premiere_date_that_has_come(show: Show) -> None:
    """'Now streaming' without a day, after 'premieres June 5' (now past): the card said
    'released date unknown' although the release-date rung showed the day."""
    season4 = Season.from_news_only(4)
    june5 = PartialDate(2026, 6, 5)

    def news(milestone: Milestone, day: PartialDate | None, hours: int) -> LearnedEvent:
        seen = NOW - timedelta(days=200, hours=-hours)
        return LearnedEvent(
            milestone, Certainty.CONFIRMED, day, f"https://n.example/{hours}", "", seen
        )

    learned = [news(Milestone.RELEASE_DATE_ANNOUNCED, june5, 0), news(Milestone.RELEASED, None, 1)]
    card = status_embed(show, season4, season_status(season4, learned), NOW)
    assert (card.description or "").startswith(
        f"Season 4 is out: released {release_day(june5.exact)}."
    )
    # a premiere date still ahead is not taken for the day it came out
    ahead = PartialDate(NOW.year + 1, 1, 1)
    learned[0] = news(Milestone.RELEASE_DATE_ANNOUNCED, ahead, 0)
    card = status_embed(show, season4, season_status(season4, learned), NOW)
    assert (card.description or "").startswith("Season 4 is out: released date unknown.")


def test_a_premiere_date_the_sources_differ_on_says_so(show: Show) -> None:
    season4 = Season.from_news_only(4)
    june5, june12 = PartialDate(2027, 6, 5), PartialDate(2027, 6, 12)

    def told(day: PartialDate, hours: int) -> LearnedEvent:
        return LearnedEvent(
            Milestone.RELEASE_DATE_ANNOUNCED,
            Certainty.REPORTED,
            day.exact,
            f"https://n.example/{hours}",
            "",
            NOW - timedelta(hours=10 - hours),
        )

    status = season_status(season4, [told(june5, 0), told(june12, 1)])
    text = status_embed(show, season4, status, NOW).description or ""
    assert f"(sources differ: also {release_day(june5.exact)})" in text
    # one date, told twice, is no difference
    agreed = season_status(season4, [told(june5, 0), told(june5, 1)])
    assert "sources differ" not in (status_embed(show, season4, agreed, NOW).description or "")


def test_a_denied_rumour_shows_as_denied_not_as_the_seasons_state(show: Show) -> None:
    season4 = Season.from_news_only(4)

    def news(milestone: Milestone, certainty: Certainty, hours: int, **kw: Any) -> LearnedEvent:
        seen = NOW - timedelta(hours=48 - hours)
        url, title = f"https://n.example/{hours}", f"headline {hours}"
        return LearnedEvent(milestone, certainty, None, url, title, seen, **kw)

    learned = [
        news(Milestone.RENEWED, Certainty.CONFIRMED, 0),
        news(Milestone.FILMING_STARTED, Certainty.RUMORED, 10),
        news(Milestone.CANCELLED, Certainty.REPORTED, 12),
        news(Milestone.FILMING_STARTED, Certainty.CONFIRMED, 20, denied=True),
        news(Milestone.CANCELLED, Certainty.CONFIRMED, 24, denied=True),
    ]
    card = status_embed(show, season4, season_status(season4, learned), NOW)
    text = card.description or ""
    assert text.startswith("Latest for season 4: renewed (confirmed).")
    assert "🚫 **Filming started**: reports denied · confirmed · [headline 20]" in text
    assert text.endswith(
        "🚫 **Cancelled**: reports denied · confirmed · [headline 24](https://n.example/24)"
    )
    assert "⬜ Filming wrapped: not yet" in text and "❌" not in text
    news_field = next(f for f in card.fields if f.name == "From the news")
    assert "headline 24" in (news_field.value or "")
    assert_within_limits(card)


def _days_shown(text: str, zone: str) -> list[date]:
    """The calendar days a reader in ``zone`` sees for the text's ``<t:…:D>`` timestamps."""
    return [
        datetime.fromtimestamp(int(epoch), ZoneInfo(zone)).date()
        for epoch in re.findall(r"<t:(\d+):D>", text)
    ]


@pytest.mark.parametrize("zone", ["Pacific/Auckland", "America/Los_Angeles", "Asia/Seoul"])
def test_a_premiere_day_is_the_day_it_comes_out_where_the_reader_is(show: Show, zone: str) -> None:
    """A day was shown at noon UTC, which is already the next day from UTC+12: a fan in New
    Zealand read season 3 "set for 3 April 2026" beside a countdown of hours to the evening of
    April 2, when it came out there, and seasons 1 and 2 released a day late. A premiere's
    day is now the moment it comes out, as its countdown is."""
    season1, season3 = show.seasons[0], show.seasons[2]
    assert season3.release_date is not None
    eve = datetime(2026, 4, 1, 20, tzinfo=UTC)
    comes_out = release_start(season3.release_date).astimezone(ZoneInfo(zone)).date()
    head = status_embed(show, season3, season_status(season3, []), eve).description or ""
    assert _days_shown(head.split("\n")[0], zone) == [comes_out]
    overview = str(episode_overview_embed(show, eve).fields[1].value)
    assert _days_shown(overview, zone) == [comes_out]
    for season in (season1, season3):
        if season.episodes:
            out = release_start(season.episodes[0].release_date).astimezone(ZoneInfo(zone))
            listed = season_episodes_embed(show, season, NOW).description or ""
            assert set(_days_shown(listed, zone)) == {out.date()}
            card = episode_embed(show, season.episodes[0], NOW)
            assert _days_shown(str(card.fields[0].value), zone) == [out.date()]


def test_an_unaired_seasons_episode_list_says_how_sure_its_date_is_and_what_the_news_says(
    show: Show,
) -> None:
    """/episode season:3 read "8 episodes announced for April 2, 2026, year inferred", with
    no certainty or source, after that day with no word that nothing confirms it came out,
    and, the news having told of a delay, still counted down to the date the delay moved."""
    season3 = show.seasons[2]
    after = season_episodes_embed(show, season3, NOW)
    text = after.description or ""
    assert "reported" in text and "no source in our data confirms it came out" in text
    assert any(f.name == "Sources" and "gulfnews.com" in str(f.value) for f in after.fields)
    # Its footer sent fans to /episode episode:S3E1, which can only say it isn't known yet.
    assert after.footer.text == "/recap season:3: what was announced (spoilers)"
    before = datetime(2026, 3, 1, tzinfo=UTC)
    delay = LearnedEvent(
        Milestone.DELAYED, Certainty.REPORTED, None, "https://n.example/d", "Delayed", before
    )
    delayed = season_episodes_embed(show, season3, before, season_status(season3, [delay]))
    assert ":R>" not in (delayed.description or "") and "delay" in (delayed.description or "")


def _shown_links(text: str) -> list[tuple[str, str]]:
    """Each masked link in ``text`` as (what readers see, where it goes)."""
    found = re.finditer(r"(?<!\\)\[((?:\\.|[^\]\\])*)\]\(([^)\s]*)\)", text)
    return [(re.sub(r"\\(.)", r"\1", m[1]).replace("\u200b", ""), m[2]) for m in found]


@pytest.mark.parametrize(
    "headline",
    [
        "https://www.netflix.com/tudum/xo-kitty-season-3",
        "Official: www.netflix.com/tudum/xo-kitty",
        "netflix.com/tudum/xo-kitty",
        "Netflix.com",
        "https\uff1a//www\uff0enetflix\uff0ecom/tudum",  # fullwidth colon and dots
        "n\u0435tflix.com confirms season 3",  # a Cyrillic "е"
    ],
)
def test_a_headline_showing_an_address_never_labels_a_link_to_another(
    show: Show, headline: str
) -> None:
    """A feed's headline labels its link in "From the news" and the ladder: a headline that
    reads "https://www.netflix.com/…" (its scheme broken by a zero-width space, so Discord's
    own check for an address in a label let it through) linked to the feed's own address,
    showing one site and opening another."""
    season3 = show.seasons[2]
    target = "https://evil.example/login"
    learned = [LearnedEvent(Milestone.TRAILER, Certainty.REPORTED, None, target, headline, NOW)]
    card = status_embed(show, season3, season_status(season3, learned), NOW)
    news = next(f for f in card.fields if f.name == "From the news").value or ""
    for text in (news, card.description or ""):
        to_target = [shown for shown, goes in _shown_links(text) if goes == target]
        assert to_target == ["evil.example"], text  # the link names where it goes
    assert "tudum" in news or "confirms" in news or "etflix" in news  # the headline is shown


@pytest.mark.parametrize("host", ["n\u0435tflix.com", "xn--ntflix-3of.com"])
def test_a_link_named_for_its_host_names_a_look_alike_host_in_ascii(host: str) -> None:
    """A link without a headline is named for its host, which the feed picks: "nеtflix.com"
    with a Cyrillic "е" read as netflix.com and went to another site."""
    shown = _shown_links(link(f"https://{host}/x"))
    assert shown == [("xn--ntflix-3of.com", shown[0][1])]


def test_a_plain_headline_still_labels_its_link() -> None:
    assert _shown_links(link("https://news.example/a", "XO, Kitty season 3 trailer")) == [
        ("XO, Kitty season 3 trailer", "https://news.example/a")
    ]


# Pieces the bot's own cards are made of: markdown it means, mentions and timestamps it
# writes, links it builds, and outside text it escaped.
_PIECES = st.sampled_from(
    [
        "word",
        "a longer phrase",
        "**Renewed**",
        "**Filming started**: soon",
        "<t:1795867200:R>",
        "<@&123456789012345678>",
        "<#123456789012345678>",
        "</feeds list:123456789012345678>",
        link("https://news.example/a_b", "XO, Kitty season 3 [trailer]"),
        link("https://news.example/plain"),
        "||spoiler words||",
        safe_text("feed *text* [x](y) <@&1> `code`"),
        "`inline code`",
        "\n",
        "·",
    ]
)


def _unclosed(cut: str) -> list[str]:
    """What ``cut`` leaves open that Discord would show as raw markup, or read as running on
    (the marks after the ellipsis close what the text before it opened)."""
    plain = re.sub(r"\\.", "", cut)  # escaped characters are shown, not read
    body = plain.rsplit("…", 1)[0]
    problems = []
    if re.search(r"<(?:[@#/:]|a:|t:)[^>\s]*$", body):
        problems.append("a mention or timestamp cut in half")
    if re.search(r"\[[^\]]*(?:\]\([^)]*)?$", body):
        problems.append("a masked link cut in half")
    if plain.count("**") % 2 or plain.count("`") % 2:
        problems.append("bold or code left open")
    return problems


@given(pieces=st.lists(_PIECES, min_size=1, max_size=40), limit=st.integers(1, 400))
def test_truncate_never_cuts_inside_a_token_link_or_mark(pieces: list[str], limit: int) -> None:
    """A card cut to fit ended inside "<t:1795867200:R>", "[label](https://…" or "**bold":
    Discord shows the raw half ("Last success: <t:17…") or bolds the rest."""
    text = " ".join(pieces)
    cut = truncate(text, limit)
    assert len(cut) <= max(limit, 1)
    if len(text) > limit:
        shown = cut.rsplit("…", 1)
        assert not _unclosed(cut), (cut, _unclosed(cut))
        assert text.startswith(shown[0].rstrip()) or shown[0] == ""


@pytest.mark.parametrize(
    ("headline", "kept"),
    [
        ("XO, Kitty`s season 3 " + "cast news " * 20, "XO, Kitty`s season 3 cast news"),
        ("XO, Kitty [Netflix sneak peek at " + "season 3 " * 20 + "]", "XO, Kitty [Netflix sneak"),
        ("**XO, Kitty** renewed " + "and more " * 20, "**XO, Kitty** renewed and more"),
    ],
)
def test_a_headline_cut_to_a_name_or_label_keeps_its_text_and_adds_no_marks(
    show: Show, headline: str, kept: str
) -> None:
    """A headline cut for a forum post's name or a /status link's label went through
    truncate, which reads markdown where the text is plain (escaped after, or a name shown as
    it is): "Kitty`s" gained a closing "`" shown as written, and a bracketed aside running
    past the cut was taken for a link and dropped whole ("XO, Kitty…")."""
    name = plain_title(headline)  # its marks dropped: a name shows none
    assert name.startswith(re.sub(r"[*`]", "", kept)) and name.endswith("…")
    season3 = show.seasons[2]
    url = "https://e.org/s3"
    learned = [LearnedEvent(Milestone.TRAILER, Certainty.REPORTED, None, url, headline, NOW)]
    card = status_embed(show, season3, season_status(season3, learned), NOW)
    news = next(f for f in card.fields if f.name == "From the news").value or ""
    shown = re.sub(r"\\(.)", r"\1", news[1 : news.index("](")])  # what readers see
    assert shown.startswith(kept) and shown.endswith("…")
    assert sum(shown.count(mark) for mark in "`*") == sum(kept.count(mark) for mark in "`*")


@pytest.mark.parametrize("one_line", [True, False])
def test_zalgo_is_calmed_but_real_accents_stay(one_line: bool) -> None:
    """A headline whose letters each carry hundreds of combining marks ("zalgo") was posted as
    it came: Discord stacks the marks above and below the line, over the card's other lines
    and the messages around it. A letter keeps at most four (Vietnamese stacks two, pointed
    Hebrew four; Indic vowel signs and Tibetan stacks are marks of class 0, never counted)."""
    zalgo = "XO " + "".join(c + "\u0301\u0316\u0334" * 30 for c in "Kitty") + " renewed"
    out = safe_text(zalgo, one_line=one_line)
    runs = re.findall(r"[\u0300-\u036f]+", out)
    assert runs and max(len(r) for r in runs) <= 4
    assert (
        unicodedata.normalize("NFD", out)
        .replace("\u0301", "")
        .replace("\u0316", "")
        .replace("\u0334", "")
        == "XO Kitty renewed"
    )
    for real in ("Tiếng Việt", "נִשְׁבַּ֣ע", "हिन्दी किट्टी", "བསྒྲུབས", "Zoë Ⓧ 🇰🇷 👩🏽‍💻"):
        assert safe_text(real, one_line=one_line) == real
    name = plain_title(zalgo)  # a forum post's name too
    assert max(len(r) for r in re.findall(r"[\u0300-\u036f]+", name)) <= 4
