"""`me` and `demoUsers`: open to everyone."""

from __future__ import annotations

import strawberry
from starlette.concurrency import run_in_threadpool

from matchmaker.api.context import AppInfo
from matchmaker.api.types.session import DemoUser, Viewer
from matchmaker.services import auth


@strawberry.type
class SessionQueries:
    @strawberry.field(description="Who you are signed in as (role ANONYMOUS when nobody).")
    def me(self, info: AppInfo) -> Viewer:
        return Viewer.from_domain(info.context.viewer)

    @strawberry.field(description="Identities the demo sign-in offers; empty when it is off.")
    async def demo_users(self, info: AppInfo) -> list[DemoUser]:
        runtime = info.context.runtime
        if not runtime.settings.demo_sign_in:
            return []
        users = await run_in_threadpool(auth.demo_users, runtime.graph)
        return [
            DemoUser(
                id=strawberry.ID(u.viewer.id),
                role=u.viewer.role,
                name=u.viewer.name,
                description=u.description,
            )
            for u in users
        ]
