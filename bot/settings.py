"""Settings from the environment and `.env`, checked by msgspec.

Built once in ``main()`` (``Settings.from_env()``) and passed down; nothing reads the
environment at import. Constructing ``Settings(...)`` directly (tests, the sandbox) reads no
environment at all.
"""

from __future__ import annotations

import codecs
import functools
import io
import os
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Annotated, Any, Literal, get_args, get_origin

import msgspec

from bot.errors import ConfigError

LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]

# Words a host may write for a yes/no setting, beyond msgspec's own true/false/1/0.
_YES, _NO = ("yes", "y", "on", "t"), ("no", "n", "off", "f")


class SecretStr:
    """A token that never shows itself in a repr, a log line or a traceback."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def get_secret_value(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "SecretStr('**********')"

    def __str__(self) -> str:
        return "**********" if self._value else ""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SecretStr) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


MAX_POLL_SECONDS = 365 * 86400

# A Discord id (a snowflake) is a positive 64-bit number whose top bit stays clear until
# 2084 (42 bits of milliseconds since 2015 above 22 more), and 0 names nothing.
SNOWFLAKE_MAX = 2**63 - 1
Snowflake = Annotated[int, msgspec.Meta(ge=1, le=SNOWFLAKE_MAX)]
DISCORD_ID = (
    "a Discord id, an `int` of 1 or more"
    " (Developer Mode on, right-click the server: Copy Server ID)"
)


def snowflake(text: str) -> int:
    """``text`` as a Discord id, or ValueError saying what one is (``sync --guild``)."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= SNOWFLAKE_MAX:
        raise ValueError(f"expected {DISCORD_ID} (got {text!r})")
    return value


# Where the bundled show packs and feed list ship: beside the code, not wherever it is run from.
PROJECT_DIR = Path(__file__).resolve().parents[1]


class Settings(msgspec.Struct, frozen=True, kw_only=True):
    """Every key here is listed, with a comment, in `.env.example` (upper-cased)."""

    discord_token: SecretStr | None = None
    discord_api_base: str = "https://discord.com/api/v10"
    discord_gateway_url: str = "wss://gateway.discord.gg/"
    database_path: Path = Path("data/kissbot.db")
    dev_guild_id: Snowflake | None = None
    # Global commands that differ from the code's are synced at start, once per version of
    # them (a dev bot, with DEV_GUILD_ID, only warns): 0 leaves it to `python -m bot sync`.
    sync_at_start: bool = True
    log_level: LogLevel = "INFO"
    allow_private_feeds: bool = False
    # Read through ``poll_interval``: any value >= 1 is accepted (DESIGN's contract).
    feed_poll_seconds: Annotated[float, msgspec.Meta(ge=1)] = 900
    feed_user_agent: str = (
        "kissbot/0.1 (+https://github.com/kissbot/kissbot; Discord fan-server news bot)"
    )
    # Worker processes that parse feeds (0 = a thread in the bot's own process).
    feed_parse_workers: Annotated[int, msgspec.Meta(ge=0, le=8)] = 1
    shows_dir: Path = Path("data/shows")
    feeds_file: Path = Path("data/feeds.toml")
    # discord.py waits this long after the last GUILD_CREATE before on_ready; tests lower it.
    # Bounded: until ready the bot polls and posts nothing, and 'inf' is never.
    guild_ready_timeout: Annotated[float, msgspec.Meta(ge=0, le=60)] = 2.0
    # Days a server's data is kept after the bot is removed from it (a return within them
    # keeps everything); then it is deleted. At least a day: a removal by mistake is undone.
    departed_keep_days: Annotated[int, msgspec.Meta(ge=1, le=36500)] = 30

    def __post_init__(self) -> None:
        for name in ("discord_api_base", "discord_gateway_url"):
            url: str = getattr(self, name)
            if "://" not in url:
                raise ValueError(
                    f"{name}: must be an absolute URL such as http://127.0.0.1:8080/api/v10"
                )
            if url.startswith("http") and url.endswith("/"):
                msgspec.structs.force_setattr(self, name, url.rstrip("/"))
        for name in ("shows_dir", "feeds_file"):
            path: Path = getattr(self, name)
            # A relative path missing from the working directory means the bundled data: so
            # `python -m bot classify` run from elsewhere still knows the shows.
            if not path.is_absolute() and not path.exists() and (PROJECT_DIR / path).exists():
                msgspec.structs.force_setattr(self, name, PROJECT_DIR / path)

    @property
    def poll_interval(self) -> float:
        """Seconds between two polls of a feed: FEED_POLL_SECONDS, but at most a year, since
        'inf' or 1e300 (accepted: any value >= 1 is) overflows every scheduled poll."""
        return min(self.feed_poll_seconds, MAX_POLL_SECONDS)

    @classmethod
    def from_env(
        cls,
        environ: Mapping[str, str] | None = None,
        env_file: Path | None = Path(".env"),
        warn: Callable[[str], None] | None = None,
    ) -> Settings:
        """Variables from ``environ`` (default ``os.environ``) win over ``env_file``'s; names
        ignore case; unknown names are ignored, and ``warn`` hears of a name in ``env_file``
        that looks like a misspelt setting. Raises ConfigError('bad setting NAME: …')."""
        raw = _read_env_file(env_file, warn) if env_file is not None else {}
        raw.update(_known(os.environ if environ is None else environ))
        values = {name: _prepare(name, text) for name, text in raw.items()}
        try:
            return msgspec.convert(values, cls, strict=False, dec_hook=_decode)
        except msgspec.ValidationError as exc:
            raise ConfigError(_explain(str(exc), raw)) from None


@functools.cache
def _field_types() -> dict[str, Any]:
    return {f.name: f.type for f in msgspec.structs.fields(Settings)}


@functools.cache
def _defaults() -> dict[str, object]:
    return {f.name: f.default for f in msgspec.structs.fields(Settings)}


def _known(variables: Mapping[str, str | None]) -> dict[str, str]:
    """Lower-cased names that are settings (a bare ``NAME`` line in `.env` has no value)."""
    fields = _field_types()
    return {k.lower(): v for k, v in variables.items() if k.lower() in fields and v is not None}


def _read_env_file(path: Path, warn: Callable[[str], None] | None = None) -> dict[str, str]:
    if not path.is_file():
        return {}
    from dotenv import dotenv_values  # only at start-up, and only when the file exists

    try:
        data = path.read_bytes()
        # Windows PowerShell's `echo … > .env` writes UTF-16 with a byte-order mark.
        utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
        text = data.decode("utf-16" if utf16 else "utf-8-sig")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read it: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"{path}: not UTF-8 text (byte {exc.start + 1} is not); save it as UTF-8"
        ) from None
    values = dotenv_values(stream=io.StringIO(text))
    if warn is not None:
        import difflib  # only at start-up, as dotenv

        for name in values:
            # A `.env` may serve other tools too: only a near miss of a setting is told.
            near = difflib.get_close_matches(name.lower(), _field_types(), n=1, cutoff=0.8)
            if near and name.lower() not in _field_types():
                warn(f"{path}: {name} is not a setting, so it is ignored; {near[0].upper()}?")
    return _known(values)


def _prepare(name: str, text: str) -> object:
    """Before msgspec: blank means None where None is allowed (`DEV_GUILD_ID=` in
    `.env.example`), and is a bad setting elsewhere; levels ignore case; yes/no/on/off are
    booleans."""
    text = text.strip()
    kind = _field_types()[name]
    if not text and type(None) in get_args(kind):
        return None
    if not text:
        # Else an empty path is '.': SHOWS_DIR= read the working directory's pyproject.toml
        # as a show pack, and the error named that file, not the setting.
        raise ConfigError(
            f"bad setting {name.upper()}: empty; leave it out for the default ({_defaults()[name]})"
        )
    if name == "log_level":
        return text.upper()
    if float in (kind, *get_args(kind)[:1]):
        # msgspec refuses '1e999' as out of range, yet it is a value >= 1 (Python's inf).
        try:
            return float(text)
        except ValueError:
            return text
    if kind is bool:
        word = text.lower()
        return "true" if word in _YES else "false" if word in _NO else text
    return text


def _decode(kind: type, value: object) -> object:
    if kind is Path and isinstance(value, str):
        # `.env` is read by no shell: `~/kissbot.db` would be a folder named "~" here.
        try:
            return Path(value).expanduser()
        except RuntimeError:
            raise ValueError("'~' names no home directory here") from None
    if kind is SecretStr and isinstance(value, str):
        return SecretStr(value)
    raise NotImplementedError(kind)


def _explain(message: str, raw: Mapping[str, str]) -> str:
    """msgspec's 'Expected `int | null`, got `str` - at `$.dev_guild_id`' as
    'bad setting DEV_GUILD_ID: expected `int` (got 'general')'; a token is never echoed."""
    problem, _, where = message.partition(" - at `$.")
    name = where.rstrip("`")
    if not name and ": " in problem:  # __post_init__ names the field itself
        name, problem = problem.split(": ", 1)
    kind = _field_types().get(name)
    if get_origin(kind) is Literal:
        problem = f"expected one of {', '.join(get_args(kind))}"
    elif name == "dev_guild_id":
        problem = f"expected {DISCORD_ID}"
    problem = re.sub(r", got `[^`]*`$", "", problem).replace(" | null", "")
    problem = problem[:1].lower() + problem[1:]
    shown = "" if name == "discord_token" or name not in raw else f" (got {raw[name]!r})"
    return f"bad setting {name.upper() or 'settings'}: {problem}{shown}"
