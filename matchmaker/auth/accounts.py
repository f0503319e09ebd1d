"""The STERIC staff and admin accounts: not members of the graph, known to the service.

Members and partners sign in as themselves (their node must exist); staff and admins sign in
as one of these accounts.
"""

from __future__ import annotations

from matchmaker.auth.roles import Role, Viewer

STAFF_ACCOUNTS: tuple[Viewer, ...] = (
    Viewer(id="staff-steric", role=Role.STAFF, name="STERIC officer"),
    Viewer(id="admin-ipem", role=Role.ADMIN, name="IPEM administrator"),
)


def staff_account(account_id: str, role: Role) -> Viewer | None:
    """The staff or admin account with this id and role, or None."""
    for account in STAFF_ACCOUNTS:
        if account.id == account_id and account.role is role:
            return account
    return None


def account_for_role(role: Role) -> Viewer | None:
    """The first account holding `role` (the demo sign-in picks it)."""
    return next((a for a in STAFF_ACCOUNTS if a.role is role), None)
