"""Cypher for the skills vocabulary: Skill nodes with a name, synonyms and a kind.

A skill mined from members' evidence starts with source "mined" and status "proposed"; staff
accept it (status "accepted") or reject it (status "rejected", kept so that mining does not
propose it again). Only skills with no status or status "accepted" are the vocabulary.
"""

from __future__ import annotations

from graph_schema import model as m

# Write or refresh vocabulary skills, merged on id; $skills: [{id, name, synonyms, kind}].
MERGE_SKILLS = f"""
UNWIND $skills AS skill
MERGE (s:{m.SKILL} {{id: skill.id}})
SET s.name = skill.name, s.synonyms = skill.synonyms, s.kind = skill.kind,
    s.description = skill.description
"""

# The vocabulary, by id: -> id, name, synonyms, kind, description
ACCEPTED = "coalesce(s.status, 'accepted') = 'accepted'"
READ_SKILLS = (
    f"MATCH (s:{m.SKILL}) WHERE s.name IS NOT NULL AND {ACCEPTED} "
    "RETURN s.id AS id, s.name AS name, coalesce(s.synonyms, []) AS synonyms, "
    "coalesce(s.kind, 'topic') AS kind, coalesce(s.description, '') AS description "
    "ORDER BY s.id"
)

# A new vocabulary skill; returns nothing when its id is taken (the service checks first).
CREATE_SKILL = f"""
MERGE (s:{m.SKILL} {{id: $id}})
ON CREATE SET s.name = $name, s.synonyms = $synonyms, s.kind = $kind,
    s.description = $description
"""

# A skill's description of what it covers, replaced.
SET_DESCRIPTION = f"MATCH (s:{m.SKILL} {{id: $id}}) SET s.description = $description"

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

# The idea's confirmed skills, in the order confirmed, and its text:
# -> title, summary, required (its free-text skills), skills: [{id, name}]
IDEA_SKILLS = f"""
MATCH (i:{m.IDEA} {{id: $id}})
OPTIONAL MATCH (i)-[r:{m.NEEDS_SKILL}]->(s:{m.SKILL})
WITH i, r, s ORDER BY r.position
RETURN coalesce(i.title, '') AS title, coalesce(i.summary, '') AS summary,
       coalesce(i.required_skills, []) AS required,
       [x IN collect({{id: s.id, name: s.name}}) WHERE x.id IS NOT NULL] AS skills
"""

# The idea's confirmed skills become exactly $skill_ids, in that order; -> linked (a count)
REPLACE_IDEA_SKILLS = f"""
MATCH (i:{m.IDEA} {{id: $id}})
CALL (i) {{
  MATCH (i)-[old:{m.NEEDS_SKILL}]->(:{m.SKILL})
  DELETE old
}}
WITH i
UNWIND range(0, size($skill_ids) - 1) AS k
MATCH (s:{m.SKILL} {{id: $skill_ids[k]}})
CREATE (i)-[:{m.NEEDS_SKILL} {{position: k, by: $by, at: datetime()}}]->(s)
RETURN count(*) AS linked
"""

# Every label of every skill, whatever its status: -> id, status, labels
ALL_LABELS = (
    f"MATCH (s:{m.SKILL}) WHERE s.name IS NOT NULL "
    "RETURN s.id AS id, coalesce(s.status, 'accepted') AS status, "
    "[s.name] + coalesce(s.synonyms, []) AS labels ORDER BY s.id"
)

# Names that must not become skills: -> kind (person | body | region), name. People are
# members; bodies are organisations, partners, networks and groups.
PROPER_NAMES = f"""
CALL () {{
  MATCH (n:{m.MEMBER}) WHERE n.name IS NOT NULL RETURN 'person' AS kind, n.name AS name
  UNION
  MATCH (n) WHERE (n:{m.ORGANISATION} OR n:{m.PARTNER} OR n:{m.NETWORK} OR n:{m.GROUP})
    AND n.name IS NOT NULL
  RETURN 'body' AS kind, n.name AS name
  UNION
  MATCH (n) WHERE (n:{m.MEMBER} OR n:{m.ORGANISATION} OR n:{m.PARTNER}) AND n.region IS NOT NULL
  RETURN 'region' AS kind, n.region AS name
}}
RETURN kind, name
"""

# Mined phrases proposed as skills; $phrases: [{id, name, members}]. A skill already decided
# (accepted or rejected) keeps its status; a proposal's member count is refreshed.
PROPOSE_MINED = f"""
UNWIND $phrases AS p
MERGE (s:{m.SKILL} {{id: p.id}})
ON CREATE SET s.name = p.name, s.synonyms = [], s.kind = 'topic', s.source = 'mined',
              s.status = 'proposed'
WITH s, p WHERE s.status = 'proposed'
SET s.members = p.members
"""

# The proposals staff have not decided yet: -> id, name, members
PROPOSED = (
    f"MATCH (s:{m.SKILL}) WHERE s.status = 'proposed' "
    "RETURN s.id AS id, s.name AS name, coalesce(s.members, 0) AS members "
    "ORDER BY members DESC, name"
)

# A proposal accepted or rejected by $by; -> id (none when it is not a proposal)
DECIDE_PROPOSED = (
    f"MATCH (s:{m.SKILL} {{id: $id}}) WHERE s.status = 'proposed' "
    "SET s.status = $status, s.decided_by = $by, s.decided_at = datetime() RETURN s.id AS id"
)
