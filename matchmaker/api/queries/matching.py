"""search and suggestTeam: the matching services, for the caller's audience."""

from __future__ import annotations

from functools import partial
from typing import Annotated

import strawberry

from matchmaker.api.context import AppInfo, Context
from matchmaker.api.errors import NotAllowed, NotFound, ValidationErrors
from matchmaker.api.mutations.outcome import attempt
from matchmaker.api.pagination import Connection, connection, window
from matchmaker.api.permissions import MemberOrStaff, only
from matchmaker.api.types.enums import CareerStage, Sector
from matchmaker.api.types.matching import MemberHit
from matchmaker.api.types.teams import InfeasibleConstraints, TeamSuggestion
from matchmaker.matching.problem import TeamSpec
from matchmaker.services import search, shown, team_report, teams
from matchmaker.services.team_graph import graph_ports
from matchmaker.services.team_ports import TeamPorts
from matchmaker.services.team_request import TeamRequest, asked


@strawberry.input(description="Narrow a search; every field is optional.")
class SearchFilter:
    sectors: list[Sector] = strawberry.field(default_factory=list)
    sigs: list[str] = strawberry.field(default_factory=list, description="SIG ids or names.")
    regions: list[str] = strawberry.field(default_factory=list)
    career_stages: list[CareerStage] = strawberry.field(default_factory=list)
    min_hours: int = 0
    with_capacity: bool = False


@strawberry.type(description="Members whose evidence matches the text, best first.")
class MemberSearch:
    text: str
    results: Connection[MemberHit]


@strawberry.input(description="Sector and the least number of members from it.")
class SectorCount:
    sector: Sector
    count: int


@strawberry.input(description="Sector and the most members from it.")
class SectorLimit:
    sector: Sector
    count: int


@strawberry.input(
    description="A region (a UK nation or English region) and the least number of members from it."
)
class RegionCount:
    region: str = strawberry.field(description='As the graph names it, e.g. "Scotland".')
    count: int


@strawberry.input(description="A discipline and the least number of members in it.")
class DisciplineCount:
    discipline: str = strawberry.field(
        description='As members give it, e.g. "Clinical engineering".'
    )
    count: int


@strawberry.input(
    description="What the team is for (one of idea, call, task group, or text) and its constraints."
)
class TeamInput:
    idea_id: strawberry.ID | None = None
    call_id: strawberry.ID | None = None
    task_group_id: strawberry.ID | None = strawberry.field(default=None, description="Staff only.")
    text: str = strawberry.field(default="", description="A remit or idea in plain language.")
    skills: list[str] = strawberry.field(
        default_factory=list, description="Derived from the text when empty."
    )
    size: int = 4
    must_include: list[strawberry.ID] = strawberry.field(
        default_factory=list, description="Locked members."
    )
    exclude: list[strawberry.ID] = strawberry.field(default_factory=list)
    max_per_organisation: int | None = None
    required_sectors: list[SectorCount] = strawberry.field(default_factory=list)
    max_per_sector: list[SectorLimit] = strawberry.field(default_factory=list)
    required_regions: list[RegionCount] = strawberry.field(default_factory=list)
    required_disciplines: list[DisciplineCount] = strawberry.field(default_factory=list)
    min_distinct_sigs: int = 0
    min_distinct_disciplines: int = 0
    min_early_career: int = 0
    min_regions: int = 0
    require_capacity: bool = True


SearchResult = Annotated[
    MemberSearch | ValidationErrors | NotFound | NotAllowed, strawberry.union("SearchResult")
]
TeamResult = Annotated[
    TeamSuggestion | InfeasibleConstraints | NotFound | ValidationErrors | NotAllowed,
    strawberry.union("TeamResult"),
]


def _filters(f: SearchFilter | None) -> search.SearchFilters:
    f = f or SearchFilter()
    return search.SearchFilters(
        sectors=tuple(s.value for s in f.sectors),
        sigs=tuple(f.sigs),
        regions=tuple(f.regions),
        career_stages=tuple(c.value for c in f.career_stages),
        min_hours=f.min_hours,
        with_capacity=f.with_capacity,
    )


def _opt(value: strawberry.ID | None) -> str | None:
    return None if value is None else str(value)


def _constraints(i: TeamInput) -> TeamSpec:
    return asked(
        size=i.size,
        must_include=frozenset(map(str, i.must_include)),
        exclude=frozenset(map(str, i.exclude)),
        max_per_org=i.max_per_organisation,
        required_sectors={s.sector.value: s.count for s in i.required_sectors},
        max_per_sector={s.sector.value: s.count for s in i.max_per_sector},
        required_regions={r.region: r.count for r in i.required_regions},
        required_disciplines={d.discipline: d.count for d in i.required_disciplines},
        min_distinct_sigs=i.min_distinct_sigs,
        min_distinct_disciplines=i.min_distinct_disciplines,
        min_early_career=i.min_early_career,
        min_regions=i.min_regions,
        require_capacity=i.require_capacity,
    )


def _request(i: TeamInput) -> TeamRequest:
    """The one conversion of the input: its constraints reach the solver as built here."""
    return TeamRequest(
        idea_id=_opt(i.idea_id),
        call_id=_opt(i.call_id),
        task_group_id=_opt(i.task_group_id),
        text=i.text,
        skills=tuple(i.skills),
        constraints=_constraints(i),
    )


def team_ports(ctx: Context) -> TeamPorts:
    """The team use case's ports for this request: the service's graph, model and index."""
    runtime = ctx.runtime
    return graph_ports(runtime.graph, runtime.query_embedder, runtime.match_index)


@strawberry.type
class MatchingQueries:
    @strawberry.field(
        extensions=only(), description="Members whose expertise matches plain-language text."
    )
    async def search(
        self,
        info: AppInfo,
        text: str,
        filter: SearchFilter | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> SearchResult:
        ctx = info.context
        skip, limit = window(first, after)
        args = (
            ctx.runtime.graph,
            ctx.runtime.query_embedder,
            text,
            ctx.viewer.looker,
            _filters(filter),
            skip,
            limit,
        )
        call = partial(search.search_members, index=ctx.runtime.match_index)
        page = await attempt(call, *args)
        if not isinstance(page, search.MemberPage):
            return page
        results = connection(list(page.hits), page.total, skip, MemberHit.from_domain)
        return MemberSearch(text=text, results=results)

    @strawberry.field(
        extensions=only(MemberOrStaff()),
        description="A team for an idea, call, task group or text.",
    )
    async def suggest_team(self, info: AppInfo, input: TeamInput) -> TeamResult:
        ctx = info.context
        found = await attempt(teams.suggest, team_ports(ctx), _request(input), ctx.viewer.looker)
        if isinstance(found, team_report.TeamResult):
            slip = shown.shown_slip(found, ctx.viewer, ctx.runtime.settings.jwt_secret)
            return TeamSuggestion.from_domain(found, slip)
        if isinstance(found, team_report.TeamInfeasible):
            return InfeasibleConstraints.from_domain(found)
        return found
