"""Team suggestion: screen, check feasibility, search, explain.

Input: a TeamProblem (problem.py): candidates (n), skill_scores (n, m) and relevance (n,)
in [0, 1], and a TeamSpec (size, locks, exclusions, constraints, weights).
Output: a TeamSuggestion (members, their skills, per-skill coverage, gaps, why-not for the
strongest candidates left out, the objective by term) or, when the constraints cannot all
hold, an Infeasible naming the binding constraints; never a weaker team in silence.

solver="heuristic" runs greedy + swap local search (any pool size); "exact" runs CP-SAT
(small pools, about 40 candidates). If greedy gets stuck, CP-SAT finds a feasible start
or proves that none exists. Runs are deterministic: candidates are taken in id order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from matchmaker.matching.constraints import Binding
from matchmaker.matching.exact import feasible_team, solve_exact
from matchmaker.matching.explain import (
    Gap,
    MemberSkills,
    SkillCoverage,
    best_first,
    coverage,
    gaps,
    member_skills,
    why_not,
)
from matchmaker.matching.feasibility import diagnose, minimal_binding
from matchmaker.matching.objective import Breakdown, evaluate
from matchmaker.matching.pool import Pool, build_pool
from matchmaker.matching.problem import TeamProblem, sorted_problem
from matchmaker.matching.screening import WhyNot, screen_all
from matchmaker.matching.search import greedy, local_search

Solver = Literal["heuristic", "exact"]


@dataclass(frozen=True)
class TeamSuggestion:
    member_ids: tuple[str, ...]
    members: tuple[MemberSkills, ...]
    coverage: tuple[SkillCoverage, ...]
    gaps: tuple[Gap, ...]
    why_not: tuple[WhyNot, ...]
    objective: Breakdown
    method: str  # how the team was found


@dataclass(frozen=True)
class Infeasible:
    binding: tuple[Binding, ...]
    screened: tuple[WhyNot, ...]  # candidates filtered out before the search
    proven: bool = True  # False: the search ran out of time, so a team may still exist

    @property
    def message(self) -> str:
        reasons = "; ".join(b.detail for b in self.binding)
        if self.proven:
            return reasons
        return (
            "no team meeting every constraint was found in the time allowed, though one may "
            f"exist; relaxing one of these is the likeliest way to get one: {reasons}"
        )


@dataclass(frozen=True)
class _Searched:
    team: list[int] | None
    method: str
    proven: bool = True  # with no team: whether none can exist, or time ran out


def _search(pool: Pool, solver: Solver, time_limit_s: float) -> _Searched:
    if solver == "exact":
        exact = solve_exact(pool, time_limit_s)
        return _Searched(exact.team, "cp-sat", exact.team is not None or exact.proven)
    start = greedy(pool)
    if start is not None:
        return _Searched(local_search(pool, start), "greedy + swaps")
    fallback = feasible_team(pool, time_limit_s=time_limit_s)
    if fallback.team is None:
        return _Searched(None, "none", fallback.proven)
    return _Searched(local_search(pool, fallback.team), "cp-sat start + swaps")


def suggest_team(
    problem: TeamProblem,
    solver: Solver = "heuristic",
    why_not_limit: int = 5,
    time_limit_s: float = 10.0,
) -> TeamSuggestion | Infeasible:
    """Suggest a team for the problem, or say which constraints cannot hold."""
    ordered = sorted_problem(problem)
    rows, screened = screen_all(ordered)
    binding = diagnose(ordered, rows, screened)
    if binding:
        return Infeasible(tuple(binding), tuple(screened.values()))
    pool = build_pool(ordered, rows)
    searched = _search(pool, solver, time_limit_s)
    team, method = searched.team, searched.method
    if team is None:
        blamed = tuple(minimal_binding(pool))
        return Infeasible(blamed, tuple(screened.values()), proven=searched.proven)
    skills = ordered.skills
    return TeamSuggestion(
        member_ids=tuple(pool.ids[i] for i in best_first(pool, team)),
        members=member_skills(pool, team, skills, ordered.names),
        coverage=coverage(pool, team, skills),
        gaps=gaps(pool, team, skills, ordered.names),
        why_not=why_not(ordered, pool, team, screened, why_not_limit, ordered.names),
        objective=evaluate(pool, team),
        method=method,
    )
