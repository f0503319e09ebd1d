"""The skills vocabulary in the graph: read it as domain objects, merge skills into it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
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
                        str(r["kind"]), str(r["description"]))
        for r in rows
    ))  # fmt: skip


def merge_skills(graph: Graph, skills: Sequence[VocabularySkill]) -> int:
    """Write `skills`, merged on id (names, synonyms, kinds and descriptions replaced); how many.
    Raises Neo4jUnavailable."""
    rows = [{"id": s.id, "name": s.name, "synonyms": list(s.synonyms), "kind": s.kind,
             "description": s.description} for s in skills]  # fmt: skip
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


@dataclass(frozen=True)
class IdeaSkillRow:
    """An idea's text and free-text skills, and the skills confirmed on it, in order."""

    title: str
    summary: str
    required: tuple[str, ...]
    confirmed: tuple[tuple[str, str], ...]  # (skill id, name)


def idea_skills(graph: Graph, idea_id: str) -> IdeaSkillRow | None:
    """The idea's confirmed skills and text; None when there is no such idea.
    Raises Neo4jUnavailable."""
    rows = graph.read(q.IDEA_SKILLS, id=idea_id)
    if not rows:
        return None
    r = rows[0]
    confirmed = tuple((str(s["id"]), str(s["name"])) for s in r["skills"])
    return IdeaSkillRow(str(r["title"]), str(r["summary"]), tuple(map(str, r["required"])),
                        confirmed)  # fmt: skip


def all_labels(graph: Graph) -> list[tuple[str, str, tuple[str, ...]]]:
    """(id, status, labels) of every skill, proposals and rejected ones included."""
    rows = graph.read(q.ALL_LABELS)
    return [(str(r["id"]), str(r["status"]), tuple(map(str, r["labels"]))) for r in rows]


def proper_names(graph: Graph) -> dict[str, list[str]]:
    """Names by kind: "person" (members), "body" (organisations, partners, networks, groups)
    and "region"; raises Neo4jUnavailable."""
    found: dict[str, list[str]] = {"person": [], "body": [], "region": []}
    for r in graph.read(q.PROPER_NAMES):
        found[str(r["kind"])].append(str(r["name"]))
    return found


@dataclass(frozen=True)
class ProposedSkill:
    id: str
    name: str
    members: int  # how many members' evidence holds the phrase


def propose_mined(graph: Graph, proposals: Sequence[ProposedSkill]) -> None:
    """Write mined phrases as proposed skills (decided ones are left as they are)."""
    rows = [{"id": p.id, "name": p.name, "members": p.members} for p in proposals]
    graph.write(q.PROPOSE_MINED, phrases=rows)


def proposed_skills(graph: Graph) -> list[ProposedSkill]:
    """The undecided proposals, most members first; raises Neo4jUnavailable."""
    rows = graph.read(q.PROPOSED)
    return [ProposedSkill(str(r["id"]), str(r["name"]), int(r["members"])) for r in rows]
