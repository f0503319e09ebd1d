"""How close the team heuristic (greedy + swaps) comes to the CP-SAT optimum.

On seeded random problems (matchmaker.matching.random_instances: 30 candidates, 5 skills,
teams of 5, every constraint kind on two problems in three), both solvers optimise the same
objective; the ratio heuristic / optimum is reported with the time each took.

    python -m bench.bench_team_quality --instances 100
"""

from __future__ import annotations

import argparse
import statistics
import time
from typing import Any

from matchmaker.matching.exact import solve_exact
from matchmaker.matching.objective import evaluate
from matchmaker.matching.pool import Pool, build_pool
from matchmaker.matching.problem import sorted_problem
from matchmaker.matching.random_instances import random_problem
from matchmaker.matching.screening import screen_all
from matchmaker.matching.search import greedy, local_search


def _pool(seed: int, candidates: int, size: int) -> Pool:
    problem = sorted_problem(
        random_problem(seed, n=candidates, size=size, constrained=seed % 3 != 0)
    )
    rows, _ = screen_all(problem)
    return build_pool(problem, rows)


def _timed_heuristic(pool: Pool) -> tuple[float, float]:
    start = time.perf_counter()
    first = greedy(pool)
    team = local_search(pool, first) if first is not None else None
    elapsed = time.perf_counter() - start
    return (evaluate(pool, team).total if team is not None else float("nan")), elapsed


def _timed_exact(pool: Pool) -> tuple[float, float, bool]:
    start = time.perf_counter()
    outcome = solve_exact(pool, time_limit_s=30.0)
    elapsed = time.perf_counter() - start
    value = evaluate(pool, outcome.team).total if outcome.team is not None else float("nan")
    return value, elapsed, outcome.proven


def run(instances: int = 100, candidates: int = 30, size: int = 5, seed: int = 0) -> dict[str, Any]:
    """Compare the solvers on `instances` problems; returns the figures a report needs."""
    ratios, heuristic_s, exact_s, unproven = [], [], [], 0
    for offset in range(instances):
        pool = _pool(seed + offset, candidates, size)
        heuristic, h_time = _timed_heuristic(pool)
        optimum, e_time, proven = _timed_exact(pool)
        ratios.append(heuristic / optimum)
        heuristic_s.append(h_time)
        exact_s.append(e_time)
        unproven += not proven
    return {
        "instances": instances,
        "candidates": candidates,
        "team_size": size,
        "ratio_mean": statistics.fmean(ratios),
        "ratio_min": min(ratios),
        "optimal_share": sum(r >= 1 - 1e-9 for r in ratios) / instances,
        "heuristic_ms_mean": 1000 * statistics.fmean(heuristic_s),
        "heuristic_ms_max": 1000 * max(heuristic_s),
        "exact_ms_mean": 1000 * statistics.fmean(exact_s),
        "exact_ms_max": 1000 * max(exact_s),
        "exact_not_proven_optimal": unproven,
    }


def format_result(result: dict[str, Any]) -> str:
    return "\n".join(
        [
            f"team quality: {result['instances']} seeded problems, "
            f"{result['candidates']} candidates, teams of {result['team_size']}",
            f"heuristic / optimum: mean {result['ratio_mean']:.4f}, min {result['ratio_min']:.4f}, "
            f"optimal on {100 * result['optimal_share']:.0f}%",
            f"greedy + swaps: mean {result['heuristic_ms_mean']:.1f} ms, "
            f"max {result['heuristic_ms_max']:.1f} ms",
            f"CP-SAT: mean {result['exact_ms_mean']:.1f} ms, max {result['exact_ms_max']:.1f} ms "
            f"({result['exact_not_proven_optimal']} not proven optimal)",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--instances", type=int, default=100)
    parser.add_argument("--candidates", type=int, default=30)
    parser.add_argument("--size", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    print(format_result(run(args.instances, args.candidates, args.size, args.seed)))


if __name__ == "__main__":
    main()
