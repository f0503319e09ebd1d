"""The table kernel the matching index scores with gives numpy's float32 product."""

from __future__ import annotations

import numpy as np
import pytest

from embeddings.similarity import table_cosines
from matchmaker.matching.evidence_table import unit_rows


def _units(rng: np.random.Generator, n: int, d: int = 384) -> np.ndarray:
    return unit_rows(rng.normal(size=(n, d)))


def test_the_kernel_gives_the_cosines_numpy_gives() -> None:
    rng = np.random.default_rng(7)
    table, queries = _units(rng, 500), _units(rng, 6)
    found = table_cosines(table, queries)
    assert found.shape == (6, 500)
    assert found.dtype == np.float32
    assert found.flags.c_contiguous
    np.testing.assert_allclose(found, queries @ table.T, atol=2e-6)
    best = np.argsort(-found, axis=1)[:, :5]
    np.testing.assert_array_equal(best, np.argsort(-(queries @ table.T), axis=1)[:, :5])


def test_the_kernel_takes_one_query_as_a_flat_vector_and_an_empty_table() -> None:
    rng = np.random.default_rng(8)
    table = _units(rng, 3, 4)
    assert table_cosines(table, table[1]).shape == (1, 3)
    assert np.isclose(table_cosines(table, table[1])[0, 1], 1.0)
    empty = np.zeros((0, 4), dtype=np.float32)
    assert table_cosines(empty, table[:2]).shape == (2, 0)


def test_the_kernel_uses_every_thread_alone_and_one_beside_an_encode(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import torch

    from embeddings.sentence import own_threads, torch_threads

    rng = np.random.default_rng(9)
    table, queries = _units(rng, 64, 8), _units(rng, 2, 8)
    seen: list[int] = []
    product = torch.mm

    def spy(*args: torch.Tensor) -> torch.Tensor:
        seen.append(torch.get_num_threads())
        return product(*args)

    monkeypatch.setattr(torch, "mm", spy)
    alone = table_cosines(table, queries)
    with torch_threads(1):  # an encode of a request is running
        beside = table_cosines(table, queries)
    assert seen == [own_threads(), 1]
    np.testing.assert_allclose(alone, beside, atol=1e-6)
