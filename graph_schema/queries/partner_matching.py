"""Cypher for partner suggestion: pre-selection, partner records with similarities, KTP rules.

Hidden partners (`visible = false`) are read only when $all_partners is true (staff).
Similarities are computed inside Neo4j as in graph_schema.queries.matching: each vector of
$vectors gives (1 + cosine) / 2.
"""

from __future__ import annotations

from graph_schema import model as m

PARTNER_VECTOR_INDEX = m.VECTOR_INDEXES[m.PARTNER]
PARTNER_TEXT_INDEX = "partner_text"
_VISIBLE = "($all_partners OR coalesce(p.visible, true))"

# -> id, score (best index score over $vectors, $k nodes a vector)
NEAREST_PARTNERS = (
    "UNWIND $vectors AS vector "
    f"CALL db.index.vector.queryNodes('{PARTNER_VECTOR_INDEX}', $k, vector) YIELD node, score "
    f"WITH node AS p, score WHERE {_VISIBLE} "
    "RETURN p.id AS id, max(score) AS score"
)
# $queries [{q, text}] -> query, id, score
PARTNER_TEXT_HITS = (
    "UNWIND $queries AS query "
    f"CALL db.index.fulltext.queryNodes('{PARTNER_TEXT_INDEX}', query.text, {{limit: $k}}) "
    f"YIELD node, score WITH query, node AS p, score WHERE {_VISIBLE} "
    "RETURN query.q AS query, p.id AS id, score"
)
# One record per partner of $ids, in id order.
PARTNERS = (
    f"UNWIND $ids AS id MATCH (p:{m.PARTNER} {{id: id}}) WHERE {_VISIBLE} "
    "RETURN p.id AS id, coalesce(p.name, p.id) AS name, coalesce(p.kind, '') AS kind, "
    "coalesce(p.sector, '') AS sector, coalesce(p.region, '') AS region, "
    "coalesce(p.fte, 0) AS fte, coalesce(p.visible, true) AS visible, "
    "coalesce(p.description, '') AS description, "
    f"COLLECT {{ MATCH (p)-[:{m.PART_OF}]->(n:{m.NETWORK}) "
    "RETURN [n.id, coalesce(n.name, n.id)] } AS networks, "
    f"COLLECT {{ MATCH (p)-[:{m.SAME_AS}]->(o:{m.ORGANISATION}) RETURN o.id }} AS organisations, "
    f"CASE WHEN p.{m.EMBEDDING} IS NULL THEN null ELSE "
    f"[vector IN $vectors | vector.similarity.cosine(p.{m.EMBEDDING}, vector)] END AS similarities "
    "ORDER BY id"
)
# Partners any of $members declared a conflict with. -> id
PARTNER_CONFLICTS = (
    f"MATCH (mem:{m.MEMBER})-[:{m.DECLARED_CONFLICT}]->(p:{m.PARTNER}) WHERE mem.id IN $members "
    "RETURN DISTINCT p.id AS id"
)
# The newest round's rule. -> id, round, min_business_fte, public_sector_business_allowed,
# business_kinds (list of partner kinds allowed as the business; null = any)
KTP_RULE = (
    f"MATCH (r:{m.KTP_RULE}) RETURN r.id AS id, toString(coalesce(r.round, r.id)) AS round, "
    "r.min_business_fte AS min_business_fte, "
    "r.public_sector_business_allowed AS public_sector_business_allowed, "
    "r.business_kinds AS business_kinds "
    "ORDER BY round DESC, id DESC LIMIT 1"
)
