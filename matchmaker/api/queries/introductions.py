"""Reads of introductions, invitations to ideas and notices: each person's own, and the
outbox for staff."""

from __future__ import annotations

import strawberry
from starlette.concurrency import run_in_threadpool

from matchmaker.api.context import AppInfo
from matchmaker.api.errors import PublicError
from matchmaker.api.permissions import MemberOnly, MemberOrPartner, StaffOnly, only
from matchmaker.api.types.introductions import (
    IdeaInvitation,
    IntroductionRequest,
    InvitedMember,
    MyIntroduction,
    NoticePreferences,
    OutboxNotice,
)
from matchmaker.errors import NotFound, PermissionDenied
from matchmaker.services import introductions, invitations, notices
from matchmaker.services.validation import InvalidFields


@strawberry.type
class IntroductionQueries:
    @strawberry.field(
        extensions=only(MemberOnly()), description="Requests to be introduced to you, newest first."
    )
    async def introduction_requests(self, info: AppInfo) -> list[IntroductionRequest]:
        ctx = info.context
        found = await run_in_threadpool(introductions.requests_to_me, ctx.runtime.graph, ctx.viewer)
        return [IntroductionRequest.from_domain(x) for x in found]

    @strawberry.field(
        extensions=only(MemberOrPartner()), description="Introductions you asked for, newest first."
    )
    async def my_introductions(self, info: AppInfo) -> list[MyIntroduction]:
        ctx = info.context
        found = await run_in_threadpool(introductions.my_requests, ctx.runtime.graph, ctx.viewer)
        return [MyIntroduction.from_domain(x) for x in found]

    @strawberry.field(
        extensions=only(MemberOnly()), description="Your invitations to ideas, newest first."
    )
    async def my_idea_invitations(self, info: AppInfo) -> list[IdeaInvitation]:
        ctx = info.context
        found = await run_in_threadpool(invitations.my_invitations, ctx.runtime.graph, ctx.viewer)
        return [IdeaInvitation.from_domain(x) for x in found]

    @strawberry.field(
        extensions=only(),
        description="Who was invited to an idea and how each stands: to its submitter (a "
        "decline reads not_available) and staff; null for anyone else.",
    )
    async def idea_invitations(
        self, info: AppInfo, idea_id: strawberry.ID
    ) -> list[InvitedMember] | None:
        ctx = info.context
        try:
            found = await run_in_threadpool(
                invitations.invited, ctx.runtime.graph, ctx.viewer, str(idea_id)
            )
        except (NotFound, PermissionDenied):
            return None
        return [InvitedMember.from_domain(x) for x in found]

    @strawberry.field(
        extensions=only(MemberOnly()), description="Which kinds of e-mail notice you get."
    )
    async def notice_preferences(self, info: AppInfo) -> NoticePreferences:
        ctx = info.context
        kinds = await run_in_threadpool(notices.preferences, ctx.runtime.graph, ctx.viewer)
        return NoticePreferences.of(kinds)

    @strawberry.field(
        extensions=only(StaffOnly()),
        description="The newest e-mail notices (at most 200), with every attempt to send them.",
    )
    async def outbox(
        self, info: AppInfo, limit: int = 50, status: str | None = None
    ) -> list[OutboxNotice]:
        ctx = info.context
        try:
            found = await run_in_threadpool(
                notices.recent, ctx.runtime.graph, ctx.viewer, limit, status
            )
        except InvalidFields as e:
            raise PublicError("; ".join(str(p) for p in e.problems)) from e
        return [OutboxNotice.from_domain(x) for x in found]
