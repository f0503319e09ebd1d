"""What search and team suggestion return: hits, teams, coverage, gaps, why-not, evidence."""

from __future__ import annotations

import strawberry

from graph_schema import model as m
from matchmaker.adapters.targets import GraphPath as PathRecord
from matchmaker.adapters.targets import Target as TargetRecord
from matchmaker.api.context import AppInfo
from matchmaker.api.types import load
from matchmaker.api.types.people import Member
from matchmaker.matching.bands import BAND_NOTE, band
from matchmaker.matching.objective import Breakdown
from matchmaker.services import evidence, search, team_report


@strawberry.type(description="A document behind a match: an output or a statement, with a snippet.")
class Evidence:
    source_id: str
    kind: str
    title: str
    snippet: str
    score: float
    year: int

    @classmethod
    def from_domain(cls, e: evidence.EvidenceItem) -> Evidence:
        return cls(
            source_id=e.source_id,
            kind=e.kind,
            title=e.title,
            snippet=e.snippet,
            score=e.score,
            year=e.year,
        )

    @classmethod
    def many(cls, items: tuple[evidence.EvidenceItem, ...]) -> list[Evidence]:
        return [cls.from_domain(e) for e in items]


async def _member(info: AppInfo, member_id: str | None) -> Member | None:
    return Member.maybe(await load.node(info, m.MEMBER, member_id))


@strawberry.type(description="A member whose evidence matches the search text.")
class MemberHit:
    member_id: strawberry.ID
    name: str
    discipline: str
    career_stage: str
    region: str
    organisation: str
    sector: str
    sigs: list[str]
    cois: list[str]
    score: float
    evidence: list[Evidence]

    @strawberry.field(description=f"How well they fit the text, in words. {BAND_NOTE}")
    def band(self) -> str:
        return band(self.score)

    @classmethod
    def from_domain(cls, h: search.MemberHit) -> MemberHit:
        return cls(
            member_id=strawberry.ID(h.member_id),
            name=h.name,
            discipline=h.discipline,
            career_stage=h.career_stage,
            region=h.region,
            organisation=h.organisation,
            sector=h.sector,
            sigs=list(h.sigs),
            cois=list(h.cois),
            score=h.score,
            evidence=Evidence.many(h.evidence),
        )

    @strawberry.field(description="The member's full record (null if you may not see it).")
    async def member(self, info: AppInfo) -> Member | None:
        return await _member(info, self.member_id)


@strawberry.type(description="What a team is suggested for: an idea, a call, a task group or text.")
class Target:
    kind: str
    id: strawberry.ID
    title: str

    @classmethod
    def from_domain(cls, t: TargetRecord) -> Target:
        return cls(kind=t.kind, id=strawberry.ID(t.id), title=t.title)


@strawberry.type(description="One node on a path of collaborations, groups and employers.")
class PathNode:
    id: strawberry.ID
    kind: str
    name: str


@strawberry.type(description="How a suggested member is connected to the proposer.")
class GraphPath:
    nodes: list[PathNode]
    relationships: list[str]
    hops: int

    @classmethod
    def maybe(cls, p: PathRecord | None) -> GraphPath | None:
        if p is None:
            return None
        nodes = [PathNode(id=strawberry.ID(n.id), kind=n.kind, name=n.name) for n in p.nodes]
        return cls(nodes=nodes, relationships=list(p.relationships), hops=p.hops)


@strawberry.type(description="A required skill a member covers, with the evidence for it.")
class CoveredSkill:
    skill: str
    score: float
    best_in_team: bool
    evidence: list[Evidence]
    band: str = strawberry.field(description=f"How well they cover it. {BAND_NOTE}")


@strawberry.type(description="A suggested member and the reasons: skills, evidence, connections.")
class SuggestedMember:
    member_id: strawberry.ID
    name: str
    discipline: str
    career_stage: str
    region: str
    organisation: str
    sector: str
    relevance: float
    feedback_boost: float
    skills: list[CoveredSkill]
    evidence: list[Evidence]
    sigs: list[str]
    cois: list[str]
    shared_with_proposer: list[str]
    same_organisation_as_proposer: bool
    path_to_proposer: GraphPath | None
    band: str = strawberry.field(description=f"How well they fit the text. {BAND_NOTE}")
    held_in: str = strawberry.field(
        description="The rule that keeps them in the team, in words (for instance asked for "
        "by name, or a required sector); empty when they are there on merit."
    )

    @classmethod
    def from_domain(cls, s: team_report.SuggestedMember) -> SuggestedMember:
        skills = [
            CoveredSkill(
                skill=c.skill,
                score=c.score,
                best_in_team=c.best_in_team,
                evidence=Evidence.many(c.evidence),
                band=c.band,
            )
            for c in s.skills
        ]
        return cls(
            member_id=strawberry.ID(s.member_id),
            name=s.name,
            discipline=s.discipline,
            career_stage=s.career_stage,
            region=s.region,
            organisation=s.organisation,
            sector=s.sector,
            relevance=s.relevance,
            feedback_boost=s.feedback_boost,
            skills=skills,
            evidence=Evidence.many(s.evidence),
            sigs=list(s.sigs),
            cois=list(s.cois),
            shared_with_proposer=list(s.shared_with_proposer),
            same_organisation_as_proposer=s.same_organisation_as_proposer,
            path_to_proposer=GraphPath.maybe(s.path_to_proposer),
            band=s.band,
            held_in=s.held_in,
        )

    @strawberry.field(description="The member's full record (null if you may not see it).")
    async def member(self, info: AppInfo) -> Member | None:
        return await _member(info, self.member_id)


@strawberry.type(description="How well the team covers one required skill.")
class SkillCoverage:
    skill: str
    score: float
    covered: bool
    member_id: strawberry.ID | None
    band: str = strawberry.field(description="How well the team's best member for it covers it.")


@strawberry.type(description="A required skill nobody in the team covers well enough.")
class Gap:
    skill: str
    detail: str
    best_available_id: strawberry.ID | None
    best_available_name: str | None
    best_available_score: float
    best_available_band: str = strawberry.field(
        description="How well the closest person outside the team covers the skill; empty "
        "when nobody available does."
    )


@strawberry.type(description="Why a member was not put in the team.")
class LeftOut:
    member_id: strawberry.ID
    name: str
    reason: str
    detail: str

    @classmethod
    def many(cls, items: tuple[team_report.LeftOut, ...]) -> list[LeftOut]:
        return [
            cls(member_id=strawberry.ID(x.member_id), name=x.name, reason=x.reason, detail=x.detail)
            for x in items
        ]


@strawberry.type(description="The objective's terms, each about 0..1, and their weighted total.")
class ScoreBreakdown:
    coverage: float
    relevance: float
    diversity: float
    bridging: float
    exposure: float
    total: float

    @classmethod
    def from_domain(cls, b: Breakdown) -> ScoreBreakdown:
        return cls(
            coverage=b.coverage,
            relevance=b.relevance,
            diversity=b.diversity,
            bridging=b.bridging,
            exposure=b.exposure,
            total=b.total,
        )
