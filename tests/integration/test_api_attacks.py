"""Attacks on the API: bad tokens, role escalation, deep, wide and oversized requests, leaks.

Each is refused with a clear message and status code, and nothing private comes back.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator

import jwt
import pytest
from starlette.testclient import TestClient

from matchmaker.adapters import reads
from matchmaker.app import create_app
from matchmaker.auth.roles import Role
from matchmaker.auth.tokens import issue_token
from matchmaker.bootstrap import Runtime
from tests.integration.api_world import Api, build_world

PRIVATE = "{ members { nodes { id email } } }"


@pytest.fixture
def api(runtime: Runtime) -> Iterator[Api]:
    build_world(runtime.graph, runtime.embedder)
    with TestClient(create_app(runtime.settings, runtime_factory=lambda _: runtime)) as client:
        yield Api(client, runtime.settings)


def post_with(api: Api, token: str, query: str = PRIVATE) -> tuple[int, dict[str, object]]:
    response = api.client.post(
        "/graphql", json={"query": query}, headers={"Authorization": f"Bearer {token}"}
    )
    return response.status_code, response.json()


def message(body: dict[str, object]) -> str:
    errors = body["errors"]
    assert isinstance(errors, list)
    return str(errors[0]["message"])


def test_no_token_reads_only_public_things(api: Api) -> None:
    response = api.client.post("/graphql", json={"query": PRIVATE})
    assert response.status_code == 401
    assert "Sign in" in message(response.json())
    assert "example.org" not in response.text


def test_a_tampered_token_is_refused(api: Api) -> None:
    token = api.token("member")
    assert token is not None
    head, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=="))
    forged = base64.urlsafe_b64encode(json.dumps({**claims, "role": "staff"}).encode()).rstrip(b"=")
    status, body = post_with(api, f"{head}.{forged.decode()}.{signature}")
    assert status == 401
    assert "signature" in message(body)


def test_a_token_signed_with_another_secret_cannot_escalate(api: Api) -> None:
    status, body = post_with(api, issue_token("m-ada", Role.STAFF, "not-the-server-secret", 600))
    assert status == 401
    assert "signature" in message(body)


def test_an_unsigned_token_is_refused(api: Api) -> None:
    unsigned = jwt.encode(
        {"sub": "admin-ipem", "role": "admin", "exp": 9999999999}, None, algorithm="none"
    )
    status, body = post_with(api, unsigned)
    assert status == 401
    assert "not valid" in message(body)


def test_an_expired_token_is_refused(api: Api) -> None:
    secret = api.settings.jwt_secret
    status, body = post_with(api, issue_token("m-ada", Role.MEMBER, secret, 60, now=1_000_000))
    assert status == 401
    assert "expired" in message(body)


def test_a_token_for_nobody_is_refused(api: Api) -> None:
    secret = api.settings.jwt_secret
    for subject, role in (
        ("m-nobody", Role.MEMBER),
        ("m-ada", Role.PARTNER),
        ("m-ada", Role.ADMIN),
    ):
        status, body = post_with(api, issue_token(subject, role, secret, 600))
        assert status == 401
        assert "names no known" in message(body)


def test_a_malformed_header_is_refused(api: Api) -> None:
    response = api.client.post(
        "/graphql", json={"query": "{ me { role } }"}, headers={"Authorization": "Basic abc"}
    )
    assert response.status_code == 401
    assert "Bearer" in message(response.json())


def test_a_member_cannot_call_staff_operations(api: Api) -> None:
    response = api.post("member", "{ analytics { themeActivity { ideas } } }")
    assert response.status_code == 403
    assert message(response.json()) == "Only STERIC staff can do this."


def test_a_deep_query_is_refused(api: Api) -> None:
    deep = '{ member(id: "m-ada") { ' + "collaborators { member { " * 6 + "id" + " } }" * 6 + " } }"
    response = api.post("staff", deep)
    assert response.status_code == 400
    assert "nests fields 14 deep; the limit is 10" in message(response.json())


def test_a_wide_query_is_refused(api: Api) -> None:
    aliases = " ".join(f"a{i}: me {{ role }}" for i in range(40))
    response = api.post("staff", f"{{ {aliases} }}")
    assert response.status_code == 400
    assert "aliases" in message(response.json())
    fields = " ".join("role" for _ in range(2500))
    response = api.post("staff", f"{{ me {{ {fields} }} }}")
    assert response.status_code == 400
    assert "tokens" in message(response.json())


def test_an_oversized_body_is_refused_before_parsing(api: Api) -> None:
    padded = "{ me { role } }" + " " * 150_000
    for who in ("anonymous", "member", "partner"):
        response = api.post(who, padded)
        assert response.status_code == 413
        assert "larger than 100 KB" in message(response.json())
    # Staff send files to importData: the body may be larger, the file goes as a variable.
    upload = "mutation($c: String!) { importData(kind: THEMES, content: $c) { __typename } }"
    content = "id,name,kind\n" + "".join(f"t{i},Theme {i},challenge\n" for i in range(8_000))
    assert len(content) > 150_000
    assert api.post("staff", upload, c=content).status_code == 200
    # A long document is refused before parsing, whoever sends it.
    response = api.post("staff", padded)
    assert response.status_code == 400
    assert "query text has 150,015 characters" in message(response.json())
    assert api.post("staff", "{ me { role } }" + " " * 7_000_000).status_code == 413


def test_graphiql_is_served_to_browsers(api: Api) -> None:
    page = api.client.get("/graphql", headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert "graphiql" in page.text.lower()


def test_unexpected_errors_are_masked(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: object, **__: object) -> object:
        raise RuntimeError("secret internals at /srv/app.py line 42")

    monkeypatch.setattr(reads, "by_ids_read", broken)
    response = api.post("staff", '{ member(id: "m-ada") { id } }')
    assert message(response.json()) == "Unexpected error."
    assert "secret internals" not in response.text
    assert "Traceback" not in response.text


def test_a_refusal_from_a_field_without_an_error_type_is_a_400_that_names_the_field(
    api: Api,
) -> None:
    response = api.post("staff", '{ membersNamed(text: " ") { id } }')
    assert response.status_code == 400, response.text
    error = response.json()["errors"][0]
    assert error["extensions"] == {"code": "BAD_USER_INPUT"}
    assert error["message"] == "Name: needs at least 2 characters."
