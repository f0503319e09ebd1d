"""Reads of a Task-and-Finish group's lifecycle (staff) and of a member's own invitations."""

from __future__ import annotations

import strawberry
from starlette.concurrency import run_in_threadpool

from graph_schema import model as m
from matchmaker.api.context import AppInfo
from matchmaker.api.permissions import MemberOnly, StaffOnly, only
from matchmaker.api.types import load
from matchmaker.api.types.refs import MemberRef
from matchmaker.api.types.task_groups import GroupInvitationView, TaskGroupLifecycle
from matchmaker.errors import NotFound
from matchmaker.services import task_groups


@strawberry.type
class TaskGroupQueries:
    @strawberry.field(
        extensions=only(StaffOnly()),
        description="A task group's state and every proposed member's invitation, or null.",
    )
    async def task_group_lifecycle(
        self, info: AppInfo, id: strawberry.ID
    ) -> TaskGroupLifecycle | None:
        ctx = info.context
        try:
            found = await run_in_threadpool(
                task_groups.lifecycle, ctx.runtime.graph, ctx.viewer, str(id)
            )
        except NotFound:
            return None
        return TaskGroupLifecycle.from_domain(found)

    @strawberry.field(
        extensions=only(MemberOnly()),
        description="Your invitations to Task-and-Finish groups, open and answered.",
    )
    async def my_group_invitations(self, info: AppInfo) -> list[GroupInvitationView]:
        ctx = info.context
        found = await run_in_threadpool(task_groups.my_invitations, ctx.runtime.graph, ctx.viewer)
        return [GroupInvitationView.from_domain(i) for i in found]

    @strawberry.field(
        extensions=only(StaffOnly()),
        description="Up to 8 members whose name holds the text, to add to a group.",
    )
    async def members_named(self, info: AppInfo, text: str) -> list[MemberRef]:
        from matchmaker.api.types.people import Member

        ctx = info.context
        ids = await run_in_threadpool(
            task_groups.members_named, ctx.runtime.graph, ctx.viewer, text
        )
        return [Member.from_domain(r) for r in await load.nodes(info, m.MEMBER, ids)]
