"""Introductions, invitations to ideas and e-mail notices, as the API shows them."""

from __future__ import annotations

import strawberry

from matchmaker.domain import notices as n
from matchmaker.domain.introductions import Introduction, Invitation
from matchmaker.services.invitations import Invited


def _or_none(value: str) -> str | None:
    return value or None


@strawberry.type(
    description="A request to be introduced to you, with the asker's e-mail once you accept."
)
class IntroductionRequest:
    id: strawberry.ID
    status: str = strawberry.field(description="pending, accepted or declined.")
    topic: str | None
    idea_id: strawberry.ID | None
    idea_title: str | None
    message: str
    created: str
    requester_name: str
    requester_kind: str = strawberry.field(description="member or partner.")
    contact_email: str | None = strawberry.field(description="Only once you accepted.")

    @classmethod
    def from_domain(cls, x: Introduction) -> IntroductionRequest:
        return cls(
            id=strawberry.ID(x.id),
            status=x.status,
            topic=_or_none(x.topic),
            idea_id=strawberry.ID(x.idea_id) if x.idea_id else None,
            idea_title=_or_none(x.idea_title),
            message=x.message,
            created=x.created,
            requester_name=x.requester_name,
            requester_kind=x.requester_kind,
            contact_email=_or_none(x.requester_email),
        )


@strawberry.type(description="An introduction you asked for, and how it stands.")
class MyIntroduction:
    id: strawberry.ID
    status: str = strawberry.field(description="pending, accepted or not_available.")
    topic: str | None
    idea_id: strawberry.ID | None
    idea_title: str | None
    message: str
    created: str
    member_id: strawberry.ID
    member_name: str
    contact_email: str | None = strawberry.field(description="The member's, once they accepted.")

    @classmethod
    def from_domain(cls, x: Introduction) -> MyIntroduction:
        return cls(
            id=strawberry.ID(x.id),
            status=x.status,
            topic=_or_none(x.topic),
            idea_id=strawberry.ID(x.idea_id) if x.idea_id else None,
            idea_title=_or_none(x.idea_title),
            message=x.message,
            created=x.created,
            member_id=strawberry.ID(x.member_id),
            member_name=x.member_name,
            contact_email=_or_none(x.member_email),
        )


@strawberry.type(description="An invitation to join an idea, sent to you.")
class IdeaInvitation:
    idea_id: strawberry.ID
    idea_title: str
    invited_by: str
    status: str = strawberry.field(description="pending, accepted or declined.")
    at: str

    @classmethod
    def from_domain(cls, x: Invitation) -> IdeaInvitation:
        return cls(
            idea_id=strawberry.ID(x.idea_id),
            idea_title=x.idea_title,
            invited_by=x.invited_by,
            status=x.status,
            at=x.at,
        )


@strawberry.type(description="Someone invited to an idea; a decline reads not_available.")
class InvitedMember:
    member_id: strawberry.ID
    status: str

    @classmethod
    def from_domain(cls, x: Invited) -> InvitedMember:
        return cls(member_id=strawberry.ID(x.member_id), status=x.status)


@strawberry.type(description="Which kinds of e-mail notice you get.")
class NoticePreferences:
    idea_invitation: bool
    introduction_request: bool
    group_proposal: bool

    @classmethod
    def of(cls, kinds: dict[str, bool]) -> NoticePreferences:
        return cls(
            idea_invitation=kinds[n.IDEA_INVITATION],
            introduction_request=kinds[n.INTRODUCTION_REQUEST],
            group_proposal=kinds[n.GROUP_PROPOSAL],
        )


@strawberry.input(
    description="Kinds of notice to switch on (true) or off; leave one out to keep it."
)
class NoticePreferencesInput:
    idea_invitation: bool | None = None
    introduction_request: bool | None = None
    group_proposal: bool | None = None

    def wanted(self) -> dict[str, bool]:
        given = {
            n.IDEA_INVITATION: self.idea_invitation,
            n.INTRODUCTION_REQUEST: self.introduction_request,
            n.GROUP_PROPOSAL: self.group_proposal,
        }
        return {kind: on for kind, on in given.items() if on is not None}


@strawberry.type(description="One try at sending a notice.")
class NoticeAttempt:
    at: str
    outcome: str = strawberry.field(description="sent, retry or failed.")
    error: str


@strawberry.type(description="An e-mail notice in the outbox, with every attempt to send it.")
class OutboxNotice:
    id: strawberry.ID
    kind: str
    recipient_id: strawberry.ID
    to: str
    subject: str
    status: str = strawberry.field(description="pending, sent or failed.")
    created: str
    next_attempt_at: str
    attempts: list[NoticeAttempt]

    @classmethod
    def from_domain(cls, x: n.Notice) -> OutboxNotice:
        return cls(
            id=strawberry.ID(x.id),
            kind=x.kind,
            recipient_id=strawberry.ID(x.recipient_id),
            to=x.to_email,
            subject=x.subject,
            status=x.status,
            created=x.created,
            next_attempt_at=x.next_attempt_at,
            attempts=[NoticeAttempt(at=a.at, outcome=a.outcome, error=a.error) for a in x.attempts],
        )
