"""Who STERIC sees as overloaded: only members over their capacity, not those exactly at it."""

from __future__ import annotations

from embeddings import Embedder
from graph_schema import model as m
from matchmaker.adapters.analytics import overloaded
from matchmaker.adapters.graph import Graph
from tests.integration.builders import build_graph

WINDOW = (0, 50)


def test_a_member_exactly_at_capacity_is_not_overloaded(graph: Graph, embedder: Embedder) -> None:
    build_graph(graph, embedder)  # m-mri-busy sits on 2 active task groups and allows 2
    members, total = overloaded(graph, WINDOW)
    assert "m-mri-busy" not in dict(members)
    assert total == len(members)


def test_a_member_over_capacity_is_overloaded(graph: Graph, embedder: Embedder) -> None:
    build_graph(graph, embedder)
    graph.write(f"MATCH (x:{m.MEMBER} {{id: 'm-mri-busy'}}) SET x.max_groups = 1")
    members, total = overloaded(graph, WINDOW)
    assert dict(members)["m-mri-busy"] == 2
    assert total >= 1
