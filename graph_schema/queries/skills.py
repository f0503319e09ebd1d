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
