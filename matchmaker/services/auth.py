"""Signing in and knowing who is asking: tokens become viewers, checked against the graph."""

from __future__ import annotations

from dataclasses import dataclass

from matchmaker.adapters import identities
from matchmaker.adapters.audit import AuditEntry, write_audited
from matchmaker.adapters.graph import Graph
from matchmaker.auth.accounts import STAFF_ACCOUNTS, account_for_role, staff_account
from matchmaker.auth.recent import RecentViewers
from matchmaker.auth.roles import ANONYMOUS, STAFF_ROLES, Role, Viewer
from matchmaker.auth.tokens import Claims, TokenRejected, issue_token, read_token
from matchmaker.config import Settings
from matchmaker.errors import NotFound, PermissionDenied


@dataclass(frozen=True)
class SignedIn:
    token: str
    viewer: Viewer
    expires_in_s: int


@dataclass(frozen=True)
class DemoUser:
    viewer: Viewer
    description: str


def viewer_for(graph: Graph, subject: str, role: Role) -> Viewer | None:
    """The viewer a subject id stands for in `role`, or None if there is no such person."""
    if role is Role.MEMBER:
        name = identities.member_name(graph, subject)
    elif role is Role.PARTNER:
        name = identities.partner_name(graph, subject)
    else:
        return staff_account(subject, role)
    return None if name is None else Viewer(subject, role, name)


def authenticate(
    graph: Graph, settings: Settings, token: str | None, recent: RecentViewers | None = None
) -> Viewer:
    """The viewer a bearer token stands for (ANONYMOUS without one); raises TokenRejected.
    With `recent`, a viewer confirmed there lately is not read from the graph again."""
    return known_viewer(settings, token, recent) or _confirmed(graph, settings, token, recent)


def known_viewer(
    settings: Settings, token: str | None, recent: RecentViewers | None
) -> Viewer | None:
    """The viewer for `token` when no graph read is needed (no token, or confirmed lately),
    else None; raises TokenRejected for a bad token. Cheap enough for the event loop."""
    if not token:
        return ANONYMOUS
    claims = read_token(token, settings.jwt_secret)
    staff = _provider_staff(claims)
    if staff is not None:
        return staff
    return None if recent is None else recent.get(claims.subject, claims.role)


def _provider_staff(claims: Claims) -> Viewer | None:
    """Staff and admins who signed in through the identity provider are not built-in
    accounts: the provider vouched for them, and this server's signed token says so."""
    if claims.provider and claims.role in STAFF_ROLES:
        return Viewer(claims.subject, claims.role, claims.name)
    return None


def _confirmed(
    graph: Graph, settings: Settings, token: str | None, recent: RecentViewers | None
) -> Viewer:
    claims = read_token(token or "", settings.jwt_secret)
    viewer = viewer_for(graph, claims.subject, claims.role)
    if viewer is None:
        raise TokenRejected(f"The sign-in token names no known {claims.role.value}.")
    if recent is not None:
        recent.put(viewer)
    return viewer


def sign_in(graph: Graph, settings: Settings, subject: str | None, role: Role) -> SignedIn:
    """A token for a demo identity; raises PermissionDenied when demo sign-in is off and
    NotFound when the member, partner or account does not exist. Every attempt is audited
    (signIn, or signInRefused with the reason), staff and admin sign-ins included."""
    try:
        if not settings.demo_sign_in:
            raise PermissionDenied("Demo sign-in is switched off on this server.")
        viewer = _demo_viewer(graph, subject, role)
    except (PermissionDenied, NotFound) as refusal:
        _audit(graph, AuditEntry(subject or "", role.value, "signInRefused", "", str(refusal)))
        raise
    _audit(graph, AuditEntry(viewer.id, viewer.audience, "signIn", viewer.id, "demo sign-in"))
    token = issue_token(viewer.id, viewer.role, settings.jwt_secret, settings.token_ttl_s)
    return SignedIn(token, viewer, settings.token_ttl_s)


def _audit(graph: Graph, entry: AuditEntry) -> None:
    write_audited(graph, entry, [])


def _demo_viewer(graph: Graph, subject: str | None, role: Role) -> Viewer:
    if role in (Role.STAFF, Role.ADMIN) and not subject:
        account = account_for_role(role)
        if account is not None:
            return account
    viewer = viewer_for(graph, subject or "", role)
    if viewer is None:
        raise NotFound(role.value, subject or "")
    return viewer


def demo_users(graph: Graph, members: int = 2, partners: int = 1) -> list[DemoUser]:
    """A handful of identities for the sign-in picker: members, staff, a partner, an admin."""
    people = [
        DemoUser(Viewer(i.id, Role.MEMBER, i.name), f"Member ({i.detail})")
        for i in identities.demo_members(graph, members)
    ]
    bodies = [
        DemoUser(Viewer(i.id, Role.PARTNER, i.name), f"External partner ({i.detail})")
        for i in identities.demo_partners(graph, partners)
    ]
    staff = [DemoUser(a, _STAFF_TEXT[a.role]) for a in STAFF_ACCOUNTS]
    return [*people, *staff, *bodies]


_STAFF_TEXT = {
    Role.STAFF: "STERIC staff: task groups, analytics, imports",
    Role.ADMIN: "Administrator: everything, including the audit log",
}

__all__ = ["DemoUser", "SignedIn", "TokenRejected", "authenticate", "demo_users", "sign_in"]
