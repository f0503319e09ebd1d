"""A suggested team made readable: who covers what, with which evidence, and how they connect.

Built from the core's TeamSuggestion (ids and scores) and the candidates read from the
graph (names, groups, evidence). Skill scores are affinities mapped to [0, 1].
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import overload

from matchmaker.adapters.candidates import CandidateProfile
from matchmaker.adapters.targets import GraphPath, Target
from matchmaker.domain.privacy import counted_not_named
from matchmaker.matching.bands import band
from matchmaker.matching.constraints import Binding
from matchmaker.matching.explain import SkillCoverage
from matchmaker.matching.objective import Breakdown
from matchmaker.matching.screening import WhyNot
from matchmaker.matching.team import TeamSuggestion
from matchmaker.services.evidence import EvidenceItem, items_for
from matchmaker.services.scoring import Scored

EVIDENCE_PER_SKILL = 2


@dataclass(frozen=True)
class CoveredSkill:
    skill: str
    score: float  # 0..1
    best_in_team: bool
    evidence: tuple[EvidenceItem, ...]
    band: str = ""  # matching.bands: strong | good | possible | weak


@dataclass(frozen=True)
class SuggestedMember:
    member_id: str
    name: str
    discipline: str
    career_stage: str
    region: str
    organisation: str
    sector: str
    relevance: float  # 0..1, after the feedback boost
    feedback_boost: float  # added for invitations accepted before (matching.feedback)
    skills: tuple[CoveredSkill, ...]  # the required skills this member covers, best first
    evidence: tuple[EvidenceItem, ...]  # the documents behind their relevance to the text
    sigs: tuple[str, ...]
    cois: tuple[str, ...]
    shared_with_proposer: tuple[str, ...]  # SIG/CoI names the proposer also belongs to
    same_organisation_as_proposer: bool
    path_to_proposer: GraphPath | None
    band: str = ""  # of the relevance (matching.bands)
    held_in: str = ""  # the rule that keeps them in the team, in words; "" = on merit


@dataclass(frozen=True)
class Gap:
    skill: str
    detail: str
    best_available_id: str | None
    best_available_name: str | None
    best_available_score: float
    best_available_band: str = ""


@dataclass(frozen=True)
class LeftOut:
    member_id: str
    name: str
    reason: str  # excluded | declined | consent | conflict | capacity | constraint | ...
    detail: str


@dataclass(frozen=True)
class TeamResult:
    target: Target
    skills: tuple[str, ...]
    skills_derived: bool
    members: tuple[SuggestedMember, ...]
    coverage: tuple[SkillCoverage, ...]
    gaps: tuple[Gap, ...]
    why_not: tuple[LeftOut, ...]
    objective: Breakdown
    method: str
    not_open_to_matching: int = 0  # strong candidates left out for consent: a count, no names


@dataclass(frozen=True)
class TeamInfeasible:
    """No team meets every constraint; `binding` names those that cannot hold together."""

    target: Target
    skills: tuple[str, ...]
    skills_derived: bool
    binding: tuple[Binding, ...]
    message: str
    screened: tuple[LeftOut, ...]
    not_open_to_matching: int = 0  # candidates screened out for consent: a count, no names


@dataclass(frozen=True)
class Context:
    """What the report needs besides the core's answer."""

    target: Target
    skills: tuple[str, ...]
    skills_derived: bool
    scored: Scored
    relevance: Mapping[str, float]
    boosts: Mapping[str, float]
    proposer: CandidateProfile | None
    paths: Mapping[str, GraphPath]
    texts: Mapping[str, str]

    def name(self, member_id: str | None) -> str | None:
        if member_id is None:
            return None
        for profile in self.scored.profiles:
            if profile.id == member_id:
                return profile.name
        return member_id


def _groups(profile: CandidateProfile) -> set[str]:
    return {g.name for g in (*profile.sigs, *profile.cois)}


def _member(ctx: Context, suggestion: TeamSuggestion, member_id: str) -> SuggestedMember:
    column = ctx.scored.column(member_id)
    profile = ctx.scored.profiles[column]
    covered = next(m for m in suggestion.members if m.candidate_id == member_id)
    skills = tuple(
        CoveredSkill(
            s.skill,
            round(s.score, 4),
            s.best_in_team,
            items_for(
                ctx.scored, 1 + ctx.skills.index(s.skill), column, ctx.texts, EVIDENCE_PER_SKILL
            ),
            band(s.score),
        )
        for s in covered.skills
    )
    proposer = ctx.proposer
    return SuggestedMember(
        member_id=member_id,
        name=profile.name,
        discipline=profile.discipline,
        career_stage=profile.career_stage,
        region=profile.region,
        organisation=profile.organisation_name,
        sector=profile.sector,
        relevance=round(ctx.relevance[member_id], 4),
        feedback_boost=round(ctx.boosts.get(member_id, 0.0), 4),
        skills=skills,
        evidence=items_for(ctx.scored, 0, column, ctx.texts, EVIDENCE_PER_SKILL),
        sigs=tuple(g.name for g in profile.sigs),
        cois=tuple(g.name for g in profile.cois),
        shared_with_proposer=tuple(sorted(_groups(profile) & _groups(proposer)))
        if proposer
        else (),
        same_organisation_as_proposer=proposer is not None
        and bool(profile.organisation_id)
        and profile.organisation_id == proposer.organisation_id,
        path_to_proposer=ctx.paths.get(member_id),
        band=band(ctx.relevance[member_id]),
        held_in=covered.held_in,
    )


def left_out(ctx: Context, reasons: Sequence[WhyNot]) -> tuple[LeftOut, ...]:
    return tuple(
        LeftOut(w.candidate_id, ctx.name(w.candidate_id) or w.candidate_id, str(w.reason), w.detail)
        for w in reasons
    )


def team_result(ctx: Context, suggestion: TeamSuggestion) -> TeamResult:
    gaps = tuple(
        Gap(
            g.skill,
            g.detail,
            g.best_available_id,
            ctx.name(g.best_available_id),
            round(g.best_available_score, 4),
            band(g.best_available_score) if g.best_available_id else "",
        )
        for g in suggestion.gaps
    )
    return TeamResult(
        target=ctx.target,
        skills=ctx.skills,
        skills_derived=ctx.skills_derived,
        members=tuple(_member(ctx, suggestion, i) for i in suggestion.member_ids),
        coverage=suggestion.coverage,
        gaps=gaps,
        why_not=left_out(ctx, suggestion.why_not),
        objective=suggestion.objective,
        method=suggestion.method,
    )


def _named(entries: Sequence[LeftOut]) -> tuple[tuple[LeftOut, ...], int]:
    kept = tuple(e for e in entries if not counted_not_named(e.reason))
    return kept, len(entries) - len(kept)


@overload
def counted(result: TeamResult) -> TeamResult: ...
@overload
def counted(result: TeamInfeasible) -> TeamInfeasible: ...
def counted(result: TeamResult | TeamInfeasible) -> TeamResult | TeamInfeasible:
    """The answer with the people the privacy policy does not name (members who did not opt
    in to matching) taken out of its why-not list and reported as a count."""
    if isinstance(result, TeamResult):
        kept, hidden = _named(result.why_not)
        return replace(result, why_not=kept, not_open_to_matching=hidden)
    kept, hidden = _named(result.screened)
    return replace(result, screened=kept, not_open_to_matching=hidden)
