"""The graph view: typed nodes and edges around a node."""

from __future__ import annotations

import strawberry

from matchmaker.adapters.neighbourhood import ViewEdge, ViewNode
from matchmaker.services.graph_view import Neighbourhood as NeighbourhoodRecord


@strawberry.type(description="A node of the graph view.")
class GraphNode:
    id: strawberry.ID
    label: str = strawberry.field(description="Member, Organisation, SIG, CoI, TaskGroup, Idea...")
    name: str
    kind: str = strawberry.field(description="Sector, discipline or kind, when the node has one.")

    @classmethod
    def from_domain(cls, n: ViewNode) -> GraphNode:
        return cls(id=strawberry.ID(n.id), label=n.label, name=n.name, kind=n.kind)


@strawberry.type(description="A relationship of the graph view, from source to target.")
class GraphEdge:
    source: strawberry.ID
    target: strawberry.ID
    type: str

    @classmethod
    def from_domain(cls, e: ViewEdge) -> GraphEdge:
        return cls(source=strawberry.ID(e.source), target=strawberry.ID(e.target), type=e.type)


@strawberry.type(description="A node and what lies within a few hops of it, as you may see it.")
class Neighbourhood:
    centre: GraphNode
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    truncated: bool = strawberry.field(description="True when the view was cut at 200 nodes.")

    @classmethod
    def from_domain(cls, r: NeighbourhoodRecord) -> Neighbourhood:
        return cls(
            centre=GraphNode.from_domain(r.centre),
            nodes=[GraphNode.from_domain(n) for n in r.nodes],
            edges=[GraphEdge.from_domain(e) for e in r.edges],
            truncated=r.truncated,
        )
