"""The Source field shows the entry's link as an inert bare URL, whatever the feed put in it."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.catalog import load_show
from bot.catalog.dates import release_start
from bot.domain.status import LearnedEvent
from bot.news.messages import article_message, change_message
from bot.news.models import Article, Certainty, Milestone
from bot.news.parse import parse_feed
from bot.news.track import Observation
from bot.render.limits import embed_size
from tests.conftest import REPO

HOSTILE_LINK = (
    "https://news.example/a [Official Netflix announcement](https://evil.example/login) "
    "&lt;@&amp;123456789012345678&gt; `code` ||spoiler|| @everyone"
)


def source(url: str) -> str:
    article = Article("f", "k", url, "XO, Kitty news", datetime(2026, 6, 1, tzinfo=UTC), "")
    message = article_message("XO, Kitty", article, role_id=None, threads=False)
    value: str = message["embed"]["fields"][-1]["value"]
    return value


def assert_one_bare_link(value: str) -> None:
    """A single URL up to the first space, then only our date: no markup can follow."""
    url, _, rest = value.partition(" ")
    assert url.startswith(("https://", "http://"))
    assert not re.search(r"[\s\[\]()<>`|\\\"]", url), url
    assert rest == "" or re.fullmatch(r"· <t:\d+:D>", rest), rest


def test_a_hostile_feed_link_cannot_mask_a_link_or_mention_anyone() -> None:
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        f"<item><title>XO, Kitty cast news</title><link>{HOSTILE_LINK}</link><guid>g1</guid>"
        "</item></channel></rss>"
    ).encode()
    (entry,) = parse_feed(feed, "https://news.example/feed").articles
    value = source(entry.url)
    assert_one_bare_link(value)
    assert "](" not in value and "<@" not in value and "||" not in value
    assert value.startswith("https://news.example/a%20%5BOfficial%20Netflix%20announcement%5D")


def test_ordinary_links_are_shown_as_they_are() -> None:
    url = "https://www.netflix.com/tudum/articles/xo-kitty-season-3?id=4&lang=en"
    assert source(url).split(" ")[0] == url
    assert source("https://medium.com/@fan/xo-kitty").startswith("https://medium.com/@fan/")


def test_only_web_links_are_shown() -> None:
    for url in ("javascript:alert(1)", "ftp://files.example/a", "", "news.example/a"):
        assert source(url).startswith("(no link)")


def test_a_link_too_long_for_the_field_is_left_out_not_cut() -> None:
    assert source("https://news.example/" + "a" * 2000).startswith("(link too long to show)")


@given(st.text(max_size=300))
def test_any_path_stays_one_inert_link(path: str) -> None:
    value = source("https://news.example/" + path)
    # Percent-encoding can triple a path's length: past the field's room, no link at all.
    shown, _, rest = value.partition(" · ")
    if shown == "(link too long to show)":
        assert re.fullmatch(r"<t:\d+:D>", rest), rest
    else:
        assert_one_bare_link(value)
    assert len(value) <= 1024


def test_a_path_too_long_once_encoded_is_left_out() -> None:
    # Found by the property above: 280 characters that encode to over 900.
    value = source("https://news.example/" + "\x80" * 280)
    assert value.startswith("(link too long to show) · <t:")


def test_the_publication_date_is_the_moment_each_reader_sees_in_their_own_zone() -> None:
    # Late evening in UTC is the next morning in Seoul: the instant, not the UTC day's noon,
    # lets Discord show each reader the day it was there.
    late = datetime(2026, 6, 1, 23, 30, tzinfo=UTC)
    article = Article("f", "k", "https://news.example/a", "XO, Kitty news", late, "")
    message = article_message("XO, Kitty", article, role_id=None, threads=False)
    assert message["embed"]["fields"][-1]["value"].endswith(f" · <t:{int(late.timestamp())}:D>")


def test_a_thread_name_says_how_sure_the_news_is() -> None:
    """A rumour's thread was named 'XO, Kitty season 4: renewed': in the channel's thread
    list, with no Certainty field beside it, that states the rumour as fact."""
    show = load_show(REPO / "data" / "shows" / "xo-kitty.toml")
    when = datetime(2026, 6, 1, tzinfo=UTC)
    article = Article("f", "k", "https://n.example/a", "XO, Kitty renewed?", when, "")

    def thread(certainty: Certainty) -> str:
        event = LearnedEvent(Milestone.RENEWED, certainty, None, article.url, "", when)
        message = change_message(
            Observation(show, 4, event), "new_milestone", article, role_id=None, threads=True
        )
        name: str = message["thread_name"]
        return name

    assert thread(Certainty.RUMORED) == "XO, Kitty season 4: renewed (rumoured)"
    assert thread(Certainty.CONFIRMED) == "XO, Kitty season 4: renewed"


def test_a_change_of_several_seasons_names_each_within_discords_limits() -> None:
    """One post for news of several seasons names each season it changes, in its title and
    its thread's name; the seasons' kinds are told apart when they differ."""
    show = load_show(REPO / "data" / "shows" / "xo-kitty.toml")
    when = datetime(2026, 6, 1, tzinfo=UTC)
    article = Article("f", "k", "https://n.example/a", "x" * 5000, when, "")
    event = LearnedEvent(Milestone.RENEWED, Certainty.RUMORED, None, article.url, "", when)
    obs = Observation(show, 4, event)
    more = [(5, "new_milestone"), (6, "raised_certainty")]
    message = change_message(obs, "new_milestone", article, role_id=7, threads=True, more=more)
    embed = message["embed"]
    assert embed["title"] == "XO, Kitty seasons 4, 5 and 6: renewed"
    assert message["thread_name"] == "XO, Kitty seasons 4, 5 and 6: renewed (rumoured)"
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    assert fields["What changed"] == "New (seasons 4 and 5); Now more certain (season 6)"
    assert embed_size(embed) <= 6000 and len(embed["description"]) <= 4096
    assert all(len(f["value"]) <= 1024 for f in embed["fields"])
    denial = LearnedEvent(Milestone.RENEWED, Certainty.CONFIRMED, None, article.url, "", when, True)
    denied = change_message(
        Observation(show, 4, denial),
        "denied",
        article,
        role_id=None,
        threads=False,
        more=[(5, "denied")],
    )
    assert denied["embed"]["title"] == "XO, Kitty seasons 4 and 5: renewed — reports denied"
    assert {f["name"]: f["value"] for f in denied["embed"]["fields"]}["What changed"] == "Denied"


def test_a_premiere_date_posted_is_the_moment_it_comes_out() -> None:
    """The news post's Date field counted down to noon UTC, hours after a Netflix premiere
    comes out (midnight US Pacific), and showed New Zealand the day after."""
    show = load_show(REPO / "data" / "shows" / "xo-kitty.toml")
    when = datetime(2026, 6, 1, tzinfo=UTC)
    article = Article("f", "k", "https://n.example/a", "XO, Kitty season 4 date", when, "")
    day = date(2026, 9, 3)
    event = LearnedEvent(
        Milestone.RELEASE_DATE_ANNOUNCED, Certainty.CONFIRMED, day, article.url, "", when
    )
    message = change_message(
        Observation(show, 4, event), "new_milestone", article, role_id=None, threads=False
    )
    fields = {f["name"]: f["value"] for f in message["embed"]["fields"]}
    out = int(release_start(day).timestamp())
    assert fields["Date"] == f"<t:{out}:D> (<t:{out}:R>)"


def test_a_posted_link_drops_the_trackers_its_key_keeps() -> None:
    """HubSpot's, Marketo's and others' trackers, and utm_* a feed escaped twice
    ("&amp;amp;" reads "&amp;utm_medium"), stayed in the link every post showed. They are
    dropped from the link shown; the entry's key, and so what was seen, is as it was."""
    tracked = (
        "https://news.example/a?id=7&amp;amp;utm_medium=rss&amp;_hsenc=p2A&amp;mkt_tok=MjA"
        "&amp;__hstc=1&amp;twclid=2&amp;mc_eid=3&amp;hsa_cam=4&amp;pk_campaign=5&amp;page=2"
    )
    feed = (
        '<rss version="2.0"><channel><title>T</title><item><title>XO, Kitty news</title>'
        f"<link>{tracked}</link></item></channel></rss>"
    ).encode()
    (article,) = parse_feed(feed, "https://news.example/feed").articles
    assert article.key.startswith("link:") and "mkt_tok=MjA" in article.key
    assert "_hsenc" in article.url  # the article's address, as keyed and stored
    assert source(article.url).partition(" ")[0] == "https://news.example/a?id=7&page=2"
    kept = "https://news.example/a?p=1&ref=home&amp;cid=9"
    assert source(kept).partition(" ")[0] == kept  # a site may read these to pick a page


@pytest.mark.parametrize(
    ("link", "shown"),
    [
        # Decoded and encoded again, a Latin-1 search, a bare flag and a plain "/" in a value
        # were another page: "s=caf%EF%BF%BD", "print=", "to=%2Fnews".
        ("https://e.example/q?s=caf%E9&_hsenc=p2A", "https://e.example/q?s=caf%E9"),
        # No query: as written (its "?" was dropped).
        ("https://e.example/a?", "https://e.example/a?"),
        ("https://e.example/a?print&mkt_tok=MjA#part-2", "https://e.example/a?print#part-2"),
        (
            "https://e.example/a?to=/news&_ga=1&amp;amp;utm_medium=rss",
            "https://e.example/a?to=/news",
        ),
    ],
)
def test_a_posted_links_kept_parameters_stay_as_written(link: str, shown: str) -> None:
    assert source(link).partition(" ")[0] == shown
