"""Property-based fuzzing of the GraphQL API: generated operations never cause a server error.

Operations are generated from the committed SDL (schema.graphql) by hypothesis-graphql, the
generator schemathesis uses for GraphQL, and sent to the running demo service, anonymous and
as staff. Any answer is fine except a 5xx or a leaked stack trace.
"""

from __future__ import annotations

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import mutations, queries

from bench.service import REPO, Service

SDL = (REPO / "schema.graphql").read_text()
STAFF = "mutation { signIn(input: {role: STAFF}) { ... on SignedIn { token } } }"
FUZZ = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    database=None,
)


@pytest.fixture(scope="module")
def staff_token(demo_service: Service) -> str:
    response = httpx.post(f"{demo_service.url}/graphql", json={"query": STAFF}, timeout=30)
    token: str = response.json()["data"]["signIn"]["token"]
    return token


def _check(url: str, query: str, token: str | None) -> None:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = httpx.post(f"{url}/graphql", json={"query": query}, headers=headers, timeout=60)
    assert response.status_code < 500, f"{response.status_code} for:\n{query}\n{response.text}"
    assert "Traceback" not in response.text
    assert 'File "' not in response.text


@FUZZ
@given(query=queries(SDL), anonymous=st.booleans())
def test_generated_queries_never_fail_the_server(
    demo_service: Service, staff_token: str, query: str, anonymous: bool
) -> None:
    _check(demo_service.url, query, None if anonymous else staff_token)


@FUZZ
@given(mutation=mutations(SDL))
def test_generated_mutations_never_fail_the_server(
    demo_service: Service, staff_token: str, mutation: str
) -> None:
    _check(demo_service.url, mutation, staff_token)
