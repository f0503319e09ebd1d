"""The affinity maths: pooling, lexical scaling, recency, centring, batch = single, BM25."""

from __future__ import annotations

import time

import numpy as np
import pytest

from matchmaker.matching.affinity import (
    AffinityParams,
    affinities,
    background_of,
    evidence_set,
    evidence_set_of,
    person_affinity,
    recency_weights,
)
from matchmaker.matching.bm25 import build_index, tokenise

SEMANTIC = AffinityParams(top_k=2, lexical_weight=0.0)


def unit(*values: float) -> np.ndarray:
    v = np.array(values, dtype=np.float64)
    return v / np.linalg.norm(v)


def test_score_is_the_mean_of_the_best_k_documents() -> None:
    query = unit(1, 0, 0)
    docs = np.stack([unit(1, 0, 0), unit(0, 1, 0), unit(1, 1, 0)])
    result = person_affinity(query, docs, [2020, 2020, 2020], SEMANTIC)
    assert result.score == pytest.approx((1.0 + np.sqrt(0.5)) / 2)
    assert [c.index for c in result.contributions] == [0, 2, 1]
    assert [c.weight for c in result.contributions] == [0.5, 0.5, 0.0]


def test_one_strong_document_beats_an_average_that_matches_nothing() -> None:
    query = unit(1, 0, 0)
    specialist = np.stack([unit(1, 0, 0), unit(0, 1, 0), unit(0, 0, 1)])
    params = AffinityParams(top_k=1, lexical_weight=0.0)
    best = person_affinity(query, specialist, [0, 0, 0], params).score
    averaged = float(unit(*specialist.mean(axis=0)) @ query)
    assert best == pytest.approx(1.0)
    assert averaged < 0.6


def test_fewer_documents_than_k_are_averaged_over_what_exists() -> None:
    result = person_affinity(unit(1, 0), np.stack([unit(1, 0)]), [0], AffinityParams(top_k=5))
    assert result.score == pytest.approx(1.0)


def test_no_evidence_scores_zero() -> None:
    assert person_affinity(unit(1, 0), np.zeros((0, 2)), [], AffinityParams()).score == 0.0


def test_lexical_scores_are_scaled_by_their_maximum() -> None:
    docs = np.stack([unit(1, 0), unit(1, 0)])
    params = AffinityParams(top_k=1, lexical_weight=0.5)
    result = person_affinity(unit(1, 0), docs, [0, 0], params, lexical=[30.0, 10.0])
    assert result.score == pytest.approx(1.0 + 0.5)
    assert [c.lexical for c in result.contributions] == pytest.approx([1.0, 1 / 3])


def test_lexical_scale_does_not_matter() -> None:
    docs = np.stack([unit(1, 0), unit(0, 1)])
    params = AffinityParams(top_k=1, lexical_weight=0.5)
    small = person_affinity(unit(1, 1), docs, [0, 0], params, lexical=[1.0, 2.0]).score
    large = person_affinity(unit(1, 1), docs, [0, 0], params, lexical=[100.0, 200.0]).score
    assert small == pytest.approx(large)


def test_recency_halves_at_the_half_life_above_the_floor() -> None:
    params = AffinityParams(recency_half_life_years=5, recency_floor=0.2, reference_year=2025)
    weights = recency_weights([2025, 2020, 1900, 0], params)
    assert weights == pytest.approx([1.0, 0.2 + 0.8 * 0.5, 0.2, 1.0], abs=1e-6)


def test_recency_is_off_without_a_reference_year() -> None:
    params = AffinityParams(recency_half_life_years=5)
    assert recency_weights([1990, 2020], params) == pytest.approx([1.0, 1.0])


def test_recent_work_outranks_old_work_of_equal_similarity() -> None:
    params = AffinityParams(top_k=1, recency_half_life_years=5, reference_year=2024)
    docs = np.stack([unit(1, 0), unit(1, 0)])
    result = person_affinity(unit(1, 0), docs, [2004, 2024], params)
    assert result.contributions[0].index == 1


def test_centring_removes_the_shared_direction() -> None:
    a, b = unit(5, 1, 0), unit(5, 0, 1)  # a large shared first component
    background = background_of(np.stack([a, b]))
    raw = person_affinity(a, np.stack([b]), [0], SEMANTIC).score
    centred = person_affinity(a, np.stack([b]), [0], SEMANTIC, background=background).score
    assert raw > 0.9
    assert centred < 0


def test_batch_matches_single_person_scores() -> None:
    rng = np.random.default_rng(3)
    blocks = [rng.normal(size=(n, 8)) for n in (1, 4, 7, 0, 2)]
    blocks = [b / np.linalg.norm(b, axis=1, keepdims=True) if len(b) else b for b in blocks]
    years = [rng.integers(2000, 2024, size=len(b)) for b in blocks]
    params = AffinityParams(top_k=3, recency_half_life_years=8, reference_year=2024)
    query = unit(*rng.normal(size=8))
    batch = affinities(query, evidence_set_of(blocks, years), params).scores[0]
    single = [
        person_affinity(query, b.reshape(-1, 8), y, params).score
        for b, y in zip(blocks, years, strict=True)
    ]
    assert batch == pytest.approx(single, abs=1e-5)


def test_batch_names_the_pooled_rows_and_respects_exclusion() -> None:
    vectors = np.stack([unit(1, 0), unit(0, 1), unit(1, 1)])
    evidence = evidence_set(vectors, [0, 0, 1], [0, 0, 0], 2)
    params = AffinityParams(top_k=1, lexical_weight=0.0)
    result = affinities(unit(1, 0), evidence, params)
    assert result.top_rows[0, :, 0].tolist() == [0, 2]
    hidden = affinities(unit(1, 0), evidence, params, exclude=np.array([[True, False, False]]))
    assert hidden.top_rows[0, 0, 0] == 1
    assert hidden.scores[0, 0] == pytest.approx(0.0)


def test_batch_lexical_is_comparable_across_people() -> None:
    vectors = np.stack([unit(1, 0), unit(1, 0)])
    evidence = evidence_set(vectors, [0, 1], [0, 0], 2)
    params = AffinityParams(top_k=1, lexical_weight=1.0)
    scores = affinities(unit(1, 0), evidence, params, lexical=np.array([[4.0, 1.0]])).scores[0]
    assert scores == pytest.approx([2.0, 1.25])


def test_ten_thousand_people_score_quickly() -> None:
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(50_000, 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    evidence = evidence_set(vectors, np.repeat(np.arange(10_000), 5), np.full(50_000, 2020), 10_000)
    query = vectors[0]
    affinities(query, evidence, AffinityParams())
    start = time.perf_counter()
    result = affinities(query, evidence, AffinityParams())
    assert time.perf_counter() - start < 0.5  # a few ms on a laptop; generous for shared CI
    assert int(np.argmax(result.scores[0])) == 0


def test_tokenise_drops_stop_words_and_folds_plurals() -> None:
    assert tokenise("The images of a PET scanner") == ["image", "pet", "scanner"]


def test_bm25_prefers_the_document_sharing_rare_terms() -> None:
    index = build_index(
        ["proton therapy range verification", "MRI safety", "therapy outcomes in general"]
    )
    scores = index.scores("proton range")
    assert int(np.argmax(scores)) == 0
    assert scores[1] == 0.0
    assert index.score_matrix(["MRI", "proton"]).shape == (2, 3)
