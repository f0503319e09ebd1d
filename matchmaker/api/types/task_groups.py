"""A Task-and-Finish group's lifecycle as staff see it, and an invitation as its member sees it."""

from __future__ import annotations

from typing import Annotated

import strawberry

from graph_schema import model as m
from matchmaker.adapters.task_groups import GroupFile, GroupInvitation
from matchmaker.api.context import AppInfo
from matchmaker.api.errors import NotAllowed, NotFound, ValidationErrors
from matchmaker.api.types import load
from matchmaker.api.types.refs import MemberRef, ThemeRef
from matchmaker.domain import group_lifecycle as rules
from matchmaker.domain.group_lifecycle import GroupState, Invitation, RuleBroken, Seat

strawberry.enum(
    GroupState,
    name="GroupLifecycleState",
    description="draft, invitations sent, active, closed",
)
strawberry.enum(
    Invitation,
    name="InvitationState",
    description="A proposed member's invitation: proposed, invited, accepted, declined.",
)


@strawberry.type(description="One proposed member of a group: their invitation and role.")
class GroupSeat:
    member_id: strawberry.ID
    invitation: Invitation
    role: str = strawberry.field(description="member or chair")

    @classmethod
    def from_domain(cls, s: Seat) -> GroupSeat:
        return cls(member_id=strawberry.ID(s.member_id), invitation=s.invitation, role=s.role)

    @strawberry.field(description="The member, read as the privacy policy lets you.")
    async def member(self, info: AppInfo) -> MemberRef | None:
        from matchmaker.api.types.people import Member

        found = await load.node(info, m.MEMBER, self.member_id)
        return None if found is None else Member.from_domain(found)


@strawberry.type(description="A Task-and-Finish group's state, remit and seats (staff only).")
class TaskGroupLifecycle:
    file: strawberry.Private[GroupFile]
    id: strawberry.ID
    name: str
    remit: str
    created: str
    state: GroupState
    minimum_accepted: int = strawberry.field(description="Acceptances needed to activate.")
    accepted_count: int
    seats: list[GroupSeat]

    @classmethod
    def from_domain(cls, f: GroupFile) -> TaskGroupLifecycle:
        lc = f.lifecycle
        return cls(
            file=f,
            id=strawberry.ID(lc.group_id),
            name=f.name,
            remit=f.remit,
            created=f.created,
            state=lc.state,
            minimum_accepted=lc.minimum,
            accepted_count=lc.count(Invitation.ACCEPTED),
            seats=[GroupSeat.from_domain(s) for s in lc.seats],
        )

    @strawberry.field
    async def themes(self, info: AppInfo) -> list[ThemeRef]:
        from matchmaker.api.types.work import Theme

        found = await load.nodes(info, m.THEME, self.file.theme_ids)
        return [Theme.from_domain(t) for t in found]

    @strawberry.field(description="Why the group cannot be activated now, or null if it can.")
    def activation_blocker(self) -> str | None:
        try:
            rules.activate(self.file.lifecycle)
        except RuleBroken as e:
            return e.message
        return None


@strawberry.type(
    name="GroupInvitation", description="An invitation to a group, as the invited member sees it."
)
class GroupInvitationView:
    group_id: strawberry.ID
    name: str
    remit: str
    invitation: Invitation
    role: str
    changed: str

    @classmethod
    def from_domain(cls, i: GroupInvitation) -> GroupInvitationView:
        return cls(
            group_id=strawberry.ID(i.group_id),
            name=i.name,
            remit=i.remit,
            invitation=i.invitation,
            role=i.role,
            changed=i.changed,
        )


@strawberry.type(description="A rule of the group's lifecycle refused the change; nothing changed.")
class GroupRuleBroken:
    message: str
    rule: str = strawberry.field(description="A short stable name, e.g. minimum-accepted.")

    @classmethod
    def of(cls, e: RuleBroken) -> GroupRuleBroken:
        return cls(message=e.message, rule=e.rule)


@strawberry.type(description="The group after the change.")
class TaskGroupChanged:
    group: TaskGroupLifecycle
    invited: list[strawberry.ID] = strawberry.field(
        default_factory=list, description="Members invited by this change."
    )


@strawberry.type(description="The invitation after the answer.")
class InvitationAnswered:
    invitation: GroupInvitationView


TaskGroupResult = Annotated[
    TaskGroupChanged | GroupRuleBroken | ValidationErrors | NotFound | NotAllowed,
    strawberry.union("TaskGroupResult"),
]
InvitationResult = Annotated[
    InvitationAnswered | GroupRuleBroken | NotFound | NotAllowed,
    strawberry.union("InvitationResult"),
]
