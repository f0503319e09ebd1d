"""Export round trips: import -> export -> import changes nothing and gives back the input."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from matchmaker.adapters.export_store import GraphExportSource
from matchmaker.adapters.graph import Graph
from matchmaker.adapters.import_store import GraphImportStore
from matchmaker.importing.convert import convert
from matchmaker.importing.kinds import IMPORT_ORDER, KINDS
from matchmaker.importing.lines import Format
from matchmaker.importing.plain import comparable
from matchmaker.importing.readers import RawRow, read_rows
from matchmaker.services.exporting import export_kind
from matchmaker.services.importing import Source, import_files
from tests.integration.import_helpers import EXAMPLES, content, example_sources


def _normalised(kind: str, path: Path) -> list[dict[str, Any]]:
    spec = KINDS[kind]
    rows = []
    for item in read_rows(path, spec):
        assert isinstance(item, RawRow), item
        record, problems = convert(spec, item, path.name)
        assert not problems
        rows.append(comparable(spec, record))
    return sorted(rows, key=lambda r: [str(r[k]) for k in spec.key])


@pytest.mark.parametrize("fmt", [Format.CSV, Format.JSONL])
def test_export_then_import_gives_back_the_input(graph: Graph, tmp_path: Path, fmt: Format) -> None:
    store = GraphImportStore(graph)
    assert import_files(store, example_sources()).ok
    before = content(graph)
    suffix = ".csv" if fmt is Format.CSV else ".jsonl.gz"
    exported = [Source(kind, tmp_path / f"{kind}{suffix}") for kind in IMPORT_ORDER]
    for source in exported:
        export_kind(GraphExportSource(graph, page=2), source.kind, source.path, fmt)
        assert _normalised(source.kind, source.path) == _normalised(
            source.kind, EXAMPLES / f"{source.kind}.csv"
        )
    again = import_files(store, exported)
    assert again.ok, again.errors
    assert again.total("unchanged") == again.total("rows") == 40
    assert content(graph) == before  # equal rows from another file only get its fingerprint


def test_export_of_an_empty_graph_is_a_header_only(graph: Graph, tmp_path: Path) -> None:
    out = tmp_path / "members.csv"
    assert export_kind(GraphExportSource(graph), "members", out) == 0
    assert out.read_text(encoding="utf-8").startswith("id,name,email,")
