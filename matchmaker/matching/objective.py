"""The team objective and its marginal gains, vectorised over candidates.

For a team T of the target size k, with skill scores S (n, m) in [0, 1]:
- coverage  = mean over skills s of max_{i in T} S[i, s]: the best member's expertise in
  each skill; a facility-location term, monotone and submodular (a second expert in a
  skill adds nothing, so the team spreads over skills);
- relevance = sum of members' relevance / k;
- diversity = (distinct disciplines + distinct sectors in T) / (2k);
- bridging  = (member pairs that have not collaborated + members from outside the
  proposer's organisation) / (k(k-1)/2 + k): new links between people and places;
- exposure  = sum of members' e / (1 + e) / k, where e counts recent suggestions, so the
  same few people are not put forward every time.
total = w_cov coverage + w_rel relevance + w_div diversity + w_bridge bridging - w_exp exposure.
Dividing by k (not |T|) keeps every term additive while a team is being built.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from matchmaker.matching.pool import FloatArray, Pool, not_among


@dataclass(frozen=True)
class Breakdown:
    coverage: float
    relevance: float
    diversity: float
    bridging: float
    exposure: float
    total: float


def _bridge_denominator(k: int) -> float:
    return max(k * (k - 1) / 2 + k, 1.0)


def best_cover(pool: Pool, team: Sequence[int]) -> FloatArray:
    """(m,) best score of each skill among team members; zeros for an empty team."""
    if not team:
        return np.zeros(pool.scores.shape[1])
    return np.asarray(pool.scores[list(team)].max(axis=0), dtype=np.float64)


def collaboration_counts(pool: Pool, team: Sequence[int]) -> FloatArray:
    """(n,) how many members of `team` each candidate has collaborated with."""
    counts = np.zeros(pool.size)
    for member in team:
        counts[pool.collaborators[member]] += 1
    return counts


def evaluate(pool: Pool, team: Sequence[int]) -> Breakdown:
    """The objective of a (possibly partial) team, term by term."""
    weights, k = pool.spec.weights, max(pool.spec.size, 1)
    members = list(team)
    coverage = float(best_cover(pool, members).mean()) if pool.scores.shape[1] else 0.0
    relevance = float(pool.relevance[members].sum()) / k
    distinct = len(set(pool.discipline[members].tolist())) + len(set(pool.sector[members].tolist()))
    diversity = distinct / (2 * k)
    pairs = len(members) * (len(members) - 1) / 2
    collaborating = float(collaboration_counts(pool, members)[members].sum()) / 2
    bridging = (pairs - collaborating + float(pool.outside[members].sum())) / _bridge_denominator(k)
    exposure = float(pool.exposure[members].sum()) / k
    total = (
        weights.coverage * coverage
        + weights.relevance * relevance
        + weights.diversity * diversity
        + weights.bridging * bridging
        - weights.exposure * exposure
    )
    return Breakdown(coverage, relevance, diversity, bridging, exposure, total)


def add_gains(pool: Pool, base: Sequence[int]) -> FloatArray:
    """(n,) objective(base + {j}) - objective(base) for every candidate j (members too)."""
    weights, k = pool.spec.weights, max(pool.spec.size, 1)
    members = list(base)
    cover = best_cover(pool, members)
    coverage = (
        (np.maximum(pool.scores, cover).mean(axis=1) - cover.mean())
        if pool.scores.shape[1]
        else np.zeros(pool.size)
    )
    new_discipline = not_among(pool.discipline, members)
    new_sector = not_among(pool.sector, members)
    diversity = (new_discipline.astype(float) + new_sector.astype(float)) / (2 * k)
    new_links = len(members) - collaboration_counts(pool, members) + pool.outside
    return np.asarray(
        weights.coverage * coverage
        + weights.relevance * pool.relevance / k
        + weights.diversity * diversity
        + weights.bridging * new_links / _bridge_denominator(k)
        - weights.exposure * pool.exposure / k,
        dtype=np.float64,
    )
