"""The /graphql endpoint's request checks, as an ASGI wrapper around the GraphQL view.

The body (already bounded by `BodyLimit`) is read whole and checked by the rules in
`request_checks`; a bad request is answered 400 or 415 here, with a JSON error body, and a
good one is replayed, byte for byte, to the view. Strawberry answers a few refusals of its
own (a mutation over GET, an unknown operationName) as plain text: those are rewritten into
the same JSON shape, so a client always gets `{"errors": [{"message", "extensions": {"code"}}]}`.
"""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from matchmaker.api.request_body import read_body, replay
from matchmaker.api.request_checks import BAD_REQUEST, Refusal, check_get, check_post

CODE_BY_STATUS = {400: BAD_REQUEST, 404: "NOT_FOUND", 405: "METHOD_NOT_ALLOWED"}


def error_response(status: int, message: str, code: str) -> JSONResponse:
    """The API's error body: one error with a sentence and a machine-readable code."""
    body = {"errors": [{"message": message, "extensions": {"code": code}}]}
    return JSONResponse(body, status_code=status)


class BodyChecks:
    """Refuses malformed GraphQL requests before the wrapped view parses them."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        body = await read_body(receive) or b""  # BodyLimit, outside, has bounded it
        refusal = _check(scope, body)
        if refusal is not None:
            response = error_response(refusal.status, refusal.message, refusal.code)
            await response(scope, receive, send)
            return
        await self.app(scope, replay(body, receive), json_errors(send))


def _check(scope: Scope, body: bytes) -> Refusal | None:
    if scope["method"] == "GET":
        return check_get(scope.get("query_string", b""))
    if scope["method"] == "POST":
        return check_post(Headers(scope=scope).get("content-type"), body)
    return None


def json_errors(send: Send) -> Send:
    """A send that turns a plain-text 4xx answer into the API's JSON error body."""
    start: Message | None = None
    text = bytearray()

    async def sending(message: Message) -> None:
        nonlocal start
        if message["type"] == "http.response.start" and _plain_refusal(message):
            start = message
            return
        if start is None or message["type"] != "http.response.body":
            await send(message)
            return
        text.extend(message.get("body", b""))
        if not message.get("more_body", False):
            await _send_json(send, start["status"], text.decode("utf-8", "replace"))

    return sending


def _plain_refusal(start: Message) -> bool:
    content_type = Headers(raw=start.get("headers", [])).get("content-type", "")
    return 400 <= start["status"] < 500 and content_type.startswith("text/plain")


async def _send_json(send: Send, status: int, text: str) -> None:
    sentence = text.strip() or "The request was refused."
    sentence = sentence if sentence.endswith(".") else sentence + "."
    response = error_response(status, sentence, CODE_BY_STATUS.get(status, BAD_REQUEST))
    await send({"type": "http.response.start", "status": status, "headers": response.raw_headers})
    await send({"type": "http.response.body", "body": response.body})
