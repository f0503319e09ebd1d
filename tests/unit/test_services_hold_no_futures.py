"""Services call and wait: the reads that overlap do so inside the adapters (for scoring,
adapters.candidate_pool), so no service starts a read it has to collect later."""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
OVERLAPPING = {"alongside", "alongside_both", "submit", "read_all", "read_rows"}


def _offences(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module == "concurrent.futures":
            found.append(f"{path.name}:{node.lineno} imports concurrent.futures")
        if isinstance(node, ast.Import) and any(a.name == "concurrent.futures" for a in node.names):
            found.append(f"{path.name}:{node.lineno} imports concurrent.futures")
        if isinstance(node, ast.Attribute) and node.attr in OVERLAPPING:
            found.append(f"{path.name}:{node.lineno} uses .{node.attr}")
    return found


def test_no_service_starts_a_read_to_collect_later() -> None:
    services = sorted((REPO / "matchmaker" / "services").glob("*.py"))
    assert len(services) > 20
    assert [o for path in services for o in _offences(path)] == []


def test_the_check_sees_an_overlapping_call(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("from concurrent.futures import Future\nx = graph.alongside(a, b)\n")
    assert _offences(sample) == [
        "sample.py:1 imports concurrent.futures",
        "sample.py:2 uses .alongside",
    ]
