"""Dataclasses <-> JSON-ready dicts, driven by type hints.

One generic converter instead of a to_dict/from_dict pair per class: adding a field to an entity is enough
to have it saved and loaded. Fields whose metadata says ``{"json": False}`` (tables) are skipped; the project
file stores those separately.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date, datetime
from enum import Enum
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


def to_json(value: Any) -> Any:
    """Turn entities, enums, dates and containers into JSON-compatible values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: to_json(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.metadata.get("json", True)
        }
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if hasattr(value, "item"):  # numpy scalars that slipped into params
        return value.item()
    raise TypeError(f"cannot store a {type(value).__name__} in a project file")


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_json(cls: type[T], data: Any, *, at: str = "", **extra: Any) -> T:
    """Build ``cls`` from a dict made by :func:`to_json`; unknown keys are ignored, missing ones defaulted.

    Every value is checked against the field's type hint, because ``project.json`` may come from anyone:
    a ``null`` list or a number where text belongs would otherwise fail much later, far from its cause
    (a ``null`` objectives list crashed the main window). ValueError names the place, e.g.
    ``objectives[0].target should be a number, not text``; ``at`` is where ``data`` sits in the file.
    """
    _expect(data, (dict,), at or cls.__name__)
    hints = _hints(cls)
    kwargs: dict[str, Any] = dict(extra)
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if not f.metadata.get("json", True):
            continue
        if f.name in data:
            kwargs[f.name] = _convert(hints[f.name], data[f.name], _join(at, f.name))
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            raise ValueError(f"{_join(at, f.name)} is missing")
    return cls(**kwargs)


_NAMES: dict[type, str] = {
    dict: "an object",
    list: "a list",
    str: "text",
    int: "a whole number",
    float: "a number",
    bool: "true or false",
    type(None): "null",
}


def _json_type(value: Any) -> type:
    """The JSON type of a parsed value (``true`` is not a number here, as in JSON itself)."""
    return bool if isinstance(value, bool) else type(value)


def _expect(value: Any, kinds: tuple[type, ...], at: str) -> None:
    found = _json_type(value)
    if found in kinds:
        return
    if found is float and kinds == (int,):
        described = "a fraction"
    elif found in (int, float):
        described = "a number"
    else:
        described = _NAMES.get(found, found.__name__)
    raise ValueError(f"{at} should be {_NAMES[kinds[-1]]}, not {described}")


def _shown(value: Any, limit: int = 40) -> str:
    """A value quoted in a message, cut so that a hostile megabyte of text stays out of it."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _join(at: str, name: str) -> str:
    return f"{at}.{name}" if at else name


def _convert(hint: Any, value: Any, at: str) -> Any:
    if hint is object or hint is Any:
        return value
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        non_none = [a for a in args if a is not type(None)]
        return _convert(non_none[0], value, at) if len(non_none) == 1 else value
    if dataclasses.is_dataclass(hint):
        return from_json(hint, value, at=at)
    if origin is list:
        _expect(value, (list,), at)
        return [_convert(args[0], v, f"{at}[{i}]") for i, v in enumerate(value)]
    if origin is dict:
        _expect(value, (dict,), at)
        return {k: _convert(args[1], v, f"{at}.{k}") for k, v in value.items()}
    if isinstance(hint, type) and issubclass(hint, Enum):
        choices = [member.value for member in hint]
        if _json_type(value) is not str or value not in choices:
            raise ValueError(f"{at} is {_shown(value)}, not one of {', '.join(map(repr, choices))}")
        return hint(value)
    if hint in (date, datetime):
        _expect(value, (str,), at)
        try:
            return hint.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{at} is not a date ({_shown(value)})") from None
    if hint is float:
        _expect(value, (int, float), at)
        return float(value)
    if hint in (str, int, bool):
        _expect(value, (hint,), at)
    return value
