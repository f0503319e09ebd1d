"""Malformed requests to the real app: each is a 4xx with a JSON error, never a 500.

Strawberry alone answered several of these with a bare 500 (a JSON string, number, null or
boolean body; bytes that are not UTF-8; JSON nested thousands deep) or with plain text.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator

import httpx
import pytest
from starlette.testclient import TestClient

from matchmaker.app import create_app
from matchmaker.bootstrap import Runtime

GROUPS = "query($after: String) { groups(first: 5, after: $after) { totalCount } }"
CALLS = "query($status: String) { calls(status: $status) { totalCount } }"


@pytest.fixture
def client(runtime: Runtime) -> Iterator[TestClient]:
    app = create_app(runtime.settings, runtime_factory=lambda _: runtime)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


def error_of(response: httpx.Response) -> tuple[str, str]:
    assert response.headers["content-type"] == "application/json", response.text
    (error,) = response.json()["errors"]
    return str(error["message"]), str(error.get("extensions", {}).get("code"))


BAD_BODIES = [
    b'"{ themes { name } }"',
    b"12",
    b"null",
    b"true",
    b"[]",
    b'{"query": "{ __typename }\xff"}',
    b'{"query": "{ __typename } # \\ud800"}',
    b'{"query": 7}',
    b'{"query": "{ __typename }", "variables": [1]}',
    b'{"query": "{ __typename }", "extensions": "x"}',
    b'{"query": "{ __typename }", "operationName": 3}',
    b'{"query": "{ __typename }", "variables": ' + b"[" * 20_000 + b"]" * 20_000 + b"}",
]


@pytest.mark.parametrize("body", BAD_BODIES, ids=range(len(BAD_BODIES)))
def test_a_malformed_body_is_a_400_with_a_json_error(client: TestClient, body: bytes) -> None:
    response = client.post("/graphql", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert error_of(response)[1] == "BAD_REQUEST"


@pytest.mark.parametrize(
    "headers", [{"content-type": "text/plain"}, {}, {"content-type": "multipart/form-data; b=x"}]
)
def test_a_body_of_another_media_type_is_a_415(client: TestClient, headers: dict[str, str]) -> None:
    response = client.post("/graphql", content=b'{"query": "{ __typename }"}', headers=headers)
    assert response.status_code == 415
    assert error_of(response)[1] == "UNSUPPORTED_MEDIA_TYPE"


def test_a_form_post_is_a_415(client: TestClient) -> None:
    response = client.post("/graphql", data={"query": "{ __typename }"})
    assert response.status_code == 415


@pytest.mark.parametrize(
    "query_string",
    ["query=%FF", "query=%ED%A0%80", "query={a}&query={b}", "query={a}&variables=[]", ""],
)
def test_a_bad_query_string_is_a_400(client: TestClient, query_string: str) -> None:
    response = client.get(f"/graphql?{query_string}", headers={"accept": "application/json"})
    assert response.status_code == 400
    assert error_of(response)[1] == "BAD_REQUEST"


def test_a_mutation_over_get_is_refused_in_json(client: TestClient) -> None:
    response = client.get("/graphql", params={"query": "mutation { signOut }"})
    assert response.status_code == 400
    assert "GET" in error_of(response)[0]


def test_a_lone_surrogate_in_variables_never_reaches_the_graph(client: TestClient) -> None:
    body = b'{"query": "%s", "variables": {"status": "open\\ud800"}}' % CALLS.encode()
    response = client.post("/graphql", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert "surrogate" in error_of(response)[0]


@pytest.mark.parametrize(
    "offset", ["\u00b2", "\u0663\u0660", "-1", str(2**63), str(10**40), "1000001"]
)
def test_a_forged_cursor_is_refused_naming_after(client: TestClient, offset: str) -> None:
    after = base64.urlsafe_b64encode(f"offset:{offset}".encode()).decode()
    response = client.post("/graphql", json={"query": GROUPS, "variables": {"after": after}})
    assert response.status_code == 400
    assert "`after`" in error_of(response)[0]
