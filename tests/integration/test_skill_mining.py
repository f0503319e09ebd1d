"""Key phrases mined from members' evidence become proposed skills; staff accept or reject them,
and only accepted ones join the vocabulary that matching reads. Real graph, real model."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from matchmaker.adapters.vocabulary import proposed_skills, read_vocabulary
from matchmaker.app import create_app
from matchmaker.bootstrap import Runtime
from matchmaker.cli import main
from matchmaker.matching.keyphrases import STOP_WORDS
from matchmaker.matching.vocabulary import words
from matchmaker.services.skill_links import current_vocabulary
from matchmaker.services.skill_mining import mine_skills
from matchmaker.services.skills import derive_skills
from tests.integration.api_world import Api, ok, refused
from tests.integration.builders import build_graph
from tests.integration.test_api_mutations import audit

PROPOSED = "query { proposedSkills { id name members } }"
VOCABULARY = "query { skillVocabulary { id name } }"
ADD = """mutation($input: SkillInput!) { addSkill(input: $input) { __typename } }"""
DECIDE = """mutation($id: ID!) {{ {verb}ProposedSkill(skillId: $id) {{ __typename
  ... on SkillSaved {{ id name }} ... on NotFound {{ message }}
  ... on ValidationErrors {{ errors {{ field message }} }} }} }}"""
ACCEPT, REJECT = DECIDE.format(verb="accept"), DECIDE.format(verb="reject")


@pytest.fixture
def api(runtime: Runtime) -> Iterator[Api]:
    build_graph(runtime.graph, runtime.embedder)
    runtime.graph.write("CREATE (:Member {id: 'm-ada', name: 'Ada Fenwick'})")  # signs in
    current_vocabulary(runtime.graph)
    with TestClient(create_app(runtime.settings, runtime_factory=lambda _: runtime)) as client:
        yield Api(client, runtime.settings)


def test_mined_phrases_are_proposed_not_used_until_staff_accept_them(
    api: Api, runtime: Runtime
) -> None:
    graph = runtime.graph
    before = read_vocabulary(graph)
    report = mine_skills(graph, runtime.embedder, min_members=3)
    mined = {p.name: p.members for p in report.mined}
    assert report.members == 21
    assert "radiofrequency heating" in mined, mined  # in three MRI safety members' outputs
    labels = {words(label) for s in before.skills for label in s.labels}
    for name, members in mined.items():
        assert members >= 3
        assert words(name) not in labels
        assert not set(words(name)) & (STOP_WORDS | {"scotland", "london", "wales"})
    assert read_vocabulary(graph) == before, "proposals are not vocabulary"
    text = "Radiofrequency heating of implants"
    assert "radiofrequency heating" not in derive_skills(runtime.embedder, text, before)

    refused(api.gql("member", PROPOSED), "FORBIDDEN")
    listed = ok(api.gql("staff", PROPOSED))["proposedSkills"]
    assert {p["name"] for p in listed} == set(mined)
    heating = next(p for p in listed if p["name"] == "radiofrequency heating")
    other = next(p for p in listed if p["name"] != "radiofrequency heating")
    refused(api.gql("member", ACCEPT, id=heating["id"]), "FORBIDDEN")
    accepted = ok(api.gql("staff", ACCEPT, id=heating["id"]))["acceptProposedSkill"]
    assert accepted == {"__typename": "SkillSaved", "id": heating["id"],
                        "name": "radiofrequency heating"}  # fmt: skip
    rejected = ok(api.gql("staff", REJECT, id=other["id"]))["rejectProposedSkill"]
    assert rejected["__typename"] == "SkillSaved"
    again = ok(api.gql("staff", REJECT, id=other["id"]))["rejectProposedSkill"]
    assert again["__typename"] == "NotFound"
    assert [a["target"] for a in audit(runtime, "acceptSkill")] == [heating["id"]]
    assert [a["target"] for a in audit(runtime, "rejectSkill")] == [other["id"]]

    vocabulary = {s["name"] for s in ok(api.gql("member", VOCABULARY))["skillVocabulary"]}
    assert "radiofrequency heating" in vocabulary
    assert other["name"] not in vocabulary
    after = read_vocabulary(graph)
    assert "radiofrequency heating" in derive_skills(runtime.embedder, text, after)

    remined = {p.name for p in mine_skills(graph, runtime.embedder, min_members=3).mined}
    assert "radiofrequency heating" not in remined
    assert other["name"] not in remined
    waiting = {p.name for p in proposed_skills(graph)}
    assert not waiting & {"radiofrequency heating", other["name"]}, "decided ones stay decided"


def test_a_proposal_whose_name_staff_added_meanwhile_is_refused_naming_it(
    api: Api, runtime: Runtime
) -> None:
    mine_skills(runtime.graph, runtime.embedder, min_members=3)
    proposal = next(p for p in proposed_skills(runtime.graph) if p.name == "radiofrequency heating")
    added = {"name": "Radiofrequency  heating", "kind": "topic"}
    assert ok(api.gql("staff", ADD, input=added))["addSkill"]["__typename"] == "SkillSaved"
    refusal = ok(api.gql("staff", ACCEPT, id=proposal.id))["acceptProposedSkill"]
    assert refusal["errors"][0]["field"] == "skillId"
    assert "already names skill skill-radiofrequency-heating" in refusal["errors"][0]["message"]
    assert proposal in proposed_skills(runtime.graph)


def test_the_cli_mines_and_lists_the_proposals(
    runtime: Runtime, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    build_graph(runtime.graph, runtime.embedder)
    monkeypatch.setenv("NEO4J_URI", runtime.settings.neo4j.uri)
    assert main(["skills", "mine", "--min-members", "3", "--dry-run"]) == 0
    assert "phrases found from" in capsys.readouterr().out
    assert proposed_skills(runtime.graph) == [], "a dry run writes nothing"
    assert main(["skills", "mine", "--min-members", "3", "--limit", "5"]) == 0
    out = capsys.readouterr().out
    assert "of 20 members" in out
    assert "radiofrequency heating (3 members)" in out
    assert 1 <= len(proposed_skills(runtime.graph)) <= 5
    assert main(["skills", "mine", "--min-members", "0"]) == 2
