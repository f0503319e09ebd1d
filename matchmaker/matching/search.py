"""Greedy construction and swap local search for the team objective.

Greedy starts from the locked members and adds, one place at a time, the candidate with
the largest marginal gain among those that keep the team completable (constraints.py),
backtracking to the next-best choice if that check, which looks at one kind at a time,
let through a choice that dead-ends.
Local search then tries every swap of an unlocked member for an outsider that keeps all
constraints, applies the best one while it improves the objective, and stops at a local
optimum or after max_rounds. Candidates are in id order and argmax takes the first maximum,
so ties go to the smaller id and runs are deterministic.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from matchmaker.matching.constraints import allowed_additions
from matchmaker.matching.objective import add_gains, evaluate
from matchmaker.matching.pool import BoolArray, FloatArray, Pool

IMPROVEMENT = 1e-9


@dataclass(frozen=True)
class Swap:
    out: int
    into: int
    value: float


def _best(values: FloatArray, mask: BoolArray) -> int | None:
    if not mask.any():
        return None
    return int(np.argmax(np.where(mask, values, -np.inf)))


def greedy(pool: Pool, budget: int = 500) -> list[int] | None:
    """A team built by marginal gain, or None when no completion is found within budget.

    When the per-kind completability check lets a choice through that later dead-ends, the
    search backtracks to the next-best choice (depth first, at most `budget` additions tried),
    so the first team found is the plain greedy one whenever that one completes.
    """
    return _extend(pool, sorted(pool.locked.tolist()), [budget])


def _extend(pool: Pool, team: list[int], budget: list[int]) -> list[int] | None:
    if len(team) == pool.spec.size:
        return team
    mask = allowed_additions(pool, team, pool.spec.size - len(team) - 1)
    gains = add_gains(pool, team)
    for choice in sorted(np.flatnonzero(mask).tolist(), key=lambda j: (-gains[j], j)):
        budget[0] -= 1
        if budget[0] < 0:
            return None
        found = _extend(pool, [*team, choice], budget)
        if found is not None:
            return found
    return None


def best_swap(pool: Pool, team: Sequence[int]) -> Swap | None:
    """The swap (member out, outsider in) with the highest objective that keeps constraints."""
    locked = set(pool.locked.tolist())
    best: Swap | None = None
    for member in sorted(set(team) - locked):
        base = [i for i in team if i != member]
        mask = allowed_additions(pool, base, 0)
        mask[member] = False
        values = evaluate(pool, base).total + add_gains(pool, base)
        choice = _best(values, mask)
        if choice is not None and (best is None or values[choice] > best.value + IMPROVEMENT):
            best = Swap(member, choice, float(values[choice]))
    return best


def local_search(pool: Pool, team: Sequence[int], max_rounds: int = 200) -> list[int]:
    """Apply improving swaps until none improves the objective."""
    current = list(team)
    value = evaluate(pool, current).total
    for _ in range(max_rounds):
        swap = best_swap(pool, current)
        if swap is None or swap.value <= value + IMPROVEMENT:
            break
        current = [swap.into if i == swap.out else i for i in current]
        value = swap.value
    return sorted(current)
