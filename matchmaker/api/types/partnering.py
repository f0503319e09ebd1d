"""Suggested partners for a team's gaps, and KTP triads checked against the funding rule."""

from __future__ import annotations

import strawberry

from graph_schema import model as m
from matchmaker.api.context import AppInfo
from matchmaker.api.types import load
from matchmaker.api.types.bodies import Partner
from matchmaker.api.types.people import Member
from matchmaker.domain import model as d
from matchmaker.matching.bands import BAND_NOTE, band
from matchmaker.matching.ktp import KtpRule as KtpRuleRecord
from matchmaker.services import partners


@strawberry.type(description="How well a partner fits one gap skill (0..1, the members' scale).")
class GapFit:
    skill: str
    score: float
    band: str = strawberry.field(description=f"In words. {BAND_NOTE}")


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
    band: str = strawberry.field(description=f"How well the partner fits the text. {BAND_NOTE}")

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
            gap_fit=[GapFit(skill=s, score=v, band=band(v)) for s, v in p.gap_scores],
            reasons=list(p.reasons),
            band=p.band,
        )

    @strawberry.field(description="The partner's full record (null if you may not see it).")
    async def partner(self, info: AppInfo) -> Partner | None:
        return _partner(await load.node(info, m.PARTNER, self.partner_id))


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


@strawberry.type(description="A business, a knowledge base and an academic supervisor.")
class KtpOption:
    record: strawberry.Private[partners.KtpSuggestion]
    score: float
    eligible: bool
    reasons: list[str] = strawberry.field(description="Why it breaks the rule; empty if eligible.")

    @classmethod
    def from_domain(cls, k: partners.KtpSuggestion) -> KtpOption:
        return cls(record=k, score=k.score, eligible=k.eligible, reasons=list(k.reasons))

    @strawberry.field(description="The business partner (at least the rule's FTE).")
    async def business(self, info: AppInfo) -> Partner | None:
        return _partner(await load.node(info, m.PARTNER, self.record.business[0]))

    @strawberry.field(description="The knowledge-base partner, such as a university.")
    async def knowledge_base(self, info: AppInfo) -> Partner | None:
        return _partner(await load.node(info, m.PARTNER, self.record.knowledge_base[0]))

    @strawberry.field(description="The academic supervisor, a member.")
    async def supervisor(self, info: AppInfo) -> Member | None:
        return Member.maybe(await load.node(info, m.MEMBER, self.record.supervisor[0]))


def _partner(record: d.Partner | None) -> Partner | None:
    return None if record is None else Partner.from_domain(record)


@strawberry.type(description="KTP triads for the text: eligible ones, and the best that are not.")
class KtpSuggestions:
    rule: KtpRule
    eligible: list[KtpOption]
    ineligible: list[KtpOption]
    excluded_by: list[str] = strawberry.field(
        description="When no triad is eligible: which rule excluded how many candidates, or "
        "which role nobody could fill, in words; empty otherwise."
    )

    @classmethod
    def from_domain(cls, r: partners.PartnerResult) -> KtpSuggestions:
        return cls(
            rule=KtpRule.from_domain(r.ktp_rule),
            eligible=[KtpOption.from_domain(k) for k in r.ktp],
            ineligible=[KtpOption.from_domain(k) for k in r.ktp_ineligible],
            excluded_by=list(r.ktp_excluded_by),
        )
