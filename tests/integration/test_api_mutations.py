"""Every mutation as each role: who may make the change, what it changes, and its audit event."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from embeddings.pipeline import content_hash
from embeddings.texts import node_text
from matchmaker.app import create_app
from matchmaker.bootstrap import Runtime
from tests.integration.api_world import ROLES, Api, build_world, ids, ok, refused


@pytest.fixture
def api(runtime: Runtime) -> Iterator[Api]:
    build_world(runtime.graph, runtime.embedder)
    with TestClient(create_app(runtime.settings, runtime_factory=lambda _: runtime)) as client:
        yield Api(client, runtime.settings)


def only_roles(api: Api, query: str, allowed: set[str], **variables: Any) -> dict[str, Any]:
    """Run `query` as every role; roles outside `allowed` are refused, the rest answer.

    Returns the answers of the allowed roles by role (run last, in ROLES order).
    """
    for role in ROLES:
        if role not in allowed:
            body = api.gql(role, query, **variables)
            refused(body, "UNAUTHENTICATED" if role == "anonymous" else "FORBIDDEN")
    return {role: ok(api.gql(role, query, **variables)) for role in ROLES if role in allowed}


def audit(runtime: Runtime, action: str) -> list[dict[str, Any]]:
    return runtime.graph.read(
        "MATCH (a:AuditEvent {action: $action}) RETURN a.actor AS actor, a.role AS role, "
        "a.target_id AS target, a.detail AS detail, a.at IS NOT NULL AS dated",
        action=action,
    )


PROFILE = """mutation($input: ProfileInput!) { updateMyProfile(input: $input) {
  __typename ... on ProfileSaved { member { id availabilityHours expertiseStatement } }
  ... on ValidationErrors { errors { field message } } } }"""


def test_update_my_profile_only_as_a_member_and_audited(api: Api, runtime: Runtime) -> None:
    change = {"availabilityHours": 8, "expertiseStatement": "Dosimetry audit and linac QA."}
    answers = only_roles(api, PROFILE, {"member", "other_member"}, input=change)
    saved = answers["member"]["updateMyProfile"]["member"]
    assert saved == {
        "id": "m-ada",
        "availabilityHours": 8,
        "expertiseStatement": change["expertiseStatement"],
    }
    events = audit(runtime, "updateMyProfile")
    assert {(e["actor"], e["role"], e["target"]) for e in events} == {
        ("m-ada", "member", "m-ada"),
        ("m-dan", "member", "m-dan"),
    }
    assert all(e["dated"] for e in events)


def test_profile_validation_names_each_field(api: Api, runtime: Runtime) -> None:
    body = ok(
        api.gql("member", PROFILE, input={"name": " ", "availabilityHours": 500, "maxGroups": -1})
    )
    result = body["updateMyProfile"]
    assert result["__typename"] == "ValidationErrors"
    assert {e["field"] for e in result["errors"]} == {"name", "availabilityHours", "maxGroups"}
    assert all(e["message"] for e in result["errors"])
    assert audit(runtime, "updateMyProfile") == []


CONSENT = """mutation { setMyConsent(input: {visibleToPartners: false}) {
  ... on ProfileSaved { member { consent { visibleToPartners } } } } }"""


def test_withdrawn_consent_hides_the_member_from_partners(api: Api, runtime: Runtime) -> None:
    seen = ok(api.gql("partner", "{ members { nodes { id } } }"))
    assert "m-ada" in ids(seen["members"]["nodes"])
    answers = only_roles(api, CONSENT, {"member", "other_member"})
    assert answers["member"]["setMyConsent"]["member"]["consent"] == {"visibleToPartners": False}
    seen = ok(api.gql("partner", '{ members { nodes { id } } member(id: "m-ada") { id } }'))
    assert "m-ada" not in ids(seen["members"]["nodes"])
    assert seen["member"] is None
    assert audit(runtime, "setMyConsent")[0]["detail"] == "visible_to_partners=false"


SUBMIT = """mutation($input: IdeaInput!) { submitIdea(input: $input) {
  __typename ... on IdeaSaved { idea { id title status isMine call { id } themes { id } } }
  ... on ValidationErrors { errors { field } } } }"""
IDEA = {
    "title": "Reusable phantoms",
    "summary": "Phantoms made to be repaired and reused across QA programmes.",
    "callId": "call-1",
    "themeIds": ["th-climate"],
}


def test_submit_idea_as_members_only(api: Api, runtime: Runtime) -> None:
    answers = only_roles(api, SUBMIT, {"member", "other_member"}, input=IDEA)
    idea = answers["member"]["submitIdea"]["idea"]
    assert idea["status"] == "draft"
    assert idea["isMine"]
    assert idea["call"] == {"id": "call-1"}
    assert idea["themes"] == [{"id": "th-climate"}]
    drafts = ok(api.gql("partner", "{ ideas { nodes { id } } }"))
    assert idea["id"] not in ids(drafts["ideas"]["nodes"])
    assert len(audit(runtime, "submitIdea")) == 2
    # The answer came before the vector; the service's own thread writes it just after.
    assert runtime.embed_behind.wait(60)
    assert runtime.embed_behind.failed == 0
    [stored] = runtime.graph.read(
        "MATCH (i:Idea {id: $id}) RETURN properties(i) AS props", id=idea["id"]
    )
    props = stored["props"]
    text = node_text("Idea", props)
    assert "Reusable phantoms" in text
    assert props["embedding_hash"] == content_hash(text, runtime.embedder.name)
    assert len(props["embedding"]) == runtime.embedder.dimension


def test_submit_idea_validation(api: Api) -> None:
    bad = {"title": "x", "themeIds": ["th-nope"], "status": "published"}
    result = ok(api.gql("member", SUBMIT, input=bad))["submitIdea"]
    assert result["__typename"] == "ValidationErrors"
    assert {e["field"] for e in result["errors"]} == {"title", "summary", "status"}
    unknown = ok(api.gql("member", SUBMIT, input={**IDEA, "themeIds": ["th-nope"]}))["submitIdea"]
    assert [e["field"] for e in unknown["errors"]] == ["themeIds"]


UPDATE = """mutation($id: ID!) {
  updateIdea(id: $id, input: {status: "submitted", title: "A better title"}) { __typename
    ... on IdeaSaved { idea { title } } ... on NotAllowed { message }
    ... on NotFound { message } } }"""


def test_update_idea_only_your_own(api: Api, runtime: Runtime) -> None:
    for role in ("anonymous", "staff", "partner", "admin"):
        refused(
            api.gql(role, UPDATE, id="idea-sub"),
            "UNAUTHENTICATED" if role == "anonymous" else "FORBIDDEN",
        )
    assert (
        ok(api.gql("other_member", UPDATE, id="idea-sub"))["updateIdea"]["__typename"]
        == "NotAllowed"
    )
    hidden = ok(api.gql("member", UPDATE, id="idea-draft"))["updateIdea"]
    assert hidden["__typename"] == "NotFound"
    assert "idea-draft" in hidden["message"]
    saved = ok(api.gql("member", UPDATE, id="idea-sub"))["updateIdea"]
    assert saved == {"__typename": "IdeaSaved", "idea": {"title": "A better title"}}
    assert [e["actor"] for e in audit(runtime, "updateIdea")] == ["m-ada"]


INTEREST = """mutation($id: ID!) { expressInterest(ideaId: $id) { __typename
  ... on IdeaSaved { idea { id } } ... on NotFound { message } } }"""


def test_express_interest_as_member_or_partner(api: Api, runtime: Runtime) -> None:
    answers = only_roles(api, INTEREST, {"member", "other_member", "partner"}, id="idea-sub")
    assert answers["partner"]["expressInterest"]["__typename"] == "IdeaSaved"
    draft = ok(api.gql("partner", INTEREST, id="idea-draft"))["expressInterest"]
    assert draft["__typename"] == "NotFound"
    seen = ok(api.gql("member", '{ idea(id: "idea-sub") { interestedPartners { id } } }'))
    assert ids(seen["idea"]["interestedPartners"]) == {"p-acme"}
    assert {e["actor"] for e in audit(runtime, "expressInterest")} == {"m-ada", "m-dan", "p-acme"}


INVITE = """mutation($member: ID!) { inviteToIdea(ideaId: "idea-sub", memberId: $member) {
  __typename ... on IdeaSaved { idea { invited { id } } } ... on NotAllowed { message } } }"""


def test_invite_only_to_your_own_idea(api: Api, runtime: Runtime) -> None:
    for role in ("anonymous", "staff", "partner", "admin"):
        refused(
            api.gql(role, INVITE, member="m-dan"),
            "UNAUTHENTICATED" if role == "anonymous" else "FORBIDDEN",
        )
    assert (
        ok(api.gql("other_member", INVITE, member="m-dan"))["inviteToIdea"]["__typename"]
        == "NotAllowed"
    )
    assert (
        ok(api.gql("member", INVITE, member="m-nobody"))["inviteToIdea"]["__typename"] == "NotFound"
    )
    invited = ok(api.gql("member", INVITE, member="m-dan"))["inviteToIdea"]["idea"]["invited"]
    assert ids(invited) == {"m-dan"}
    assert audit(runtime, "inviteToIdea")[0]["detail"] == "invited m-dan"


CREATE_GROUP = """mutation($input: TaskGroupInput!) { createTaskGroup(input: $input) { __typename
  ... on GroupSaved { group { id kind status members { role member { id } } themes { id } } }
  ... on ValidationErrors { errors { field } } } }"""


def test_create_task_group_as_staff(api: Api, runtime: Runtime) -> None:
    remit = {"name": "Digital twins", "remit": "Position statement on digital twins in QA.",
             "themeIds": ["th-digital"], "memberIds": ["m-dan"], "chairId": "m-ada"}  # fmt: skip
    answers = only_roles(api, CREATE_GROUP, {"staff", "admin"}, input=remit)
    group = answers["staff"]["createTaskGroup"]["group"]
    assert group["kind"] == "TASK_GROUP"
    assert group["themes"] == [{"id": "th-digital"}]
    # A draft: its people are proposed (tests/integration/test_api_groups.py), not members yet.
    assert (group["status"], group["members"]) == ("draft", [])
    bad = ok(api.gql("staff", CREATE_GROUP, input={**remit, "name": "", "memberIds": ["m-nobody"]}))
    assert {e["field"] for e in bad["createTaskGroup"]["errors"]} == {"name"}
    unknown = ok(api.gql("staff", CREATE_GROUP, input={**remit, "memberIds": ["m-nobody"]}))
    assert {e["field"] for e in unknown["createTaskGroup"]["errors"]} == {"memberIds"}
    assert {e["actor"] for e in audit(runtime, "createTaskGroup")} == {"staff-steric", "admin-ipem"}


ADD = """mutation { addGroupMember(groupId: "tg-1", memberId: "m-dan", role: "chair") { __typename
  ... on GroupSaved { group { members { role member { id } } } } } }"""
REMOVE = """mutation { removeGroupMember(groupId: "tg-1", memberId: "m-dan") { __typename
  ... on GroupSaved { group { members { member { id } } } } ... on NotFound { message } } }"""


def test_add_and_remove_group_members_as_staff(api: Api, runtime: Runtime) -> None:
    added = only_roles(api, ADD, {"staff", "admin"})["staff"]["addGroupMember"]["group"]
    assert ("m-dan", "chair") in {(x["member"]["id"], x["role"]) for x in added["members"]}
    removed = only_roles(api, REMOVE, {"staff", "admin"})
    group = removed["staff"]["removeGroupMember"]["group"]
    assert "m-dan" not in ids([x["member"] for x in group["members"]])
    assert removed["admin"]["removeGroupMember"]["__typename"] == "NotFound"
    assert len(audit(runtime, "addGroupMember")) == 2
    assert len(audit(runtime, "removeGroupMember")) == 1


FEEDBACK = """mutation($input: FeedbackInput!) {
  recordSuggestionFeedback(input: $input) { __typename
  ... on FeedbackRecorded { decision candidateId } ... on NotAllowed { message } } }"""


def test_feedback_by_the_idea_owner_or_staff(api: Api, runtime: Runtime) -> None:
    decision = {
        "targetId": "idea-sub",
        "targetKind": "IDEA",
        "candidateId": "m-dan",
        "decision": "ACCEPTED",
    }
    answers = only_roles(
        api, FEEDBACK, {"member", "other_member", "staff", "admin"}, input=decision
    )
    assert answers["other_member"]["recordSuggestionFeedback"]["__typename"] == "NotAllowed"
    assert answers["member"]["recordSuggestionFeedback"] == {
        "__typename": "FeedbackRecorded",
        "decision": "ACCEPTED",
        "candidateId": "m-dan",
    }
    stored = runtime.graph.read(
        "MATCH (s:Suggestion)-[:FOR]->(:Idea {id: 'idea-sub'}) RETURN count(s) AS n"
    )
    assert stored == [{"n": 3}]
    assert len(audit(runtime, "recordSuggestionFeedback")) == 3


IMPORT = """mutation($content: String!) { importData(kind: THEMES, content: $content) { __typename
  ... on ImportSucceeded { created rows } ... on ImportRejected { message problems } } }"""


def test_import_as_staff_all_or_nothing(api: Api, runtime: Runtime) -> None:
    good = "id,name,kind,description\nth-new,Personalised health,emerging_trend,Wearables\n"
    answers = only_roles(api, IMPORT, {"staff", "admin"}, content=good)
    assert answers["staff"]["importData"] == {
        "__typename": "ImportSucceeded",
        "created": 1,
        "rows": 1,
    }
    assert answers["admin"]["importData"] == {
        "__typename": "ImportSucceeded",
        "created": 0,
        "rows": 1,
    }
    bad = "id,name,kind,description\nth-bad,Bad,not_a_kind,\n"
    rejected = ok(api.gql("admin", IMPORT, content=bad))["importData"]
    assert rejected["__typename"] == "ImportRejected"
    assert rejected["problems"]
    assert runtime.graph.read("MATCH (t:Theme {id: 'th-bad'}) RETURN t") == []
    actors = sorted(e["actor"] for e in audit(runtime, "importData"))
    assert actors == ["admin-ipem", "staff-steric"]


WITHDRAW = """mutation($member: ID!) { withdrawInvitation(ideaId: "idea-sub", memberId: $member) {
  __typename ... on IdeaSaved { idea { invited { id } } } ... on NotAllowed { message } } }"""


def test_withdraw_an_invitation_only_from_your_own_idea(api: Api, runtime: Runtime) -> None:
    ok(api.gql("member", INVITE, member="m-dan"))
    for role in ("anonymous", "staff", "partner"):
        refused(
            api.gql(role, WITHDRAW, member="m-dan"),
            "UNAUTHENTICATED" if role == "anonymous" else "FORBIDDEN",
        )
    other = ok(api.gql("other_member", WITHDRAW, member="m-dan"))["withdrawInvitation"]
    assert other["__typename"] == "NotAllowed"
    left = ok(api.gql("member", WITHDRAW, member="m-dan"))["withdrawInvitation"]["idea"]["invited"]
    assert ids(left) == set()
    again = ok(api.gql("member", WITHDRAW, member="m-dan"))["withdrawInvitation"]
    assert again["__typename"] == "IdeaSaved"
    assert audit(runtime, "withdrawInvitation")[0]["detail"] == "withdrew the invitation of m-dan"
