"""Use cases around ideas: submit, update (own only), express interest, invite. All audited."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from graph_schema import model as m
from graph_schema.queries import api_writes as q
from matchmaker.adapters import introductions, outbox, reads, writes
from matchmaker.adapters.audit import AuditEntry, Step, write_audited
from matchmaker.adapters.graph import Graph
from matchmaker.auth.roles import Role, Viewer
from matchmaker.domain import notices
from matchmaker.domain.model import Idea
from matchmaker.errors import NotFound, PermissionDenied
from matchmaker.services.embed_behind import Embed
from matchmaker.services.validation import Checks

STATUSES = ("draft", "submitted")


@dataclass(frozen=True)
class IdeaDraft:
    """An idea's fields; on update, None leaves a field (or link) as it is."""

    title: str | None = None
    summary: str | None = None
    call_id: str | None = None  # '' removes the link to a call
    theme_ids: tuple[str, ...] | None = None
    required_skills: tuple[str, ...] | None = None
    status: str | None = None


def _check(graph: Graph, draft: IdeaDraft, creating: bool) -> None:
    checks = Checks()
    if creating:
        for name, value in (("title", draft.title), ("summary", draft.summary)):
            if value is None:
                checks.fail(name, "is required")
    checks.text("title", draft.title, 5, 200)
    checks.text("summary", draft.summary, 20, 5000)
    checks.choice("status", draft.status, STATUSES)
    checks.idents("themeIds", draft.theme_ids or (), 10)
    if draft.call_id:
        checks.ident("callId", draft.call_id)
    for skill in draft.required_skills or ():
        checks.text("requiredSkills", skill, 2, 80)
    checks.number("requiredSkills", len(draft.required_skills or ()), 0, 20)
    checks.done()
    _check_links(graph, draft, checks)


def _check_links(graph: Graph, draft: IdeaDraft, checks: Checks) -> None:
    themes = draft.theme_ids or ()
    checks.known("themeIds", themes, writes.existing(graph, m.THEME, themes))
    if draft.call_id:
        calls = (draft.call_id,)
        checks.known("callId", calls, writes.existing(graph, m.CALL, calls))
    checks.done()


def _values(draft: IdeaDraft) -> dict[str, object]:
    values: dict[str, object] = {}
    for name in ("title", "summary", "status"):
        value = getattr(draft, name)
        if value is not None:
            values[name] = value.strip()
    if draft.required_skills is not None:
        values["required_skills"] = [s.strip() for s in draft.required_skills]
    return values


def _link_steps(idea_id: str, draft: IdeaDraft) -> list[Step]:
    steps: list[Step] = []
    if draft.call_id is not None:
        query = q.SET_IDEA_CALL if draft.call_id else q.CLEAR_IDEA_CALL
        steps.append((query, {"id": idea_id, "call_id": draft.call_id}))
    if draft.theme_ids is not None:
        steps.append((q.set_themes(m.IDEA), {"id": idea_id, "theme_ids": list(draft.theme_ids)}))
    return steps


def _reread(graph: Graph, embed: Embed, idea_id: str, viewer: Viewer) -> Idea:
    embed(m.IDEA, [idea_id])
    idea = reads.one(graph, m.IDEA, idea_id, viewer)
    if idea is None:
        raise NotFound("idea", idea_id)
    return idea  # type: ignore[no-any-return]


def submit_idea(graph: Graph, embed: Embed, viewer: Viewer, draft: IdeaDraft) -> Idea:
    """A new idea by the viewer (a member); raises InvalidFields, PermissionDenied. `embed`
    gives the idea its vector: now (embed_nodes) or after the answer (EmbedBehind.later)."""
    if viewer.member_id is None:
        raise PermissionDenied("Only members submit ideas.")
    _check(graph, draft, creating=True)
    idea_id = f"idea-{uuid.uuid4().hex[:12]}"
    values = {"status": "draft", **_values(draft)}
    create = {"member_id": viewer.id, "id": idea_id, "created": date.today().isoformat()}
    steps: list[Step] = [(q.CREATE_IDEA, {**create, "changes": values})]
    entry = AuditEntry(viewer.id, viewer.audience, "submitIdea", idea_id, str(values["title"]))
    write_audited(graph, entry, [*steps, *_link_steps(idea_id, draft)])
    return _reread(graph, embed, idea_id, viewer)


def update_idea(graph: Graph, embed: Embed, viewer: Viewer, idea_id: str, draft: IdeaDraft) -> Idea:
    """Change an idea the viewer submitted; raises NotFound, PermissionDenied, InvalidFields."""
    owner = writes.idea_owner(graph, idea_id)
    if owner is None or reads.one(graph, m.IDEA, idea_id, viewer) is None:
        raise NotFound("idea", idea_id)
    if viewer.member_id is None or owner != viewer.id:
        raise PermissionDenied("You can change only the ideas you submitted.")
    _check(graph, draft, creating=False)
    values = _values(draft)
    steps: list[Step] = [(q.SET_IDEA, {"id": idea_id, "changes": values})]
    detail = "changed " + ", ".join(sorted(values) + _links_changed(draft))
    entry = AuditEntry(viewer.id, viewer.audience, "updateIdea", idea_id, detail)
    write_audited(graph, entry, [*steps, *_link_steps(idea_id, draft)])
    return _reread(graph, embed, idea_id, viewer)


def _links_changed(draft: IdeaDraft) -> list[str]:
    return [n for n, v in (("call", draft.call_id), ("themes", draft.theme_ids)) if v is not None]


def _visible_idea(graph: Graph, viewer: Viewer, idea_id: str) -> Idea:
    idea = reads.one(graph, m.IDEA, idea_id, viewer)
    if idea is None:
        raise NotFound("idea", idea_id)
    return idea  # type: ignore[no-any-return]


def express_interest(graph: Graph, viewer: Viewer, idea_id: str) -> Idea:
    """The viewer (member or partner) is interested in an idea they can see; raises NotFound."""
    if viewer.role not in (Role.MEMBER, Role.PARTNER):
        raise PermissionDenied("Only members and partners express interest in ideas.")
    _visible_idea(graph, viewer, idea_id)
    label = m.MEMBER if viewer.role is Role.MEMBER else m.PARTNER
    step: Step = (q.express_interest(label), {"who": viewer.id, "idea_id": idea_id})
    entry = AuditEntry(viewer.id, viewer.audience, "expressInterest", idea_id, "")
    write_audited(graph, entry, [step])
    return _visible_idea(graph, viewer, idea_id)


def _own_idea_and_member(graph: Graph, viewer: Viewer, idea_id: str, member_id: str) -> Idea:
    idea = _visible_idea(graph, viewer, idea_id)
    if viewer.member_id is None or idea.submitted_by != viewer.id:
        raise PermissionDenied("Only the member who submitted an idea invites people to it.")
    if reads.one(graph, m.MEMBER, member_id, viewer) is None:
        raise NotFound("member", member_id)
    return idea


def invite_to_idea(graph: Graph, viewer: Viewer, idea_id: str, member_id: str) -> Idea:
    """The idea's submitter invites a member, who gets an e-mail notice with a new invitation
    (not with one they have already, or declined); raises NotFound, PermissionDenied."""
    idea = _own_idea_and_member(graph, viewer, idea_id, member_id)
    steps: list[Step] = [(q.INVITE, {"member_id": member_id, "idea_id": idea_id, "by": viewer.id})]
    if introductions.invitation_status(graph, member_id, idea_id) is None:
        draft = notices.idea_invitation(viewer.name, idea.title)
        steps += outbox.notice_steps([(member_id, draft)])
    entry = AuditEntry(viewer.id, viewer.audience, "inviteToIdea", idea_id, f"invited {member_id}")
    write_audited(graph, entry, steps)
    return _visible_idea(graph, viewer, idea_id)


def withdraw_invitation(graph: Graph, viewer: Viewer, idea_id: str, member_id: str) -> Idea:
    """The submitter takes an invitation back; raises NotFound, PermissionDenied."""
    _own_idea_and_member(graph, viewer, idea_id, member_id)
    step: Step = (q.UNINVITE, {"member_id": member_id, "idea_id": idea_id})
    detail = f"withdrew the invitation of {member_id}"
    write_audited(
        graph, AuditEntry(viewer.id, viewer.audience, "withdrawInvitation", idea_id, detail), [step]
    )
    return _visible_idea(graph, viewer, idea_id)
