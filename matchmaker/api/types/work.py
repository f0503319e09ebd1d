"""Calls, ideas, themes and outputs: the work members do together."""

from __future__ import annotations

import strawberry

from graph_schema import model as m
from graph_schema.queries import api_related as hops
from matchmaker.api.context import AppInfo
from matchmaker.api.permissions import IdeaOwnerOrStaff, hidden_unless
from matchmaker.api.types import load
from matchmaker.api.types.enums import ThemeKind
from matchmaker.api.types.refs import GroupRef, MemberRef, PartnerRef
from matchmaker.domain import model as d


@strawberry.type(description="A grand challenge or emerging trend of the science strategy.")
class Theme:
    record: strawberry.Private[d.Theme]
    id: strawberry.ID
    name: str
    kind: ThemeKind
    description: str

    @classmethod
    def from_domain(cls, r: d.Theme) -> Theme:
        return cls(
            record=r, id=strawberry.ID(r.id), name=r.name, kind=r.kind, description=r.description
        )

    @strawberry.field
    async def calls(self, info: AppInfo) -> list[Call]:
        return [
            Call.from_domain(c)
            for c in await load.follow_nodes(info, hops.THEME_CALLS, self.record.id)
        ]

    @strawberry.field(description="Ideas addressing this theme (that you may see).")
    async def ideas(self, info: AppInfo) -> list[Idea]:
        return [
            Idea.from_domain(i)
            for i in await load.follow_nodes(info, hops.THEME_IDEAS, self.record.id)
        ]

    @strawberry.field(description="Groups addressing this theme (that you may see).")
    async def groups(self, info: AppInfo) -> list[GroupRef]:
        from matchmaker.api.types.bodies import Group

        return [
            Group.from_domain(g)
            for g in await load.follow_nodes(info, hops.THEME_GROUPS, self.record.id)
        ]


@strawberry.type(description="An Invitation to Innovate call.")
class Call:
    record: strawberry.Private[d.Call]
    id: strawberry.ID
    title: str
    description: str
    opens: str
    closes: str
    status: str

    @classmethod
    def from_domain(cls, r: d.Call) -> Call:
        return cls(
            record=r,
            id=strawberry.ID(r.id),
            title=r.title,
            description=r.description,
            opens=r.opens,
            closes=r.closes,
            status=r.status,
        )

    @strawberry.field
    async def themes(self, info: AppInfo) -> list[Theme]:
        return [Theme.from_domain(t) for t in await load.nodes(info, m.THEME, self.record.themes)]

    @strawberry.field(description="Ideas responding to this call (that you may see).")
    async def ideas(self, info: AppInfo) -> list[Idea]:
        return [
            Idea.from_domain(i)
            for i in await load.follow_nodes(info, hops.CALL_IDEAS, self.record.id)
        ]


@strawberry.type(description="A member's project idea, draft or submitted.")
class Idea:
    record: strawberry.Private[d.Idea]
    id: strawberry.ID
    title: str
    summary: str
    status: str
    created: str
    required_skills: list[str]

    @classmethod
    def from_domain(cls, r: d.Idea) -> Idea:
        return cls(
            record=r,
            id=strawberry.ID(r.id),
            title=r.title,
            summary=r.summary,
            status=r.status,
            created=r.created,
            required_skills=list(r.required_skills),
        )

    @strawberry.field(description="Who wrote it (null when you may not see them).")
    async def submitted_by(self, info: AppInfo) -> MemberRef | None:
        from matchmaker.api.types.people import Member

        return Member.maybe(await load.node(info, m.MEMBER, self.record.submitted_by))

    @strawberry.field
    async def call(self, info: AppInfo) -> Call | None:
        found = await load.node(info, m.CALL, self.record.call_id)
        return None if found is None else Call.from_domain(found)

    @strawberry.field
    async def themes(self, info: AppInfo) -> list[Theme]:
        return [Theme.from_domain(t) for t in await load.nodes(info, m.THEME, self.record.themes)]

    @strawberry.field(
        description="Members who expressed interest; to its submitter and staff.",
        extensions=hidden_unless(IdeaOwnerOrStaff()),
    )
    async def interested_members(self, info: AppInfo) -> list[MemberRef] | None:
        from matchmaker.api.types.people import Member

        return [
            Member.from_domain(x)
            for x in await load.follow_nodes(info, hops.IDEA_INTERESTED_MEMBERS, self.record.id)
        ]

    @strawberry.field(
        description="Partners who expressed interest; to its submitter and staff.",
        extensions=hidden_unless(IdeaOwnerOrStaff()),
    )
    async def interested_partners(self, info: AppInfo) -> list[PartnerRef] | None:
        from matchmaker.api.types.bodies import Partner

        return [
            Partner.from_domain(x)
            for x in await load.follow_nodes(info, hops.IDEA_INTERESTED_PARTNERS, self.record.id)
        ]

    @strawberry.field(
        description="Members invited to join; to its submitter and staff.",
        extensions=hidden_unless(IdeaOwnerOrStaff()),
    )
    async def invited(self, info: AppInfo) -> list[MemberRef] | None:
        from matchmaker.api.types.people import Member

        return [
            Member.from_domain(x)
            for x in await load.follow_nodes(info, hops.IDEA_INVITED, self.record.id)
        ]

    @strawberry.field(description="Whether you submitted it.")
    def is_mine(self, info: AppInfo) -> bool:
        return info.context.viewer.member_id == self.record.submitted_by


@strawberry.type(description="A paper, report or project that evidences its authors' expertise.")
class Output:
    record: strawberry.Private[d.Output]
    id: strawberry.ID
    title: str
    abstract: str
    year: int
    kind: str
    source: str
    licence: str

    @classmethod
    def from_domain(cls, r: d.Output) -> Output:
        return cls(
            record=r,
            id=strawberry.ID(r.id),
            title=r.title,
            abstract=r.abstract,
            year=r.year,
            kind=r.kind,
            source=r.source,
            licence=r.licence,
        )

    @strawberry.field(description="Its authors (that you may see).")
    async def authors(self, info: AppInfo) -> list[MemberRef]:
        from matchmaker.api.types.people import Member

        return [
            Member.from_domain(x) for x in await load.nodes(info, m.MEMBER, self.record.authors)
        ]
