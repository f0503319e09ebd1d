"""The skills vocabulary, an idea's skills (confirmed or proposed) and staff's mined proposals."""

from __future__ import annotations

from typing import Annotated

import strawberry
from starlette.concurrency import run_in_threadpool

from matchmaker.adapters.vocabulary import ProposedSkill, read_vocabulary
from matchmaker.api.context import AppInfo
from matchmaker.api.errors import NotAllowed, NotFound, ValidationErrors
from matchmaker.api.mutations.outcome import attempt
from matchmaker.api.permissions import MemberOrStaff, SignedIn, StaffOnly, only
from matchmaker.matching.vocabulary import VocabularySkill
from matchmaker.services import skill_confirmation, skill_vocabulary
from matchmaker.services.skill_confirmation import IdeaSkills


@strawberry.type(description="A skill of the vocabulary: its name and the other words for it.")
class VocabularyEntry:
    id: strawberry.ID
    name: str
    synonyms: list[str]
    kind: str
    description: str = strawberry.field(description="What the skill covers; may be empty.")

    @classmethod
    def of(cls, s: VocabularySkill) -> VocabularyEntry:
        return cls(
            id=strawberry.ID(s.id), name=s.name, synonyms=list(s.synonyms), kind=s.kind,
            description=s.description,
        )  # fmt: skip


@strawberry.type(description="A vocabulary skill named by id and name.")
class SkillName:
    id: strawberry.ID
    name: str


@strawberry.type(
    description="The skills an idea needs: confirmed by its proposer, or else proposed from "
    "its text and listed skills (vocabulary entries only) for the proposer to confirm."
)
class IdeaSkillList:
    idea_id: strawberry.ID
    confirmed: bool
    skills: list[SkillName]

    @classmethod
    def of(cls, s: IdeaSkills) -> IdeaSkillList:
        names = [SkillName(id=strawberry.ID(k.id), name=k.name) for k in s.skills]
        return cls(idea_id=strawberry.ID(s.idea_id), confirmed=s.confirmed, skills=names)


@strawberry.type(description="A phrase mined from members' evidence, waiting for staff.")
class ProposedSkillEntry:
    id: strawberry.ID
    name: str
    members: int = strawberry.field(description="How many members' evidence holds it.")

    @classmethod
    def of(cls, p: ProposedSkill) -> ProposedSkillEntry:
        return cls(id=strawberry.ID(p.id), name=p.name, members=p.members)


IdeaSkillsResult = Annotated[
    IdeaSkillList | ValidationErrors | NotFound | NotAllowed, strawberry.union("IdeaSkillsResult")
]


def idea_skills_result(
    found: IdeaSkills | ValidationErrors | NotFound | NotAllowed,
) -> IdeaSkillsResult:
    return IdeaSkillList.of(found) if isinstance(found, IdeaSkills) else found


@strawberry.type
class SkillQueries:
    @strawberry.field(
        extensions=only(SignedIn()),
        description="The skills vocabulary (accepted skills only), by id.",
    )
    async def skill_vocabulary(self, info: AppInfo) -> list[VocabularyEntry]:
        vocabulary = await run_in_threadpool(read_vocabulary, info.context.runtime.graph)
        return [VocabularyEntry.of(s) for s in vocabulary.skills]

    @strawberry.field(
        extensions=only(MemberOrStaff()),
        description="The skills an idea needs, confirmed or proposed for confirmation.",
    )
    async def idea_skills(self, info: AppInfo, idea_id: strawberry.ID) -> IdeaSkillsResult:
        ctx = info.context
        args = (ctx.runtime.graph, ctx.runtime.query_embedder, ctx.viewer, str(idea_id))
        return idea_skills_result(await attempt(skill_confirmation.skills_of_idea, *args))

    @strawberry.field(
        extensions=only(StaffOnly()),
        description="Phrases mined from members' evidence that staff have not yet decided on.",
    )
    async def proposed_skills(self, info: AppInfo) -> list[ProposedSkillEntry]:
        ctx = info.context
        found = await run_in_threadpool(skill_vocabulary.proposed, ctx.runtime.graph, ctx.viewer)
        return [ProposedSkillEntry.of(p) for p in found]
