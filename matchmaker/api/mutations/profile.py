"""updateMyProfile and setMyConsent: a member changes only their own record."""

from __future__ import annotations

from typing import Annotated

import strawberry

from matchmaker.api.context import AppInfo
from matchmaker.api.errors import NotAllowed, NotFound, ValidationErrors
from matchmaker.api.mutations.outcome import attempt
from matchmaker.api.permissions import MemberOnly, only
from matchmaker.api.types.people import Member
from matchmaker.domain.model import Member as MemberRecord
from matchmaker.services import profiles


@strawberry.input(description="Fields to change; leave one out to keep it.")
class ProfileInput:
    name: str | None = None
    discipline: str | None = None
    expertise_statement: str | None = strawberry.field(
        default=None,
        description="Plain-language account of your expertise (up to 4000 characters).",
    )
    availability_hours: int | None = strawberry.field(
        default=None, description="Hours a month, 0-160."
    )
    max_groups: int | None = strawberry.field(
        default=None, description="Active groups at once, 0-10."
    )


@strawberry.input(description="Consent flags to change; leave one out to keep it.")
class ConsentInput:
    open_to_matching: bool | None = None
    visible_to_members: bool | None = None
    visible_to_partners: bool | None = None


@strawberry.type(description="Your profile after the change.")
class ProfileSaved:
    member: Member


ProfileResult = Annotated[
    ProfileSaved | ValidationErrors | NotFound | NotAllowed, strawberry.union("ProfileResult")
]


def _saved(result: MemberRecord | ValidationErrors | NotFound | NotAllowed) -> ProfileResult:
    if isinstance(result, MemberRecord):
        return ProfileSaved(member=Member.from_domain(result))
    return result


@strawberry.type
class ProfileMutations:
    @strawberry.mutation(extensions=only(MemberOnly()), description="Change your own profile.")
    async def update_my_profile(self, info: AppInfo, input: ProfileInput) -> ProfileResult:
        ctx = info.context
        changes = profiles.ProfileChanges(
            name=input.name,
            discipline=input.discipline,
            expertise_statement=input.expertise_statement,
            availability_hours=input.availability_hours,
            max_groups=input.max_groups,
        )
        runtime = ctx.runtime
        return _saved(
            await attempt(
                profiles.update_profile, runtime.graph, runtime.write_embedder, ctx.viewer, changes
            )
        )

    @strawberry.mutation(extensions=only(MemberOnly()), description="Change what you agree to.")
    async def set_my_consent(self, info: AppInfo, input: ConsentInput) -> ProfileResult:
        ctx = info.context
        changes = profiles.ConsentChanges(
            open_to_matching=input.open_to_matching,
            visible_to_members=input.visible_to_members,
            visible_to_partners=input.visible_to_partners,
        )
        return _saved(await attempt(profiles.set_consent, ctx.runtime.graph, ctx.viewer, changes))
