"""Pure rendering: domain values in, Discord embeds out, always within Discord's limits."""

from bot.render.cast import cast_embed, cast_list_embed
from bot.render.episodes import episode_embed, episode_overview_embed
from bot.render.limits import clamp_dict, clamp_embed, embed_size
from bot.render.recap import episode_recap_embed, season_recap_embed
from bot.render.status import status_embed
from bot.render.text import safe_text, timestamp, truncate

__all__ = [
    "cast_embed",
    "cast_list_embed",
    "clamp_dict",
    "clamp_embed",
    "embed_size",
    "episode_embed",
    "episode_overview_embed",
    "episode_recap_embed",
    "safe_text",
    "season_recap_embed",
    "status_embed",
    "timestamp",
    "truncate",
]
