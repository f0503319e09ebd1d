"""Who may call an operation, and who may read a private field: one class per rule.

Operation permissions refuse with a clear message and a code (UNAUTHENTICATED when nobody is
signed in, FORBIDDEN otherwise). Field permissions fail silently: the field reads null, as if
the value did not exist for this viewer. Which *nodes* exist for whom is decided in the
graph queries (graph_schema/queries/api_visibility.py), not here.
"""

from __future__ import annotations

from typing import Any, ClassVar

from graphql import GraphQLErrorExtensions
from strawberry.extensions import FieldExtension
from strawberry.permission import BasePermission, PermissionExtension

from matchmaker.api.context import AppInfo
from matchmaker.auth.roles import Role


class RolePermission(BasePermission):
    """Allows the roles in `allowed`; anyone else is refused with `message` (FORBIDDEN)."""

    allowed: frozenset[Role] = frozenset()
    code: ClassVar[str] = "FORBIDDEN"

    def __init__(self) -> None:
        self.error_extensions: GraphQLErrorExtensions | None = {"code": self.code}

    def has_permission(self, source: Any, info: AppInfo, **kwargs: Any) -> bool:
        return info.context.viewer.role in self.allowed


class SignedIn(RolePermission):
    message = "Sign in first: this needs a member, partner or STERIC staff account."
    code = "UNAUTHENTICATED"
    allowed = frozenset({Role.MEMBER, Role.PARTNER, Role.STAFF, Role.ADMIN})


class MemberOnly(RolePermission):
    message = "Only members can do this."
    allowed = frozenset({Role.MEMBER})


class MemberOrPartner(RolePermission):
    message = "Only members and partners can do this."
    allowed = frozenset({Role.MEMBER, Role.PARTNER})


class MemberOrStaff(RolePermission):
    message = "Only members and STERIC staff can do this."
    allowed = frozenset({Role.MEMBER, Role.STAFF, Role.ADMIN})


class StaffOnly(RolePermission):
    message = "Only STERIC staff can do this."
    allowed = frozenset({Role.STAFF, Role.ADMIN})


class AdminOnly(RolePermission):
    message = "Only administrators can do this."
    allowed = frozenset({Role.ADMIN})


class CanSeeContact(BasePermission):
    """A member's email (privacy.sees_contact): staff, the member, members when the member
    agreed, and whoever the member accepted an introduction with."""

    async def has_permission(self, source: Any, info: AppInfo, **kwargs: Any) -> bool:
        record, viewer = source.record, info.context.viewer
        if viewer.sees_contact_of(record.id, record.visible_to_members):
            return True
        if viewer.role not in (Role.MEMBER, Role.PARTNER):
            return False
        introduced = await info.context.loaders.introduced().load(record.id)
        return viewer.sees_contact_of(record.id, record.visible_to_members, introduced)


class SelfOrStaff(BasePermission):
    """A member's consent and capacity: the member themselves and staff."""

    def has_permission(self, source: Any, info: AppInfo, **kwargs: Any) -> bool:
        viewer = info.context.viewer
        return viewer.is_staff or viewer.id == source.record.id


class IdeaOwnerOrStaff(BasePermission):
    """Who is interested in or invited to an idea: its submitter and staff."""

    def has_permission(self, source: Any, info: AppInfo, **kwargs: Any) -> bool:
        viewer = info.context.viewer
        return viewer.is_staff or viewer.member_id == source.record.submitted_by


def only(*roles: RolePermission) -> list[FieldExtension]:
    """Refuse anonymous callers (UNAUTHENTICATED), then callers outside `roles` (FORBIDDEN)."""
    return [PermissionExtension(permissions=[SignedIn(), *roles])]


def hidden_unless(*permissions: BasePermission) -> list[FieldExtension]:
    """Field extensions that read null (or []) for callers lacking `permissions`."""
    return [PermissionExtension(permissions=list(permissions), fail_silently=True)]


class SelfOrPartnerStaff(BasePermission):
    """A partner's own interests: the partner themselves and staff."""

    def has_permission(self, source: Any, info: AppInfo, **kwargs: Any) -> bool:
        viewer = info.context.viewer
        return viewer.is_staff or viewer.partner_id == source.record.id
