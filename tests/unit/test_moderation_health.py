"""/feeds list and /setup view: health and settings in words and Discord timestamps."""

from __future__ import annotations

import re
from dataclasses import replace

import discord
import pytest

from bot.errors import UserFacingError
from bot.moderation.health import (
    PAGE_SIZE,
    feed_choices,
    feed_label,
    feeds_embeds,
    health_text,
    own_address,
    pick_feed,
    status_line,
)
from bot.moderation.setup_view import channel_checks, delivery_state, settings_embed
from bot.store.feeds import Feed, GuildFeed
from bot.store.guilds import GuildSettings

BASE = Feed(
    id=1,
    url="https://e.org/feed",
    title="E News",
    shared=False,
    etag=None,
    last_modified=None,
    body_hash=None,
    primed=True,
    failures=0,
    last_error=None,
    last_success_at="2025-05-01T10:00:00Z",
    last_attempt_at="2025-05-01T10:00:00Z",
    next_poll_at="2025-05-01T10:15:00Z",
    disabled_reason=None,
    disabled_at=None,
)


def test_status_lines() -> None:
    assert status_line(BASE).startswith("🟢")
    assert status_line(replace(BASE, last_success_at=None)).startswith("⚪")
    failing = status_line(replace(BASE, failures=3))
    assert failing.startswith("🟠") and "3 failures" in failing
    off = status_line(
        replace(
            BASE,
            disabled_reason="8 failures in a row; last: HTTP 500",
            disabled_at="2025-05-02T00:00:00Z",
        )
    )
    assert off.startswith("🔴") and "HTTP 500" in off and "<t:1746144000:R>" in off


def test_health_text_uses_discord_timestamps_and_shows_errors() -> None:
    text = health_text(replace(BASE, failures=2, last_error="HTTP 503 @everyone"), ("kitty",), ())
    assert "Last success: <t:1746093600:R>" in text
    assert "Next poll: <t:1746094500:R>" in text
    assert "HTTP 503" in text and "@everyone" not in text
    assert "only with: kitty" in text
    disabled = health_text(replace(BASE, disabled_reason="gone"))
    assert "Next poll" not in disabled


def test_a_long_feed_url_leaves_room_for_the_feeds_health() -> None:
    """A 1,700-character URL took the whole field: status, errors and filter were cut off."""
    long = replace(BASE, url="https://e.org/rss?" + "q=xo+kitty&" * 150, failures=3)
    (embed,) = feeds_embeds([GuildFeed(long, ("kitty",), ())], [])
    value = embed.fields[0].value
    assert value.startswith("`https://e.org/rss?q=xo+kitty&") and "…`\n" in value
    assert "🟠 failing" in value and "Filter: only with: kitty" in value


def test_feed_label_prefers_the_title() -> None:
    assert feed_label(BASE) == "E News"
    assert feed_label(replace(BASE, title=None)) == "https://e.org/feed"
    assert len(feed_label(replace(BASE, title="x" * 300))) == 100


def test_a_long_feed_title_is_cut_at_a_word_on_a_letter_as_shown() -> None:
    """A long title was cut at its 99th character: mid-word, or between a letter and the
    accent that goes on it (an accent alone on the next line of /feeds list)."""
    words = feed_label(replace(BASE, title="Entertainment weekly roundup " * 5))
    assert words.endswith("roundup…") and len(words) <= 100
    accent = "e\u0301"  # é written as e plus a combining acute: one letter as shown
    marks = feed_label(replace(BASE, title="x" * 98 + accent * 5))
    assert marks.endswith("x…") and len(marks) <= 100


def test_a_blank_title_is_named_by_the_address() -> None:
    """A shared feed titled " " in the host's feeds file was an empty name: a blank row in
    /feeds list, and an empty autocomplete choice that made Discord refuse the whole list."""
    blank = replace(BASE, title=" \n ")
    assert feed_label(blank) == "https://e.org/feed"
    assert [c.name for c in feed_choices([GuildFeed(blank, (), ())], "")] == ["https://e.org/feed"]


def test_feeds_sharing_a_title_are_told_apart_in_autocomplete() -> None:
    """Two outlets' "Kitty News" were two identical choices: a moderator removing one
    could not tell which."""
    own = [
        GuildFeed(
            replace(BASE, id=n, title="Kitty News", url=f"https://pw:s3cret@{host}/rss"), (), ()
        )
        for n, host in ((1, "a.org"), (2, "b.org"))
    ] + [GuildFeed(replace(BASE, id=3, title="E News"), (), ())]
    choices = feed_choices(own, "news")
    assert [c.value for c in choices] == ["1", "2", "3"]
    assert [c.name for c in choices] == [
        "Kitty News · pw:***@a.org/rss",
        "Kitty News · pw:***@b.org/rss",
        "E News",
    ]
    assert [c.value for c in feed_choices(own, "B.ORG")] == ["2"]
    many = [GuildFeed(replace(BASE, id=n, title="t" * 300), (), ()) for n in range(30)]
    assert len(chosen := feed_choices(many, "")) == 25
    assert all(1 <= len(c.name) <= 100 for c in chosen)


def test_a_feed_is_picked_by_id_before_a_title_that_spells_it() -> None:
    """Feed 2 picked from the list (its value "2") removed the feed titled "2" added
    before it; a title two feeds share removed the first of them."""
    titled_two = GuildFeed(replace(BASE, id=1, title="2", url="https://a.org/rss"), (), ())
    two = GuildFeed(replace(BASE, id=2, title="B", url="https://b.org/rss"), (), ())
    assert pick_feed([titled_two, two], "2") is two
    assert pick_feed([titled_two, two], " HTTPS://A.ORG/rss ") is titled_two
    assert pick_feed([titled_two, two], "b") is two
    twins = [
        GuildFeed(replace(BASE, id=n, title="Kitty News", url=f"https://{n}.org/rss"), (), ())
        for n in (5, 6)
    ]
    with pytest.raises(UserFacingError, match="2 of this server's feeds are called"):
        pick_feed(twins, "kitty news")
    assert pick_feed(twins, "https://6.org/rss") is twins[1]
    with pytest.raises(UserFacingError, match="doesn't follow a feed matching"):
        pick_feed(twins, "@everyone")


def test_a_shared_feeds_credentials_never_reach_the_servers_lists() -> None:
    """The host's private feed address is shown to every server's moderators."""
    private = replace(
        BASE, title=None, shared=True, url="https://host:pw@e.org/feed?token=s3cret&page=2"
    )
    label = feed_label(private)
    assert "pw" not in label and "s3cret" not in label
    assert label == "https://host:***@e.org/feed?token=***&page=2"
    page = feeds_embeds([], [private])[0].description or ""
    assert "e.org/feed" in page and "s3cret" not in page and ":pw@" not in page


def test_a_password_under_no_user_name_never_reaches_the_servers_lists() -> None:
    """``https://:TOKEN@host/`` (a token as the password, the user name left empty) was shown
    whole: only a user name marked an address as holding credentials."""
    private = replace(BASE, title=None, shared=True, url="https://:s3cret@e.org/feed")
    page = feeds_embeds([], [private])[0].description or ""
    assert "e.org/feed" in page and "s3cret" not in page
    assert "s3cret" not in health_text(private)


def test_twenty_five_broken_feeds_fit_in_pages() -> None:
    broken = replace(
        BASE,
        failures=7,
        last_error="e" * 900,
        title="t" * 300,
        url="https://e.org/" + "u" * 1500,
        disabled_reason="r" * 900,
        disabled_at="2025-05-02T00:00:00Z",
    )
    own = [GuildFeed(replace(broken, id=n), ("a" * 50,) * 20, ("b" * 50,) * 20) for n in range(25)]
    shared = [replace(BASE, id=100 + n, shared=True) for n in range(10)]
    embeds = feeds_embeds(own, shared)
    assert len(embeds) == -(-25 // PAGE_SIZE)
    assert sum(len(e.fields) for e in embeds) == 25
    for embed in embeds:
        assert len(embed) <= 6000 and len(embed.fields) <= 25
    assert "Shared feeds" in (embeds[0].description or "")
    assert (embeds[-1].fields[-1].name or "").startswith("25.")


def test_many_shared_feeds_share_page_one_with_a_full_page_of_feeds() -> None:
    # Eight long own feeds plus twenty long shared titles once made page 1 6199 characters.
    long_url = replace(BASE, title=None, last_error="e" * 300)
    own = [
        GuildFeed(replace(long_url, id=n, url=f"https://e.org/{n}" + "a" * 2000), (), ())
        for n in range(PAGE_SIZE)
    ]
    shared = [replace(BASE, id=100 + n, shared=True, title=f"{n} " + "S" * 200) for n in range(20)]
    (page,) = feeds_embeds(own, shared)
    assert len(page) <= 6000 and len(page.fields) == PAGE_SIZE
    rows = (page.description or "").split("**Shared feeds**")[1].splitlines()[1:]
    assert rows[-1] == f"…and {20 - len(rows[:-1])} more" and len(rows) > 1
    assert [r.split(" ", 2)[1] for r in rows[:-1]] == [str(n) for n in range(len(rows) - 1)]
    # With room to spare, every shared feed is listed.
    (roomy,) = feeds_embeds(own[:1], shared)
    assert "…and" not in (roomy.description or "") and (roomy.description or "").count("🟢") == 20


def test_a_disabled_shared_feed_says_why_and_that_the_host_must_act() -> None:
    healthy = replace(BASE, id=2, title="Deadline", shared=True)
    off = replace(
        BASE, id=3, title="Variety", shared=True, disabled_reason="the feed is gone (HTTP 410)"
    )
    (embed,) = feeds_embeds([], [healthy, off])
    rows = (embed.description or "").splitlines()[-2:]
    assert rows[0] == "🟢 Deadline"
    assert rows[1].startswith("🔴 Variety") and "HTTP 410" in rows[1]
    assert "only the bot's host can start it again" in rows[1]


def test_no_feeds_says_how_to_add_one() -> None:
    (embed,) = feeds_embeds([], [])
    assert "/feeds add" in (embed.description or "") and not embed.fields


def test_settings_embed_shows_everything_in_one_embed() -> None:
    settings = GuildSettings(guild_id=1, channel_id=10, role_id=20, mode="all", threads=True)
    embed = settings_embed(settings, show_title="XO, Kitty", own_feeds=2, shared_feeds=3)
    values = {f.name: f.value for f in embed.fields}
    assert values["Channel"] == "<#10>" and values["Ping role"] == "<@&20>"
    assert values["Mode"] == "all news about the show"
    assert "thread" in (values["Threads"] or "")
    assert "2 of this server's own, 3 shared" in (values["Feeds"] or "")
    assert (embed.description or "").startswith("🟢")


def test_channel_checks_say_what_the_bot_can_do_in_the_channel_now() -> None:
    postable = discord.Permissions(view_channel=True, send_messages=True, embed_links=True)
    full = postable | discord.Permissions(
        read_message_history=True, create_public_threads=True, send_messages_in_threads=True
    )
    assert channel_checks("<#10>", full, threads=True, followable=False) == [
        "✅ I can post in <#10>."
    ]
    lines = channel_checks("<#10>", postable, threads=True, followable=True)
    assert lines[0] == "✅ I can post in <#10>."
    assert "**Read Message History**" in lines[1] and "Create Public Threads" in lines[2]
    assert lines[3].startswith("📣 <#10> is an Announcement channel")
    # Unable to post, nothing else is worth saying (nor "I can post … but").
    (blocked,) = channel_checks("<#10>", discord.Permissions.none(), threads=True, followable=True)
    assert blocked.startswith("⚠️ I can't announce in <#10>") and "Send Messages" in blocked
    # Made a forum since: no permission helps, whatever the bot may do there.
    (converted,) = channel_checks("<#10>", full, threads=True, followable=False, text=False)
    assert converted.startswith("⚠️ <#10> is no longer a text channel")
    assert "`/setup channel`" in converted


def test_settings_embed_lists_the_channel_checks_only_when_there_are_some() -> None:
    settings = GuildSettings(guild_id=1, channel_id=10)
    bare = settings_embed(settings, show_title="XO, Kitty", own_feeds=0, shared_feeds=0)
    assert "In the channel now" not in {f.name for f in bare.fields}
    checked = settings_embed(
        settings, show_title="XO, Kitty", own_feeds=0, shared_feeds=0, checks=["✅ a", "⚠️ b"]
    )
    assert {f.name: f.value for f in checked.fields}["In the channel now"] == "✅ a\n⚠️ b"


def test_delivery_state_explains_why_posting_stopped() -> None:
    assert "/setup channel" in delivery_state(GuildSettings(guild_id=1))
    paused = GuildSettings(
        guild_id=1,
        channel_id=10,
        disabled_reason="missing permissions in <#10>",
        disabled_at="2025-05-02T00:00:00Z",
    )
    text = delivery_state(paused)
    assert "paused" in text and "missing permissions" in text and "<t:1746144000:R>" in text


def test_timestamps_in_either_iso_spelling_render() -> None:
    from bot.moderation.text import stamp

    assert stamp("2025-05-02T00:00:00Z") == stamp("2025-05-02T00:00:00+00:00") == "<t:1746144000:R>"
    assert stamp("2025-05-02T00:00:00") == "<t:1746144000:R>"
    assert stamp("garbage", missing="?") == "?"
    assert stamp(None) == "never"


def test_feeds_are_found_by_title_as_the_keyword_filter_reads_it() -> None:
    """A Turkish outlet's "Haberler İSTANBUL" was no choice for "istanbul" typed (casefold
    makes "İ" an i with a dot mark), nor picked by its title typed in lower case."""
    turkish = GuildFeed(replace(BASE, id=1, title="Haberler İSTANBUL"), (), ())
    assert [c.value for c in feed_choices([turkish], "istanbul")] == ["1"]
    assert pick_feed([turkish], "haberler istanbul") is turkish


def test_a_feed_too_long_for_its_field_is_cut_between_tokens_not_inside_one() -> None:
    """A disabled feed with a long address and reason overflows its field's 500 characters:
    the cut fell anywhere, inside "Last success: <t:1746093600:R>" too, which Discord then
    shows as raw "<t:174…"."""
    for words in range(40, 80):
        feed = replace(
            BASE,
            url="https://e.org/" + "a" * 200,
            disabled_reason="gone " * words,
            disabled_at="2025-05-02T00:00:00Z",
            last_error="HTTP 410 " + "x" * 150,
        )
        (embed,) = feeds_embeds([GuildFeed(feed, ("kitty",), ())], [])
        value = embed.fields[0].value or ""
        assert len(value) <= 500
        for line in value.splitlines():
            assert not re.search(r"<t:[^>]*$|<$", line.removesuffix("…")), (words, line)


def test_a_token_as_a_path_segment_never_reaches_the_servers_lists() -> None:
    """A private feed's token as a segment of its own (``/feeds/TOKEN/rss``) was shown whole."""
    token = "9f8e7d6c5b4a39281706f5e4d3c2b1a0"
    private = replace(BASE, title=None, shared=True, url=f"https://e.org/feeds/{token}/rss")
    assert feed_label(private) == "https://e.org/feeds/***/rss"
    page = feeds_embeds([], [private])[0].description or ""
    assert r"e.org/feeds/\*\*\*/rss" in page and token not in page  # escaped for markdown


TOKENS = ("9f8e7d6c5b4a39281706f5e4d3c2b1a0", "0a1b2c3d4e5f60718293a4b5c6d7e8f9")


def token_feeds(title: str | None = None) -> list[GuildFeed]:
    """Two feeds on one host whose addresses differ only in a random path token."""
    return [
        GuildFeed(replace(BASE, id=n, title=title, url=f"https://x.example/rss/{token}"), (), ())
        for n, token in enumerate(TOKENS, start=1)
    ]


def test_feeds_that_differ_only_in_a_masked_token_are_told_apart() -> None:
    """Two untitled feeds ``/rss/<token1>`` and ``/rss/<token2>`` were both listed and
    offered as ``https://x.example/rss/***``: a moderator could not tell which to remove."""
    own = token_feeds()
    labels = [feed_label(sub.feed, tail=4) for sub in own]
    assert labels == ["https://x.example/rss/***b1a0", "https://x.example/rss/***e8f9"]
    names = [c.name for c in feed_choices(own, "")]
    embed = feeds_embeds(own, [])[0]
    shown = [f"{f.name}\n{f.value}" for f in embed.fields]
    assert len(set(names)) == 2 and len(set(shown)) == 2
    for text in [*names, *shown]:
        assert not any(token[:-4] in text for token in TOKENS), text
    # Kept where lists tell feeds apart only: a reply or the log still shows none of it.
    assert feed_label(own[0].feed) == "https://x.example/rss/***"


def test_a_masked_address_typed_back_picks_the_one_feed_it_can_be() -> None:
    """The address /feeds list shows (its token masked), pasted into /feeds remove, found no
    titled feed; two feeds it could be must not be guessed between."""
    one, two = token_feeds(title="Kitty Private")
    other = GuildFeed(replace(BASE, id=3, title="E News"), (), ())
    own = [one, two, other]
    assert pick_feed(own, own_address(two.feed)) is two
    assert pick_feed(own, " HTTPS://X.EXAMPLE/rss/***b1a0") is one
    assert [c.value for c in feed_choices(own, "x.example/rss/***e8f9")] == ["2"]
    with pytest.raises(UserFacingError, match="More than one feed matches"):
        pick_feed(own, "https://x.example/rss/***")  # as a reply or the log shows both
    assert pick_feed([one, other], "https://x.example/rss/***") is one
    with pytest.raises(UserFacingError, match="doesn't follow a feed matching"):
        pick_feed(own, "https://x.example/rss/***0000")


def test_autocomplete_is_no_oracle_for_a_masked_token_or_password() -> None:
    """Suggestions matched the typed text anywhere in the real address: a moderator shown
    only ``***`` could type a guess at the hidden token, a password or a query's key one
    character at a time and watch the feed stay offered, spelling the secret out."""
    feed = replace(
        BASE,
        title="Kitty Private",
        url=f"https://fan:hunter2@x.example/rss/{TOKENS[0]}?token=s3cr3tvalue",
    )
    own = [GuildFeed(feed, (), ())]
    for guess in (TOKENS[0][:6], "hunter", "s3cr3t", f"rss/{TOKENS[0][:3]}"):
        assert feed_choices(own, guess) == [], guess
    # What the list shows, a reply's mask, the title and the whole address still find it.
    for typed in ("kitty", "x.example/rss/***b1a0", "rss/***?token=***", f" {feed.url} "):
        assert [c.value for c in feed_choices(own, typed)] == ["1"], typed
