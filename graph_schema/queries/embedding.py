"""Reading texts to embed, writing vectors back, and the vector searches.

Staleness is decided in Python: a page of nodes (ordered by id, resumed after the last id seen)
comes back with the properties its text is built from and the hash, model and dimension of the
vector it has; the caller hashes the current text and writes only what changed.

Vectors are stored as plain LIST<FLOAT> properties with SET: Neo4j 5.26 vector indexes accept
them, so no procedure is needed to write them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from graph_schema import model as m

_PROPERTY = re.compile(r"[a-z][a-z0-9_]*")


def _embedded_label(label: str) -> str:
    if label not in m.EMBEDDED_LABELS:
        raise ValueError(f"{label!r} is not an embedded label ({', '.join(m.EMBEDDED_LABELS)})")
    return label


def text_page(label: str, properties: Sequence[str]) -> str:
    """Up to $limit nodes with id > $after: id, hash, model, dimension and props (the text's).

    Raises ValueError for a label without a vector index or a malformed property name.
    """
    return _texts(label, properties, "n.id > $after") + " ORDER BY n.id LIMIT $limit"


def texts_of(label: str, properties: Sequence[str]) -> str:
    """As text_page, for the nodes whose ids are in $ids."""
    return _texts(label, properties, "n.id IN $ids")


def _texts(label: str, properties: Sequence[str], where: str) -> str:
    bad = [p for p in properties if not _PROPERTY.fullmatch(p)]
    if bad or not properties:
        raise ValueError(f"text properties must be snake_case names, got {list(properties)}")
    fields = ", ".join(f".{p}" for p in properties)
    return (
        f"MATCH (n:{_embedded_label(label)}) WHERE {where} "
        f"RETURN n.id AS id, n.{m.EMBEDDING_HASH} AS hash, n.{m.EMBEDDING_MODEL} AS model, "
        f"size(n.{m.EMBEDDING}) AS dimension, n {{{fields}}} AS props"
    )


def _count(label: str) -> str:
    return f"MATCH (n:{label}) RETURN count(n) AS count"


def _write(label: str) -> str:
    return (
        f"UNWIND $rows AS row MATCH (n:{label} {{id: row.id}}) "
        f"SET n.{m.EMBEDDING} = row.vector, n.{m.EMBEDDING_HASH} = row.hash, "
        f"n.{m.EMBEDDING_MODEL} = $model"
    )


def _clear(label: str) -> str:
    return (
        f"UNWIND $ids AS id MATCH (n:{label} {{id: id}}) "
        f"REMOVE n.{m.EMBEDDING}, n.{m.EMBEDDING_HASH}, n.{m.EMBEDDING_MODEL}"
    )


def _nearest(index: str) -> str:
    return (
        f"CALL db.index.vector.queryNodes('{index}', $k, $vector) YIELD node, score "
        "RETURN node.id AS id, score ORDER BY score DESC, id"
    )


def _vectors_of(label: str) -> str:
    return (
        f"MATCH (n:{label}) WHERE n.id IN $ids AND n.{m.EMBEDDING} IS NOT NULL "
        f"RETURN n.id AS id, n.{m.EMBEDDING} AS vector"
    )


# Embedded label -> query. Parameters: COUNT none; WRITE_VECTORS $rows [{id, vector, hash}] and
# $model; CLEAR_VECTORS $ids; NEAREST $k, $vector (-> id, score); VECTORS_OF $ids (-> id, vector).
COUNT: dict[str, str] = {label: _count(label) for label in m.EMBEDDED_LABELS}
WRITE_VECTORS: dict[str, str] = {label: _write(label) for label in m.EMBEDDED_LABELS}
CLEAR_VECTORS: dict[str, str] = {label: _clear(label) for label in m.EMBEDDED_LABELS}
NEAREST: dict[str, str] = {label: _nearest(index) for label, index in m.VECTOR_INDEXES.items()}
VECTORS_OF: dict[str, str] = {label: _vectors_of(label) for label in m.EMBEDDED_LABELS}

# A member's evidence: each authored output and their own statement, never averaged.
# Parameters: $ids (member ids), $embedded_only (skip what has no vector yet).
OUTPUT_EVIDENCE = (
    f"MATCH (mem:{m.MEMBER})-[:{m.AUTHORED}]->(o:{m.OUTPUT}) "
    f"WHERE mem.id IN $ids AND (NOT $embedded_only OR o.{m.EMBEDDING} IS NOT NULL) "
    "RETURN mem.id AS member_id, o.id AS output_id, o.title AS title, "
    f"coalesce(o.abstract, '') AS text, coalesce(o.year, 0) AS year, o.{m.EMBEDDING} AS vector "
    "ORDER BY member_id, output_id"
)
STATEMENT_EVIDENCE = (
    f"MATCH (mem:{m.MEMBER}) WHERE mem.id IN $ids "
    "AND trim(coalesce(mem.expertise_statement, '')) <> '' "
    f"AND (NOT $embedded_only OR mem.{m.EMBEDDING} IS NOT NULL) "
    f"RETURN mem.id AS member_id, mem.expertise_statement AS text, mem.{m.EMBEDDING} AS vector "
    "ORDER BY member_id"
)
