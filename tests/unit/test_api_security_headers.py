"""Security headers on every response, whatever the wrapped app answers."""

from __future__ import annotations

import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route
from starlette.testclient import TestClient

from matchmaker.api.security_headers import CONTENT_SECURITY_POLICY, SecurityHeaders


async def ok(_: Request) -> Response:
    return PlainTextResponse("ok")


async def framed(_: Request) -> Response:
    return PlainTextResponse("mine", headers={"X-Frame-Options": "SAMEORIGIN"})


@pytest.fixture
def client() -> TestClient:
    routes = [Route("/healthz", ok), Route("/graphql", ok, methods=["GET", "POST"])]
    routes.append(Route("/own", framed))
    app = Starlette(routes=routes, middleware=[Middleware(SecurityHeaders)])
    return TestClient(app)


@pytest.mark.parametrize("path", ["/healthz", "/graphql", "/missing"])
def test_every_answer_carries_the_headers(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "no-referrer"


def test_the_policy_allows_this_origin_only_and_no_framing() -> None:
    directives = dict(d.split(" ", 1) for d in CONTENT_SECURITY_POLICY.split("; "))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert not any("http" in source or "*" in source for source in directives.values())


def test_only_graphql_answers_are_kept_out_of_caches(client: TestClient) -> None:
    assert client.post("/graphql").headers["cache-control"] == "no-store"
    assert client.get("/graphql").headers["cache-control"] == "no-store"
    assert "cache-control" not in client.get("/healthz").headers


def test_a_header_the_app_set_itself_is_kept(client: TestClient) -> None:
    assert client.get("/own").headers["x-frame-options"] == "SAMEORIGIN"
