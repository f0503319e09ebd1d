"""addSkill, addSkillSynonym, setSkillDescription, accept/rejectProposedSkill: STERIC staff
curate the skills vocabulary; confirmIdeaSkills: an idea's proposer confirms the skills it needs."""

from __future__ import annotations

from typing import Annotated

import strawberry

from matchmaker.api.context import AppInfo
from matchmaker.api.errors import NotAllowed, NotFound, ValidationErrors
from matchmaker.api.mutations.outcome import attempt
from matchmaker.api.permissions import MemberOrStaff, StaffOnly, only
from matchmaker.api.queries.skills import IdeaSkillsResult, idea_skills_result
from matchmaker.matching.vocabulary import VocabularySkill
from matchmaker.services import skill_confirmation, skill_vocabulary


@strawberry.input(description="A new vocabulary skill.")
class SkillInput:
    name: str = strawberry.field(description="2-200 characters, not already a skill's label.")
    synonyms: list[str] = strawberry.field(default_factory=list, description="At most 12.")
    kind: str = strawberry.field(default="topic", description="specialism or topic.")
    description: str = strawberry.field(
        default="",
        description="What the skill covers in practice, at most 400 characters: the work, "
        "equipment and tasks. Derived skills compare a whole text with it.",
    )


@strawberry.type(description="A vocabulary skill after the change.")
class SkillSaved:
    id: strawberry.ID
    name: str
    synonyms: list[str]
    kind: str
    description: str

    @classmethod
    def of(cls, s: VocabularySkill) -> SkillSaved:
        return cls(
            id=strawberry.ID(s.id), name=s.name, synonyms=list(s.synonyms), kind=s.kind,
            description=s.description,
        )  # fmt: skip


SkillResult = Annotated[
    SkillSaved | ValidationErrors | NotFound | NotAllowed, strawberry.union("SkillResult")
]


def _saved(result: VocabularySkill | ValidationErrors | NotFound | NotAllowed) -> SkillResult:
    return SkillSaved.of(result) if isinstance(result, VocabularySkill) else result


@strawberry.type
class SkillMutations:
    @strawberry.mutation(
        extensions=only(StaffOnly()), description="Add a skill to the skills vocabulary."
    )
    async def add_skill(self, info: AppInfo, input: SkillInput) -> SkillResult:
        ctx = info.context
        draft = skill_vocabulary.SkillDraft(
            input.name, tuple(input.synonyms), input.kind, input.description
        )
        add = skill_vocabulary.add_skill
        return _saved(await attempt(add, ctx.runtime.graph, ctx.viewer, draft))

    @strawberry.mutation(
        extensions=only(StaffOnly()), description="Give a vocabulary skill one more synonym."
    )
    async def add_skill_synonym(
        self, info: AppInfo, skill_id: strawberry.ID, synonym: str
    ) -> SkillResult:
        ctx = info.context
        args = (ctx.runtime.graph, ctx.viewer, str(skill_id), synonym)
        return _saved(await attempt(skill_vocabulary.add_skill_synonym, *args))

    @strawberry.mutation(
        extensions=only(StaffOnly()),
        description="Say what a vocabulary skill covers (at most 400 characters; empty to "
        "clear it): derived skills compare a whole text with it.",
    )
    async def set_skill_description(
        self, info: AppInfo, skill_id: strawberry.ID, description: str
    ) -> SkillResult:
        ctx = info.context
        args = (ctx.runtime.graph, ctx.viewer, str(skill_id), description)
        return _saved(await attempt(skill_vocabulary.set_skill_description, *args))


@strawberry.type
class IdeaSkillMutations:
    @strawberry.mutation(
        extensions=only(MemberOrStaff()),
        description="Confirm the skills an idea needs (names or synonyms from the skills "
        "vocabulary, 1-10); they replace any confirmed before. The idea's proposer or staff.",
    )
    async def confirm_idea_skills(
        self, info: AppInfo, idea_id: strawberry.ID, skills: list[str]
    ) -> IdeaSkillsResult:
        ctx = info.context
        args = (ctx.runtime.graph, ctx.viewer, str(idea_id), tuple(skills))
        return idea_skills_result(await attempt(skill_confirmation.confirm_idea_skills, *args))

    @strawberry.mutation(
        extensions=only(StaffOnly()),
        description="Accept a mined phrase into the skills vocabulary, so matching uses it.",
    )
    async def accept_proposed_skill(self, info: AppInfo, skill_id: strawberry.ID) -> SkillResult:
        ctx = info.context
        args = (ctx.runtime.graph, ctx.viewer, str(skill_id))
        return _saved(await attempt(skill_vocabulary.accept_proposed, *args))

    @strawberry.mutation(
        extensions=only(StaffOnly()),
        description="Reject a mined phrase: kept out of the vocabulary, not proposed again.",
    )
    async def reject_proposed_skill(self, info: AppInfo, skill_id: strawberry.ID) -> SkillResult:
        ctx = info.context
        args = (ctx.runtime.graph, ctx.viewer, str(skill_id))
        return _saved(await attempt(skill_vocabulary.reject_proposed, *args))
