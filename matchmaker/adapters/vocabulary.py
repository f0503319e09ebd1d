"""The skills vocabulary in the graph: read it as domain objects, merge skills into it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict
from typing import Any

from graph_schema.queries import skills as q
from matchmaker.adapters.graph import Graph
from matchmaker.matching.skill_levels import SkillClaim
from matchmaker.matching.vocabulary import Vocabulary, VocabularySkill


def read_vocabulary(graph: Graph) -> Vocabulary:
    """The graph's Skill nodes that have a name, by id; raises Neo4jUnavailable."""
    rows = graph.read(q.READ_SKILLS)
    return Vocabulary(tuple(
        VocabularySkill(str(r["id"]), str(r["name"]), tuple(map(str, r["synonyms"])),
                        str(r["kind"]))
        for r in rows
    ))  # fmt: skip


def merge_skills(graph: Graph, skills: Sequence[VocabularySkill]) -> int:
    """Write `skills`, merged on id (names, synonyms and kinds replaced); how many.
    Raises Neo4jUnavailable."""
    rows = [{"id": s.id, "name": s.name, "synonyms": list(s.synonyms), "kind": s.kind}
            for s in skills]  # fmt: skip
    graph.write(q.MERGE_SKILLS, skills=rows)
    return len(rows)


def member_id_page(graph: Graph, after: str, limit: int) -> list[str]:
    """Up to `limit` member ids after `after`, in order; raises Neo4jUnavailable."""
    return [str(r["id"]) for r in graph.read(q.MEMBER_ID_PAGE, after=after, limit=limit)]


def replace_member_skills(
    graph: Graph, claims: Mapping[str, Sequence[SkillClaim]], source: str
) -> None:
    """Each member's links of `source` become exactly their claims, in one transaction.
    Raises Neo4jUnavailable."""
    members = [
        {"id": member_id, "skills": [asdict(c) | {"evidence": list(c.evidence)} for c in cs]}
        for member_id, cs in claims.items()
    ]
    graph.write(q.REPLACE_MEMBER_SKILLS, members=members, source=source)


def member_skill_links(graph: Graph, member_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    """Each member's skill links (skill_id, level, source, evidence), by skill id."""
    rows = graph.read(q.MEMBER_SKILL_LINKS, ids=list(member_ids))
    return {str(r["id"]): list(r["skills"]) for r in rows}
