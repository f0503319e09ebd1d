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

# Every query below that yields many items returns them in one record, as the list `rows`
# of maps: the Python driver spends tens of microseconds on each record it receives, which
# for the tens of thousands of documents of a large graph was seconds of CPU a refresh.

# -> rows [{id, hash, model, title, year, authors (member ids)}]: every embedded output, by id.
INDEX_OUTPUTS = (
    f"MATCH (o:{m.OUTPUT}) WHERE o.{m.EMBEDDING} IS NOT NULL WITH o ORDER BY o.id "
    f"RETURN collect({{id: o.id, hash: o.{m.EMBEDDING_HASH}, model: o.{m.EMBEDDING_MODEL}, "
    "title: coalesce(o.title, ''), year: coalesce(o.year, 0), "
    f"authors: COLLECT {{ MATCH (mem:{m.MEMBER})-[:{m.AUTHORED}]->(o) RETURN mem.id "
    "ORDER BY mem.id }}) AS rows"
)

# -> rows [{id, embedded (bool), hash, model, and the facts
# graph_schema.queries.matching.member_filter tests, with the same defaults: open, partners,
# region, stage, hours, max_groups, load, sectors (of every organisation), sigs (ids and
# names of every SIG)}], by id.
INDEX_MEMBERS = (
    f"MATCH (mem:{m.MEMBER}) WITH mem ORDER BY mem.id "
    f"RETURN collect({{id: mem.id, embedded: mem.{m.EMBEDDING} IS NOT NULL, "
    f"hash: mem.{m.EMBEDDING_HASH}, model: mem.{m.EMBEDDING_MODEL}, "
    "open: coalesce(mem.open_to_matching, true), "
    "partners: coalesce(mem.visible_to_partners, false), "
    "members: coalesce(mem.visible_to_members, true), "
    "region: mem.region, stage: mem.career_stage, "
    "hours: coalesce(mem.availability_hours, 0), max_groups: coalesce(mem.max_groups, 0), "
    f"load: {active_load('mem')}, "
    f"sectors: COLLECT {{ MATCH (mem)-[:{m.WORKS_AT}]->(o:{m.ORGANISATION}) RETURN o.sector }}, "
    f"sigs: COLLECT {{ MATCH (mem)-[:{m.MEMBER_OF}]->(g:{m.SIG}) UNWIND [g.id, g.name] AS key "
    "RETURN key }}) AS rows"
)

# $ids -> rows [{id, vector, props (the properties embeddings.texts builds the text from)}]
OUTPUT_VECTORS = (
    f"UNWIND $ids AS id MATCH (o:{m.OUTPUT} {{id: id}}) WHERE o.{m.EMBEDDING} IS NOT NULL "
    f"RETURN collect({{id: o.id, vector: o.{m.EMBEDDING}, props: o {{.title, .abstract}}}}) "
    "AS rows"
)
MEMBER_VECTORS = (
    f"UNWIND $ids AS id MATCH (mem:{m.MEMBER} {{id: id}}) WHERE mem.{m.EMBEDDING} IS NOT NULL "
    f"RETURN collect({{id: mem.id, vector: mem.{m.EMBEDDING}, "
    "props: mem {.expertise_statement}}) AS rows"
)

# The skill phrases the graph names (skills' names and synonyms, ideas' required skills), at
# most $limit, in one row: -> names
SKILL_VOCABULARY = (
    f"CALL () {{ MATCH (s:{m.SKILL}) WHERE s.name IS NOT NULL "
    "UNWIND [s.name] + coalesce(s.synonyms, []) AS name RETURN name "
    f"UNION MATCH (i:{m.IDEA}) UNWIND coalesce(i.required_skills, []) AS name RETURN name }} "
    "WITH name ORDER BY name LIMIT $limit RETURN collect(name) AS names"
)

# Partners' descriptions, whose sentences partner scoring encodes, in one row: -> texts
PARTNER_DESCRIPTIONS = (
    f"MATCH (p:{m.PARTNER}) WHERE p.description IS NOT NULL RETURN collect(p.description) AS texts"
)

# A trivial read whose bookmark names the last transaction the database committed.
MARK = "RETURN 1 AS ok"
