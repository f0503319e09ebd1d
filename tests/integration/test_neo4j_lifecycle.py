"""The local Neo4j keeps its data across restarts, and /healthz follows its state."""

from __future__ import annotations

from starlette.testclient import TestClient

from matchmaker.adapters.graph import Graph
from matchmaker.adapters.neo4j_local import LocalNeo4j
from matchmaker.app import create_app
from matchmaker.bootstrap import Runtime


def test_data_survives_a_restart_and_healthz_follows(
    graph: Graph, neo4j_server: LocalNeo4j, runtime: Runtime
) -> None:
    graph.write("CREATE (:Member {id: 'survivor', name: 'Ada Example'})")
    app = create_app(runtime.settings, runtime_factory=lambda _: runtime)
    with TestClient(app) as client:
        healthy = client.get("/healthz")
        assert healthy.status_code == 200
        assert healthy.json()["nodes"]["Member"] == 1

        neo4j_server.stop()
        down = client.get("/healthz")
        assert down.status_code == 503
        assert down.json()["neo4j"] == "down"

        neo4j_server.start()
        back = client.get("/healthz")
        assert back.status_code == 200
        assert back.json()["schema_version"] >= 4

    rows = graph.read("MATCH (m:Member {id: 'survivor'}) RETURN m.name AS name")
    assert rows == [{"name": "Ada Example"}]
