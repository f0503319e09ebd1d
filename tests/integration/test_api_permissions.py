"""Every query and mutation, as each role, on a small graph: what is visible, what is refused.

Roles: anonymous, member (m-ada), other_member (m-dan), staff, partner (p-acme), admin; the
graph is tests/integration/api_world.py. Privacy attempts go through nested fields, aliases,
fragments and the graph view as well as the root fields.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from starlette.testclient import TestClient

from matchmaker.adapters import reads
from matchmaker.app import create_app
from matchmaker.bootstrap import Runtime
from tests.integration.api_world import ROLES, Api, build_world, ids, ok, refused

UNAUTHENTICATED = "UNAUTHENTICATED"
FORBIDDEN = "FORBIDDEN"
EVERYONE = {"m-ada", "m-ben", "m-cat", "m-dan"}
FOR_MEMBERS = {"m-ada", "m-cat", "m-dan"}  # visible to members
FOR_PARTNERS = {"m-ada"}  # visible to partners and open to matching


@pytest.fixture
def api(runtime: Runtime) -> Iterator[Api]:
    build_world(runtime.graph, runtime.embedder)
    with TestClient(create_app(runtime.settings, runtime_factory=lambda _: runtime)) as client:
        yield Api(client, runtime.settings)


@dataclass(frozen=True)
class Op:
    name: str
    query: str
    read: Callable[[dict[str, Any]], object]  # what to compare, from the data
    expect: dict[str, object]  # role -> value, or UNAUTHENTICATED / FORBIDDEN


def signed_in(value: object, **overrides: object) -> dict[str, object]:
    table: dict[str, object] = dict.fromkeys(ROLES, value)
    return {**table, "anonymous": UNAUTHENTICATED, **overrides}


def staff(value: object) -> dict[str, object]:
    table = signed_in(FORBIDDEN)
    return {**table, "staff": value, "admin": value}


def nodes(field: str) -> Callable[[dict[str, Any]], object]:
    return lambda data: ids(data[field]["nodes"])


QUERIES = [
    Op(
        "me",
        "{ me { role } }",
        lambda d: d["me"]["role"],
        {
            "anonymous": "ANONYMOUS",
            "member": "MEMBER",
            "other_member": "MEMBER",
            "staff": "STAFF",
            "partner": "PARTNER",
            "admin": "ADMIN",
        },
    ),
    Op(
        "demoUsers",
        "{ demoUsers { role } }",
        lambda d: {u["role"] for u in d["demoUsers"]},
        {role: {"MEMBER", "STAFF", "ADMIN", "PARTNER"} for role in ROLES},
    ),
    Op(
        "calls are public",
        "{ calls { nodes { id } } }",
        nodes("calls"),
        {role: {"call-1"} for role in ROLES},
    ),
    Op(
        "themes are public",
        "{ themes { totalCount } }",
        lambda d: d["themes"]["totalCount"],
        dict.fromkeys(ROLES, 2),
    ),
    Op(
        "groups: SIGs and CoIs are public",
        "{ groups(first: 50) { nodes { id } } }",
        nodes("groups"),
        {
            **{role: {"sig-rt", "sig-mri", "coi-green", "tg-1", "steric"} for role in ROLES},
            "anonymous": {"sig-rt", "sig-mri", "coi-green"},
        },
    ),
    Op(
        "members",
        "{ members { nodes { id } } }",
        nodes("members"),
        signed_in(FOR_MEMBERS, partner=FOR_PARTNERS, staff=EVERYONE, admin=EVERYONE),
    ),
    Op(
        "member email",
        '{ member(id: "m-ben") { email } }',
        lambda d: d["member"],
        signed_in(
            None,
            staff={"email": "m-ben@example.org"},
            admin={"email": "m-ben@example.org"},
            partner=None,
        ),
    ),
    Op(
        "own email and others' consented email",
        '{ a: member(id: "m-ada") { email } d: member(id: "m-dan") { email } }',
        lambda d: (d["a"], d["d"]),
        signed_in(
            ({"email": "m-ada@example.org"}, {"email": "m-dan@example.org"}),
            partner=({"email": None}, None),
        ),
    ),
    Op(
        "aliases do not reach hidden members",
        '{ x: member(id: "m-ben") { id } y: member(id: "m-dan") { name } }',
        lambda d: (d["x"], d["y"]),
        signed_in(
            (None, {"name": "Dan Reid"}),
            partner=(None, None),
            staff=({"id": "m-ben"}, {"name": "Dan Reid"}),
            admin=({"id": "m-ben"}, {"name": "Dan Reid"}),
        ),
    ),
    Op(
        "fragments do not reach emails",
        "fragment F on Member { email } { members { nodes { ...F } } }",
        lambda d: {n["email"] is None for n in d["members"]["nodes"]},
        signed_in({False}, partner={True}, staff={False}, admin={False}),
    ),
    Op(
        "consent is private",
        '{ member(id: "m-ada") { consent { openToMatching } maxGroups } }',
        lambda d: d["member"],
        signed_in(
            {"consent": None, "maxGroups": None},
            member={"consent": {"openToMatching": True}, "maxGroups": 2},
            staff={"consent": {"openToMatching": True}, "maxGroups": 2},
            admin={"consent": {"openToMatching": True}, "maxGroups": 2},
        ),
    ),
    Op(
        "nested: group members",
        '{ group(id: "tg-1") { members { member { id } } } }',
        lambda d: d["group"] and ids([x["member"] for x in d["group"]["members"]]),
        signed_in({"m-ada"}, staff={"m-ada", "m-ben"}, admin={"m-ada", "m-ben"})
        | {"anonymous": None},
    ),
    Op(
        "nested: authors, supervisor, collaborators",
        '{ output(id: "out-1") { authors { id } } ktp(id: "ktp-1") { supervisor { id } } '
        'member(id: "m-ada") { collaborators { member { id } } } }',
        lambda d: (
            ids(d["output"]["authors"]),
            d["ktp"]["supervisor"],
            ids([c["member"] for c in d["member"]["collaborators"]]),
        ),
        signed_in(
            ({"m-ada"}, None, set()),
            staff=({"m-ada", "m-ben"}, {"id": "m-ben"}, {"m-ben"}),
            admin=({"m-ada", "m-ben"}, {"id": "m-ben"}, {"m-ben"}),
        ),
    ),
    Op(
        "nested: organisation staff",
        '{ organisation(id: "org-uni") { members { id } } }',
        lambda d: ids(d["organisation"]["members"]),
        signed_in(set(), staff={"m-ben"}, admin={"m-ben"}),
    ),
    Op(
        "nested through a public call",
        '{ call(id: "call-1") { ideas { id submittedBy { id email } } } }',
        lambda d: [(i["id"], i["submittedBy"]) for i in d["call"]["ideas"]],
        {
            **signed_in(
                [("idea-sub", {"id": "m-ada", "email": "m-ada@example.org"})],
                partner=[("idea-sub", {"id": "m-ada", "email": None})],
            ),
            "anonymous": [],
        },
    ),
    Op(
        "ideas: drafts stay with their writer",
        "{ ideas { nodes { id } } }",
        nodes("ideas"),
        signed_in({"idea-sub"}, staff={"idea-sub", "idea-draft"}, admin={"idea-sub", "idea-draft"}),
    ),
    Op(
        "who is interested: the submitter and staff",
        '{ idea(id: "idea-sub") { interestedMembers { id } } }',
        lambda d: ids(d["idea"]["interestedMembers"]),
        signed_in(set(), member={"m-dan"}, staff={"m-dan"}, admin={"m-dan"}),
    ),
    Op(
        "partners: hidden ones only for staff",
        "{ partners { nodes { id } } }",
        nodes("partners"),
        signed_in({"p-acme"}, staff={"p-acme", "p-hidden"}, admin={"p-acme", "p-hidden"}),
    ),
    Op(
        "networks",
        '{ network(id: "net-1") { partners { id } } }',
        lambda d: ids(d["network"]["partners"]),
        signed_in({"p-acme"}, staff={"p-acme", "p-hidden"}, admin={"p-acme", "p-hidden"}),
    ),
    Op(
        "neighbourhood",
        '{ neighbourhood(id: "tg-1", depth: 2) { ... on Neighbourhood { nodes { id } } } }',
        lambda d: {"m-ben", "m-dan", "idea-draft"} & ids(d["neighbourhood"]["nodes"]),
        signed_in(set(), staff={"m-ben", "idea-draft"}, admin={"m-ben", "idea-draft"}),
    ),
    Op(
        "analytics",
        "{ analytics { siloMap(dimension: SECTOR) { categories } } }",
        lambda d: d["analytics"]["siloMap"]["categories"],
        staff(["academia", "charity", "industry", "nhs"]),
    ),
    Op(
        "audit trail",
        "{ auditEvents { totalCount } }",
        lambda d: d["auditEvents"]["totalCount"],
        staff(0),
    ),
    Op("skills", "{ skills { nodes { id } } }", nodes("skills"), signed_in({"sk-qa"})),
    Op(
        "health is public",
        "{ health { neo4j } }",
        lambda d: d["health"]["neo4j"],
        dict.fromkeys(ROLES, True),
    ),
]


@pytest.mark.parametrize("op", QUERIES, ids=lambda op: op.name)
def test_query_as_every_role(api: Api, op: Op) -> None:
    for role in ROLES:
        expected = op.expect[role]
        body = api.gql(role, op.query)
        if expected in (UNAUTHENTICATED, FORBIDDEN):
            refused(body, str(expected))
            continue
        assert op.read(ok(body)) == expected, f"{op.name} as {role}: {body}"


PAGE = (
    "query($after: String) { %s(first: 1, after: $after) { "
    "pageInfo { hasNextPage endCursor } nodes { id } } }"
)
COUNTED = "{ %s(first: 50) { ...counted nodes { id } } } fragment counted on %s { totalCount }"


@pytest.mark.parametrize("field", ["members", "ideas", "groups", "calls"])
def test_pages_without_the_total_walk_the_same_nodes_as_the_counted_read(
    api: Api, field: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A query that does not select totalCount is not counted (the page reads one node more
    to learn whether another follows); walking it page by page must find what the counted
    read finds, as every role, and a totalCount asked through a fragment is still counted."""
    connection = field[:-1].capitalize() + "Connection"
    counts: list[bool] = []
    page_read = reads.page_read

    def recorded(*args: Any) -> reads.Read[reads.Page]:
        counts.append(args[-1])
        return page_read(*args)

    monkeypatch.setattr(reads, "page_read", recorded)
    answered = 0
    for role in ROLES:
        counted = api.gql(role, COUNTED % (field, connection))
        if "errors" in counted:
            refused(counted, UNAUTHENTICATED)
            continue
        whole = ok(counted)[field]
        walked: list[str] = []
        after = None
        for _ in range(len(whole["nodes"]) + 1):
            page = ok(api.gql(role, PAGE % field, after=after))[field]
            walked += [node["id"] for node in page["nodes"]]
            if not page["pageInfo"]["hasNextPage"]:
                break
            after = page["pageInfo"]["endCursor"]
        assert walked == [node["id"] for node in whole["nodes"]], (field, role)
        assert whole["totalCount"] == len(walked), (field, role)
        answered += 1
    assert answered >= len(ROLES) - 1
    assert counts.count(True) == answered  # once a role: the fragment's read
    assert len(counts) - answered >= answered  # every page walked, uncounted
    assert counts.count(False) == len(counts) - answered
