"""Property: whatever the consent flags and whoever asks, no hidden fact reaches the viewer.

On the small graph of tests/integration/api_world.py, each example draws consent flags for
the four members and a viewer (a member, a partner or staff), then asks every read path
(directory, search, team suggestion, graph view) and checks each answer against the policy
(matchmaker.domain.privacy): only people the viewer may see are named, and locking a person
the viewer may not have suggested answers exactly as locking an id that does not exist.
Bounded: a few dozen examples on one graph, about a minute.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

from matchmaker.app import create_app
from matchmaker.bootstrap import Runtime
from matchmaker.domain.privacy import Consent, Looker, matchable, sees_member
from tests.integration.api_world import IDENTITIES, Api, build_world, ids, ok

MEMBERS = ("m-ada", "m-ben", "m-cat", "m-dan")
VIEWERS = ("member", "other_member", "partner", "staff")
TEXT = "Reduce radiotherapy linac standby energy use with quality assurance"
SET_FLAGS = """
UNWIND $rows AS row MATCH (m:Member {id: row.id})
SET m.open_to_matching = row.open, m.visible_to_members = row.members,
    m.visible_to_partners = row.partners
"""
DIRECTORY = "{ members(first: 50) { totalCount nodes { id } } }"
SEARCH = """query($t: String!) { search(text: $t, first: 20) {
  ... on MemberSearch { results { nodes { memberId } } } } }"""
VIEW = """query($id: ID!) { neighbourhood(id: $id, depth: 2) {
  ... on Neighbourhood { nodes { id } } } }"""
TEAM = """query($input: TeamInput!) { suggestTeam(input: $input) { __typename
  ... on TeamSuggestion { members { memberId } whyNot { memberId } gaps { bestAvailableId } }
  ... on InfeasibleConstraints { constraints { kind detail } screenedOut { memberId } } } }"""

flags = st.tuples(st.booleans(), st.booleans(), st.booleans()).map(lambda t: Consent(*t))


@pytest.fixture
def api(runtime: Runtime) -> Iterator[Api]:
    build_world(runtime.graph, runtime.embedder)
    with TestClient(create_app(runtime.settings, runtime_factory=lambda _: runtime)) as client:
        yield Api(client, runtime.settings)


def _looker(viewer: str) -> Looker:
    identity = IDENTITIES[viewer]
    assert identity is not None
    return Looker(identity[1].value, identity[0])


def _team_names(answer: dict[str, Any]) -> set[str]:
    named = {m["memberId"] for m in answer.get("members", [])}
    named |= {w["memberId"] for w in answer.get("whyNot", []) + answer.get("screenedOut", [])}
    return named | {g["bestAvailableId"] for g in answer.get("gaps", []) if g["bestAvailableId"]}


def _lock(api: Api, viewer: str, member: str) -> object:
    given = {"text": TEXT, "size": 1, "mustInclude": [member]}
    answer = ok(api.gql(viewer, TEAM, input=given))["suggestTeam"]
    if answer["__typename"] != "InfeasibleConstraints":
        return answer["__typename"]
    return [(c["kind"], c["detail"].replace(member, "X")) for c in answer["constraints"]]


@settings(
    max_examples=16,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(consents=st.tuples(flags, flags, flags, flags), viewer=st.sampled_from(VIEWERS))
def test_no_hidden_fact_reaches_a_viewer(
    api: Api, runtime: Runtime, consents: tuple[Consent, ...], viewer: str
) -> None:
    rows = [
        {"id": m, "open": c.open_to_matching, "members": c.visible_to_members,
         "partners": c.visible_to_partners}
        for m, c in zip(MEMBERS, consents, strict=True)
    ]  # fmt: skip
    runtime.graph.write(SET_FLAGS, rows=rows)
    if runtime.match_index is not None:  # so that two answers compared see the same graph
        runtime.match_index.refresh()
    looker, consent = _looker(viewer), dict(zip(MEMBERS, consents, strict=True))
    seen = {m for m in MEMBERS if sees_member(looker, m, consent[m])}
    named = {m for m in MEMBERS if matchable(looker, m, consent[m])}

    directory = ok(api.gql(viewer, DIRECTORY))["members"]
    assert ids(directory["nodes"]) == seen
    assert directory["totalCount"] == len(seen)
    hits = ok(api.gql(viewer, SEARCH, t=TEXT))["search"]["results"]["nodes"]
    assert {h["memberId"] for h in hits} <= named
    view = ok(api.gql(viewer, VIEW, id="sig-rt"))["neighbourhood"]["nodes"]
    assert ids(view) & set(MEMBERS) <= seen
    if viewer == "partner":
        return
    team = ok(api.gql(viewer, TEAM, input={"text": TEXT, "size": 2, "requireCapacity": False}))
    assert _team_names(team["suggestTeam"]) & set(MEMBERS) <= named
    unknown = _lock(api, viewer, "m-nobody")
    for member in set(MEMBERS) - named - {looker.id}:
        assert _lock(api, viewer, member) == unknown, member
