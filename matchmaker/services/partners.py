"""Use cases: external partners for what a team does not cover, KTP triads, partner search.

Partners are pre-selected from the partner vector and full-text indexes for the text and
each gap skill, then ranked by matchmaker.matching.partners (fit to the gaps, relevance to
the whole text by the one affinity rule, a sector the team lacks, KTN membership, region).
Partners any team member or the proposer declared a conflict with, and partners declined
for this target, are left out; hidden partners are shown to staff only.

KTP triads (matchmaker.matching.ktp): businesses and knowledge bases among the ranked
partners, academic supervisors among the members who match the text (open to matching),
checked against the newest KtpRule node (defaults when there is none: at least 2 FTE, no
public-sector business). Synchronous: call from a worker thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from embeddings import Embedder
from matchmaker.adapters.graph import Graph
from matchmaker.adapters.partner_candidates import (
    PartnerProfile,
    conflicted_partners,
    ktp_rule,
    partner_profiles,
    preselect_partners,
)
from matchmaker.adapters.targets import declined_for
from matchmaker.auth.accounts import STAFF_ACCOUNTS
from matchmaker.domain.privacy import decision_scope
from matchmaker.matching.affinity import AffinityParams, affinities, evidence_set
from matchmaker.matching.ktp import KtpRule, KtpSupervisor, KtpTriad, ktp_triads
from matchmaker.matching.partners import PartnerContext, rank_partners
from matchmaker.services.audience import Who, checked
from matchmaker.services.scoring import DEFAULT_PARAMS, encode, to_unit
from matchmaker.services.supervisors import Supervisor, supervisors_for
from matchmaker.services.team_report import TeamResult

KTP_PER_ROLE = 5


@dataclass(frozen=True)
class PartnerSuggestion:
    partner_id: str
    name: str
    kind: str
    sector: str
    region: str
    networks: tuple[str, ...]  # KTN names
    score: float
    relevance: float  # 0..1, affinity to the whole text
    gap_scores: tuple[tuple[str, float], ...]  # (gap skill, cosine clipped at 0)
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class KtpSuggestion:
    business: tuple[str, str]  # (partner id, name)
    knowledge_base: tuple[str, str]
    supervisor: tuple[str, str]  # (member id, name)
    score: float
    eligible: bool
    reasons: tuple[str, ...]  # why not eligible


@dataclass(frozen=True)
class PartnerResult:
    gaps: tuple[str, ...]
    partners: tuple[PartnerSuggestion, ...]
    ktp_rule: KtpRule
    ktp: tuple[KtpSuggestion, ...]  # eligible triads, best first
    ktp_ineligible: tuple[KtpSuggestion, ...]  # the best few that break a rule, with reasons


def relevance_of(
    profiles: Sequence[PartnerProfile], lexical: dict[str, float], params: AffinityParams
) -> np.ndarray:
    """(n,) each partner's affinity to the text in [0, 1]: its description is its evidence."""
    if not profiles:
        return np.zeros(0)
    sims = np.array([[p.similarities[0] if p.similarities else -1.0] for p in profiles])
    evidence = evidence_set(sims, np.arange(len(profiles)), np.zeros(len(profiles)), len(profiles))
    lexical_row = np.array([[lexical.get(p.id, 0.0) for p in profiles]])
    scores = affinities(np.eye(1), evidence, params, lexical_row).scores[0]
    return to_unit(scores, params)


def gap_cosines(profiles: Sequence[PartnerProfile], n_gaps: int) -> tuple[np.ndarray, np.ndarray]:
    """Partners' cosines to the gaps (n, g), and the identity basis they are expressed in:
    rank_partners takes (partner @ gap) products, which these already are."""
    if n_gaps == 0:
        return np.zeros((len(profiles), 1)), np.zeros((0, 1))
    rows = [p.similarities[1:] if p.similarities else (-1.0,) * n_gaps for p in profiles]
    return np.array(rows, dtype=np.float64).reshape(len(profiles), n_gaps), np.eye(n_gaps)


def _suggestion(
    profile: PartnerProfile,
    ranked_score: float,
    relevance: float,
    gap_scores: tuple[tuple[str, float], ...],
    reasons: tuple[str, ...],
) -> PartnerSuggestion:
    return PartnerSuggestion(
        profile.id,
        profile.name,
        profile.kind,
        profile.sector,
        profile.region,
        tuple(name for _, name in profile.networks),
        round(ranked_score, 4),
        round(relevance, 4),
        tuple((s, round(v, 4)) for s, v in gap_scores),
        reasons,
    )


def _ktp(
    triads: Sequence[KtpTriad], partners: dict[str, PartnerProfile], people: dict[str, str]
) -> tuple[KtpSuggestion, ...]:
    return tuple(
        KtpSuggestion(
            (t.business_id, partners[t.business_id].name),
            (t.knowledge_base_id, partners[t.knowledge_base_id].name),
            (t.supervisor_id, people.get(t.supervisor_id, t.supervisor_id)),
            round(t.score, 4),
            t.eligible,
            t.reasons,
        )
        for t in triads
    )


def _triads(
    graph: Graph,
    ranked: Sequence[PartnerSuggestion],
    by_id: dict[str, PartnerProfile],
    supervisors: Sequence[Supervisor],
) -> tuple[KtpRule, tuple[KtpSuggestion, ...], tuple[KtpSuggestion, ...]]:
    rule = ktp_rule(graph)
    scores = {p.partner_id: p.score for p in ranked} | {s.member_id: s.score for s in supervisors}
    candidates = [by_id[p.partner_id].candidate() for p in ranked]
    options = ktp_triads(
        [c for c in candidates if c.sector != "academia"],
        [c for c in candidates if c.sector == "academia"],
        [KtpSupervisor(s.member_id, s.organisation_id, s.sector, s.name) for s in supervisors],
        rule,
        scores,
        KTP_PER_ROLE,
    )
    names = {s.member_id: s.name for s in supervisors}
    return (
        rule,
        _ktp(options.eligible[:5], by_id, names),
        _ktp(options.ineligible[:5], by_id, names),
    )


def suggest_partners(
    graph: Graph,
    embedder: Embedder,
    text: str,
    gaps: Sequence[str] = (),
    team_sectors: Sequence[str] = (),
    region: str | None = None,
    audience: Who = "member",
    target_id: str = "",
    members: Sequence[str] = (),
    limit: int = 10,
    with_ktp: bool = True,
    params: AffinityParams = DEFAULT_PARAMS,
) -> PartnerResult:
    """Partners ranked for the gaps (all of the text's needs when there are none) and KTP
    triads. `members`: the team and proposer, whose declared partner conflicts exclude.
    Raises InvalidInput / PermissionDenied for the audience, Neo4jUnavailable, and
    whatever the embedder raises."""
    looker = checked(audience)
    staff = looker.is_staff
    scope = decision_scope(looker, (a.id for a in STAFF_ACCOUNTS))
    texts = [text, *gaps]
    vectors = encode(embedder, texts)
    ids, lexical = preselect_partners(graph, vectors, texts, staff)
    blocked = conflicted_partners(graph, members) | (
        declined_for(graph, target_id, scope, "partner") if target_id else frozenset()
    )
    profiles = [p for p in partner_profiles(graph, ids, vectors, staff) if p.id not in blocked]
    relevance = relevance_of(profiles, lexical[0], params)
    fit, basis = gap_cosines(profiles, len(gaps))
    context = PartnerContext(tuple(gaps), frozenset(team_sectors), region)
    ranked_core = rank_partners(
        [p.candidate() for p in profiles], fit, basis, context, relevance, limit
    )
    by_id = {p.id: p for p in profiles}
    position = {p.id: i for i, p in enumerate(profiles)}
    ranked = tuple(
        _suggestion(
            by_id[r.partner_id],
            r.score,
            float(relevance[position[r.partner_id]]),
            r.gap_scores,
            r.reasons,
        )
        for r in ranked_core
    )
    if not with_ktp:
        return PartnerResult(tuple(gaps), ranked, ktp_rule(graph), (), ())
    supervisors = supervisors_for(graph, embedder, text, audience)
    rule, eligible, ineligible = _triads(graph, ranked, by_id, supervisors)
    return PartnerResult(tuple(gaps), ranked, rule, eligible, ineligible)


def partners_for_team(
    graph: Graph, embedder: Embedder, team: TeamResult, audience: Who = "member", limit: int = 10
) -> PartnerResult:
    """Partners for what a suggested team does not cover (its gaps, else all its skills),
    complementing the team's sectors, near the proposer's region. Raises like
    suggest_partners."""
    gaps = tuple(g.skill for g in team.gaps) or team.skills
    members = [m.member_id for m in team.members]
    if team.target.proposer_id:
        members.append(team.target.proposer_id)
    return suggest_partners(
        graph,
        embedder,
        team.target.text,
        gaps,
        team_sectors=sorted({m.sector for m in team.members}),
        region=team.target.proposer_region,
        audience=audience,
        target_id=team.target.id,
        members=members,
        limit=limit,
    )


def search_partners(
    graph: Graph, embedder: Embedder, text: str, audience: Who = "member", limit: int = 10
) -> tuple[PartnerSuggestion, ...]:
    """Partners whose description best matches the text (hidden ones for staff only)."""
    return suggest_partners(
        graph, embedder, text, audience=audience, limit=limit, with_ktp=False
    ).partners
