"""Derived edges: COLLABORATED_WITH from co-authored outputs (one edge per pair, lower id
first), SAME_AS between a partner and an organisation of the same name."""

from __future__ import annotations

from pathlib import Path

from matchmaker.adapters.graph import Graph
from matchmaker.adapters.import_store import GraphImportStore
from matchmaker.services.importing import import_file, import_files
from tests.integration.import_helpers import EXAMPLES, example_sources

EDGES = (
    "MATCH (a:Member)-[r:COLLABORATED_WITH]->(b:Member) "
    "RETURN a.id AS a, b.id AS b, r.count AS count, r.since AS since ORDER BY a, b"
)


def _edges(graph: Graph) -> list[tuple[str, str, int, int]]:
    return [(r["a"], r["b"], r["count"], r["since"]) for r in graph.read(EDGES)]


def test_co_authors_are_linked_once_per_pair(graph: Graph) -> None:
    import_files(GraphImportStore(graph), example_sources())
    assert _edges(graph) == [
        ("mem-0001", "mem-0002", 2, 2023),
        ("mem-0001", "mem-0004", 1, 2024),
        ("mem-0002", "mem-0004", 1, 2024),
    ]


def test_changing_authors_rederives_the_pairs(graph: Graph, tmp_path: Path) -> None:
    store = GraphImportStore(graph)
    import_files(store, example_sources())
    text = (EXAMPLES / "outputs.csv").read_text(encoding="utf-8")
    changed = tmp_path / "outputs.csv"
    changed.write_text(
        text.replace("mem-0002;mem-0001;mem-0004", "mem-0002;mem-0001").replace(
            ",mem-0003,", ",mem-0003;mem-0004,"
        ),
        encoding="utf-8",
    )
    report = import_file(store, "outputs", changed)
    assert (report.total("updated"), report.total("unchanged")) == (2, 1)
    assert _edges(graph) == [
        ("mem-0001", "mem-0002", 2, 2023),
        ("mem-0003", "mem-0004", 1, 2022),
    ]
    order = graph.read(
        "MATCH (o:Output {id: 'out-0002'})<-[r:AUTHORED]-(m) RETURN m.id AS id ORDER BY r.position"
    )
    assert [r["id"] for r in order] == ["mem-0002", "mem-0001"]


SAME_AS = "MATCH (p:Partner)-[:SAME_AS]->(o:Organisation) RETURN p.id AS p, o.id AS o ORDER BY p"


def test_partners_and_organisations_of_one_name_are_the_same_body(
    graph: Graph, tmp_path: Path
) -> None:
    store = GraphImportStore(graph)
    import_files(store, example_sources())
    assert graph.read(SAME_AS) == [
        {"p": "ptn-lumen", "o": "org-lumen-imaging"},
        {"p": "ptn-severn", "o": "org-severn-uni"},
    ]
    renamed = tmp_path / "partners.csv"
    text = (EXAMPLES / "partners.csv").read_text(encoding="utf-8")
    renamed.write_text(text.replace("ptn-lumen,Lumen Imaging Ltd", "ptn-lumen,Lumen Scan"), "utf-8")
    import_file(store, "partners", renamed)
    assert graph.read(SAME_AS) == [{"p": "ptn-severn", "o": "org-severn-uni"}]
    organisations = tmp_path / "organisations.csv"
    text = (EXAMPLES / "organisations.csv").read_text(encoding="utf-8")
    organisations.write_text(text.replace("Lumen Imaging Ltd", "  lumen scan "), "utf-8")
    import_file(store, "organisations", organisations)
    assert graph.read(SAME_AS) == [
        {"p": "ptn-lumen", "o": "org-lumen-imaging"},
        {"p": "ptn-severn", "o": "org-severn-uni"},
    ]
