"""Cypher for the skills vocabulary: Skill nodes with a name, synonyms and a kind."""

from __future__ import annotations

from graph_schema import model as m

# Write or refresh vocabulary skills, merged on id; $skills: [{id, name, synonyms, kind}].
MERGE_SKILLS = f"""
UNWIND $skills AS skill
MERGE (s:{m.SKILL} {{id: skill.id}})
SET s.name = skill.name, s.synonyms = skill.synonyms, s.kind = skill.kind
"""

# The vocabulary, by id: -> id, name, synonyms, kind
READ_SKILLS = (
    f"MATCH (s:{m.SKILL}) WHERE s.name IS NOT NULL "
    "RETURN s.id AS id, s.name AS name, coalesce(s.synonyms, []) AS synonyms, "
    "coalesce(s.kind, 'topic') AS kind ORDER BY s.id"
)

# A new vocabulary skill; returns nothing when its id is taken (the service checks first).
CREATE_SKILL = f"""
MERGE (s:{m.SKILL} {{id: $id}})
ON CREATE SET s.name = $name, s.synonyms = $synonyms, s.kind = $kind
"""

# One more synonym for a skill, kept once.
ADD_SYNONYM = (
    f"MATCH (s:{m.SKILL} {{id: $id}}) "
    "WHERE NOT $synonym IN coalesce(s.synonyms, []) "
    "SET s.synonyms = coalesce(s.synonyms, []) + $synonym"
)

# Up to $limit member ids after $after, in order: -> id
MEMBER_ID_PAGE = (
    f"MATCH (mem:{m.MEMBER}) WHERE mem.id > $after RETURN mem.id AS id ORDER BY id LIMIT $limit"
)

# Replace the members' links of $source with $members: [{id, skills: [{skill_id, level,
# evidence}]}]; a member with no skills loses its links of that source.
REPLACE_MEMBER_SKILLS = f"""
UNWIND $members AS row
MATCH (mem:{m.MEMBER} {{id: row.id}})
CALL (mem) {{
  MATCH (mem)-[old:{m.HAS_SKILL} {{source: $source}}]->(:{m.SKILL})
  DELETE old
}}
WITH mem, row
UNWIND row.skills AS claim
MATCH (s:{m.SKILL} {{id: claim.skill_id}})
CREATE (mem)-[:{m.HAS_SKILL} {{source: $source, level: claim.level, evidence: claim.evidence}}]->(s)
"""

# -> id, skills: [{skill_id, level, source, evidence}] for the members in $ids
MEMBER_SKILL_LINKS = (
    f"MATCH (mem:{m.MEMBER}) WHERE mem.id IN $ids "
    f"OPTIONAL MATCH (mem)-[r:{m.HAS_SKILL}]->(s:{m.SKILL}) "
    "WITH mem, r, s ORDER BY s.id "
    "RETURN mem.id AS id, [x IN collect({skill_id: s.id, level: r.level, source: r.source, "
    "evidence: r.evidence}) WHERE x.skill_id IS NOT NULL] AS skills ORDER BY id"
)
