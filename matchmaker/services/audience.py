"""Who is looking, and therefore which members may appear: the privacy rule of matching.

- staff (and admin): every member, including those who opted out of matching;
- member: only members open to matching;
- partner: only members open to matching who also agreed to be visible to partners.
Contact details are never part of a matching result, whoever looks.
"""

from __future__ import annotations

from typing import Literal, get_args

from matchmaker.adapters.candidates import CandidateFilter, CandidateProfile
from matchmaker.errors import InvalidInput, PermissionDenied

Audience = Literal["member", "staff", "partner", "admin"]
AUDIENCES: tuple[str, ...] = get_args(Audience)
STAFF_AUDIENCES = frozenset({"staff", "admin"})


def checked(audience: str) -> Audience:
    """The audience, validated; raises PermissionDenied for anyone not signed in
    (e.g. "anonymous") and InvalidInput for an unknown name."""
    if audience == "anonymous":
        raise PermissionDenied("sign in to search the membership")
    if audience not in AUDIENCES:
        raise InvalidInput("audience", f"must be one of {', '.join(AUDIENCES)}, got {audience!r}")
    return audience  # type: ignore[return-value]


def base_filter(audience: Audience) -> CandidateFilter:
    """The candidate filter the audience alone imposes."""
    return CandidateFilter(
        open_only=audience not in STAFF_AUDIENCES, partners_only=audience == "partner"
    )


def may_see(profile: CandidateProfile, audience: Audience) -> bool:
    """The same rule in Python, checked again on every result before it leaves a service."""
    if audience in STAFF_AUDIENCES:
        return True
    if not profile.open_to_matching:
        return False
    return audience != "partner" or profile.visible_to_partners
