"""The strawberry ASGI app with the request context built per request."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL

from matchmaker.api.context import Context
from matchmaker.api.schema import schema


class MatchmakerGraphQL(GraphQL[Context, None]):
    async def get_context(self, request: Request | WebSocket, response: Any = None) -> Context:
        assert isinstance(request, Request)
        return Context(request=request, runtime=request.app.state.runtime)


def graphql_app() -> MatchmakerGraphQL:
    return MatchmakerGraphQL(schema, graphql_ide="graphiql")
