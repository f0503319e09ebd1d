"""Every embedded document of the membership in memory: nearest documents and each person's
cosines to the query vectors, computed without a round trip to the graph (the whole table's
cosines come from embeddings.similarity.table_cosines).

Shapes and units
- vectors: (N, d) float32, unit rows, one per document: an output or a member's statement.
- is_statement: (N,) bool; source_ids, titles, years: N entries (year 0 when unknown).
- authors of row j: author_ids[author_ptr[j]:author_ptr[j + 1]], indices into `people`
  (an output may have several authors or none; a statement has its member).
- people: P member ids, sorted; the rows of person p: person_rows[person_ptr[p]:person_ptr[p+1]],
  outputs in source-id order, then the statement.
- queries: (q, d) unit vectors.

`nearest` reproduces what the graph's vector indexes give pre-selection: the `k` documents
of each kind nearest each query (cosine), before any filter on who may be a candidate; it is
exact where the index is approximate.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from matchmaker.matching.affinity import BoolArray, FloatArray, IntArray

Float32Array = npt.NDArray[np.float32]


@dataclass(frozen=True)
class Document:
    """One row of evidence as the table is built from: who wrote it and its unit vector."""

    source_id: str
    title: str
    year: int
    is_statement: bool
    authors: tuple[str, ...]
    vector: Float32Array


@dataclass(frozen=True, eq=False)
class EvidenceTable:
    """The documents and their authors as flat arrays (see the module doc)."""

    source_ids: tuple[str, ...]
    titles: tuple[str, ...]
    years: IntArray
    is_statement: BoolArray
    vectors: Float32Array
    author_ptr: IntArray
    author_ids: IntArray
    people: tuple[str, ...]
    person_ptr: IntArray
    person_rows: IntArray
    positions: dict[str, int]  # member id -> index in people
    output_rows: IntArray  # rows that are outputs, and rows that are statements
    statement_rows: IntArray

    @property
    def size(self) -> int:
        return len(self.source_ids)

    def person(self, member_id: str) -> int | None:
        """The index of a member in `people`, None when the table has no evidence of theirs."""
        return self.positions.get(member_id)

    def rows_of(self, person: int) -> IntArray:
        return self.person_rows[self.person_ptr[person] : self.person_ptr[person + 1]]

    def authors_of(self, row: int) -> IntArray:
        return self.author_ids[self.author_ptr[row] : self.author_ptr[row + 1]]


def unit_rows(vectors: npt.ArrayLike) -> Float32Array:
    """Rows scaled to unit length (zero rows stay zero), float32."""
    array = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(array, axis=1, keepdims=True)
    return np.asarray(array / np.where(norms > 0, norms, 1.0), dtype=np.float32)


def _csr(groups: Sequence[Sequence[int]]) -> tuple[IntArray, IntArray]:
    ptr = np.zeros(len(groups) + 1, dtype=np.int64)
    ptr[1:] = np.cumsum([len(g) for g in groups])
    flat = np.fromiter((i for g in groups for i in g), dtype=np.int64, count=int(ptr[-1]))
    return ptr, flat


def build_table(documents: Sequence[Document], dimension: int) -> EvidenceTable:
    """The table of these documents, whose vectors must already be unit length (unit_rows):
    a table rebuilt from another keeps their vectors bit for bit."""
    people = tuple(sorted({a for d in documents for a in d.authors}))
    index = {member: p for p, member in enumerate(people)}
    author_ptr, author_ids = _csr([[index[a] for a in d.authors] for d in documents])
    owned: list[list[int]] = [[] for _ in people]
    order = sorted(range(len(documents)), key=lambda j: (documents[j].is_statement,
                                                         documents[j].source_id))  # fmt: skip
    for j in order:
        for a in documents[j].authors:
            owned[index[a]].append(j)
    person_ptr, person_rows = _csr(owned)
    stacked = (
        np.stack([d.vector for d in documents]).astype(np.float32)
        if documents
        else np.zeros((0, dimension), dtype=np.float32)
    )
    return EvidenceTable(
        source_ids=tuple(d.source_id for d in documents),
        titles=tuple(d.title for d in documents),
        years=np.array([d.year for d in documents], dtype=np.int64),
        is_statement=np.array([d.is_statement for d in documents], dtype=np.bool_),
        vectors=stacked,
        author_ptr=author_ptr,
        author_ids=author_ids,
        people=people,
        person_ptr=person_ptr,
        person_rows=person_rows,
        positions=index,
        output_rows=np.flatnonzero([not d.is_statement for d in documents]).astype(np.int64),
        statement_rows=np.flatnonzero([d.is_statement for d in documents]).astype(np.int64),
    )


TopRows = Callable[[Float32Array, IntArray, int], IntArray]


def top_rows(similarity: Float32Array, rows: IntArray, k: int) -> IntArray:
    """For each query (row of `similarity`, (q, N)), the `k` of `rows` with the highest
    cosine, in no order: (q, min(k, len(rows))). Ties at the k-th cosine are kept in any
    way; embeddings.similarity.top_rows gives the same rows, faster."""
    if rows.size <= k:
        return np.broadcast_to(rows, (len(similarity), rows.size))
    return rows[np.argpartition(-similarity[:, rows], k - 1, axis=1)[:, :k]]


def nearest(
    table: EvidenceTable,
    similarity: Float32Array,
    k: int,
    allowed: Callable[[int], bool],
    top: TopRows = top_rows,
) -> dict[str, float]:
    """Person id -> best cosine among the `k` outputs and `k` statements nearest each query
    (rows of `similarity`, (q, N), from embeddings.similarity.table_cosines), counting only
    people p with `allowed(p)`. `top` picks those rows."""
    best: dict[int, float] = {}
    picked = np.concatenate(
        [top(similarity, table.output_rows, k), top(similarity, table.statement_rows, k)], axis=1
    )
    for scores, rows in zip(similarity, picked, strict=True):
        people, row_of = _authors(table, rows)
        for p, score in zip(people.tolist(), scores[rows][row_of].tolist(), strict=True):
            if score > best.get(p, -2.0) and allowed(p):
                best[p] = score
    return {table.people[p]: score for p, score in best.items()}


def _authors(table: EvidenceTable, rows: IntArray) -> tuple[IntArray, IntArray]:
    """Every author of the rows, row after row, and for each the position in `rows` of the
    row they wrote (the CSR lists read in one go, not a slice a row)."""
    starts = table.author_ptr[rows]
    counts = table.author_ptr[rows + 1] - starts
    row_of = np.repeat(np.arange(len(rows)), counts)
    offsets = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
    return table.author_ids[starts[row_of] + offsets], row_of


def people_rows(table: EvidenceTable, people: Sequence[int]) -> IntArray:
    """The rows of these people, person after person, each in their own order."""
    blocks = [table.rows_of(p) for p in people]
    return np.concatenate(blocks) if blocks else np.zeros(0, dtype=np.int64)


def row_cosines(table: EvidenceTable, rows: IntArray, queries: npt.ArrayLike) -> FloatArray:
    """(len(rows), q) cosines of these documents to the queries, in float64."""
    vectors = table.vectors[rows].astype(np.float64)
    return np.asarray(vectors @ np.asarray(queries, dtype=np.float64).T, dtype=np.float64)
