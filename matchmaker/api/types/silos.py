"""The silo map and its drill-down: which categories work together, and on what.

Like the rest of the analytics, both report counts of members, never who: a cell lists the
ideas and groups behind it with how many of their members come from each side.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import strawberry
from starlette.concurrency import run_in_threadpool

from graph_schema import model as m
from matchmaker.adapters.analytics import CellLink
from matchmaker.api.context import AppInfo
from matchmaker.api.errors import ValidationErrors
from matchmaker.api.types.refs import GroupRef, IdeaRef
from matchmaker.errors import InvalidInput
from matchmaker.services import analytics


@strawberry.enum(description="What the silo map compares.")
class SiloDimension(Enum):
    SIG = "sig"
    DISCIPLINE = "discipline"
    SECTOR = "sector"


@strawberry.type(description="Two categories and how many ideas or groups involve both.")
class CategoryPair:
    a: str
    b: str
    together: int


@strawberry.type(
    description="Which categories work together on ideas and groups, and which never do."
)
class SiloMap:
    dimension: SiloDimension
    categories: list[str]
    pairs: list[CategoryPair]
    silos: list[CategoryPair] = strawberry.field(description="Pairs with no shared idea or group.")


@strawberry.type(
    description="An idea or a group behind a silo-map cell, and how many of its members come "
    "from each of the two categories (a member in both counts for both)."
)
class SiloLink:
    link: strawberry.Private[CellLink]
    from_a: int
    from_b: int

    @strawberry.field(description="The idea, when the link is an idea.")
    async def idea(self, info: AppInfo) -> IdeaRef | None:
        from matchmaker.api.types.work import Idea

        if not self.link.is_idea:
            return None
        found = await info.context.loaders.node(m.IDEA).load(self.link.work_id)
        return None if found is None else Idea.from_domain(found)

    @strawberry.field(description="The task group or committee, when the link is a group.")
    async def group(self, info: AppInfo) -> GroupRef | None:
        from matchmaker.api.types.bodies import Group

        if self.link.is_idea:
            return None
        found = await info.context.loaders.node(m.GROUP).load(self.link.work_id)
        return None if found is None else Group.from_domain(found)


@strawberry.type(description="One cell of the silo map: the ideas and groups linking a and b.")
class SiloCell:
    dimension: SiloDimension
    a: str
    b: str
    together: int = strawberry.field(description="How many ideas and groups link them.")
    links: list[SiloLink] = strawberry.field(description="Most involved first.")


SiloCellResult = Annotated[SiloCell | ValidationErrors, strawberry.union("SiloCellResult")]


def _pairs(items: tuple[analytics.Pair, ...]) -> list[CategoryPair]:
    return [CategoryPair(a=p.a, b=p.b, together=p.together) for p in items]


async def silo_map(info: AppInfo, dimension: SiloDimension) -> SiloMap:
    found = await run_in_threadpool(analytics.silo_map, info.context.runtime.graph, dimension.value)
    return SiloMap(
        dimension=dimension,
        categories=list(found.categories),
        pairs=_pairs(found.pairs),
        silos=_pairs(found.silos),
    )


async def silo_cell(info: AppInfo, dimension: SiloDimension, a: str, b: str) -> SiloCellResult:
    args = (info.context.runtime.graph, dimension.value, a, b)
    try:
        found = await run_in_threadpool(analytics.silo_cell, *args)
    except InvalidInput as e:
        return ValidationErrors.of([e])
    links = [SiloLink(link=x, from_a=x.from_a, from_b=x.from_b) for x in found.links]
    return SiloCell(dimension=dimension, a=a, b=b, together=len(links), links=links)
