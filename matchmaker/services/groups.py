"""Use cases for STERIC staff: create a Task-and-Finish group, add and remove members."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from graph_schema import model as m
from graph_schema.queries import api_writes as q
from matchmaker.adapters import reads, writes
from matchmaker.adapters.audit import AuditEntry, Step, write_audited
from matchmaker.adapters.graph import Graph
from matchmaker.auth.roles import Viewer
from matchmaker.domain.model import Group
from matchmaker.errors import NotFound, PermissionDenied
from matchmaker.services.validation import Checks

ROLES = ("member", "chair", "secretary", "lead")
MAX_MEMBERS = 30


@dataclass(frozen=True)
class GroupDraft:
    name: str
    remit: str
    theme_ids: tuple[str, ...] = ()
    member_ids: tuple[str, ...] = ()
    lead_id: str | None = None


def _staff(viewer: Viewer) -> None:
    if not viewer.is_staff:
        raise PermissionDenied("Only STERIC staff manage groups.")


def _check(graph: Graph, draft: GroupDraft) -> None:
    checks = Checks()
    checks.text("name", draft.name, 3, 160)
    checks.text("remit", draft.remit, 10, 5000)
    checks.idents("themeIds", draft.theme_ids, 10)
    checks.idents("memberIds", draft.member_ids, MAX_MEMBERS)
    checks.ident("leadId", draft.lead_id)
    checks.done()
    people = (*draft.member_ids, *([draft.lead_id] if draft.lead_id else []))
    checks.known("themeIds", draft.theme_ids, writes.existing(graph, m.THEME, draft.theme_ids))
    checks.known("memberIds", people, writes.existing(graph, m.MEMBER, people))
    checks.done()


def _group(graph: Graph, viewer: Viewer, group_id: str) -> Group:
    group = reads.one(graph, m.GROUP, group_id, viewer)
    if group is None:
        raise NotFound("group", group_id)
    return group  # type: ignore[no-any-return]


def create_task_group(graph: Graph, viewer: Viewer, draft: GroupDraft) -> Group:
    """A new active task group with its remit, themes and members; raises InvalidFields."""
    _staff(viewer)
    _check(graph, draft)
    group_id = f"tg-{uuid.uuid4().hex[:12]}"
    values = {"name": draft.name.strip(), "description": draft.remit.strip()}
    create = {"id": group_id, "created": date.today().isoformat(), "changes": values}
    steps: list[Step] = [
        (q.CREATE_TASK_GROUP, create),
        (q.set_themes(m.GROUP), {"id": group_id, "theme_ids": list(draft.theme_ids)}),
        (q.ADD_GROUP_MEMBERS, {"group_id": group_id, "member_ids": list(draft.member_ids)}),
    ]
    if draft.lead_id:
        lead = {"group_id": group_id, "member_id": draft.lead_id, "role": "lead"}
        steps.append((q.ADD_GROUP_MEMBER, lead))
    detail = f"{values['name']} with {len(set(draft.member_ids))} members"
    write_audited(
        graph, AuditEntry(viewer.id, viewer.audience, "createTaskGroup", group_id, detail), steps
    )
    return _group(graph, viewer, group_id)


def add_group_member(
    graph: Graph, viewer: Viewer, group_id: str, member_id: str, role: str
) -> Group:
    """Seat a member in a group (or change their role); raises NotFound, InvalidFields."""
    _staff(viewer)
    checks = Checks()
    checks.choice("role", role, ROLES)
    checks.done()
    _group(graph, viewer, group_id)
    if not writes.existing(graph, m.MEMBER, [member_id]):
        raise NotFound("member", member_id)
    params = {"group_id": group_id, "member_id": member_id, "role": role}
    entry = AuditEntry(
        viewer.id, viewer.audience, "addGroupMember", group_id, f"{member_id} as {role}"
    )
    write_audited(graph, entry, [(q.ADD_GROUP_MEMBER, params)])
    return _group(graph, viewer, group_id)


def remove_group_member(graph: Graph, viewer: Viewer, group_id: str, member_id: str) -> Group:
    """Take a member out of a group; raises NotFound when they were not in it."""
    _staff(viewer)
    _group(graph, viewer, group_id)
    if writes.membership_role(graph, group_id, member_id) is None:
        raise NotFound("membership", f"{member_id} in {group_id}")
    params = {"group_id": group_id, "member_id": member_id}
    entry = AuditEntry(viewer.id, viewer.audience, "removeGroupMember", group_id, member_id)
    write_audited(graph, entry, [(q.REMOVE_GROUP_MEMBER, params)])
    return _group(graph, viewer, group_id)
