"""The committed demo dataset loads completely through the import path, once."""

from __future__ import annotations

from dataclasses import replace

from embeddings.hashing import HashingEmbedder
from matchmaker.adapters.graph import Graph
from matchmaker.adapters.import_store import GraphImportStore
from matchmaker.bootstrap import Runtime
from matchmaker.demo.dataset import load_dataset
from matchmaker.services.demo import KTP_RULES, ensure_demo_loaded
from matchmaker.services.importing import import_files
from tests.integration.import_helpers import example_sources, node_count, rel_counts

LABELS = {
    "themes": "Theme", "organisations": "Organisation", "members": "Member", "groups": "Group",
    "networks": "Network", "partners": "Partner", "calls": "Call", "ideas": "Idea",
    "outputs": "Output", "ktps": "KTP",
}  # fmt: skip
COUNTS = """
MATCH (n) WHERE NOT n:SchemaMigration
UNWIND labels(n) AS label
RETURN label, count(*) AS count, count(n.embedding) AS embedded
"""


def _by_label(graph: Graph) -> dict[str, tuple[int, int]]:
    return {r["label"]: (r["count"], r["embedded"]) for r in graph.read(COUNTS)}


def test_the_demo_loads_completely_and_is_embedded_once(runtime: Runtime) -> None:
    fast = replace(runtime, embedder=HashingEmbedder(runtime.embedder.dimension))
    sizes = load_dataset().sizes()

    ensure_demo_loaded(fast)

    counts = _by_label(runtime.graph)
    assert {kind: counts[label][0] for kind, label in LABELS.items()} == {
        kind: sizes[kind] for kind in LABELS
    }
    assert counts["KtpRule"][0] == len(KTP_RULES)
    assert counts["Output"][1] == sizes["outputs"]  # every output embedded
    rels = rel_counts(runtime.graph)
    assert rels["MEMBER_OF"] == sizes["memberships"]
    assert rels["DECLARED_CONFLICT"] == sizes["conflicts"]
    assert rels["COLLABORATED_WITH"] > 0

    sent = runtime.graph.queries_sent
    ensure_demo_loaded(fast)
    assert runtime.graph.queries_sent == sent + 1  # one count of members, nothing else


def test_the_demo_is_not_loaded_into_a_graph_with_members(runtime: Runtime) -> None:
    import_files(GraphImportStore(runtime.graph), example_sources())
    before = node_count(runtime.graph)
    ensure_demo_loaded(runtime)
    assert node_count(runtime.graph) == before
