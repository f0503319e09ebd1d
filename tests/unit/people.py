"""Candidates and answers for the matching core's tests: people from London in the NHS unless
told otherwise, and the solver's answer checked to be a team or a refusal."""

from __future__ import annotations

from typing import Any

from matchmaker.matching import Candidate, Infeasible, TeamProblem, TeamSuggestion, suggest_team


def person(cid: str, **fields: Any) -> Candidate:
    """A mid-career radiotherapy physicist of an organisation of their own; `fields` override."""
    base: dict[str, Any] = {
        "organisation_id": f"org-{cid}",
        "sector": "nhs",
        "region": "London",
        "career_stage": "mid",
        "discipline": "radiotherapy physics",
    }
    return Candidate(id=cid, **{**base, **fields})


def suggested(p: TeamProblem, solver: str = "heuristic") -> TeamSuggestion:
    """The solver's team for `p`; fails the test when it refuses."""
    result = suggest_team(p, solver=solver)  # type: ignore[arg-type]
    assert isinstance(result, TeamSuggestion), result
    return result


def infeasible(p: TeamProblem) -> Infeasible:
    """The solver's refusal for `p`; fails the test when it forms a team."""
    result = suggest_team(p)
    assert isinstance(result, Infeasible), result
    return result
