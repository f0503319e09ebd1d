"""Records to and from JSON objects, and gzipped JSON Lines files of them.

A JSON object's keys are exactly the dataclass field names; tuples are written as lists and
enums as their string values.
"""

from __future__ import annotations

import dataclasses
import gzip
import io
import json
import typing
from collections.abc import Iterable, Iterator, Mapping
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


class RecordError(ValueError):
    """A JSON object does not fit the record type it is read as."""


def to_json(record: Any) -> dict[str, Any]:
    """The JSON object of a dataclass record."""
    return {f.name: _plain(getattr(record, f.name)) for f in dataclasses.fields(record)}


def from_json(kind: type[T], data: Mapping[str, Any]) -> T:
    """The record of type `kind` for a JSON object; raises RecordError when the keys differ."""
    hints = _hints(kind)  # cached per type: this runs for every line read
    unknown = sorted(set(data) - set(hints))
    missing = sorted(set(hints) - set(data))
    if unknown or missing:
        raise RecordError(f"{kind.__name__}: unknown keys {unknown}, missing keys {missing}")
    return kind(**{name: _typed(hints[name], value) for name, value in data.items()})


def write_jsonl_gz(path: Path, records: Iterable[object]) -> int:
    """Write records to a gzipped JSON Lines file, byte-identical for the same records."""
    lines = [json.dumps(to_json(r), ensure_ascii=False) + "\n" for r in records]
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as gz:
        gz.write("".join(lines).encode("utf-8"))
    path.write_bytes(buffer.getvalue())
    return len(lines)


def read_jsonl_gz(path: Path, kind: type[T]) -> Iterator[T]:
    """The records of a gzipped JSON Lines file."""
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield from_json(kind, json.loads(line))


def _plain(value: object) -> object:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(kind: type) -> dict[str, Any]:
    if kind not in _HINTS:
        names = {f.name for f in dataclasses.fields(kind)}
        _HINTS[kind] = {k: v for k, v in typing.get_type_hints(kind).items() if k in names}
    return _HINTS[kind]


def _typed(hint: Any, value: Any) -> Any:
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint(value)
    if typing.get_origin(hint) is tuple:
        return tuple(value)
    return value
