"""On the real database, a fault in a query or the data is reported as itself, not as an outage."""

from __future__ import annotations

import socket

import pytest
from neo4j.exceptions import ConstraintError, CypherSyntaxError

from graph_schema import model as m
from matchmaker.adapters.graph import Graph, open_driver
from matchmaker.config import Settings
from matchmaker.errors import Neo4jUnavailable


def test_a_syntax_error_surfaces_as_itself(graph: Graph) -> None:
    with pytest.raises(CypherSyntaxError):
        graph.read("MATC (n) RETURN n")
    assert graph.ping() is True


def test_a_broken_constraint_surfaces_as_itself(graph: Graph) -> None:
    graph.write(f"CREATE (:{m.MEMBER} {{id: 'twice'}})")
    with pytest.raises(ConstraintError):
        graph.write(f"CREATE (:{m.MEMBER} {{id: 'twice'}})")


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_no_server_at_the_address_is_unavailable(settings: Settings) -> None:
    graph = Graph(open_driver(f"bolt://127.0.0.1:{_closed_port()}", settings.neo4j), "neo4j")
    try:
        with pytest.raises(Neo4jUnavailable, match="not reachable"):
            graph.read("RETURN 1")
    finally:
        graph.close()
