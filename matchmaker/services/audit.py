"""Use case: read the audit trail (every change, who made it, in which role, when)."""

from __future__ import annotations

from collections.abc import Mapping

from matchmaker.adapters.audit import AuditEvent, audit_page
from matchmaker.adapters.graph import Graph
from matchmaker.auth.roles import Viewer
from matchmaker.errors import PermissionDenied


def audit_trail(
    graph: Graph, viewer: Viewer, window: tuple[int, int], filters: Mapping[str, str | None]
) -> tuple[list[AuditEvent], int]:
    """Events newest first, `window` = (skip, limit), filtered by actor, action, target_id,
    with the total that match. Raises PermissionDenied (not staff) and Neo4jUnavailable."""
    if not viewer.is_staff:
        raise PermissionDenied("Only STERIC staff read the audit trail.")
    return audit_page(graph, window, filters)
