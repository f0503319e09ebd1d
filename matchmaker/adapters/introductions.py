"""Introductions and idea invitations in the graph: reads mapped to domain records, and the
answers written with their audit event in one transaction."""

from __future__ import annotations

from collections.abc import Sequence

from neo4j import ManagedTransaction

from graph_schema import model as m
from graph_schema.queries import introductions as q
from matchmaker.adapters.audit import AuditEntry, Step, record
from matchmaker.adapters.graph import Graph, Record
from matchmaker.adapters.reads import Read, run
from matchmaker.domain.introductions import Introduction, Invitation

LABELS = {"member": m.MEMBER, "partner": m.PARTNER}


def create_step(
    introduction_id: str,
    requester: tuple[str, str],
    member_id: str,
    about: tuple[str | None, str | None],
    message: str,
    contact_email: str | None,
) -> Step:
    """The step writing a pending request by `requester` (kind, id) about (topic, idea id)."""
    kind, requester_id = requester
    topic, idea_id = about
    params = {
        "id": introduction_id,
        "requester_id": requester_id,
        "requester_kind": kind,
        "member_id": member_id,
        "topic": topic or "",
        "idea_id": idea_id,
        "message": message,
        "contact_email": contact_email,
    }
    return (q.create(LABELS[kind]), params)


def requester_state(
    graph: Graph, kind: str, requester_id: str, member_id: str
) -> tuple[int, str | None]:
    """Requests the requester made in the last 24 hours, and the status of their earlier
    request to the member (declined over accepted over pending), None if none."""
    row = graph.read(
        q.requester_state(LABELS[kind]), requester_id=requester_id, member_id=member_id
    )[0]
    previous: list[str] = list(row["previous"])
    found = next((s for s in ("declined", "accepted", "pending") if s in previous), None)
    return int(row["last_day"]), found


def to_member(graph: Graph, member_id: str) -> list[Introduction]:
    return [_introduction(r) for r in graph.read(q.TO_MEMBER, member_id=member_id)]


def by_requester(graph: Graph, kind: str, requester_id: str) -> list[Introduction]:
    rows = graph.read(q.by_requester(LABELS[kind]), requester_id=requester_id)
    return [_introduction(r) for r in rows]


def one(graph: Graph, introduction_id: str) -> Introduction | None:
    rows = graph.read(q.ONE, id=introduction_id)
    return _introduction(rows[0]) if rows else None


def _introduction(row: Record) -> Introduction:
    text = {k: str(v) if v is not None else "" for k, v in row.items()}
    return Introduction(**{f: text[f] for f in Introduction.__dataclass_fields__})


def decide(
    graph: Graph, entry: AuditEntry, introduction_id: str, member_id: str, status: str
) -> bool:
    """Answer a pending request to `member_id`, with its audit event; False (and nothing
    written) when it was not pending any more."""

    def work(tx: ManagedTransaction) -> bool:
        params = {"id": introduction_id, "member_id": member_id, "status": status}
        if tx.run(q.DECIDE, params).single() is None:
            return False
        record(tx, entry)
        return True

    return graph.write_tx(work)


def introduced(graph: Graph, kind: str, viewer_id: str, member_ids: Sequence[str]) -> set[str]:
    """Which of `member_ids` the viewer was introduced to by an accepted introduction."""
    return run(graph, introduced_read(kind, viewer_id, member_ids))


def introduced_read(kind: str, viewer_id: str, member_ids: Sequence[str]) -> Read[set[str]]:
    params = {"viewer": viewer_id, "ids": list(member_ids)}
    return Read(q.introduced(LABELS[kind]), params, lambda rows: {row["id"] for row in rows})


def invitation_status(graph: Graph, member_id: str, idea_id: str) -> str | None:
    rows = graph.read(q.INVITATION_STATUS, member_id=member_id, idea_id=idea_id)
    return str(rows[0]["status"]) if rows else None


def answer_invitation(
    graph: Graph, entry: AuditEntry, member_id: str, idea_id: str, status: str
) -> bool:
    """Answer a pending invitation, with its audit event; False when it was not pending."""

    def work(tx: ManagedTransaction) -> bool:
        params = {"member_id": member_id, "idea_id": idea_id, "status": status}
        if tx.run(q.ANSWER_INVITATION, params).single() is None:
            return False
        record(tx, entry)
        return True

    return graph.write_tx(work)


def my_invitations(graph: Graph, member_id: str) -> list[Invitation]:
    return [
        Invitation(
            idea_id=r["idea_id"],
            idea_title=r["idea_title"] or "",
            invited_by=r["invited_by"] or "",
            status=r["status"],
            at=r["at"] or "",
        )
        for r in graph.read(q.MY_INVITATIONS, member_id=member_id)
    ]


def idea_invitations(graph: Graph, idea_id: str) -> list[tuple[str, str]]:
    """(member id, status) of everyone invited to the idea."""
    return [(r["member_id"], r["status"]) for r in graph.read(q.IDEA_INVITATIONS, idea_id=idea_id)]
