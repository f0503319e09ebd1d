"""Use cases of e-mail notices: the steps that put notices in the outbox with a change, each
member's choice of the kinds they get, and the outbox as staff see it.

Notices are written in the transaction of the change that causes them (all or nothing) and
sent later by matchmaker.services.notice_sender, so sending never slows or fails a request.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from matchmaker.adapters import outbox
from matchmaker.adapters.audit import AuditEntry, Step, write_audited
from matchmaker.adapters.graph import Graph
from matchmaker.auth.roles import Viewer
from matchmaker.domain import notices as rules
from matchmaker.domain.notices import Notice
from matchmaker.errors import NotFound, PermissionDenied
from matchmaker.services.validation import Checks

MAX_LISTED = 200


def group_proposal_steps(group_id: str, group_name: str, member_ids: Sequence[str]) -> list[Step]:
    """Steps that tell each member staff proposed for a group, for the transaction that
    sends the group's invitations (services.task_groups.send_invitations)."""
    draft = rules.group_proposal(group_name, group_id)
    return outbox.notice_steps([(member_id, draft) for member_id in member_ids])


def preferences(graph: Graph, viewer: Viewer) -> dict[str, bool]:
    """Each kind of notice and whether the signed-in member gets it; raises PermissionDenied
    for anyone but a member."""
    off = _notices_off(graph, viewer)
    return {kind: kind not in off for kind in rules.KINDS}


def set_preferences(graph: Graph, viewer: Viewer, wanted: Mapping[str, bool]) -> dict[str, bool]:
    """Switch kinds of notice on or off for the signed-in member (kinds left out keep their
    setting); raises InvalidFields naming an unknown kind, PermissionDenied."""
    off = set(_notices_off(graph, viewer))
    checks = Checks()
    for kind in rules.unknown_kinds(tuple(wanted)):
        checks.fail("kinds", f"{kind!r} is not a kind of notice ({', '.join(rules.KINDS)})")
    checks.done()
    for kind, on in wanted.items():
        (off.discard if on else off.add)(kind)
    detail = "off: " + (", ".join(sorted(off)) or "none")
    entry = AuditEntry(viewer.id, viewer.audience, "setNoticePreferences", viewer.id, detail)
    write_audited(graph, entry, [outbox.set_notices_off_step(viewer.id, sorted(off))])
    return preferences(graph, viewer)


def _notices_off(graph: Graph, viewer: Viewer) -> tuple[str, ...]:
    if viewer.member_id is None:
        raise PermissionDenied("Only members have notice settings.")
    off = outbox.notices_off(graph, viewer.member_id)
    if off is None:
        raise NotFound("member", viewer.member_id)
    return off


def recent(graph: Graph, viewer: Viewer, limit: int, status: str | None) -> list[Notice]:
    """The newest notices with their attempts, for staff; raises PermissionDenied,
    InvalidFields."""
    if not viewer.is_staff:
        raise PermissionDenied("Only STERIC staff read the outbox.")
    checks = Checks()
    checks.number("limit", limit, 1, MAX_LISTED)
    if status is not None:
        checks.choice("status", status, ("pending", "sent", "failed"))
    checks.done()
    return outbox.recent(graph, limit, status)
