"""Shared helpers for the import tests: the example files and counts of what the graph holds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from matchmaker.adapters.graph import Graph
from matchmaker.importing.kinds import IMPORT_ORDER
from matchmaker.services.importing import Source

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"

NODES = "MATCH (n) WHERE NOT (n:SchemaMigration OR n:ImportFile) RETURN count(n) AS count"
RELS = "MATCH ()-[r]->() RETURN type(r) AS type, count(r) AS count"
SNAPSHOT = """
MATCH (n) WHERE NOT (n:SchemaMigration OR n:ImportFile)
RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props,
       COLLECT { MATCH (n)-[r]->(t) RETURN [elementId(r), type(r), elementId(t), properties(r)]
                 ORDER BY elementId(r) } AS out
ORDER BY id
"""


def example_sources(kinds: tuple[str, ...] = IMPORT_ORDER) -> list[Source]:
    return [Source(kind, EXAMPLES / f"{kind}.csv") for kind in kinds]


def node_count(graph: Graph) -> int:
    return int(graph.read(NODES)[0]["count"])


def rel_counts(graph: Graph) -> dict[str, int]:
    return {row["type"]: int(row["count"]) for row in graph.read(RELS)}


def snapshot(graph: Graph) -> list[dict[str, object]]:
    """Every node with its properties and outgoing relationships, element ids included."""
    return graph.read(SNAPSHOT)


def content(graph: Graph) -> list[dict[str, Any]]:
    """The snapshot without import fingerprints: what the records say, not which file said it."""

    def bare(props: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in props.items() if k != "import_fingerprint"}

    return [
        {
            **node,
            "props": bare(node["props"]),
            "out": [[rid, kind, to, bare(props)] for rid, kind, to, props in node["out"]],
        }
        for node in graph.read(SNAPSHOT)
    ]
