"""Records out in the import formats, so an export imports back unchanged.

CSV: a header of the field names, lists joined with ';', booleans true/false, and cells that a
spreadsheet would run as a formula led by an apostrophe (matchmaker.importing.formulas). JSON
Lines: one object a line with the field names as keys and lists as arrays. A name ending in .gz
is gzipped.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from matchmaker.errors import MatchmakerError
from matchmaker.importing.fields import LIST_SEPARATOR
from matchmaker.importing.formulas import guard
from matchmaker.importing.kinds import KindSpec
from matchmaker.importing.lines import Format
from matchmaker.importing.plain import to_plain


class ExportError(MatchmakerError):
    """A record cannot be written in the chosen format."""


def write_records(spec: KindSpec, records: Iterable[Any], out: TextIO, fmt: Format) -> int:
    """Write `records` to `out`; return how many. Raises ExportError for unwritable values."""
    writer = csv.writer(out, lineterminator="\r\n") if fmt is Format.CSV else None
    if writer is not None:
        writer.writerow(spec.names)
    count = 0
    for record in records:
        if writer is None:
            out.write(json_line(spec, record))
        else:
            writer.writerow(csv_cells(spec, record))
        count += 1
    return count


def json_line(spec: KindSpec, record: Any) -> str:
    return json.dumps(to_plain(spec, record), ensure_ascii=False) + "\n"


def csv_cells(spec: KindSpec, record: Any) -> list[str]:
    return [guard(_cell(name, value)) for name, value in to_plain(spec, record).items()]


def _cell(name: str, value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        if any(LIST_SEPARATOR in item for item in value):
            raise ExportError(f"{name}: an item holds {LIST_SEPARATOR!r}; export as jsonl")
        return LIST_SEPARATOR.join(value)
    return str(value)


@contextmanager
def open_output(path: Path | None) -> Iterator[TextIO]:
    """A text stream to `path` (gzipped for .gz), or stdout when None."""
    if path is None:
        yield sys.stdout
        return
    if path.suffix == ".gz":
        with gzip.open(path, "wb") as raw, io.TextIOWrapper(raw, "utf-8", newline="") as out:
            yield out
        return
    with path.open("w", encoding="utf-8", newline="") as out:
        yield out
