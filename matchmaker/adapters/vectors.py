"""Vectors in the graph: pages of texts to embed, writing vectors, reading them and searching.

`nearest`, `vectors_of` and `member_evidence` are what matching services call; `text_pages`,
`write_vectors` and `clear_vectors` serve the embedding service. Every function raises
Neo4jUnavailable when the graph cannot be reached and ValueError for a label that has no
vector index (see graph_schema.model.VECTOR_INDEXES).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from neo4j import ManagedTransaction
from neo4j.exceptions import ClientError

from graph_schema.queries import embedding as q
from matchmaker.adapters.graph import Graph, Record
from matchmaker.domain.model import Evidence
from matchmaker.errors import InvalidInput

WRITE_BATCH = 500
STATEMENT_PREFIX = "statement:"
STATEMENT_TITLE = "Expertise statement"


@dataclass(frozen=True)
class StoredText:
    """A node's text properties and the fingerprint of the vector it holds (None if none)."""

    id: str
    props: Mapping[str, Any]
    hash: str | None
    model: str | None
    dimension: int | None


@dataclass(frozen=True)
class NewVector:
    id: str
    hash: str
    vector: npt.NDArray[np.float32]


def _query(table: Mapping[str, str], label: str) -> str:
    try:
        return table[label]
    except KeyError:
        raise ValueError(f"{label!r} has no vector index; embedded labels: {list(table)}") from None


def count_nodes(graph: Graph, label: str) -> int:
    """How many nodes carry `label`."""
    return int(graph.read(_query(q.COUNT, label))[0]["count"])


def text_pages(
    graph: Graph, label: str, properties: Sequence[str], page_size: int
) -> Iterator[list[StoredText]]:
    """Every node of `label` in pages of `page_size`, ordered by id, one read per page."""
    query = q.text_page(label, properties)
    after = ""
    while True:
        rows = graph.read(query, after=after, limit=page_size)
        if rows:
            yield [_stored_text(r) for r in rows]
        if len(rows) < page_size:
            return
        after = rows[-1]["id"]


def texts_of(
    graph: Graph, label: str, properties: Sequence[str], ids: Sequence[str]
) -> list[StoredText]:
    """The nodes of `label` among `ids` (those that exist), in one read."""
    return [_stored_text(r) for r in graph.read(q.texts_of(label, properties), ids=list(ids))]


def _stored_text(row: Record) -> StoredText:
    dimension = row["dimension"]
    return StoredText(
        id=row["id"],
        props=row["props"],
        hash=row["hash"],
        model=row["model"],
        dimension=None if dimension is None else int(dimension),
    )


def write_vectors(graph: Graph, label: str, model: str, vectors: Sequence[NewVector]) -> None:
    """Store each vector with its text hash and the model name, WRITE_BATCH per transaction."""
    query = _query(q.WRITE_VECTORS, label)
    for start in range(0, len(vectors), WRITE_BATCH):
        rows = [
            {"id": v.id, "hash": v.hash, "vector": v.vector.tolist()}
            for v in vectors[start : start + WRITE_BATCH]
        ]
        graph.write(query, rows=rows, model=model)


def clear_vectors(graph: Graph, label: str, ids: Sequence[str]) -> None:
    """Remove the vector, hash and model of these nodes (their text became empty)."""
    if ids:
        graph.write(_query(q.CLEAR_VECTORS, label), ids=list(ids))


def nearest(
    graph: Graph, label: str, vector: Sequence[float] | npt.NDArray[Any], k: int
) -> list[tuple[str, float]]:
    """The k nodes of `label` whose vectors are closest (cosine) to `vector`: (id, score).

    Scores lie in [0, 1], best first. Raises ValueError for k below 1 and InvalidInput when
    Neo4j refuses the vector (e.g. its dimension differs from the index's).
    """
    if k < 1:
        raise ValueError(f"k must be at least 1, got {k}")
    values = np.asarray(vector, dtype=np.float64).tolist()
    try:
        rows = graph.read(_query(q.NEAREST, label), k=k, vector=values)
    except ClientError as e:
        raise InvalidInput("vector", f"{len(values)} values refused by Neo4j: {e.message}") from e
    return [(r["id"], float(r["score"])) for r in rows]


def vectors_of(graph: Graph, label: str, ids: Iterable[str]) -> dict[str, npt.NDArray[np.float32]]:
    """The stored vectors of these nodes; ids without a vector (or node) are left out."""
    rows = graph.read(_query(q.VECTORS_OF, label), ids=list(ids))
    return {r["id"]: np.asarray(r["vector"], dtype=np.float32) for r in rows}


def member_evidence(
    graph: Graph, member_ids: Iterable[str], embedded_only: bool = True
) -> dict[str, list[Evidence]]:
    """Each member's evidence: one Evidence per authored output, plus their statement.

    The statement's Evidence has output_id "statement:<member id>". Vectors are never averaged.
    Every requested id is a key (an empty list when there is no evidence). With
    `embedded_only=False`, evidence not yet embedded comes back with an empty vector.
    """
    ids = list(dict.fromkeys(member_ids))

    def work(tx: ManagedTransaction) -> tuple[list[Record], list[Record]]:
        params = {"ids": ids, "embedded_only": embedded_only}
        outputs = [r.data() for r in tx.run(q.OUTPUT_EVIDENCE, params)]
        statements = [r.data() for r in tx.run(q.STATEMENT_EVIDENCE, params)]
        return outputs, statements

    outputs, statements = graph.read_tx(work)
    evidence: dict[str, list[Evidence]] = defaultdict(list)
    for row in outputs:
        evidence[row["member_id"]].append(_output_evidence(row))
    for row in statements:
        evidence[row["member_id"]].append(_statement_evidence(row))
    return {member_id: evidence.get(member_id, []) for member_id in ids}


def _vector(value: Sequence[float] | None) -> tuple[float, ...]:
    return tuple(float(x) for x in value) if value is not None else ()


def _output_evidence(row: Record) -> Evidence:
    return Evidence(
        member_id=row["member_id"],
        output_id=row["output_id"],
        title=row["title"] or "",
        text=row["text"],
        year=int(row["year"]),
        vector=_vector(row["vector"]),
    )


def _statement_evidence(row: Record) -> Evidence:
    member_id = row["member_id"]
    return Evidence(
        member_id=member_id,
        output_id=f"{STATEMENT_PREFIX}{member_id}",
        title=STATEMENT_TITLE,
        text=row["text"],
        vector=_vector(row["vector"]),
    )
