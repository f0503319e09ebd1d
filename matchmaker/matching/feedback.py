"""Suggestion feedback in ranking: what accepted and declined invitations change.

Inputs: candidate ids (n,), their relevance (n,) in [0, 1] for the current idea, the idea's
id, and the feedback history (who accepted or declined an invitation for which idea).
- Declined for this idea: the candidate is not suggested again for it; they are returned in
  `declined`, which TeamSpec.declined turns into the why-not reason "declined for this idea".
- Accepted for other ideas: a small boost, boost_per_acceptance per acceptance, capped at
  max_boost. Someone who said yes before is likelier to say yes again, but the boost stays
  below typical affinity differences so that expertise, not popularity, decides; the cap
  stops a rich-get-richer loop, which the fair-exposure term of the team objective also checks.
- Declined elsewhere: no penalty. A "no" to one idea says nothing about fit for another and
  often only means a busy month.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]


class Outcome(StrEnum):
    ACCEPTED = "accepted"
    DECLINED = "declined"


@dataclass(frozen=True)
class FeedbackEvent:
    candidate_id: str
    idea_id: str
    outcome: Outcome


@dataclass(frozen=True)
class FeedbackParams:
    boost_per_acceptance: float = 0.02
    max_boost: float = 0.06


@dataclass(frozen=True, eq=False)
class FeedbackAdjustment:
    relevance: FloatArray  # (n,) adjusted, still in [0, 1]
    declined: frozenset[str]  # ids that declined this idea: pass as TeamSpec.declined
    boosts: Mapping[str, float]  # id -> boost added, only for boosted candidates


def apply_feedback(
    candidate_ids: Sequence[str],
    relevance: npt.ArrayLike,
    idea_id: str,
    history: Sequence[FeedbackEvent],
    params: FeedbackParams | None = None,
) -> FeedbackAdjustment:
    """Adjust relevance from the feedback history and list who declined this idea."""
    chosen = params or FeedbackParams()
    candidates = set(candidate_ids)
    declined = frozenset(
        e.candidate_id
        for e in history
        if e.idea_id == idea_id and e.outcome is Outcome.DECLINED and e.candidate_id in candidates
    )
    accepted = Counter(
        e.candidate_id for e in history if e.idea_id != idea_id and e.outcome is Outcome.ACCEPTED
    )
    boosts = {
        cid: min(chosen.max_boost, chosen.boost_per_acceptance * accepted[cid])
        for cid in candidate_ids
        if accepted[cid]
    }
    added = np.array([boosts.get(cid, 0.0) for cid in candidate_ids])
    adjusted = np.clip(np.asarray(relevance, dtype=np.float64) + added, 0.0, 1.0)
    return FeedbackAdjustment(adjusted, declined, boosts)
