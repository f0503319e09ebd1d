"""Explanations of a suggested team: who covers which skill, the gaps, and why others are out.

Inputs: the pool (pool.py), the chosen team as pool indices, the skill names (m,), the
screened-out candidates with their reasons, the (sorted) problem for strengths, and the
candidates' display names by id. Scores are skill affinities in [0, 1]; a skill counts as
covered at spec.cover_threshold.

Members come best first (relevance to the text, then id). Every text is for a person to
read: people by name, match strength as a band (bands.py), constraints in words
(feasibility.describe); never an id or a raw score. Without a name for someone (a caller
that passes none) the text falls back to their id.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from matchmaker.matching.bands import band, with_article
from matchmaker.matching.constraints import Kind, violations
from matchmaker.matching.feasibility import describe
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
    held_in: str = ""  # the rule that keeps them in the team, in words; "" = on merit


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


Names = Mapping[str, str]  # candidate id -> display name


def _name(names: Names, candidate_id: str) -> str:
    return names.get(candidate_id) or candidate_id


def best_first(pool: Pool, team: Sequence[int]) -> list[int]:
    """Team members in the order shown: most relevant to the text first, then by id."""
    return sorted(team, key=lambda i: (-float(pool.relevance[i]), pool.ids[i]))


def member_skills(
    pool: Pool, team: Sequence[int], skills: Sequence[str], names: Names | None = None
) -> tuple[MemberSkills, ...]:
    """Each member, best first, with the skills they cover and any rule that holds them in."""
    threshold = pool.spec.cover_threshold
    best = pool.scores[list(team)].max(axis=0) if team else np.zeros(len(skills))
    result = []
    for i in best_first(pool, team):
        covered = [
            SkillScore(skill, float(pool.scores[i, s]), bool(pool.scores[i, s] >= best[s]))
            for s, skill in enumerate(skills)
            if pool.scores[i, s] >= threshold
        ]
        covered.sort(key=lambda c: (-c.score, c.skill))
        why = held_in(pool, team, i, names or {})
        result.append(MemberSkills(pool.ids[i], float(pool.relevance[i]), tuple(covered), why))
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


def gaps(
    pool: Pool, team: Sequence[int], skills: Sequence[str], names: Names | None = None
) -> tuple[Gap, ...]:
    """Skills no member covers, and whether any available candidate could."""
    names = names or {}
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
                f"no team member covers {cover.skill}; {_name(names, pool.ids[best])}, "
                f"{with_article(band(score))} match for it, is not in the team because "
                "the team as a whole fits the text better without them"
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


@dataclass(frozen=True)
class _Without:
    """The team less one unlocked member `out`: its objective, and what each candidate
    would add to it (the same for every candidate asked about, so worked out once)."""

    out: int
    base: list[int]
    value: float
    gains: FloatArray


def _without_each(pool: Pool, team: Sequence[int]) -> list[_Without]:
    locked = set(pool.locked.tolist())
    found = []
    for i in (i for i in team if i not in locked):
        base = [m for m in team if m != i]
        found.append(_Without(i, base, evaluate(pool, base).total, add_gains(pool, base)))
    return found


def _swaps(pool: Pool, bases: Sequence[_Without], j: int) -> list[_Swap]:
    """Every swap of an unlocked member for j, with its objective and the kinds it breaks."""
    return [
        _Swap(b.out, b.value + float(b.gains[j]),
              tuple(str(k) for k in violations(pool, [*b.base, j])))
        for b in bases
    ]  # fmt: skip


def _constraints(kinds: Sequence[str], pool: Pool) -> str:
    """Constraint kinds in words, as the request set them: "at most 2 per organisation"."""
    return " and ".join(describe(Kind(kind), pool.spec) for kind in kinds)


def _how_much(drop: float) -> str:
    """A loss in the team objective in words: slightly, somewhat or clearly."""
    if drop < 0.01:
        return "slightly"
    return "somewhat" if drop < 0.05 else "clearly"


def _left_out_reason(
    pool: Pool, team: Sequence[int], j: int, names: Names, bases: Sequence[_Without]
) -> WhyNot:
    """Why pool candidate j is not in the team: a constraint, or a lower marginal gain.

    A constraint is named when the swap that would score best breaks it; otherwise the
    best allowed swap shows whom they would replace and how much the team would lose.
    """
    current, cid = evaluate(pool, team).total, pool.ids[j]
    swaps = _swaps(pool, bases, j)
    if not swaps:
        return WhyNot(cid, Reason.CONSTRAINT, "every place is taken by members asked for by name")
    top = max(swaps, key=lambda s: (s.value, -s.out))
    if top.broken and top.value > current:
        detail = (
            f"would make the team stronger in place of {_name(names, pool.ids[top.out])}, "
            f"but the team would then break the rule: {_constraints(top.broken, pool)}"
        )
        return WhyNot(cid, Reason.CONSTRAINT, detail)
    allowed = [s for s in swaps if not s.broken]
    if not allowed:
        common = sorted(set.intersection(*(set(s.broken) for s in swaps)))
        broken = common or sorted({k for s in swaps for k in s.broken})
        detail = f"in place of anyone they would break the rule: {_constraints(broken, pool)}"
        return WhyNot(cid, Reason.CONSTRAINT, detail)
    best = max(allowed, key=lambda s: (s.value, -s.out))
    detail = (
        f"adds less than the chosen members: in place of {_name(names, pool.ids[best.out])} "
        f"the team would fit the text {_how_much(current - best.value)} less well"
    )
    return WhyNot(cid, Reason.LOWER_GAIN, detail)


def held_in(pool: Pool, team: Sequence[int], i: int, names: Names) -> str:
    """Why member i is in the team when a constraint keeps them there, in words; "" when
    they are there on merit (no better-scoring swap exists, allowed or not)."""
    if i in set(pool.locked.tolist()):
        return "asked for by name"
    current, outside = evaluate(pool, team).total, set(range(pool.size)) - set(team)
    base = [m for m in team if m != i]
    gains, without = add_gains(pool, base), evaluate(pool, base).total
    better = [j for j in outside if without + float(gains[j]) > current]
    if not better:
        return ""
    j = max(better, key=lambda j: (float(gains[j]), -j))
    broken = tuple(str(k) for k in violations(pool, [*base, j]))
    if not broken:
        return ""
    return (
        f"kept to meet the rule: {_constraints(broken, pool)} "
        f"({_name(names, pool.ids[j])} would otherwise fit the text better)"
    )


def why_not(
    problem: TeamProblem,
    pool: Pool,
    team: Sequence[int],
    screened: dict[str, WhyNot],
    limit: int = 5,
    names: Names | None = None,
) -> tuple[WhyNot, ...]:
    """Reasons for the `limit` strongest candidates left out, strongest first (ties by id)."""
    chosen = {pool.ids[i] for i in team}
    strength = strengths(problem)
    order = sorted(
        range(len(problem.candidates)), key=lambda r: (-strength[r], problem.candidates[r].id)
    )
    position = {cid: i for i, cid in enumerate(pool.ids)}
    bases = _without_each(pool, team)
    result = []
    for row in order:
        cid = problem.candidates[row].id
        if cid in chosen:
            continue
        result.append(
            screened[cid]
            if cid in screened
            else _left_out_reason(pool, team, position[cid], names or {}, bases)
        )
        if len(result) == limit:
            break
    return tuple(result)
