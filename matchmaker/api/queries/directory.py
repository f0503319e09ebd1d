"""Root lookups for people and bodies: members, organisations, groups, partners, networks, KTPs."""

from __future__ import annotations

import strawberry

from graph_schema import model as m
from matchmaker.api.context import AppInfo
from matchmaker.api.pagination import Connection
from matchmaker.api.permissions import only
from matchmaker.api.queries.fetch import by_id, enum_value, page_of
from matchmaker.api.types.bodies import Group, Ktp, Network, Organisation, Partner
from matchmaker.api.types.enums import CareerStage, GroupKind, PartnerKind, Sector
from matchmaker.api.types.people import Member


@strawberry.input(description="Narrow a list of members; every field is optional.")
class MemberFilter:
    discipline: str | None = None
    region: str | None = None
    career_stage: CareerStage | None = None
    organisation_id: strawberry.ID | None = None


@strawberry.input
class GroupFilter:
    kind: GroupKind | None = None
    status: str | None = None


@strawberry.input
class PartnerFilter:
    kind: PartnerKind | None = None
    sector: Sector | None = None


@strawberry.input
class OrganisationFilter:
    sector: Sector | None = None
    region: str | None = None


@strawberry.type
class DirectoryQueries:
    @strawberry.field(extensions=only(), description="A member, if you may see them.")
    async def member(self, info: AppInfo, id: strawberry.ID) -> Member | None:
        return await by_id(info, m.MEMBER, id, Member.from_domain)

    @strawberry.field(extensions=only(), description="Members you may see, by name.")
    async def members(
        self,
        info: AppInfo,
        filter: MemberFilter | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Member]:
        f = filter or MemberFilter()
        params = {
            "discipline": f.discipline,
            "region": f.region,
            "career_stage": enum_value(f.career_stage),
            "organisation_id": f.organisation_id,
        }
        return await page_of(info, m.MEMBER, Member.from_domain, (first, after), params)

    @strawberry.field(extensions=only())
    async def organisation(self, info: AppInfo, id: strawberry.ID) -> Organisation | None:
        return await by_id(info, m.ORGANISATION, id, Organisation.from_domain)

    @strawberry.field(extensions=only())
    async def organisations(
        self,
        info: AppInfo,
        filter: OrganisationFilter | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Organisation]:
        f = filter or OrganisationFilter()
        params = {"sector": enum_value(f.sector), "region": f.region}
        return await page_of(info, m.ORGANISATION, Organisation.from_domain, (first, after), params)

    @strawberry.field(description="A group; SIGs and CoIs are public, the rest need a sign-in.")
    async def group(self, info: AppInfo, id: strawberry.ID) -> Group | None:
        return await by_id(info, m.GROUP, id, Group.from_domain)

    @strawberry.field(description="Groups you may see (SIGs and CoIs to everyone).")
    async def groups(
        self,
        info: AppInfo,
        filter: GroupFilter | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Group]:
        f = filter or GroupFilter()
        params = {"kind": enum_value(f.kind), "status": f.status}
        return await page_of(info, m.GROUP, Group.from_domain, (first, after), params)

    @strawberry.field(extensions=only())
    async def partner(self, info: AppInfo, id: strawberry.ID) -> Partner | None:
        return await by_id(info, m.PARTNER, id, Partner.from_domain)

    @strawberry.field(extensions=only())
    async def partners(
        self,
        info: AppInfo,
        filter: PartnerFilter | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Partner]:
        f = filter or PartnerFilter()
        params = {"kind": enum_value(f.kind), "sector": enum_value(f.sector)}
        return await page_of(info, m.PARTNER, Partner.from_domain, (first, after), params)

    @strawberry.field(extensions=only())
    async def network(self, info: AppInfo, id: strawberry.ID) -> Network | None:
        return await by_id(info, m.NETWORK, id, Network.from_domain)

    @strawberry.field(extensions=only())
    async def networks(
        self, info: AppInfo, first: int | None = None, after: str | None = None
    ) -> Connection[Network]:
        return await page_of(info, m.NETWORK, Network.from_domain, (first, after))

    @strawberry.field(extensions=only())
    async def ktp(self, info: AppInfo, id: strawberry.ID) -> Ktp | None:
        return await by_id(info, m.KTP, id, Ktp.from_domain)

    @strawberry.field(extensions=only())
    async def ktps(
        self,
        info: AppInfo,
        status: str | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Ktp]:
        return await page_of(info, m.KTP, Ktp.from_domain, (first, after), {"status": status})
