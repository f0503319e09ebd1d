"""Answers to invitations to ideas: the invitee accepts (and joins the idea's interested
members, the team its submitter builds from) or declines. A decline is final and reaches the
submitter as "not available" (privacy.told_requester)."""

from __future__ import annotations

from dataclasses import dataclass

from graph_schema import model as m
from matchmaker.adapters import introductions as store
from matchmaker.adapters import reads, writes
from matchmaker.adapters.audit import AuditEntry
from matchmaker.adapters.graph import Graph
from matchmaker.auth.roles import Viewer
from matchmaker.domain import introductions as rules
from matchmaker.domain import privacy
from matchmaker.domain.introductions import Invitation
from matchmaker.errors import NotFound, PermissionDenied


@dataclass(frozen=True)
class Invited:
    """Someone invited to an idea, as the idea's submitter (or staff) is told."""

    member_id: str
    status: str  # pending | accepted | not_available (staff: declined)


def _member(viewer: Viewer) -> str:
    if viewer.member_id is None:
        raise PermissionDenied("Only members answer invitations to ideas.")
    return viewer.member_id


def my_invitations(graph: Graph, viewer: Viewer) -> list[Invitation]:
    """The signed-in member's invitations, newest first; raises PermissionDenied."""
    return store.my_invitations(graph, _member(viewer))


def answer(graph: Graph, viewer: Viewer, idea_id: str, accept: bool) -> Invitation:
    """Accept or decline the signed-in member's own invitation; raises NotFound (no
    invitation), PermissionDenied (answered already)."""
    member_id = _member(viewer)
    status = store.invitation_status(graph, member_id, idea_id)
    if status is None:
        raise NotFound("invitation", idea_id)
    problem = rules.decision_refusal(status)
    if problem is not None:
        raise PermissionDenied(problem.replace("request", "invitation"))
    answer_status = rules.ACCEPTED if accept else rules.DECLINED
    entry = AuditEntry(viewer.id, viewer.audience, "answerIdeaInvitation", idea_id, answer_status)
    if not store.answer_invitation(graph, entry, member_id, idea_id, answer_status):
        raise PermissionDenied("This invitation was already answered.")
    return next(i for i in store.my_invitations(graph, member_id) if i.idea_id == idea_id)


def invited(graph: Graph, viewer: Viewer, idea_id: str) -> list[Invited]:
    """Who was invited to an idea and how it stands, for its submitter (declines told as
    not available) and staff; raises NotFound, PermissionDenied."""
    if reads.one(graph, m.IDEA, idea_id, viewer) is None:
        raise NotFound("idea", idea_id)
    if not viewer.is_staff and writes.idea_owner(graph, idea_id) != viewer.member_id:
        raise PermissionDenied("Only the idea's submitter and staff see its invitations.")
    told = (lambda s: s) if viewer.is_staff else privacy.told_requester
    return [
        Invited(member, told(status)) for member, status in store.idea_invitations(graph, idea_id)
    ]
