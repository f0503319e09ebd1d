"""Introductions between people: when someone may ask, and the states a request goes through.

A member or partner asks to be introduced to a member about a topic or an idea; the member
accepts or declines. What each side learns at each state is the privacy policy's
(matchmaker.domain.privacy: `told_requester`, `contact_shared`).
"""

from __future__ import annotations

from dataclasses import dataclass

PENDING = "pending"
ACCEPTED = "accepted"
DECLINED = "declined"
STATUSES = (PENDING, ACCEPTED, DECLINED)

MAX_PER_DAY = 10  # requests one person may make in any 24 hours
NOT_AVAILABLE = "This member is not available for introductions."


def refusal(previous: str | None, asked_last_day: int) -> str | None:
    """Why a new request to a member is refused, or None: `previous` is the status of the
    requester's earlier request to the same member (None when there was none). A decline is
    final, and answered with the words the requester was already told."""
    if previous == DECLINED:
        return NOT_AVAILABLE
    if previous == PENDING:
        return "You have already asked to be introduced to this member; they have not answered yet."
    if previous == ACCEPTED:
        return "You have already been introduced to this member."
    if asked_last_day >= MAX_PER_DAY:
        return (
            f"You have asked for {MAX_PER_DAY} introductions in the last 24 hours; "
            "please wait before asking for another."
        )
    return None


def decision_refusal(status: str) -> str | None:
    """Why a member may not answer a request now (it was answered already), or None."""
    return None if status == PENDING else f"This request was already {status}."


@dataclass(frozen=True)
class Introduction:
    """A request and both its ends, as stored; what each side may read of it is the
    privacy policy's."""

    id: str
    status: str
    topic: str
    message: str
    created: str
    requester_kind: str  # member | partner
    requester_id: str
    requester_name: str
    requester_email: str
    member_id: str
    member_name: str
    member_email: str
    idea_id: str = ""
    idea_title: str = ""

    @property
    def about(self) -> str:
        return f'the idea "{self.idea_title}"' if self.idea_id else self.topic


@dataclass(frozen=True)
class Invitation:
    """An invitation to an idea, as its invitee sees it."""

    idea_id: str
    idea_title: str
    invited_by: str
    status: str
    at: str
