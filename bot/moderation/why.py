"""``/feeds why``: each pipeline stage's verdict for one article, for one guild (pure).

The pipeline stores one verdict per article when it first sees it (``articles.verdict``):
``baseline``, ``reissued`` (a backlog entry under a new key), ``too_old``,
``not_about_show``, ``not_news``, ``duplicate_story``, ``unlikely_season`` (a season
number out of reach of the newest known, taken for a misreading), ``not_change``,
``repeat`` (an extra source for a recent change) or ``change:<kind>``; a headline its outlet
corrected later is judged again, ``edited`` when the correction tells no change.
The guild-specific stages (show, filter, mode, destination) are judged again here with
the guild's *current* settings.  For a ``repeat``, this guild's delivery of the change it
repeated (looked up by the caller) says whether the guild heard the change from it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import discord

from bot.moderation.preview import describe_signal
from bot.moderation.text import stamp
from bot.news.dedupe import MAX_AGE, filter_text, filter_verdict
from bot.news.guard import redacted
from bot.news.messages import kinds_by_season, safe_text
from bot.news.models import Signal
from bot.news.parse import shown_link
from bot.render.text import inert_url, shorten, truncate
from bot.store.feeds import GuildFeed
from bot.store.guilds import GuildSettings
from bot.store.news import SeenArticle
from bot.store.outbox import HELD_TOO_LONG, REFUSED_POST, WITHDRAWN, Delivery
from bot.store.retention import RETENTION

Outcome = Literal["pass", "fail", "note"]
_MARK = {"pass": "✅", "fail": "❌", "note": "ℹ️"}
_KINDS = {
    "new_milestone": "a new milestone",
    "raised_certainty": "a milestone is now more certain",
    "date_changed": "a date moved",
    "date_set": "a premiere date given where none was, or within the one given: no move",
    "sources_differ": "outlets gave two dates as surely and at once: no move",
    "reversal": "it reverses a cancellation, or the renewal that reversed one",
    "denied": "it denies the rumours or reports of a milestone",
}


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    outcome: Outcome
    text: str

    def line(self) -> str:
        return f"{_MARK[self.outcome]} **{self.name}**: {self.text}"


@dataclass(frozen=True, slots=True)
class Explanation:
    stages: tuple[Stage, ...]
    posts: bool
    recorded: str | None = None  # what the record says happened, when the article was sent

    @property
    def result(self) -> str:
        if self.recorded is not None:
            return self.recorded
        if self.posts:
            return "It would be posted to this server (or already was)."
        failed = next(s for s in self.stages if s.outcome == "fail")
        return f"Not posted here: stopped at **{failed.name}**."


def explain(
    seen: SeenArticle,
    *,
    feed_title: str | None,
    guild: GuildSettings,
    subscription: GuildFeed | None,
    signal: Signal | None,
    guild_show: str,
    own: Delivery | None = None,
    told: Delivery | None = None,
    story: Delivery | None = None,
    forgotten: bool = False,
    seasons: Sequence[tuple[int, str]] = (),
) -> Explanation:
    """The stages in pipeline order, ending at the first one that stopped the article.

    ``own``: this guild's post that the article queued. An article is judged once, so when
    there is one, the record says what happened, whatever the settings say now. ``told``:
    this guild's post of the change the article carried, queued by another article;
    ``story``: its post of the article's story (all-news mode, which posts a story once).
    ``forgotten``: the article is older than the posts the store keeps, so neither's
    absence says the guild was never sent the change. ``seasons``: for a change, each season
    the article told of and what it made of it there (news of several seasons is one post,
    which names the seasons it changed)."""
    stages = [_seen_stage(seen, feed_title)]
    verdict = seen.verdict
    kind = _kind(verdict, seasons)
    if own is not None:
        paused = guild.disabled_reason is not None
        return _recorded(stages[0], seen, signal, own, kind, paused=paused)

    def done(stage: Stage | None) -> Explanation | None:
        if stage is not None:
            stages.append(stage)
        if stage is not None and stage.outcome == "fail":
            return Explanation(tuple(stages), posts=False)
        return None

    for stage in (
        _backlog_stage(verdict),
        _age_stage(verdict, seen),
        _show_stage(verdict, signal, guild_show, seen.rule),
        _filter_stage(seen, subscription),
        _story_stage(story) if guild.mode == "all" and story is not None else None,
        _news_stage(seen, guild, told, forgotten, kind),
        _destination_stage(guild),
    ):
        stopped = done(stage)
        if stopped is not None:
            return stopped
    return Explanation(tuple(stages), posts=True)


def _recorded(
    seen_stage: Stage,
    seen: SeenArticle,
    signal: Signal | None,
    own: Delivery,
    kind: str,
    *,
    paused: bool,
) -> Explanation:
    """An article that queued a post here: what it was judged to be, then what became of the
    post. Today's settings are not asked: they may have changed since."""
    stages = [seen_stage, _about_stage(signal, seen.rule), _news_record(seen.verdict, kind)]
    if own.state == "sent":
        told = "this server got this article's post" + _PUBLISHED.get(own.publish or "", "")
        stages.append(Stage("Posted", "pass", told))
        return Explanation(tuple(stages), posts=True, recorded="It was posted to this server.")
    if own.state == "failed":
        why = "its post here was given up: Discord refused it, or the server had no channel then"
        if (own.last_error or "").startswith(REFUSED_POST):
            why = f"its post here was given up: {own.last_error}"
        elif (own.last_error or "").startswith(WITHDRAWN):
            why = f"its post here was {own.last_error}"
        elif (own.last_error or "").startswith(HELD_TOO_LONG):
            why = (
                "its post here was held while posting was paused, and given up after a day: "
                "news that old is not posted"
            )
        stages.append(Stage("Posted", "fail", why))
        return Explanation(tuple(stages), posts=False)
    if paused:
        held = (
            "its post here is held while posting is paused: it goes out when posting resumes "
            "(/setup channel) within a day of when it was queued"
        )
        stages.append(Stage("Posted", "note", held))
        return Explanation(tuple(stages), posts=True, recorded="It is held to post here.")
    stages.append(Stage("Posted", "pass", "its post here is queued"))
    return Explanation(tuple(stages), posts=True, recorded="It is queued to post here.")


# What became of a post's publishing from an Announcement channel.
_PUBLISHED = {
    "done": ", and it was published to the servers that follow the channel",
    "due": ", and it is being published to the servers that follow the channel",
    "skipped": "; it was not published: the channel's publishes for that hour were used",
    "failed": "; Discord refused to publish it to the servers that follow the channel",
    "expired": "; it was not published: I was stopped for too long to pass it on",
}


def _kind(verdict: str, seasons: Sequence[tuple[int, str]]) -> str:
    """A ``change:<kind>`` verdict's kind, in words; of an article that told of several
    seasons, each season it changed with its kind, as its post names them."""
    if len(seasons) > 1:
        return kinds_by_season([(s, k) for s, k in seasons if k != "extra_source"], _KINDS)
    kind = verdict.partition(":")[2]
    return _KINDS.get(kind, kind)


def _news_record(verdict: str, kind: str) -> Stage:
    """Why an article that queued a post here was news, by its stored verdict."""
    if verdict.startswith("change:"):
        return Stage("Status change?", "pass", f"yes: {kind}")
    if verdict == "repeat":
        return Stage(
            "Status change?",
            "pass",
            f"it repeats a status change first reported within {MAX_AGE.days} days, "
            "which this server had not heard",
        )
    return Stage("News?", "pass", "a new story about the show, posted in all-news mode")


def _seen_stage(seen: SeenArticle, feed_title: str | None) -> Stage:
    feed = safe_text(feed_title or redacted(seen.feed_url), 120)
    return Stage(
        "Seen",
        "pass",
        f"first seen {stamp(seen.first_seen_at)} in {feed}; "
        "an entry is judged once, so later edits never repost it",
    )


def _backlog_stage(verdict: str) -> Stage:
    if verdict == "baseline":
        return Stage(
            "New?",
            "fail",
            "it was already in the feed when I started following it; the backlog is never posted",
        )
    if verdict == "reissued":
        return Stage(
            "New?",
            "fail",
            "it is an entry of the feed's backlog (there when I started following it) "
            "under a new id; the backlog is never posted",
        )
    return Stage("New?", "pass", "it appeared after I started following the feed")


def _age_stage(verdict: str, seen: SeenArticle) -> Stage:
    published = stamp(seen.published, "D", missing="no date")
    if verdict == "too_old":
        return Stage("Fresh?", "fail", f"published {published}, over {MAX_AGE.days} days earlier")
    return Stage("Fresh?", "pass", f"published {published}")


def _show_stage(verdict: str, signal: Signal | None, guild_show: str, rule: str) -> Stage:
    if verdict == "not_about_show":
        return Stage("About the show?", "fail", "it names no show I know" + _rule_text(rule))
    if signal is not None and signal.show is not None and signal.show != guild_show:
        return Stage(
            "About the show?",
            "fail",
            f"it is about `{signal.show}`; this server follows `{guild_show}` (/setup show)",
        )
    return _about_stage(signal, rule)


def _about_stage(signal: Signal | None, rule: str) -> Stage:
    what = describe_signal(signal) if signal is not None else "about the show"
    return Stage("About the show?", "pass", what + _rule_text(rule))


def _rule_text(rule: str) -> str:
    return f" (rule `{shorten(rule or 'none', 100)}`)"


def _filter_stage(seen: SeenArticle, subscription: GuildFeed | None) -> Stage | None:
    if subscription is None or not (subscription.include or subscription.exclude):
        return None
    text = filter_text(seen.title, seen.summary)
    why_not = filter_verdict(text, subscription.include, subscription.exclude)
    if why_not is not None:
        return Stage("Filter", "fail", f"this server's filter on the feed dropped it: {why_not}")
    return Stage("Filter", "pass", "this server's filter on the feed keeps it")


def _news_stage(
    seen: SeenArticle, guild: GuildSettings, told: Delivery | None, forgotten: bool, kind: str
) -> Stage:
    verdict, all_news = seen.verdict, guild.mode == "all"
    if verdict.startswith("change:"):
        unknown = told is not None and told.article_key is None  # queued before migration 4
        if all_news or seen.change_id is None or unknown:  # all-news posts are keyed by story
            return Stage("Status change?", "pass", f"yes: {kind}")
        never = (
            "it was not sent to this server when the article came: the server's feeds, "
            "filters, channel or mode were different then"
        )
        return _heard_stage(f"yes: {kind}; ", told, never, all_news=False, forgotten=forgotten)
    if verdict == "not_change":
        text = "no: the status it reports was already known, so it counts as an extra source"
        if all_news:
            return Stage(
                "Status change?", "note", text + "; in all-news mode it posts if it was a new story"
            )
        return Stage("Status change?", "fail", text + " (this server posts changes only)")
    if verdict == "edited":
        return Stage(
            "Status change?",
            "fail",
            "no: its outlet corrected the headline after I first saw the article, and the "
            "correction tells no new status change (a corrected headline is never posted "
            "again as a story)",
        )
    if verdict == "repeat":
        return _repeat_stage(seen, all_news, told, forgotten)
    if verdict == "duplicate_story":
        return Stage("News?", "fail", "no status milestone, and another feed had this story first")
    if verdict == "unlikely_season":
        text = (
            "no: the season it names is beyond the next ones I know of, so I took the number "
            "for a misreading"
        )
        if all_news:
            return _if_new_story(text)
        return Stage("Status change?", "fail", text + " (this server posts changes only)")
    if verdict == "not_news":
        if all_news:
            return Stage("News?", "pass", "no status milestone, posted as news (all-news mode)")
        return Stage("News?", "fail", "no status milestone; this server posts changes only")
    return Stage("News?", "note", f"recorded verdict `{shorten(verdict, 60)}`")


def _repeat_stage(
    seen: SeenArticle, all_news: bool, told: Delivery | None, forgotten: bool
) -> Stage:
    """A repeat tells a guild its change only if the guild had not heard it: "changes" mode
    keys a change's post by the change.  ("all" mode keys posts by story, so there a change
    this guild was never sent says nothing about this article.)"""
    text = f"it repeats a status change first reported within {MAX_AGE.days} days; "
    known = told is not None and told.article_key is not None
    if seen.change_id is not None and (known or (told is None and not all_news)):
        never = "this server was never sent that change, from this article or another"
        return _heard_stage(text, told, never, all_news=all_news, forgotten=forgotten)
    # recorded before articles named their change and deliveries their article
    text += "a server that had not heard that change hears it from this article"
    if all_news:
        return _if_new_story(text)
    return Stage("Status change?", "pass", text + ", once")


def _heard_stage(
    lead: str, told: Delivery | None, never: str, *, all_news: bool, forgotten: bool
) -> Stage:
    """Whether this guild heard the article's change from another article or not at all
    (``explain`` has already told the case where this article queued its post)."""
    if told is None and forgotten:
        return Stage(
            "Status change?",
            "note",
            lead + f"whether this server was sent it is no longer on record: posts are kept "
            f"{RETENTION.days} days",
        )
    if told is None:
        return Stage("Status change?", "fail", lead + never)
    # Not "heard" unless sent: a paused server's post is held for up to a day, then given up.
    text = lead + _TOLD.get(told.state, _TOLD["pending"])
    if all_news:
        return _if_new_story(text)
    return Stage("Status change?", "fail", text + ", so nothing was posted for this one")


_TOLD = {
    "sent": "this server heard that change from another article",
    "failed": "this server's post of that change, from another article, was given up",
    "pending": "this server's post of that change, from another article, is still to go out",
}


_HAD_STORY = {
    "sent": "this server heard this story from another article",
    "failed": "this server's post of this story, from another article, was given up",
    "pending": "this server's post of this story, from another article, is still to go out",
}


def _story_stage(post: Delivery) -> Stage:
    """All-news mode posts a story once: the post of it another article queued, in either
    mode (in "changes" mode, the post of the change it told)."""
    text = _HAD_STORY.get(post.state, _HAD_STORY["pending"])
    return Stage("News?", "fail", text + "; all-news mode posts a story once")


def _if_new_story(text: str) -> Stage:
    """All-news mode posts a story once, change or not: whether this article was the story's
    first telling decides, which the change's record can't say."""
    return Stage("Status change?", "note", text + "; in all-news mode, if a new story")


def _destination_stage(guild: GuildSettings) -> Stage:
    if guild.channel_id is None:
        return Stage("Channel", "fail", "this server has no announcement channel (/setup channel)")
    if guild.disabled_reason is not None:
        return Stage(
            "Channel",
            "fail",
            f"posting is paused: {safe_text(guild.disabled_reason, 200)} (/setup channel)",
        )
    return Stage("Channel", "pass", f"<#{guild.channel_id}>")


def why_embed(
    seen: SeenArticle, explanation: Explanation, others: Sequence[SeenArticle] = ()
) -> discord.Embed:
    embed = discord.Embed(
        title=truncate("Why: " + safe_text(seen.title or "(untitled)", 240), 256),
        colour=discord.Colour.green() if explanation.posts else discord.Colour.orange(),
        description=truncate(
            "\n".join(s.line() for s in explanation.stages) + "\n\n" + explanation.result, 4000
        ),
    )
    # Encoded: a stored address keeps the feed's spaces and non-ASCII characters, which
    # Discord refuses in an embed's URL, and with it the whole answer. Its trackers go, as
    # from the post's link.
    url = inert_url(shown_link(seen.url))
    if url.startswith(("http://", "https://")) and len(url) <= 2000:
        embed.url = url
    if others:
        embed.add_field(
            name="Also matched",
            value=truncate("\n".join(f"• {safe_text(o.title, 150)}" for o in others), 1024),
            inline=False,
        )
    embed.set_footer(text="Judged with this server's current settings.")
    return embed


def not_found_text(query: str, next_poll: str | None) -> str:
    """When no followed feed has shown us the article."""
    when = f" The next poll is {stamp(next_poll)}." if next_poll else ""
    return (
        f"None of this server's feeds (or the shared ones) has shown me an article matching "
        f"“{safe_text(query, 200)}”. It may be newer than my last poll, or in a feed this server "
        f"doesn't follow (`/feeds list`).{when}"
    )
