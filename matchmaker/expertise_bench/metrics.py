"""The benchmark's measures: weighted pairwise loss, reciprocal rank, recall@k, intervals.

Loss (the dataset paper's main measure): for each person and each pair of items (p, q)
they rated differently, the penalty is |e_p - e_q| if the scores order p and q the wrong
way, half that on a tie, else 0; loss = total penalty / total |e_p - e_q|. 0 is a perfect
ordering, 1 a reversed one, 0.5 a constant score.

Every measure is a ratio of per-person sums, so the 95% interval resamples people with
replacement (a fixed seed) and recomputes the ratio.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np

from matchmaker.expertise_bench.dataset import Rating

Scores = Mapping[tuple[str, str], float]  # (person_id, item_id) -> score


@dataclass(frozen=True)
class Part:
    """One person's share of a ratio measure: numerator and denominator."""

    numerator: float
    denominator: float


@dataclass(frozen=True)
class Estimate:
    value: float
    low: float
    high: float


def pair_penalty(expertise: tuple[float, float], scores: tuple[float, float]) -> float:
    """Penalty of one pair: |difference| if ordered the wrong way, half on a score tie."""
    difference = expertise[0] - expertise[1]
    if scores[0] == scores[1]:
        return abs(difference) / 2
    return abs(difference) if difference * (scores[0] - scores[1]) < 0 else 0.0


def loss_parts(ratings: Sequence[Rating], scores: Scores) -> dict[str, Part]:
    """Per person: total penalty and total |e_p - e_q| over pairs rated differently."""
    by_person: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for rating in ratings:
        by_person[rating.person_id].append(
            (rating.expertise, scores[(rating.person_id, rating.item_id)])
        )
    parts = {}
    for person, rated in by_person.items():
        pairs = [(a, b) for a, b in combinations(rated, 2) if a[0] != b[0]]
        penalty = sum(pair_penalty((a[0], b[0]), (a[1], b[1])) for a, b in pairs)
        parts[person] = Part(penalty, sum(abs(a[0] - b[0]) for a, b in pairs))
    return parts


def ratio(parts: Sequence[Part]) -> float:
    denominator = sum(part.denominator for part in parts)
    return sum(part.numerator for part in parts) / denominator if denominator else float("nan")


def weighted_loss(ratings: Sequence[Rating], scores: Scores) -> float:
    """The weighted pairwise loss over all people (lower is better)."""
    return ratio(list(loss_parts(ratings, scores).values()))


def rank_of(scores: Sequence[float], right: int) -> float:
    """Rank of `right` among scores, 1 = top; ties count half (expected rank)."""
    array = np.asarray(scores, dtype=np.float64)
    above = int(np.sum(array > array[right]))
    tied = int(np.sum(array == array[right])) - 1
    return 1.0 + above + tied / 2


def interval(parts: Sequence[Part], resamples: int = 2000, seed: int = 20240521) -> Estimate:
    """Point value and 95% bootstrap interval of a ratio measure, resampling people."""
    numerators = np.array([part.numerator for part in parts])
    denominators = np.array([part.denominator for part in parts])
    picks = np.random.default_rng(seed).integers(0, len(parts), size=(resamples, len(parts)))
    sampled = numerators[picks].sum(axis=1) / np.maximum(denominators[picks].sum(axis=1), 1e-12)
    low, high = np.percentile(sampled, [2.5, 97.5])
    return Estimate(ratio(parts), float(low), float(high))
