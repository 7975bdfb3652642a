"""Raw TOML tables to frozen pack models, failing with one readable error.

msgspec checks types, required and unknown fields and ``Meta`` constraints. What it cannot
express (stripping whitespace, parsing labels and partial dates, checking sources, naming the
allowed choices) is done first by ``_prepare``: a walk of the raw tables guided by the models'
own field types, so a rule lives next to the field it guards (as an ``Annotated`` ``Hook``).
"""

from __future__ import annotations

import functools
import re
import types
from collections.abc import Callable
from datetime import date
from enum import Enum, IntEnum
from typing import Annotated, Any, Literal, TypeVar, Union, get_args, get_origin

import msgspec

T = TypeVar("T", bound=msgspec.Struct)

_UNIONS = (Union, types.UnionType)


class Hook:
    """``Annotated`` marker: ``fn`` maps a present raw value to the field's value, or raises
    ValueError with the problem in words."""

    __slots__ = ("fn",)

    def __init__(self, fn: Callable[[Any], Any]) -> None:
        self.fn = fn


class PackError(Exception):
    """Where (``seasons[1].episodes[0].title``; empty at the top level) and what went wrong."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where or '(top level)'}: {problem}")
        self.where = where
        self.problem = problem


def convert(raw: Any, model: type[T]) -> T:
    """Validate ``raw`` (TOML tables) into ``model``; raises PackError."""
    prepared = _prepare(model, raw, "")
    try:
        return msgspec.convert(prepared, model)
    except msgspec.ValidationError as exc:
        raise _explain(str(exc)) from None


def _prepare(kind: Any, value: Any, where: str) -> Any:
    if isinstance(value, str):
        value = value.strip()
    kind, hooks = _unwrap(kind)
    if value is None:
        return None
    try:
        for hook in hooks:
            value = hook.fn(value)
        _check_choice(kind, value)
        _check_date(kind, value)
    except ValueError as exc:
        raise PackError(where, str(exc)) from None
    if isinstance(value, dict) and isinstance(kind, type) and issubclass(kind, msgspec.Struct):
        fields = _field_types(kind)
        return {
            key: _prepare(fields[key], item, _join(where, key)) if key in fields else item
            for key, item in value.items()
        }
    if isinstance(value, list) and get_origin(kind) is tuple:
        item_kind = get_args(kind)[0]
        return [_prepare(item_kind, item, f"{where}[{i}]") for i, item in enumerate(value)]
    return value


def _unwrap(kind: Any) -> tuple[Any, list[Hook]]:
    """``Annotated[X, Hook(f)] | None`` -> (X, [Hook(f)])."""
    hooks: list[Hook] = []
    while True:
        origin = get_origin(kind)
        if origin is Annotated:
            hooks += [m for m in kind.__metadata__ if isinstance(m, Hook)]
            kind = get_args(kind)[0]
        elif origin in _UNIONS:
            present = [a for a in get_args(kind) if a is not type(None)]
            if len(present) != 1:
                return kind, hooks
            kind = present[0]
        else:
            return kind, hooks


def _check_choice(kind: Any, value: object) -> None:
    """Name the allowed words, which msgspec's own message leaves out."""
    if not isinstance(value, str):
        return
    if get_origin(kind) is Literal:
        choices = [str(c) for c in get_args(kind)]
    elif isinstance(kind, type) and issubclass(kind, Enum) and not issubclass(kind, IntEnum):
        choices = [str(m.value) for m in kind]
    else:
        return
    if value not in choices:
        raise ValueError(f"expected one of {', '.join(choices)}; got {value!r}")


def _check_date(kind: Any, value: object) -> None:
    if kind is date and isinstance(value, str):
        try:
            date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"expected a date such as 2023-05-18, got {value!r}") from None


@functools.cache
def _field_types(model: type[msgspec.Struct]) -> dict[str, Any]:
    return {f.encode_name: f.type for f in msgspec.structs.fields(model)}


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


_AT = re.compile(r"^(?P<problem>.*?)(?: - at `\$(?P<where>[^`]*)`)?$", re.DOTALL)
_FIELD = re.compile(r"^Object (?P<what>contains unknown|missing required) field `(?P<name>.+)`$")


def _explain(message: str) -> PackError:
    """msgspec's 'Problem - at `$.a[0].b`' as PackError('a[0].b', 'problem')."""
    match = _AT.match(message)
    assert match is not None  # the pattern matches any text
    problem, where = match["problem"], (match["where"] or "").lstrip(".")
    field = _FIELD.match(problem)
    if field is not None:
        where = _join(where, field["name"])
        problem = "unknown field" if field["what"] == "contains unknown" else "missing (required)"
    return PackError(where, problem)
