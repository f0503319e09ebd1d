"""Use cases for STERIC staff: seat members in a group directly, or take them out.

A Task-and-Finish group that is a draft or inviting changes only through its lifecycle
(services.task_groups): its members have not accepted yet."""

from __future__ import annotations

from graph_schema import model as m
from graph_schema.queries import api_writes as q
from matchmaker.adapters import reads, writes
from matchmaker.adapters.audit import AuditEntry, write_audited
from matchmaker.adapters.graph import Graph
from matchmaker.auth.roles import Viewer
from matchmaker.domain.group_lifecycle import EDITABLE
from matchmaker.domain.model import Group, GroupKind
from matchmaker.errors import NotFound, PermissionDenied
from matchmaker.services.validation import Checks

ROLES = ("member", "chair", "secretary", "lead")
LIFECYCLE_STATES = frozenset(state.value for state in EDITABLE)


def _staff(viewer: Viewer) -> None:
    if not viewer.is_staff:
        raise PermissionDenied("Only STERIC staff manage groups.")


def _outside_lifecycle(found: Group) -> None:
    if found.kind is GroupKind.TASK_GROUP and found.status in LIFECYCLE_STATES:
        raise PermissionDenied(
            "This task group is still being formed: propose members on its page instead."
        )


def group(graph: Graph, viewer: Viewer, group_id: str) -> Group:
    """The group as the viewer may see it; raises NotFound."""
    found = reads.one(graph, m.GROUP, group_id, viewer)
    if found is None:
        raise NotFound("group", group_id)
    return found  # type: ignore[no-any-return]


def add_group_member(
    graph: Graph, viewer: Viewer, group_id: str, member_id: str, role: str
) -> Group:
    """Seat a member in a group (or change their role); raises NotFound, InvalidFields."""
    _staff(viewer)
    checks = Checks()
    checks.choice("role", role, ROLES)
    checks.done()
    _outside_lifecycle(group(graph, viewer, group_id))
    if not writes.existing(graph, m.MEMBER, [member_id]):
        raise NotFound("member", member_id)
    params = {"group_id": group_id, "member_id": member_id, "role": role}
    entry = AuditEntry(
        viewer.id, viewer.audience, "addGroupMember", group_id, f"{member_id} as {role}"
    )
    write_audited(graph, entry, [(q.ADD_GROUP_MEMBER, params)])
    return group(graph, viewer, group_id)


def remove_group_member(graph: Graph, viewer: Viewer, group_id: str, member_id: str) -> Group:
    """Take a member out of a group; raises NotFound when they were not in it."""
    _staff(viewer)
    _outside_lifecycle(group(graph, viewer, group_id))
    if writes.membership_role(graph, group_id, member_id) is None:
        raise NotFound("membership", f"{member_id} in {group_id}")
    params = {"group_id": group_id, "member_id": member_id}
    entry = AuditEntry(viewer.id, viewer.audience, "removeGroupMember", group_id, member_id)
    write_audited(graph, entry, [(q.REMOVE_GROUP_MEMBER, params)])
    return group(graph, viewer, group_id)
