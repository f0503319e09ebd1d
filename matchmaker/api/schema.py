"""The GraphQL schema: strawberry types kept apart from the domain types."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from matchmaker.adapters.schema import schema_version
from matchmaker.api.context import Context


@strawberry.type(description="Whether the service can reach its graph.")
class Health:
    neo4j: bool
    schema_version: int


@strawberry.type
class Query:
    @strawberry.field(description="Reachability of Neo4j and the applied schema version.")
    def health(self, info: Info[Context, None]) -> Health:
        graph = info.context.runtime.graph
        return Health(neo4j=graph.ping(), schema_version=schema_version(graph))


schema = strawberry.Schema(query=Query)
