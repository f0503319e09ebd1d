"""Members and what hangs off them: memberships, collaborators, skills, consent."""

from __future__ import annotations

import strawberry

from graph_schema import model as m
from graph_schema.queries import api_related as hops
from matchmaker.adapters.records import Skill as SkillRecord
from matchmaker.api.context import AppInfo
from matchmaker.api.permissions import CanSeeContact, SelfOrStaff, hidden_unless
from matchmaker.api.types import load
from matchmaker.api.types.enums import CareerStage
from matchmaker.api.types.refs import GroupRef, IdeaRef, KtpRef, OrganisationRef, OutputRef
from matchmaker.domain.model import Member as MemberRecord


@strawberry.type(description="What a member agreed to: matching, and who may see them.")
class Consent:
    open_to_matching: bool
    visible_to_members: bool
    visible_to_partners: bool


@strawberry.type(description="An IPEM member.")
class Member:
    record: strawberry.Private[MemberRecord]
    id: strawberry.ID
    name: str
    discipline: str
    career_stage: CareerStage
    region: str
    expertise_statement: str

    @classmethod
    def from_domain(cls, r: MemberRecord) -> Member:
        return cls(
            record=r,
            id=strawberry.ID(r.id),
            name=r.name,
            discipline=r.discipline,
            career_stage=r.career_stage,
            region=r.region,
            expertise_statement=r.expertise_statement,
        )

    @strawberry.field(
        description="Staff, the member, members when the member agreed, and those the member "
        "accepted an introduction with; null otherwise.",
        extensions=hidden_unless(CanSeeContact()),
    )
    async def email(self) -> str | None:
        return self.record.email

    @strawberry.field(
        description="Only to the member and staff.", extensions=hidden_unless(SelfOrStaff())
    )
    def consent(self) -> Consent | None:
        r = self.record
        return Consent(
            open_to_matching=r.open_to_matching,
            visible_to_members=r.visible_to_members,
            visible_to_partners=r.visible_to_partners,
        )

    @strawberry.field(
        description="Hours a month; only to the member and staff.",
        extensions=hidden_unless(SelfOrStaff()),
    )
    def availability_hours(self) -> int | None:
        return self.record.availability_hours

    @strawberry.field(
        description="Most active groups at once; only to the member and staff.",
        extensions=hidden_unless(SelfOrStaff()),
    )
    def max_groups(self) -> int | None:
        return self.record.max_groups

    @strawberry.field
    async def organisation(self, info: AppInfo) -> OrganisationRef | None:
        from matchmaker.api.types.bodies import Organisation

        return Organisation.maybe(
            await load.node(info, m.ORGANISATION, self.record.organisation_id)
        )

    @strawberry.field(description="SIGs, CoIs, task groups and committees, with the role held.")
    async def memberships(self, info: AppInfo) -> list[Membership]:
        from matchmaker.api.types.bodies import Group

        linked = await load.follow(info, hops.MEMBER_GROUPS, self.record.id)
        return [Membership.of(self, Group.from_domain(x.node), x.rel) for x in linked]

    @strawberry.field
    async def outputs(self, info: AppInfo) -> list[OutputRef]:
        from matchmaker.api.types.work import Output

        return [
            Output.from_domain(o)
            for o in await load.follow_nodes(info, hops.MEMBER_OUTPUTS, self.record.id)
        ]

    @strawberry.field
    async def skills(self, info: AppInfo) -> list[SkillLevel]:
        linked = await load.follow(info, hops.MEMBER_SKILLS, self.record.id)
        return [SkillLevel.of(x.node, x.rel) for x in linked]

    @strawberry.field(description="Ideas this member submitted (that you may see).")
    async def ideas(self, info: AppInfo) -> list[IdeaRef]:
        from matchmaker.api.types.work import Idea

        return [
            Idea.from_domain(i)
            for i in await load.follow_nodes(info, hops.MEMBER_IDEAS, self.record.id)
        ]

    @strawberry.field(description="Members this member has co-authored with.")
    async def collaborators(self, info: AppInfo) -> list[Collaborator]:
        linked = await load.follow(info, hops.MEMBER_COLLABORATORS, self.record.id)
        return [Collaborator.of(x.node, x.rel) for x in linked]

    @strawberry.field(description="KTPs this member supervises.")
    async def supervised_ktps(self, info: AppInfo) -> list[KtpRef]:
        from matchmaker.api.types.bodies import Ktp

        return [
            Ktp.from_domain(k)
            for k in await load.follow_nodes(info, hops.MEMBER_KTPS, self.record.id)
        ]

    @classmethod
    def maybe(cls, record: MemberRecord | None) -> Member | None:
        return None if record is None else cls.from_domain(record)


@strawberry.type(description="A member's seat in a group.")
class Membership:
    role: str
    group: GroupRef
    member: Member | None

    @classmethod
    def of(cls, member: Member | None, group: GroupRef, rel: dict[str, object]) -> Membership:
        return cls(role=str(rel.get("role") or "member"), group=group, member=member)


@strawberry.type(description="A co-author, with how often and since when.")
class Collaborator:
    member: Member
    count: int
    since: str | None

    @classmethod
    def of(cls, record: MemberRecord, rel: dict[str, object]) -> Collaborator:
        since = rel.get("since")
        return cls(
            member=Member.from_domain(record),
            count=int(str(rel.get("count") or 1)),
            since=None if since is None else str(since),
        )


@strawberry.type(description="A named skill.")
class Skill:
    record: strawberry.Private[SkillRecord]
    id: strawberry.ID
    name: str

    @classmethod
    def from_domain(cls, r: SkillRecord) -> Skill:
        return cls(record=r, id=strawberry.ID(r.id), name=r.name)

    @strawberry.field(description="Members who hold this skill (that you may see).")
    async def members(self, info: AppInfo) -> list[Member]:
        found = await load.follow_nodes(info, hops.SKILL_MEMBERS, self.record.id)
        return [Member.from_domain(x) for x in found]


@strawberry.type(description="A skill a member holds, with its level and where it comes from.")
class SkillLevel:
    skill: Skill
    level: str | None
    source: str | None
    evidence: list[str] = strawberry.field(
        description="Ids of the documents behind a derived skill (outputs, or statement:<id>)."
    )

    @classmethod
    def of(cls, record: SkillRecord, rel: dict[str, object]) -> SkillLevel:
        level, source, evidence = rel.get("level"), rel.get("source"), rel.get("evidence")
        return cls(
            skill=Skill.from_domain(record),
            level=None if level is None else str(level),
            source=None if source is None else str(source),
            evidence=[str(x) for x in evidence] if isinstance(evidence, list) else [],
        )
