"""The in-memory evidence table: layout, nearest documents as the vector indexes give them,
and each person's cosines."""

from __future__ import annotations

import numpy as np

from embeddings.similarity import table_cosines
from matchmaker.matching.evidence_table import (
    Document,
    build_table,
    nearest,
    people_rows,
    row_cosines,
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
