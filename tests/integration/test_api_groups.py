"""A Task-and-Finish group's life through the GraphQL API on the real graph: staff save a draft,
edit it, invite, activate and close it; invited members answer; nobody else learns of it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from graph_schema import migrations as mg
from matchmaker.app import create_app
from matchmaker.auth.roles import Role, Viewer
from matchmaker.bootstrap import Runtime
from matchmaker.services import task_groups
from matchmaker.services.task_groups import InvitationsSent
from tests.integration.api_world import ROLES, Api, build_world, ok, refused


@pytest.fixture
def api(runtime: Runtime) -> Iterator[Api]:
    build_world(runtime.graph, runtime.embedder)
    with TestClient(create_app(runtime.settings, runtime_factory=lambda _: runtime)) as client:
        yield Api(client, runtime.settings)


LIFECYCLE = """name remit state minimumAccepted acceptedCount activationBlocker
  themes { id } seats { memberId invitation role member { name } }"""
OUTCOME = f"""__typename ... on TaskGroupChanged {{ invited group {{ {LIFECYCLE} }} }}
  ... on GroupRuleBroken {{ rule message }} ... on NotFound {{ message }}
  ... on ValidationErrors {{ errors {{ field message }} }}"""
CREATE = """mutation($input: TaskGroupInput!) { createTaskGroup(input: $input) { __typename
  ... on GroupSaved { group { id kind status members { member { id } } } }
  ... on ValidationErrors { errors { field } } ... on GroupRuleBroken { rule } } }"""
READ = f"query($id: ID!) {{ taskGroupLifecycle(id: $id) {{ {LIFECYCLE} }} }}"
GROUP = "query($id: ID!) { group(id: $id) { id status members { role member { id } } } }"
UPDATE = f"""mutation($g: ID!, $input: TaskGroupEdit!) {{
  updateTaskGroup(groupId: $g, input: $input) {{ {OUTCOME} }} }}"""
ADD = f"mutation($g: ID!, $m: ID!) {{ addToTaskGroup(groupId: $g, memberId: $m) {{ {OUTCOME} }} }}"
REMOVE = f"""mutation($g: ID!, $m: ID!) {{
  removeFromTaskGroup(groupId: $g, memberId: $m) {{ {OUTCOME} }} }}"""
CHAIR = (
    f"mutation($g: ID!, $m: ID) {{ setTaskGroupChair(groupId: $g, memberId: $m) {{ {OUTCOME} }} }}"
)
SEND = f"mutation($g: ID!) {{ sendGroupInvitations(groupId: $g) {{ {OUTCOME} }} }}"
ACTIVATE = f"mutation($g: ID!) {{ activateTaskGroup(groupId: $g) {{ {OUTCOME} }} }}"
CLOSE = f"mutation($g: ID!) {{ closeTaskGroup(groupId: $g) {{ {OUTCOME} }} }}"
ANSWER = """mutation($g: ID!, $accept: Boolean!) {
  answerGroupInvitation(groupId: $g, accept: $accept) {
  __typename ... on InvitationAnswered { invitation { groupId name invitation role } }
  ... on GroupRuleBroken { rule message } ... on NotFound { message } } }"""
MINE = "{ myGroupInvitations { groupId name remit invitation role } }"
REMIT = "Write guidance on the energy use of imaging departments."


def _create(api: Api, **extra: Any) -> str:
    draft = {"name": "Greener imaging T&F", "remit": REMIT, "themeIds": ["th-climate"],
             "memberIds": ["m-ada", "m-ben", "m-cat"], **extra}  # fmt: skip
    saved = ok(api.gql("staff", CREATE, input=draft))["createTaskGroup"]
    assert saved["__typename"] == "GroupSaved", saved
    return str(saved["group"]["id"])


def _do(api: Api, query: str, who: str = "staff", **variables: Any) -> dict[str, Any]:
    data = ok(api.gql(who, query, **variables))
    return next(iter(data.values()))  # type: ignore[no-any-return]


def _seats(outcome: dict[str, Any]) -> dict[str, tuple[str, str]]:
    return {s["memberId"]: (s["invitation"], s["role"]) for s in outcome["group"]["seats"]}


def _audit(runtime: Runtime, target: str) -> list[str]:
    rows = runtime.graph.read(
        "MATCH (a:AuditEvent {target_id: $t}) RETURN a.action AS action ORDER BY a.at", t=target
    )
    return [r["action"] for r in rows]


def test_staff_save_a_draft_that_only_staff_see(api: Api, runtime: Runtime) -> None:
    for role in ROLES:
        if role not in ("staff", "admin"):
            refused(api.gql(role, CREATE, input={"name": "x", "remit": REMIT}),
                    "UNAUTHENTICATED" if role == "anonymous" else "FORBIDDEN")  # fmt: skip
    group_id = _create(api, chairId="m-dan", minimumAccepted=2)
    lifecycle = ok(api.gql("staff", READ, id=group_id))["taskGroupLifecycle"]
    assert lifecycle["state"] == "DRAFT"
    assert lifecycle["minimumAccepted"] == 2
    assert lifecycle["themes"] == [{"id": "th-climate"}]
    assert {s["memberId"]: (s["invitation"], s["role"]) for s in lifecycle["seats"]} == {
        "m-ada": ("PROPOSED", "member"),
        "m-ben": ("PROPOSED", "member"),
        "m-cat": ("PROPOSED", "member"),
        "m-dan": ("PROPOSED", "chair"),
    }
    assert "after its invitations are sent" in lifecycle["activationBlocker"]
    # Nobody has accepted: the group has no members yet, and exists for staff alone.
    assert ok(api.gql("staff", GROUP, id=group_id))["group"]["members"] == []
    for who in ("member", "other_member", "partner", "anonymous"):
        assert ok(api.gql(who, GROUP, id=group_id))["group"] is None, who
        listed = ok(api.gql(who, "{ groups(first: 50) { nodes { id } } }"))["groups"]["nodes"]
        assert group_id not in {g["id"] for g in listed}, who
    assert ok(api.gql("member", MINE))["myGroupInvitations"] == []
    assert _audit(runtime, group_id) == ["createTaskGroup"]


def test_drafts_are_validated_before_anything_is_written(api: Api, runtime: Runtime) -> None:
    bad = {"name": "", "remit": "short", "memberIds": ["m-nobody"], "minimumAccepted": 0}
    errors = _do(api, CREATE, input=bad)["errors"]
    assert {e["field"] for e in errors} == {"name", "remit", "minimumAccepted"}
    unknown = _do(api, CREATE, input={"name": "Fine name", "remit": REMIT, "memberIds": ["m-x"]})
    assert {e["field"] for e in unknown["errors"]} == {"memberIds"}
    assert runtime.graph.read("MATCH (g:TaskGroup) RETURN count(g) AS n")[0]["n"] == 1  # tg-1


def test_staff_edit_a_draft_and_each_rule_is_named(api: Api, runtime: Runtime) -> None:
    g = _create(api)
    edit = {"name": "Greener imaging guidance", "remit": REMIT + " And CT.", "minimumAccepted": 1}
    renamed = _do(api, UPDATE, g=g, input=edit)
    assert renamed["group"]["name"] == edit["name"]
    assert renamed["group"]["remit"] == edit["remit"]
    assert renamed["group"]["minimumAccepted"] == 1
    assert _do(api, UPDATE, g=g, input={"name": "x"})["errors"][0]["field"] == "name"
    assert _seats(_do(api, ADD, g=g, m="m-dan"))["m-dan"] == ("PROPOSED", "member")
    assert _do(api, ADD, g=g, m="m-dan")["rule"] == "already-seated"
    assert _do(api, ADD, g=g, m="m-nobody")["__typename"] == "NotFound"
    assert "m-cat" not in _seats(_do(api, REMOVE, g=g, m="m-cat"))
    assert _do(api, REMOVE, g=g, m="m-cat")["rule"] == "not-seated"
    assert _seats(_do(api, CHAIR, g=g, m="m-ada"))["m-ada"] == ("PROPOSED", "chair")
    moved = _seats(_do(api, CHAIR, g=g, m="m-ben"))
    assert (moved["m-ada"], moved["m-ben"]) == (("PROPOSED", "member"), ("PROPOSED", "chair"))
    assert _do(api, CHAIR, g=g, m="m-cat")["rule"] == "not-seated"
    assert _do(api, ADD, g="tg-nope", m="m-dan")["__typename"] == "NotFound"
    # The SIG route that seats members at once is closed to a group still being formed.
    direct = f'mutation {{ addGroupMember(groupId: "{g}", memberId: "m-cat") {{ __typename }} }}'
    assert _do(api, direct)["__typename"] == "NotAllowed"
    assert _audit(runtime, g).count("addToTaskGroup") == 1  # refusals write nothing


def test_invite_answer_activate_and_close(api: Api, runtime: Runtime) -> None:
    g = _create(api, chairId="m-dan", minimumAccepted=2)
    sent = _do(api, SEND, g=g)
    assert sorted(sent["invited"]) == ["m-ada", "m-ben", "m-cat", "m-dan"]
    assert sent["group"]["state"] == "INVITATIONS_SENT"
    assert {v[0] for v in _seats(sent).values()} == {"INVITED"}
    assert _do(api, SEND, g=g)["rule"] == "nobody-to-invite"
    assert _do(api, CHAIR, g=g, m="m-ada")["rule"] == "chair-seat"

    # Each invited member sees their own invitation, and only theirs.
    mine = ok(api.gql("member", MINE))["myGroupInvitations"]
    assert mine == [{"groupId": g, "name": "Greener imaging T&F", "remit": REMIT,
                     "invitation": "INVITED", "role": "member"}]  # fmt: skip
    assert ok(api.gql("other_member", MINE))["myGroupInvitations"][0]["role"] == "chair"
    assert ok(api.gql("member", GROUP, id=g))["group"] is None  # still forming

    activate = _do(api, ACTIVATE, g=g)
    assert activate["rule"] == "minimum-accepted"
    assert activate["message"] == (
        "At least 2 members must accept before the group is activated (0 have)."
    )
    declined = _do(api, ANSWER, who="member", g=g, accept=False)
    assert declined["invitation"]["invitation"] == "DECLINED"
    assert _do(api, ANSWER, who="member", g=g, accept=True)["rule"] == "answered-already"
    assert _do(api, ADD, g=g, m="m-ada")["rule"] == "decline-final"
    assert _do(api, ANSWER, who="other_member", g=g, accept=True)["invitation"]["role"] == "chair"

    # m-ben and m-cat are not among the API world's signed-in members: answer as them directly.
    for member in ("m-ben", "m-cat"):
        task_groups.answer_invitation(runtime.graph, Viewer(member, Role.MEMBER), g, accept=True)
    after = ok(api.gql("staff", READ, id=g))["taskGroupLifecycle"]
    assert after["acceptedCount"] == 3
    assert after["activationBlocker"] is None
    active = _do(api, ACTIVATE, g=g)
    assert active["group"]["state"] == "ACTIVE"

    # Active: members are those who accepted, to everyone who may see them; the decline stays
    # between m-ada and staff.
    seen = ok(api.gql("other_member", GROUP, id=g))["group"]
    assert seen["status"] == "active"
    members = {(x["member"]["id"], x["role"]) for x in seen["members"] if x["member"]}
    assert members == {("m-dan", "chair"), ("m-cat", "member")}  # m-ben hides from members
    assert "m-ada" not in str(seen)
    assert _do(api, ADD, g=g, m="m-ada")["rule"] == "editable-states"
    assert _do(api, CLOSE, g=g)["group"]["state"] == "CLOSED"
    assert _do(api, CLOSE, g=g)["rule"] == "already-closed"
    assert _audit(runtime, g) == [
        "createTaskGroup", "sendGroupInvitations", "answerGroupInvitation",
        "answerGroupInvitation", "answerGroupInvitation", "answerGroupInvitation",
        "activateTaskGroup", "closeTaskGroup",
    ]  # fmt: skip


def test_send_invitations_returns_the_members_it_invited(api: Api, runtime: Runtime) -> None:
    g = _create(api)
    sent = task_groups.send_invitations(runtime.graph, Viewer("staff-steric", Role.STAFF), g)
    assert isinstance(sent, InvitationsSent)
    assert sent.invited == ("m-ada", "m-ben", "m-cat")
    assert sent.group.lifecycle.count(task_groups.Invitation.INVITED) == 3


def test_only_the_invited_member_answers_and_only_their_own(api: Api) -> None:
    g = _create(api)
    # Proposed but not yet invited: the invitation does not exist for m-ada.
    assert _do(api, ANSWER, who="member", g=g, accept=True)["__typename"] == "NotFound"
    _do(api, SEND, g=g)
    # m-dan was never proposed: the same answer as for a group that does not exist.
    assert _do(api, ANSWER, who="other_member", g=g, accept=True)["__typename"] == "NotFound"
    assert _do(api, ANSWER, who="other_member", g="tg-nope", accept=True)["__typename"] == (
        "NotFound"
    )
    for who in ("staff", "partner", "admin"):
        refused(api.gql(who, ANSWER, g=g, accept=True), "FORBIDDEN")
        refused(api.gql(who, MINE), "FORBIDDEN")
    for who in ("member", "partner"):
        refused(api.gql(who, READ, id=g), "FORBIDDEN")
        refused(api.gql(who, SEND, g=g), "FORBIDDEN")
        refused(api.gql(who, ACTIVATE, g=g), "FORBIDDEN")


def test_proposals_are_private_edges_in_the_graph_view(api: Api) -> None:
    g = _create(api)
    _do(api, SEND, g=g)
    _do(api, ANSWER, who="member", g=g, accept=False)
    query = """query($id: ID!) { neighbourhood(id: $id) { ... on Neighbourhood {
      nodes { id } edges { type source target } } } }"""
    for who in ("other_member", "partner"):
        view = ok(api.gql(who, query, id="m-ada"))["neighbourhood"]
        assert g not in {n["id"] for n in view["nodes"]}, who
        assert "PROPOSED_FOR" not in {e["type"] for e in view["edges"]}, who
    staff_view = ok(api.gql("staff", query, id="m-ada"))["neighbourhood"]
    assert ("PROPOSED_FOR", g) in {(e["type"], e["target"]) for e in staff_view["edges"]}


def test_groups_saved_before_the_lifecycle_read_active_with_members_accepted(
    api: Api, runtime: Runtime
) -> None:
    runtime.graph.write("MATCH (g:TaskGroup {id: 'tg-1'}) REMOVE g.status")
    migration = next(x for x in mg.MIGRATIONS if x.version == 6)
    for statement in migration.statements(0):
        runtime.graph.write(statement)
        runtime.graph.write(statement)  # idempotent
    old = ok(api.gql("staff", READ, id="tg-1"))["taskGroupLifecycle"]
    assert old["state"] == "ACTIVE"
    assert {(s["memberId"], s["invitation"]) for s in old["seats"]} == {
        ("m-ada", "ACCEPTED"),
        ("m-ben", "ACCEPTED"),
    }
    assert _do(api, REMOVE, g="tg-1", m="m-ada")["rule"] == "editable-states"
    assert ok(api.gql("staff", READ, id="sig-rt"))["taskGroupLifecycle"] is None
