"""A small graph for the API tests, built with Cypher, and a client that signs in as anyone.

Members (all at different organisations):
    m-ada  visible to members and partners, open to matching; submitted idea-sub
    m-ben  visible to nobody but staff, open to matching; wrote the draft idea-draft
    m-cat  opted out of matching, visible to members and partners
    m-dan  visible to members only
Partners: p-acme (visible, in net-1), p-hidden (visible = false).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette.testclient import TestClient

from embeddings import Embedder
from matchmaker.adapters.graph import Graph
from matchmaker.auth.roles import Role
from matchmaker.auth.tokens import issue_token
from matchmaker.config import Settings
from matchmaker.services.embedding import embed_stale

NODES = """
CREATE (:Theme {id: 'th-climate', name: 'Climate change and the environment',
        kind: 'grand_challenge'})
CREATE (:Theme {id: 'th-digital', name: 'Smart digitisation', kind: 'emerging_trend'})
CREATE (:Organisation {id: 'org-nhs', name: 'Northern NHS Trust', sector: 'nhs',
        region: 'North East'})
CREATE (:Organisation {id: 'org-uni', name: 'City University', sector: 'academia',
        region: 'London'})
CREATE (:Organisation {id: 'org-co', name: 'Acme Devices Ltd', sector: 'industry',
        region: 'Wales'})
CREATE (:Organisation {id: 'org-chy', name: 'Health Charity', sector: 'charity',
        region: 'Scotland'})
CREATE (:Group:SIG {id: 'sig-rt', kind: 'SIG', name: 'Radiotherapy SIG', status: 'active'})
CREATE (:Group:SIG {id: 'sig-mri', kind: 'SIG', name: 'MRI SIG', status: 'active'})
CREATE (:Group:CoI {id: 'coi-green', kind: 'CoI', name: 'Sustainability CoI', status: 'active'})
CREATE (:Group:TaskGroup {id: 'tg-1', kind: 'TaskGroup', name: 'Greener radiotherapy',
        description: 'Write guidance on energy use', status: 'active'})
CREATE (:Group:Committee {id: 'steric', kind: 'Committee', name: 'STERIC', status: 'active'})
CREATE (:Network {id: 'net-1', name: 'Health KTN'})
CREATE (:Partner {id: 'p-acme', name: 'Acme Devices', kind: 'company', sector: 'industry',
        region: 'Wales', fte: 40, visible: true, description: 'Radiotherapy QA devices'})
CREATE (:Partner {id: 'p-hidden', name: 'Quiet Ltd', kind: 'company', sector: 'industry',
        region: 'London', fte: 3, visible: false})
CREATE (:Call {id: 'call-1', title: 'Greener imaging', description: 'Cut the energy of imaging',
        status: 'open', opens: '2025-01-01', closes: '2025-12-31'})
CREATE (:Idea {id: 'idea-sub', title: 'Low-energy linac standby', status: 'submitted',
        summary: 'Reduce linear accelerator standby energy with smart scheduling.',
        created: '2025-02-01', required_skills: ['radiotherapy physics']})
CREATE (:Idea {id: 'idea-draft', title: 'Secret MRI draft', status: 'draft',
        summary: 'An unpublished draft about MRI coil recycling and reuse.', created: '2025-03-01'})
CREATE (:Output {id: 'out-1', title: 'Linac energy audit', year: 2023, kind: 'paper',
        abstract: 'We measured radiotherapy linear accelerator energy use in standby.'})
CREATE (:Skill {id: 'sk-qa', name: 'Quality assurance'})
CREATE (:KTP {id: 'ktp-1', title: 'Smart QA phantoms', status: 'active', start_year: 2024})
"""

MEMBERS = """
UNWIND $members AS row
MATCH (o:Organisation {id: row.org})
CREATE (m:Member) SET m = row.props
CREATE (m)-[:WORKS_AT]->(o)
"""

LINKS = """
MATCH (ada:Member {id: 'm-ada'}), (ben:Member {id: 'm-ben'}), (cat:Member {id: 'm-cat'}),
      (dan:Member {id: 'm-dan'}), (rt:SIG {id: 'sig-rt'}), (mri:SIG {id: 'sig-mri'}),
      (green:CoI {id: 'coi-green'}), (tg:TaskGroup {id: 'tg-1'}), (st:Committee {id: 'steric'}),
      (acme:Partner {id: 'p-acme'}), (hidden:Partner {id: 'p-hidden'}), (net:Network {id: 'net-1'}),
      (call:Call {id: 'call-1'}), (sub:Idea {id: 'idea-sub'}), (draft:Idea {id: 'idea-draft'}),
      (out:Output {id: 'out-1'}), (clim:Theme {id: 'th-climate'}), (qa:Skill {id: 'sk-qa'}),
      (ktp:KTP {id: 'ktp-1'}), (uni:Organisation {id: 'org-uni'})
CREATE (ada)-[:MEMBER_OF {role: 'chair'}]->(rt), (ben)-[:MEMBER_OF {role: 'member'}]->(mri),
       (cat)-[:MEMBER_OF {role: 'member'}]->(rt), (dan)-[:MEMBER_OF {role: 'member'}]->(green),
       (ada)-[:MEMBER_OF {role: 'member'}]->(tg), (ben)-[:MEMBER_OF {role: 'member'}]->(tg),
       (ada)-[:MEMBER_OF {role: 'member'}]->(st), (ben)-[:MEMBER_OF {role: 'member'}]->(st),
       (acme)-[:PART_OF]->(net), (hidden)-[:PART_OF]->(net),
       (sub)-[:SUBMITTED_BY]->(ada), (sub)-[:RESPONDS_TO]->(call), (sub)-[:ADDRESSES]->(clim),
       (draft)-[:SUBMITTED_BY]->(ben), (call)-[:ADDRESSES]->(clim), (tg)-[:ADDRESSES]->(clim),
       (ada)-[:AUTHORED]->(out), (ben)-[:AUTHORED]->(out),
       (ada)-[:COLLABORATED_WITH {count: 1, since: 2023}]->(ben),
       (ada)-[:HAS_SKILL {source: 'declared', level: 'expert'}]->(qa),
       (ktp)-[:BUSINESS]->(acme), (ktp)-[:KNOWLEDGE_BASE]->(hidden), (ktp)-[:SUPERVISOR]->(ben),
       (dan)-[:INTERESTED_IN {at: datetime()}]->(sub)
"""


def _member(ident: str, org: str, **props: Any) -> dict[str, Any]:
    base = {
        "id": ident, "name": props.pop("name"), "email": f"{ident}@example.org",
        "discipline": "Radiotherapy physics", "career_stage": "mid", "region": "London",
        "availability_hours": 6, "max_groups": 2, "open_to_matching": True,
        "visible_to_members": True, "visible_to_partners": False,
        "expertise_statement": "Radiotherapy physics, linac quality assurance and energy use.",
    }  # fmt: skip
    return {"org": org, "props": {**base, **props}}


WORLD_MEMBERS = [
    _member("m-ada", "org-nhs", name="Ada Fenwick", visible_to_partners=True),
    _member(
        "m-ben", "org-uni", name="Ben Okafor", visible_to_members=False, discipline="MRI physics"
    ),
    _member("m-cat", "org-co", name="Cat Lloyd", open_to_matching=False, visible_to_partners=True),
    _member("m-dan", "org-chy", name="Dan Reid", discipline="Clinical engineering"),
]


def build_world(graph: Graph, embedder: Embedder) -> None:
    """Create the world above and embed its texts."""
    graph.write(NODES)
    graph.write(MEMBERS, members=WORLD_MEMBERS)
    graph.write(LINKS)
    embed_stale(graph, embedder)


IDENTITIES: dict[str, tuple[str, Role] | None] = {
    "anonymous": None,
    "member": ("m-ada", Role.MEMBER),
    "other_member": ("m-dan", Role.MEMBER),
    "staff": ("staff-steric", Role.STAFF),
    "partner": ("p-acme", Role.PARTNER),
    "admin": ("admin-ipem", Role.ADMIN),
}
ROLES = tuple(IDENTITIES)


def refused(body: dict[str, Any], code: str) -> None:
    """The request was refused with `code` (UNAUTHENTICATED or FORBIDDEN)."""
    codes = [e.get("extensions", {}).get("code") for e in body.get("errors", [])]
    assert code in codes, body


def ok(body: dict[str, Any]) -> dict[str, Any]:
    """The data of a request that had no errors."""
    assert not body.get("errors"), body
    data: dict[str, Any] = body["data"]
    return data


def ids(items: list[dict[str, Any]] | None) -> set[str]:
    return {item["id"] for item in items or [] if item}


@dataclass
class Api:
    """Posts GraphQL as one of IDENTITIES."""

    client: TestClient
    settings: Settings

    def token(self, who: str) -> str | None:
        identity = IDENTITIES[who]
        if identity is None:
            return None
        return issue_token(identity[0], identity[1], self.settings.jwt_secret, 600)

    def post(self, who: str, query: str, **variables: Any) -> Any:
        token = self.token(who)
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return self.client.post(
            "/graphql", json={"query": query, "variables": variables}, headers=headers
        )

    def gql(self, who: str, query: str, **variables: Any) -> dict[str, Any]:
        body: dict[str, Any] = self.post(who, query, **variables).json()
        return body
