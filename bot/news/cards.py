"""Status cards: the one message per guild (/setup card) that shows where the show stands,
edited as the news changes it.

A reconcile, as premiere events are: each run renders each show's card once, and writes it
to every card whose recorded digest differs (a change, a premiere day arriving, another
show), so a run done twice does nothing the second time. Edits take the announcer's turns,
so they share its pacing with the posts.

A card is recorded by its message id once posted. A kill between the post and that record
leaves no id: before posting, the channel's recent messages are searched for the bot's own
card, so a restart edits it rather than post a second. Without Read Message History the
search sees nothing, and that one card may be doubled. A card deleted by a moderator (404
Unknown Message) is posted again; a channel Discord refuses (deleted, or access lost) stops
the card and tells the moderators once, as the announcer does for its posts.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime

import aiohttp
import discord

from bot.catalog import Catalog
from bot.catalog.models import Show
from bot.domain.status import ToldSeasons, pending, season_status
from bot.moderation.onboard import show_for
from bot.news.announce import Announcer, refusal, unauthorized
from bot.render.card import CARD_MARK, Card, status_card
from bot.store import Store
from bot.store.cards import StatusCard
from bot.store.news import PUBLIC, View
from bot.store.rows import iso

log = logging.getLogger(__name__)

# Discord's code for a message that no longer exists (its channel does).
UNKNOWN_MESSAGE = 10008
# Recent messages searched for a card a kill left unrecorded: it was posted just before.
SEARCHED = 50
QUIET = discord.AllowedMentions.none()
_RESTART = (
    "A moderator can run `/setup card` again once I can post there, or choose another channel."
)


@dataclass
class CardsReport:
    posted: int = 0
    edited: int = 0
    reposted: int = 0  # deleted by hand, posted again
    stopped: int = 0  # guilds whose channel Discord refused
    failed: int = 0  # left for the next run (Discord down, or the card refused)
    unauthorized: bool = False  # Discord refused the bot's token: the run stopped


class StatusCards:
    def __init__(
        self,
        client: discord.Client,
        store: Store,
        catalog: Catalog,
        announcer: Announcer,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.client = client
        self.store = store
        self.catalog = catalog
        self.announcer = announcer  # its turns: card edits and posts share the bot's pace
        self._now = now
        self._lock = asyncio.Lock()  # one write of a card at a time
        self._news = 0  # changes of news told (``changed``)

    async def render(self, show: Show, now: datetime, view: View = PUBLIC) -> Card:
        """The show's card: its newest season (the pack's, or one the news ``view`` sees told
        of), after the season before it while that one is still to come."""
        news = self.store.news
        told = ToldSeasons.of(show, await news.learned_seasons(show.slug, view=view))
        newest = told.newest
        seasons = []
        for number in (newest - 1, newest):
            season = told.season(number)
            if season is None:
                continue
            learned = await news.learned_events(show.slug, number, view=view)
            status = season_status(season, learned)
            if number == newest or pending(season, status):
                seasons.append((season, status))
        return status_card(show, seasons, now)

    def changed(self) -> None:
        """The news changed. A run under way takes it up: the scheduler skips the run this
        asks for while one is running, and a run over many guilds takes minutes."""
        self._news += 1

    async def reconcile(self) -> CardsReport:
        """Bring every live card in line with the news (each show's card rendered once).
        News told meanwhile is rendered for the guilds still to do, and the guilds done
        before it are gone over again."""
        report = CardsReport()
        done = None
        while done != self._news and not report.unauthorized:
            done = self._news
            await self._over_all(report)
        self._log(report)
        return report

    async def _over_all(self, report: CardsReport) -> None:
        rendered, now = self._news, self._now()
        cards: dict[tuple[str, View], Card] = {}
        views = await self.store.feeds.views()  # once a run: the rest see the public news
        for row in await self.store.cards.live():
            if report.unauthorized:
                break  # every guild would be refused alike, each 401 toward Discord's ban
            guild = self.client.get_guild(row.guild_id)
            if guild is None or guild.unavailable:
                continue  # removed (the card stays as it was), or an outage: a later run
            if rendered != self._news:
                rendered, now = self._news, self._now()
                cards.clear()
            view = views.get(row.guild_id, PUBLIC)
            card = await self._card(row, cards, now, view)
            if row.message_id is None or row.digest != card.digest:
                await self._write(row.guild_id, cards, now, report, view)

    async def keep(self, guild_id: int, channel_id: int) -> StatusCard | None:
        """/setup card: the guild's card in ``channel_id`` from now on (one per server: a card
        elsewhere is deleted), written now; the card as recorded then."""
        report = CardsReport()
        # Not amid the job's write of this card, which would land where the card was.
        async with self._lock:
            before = await self.store.cards.get(guild_id)
            if before is not None and before.channel_id != channel_id:
                # Deleted before the move is recorded: a kill between leaves the card where it
                # was, as recorded (kept up to date there), never one nothing knows of.
                await self.remove(before)
            await self.store.cards.place(guild_id, channel_id)
            await self._write_now(guild_id, {}, self._now(), report)
        self._log(report)
        return await self.store.cards.get(guild_id)

    async def refresh(self, guild_id: int) -> CardsReport:
        """Write one guild's card now (/setup card, /setup show)."""
        report = CardsReport()
        await self._write(guild_id, {}, self._now(), report)
        self._log(report)
        return report

    async def remove(self, card: StatusCard) -> None:
        """Delete a card the guild no longer keeps (/setup card off or elsewhere, /setup
        reset); one already gone, or out of reach, is no matter."""
        if card.message_id is None:
            return
        channel = self.client.get_partial_messageable(card.channel_id, guild_id=card.guild_id)
        try:
            async with self.announcer.turn(card.guild_id):
                await channel.get_partial_message(card.message_id).delete()
        except (TimeoutError, discord.HTTPException, aiohttp.ClientError) as exc:
            log.info("guild %d: could not delete the old status card: %s", card.guild_id, exc)

    async def _card(
        self,
        row: StatusCard,
        cards: dict[tuple[str, View], Card],
        now: datetime,
        view: View | None = None,
    ) -> Card:
        """The guild's card: rendered once per show and view (once for every guild that
        sees only the public news). ``view``: the guild's, when the caller read it (a run
        reads every guild's at once); else it is read here."""
        show = show_for(self.catalog, row)
        if view is None:
            view = await self.store.feeds.view_of(row.guild_id)
        key = (show.slug, view)
        if key not in cards:
            cards[key] = await self.render(show, now, key[1])
        return cards[key]

    async def _write(
        self,
        guild_id: int,
        cards: dict[tuple[str, View], Card],
        now: datetime,
        report: CardsReport,
        view: View | None = None,
    ) -> None:
        async with self._lock:
            await self._write_now(guild_id, cards, now, report, view)

    async def _write_now(
        self,
        guild_id: int,
        cards: dict[tuple[str, View], Card],
        now: datetime,
        report: CardsReport,
        view: View | None = None,
    ) -> None:
        # As it is now: /setup may have moved, stopped or dropped it since it was read.
        row = await self.store.cards.get(guild_id)
        if row is None or not row.live:
            return
        card = await self._card(row, cards, now, view)
        if row.message_id is not None and row.digest == card.digest:
            return
        try:
            await self._one(row, card, report)
        except (TimeoutError, discord.HTTPException, aiohttp.ClientError) as exc:
            if unauthorized(exc):
                report.unauthorized = True
            elif (refused := refusal(exc, row.channel_id)) is not None:
                await self._stop(row, refused.reason, now, report)
            else:
                log.warning("status card in guild %d: %s; trying again later", guild_id, exc)
                report.failed += 1

    async def _one(self, row: StatusCard, card: Card, report: CardsReport) -> None:
        channel = self.client.get_partial_messageable(row.channel_id, guild_id=row.guild_id)
        message_id = row.message_id
        if message_id is not None:
            if await self._edit(row.guild_id, channel.get_partial_message(message_id), card):
                report.edited += 1
            else:
                # Deleted by hand: posted again, once (the record says so before the post).
                await self.store.cards.lost(row.guild_id, message_id)
                message_id = await self._post(channel, row.guild_id, card)
                report.reposted += 1
        else:
            found = await self._find(channel)
            if found is not None and await self._edit(row.guild_id, found, card):
                message_id = found.id
                report.edited += 1
            else:  # none, or deleted by hand since it was found
                message_id = await self._post(channel, row.guild_id, card)
                report.posted += 1
        recorded = await self.store.cards.record(
            row.guild_id, row.channel_id, message_id, card.digest
        )
        if not recorded and message_id != row.message_id:
            # /setup card moved or stopped the card while this one was posted (or found): it
            # is kept nowhere, so nothing would edit or delete it. The recorded one is the
            # mover's to delete.
            await self.remove(replace(row, message_id=message_id))

    async def _edit(
        self, guild_id: int, message: discord.Message | discord.PartialMessage, card: Card
    ) -> bool:
        """Write ``card`` over ``message``; False if the message was deleted meanwhile (the
        channel's own 404 is ``refusal``'s)."""
        try:
            async with self.announcer.turn(guild_id):
                await message.edit(
                    content=card.content, embeds=card.discord_embeds(), allowed_mentions=QUIET
                )
        except discord.NotFound as exc:
            if exc.code != UNKNOWN_MESSAGE:
                raise
            return False
        return True

    async def _post(self, channel: discord.PartialMessageable, guild_id: int, card: Card) -> int:
        async with self.announcer.turn(guild_id):
            posted = await channel.send(
                content=card.content, embeds=card.discord_embeds(), allowed_mentions=QUIET
            )
        return posted.id

    async def _find(self, channel: discord.PartialMessageable) -> discord.Message | None:
        """The bot's own card among the channel's recent messages: one a kill left unrecorded."""
        me = self.client.user
        if me is None:
            return None
        await self.announcer.pacer.wait()
        async for message in channel.history(limit=SEARCHED):
            if message.author.id == me.id and message.content == CARD_MARK:
                return message
        return None

    async def _stop(self, row: StatusCard, reason: str, now: datetime, report: CardsReport) -> None:
        """Discord refused the card's channel: stopped, and the moderators told once."""
        report.stopped += 1
        at = iso(now)
        if not await self.store.cards.stop(row.guild_id, row.channel_id, reason, at):
            return
        log.warning("guild %d: status card stopped: %s", row.guild_id, reason)
        await self.store.outbox.add_notice(
            row.guild_id,
            f"card:{row.channel_id}:{at}",
            f"I stopped updating the status card: {reason}. {_RESTART}",
        )

    async def rejoined(self, guild_id: int) -> None:
        """The bot is back in a guild whose card a refusal stopped: likely refused as the bot
        was removed, when the notice had nowhere to go. Its moderators hear it now."""
        card = await self.store.cards.get(guild_id)
        if card is None or card.problem is None:
            return
        await self.store.outbox.add_notice(
            guild_id,
            f"rejoined-card:{card.channel_id}:{card.problem_at}",
            f"The status card is still stopped: {card.problem}. {_RESTART}",
        )

    @staticmethod
    def _log(report: CardsReport) -> None:
        if report.posted or report.edited or report.reposted or report.stopped or report.failed:
            log.info("status cards: %s", report)
        if report.unauthorized:
            log.warning(
                "status cards: Discord refused the bot's token (HTTP 401): stopped until the "
                "next run (DISCORD_TOKEN)"
            )
