"""Vector search, stored vectors and members' evidence on the real Neo4j and the real model."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
import pytest

from embeddings import Embedder
from embeddings.sentence import SentenceTransformerEmbedder
from graph_schema import model as m
from matchmaker.adapters.graph import Graph
from matchmaker.adapters.vectors import member_evidence, nearest, vectors_of
from matchmaker.errors import InvalidInput
from matchmaker.services.embedding import embed_stale

OUTPUTS = {
    "o-mri": ("MRI safety for patients with cardiac implants", "RF heating near pacemaker leads."),
    "o-rt": ("Proton therapy dosimetry", "Range uncertainty in proton beams for paediatrics."),
    "o-us": ("Liver elastography", "Shear wave ultrasound imaging of fibrosis in children."),
}
AUTHORS = {"m-1": ("o-mri", "o-us"), "m-2": ("o-rt",), "m-3": ()}
STATEMENTS = {"m-1": "I lead MRI safety audits.", "m-2": "", "m-3": "I build linac QA tools."}


def create_graph(graph: Graph) -> None:
    outputs = [{"id": i, "title": t, "abstract": a} for i, (t, a) in OUTPUTS.items()]
    members = [
        {"id": i, "statement": STATEMENTS[i], "outputs": list(o)} for i, o in AUTHORS.items()
    ]
    graph.write(
        f"UNWIND $outputs AS r CREATE (:{m.OUTPUT} {{id: r.id, title: r.title, "
        "abstract: r.abstract, year: 2024})",
        outputs=outputs,
    )
    graph.write(
        f"UNWIND $members AS r CREATE (mem:{m.MEMBER} {{id: r.id}}) "
        "SET mem.expertise_statement = r.statement "
        f"WITH mem, r UNWIND r.outputs AS oid MATCH (o:{m.OUTPUT} {{id: oid}}) "
        f"CREATE (mem)-[:{m.AUTHORED}]->(o)",
        members=members,
    )


@pytest.fixture
def embedded(graph: Graph, embedder: Embedder) -> Graph:
    create_graph(graph)
    embed_stale(graph, embedder)
    return graph


def test_nearest_finds_the_output_on_the_same_topic(embedded: Graph, embedder: Embedder) -> None:
    query = embedder.encode(["pacemaker heating during magnetic resonance scans"])[0]

    hits = nearest(embedded, m.OUTPUT, query, k=3)

    assert len(hits) == 3
    assert hits[0][0] == "o-mri"
    scores = [score for _, score in hits]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 <= s <= 1.0 for s in scores)


def test_nearest_to_a_stored_vector_is_that_node(embedded: Graph) -> None:
    vector = vectors_of(embedded, m.MEMBER, ["m-3"])["m-3"]

    (node_id, score), *_ = nearest(embedded, m.MEMBER, vector, k=1)

    assert node_id == "m-3"
    assert score == pytest.approx(1.0, abs=1e-4)


def test_nearest_refuses_a_vector_of_another_dimension(embedded: Graph) -> None:
    with pytest.raises(InvalidInput, match="vector"):
        nearest(embedded, m.OUTPUT, np.ones(3, dtype=np.float32), k=1)


def test_vectors_of_returns_unit_vectors_and_leaves_out_the_unembedded(
    embedded: Graph, embedder: Embedder
) -> None:
    vectors = vectors_of(embedded, m.MEMBER, ["m-1", "m-2", "nobody"])

    assert set(vectors) == {"m-1"}
    assert vectors["m-1"].shape == (embedder.dimension,)
    assert vectors["m-1"].dtype == np.float32
    assert float(np.linalg.norm(vectors["m-1"])) == pytest.approx(1.0, abs=1e-5)


def test_member_evidence_keeps_one_vector_per_document(embedded: Graph) -> None:
    evidence = member_evidence(embedded, ["m-1", "m-2", "m-3", "nobody"])

    assert [e.output_id for e in evidence["m-1"]] == ["o-mri", "o-us", "statement:m-1"]
    assert [e.output_id for e in evidence["m-2"]] == ["o-rt"]
    assert [e.output_id for e in evidence["m-3"]] == ["statement:m-3"]
    assert evidence["nobody"] == []
    outputs = vectors_of(embedded, m.OUTPUT, OUTPUTS)
    statement = vectors_of(embedded, m.MEMBER, ["m-1"])["m-1"]
    mri, us, own = evidence["m-1"]
    np.testing.assert_allclose(mri.vector, outputs["o-mri"], rtol=1e-6)
    np.testing.assert_allclose(us.vector, outputs["o-us"], rtol=1e-6)
    np.testing.assert_allclose(own.vector, statement, rtol=1e-6)
    assert (mri.title, mri.year, mri.member_id) == (OUTPUTS["o-mri"][0], 2024, "m-1")
    assert own.text == STATEMENTS["m-1"]


def test_member_evidence_not_yet_embedded_is_left_out_unless_asked(
    embedded: Graph,
) -> None:
    embedded.write(
        f"MATCH (mem:{m.MEMBER} {{id: 'm-2'}}) "
        f"CREATE (mem)-[:{m.AUTHORED}]->(:{m.OUTPUT} {{id: 'o-new', title: 'New work'}})"
    )

    assert [e.output_id for e in member_evidence(embedded, ["m-2"])["m-2"]] == ["o-rt"]
    everything = member_evidence(embedded, ["m-2"], embedded_only=False)["m-2"]
    assert [(e.output_id, len(e.vector)) for e in everything] == [("o-new", 0), ("o-rt", 384)]


@contextmanager
def _threads_seen(embedder: Embedder) -> Iterator[list[int]]:
    """Torch's thread count at each call into the model, while the block runs."""
    import torch

    from embeddings.sentence import SentenceTransformerEmbedder

    assert isinstance(embedder, SentenceTransformerEmbedder)
    seen: list[int] = []
    model = embedder.sentence_transformer
    original = model.encode

    def spy(*args: object, **kwargs: object) -> object:
        seen.append(torch.get_num_threads())
        return original(*args, **kwargs)

    model.encode = spy
    try:
        yield seen
    finally:
        model.encode = original


def test_the_query_embedder_runs_on_one_thread_and_gives_the_same_vectors(
    embedder: SentenceTransformerEmbedder,
) -> None:
    import torch

    texts = ["MRI safety of implanted devices", "proton therapy"]
    wide = torch.get_num_threads()
    with _threads_seen(embedder) as seen:
        narrow = embedder.with_threads(1).encode(texts)
        embedder.encode(texts)
    assert seen == [1, wide]
    assert torch.get_num_threads() == wide  # put back after the call
    assert np.allclose(narrow, embedder.encode(texts), atol=1e-6)


def test_a_query_encoded_alone_uses_more_threads_and_one_beside_others_fewer(
    embedder: SentenceTransformerEmbedder,
) -> None:
    import torch

    from embeddings.sentence import torch_threads

    texts = ["ultrasound elastography of the liver"]
    before = torch.get_num_threads()
    adaptive = embedder.with_threads(1, alone=2)
    with _threads_seen(embedder) as seen:
        alone = adaptive.encode(texts)
        with torch_threads(3):  # another encode is running: the fewest asked for wins
            beside = adaptive.encode(texts)
            inside = torch.get_num_threads()
    assert seen == [2, 1]
    assert inside == 3  # the other one's count is back once this encode is done
    assert torch.get_num_threads() == before
    assert np.allclose(alone, beside, atol=1e-6)


def test_torch_threads_gives_every_running_call_the_fewest_asked_for() -> None:
    import torch

    from embeddings.sentence import torch_threads

    before = torch.get_num_threads()
    with torch_threads(2):
        assert torch.get_num_threads() == 2
        with torch_threads(4, alone=4):  # not alone: asks 4, the other asked 2
            assert torch.get_num_threads() == 2
            with torch_threads(1):
                assert torch.get_num_threads() == 1
            assert torch.get_num_threads() == 2
    assert torch.get_num_threads() == before
