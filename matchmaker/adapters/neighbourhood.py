"""Reads for the graph view: a start node and its visible neighbours, one hop at a time."""

from __future__ import annotations

from dataclasses import dataclass

from graph_schema.queries import api_graph as q
from matchmaker.adapters.graph import Graph, Record
from matchmaker.adapters.reads import audience
from matchmaker.auth.roles import Viewer


@dataclass(frozen=True)
class ViewNode:
    eid: str  # the database's element id, to expand from; never shown to callers
    id: str
    label: str
    name: str
    kind: str


@dataclass(frozen=True)
class ViewEdge:
    source: str
    target: str
    type: str


def _node(row: Record) -> ViewNode:
    return ViewNode(*(str(row[k] or "") for k in ("eid", "id", "label", "name", "kind")))


def start_node(graph: Graph, node_id: str, viewer: Viewer) -> ViewNode | None:
    """The visible node with that id, or None; raises Neo4jUnavailable."""
    rows = graph.read(q.START, id=node_id, **audience(viewer))
    return _node(rows[0]["node"]) if rows else None


def expand(
    graph: Graph, frontier: list[str], viewer: Viewer, limit: int
) -> list[tuple[ViewEdge, ViewNode]]:
    """Edges from the frontier (element ids) to visible nodes, at most `limit` of them."""
    rows = graph.read(q.EXPAND, frontier=frontier, limit=limit, **audience(viewer))
    return [(ViewEdge(r["source"], r["target"], r["type"]), _node(r["node"])) for r in rows]
