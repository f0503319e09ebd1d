"""createTaskGroup, addGroupMember and removeGroupMember, for STERIC staff."""

from __future__ import annotations

from typing import Annotated

import strawberry

from matchmaker.api.context import AppInfo
from matchmaker.api.errors import NotAllowed, NotFound, ValidationErrors
from matchmaker.api.mutations.outcome import attempt
from matchmaker.api.permissions import StaffOnly, only
from matchmaker.api.types.bodies import Group
from matchmaker.domain.model import Group as GroupRecord
from matchmaker.services import groups


@strawberry.input(description="A new Task-and-Finish group.")
class TaskGroupInput:
    name: str = strawberry.field(description="3-160 characters.")
    remit: str = strawberry.field(description="What the group is to deliver, 10-5000 characters.")
    theme_ids: list[strawberry.ID] = strawberry.field(default_factory=list)
    member_ids: list[strawberry.ID] = strawberry.field(
        default_factory=list, description="At most 30."
    )
    lead_id: strawberry.ID | None = None


@strawberry.type(description="The group after the change.")
class GroupSaved:
    group: Group


GroupResult = Annotated[
    GroupSaved | ValidationErrors | NotFound | NotAllowed, strawberry.union("GroupResult")
]


def _saved(result: GroupRecord | ValidationErrors | NotFound | NotAllowed) -> GroupResult:
    return (
        GroupSaved(group=Group.from_domain(result)) if isinstance(result, GroupRecord) else result
    )


@strawberry.type
class GroupMutations:
    @strawberry.mutation(
        extensions=only(StaffOnly()), description="Create a task group and seat its members."
    )
    async def create_task_group(self, info: AppInfo, input: TaskGroupInput) -> GroupResult:
        ctx = info.context
        draft = groups.GroupDraft(
            name=input.name,
            remit=input.remit,
            theme_ids=tuple(map(str, input.theme_ids)),
            member_ids=tuple(map(str, input.member_ids)),
            lead_id=None if input.lead_id is None else str(input.lead_id),
        )
        return _saved(await attempt(groups.create_task_group, ctx.runtime.graph, ctx.viewer, draft))

    @strawberry.mutation(
        extensions=only(StaffOnly()),
        description="Seat a member in a group (member, chair, secretary or lead).",
    )
    async def add_group_member(
        self, info: AppInfo, group_id: strawberry.ID, member_id: strawberry.ID, role: str = "member"
    ) -> GroupResult:
        ctx = info.context
        args = (ctx.runtime.graph, ctx.viewer, str(group_id), str(member_id), role)
        return _saved(await attempt(groups.add_group_member, *args))

    @strawberry.mutation(extensions=only(StaffOnly()), description="Take a member out of a group.")
    async def remove_group_member(
        self, info: AppInfo, group_id: strawberry.ID, member_id: strawberry.ID
    ) -> GroupResult:
        ctx = info.context
        args = (ctx.runtime.graph, ctx.viewer, str(group_id), str(member_id))
        return _saved(await attempt(groups.remove_group_member, *args))
