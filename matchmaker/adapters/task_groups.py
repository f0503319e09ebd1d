"""Task-and-Finish groups in the graph: read a group's lifecycle, and change it in one transaction.

A change is decided inside the write transaction that makes it, on the group as it is once the
group node is locked, and written with its audit event: all of it or none of it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from neo4j import ManagedTransaction

from graph_schema import model as m
from graph_schema.queries import api_writes
from graph_schema.queries import task_groups as q
from matchmaker.adapters.audit import AuditEntry, Step, record
from matchmaker.adapters.graph import Graph, Record
from matchmaker.domain.group_lifecycle import GroupState, Invitation, Lifecycle, Seat


@dataclass(frozen=True)
class GroupFile:
    """A task group's lifecycle with its descriptive fields."""

    lifecycle: Lifecycle
    name: str
    remit: str
    created: str = ""
    theme_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Change:
    """The lifecycle after a change, and the descriptive fields it sets (name, description)."""

    after: Lifecycle
    fields: Mapping[str, str] = field(default_factory=dict)
    theme_ids: tuple[str, ...] | None = None  # None: leave the themes as they are
    then: Sequence[Step] = ()  # more writes for the same transaction (e-mail notices)


@dataclass(frozen=True)
class GroupInvitation:
    """One of a member's own invitations, as they see it."""

    group_id: str
    name: str
    remit: str
    invitation: Invitation
    role: str
    changed: str


def _seat(row: Mapping[str, Any]) -> Seat:
    return Seat(
        str(row["member_id"]), Invitation(row["invitation"]), str(row["role"]), row["joined"]
    )


def _file(row: Record) -> GroupFile:
    seats = tuple(sorted((_seat(s) for s in row["seats"]), key=lambda s: s.member_id))
    lifecycle = Lifecycle(str(row["id"]), GroupState(row["state"]), seats, int(row["minimum"]))
    return GroupFile(
        lifecycle,
        str(row["name"] or ""),
        str(row["remit"]),
        str(row["created"] or ""),
        tuple(row["theme_ids"]),
    )


def read(graph: Graph, group_id: str) -> GroupFile | None:
    """The task group with its seats, or None when there is no task group with that id."""
    rows = graph.read(q.READ, id=group_id)
    return _file(rows[0]) if rows else None


def create(graph: Graph, group: GroupFile, theme_ids: tuple[str, ...], entry: AuditEntry) -> None:
    """Create the group, its themes and seats, and its audit event in one transaction."""
    lc = group.lifecycle
    values = {"name": group.name, "description": group.remit}

    def work(tx: ManagedTransaction) -> None:
        params = {"id": lc.group_id, "state": lc.state.value, "created": group.created}
        tx.run(q.CREATE, {**params, "minimum": lc.minimum, "changes": values}).consume()
        _themes(tx, lc.group_id, theme_ids)
        _write_seats(tx, Lifecycle(lc.group_id, lc.state), lc)
        record(tx, entry)

    graph.write_tx(work)


def change(
    graph: Graph,
    group_id: str,
    decide: Callable[[GroupFile], Change],
    entry: Callable[[GroupFile, Change], AuditEntry],
) -> GroupFile | None:
    """Lock the group, `decide` the change on it as it is, write it and its audit event.

    Returns the group after the change, or None when there is no such task group. Whatever
    `decide` raises (a broken rule) leaves the graph as it was.
    """

    def work(tx: ManagedTransaction) -> bool:
        row = tx.run(q.LOCK, {"id": group_id}).single()
        if row is None:
            return False
        before = _file(row.data())
        decided = decide(before)
        after = decided.after
        fields = {**decided.fields}
        params = {"id": group_id, "state": after.state.value, "minimum": after.minimum}
        tx.run(q.SET_GROUP, {**params, "changes": fields}).consume()
        if decided.theme_ids is not None:
            _themes(tx, group_id, decided.theme_ids)
        _write_seats(tx, before.lifecycle, after)
        for query, values in decided.then:
            tx.run(query, dict(values)).consume()
        record(tx, entry(before, decided))
        return True

    return read(graph, group_id) if graph.write_tx(work) else None


def _themes(tx: ManagedTransaction, group_id: str, theme_ids: tuple[str, ...]) -> None:
    query = api_writes.set_themes(m.TASK_GROUP)
    tx.run(query, {"id": group_id, "theme_ids": list(theme_ids)}).consume()


def _write_seats(tx: ManagedTransaction, before: Lifecycle, after: Lifecycle) -> None:
    """Write only the seats that changed: dropped, proposals, memberships."""
    kept = {s.member_id for s in after.seats}
    dropped = [s.member_id for s in before.seats if s.member_id not in kept]
    changed = [s for s in after.seats if before.seat(s.member_id) != s]
    proposals = [_params(s) for s in changed if not s.joined]
    memberships = [_params(s) for s in changed if s.joined]
    gid = after.group_id
    if dropped:
        tx.run(q.DROP_SEATS, {"group_id": gid, "member_ids": dropped}).consume()
    if proposals:
        tx.run(q.PUT_PROPOSALS, {"group_id": gid, "seats": proposals}).consume()
    if memberships:
        tx.run(q.PUT_MEMBERSHIPS, {"group_id": gid, "seats": memberships}).consume()


def _params(seat: Seat) -> dict[str, str]:
    return {"member_id": seat.member_id, "invitation": seat.invitation.value, "role": seat.role}


def my_invitations(graph: Graph, member_id: str) -> list[GroupInvitation]:
    """The member's own invitations to groups that are inviting or active, newest first."""
    rows = graph.read(q.MY_INVITATIONS, member_id=member_id)
    return [
        GroupInvitation(
            str(r["group_id"]),
            str(r["name"] or ""),
            str(r["remit"]),
            Invitation(r["invitation"]),
            str(r["role"] or "member"),
            str(r["changed"] or ""),
        )
        for r in rows
    ]


def members_named(graph: Graph, text: str, limit: int) -> list[str]:
    """Ids of members whose name holds `text` (any case), by name."""
    return [str(r["id"]) for r in graph.read(q.MEMBERS_NAMED, text=text, limit=limit)]
