"""Independent reads of one request run side by side on the graph's I/O threads."""

from __future__ import annotations

import threading

import pytest

from matchmaker.adapters.graph import Graph

SLOW = "UNWIND range(1, $n) AS i WITH i WHERE i % 7 = 0 RETURN count(*) AS c, $tag AS tag"


def test_read_all_returns_each_querys_records_in_the_order_given(graph: Graph) -> None:
    sent = graph.queries_sent
    results = graph.read_all(
        (SLOW, {"n": 70_000, "tag": "a"}),
        ("RETURN $x AS x", {"x": 2}),
        (SLOW, {"n": 7, "tag": "c"}),
    )
    assert results == [[{"c": 10_000, "tag": "a"}], [{"x": 2}], [{"c": 1, "tag": "c"}]]
    assert graph.queries_sent == sent + 3


def test_a_failing_read_fails_the_whole_call(graph: Graph) -> None:
    with pytest.raises(Exception, match="Variable `nothing` not defined"):
        graph.read_all(("RETURN 1 AS x", {}), ("RETURN nothing AS x", {}))


def test_work_started_from_an_io_thread_runs_at_once_instead_of_waiting_on_the_pool(
    graph: Graph,
) -> None:
    def nested() -> list[str]:
        inner = [graph.submit(threading.current_thread).result() for _ in range(Graph.IO_THREADS)]
        return sorted({t.name for t in inner})

    names = graph.submit(nested).result(timeout=10)
    assert len(names) == 1
    assert names[0].startswith("graph-io")


def test_reads_decode_nodes_relationships_and_times_as_the_driver_does(graph: Graph) -> None:
    query = (
        "CREATE (a:DecodeProbe {name: 'a', at: datetime('2026-12-07T14:00:00Z')})"
        "-[r:PROBES {w: 2}]->(b:DecodeProbe {name: 'b'}) "
        "RETURN a, r, [a, {m: b}] AS nested, a.at AS at, [1, 2.5, null, 'x'] AS scalars"
    )
    with graph.session() as session:
        expected = [record.data() for record in session.run(query)]
    found = graph.write(query)
    graph.write("MATCH (n:DecodeProbe) DETACH DELETE n")
    assert len(found) == 1
    assert found == expected
    assert found[0]["r"] == ({"name": "a", "at": found[0]["at"]}, "PROBES", {"name": "b"})
    assert found[0]["nested"][1] == {"m": {"name": "b"}}
