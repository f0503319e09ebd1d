"""Seeded random team problems, for measuring the heuristic against the exact solver.

A problem has n candidates across a few organisations, sectors, regions and disciplines,
skill scores (n, m) drawn as uniform**2 in [0, 1] (most people weak in most skills, a few
strong), relevance (n,) uniform in [0, 1], a sprinkle of collaborations, conflicts and
recent exposure, and, when `constrained`, a spec using every constraint kind at a level a
pool of this size can meet.
"""

from __future__ import annotations

import numpy as np

from matchmaker.matching.problem import Candidate, TeamProblem, TeamSpec

SECTORS = ("nhs", "academia", "industry", "charity")
STAGES = ("trainee", "early", "mid", "senior", "consultant")


def _candidate(i: int, n: int, rng: np.random.Generator) -> Candidate:
    return Candidate(
        id=f"m{i:03d}",
        organisation_id=f"org{int(rng.integers(8))}",
        sector=str(rng.choice(SECTORS, p=[0.5, 0.25, 0.15, 0.1])),
        region=f"region{int(rng.integers(6))}",
        career_stage=str(rng.choice(STAGES)),
        discipline=f"discipline{int(rng.integers(6))}",
        sigs=frozenset(f"sig{int(s)}" for s in rng.choice(9, int(rng.integers(0, 3)), False)),
        exposure=int(rng.integers(0, 4)),
        collaborators=frozenset(f"m{int(j):03d}" for j in rng.choice(n, 2) if j != i),
        conflicts=frozenset(f"m{int(rng.integers(n)):03d}") if rng.random() < 0.05 else frozenset(),
        is_proposer_org=bool(rng.random() < 0.15),
    )


def constrained_spec(size: int) -> TeamSpec:
    return TeamSpec(
        size=size,
        max_per_org=2,
        required_sectors={"industry": 1, "nhs": 1},
        min_distinct_sigs=2,
        min_distinct_disciplines=3,
        min_early_career=1,
        min_regions=2,
    )


def random_problem(
    seed: int, n: int = 30, m: int = 5, size: int = 5, constrained: bool = True
) -> TeamProblem:
    rng = np.random.default_rng(seed)
    candidates = tuple(_candidate(i, n, rng) for i in range(n))
    return TeamProblem(
        candidates=candidates,
        skills=tuple(f"skill{j}" for j in range(m)),
        skill_scores=rng.random((n, m)) ** 2,
        relevance=rng.random(n),
        spec=constrained_spec(size) if constrained else TeamSpec(size=size),
    )
