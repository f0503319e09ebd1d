"""The GraphQL schema: the roots assembled from their modules, with limits and masking."""

from __future__ import annotations

import strawberry
from graphql import GraphQLError
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext

from matchmaker.api.errors import MaskUnexpected
from matchmaker.api.limits import limit_extensions
from matchmaker.api.mutations.feedback import FeedbackMutations
from matchmaker.api.mutations.groups import GroupMutations
from matchmaker.api.mutations.ideas import IdeaMutations
from matchmaker.api.mutations.imports import ImportMutations
from matchmaker.api.mutations.introductions import IntroductionMutations
from matchmaker.api.mutations.profile import ProfileMutations
from matchmaker.api.mutations.session import SessionMutations
from matchmaker.api.mutations.skills import IdeaSkillMutations, SkillMutations
from matchmaker.api.mutations.task_groups import TaskGroupMutations
from matchmaker.api.queries.directory import DirectoryQueries
from matchmaker.api.queries.graph import GraphQueries
from matchmaker.api.queries.health import HealthQueries
from matchmaker.api.queries.introductions import IntroductionQueries
from matchmaker.api.queries.matching import MatchingQueries
from matchmaker.api.queries.partnering import PartneringQueries
from matchmaker.api.queries.session import SessionQueries
from matchmaker.api.queries.skills import SkillQueries
from matchmaker.api.queries.staff import StaffQueries
from matchmaker.api.queries.task_groups import TaskGroupQueries
from matchmaker.api.queries.work import WorkQueries

Query = merge_types(
    "Query",
    (
        SessionQueries,
        DirectoryQueries,
        WorkQueries,
        MatchingQueries,
        PartneringQueries,
        GraphQueries,
        StaffQueries,
        TaskGroupQueries,
        SkillQueries,
        HealthQueries,
        IntroductionQueries,
    ),
)

Mutation = merge_types(
    "Mutation",
    (
        SessionMutations,
        ProfileMutations,
        IdeaMutations,
        GroupMutations,
        TaskGroupMutations,
        FeedbackMutations,
        ImportMutations,
        SkillMutations,
        IntroductionMutations,
        IdeaSkillMutations,
    ),
)


class MatchmakerSchema(strawberry.Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        """Refusals are answers, not incidents; MaskUnexpected has logged anything else."""


schema = MatchmakerSchema(
    query=Query, mutation=Mutation, extensions=[*limit_extensions(), MaskUnexpected]
)


def sdl() -> str:
    """The schema as SDL text, as committed in schema.graphql."""
    return schema.as_str() + "\n"
