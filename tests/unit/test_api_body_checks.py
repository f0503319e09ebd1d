"""The /graphql request checks in front of a fake GraphQL view that records what reaches it."""

from __future__ import annotations

import json

import httpx
import pytest
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.testclient import TestClient
from starlette.types import Receive, Scope, Send

from matchmaker.api.body_checks import BodyChecks
from matchmaker.api.request_body import read_body

GOOD = b'{"query": "{ themes { name } }", "variables": {"a": 1}, "operationName": null}'


class RecordingView:
    """Answers 200 with the body it was handed, or a plain-text 400 when asked to."""

    def __init__(self) -> None:
        self.bodies: list[bytes] = []

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        body = await read_body(receive)
        self.bodies.append(body)
        if b"refuse-as-text" in body or b"refuse-as-text" in scope["query_string"]:
            await PlainTextResponse("mutations are not allowed when using GET", 400)(
                scope, receive, send
            )
            return
        await JSONResponse({"data": {"echo": body.decode()}})(scope, receive, send)


@pytest.fixture
def view() -> RecordingView:
    return RecordingView()


@pytest.fixture
def client(view: RecordingView) -> TestClient:
    return TestClient(BodyChecks(view))


def post(
    client: TestClient, body: bytes, content_type: str | None = "application/json"
) -> httpx.Response:
    headers = {"content-type": content_type} if content_type else {}
    return client.post("/graphql", content=body, headers=headers)


def refusal(response: httpx.Response, status: int) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"errors"}
    (error,) = body["errors"]
    assert error["extensions"]["code"] in {"BAD_REQUEST", "UNSUPPORTED_MEDIA_TYPE"}
    message = str(error["message"])
    assert message.endswith("."), message
    return message


def test_a_good_body_reaches_the_view_byte_for_byte(
    client: TestClient, view: RecordingView
) -> None:
    response = post(client, GOOD, "application/json; charset=UTF-8")
    assert response.status_code == 200
    assert view.bodies == [GOOD]


@pytest.mark.parametrize(
    ("body", "named"),
    [
        (b'"{ themes { name } }"', "string"),
        (b"42", "number"),
        (b"null", "null"),
        (b"[]", "array"),
        (b'[{"query": "{ themes { name } }"}]', "array"),
        (b"true", "boolean"),
        (b"", "empty"),
        (b"{", "not valid JSON"),
        (b'{"query": "{ themes }"} trailing', "not valid JSON"),
        (b'{"query": "\xff"}', "UTF-8"),
        (b'\xef\xbb\xbf{"query": "{ a }"}', "not valid JSON"),
        (b'{"query": "{ a } # \\ud800"}', "surrogate"),
        (b'{"query": "{ a }", "variables": {"\\udc00": 1}}', "surrogate"),
        (b'{"query": "{ a }", "variables": {"x": ["ok", "\\ud83d"]}}', "surrogate"),
        (b'{"query": 1}', "`query`"),
        (b'{"query": {"a": 1}}', "`query`"),
        (b'{"query": null}', "no `query`"),
        (b"{}", "no `query`"),
        (b'{"query": "{ a }", "variables": []}', "`variables`"),
        (b'{"query": "{ a }", "variables": "{}"}', "`variables`"),
        (b'{"query": "{ a }", "extensions": [1]}', "`extensions`"),
        (b'{"query": "{ a }", "operationName": 1}', "`operationName`"),
        (b'{"query": "{ a }", "operationName": ["x"]}', "`operationName`"),
        (b'{"query": "{ a }", "query": "{ b }"}', "twice"),
        (b'{"query": "{ a }", "variables": {"n": NaN}}', "NaN"),
        (b'{"query": "{ a }", "variables": {"n": Infinity}}', "Infinity"),
        (b'{"query": "{ a }", "variables": ' + b"[" * 50_000 + b"]" * 50_000 + b"}", "deeply"),
    ],
)
def test_a_malformed_json_body_is_refused_with_400(
    client: TestClient, view: RecordingView, body: bytes, named: str
) -> None:
    assert named in refusal(post(client, body), 400)
    assert view.bodies == []


@pytest.mark.parametrize(
    ("content_type", "named"),
    [
        ("text/plain", "text/plain"),
        (None, "no Content-Type"),
        ("application/x-www-form-urlencoded", "application/x-www-form-urlencoded"),
        ("multipart/form-data; boundary=b", "Multipart"),
        ("application/jsonx", "application/jsonx"),
        ("application/json; charset=latin-1", "latin-1"),
    ],
)
def test_a_body_that_is_not_utf8_json_is_refused_with_415(
    client: TestClient, view: RecordingView, content_type: str | None, named: str
) -> None:
    assert named in refusal(post(client, GOOD, content_type), 415)
    assert view.bodies == []


def test_a_form_post_and_a_multipart_post_with_no_operations_are_refused(
    client: TestClient,
) -> None:
    form = client.post("/graphql", data={"query": "{ a }"})
    assert "application/x-www-form-urlencoded" in refusal(form, 415)
    parts = client.post("/graphql", files={"map": ("map", b"{}", "application/json")})
    assert "Multipart" in refusal(parts, 415)


@pytest.mark.parametrize(
    ("query_string", "named"),
    [
        ("", "no `query`"),
        ("foo=1", "no `query`"),
        ("query=%FF", "UTF-8"),
        ("query=%ED%A0%80", "UTF-8"),
        ("query={a}&query={b}", "twice"),
        ("query={a}&variables=[1]", "`variables`"),
        ("query={a}&variables=x", "not valid JSON"),
        ("query={a}&variables=%7B%22x%22%3A%22%5Cud800%22%7D", "surrogate"),
        ("query={a}&extensions=1", "`extensions`"),
        ("query={a}&variables=", "empty"),
    ],
)
def test_a_bad_query_string_is_refused_with_400(
    client: TestClient, view: RecordingView, query_string: str, named: str
) -> None:
    response = client.get(f"/graphql?{query_string}", headers={"accept": "application/json"})
    assert named in refusal(response, 400)
    assert view.bodies == []


def test_a_good_query_string_reaches_the_view(client: TestClient, view: RecordingView) -> None:
    variables = json.dumps({"n": 2})
    response = client.get("/graphql", params={"query": "{ a }", "variables": variables})
    assert response.status_code == 200
    assert view.bodies == [b""]


def test_a_plain_text_refusal_from_the_view_comes_back_as_json(client: TestClient) -> None:
    by_get = client.get("/graphql", params={"query": "refuse-as-text"})
    assert refusal(by_get, 400) == "mutations are not allowed when using GET."
    by_post = post(client, b'{"query": "refuse-as-text"}')
    assert by_post.headers["content-type"] == "application/json"
    assert "not allowed" in refusal(by_post, 400)
