"""Whether the service can reach its graph."""

from __future__ import annotations

import strawberry
from starlette.concurrency import run_in_threadpool

from matchmaker.adapters.graph import Graph
from matchmaker.adapters.schema import schema_version
from matchmaker.api.context import AppInfo


@strawberry.type(description="Whether the service can reach its graph.")
class Health:
    neo4j: bool
    schema_version: int


def _health(graph: Graph) -> Health:
    return Health(neo4j=graph.ping(), schema_version=schema_version(graph))


@strawberry.type
class HealthQueries:
    @strawberry.field(description="Reachability of Neo4j and the applied schema version.")
    async def health(self, info: AppInfo) -> Health:
        return await run_in_threadpool(_health, info.context.runtime.graph)
