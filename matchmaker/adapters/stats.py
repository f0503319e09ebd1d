"""Reads the counts that show what the graph holds."""

from __future__ import annotations

from dataclasses import dataclass

from graph_schema.queries import stats as q
from matchmaker.adapters.graph import Graph


@dataclass(frozen=True)
class GraphStats:
    nodes: dict[str, int]
    relationships: int
    embedded: dict[str, tuple[int, int]]  # label -> (embedded, total)


def read_node_counts(graph: Graph) -> dict[str, int]:
    """Nodes by label, from Neo4j's count store (cheap enough for every /healthz probe);
    raises Neo4jUnavailable."""
    return {r["label"]: int(r["count"]) for r in graph.read(q.COUNTS_BY_LABEL)}


def read_stats(graph: Graph) -> GraphStats:
    """Counts by label, relationships and embedding coverage; raises Neo4jUnavailable."""
    nodes = read_node_counts(graph)
    rels = int(graph.read(q.RELATIONSHIP_COUNT)[0]["count"])
    embedded = {
        r["label"]: (int(r["embedded"]), int(r["total"])) for r in graph.read(q.EMBEDDING_COVERAGE)
    }
    return GraphStats(nodes, rels, embedded)
