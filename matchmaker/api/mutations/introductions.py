"""requestIntroduction and answerIntroduction; answerIdeaInvitation; setNoticePreferences."""

from __future__ import annotations

from typing import Annotated

import strawberry

from matchmaker.api.context import AppInfo
from matchmaker.api.errors import NotAllowed, NotFound, ValidationErrors
from matchmaker.api.mutations.outcome import Failure, attempt
from matchmaker.api.permissions import MemberOnly, MemberOrPartner, only
from matchmaker.api.types.introductions import (
    IdeaInvitation,
    IntroductionRequest,
    MyIntroduction,
    NoticePreferences,
    NoticePreferencesInput,
)
from matchmaker.domain.introductions import Introduction, Invitation
from matchmaker.services import introductions, invitations, notices


@strawberry.type(description="Your request, as it stands now.")
class IntroductionRequested:
    introduction: MyIntroduction


@strawberry.type(description="The request after your answer.")
class IntroductionAnswered:
    request: IntroductionRequest


@strawberry.type(description="The invitation after your answer.")
class IdeaInvitationAnswered:
    invitation: IdeaInvitation


@strawberry.type(description="Your notice settings after the change.")
class NoticePreferencesSaved:
    preferences: NoticePreferences


Refused = ValidationErrors | NotFound | NotAllowed
RequestResult = Annotated[
    IntroductionRequested | Refused, strawberry.union("RequestIntroductionResult")
]
AnswerResult = Annotated[
    IntroductionAnswered | Refused, strawberry.union("AnswerIntroductionResult")
]
InvitationResult = Annotated[
    IdeaInvitationAnswered | Refused, strawberry.union("AnswerIdeaInvitationResult")
]
PreferencesResult = Annotated[
    NoticePreferencesSaved | Refused, strawberry.union("NoticePreferencesResult")
]


def _requested(x: Introduction | Failure) -> RequestResult:
    return (
        IntroductionRequested(introduction=MyIntroduction.from_domain(x))
        if isinstance(x, Introduction)
        else x
    )


@strawberry.type
class IntroductionMutations:
    @strawberry.mutation(
        extensions=only(MemberOrPartner()),
        description="Ask to be introduced to a member about a topic or an idea (give one). "
        "Partners give the e-mail address the member can reach them at.",
    )
    async def request_introduction(
        self,
        info: AppInfo,
        member_id: strawberry.ID,
        message: str,
        topic: str | None = None,
        idea_id: strawberry.ID | None = None,
        contact_email: str | None = None,
    ) -> RequestResult:
        ask = introductions.Ask(
            member_id=str(member_id),
            message=message,
            topic=topic,
            idea_id=None if idea_id is None else str(idea_id),
            contact_email=contact_email,
        )
        ctx = info.context
        return _requested(
            await attempt(introductions.request_introduction, ctx.runtime.graph, ctx.viewer, ask)
        )

    @strawberry.mutation(
        extensions=only(MemberOnly()),
        description="Accept or decline a request to be introduced to you; both are final.",
    )
    async def answer_introduction(
        self, info: AppInfo, id: strawberry.ID, accept: bool
    ) -> AnswerResult:
        ctx = info.context
        result = await attempt(introductions.answer, ctx.runtime.graph, ctx.viewer, str(id), accept)
        if isinstance(result, Introduction):
            return IntroductionAnswered(request=IntroductionRequest.from_domain(result))
        return result

    @strawberry.mutation(
        extensions=only(MemberOnly()),
        description="Accept (and join the idea's interested members) or decline an invitation "
        "to an idea; both are final, and a decline is never shown to the inviter as such.",
    )
    async def answer_idea_invitation(
        self, info: AppInfo, idea_id: strawberry.ID, accept: bool
    ) -> InvitationResult:
        ctx = info.context
        result = await attempt(
            invitations.answer, ctx.runtime.graph, ctx.viewer, str(idea_id), accept
        )
        if isinstance(result, Invitation):
            return IdeaInvitationAnswered(invitation=IdeaInvitation.from_domain(result))
        return result

    @strawberry.mutation(
        extensions=only(MemberOnly()), description="Choose which kinds of e-mail notice you get."
    )
    async def set_notice_preferences(
        self, info: AppInfo, input: NoticePreferencesInput
    ) -> PreferencesResult:
        ctx = info.context
        result = await attempt(
            notices.set_preferences, ctx.runtime.graph, ctx.viewer, input.wanted()
        )
        if isinstance(result, dict):
            return NoticePreferencesSaved(preferences=NoticePreferences.of(result))
        return result
