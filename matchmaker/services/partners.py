"""Use cases: external partners for what a team does not cover, KTP triads, partner search.

Partners are pre-selected from the partner vector and full-text indexes for the text and
each gap skill, scored for the text and each gap on the members' scale
(services.partner_scoring: the one affinity rule pooled over the sentences of a description,
as over a member's documents), then ranked by matchmaker.matching.partners (fit to the gaps,
relevance to the whole text, a sector the team lacks, KTN membership, region). Reasons and
bands are in words (matching.bands), never a score or an id.
Partners any team member or the proposer declared a conflict with, and partners declined
for this target, are left out; hidden partners are shown to staff only.

KTP triads (matchmaker.matching.ktp): businesses and knowledge bases among the ranked
partners, academic supervisors among the members who match the text (open to matching),
checked against the newest KtpRule node (defaults when there is none: at least 2 FTE, no
public-sector business); when no triad is eligible, `ktp_excluded_by` says which rule
excluded how many candidates. Synchronous: call from a worker thread.
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
from matchmaker.matching.affinity import AffinityParams
from matchmaker.matching.bands import band
from matchmaker.matching.ktp import KtpRule, KtpSupervisor, KtpTriad, excluded_by, ktp_triads
from matchmaker.matching.partners import PartnerCandidate, PartnerContext, rank_partners
from matchmaker.services.audience import Who, checked
from matchmaker.services.partner_scoring import partner_scores
from matchmaker.services.scoring import DEFAULT_PARAMS, encode
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
    relevance: float  # 0..1, affinity to the whole text, on the members' scale
    gap_scores: tuple[tuple[str, float], ...]  # (gap skill, 0..1 on the members' scale)
    reasons: tuple[str, ...]
    band: str = ""  # of the relevance (matching.bands), as for members


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
    ktp_excluded_by: tuple[str, ...] = ()  # when none is eligible: which rule excluded how many


def _in_gap_basis(gap_scores: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Partners' (g, n) gap scores as rank_partners' (partner @ gap) products: the scores
    transposed against the identity (a zero column and no rows when there are no gaps)."""
    n_gaps, n = gap_scores.shape
    if n_gaps == 0:
        return np.zeros((n, 1)), np.zeros((0, 1))
    return gap_scores.T, np.eye(n_gaps)


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
        band(relevance),
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
    ranked: tuple[PartnerSuggestion, ...],
    pool: dict[str, tuple[PartnerProfile, float]],
    supervisors: Sequence[Supervisor],
    partners: tuple[str, ...],
) -> PartnerResult:
    """Triads from the whole pre-selected pool, each role's best by relevance: the few
    partners ranked for the gaps are often all universities, or all too small to employ
    an associate, when suitable businesses stand a little further down."""
    rule = ktp_rule(graph)
    by_id = {i: profile for i, (profile, _) in pool.items()}
    scores = {i: fit for i, (_, fit) in pool.items()} | {s.member_id: s.score for s in supervisors}
    candidates = [profile.candidate() for profile, _ in pool.values()]
    businesses = [c for c in candidates if c.sector != "academia"]
    bases = [c for c in candidates if c.sector == "academia"]
    options = ktp_triads(
        businesses,
        bases,
        [KtpSupervisor(s.member_id, s.organisation_id, s.sector, s.name) for s in supervisors],
        rule,
        scores,
        KTP_PER_ROLE,
    )
    names = {s.member_id: s.name for s in supervisors}
    excluded = () if options.eligible else _excluded(businesses, bases, supervisors, rule)
    return PartnerResult(
        partners, ranked, rule, _ktp(options.eligible[:5], by_id, names),
        _ktp(options.ineligible[:5], by_id, names), excluded,
    )  # fmt: skip


def _excluded(
    businesses: Sequence[PartnerCandidate],
    bases: Sequence[PartnerCandidate],
    supervisors: Sequence[Supervisor],
    rule: KtpRule,
) -> tuple[str, ...]:
    """Why no triad fits, in words: the rules that excluded candidates, and missing roles."""
    missing = [
        f"no {role} among the partners and members who match the text"
        for role, found in (
            ("possible business", businesses),
            ("university or research organisation", bases),
            ("academic supervisor", supervisors),
        )
        if not found
    ]
    return (*excluded_by(businesses, bases, rule), *missing)


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
    unit = partner_scores(embedder, profiles, vectors, lexical, params)  # (1 + gaps, n)
    relevance = unit[0]
    context = PartnerContext(tuple(gaps), frozenset(team_sectors), region)
    fit, basis = _in_gap_basis(unit[1:])
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
    pool = {p.id: (p, float(relevance[position[p.id]])) for p in profiles}
    return _triads(graph, ranked, pool, supervisors, tuple(gaps))


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
