"""The audit trail: one (:AuditEvent) per change, written in the change's transaction."""

from __future__ import annotations

from graph_schema import model as m

RECORD = (
    f"CREATE (a:{m.AUDIT} {{id: randomUUID(), actor: $actor, role: $role, action: $action, "
    "target_id: $target_id, detail: $detail, at: datetime()}) RETURN a.id AS id"
)

_FILTER = (
    "($actor IS NULL OR a.actor = $actor) AND ($action IS NULL OR a.action = $action) "
    "AND ($target_id IS NULL OR a.target_id = $target_id)"
)

PAGE = (
    f"MATCH (a:{m.AUDIT}) WHERE {_FILTER} WITH a ORDER BY a.at DESC, a.id SKIP $skip LIMIT $limit "
    "RETURN a.id AS id, a.actor AS actor, a.role AS role, a.action AS action, "
    "a.target_id AS target_id, a.detail AS detail, toString(a.at) AS at"
)

COUNT = f"MATCH (a:{m.AUDIT}) WHERE {_FILTER} RETURN count(a) AS total"
