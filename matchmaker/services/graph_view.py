"""Use case: the neighbourhood of a node to a depth, for the graph view, as the viewer sees it.

Nodes are those the viewer may see (the reads' pre-filter, graph_schema.queries.
api_visibility); each relationship is then checked against the privacy policy
(privacy.shows_edge): a declared conflict, an interest in or an invitation to an idea is
shown only to staff and to the person it starts from, and a node reached only through a
relationship the viewer may not see is not reached at all.
"""

from __future__ import annotations

from dataclasses import dataclass

from matchmaker.adapters.graph import Graph
from matchmaker.adapters.neighbourhood import ViewEdge, ViewNode, expand, start_node
from matchmaker.auth.roles import Viewer
from matchmaker.domain.privacy import shows_edge
from matchmaker.errors import NotFound
from matchmaker.services.validation import Checks

MAX_DEPTH = 3
MAX_NODES = 200


@dataclass(frozen=True)
class Neighbourhood:
    centre: ViewNode
    nodes: list[ViewNode]  # the centre first
    edges: list[ViewEdge]
    truncated: bool  # True when MAX_NODES cut the view short


def neighbourhood(graph: Graph, viewer: Viewer, node_id: str, depth: int) -> Neighbourhood:
    """Nodes and edges up to `depth` hops (1-3) away; raises InvalidFields, NotFound."""
    checks = Checks()
    checks.number("depth", depth, 1, MAX_DEPTH)
    checks.ident("id", node_id)
    checks.done()
    centre = start_node(graph, node_id, viewer)
    if centre is None:
        raise NotFound("node", node_id)
    nodes: dict[str, ViewNode] = {centre.eid: centre}
    edges: dict[tuple[str, str, str], ViewEdge] = {}
    frontier, truncated = [centre.eid], False
    for _ in range(depth):
        room = MAX_NODES - len(nodes)
        found = expand(graph, frontier, viewer, room * 4 + 1) if room > 0 and frontier else []
        found = [(e, n) for e, n in found if shows_edge(viewer.looker, e.type, e.source)]
        frontier = _absorb(found, nodes, edges, room)
        truncated = truncated or len(found) > room * 4 or any(n.eid not in nodes for _, n in found)
    return Neighbourhood(centre, list(nodes.values()), list(edges.values()), truncated)


def _absorb(
    found: list[tuple[ViewEdge, ViewNode]],
    nodes: dict[str, ViewNode],
    edges: dict[tuple[str, str, str], ViewEdge],
    room: int,
) -> list[str]:
    """Add new nodes (while there is room) and the edges between kept nodes; the new frontier."""
    fresh: list[str] = []
    for edge, node in found:
        if node.eid not in nodes and len(fresh) < room:
            nodes[node.eid] = node
            fresh.append(node.eid)
        if node.eid in nodes:
            edges[(edge.source, edge.type, edge.target)] = edge
    return fresh
