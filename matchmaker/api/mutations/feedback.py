"""recordSuggestionFeedback: accept or decline a suggested member or partner; and
recordTeamShown: the shown marks of a team suggestTeam answered with."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import strawberry

from matchmaker.adapters.suggestions import SuggestionRecord
from matchmaker.api.context import AppInfo
from matchmaker.api.errors import NotAllowed, NotFound, ValidationErrors
from matchmaker.api.mutations.outcome import attempt
from matchmaker.api.permissions import MemberOrStaff, only
from matchmaker.services import decisions, shown


@strawberry.enum(description="What the suggestion was for.")
class TargetKind(Enum):
    IDEA = "idea"
    CALL = "call"
    TASK_GROUP = "task_group"
    TEXT = "text"


@strawberry.enum
class CandidateKind(Enum):
    MEMBER = "member"
    PARTNER = "partner"


@strawberry.enum(description="ACCEPTED and DECLINED teach the ranking; SUGGESTED records exposure.")
class Decision(Enum):
    ACCEPTED = "accepted"
    DECLINED = "declined"
    SUGGESTED = "suggested"


@strawberry.input(description="A decision on one suggested candidate for one target.")
class FeedbackInput:
    target_id: strawberry.ID = strawberry.field(
        description="Idea, call or task group id; for text, Target.id."
    )
    target_kind: TargetKind
    candidate_id: strawberry.ID
    decision: Decision
    candidate_kind: CandidateKind = CandidateKind.MEMBER


@strawberry.type(description="The decision, as stored.")
class FeedbackRecorded:
    suggestion_id: strawberry.ID
    target_id: strawberry.ID
    candidate_id: strawberry.ID
    decision: Decision
    at: str

    @classmethod
    def from_domain(cls, r: SuggestionRecord) -> FeedbackRecorded:
        return cls(
            suggestion_id=strawberry.ID(r.id),
            target_id=strawberry.ID(r.target_id),
            candidate_id=strawberry.ID(r.candidate_id),
            decision=Decision(r.decision),
            at=r.at,
        )


@strawberry.type(description="How many members of a shown team were marked as shown.")
class TeamShown:
    marked: int


ShownResult = Annotated[
    TeamShown | ValidationErrors | NotFound | NotAllowed, strawberry.union("ShownResult")
]

FeedbackResult = Annotated[
    FeedbackRecorded | ValidationErrors | NotFound | NotAllowed, strawberry.union("FeedbackResult")
]


@strawberry.type
class FeedbackMutations:
    @strawberry.mutation(
        extensions=only(MemberOrStaff()), description="Record a decision on a suggestion."
    )
    async def record_suggestion_feedback(
        self, info: AppInfo, input: FeedbackInput
    ) -> FeedbackResult:
        ctx = info.context
        target = (input.target_kind.value, str(input.target_id))
        candidate = (input.candidate_kind.value, str(input.candidate_id))
        args = (ctx.runtime.graph, ctx.viewer, target, candidate, input.decision.value)
        found = await attempt(decisions.record_decision, *args)
        return FeedbackRecorded.from_domain(found) if isinstance(found, SuggestionRecord) else found

    @strawberry.mutation(
        extensions=only(MemberOrStaff()),
        description="Record that a suggested team was shown (fair exposure): pass the "
        "team's shownToken once it is on screen.",
    )
    async def record_team_shown(self, info: AppInfo, shown_token: str) -> ShownResult:
        ctx = info.context
        args = (ctx.runtime.graph, ctx.viewer, shown_token, ctx.runtime.settings.jwt_secret)
        marked = await attempt(shown.record_team_shown, *args)
        return TeamShown(marked=marked) if isinstance(marked, int) else marked
