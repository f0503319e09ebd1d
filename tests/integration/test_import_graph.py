"""Imports on the real Neo4j: every kind, re-imports, updates in place, all or nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from neo4j import Transaction

from graph_schema.queries import api_writes as w
from matchmaker.adapters.graph import Graph
from matchmaker.adapters.import_store import GraphImportStore, GraphImportWriter, ImportWriteError
from matchmaker.importing.kinds import KindSpec
from matchmaker.importing.problems import ImportRejected
from matchmaker.services.importing import Source, import_file, import_files
from tests.integration.import_helpers import (
    EXAMPLES,
    content,
    example_sources,
    node_count,
    rel_counts,
    snapshot,
)

EXPECTED_RELS = {
    "WORKS_AT": 4, "MEMBER_OF": 6, "ADDRESSES": 15, "PART_OF": 3, "SUBMITTED_BY": 2,
    "RESPONDS_TO": 2, "AUTHORED": 6, "COLLABORATED_WITH": 3, "DECLARED_CONFLICT": 2,
    "BUSINESS": 1, "KNOWLEDGE_BASE": 1, "SUPERVISOR": 1, "SAME_AS": 2,
}  # fmt: skip


def test_the_examples_of_every_kind_import(graph: Graph) -> None:
    report = import_files(GraphImportStore(graph), example_sources())
    assert report.ok, report.errors
    assert report.total("created") == report.total("rows") == 40
    assert node_count(graph) == 6 + 4 + 4 + 5 + 2 + 3 + 2 + 2 + 3 + 1
    assert rel_counts(graph) == EXPECTED_RELS
    kinds = graph.read("MATCH (g:Group:TaskGroup) RETURN g.id AS id")
    assert kinds == [{"id": "grp-ai-qa-tf"}]


def test_importing_the_same_files_again_changes_nothing(graph: Graph) -> None:
    store = GraphImportStore(graph)
    import_files(store, example_sources())
    before = snapshot(graph)
    again = import_files(store, example_sources())
    assert again.ok
    assert (again.total("created"), again.total("updated")) == (0, 0)
    assert again.total("unchanged") == 40
    assert snapshot(graph) == before


def test_a_changed_row_updates_in_place_and_keeps_the_embedding(
    graph: Graph, tmp_path: Path
) -> None:
    store = GraphImportStore(graph)
    import_files(store, example_sources(("organisations", "members")))
    graph.write(
        "MATCH (m:Member {id: 'mem-0002'}) SET m.embedding_hash = 'h1', m.embedding = [1.0]"
    )
    lines = (EXAMPLES / "members.csv").read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace("org-severn-uni", "org-lumen-imaging")
    lines[2] = lines[2].replace("Machine learning pipelines", "Federated learning")
    changed = tmp_path / "members.csv"
    changed.write_text("\n".join(lines) + "\n", encoding="utf-8")

    report = import_file(store, "members", changed)

    assert (report.total("updated"), report.total("unchanged")) == (1, 3)
    row = graph.read(
        "MATCH (m:Member {id: 'mem-0002'})-[:WORKS_AT]->(o) "
        "RETURN collect(o.id) AS orgs, m.expertise_statement AS text, m.embedding_hash AS hash"
    )[0]
    assert row["orgs"] == ["org-lumen-imaging"]
    assert row["text"].startswith("Federated learning")
    assert row["hash"] == "h1"  # left for the embedding pipeline, which sees the text changed
    assert node_count(graph) == 8


def test_a_file_with_bad_rows_writes_nothing(graph: Graph, tmp_path: Path) -> None:
    store = GraphImportStore(graph)
    import_files(store, example_sources(("organisations",)))
    before = snapshot(graph)
    bad = tmp_path / "members.csv"
    good = (EXAMPLES / "members.csv").read_text(encoding="utf-8")
    bad.write_text(
        good
        + "mem-0005,Bad Stage,b@example.org,MRI,junior,London,org-severn-uni,4,2,true,true,false,\n"
        + "mem-0006,No Org,n@example.org,MRI,mid,London,org-nowhere,4,2,true,true,false,\n",
        encoding="utf-8",
    )
    report = import_file(store, "members", bad)
    assert report.errors == [
        "members.csv:6: career_stage: 'junior' is not one of trainee, early, mid, senior, "
        "consultant",
        "members.csv:7: organisation_id: no organisation with id 'org-nowhere' in this import "
        "or the graph",
    ]
    assert snapshot(graph) == before


class _CrashingWriter(GraphImportWriter):
    """Raises once `left` batches have been written, as a crash midway would."""

    def __init__(self, tx: Transaction, left: int) -> None:
        super().__init__(tx)
        self.left = left

    def write(self, spec: KindSpec, records: Sequence[Any], prints: Sequence[str]) -> None:
        if self.left == 0:
            raise RuntimeError("killed midway")
        self.left -= 1
        super().write(spec, records, prints)


class _CrashingStore(GraphImportStore):
    @contextmanager
    def transaction(self) -> Iterator[GraphImportWriter]:
        with super().transaction() as writer:
            yield _CrashingWriter(writer.tx, left=5)


def test_an_import_that_fails_midway_leaves_nothing(graph: Graph) -> None:
    with pytest.raises(RuntimeError, match="killed midway"):
        import_files(_CrashingStore(graph), example_sources(), batch_size=2)
    assert node_count(graph) == 0


def test_a_write_the_database_refuses_rolls_back_every_batch(graph: Graph) -> None:
    store = GraphImportStore(graph)
    import_files(store, example_sources(("themes",)))
    graph.write("CREATE (:Committee {id: 'grp-steric'})")  # a clash only the constraint can see
    before = snapshot(graph)
    with pytest.raises(ImportWriteError, match="refused"):
        import_files(store, example_sources(("groups",)), batch_size=2)
    assert snapshot(graph) == before


def test_cypher_and_html_in_text_are_stored_verbatim(graph: Graph, tmp_path: Path) -> None:
    hostile = "x'}) MATCH (n) DETACH DELETE n //"
    script = "<script>alert('hi')</script> & <b>bold</b>"
    path = tmp_path / "themes.jsonl"
    row = {"id": "t-1", "name": hostile, "kind": "grand_challenge", "description": script}
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    import_files(GraphImportStore(graph), example_sources(("themes",)))
    report = import_file(GraphImportStore(graph), "themes", path)
    assert report.ok, report.errors
    row = graph.read("MATCH (t:Theme {id: 't-1'}) RETURN t.name AS name, t.description AS d")[0]
    assert (row["name"], row["d"]) == (hostile, script)
    assert node_count(graph) == 7


def test_ktp_and_conflict_links_point_at_the_right_nodes(graph: Graph) -> None:
    import_files(GraphImportStore(graph), example_sources())
    rows = graph.read("MATCH (k:KTP)-[r]->(t) RETURN type(r) AS type, t.id AS id ORDER BY type")
    assert [(r["type"], r["id"]) for r in rows] == [
        ("BUSINESS", "ptn-lumen"), ("KNOWLEDGE_BASE", "ptn-severn"), ("SUPERVISOR", "mem-0002"),
    ]  # fmt: skip
    conflicts = graph.read(
        "MATCH (m:Member)-[r:DECLARED_CONFLICT]->(o) "
        "RETURN m.id AS m, labels(o)[0] AS label, o.id AS o, r.reason AS reason ORDER BY m"
    )
    assert [(c["m"], c["label"], c["o"]) for c in conflicts] == [
        ("mem-0001", "Member", "mem-0002"), ("mem-0004", "Partner", "ptn-lumen"),
    ]  # fmt: skip


def test_unknown_kind_sources_are_refused_before_reading(graph: Graph) -> None:
    with pytest.raises(ImportRejected, match="unknown kind"):
        import_files(GraphImportStore(graph), [Source("people", EXAMPLES / "members.csv")])


def test_a_second_import_recognises_the_files_it_imported_last(graph: Graph) -> None:
    store = GraphImportStore(graph)
    import_files(store, example_sources())
    sent = graph.queries_sent
    again = import_files(store, example_sources())
    assert again.total("unchanged") == 40
    # one look at the file last imported for each kind; no file is parsed or read back
    assert graph.queries_sent - sent == len(example_sources())


def test_edits_made_through_the_api_are_undone_by_importing_the_files_again(
    graph: Graph,
) -> None:
    store = GraphImportStore(graph)
    import_files(store, example_sources())
    before = graph.read(PROFILE_AND_ROLE)
    graph.write(w.SET_MEMBER, id="mem-0001", changes={"name": "Edited", "availability_hours": 0})
    graph.write(w.ADD_GROUP_MEMBER, member_id="mem-0001", group_id="grp-rt-sig", role="member")
    graph.write(w.REMOVE_GROUP_MEMBER, member_id="mem-0001", group_id="grp-ai-qa-tf")
    assert graph.read(PROFILE_AND_ROLE) != before
    assert rel_counts(graph)["MEMBER_OF"] == EXPECTED_RELS["MEMBER_OF"] - 1

    again = import_files(store, example_sources())
    assert [again.total(k) for k in ("created", "updated", "unchanged")] == [1, 2, 37]
    assert graph.read(PROFILE_AND_ROLE) == before
    assert rel_counts(graph) == EXPECTED_RELS


def test_rows_written_without_fingerprints_are_stamped_once(graph: Graph) -> None:
    store = GraphImportStore(graph)
    import_files(store, example_sources())
    graph.write("MATCH (n) REMOVE n.import_fingerprint")
    graph.write("MATCH ()-[r]->() REMOVE r.import_fingerprint")
    before = content(graph)
    stamped = import_files(store, example_sources())
    assert (stamped.total("updated"), stamped.total("unchanged")) == (0, 40)
    counted = graph.read(FINGERPRINTED)[0]
    assert counted == {"nodes": 40 - 8, "links": 8}  # 6 memberships and 2 conflicts are links
    assert content(graph) == before


PROFILE_AND_ROLE = (
    "MATCH (m:Member {id: 'mem-0001'})-[r:MEMBER_OF]->(:Group {id: 'grp-rt-sig'}) "
    "RETURN m.name AS name, m.availability_hours AS hours, r.role AS role"
)
FINGERPRINTED = (
    "RETURN COUNT { MATCH (n) WHERE n.import_fingerprint IS NOT NULL } AS nodes, "
    "COUNT { MATCH ()-[r]->() WHERE r.import_fingerprint IS NOT NULL } AS links"
)
