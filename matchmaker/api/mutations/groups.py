"""createTaskGroup (a draft Task-and-Finish group), addGroupMember and removeGroupMember, for
STERIC staff. The rest of a task group's life is api.mutations.task_groups."""

from __future__ import annotations

from typing import Annotated

import strawberry

from matchmaker.adapters.graph import Graph
from matchmaker.api.context import AppInfo
from matchmaker.api.errors import NotAllowed, NotFound, ValidationErrors
from matchmaker.api.mutations.outcome import attempt
from matchmaker.api.permissions import StaffOnly, only
from matchmaker.api.types.bodies import Group
from matchmaker.api.types.task_groups import GroupRuleBroken
from matchmaker.auth.roles import Viewer
from matchmaker.domain.group_lifecycle import RuleBroken
from matchmaker.domain.model import Group as GroupRecord
from matchmaker.services import groups, task_groups


@strawberry.input(description="A new Task-and-Finish group.")
class TaskGroupInput:
    name: str = strawberry.field(description="3-160 characters.")
    remit: str = strawberry.field(description="What the group is to deliver, 10-5000 characters.")
    theme_ids: list[strawberry.ID] = strawberry.field(default_factory=list)
    member_ids: list[strawberry.ID] = strawberry.field(
        default_factory=list, description="At most 30."
    )
    chair_id: strawberry.ID | None = strawberry.field(
        default=None, description="One of the proposed members, or another proposed as chair."
    )
    minimum_accepted: int = strawberry.field(
        default=3, description="Acceptances needed before the group can be activated, 1-30."
    )


@strawberry.type(description="The group after the change.")
class GroupSaved:
    group: Group


GroupResult = Annotated[
    GroupSaved | ValidationErrors | NotFound | NotAllowed | GroupRuleBroken,
    strawberry.union("GroupResult"),
]


def _saved(
    result: GroupRecord | ValidationErrors | NotFound | NotAllowed | GroupRuleBroken,
) -> GroupResult:
    return (
        GroupSaved(group=Group.from_domain(result)) if isinstance(result, GroupRecord) else result
    )


def _create(graph: Graph, viewer: Viewer, draft: task_groups.GroupDraft) -> GroupRecord:
    """Save the draft and read it back as every group is read, for the viewer."""
    created = task_groups.create_draft(graph, viewer, draft)
    return groups.group(graph, viewer, created.lifecycle.group_id)


@strawberry.type
class GroupMutations:
    @strawberry.mutation(
        extensions=only(StaffOnly()),
        description="Save a draft task group: its members are proposed, nobody is asked yet.",
    )
    async def create_task_group(self, info: AppInfo, input: TaskGroupInput) -> GroupResult:
        ctx = info.context
        draft = task_groups.GroupDraft(
            name=input.name,
            remit=input.remit,
            theme_ids=tuple(map(str, input.theme_ids)),
            member_ids=tuple(map(str, input.member_ids)),
            chair_id=None if input.chair_id is None else str(input.chair_id),
            minimum=input.minimum_accepted,
        )
        try:
            found = await attempt(_create, ctx.runtime.graph, ctx.viewer, draft)
        except RuleBroken as e:
            return GroupRuleBroken.of(e)
        return _saved(found)

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
