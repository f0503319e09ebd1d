"""The skills an idea needs, as its proposer confirmed them: (Idea)-[:NEEDS_SKILL]->(Skill).

Until skills are confirmed, the idea's proposal is the vocabulary skills its free-text skills
name (by name or synonym), then those derived from its title and summary (services.skills):
vocabulary entries only. The proposer (or STERIC staff) removes some, adds others from the
vocabulary and confirms; the confirmed list replaces any earlier one in one audited write. A
team suggested for the idea uses the confirmed skills when there are any (`confirmed_names`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from embeddings import Embedder
from graph_schema import model as m
from graph_schema.queries import skills as q
from matchmaker.adapters import reads, writes
from matchmaker.adapters.audit import AuditEntry, write_audited
from matchmaker.adapters.graph import Graph
from matchmaker.adapters.targets import Target
from matchmaker.adapters.vocabulary import IdeaSkillRow, idea_skills, read_vocabulary
from matchmaker.auth.roles import Viewer
from matchmaker.errors import NotFound, PermissionDenied
from matchmaker.matching.vocabulary import Vocabulary, VocabularySkill
from matchmaker.services.skills import derive_skills
from matchmaker.services.team_request import MAX_SKILLS
from matchmaker.services.validation import Checks


@dataclass(frozen=True)
class IdeaSkills:
    idea_id: str
    confirmed: bool  # False: `skills` is the proposal, not yet confirmed
    skills: tuple[VocabularySkill, ...]


def _clean(label: str) -> str:
    return " ".join(label.split()).lower()


def _by_label(vocabulary: Vocabulary) -> dict[str, VocabularySkill]:
    return {_clean(label): s for s in vocabulary.skills for label in s.labels}


def _visible_row(graph: Graph, viewer: Viewer, idea_id: str) -> IdeaSkillRow:
    row = idea_skills(graph, idea_id)
    if row is None or reads.one(graph, m.IDEA, idea_id, viewer) is None:
        raise NotFound("idea", idea_id)
    return row


def _proposal(
    embedder: Embedder, row: IdeaSkillRow, vocabulary: Vocabulary
) -> list[VocabularySkill]:
    by_label = _by_label(vocabulary)
    named = [by_label[_clean(r)] for r in row.required if _clean(r) in by_label]
    text = f"{row.title}. {row.summary}" if row.summary else row.title
    by_name = {s.name: s for s in vocabulary.skills}
    derived = [by_name[n] for n in derive_skills(embedder, text, vocabulary)]
    unique = {s.id: s for s in [*named, *derived]}
    return list(unique.values())[:MAX_SKILLS]


def skills_of_idea(graph: Graph, embedder: Embedder, viewer: Viewer, idea_id: str) -> IdeaSkills:
    """The idea's confirmed skills, or the proposal when none are confirmed. Raises NotFound
    (no such idea for the viewer), Neo4jUnavailable and what the embedder raises."""
    row = _visible_row(graph, viewer, idea_id)
    if row.confirmed:
        return IdeaSkills(idea_id, True, tuple(VocabularySkill(i, n) for i, n in row.confirmed))
    return IdeaSkills(idea_id, False, tuple(_proposal(embedder, row, read_vocabulary(graph))))


def _may_confirm(graph: Graph, viewer: Viewer, idea_id: str) -> None:
    owner = writes.idea_owner(graph, idea_id)
    if owner is None or reads.one(graph, m.IDEA, idea_id, viewer) is None:
        raise NotFound("idea", idea_id)
    if not viewer.is_staff and (viewer.member_id is None or owner != viewer.id):
        raise PermissionDenied("Only the idea's proposer or STERIC staff confirm its skills.")


def _resolve(labels: Sequence[str], vocabulary: Vocabulary) -> list[VocabularySkill]:
    checks = Checks()
    by_label = _by_label(vocabulary)
    cleaned = [label for label in labels if label.strip()]
    checks.number("skills", len(cleaned), 1, MAX_SKILLS)
    for label in cleaned:
        if _clean(label) not in by_label:
            checks.fail(
                "skills", f"{' '.join(label.split())[:60]!r} is not in the skills vocabulary"
            )
    checks.done()
    unique = {by_label[_clean(label)].id: by_label[_clean(label)] for label in cleaned}
    return list(unique.values())


def confirm_idea_skills(
    graph: Graph, viewer: Viewer, idea_id: str, labels: Sequence[str]
) -> IdeaSkills:
    """The idea's confirmed skills become the vocabulary skills `labels` name (a name or a
    synonym, case and spacing aside), in that order, repeats once; all or nothing, audited.
    Raises NotFound, PermissionDenied (neither its proposer nor staff), InvalidFields (no
    skill, more than MAX_SKILLS, or a label the vocabulary lacks, named) and Neo4jUnavailable."""
    _may_confirm(graph, viewer, idea_id)
    skills = _resolve(labels, read_vocabulary(graph))
    params = {"id": idea_id, "skill_ids": [s.id for s in skills], "by": viewer.id}
    detail = ", ".join(s.name for s in skills)[:200]
    entry = AuditEntry(viewer.id, viewer.audience, "confirmIdeaSkills", idea_id, detail)
    write_audited(graph, entry, [(q.REPLACE_IDEA_SKILLS, params)])
    return IdeaSkills(idea_id, True, tuple(VocabularySkill(s.id, s.name) for s in skills))


def confirmed_names(graph: Graph, target: Target) -> tuple[str, ...]:
    """The names of the skills confirmed on an idea target; none for any other target."""
    if target.kind != "idea":
        return ()
    row = idea_skills(graph, target.id)
    return tuple(name for _, name in row.confirmed) if row else ()
