"""Greedy construction and swap local search for the team objective.

Greedy starts from the locked members and adds, one place at a time, the candidate with
the largest marginal gain among those that keep the team completable (constraints.py).
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
from matchmaker.matching.pool import Pool

IMPROVEMENT = 1e-9


@dataclass(frozen=True)
class Swap:
    out: int
    into: int
    value: float


def _best(values: np.ndarray, mask: np.ndarray) -> int | None:
    if not mask.any():
        return None
    return int(np.argmax(np.where(mask, values, -np.inf)))


def greedy(pool: Pool) -> list[int] | None:
    """A team built by marginal gain, or None when the greedy rule gets stuck."""
    team = sorted(pool.locked.tolist())
    while len(team) < pool.spec.size:
        places_after = pool.spec.size - len(team) - 1
        choice = _best(add_gains(pool, team), allowed_additions(pool, team, places_after))
        if choice is None:
            return None
        team.append(choice)
    return team


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
