"""Who is looking, checked, and the privacy policy's rules for matching reads.

The rules themselves are matchmaker.domain.privacy's (docs/privacy.md): this module turns
an audience (or a Looker with the asker's id) into the candidate filter the reads
pre-filter with, and checks every profile read against the policy again before a service
lets it out. Contact details are never part of a matching result, whoever looks.
"""

from __future__ import annotations

from typing import Literal, get_args

from matchmaker.adapters.candidates import CandidateFilter, CandidateProfile
from matchmaker.domain.privacy import STAFF_AUDIENCES, Looker, admits, consent_rule
from matchmaker.errors import InvalidInput, PermissionDenied

Audience = Literal["member", "staff", "partner", "admin"]
AUDIENCES: tuple[str, ...] = get_args(Audience)
Who = str | Looker  # an audience name, or a Looker when the asker's id is known

__all__ = ["AUDIENCES", "STAFF_AUDIENCES", "Audience", "Who", "base_filter", "checked"]


def checked(who: Who) -> Looker:
    """The looker, validated; raises PermissionDenied for anyone not signed in
    (e.g. "anonymous") and InvalidInput for an unknown audience."""
    looker = who if isinstance(who, Looker) else Looker(who)
    if looker.audience == "anonymous":
        raise PermissionDenied("sign in to search the membership")
    if looker.audience not in AUDIENCES:
        raise InvalidInput(
            "audience", f"must be one of {', '.join(AUDIENCES)}, got {looker.audience!r}"
        )
    return looker


def base_filter(looker: Looker, purpose: str = "search") -> CandidateFilter:
    """The candidate filter the looker alone imposes (see privacy.consent_rule)."""
    return CandidateFilter.of(consent_rule(looker, purpose))


def may_see(profile: CandidateProfile, looker: Looker, purpose: str = "search") -> bool:
    """The policy, checked again on every profile read before it leaves a service."""
    return admits(consent_rule(looker, purpose), profile.id, profile.consent)
