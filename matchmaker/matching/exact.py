"""Exact team selection with CP-SAT, for small pools (about 40 candidates or fewer).

The same objective as objective.py, linearised over 0/1 choices x_i:
- coverage: z[i, s] <= x_i and sum_i z[i, s] <= 1 pick the member credited with skill s,
  so sum_i S[i, s] z[i, s] is the best member's score at the optimum;
- diversity: a 0/1 flag per discipline and per sector, at most the number chosen from it;
- bridging: with the size fixed, new pairs = k(k-1)/2 - collaborating pairs, and
  p[i, j] >= x_i + x_j - 1 marks a collaborating pair inside the team;
- relevance and exposure are linear.
Coefficients are scaled to integers (SCALE). The same model without an objective, with
a chosen subset of constraint kinds, answers "can these constraints hold together?".
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import numpy as np
from ortools.sat.python import cp_model

from matchmaker.matching.constraints import Kind, required, sector_caps
from matchmaker.matching.pool import Pool

SCALE = 100_000
ALL_KINDS = frozenset(Kind)

Linear = cp_model.LinearExprT


def _groups(codes: np.ndarray) -> dict[int, list[int]]:
    groups: dict[int, list[int]] = {}
    for i, code in enumerate(codes.tolist()):
        groups.setdefault(int(code), []).append(i)
    return groups


def _flags(
    model: cp_model.CpModel, x: list[cp_model.IntVar], groups: dict[int, list[int]]
) -> list[cp_model.IntVar]:
    """One 0/1 flag per group, allowed to be 1 only when a member of the group is chosen."""
    flags = []
    for members in groups.values():
        flag = model.new_bool_var("")
        model.add(flag <= sum(x[i] for i in members))
        flags.append(flag)
    return flags


def _sig_groups(pool: Pool) -> dict[int, list[int]]:
    groups: dict[int, list[int]] = {}
    for i, sigs in enumerate(pool.sigs):
        for sig in sigs:
            groups.setdefault(sig, []).append(i)
    return groups


def _constrain(
    model: cp_model.CpModel, x: list[cp_model.IntVar], pool: Pool, kinds: Collection[Kind]
) -> None:
    spec = pool.spec
    if Kind.SIZE in kinds:
        model.add(sum(x) == spec.size)
    if Kind.MUST_INCLUDE in kinds:
        for i in pool.locked.tolist():
            model.add(x[i] == 1)
    if Kind.MAX_PER_ORG in kinds and spec.max_per_org is not None:
        for members in _groups(pool.org).values():
            model.add(sum(x[i] for i in members) <= spec.max_per_org)
    if Kind.MEMBER_CONFLICTS in kinds:
        for i, others in enumerate(pool.conflicts):
            for j in others.tolist():
                if i < j:
                    model.add(x[i] + x[j] <= 1)
    _constrain_counts(model, x, pool, kinds)


def _constrain_counts(
    model: cp_model.CpModel, x: list[cp_model.IntVar], pool: Pool, kinds: Collection[Kind]
) -> None:
    spec = pool.spec
    for rule in required(pool):
        if rule.kind not in kinds:
            continue
        if rule.absent:
            model.add(sum(x) <= -1)
        for code, minimum in rule.minimums.items():
            model.add(sum(x[i] for i in np.flatnonzero(rule.codes == code).tolist()) >= minimum)
    if Kind.MAX_PER_SECTOR in kinds:
        for code, cap in sector_caps(pool).items():
            model.add(sum(x[i] for i in np.flatnonzero(pool.sector == code).tolist()) <= cap)
    if Kind.EARLY_CAREER in kinds and spec.min_early_career:
        model.add(sum(x[i] for i in np.flatnonzero(pool.early).tolist()) >= spec.min_early_career)
    minimums = [
        (Kind.DISTINCT_DISCIPLINES, spec.min_distinct_disciplines, _groups(pool.discipline)),
        (Kind.REGIONS, spec.min_regions, _groups(pool.region)),
        (Kind.DISTINCT_SIGS, spec.min_distinct_sigs, _sig_groups(pool)),
    ]
    for kind, minimum, groups in minimums:
        if kind in kinds and minimum:
            model.add(sum(_flags(model, x, groups)) >= minimum)


def _objective(model: cp_model.CpModel, x: list[cp_model.IntVar], pool: Pool) -> Linear:
    weights, k = pool.spec.weights, max(pool.spec.size, 1)
    n, m = pool.scores.shape
    terms: list[Linear] = []
    for s in range(m):
        z = [model.new_bool_var("") for _ in range(n)]
        model.add(sum(z) <= 1)
        for i in range(n):
            model.add(z[i] <= x[i])
        terms += [round(SCALE * weights.coverage * pool.scores[i, s] / m) * z[i] for i in range(n)]
    per_member = weights.relevance * pool.relevance / k - weights.exposure * pool.exposure / k
    bridge = weights.bridging / max(k * (k - 1) / 2 + k, 1.0)
    per_member = per_member + bridge * pool.outside
    terms += [round(SCALE * per_member[i]) * x[i] for i in range(n)]
    diversity = round(SCALE * weights.diversity / (2 * k))
    flags = _flags(model, x, _groups(pool.discipline)) + _flags(model, x, _groups(pool.sector))
    terms += [diversity * flag for flag in flags]
    for i, j in _collaborating_pairs(pool):
        pair = model.new_bool_var("")
        model.add(pair >= x[i] + x[j] - 1)
        terms.append(-round(SCALE * bridge) * pair)
    return sum(terms)


def _collaborating_pairs(pool: Pool) -> list[tuple[int, int]]:
    return [(i, j) for i, others in enumerate(pool.collaborators) for j in others.tolist() if i < j]


@dataclass(frozen=True)
class Outcome:
    team: list[int] | None  # pool indices, None when no team was found
    proven: bool  # optimal (with an objective), or proven infeasible (without a team)


def _solve(model: cp_model.CpModel, x: list[cp_model.IntVar], time_limit_s: float) -> Outcome:
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit_s
    solver.parameters.num_workers = 1  # one worker: the same answer on every run
    status = solver.solve(model)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return Outcome(
            [i for i, var in enumerate(x) if solver.value(var)], status == cp_model.OPTIMAL
        )
    return Outcome(None, status == cp_model.INFEASIBLE)


def _model(pool: Pool, kinds: Collection[Kind]) -> tuple[cp_model.CpModel, list[cp_model.IntVar]]:
    model = cp_model.CpModel()
    x = [model.new_bool_var(f"x{i}") for i in range(pool.size)]
    _constrain(model, x, pool, kinds)
    return model, x


def solve_exact(pool: Pool, time_limit_s: float = 20.0) -> Outcome:
    """The optimal team (pool indices) under every constraint."""
    model, x = _model(pool, ALL_KINDS)
    # The constant k(k-1)/2 of new pairs is left out: it does not change the optimum.
    model.maximize(_objective(model, x, pool))
    return _solve(model, x, time_limit_s)


def feasible_team(
    pool: Pool, kinds: Collection[Kind] = ALL_KINDS, time_limit_s: float = 10.0
) -> Outcome:
    """Any team meeting the given kinds; no team and proven=True means they cannot all hold."""
    model, x = _model(pool, kinds)
    return _solve(model, x, time_limit_s)
