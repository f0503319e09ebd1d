"""The local Neo4j keeps its data across restarts, and /healthz and the API follow its state."""

from __future__ import annotations

from starlette.testclient import TestClient

from matchmaker.adapters.graph import Graph
from matchmaker.adapters.neo4j_local import LocalNeo4j
from matchmaker.app import create_app
from matchmaker.bootstrap import Runtime

CALLS = "{ calls(first: 5) { edges { node { id } } } }"


def test_data_survives_a_restart_and_healthz_follows(
    graph: Graph, neo4j_server: LocalNeo4j, runtime: Runtime
) -> None:
    graph.write("CREATE (:Member {id: 'survivor', name: 'Ada Example'})")
    app = create_app(runtime.settings, runtime_factory=lambda _: runtime)
    with TestClient(app) as client:
        healthy = client.get("/healthz")
        assert healthy.status_code == 200
        assert healthy.json()["nodes"]["Member"] == 1

        assert client.post("/graphql", json={"query": CALLS}).status_code == 200

        neo4j_server.stop()
        down = client.get("/healthz")
        assert down.status_code == 503
        assert down.json()["neo4j"] == "down"
        refused = client.post("/graphql", json={"query": CALLS})
        assert refused.status_code == 503
        assert refused.json()["errors"][0]["extensions"]["code"] == "UNAVAILABLE"

        neo4j_server.start()
        back = client.get("/healthz")
        assert back.status_code == 200
        assert back.json()["schema_version"] >= 4
        # The execution loop's reader finds the restarted server by itself.
        again = client.post("/graphql", json={"query": CALLS})
        assert again.status_code == 200
        assert again.json()["data"]["calls"]["edges"] == []

    rows = graph.read("MATCH (m:Member {id: 'survivor'}) RETURN m.name AS name")
    assert rows == [{"name": "Ada Example"}]
