"""search, suggestTeam, suggestPartners and suggestKtp through the API, as each role.

Members who opted out of matching (m-cat) appear to no one but staff; partners see only
members who agreed to be visible to partners; hidden partners only reach staff.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from matchmaker.app import create_app
from matchmaker.bootstrap import Runtime
from tests.integration.api_world import Api, build_world, ok, refused

TEXT = "Reduce radiotherapy linac standby energy use with quality assurance"


@pytest.fixture
def api(runtime: Runtime) -> Iterator[Api]:
    build_world(runtime.graph, runtime.embedder)
    with TestClient(create_app(runtime.settings, runtime_factory=lambda _: runtime)) as client:
        yield Api(client, runtime.settings)


SEARCH = """query($text: String!) { search(text: $text, first: 10) { __typename
  ... on MemberSearch { results { totalCount nodes { memberId score evidence { title }
      member { id email } } } }
  ... on ValidationErrors { errors { field message } } } }"""


def hits(body: dict[str, Any]) -> set[str]:
    return {h["memberId"] for h in ok(body)["search"]["results"]["nodes"]}


def test_search_respects_consent_for_each_audience(api: Api) -> None:
    refused(api.gql("anonymous", SEARCH, text=TEXT), "UNAUTHENTICATED")
    for role in ("member", "other_member"):
        found = hits(api.gql(role, SEARCH, text=TEXT))
        assert found
        assert "m-cat" not in found
        assert "m-ben" not in found  # not visible to members
    partner = api.gql("partner", SEARCH, text=TEXT)
    assert hits(partner) <= {"m-ada"}
    assert all(h["member"]["email"] is None for h in ok(partner)["search"]["results"]["nodes"])
    staff = hits(api.gql("staff", SEARCH, text=TEXT))
    assert "m-cat" not in staff  # no one, staff included, is named who did not opt in
    assert "m-ben" in staff


def test_search_validates_its_text(api: Api) -> None:
    result = ok(api.gql("member", SEARCH, text=""))["search"]
    assert result["__typename"] == "ValidationErrors"
    assert result["errors"][0]["field"] == "text"


TEAM = """query($input: TeamInput!) { suggestTeam(input: $input) { __typename
  ... on TeamSuggestion { shownToken members { memberId member { id } skills { skill } }
      coverage { skill covered } gaps { skill } whyNot { memberId reason } score { total } }
  ... on InfeasibleConstraints { message constraints { kind detail } }
  ... on NotFound { message } ... on NotAllowed { message }
  ... on ValidationErrors { errors { field } } } }"""


def team(api: Api, role: str, **given: Any) -> dict[str, Any]:
    result: dict[str, Any] = ok(api.gql(role, TEAM, input={"text": TEXT, "size": 2, **given}))
    answer: dict[str, Any] = result["suggestTeam"]
    return answer


def test_suggest_team_for_members_and_staff_only(api: Api) -> None:
    refused(api.gql("anonymous", TEAM, input={"text": TEXT}), "UNAUTHENTICATED")
    refused(api.gql("partner", TEAM, input={"text": TEXT}), "FORBIDDEN")
    suggested = team(api, "member", size=1, requireCapacity=False)
    assert suggested["__typename"] == "TeamSuggestion"
    named = {m["memberId"] for m in suggested["members"]} | {
        w["memberId"] for w in suggested["whyNot"]
    }
    assert "m-cat" not in named
    assert suggested["coverage"]
    assert team(api, "staff", requireCapacity=False)["__typename"] == "TeamSuggestion"


SHOWN = (
    "MATCH (s:Suggestion {decision: 'suggested'}) "
    "RETURN s.candidate_id AS id, s.by AS by, s.at.epochMillis AS at ORDER BY id"
)


SHOWN_MUTATION = """mutation($t: String!) { recordTeamShown(shownToken: $t) { __typename
  ... on TeamShown { marked } ... on ValidationErrors { errors { field } } } }"""


def test_a_team_is_marked_shown_only_through_the_mutation(api: Api, runtime: Runtime) -> None:
    answer = team(api, "staff", requireCapacity=False)
    members = sorted(m["memberId"] for m in answer["members"])
    assert runtime.graph.read(SHOWN) == []  # the query wrote nothing
    marked = ok(api.gql("staff", SHOWN_MUTATION, t=answer["shownToken"]))["recordTeamShown"]
    assert marked == {"__typename": "TeamShown", "marked": len(members)}
    first = runtime.graph.read(SHOWN)
    assert [r["id"] for r in first] == members
    assert {r["by"] for r in first} == {"staff-steric"}
    ok(api.gql("staff", SHOWN_MUTATION, t=answer["shownToken"]))
    again = runtime.graph.read(SHOWN)
    assert [r["id"] for r in again] == members  # dated again, not added
    assert min(r["at"] for r in again) > max(r["at"] for r in first)
    # A slip is the viewer's own and cannot be edited.
    for who, slip in (("member", answer["shownToken"]), ("staff", answer["shownToken"] + "x")):
        refused_slip = ok(api.gql(who, SHOWN_MUTATION, t=slip))["recordTeamShown"]
        assert refused_slip["__typename"] == "ValidationErrors"


def test_suggest_team_is_not_reachable_over_get_as_a_write(api: Api, runtime: Runtime) -> None:
    token = api.token("staff")
    query = f'{{ suggestTeam(input: {{text: "{TEXT}", size: 2}}) {{ __typename }} }}'
    api.client.get(
        "/graphql", params={"query": query}, headers={"Authorization": f"Bearer {token}"}
    )
    assert runtime.graph.read(SHOWN) == []


def test_suggest_team_explains_refusals(api: Api) -> None:
    assert team(api, "member", text="", ideaId="idea-draft")["__typename"] == "NotFound"
    assert team(api, "member", text="", taskGroupId="tg-1")["__typename"] == "NotAllowed"
    assert team(api, "staff", text="", taskGroupId="tg-1")["__typename"] in {
        "TeamSuggestion", "InfeasibleConstraints",
    }  # fmt: skip
    assert team(api, "member", size=0)["errors"] == [{"field": "size"}]
    infeasible = team(api, "staff", minEarlyCareer=2)
    assert infeasible["__typename"] == "InfeasibleConstraints"
    assert infeasible["constraints"]
    assert infeasible["message"]


PARTNERS = """query($input: PartnerInput!) { suggestPartners(input: $input) { __typename
  ... on PartnerSuggestions { gaps partners { partnerId score reasons partner { id name } } }
  ... on ValidationErrors { errors { field } } ... on NotFound { message } } }"""
KTP = """query($input: PartnerInput!) { suggestKtp(input: $input) { __typename
  ... on KtpSuggestions { rule { minBusinessFte publicSectorBusinessAllowed }
      eligible { score business { id } knowledgeBase { id } supervisor { id } }
      ineligible { reasons } } } }"""
NEED = {"text": TEXT, "gaps": ["radiotherapy quality assurance devices"]}


def partner_ids(body: dict[str, Any]) -> set[str]:
    return {p["partnerId"] for p in ok(body)["suggestPartners"]["partners"]}


def test_suggest_partners_hides_hidden_partners_from_members(api: Api) -> None:
    refused(api.gql("anonymous", PARTNERS, input=NEED), "UNAUTHENTICATED")
    refused(api.gql("partner", PARTNERS, input=NEED), "FORBIDDEN")
    assert partner_ids(api.gql("member", PARTNERS, input=NEED)) <= {"p-acme"}
    assert "p-acme" in partner_ids(api.gql("staff", PARTNERS, input=NEED))
    both = ok(api.gql("member", PARTNERS, input={**NEED, "ideaId": "idea-sub"}))
    assert both["suggestPartners"]["errors"] == [{"field": "input"}]
    hidden = ok(api.gql("member", PARTNERS, input={"ideaId": "idea-draft"}))
    assert hidden["suggestPartners"]["__typename"] == "NotFound"


def test_suggest_ktp_states_the_rule(api: Api) -> None:
    refused(api.gql("anonymous", KTP, input=NEED), "UNAUTHENTICATED")
    as_partner = ok(api.gql("partner", KTP, input=NEED))["suggestKtp"]
    assert as_partner["__typename"] == "KtpSuggestions"
    for option in as_partner["eligible"]:
        assert option["supervisor"] is None or option["supervisor"]["id"] != "m-cat"
    result = ok(api.gql("member", KTP, input={"ideaId": "idea-sub"}))["suggestKtp"]
    assert result["__typename"] == "KtpSuggestions"
    assert result["rule"]["minBusinessFte"] >= 1
    for option in result["eligible"]:
        assert option["supervisor"] is None or option["supervisor"]["id"] != "m-cat"


def test_suggest_team_meets_region_discipline_and_sector_counts(api: Api) -> None:
    def ids(**given: Any) -> list[str]:
        answer = team(api, "staff", size=1, requireCapacity=False, **given)
        assert answer["__typename"] == "TeamSuggestion", answer
        return [m["memberId"] for m in answer["members"]]

    assert ids() == ["m-dan"]  # Clinical engineering, at a charity
    physicist = {"discipline": "Radiotherapy physics", "count": 1}
    assert ids(requiredDisciplines=[physicist]) == ["m-ada"]
    assert ids(maxPerSector=[{"sector": "CHARITY", "count": 0}]) != ["m-dan"]
    scotland = [{"region": "Scotland", "count": 1}]
    infeasible = team(api, "staff", requireCapacity=False, requiredRegions=scotland)
    assert infeasible["__typename"] == "InfeasibleConstraints"
    assert infeasible["constraints"] == [
        {
            "kind": "required region",
            "detail": "required region Scotland: 1 needed, 0 eligible candidates",
        }
    ]
    unknown = team(api, "staff", requiredRegions=[{"region": "Atlantis", "count": 1}])
    assert unknown["errors"] == [{"field": "requiredRegions"}]
