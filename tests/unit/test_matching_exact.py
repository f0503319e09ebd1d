"""The heuristic against the exact CP-SAT optimum on small seeded instances."""

from __future__ import annotations

import numpy as np

from matchmaker.matching.constraints import violations
from matchmaker.matching.exact import solve_exact
from matchmaker.matching.objective import evaluate
from matchmaker.matching.pool import Pool, build_pool
from matchmaker.matching.problem import sorted_problem
from matchmaker.matching.random_instances import random_problem
from matchmaker.matching.screening import screen_all
from matchmaker.matching.search import greedy, local_search
from matchmaker.matching.team import TeamSuggestion, suggest_team


def pool_of(seed: int, n: int = 24, constrained: bool = True) -> Pool:
    problem = sorted_problem(random_problem(seed, n=n, size=4, constrained=constrained))
    rows, _ = screen_all(problem)
    return build_pool(problem, rows)


def heuristic_and_exact(seed: int, constrained: bool) -> tuple[float, float]:
    pool = pool_of(seed, constrained=constrained)
    start = greedy(pool)
    assert start is not None
    team = local_search(pool, start)
    exact = solve_exact(pool)
    assert exact.team is not None
    assert exact.proven
    assert violations(pool, team) == []
    assert violations(pool, exact.team) == []
    return evaluate(pool, team).total, evaluate(pool, exact.team).total


def test_greedy_with_swaps_is_within_two_percent_of_the_optimum() -> None:
    ratios = []
    for seed in range(30):
        heuristic, optimum = heuristic_and_exact(seed, constrained=seed % 3 != 0)
        assert heuristic <= optimum + 1e-6  # the exact objective is the same objective
        ratios.append(heuristic / optimum)
    assert float(np.mean(ratios)) >= 0.98
    assert min(ratios) >= 0.9


def test_exact_solver_is_available_through_suggest_team() -> None:
    problem = random_problem(7, n=20, size=4)
    exact = suggest_team(problem, solver="exact")
    heuristic = suggest_team(problem)
    assert isinstance(exact, TeamSuggestion)
    assert isinstance(heuristic, TeamSuggestion)
    assert exact.method == "cp-sat"
    assert exact.objective.total >= heuristic.objective.total - 1e-6
