"""The in-memory evidence table: layout, nearest documents as the vector indexes give them,
and each person's cosines."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from embeddings.similarity import table_cosines
from embeddings.similarity import top_rows as torch_top_rows
from matchmaker.matching.evidence_table import (
    Document,
    TopRows,
    build_table,
    nearest,
    people_rows,
    row_cosines,
    top_rows,
    unit_rows,
)


def unit(*values: float) -> np.ndarray:
    v = np.array(values, dtype=np.float32)
    return v / np.linalg.norm(v)


DOCS = [
    Document("o-2", "Second", 2020, False, ("m-a", "m-b"), unit(1, 0, 0)),
    Document("statement:m-a", "", 0, True, ("m-a",), unit(0, 1, 0)),
    Document("o-1", "First", 2019, False, ("m-a",), unit(3, 4, 0)),
    Document("o-3", "Orphan", 0, False, (), unit(1, 0.1, 0)),
    Document("statement:m-c", "", 0, True, ("m-c",), unit(0.9, 0, 0.1)),
]


def test_rows_of_a_person_are_outputs_by_id_then_the_statement() -> None:
    table = build_table(DOCS, 3)
    assert table.people == ("m-a", "m-b", "m-c")
    a = table.person("m-a")
    assert a is not None
    assert [table.source_ids[r] for r in table.rows_of(a)] == ["o-1", "o-2", "statement:m-a"]
    assert table.person("m-unknown") is None
    assert [table.people[p] for p in table.authors_of(0)] == ["m-a", "m-b"]
    assert table.authors_of(3).size == 0
    assert table.output_rows.tolist() == [0, 2, 3]
    assert table.statement_rows.tolist() == [1, 4]
    c = table.person("m-c")
    assert people_rows(table, [c, a]).tolist() == [4, 2, 0, 1]  # type: ignore[list-item]
    assert people_rows(table, []).size == 0


def test_unit_rows_scales_each_row_and_leaves_zero_rows() -> None:
    rows = unit_rows([[3, 4, 0], [0, 0, 0]])
    assert rows.dtype == np.float32
    assert np.allclose(rows, [[0.6, 0.8, 0.0], [0.0, 0.0, 0.0]])


def test_a_table_keeps_the_vectors_it_is_given_and_cosines_are_dot_products() -> None:
    table = build_table(DOCS, 3)
    assert (build_table(DOCS, 3).vectors == np.stack([d.vector for d in DOCS])).all()
    similarity = table_cosines(table.vectors, [unit(1, 0, 0)])
    assert similarity.shape == (1, 5)
    assert np.isclose(similarity[0, 2], 0.6)  # (3, 4, 0) / 5 against the x axis
    a = table.person("m-a")
    assert a is not None
    own = row_cosines(table, people_rows(table, [a]), [unit(1, 0, 0), unit(0, 1, 0)])
    assert own.dtype == np.float64
    assert np.allclose(own, [[0.6, 0.8], [1.0, 0.0], [0.0, 1.0]], atol=1e-6)


def test_nearest_takes_k_of_each_kind_before_the_filter() -> None:
    table = build_table(DOCS, 3)
    query = table_cosines(table.vectors, [unit(1, 0, 0)])
    everyone = nearest(table, query, 1, lambda p: True)
    # the nearest output (o-2, cosine 1) and the nearest statement (m-c's)
    assert everyone == {"m-a": 1.0, "m-b": 1.0, "m-c": float(query[0, 4])}
    wider = nearest(table, query, 2, lambda p: True)
    assert wider["m-a"] == 1.0
    assert "m-c" in wider
    # A person the filter refuses still takes a slot, as in the graph's vector index.
    b = table.person("m-b")
    no_b = nearest(table, query, 1, lambda p: p != b)
    assert "m-b" not in no_b
    assert no_b["m-a"] == 1.0


def test_an_orphan_output_takes_a_slot_and_credits_nobody() -> None:
    table = build_table(DOCS, 3)
    query = table_cosines(table.vectors, [unit(1, 0.1, 0)])
    assert nearest(table, query, 1, lambda p: True) == {"m-c": float(query[0, 4])}


def test_an_empty_table_finds_nobody() -> None:
    table = build_table([], 3)
    assert table.size == 0
    assert table_cosines(table.vectors, [unit(1, 0, 0)]).shape == (1, 0)
    assert nearest(table, table_cosines(table.vectors, [unit(1, 0, 0)]), 5, lambda p: True) == {}


def _nearest_one_row_at_a_time(table, similarity, k, allowed):  # type: ignore[no-untyped-def]
    """The definition, read row by row: each author of the k nearest outputs and the k
    nearest statements a query, with the best cosine seen, if the filter allows them."""
    best: dict[int, float] = {}
    for scores in similarity:
        for rows in (table.output_rows, table.statement_rows):
            top = rows[np.argsort(-scores[rows], kind="stable")[:k]]
            for row in top.tolist():
                for p in table.authors_of(row).tolist():
                    if allowed(p):
                        best[p] = max(best.get(p, -2.0), float(scores[row]))
    return {table.people[p]: score for p, score in best.items()}


def _refusing(refused: set[int]) -> Callable[[int], bool]:
    return lambda p: p not in refused


@pytest.mark.parametrize("top", [top_rows, torch_top_rows], ids=["numpy", "torch"])
def test_nearest_equals_its_definition_on_random_tables(top: TopRows) -> None:
    rng = np.random.default_rng(3)
    for _ in range(20):
        people = [f"m{i}" for i in range(int(rng.integers(1, 15)))]
        documents = [
            Document(f"o{j}", "", 2020, False,
                     tuple(rng.choice(people, size=int(rng.integers(0, 4)), replace=True)),
                     unit(*rng.normal(size=4)))
            for j in range(int(rng.integers(0, 30)))
        ] + [Document(f"statement:{p}", "", 0, True, (p,), unit(*rng.normal(size=4)))
             for p in people if rng.random() < 0.6]  # fmt: skip
        table = build_table(documents, 4)
        similarity = table_cosines(table.vectors, rng.normal(size=(3, 4)))
        refused = set(rng.choice(len(table.people), size=len(table.people) // 3).tolist())
        k = int(rng.integers(1, 8))
        allowed = _refusing(refused)
        got = nearest(table, similarity, k, allowed, top=top)
        assert got == _nearest_one_row_at_a_time(table, similarity, k, allowed)


@pytest.mark.parametrize("top", [top_rows, torch_top_rows], ids=["numpy", "torch"])
def test_top_rows_are_the_k_best_of_the_rows_given(top: TopRows) -> None:
    rng = np.random.default_rng(8)
    similarity = rng.normal(size=(3, 50)).astype(np.float32)
    for rows in (np.arange(10, 40), np.array([1, 5, 6, 30, 31, 49]), np.array([7, 3])):
        for k in (1, 4, 6, 30):
            got = top(similarity, rows.astype(np.int64), k)
            assert got.shape == (3, min(k, len(rows)))
            for scores, picked in zip(similarity, got, strict=True):
                best = rows[np.argsort(-scores[rows])[:k]]
                assert set(picked.tolist()) == set(best.tolist())
