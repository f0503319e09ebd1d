"""Cypher that fills the service's in-memory matching index (matchmaker.adapters.match_index).

The index keeps every embedded document's vector in memory, so a suggestion finds nearest
documents and computes cosines without a round trip. It is refreshed by diffing: the light
reads below say what each document is (its text hash, model, title, year and authors) and
what each member's filter facts are; only vectors (and the texts they were made from, for
the in-memory full-text scores) whose hash or model changed are read again. Every query
here is a read.
"""

from __future__ import annotations

from graph_schema import model as m
from graph_schema.queries.matching import active_load

# -> id, hash, model, title, year, authors (member ids); every embedded output, by id.
INDEX_OUTPUTS = (
    f"MATCH (o:{m.OUTPUT}) WHERE o.{m.EMBEDDING} IS NOT NULL "
    f"RETURN o.id AS id, o.{m.EMBEDDING_HASH} AS hash, o.{m.EMBEDDING_MODEL} AS model, "
    "coalesce(o.title, '') AS title, coalesce(o.year, 0) AS year, "
    f"COLLECT {{ MATCH (mem:{m.MEMBER})-[:{m.AUTHORED}]->(o) RETURN mem.id ORDER BY mem.id }} "
    "AS authors ORDER BY id"
)

# -> id, embedded (bool), hash, model, and the facts graph_schema.queries.matching.member_filter
# tests, with the same defaults: open, partners, region, stage, hours, max_groups, load,
# sectors (of every organisation), sigs (ids and names of every SIG).
INDEX_MEMBERS = (
    f"MATCH (mem:{m.MEMBER}) "
    f"RETURN mem.id AS id, mem.{m.EMBEDDING} IS NOT NULL AS embedded, "
    f"mem.{m.EMBEDDING_HASH} AS hash, mem.{m.EMBEDDING_MODEL} AS model, "
    "coalesce(mem.open_to_matching, true) AS open, "
    "coalesce(mem.visible_to_partners, false) AS partners, "
    "mem.region AS region, mem.career_stage AS stage, "
    "coalesce(mem.availability_hours, 0) AS hours, coalesce(mem.max_groups, 0) AS max_groups, "
    f"{active_load('mem')} AS load, "
    f"COLLECT {{ MATCH (mem)-[:{m.WORKS_AT}]->(o:{m.ORGANISATION}) RETURN o.sector }} AS sectors, "
    f"COLLECT {{ MATCH (mem)-[:{m.MEMBER_OF}]->(g:{m.SIG}) UNWIND [g.id, g.name] AS key "
    "RETURN key } AS sigs ORDER BY id"
)

# $ids -> id, vector, props (the properties embeddings.texts builds the node's text from)
OUTPUT_VECTORS = (
    f"UNWIND $ids AS id MATCH (o:{m.OUTPUT} {{id: id}}) WHERE o.{m.EMBEDDING} IS NOT NULL "
    f"RETURN o.id AS id, o.{m.EMBEDDING} AS vector, o {{.title, .abstract}} AS props"
)
MEMBER_VECTORS = (
    f"UNWIND $ids AS id MATCH (mem:{m.MEMBER} {{id: id}}) WHERE mem.{m.EMBEDDING} IS NOT NULL "
    f"RETURN mem.id AS id, mem.{m.EMBEDDING} AS vector, mem {{.expertise_statement}} AS props"
)

# A trivial read whose bookmark names the last transaction the database committed.
MARK = "RETURN 1 AS ok"
