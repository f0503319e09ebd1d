"""A suggested team, or the constraints that cannot all hold."""

from __future__ import annotations

import strawberry

from matchmaker.api.types.matching import (
    Gap,
    LeftOut,
    ScoreBreakdown,
    SkillCoverage,
    SuggestedMember,
    Target,
)
from matchmaker.matching.bands import band
from matchmaker.services import team_report


@strawberry.type(description="A suggested team with its coverage of the skills, gaps and why-not.")
class TeamSuggestion:
    target: Target
    skills: list[str]
    skills_derived: bool
    members: list[SuggestedMember]
    coverage: list[SkillCoverage]
    gaps: list[Gap]
    why_not: list[LeftOut]
    score: ScoreBreakdown
    method: str
    not_open_to_matching: int = strawberry.field(
        description="Strong candidates left out because they did not opt in to matching: "
        "a count, never names."
    )
    shown_token: str = strawberry.field(
        description="Pass to recordTeamShown once the team is on screen (fair exposure)."
    )

    @classmethod
    def from_domain(cls, r: team_report.TeamResult, shown_token: str) -> TeamSuggestion:
        coverage = [
            SkillCoverage(
                skill=c.skill,
                score=c.score,
                covered=c.covered,
                member_id=None if c.member_id is None else strawberry.ID(c.member_id),
                band=band(c.score),
            )
            for c in r.coverage
        ]
        gaps = [
            Gap(
                skill=g.skill,
                detail=g.detail,
                best_available_name=g.best_available_name,
                best_available_id=None
                if g.best_available_id is None
                else strawberry.ID(g.best_available_id),
                best_available_score=g.best_available_score,
                best_available_band=g.best_available_band,
            )
            for g in r.gaps
        ]
        return cls(
            target=Target.from_domain(r.target),
            skills=list(r.skills),
            skills_derived=r.skills_derived,
            members=[SuggestedMember.from_domain(s) for s in r.members],
            coverage=coverage,
            gaps=gaps,
            why_not=LeftOut.many(r.why_not),
            score=ScoreBreakdown.from_domain(r.objective),
            method=r.method,
            not_open_to_matching=r.not_open_to_matching,
            shown_token=shown_token,
        )


@strawberry.type(description="A constraint that cannot hold, with the numbers that show why.")
class BindingConstraint:
    kind: str
    detail: str


@strawberry.type(description="No team satisfies all the constraints; relax one of those listed.")
class InfeasibleConstraints:
    message: str
    target: Target
    skills: list[str]
    constraints: list[BindingConstraint]
    screened_out: list[LeftOut]
    not_open_to_matching: int = strawberry.field(
        description="Candidates screened out because they did not opt in to matching: a count."
    )

    @classmethod
    def from_domain(cls, r: team_report.TeamInfeasible) -> InfeasibleConstraints:
        return cls(
            message=r.message,
            target=Target.from_domain(r.target),
            skills=list(r.skills),
            constraints=[BindingConstraint(kind=str(b.kind), detail=b.detail) for b in r.binding],
            screened_out=LeftOut.many(r.screened),
            not_open_to_matching=r.not_open_to_matching,
        )
