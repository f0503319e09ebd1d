"""Organisations, groups (SIGs, CoIs, task groups, committees), partners, networks, KTPs."""

from __future__ import annotations

import strawberry

from graph_schema import model as m
from graph_schema.queries import api_related as hops
from matchmaker.api.context import AppInfo
from matchmaker.api.permissions import SelfOrPartnerStaff, hidden_unless
from matchmaker.api.types import load
from matchmaker.api.types.enums import GroupKind, PartnerKind, Sector
from matchmaker.api.types.refs import IdeaRef, MemberRef, MembershipRef, ThemeRef
from matchmaker.domain import model as d


@strawberry.type(description="An employer: an NHS trust, university, company, charity or body.")
class Organisation:
    record: strawberry.Private[d.Organisation]
    id: strawberry.ID
    name: str
    sector: Sector
    region: str
    town: str

    @classmethod
    def from_domain(cls, r: d.Organisation) -> Organisation:
        return cls(
            record=r,
            id=strawberry.ID(r.id),
            name=r.name,
            sector=r.sector,
            region=r.region,
            town=r.town,
        )

    @classmethod
    def maybe(cls, r: d.Organisation | None) -> Organisation | None:
        return None if r is None else cls.from_domain(r)

    @strawberry.field(description="Members working here (that you may see).")
    async def members(self, info: AppInfo) -> list[MemberRef]:
        from matchmaker.api.types.people import Member

        return [
            Member.from_domain(x)
            for x in await load.follow_nodes(info, hops.ORGANISATION_MEMBERS, self.record.id)
        ]

    @strawberry.field(description="The external partner that is the same body, if any.")
    async def partners(self, info: AppInfo) -> list[Partner]:
        return [
            Partner.from_domain(x)
            for x in await load.follow_nodes(info, hops.ORGANISATION_PARTNERS, self.record.id)
        ]


@strawberry.type(description="A SIG, CoI, Task-and-Finish group or committee.")
class Group:
    record: strawberry.Private[d.Group]
    id: strawberry.ID
    kind: GroupKind
    name: str
    description: str
    status: str

    @classmethod
    def from_domain(cls, r: d.Group) -> Group:
        return cls(
            record=r,
            id=strawberry.ID(r.id),
            kind=r.kind,
            name=r.name,
            description=r.description,
            status=r.status,
        )

    @strawberry.field
    async def themes(self, info: AppInfo) -> list[ThemeRef]:
        from matchmaker.api.types.work import Theme

        return [Theme.from_domain(t) for t in await load.nodes(info, m.THEME, self.record.themes)]

    @strawberry.field(description="Its members (that you may see), with their roles.")
    async def members(self, info: AppInfo) -> list[MembershipRef]:
        from matchmaker.api.types.people import Member, Membership

        linked = await load.follow(info, hops.GROUP_MEMBERS, self.record.id)
        return [Membership.of(Member.from_domain(x.node), self, x.rel) for x in linked]


@strawberry.type(description="An external partner: a company, university, NHS trust, charity.")
class Partner:
    record: strawberry.Private[d.Partner]
    id: strawberry.ID
    name: str
    kind: PartnerKind
    sector: Sector
    region: str
    description: str
    fte: int

    @classmethod
    def from_domain(cls, r: d.Partner) -> Partner:
        return cls(
            record=r,
            id=strawberry.ID(r.id),
            name=r.name,
            kind=r.kind,
            sector=r.sector,
            region=r.region,
            description=r.description,
            fte=r.fte,
        )

    @strawberry.field(description="Knowledge Transfer Networks it belongs to.")
    async def networks(self, info: AppInfo) -> list[Network]:
        return [
            Network.from_domain(n) for n in await load.nodes(info, m.NETWORK, self.record.networks)
        ]

    @strawberry.field(description="The organisation that is the same body, if any.")
    async def organisations(self, info: AppInfo) -> list[Organisation]:
        found = await load.follow_nodes(info, hops.PARTNER_ORGANISATIONS, self.record.id)
        return [Organisation.from_domain(o) for o in found]

    @strawberry.field(description="KTPs it took part in, as business or knowledge base.")
    async def ktps(self, info: AppInfo) -> list[Ktp]:
        return [
            Ktp.from_domain(k)
            for k in await load.follow_nodes(info, hops.PARTNER_KTPS, self.record.id)
        ]

    @strawberry.field(
        description="Ideas it expressed interest in; only to the partner and staff.",
        extensions=hidden_unless(SelfOrPartnerStaff()),
    )
    async def interests(self, info: AppInfo) -> list[IdeaRef] | None:
        from matchmaker.api.types.work import Idea

        return [
            Idea.from_domain(i)
            for i in await load.follow_nodes(info, hops.PARTNER_INTERESTS, self.record.id)
        ]


@strawberry.type(description="A Knowledge Transfer Network (now Innovate UK Business Connect).")
class Network:
    record: strawberry.Private[d.Network]
    id: strawberry.ID
    name: str
    description: str

    @classmethod
    def from_domain(cls, r: d.Network) -> Network:
        return cls(record=r, id=strawberry.ID(r.id), name=r.name, description=r.description)

    @strawberry.field
    async def partners(self, info: AppInfo) -> list[Partner]:
        return [
            Partner.from_domain(p)
            for p in await load.follow_nodes(info, hops.NETWORK_PARTNERS, self.record.id)
        ]


@strawberry.type(description="A Knowledge Transfer Partnership.")
class Ktp:
    record: strawberry.Private[d.Ktp]
    id: strawberry.ID
    title: str
    start_year: int
    status: str

    @classmethod
    def from_domain(cls, r: d.Ktp) -> Ktp:
        return cls(
            record=r,
            id=strawberry.ID(r.id),
            title=r.title,
            start_year=r.start_year,
            status=r.status,
        )

    @strawberry.field
    async def business(self, info: AppInfo) -> Partner | None:
        return _partner(await load.node(info, m.PARTNER, self.record.business_partner_id))

    @strawberry.field
    async def knowledge_base(self, info: AppInfo) -> Partner | None:
        return _partner(await load.node(info, m.PARTNER, self.record.knowledge_base_partner_id))

    @strawberry.field(description="The academic supervisor (when you may see them).")
    async def supervisor(self, info: AppInfo) -> MemberRef | None:
        from matchmaker.api.types.people import Member

        return Member.maybe(await load.node(info, m.MEMBER, self.record.supervisor_id))


def _partner(record: d.Partner | None) -> Partner | None:
    return None if record is None else Partner.from_domain(record)
