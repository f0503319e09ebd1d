"""embed_stale on the real Neo4j with the real model: everything once, then only what changed."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from embeddings import Embedder, Vectors
from embeddings.pipeline import content_hash
from embeddings.texts import node_text
from graph_schema import model as m
from matchmaker.adapters.graph import Graph
from matchmaker.adapters.vectors import vectors_of
from matchmaker.services.embedding import EmbedReport, embed_nodes, embed_stale

OUTPUTS = {
    "o-mri": ("MRI safety for patients with implants", "Heating near leads at 3 tesla."),
    "o-rt": ("Proton therapy dosimetry", "Range uncertainty in proton beams."),
    "o-us": ("Liver elastography", "Shear wave ultrasound in children."),
}
STATEMENTS = {"m-1": "I audit MRI safety.", "m-2": "I commission linacs.", "m-3": ""}


class CountingEmbedder:
    """The real embedder, counting the texts it is asked to encode; optionally renamed."""

    def __init__(self, inner: Embedder, name: str | None = None) -> None:
        self.inner = inner
        self._name = name or inner.name
        self.texts = 0

    @property
    def name(self) -> str:
        return self._name

    @property
    def dimension(self) -> int:
        return self.inner.dimension

    def encode(self, texts: Sequence[str]) -> Vectors:
        self.texts += len(texts)
        return self.inner.encode(texts)


def create_outputs(graph: Graph) -> None:
    rows = [{"id": i, "title": t, "abstract": a} for i, (t, a) in OUTPUTS.items()]
    graph.write(
        f"UNWIND $rows AS r CREATE (o:{m.OUTPUT} {{id: r.id, title: r.title}}) "
        "SET o.abstract = r.abstract",
        rows=rows,
    )


def create_members(graph: Graph) -> None:
    rows = [{"id": i, "statement": s} for i, s in STATEMENTS.items()]
    graph.write(
        f"UNWIND $rows AS r CREATE (:{m.MEMBER} {{id: r.id, expertise_statement: r.statement}})",
        rows=rows,
    )


def create_others(graph: Graph) -> None:
    graph.write(
        f"CREATE (:{m.PARTNER} {{id: 'p-1', name: 'Acme Imaging', description: 'MRI coils.'}}) "
        f"CREATE (:{m.IDEA} {{id: 'i-1', title: 'Gel dosimetry', summary: '3D dose maps.', "
        "required_skills: ['MRI', 'chemistry']}) "
        f"CREATE (:{m.CALL} {{id: 'c-1', title: 'AI in imaging', description: 'Safe AI.'}}) "
        f"CREATE (:{m.GROUP}:{m.SIG} {{id: 'g-1', name: 'MR SIG', description: 'MR physics.'}}) "
        f"CREATE (:{m.GROUP}:{m.COMMITTEE} {{id: 'g-2', name: 'Science board'}})"
    )


@pytest.fixture
def populated(graph: Graph) -> Graph:
    create_outputs(graph)
    create_members(graph)
    create_others(graph)
    return graph


def stored(graph: Graph, label: str) -> dict[str, dict[str, object]]:
    rows = graph.read(
        f"MATCH (n:{label}) RETURN n.id AS id, n {{.*}} AS props ORDER BY id",
    )
    return {r["id"]: r["props"] for r in rows}


def counts(report: EmbedReport, label: str) -> tuple[int, int, int, int, int]:
    r = report.of(label)
    return r.checked, r.embedded, r.unchanged, r.cleared, r.without_text


def test_first_pass_embeds_every_text_with_the_model(populated: Graph, embedder: Embedder) -> None:
    report = embed_stale(populated, embedder, page_size=2)

    assert counts(report, m.OUTPUT) == (3, 3, 0, 0, 0)
    assert counts(report, m.MEMBER) == (3, 2, 0, 0, 1)
    assert counts(report, m.GROUP) == (2, 2, 0, 0, 0)
    assert report.embedded == 3 + 2 + 1 + 1 + 1 + 2
    for label in m.EMBEDDED_LABELS:
        for node_id, props in stored(populated, label).items():
            if node_id == "m-3":
                assert m.EMBEDDING not in props
                continue
            assert len(props[m.EMBEDDING]) == 384, node_id  # type: ignore[arg-type]
            assert props[m.EMBEDDING_MODEL] == embedder.name
            assert props[m.EMBEDDING_HASH] == content_hash(node_text(label, props), embedder.name)


def test_second_pass_embeds_nothing(populated: Graph, embedder: Embedder) -> None:
    embed_stale(populated, embedder)
    counting = CountingEmbedder(embedder)

    again = embed_stale(populated, counting)

    assert again.embedded == 0
    assert counting.texts == 0
    assert counts(again, m.OUTPUT) == (3, 0, 3, 0, 0)
    assert counts(again, m.MEMBER) == (3, 0, 2, 0, 1)


def test_a_changed_abstract_re_embeds_exactly_that_output(
    populated: Graph, embedder: Embedder
) -> None:
    embed_stale(populated, embedder)
    before = vectors_of(populated, m.OUTPUT, OUTPUTS)
    populated.write(
        f"MATCH (o:{m.OUTPUT} {{id: 'o-us'}}) SET o.abstract = 'Doppler flow in the carotid.'"
    )
    counting = CountingEmbedder(embedder)

    report = embed_stale(populated, counting)

    assert counting.texts == 1
    assert report.embedded == 1
    assert counts(report, m.OUTPUT) == (3, 1, 2, 0, 0)
    after = vectors_of(populated, m.OUTPUT, OUTPUTS)
    assert not np.allclose(before["o-us"], after["o-us"])
    np.testing.assert_array_equal(before["o-mri"], after["o-mri"])


def test_white_space_only_edits_are_not_re_embedded(populated: Graph, embedder: Embedder) -> None:
    embed_stale(populated, embedder)
    populated.write(f"MATCH (o:{m.OUTPUT} {{id: 'o-rt'}}) SET o.abstract = o.abstract + '  '")
    counting = CountingEmbedder(embedder)

    assert embed_stale(populated, counting).embedded == 0
    assert counting.texts == 0


def test_a_cleared_statement_removes_the_members_vector(
    populated: Graph, embedder: Embedder
) -> None:
    embed_stale(populated, embedder)
    populated.write(f"MATCH (n:{m.MEMBER} {{id: 'm-2'}}) SET n.expertise_statement = ''")

    report = embed_stale(populated, embedder)

    assert counts(report, m.MEMBER) == (3, 0, 1, 1, 1)
    assert m.EMBEDDING not in stored(populated, m.MEMBER)["m-2"]
    assert m.EMBEDDING_HASH not in stored(populated, m.MEMBER)["m-2"]


def test_another_model_or_force_re_embeds_everything(populated: Graph, embedder: Embedder) -> None:
    first = embed_stale(populated, embedder)
    renamed = CountingEmbedder(embedder, name="another-model")

    assert embed_stale(populated, renamed).embedded == first.embedded
    assert {p[m.EMBEDDING_MODEL] for p in stored(populated, m.OUTPUT).values()} == {"another-model"}
    forced = CountingEmbedder(embedder, name="another-model")
    assert embed_stale(populated, forced, force=True).embedded == first.embedded
    assert forced.texts == first.embedded


def test_an_unknown_label_is_refused(graph: Graph, embedder: Embedder) -> None:
    with pytest.raises(ValueError, match="Theme"):
        embed_stale(graph, embedder, labels=[m.THEME])


def test_embed_nodes_embeds_only_the_nodes_named(graph: Graph, embedder: Embedder) -> None:
    create_outputs(graph)
    counting = CountingEmbedder(embedder)
    embed_nodes(graph, counting, m.OUTPUT, ["o-rt", "o-missing"])
    assert counting.texts == 1
    stored = vectors_of(graph, m.OUTPUT, list(OUTPUTS))
    assert set(stored) == {"o-rt"}
    embed_nodes(graph, counting, m.OUTPUT, ["o-rt"])  # unchanged: not encoded again
    assert counting.texts == 1
