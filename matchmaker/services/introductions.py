"""Use cases of introductions: a member or partner asks to be introduced to a member about a
topic or an idea; the member accepts or declines. Contact details pass only on acceptance,
and a decline reaches the requester as "not available" (matchmaker.domain.privacy)."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, replace

from graph_schema import model as m
from matchmaker.adapters import introductions as store
from matchmaker.adapters import outbox, reads
from matchmaker.adapters.audit import AuditEntry, write_audited
from matchmaker.adapters.graph import Graph
from matchmaker.auth.roles import Role, Viewer
from matchmaker.domain import introductions as rules
from matchmaker.domain import notices, privacy
from matchmaker.domain.introductions import Introduction
from matchmaker.domain.model import Member
from matchmaker.domain.privacy import Consent
from matchmaker.errors import NotFound, PermissionDenied
from matchmaker.services.validation import Checks

EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
KINDS = {Role.MEMBER: "member", Role.PARTNER: "partner"}


@dataclass(frozen=True)
class Ask:
    member_id: str
    message: str
    topic: str | None = None
    idea_id: str | None = None
    contact_email: str | None = None  # partners: where the member can reach them


def _kind(viewer: Viewer) -> str:
    kind = KINDS.get(viewer.role)
    if kind is None:
        raise PermissionDenied("Only members and partners ask for introductions.")
    return kind


def _check(ask: Ask, kind: str) -> None:
    checks = Checks()
    checks.ident("memberId", ask.member_id)
    if (ask.topic is None) == (ask.idea_id is None):
        checks.fail("topic", "give either a topic or an idea, not both")
    checks.text("topic", ask.topic, 3, 200)
    checks.ident("ideaId", ask.idea_id)
    checks.text("message", ask.message, 10, 2000)
    if kind == "partner" and not EMAIL.fullmatch((ask.contact_email or "").strip()):
        checks.fail("contactEmail", "give the e-mail address the member can reach you at")
    checks.done()


def _target(graph: Graph, viewer: Viewer, ask: Ask) -> str:
    """The member's name; NotFound for anyone the viewer may not match with, as for an id
    that does not exist (privacy.matchable)."""
    found = reads.one(graph, m.MEMBER, ask.member_id, viewer)
    if found is None or not privacy.matchable(viewer.looker, found.id, _consent(found)):
        raise NotFound("member", ask.member_id)
    if found.id == viewer.id:
        raise PermissionDenied("You cannot ask to be introduced to yourself.")
    if ask.idea_id and reads.one(graph, m.IDEA, ask.idea_id, viewer) is None:
        raise NotFound("idea", ask.idea_id)
    return str(found.name)


def _consent(member: Member) -> Consent:
    return Consent(member.open_to_matching, member.visible_to_members, member.visible_to_partners)


def request_introduction(graph: Graph, viewer: Viewer, ask: Ask) -> Introduction:
    """Ask to be introduced; the member gets an e-mail notice. Returns the request as the
    requester sees it. Raises InvalidFields, NotFound, PermissionDenied (asked already, a
    decline, or too many requests in a day)."""
    kind = _kind(viewer)
    _check(ask, kind)
    _target(graph, viewer, ask)
    asked, previous = store.requester_state(graph, kind, viewer.id, ask.member_id)
    problem = rules.refusal(previous, asked)
    if problem is not None:
        raise PermissionDenied(problem)
    ident = f"intro-{uuid.uuid4().hex[:12]}"
    contact = ask.contact_email.strip() if kind == "partner" and ask.contact_email else None
    about = (ask.topic.strip() if ask.topic else None, ask.idea_id)
    create = store.create_step(
        ident, (kind, viewer.id), ask.member_id, about, ask.message.strip(), contact
    )
    draft = notices.introduction_request(viewer.name, _about_text(graph, viewer, ask), ask.message)
    entry = AuditEntry(viewer.id, viewer.audience, "requestIntroduction", ident, ask.member_id)
    write_audited(graph, entry, [create, *outbox.notice_steps([(ask.member_id, draft)])])
    return _for_requester(_stored(graph, ident))


def _about_text(graph: Graph, viewer: Viewer, ask: Ask) -> str:
    if ask.topic is not None:
        return ask.topic.strip()
    idea = reads.one(graph, m.IDEA, ask.idea_id or "", viewer)
    return f'the idea "{idea.title}"' if idea is not None else "an idea"


def _stored(graph: Graph, ident: str) -> Introduction:
    found = store.one(graph, ident)
    if found is None:
        raise NotFound("introduction", ident)
    return found


def _for_requester(x: Introduction) -> Introduction:
    """What the requester reads: a decline as not available, the member's address only once
    accepted."""
    shared = privacy.contact_shared(x.status)
    return replace(
        x, status=privacy.told_requester(x.status), member_email=x.member_email if shared else ""
    )


def _for_member(x: Introduction) -> Introduction:
    shared = privacy.contact_shared(x.status)
    return replace(x, requester_email=x.requester_email if shared else "")


def my_requests(graph: Graph, viewer: Viewer) -> list[Introduction]:
    """The viewer's own requests, newest first, as the requester sees them."""
    return [_for_requester(x) for x in store.by_requester(graph, _kind(viewer), viewer.id)]


def requests_to_me(graph: Graph, viewer: Viewer) -> list[Introduction]:
    """Requests to the signed-in member, newest first; raises PermissionDenied."""
    if viewer.member_id is None:
        raise PermissionDenied("Only members receive introduction requests.")
    return [_for_member(x) for x in store.to_member(graph, viewer.member_id)]


def answer(graph: Graph, viewer: Viewer, introduction_id: str, accept: bool) -> Introduction:
    """The member accepts or declines a request to them; raises NotFound (not theirs, or no
    such request), PermissionDenied (answered already). Both answers are final."""
    found = store.one(graph, introduction_id)
    if viewer.member_id is None or found is None or found.member_id != viewer.member_id:
        raise NotFound("introduction request", introduction_id)
    problem = rules.decision_refusal(found.status)
    if problem is not None:
        raise PermissionDenied(problem)
    status = rules.ACCEPTED if accept else rules.DECLINED
    entry = AuditEntry(viewer.id, viewer.audience, "answerIntroduction", introduction_id, status)
    if not store.decide(graph, entry, introduction_id, viewer.member_id, status):
        raise PermissionDenied(rules.decision_refusal(_stored(graph, introduction_id).status) or "")
    return _for_member(_stored(graph, introduction_id))
