"""Use case: record what happened to a suggestion, so ranking can learn from it.

Accepting or declining a suggested member or partner is stored as a Suggestion node (who
recorded it, when, for which idea, call, task group or free-text target). The team service
reads it back: a candidate whose latest answer for a target is a decline is not suggested
for that target again, and invitations accepted for other targets give a small, capped
boost to relevance (matchmaker.matching.feedback.apply_feedback documents the amounts).
Suggestions that were only shown ("suggested") count towards fair exposure: a member put
forward for many other targets in the last 90 days weighs a little less in the next team.
The API marks every team it answers with as shown (record_shown), once per target and member.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Literal, get_args

from matchmaker.adapters.graph import Graph
from matchmaker.adapters.suggestions import (
    SuggestionRecord,
    suggestions_for,
    write_shown,
    write_suggestion,
)
from matchmaker.errors import InvalidInput, NotFound
from matchmaker.services.team_report import TeamResult

Decision = Literal["accepted", "declined", "suggested"]
TargetKind = Literal["idea", "call", "task_group", "text"]
CandidateKind = Literal["member", "partner"]


def _check(field: str, value: str, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise InvalidInput(field, f"must be one of {', '.join(allowed)}, got {value!r}")


def record_feedback(
    graph: Graph,
    target_id: str,
    target_kind: str,
    candidate_id: str,
    decision: str,
    by: str,
    candidate_kind: str = "member",
    at: datetime | None = None,
) -> SuggestionRecord:
    """Store one decision about one suggested candidate and return it.

    `target_id` is the id of the idea, call or task group, or for free text the id the team
    service gave it (TeamResult.target.id, "text:..."). Raises InvalidInput for an
    unknown kind or decision or an empty `by`, NotFound when the candidate or the target
    node does not exist, and Neo4jUnavailable.
    """
    _check("decision", decision, get_args(Decision))
    _check("target_kind", target_kind, get_args(TargetKind))
    _check("candidate_kind", candidate_kind, get_args(CandidateKind))
    if not by.strip():
        raise InvalidInput("by", "say who records the decision")
    record = SuggestionRecord(
        id=str(uuid.uuid4()),
        target_id=target_id,
        target_kind=target_kind,
        candidate_id=candidate_id,
        candidate_kind=candidate_kind,
        decision=decision,
        by=by,
        at=(at or datetime.now(UTC)).isoformat(),
    )
    stored = write_suggestion(graph, record)
    if stored is None:
        raise NotFound(
            f"{candidate_kind} or {target_kind.replace('_', ' ')}", f"{candidate_id} / {target_id}"
        )
    return stored


def record_shown(graph: Graph, result: TeamResult, by: str, at: datetime | None = None) -> int:
    """Record that a suggested team was shown (decision "suggested"), for fair exposure: one
    Suggestion per target and member, dated again when shown again, all in one transaction;
    how many members were marked. Raises InvalidInput for an empty `by`, Neo4jUnavailable."""
    if not by.strip():
        raise InvalidInput("by", "say who was shown the team")
    target = result.target
    _check("target_kind", target.kind, get_args(TargetKind))
    members = [m.member_id for m in result.members]
    return write_shown(graph, target.id, target.kind, members, by,
                       (at or datetime.now(UTC)).isoformat())  # fmt: skip


def feedback_for(graph: Graph, target_id: str) -> list[SuggestionRecord]:
    """Every decision recorded for a target, newest first; raises Neo4jUnavailable."""
    return suggestions_for(graph, target_id)


def latest_decisions(records: Iterable[SuggestionRecord]) -> dict[tuple[str, str], str]:
    """(candidate kind, candidate id) -> the latest decision, from records newest first."""
    latest: dict[tuple[str, str], str] = {}
    for record in records:
        latest.setdefault((record.candidate_kind, record.candidate_id), record.decision)
    return latest
