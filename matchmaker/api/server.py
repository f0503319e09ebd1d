"""The GraphQL HTTP endpoint: bearer tokens, the body limit, and status codes for refusals.

- The token comes from `Authorization: Bearer`, or from the session cookie of a sign-in
  through the provider when the request carries the app's header (matchmaker.auth.cookies).
- A missing token means an anonymous caller; a malformed, tampered, expired or unknown
  token is refused with 401 before any resolver runs.
- A request whose every error is a refusal gets that refusal's status: 400 for an invalid
  or too costly document, 401/403 for permissions, 503 when the graph is down or the request
  ran past its time budget; partial data keeps 200.
- Operations run on the execution loop (matchmaker.api.executor), under the time budget.
"""

from __future__ import annotations

from typing import Any

from graphql import GraphQLError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.requests import Request, cookie_parser
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData
from strawberry.types import ExecutionResult

from matchmaker.api.body_checks import BodyChecks
from matchmaker.api.context import Context
from matchmaker.api.executor import ExecutionLoop, RequestTimedOut
from matchmaker.api.graphiql import GraphiQLPage
from matchmaker.api.limits import MAX_BODY_BYTES, STAFF_BODY_BYTES, BodyLimit
from matchmaker.api.schema import schema
from matchmaker.auth.cookies import cookie_token
from matchmaker.auth.roles import STAFF_ROLES
from matchmaker.auth.tokens import TokenRejected, read_token
from matchmaker.errors import Neo4jUnavailable
from matchmaker.services.auth import authenticate, known_viewer

STATUS_BY_CODE = {
    "UNAVAILABLE": 503,
    "TIMEOUT": 503,
    "UNAUTHENTICATED": 401,
    "FORBIDDEN": 403,
    "NOT_FOUND": 404,
    "BAD_USER_INPUT": 400,
    "INTERNAL": 500,
}


def bearer_token(header: str | None) -> str | None:
    """The token of an `Authorization: Bearer <token>` header; raises TokenRejected."""
    if not header:
        return None
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise TokenRejected("Send the token as `Authorization: Bearer <token>`.")
    return token.strip()


def _error(status: int, message: str, code: str) -> JSONResponse:
    body = {"errors": [{"message": message, "extensions": {"code": code}}]}
    headers = {"WWW-Authenticate": 'Bearer error="invalid_token"'} if status == 401 else None
    return JSONResponse(body, status_code=status, headers=headers)


def _status(result: ExecutionResult) -> int | None:
    if not result.errors or result.data is not None:
        return None
    codes = [(e.extensions or {}).get("code") for e in result.errors]
    for code, status in STATUS_BY_CODE.items():
        if code in codes:
            return status
    return 400


class MatchmakerGraphQL(GraphQL[Context, None]):
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        except TokenRejected as e:
            await _error(401, str(e), "UNAUTHENTICATED")(scope, receive, send)
        except Neo4jUnavailable:
            message = "The database is not reachable just now; please try again in a moment."
            await _error(503, message, "UNAVAILABLE")(scope, receive, send)

    async def get_context(self, request: Request | WebSocket, response: Any = None) -> Context:
        assert isinstance(request, Request)
        runtime = request.app.state.runtime
        token = bearer_token(request.headers.get("authorization"))
        token = token or cookie_token(request.cookies, request.headers)
        recent = runtime.recent_viewers
        viewer = known_viewer(runtime.settings, token, recent)
        if viewer is None:
            viewer = await run_in_threadpool(
                authenticate, runtime.graph, runtime.settings, token, recent
            )
        request.state.sub_response = response
        reader = request.app.state.reader
        return Context(request, response, runtime, viewer, reader)

    async def execute_operation(  # type: ignore[override]
        self,
        request: Request,
        request_adapter: Any,
        request_data: GraphQLRequestData,
        context: Context,
        root_value: None,
        sub_response: Response,
    ) -> Any:
        """The operation, run on the execution loop under the request time budget."""
        executor: ExecutionLoop = request.app.state.executor
        work = super().execute_operation(
            request, request_adapter, request_data, context, root_value, sub_response
        )
        try:
            return await executor.run(work, context.runtime.settings.request_timeout_s)
        except RequestTimedOut as e:
            return ExecutionResult(
                data=None, errors=[GraphQLError(str(e), extensions={"code": "TIMEOUT"})]
            )

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        status = _status(result)
        response: Response | None = getattr(request.state, "sub_response", None)
        if status is not None and response is not None:
            response.status_code = status
        return await super().process_result(request, result)


def body_limit_for(scope: Scope) -> int:
    """Staff (checked by signature only, no database) may send larger bodies, for imports."""
    headers = Headers(scope=scope)
    try:
        token = bearer_token(headers.get("authorization"))
        token = token or cookie_token(cookie_parser(headers.get("cookie", "")), headers)
        secret = scope["app"].state.runtime.settings.jwt_secret
        staff = token is not None and read_token(token, secret).role in STAFF_ROLES
    except (TokenRejected, AttributeError, KeyError):
        staff = False
    return STAFF_BODY_BYTES if staff else MAX_BODY_BYTES


def graphql_app() -> ASGIApp:
    """The /graphql endpoint, behind the request-size limit."""
    view = GraphiQLPage(BodyChecks(MatchmakerGraphQL(schema, graphql_ide=None)))
    return BodyLimit(view, limit_for=body_limit_for)
