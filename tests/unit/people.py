"""Candidates for the matching core's tests: one from London in the NHS unless told otherwise."""

from __future__ import annotations

from typing import Any

from matchmaker.matching import Candidate


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
