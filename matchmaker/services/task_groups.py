"""Use cases of a Task-and-Finish group's life: staff draft, edit, invite, activate and close
it; an invited member accepts or declines. The rules are matchmaker.domain.group_lifecycle.

Every change is decided and written in one transaction with its audit event (adapters.
task_groups.change), so a broken rule or a failure changes nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from graph_schema import model as m
from matchmaker.adapters import task_groups as store
from matchmaker.adapters import writes
from matchmaker.adapters.audit import AuditEntry
from matchmaker.adapters.graph import Graph
from matchmaker.adapters.task_groups import Change, GroupFile, GroupInvitation
from matchmaker.auth.roles import Viewer
from matchmaker.domain import group_lifecycle as rules
from matchmaker.domain.group_lifecycle import Invitation, Lifecycle, RuleBroken
from matchmaker.errors import NotFound, PermissionDenied
from matchmaker.services.notices import group_proposal_steps
from matchmaker.services.validation import Checks

__all__ = ["GroupFile", "GroupInvitation", "RuleBroken"]


@dataclass(frozen=True)
class GroupDraft:
    name: str
    remit: str
    theme_ids: tuple[str, ...] = ()
    member_ids: tuple[str, ...] = ()
    chair_id: str | None = None
    minimum: int = 3


@dataclass(frozen=True)
class GroupEdit:
    """Fields to change; None leaves one as it is."""

    name: str | None = None
    remit: str | None = None
    minimum: int | None = None
    theme_ids: tuple[str, ...] | None = None


@dataclass(frozen=True)
class InvitationsSent:
    group: GroupFile
    invited: tuple[str, ...]  # member ids invited by this call


def _staff(viewer: Viewer) -> None:
    if not viewer.is_staff:
        raise PermissionDenied("Only STERIC staff manage Task-and-Finish groups.")


def _entry(viewer: Viewer, action: str, group_id: str, detail: str) -> AuditEntry:
    return AuditEntry(viewer.id, viewer.audience, action, group_id, detail)


def _check_draft(graph: Graph, draft: GroupDraft) -> None:
    checks = Checks()
    checks.text("name", draft.name, 3, 160)
    checks.text("remit", draft.remit, 10, 5000)
    checks.idents("themeIds", draft.theme_ids, 10)
    checks.idents("memberIds", draft.member_ids, rules.MAX_SEATS)
    checks.ident("chairId", draft.chair_id)
    checks.number("minimumAccepted", draft.minimum, 1, rules.MAX_SEATS)
    checks.done()
    people = (*draft.member_ids, *([draft.chair_id] if draft.chair_id else []))
    checks.known("themeIds", draft.theme_ids, writes.existing(graph, m.THEME, draft.theme_ids))
    checks.known("memberIds", people, writes.existing(graph, m.MEMBER, people))
    checks.done()


def create_draft(graph: Graph, viewer: Viewer, draft: GroupDraft) -> GroupFile:
    """A new DRAFT group whose members are proposed, nobody asked yet; raises InvalidFields,
    RuleBroken, PermissionDenied."""
    _staff(viewer)
    _check_draft(graph, draft)
    group_id = f"tg-{uuid.uuid4().hex[:12]}"
    lifecycle = replace(
        rules.draft(group_id, draft.member_ids, draft.chair_id), minimum=draft.minimum
    )
    name, remit = draft.name.strip(), draft.remit.strip()
    group = GroupFile(lifecycle, name, remit, date.today().isoformat(), draft.theme_ids)
    detail = f"draft {name} with {len(lifecycle.seats)} proposed"
    store.create(graph, group, draft.theme_ids, _entry(viewer, "createTaskGroup", group_id, detail))
    found = store.read(graph, group_id)
    assert found is not None, "the group was created in the transaction above"
    return found


def lifecycle(graph: Graph, viewer: Viewer, group_id: str) -> GroupFile:
    """The group with every seat and its invitation state (staff only); raises NotFound."""
    _staff(viewer)
    found = store.read(graph, group_id)
    if found is None:
        raise NotFound("task group", group_id)
    return found


def _apply(
    graph: Graph,
    viewer: Viewer,
    group_id: str,
    action: str,
    decide: Callable[[GroupFile], Change],
    detail: str,
) -> GroupFile:
    """Staff's change to one group, decided on it as it is; raises NotFound, RuleBroken."""
    _staff(viewer)
    done = store.change(
        graph, group_id, decide, lambda _b, _c: _entry(viewer, action, group_id, detail)
    )
    if done is None:
        raise NotFound("task group", group_id)
    return done


def _check_edit(graph: Graph, edit: GroupEdit) -> None:
    checks = Checks()
    checks.text("name", edit.name, 3, 160)
    checks.text("remit", edit.remit, 10, 5000)
    checks.number("minimumAccepted", edit.minimum, 1, rules.MAX_SEATS)
    checks.idents("themeIds", edit.theme_ids or (), 10)
    checks.done()
    themes = edit.theme_ids or ()
    checks.known("themeIds", themes, writes.existing(graph, m.THEME, themes))
    checks.done()


def update_details(graph: Graph, viewer: Viewer, group_id: str, edit: GroupEdit) -> GroupFile:
    """Rename the group, change its remit, themes or the acceptances it needs; raises
    InvalidFields, NotFound, RuleBroken."""
    _staff(viewer)
    _check_edit(graph, edit)
    fields = {
        k: v.strip() for k, v in (("name", edit.name), ("description", edit.remit)) if v is not None
    }

    def decide(group: GroupFile) -> Change:
        lc = group.lifecycle
        rules.require_editable(lc)
        after = lc if edit.minimum is None else rules.set_minimum(lc, edit.minimum)
        return Change(after, fields, edit.theme_ids)

    changed = ", ".join([*fields, *(["minimum"] if edit.minimum else [])]) or "nothing"
    return _apply(graph, viewer, group_id, "updateTaskGroup", decide, f"changed {changed}")


def _seat_rule(rule: Callable[[Lifecycle], Lifecycle]) -> Callable[[GroupFile], Change]:
    return lambda group: Change(rule(group.lifecycle))


def add_member(graph: Graph, viewer: Viewer, group_id: str, member_id: str) -> GroupFile:
    """Propose a member for the group; raises NotFound (group or member), RuleBroken."""
    _staff(viewer)
    if not writes.existing(graph, m.MEMBER, [member_id]):
        raise NotFound("member", member_id)
    decide = _seat_rule(lambda lc: rules.add_member(lc, member_id))
    return _apply(graph, viewer, group_id, "addToTaskGroup", decide, f"proposed {member_id}")


def remove_member(graph: Graph, viewer: Viewer, group_id: str, member_id: str) -> GroupFile:
    """Take a member off the group (withdrawing an invitation); raises NotFound, RuleBroken."""
    decide = _seat_rule(lambda lc: rules.remove_member(lc, member_id))
    return _apply(graph, viewer, group_id, "removeFromTaskGroup", decide, f"removed {member_id}")


def set_chair(graph: Graph, viewer: Viewer, group_id: str, member_id: str | None) -> GroupFile:
    """Make a proposed or accepted member the chair, or leave the group without one."""
    decide = _seat_rule(lambda lc: rules.set_chair(lc, member_id))
    detail = f"chair {member_id}" if member_id else "no chair"
    return _apply(graph, viewer, group_id, "setTaskGroupChair", decide, detail)


def send_invitations(graph: Graph, viewer: Viewer, group_id: str) -> InvitationsSent:
    """Invite every proposed member of the group, each told by an e-mail notice written in the
    same transaction; returns the group and the ids of the members invited by this call.
    Raises NotFound, RuleBroken ("nobody-to-invite" when no proposed member is waiting),
    PermissionDenied."""
    invited: list[str] = []

    def decide(group: GroupFile) -> Change:
        after, now = rules.send_invitations(group.lifecycle)
        invited[:] = now
        return Change(after, then=group_proposal_steps(group_id, group.name, now))

    _staff(viewer)
    done = store.change(
        graph,
        group_id,
        decide,
        lambda _b, _c: _entry(viewer, "sendGroupInvitations", group_id, ", ".join(invited)),
    )
    if done is None:
        raise NotFound("task group", group_id)
    return InvitationsSent(done, tuple(invited))


def activate(graph: Graph, viewer: Viewer, group_id: str) -> GroupFile:
    """Activate the group once enough members accepted; raises NotFound, RuleBroken."""
    decide = _seat_rule(rules.activate)
    return _apply(graph, viewer, group_id, "activateTaskGroup", decide, "activated")


def close(graph: Graph, viewer: Viewer, group_id: str) -> GroupFile:
    decide = _seat_rule(rules.close)
    return _apply(graph, viewer, group_id, "closeTaskGroup", decide, "closed")


def answer_invitation(graph: Graph, viewer: Viewer, group_id: str, accept: bool) -> GroupInvitation:
    """The signed-in member accepts or declines their own invitation. A group they were not
    invited to answers NotFound, as one that does not exist; raises RuleBroken when the
    invitation was already answered."""
    member_id = viewer.member_id
    if member_id is None:
        raise PermissionDenied("Only members answer invitations to groups.")

    def decide(group: GroupFile) -> Change:
        lc = group.lifecycle
        seat = lc.seat(member_id)
        if lc.state not in rules.ANSWERABLE or seat is None:
            raise NotFound("invitation", group_id)
        if seat.invitation is Invitation.PROPOSED:
            raise NotFound("invitation", group_id)
        return Change(rules.answer(lc, member_id, accept))

    word = "accepted" if accept else "declined"
    entry = AuditEntry(member_id, viewer.audience, "answerGroupInvitation", group_id, word)
    if store.change(graph, group_id, decide, lambda _b, _c: entry) is None:
        raise NotFound("invitation", group_id)
    return _own_invitation(graph, member_id, group_id)


def _own_invitation(graph: Graph, member_id: str, group_id: str) -> GroupInvitation:
    found = [i for i in store.my_invitations(graph, member_id) if i.group_id == group_id]
    if found:
        return found[0]
    # Accepted in an active group: the seat is a membership now.
    group = store.read(graph, group_id)
    name, remit = (group.name, group.remit) if group else ("", "")
    return GroupInvitation(group_id, name, remit, Invitation.ACCEPTED, "member", "")


def my_invitations(graph: Graph, viewer: Viewer) -> list[GroupInvitation]:
    """The signed-in member's invitations (open and answered) to inviting or active groups."""
    member_id = viewer.member_id
    if member_id is None:
        raise PermissionDenied("Only members have invitations to groups.")
    return store.my_invitations(graph, member_id)


def members_named(graph: Graph, viewer: Viewer, text: str, limit: int = 8) -> list[str]:
    """Ids of members whose name holds `text`, for staff adding someone to a group."""
    _staff(viewer)
    checks = Checks()
    checks.text("name", text, 2, 80)
    checks.done()
    return store.members_named(graph, text.strip(), limit)
