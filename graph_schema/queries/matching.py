"""Cypher for matching: candidate pre-selection, candidate profiles with evidence scores.

Every query here is a read. Labels, relationship types and index names come from
graph_schema.model; user text and vectors are always parameters.

Who may appear is one predicate, `member_filter(v)`, ANDed into every candidate read, with
the parameters
    $open_only (bool)          only members open to matching (every audience but staff)
    $partners_only (bool)      only members visible to partners (the partner audience)
    $members_only (bool)       only members visible to members, or $looker (a member's id)
    $regions, $stages, $sectors, $sigs (lists; empty = any)   search filters
    $min_hours (int)           at least this many hours a month available
    $with_capacity (bool)      fewer active task groups/committees than max_groups
Missing consent flags read as the domain's defaults: open to matching yes, visible to
partners no, visible to members yes. This is a pre-filter: matchmaker.domain.privacy is
the policy, and every profile read here is checked against it again in Python.

Similarities are computed inside Neo4j (vector.similarity.cosine, which reports
(1 + cosine) / 2): shipping a handful of numbers per document instead of its 384 floats is
what keeps a suggestion fast, because the Python driver decodes long float lists slowly.
"""

from __future__ import annotations

from graph_schema import model as m

OUTPUT_VECTOR_INDEX = m.VECTOR_INDEXES[m.OUTPUT]
MEMBER_VECTOR_INDEX = m.VECTOR_INDEXES[m.MEMBER]
OUTPUT_TEXT_INDEX = "output_text"
MEMBER_TEXT_INDEX = "member_text"

# Groups that take a member's time: standing SIGs and open CoIs do not count as load.
LOAD_LABELS: tuple[str, ...] = (m.TASK_GROUP, m.COMMITTEE)


def active_load(v: str) -> str:
    """How many active task groups and committees member `v` sits on."""
    labels = " OR ".join(f"g:{label}" for label in LOAD_LABELS)
    return (
        f"COUNT {{ MATCH ({v})-[:{m.MEMBER_OF}]->(g:{m.GROUP}) "
        f"WHERE ({labels}) AND coalesce(g.status, 'active') = 'active' }}"
    )


def member_filter(v: str) -> str:
    """The predicate that decides whether member `v` may be a candidate (see module doc)."""
    return (
        f"(NOT $open_only OR coalesce({v}.open_to_matching, true)) "
        f"AND (NOT $partners_only OR coalesce({v}.visible_to_partners, false)) "
        f"AND (NOT $members_only OR coalesce({v}.visible_to_members, true) OR {v}.id = $looker) "
        f"AND (size($regions) = 0 OR {v}.region IN $regions) "
        f"AND (size($stages) = 0 OR {v}.career_stage IN $stages) "
        f"AND coalesce({v}.availability_hours, 0) >= $min_hours "
        f"AND (size($sectors) = 0 OR EXISTS {{ MATCH ({v})-[:{m.WORKS_AT}]->(o:{m.ORGANISATION}) "
        "WHERE o.sector IN $sectors }) "
        f"AND (size($sigs) = 0 OR EXISTS {{ MATCH ({v})-[:{m.MEMBER_OF}]->(g:{m.SIG}) "
        "WHERE g.id IN $sigs OR g.name IN $sigs }) "
        f"AND (NOT $with_capacity OR {active_load(v)} < coalesce({v}.max_groups, 0))"
    )


# Pre-selection: members whose outputs (or statement) are nearest to any of $vectors, $k
# nodes a vector. -> id, score (best index score, (1 + cosine) / 2).
NEAREST_AUTHORS = (
    f"UNWIND $vectors AS vector "
    f"CALL db.index.vector.queryNodes('{OUTPUT_VECTOR_INDEX}', $k, vector) YIELD node, score "
    f"MATCH (mem:{m.MEMBER})-[:{m.AUTHORED}]->(node) WHERE {member_filter('mem')} "
    "RETURN mem.id AS id, max(score) AS score"
)
NEAREST_STATEMENTS = (
    f"UNWIND $vectors AS vector "
    f"CALL db.index.vector.queryNodes('{MEMBER_VECTOR_INDEX}', $k, vector) YIELD node, score "
    f"WITH node AS mem, score WHERE {member_filter('mem')} "
    "RETURN mem.id AS id, max(score) AS score"
)

# Full-text hits for each query text: $queries is [{q: query number, text: Lucene query}].
# -> query, id (output id), score (Lucene), members (authors who may be candidates).
OUTPUT_TEXT_HITS = (
    "UNWIND $queries AS query "
    f"CALL db.index.fulltext.queryNodes('{OUTPUT_TEXT_INDEX}', query.text, {{limit: $k}}) "
    "YIELD node, score "
    "RETURN query.q AS query, node.id AS id, score, "
    f"COLLECT {{ MATCH (mem:{m.MEMBER})-[:{m.AUTHORED}]->(node) WHERE {member_filter('mem')} "
    "RETURN mem.id } AS members"
)
# -> query, id (member id), score; only members who may be candidates.
MEMBER_TEXT_HITS = (
    "UNWIND $queries AS query "
    f"CALL db.index.fulltext.queryNodes('{MEMBER_TEXT_INDEX}', query.text, {{limit: $k}}) "
    "YIELD node, score "
    f"WITH query, node AS mem, score WHERE {member_filter('mem')} "
    "RETURN query.q AS query, mem.id AS id, score"
)


def _similarities(v: str) -> str:
    return f"[vector IN $vectors | vector.similarity.cosine({v}.{m.EMBEDDING}, vector)]"


# Each group a member belongs to, in one walk of their memberships (a walk each for SIGs,
# CoIs and load cost a fifth of the profile read): [id, name, is a SIG, is a CoI, counts as
# load (an active task group or committee, as `active_load`)].
_LOAD_LABELS = " OR ".join(f"g:{label}" for label in LOAD_LABELS)
GROUP_ROW = (
    f"[g.id, g.name, g:{m.SIG}, g:{m.COI}, "
    f"g:{m.GROUP} AND ({_LOAD_LABELS}) AND coalesce(g.status, 'active') = 'active']"
)

# The profile of each candidate in $ids, by id, in one record (the list `rows`, one map a
# candidate: the driver's cost is per record), with `eligible`: whether member_filter holds
# now (with its parameters). $related: ids whose collaboration links matter (the other
# candidates and the proposer); $since: ISO date-time that starts "recently"; exposure
# counts the other targets a member was put forward for since then, not $target: shown
# marks on ideas, calls and task groups only (free text has no bound on how many targets a
# caller can invent, so it would let anyone push a person down everyone's suggestions).
CANDIDATES = (
    f"UNWIND $ids AS id MATCH (mem:{m.MEMBER} {{id: id}}) "
    f"OPTIONAL MATCH (mem)-[:{m.WORKS_AT}]->(org:{m.ORGANISATION}) "
    "WITH mem, head(collect(org)) AS org ORDER BY mem.id "
    "RETURN collect({id: mem.id, name: mem.name, discipline: mem.discipline, "
    "career_stage: mem.career_stage, region: mem.region, "
    "availability_hours: coalesce(mem.availability_hours, 0), "
    "max_groups: coalesce(mem.max_groups, 0), "
    "open_to_matching: coalesce(mem.open_to_matching, true), "
    "visible_to_partners: coalesce(mem.visible_to_partners, false), "
    "visible_to_members: coalesce(mem.visible_to_members, true), "
    "organisation_id: org.id, organisation_name: org.name, sector: org.sector, "
    f"groups: COLLECT {{ MATCH (mem)-[:{m.MEMBER_OF}]->(g) RETURN {GROUP_ROW} }}, "
    f"collaborators: COLLECT {{ MATCH (mem)-[:{m.COLLABORATED_WITH}]-(c:{m.MEMBER}) "
    "WHERE c.id IN $related RETURN DISTINCT c.id }, "
    f"conflicts: COLLECT {{ MATCH (mem)-[:{m.DECLARED_CONFLICT}]-(x) RETURN DISTINCT x.id }}, "
    f"exposure: COUNT {{ MATCH (s:{m.SUGGESTION})-[:{m.SUGGESTS}]->(mem) "
    "WHERE s.decision = 'suggested' AND s.target_kind <> 'text' "
    "AND s.at >= datetime($since) AND s.target_id <> $target "
    "RETURN DISTINCT s.target_id }, "
    f"eligible: {member_filter('mem')}}}) AS rows"
)

# The evidence of each candidate in $ids with its similarity to every vector of $vectors:
# -> id, statement (list of similarities, or null), outputs ([id, title, year, similarities]).
CANDIDATE_EVIDENCE = (
    f"UNWIND $ids AS id MATCH (mem:{m.MEMBER} {{id: id}}) "
    "RETURN mem.id AS id, "
    f"CASE WHEN mem.{m.EMBEDDING} IS NULL THEN null ELSE {_similarities('mem')} END "
    "AS statement, "
    f"COLLECT {{ MATCH (mem)-[:{m.AUTHORED}]->(o:{m.OUTPUT}) WHERE o.{m.EMBEDDING} IS NOT NULL "
    f"RETURN [o.id, o.title, coalesce(o.year, 0), {_similarities('o')}] ORDER BY o.id }} "
    "AS outputs"
)

# Texts of chosen evidence, for snippets. -> id, title, text
OUTPUT_TEXTS = (
    f"MATCH (o:{m.OUTPUT}) WHERE o.id IN $ids "
    "RETURN o.id AS id, o.title AS title, coalesce(o.abstract, '') AS text"
)
STATEMENT_TEXTS = (
    f"MATCH (mem:{m.MEMBER}) WHERE mem.id IN $ids "
    "RETURN mem.id AS id, coalesce(mem.expertise_statement, '') AS text"
)
