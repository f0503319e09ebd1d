"""One field of an import kind: its shape, whether it is required, its checks and references.

CSV cells arrive as text (`from_text`); JSON values arrive typed (`from_json`). Both end in
`settle`, which applies the checks and returns the value the domain record holds.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum, StrEnum
from typing import Any

from matchmaker.importing.checks import Check

LIST_SEPARATOR = ";"
_WHOLE = re.compile(r"[+-]?\d{1,12}")


class Shape(Enum):
    TEXT = "text"
    INT = "whole number"
    BOOL = "true or false"
    LIST = "list"


class ValueProblem(ValueError):
    """A value that does not fit its field; the message is the reason."""


@dataclass(frozen=True)
class FieldSpec:
    name: str
    shape: Shape
    required: bool
    default: Any
    check: Check | None = None  # applied to a text value, or to each item of a list
    number: Callable[[int], str | None] | None = None
    enum: type[StrEnum] | None = None
    refs: tuple[str, ...] = ()  # the kinds whose ids this field names
    ordered: bool = True  # for lists: False when the order carries no meaning

    def from_text(self, raw: str) -> Any:
        """A CSV cell as a value of this field's shape; raises ValueProblem."""
        if self.shape is Shape.INT:
            if not _WHOLE.fullmatch(raw.strip()):
                raise ValueProblem(f"expected a whole number, got {raw[:40]!r}")
            return int(raw)
        if self.shape is Shape.BOOL:
            if raw.strip().lower() not in ("true", "false"):
                raise ValueProblem(f"expected true or false, got {raw[:40]!r}")
            return raw.strip().lower() == "true"
        if self.shape is Shape.LIST:
            return [item.strip() for item in raw.split(LIST_SEPARATOR) if item.strip()]
        return raw

    def from_json(self, raw: object) -> Any:
        """A JSON value as a value of this field's shape; raises ValueProblem."""
        expected = {Shape.TEXT: str, Shape.INT: int, Shape.BOOL: bool, Shape.LIST: list}
        wrong_int = self.shape is Shape.INT and isinstance(raw, bool)
        if wrong_int or not isinstance(raw, expected[self.shape]):
            raise ValueProblem(f"expected {self.shape.value}, got {_json_type(raw)}")
        if isinstance(raw, list) and not all(isinstance(item, str) for item in raw):
            raise ValueProblem("expected a list of text items")
        return raw

    def is_blank(self, value: Any) -> bool:
        return isinstance(value, str) and not value.strip()

    def settle(self, value: Any) -> Any:
        """Check a value of the right shape; return what the record holds. Raises ValueProblem."""
        if self.shape is Shape.LIST:
            return tuple(self._item(item) for item in _unique(value))
        if self.shape is Shape.INT and self.number is not None:
            _raise_if(self.number(value))
        if self.shape is Shape.TEXT:
            return self._item(value)
        return value

    def _item(self, value: str) -> Any:
        if self.check is not None:
            _raise_if(self.check(value))
        return self.enum(value) if self.enum is not None else value


def _unique(items: list[str]) -> list[str]:
    seen: set[str] = set()
    for item in items:
        if not item.strip():
            raise ValueProblem("list items cannot be empty")
        if LIST_SEPARATOR in item:
            raise ValueProblem(f"list items cannot contain {LIST_SEPARATOR!r}: {item[:40]!r}")
        if item in seen:
            raise ValueProblem(f"{item[:60]!r} is listed twice")
        seen.add(item)
    return items


def _raise_if(reason: str | None) -> None:
    if reason is not None:
        raise ValueProblem(reason)


def _json_type(raw: object) -> str:
    names = {bool: "true/false", int: "a number", float: "a number", str: "text"}
    names |= {list: "a list", dict: "an object", type(None): "null"}
    shown = repr(raw)[:40]
    return f"{names.get(type(raw), type(raw).__name__)} {shown}"
