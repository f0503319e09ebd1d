"""The lifecycle of a Task-and-Finish group: staff edit, invite, activate and close it; the
invited member answers. createTaskGroup (api.mutations.groups) saves the draft."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import strawberry

from matchmaker.adapters.task_groups import GroupFile
from matchmaker.api.context import AppInfo
from matchmaker.api.mutations.outcome import attempt, is_failure
from matchmaker.api.permissions import MemberOnly, StaffOnly, only
from matchmaker.api.types.task_groups import (
    GroupInvitationView,
    GroupRuleBroken,
    InvitationAnswered,
    InvitationResult,
    TaskGroupChanged,
    TaskGroupLifecycle,
    TaskGroupResult,
)
from matchmaker.domain.group_lifecycle import RuleBroken
from matchmaker.services import task_groups
from matchmaker.services.task_groups import GroupEdit, InvitationsSent


@strawberry.input(description="Fields of a task group to change; leave out what stays.")
class TaskGroupEdit:
    name: str | None = strawberry.field(default=None, description="3-160 characters.")
    remit: str | None = strawberry.field(default=None, description="10-5000 characters.")
    minimum_accepted: int | None = strawberry.field(
        default=None, description="Acceptances needed to activate, 1-30."
    )
    theme_ids: list[strawberry.ID] | None = None


async def _run(call: Callable[..., Any], *args: Any) -> Any:
    """The service call through `attempt`, with a broken lifecycle rule as GroupRuleBroken."""
    try:
        return await attempt(call, *args)
    except RuleBroken as e:
        return GroupRuleBroken.of(e)


def _changed(result: Any) -> TaskGroupResult:
    if isinstance(result, InvitationsSent):
        group = TaskGroupLifecycle.from_domain(result.group)
        return TaskGroupChanged(group=group, invited=[strawberry.ID(i) for i in result.invited])
    if isinstance(result, GroupFile):
        return TaskGroupChanged(group=TaskGroupLifecycle.from_domain(result))
    return result  # type: ignore[no-any-return]


async def _staff_change(info: AppInfo, call: Callable[..., Any], *args: Any) -> TaskGroupResult:
    ctx = info.context
    return _changed(await _run(call, ctx.runtime.graph, ctx.viewer, *args))


STAFF = only(StaffOnly())


@strawberry.type
class TaskGroupMutations:
    @strawberry.mutation(extensions=STAFF, description="Rename a draft or inviting group, etc.")
    async def update_task_group(
        self, info: AppInfo, group_id: strawberry.ID, input: TaskGroupEdit
    ) -> TaskGroupResult:
        themes = None if input.theme_ids is None else tuple(map(str, input.theme_ids))
        edit = GroupEdit(input.name, input.remit, input.minimum_accepted, themes)
        return await _staff_change(info, task_groups.update_details, str(group_id), edit)

    @strawberry.mutation(extensions=STAFF, description="Propose one more member for the group.")
    async def add_to_task_group(
        self, info: AppInfo, group_id: strawberry.ID, member_id: strawberry.ID
    ) -> TaskGroupResult:
        args = (str(group_id), str(member_id))
        return await _staff_change(info, task_groups.add_member, *args)

    @strawberry.mutation(
        extensions=STAFF, description="Take a member off the group, withdrawing any invitation."
    )
    async def remove_from_task_group(
        self, info: AppInfo, group_id: strawberry.ID, member_id: strawberry.ID
    ) -> TaskGroupResult:
        args = (str(group_id), str(member_id))
        return await _staff_change(info, task_groups.remove_member, *args)

    @strawberry.mutation(
        extensions=STAFF,
        description="Make a proposed or accepted member the chair; no memberId: no chair.",
    )
    async def set_task_group_chair(
        self, info: AppInfo, group_id: strawberry.ID, member_id: strawberry.ID | None = None
    ) -> TaskGroupResult:
        chair = None if member_id is None else str(member_id)
        return await _staff_change(info, task_groups.set_chair, str(group_id), chair)

    @strawberry.mutation(extensions=STAFF, description="Invite every proposed member.")
    async def send_group_invitations(
        self, info: AppInfo, group_id: strawberry.ID
    ) -> TaskGroupResult:
        return await _staff_change(info, task_groups.send_invitations, str(group_id))

    @strawberry.mutation(
        extensions=STAFF, description="Activate the group once enough members accepted."
    )
    async def activate_task_group(self, info: AppInfo, group_id: strawberry.ID) -> TaskGroupResult:
        return await _staff_change(info, task_groups.activate, str(group_id))

    @strawberry.mutation(extensions=STAFF, description="Close the group.")
    async def close_task_group(self, info: AppInfo, group_id: strawberry.ID) -> TaskGroupResult:
        return await _staff_change(info, task_groups.close, str(group_id))

    @strawberry.mutation(
        extensions=only(MemberOnly()),
        description="Accept or decline your own invitation to a group; a decline is final.",
    )
    async def answer_group_invitation(
        self, info: AppInfo, group_id: strawberry.ID, accept: bool
    ) -> InvitationResult:
        ctx = info.context
        args = (ctx.runtime.graph, ctx.viewer, str(group_id), accept)
        result = await _run(task_groups.answer_invitation, *args)
        if is_failure(result) or isinstance(result, GroupRuleBroken):
            return result  # type: ignore[no-any-return]
        return InvitationAnswered(invitation=GroupInvitationView.from_domain(result))
