"""Who an identity provider's account is here: a role from the mapping, or a member found by
a claim or by verified e-mail; then this server's own token for them. Every sign-in and every
refusal is audited."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from matchmaker.adapters import accounts, identities
from matchmaker.adapters.audit import AuditEntry, write_audited
from matchmaker.adapters.graph import Graph
from matchmaker.auth.role_mapping import RoleMapping
from matchmaker.auth.roles import STAFF_ROLES, Role, Viewer
from matchmaker.auth.tokens import issue_token
from matchmaker.config import Settings
from matchmaker.errors import MatchmakerError

PROVIDER = "oidc"


class AccountNotLinked(MatchmakerError):
    """A provider's account that is no member here and holds no role in the mapping."""


@dataclass(frozen=True)
class ProviderSession:
    token: str
    viewer: Viewer
    expires_in_s: int


def sign_in_account(
    graph: Graph, settings: Settings, mapping: RoleMapping, claims: Mapping[str, object]
) -> ProviderSession:
    """This server's token for the account the verified `claims` describe; raises
    AccountNotLinked saying why no one here matches, Neo4jUnavailable when the graph is down."""
    subject = _account(claims)
    try:
        viewer = viewer_for_account(graph, mapping, claims)
    except AccountNotLinked as refusal:
        write_audited(
            graph, AuditEntry(subject, "anonymous", "signInRefused", "", str(refusal)), []
        )
        raise
    detail = f"sign-in through {settings.oidc.display_name} as {subject}"
    write_audited(graph, AuditEntry(viewer.id, viewer.audience, "signIn", viewer.id, detail), [])
    ttl = settings.token_ttl_s
    token = issue_token(
        viewer.id, viewer.role, settings.jwt_secret, ttl, name=viewer.name, provider=PROVIDER
    )
    return ProviderSession(token, viewer, ttl)


def viewer_for_account(graph: Graph, mapping: RoleMapping, claims: Mapping[str, object]) -> Viewer:
    """Staff and admins by a mapped role, partners by a mapped role and their partner id,
    everyone else as the member a claim or their verified e-mail names."""
    role = mapping.role_for(claims)
    if role in STAFF_ROLES:
        assert role is not None
        return Viewer(_account(claims), role, _name(claims))
    if role is Role.PARTNER:
        return _partner(graph, mapping, claims)
    return _member(graph, mapping, claims)


def _partner(graph: Graph, mapping: RoleMapping, claims: Mapping[str, object]) -> Viewer:
    partner_id = mapping.partner_id(claims)
    if partner_id is None:
        raise AccountNotLinked(
            f"Your account {_account(claims)} is a partner's, but the provider sent no "
            f"{mapping.partner_id_claim or 'partner id'} claim naming your organisation here."
        )
    name = identities.partner_name(graph, partner_id)
    if name is None:
        raise AccountNotLinked(f"Your account names the partner {partner_id!r}, not known here.")
    return Viewer(partner_id, Role.PARTNER, name)


def _member(graph: Graph, mapping: RoleMapping, claims: Mapping[str, object]) -> Viewer:
    member_id = mapping.member_id(claims)
    if member_id is not None:
        name = identities.member_name(graph, member_id)
        if name is None:
            raise AccountNotLinked(f"Your account names the member {member_id!r}, not known here.")
        return Viewer(member_id, Role.MEMBER, name)
    email = mapping.verified_email(claims)
    if email is None:
        raise AccountNotLinked(_unlinked(claims))
    found = accounts.members_by_email(graph, email)
    if len(found) != 1:
        raise AccountNotLinked(
            _unlinked(claims)
            if not found
            else f"More than one member has the e-mail {email}: "
            "ask STERIC staff to correct the records."
        )
    return Viewer(found[0].id, Role.MEMBER, found[0].name)


def _unlinked(claims: Mapping[str, object]) -> str:
    email = claims.get("email")
    verified = claims.get("email_verified") is True
    if isinstance(email, str) and email and not verified:
        return (
            f"Your provider has not verified the e-mail address {email}, so it cannot be "
            "matched to a member. Verify it with your provider, or ask STERIC staff."
        )
    known = f" with the e-mail {email}" if isinstance(email, str) and email else ""
    return (
        f"No member of the matchmaker is registered{known}, and your account has no staff or "
        "partner role here. If you are an IPEM member, ask STERIC staff to add this address "
        "to your record."
    )


def _account(claims: Mapping[str, object]) -> str:
    """A readable id for the account: its e-mail when verified, else the provider's subject."""
    email = claims.get("email")
    if claims.get("email_verified") is True and isinstance(email, str) and email:
        return email.lower()
    return str(claims.get("sub", ""))


def _name(claims: Mapping[str, object]) -> str:
    for key in ("name", "preferred_username", "email"):
        value = claims.get(key)
        if isinstance(value, str) and value:
            return value
    return _account(claims)
