"""The life of a Task-and-Finish group, as pure rules: states, seats, and who may move them.

A group is DRAFT while staff assemble it, INVITATIONS_SENT once its proposed members were asked,
ACTIVE once staff activate it with at least `minimum` acceptances, and CLOSED when staff close
it. Each proposed member holds a seat whose invitation is PROPOSED, INVITED, ACCEPTED or
DECLINED; at most one seat is the chair's, and only a proposed or accepted member may be chair.
A decline is final: the seat stays, marked declined, and cannot be proposed again.

Every rule takes a `Lifecycle` and returns the next one, or raises `RuleBroken` naming the rule;
nothing is changed when a rule is broken (the caller persists only a returned lifecycle).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from matchmaker.errors import MatchmakerError

MAX_SEATS = 30
MEMBER = "member"
CHAIR = "chair"


class GroupState(StrEnum):
    DRAFT = "draft"
    INVITATIONS_SENT = "invitations_sent"
    ACTIVE = "active"
    CLOSED = "closed"


class Invitation(StrEnum):
    PROPOSED = "proposed"
    INVITED = "invited"
    ACCEPTED = "accepted"
    DECLINED = "declined"


EDITABLE = (GroupState.DRAFT, GroupState.INVITATIONS_SENT)
ANSWERABLE = (GroupState.INVITATIONS_SENT, GroupState.ACTIVE)
CHAIR_SEATS = (Invitation.PROPOSED, Invitation.ACCEPTED)


class RuleBroken(MatchmakerError):
    """A change the group's state or seats do not allow; `rule` is a short stable name."""

    def __init__(self, rule: str, message: str) -> None:
        super().__init__(message)
        self.rule = rule
        self.message = message


@dataclass(frozen=True)
class Seat:
    member_id: str
    invitation: Invitation = Invitation.PROPOSED
    role: str = MEMBER  # member | chair (groups saved before the lifecycle may hold others)
    joined: bool = False  # a member of the group (MEMBER_OF): accepted once it was active


@dataclass(frozen=True)
class Lifecycle:
    group_id: str
    state: GroupState
    seats: tuple[Seat, ...] = ()
    minimum: int = 3  # acceptances needed to activate

    def seat(self, member_id: str) -> Seat | None:
        return next((s for s in self.seats if s.member_id == member_id), None)

    def count(self, invitation: Invitation) -> int:
        return sum(1 for s in self.seats if s.invitation is invitation)

    @property
    def chair(self) -> Seat | None:
        return next((s for s in self.seats if s.role == CHAIR), None)


def _with_seat(group: Lifecycle, seat: Seat) -> Lifecycle:
    seats = tuple(seat if s.member_id == seat.member_id else s for s in group.seats)
    return replace(group, seats=seats)


def require_editable(group: Lifecycle) -> None:
    """Staff edit a group only while it is a draft or its invitations are out."""
    if group.state not in EDITABLE:
        raise RuleBroken(
            "editable-states",
            f"A group can be edited only as a draft or with invitations sent; this one is "
            f"{group.state.value.replace('_', ' ')}.",
        )


def check_minimum(minimum: int) -> None:
    if not 1 <= minimum <= MAX_SEATS:
        raise RuleBroken(
            "minimum-range", f"The acceptances needed must be between 1 and {MAX_SEATS}."
        )


def set_minimum(group: Lifecycle, minimum: int) -> Lifecycle:
    require_editable(group)
    check_minimum(minimum)
    return replace(group, minimum=minimum)


def draft(group_id: str, member_ids: tuple[str, ...], chair_id: str | None) -> Lifecycle:
    """A new draft with each member proposed once, and the chair (proposed too) if named."""
    people = tuple(dict.fromkeys((*member_ids, *([chair_id] if chair_id else []))))
    if len(people) > MAX_SEATS:
        raise RuleBroken("seat-limit", f"A group has at most {MAX_SEATS} members.")
    group = Lifecycle(group_id, GroupState.DRAFT, tuple(Seat(p) for p in people))
    return set_chair(group, chair_id) if chair_id else group


def add_member(group: Lifecycle, member_id: str) -> Lifecycle:
    """Propose one more member; a declined member cannot be proposed again."""
    require_editable(group)
    seat = group.seat(member_id)
    if seat is not None and seat.invitation is Invitation.DECLINED:
        raise RuleBroken("decline-final", "This member declined; a decline is final.")
    if seat is not None:
        raise RuleBroken("already-seated", "This member is already proposed for the group.")
    if len(group.seats) >= MAX_SEATS:
        raise RuleBroken("seat-limit", f"A group has at most {MAX_SEATS} members.")
    return replace(group, seats=(*group.seats, Seat(member_id)))


def remove_member(group: Lifecycle, member_id: str) -> Lifecycle:
    """Take a proposed, invited or accepted member off the group (an invitation is withdrawn)."""
    require_editable(group)
    seat = group.seat(member_id)
    if seat is None:
        raise RuleBroken("not-seated", "This member is not proposed for the group.")
    if seat.invitation is Invitation.DECLINED:
        raise RuleBroken(
            "decline-final",
            "A declined member stays on the record as declined; a decline is final.",
        )
    return replace(group, seats=tuple(s for s in group.seats if s.member_id != member_id))


def set_chair(group: Lifecycle, member_id: str | None) -> Lifecycle:
    """Make one proposed or accepted member the chair (the previous chair becomes a member);
    None leaves the group without a chair."""
    require_editable(group)
    seat = group.seat(member_id) if member_id else None
    if member_id and seat is None:
        raise RuleBroken("not-seated", "The chair must be one of the group's members.")
    if seat is not None and seat.invitation not in CHAIR_SEATS:
        raise RuleBroken(
            "chair-seat",
            f"The chair must be a proposed or accepted member; this one is "
            f"{seat.invitation.value}.",
        )
    seats = tuple(
        replace(s, role=CHAIR if s.member_id == member_id else MEMBER)
        if s.role == CHAIR or s.member_id == member_id
        else s
        for s in group.seats
    )
    return replace(group, seats=seats)


def send_invitations(group: Lifecycle) -> tuple[Lifecycle, tuple[str, ...]]:
    """Invite every proposed member; returns the group and the ids invited now."""
    require_editable(group)
    invited = tuple(s.member_id for s in group.seats if s.invitation is Invitation.PROPOSED)
    if not invited:
        raise RuleBroken("nobody-to-invite", "No proposed member is waiting for an invitation.")
    seats = tuple(
        replace(s, invitation=Invitation.INVITED) if s.member_id in invited else s
        for s in group.seats
    )
    return replace(group, state=GroupState.INVITATIONS_SENT, seats=seats), invited


def answer(group: Lifecycle, member_id: str, accept: bool) -> Lifecycle:
    """A member's answer to their own open invitation; a declining chair steps down."""
    seat = group.seat(member_id)
    if group.state not in ANSWERABLE or seat is None or seat.invitation is Invitation.PROPOSED:
        raise RuleBroken("no-open-invitation", "There is no open invitation to answer.")
    if seat.invitation is not Invitation.INVITED:
        raise RuleBroken(
            "answered-already", f"This invitation was already answered ({seat.invitation.value})."
        )
    if accept:
        joined = group.state is GroupState.ACTIVE
        return _with_seat(group, replace(seat, invitation=Invitation.ACCEPTED, joined=joined))
    return _with_seat(group, replace(seat, invitation=Invitation.DECLINED, role=MEMBER))


def _has(count: int) -> str:
    return "has" if count == 1 else "have"


def activate(group: Lifecycle) -> Lifecycle:
    """Invitations sent, nobody left uninvited, the minimum accepted, any chair accepted."""
    if group.state is not GroupState.INVITATIONS_SENT:
        raise RuleBroken(
            "activate-after-invitations",
            "A group is activated only after its invitations are sent.",
        )
    waiting = group.count(Invitation.PROPOSED)
    if waiting:
        raise RuleBroken(
            "all-invited",
            f"{waiting} proposed member(s) have not been invited yet: send the invitations or "
            "remove them first.",
        )
    accepted = group.count(Invitation.ACCEPTED)
    if accepted < group.minimum:
        raise RuleBroken(
            "minimum-accepted",
            f"At least {group.minimum} {'member' if group.minimum == 1 else 'members'} must "
            f"accept before the group is activated ({accepted} {_has(accepted)}).",
        )
    chair = group.chair
    if chair is not None and chair.invitation is not Invitation.ACCEPTED:
        raise RuleBroken("chair-accepted", "The chair has not accepted yet.")
    seats = tuple(replace(s, joined=s.invitation is Invitation.ACCEPTED) for s in group.seats)
    return replace(group, state=GroupState.ACTIVE, seats=seats)


def close(group: Lifecycle) -> Lifecycle:
    if group.state is GroupState.CLOSED:
        raise RuleBroken("already-closed", "This group is already closed.")
    return replace(group, state=GroupState.CLOSED)
