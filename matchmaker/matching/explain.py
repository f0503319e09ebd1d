"""Explanations of a suggested team: who covers which skill, the gaps, and why others are out.

Inputs: the pool (pool.py), the chosen team as pool indices, the skill names (m,), the
screened-out candidates with their reasons, and the (sorted) problem for strengths.
Scores are skill affinities in [0, 1]; a skill counts as covered at spec.cover_threshold.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from matchmaker.matching.constraints import violations
from matchmaker.matching.objective import add_gains, evaluate
from matchmaker.matching.pool import FloatArray, Pool
from matchmaker.matching.problem import TeamProblem
from matchmaker.matching.screening import Reason, WhyNot


@dataclass(frozen=True)
class SkillScore:
    skill: str
    score: float
    best_in_team: bool


@dataclass(frozen=True)
class MemberSkills:
    candidate_id: str
    relevance: float
    skills: tuple[SkillScore, ...]  # skills this member covers, best first


@dataclass(frozen=True)
class SkillCoverage:
    skill: str
    score: float  # best score among members
    member_id: str | None  # that member
    covered: bool


@dataclass(frozen=True)
class Gap:
    skill: str
    best_available_id: str | None  # best eligible candidate outside the team, if any covers it
    best_available_score: float
    detail: str


def member_skills(
    pool: Pool, team: Sequence[int], skills: Sequence[str]
) -> tuple[MemberSkills, ...]:
    threshold = pool.spec.cover_threshold
    best = pool.scores[list(team)].max(axis=0) if team else np.zeros(len(skills))
    result = []
    for i in sorted(team, key=lambda i: pool.ids[i]):
        covered = [
            SkillScore(skill, float(pool.scores[i, s]), bool(pool.scores[i, s] >= best[s]))
            for s, skill in enumerate(skills)
            if pool.scores[i, s] >= threshold
        ]
        covered.sort(key=lambda c: (-c.score, c.skill))
        result.append(MemberSkills(pool.ids[i], float(pool.relevance[i]), tuple(covered)))
    return tuple(result)


def coverage(pool: Pool, team: Sequence[int], skills: Sequence[str]) -> tuple[SkillCoverage, ...]:
    members = sorted(team)
    result = []
    for s, skill in enumerate(skills):
        if not members:
            result.append(SkillCoverage(skill, 0.0, None, False))
            continue
        top = members[int(np.argmax(pool.scores[members, s]))]
        score = float(pool.scores[top, s])
        result.append(
            SkillCoverage(skill, score, pool.ids[top], score >= pool.spec.cover_threshold)
        )
    return tuple(result)


def gaps(pool: Pool, team: Sequence[int], skills: Sequence[str]) -> tuple[Gap, ...]:
    """Skills no member covers, and whether any available candidate could."""
    outside = [i for i in range(pool.size) if i not in set(team)]
    result = []
    for cover in coverage(pool, team, skills):
        if cover.covered:
            continue
        s = skills.index(cover.skill)
        best = max(outside, key=lambda i: (pool.scores[i, s], -i), default=None)
        score = float(pool.scores[best, s]) if best is not None else 0.0
        if best is None or score < pool.spec.cover_threshold:
            result.append(
                Gap(cover.skill, None, score, f"no available member covers {cover.skill}")
            )
        else:
            detail = (
                f"no team member covers {cover.skill}; "
                f"{pool.ids[best]} ({score:.2f}) could, at a cost elsewhere"
            )
            result.append(Gap(cover.skill, pool.ids[best], score, detail))
    return tuple(result)


def strengths(problem: TeamProblem) -> FloatArray:
    """(n,) a candidate's standing on their own: weighted mean skill score plus relevance."""
    weights = problem.spec.weights
    skill = (
        problem.skill_scores.mean(axis=1)
        if problem.skill_scores.shape[1]
        else np.zeros(len(problem.candidates))
    )
    return np.asarray(
        weights.coverage * skill + weights.relevance * problem.relevance, dtype=np.float64
    )


@dataclass(frozen=True)
class _Swap:
    out: int
    value: float
    broken: tuple[str, ...]


def _swaps(pool: Pool, team: Sequence[int], j: int) -> list[_Swap]:
    """Every swap of an unlocked member for j, with its objective and the kinds it breaks."""
    locked = set(pool.locked.tolist())
    swaps = []
    for i in (i for i in team if i not in locked):
        base = [m for m in team if m != i]
        value = evaluate(pool, base).total + float(add_gains(pool, base)[j])
        swaps.append(_Swap(i, value, tuple(str(k) for k in violations(pool, [*base, j]))))
    return swaps


def _left_out_reason(pool: Pool, team: Sequence[int], j: int) -> WhyNot:
    """Why pool candidate j is not in the team: a constraint, or a lower marginal gain.

    A constraint is named when the swap that would score best breaks it; otherwise the
    best allowed swap shows how much the team would lose.
    """
    current, cid = evaluate(pool, team).total, pool.ids[j]
    swaps = _swaps(pool, team, j)
    if not swaps:
        return WhyNot(cid, Reason.CONSTRAINT, "every place is locked")
    top = max(swaps, key=lambda s: (s.value, -s.out))
    if top.broken and top.value > current:
        detail = (
            f"in place of {pool.ids[top.out]} would raise the team score by "
            f"{top.value - current:.3f} but break: {', '.join(top.broken)}"
        )
        return WhyNot(cid, Reason.CONSTRAINT, detail)
    allowed = [s for s in swaps if not s.broken]
    if not allowed:
        common = sorted(set.intersection(*(set(s.broken) for s in swaps)))
        broken = common or sorted({k for s in swaps for k in s.broken})
        return WhyNot(cid, Reason.CONSTRAINT, f"any swap would break: {', '.join(broken)}")
    best = max(allowed, key=lambda s: (s.value, -s.out))
    detail = (
        f"lower marginal gain: in place of {pool.ids[best.out]} "
        f"the team score would drop by {current - best.value:.3f}"
    )
    return WhyNot(cid, Reason.LOWER_GAIN, detail)


def why_not(
    problem: TeamProblem,
    pool: Pool,
    team: Sequence[int],
    screened: dict[str, WhyNot],
    limit: int = 5,
) -> tuple[WhyNot, ...]:
    """Reasons for the `limit` strongest candidates left out, strongest first (ties by id)."""
    chosen = {pool.ids[i] for i in team}
    strength = strengths(problem)
    order = sorted(
        range(len(problem.candidates)), key=lambda r: (-strength[r], problem.candidates[r].id)
    )
    position = {cid: i for i, cid in enumerate(pool.ids)}
    result = []
    for row in order:
        cid = problem.candidates[row].id
        if cid in chosen:
            continue
        result.append(
            screened[cid] if cid in screened else _left_out_reason(pool, team, position[cid])
        )
        if len(result) == limit:
            break
    return tuple(result)
