"""/feeds why: stage-by-stage verdicts, ending where the article was stopped."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.moderation.why import Explanation, Stage, explain, not_found_text, why_embed
from bot.news.models import Certainty, Milestone, Signal
from bot.store.feeds import Feed, GuildFeed
from bot.store.guilds import GuildSettings
from bot.store.news import SeenArticle
from bot.store.outbox import HELD_TOO_LONG, WITHDRAWN, Delivery

GUILD = GuildSettings(guild_id=1, channel_id=10, mode="changes")


def seen(
    verdict: str,
    title: str = "XO, Kitty season 3 starts filming",
    change_id: int | None = None,
    summary: str = "",
) -> SeenArticle:
    return SeenArticle(
        feed_id=4,
        feed_url="https://e.org/feed",
        key="k",
        url="https://e.org/a",
        title=title,
        published="2025-05-01T10:00:00Z",
        verdict=verdict,
        rule="rule-7",
        first_seen_at="2025-05-01T11:00:00Z",
        change_id=change_id,
        summary=summary,
    )


def feed() -> Feed:
    return Feed(
        4,
        "https://e.org/feed",
        "E",
        False,
        None,
        None,
        None,
        True,
        0,
        None,
        None,
        None,
        None,
        None,
        None,
    )


SIGNAL = Signal("xo-kitty", 3, Milestone.FILMING_STARTED, Certainty.CONFIRMED, None, "rule-7")


def stages(
    verdict: str,
    *,
    guild: GuildSettings = GUILD,
    sub: GuildFeed | None = None,
    signal: Signal | None = SIGNAL,
    show: str = "xo-kitty",
    title: str | None = None,
) -> Explanation:
    art = seen(verdict) if title is None else seen(verdict, title)
    return explain(
        art, feed_title="E", guild=guild, subscription=sub, signal=signal, guild_show=show
    )


def last(exp: Explanation) -> tuple[str, str]:
    stage = exp.stages[-1]
    return stage.name, stage.outcome


@pytest.mark.parametrize(
    ("verdict", "stopped_at"),
    [
        ("baseline", "New?"),
        ("reissued", "New?"),
        ("too_old", "Fresh?"),
        ("not_about_show", "About the show?"),
        ("not_news", "News?"),
        ("duplicate_story", "News?"),
        ("not_change", "Status change?"),
        ("unlikely_season", "Status change?"),
        ("edited", "Status change?"),
    ],
)
def test_each_stored_verdict_stops_at_its_stage(verdict: str, stopped_at: str) -> None:
    exp = stages(verdict)
    assert not exp.posts
    assert last(exp) == (stopped_at, "fail")
    assert stopped_at in exp.result
    assert exp.stages[0].name == "Seen"


def test_a_change_is_posted_when_the_channel_works() -> None:
    exp = stages("change:new_milestone")
    assert exp.posts
    assert [s.outcome for s in exp.stages] == ["pass"] * len(exp.stages)
    assert "a new milestone" in " ".join(s.text for s in exp.stages)
    assert "rule-7" in " ".join(s.text for s in exp.stages)


def test_all_news_mode_posts_plain_news_and_notes_extra_sources() -> None:
    all_news = GuildSettings(guild_id=1, channel_id=10, mode="all")
    assert stages("not_news", guild=all_news).posts
    exp = stages("not_change", guild=all_news)
    assert exp.posts and any(s.outcome == "note" for s in exp.stages)
    assert not stages("duplicate_story", guild=all_news).posts
    assert not stages("edited", guild=all_news).posts  # the correction of a story told
    misread = stages("unlikely_season", guild=all_news)
    assert misread.posts and "misreading" in misread.stages[-2].text


def test_the_guilds_filter_and_show_are_judged_now() -> None:
    sub = GuildFeed(feed(), include=("yuri",), exclude=())
    exp = stages("change:new_milestone", sub=sub)
    assert last(exp) == ("Filter", "fail") and "yuri" in exp.stages[-1].text
    kept = GuildFeed(feed(), include=("kitty",), exclude=())
    assert stages("change:new_milestone", sub=kept).posts
    other = stages("change:new_milestone", show="another-show")
    assert last(other) == ("About the show?", "fail") and "another-show" in other.stages[-1].text


def test_the_filter_reads_the_summary_as_the_pipeline_did() -> None:
    """The pipeline filters on title and summary; /feeds why read the title only, so it said
    a filter kept what the pipeline had dropped for a word in the summary, and the reverse."""
    art = seen("change:new_milestone", summary="Spoilers for the finale ahead.")
    dropped = GuildFeed(feed(), include=(), exclude=("spoilers",))
    exp = explain(
        art, feed_title="E", guild=GUILD, subscription=dropped, signal=SIGNAL, guild_show="xo-kitty"
    )
    assert last(exp) == ("Filter", "fail") and "spoilers" in exp.stages[-1].text
    kept = GuildFeed(feed(), include=("finale",), exclude=())
    exp = explain(
        art, feed_title="E", guild=GUILD, subscription=kept, signal=SIGNAL, guild_show="xo-kitty"
    )
    assert exp.posts


def test_the_destination_is_the_last_stage() -> None:
    unset = stages("change:new_milestone", guild=GuildSettings(guild_id=1))
    assert last(unset) == ("Channel", "fail") and "/setup channel" in unset.stages[-1].text
    paused = GuildSettings(
        guild_id=1, channel_id=10, disabled_reason="missing permissions in <#10>"
    )
    exp = stages("change:new_milestone", guild=paused)
    assert last(exp) == ("Channel", "fail") and "paused" in exp.stages[-1].text


def test_without_a_trusted_signal_the_show_stage_still_passes() -> None:
    exp = stages("change:raised_certainty", signal=None)
    assert exp.posts


def test_embed_escapes_feed_text_and_lists_other_matches() -> None:
    art = seen("not_news", title="@everyone click **here**")
    exp = explain(
        art, feed_title="<@&5>", guild=GUILD, subscription=None, signal=None, guild_show="xo-kitty"
    )
    embed = why_embed(art, exp, [seen("baseline", "Other @here story")])
    text = str(embed.to_dict())
    assert "@everyone" not in text and "<@&5>" not in text and "@here" not in text
    assert embed.url == "https://e.org/a"
    assert embed.fields[0].name == "Also matched"
    assert len(embed) <= 6000


def test_embed_links_an_address_with_spaces_and_accents_encoded() -> None:
    """Discord refuses an embed whose URL holds a space, and the answer with it."""
    art = replace(seen("not_news"), url="https://e.org/séries/xo kitty")
    exp = explain(
        art, feed_title="E", guild=GUILD, subscription=None, signal=None, guild_show="xo-kitty"
    )
    assert why_embed(art, exp, []).url == "https://e.org/s%C3%A9ries/xo%20kitty"


def test_embed_links_the_article_without_the_trackers_its_post_drops() -> None:
    """The post's link and the card's drop HubSpot's and others' trackers; /feeds why's
    link to the same article kept them."""
    art = replace(seen("not_news"), url="https://e.org/a?id=7&_hsenc=p2A&amp;utm_medium=rss")
    exp = explain(
        art, feed_title="E", guild=GUILD, subscription=None, signal=None, guild_show="xo-kitty"
    )
    assert why_embed(art, exp, []).url == "https://e.org/a?id=7"


def test_not_found_text_mentions_the_next_poll() -> None:
    text = not_found_text("season 4", "2025-05-01T11:00:00Z")
    assert "season 4" in text and "<t:1746097200:R>" in text
    assert "next poll" not in not_found_text("season 4", None)


def test_a_repeat_of_a_recent_change_is_explained_per_mode() -> None:
    exp = stages("repeat")
    assert exp.posts and last(exp) == ("Channel", "pass")
    assert "had not heard that change" in " ".join(s.text for s in exp.stages)
    all_news = stages("repeat", guild=GuildSettings(guild_id=1, channel_id=10, mode="all"))
    assert all_news.posts and any(s.outcome == "note" for s in all_news.stages)


def told(feed_id: int | None = 4, key: str | None = "k", state: str = "sent") -> Delivery:
    """This guild's post of change 3, queued by (feed_id, key)."""
    return Delivery(5, 1, 10, "event:3", "{}", state, 1, "2025-05-01T11:00:00Z", feed_id, key)


def explained(
    verdict: str,
    *,
    own: Delivery | None = None,
    told: Delivery | None = None,
    guild: GuildSettings = GUILD,
    change_id: int | None = 3,
) -> Explanation:
    """/feeds why for an article that carried change 3, with this guild's posts."""
    return explain(
        seen(verdict, change_id=change_id),
        feed_title="E",
        guild=guild,
        subscription=None,
        signal=SIGNAL,
        guild_show="xo-kitty",
        own=own,
        told=told,
    )


def news_stage(
    verdict: str, delivery: Delivery | None, guild: GuildSettings = GUILD, change_id: int | None = 3
) -> tuple[Explanation, Stage]:
    """The "Status change?" stage, when another article (or none) told this guild."""
    exp = explained(verdict, told=delivery, guild=guild, change_id=change_id)
    return exp, next(s for s in exp.stages if s.name == "Status change?")


def repeat_stage(
    delivery: Delivery | None, guild: GuildSettings = GUILD, change_id: int | None = 3
) -> tuple[Explanation, Stage]:
    return news_stage("repeat", delivery, guild, change_id)


def recorded(verdict: str, own: Delivery, guild: GuildSettings = GUILD) -> Explanation:
    """/feeds why for an article that queued ``own``, the guild's post of it."""
    return explained(verdict, own=own, guild=guild)


@pytest.mark.parametrize("verdict", ["repeat", "change:new_milestone", "not_news"])
def test_an_article_that_queued_a_post_here_says_what_became_of_it(verdict: str) -> None:
    exp = recorded(verdict, told())
    assert exp.posts and exp.result == "It was posted to this server."
    assert [s.name for s in exp.stages][-1] == "Posted" and "rule-7" in exp.stages[1].text
    assert all(s.outcome == "pass" for s in exp.stages)
    queued = recorded(verdict, told(state="pending"))
    assert queued.posts and queued.result == "It is queued to post here."
    failed = recorded(verdict, told(state="failed"))
    assert not failed.posts and last(failed) == ("Posted", "fail")


@pytest.mark.parametrize(
    ("publish", "said"),
    [
        (None, None),
        ("done", "it was published to the servers that follow"),
        ("due", "it is being published"),
        ("skipped", "publishes for that hour were used"),
        ("failed", "Discord refused to publish it"),
        ("expired", "stopped for too long to pass it on"),
    ],
)
def test_a_post_in_an_announcement_channel_says_whether_it_was_published(
    publish: str | None, said: str | None
) -> None:
    exp = recorded("change:new_milestone", replace(told(), publish=publish))
    text = exp.stages[-1].text
    assert exp.posts and text.startswith("this server got this article's post")
    assert ("publish" in text) == (said is not None) and (said is None or said in text)


def test_a_paused_servers_post_is_held_and_one_held_too_long_says_so() -> None:
    paused = GuildSettings(guild_id=1, channel_id=10, disabled_reason="missing permissions")
    held = recorded("change:new_milestone", told(state="pending"), guild=paused)
    assert held.posts and held.result == "It is held to post here."
    assert "when posting resumes" in held.stages[-1].text and "within a day" in held.stages[-1].text
    gone = replace(told(state="failed"), last_error=f"{HELD_TOO_LONG} (since 2025-05-01T11:00:00Z)")
    expired = recorded("change:new_milestone", gone)
    assert not expired.posts and "given up after a day" in expired.stages[-1].text


def test_a_post_a_moderators_change_withdrew_says_which_change() -> None:
    gone = replace(
        told(state="failed"), last_error=f"{WITHDRAWN}this server removed its feed first"
    )
    exp = recorded("change:new_milestone", gone)
    assert not exp.posts
    assert exp.stages[-1].text == "its post here was not sent: this server removed its feed first"


def test_the_record_stands_whatever_the_settings_say_now() -> None:
    """A post the server got while in all-news mode, asked about after /setup reset: the
    record says it was posted, not that it would stop at the channel."""
    exp = recorded("not_news", told(), guild=GuildSettings(guild_id=1))
    assert exp.posts and exp.result == "It was posted to this server."
    assert "Channel" not in [s.name for s in exp.stages]


def test_a_repeat_of_a_change_this_server_already_heard_posted_nothing() -> None:
    for other in (told(key="earlier"), told(feed_id=9)):  # another article, or another feed's
        exp, stage = repeat_stage(other)
        assert not exp.posts and last(exp) == ("Status change?", "fail")
        assert "heard that change from another article, so nothing was posted" in stage.text
        assert "Status change?" in exp.result


def test_a_repeat_of_a_change_whose_post_here_is_held_or_given_up_says_so() -> None:
    """A paused server's post of the change is held, then given up: not "heard"."""
    for state, said in (("pending", "is still to go out"), ("failed", "was given up")):
        exp, stage = repeat_stage(told(key="earlier", state=state))
        assert not exp.posts and said in stage.text and "heard" not in stage.text


def test_a_repeat_whose_change_never_reached_this_server_posted_nothing() -> None:
    exp, stage = repeat_stage(None)
    assert not exp.posts and last(exp) == ("Status change?", "fail")
    assert "never sent that change" in stage.text


def test_rows_from_before_the_link_was_stored_get_the_general_answer() -> None:
    for exp, stage in (repeat_stage(None, change_id=None), repeat_stage(told(None, None))):
        assert exp.posts and stage.outcome == "pass"
        assert "a server that had not heard that change hears it" in stage.text


def test_in_all_news_mode_a_repeat_keyed_by_change_is_only_a_note() -> None:
    all_news = GuildSettings(guild_id=1, channel_id=10, mode="all")
    exp, stage = repeat_stage(told(key="earlier"), all_news)
    assert exp.posts and stage.outcome == "note" and "another article" in stage.text
    # All-news posts are keyed by story: no post of the change proves nothing here.
    exp, stage = repeat_stage(None, all_news)
    assert exp.posts and stage.outcome == "note" and "never sent" not in stage.text


def change_stage(
    delivery: Delivery | None, guild: GuildSettings = GUILD
) -> tuple[Explanation, Stage]:
    return news_stage("change:new_milestone", delivery, guild)


def test_a_change_says_whether_this_server_heard_it_elsewhere_or_never() -> None:
    exp, stage = change_stage(told(key="later"))  # the server followed this feed only later
    assert not exp.posts and "heard that change from another article" in stage.text
    exp, stage = change_stage(None)
    assert not exp.posts and last(exp) == ("Status change?", "fail")
    assert "not sent to this server" in stage.text and "when the article came" in stage.text


def test_in_all_news_mode_a_story_this_server_had_posted_nothing() -> None:
    """All-news mode posts a story once, though its post here was of the change it told
    while the server was in "changes" mode (``told`` is the story's post)."""
    all_news = GuildSettings(guild_id=1, channel_id=10, mode="all")
    for verdict in ("repeat", "duplicate_story", "not_change"):
        for state, said in (("sent", "heard this story"), ("pending", "still to go out")):
            exp = explain(
                seen(verdict, change_id=3),
                feed_title="E",
                guild=all_news,
                subscription=None,
                signal=SIGNAL,
                guild_show="xo-kitty",
                story=told(key="earlier", state=state),
            )
            assert not exp.posts and last(exp) == ("News?", "fail")
            assert said in exp.stages[-1].text and "posts a story once" in exp.stages[-1].text
    # in "changes" mode the story's post says nothing: the change's does
    exp = explain(
        seen("repeat", change_id=3),
        feed_title="E",
        guild=GUILD,
        subscription=None,
        signal=SIGNAL,
        guild_show="xo-kitty",
        story=told(key="earlier"),
    )
    assert "this story" not in " ".join(s.text for s in exp.stages)


def test_in_all_news_mode_a_change_is_not_looked_up_by_change() -> None:
    all_news = GuildSettings(guild_id=1, channel_id=10, mode="all")
    exp, stage = change_stage(None, all_news)
    assert exp.posts and stage.outcome == "pass" and stage.text == "yes: a new milestone"


def test_an_untitled_feed_is_named_without_its_credentials() -> None:
    art = replace(seen("not_news"), feed_url="https://e.org/feed?key=s3cret")
    exp = explain(
        art, feed_title=None, guild=GUILD, subscription=None, signal=SIGNAL, guild_show="xo-kitty"
    )
    assert "e.org/feed" in exp.stages[0].text and "s3cret" not in exp.stages[0].text


def test_a_change_older_than_the_posts_kept_is_not_said_never_sent() -> None:
    """An undated article's key is kept for good, its posts' records for RETENTION: past
    that, no record of the post is no proof the server never got it."""
    for verdict in ("change:new_milestone", "repeat"):
        exp = explain(
            seen(verdict, change_id=3),
            feed_title="E",
            guild=GUILD,
            subscription=None,
            signal=SIGNAL,
            guild_show="xo-kitty",
            forgotten=True,
        )
        stage = next(s for s in exp.stages if s.name == "Status change?")
        assert stage.outcome == "note" and "no longer on record" in stage.text
        assert "never" not in stage.text and "not sent" not in stage.text


def test_news_of_several_seasons_names_the_seasons_its_post_changed() -> None:
    """'Renews it for seasons 4 and 5' with season 4 known posts season 5's renewal: why says
    so, as the post does, not the first season's kind alone (the classification names both)."""
    both = Signal("xo-kitty", 4, Milestone.RENEWED, Certainty.CONFIRMED, None, "r", also=(5,))
    art = seen("change:new_milestone", "Netflix renews XO, Kitty for seasons 4 and 5", 3)

    def stage(name: str, seasons: list[tuple[int, str]], own: Delivery | None = None) -> str:
        exp = explain(
            art,
            feed_title="E",
            guild=GUILD,
            subscription=None,
            signal=both,
            guild_show="xo-kitty",
            own=own,
            seasons=seasons,
        )
        return next(s.text for s in exp.stages if s.name == name)

    fifth = [(4, "extra_source"), (5, "new_milestone")]
    assert stage("About the show?", fifth).startswith("seasons 4 and 5 · renewed · confirmed")
    for own in (None, told()):  # judged again here, or as recorded with its post
        assert stage("Status change?", fifth, own).startswith("yes: a new milestone (season 5)")
    mixed = [(6, "raised_certainty"), (7, "new_milestone")]
    assert stage("Status change?", mixed).startswith(
        "yes: a milestone is now more certain (season 6); a new milestone (season 7)"
    )


def test_a_post_discord_refused_for_what_it_says_tells_why() -> None:
    # "Discord refused it, or the server had no channel then": a moderator could not tell
    # their own AutoMod from a lost channel.
    reason = "Discord refused this post: AutoMod blocked it (code 200000)"
    blocked = recorded("change:new_milestone", replace(told(state="failed"), last_error=reason))
    assert not blocked.posts and last(blocked) == ("Posted", "fail")
    assert blocked.stages[-1].text == f"its post here was given up: {reason}"
