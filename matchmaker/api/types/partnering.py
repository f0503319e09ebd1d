"""Suggested partners for a team's gaps, and KTP triads checked against the funding rule."""

from __future__ import annotations

import strawberry

from graph_schema import model as m
from matchmaker.api.context import AppInfo
from matchmaker.api.types import load
from matchmaker.api.types.bodies import Partner
from matchmaker.matching.ktp import KtpRule as KtpRuleRecord
from matchmaker.services import partners


@strawberry.type(description="How well a partner fits one gap skill (cosine, 0..1).")
class GapFit:
    skill: str
    score: float


@strawberry.type(description="A partner suggested for the gaps, with the reasons.")
class PartnerFit:
    partner_id: strawberry.ID
    name: str
    kind: str
    sector: str
    region: str
    networks: list[str]
    score: float
    relevance: float
    gap_fit: list[GapFit]
    reasons: list[str]

    @classmethod
    def from_domain(cls, p: partners.PartnerSuggestion) -> PartnerFit:
        return cls(
            partner_id=strawberry.ID(p.partner_id),
            name=p.name,
            kind=p.kind,
            sector=p.sector,
            region=p.region,
            networks=list(p.networks),
            score=p.score,
            relevance=p.relevance,
            gap_fit=[GapFit(skill=s, score=v) for s, v in p.gap_scores],
            reasons=list(p.reasons),
        )

    @strawberry.field(description="The partner's full record (null if you may not see it).")
    async def partner(self, info: AppInfo) -> Partner | None:
        found = await load.node(info, m.PARTNER, self.partner_id)
        return None if found is None else Partner.from_domain(found)


@strawberry.type(description="Partners ranked for what the team does not cover.")
class PartnerSuggestions:
    gaps: list[str]
    partners: list[PartnerFit]


@strawberry.type(description="The KTP funding rule in force (eligibility is data, not code).")
class KtpRule:
    round: str
    min_business_fte: int
    public_sector_business_allowed: bool

    @classmethod
    def from_domain(cls, r: KtpRuleRecord) -> KtpRule:
        return cls(
            round=r.round_id,
            min_business_fte=r.min_business_fte,
            public_sector_business_allowed=r.public_sector_business_allowed,
        )


@strawberry.type(description="A named party of a KTP triad.")
class Party:
    id: strawberry.ID
    name: str


@strawberry.type(description="A business, a knowledge base and an academic supervisor.")
class KtpOption:
    business: Party
    knowledge_base: Party
    supervisor: Party
    score: float
    eligible: bool
    reasons: list[str] = strawberry.field(description="Why it breaks the rule; empty if eligible.")

    @classmethod
    def from_domain(cls, k: partners.KtpSuggestion) -> KtpOption:
        def party(pair: tuple[str, str]) -> Party:
            return Party(id=strawberry.ID(pair[0]), name=pair[1])

        return cls(
            business=party(k.business),
            knowledge_base=party(k.knowledge_base),
            supervisor=party(k.supervisor),
            score=k.score,
            eligible=k.eligible,
            reasons=list(k.reasons),
        )


@strawberry.type(description="KTP triads for the text: eligible ones, and the best that are not.")
class KtpSuggestions:
    rule: KtpRule
    eligible: list[KtpOption]
    ineligible: list[KtpOption]

    @classmethod
    def from_domain(cls, r: partners.PartnerResult) -> KtpSuggestions:
        return cls(
            rule=KtpRule.from_domain(r.ktp_rule),
            eligible=[KtpOption.from_domain(k) for k in r.ktp],
            ineligible=[KtpOption.from_domain(k) for k in r.ktp_ineligible],
        )
