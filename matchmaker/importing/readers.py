"""Raw rows of an import file: a CSV or JSON Lines file, optionally gzipped, read as a stream.

`read_rows` yields a RawRow per data row, and a Problem for each line it cannot read; it raises
FileProblem when the file cannot be read at all (no header, unknown columns, bad gzip).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from matchmaker.importing.formulas import unguard
from matchmaker.importing.kinds import KindSpec
from matchmaker.importing.lines import Format, Lines, format_of, open_binary
from matchmaker.importing.problems import FileProblem, Problem


@dataclass(frozen=True)
class RawRow:
    line: int  # the line the row starts on
    values: dict[str, Any]  # column or key -> cell text (CSV) or JSON value
    textual: bool  # True for CSV cells, False for typed JSON values


Item = RawRow | Problem


def read_rows(path: Path, spec: KindSpec, source: str | None = None) -> Iterator[Item]:
    """The rows of `path` for `spec`, streamed; raises FileProblem for unreadable files."""
    name = source or path.name
    rows = _csv_rows if format_of(path) is Format.CSV else _jsonl_rows
    with open_binary(path) as stream:
        yield from rows(Lines(stream, name), spec)


def _jsonl_rows(lines: Lines, _: KindSpec) -> Iterator[Item]:
    for text in lines:
        broken = lines.drain()
        yield from broken
        if broken or not text.strip():
            continue
        yield _json_row(lines.source, lines.number, text)


def _json_row(source: str, number: int, text: str) -> Item:
    try:
        data = json.loads(text.rstrip("\r\n"))
    except json.JSONDecodeError as e:
        return Problem(source, number, None, f"not valid JSON: {e.msg} (column {e.colno})")
    except RecursionError:
        return Problem(source, number, None, "not valid JSON: nested too deeply")
    if not isinstance(data, dict):
        return Problem(source, number, None, "expected a JSON object {...} on each line")
    return RawRow(number, data, textual=False)


def _csv_rows(lines: Lines, spec: KindSpec) -> Iterator[Item]:
    reader = csv.reader(lines, strict=True)
    header = _header(lines, reader, spec)
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            yield from lines.drain()
            yield Problem(lines.source, start, None, _csv_reason(e))
            continue
        yield from _csv_row(lines, start, header, cells)


def _csv_row(lines: Lines, start: int, header: list[str], cells: list[str]) -> Iterator[Item]:
    broken = lines.drain()
    yield from broken
    if broken or (len(cells) <= 1 and all(not cell.strip() for cell in cells)):
        return
    if len(cells) != len(header):
        reason = f"expected {len(header)} fields as in the header, found {len(cells)}"
        yield Problem(lines.source, start, None, reason)
        return
    yield RawRow(start, dict(zip(header, map(unguard, cells), strict=True)), textual=True)


def _header(lines: Lines, reader: Any, spec: KindSpec) -> list[str]:
    try:
        first = next(reader, None)
    except csv.Error as e:
        raise _header_problem(lines, _csv_reason(e)) from e
    for problem in lines.drain():
        raise FileProblem(problem)
    if first is None:
        raise FileProblem(Problem(lines.source, None, None, "the file is empty: no header line"))
    names = [cell.strip() for cell in first]
    reason = _header_reason(names, spec)
    if reason:
        raise _header_problem(lines, reason)
    return names


def _header_reason(names: list[str], spec: KindSpec) -> str | None:
    known = ", ".join(spec.names)
    if not set(names) & set(spec.names):
        hint = "; separate the columns with commas" if ";" in ",".join(names) else ""
        return f"no header: the first line must name the columns ({known}){hint}"
    unknown = [n for n in names if n not in spec.names]
    if unknown:
        return f"unknown column(s) {', '.join(map(repr, unknown))}; the columns are {known}"
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        return f"column(s) named twice: {', '.join(twice)}"
    missing = [f.name for f in spec.fields if f.required and f.name not in names]
    if missing:
        return f"missing required column(s): {', '.join(missing)}"
    return None


def _header_problem(lines: Lines, reason: str) -> FileProblem:
    return FileProblem(Problem(lines.source, 1, None, reason))


def _csv_reason(error: csv.Error) -> str:
    message = str(error)
    if "field larger than field limit" in message:
        return f"malformed CSV: a field is longer than {csv.field_size_limit():,} characters"
    return f"malformed CSV: {message}"
