"""What a read built for one audience shows, checked in Neo4j against the privacy policy.

The API builds each query for the viewer's audience (graph_schema.queries.api_visibility
.visible_to). Here each rule runs on nodes with every combination of the flags it reads:
members against matchmaker.domain.privacy.sees_member, ideas, partners and groups against
the rules the module states, and the general rule (chosen by $audience) against the same.
"""

from __future__ import annotations

import itertools

import pytest

from graph_schema import model as m
from graph_schema.queries.api_visibility import AUDIENCES, visible, visible_to
from matchmaker.adapters.graph import Graph
from matchmaker.domain.privacy import Consent, Looker, sees_member

FLAGS = (None, True, False)
VIEWERS = {"member": "m-18", "partner": "p-2"}  # m-18 hides from members, p-2 is hidden

NODES = """
UNWIND $members AS row CREATE (x:Member {id: row.id, name: row.id})
SET x.visible_to_members = row.a, x.visible_to_partners = row.b, x.open_to_matching = row.c
WITH count(*) AS done
UNWIND $partners AS row CREATE (p:Partner {id: row.id, name: row.id}) SET p.visible = row.visible
WITH count(*) AS done
UNWIND $ideas AS row CREATE (i:Idea {id: row.id, title: row.id}) SET i.status = row.status
WITH i, row MATCH (a:Member {id: row.by}) CREATE (i)-[:SUBMITTED_BY]->(a)
WITH count(*) AS done
MATCH (i:Idea {id: 'i-invited'}), (a:Member {id: 'm-18'}) CREATE (a)-[:INVITED_TO]->(i)
WITH count(*) AS done
UNWIND $groups AS row CREATE (g:Group:TaskGroup {id: row.id, name: row.id})
SET g.status = row.status
WITH count(*) AS done
CREATE (:Group:SIG {id: 'g-sig', name: 'sig', status: 'draft'}),
       (:Group:CoI {id: 'g-coi', name: 'coi'}),
       (:Organisation {id: 'o-1', name: 'org'}), (:Call {id: 'c-1', title: 'call'})
"""


MEMBERS = [
    {"id": f"m-{i}", "a": a, "b": b, "c": c}
    for i, (a, b, c) in enumerate(itertools.product(FLAGS, FLAGS, FLAGS))
]
SIGNED_IN = {"member", "partner", "staff", "admin"}
STAFF = {"staff", "admin"}


def _expected(label: str, audience: str) -> set[str]:
    """The ids the policy lets `audience` see, written out from the module's rules."""
    if label == m.MEMBER:
        looker = Looker(audience, VIEWERS.get(audience, ""))
        return {row["id"] for row in MEMBERS if sees_member(looker, row["id"], _consent(row))}
    everything = {
        m.PARTNER: {"p-0", "p-1", "p-2"},
        m.IDEA: {"i-draft-mine", "i-draft-other", "i-invited", "i-submitted", "i-no-status"},
        m.GROUP: {"g-draft", "g-invitations_sent", "g-active", "g-None", "g-sig", "g-coi"},
        m.ORGANISATION: {"o-1"},
        m.CALL: {"c-1"},
    }[label]
    if audience in STAFF or label == m.CALL:
        return everything
    if audience == "anonymous":
        return {"g-sig", "g-coi"} if label == m.GROUP else set()
    return {
        m.PARTNER: {"p-0", "p-1"} | ({"p-2"} if audience == "partner" else set()),
        m.IDEA: {"i-submitted"}
        | ({"i-draft-mine", "i-invited"} if audience == "member" else set()),
        m.GROUP: {"g-active", "g-None", "g-sig", "g-coi"},
        m.ORGANISATION: {"o-1"},
    }[label]


def _consent(row: dict[str, bool | None]) -> Consent:
    given = {"visible_to_members": row["a"], "visible_to_partners": row["b"],
             "open_to_matching": row["c"]}  # fmt: skip
    return Consent(**{k: v for k, v in given.items() if v is not None})


def _world(graph: Graph) -> None:
    members = MEMBERS
    partners = [{"id": f"p-{i}", "visible": v} for i, v in enumerate(FLAGS)]
    ideas = [
        {"id": "i-draft-mine", "status": "draft", "by": "m-18"},
        {"id": "i-draft-other", "status": "draft", "by": "m-1"},
        {"id": "i-invited", "status": "draft", "by": "m-2"},
        {"id": "i-submitted", "status": "submitted", "by": "m-1"},
        {"id": "i-no-status", "status": None, "by": "m-1"},
    ]
    groups = [{"id": f"g-{s}", "status": s} for s in ("draft", "invitations_sent", "active", None)]
    graph.write(NODES, members=members, partners=partners, ideas=ideas, groups=groups)


def _ids(graph: Graph, label: str, predicate: str, **params: object) -> set[str]:
    rows = graph.read(f"MATCH (n:{label}) WHERE {predicate} RETURN n.id AS id", **params)
    return {row["id"] for row in rows}


@pytest.mark.parametrize("audience", AUDIENCES)
def test_each_audience_sees_what_the_policy_lets_it_see(graph: Graph, audience: str) -> None:
    _world(graph)
    viewer = VIEWERS.get(audience, "")
    for label in (m.MEMBER, m.PARTNER, m.IDEA, m.GROUP, m.ORGANISATION, m.CALL):
        expected = _expected(label, audience)
        built = visible_to(label, "n", audience)
        params = {"viewer": viewer} if "$viewer" in built else {}
        assert _ids(graph, label, built, **params) == expected, (label, audience)
        general = visible(label, "n")
        params = {
            k: v for k, v in {"audience": audience, "viewer": viewer}.items() if f"${k}" in general
        }
        assert _ids(graph, label, general, **params) == expected, (label, audience)
