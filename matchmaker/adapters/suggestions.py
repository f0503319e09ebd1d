"""Suggestion nodes: feedback on suggested members and partners, written and read back.

Every function raises Neo4jUnavailable when the graph cannot be reached.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

from graph_schema.queries import suggestions as q
from matchmaker.adapters.graph import Graph, Record


@dataclass(frozen=True)
class SuggestionRecord:
    id: str
    target_id: str
    target_kind: str  # idea | call | task_group | text
    candidate_id: str
    candidate_kind: str  # member | partner
    decision: str  # accepted | declined | suggested
    by: str  # who recorded it (a member or staff id)
    at: str  # ISO date-time


def _record(row: Record) -> SuggestionRecord:
    return SuggestionRecord(**{k: str(row[k]) for k in SuggestionRecord.__dataclass_fields__})


def write_suggestion(graph: Graph, record: SuggestionRecord) -> SuggestionRecord | None:
    """Store one Suggestion; None when its candidate (or its target node) does not exist.
    Raises KeyError for an unknown target or candidate kind."""
    target_label = q.TARGET_LABELS.get(record.target_kind) if record.target_kind != "text" else None
    if record.target_kind != "text" and target_label is None:
        raise KeyError(record.target_kind)
    query = q.record_suggestion(target_label, q.CANDIDATE_LABELS[record.candidate_kind])
    rows = graph.write(query, row=asdict(record))
    return _record(rows[0]) if rows else None


def write_shown(
    graph: Graph, target_id: str, target_kind: str, member_ids: Sequence[str], by: str, at: str
) -> int:
    """Mark members as shown for a target (queries.suggestions.record_shown), in one
    transaction; how many were marked. Raises KeyError for an unknown target kind."""
    label = None if target_kind == "text" else q.TARGET_LABELS[target_kind]
    params = {"target_id": target_id, "target_kind": target_kind,
              "members": list(member_ids), "by": by, "at": at}  # fmt: skip
    rows = graph.write(q.record_shown(label), **params)
    return int(rows[0]["shown"]) if rows else 0


def suggestions_for(graph: Graph, target_id: str) -> list[SuggestionRecord]:
    """Every Suggestion recorded for a target, newest first."""
    return [_record(r) for r in graph.read(q.FEEDBACK_FOR_TARGET, target=target_id)]
