"""Graph rows to domain records, in one place, for every label the API reads.

A row is a node's projected properties (graph_schema/queries/api_nodes.node). A missing or
null property takes the record's default, or None where the field is typed Optional; a field
with neither is required, and its absence is an error, as is a value of the wrong type or
outside the field's enum (RowMismatch names the label, the field and the value). Nothing is
guessed: a member without a career stage is not read as a trainee.
"""

from __future__ import annotations

import dataclasses
import types
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
from matchmaker.errors import SchemaMismatch


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


class RowMismatch(SchemaMismatch):
    """A node row that does not fit its record: a required field missing, or a value of the
    wrong type or outside the field's enum."""

    def __init__(self, label: str, field: str, value: Any, reason: str) -> None:
        super().__init__(f"{label}.{field} = {value!r}: {reason}")
        self.label = label
        self.field = field
        self.value = value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _optional(kind: Any) -> Any | None:
    """The inner type of `X | None`, or None when `kind` does not admit None."""
    if typing.get_origin(kind) not in (typing.Union, types.UnionType):
        return None
    inner = [a for a in typing.get_args(kind) if a is not type(None)]
    return inner[0] if len(inner) == 1 and len(typing.get_args(kind)) == 2 else None


def _plain(kind: Any, value: Any) -> bool:
    """Whether `value` already has the plain type `kind` (an int is a float; a bool is no int)."""
    if kind is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if kind is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, kind)


def _coerce(kind: Any, value: Any) -> Any:
    """`value` as `kind`; raises ValueError naming what was expected."""
    inner = _optional(kind)
    if inner is not None:
        return _coerce(inner, value)
    if isinstance(kind, type) and issubclass(kind, Enum):
        allowed = [member.value for member in kind]
        if value not in allowed:
            raise ValueError(f"not one of {allowed}")
        return kind(value)
    if typing.get_origin(kind) is tuple:
        if not isinstance(value, list | tuple):
            raise ValueError("expected a list")
        return tuple(value)
    if kind in (str, int, float, bool):
        if not _plain(kind, value):
            raise ValueError(f"expected {kind.__name__}, got {type(value).__name__}")
        return value
    return value


def _absent(label: str, f: dataclasses.Field[Any], kind: Any) -> Any:
    if f.default is not dataclasses.MISSING:
        return f.default
    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory()
    if _optional(kind) is not None:
        return None
    raise RowMismatch(label, f.name, None, "missing, and the field has no default")


def _value(label: str, cls: type, f: dataclasses.Field[Any], row: dict[str, Any]) -> Any:
    kind = _hints(cls)[f.name]
    raw = row.get(f.name)
    if raw is None:
        return _absent(label, f, kind)
    try:
        return _coerce(kind, raw)
    except ValueError as e:
        raise RowMismatch(label, f.name, raw, str(e)) from e


def from_row(label: str, row: dict[str, Any]) -> Any:
    """The domain record of a node row with `label` (one of RECORDS). Raises RowMismatch,
    naming the label, the field and the value, for a required field that is missing, a value
    of the wrong type or one outside the field's enum."""
    cls = RECORDS[label]
    return cls(**{f.name: _value(label, cls, f, row) for f in dataclasses.fields(cls)})
