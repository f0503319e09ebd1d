"""Use case: a member or staff user records a decision on a suggested candidate, audited.

A decision counts for the person who made it (staff decisions for staff), is refused past
DECISIONS_PER_HOUR, and names only candidates the viewer may see.

The decision is stored as the team service reads it back (matchmaker.services.feedback), in
the same transaction as its AuditEvent.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict
from datetime import UTC, datetime, timedelta
from typing import get_args

from graph_schema import model as m
from graph_schema.queries import suggestions as q
from matchmaker.adapters import reads, writes
from matchmaker.adapters.audit import AuditEntry, write_audited
from matchmaker.adapters.graph import Graph
from matchmaker.adapters.suggestions import SuggestionRecord
from matchmaker.auth.roles import Viewer
from matchmaker.errors import NotFound, PermissionDenied
from matchmaker.services.feedback import CandidateKind, Decision, TargetKind
from matchmaker.services.validation import Checks

DECISIONS_PER_HOUR = 60  # per viewer: enough to work through several teams, not to script
QUOTA_WINDOW = timedelta(hours=1)
LABEL_OF_KIND = {"member": m.MEMBER, "partner": m.PARTNER, "idea": m.IDEA, "call": m.CALL}


def _check(record: SuggestionRecord) -> None:
    checks = Checks()
    checks.choice("decision", record.decision, get_args(Decision))
    checks.choice("targetKind", record.target_kind, get_args(TargetKind))
    checks.choice("candidateKind", record.candidate_kind, get_args(CandidateKind))
    checks.ident("candidateId", record.candidate_id)
    checks.text("targetId", record.target_id, 1, 200)
    checks.done()


def _allowed(graph: Graph, viewer: Viewer, record: SuggestionRecord) -> None:
    if viewer.is_staff:
        return
    if viewer.member_id is None or record.target_kind == "task_group":
        raise PermissionDenied("Only STERIC staff record decisions on task-group suggestions.")
    if record.target_kind == "idea" and writes.idea_owner(graph, record.target_id) != viewer.id:
        raise PermissionDenied("Only the member who submitted the idea records decisions on it.")


def _within_quota(graph: Graph, viewer: Viewer, now: datetime) -> None:
    since = (now - QUOTA_WINDOW).isoformat()
    rows = graph.read(q.DECISIONS_BY_SINCE, by=viewer.id, since=since)
    if rows and int(rows[0]["n"]) >= DECISIONS_PER_HOUR:
        raise PermissionDenied(f"At most {DECISIONS_PER_HOUR} decisions an hour; try again later.")


def _exists(graph: Graph, viewer: Viewer, record: SuggestionRecord) -> None:
    # The candidate must exist for this viewer: a hidden partner or member is answered
    # like one that does not exist (the privacy policy's rule for every answer).
    candidate = LABEL_OF_KIND[record.candidate_kind]
    if reads.one(graph, candidate, record.candidate_id, viewer) is None:
        raise NotFound(record.candidate_kind, record.candidate_id)
    if record.target_kind == "text":
        return
    label = q.TARGET_LABELS[record.target_kind]
    if not writes.existing(graph, m.GROUP if label == m.TASK_GROUP else label, [record.target_id]):
        raise NotFound(record.target_kind.replace("_", " "), record.target_id)


def record_decision(
    graph: Graph,
    viewer: Viewer,
    target: tuple[str, str],
    candidate: tuple[str, str],
    decision: str,
) -> SuggestionRecord:
    """Store `decision` on candidate (kind, id) for target (kind, id).

    The decision shapes only the suggestions of whoever recorded it (staff's: staff's), see
    matchmaker.domain.privacy.decision_scope. Raises InvalidFields, PermissionDenied
    (another member's idea; task groups are staff's; more than DECISIONS_PER_HOUR), NotFound
    (no such candidate or target, or one the viewer may not see) and Neo4jUnavailable.
    """
    now = datetime.now(UTC)
    at = now.isoformat()
    record = SuggestionRecord(
        str(uuid.uuid4()), target[1], target[0], candidate[1], candidate[0], decision, viewer.id, at
    )
    _check(record)
    _allowed(graph, viewer, record)
    _within_quota(graph, viewer, now)
    _exists(graph, viewer, record)
    target_label = q.TARGET_LABELS.get(record.target_kind)
    query = q.record_suggestion(target_label, q.CANDIDATE_LABELS[record.candidate_kind])
    detail = f"{decision} {record.candidate_kind} {record.candidate_id}"
    entry = AuditEntry(
        viewer.id, viewer.audience, "recordSuggestionFeedback", record.target_id, detail
    )
    write_audited(graph, entry, [(query, {"row": asdict(record)})])
    return record
