"""Use case: write every record of one kind in an import format, so it imports back unchanged."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

from matchmaker.importing.kinds import KINDS, KindSpec
from matchmaker.importing.lines import Format, format_of
from matchmaker.importing.problems import FileProblem
from matchmaker.importing.writers import open_output, write_records


class ExportSource(Protocol):
    def records(self, spec: KindSpec) -> Iterator[Any]: ...


def export_kind(
    source: ExportSource, kind: str, out: Path | None = None, fmt: Format | None = None
) -> int:
    """Write `kind` to `out` (stdout when None) and return the number of records.

    The format is `fmt`, else the one `out`'s name ends in, else JSON Lines. Raises
    ExportError for a value the format cannot hold, Neo4jUnavailable when the graph is away.
    """
    spec = KINDS[kind]
    chosen = fmt or _format_of(out)
    with open_output(out) as stream:
        return write_records(spec, source.records(spec), stream, chosen)


def _format_of(out: Path | None) -> Format:
    if out is None:
        return Format.JSONL
    try:
        return format_of(out)
    except FileProblem:
        return Format.JSONL
