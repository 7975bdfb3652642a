"""Show data: typed models, the pack loader and fuzzy lookup."""

from bot.catalog.catalog import Catalog
from bot.catalog.dates import PartialDate
from bot.catalog.loader import load_catalog, load_show
from bot.catalog.lookup import ShowIndex, normalise, parse_episode_code
from bot.catalog.models import (
    CastingCall,
    CastMember,
    Claim,
    Credit,
    Episode,
    Fact,
    RecapPoint,
    Role,
    Season,
    SeasonState,
    Show,
    TimelineEntry,
    ViewingFigure,
)

__all__ = [
    "CastMember",
    "CastingCall",
    "Catalog",
    "Claim",
    "Credit",
    "Episode",
    "Fact",
    "PartialDate",
    "RecapPoint",
    "Role",
    "Season",
    "SeasonState",
    "Show",
    "ShowIndex",
    "TimelineEntry",
    "ViewingFigure",
    "load_catalog",
    "load_show",
    "normalise",
    "parse_episode_code",
]
