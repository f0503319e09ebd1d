"""All Cypher lives in graph_schema/: no string in the service, the embeddings or the
benchmarks reads like a query."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHECKED = ("matchmaker", "embeddings", "bench")
QUERY = re.compile(
    r"^\s*(?:OPTIONAL\s+)?(?:MATCH|MERGE|UNWIND|CREATE)\s*\(|^\s*RETURN\s+\S|"
    r"\bDETACH\s+DELETE\b|^\s*CALL\s*(?:\(|\{|db\.|apoc\.)",
    re.MULTILINE,
)


def queries_in(source: str) -> list[int]:
    """Line numbers of the string literals in `source` that read like Cypher."""
    return [
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and QUERY.search(node.value)
    ]


def test_the_check_finds_a_query_and_leaves_prose_alone() -> None:
    assert queries_in('Q = "MATCH (n:Member) RETURN n"\n') == [1]
    assert queries_in('x = 1\nsession.run("RETURN 1")\n') == [2]
    assert queries_in('W = "CALL (n) { DETACH DELETE n } IN TRANSACTIONS"\n') == [1]
    assert queries_in('"""Match members to calls; return the best."""\nlog.info("created")\n') == []


def test_no_cypher_outside_graph_schema() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line}"
        for folder in CHECKED
        for path in sorted((ROOT / folder).rglob("*.py"))
        for line in queries_in(path.read_text(encoding="utf-8"))
    ]
    assert found == [], "Cypher belongs in graph_schema/queries: " + ", ".join(found)
