"""The e-mail outbox in the graph: notices as steps of a change's own transaction, claims
under a lease so that one sender sends each notice, and the record of every attempt."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from graph_schema.queries import notices as q
from matchmaker.adapters.audit import Step
from matchmaker.adapters.graph import Graph, Record
from matchmaker.domain.notices import Attempt, Draft, Notice, Outgoing


def notice_steps(drafts: Sequence[tuple[str, Draft]]) -> list[Step]:
    """The step that writes one notice per (recipient id, draft), to run in the transaction
    of the change that causes them (write_audited). Recipients who switched the kind off, or
    have no address, get none."""
    if not drafts:
        return []
    rows = [
        {
            "id": f"notice-{uuid.uuid4().hex[:16]}",
            "recipient_id": recipient,
            "kind": d.kind,
            "subject": d.subject,
            "body": d.body,
            "path": d.path,
        }
        for recipient, d in drafts
    ]
    return [(q.CREATE_NOTICES, {"notices": rows})]


def claim(graph: Graph, worker: str, limit: int, lease_s: float) -> list[Outgoing]:
    """Due notices no other sender holds, now held by `worker` for `lease_s` seconds; raises
    Neo4jUnavailable."""
    due = [row["id"] for row in graph.read(q.DUE, limit=limit)]
    if not due:
        return []
    rows = graph.write(q.CLAIM, ids=due, worker=worker, lease_ms=int(lease_s * 1000))
    return [_outgoing(row) for row in rows]


def _outgoing(row: Record) -> Outgoing:
    return Outgoing(
        id=row["id"],
        to_email=row["to_email"],
        subject=row["subject"],
        body=row["body"],
        path=row["path"],
        attempts=int(row["attempts"] or 0),
    )


def record_attempt(
    graph: Graph,
    worker: str,
    notice_id: str,
    outcome: str,
    error: str = "",
    retry_in_s: float | None = None,
) -> bool:
    """Record one attempt and release the claim: `outcome` sent, retry (due again in
    `retry_in_s`) or failed. False when `worker` no longer held the notice."""
    status = {"sent": "sent", "retry": "pending", "failed": "failed"}[outcome]
    delay = None if retry_in_s is None else int(retry_in_s * 1000)
    rows = graph.write(
        q.RECORD_ATTEMPT,
        id=notice_id,
        worker=worker,
        outcome=outcome,
        status=status,
        error=error[:500],
        delay_ms=delay,
    )
    return bool(rows)


def recent(graph: Graph, limit: int, status: str | None = None) -> list[Notice]:
    """The newest notices first, with their attempts in order; raises Neo4jUnavailable."""
    return [_notice(row) for row in graph.read(q.RECENT, limit=limit, status=status)]


def _notice(row: Record) -> Notice:
    attempts = tuple(
        Attempt(at=a["at"], outcome=a["outcome"], error=a["error"] or "") for a in row["attempts"]
    )
    return Notice(
        id=row["id"],
        kind=row["kind"],
        recipient_id=row["recipient_id"],
        to_email=row["to_email"],
        subject=row["subject"],
        status=row["status"],
        created=row["created"],
        next_attempt_at=row["next_attempt_at"] or "",
        attempts=attempts,
    )


def notices_off(graph: Graph, member_id: str) -> tuple[str, ...] | None:
    """The kinds of notice the member switched off, None when there is no such member."""
    rows = graph.read(q.NOTICES_OFF, id=member_id)
    return None if not rows else tuple(rows[0]["off"])


def set_notices_off_step(member_id: str, off: Sequence[str]) -> Step:
    return (q.SET_NOTICES_OFF, {"id": member_id, "off": sorted(set(off))})
