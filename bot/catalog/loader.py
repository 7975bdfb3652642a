"""Load and validate ``data/shows/*.toml``; a bad pack stops start-up with one clear line."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from bot.catalog.catalog import Catalog
from bot.catalog.models import Show
from bot.errors import ConfigError

SCHEMA_VERSION = 1


def load_show(path: Path) -> Show:
    """Parse one pack; raises ConfigError('FILE: field.path: problem')."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    schema = raw.pop("schema", None)
    if schema != SCHEMA_VERSION:
        raise ConfigError(f"{path}: schema: expected {SCHEMA_VERSION}, got {schema!r}")
    try:
        return Show.model_validate(raw)
    except ValidationError as exc:
        raise ConfigError(f"{path}: {describe_first_error(exc)}") from None


def describe_first_error(exc: ValidationError) -> str:
    errors = exc.errors(include_url=False)
    first = errors[0]
    where = format_loc(first["loc"]) or "(top level)"
    more = f" (+{len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{where}: {_message(first)}{more}"


def format_loc(loc: tuple[int | str, ...]) -> str:
    """('seasons', 2, 'episodes', 0, 'title') -> 'seasons[2].episodes[0].title'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def _message(error: Any) -> str:
    message = str(error["msg"])
    return message.removeprefix("Value error, ")


def load_catalog(directory: Path) -> Catalog:
    """Every ``*.toml`` in ``directory``; at least one is required."""
    if not directory.is_dir():
        raise ConfigError(f"{directory}: show data directory not found")
    paths = sorted(directory.glob("*.toml"))
    if not paths:
        raise ConfigError(f"{directory}: no show packs (*.toml) found")
    shows = [load_show(p) for p in paths]
    for path, show in zip(paths, shows, strict=True):
        if path.stem != show.slug:
            raise ConfigError(f"{path}: slug: {show.slug!r} must match the file name")
    defaults = [s.slug for s in shows if s.default]
    if len(defaults) > 1:
        raise ConfigError(f"{directory}: default: more than one pack is the default: {defaults}")
    return Catalog(shows)
