"""The embedding pipeline: order kept through length sorting, hashes, batching and node texts."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from embeddings.hashing import HashingEmbedder
from embeddings.pipeline import (
    EmbeddingShapeError,
    content_hash,
    encode_texts,
    length_sorted_batches,
)
from embeddings.protocol import Vectors
from embeddings.texts import TEXT_BUILDERS, TEXT_PROPERTIES, node_text
from graph_schema import model as m
from tests.unit.embedders import RecordingEmbedder

TEXTS = [
    "a short one",
    "a much longer text about dosimetry in proton therapy and its quality assurance",
    "",
    "medium length text on MRI safety",
    "x",
    "another fairly long text: ultrasound elastography of the liver in children",
]


class ShortEmbedder(RecordingEmbedder):
    """Drops the last row: a broken embedder."""

    def encode(self, texts: Sequence[str]) -> Vectors:
        return super().encode(texts)[:-1]


def test_rows_come_back_in_the_callers_order() -> None:
    embedder = HashingEmbedder(32)
    vectors = encode_texts(embedder, TEXTS, batch_size=2)
    assert vectors.shape == (len(TEXTS), 32)
    assert vectors.dtype == np.float32
    for text, row in zip(TEXTS, vectors, strict=True):
        np.testing.assert_array_equal(row, embedder.encode([text])[0])


def test_batches_hold_texts_of_similar_length_longest_first() -> None:
    embedder = RecordingEmbedder()
    encode_texts(embedder, TEXTS, batch_size=2)
    assert [len(b) for b in embedder.batches] == [2, 2, 2]
    lengths = [len(t) for batch in embedder.batches for t in batch]
    assert lengths == sorted(lengths, reverse=True)


def test_length_sorted_batches_cover_every_index_once() -> None:
    batches = length_sorted_batches(TEXTS, 4)
    assert [len(b) for b in batches] == [4, 2]
    assert sorted(i for b in batches for i in b) == list(range(len(TEXTS)))


@pytest.mark.parametrize("batch_size", [0, -3])
def test_batch_size_below_one_is_refused(batch_size: int) -> None:
    with pytest.raises(ValueError, match="batch_size"):
        encode_texts(HashingEmbedder(8), TEXTS, batch_size=batch_size)


def test_no_texts_give_an_empty_array_without_calling_the_embedder() -> None:
    embedder = RecordingEmbedder()
    assert encode_texts(embedder, []).shape == (0, 32)
    assert embedder.batches == []


def test_a_wrong_shape_from_the_embedder_is_an_error() -> None:
    with pytest.raises(EmbeddingShapeError, match="shape"):
        encode_texts(ShortEmbedder(), TEXTS, batch_size=3)


def test_progress_bar_writes_to_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    encode_texts(HashingEmbedder(8), TEXTS, progress=True, description="outputs")
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "outputs" in captured.err
    assert "6/6" in captured.err


def test_content_hash_is_stable_and_ignores_white_space_layout() -> None:
    first = content_hash("Proton  therapy\n dosimetry ", "model-a")
    assert first == content_hash("Proton therapy dosimetry", "model-a")
    assert len(first) == 64


@pytest.mark.parametrize(
    ("text", "model"),
    [("Proton therapy dosimetry.", "model-a"), ("proton therapy dosimetry", "model-a"),
     ("Proton therapy dosimetry", "model-b")],
)  # fmt: skip
def test_content_hash_changes_with_the_text_or_the_model(text: str, model: str) -> None:
    assert content_hash(text, model) != content_hash("Proton therapy dosimetry", "model-a")


def test_every_vector_index_label_has_a_text() -> None:
    assert set(TEXT_BUILDERS) == set(m.EMBEDDED_LABELS) == set(TEXT_PROPERTIES)


def test_builders_read_only_their_declared_properties() -> None:
    for label, properties in TEXT_PROPERTIES.items():
        props = {p: ["skill"] if p == "required_skills" else f"<{p}>" for p in properties}
        text = node_text(label, props)
        assert all(f"<{p}>" in text for p in properties if p != "required_skills"), label


def test_node_texts() -> None:
    assert node_text(m.OUTPUT, {"title": "On MRI", "abstract": "We scan."}) == "On MRI. We scan."
    assert node_text(m.OUTPUT, {"title": "Why MRI?", "abstract": "We scan."}) == "Why MRI? We scan."
    assert node_text(m.OUTPUT, {"title": "On MRI", "abstract": None}) == "On MRI"
    assert node_text(m.MEMBER, {"expertise_statement": " I do QA. "}) == "I do QA."
    assert node_text(m.MEMBER, {}) == ""
    idea = {"title": "Gel dosimeter", "summary": "3D dose.", "required_skills": ["MRI", "chem"]}
    assert node_text(m.IDEA, idea) == "Gel dosimeter. 3D dose. Skills: MRI, chem"
    assert node_text(m.GROUP, {"name": "Radiotherapy SIG", "description": ""}) == "Radiotherapy SIG"
