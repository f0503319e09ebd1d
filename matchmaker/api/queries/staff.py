"""Staff-only reads: analytics and the audit trail."""

from __future__ import annotations

import strawberry
from starlette.concurrency import run_in_threadpool

from matchmaker.adapters.audit import AuditEvent as AuditRecord
from matchmaker.api.context import AppInfo
from matchmaker.api.pagination import Connection, connection, window
from matchmaker.api.permissions import StaffOnly, only
from matchmaker.api.types.analytics import Analytics
from matchmaker.services.audit import audit_trail


@strawberry.type(description="One recorded change: who, in which role, when, what, to which node.")
class AuditEvent:
    id: strawberry.ID
    actor: str
    role: str
    action: str
    target_id: str
    detail: str
    at: str

    @classmethod
    def from_domain(cls, e: AuditRecord) -> AuditEvent:
        return cls(
            id=strawberry.ID(e.id),
            actor=e.actor,
            role=e.role,
            action=e.action,
            target_id=e.target_id,
            detail=e.detail,
            at=e.at,
        )


@strawberry.type
class StaffQueries:
    @strawberry.field(extensions=only(StaffOnly()), description="Analytics for STERIC staff.")
    def analytics(self) -> Analytics:
        return Analytics()

    @strawberry.field(extensions=only(StaffOnly()), description="The audit trail, newest first.")
    async def audit_events(
        self,
        info: AppInfo,
        actor: str | None = None,
        action: str | None = None,
        target_id: str | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[AuditEvent]:
        skip, limit = window(first, after)
        filters = {"actor": actor, "action": action, "target_id": target_id}
        ctx = info.context
        args = (ctx.runtime.graph, ctx.viewer, (skip, limit), filters)
        events, total = await run_in_threadpool(audit_trail, *args)
        return connection(events, total, skip, AuditEvent.from_domain)
