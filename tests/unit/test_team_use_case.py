"""The team use case on in-memory ports: its checks, its constraints and its privacy rules,
and the GraphQL resolver that calls it, with no database and no model."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from types import SimpleNamespace
from typing import Any

import pytest

from embeddings.hashing import HashingEmbedder
from matchmaker.adapters.candidates import CandidateProfile
from matchmaker.adapters.targets import Target
from matchmaker.api.context import Context
from matchmaker.api.queries import matching as resolver
from matchmaker.api.schema import schema
from matchmaker.auth.roles import Role, Viewer
from matchmaker.domain.privacy import Looker
from matchmaker.errors import InvalidInput, NotFound, PermissionDenied
from matchmaker.services.team_report import TeamInfeasible, TeamResult
from matchmaker.services.team_request import TeamRequest, asked
from matchmaker.services.teams import suggest
from tests.unit.team_fakes import Document, InMemoryTeamSources

TOPICS = {
    "mri": "MRI safety of implants in magnetic resonance imaging scanners",
    "ml": "machine learning models for image segmentation and deep learning",
    "cyber": "cybersecurity of connected medical devices and hospital networks",
}
# id, organisation, sector, region, stage, topic, open to matching
PEOPLE = [
    ("m-prop", "o1", "nhs", "London", "senior", "mri", True),
    ("m-mri", "o2", "academia", "Wales", "mid", "mri", True),
    ("m-ml", "o3", "industry", "Scotland", "early", "ml", True),
    ("m-cyber", "o4", "industry", "London", "senior", "cyber", True),
    ("m-ml2", "o2", "academia", "Wales", "trainee", "ml", True),
    ("m-out", "o5", "nhs", "North West", "senior", "mri", False),
]
IDEA = Target("idea", "idea-1", "Safe MRI", f"{TOPICS['mri']}. {TOPICS['ml']}.",
              ("MRI safety", "machine learning"), proposer_id="m-prop")  # fmt: skip
DRAFT = replace(IDEA, id="idea-draft")
MEMBER = Looker("member", "m-prop")
STAFF = Looker("staff", "staff-steric")


def _profile(row: tuple[str, str, str, str, str, str, bool]) -> CandidateProfile:
    ident, org, sector, region, stage, _, open_ = row
    return CandidateProfile(
        id=ident, name=ident.upper(), discipline=f"d-{ident}", career_stage=stage,
        region=region, organisation_id=org, organisation_name=org, sector=sector,
        availability_hours=4, max_groups=2, active_groups=0, open_to_matching=open_,
        visible_to_partners=False,
    )  # fmt: skip


def sources() -> InMemoryTeamSources:
    docs = {
        row[0]: [Document(f"o-{row[0]}", TOPICS[row[5]].split()[0], TOPICS[row[5]])]
        for row in PEOPLE
    }
    return InMemoryTeamSources(
        HashingEmbedder(64), [_profile(r) for r in PEOPLE], docs,
        {IDEA.id: IDEA, DRAFT.id: DRAFT}, frozenset({DRAFT.id}),
    )  # fmt: skip


def team(found: TeamResult | TeamInfeasible) -> list[str]:
    assert isinstance(found, TeamResult), found
    return sorted(m.member_id for m in found.members)


def test_a_team_for_an_idea_leaves_out_the_proposer_and_the_opted_out() -> None:
    found = suggest(sources().ports(), TeamRequest(idea_id="idea-1", constraints=asked(size=2)),
                    MEMBER)  # fmt: skip
    members = team(found)
    assert len(members) == 2
    assert not {"m-prop", "m-out"} & set(members)
    assert found.skills == IDEA.skills


def test_task_groups_are_staffs_and_no_port_is_asked_first() -> None:
    ports = sources()
    request = TeamRequest(task_group_id="tg-1")
    with pytest.raises(PermissionDenied, match="Only STERIC staff"):
        suggest(ports.ports(), request, MEMBER)
    assert ports.asked == []
    with pytest.raises(NotFound, match="no task group with id 'tg-1'"):
        suggest(ports.ports(), request, STAFF)


def test_an_idea_the_asker_may_not_see_is_not_found() -> None:
    request = TeamRequest(idea_id=DRAFT.id, constraints=asked(size=2))
    with pytest.raises(NotFound, match="no idea with id 'idea-draft'"):
        suggest(sources().ports(), request, MEMBER)
    assert len(team(suggest(sources().ports(), request, STAFF))) == 2


def test_the_constraints_reach_the_solver_as_given() -> None:
    spec = asked(size=3, must_include=frozenset({"m-cyber"}), exclude=frozenset({"m-mri"}),
                 max_per_org=1)  # fmt: skip
    ports = sources()
    members = team(suggest(ports.ports(), TeamRequest(idea_id="idea-1", constraints=spec), STAFF))
    assert "m-cyber" in members
    assert "m-mri" not in members
    assert len(members) == 3
    assert {"m-cyber", "m-prop"} <= set(ports.asked[0].include)


def test_an_impossible_constraint_is_named() -> None:
    request = TeamRequest(
        idea_id="idea-1", constraints=asked(size=2, required_sectors={"charity": 1})
    )
    found = suggest(sources().ports(), request, MEMBER)
    assert isinstance(found, TeamInfeasible)
    assert "charity" in found.message


def test_a_decline_by_the_asker_keeps_that_member_out_for_this_target_only() -> None:
    ports = sources()
    request = TeamRequest(idea_id="idea-1", constraints=asked(size=1))
    first = team(suggest(ports.ports(), request, MEMBER))[0]
    ports.decided.record(first, "idea-1", "declined", "m-prop")
    assert first not in team(suggest(ports.ports(), request, MEMBER))
    assert first in team(suggest(ports.ports(), request, Looker("member", "m-ml")))


def test_staff_are_told_a_count_of_the_opted_out_never_their_names() -> None:
    request = TeamRequest(text=TOPICS["mri"], skills=("MRI safety",), constraints=asked(size=1))
    found = suggest(sources().ports(), request, STAFF)
    assert isinstance(found, TeamResult)
    assert "m-out" not in {w.member_id for w in found.why_not} | set(team(found))


def test_bad_input_is_refused_before_any_port_is_asked() -> None:
    ports = sources()
    with pytest.raises(InvalidInput, match="size"):
        suggest(ports.ports(), TeamRequest(text="x", constraints=asked(size=0)), STAFF)
    with pytest.raises(PermissionDenied):
        suggest(ports.ports(), TeamRequest(text="x"), "anonymous")
    assert ports.asked == []


TEAM = """query($input: TeamInput!) { suggestTeam(input: $input) { __typename
  ... on TeamSuggestion { members { memberId } }
  ... on NotFound { message } ... on NotAllowed { message }
  ... on ValidationErrors { errors { field } } } }"""


def _ask(monkeypatch: pytest.MonkeyPatch, viewer: Viewer, given: dict[str, Any]) -> Any:
    fake = sources()
    monkeypatch.setattr(resolver, "team_ports", lambda ctx: fake.ports())
    runtime = SimpleNamespace(graph=None, settings=SimpleNamespace(jwt_secret="s" * 32))
    ctx = Context(None, None, runtime, viewer, reader=None)  # type: ignore[arg-type]
    result = asyncio.run(schema.execute(TEAM, {"input": given}, context_value=ctx))
    assert result.errors is None, result.errors
    return result.data["suggestTeam"]  # type: ignore[index]


def test_the_resolver_answers_as_the_use_case_does(monkeypatch: pytest.MonkeyPatch) -> None:
    member, staff = Viewer("m-prop", Role.MEMBER), Viewer("staff-steric", Role.STAFF)
    answer = _ask(monkeypatch, member, {"ideaId": "idea-1", "size": 2})
    assert answer["__typename"] == "TeamSuggestion"
    assert len(answer["members"]) == 2
    assert _ask(monkeypatch, member, {"taskGroupId": "tg-1"})["__typename"] == "NotAllowed"
    assert _ask(monkeypatch, member, {"ideaId": "idea-draft"})["__typename"] == "NotFound"
    assert _ask(monkeypatch, staff, {"ideaId": "idea-draft", "size": 2})["__typename"] == (
        "TeamSuggestion"
    )
    assert _ask(monkeypatch, member, {"text": "x", "size": 0})["errors"] == [{"field": "size"}]
