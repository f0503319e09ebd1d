"""E-mail notices: their kinds, their text, and when a failed one is tried again.

A notice is written to the outbox in the graph with the change that causes it and sent later
by the sender (matchmaker.services.notice_sender); nothing here sends or reads anything.
Times are seconds; `path` is an app route ("/profile"), made a link with the public URL.
"""

from __future__ import annotations

from dataclasses import dataclass

IDEA_INVITATION = "idea_invitation"
INTRODUCTION_REQUEST = "introduction_request"
GROUP_PROPOSAL = "group_proposal"
KINDS: tuple[str, ...] = (IDEA_INVITATION, INTRODUCTION_REQUEST, GROUP_PROPOSAL)

MAX_ATTEMPTS = 6  # then the notice is marked failed and kept for staff to see
MAX_DELAY_S = 6 * 3600.0
REQUESTS_PATH = "/profile"  # where invitations and introduction requests are answered


@dataclass(frozen=True)
class Draft:
    """A notice's content before it has an id and a recipient's address."""

    kind: str
    subject: str
    body: str
    path: str


@dataclass(frozen=True)
class Attempt:
    at: str
    outcome: str  # sent | retry | failed
    error: str = ""


@dataclass(frozen=True)
class Notice:
    """A notice in the outbox, as staff see it."""

    id: str
    kind: str
    recipient_id: str
    to_email: str
    subject: str
    status: str  # pending | sent | failed
    created: str
    next_attempt_at: str = ""
    attempts: tuple[Attempt, ...] = ()


@dataclass(frozen=True)
class Outgoing:
    """A claimed notice, ready to be sent."""

    id: str
    to_email: str
    subject: str
    body: str
    path: str
    attempts: int  # attempts made before this one


def idea_invitation(inviter: str, idea_title: str) -> Draft:
    return Draft(
        IDEA_INVITATION,
        f'{_short(inviter)} invited you to the idea "{_short(idea_title)}"',
        f'{inviter} invited you to join the idea "{idea_title}" in the IPEM matchmaker.\n'
        "You can accept or decline the invitation in the app; a decline is never explained "
        "to them.",
        REQUESTS_PATH,
    )


def introduction_request(requester: str, about: str, message: str) -> Draft:
    quoted = "\n".join(f"> {line}" for line in message.splitlines()) if message else ""
    return Draft(
        INTRODUCTION_REQUEST,
        f"{_short(requester)} asks to be introduced to you",
        f"{requester} asks to be introduced to you about: {about}\n\n{quoted}\n\n"
        "Your e-mail address is shared only if you accept. If you decline, they are told only "
        "that you are not available.",
        REQUESTS_PATH,
    )


def group_proposal(group_name: str, group_id: str) -> Draft:
    return Draft(
        GROUP_PROPOSAL,
        f'You are invited to join the group "{_short(group_name)}"',
        f'STERIC staff propose you as a member of the Task-and-Finish group "{group_name}".\n'
        "You can accept or decline in the app.",
        f"/groups/{group_id}",
    )


def email_text(body: str, link: str) -> str:
    """The e-mail's plain text: the notice, its link and how to stop this kind of notice."""
    return (
        f"{body}\n\nOpen the matchmaker: {link}\n\n"
        "--\nYou get this because of your IPEM matchmaker profile. You can switch each kind "
        "of notice off on your profile page."
    )


def link(public_url: str, path: str) -> str:
    """An app route as an address: the app routes after the '#'."""
    return f"{public_url.rstrip('/')}/#{path}"


def retry_delay(attempts_made: int, first_s: float) -> float | None:
    """Seconds to wait before the next try after `attempts_made` failed ones (1, 2, ...):
    doubling from `first_s`, at most MAX_DELAY_S; None when it is time to give up."""
    if attempts_made >= MAX_ATTEMPTS:
        return None
    return min(first_s * 2.0 ** (attempts_made - 1), MAX_DELAY_S)


def unknown_kinds(kinds: tuple[str, ...]) -> list[str]:
    return [k for k in kinds if k not in KINDS]


def _short(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
