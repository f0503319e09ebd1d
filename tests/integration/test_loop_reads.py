"""The execution loop's reader against the real Neo4j: the same records as the blocking
graph, sessions kept and dropped as they should be, errors named as Graph names them."""

from __future__ import annotations

import asyncio
from dataclasses import replace

import pytest
from neo4j.exceptions import CypherSyntaxError

from matchmaker.adapters.graph import Graph
from matchmaker.adapters.loop_reads import LoopReader, open_loop_reader
from matchmaker.adapters.neo4j_local import LocalNeo4j
from matchmaker.config import Settings
from matchmaker.errors import Neo4jUnavailable

PEOPLE = """UNWIND $names AS name CREATE (:Member {id: name, name: name, tags: ['a', 'b']})"""
SLOW = "UNWIND range(1, 200000000) AS x RETURN count(x) AS n"


def _reader(graph: Graph, settings: Settings, uri: str) -> LoopReader:
    return open_loop_reader(uri, settings.neo4j, graph)


async def _closing(reader: LoopReader, work: object) -> object:
    try:
        return await work  # type: ignore[misc]
    finally:
        await reader.close()


def test_reads_the_records_the_blocking_graph_reads(
    graph: Graph, settings: Settings, neo4j_server: LocalNeo4j
) -> None:
    graph.write(PEOPLE, names=["ada", "bea", "cy"])
    query = "MATCH (m:Member) WITH m ORDER BY m.id RETURN m AS node, m.tags AS tags, m.id AS id"
    reader = _reader(graph, settings, neo4j_server.uri)
    before = graph.queries_sent

    async def both() -> list[object]:
        return [await reader.read(query), await reader.read(query), await reader.read(query)]

    found = asyncio.run(_closing(reader, both()))
    assert found == [graph.read(query)] * 3
    assert graph.queries_sent == before + 4  # three through the reader, one here
    assert reader.sessions_opened == 1  # one after another: one session, kept


def test_reads_side_by_side_each_get_a_session(
    graph: Graph, settings: Settings, neo4j_server: LocalNeo4j
) -> None:
    graph.write(PEOPLE, names=["ada", "bea"])
    reader = _reader(graph, settings, neo4j_server.uri)

    async def together() -> list[object]:
        first = await asyncio.gather(*(reader.read("MATCH (m:Member) RETURN count(m) AS n")
                                       for _ in range(3)))  # fmt: skip
        again = await reader.read("MATCH (m:Member) RETURN count(m) AS n")
        return [*first, again]

    found = asyncio.run(_closing(reader, together()))
    assert found == [[{"n": 2}]] * 4
    assert reader.sessions_opened == 3  # the fourth read reused one of them


def test_a_cancelled_read_drops_its_session_and_the_next_read_works(
    graph: Graph, settings: Settings, neo4j_server: LocalNeo4j
) -> None:
    reader = _reader(graph, settings, neo4j_server.uri)

    async def cancel_then_read() -> object:
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(reader.read(SLOW), 0.3)
        assert reader._idle == []  # the cancelled session was not kept
        return await reader.read("RETURN 1 AS one")

    assert asyncio.run(_closing(reader, cancel_then_read())) == [{"one": 1}]
    assert reader.sessions_opened == 2


def test_a_query_error_is_not_called_unavailable(
    graph: Graph, settings: Settings, neo4j_server: LocalNeo4j
) -> None:
    reader = _reader(graph, settings, neo4j_server.uri)
    with pytest.raises(CypherSyntaxError):
        asyncio.run(_closing(reader, reader.read("MATCH (m RETURN m")))


def test_no_server_is_unavailable_after_the_retries(graph: Graph, settings: Settings) -> None:
    nowhere = replace(settings.neo4j, uri="bolt://127.0.0.1:9")
    reader = open_loop_reader(nowhere.uri, nowhere, graph)
    with pytest.raises(Neo4jUnavailable, match="not reachable"):
        asyncio.run(_closing(reader, reader.read("RETURN 1 AS one")))
