"""Staff curate the skills vocabulary through the API; members' skills read their links."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from matchmaker.adapters.vocabulary import read_vocabulary
from matchmaker.app import create_app
from matchmaker.bootstrap import Runtime
from matchmaker.services.skill_links import current_vocabulary, link_member_skills
from matchmaker.services.skills import skills_for
from tests.integration.api_world import Api, build_world, ok, refused
from tests.integration.test_api_mutations import audit

ADD = """mutation($input: SkillInput!) { addSkill(input: $input) {
  __typename ... on SkillSaved { id name synonyms kind }
  ... on ValidationErrors { errors { field message } } } }"""
SYNONYM = """mutation($id: ID!, $synonym: String!) {
  addSkillSynonym(skillId: $id, synonym: $synonym) {
  __typename ... on SkillSaved { synonyms } ... on NotFound { message }
  ... on ValidationErrors { errors { field message } } } }"""
SKILLS = """query { member(id: "m-ada") { skills { skill { id } level source evidence } } }"""
NEW = {"name": "Phantom  design", "synonyms": ["test object manufacture"], "kind": "topic"}


@pytest.fixture
def api(runtime: Runtime) -> Iterator[Api]:
    build_world(runtime.graph, runtime.embedder)
    with TestClient(create_app(runtime.settings, runtime_factory=lambda _: runtime)) as client:
        yield Api(client, runtime.settings)


def test_only_staff_add_skills_and_the_change_is_audited(api: Api, runtime: Runtime) -> None:
    for role in ("anonymous", "member", "partner"):
        body = api.gql(role, ADD, input=NEW)
        refused(body, "UNAUTHENTICATED" if role == "anonymous" else "FORBIDDEN")
    assert read_vocabulary(runtime.graph).skills[0].id == "sk-qa"
    saved = ok(api.gql("staff", ADD, input=NEW))["addSkill"]
    assert saved == {"__typename": "SkillSaved", "id": "skill-phantom-design",
                     "name": "Phantom design", "synonyms": ["test object manufacture"],
                     "kind": "topic"}  # fmt: skip
    assert [a["target"] for a in audit(runtime, "addSkill")] == ["skill-phantom-design"]
    added = ok(api.gql("admin", SYNONYM, id="skill-phantom-design", synonym="phantom build"))
    assert added["addSkillSynonym"]["synonyms"] == ["test object manufacture", "phantom build"]
    assert len(audit(runtime, "addSkillSynonym")) == 1
    derived, _ = skills_for(
        runtime.embedder, "Phantom design for MRI", [], read_vocabulary(runtime.graph)
    )
    assert "Phantom design" in derived


def test_bad_skills_are_refused_naming_the_field_and_nothing_is_written(
    api: Api, runtime: Runtime
) -> None:
    bad = {"name": "Quality ASSURANCE", "synonyms": ["x"], "kind": "method"}
    errors = ok(api.gql("staff", ADD, input=bad))["addSkill"]["errors"]
    assert {e["field"] for e in errors} == {"name", "synonyms", "kind"}
    missing = ok(api.gql("staff", SYNONYM, id="sk-none", synonym="anything"))
    assert missing["addSkillSynonym"]["__typename"] == "NotFound"
    taken = ok(api.gql("staff", SYNONYM, id="sk-qa", synonym="quality  assurance"))
    assert taken["addSkillSynonym"]["errors"][0]["field"] == "synonym"
    assert [s.id for s in read_vocabulary(runtime.graph).skills] == ["sk-qa"]
    assert audit(runtime, "addSkill") == []


def test_member_skills_read_the_derived_links_beside_declared_ones(
    api: Api, runtime: Runtime
) -> None:
    current_vocabulary(runtime.graph)  # sk-qa only: the world's vocabulary
    link_member_skills(runtime.graph, runtime.embedder)
    skills = ok(api.gql("staff", SKILLS))["member"]["skills"]
    sources = {(s["skill"]["id"], s["source"]) for s in skills}
    assert ("sk-qa", "declared") in sources
    derived = [s for s in skills if s["source"] == "evidence"]
    assert derived
    assert all(s["evidence"] and s["level"] in {"strong", "good", "some"} for s in derived)


DESCRIBE = """mutation($id: ID!, $text: String!) {
  setSkillDescription(skillId: $id, description: $text) {
  __typename ... on SkillSaved { id description } ... on NotFound { message }
  ... on ValidationErrors { errors { field message } } } }"""
VOCABULARY = "query { skillVocabulary { id description } }"
COVERS = "Building test objects that mimic tissue, for checking scanners and treatment plans."


def test_staff_say_what_a_skill_covers_and_derivation_reads_it(api: Api, runtime: Runtime) -> None:
    refused(api.gql("member", DESCRIBE, id="sk-qa", text=COVERS), "FORBIDDEN")
    described = {**NEW, "description": f"  {COVERS}  "}
    saved = ok(api.gql("staff", ADD, input=described))["addSkill"]
    assert saved["id"] == "skill-phantom-design"
    listed = {
        e["id"]: e["description"] for e in ok(api.gql("member", VOCABULARY))["skillVocabulary"]
    }
    assert listed == {"sk-qa": "", "skill-phantom-design": COVERS}
    changed = ok(api.gql("staff", DESCRIBE, id="sk-qa", text="Checks  that equipment performs."))
    assert changed["setSkillDescription"] == {
        "__typename": "SkillSaved", "id": "sk-qa", "description": "Checks that equipment performs."
    }  # fmt: skip
    vocabulary = read_vocabulary(runtime.graph)
    assert [s.document for s in vocabulary.skills] == [
        "Quality assurance: Checks that equipment performs.",
        f"Phantom design: {COVERS}",
    ]
    assert [a["target"] for a in audit(runtime, "setSkillDescription")] == ["sk-qa"]


def test_a_bad_description_is_refused_naming_the_field_and_nothing_is_written(
    api: Api, runtime: Runtime
) -> None:
    too_long = "x" * 401
    errors = ok(api.gql("staff", ADD, input={**NEW, "description": too_long}))["addSkill"]
    assert errors["errors"] == [
        {"field": "description", "message": "must be at most 400 characters (got 401)"}
    ]
    refusal = ok(api.gql("staff", DESCRIBE, id="sk-qa", text=too_long))["setSkillDescription"]
    assert refusal["errors"][0]["field"] == "description"
    missing = ok(api.gql("staff", DESCRIBE, id="sk-none", text="x"))["setSkillDescription"]
    assert missing["__typename"] == "NotFound"
    assert [s.description for s in read_vocabulary(runtime.graph).skills] == [""]
    assert audit(runtime, "setSkillDescription") == []
