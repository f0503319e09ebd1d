"""Graph rows to domain records, in one place, for every label the API reads.

A row is a node's projected properties (graph_schema/queries/api_nodes.node). Missing or null
properties take the record's default, or an empty value of the field's type when it has none.
"""

from __future__ import annotations

import dataclasses
import typing
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import Any

from graph_schema import model as m
from matchmaker.domain.model import (
    Call,
    Group,
    Idea,
    Ktp,
    Member,
    Network,
    Organisation,
    Output,
    Partner,
    Theme,
)


@dataclass(frozen=True)
class Skill:
    id: str
    name: str


@dataclass(frozen=True)
class Linked:
    """A node reached over a relationship, with the relationship's properties."""

    node: Any
    rel: dict[str, Any]


RECORDS: dict[str, type] = {
    m.MEMBER: Member,
    m.ORGANISATION: Organisation,
    m.GROUP: Group,
    m.PARTNER: Partner,
    m.NETWORK: Network,
    m.KTP: Ktp,
    m.CALL: Call,
    m.IDEA: Idea,
    m.THEME: Theme,
    m.SKILL: Skill,
    m.OUTPUT: Output,
}


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _empty(kind: Any) -> Any:
    if isinstance(kind, type) and issubclass(kind, Enum):
        return next(iter(kind))
    origin = typing.get_origin(kind)
    if origin is tuple:
        return ()
    return kind() if kind in (str, int, float, bool) else None


def _coerce(kind: Any, value: Any) -> Any:
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind(value)
    if typing.get_origin(kind) is tuple:
        return tuple(value)
    if kind in (str, int, float, bool) and not isinstance(value, kind):
        return kind(value)
    return value


def _value(cls: type, f: dataclasses.Field[Any], row: dict[str, Any]) -> Any:
    kind = _hints(cls)[f.name]
    raw = row.get(f.name)
    if raw is not None:
        return _coerce(kind, raw)
    if f.default is not dataclasses.MISSING:
        return f.default
    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory()
    return _empty(kind)


def from_row(label: str, row: dict[str, Any]) -> Any:
    """The domain record of a node row with `label` (one of RECORDS)."""
    cls = RECORDS[label]
    return cls(**{f.name: _value(cls, f, row) for f in dataclasses.fields(cls)})
