"""One real local Neo4j and one real embedding model for the whole test session.

Each test starts from an empty graph (schema kept); the Neo4j JVM is stopped when the session
ends, and dies with the test process in any case (it watches its stdin).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from embeddings import Embedder
from matchmaker.adapters.graph import Graph, open_driver
from matchmaker.adapters.neo4j_local import LocalNeo4j, free_port
from matchmaker.adapters.schema import migrate
from matchmaker.bootstrap import GraphHandle, Runtime, load_embedder
from matchmaker.config import Settings

WIPE = "MATCH (n) WHERE NOT n:SchemaMigration CALL (n) { DETACH DELETE n } IN TRANSACTIONS"


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    data = tmp_path_factory.mktemp("neo4j") / "data"
    # A random free port, never 7687: test sessions running side by side must not meet.
    return Settings.from_env({"MATCHMAKER_DEMO_SIGN_IN": "true"}).with_neo4j(
        data_dir=data, port=free_port(0), heap="1g"
    )


@pytest.fixture(scope="session")
def neo4j_server(settings: Settings) -> Iterator[LocalNeo4j]:
    server = LocalNeo4j(settings.neo4j)
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def embedder(settings: Settings) -> Embedder:
    return load_embedder(settings)


@pytest.fixture(scope="session")
def session_graph(
    neo4j_server: LocalNeo4j, settings: Settings, embedder: Embedder
) -> Iterator[Graph]:
    graph = Graph(open_driver(neo4j_server.uri, settings.neo4j), settings.neo4j.database)
    migrate(graph, embedder.dimension)
    yield graph
    graph.close()


def _wipe(graph: Graph) -> None:
    with graph.session() as session:
        session.run(WIPE).consume()


@pytest.fixture
def graph(session_graph: Graph) -> Iterator[Graph]:
    """The session's graph, emptied of data before and after the test."""
    _wipe(session_graph)
    yield session_graph
    _wipe(session_graph)


class _SharedHandle(GraphHandle):
    """A handle whose close leaves the session's driver and server running."""

    def close(self) -> None:
        return None


@pytest.fixture
def runtime(
    graph: Graph, settings: Settings, embedder: Embedder, neo4j_server: LocalNeo4j
) -> Runtime:
    shared = replace(settings, neo4j=replace(settings.neo4j, uri=neo4j_server.uri))
    return Runtime(shared, graph, embedder, _SharedHandle(graph, None, neo4j_server.uri))


@pytest.fixture
def repo_root() -> Path:
    return Path(__file__).resolve().parents[2]
