"""Staff curation of the skills vocabulary: add a skill, add a synonym to one, say what one
covers (its description, which skill derivation compares a whole text with), accept or reject
a phrase mined from members' evidence (services.skill_mining). Audited.

A label (name or synonym) may belong to one skill only, case and spacing aside, so that a
word in a text cannot name two skills. Derivation reads the graph's vocabulary, so a skill
added here can be derived for a text at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from graph_schema.queries import skills as q
from matchmaker.adapters.audit import AuditEntry, write_audited
from matchmaker.adapters.graph import Graph
from matchmaker.adapters.vocabulary import ProposedSkill, proposed_skills, read_vocabulary
from matchmaker.auth.roles import Viewer
from matchmaker.errors import NotFound, PermissionDenied
from matchmaker.importing.checks import NAME_MAX
from matchmaker.importing.vocabulary import KINDS, MAX_DESCRIPTION, MAX_SYNONYMS
from matchmaker.matching.vocabulary import Vocabulary, VocabularySkill
from matchmaker.services.validation import Checks


@dataclass(frozen=True)
class SkillDraft:
    name: str
    synonyms: tuple[str, ...] = ()
    kind: str = "topic"
    description: str = ""


def _staff(viewer: Viewer) -> None:
    if not viewer.is_staff:
        raise PermissionDenied("Only STERIC staff curate the skills vocabulary.")


def _clean(text: str) -> str:
    return " ".join(text.split())


def _owners(vocabulary: Vocabulary) -> dict[str, str]:
    return {_clean(label).lower(): s.id for s in vocabulary.skills for label in s.labels}


def _check_label(checks: Checks, field: str, label: str, owners: dict[str, str]) -> None:
    checks.text(field, label, 2, NAME_MAX)
    owner = owners.get(_clean(label).lower())
    if owner is not None:
        checks.fail(field, f"{_clean(label)[:40]!r} already names skill {owner}")


def _skill_id(name: str) -> str:
    return "skill-" + (re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:60] or "unnamed")


def add_skill(graph: Graph, viewer: Viewer, draft: SkillDraft) -> VocabularySkill:
    """A new vocabulary skill; raises PermissionDenied and InvalidFields (naming the field)."""
    _staff(viewer)
    vocabulary = read_vocabulary(graph)
    owners = _owners(vocabulary)
    checks = Checks()
    _check_label(checks, "name", draft.name, owners)
    if _skill_id(draft.name) in {s.id for s in vocabulary.skills}:
        checks.fail("name", f"gives the id {_skill_id(draft.name)}, which another skill holds")
    checks.choice("kind", draft.kind, KINDS)
    if len(draft.synonyms) > MAX_SYNONYMS:
        checks.fail("synonyms", f"may hold at most {MAX_SYNONYMS} (got {len(draft.synonyms)})")
    for synonym in draft.synonyms:
        _check_label(checks, "synonyms", synonym, owners)
    if len({_clean(s).lower() for s in (draft.name, *draft.synonyms)}) < 1 + len(draft.synonyms):
        checks.fail("synonyms", "repeat the name or each other")
    checks.text("description", draft.description, 0, MAX_DESCRIPTION)
    checks.done()
    skill = VocabularySkill(
        _skill_id(draft.name), _clean(draft.name), tuple(map(_clean, draft.synonyms)), draft.kind,
        _clean(draft.description),
    )  # fmt: skip
    params = {"id": skill.id, "name": skill.name, "synonyms": list(skill.synonyms),
              "kind": skill.kind, "description": skill.description}  # fmt: skip
    entry = AuditEntry(viewer.id, viewer.audience, "addSkill", skill.id, skill.name)
    write_audited(graph, entry, [(q.CREATE_SKILL, params)])
    return skill


def add_skill_synonym(graph: Graph, viewer: Viewer, skill_id: str, synonym: str) -> VocabularySkill:
    """The skill with one more synonym; raises PermissionDenied, NotFound and InvalidFields."""
    _staff(viewer)
    vocabulary = read_vocabulary(graph)
    skill = next((s for s in vocabulary.skills if s.id == skill_id), None)
    if skill is None:
        raise NotFound("skill", skill_id)
    checks = Checks()
    _check_label(checks, "synonym", synonym, _owners(vocabulary))
    if len(skill.synonyms) >= MAX_SYNONYMS:
        checks.fail("synonym", f"{skill_id} already has {MAX_SYNONYMS} synonyms, the most")
    checks.done()
    entry = AuditEntry(viewer.id, viewer.audience, "addSkillSynonym", skill_id, _clean(synonym))
    write_audited(graph, entry, [(q.ADD_SYNONYM, {"id": skill_id, "synonym": _clean(synonym)})])
    return replace(skill, synonyms=(*skill.synonyms, _clean(synonym)))


def set_skill_description(
    graph: Graph, viewer: Viewer, skill_id: str, description: str
) -> VocabularySkill:
    """The skill with `description` (what it covers) in place of the one it had; an empty one
    makes derivation compare texts with its labels instead. Raises PermissionDenied, NotFound
    and InvalidFields."""
    _staff(viewer)
    skill = next((s for s in read_vocabulary(graph).skills if s.id == skill_id), None)
    if skill is None:
        raise NotFound("skill", skill_id)
    checks = Checks()
    checks.text("description", description, 0, MAX_DESCRIPTION)
    checks.done()
    cleaned = _clean(description)
    entry = AuditEntry(viewer.id, viewer.audience, "setSkillDescription", skill_id, cleaned[:80])
    write_audited(graph, entry, [(q.SET_DESCRIPTION, {"id": skill_id, "description": cleaned})])
    return replace(skill, description=cleaned)


def proposed(graph: Graph, viewer: Viewer) -> list[ProposedSkill]:
    """Phrases mined from members' evidence that wait for staff; raises PermissionDenied."""
    _staff(viewer)
    return proposed_skills(graph)


def _proposal(graph: Graph, skill_id: str) -> ProposedSkill:
    found = next((p for p in proposed_skills(graph) if p.id == skill_id), None)
    if found is None:
        raise NotFound("proposed skill", skill_id)
    return found


def accept_proposed(graph: Graph, viewer: Viewer, skill_id: str) -> VocabularySkill:
    """A proposed skill joins the vocabulary, so matching can use it. Raises PermissionDenied,
    NotFound (no undecided proposal with that id) and InvalidFields (its name is already
    another skill's label)."""
    _staff(viewer)
    found = _proposal(graph, skill_id)
    checks = Checks()
    _check_label(checks, "skillId", found.name, _owners(read_vocabulary(graph)))
    checks.done()
    _decide(graph, viewer, found, "accepted")
    return VocabularySkill(found.id, found.name)


def reject_proposed(graph: Graph, viewer: Viewer, skill_id: str) -> VocabularySkill:
    """A proposed skill is set aside (kept, so mining does not propose it again); raises
    PermissionDenied and NotFound."""
    _staff(viewer)
    found = _proposal(graph, skill_id)
    _decide(graph, viewer, found, "rejected")
    return VocabularySkill(found.id, found.name)


def _decide(graph: Graph, viewer: Viewer, found: ProposedSkill, status: str) -> None:
    action = "acceptSkill" if status == "accepted" else "rejectSkill"
    entry = AuditEntry(viewer.id, viewer.audience, action, found.id, found.name)
    params = {"id": found.id, "status": status, "by": viewer.id}
    write_audited(graph, entry, [(q.DECIDE_PROPOSED, params)])
