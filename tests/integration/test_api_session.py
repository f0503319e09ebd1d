"""Demo sign-in and the identities it offers."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from starlette.testclient import TestClient

from matchmaker.app import create_app
from matchmaker.bootstrap import Runtime
from tests.integration.api_world import build_world, ok

SIGN_IN = """mutation($input: SignInInput!) { signIn(input: $input) { __typename
  ... on SignedIn { token viewer { id role name } }
  ... on NotFound { message } ... on NotAllowed { message }
  ... on ValidationErrors { errors { field } } } }"""


@pytest.fixture
def client(runtime: Runtime) -> Iterator[TestClient]:
    build_world(runtime.graph, runtime.embedder)
    with TestClient(create_app(runtime.settings, runtime_factory=lambda _: runtime)) as c:
        yield c


def sign_in(client: TestClient, **given: str) -> dict[str, object]:
    body = client.post("/graphql", json={"query": SIGN_IN, "variables": {"input": given}}).json()
    result: dict[str, object] = ok(body)["signIn"]
    return result


def test_a_member_signs_in_and_is_known(client: TestClient) -> None:
    signed = sign_in(client, memberId="m-ada")
    assert signed["viewer"] == {"id": "m-ada", "role": "MEMBER", "name": "Ada Fenwick"}
    headers = {"Authorization": f"Bearer {signed['token']}"}
    me = client.post("/graphql", json={"query": "{ me { member { email } } }"}, headers=headers)
    assert me.json()["data"]["me"]["member"] == {"email": "m-ada@example.org"}


def test_staff_and_partners_sign_in_unknown_people_do_not(client: TestClient) -> None:
    assert sign_in(client, role="STAFF")["viewer"] == {
        "id": "staff-steric",
        "role": "STAFF",
        "name": "STERIC officer",
    }
    assert sign_in(client, partnerId="p-acme")["__typename"] == "SignedIn"
    assert sign_in(client, memberId="m-nobody")["__typename"] == "NotFound"
    assert sign_in(client, role="MEMBER")["__typename"] == "ValidationErrors"
    assert sign_in(client, memberId="m-ada", role="ADMIN")["__typename"] == "ValidationErrors"


def test_demo_users_offer_each_kind_of_user(client: TestClient) -> None:
    users = ok(client.post("/graphql", json={"query": "{ demoUsers { id role } }"}).json())[
        "demoUsers"
    ]
    assert {u["role"] for u in users} == {"MEMBER", "STAFF", "ADMIN", "PARTNER"}
    assert {"m-ada", "p-acme"} <= {u["id"] for u in users}


def test_sign_in_is_refused_when_demo_sign_in_is_off(runtime: Runtime) -> None:
    closed = replace(runtime, settings=replace(runtime.settings, demo_sign_in=False))
    with TestClient(create_app(closed.settings, runtime_factory=lambda _: closed)) as c:
        assert sign_in(c, role="ADMIN")["__typename"] == "NotAllowed"
        assert (
            ok(c.post("/graphql", json={"query": "{ demoUsers { id } }"}).json())["demoUsers"] == []
        )
