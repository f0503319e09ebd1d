"""Security headers on every kind of answer of the real app, and GraphiQL from the build.

Strawberry's own GraphiQL page loaded its scripts from unpkg; the app now answers a browser's
GET /graphql with the page the frontend build bundles, or with a page that says to build it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
from starlette.testclient import TestClient

from matchmaker.api.limits import MAX_BODY_BYTES
from matchmaker.app import create_app
from matchmaker.bootstrap import Runtime

GRAPHIQL_PAGE = '<!doctype html><title>GraphiQL</title><script src="/assets/g.js"></script>'
BROWSER = {"accept": "text/html,application/xhtml+xml,*/*;q=0.8"}


def client_for(runtime: Runtime, frontend: Path) -> TestClient:
    settings = replace(runtime.settings, frontend_dir=frontend)
    shared = replace(runtime, settings=settings)
    return TestClient(create_app(settings, runtime_factory=lambda _: shared))


@pytest.fixture
def frontend(tmp_path: Path) -> Path:
    (tmp_path / "graphiql").mkdir()
    (tmp_path / "index.html").write_text("<!doctype html><title>app</title>")
    (tmp_path / "graphiql" / "index.html").write_text(GRAPHIQL_PAGE)
    return tmp_path


@pytest.fixture
def client(runtime: Runtime, frontend: Path) -> Iterator[TestClient]:
    with client_for(runtime, frontend) as client:
        yield client


def assert_secured(response: httpx.Response) -> None:
    policy = response.headers["content-security-policy"]
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "no-referrer"


def test_every_kind_of_answer_is_secured(client: TestClient) -> None:
    answers = {
        "graphql": client.post("/graphql", json={"query": "{ __typename }"}),
        "refused": client.post("/graphql", content=b"null", headers={"content-type": "x/y"}),
        "too large": client.post("/graphql", content=b"x" * (MAX_BODY_BYTES + 1)),
        "healthz": client.get("/healthz"),
        "stats": client.get("/stats"),
        "static": client.get("/"),
        "missing": client.get("/no-such-file.js"),
    }
    assert [a.status_code for a in answers.values()] == [200, 415, 413, 200, 200, 200, 404]
    for answer in answers.values():
        assert_secured(answer)


def test_graphql_answers_are_never_cached(client: TestClient) -> None:
    posted = client.post("/graphql", json={"query": "{ __typename }"})
    got = client.get("/graphql", params={"query": "{ __typename }"})
    assert posted.headers["cache-control"] == got.headers["cache-control"] == "no-store"
    assert "no-store" not in client.get("/healthz").headers.get("cache-control", "")


def test_a_browser_gets_the_bundled_graphiql_not_a_cdn_page(client: TestClient) -> None:
    page = client.get("/graphql", headers=BROWSER)
    assert page.status_code == 200
    assert page.text == GRAPHIQL_PAGE
    assert page.headers["content-type"].startswith("text/html")
    assert_secured(page)


def test_without_a_build_graphiql_says_how_to_build_it(runtime: Runtime, tmp_path: Path) -> None:
    with client_for(runtime, tmp_path) as client:
        page = client.get("/graphql", headers=BROWSER)
    assert page.status_code == 200
    assert "make frontend" in page.text
    assert "unpkg" not in page.text
    assert "jsdelivr" not in page.text


def test_a_query_in_the_url_still_runs_for_a_browser(client: TestClient) -> None:
    response = client.get("/graphql", params={"query": "{ __typename }"}, headers=BROWSER)
    assert response.json() == {"data": {"__typename": "Query"}}
