"""Request limits: body size (checked before any parsing), tokens, and the document's cost.

The cost (matchmaker.api.cost) is checked before the standard validation rules run, so a
document whose expansion is huge is refused before anything walks it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from graphql import GraphQLError
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from strawberry.extensions import MaxTokensLimiter
from strawberry.extensions.base_extension import SchemaExtension

from matchmaker.api.cost import Budget, OverBudget, check

MAX_BODY_BYTES = 100 * 1024
STAFF_BODY_BYTES = 6 * 1024 * 1024  # staff send files through importData
MAX_TOKENS = 2000
BUDGET = Budget()


class CostLimiter(SchemaExtension):
    """Refuses, before validation, a document or variables that pass one of the budget's caps.

    Setting `pre_execution_errors` makes strawberry skip the standard validation rules, some
    of which (overlapping fields) grow faster than the document does.
    """

    def __init__(self, budget: Budget = BUDGET) -> None:
        self.budget = budget

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        if context.graphql_document is not None:
            try:
                check(
                    context.schema._schema, context.graphql_document, context.variables, self.budget
                )
            except OverBudget as e:
                context.pre_execution_errors = [
                    GraphQLError(str(e), extensions={"code": "QUERY_TOO_COSTLY"})
                ]
        yield


def limit_extensions() -> list[Callable[[], SchemaExtension]]:
    """The token cap (applied while parsing) and the cost caps (before validation)."""
    return [lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS), CostLimiter]


def _too_large(limit: int) -> JSONResponse:
    message = f"The request is larger than {limit // 1024} KB; send a smaller one."
    body = {"errors": [{"message": message, "extensions": {"code": "PAYLOAD_TOO_LARGE"}}]}
    return JSONResponse(body, status_code=413)


LimitFor = Callable[[Scope], int]


class BodyLimit:
    """Answers 413 to a request whose body or query string exceeds its limit in bytes.

    The body is read (up to the limit) before the wrapped app sees it, then replayed, so
    nothing parses an oversized document. `limit_for` may raise the limit for a request
    (staff imports); by default every request gets `limit`.
    """

    def __init__(
        self, app: ASGIApp, limit: int = MAX_BODY_BYTES, limit_for: LimitFor | None = None
    ) -> None:
        self.app = app
        self.limit_for: LimitFor = limit_for or (lambda _: limit)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope)
        body = None if _declared_too_large(scope, limit) else await _read(receive, limit)
        if body is None:
            await _too_large(limit)(scope, receive, send)
            return
        await self.app(scope, _replay(body, receive), send)


def _declared_too_large(scope: Scope, limit: int) -> bool:
    if len(scope.get("query_string", b"")) > limit:
        return True
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            return not value.isdigit() or int(value) > limit
    return False


async def _read(receive: Receive, limit: int) -> bytes | None:
    """The whole body, or None as soon as it passes `limit` bytes."""
    body = bytearray()
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return bytes(body)
        body += message.get("body", b"")
        if len(body) > limit:
            return None
        if not message.get("more_body", False):
            return bytes(body)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replay
