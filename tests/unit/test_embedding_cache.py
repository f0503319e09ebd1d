"""The query-vector table in front of the model: same vectors, fewer encodes, bounded size."""

from __future__ import annotations

import numpy as np
import pytest

from embeddings.cache import CachingEmbedder, encode_phrases
from matchmaker.services.scoring import encode
from tests.unit.embedders import RecordingEmbedder


def test_vectors_are_those_of_the_model_for_the_same_call() -> None:
    model = RecordingEmbedder()
    cached = CachingEmbedder(model)
    texts = ["dosimetry audit", "MRI safety", "dosimetry audit"]
    first, again = cached.encode(texts), cached.encode(texts)
    assert np.array_equal(first, model.inner.encode(texts))
    assert np.array_equal(again, first)
    assert model.batches == [texts]
    assert (cached.hits, cached.misses) == (1, 1)


def test_the_key_is_the_whole_call_so_a_vector_never_depends_on_an_earlier_request() -> None:
    model = RecordingEmbedder()
    cached = CachingEmbedder(model)
    cached.encode(["proton therapy", "machine learning"])
    cached.encode(["machine  learning", "proton therapy"])  # another call: encoded as asked
    cached.encode(["proton  therapy ", "machine learning"])  # white space is not a new call
    assert model.batches == [
        ["proton therapy", "machine learning"],
        ["machine learning", "proton therapy"],
    ]


def test_bulk_calls_pass_straight_through_and_are_not_kept() -> None:
    model = RecordingEmbedder()
    cached = CachingEmbedder(model, max_call=2)
    cached.encode(["a b", "c d", "e f"])
    cached.encode(["a b", "c d", "e f"])
    assert len(model.batches) == 2
    assert len(cached) == 0


def test_the_table_forgets_the_least_recently_used_beyond_its_capacity() -> None:
    model = RecordingEmbedder()
    cached = CachingEmbedder(model, capacity=2)
    for texts in (["first"], ["second"], ["first"], ["third"]):  # "second" is now the oldest
        cached.encode(texts)
    model.batches.clear()
    cached.encode(["first"])
    cached.encode(["second"])
    assert model.batches == [["second"]]
    assert len(cached) == 2


def test_a_returned_array_can_be_changed_without_touching_the_table() -> None:
    cached = CachingEmbedder(RecordingEmbedder())
    cached.encode(["ultrasound"])[0] += 1.0
    assert np.allclose(np.linalg.norm(cached.encode(["ultrasound"])[0]), 1.0)


def test_bad_sizes_are_refused() -> None:
    with pytest.raises(ValueError, match="capacity"):
        CachingEmbedder(RecordingEmbedder(), capacity=0)


def test_queries_send_phrases_and_passages_to_the_model_in_separate_calls() -> None:
    model = RecordingEmbedder()
    passage = "An idea about adaptive radiotherapy planning with daily imaging in every clinic"
    texts = ["dosimetry", passage, "MR-guided radiotherapy"]
    vectors = encode(model, texts)
    assert model.batches == [[passage], ["dosimetry", "MR-guided radiotherapy"]]
    assert np.allclose(vectors, model.inner.encode(texts))


def test_vocabulary_phrases_are_encoded_alone_once_and_not_again_by_requests() -> None:
    model = RecordingEmbedder()
    cached = CachingEmbedder(model)
    assert cached.use_vocabulary(["dosimetry", "MRI  safety", "dosimetry"]) == 2
    assert model.batches == [["dosimetry"], ["MRI safety"]]
    passage = "An idea about adaptive radiotherapy planning with daily imaging in every clinic"
    vectors = encode(cached, [passage, "MRI safety", "ultrasound", "dosimetry", "proton therapy"])
    assert model.batches[2:] == [[passage], ["ultrasound", "proton therapy"]]
    assert np.allclose(vectors, model.inner.encode([passage, "MRI safety", "ultrasound",
                                                    "dosimetry", "proton therapy"]))  # fmt: skip


def test_a_new_vocabulary_keeps_known_vectors_and_drops_phrases_no_longer_named() -> None:
    model = RecordingEmbedder()
    cached = CachingEmbedder(model)
    cached.use_vocabulary(["dosimetry", "ultrasound"])
    assert cached.use_vocabulary(["ultrasound", "MRI safety"]) == 1
    before = len(model.batches)
    cached.encode_phrases(["ultrasound", "MRI safety"])
    assert len(model.batches) == before
    cached.encode_phrases(["dosimetry"])
    assert model.batches[before:] == [["dosimetry"]]


def test_phrases_reach_the_vocabulary_behind_other_wrappers() -> None:
    cached = CachingEmbedder(RecordingEmbedder())
    cached.use_vocabulary(["dosimetry"])
    outer = RecordingEmbedder()
    outer.inner = cached
    encode_phrases(outer, ["dosimetry"])
    assert (cached.hits, cached.misses, outer.batches) == (1, 0, [])
