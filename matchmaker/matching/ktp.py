"""Knowledge Transfer Partnership triads: business partner, knowledge-base partner and
academic supervisor, checked against the funding round's rules given as data.

Inputs: businesses and knowledge bases as PartnerCandidate records (sector, fte), academic
supervisors as KtpSupervisor records, a KtpRule for the round, and optional fit scores per id
(affinity to the idea, any comparable scale). Output: eligible triads ranked by the sum of
their three scores (ties by ids), and ineligible triads with every reason that rules them out.
Rules as data because they change between rounds: whether a public-sector body (NHS,
government) may be the business partner, and the business's minimum full-time staff.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import product
from typing import TypeVar

from matchmaker.matching.partners import PartnerCandidate

Party = TypeVar("Party")

PUBLIC_SECTORS = frozenset({"nhs", "government"})
KNOWLEDGE_BASE_SECTORS = frozenset({"academia"})


@dataclass(frozen=True)
class KtpRule:
    round_id: str
    min_business_fte: int = 2
    public_sector_business_allowed: bool = False


@dataclass(frozen=True)
class KtpSupervisor:
    member_id: str
    organisation_id: str  # where the supervisor works
    sector: str  # of that organisation


@dataclass(frozen=True)
class KtpTriad:
    business_id: str
    knowledge_base_id: str
    supervisor_id: str
    score: float
    reasons: tuple[str, ...]  # why ineligible; empty when eligible

    @property
    def eligible(self) -> bool:
        return not self.reasons


@dataclass(frozen=True)
class KtpOptions:
    eligible: tuple[KtpTriad, ...]
    ineligible: tuple[KtpTriad, ...]


def business_problems(business: PartnerCandidate, rule: KtpRule) -> list[str]:
    problems = []
    if business.fte < rule.min_business_fte:
        problems.append(
            f"business {business.id} has {business.fte} full-time staff; "
            f"round {rule.round_id} needs at least {rule.min_business_fte}"
        )
    if business.sector in PUBLIC_SECTORS and not rule.public_sector_business_allowed:
        problems.append(
            f"business {business.id} is public sector ({business.sector}); "
            f"round {rule.round_id} does not allow a public-sector business partner"
        )
    if business.sector in KNOWLEDGE_BASE_SECTORS:
        problems.append(f"business {business.id} is a university, not a business")
    return problems


def triad_problems(
    business: PartnerCandidate, base: PartnerCandidate, supervisor: KtpSupervisor, rule: KtpRule
) -> list[str]:
    """Every rule the triad breaks (empty when eligible)."""
    problems = business_problems(business, rule)
    if base.sector not in KNOWLEDGE_BASE_SECTORS:
        problems.append(f"knowledge base {base.id} is not a university or research organisation")
    if base.id == business.id:
        problems.append("one organisation cannot be both the business and the knowledge base")
    if base.organisation_id and supervisor.organisation_id != base.organisation_id:
        problems.append(
            f"supervisor {supervisor.member_id} works at {supervisor.organisation_id}, "
            f"not at the knowledge base {base.id}"
        )
    elif supervisor.sector not in KNOWLEDGE_BASE_SECTORS:
        problems.append(f"supervisor {supervisor.member_id} is not at an academic organisation")
    return problems


def _top(
    items: Sequence[Party], key: Callable[[Party], str], scores: Mapping[str, float], limit: int
) -> list[Party]:
    """The `limit` best-scored items of one role, ties by id."""
    return sorted(items, key=lambda item: (-scores.get(key(item), 0.0), key(item)))[:limit]


def _triad(
    parties: tuple[PartnerCandidate, PartnerCandidate, KtpSupervisor],
    rule: KtpRule,
    fit: Mapping[str, float],
) -> KtpTriad:
    business, base, supervisor = parties
    ids = (business.id, base.id, supervisor.member_id)
    score = sum(fit.get(i, 0.0) for i in ids)
    return KtpTriad(*ids, score, tuple(triad_problems(business, base, supervisor, rule)))


def ktp_triads(
    businesses: Sequence[PartnerCandidate],
    knowledge_bases: Sequence[PartnerCandidate],
    supervisors: Sequence[KtpSupervisor],
    rule: KtpRule,
    scores: Mapping[str, float] | None = None,
    per_role: int = 10,
) -> KtpOptions:
    """Triads from the best `per_role` of each role, split into eligible and ineligible."""
    fit = scores or {}
    roles = (
        _top(businesses, lambda b: b.id, fit, per_role),
        _top(knowledge_bases, lambda k: k.id, fit, per_role),
        _top(supervisors, lambda s: s.member_id, fit, per_role),
    )
    triads = [_triad(parties, rule, fit) for parties in product(*roles)]
    triads.sort(key=lambda t: (-t.score, t.business_id, t.knowledge_base_id, t.supervisor_id))
    return KtpOptions(
        eligible=tuple(t for t in triads if t.eligible),
        ineligible=tuple(t for t in triads if not t.eligible),
    )
