"""STERIC's analytics: the silo map (silos.py), activity per theme, members' load."""

from __future__ import annotations

from collections.abc import Callable

import strawberry
from starlette.concurrency import run_in_threadpool

from graph_schema import model as m
from matchmaker.adapters.graph import Graph
from matchmaker.api.context import AppInfo
from matchmaker.api.pagination import Connection, connection, window
from matchmaker.api.types import silos
from matchmaker.api.types.people import Member
from matchmaker.api.types.silos import SiloCellResult, SiloMap
from matchmaker.api.types.work import Theme
from matchmaker.services import analytics


@strawberry.type(description="Ideas, groups and calls addressing one theme.")
class ThemeActivity:
    theme: Theme | None
    ideas: int
    groups: int
    active_task_groups: int
    calls: int


@strawberry.type(description="A member and the active task groups and committees they sit on.")
class MemberLoad:
    member: Member | None
    active_groups: int


LoadReader = Callable[[Graph, tuple[int, int]], tuple[list[tuple[str, int]], int]]


async def _loads(
    info: AppInfo, read: LoadReader, first: int | None, after: str | None
) -> Connection[MemberLoad]:
    skip, limit = window(first, after)
    rows, total = await run_in_threadpool(read, info.context.runtime.graph, (skip, limit))
    members = await info.context.loaders.node(m.MEMBER).load_many([i for i, _ in rows])
    loads = [
        MemberLoad(member=Member.maybe(r), active_groups=n)
        for r, (_, n) in zip(members, rows, strict=True)
    ]
    return connection(loads, total, skip, lambda x: x)


@strawberry.type(description="Analytics for STERIC staff.")
class Analytics:
    silo_map: SiloMap = strawberry.field(
        resolver=silos.silo_map,
        description="Pairs of SIGs, disciplines or sectors and whether they ever work together.",
    )
    silo_cell: SiloCellResult = strawberry.field(
        resolver=silos.silo_cell,
        description="The ideas and groups behind one cell of the silo map (counts, never who).",
    )

    @strawberry.field(description="Ideas, groups and calls per theme, busiest first.")
    async def theme_activity(self, info: AppInfo) -> list[ThemeActivity]:
        counts = await run_in_threadpool(analytics.theme_activity, info.context.runtime.graph)
        themes = await info.context.loaders.node(m.THEME).load_many([c.theme_id for c in counts])
        return [
            ThemeActivity(
                theme=None if t is None else Theme.from_domain(t),
                ideas=c.ideas,
                groups=c.groups,
                active_task_groups=c.active_task_groups,
                calls=c.calls,
            )
            for c, t in zip(counts, themes, strict=True)
        ]

    @strawberry.field(description="Members on more active groups than they allow.")
    async def overloaded_members(
        self, info: AppInfo, first: int | None = None, after: str | None = None
    ) -> Connection[MemberLoad]:
        return await _loads(info, analytics.overloaded_members, first, after)

    @strawberry.field(description="Members in no task group or committee and on no idea.")
    async def uninvolved_members(
        self, info: AppInfo, first: int | None = None, after: str | None = None
    ) -> Connection[MemberLoad]:
        return await _loads(info, analytics.uninvolved_members, first, after)
