"""Ranking external partners for what the team does not cover.

Inputs and units
- partners: n PartnerCandidate records; invisible partners are never ranked.
- partner_vectors: (n, d) unit vectors of each partner's description.
- gap_vectors: (g, d) unit vectors of the skills the team lacks, gap_skills their names; or,
  with partner_vectors as (n, g) scores and gap_vectors the identity, each partner's fit to
  each gap already on the members' 0-1 scale (services.partner_scoring).
- relevance: optional (n,) affinity of each partner to the whole text, in [0, 1].
- team_sectors: sectors already in the team; region: the proposer's or team's region.
Score = w_gap * mean over gaps of max(0, cosine) + w_relevance * relevance
      + w_sector (a sector the team lacks) + w_network (in a KTN) + w_region (same region).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from matchmaker.matching.bands import band, with_article

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class PartnerCandidate:
    id: str
    sector: str
    region: str
    networks: frozenset[str] = frozenset()  # Knowledge Transfer Network names, for reasons
    fte: int = 0  # full-time staff
    organisation_id: str = ""  # the Organisation node for the same body, when there is one
    visible: bool = True
    name: str = ""  # display name, for reasons
    kind: str = ""  # company | university | nhs_trust | charity | government | ...


@dataclass(frozen=True)
class PartnerWeights:
    gap: float = 1.0
    relevance: float = 0.3
    sector: float = 0.15
    network: float = 0.1
    region: float = 0.05


@dataclass(frozen=True)
class PartnerContext:
    gap_skills: tuple[str, ...]
    team_sectors: frozenset[str]
    region: str | None = None
    weights: PartnerWeights = field(default_factory=PartnerWeights)


@dataclass(frozen=True)
class RankedPartner:
    partner_id: str
    score: float
    gap_scores: tuple[tuple[str, float], ...]  # (gap skill, cosine clipped at 0)
    reasons: tuple[str, ...]


COVERS = 0.3  # a gap counts as covered from here, as a member's skill (TeamSpec)


def gap_fit(partner_vectors: npt.ArrayLike, gap_vectors: npt.ArrayLike) -> FloatArray:
    """(n, g) cosine of each partner to each gap skill, negatives clipped to 0."""
    partners = np.asarray(partner_vectors, dtype=np.float64)
    gaps = np.asarray(gap_vectors, dtype=np.float64).reshape(-1, partners.shape[1])
    return np.asarray(np.clip(partners @ gaps.T, 0.0, None), dtype=np.float64)


def _reasons(partner: PartnerCandidate, fit: FloatArray, context: PartnerContext) -> list[str]:
    reasons = [
        f"{with_article(band(score))} match for the gap {skill}"
        for skill, score in zip(context.gap_skills, fit.tolist(), strict=True)
        if score >= COVERS
    ]
    if partner.sector not in context.team_sectors:
        reasons.append(f"brings the {partner.sector} sector the team lacks")
    if partner.networks:
        reasons.append(f"in Knowledge Transfer Network {', '.join(sorted(partner.networks))}")
    if context.region is not None and partner.region == context.region:
        reasons.append(f"in the same region ({partner.region})")
    return reasons


def _score(
    partner: PartnerCandidate, fit: FloatArray, relevance: float, c: PartnerContext
) -> float:
    w = c.weights
    return (
        w.gap * (float(fit.mean()) if fit.size else 0.0)
        + w.relevance * relevance
        + w.sector * (partner.sector not in c.team_sectors)
        + w.network * bool(partner.networks)
        + w.region * (c.region is not None and partner.region == c.region)
    )


def rank_partners(
    partners: Sequence[PartnerCandidate],
    partner_vectors: npt.ArrayLike,
    gap_vectors: npt.ArrayLike,
    context: PartnerContext,
    relevance: npt.ArrayLike | None = None,
    limit: int = 10,
) -> tuple[RankedPartner, ...]:
    """The best `limit` visible partners, best first, ties by id, each with its reasons."""
    fit = gap_fit(partner_vectors, gap_vectors) if len(partners) else np.zeros((0, 0))
    rel = np.zeros(len(partners)) if relevance is None else np.asarray(relevance, np.float64)
    ranked = [
        RankedPartner(
            partner_id=p.id,
            score=_score(p, fit[i], float(rel[i]), context),
            gap_scores=tuple(zip(context.gap_skills, fit[i].tolist(), strict=True)),
            reasons=tuple(_reasons(p, fit[i], context)),
        )
        for i, p in enumerate(partners)
        if p.visible
    ]
    ranked.sort(key=lambda r: (-r.score, r.partner_id))
    return tuple(ranked[:limit])
