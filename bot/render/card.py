"""The status card (/setup card): /status's card for the newest season, and for the season
before while it is still to come, in one message the bot keeps editing (pure)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

import discord

from bot.catalog.models import Season, Show
from bot.domain.status import SeasonStatus
from bot.render.limits import TOTAL, clamp_dict, embed_size
from bot.render.status import status_embed

# The card's text, never changed: it is also how the bot finds its own card in the channel
# after a kill that came between posting it and recording its id.
CARD_MARK = "📌 **Where things stand**: I edit this message whenever the news changes them."


@dataclass(frozen=True, slots=True)
class Card:
    content: str
    embeds: tuple[dict[str, Any], ...]

    @property
    def digest(self) -> str:
        """A short fingerprint of the message: the card is edited only when it changes."""
        body = json.dumps({"content": self.content, "embeds": self.embeds}, sort_keys=True)
        return hashlib.sha256(body.encode()).hexdigest()[:16]

    def discord_embeds(self) -> list[discord.Embed]:
        return [discord.Embed.from_dict(cast(Any, e)) for e in self.embeds]


def status_card(show: Show, seasons: Sequence[tuple[Season, SeasonStatus]], now: datetime) -> Card:
    """The card for ``seasons`` (oldest first) as ``/status`` shows each at ``now``: dates as
    Discord timestamps, so the countdowns run by themselves between edits."""
    embeds: list[dict[str, Any]] = [
        cast(dict[str, Any], status_embed(show, season, status, now).to_dict())
        for season, status in seasons
    ]
    # Discord's 6000 characters are the message's, not each embed's.
    if sum(embed_size(e) for e in embeds) > TOTAL:
        embeds = [clamp_dict(e, TOTAL // len(embeds)) for e in embeds]
    return Card(CARD_MARK, tuple(embeds))
