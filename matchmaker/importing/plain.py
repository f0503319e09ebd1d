"""Records as plain dicts (JSON-ready) and back, for trusted data such as the graph's own."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Any

from matchmaker.importing.fields import Shape
from matchmaker.importing.kinds import KindSpec


def to_plain(spec: KindSpec, record: Any) -> dict[str, Any]:
    """Field name -> value, with enums as their values and tuples as lists."""
    return {name: _plain(getattr(record, name)) for name in spec.names}


def comparable(spec: KindSpec, record: Any) -> dict[str, Any]:
    """The plain dict with lists whose order carries no meaning sorted, for equality tests."""
    data = to_plain(spec, record)
    for f in spec.fields:
        if f.shape is Shape.LIST and not f.ordered:
            data[f.name] = sorted(data[f.name])
    return data


def from_plain(spec: KindSpec, data: Mapping[str, Any]) -> Any:
    """The record for values read from the graph; a missing or null value takes its default."""
    values: dict[str, Any] = {}
    for f in spec.fields:
        value = data.get(f.name)
        if value is None:
            value = f.default
        elif f.shape is Shape.LIST:
            value = tuple(value)
        elif f.enum is not None:
            value = f.enum(value)
        values[f.name] = value
    return spec.record(**values)


def _plain(value: object) -> object:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value
