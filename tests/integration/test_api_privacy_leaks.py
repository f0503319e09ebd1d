"""Attempts a determined member or partner would make to learn what others withheld, each
through the GraphQL API on the real graph (tests/integration/api_world.py, plus m-eve: open,
visible to members, with capacity, who declared a conflict with m-ada, the proposer of
idea-sub). Each answer must be the one a person who does not exist would get (docs/privacy.md).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from matchmaker.app import create_app
from matchmaker.bootstrap import Runtime
from matchmaker.services.embedding import embed_stale
from tests.integration.api_world import Api, build_world, ok

EVE = """
MATCH (ada:Member {id: 'm-ada'}), (o:Organisation {id: 'org-uni'})
CREATE (eve:Member {id: 'm-eve', name: 'Eve Marsh', email: 'm-eve@example.org',
        discipline: 'Radiotherapy physics', career_stage: 'early', region: 'Wales',
        availability_hours: 8, max_groups: 2, open_to_matching: true, visible_to_members: true,
        visible_to_partners: true,
        expertise_statement: 'Linac energy use and radiotherapy quality assurance.'})
CREATE (eve)-[:WORKS_AT]->(o), (eve)-[:DECLARED_CONFLICT {reason: 'family'}]->(ada)
"""
LINKS = """
MATCH (ada:Member {id: 'm-ada'}), (cat:Member {id: 'm-cat'}), (dan:Member {id: 'm-dan'}),
      (acme:Partner {id: 'p-acme'}), (sub:Idea {id: 'idea-sub'})
CREATE (cat)-[:DECLARED_CONFLICT {reason: 'rival'}]->(dan),
       (ada)-[:DECLARED_CONFLICT {reason: 'shares'}]->(acme),
       (dan)-[:INVITED_TO {by: 'm-ada', at: datetime()}]->(sub)
"""
TEXT = "Reduce radiotherapy linac standby energy use with quality assurance"


@pytest.fixture
def api(runtime: Runtime) -> Iterator[Api]:
    build_world(runtime.graph, runtime.embedder)
    runtime.graph.write(EVE)
    runtime.graph.write(LINKS)
    embed_stale(runtime.graph, runtime.embedder)
    with TestClient(create_app(runtime.settings, runtime_factory=lambda _: runtime)) as client:
        yield Api(client, runtime.settings)


VIEW = """query($id: ID!) { neighbourhood(id: $id, depth: 1) { __typename
  ... on Neighbourhood { nodes { id } edges { source target type } } } }"""


def _edge_types(api: Api, who: str, node: str) -> set[str]:
    view = ok(api.gql(who, VIEW, id=node))["neighbourhood"]
    return {e["type"] for e in view["edges"]}


def test_leak1_graph_view_hides_interest_invitations_and_conflicts(api: Api) -> None:
    assert "DECLARED_CONFLICT" not in _edge_types(api, "member", "m-cat")  # cat -> dan
    assert "DECLARED_CONFLICT" not in _edge_types(api, "partner", "m-ada")  # ada -> acme
    for who in ("member", "partner"):
        assert not {"INTERESTED_IN", "INVITED_TO"} & _edge_types(api, who, "idea-sub")
    assert "DECLARED_CONFLICT" in _edge_types(api, "staff", "m-cat")
    assert {"INTERESTED_IN", "INVITED_TO"} <= _edge_types(api, "staff", "idea-sub")
    assert {"INTERESTED_IN", "INVITED_TO"} <= _edge_types(api, "other_member", "m-dan")  # own


TEAM = """query($input: TeamInput!) { suggestTeam(input: $input) { __typename
  ... on TeamSuggestion { members { memberId } whyNot { memberId reason detail }
      notOpenToMatching }
  ... on InfeasibleConstraints { constraints { kind detail } screenedOut { memberId detail }
      notOpenToMatching }
  ... on NotFound { message } ... on NotAllowed { message } } }"""


def _team(api: Api, who: str, **given: Any) -> dict[str, Any]:
    answer: dict[str, Any] = ok(api.gql(who, TEAM, input={"text": TEXT, "size": 2, **given}))
    return answer["suggestTeam"]


def _lock_answer(api: Api, who: str, member: str, **given: Any) -> list[tuple[str, str]]:
    """What locking `member` answers, with their id taken out."""
    answer = _team(api, who, mustInclude=[member], **given)
    assert answer["__typename"] == "InfeasibleConstraints", answer
    return [(c["kind"], c["detail"].replace(member, "X")) for c in answer["constraints"]]


def test_leak2_locking_an_opted_out_member_answers_like_anyone_unavailable(api: Api) -> None:
    opted_out = _lock_answer(api, "other_member", "m-cat")
    assert opted_out == _lock_answer(api, "other_member", "m-nobody")
    assert opted_out == _lock_answer(api, "other_member", "m-ada")  # open, but at capacity


def test_leak3_locking_for_someone_elses_idea_hides_a_conflict(api: Api) -> None:
    conflicted = _lock_answer(api, "other_member", "m-eve", text="", ideaId="idea-sub")
    assert conflicted == _lock_answer(api, "other_member", "m-nobody", text="", ideaId="idea-sub")
    assert "conflict" not in str(conflicted)


SEARCH = """query($f: SearchFilter) { search(text: "radiotherapy linac", filter: $f) {
  __typename ... on NotAllowed { message } } }"""


def test_leak4_capacity_stays_hidden_in_why_not_and_filters(api: Api) -> None:
    answers = [_team(api, "other_member", mustInclude=[m]) for m in ("m-ada", "m-eve")]
    assert "groups" not in str(answers)
    assert "hours" not in str(answers)
    for who in ("member", "partner"):
        for f in ({"minHours": 5}, {"withCapacity": True}):
            assert ok(api.gql(who, SEARCH, f=f))["search"]["__typename"] == "NotAllowed"
    assert ok(api.gql("staff", SEARCH, f={"minHours": 5}))["search"]["__typename"] == (
        "MemberSearch"
    )


FEEDBACK = """mutation($input: FeedbackInput!) { recordSuggestionFeedback(input: $input) {
  __typename ... on NotFound { message } } }"""


def _decide(api: Api, who: str, candidate: str, kind: str = "MEMBER", **target: str) -> str:
    given = {"targetKind": "CALL", "targetId": "call-1", **target}
    inp = {**given, "candidateId": candidate, "candidateKind": kind, "decision": "DECLINED"}
    answer = ok(api.gql(who, FEEDBACK, input=inp))["recordSuggestionFeedback"]
    return str(answer["__typename"])


def test_leak5_a_members_decline_changes_only_their_own_suggestions(api: Api) -> None:
    assert _decide(api, "other_member", "m-eve") == "FeedbackRecorded"
    staff = _team(api, "staff", text="", callId="call-1", mustInclude=["m-eve"])
    assert staff["__typename"] == "TeamSuggestion", staff
    assert "m-eve" in {m["memberId"] for m in staff["members"]}
    own = _team(api, "other_member", text="", callId="call-1", mustInclude=["m-eve"])
    assert own["__typename"] == "InfeasibleConstraints"  # the decline holds for its maker


def test_leak6_members_hidden_from_members_are_not_suggested(api: Api) -> None:
    hidden = _lock_answer(api, "other_member", "m-ben", size=1)
    assert hidden == _lock_answer(api, "other_member", "m-nobody", size=1)


def test_leak7_staff_get_a_count_not_the_names_of_the_opted_out(api: Api) -> None:
    answer = _team(api, "staff", requireCapacity=False, size=1)
    assert answer["__typename"] == "TeamSuggestion"
    assert "m-cat" not in {w["memberId"] for w in answer["whyNot"]}
    assert answer["notOpenToMatching"] == 1
    locked = _lock_answer(api, "staff", "m-cat", requireCapacity=False)
    assert locked == _lock_answer(api, "staff", "m-nobody", requireCapacity=False)


def test_leak8_feedback_does_not_confirm_a_hidden_partner(api: Api) -> None:
    hidden = _decide(api, "other_member", "p-hidden", "PARTNER")
    assert hidden == _decide(api, "other_member", "p-nobody", "PARTNER") == "NotFound"
    assert _decide(api, "other_member", "p-acme", "PARTNER") == "FeedbackRecorded"


SIGN_IN = """mutation($input: SignInInput!) { signIn(input: $input) { __typename } }"""
AUDIT = "MATCH (e:AuditEvent) RETURN e.action AS action, e.role AS role ORDER BY e.at"


def test_leak9_sign_ins_and_refusals_are_audited(api: Api, runtime: Runtime) -> None:
    ok(api.gql("anonymous", SIGN_IN, input={"role": "STAFF"}))
    ok(api.gql("anonymous", SIGN_IN, input={"role": "ADMIN"}))
    ok(api.gql("anonymous", SIGN_IN, input={"memberId": "m-nobody"}))
    events = [(r["action"], r["role"]) for r in runtime.graph.read(AUDIT)]
    assert events == [("signIn", "staff"), ("signIn", "admin"), ("signInRefused", "member")]
