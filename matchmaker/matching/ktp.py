"""Knowledge Transfer Partnership triads: business partner, knowledge-base partner and
academic supervisor, checked against the funding round's rules given as data.

Inputs: businesses and knowledge bases as PartnerCandidate records (sector, fte), academic
supervisors as KtpSupervisor records, a KtpRule for the round, and optional fit scores per id
(affinity to the idea, any comparable scale). Output: eligible triads ranked by the sum of
their three scores (ties by ids), and ineligible triads with every reason that rules them out.
Rules as data because they change between rounds: whether a public-sector body (NHS,
government) may be the business partner, the business's minimum full-time staff, and the
kinds of body (company, charity, ...) the round takes as the business. Reasons name bodies
and people by name; `excluded_by` says, when no triad is eligible, which rule excluded how
many of the candidates.
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
    business_kinds: frozenset[str] = frozenset()  # kinds allowed as the business; empty = any


@dataclass(frozen=True)
class KtpSupervisor:
    member_id: str
    organisation_id: str  # where the supervisor works
    sector: str  # of that organisation
    name: str = ""


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


def _named(party: PartnerCandidate) -> str:
    return party.name or party.id


def _kinds(kinds: frozenset[str]) -> str:
    return " or ".join(sorted(k.replace("_", " ") for k in kinds))


def business_problems(business: PartnerCandidate, rule: KtpRule) -> list[str]:
    """Every rule of the round the business side breaks, in words."""
    name, problems = _named(business), []
    if business.fte < rule.min_business_fte:
        problems.append(
            f"{name} has {business.fte} full-time staff; the {rule.round_id} round needs "
            f"a business with at least {rule.min_business_fte}"
        )
    if rule.business_kinds and business.kind not in rule.business_kinds:
        problems.append(
            f"{name} is a {business.kind.replace('_', ' ') or 'body of unknown kind'}; the "
            f"{rule.round_id} round takes a {_kinds(rule.business_kinds)} as the business"
        )
    if business.sector in PUBLIC_SECTORS and not rule.public_sector_business_allowed:
        problems.append(
            f"{name} is public sector; the {rule.round_id} round does not allow a "
            "public-sector business partner"
        )
    if business.sector in KNOWLEDGE_BASE_SECTORS:
        problems.append(f"{name} is a university, not a business")
    return problems


def triad_problems(
    business: PartnerCandidate, base: PartnerCandidate, supervisor: KtpSupervisor, rule: KtpRule
) -> list[str]:
    """Every rule the triad breaks (empty when eligible)."""
    problems = business_problems(business, rule)
    if base.sector not in KNOWLEDGE_BASE_SECTORS:
        problems.append(f"{_named(base)} is not a university or research organisation")
    if base.id == business.id:
        problems.append("one organisation cannot be both the business and the knowledge base")
    who = supervisor.name or supervisor.member_id
    if base.organisation_id and supervisor.organisation_id != base.organisation_id:
        problems.append(f"{who} does not work at the knowledge base, {_named(base)}")
    elif supervisor.sector not in KNOWLEDGE_BASE_SECTORS:
        problems.append(f"{who} is not at an academic organisation")
    return problems


def excluded_by(
    businesses: Sequence[PartnerCandidate],
    knowledge_bases: Sequence[PartnerCandidate],
    rule: KtpRule,
) -> tuple[str, ...]:
    """Which rule excluded how many candidates of each side, in words, largest first."""
    counts = {
        f"fewer than {rule.min_business_fte} full-time staff": sum(
            b.fte < rule.min_business_fte for b in businesses
        ),
        f"not a {_kinds(rule.business_kinds)}": sum(
            bool(rule.business_kinds) and b.kind not in rule.business_kinds for b in businesses
        ),
        "public sector, which this round does not allow": sum(
            b.sector in PUBLIC_SECTORS and not rule.public_sector_business_allowed
            for b in businesses
        ),
    }
    lines = [
        f"{n} of {len(businesses)} possible businesses: {why}"
        for why, n in sorted(counts.items(), key=lambda item: -item[1])
        if n
    ]
    bases = sum(k.sector not in KNOWLEDGE_BASE_SECTORS for k in knowledge_bases)
    if bases:
        lines.append(
            f"{bases} of {len(knowledge_bases)} possible knowledge bases: "
            "not a university or research organisation"
        )
    return tuple(lines)


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
