"""Introductions and answers to idea invitations through the API on the real graph: contact
details only after acceptance, a decline told as not available, the limits on asking."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from matchmaker.app import create_app
from matchmaker.bootstrap import Runtime
from matchmaker.domain.introductions import MAX_PER_DAY, NOT_AVAILABLE
from tests.integration.api_world import Api, build_world, ok, refused

ASK = """mutation($member: ID!, $message: String!, $topic: String, $idea: ID, $email: String) {
  requestIntroduction(memberId: $member, message: $message, topic: $topic, ideaId: $idea,
                      contactEmail: $email) {
    __typename
    ... on IntroductionRequested { introduction { id status memberName contactEmail topic
                                                   ideaTitle } }
    ... on NotAllowed { message } ... on NotFound { kind id }
    ... on ValidationErrors { errors { field message } } } }"""
ANSWER = """mutation($id: ID!, $accept: Boolean!) { answerIntroduction(id: $id, accept: $accept) {
  __typename ... on IntroductionAnswered { request { status contactEmail } }
  ... on NotAllowed { message } ... on NotFound { kind } } }"""
TO_ME = """{ introductionRequests { id status topic message requesterName requesterKind
  contactEmail ideaTitle } }"""
MINE = "{ myIntroductions { id status memberId contactEmail } }"
EMAIL = "query($id: ID!) { member(id: $id) { email } }"
MESSAGE = "We make radiotherapy QA phantoms and would value your view on linac energy use."


@pytest.fixture
def api(runtime: Runtime) -> Iterator[Api]:
    build_world(runtime.graph, runtime.embedder)
    with TestClient(create_app(runtime.settings, runtime_factory=lambda _: runtime)) as client:
        yield Api(client, runtime.settings)


def ask(api: Api, who: str, member: str, **more: Any) -> dict[str, Any]:
    variables = {"topic": "linac energy", "email": "bd@acme.example", **more}
    answer: dict[str, Any] = ok(api.gql(who, ASK, member=member, message=MESSAGE, **variables))
    return answer["requestIntroduction"]


def test_a_partner_sees_the_members_address_only_once_they_accept(api: Api) -> None:
    asked = ask(api, "partner", "m-ada")["introduction"]
    assert asked["status"] == "pending"
    assert asked["contactEmail"] is None
    assert ok(api.gql("partner", EMAIL, id="m-ada"))["member"] == {"email": None}
    [request] = ok(api.gql("member", TO_ME))["introductionRequests"]
    assert request["requesterName"] == "Acme Devices"
    assert request["requesterKind"] == "partner"
    assert request["contactEmail"] is None
    answered = ok(api.gql("member", ANSWER, id=request["id"], accept=True))
    assert answered["answerIntroduction"]["request"] == {
        "status": "accepted",
        "contactEmail": "bd@acme.example",
    }
    [mine] = ok(api.gql("partner", MINE))["myIntroductions"]
    assert mine["status"] == "accepted"
    assert mine["contactEmail"] == "m-ada@example.org"
    assert ok(api.gql("partner", EMAIL, id="m-ada"))["member"] == {"email": "m-ada@example.org"}


def test_members_introduced_see_each_other_even_when_hidden_from_members(
    api: Api, runtime: Runtime
) -> None:
    runtime.graph.write("MATCH (m:Member {id: 'm-dan'}) SET m.visible_to_members = false")
    assert ok(api.gql("member", EMAIL, id="m-dan"))["member"] is None
    runtime.graph.write("MATCH (m:Member {id: 'm-dan'}) SET m.visible_to_members = true")
    ask(api, "member", "m-dan")
    runtime.graph.write("MATCH (m:Member {id: 'm-ada'}) SET m.visible_to_members = false")
    [request] = ok(api.gql("other_member", TO_ME))["introductionRequests"]
    assert ok(api.gql("other_member", EMAIL, id="m-ada"))["member"] is None
    ok(api.gql("other_member", ANSWER, id=request["id"], accept=True))
    [request] = ok(api.gql("other_member", TO_ME))["introductionRequests"]
    assert request["contactEmail"] == "m-ada@example.org"


def test_a_decline_is_final_and_told_as_not_available(api: Api) -> None:
    asked = ask(api, "partner", "m-ada")["introduction"]
    declined = ok(api.gql("member", ANSWER, id=asked["id"], accept=False))
    assert declined["answerIntroduction"]["request"] == {"status": "declined", "contactEmail": None}
    [mine] = ok(api.gql("partner", MINE))["myIntroductions"]
    assert mine["status"] == "not_available"
    assert mine["contactEmail"] is None
    assert ok(api.gql("partner", EMAIL, id="m-ada"))["member"] == {"email": None}
    again = ask(api, "partner", "m-ada")
    assert again == {"__typename": "NotAllowed", "message": NOT_AVAILABLE}
    twice = ok(api.gql("member", ANSWER, id=asked["id"], accept=True))["answerIntroduction"]
    assert twice["__typename"] == "NotAllowed"


def test_only_the_member_asked_answers(api: Api) -> None:
    asked = ask(api, "partner", "m-ada")["introduction"]
    answer = ok(api.gql("other_member", ANSWER, id=asked["id"], accept=True))
    assert answer["answerIntroduction"] == {
        "__typename": "NotFound",
        "kind": "introduction request",
    }
    refused(api.gql("partner", ANSWER, id=asked["id"], accept=True), "FORBIDDEN")
    refused(api.gql("staff", ASK, member="m-ada", message=MESSAGE, topic="x y z"), "FORBIDDEN")


def test_members_a_requester_may_not_match_answer_as_unknown(api: Api) -> None:
    hidden = ask(api, "partner", "m-ben")  # visible to nobody but staff
    opted_out = ask(api, "partner", "m-cat")  # visible to partners, not open to matching
    unknown = ask(api, "partner", "m-nobody")
    for answer, ident in ((hidden, "m-ben"), (opted_out, "m-cat"), (unknown, "m-nobody")):
        assert answer == {"__typename": "NotFound", "kind": "member", "id": ident}


def test_asking_twice_while_pending_is_refused(api: Api) -> None:
    ask(api, "member", "m-dan")
    again = ask(api, "member", "m-dan")
    assert again["__typename"] == "NotAllowed"
    assert "already asked" in again["message"]


def test_requests_are_limited_per_requester_per_day(api: Api, runtime: Runtime) -> None:
    runtime.graph.write(
        "MATCH (p:Partner {id: 'p-acme'}), (m:Member {id: 'm-dan'}) "
        "UNWIND range(1, $n) AS i "
        "CREATE (x:Introduction {id: 'old-' + i, status: 'pending', created: datetime(), "
        "requester_kind: 'partner'})-[:REQUESTED_BY]->(p), (x)-[:INTRODUCES]->(m)",
        n=MAX_PER_DAY,
    )
    answer = ask(api, "partner", "m-ada")
    assert answer["__typename"] == "NotAllowed"
    assert "24 hours" in answer["message"]
    assert ok(api.gql("member", TO_ME))["introductionRequests"] == []


def test_bad_requests_name_the_problem(api: Api) -> None:
    both = ask(api, "member", "m-dan", idea="idea-sub")
    assert {e["field"] for e in both["errors"]} == {"topic"}
    no_address = ask(api, "partner", "m-ada", email=None)
    assert {e["field"] for e in no_address["errors"]} == {"contactEmail"}
    short = ok(api.gql("member", ASK, member="m-dan", message="hi", topic="linac"))
    assert {e["field"] for e in short["requestIntroduction"]["errors"]} == {"message"}


def test_a_request_about_an_idea_names_it(api: Api) -> None:
    asked = ask(api, "partner", "m-ada", topic=None, idea="idea-sub")["introduction"]
    assert asked["ideaTitle"] == "Low-energy linac standby"
    assert asked["topic"] is None
    draft = ask(api, "partner", "m-ada", topic=None, idea="idea-draft")
    assert draft == {"__typename": "NotFound", "kind": "idea", "id": "idea-draft"}


INVITE = """mutation($member: ID!) { inviteToIdea(ideaId: "idea-sub", memberId: $member) {
  __typename } }"""
WITHDRAW = """mutation($member: ID!) { withdrawInvitation(ideaId: "idea-sub", memberId: $member) {
  __typename } }"""
ANSWER_INVITATION = """mutation($accept: Boolean!) {
  answerIdeaInvitation(ideaId: "idea-sub", accept: $accept) {
    __typename ... on IdeaInvitationAnswered { invitation { ideaTitle invitedBy status } }
    ... on NotAllowed { message } ... on NotFound { kind } } }"""
INVITED = '{ ideaInvitations(ideaId: "idea-sub") { memberId status } }'
INTERESTED = '{ idea(id: "idea-sub") { interestedMembers { id } } }'


def test_an_accepted_invitation_joins_the_idea(api: Api, runtime: Runtime) -> None:
    runtime.graph.write("MATCH (:Member {id: 'm-dan'})-[r:INTERESTED_IN]->() DELETE r")
    ok(api.gql("member", INVITE, member="m-dan"))
    [invitation] = ok(api.gql("other_member", "{ myIdeaInvitations { ideaId status } }"))[
        "myIdeaInvitations"
    ]
    assert invitation == {"ideaId": "idea-sub", "status": "pending"}
    assert ok(api.gql("member", INVITED))["ideaInvitations"] == [
        {"memberId": "m-dan", "status": "pending"}
    ]
    answer = ok(api.gql("other_member", ANSWER_INVITATION, accept=True))
    assert answer["answerIdeaInvitation"]["invitation"] == {
        "ideaTitle": "Low-energy linac standby",
        "invitedBy": "Ada Fenwick",
        "status": "accepted",
    }
    interested = ok(api.gql("member", INTERESTED))["idea"]["interestedMembers"]
    assert {"id": "m-dan"} in interested
    assert ok(api.gql("member", INVITED))["ideaInvitations"][0]["status"] == "accepted"


def test_a_declined_invitation_is_final_and_told_as_not_available(api: Api) -> None:
    ok(api.gql("member", INVITE, member="m-dan"))
    ok(api.gql("other_member", ANSWER_INVITATION, accept=False))
    assert ok(api.gql("member", INVITED))["ideaInvitations"] == [
        {"memberId": "m-dan", "status": "not_available"}
    ]
    assert ok(api.gql("staff", INVITED))["ideaInvitations"][0]["status"] == "declined"
    ok(api.gql("member", WITHDRAW, member="m-dan"))
    ok(api.gql("member", INVITE, member="m-dan"))
    assert ok(api.gql("member", INVITED))["ideaInvitations"][0]["status"] == "not_available"
    again = ok(api.gql("other_member", ANSWER_INVITATION, accept=True))["answerIdeaInvitation"]
    assert again["__typename"] == "NotAllowed"


def test_only_the_invitee_answers_and_only_the_submitter_reads_invitations(api: Api) -> None:
    none = ok(api.gql("other_member", ANSWER_INVITATION, accept=True))["answerIdeaInvitation"]
    assert none == {"__typename": "NotFound", "kind": "invitation"}
    assert ok(api.gql("other_member", INVITED))["ideaInvitations"] is None
    refused(api.gql("partner", ANSWER_INVITATION, accept=True), "FORBIDDEN")
