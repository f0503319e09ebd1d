"""Roles and the viewer every read and write is made on behalf of.

A viewer's `looker` is who the privacy policy (matchmaker.domain.privacy, docs/privacy.md)
decides for; the graph queries pre-filter by `audience` the same way (graph_schema/queries/
api_visibility.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from matchmaker.domain.privacy import Looker, sees_contact


class Role(StrEnum):
    ANONYMOUS = "anonymous"
    MEMBER = "member"
    STAFF = "staff"  # STERIC staff
    PARTNER = "partner"
    ADMIN = "admin"


STAFF_ROLES = frozenset({Role.STAFF, Role.ADMIN})
SIGNED_IN_ROLES = frozenset({Role.MEMBER, Role.STAFF, Role.PARTNER, Role.ADMIN})


@dataclass(frozen=True)
class Viewer:
    """The signed-in person (or nobody): their id, role and display name."""

    id: str
    role: Role
    name: str = ""

    @property
    def audience(self) -> str:
        return self.role.value

    @property
    def looker(self) -> Looker:
        """This viewer as the privacy policy knows them (matchmaker.domain.privacy)."""
        return Looker(self.role.value, self.id)

    @property
    def is_staff(self) -> bool:
        return self.role in STAFF_ROLES

    @property
    def signed_in(self) -> bool:
        return self.role in SIGNED_IN_ROLES

    @property
    def member_id(self) -> str | None:
        return self.id if self.role is Role.MEMBER else None

    @property
    def partner_id(self) -> str | None:
        return self.id if self.role is Role.PARTNER else None

    def sees_contact_of(
        self, member_id: str, visible_to_members: bool, introduced: bool = False
    ) -> bool:
        """Whether this viewer may read a member's contact details (privacy.sees_contact)."""
        return sees_contact(self.looker, member_id, visible_to_members, introduced)


ANONYMOUS = Viewer(id="", role=Role.ANONYMOUS, name="")
