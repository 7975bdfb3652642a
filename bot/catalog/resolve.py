"""What a fan typed -> catalog objects, or a UserFacingError that says what to try instead.

The slash-command cogs are thin wrappers around these; keeping them here makes them testable
without Discord.
"""

from __future__ import annotations

from bot.catalog.catalog import Catalog
from bot.catalog.lookup import (
    ShowIndex,
    parse_code_so_far,
    parse_episode_code,
    starts_a_code_word,
    without_chatter,
)
from bot.catalog.models import CastMember, Episode, Season, Show
from bot.errors import UserFacingError
from bot.render.text import plural, safe_text, seasons_text, shorten

CHOICE_LIMIT = 25  # Discord shows at most 25 autocomplete choices
CHOICE_TEXT = 100  # ...each name and value at most 100 characters


def quoted(text: str) -> str:
    """User input echoed back: inert, one line, short."""
    return "“" + safe_text(shorten(text.strip(), 60), one_line=True) + "”"


def resolve_season(show: Show, number: int | None) -> Season:
    """The season asked for, or the newest one when none was given."""
    if number is None:
        return show.latest_season
    season = show.season(number)
    if season is None:
        known = ", ".join(str(s.number) for s in show.seasons)
        raise UserFacingError(
            f"{show.title} has no season {number} in our data (seasons: {known})."
        )
    return season


def resolve_cast(catalog: Catalog, show: Show, name: str, season: int | None = None) -> CastMember:
    """The one person ``name`` finds; with ``season``, one in that season (it tells
    namesakes apart: "Lee" in season 3 is Min Ho's actor alone)."""
    found = catalog.find_cast(show, name)
    if season is not None and found:
        # The show-wide best may be another season's: a namesake in this one is who is meant.
        there = [m for m in found if season in m.seasons] or catalog.namesakes(show, name, season)
        if not there:
            # A card with a "Seasons" field that leaves the season out answers another
            # question: say they are not in it, and where they are.
            raise UserFacingError(_not_in_season(name, found, season))
        found = there
    if len(found) == 1:
        return found[0]
    if found:
        options = ", ".join(m.display_name for m in found[:5])
        where = f" in season {season}" if season is not None else ""
        raise UserFacingError(
            f"{quoted(name)} matches several people{where}: {options}. "
            "Pick one from the suggestions."
        )
    hints = catalog.suggest(show, name)
    tail = f"did you mean {' or '.join(hints)}?" if hints else "try the suggestions as you type."
    raise UserFacingError(f"{quoted(name)} not found in the {show.title} cast — {tail}")


def _not_in_season(name: str, found: list[CastMember], season: int) -> str:
    tail = f"/cast season:{season} lists who is."
    if len(found) == 1:
        member = found[0]
        return (
            f"{member.display_name} is not in season {season}'s cast in our data, "
            f"only in {seasons_text(member.seasons)}. {tail}"
        )
    each = "; ".join(f"{m.display_name}, {seasons_text(m.seasons)}" for m in found[:5])
    return f"No one {quoted(name)} names is in season {season}'s cast in our data ({each}). {tail}"


def season_named(text: str, season: int | None = None) -> int | None:
    """The season ``text`` names with no episode of it ("S2", "season 2", "saison 2"), when
    the ``season`` option, if any, agrees: what a fan asking for that season typed."""
    so_far = parse_code_so_far(without_chatter(text))
    if so_far is None or so_far[1] or season not in (None, so_far[0]):
        return None
    return so_far[0]


def resolve_episode(catalog: Catalog, show: Show, text: str, season: int | None) -> Episode:
    """By code ('S1E4', '1x4'), by number within ``season``, or by title."""
    index = catalog.index(show)
    episode = index.find_episode(text, season)
    if episode is not None:
        return episode
    text = without_chatter(text)  # "ep 4 :)" is told what "ep 4" is
    _two_asked(index, text, season)
    if index.names_the_show(text):
        # "XO Kitty" was "not found — did you mean S1E3 KISS?" (close letters).
        raise UserFacingError(_which_episode_of_the_show(show, text, season))
    _season_beside_elsewhere(index, text, season)
    code = parse_episode_code(text)
    if code is not None and code[1] == 0:
        # "S1E0" answered "matches several episodes", "episode 0" "of which season? S1E0".
        raise UserFacingError("Episodes are numbered from 1: S1E1 is the first.")
    named = season_named(text)
    if named is not None:
        # "matches several episodes: S2E1 Episode 1, S2E2 …" answered a season asked for.
        resolve_season(show, named)
        if season not in (None, named):
            raise UserFacingError(
                f"{quoted(text)} is season {named}, but season: says {season}. "
                "Make them agree, or give just one of them."
            )
        raise UserFacingError(
            f"{quoted(text)} is season {named}: which episode of it? Type S{named}E1, say, "
            "or pick one from the suggestions."
        )
    asked = code[0] if code is not None and code[0] is not None else season
    if asked is not None:
        _beyond_the_data(resolve_season(show, asked), code[1] if code is not None else None)
    if code is not None and code[0] is not None and season is not None and code[0] != season:
        # Else "not found in season 2 — try 1x4" answers the very "1x4" that was typed.
        raise UserFacingError(
            f"{quoted(text)} is in season {code[0]}, but season: says {season}. "
            "Make them agree, or give just one of them."
        )
    if code is not None and code[0] is None and season is None:
        # A bare number: parsed by the same short-number pattern lookup uses, so "²" or a
        # thousand nines never reach int() and the number echoed back is at most 3 digits.
        number = code[1]
        raise UserFacingError(
            f"Episode {number} of which season? Add season:, or type S1E{number}."
        )
    elsewhere = index.find_episode(text) if season is not None and code is None else None
    if elsewhere is not None:
        # A title from another season: "not found in season 2" reads as if it were no title.
        raise UserFacingError(
            f"{quoted(text)} is {elsewhere.code}, in season {elsewhere.season}, but season: "
            f"says {season}. Make them agree, or give just one of them."
        )
    if len(tied := index.episodes_named(text, season)) > 1:
        options = ", ".join(f"{e.code} {e.display_title}" for e in tied[:5])
        raise UserFacingError(
            f"{quoted(text)} matches several episodes: {options}. Pick one from the suggestions."
        )
    hints = index.suggest_episodes(text, season)
    where = f"season {season}" if season is not None else show.title
    tail = f"did you mean {' or '.join(hints)}?" if hints else "try S1E4, 1x4 or a title."
    raise UserFacingError(f"Episode {quoted(text)} not found in {where} — {tail}")


def _two_asked(index: ShowIndex, text: str, season: int | None) -> None:
    """Text naming two episodes is asked which one, rather than answered with either (or a
    "did you mean" leaving one out): "TGIF (S1E5)" or "TGF (S1E5)" (TGIF is S1E4), "S1E4 vs
    S1E5", "TGIF TBH", also after the show's name ("XO, Kitty TGIF (S1E5)")."""
    named = index.without_show(text) or text
    mislabelled = index.mislabelled(named, season)
    if mislabelled is not None:
        coded, titled = mislabelled
        raise UserFacingError(
            f"{quoted(text)} names two episodes: {coded.code} is {coded.display_title}, and "
            f"{titled.display_title} is {titled.code}. Which one? Type {coded.code} or "
            f"{titled.code}."
        )
    coded_in = index.coded_in(named) or index.titled_in(named)
    if len(coded_in) > 1:
        options = ", ".join(f"{e.code} {e.display_title}" for e in coded_in[:5])
        raise UserFacingError(
            f"{quoted(text)} names several episodes: {options}. Ask for one at a time."
        )


def _which_episode_of_the_show(show: Show, text: str, season: int | None) -> str:
    listed = [s.number for s in show.seasons if s.episodes]
    newest = resolve_season(show, season).number if season is not None else max(listed, default=1)
    where = f"{show.title} has {seasons_text(listed)} in our data. " if listed else ""
    return (
        f"{quoted(text)} is the show's name: which episode? {where}Type S{newest}E1, "
        f"{newest}x1 or a title, or pick one from the suggestions."
    )


def _season_beside_elsewhere(index: ShowIndex, text: str, season: int | None) -> None:
    """A season typed beside a title ("S2 TGIF") that is not that title's season, or not the
    ``season`` option's, says so, as a code typed against the option does."""
    beside = index.season_beside(index.without_show(text) or text)
    if beside is None:
        return
    named, rest = beside
    if season not in (None, named):
        raise UserFacingError(
            f"{quoted(text)} is season {named}, but season: says {season}. "
            "Make them agree, or give just one of them."
        )
    elsewhere = index.find_episode(rest)
    if elsewhere is not None and elsewhere.season != named:
        raise UserFacingError(
            f"{quoted(text)}: {elsewhere.display_title} is {elsewhere.code}, in season "
            f"{elsewhere.season}, not season {named}. "
            f"Type {elsewhere.code}, or give just the title."
        )


def _beyond_the_data(season: Season, number: int | None) -> None:
    """A numbered episode the season's data does not reach gets its own message, not a
    "not found" that reads as a typo ("S3E1" before season 3's titles are published)."""
    listed = len(season.episodes)
    if number is None or number <= listed:
        return
    if season.episode_count is not None and number > season.episode_count:
        raise UserFacingError(
            f"Season {season.number} has {plural(season.episode_count, 'episode')}."
        )
    known = f"only episodes 1–{listed} are" if listed else "its episodes aren't"
    raise UserFacingError(
        f"Season {season.number}: {known} in our data yet; "
        f"/episode season:{season.number} says what is known."
    )


def cast_choices(
    catalog: Catalog, show: Show, current: str, season: int | None = None
) -> list[tuple[str, str]]:
    """(label, value) pairs, best first: 'Min Ho · Sang Heon Lee' -> 'Min Ho'."""
    hits = catalog.search_cast(show, current, CHOICE_LIMIT, season=season)
    return [(_cast_label(member), _cast_value(catalog, show, member)) for _, member in hits]


def _cast_label(member: CastMember) -> str:
    if not (member.character and member.actor):
        return shorten(member.name, CHOICE_TEXT)
    # A long character name is cut, not the actor after it: it tells two such names apart.
    actor = shorten(member.actor, CHOICE_TEXT // 2)
    return f"{shorten(member.character, CHOICE_TEXT - len(actor) - 3)} · {actor}"


def _cast_value(catalog: Catalog, show: Show, member: CastMember) -> str:
    """A name of ``member``'s that /cast resolves to them alone: the character's, unless it
    is shared (a recast role) or too long to send whole, which, cut, could name anyone."""
    return catalog.index(show).own_name(member, CHOICE_TEXT) or shorten(member.name, CHOICE_TEXT)


def episode_choices(
    catalog: Catalog, show: Show, current: str, season: int | None = None
) -> list[tuple[str, str]]:
    """(label, value) pairs: 'S1E4 · TGIF' -> 'S1E4'."""
    if starts_a_code_word(current) or catalog.index(show).names_the_show(current):
        # "season" or "episode" on its way to a number, or the show's name alone: every
        # episode, as for nothing typed, not the titles it happens to share letters with
        # ("season" and "XO Kitty" offered KISS).
        current = ""
    hits = catalog.search_episodes(show, current, season=season, limit=CHOICE_LIMIT + 1)
    if len(hits) > CHOICE_LIMIT and not current.strip():
        every = catalog.search_episodes(show, "", season=season, limit=len(show.episodes()))
        hits = _newest_first(every)
    out = []
    for _, episode in hits:
        label = episode.code if episode.title is None else f"{episode.code} · {episode.title}"
        out.append((shorten(label, CHOICE_TEXT), episode.code))
    return out[:CHOICE_LIMIT]


def _newest_first(hits: list[tuple[float, Episode]]) -> list[tuple[float, Episode]]:
    """More episodes than Discord's 25 choices, in airing order, showed the first seasons
    only: a fan typing "season" saw nothing of the newest, the one most asked about. The
    newest season comes first, and every season keeps its first episode at least, so each
    is seen to be there ("S1", typed on, lists it whole)."""
    ordered = sorted(hits, key=lambda hit: -hit[1].season)  # stable: airing order within
    openers = {hit[1].season: id(hit) for hit in reversed(hits)}
    kept = set(openers.values())
    kept.update([id(hit) for hit in ordered if id(hit) not in kept][: CHOICE_LIMIT - len(kept)])
    return [hit for hit in ordered if id(hit) in kept][:CHOICE_LIMIT]
