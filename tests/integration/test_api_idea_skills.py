"""An idea's skills through the API: proposed from the vocabulary, confirmed by its proposer
(or staff), kept in the graph, and used by the team suggested for the idea."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from matchmaker.app import create_app
from matchmaker.bootstrap import Runtime
from matchmaker.services.skill_links import current_vocabulary
from tests.integration.api_world import Api, build_world, ok, refused
from tests.integration.test_api_mutations import audit

SKILLS = """query($id: ID!) { ideaSkills(ideaId: $id) { __typename
  ... on IdeaSkillList { ideaId confirmed skills { id name } }
  ... on NotFound { message } } }"""
CONFIRM = """mutation($id: ID!, $skills: [String!]!) {
  confirmIdeaSkills(ideaId: $id, skills: $skills) { __typename
  ... on IdeaSkillList { confirmed skills { id name } }
  ... on ValidationErrors { errors { field message } }
  ... on NotAllowed { message } ... on NotFound { message } } }"""
VOCABULARY = "query { skillVocabulary { id name synonyms } }"
TEAM = """query($input: TeamInput!) { suggestTeam(input: $input) { __typename
  ... on TeamSuggestion { skills skillsDerived coverage { skill } }
  ... on InfeasibleConstraints { skills } } }"""


@pytest.fixture
def api(runtime: Runtime) -> Iterator[Api]:
    build_world(runtime.graph, runtime.embedder)
    current_vocabulary(runtime.graph)  # the world's one skill; the committed file is merged below
    runtime.graph.write("MATCH (s:Skill {id: 'sk-qa'}) DETACH DELETE s")
    current_vocabulary(runtime.graph)
    with TestClient(create_app(runtime.settings, runtime_factory=lambda _: runtime)) as client:
        yield Api(client, runtime.settings)


def _skills(api: Api, who: str, idea: str = "idea-sub") -> dict[str, Any]:
    found: dict[str, Any] = ok(api.gql(who, SKILLS, id=idea))["ideaSkills"]
    return found


def test_the_proposal_is_vocabulary_skills_listed_first_then_read_from_the_text(api: Api) -> None:
    vocabulary = {s["name"] for s in ok(api.gql("member", VOCABULARY))["skillVocabulary"]}
    proposal = _skills(api, "member")
    assert proposal["confirmed"] is False
    names = [s["name"] for s in proposal["skills"]]
    assert names[0] == "radiotherapy physics"  # the idea's listed skill, a vocabulary name
    assert set(names) <= vocabulary
    assert "energy use" in names  # "standby energy" in the summary


def test_the_proposer_confirms_skills_and_the_team_uses_them(api: Api, runtime: Runtime) -> None:
    confirmed = ok(api.gql("member", CONFIRM, id="idea-sub",
                           skills=["Energy  consumption", "linac", "energy use"]))  # fmt: skip
    assert confirmed["confirmIdeaSkills"] == {
        "__typename": "IdeaSkillList", "confirmed": True,
        "skills": [{"id": "skill-energy-use", "name": "energy use"},
                   {"id": "skill-radiotherapy-physics", "name": "radiotherapy physics"}],
    }  # fmt: skip
    assert [a["target"] for a in audit(runtime, "confirmIdeaSkills")] == ["idea-sub"]
    again = _skills(api, "other_member")  # read back from the graph, by anyone who sees the idea
    assert again["confirmed"] is True
    assert [s["name"] for s in again["skills"]] == ["energy use", "radiotherapy physics"]
    team = ok(api.gql("member", TEAM, input={"ideaId": "idea-sub", "size": 1}))["suggestTeam"]
    assert team["__typename"] == "TeamSuggestion", team
    assert team["skills"] == ["energy use", "radiotherapy physics"]
    assert team["skillsDerived"] is False
    assert [c["skill"] for c in team["coverage"]] == team["skills"]
    asked = {"ideaId": "idea-sub", "size": 1, "skills": ["MRI"]}  # what a request names wins
    assert ok(api.gql("member", TEAM, input=asked))["suggestTeam"]["skills"] == ["MRI"]


def test_staff_may_confirm_and_nobody_else_but_the_proposer(api: Api) -> None:
    refused(api.gql("anonymous", CONFIRM, id="idea-sub", skills=["MRI"]), "UNAUTHENTICATED")
    refused(api.gql("partner", CONFIRM, id="idea-sub", skills=["MRI"]), "FORBIDDEN")
    other = ok(api.gql("other_member", CONFIRM, id="idea-sub", skills=["MRI"]))
    assert other["confirmIdeaSkills"]["__typename"] == "NotAllowed"
    hidden = ok(api.gql("member", CONFIRM, id="idea-draft", skills=["MRI"]))  # Ben's draft
    assert hidden["confirmIdeaSkills"]["__typename"] == "NotFound"
    staff = ok(api.gql("staff", CONFIRM, id="idea-draft", skills=["mri"]))["confirmIdeaSkills"]
    assert staff["skills"] == [{"id": "skill-mri", "name": "MRI"}]
    assert _skills(api, "member")["confirmed"] is False


def test_an_unknown_skill_is_named_and_nothing_changes(api: Api, runtime: Runtime) -> None:
    ok(api.gql("member", CONFIRM, id="idea-sub", skills=["linac"]))
    bad = ok(api.gql("member", CONFIRM, id="idea-sub", skills=["MRI", "Basket weaving"]))
    errors = bad["confirmIdeaSkills"]["errors"]
    assert errors == [{"field": "skills",
                       "message": "'Basket weaving' is not in the skills vocabulary"}]  # fmt: skip
    empty = ok(api.gql("member", CONFIRM, id="idea-sub", skills=[" "]))
    assert empty["confirmIdeaSkills"]["errors"][0]["field"] == "skills"
    kept = _skills(api, "member")
    assert [s["name"] for s in kept["skills"]] == ["radiotherapy physics"]
    assert len(audit(runtime, "confirmIdeaSkills")) == 1
