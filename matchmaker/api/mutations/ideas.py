"""submitIdea, updateIdea (own ideas only), expressInterest and inviteToIdea."""

from __future__ import annotations

from typing import Annotated

import strawberry

from matchmaker.api.context import AppInfo
from matchmaker.api.errors import NotAllowed, NotFound, ValidationErrors
from matchmaker.api.mutations.outcome import attempt
from matchmaker.api.permissions import MemberOnly, MemberOrPartner, only
from matchmaker.api.types.work import Idea
from matchmaker.domain.model import Idea as IdeaRecord
from matchmaker.services import ideas


@strawberry.input(description="An idea's fields; on update, leave one out to keep it.")
class IdeaInput:
    title: str | None = strawberry.field(default=None, description="5-200 characters.")
    summary: str | None = strawberry.field(default=None, description="20-5000 characters.")
    call_id: strawberry.ID | None = strawberry.field(
        default=None, description="The call it answers; an empty string removes the link."
    )
    theme_ids: list[strawberry.ID] | None = None
    required_skills: list[str] | None = None
    status: str | None = strawberry.field(default=None, description="draft or submitted.")


@strawberry.type(description="The idea after the change.")
class IdeaSaved:
    idea: Idea


IdeaResult = Annotated[
    IdeaSaved | ValidationErrors | NotFound | NotAllowed, strawberry.union("IdeaResult")
]


def _draft(input: IdeaInput) -> ideas.IdeaDraft:
    return ideas.IdeaDraft(
        title=input.title,
        summary=input.summary,
        call_id=None if input.call_id is None else str(input.call_id),
        theme_ids=None if input.theme_ids is None else tuple(map(str, input.theme_ids)),
        required_skills=None if input.required_skills is None else tuple(input.required_skills),
        status=input.status,
    )


def _saved(result: IdeaRecord | ValidationErrors | NotFound | NotAllowed) -> IdeaResult:
    return IdeaSaved(idea=Idea.from_domain(result)) if isinstance(result, IdeaRecord) else result


@strawberry.type
class IdeaMutations:
    @strawberry.mutation(
        extensions=only(MemberOnly()),
        description="Write a new idea (a draft unless status is submitted).",
    )
    async def submit_idea(self, info: AppInfo, input: IdeaInput) -> IdeaResult:
        rt, viewer = info.context.runtime, info.context.viewer
        return _saved(
            await attempt(ideas.submit_idea, rt.graph, rt.embed_behind.later, viewer, _draft(input))
        )

    @strawberry.mutation(extensions=only(MemberOnly()), description="Change an idea you submitted.")
    async def update_idea(self, info: AppInfo, id: strawberry.ID, input: IdeaInput) -> IdeaResult:
        rt, viewer = info.context.runtime, info.context.viewer
        return _saved(
            await attempt(
                ideas.update_idea, rt.graph, rt.embed_behind.later, viewer, str(id), _draft(input)
            )
        )

    @strawberry.mutation(
        extensions=only(MemberOrPartner()), description="Say you are interested in an idea."
    )
    async def express_interest(self, info: AppInfo, idea_id: strawberry.ID) -> IdeaResult:
        ctx = info.context
        return _saved(
            await attempt(ideas.express_interest, ctx.runtime.graph, ctx.viewer, str(idea_id))
        )

    @strawberry.mutation(
        extensions=only(MemberOnly()), description="Invite a member to an idea you submitted."
    )
    async def invite_to_idea(
        self, info: AppInfo, idea_id: strawberry.ID, member_id: strawberry.ID
    ) -> IdeaResult:
        ctx = info.context
        args = (ctx.runtime.graph, ctx.viewer, str(idea_id), str(member_id))
        return _saved(await attempt(ideas.invite_to_idea, *args))

    @strawberry.mutation(
        extensions=only(MemberOnly()),
        description="Take back an invitation to an idea you submitted.",
    )
    async def withdraw_invitation(
        self, info: AppInfo, idea_id: strawberry.ID, member_id: strawberry.ID
    ) -> IdeaResult:
        ctx = info.context
        args = (ctx.runtime.graph, ctx.viewer, str(idea_id), str(member_id))
        return _saved(await attempt(ideas.withdraw_invitation, *args))
