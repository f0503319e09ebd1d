"""neighbourhood: a node and its surroundings for the graph view."""

from __future__ import annotations

from typing import Annotated

import strawberry

from matchmaker.api.context import AppInfo
from matchmaker.api.errors import NotAllowed, NotFound, ValidationErrors
from matchmaker.api.mutations.outcome import attempt
from matchmaker.api.permissions import only
from matchmaker.api.types.graph_view import Neighbourhood
from matchmaker.services import graph_view

NeighbourhoodResult = Annotated[
    Neighbourhood | NotFound | ValidationErrors | NotAllowed,
    strawberry.union("NeighbourhoodResult"),
]


@strawberry.type
class GraphQueries:
    @strawberry.field(
        extensions=only(), description="Nodes and edges up to `depth` (1-3) hops away."
    )
    async def neighbourhood(
        self, info: AppInfo, id: strawberry.ID, depth: int = 1
    ) -> NeighbourhoodResult:
        ctx = info.context
        args = (ctx.runtime.graph, ctx.viewer, str(id), depth)
        found = await attempt(graph_view.neighbourhood, *args)
        if isinstance(found, graph_view.Neighbourhood):
            return Neighbourhood.from_domain(found)
        return found
