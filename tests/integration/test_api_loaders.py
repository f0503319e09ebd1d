"""A nested request costs the same number of graph queries for 5 members as for 20 (no N+1)."""

from __future__ import annotations

from starlette.testclient import TestClient

from matchmaker.app import create_app
from matchmaker.auth.roles import Role
from matchmaker.auth.tokens import issue_token
from matchmaker.bootstrap import Runtime

PEOPLE = """
UNWIND range(1, 20) AS i
MERGE (o:Organisation {id: 'org-' + (i % 4)})
  ON CREATE SET o.name = 'Org ' + (i % 4), o.sector = 'nhs', o.region = 'London'
MERGE (s:Group:SIG {id: 'sig-' + (i % 3)}) ON CREATE SET s.name = 'SIG ' + (i % 3), s.kind = 'SIG'
MERGE (t:Group:TaskGroup {id: 'tg-' + (i % 5)})
  ON CREATE SET t.name = 'TG ' + (i % 5), t.kind = 'TaskGroup'
CREATE (m:Member {id: 'm-' + i, name: 'Member ' + i, email: 'm' + i + '@example.org',
        discipline: 'MRI physics', career_stage: 'mid', region: 'London'})
CREATE (m)-[:WORKS_AT]->(o), (m)-[:MEMBER_OF {role: 'member'}]->(s), (m)-[:MEMBER_OF]->(t)
"""

NESTED = """query($n: Int!) { members(first: $n) { totalCount nodes {
  name email organisation { name members { id } }
  memberships { role group { name themes { id } } } } } }"""


def queries_for(client: TestClient, runtime: Runtime, token: str, size: int) -> int:
    before = runtime.graph.queries_sent
    response = client.post(
        "/graphql",
        json={"query": NESTED, "variables": {"n": size}},
        headers={"Authorization": f"Bearer {token}"},
    )
    body = response.json()
    assert not body.get("errors"), body
    assert len(body["data"]["members"]["nodes"]) == size
    return runtime.graph.queries_sent - before


def test_nested_members_cost_a_constant_number_of_queries(runtime: Runtime) -> None:
    runtime.graph.write(PEOPLE)
    token = issue_token("staff-steric", Role.STAFF, runtime.settings.jwt_secret, 600)
    with TestClient(create_app(runtime.settings, runtime_factory=lambda _: runtime)) as client:
        few = queries_for(client, runtime, token, 5)
        many = queries_for(client, runtime, token, 20)
    assert few == many
    assert many <= 6  # the page, the organisations, their members, memberships, groups' themes
