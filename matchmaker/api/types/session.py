"""Who is signed in, the demo identities, and a fresh sign-in."""

from __future__ import annotations

import strawberry

from graph_schema import model as m
from matchmaker.api.context import AppInfo
from matchmaker.api.types import load
from matchmaker.api.types.bodies import Partner
from matchmaker.api.types.enums import Role
from matchmaker.api.types.people import Member
from matchmaker.auth.roles import Viewer as ViewerRecord


@strawberry.type(description="The caller: anonymous, or a signed-in member, partner or staff user.")
class Viewer:
    record: strawberry.Private[ViewerRecord]
    id: strawberry.ID
    role: Role
    name: str

    @classmethod
    def from_domain(cls, r: ViewerRecord) -> Viewer:
        return cls(record=r, id=strawberry.ID(r.id), role=r.role, name=r.name)

    @strawberry.field(description="Your member record, when you are a member.")
    async def member(self, info: AppInfo) -> Member | None:
        return Member.maybe(await load.node(info, m.MEMBER, self.record.member_id))

    @strawberry.field(description="Your partner record, when you are a partner.")
    async def partner(self, info: AppInfo) -> Partner | None:
        found = await load.node(info, m.PARTNER, self.record.partner_id)
        return None if found is None else Partner.from_domain(found)


@strawberry.type(description="An identity the demo sign-in offers.")
class DemoUser:
    id: strawberry.ID
    role: Role
    name: str
    description: str


@strawberry.type(description="A bearer token: send it as `Authorization: Bearer <token>`.")
class SignedIn:
    token: str
    expires_in_seconds: int
    viewer: Viewer
