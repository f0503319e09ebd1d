"""Request limits: body size (checked before any parsing), tokens, and the document's cost.

The cost (matchmaker.api.cost) is checked before the standard validation rules run, so a
document whose expansion is huge is refused before anything walks it. Parsed and validated
documents are kept by text (matchmaker.api.documents).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import suppress

from graphql import DocumentNode, GraphQLError, parse
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send
from strawberry.extensions.base_extension import SchemaExtension
from strawberry.schema.schema import validate_document

from matchmaker.api.cost import Budget, OverBudget, check, check_text
from matchmaker.api.documents import DocumentCache, Known
from matchmaker.api.request_body import read_body, replay

MAX_BODY_BYTES = 100 * 1024
STAFF_BODY_BYTES = 6 * 1024 * 1024  # staff send files through importData
MAX_TOKENS = 2000
BUDGET = Budget()
DOCUMENTS = DocumentCache()  # one per process: documents do not depend on the viewer
TOO_LONG = parse("{ __typename }")  # stands in for a text refused before parsing


class DocumentChecks(SchemaExtension):
    """Parses with the token cap, refuses a document or variables over the cost budget
    before the standard validation rules run, and keeps parsed and validated documents.

    Setting `pre_execution_errors` makes strawberry skip its own validation: some standard
    rules (overlapping fields) grow faster than the document does, and a known document
    needs none.
    """

    def __init__(self, budget: Budget = BUDGET, cache: DocumentCache = DOCUMENTS) -> None:
        self.budget = budget
        self.cache = cache
        self.known: Known | None = None
        self.refusal: OverBudget | None = None

    def on_operation(self) -> Iterator[None]:
        self.execution_context.parse_options["max_tokens"] = MAX_TOKENS
        yield

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        text = context.query
        if text and context.graphql_document is None:
            self.known = self.cache.get(text) or self._parse(text)
            if self.known is not None:
                context.graphql_document = self.known.document
        yield

    def _parse(self, text: str) -> Known | None:
        try:
            check_text(text, self.budget)
        except OverBudget as e:
            # Nothing parses the text; validation reports the refusal.
            self.refusal = e
            return Known(TOO_LONG)
        # On a syntax error strawberry parses it again, and reports the error.
        with suppress(GraphQLError):
            return self.cache.put(text, parse(text, max_tokens=MAX_TOKENS))
        return None

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        if document is not None:
            context.pre_execution_errors = self._errors(document)
        yield

    def _errors(self, document: DocumentNode) -> list[GraphQLError]:
        if self.refusal is not None:
            return [_too_costly(self.refusal)]
        known = self.known if self.known is not None else Known(document)
        refused = self._cost_errors(document, known)
        if refused:
            return refused
        if known.errors is None:
            context = self.execution_context
            rules = tuple(context.validation_rules)
            known.errors = validate_document(context.schema._schema, document, rules)
        return known.errors

    def _cost_errors(self, document: DocumentNode, known: Known) -> list[GraphQLError]:
        """The cost check's refusal, if any. A request that sends no variables costs what
        its text costs, so a known text is measured once (as it is validated once)."""
        variables = self.execution_context.variables
        fixed = not variables
        if fixed and known.cost is not None and known.cost[0] == self.budget:
            return known.cost[1]
        try:
            check(self.execution_context.schema._schema, document, variables, self.budget)
            refused: list[GraphQLError] = []
        except OverBudget as e:
            refused = [_too_costly(e)]
        if fixed:
            known.cost = (self.budget, refused)
        return refused


def _too_costly(refusal: OverBudget) -> GraphQLError:
    return GraphQLError(str(refusal), extensions={"code": "QUERY_TOO_COSTLY"})


def limit_extensions() -> list[Callable[[], SchemaExtension]]:
    """Parsing under the token cap, the cost caps, then validation, each document once."""
    return [DocumentChecks]


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
        body = None if _declared_too_large(scope, limit) else await read_body(receive, limit)
        if body is None:
            await _too_large(limit)(scope, receive, send)
            return
        await self.app(scope, replay(body, receive), send)


def _declared_too_large(scope: Scope, limit: int) -> bool:
    if len(scope.get("query_string", b"")) > limit:
        return True
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            return not value.isdigit() or int(value) > limit
    return False
