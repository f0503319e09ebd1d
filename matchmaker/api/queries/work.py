"""Root lookups for the work: calls, ideas, themes, skills and outputs."""

from __future__ import annotations

import strawberry

from graph_schema import model as m
from matchmaker.api.context import AppInfo
from matchmaker.api.pagination import Connection
from matchmaker.api.permissions import only
from matchmaker.api.queries.fetch import by_id, enum_value, page_of
from matchmaker.api.types.enums import ThemeKind
from matchmaker.api.types.people import Skill
from matchmaker.api.types.work import Call, Idea, Output, Theme


@strawberry.input
class IdeaFilter:
    status: str | None = None
    call_id: strawberry.ID | None = None


@strawberry.type
class WorkQueries:
    @strawberry.field(description="An Invitation to Innovate call (public).")
    async def call(self, info: AppInfo, id: strawberry.ID) -> Call | None:
        return await by_id(info, m.CALL, id, Call.from_domain)

    @strawberry.field(description="Invitation to Innovate calls (public).")
    async def calls(
        self,
        info: AppInfo,
        status: str | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Call]:
        return await page_of(info, m.CALL, Call.from_domain, (first, after), {"status": status})

    @strawberry.field(extensions=only(), description="An idea, if you may see it.")
    async def idea(self, info: AppInfo, id: strawberry.ID) -> Idea | None:
        return await by_id(info, m.IDEA, id, Idea.from_domain)

    @strawberry.field(extensions=only(), description="Submitted ideas, and your own drafts.")
    async def ideas(
        self,
        info: AppInfo,
        filter: IdeaFilter | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Idea]:
        f = filter or IdeaFilter()
        params = {"status": f.status, "call_id": f.call_id}
        return await page_of(info, m.IDEA, Idea.from_domain, (first, after), params)

    @strawberry.field(description="A theme of the science strategy (public).")
    async def theme(self, info: AppInfo, id: strawberry.ID) -> Theme | None:
        return await by_id(info, m.THEME, id, Theme.from_domain)

    @strawberry.field(description="The strategy's grand challenges and emerging trends (public).")
    async def themes(
        self,
        info: AppInfo,
        kind: ThemeKind | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Theme]:
        params = {"kind": enum_value(kind)}
        return await page_of(info, m.THEME, Theme.from_domain, (first, after), params)

    @strawberry.field(extensions=only())
    async def skill(self, info: AppInfo, id: strawberry.ID) -> Skill | None:
        return await by_id(info, m.SKILL, id, Skill.from_domain)

    @strawberry.field(extensions=only())
    async def skills(
        self, info: AppInfo, first: int | None = None, after: str | None = None
    ) -> Connection[Skill]:
        return await page_of(info, m.SKILL, Skill.from_domain, (first, after))

    @strawberry.field(extensions=only())
    async def output(self, info: AppInfo, id: strawberry.ID) -> Output | None:
        return await by_id(info, m.OUTPUT, id, Output.from_domain)

    @strawberry.field(extensions=only())
    async def outputs(
        self, info: AppInfo, first: int | None = None, after: str | None = None
    ) -> Connection[Output]:
        return await page_of(info, m.OUTPUT, Output.from_domain, (first, after))
