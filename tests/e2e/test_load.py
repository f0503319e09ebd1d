"""A short burst of concurrent mixed traffic: no server error, no lost write.

The full 64-client, 60-second run is `make soak`; this one keeps the test command quick.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from bench.load import format_summary, lost_writes, run_load
from matchmaker.adapters.graph import Graph, open_driver
from matchmaker.adapters.neo4j_local import find_running
from matchmaker.config import Settings
from tests.e2e.conftest import Service


@pytest.fixture
def demo_graph(demo_service: Service) -> Iterator[Graph]:
    settings = Settings.from_env({"MATCHMAKER_NEO4J_DATA": str(demo_service.data_dir)})
    running = find_running(settings.neo4j)
    assert running is not None, "the demo service's Neo4j has no pid file"
    graph = Graph(open_driver(running.uri, settings.neo4j), settings.neo4j.database)
    yield graph
    graph.close()


def test_concurrent_mix_has_no_server_error_and_loses_no_write(
    demo_service: Service, demo_graph: Graph
) -> None:
    result = asyncio.run(run_load(demo_service.url, clients=16, seconds=15, max_requests=5000))
    print(format_summary(result))
    assert result.requests > 50
    assert result.server_errors == 0
    assert result.errors == []
    assert result.submitted, "no idea was acknowledged"
    assert result.interests, "no interest was acknowledged"
    assert lost_writes(demo_graph, result) == []
