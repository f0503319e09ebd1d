"""Audited writes (the change and its AuditEvent in one transaction) and the audit trail."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from neo4j import ManagedTransaction

from graph_schema.queries import api_audit as q
from matchmaker.adapters.graph import Graph, Record
from matchmaker.adapters.import_store import GraphImportStore, GraphImportWriter
from matchmaker.importing.kinds import Key

Step = tuple[str, Mapping[str, Any]]


@dataclass(frozen=True)
class AuditEntry:
    """Who did what to which node; `detail` is a short human summary."""

    actor: str
    role: str
    action: str
    target_id: str
    detail: str = ""


@dataclass(frozen=True)
class AuditEvent:
    id: str
    actor: str
    role: str
    action: str
    target_id: str
    detail: str
    at: str


def write_audited(graph: Graph, entry: AuditEntry, steps: Sequence[Step]) -> list[list[Record]]:
    """Run `steps` and record `entry`, all in one write transaction: all happen or none.

    Returns each step's records; raises Neo4jUnavailable when the graph does not answer.
    """

    def work(tx: ManagedTransaction) -> list[list[Record]]:
        results = [[r.data() for r in tx.run(query, dict(params))] for query, params in steps]
        tx.run(q.RECORD, _entry_params(entry)).consume()
        return results

    return graph.write_tx(work)


def record(tx: ManagedTransaction, entry: AuditEntry) -> None:
    """Record `entry` in the caller's write transaction (a change decided inside it)."""
    tx.run(q.RECORD, _entry_params(entry)).consume()


def _entry_params(entry: AuditEntry) -> dict[str, str]:
    return {
        "actor": entry.actor,
        "role": entry.role,
        "action": entry.action,
        "target_id": entry.target_id,
        "detail": entry.detail[:500],
    }


def audit_page(
    graph: Graph, window: tuple[int, int], filters: Mapping[str, str | None]
) -> tuple[list[AuditEvent], int]:
    """The newest events first, `window` = (skip, limit), with the total that match."""
    skip, limit = window
    params = {"actor": None, "action": None, "target_id": None, **filters}

    def work(tx: ManagedTransaction) -> tuple[list[AuditEvent], int]:
        rows = [r.data() for r in tx.run(q.PAGE, {**params, "skip": skip, "limit": limit})]
        total = tx.run(q.COUNT, params).single()
        return [_event(r) for r in rows], int(total["total"]) if total else 0

    return graph.read_tx(work)


def _event(row: Record) -> AuditEvent:
    return AuditEvent(**{k: str(row.get(k) or "") for k in AuditEvent.__dataclass_fields__})


class AuditedImportStore:
    """An import store whose one transaction also records the import's AuditEvent."""

    def __init__(self, store: GraphImportStore, entry: AuditEntry) -> None:
        self.store = store
        self.entry = entry

    def existing_ids(self, kind: str, ids: Collection[str]) -> set[str]:
        return self.store.existing_ids(kind, ids)

    def differing(self, kind: str, prints: Sequence[tuple[Key, str]]) -> set[int]:
        return self.store.differing(kind, prints)

    def held_file(self, kind: str, digest: str) -> int | None:
        return self.store.held_file(kind, digest)

    @contextmanager
    def transaction(self) -> Iterator[GraphImportWriter]:
        """The store's transaction, with the audit event written just before it commits."""
        with self.store.transaction() as writer:
            yield writer
            writer.tx.run(q.RECORD, _entry_params(self.entry)).consume()
