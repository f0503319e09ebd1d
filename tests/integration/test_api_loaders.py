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


IDEAS = """
UNWIND range(1, 6) AS i
CREATE (:Idea {id: 'idea-' + i, title: 'Idea ' + i, summary: 'About ' + i,
        status: CASE WHEN i = 6 THEN 'draft' ELSE 'submitted' END})
WITH i MATCH (idea:Idea {id: 'idea-' + i}), (m:Member {id: 'm-' + i})
CREATE (idea)-[:SUBMITTED_BY]->(m)
"""
IDEA_PAGE = "{ ideas(first: 10) { nodes { id submittedBy { id name } } } }"


def test_a_page_of_ideas_reads_their_authors_in_the_same_round_trip(runtime: Runtime) -> None:
    """The ideas list shows who submitted each idea: the page reads the submitters it may
    show with it, so the list is one query, not two."""
    runtime.graph.write(PEOPLE)
    runtime.graph.write("MATCH (m:Member {id: 'm-2'}) SET m.visible_to_members = false")
    runtime.graph.write(IDEAS)
    member = issue_token("m-1", Role.MEMBER, runtime.settings.jwt_secret, 600)
    staff = issue_token("staff-steric", Role.STAFF, runtime.settings.jwt_secret, 600)
    with TestClient(create_app(runtime.settings, runtime_factory=lambda _: runtime)) as client:
        as_staff, sent_for_staff = ideas_page(client, runtime, staff)
        ideas_page(client, runtime, member)  # the first request also reads who signed in
        as_member, sent_for_member = ideas_page(client, runtime, member)
    assert len(as_staff) == 6
    assert all(author is not None for author in as_staff.values())
    assert sent_for_staff == 1
    assert set(as_member) == {f"idea-{i}" for i in range(1, 6)}  # the draft is another's
    assert as_member["idea-1"] == {"id": "m-1", "name": "Member 1"}
    assert as_member["idea-2"] is None  # a submitter hidden from members stays hidden
    assert sent_for_member == 2  # the page, then one batched read for the hidden submitter


def ideas_page(client: TestClient, runtime: Runtime, token: str) -> tuple[dict[str, object], int]:
    before = runtime.graph.queries_sent
    response = client.post(
        "/graphql", json={"query": IDEA_PAGE}, headers={"Authorization": f"Bearer {token}"}
    )
    sent = runtime.graph.queries_sent - before
    body = response.json()
    assert not body.get("errors"), body
    return {n["id"]: n["submittedBy"] for n in body["data"]["ideas"]["nodes"]}, sent
