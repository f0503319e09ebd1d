"""The request-size limit answers 413 before the wrapped app reads anything."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route
from starlette.testclient import TestClient

from matchmaker.api.limits import BodyLimit


async def echo(request: Request) -> Response:
    return PlainTextResponse(str(len(await request.body())))


def client(limit: int) -> TestClient:
    inner = Starlette(routes=[Route("/", echo, methods=["GET", "POST"])])
    return TestClient(BodyLimit(inner, limit))


def test_small_bodies_pass_through_whole() -> None:
    response = client(100).post("/", content=b"x" * 100)
    assert (response.status_code, response.text) == (200, "100")


def test_a_declared_large_body_is_refused() -> None:
    response = client(100).post("/", content=b"x" * 101)
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "PAYLOAD_TOO_LARGE"


def test_a_streamed_large_body_is_refused() -> None:
    chunks = (b"x" * 60 for _ in range(3))
    assert client(100).post("/", content=chunks).status_code == 413


def test_a_long_query_string_is_refused() -> None:
    assert client(100).get("/?query=" + "x" * 200).status_code == 413
