"""The query-vector table in front of the model: same vectors, fewer encodes, bounded size."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from embeddings.cache import CachingEmbedder
from embeddings.hashing import HashingEmbedder
from embeddings.protocol import Vectors


class Counting:
    """A HashingEmbedder that records every call it gets."""

    def __init__(self) -> None:
        self.inner = HashingEmbedder(32)
        self.calls: list[list[str]] = []

    @property
    def name(self) -> str:
        return self.inner.name

    @property
    def dimension(self) -> int:
        return self.inner.dimension

    def encode(self, texts: Sequence[str]) -> Vectors:
        self.calls.append(list(texts))
        return self.inner.encode(texts)


def test_vectors_are_those_of_the_model_in_the_callers_order() -> None:
    model = Counting()
    cached = CachingEmbedder(model)
    texts = ["dosimetry audit", "MRI safety", "dosimetry audit"]
    got = cached.encode(texts)
    assert got.shape == (3, 32)
    assert np.array_equal(got, model.inner.encode(texts))


def test_a_text_seen_before_is_not_encoded_again() -> None:
    model = Counting()
    cached = CachingEmbedder(model)
    cached.encode(["proton therapy", "machine learning"])
    model.calls.clear()
    again = cached.encode(["machine  learning", "radiomics", "proton therapy"])
    assert model.calls == [["radiomics"]]  # white space does not make a new text
    assert (cached.hits, cached.misses) == (2, 3)
    assert np.array_equal(again[0], model.inner.encode(["machine learning"])[0])


def test_each_new_text_is_encoded_on_its_own_so_its_vector_does_not_depend_on_the_batch() -> None:
    model = Counting()
    CachingEmbedder(model).encode(["one text", "another text", "a third"])
    assert model.calls == [["one text"], ["another text"], ["a third"]]


def test_bulk_calls_pass_straight_through_and_are_not_kept() -> None:
    model = Counting()
    cached = CachingEmbedder(model, max_call=2)
    cached.encode(["a b", "c d", "e f"])
    assert model.calls == [["a b", "c d", "e f"]]
    assert len(cached) == 0


def test_the_table_forgets_the_least_recently_used_beyond_its_capacity() -> None:
    model = Counting()
    cached = CachingEmbedder(model, capacity=2)
    cached.encode(["first"])
    cached.encode(["second"])
    cached.encode(["first"])  # now "second" is the least recently used
    cached.encode(["third"])
    model.calls.clear()
    cached.encode(["first", "second"])
    assert model.calls == [["second"]]
    assert len(cached) == 2


def test_a_returned_array_can_be_changed_without_touching_the_table() -> None:
    cached = CachingEmbedder(Counting())
    cached.encode(["ultrasound"])[0] += 1.0
    assert np.allclose(np.linalg.norm(cached.encode(["ultrasound"])[0]), 1.0)


def test_bad_sizes_are_refused() -> None:
    with pytest.raises(ValueError, match="capacity"):
        CachingEmbedder(Counting(), capacity=0)
