"""Load and validate ``data/shows/*.toml``; a bad pack stops start-up with one clear line."""

from __future__ import annotations

import tomllib
from pathlib import Path

from bot.catalog.catalog import Catalog
from bot.catalog.convert import PackError, convert
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
        return convert(raw, Show)
    except PackError as exc:
        raise ConfigError(f"{path}: {exc}") from None


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
