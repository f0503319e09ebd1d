"""signIn: the demo sign-in, as a member, a partner, or a staff or admin account."""

from __future__ import annotations

from typing import Annotated

import strawberry

from matchmaker.api.context import AppInfo
from matchmaker.api.errors import NotAllowed, NotFound, ValidationErrors
from matchmaker.api.mutations.outcome import attempt
from matchmaker.api.types.session import SignedIn, Viewer
from matchmaker.auth.roles import Role
from matchmaker.auth.roles import Role as RoleValue
from matchmaker.services import auth
from matchmaker.services.validation import Checks


@strawberry.input(
    description="Give exactly one: a member id, a partner id, or the role STAFF or ADMIN."
)
class SignInInput:
    member_id: strawberry.ID | None = None
    partner_id: strawberry.ID | None = None
    role: Role | None = None


SignInResult = Annotated[
    SignedIn | ValidationErrors | NotFound | NotAllowed, strawberry.union("SignInResult")
]


def _subject(input: SignInInput) -> tuple[str | None, RoleValue]:
    """(subject, role) from the input; raises InvalidFields unless exactly one is given."""
    checks = Checks()
    given = [v for v in (input.member_id, input.partner_id, input.role) if v is not None]
    if len(given) != 1:
        checks.fail("input", "give exactly one of memberId, partnerId or role")
    if input.role is not None and input.role not in (RoleValue.STAFF, RoleValue.ADMIN):
        checks.fail("role", "must be STAFF or ADMIN; members and partners sign in by id")
    checks.ident("memberId", input.member_id)
    checks.ident("partnerId", input.partner_id)
    checks.done()
    if input.member_id is not None:
        return str(input.member_id), RoleValue.MEMBER
    if input.partner_id is not None:
        return str(input.partner_id), RoleValue.PARTNER
    return None, RoleValue(input.role or RoleValue.STAFF)


@strawberry.type
class SessionMutations:
    @strawberry.mutation(description="Demo sign-in: a token for a member, partner, staff or admin.")
    async def sign_in(self, info: AppInfo, input: SignInInput) -> SignInResult:
        runtime = info.context.runtime

        def run() -> auth.SignedIn:
            subject, role = _subject(input)
            return auth.sign_in(runtime.graph, runtime.settings, subject, role)

        result = await attempt(run)
        if isinstance(result, auth.SignedIn):
            viewer = Viewer.from_domain(result.viewer)
            return SignedIn(
                token=result.token, expires_in_seconds=result.expires_in_s, viewer=viewer
            )
        return result
