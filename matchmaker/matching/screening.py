"""Hard filters before any search, and the reasons a candidate is left out.

A candidate is screened out, with one reason, when the user excluded them, they declined
an invitation for this idea, they are not open to matching (consent), they or the proposer
declared a conflict between them, or (when the spec requires capacity) they already sit on
max_groups groups or have no hours available. Input: a TeamProblem; output: the eligible
rows and a WhyNot per screened-out candidate.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from matchmaker.matching.problem import Candidate, TeamProblem, TeamSpec


class Reason(StrEnum):
    EXCLUDED = "excluded"
    DECLINED = "declined"
    CONSENT = "consent"
    CONFLICT = "conflict"
    CAPACITY = "capacity"
    CONSTRAINT = "constraint"
    LOWER_GAIN = "lower marginal gain"


@dataclass(frozen=True)
class WhyNot:
    candidate_id: str
    reason: Reason
    detail: str


def _conflicted(candidate: Candidate, spec: TeamSpec) -> bool:
    proposer = spec.proposer_id
    return (
        proposer is not None and proposer in candidate.conflicts
    ) or candidate.id in spec.proposer_conflicts


def _capacity_detail(candidate: Candidate) -> str:
    if candidate.current_groups >= candidate.max_groups:
        return (
            f"at capacity: already in {candidate.current_groups} of {candidate.max_groups} groups"
        )
    return "no hours available this month"


def screen(candidate: Candidate, spec: TeamSpec) -> WhyNot | None:
    """The reason a candidate cannot be suggested at all, or None if eligible."""
    cid = candidate.id
    if cid in spec.exclude:
        return WhyNot(cid, Reason.EXCLUDED, "excluded by the user")
    if cid in spec.declined:
        return WhyNot(cid, Reason.DECLINED, "declined for this idea")
    if not candidate.open_to_matching:
        return WhyNot(cid, Reason.CONSENT, "not open to matching")
    if _conflicted(candidate, spec):
        return WhyNot(cid, Reason.CONFLICT, "declared conflict of interest with the proposer")
    if spec.require_capacity and not candidate.has_capacity:
        return WhyNot(cid, Reason.CAPACITY, _capacity_detail(candidate))
    return None


def screen_all(problem: TeamProblem) -> tuple[list[int], dict[str, WhyNot]]:
    """Rows of eligible candidates, and the reason for each candidate screened out."""
    eligible: list[int] = []
    screened: dict[str, WhyNot] = {}
    for row, candidate in enumerate(problem.candidates):
        why = screen(candidate, problem.spec)
        if why is None:
            eligible.append(row)
        else:
            screened[candidate.id] = why
    return eligible, screened
