"""Team suggestion on the real Neo4j with the real model: constraints, privacy, explanations,
infeasibility, determinism and feedback."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import Any

import pytest

from embeddings import Embedder
from matchmaker.adapters.graph import Graph
from matchmaker.domain.privacy import Looker
from matchmaker.services.feedback import record_feedback, record_shown
from matchmaker.services.team_report import TeamInfeasible, TeamResult
from matchmaker.services.team_request import TeamRequest, asked
from matchmaker.services.teams import suggest_team
from tests.integration.builders import MEMBERS, ORGANISATIONS, SIG_MEMBERS, build_graph

ORG = {row[0]: row[1] for row in MEMBERS}
SECTOR = {org: sector for org, _, sector, _ in ORGANISATIONS}
STAGE = {row[0]: row[3] for row in MEMBERS}
REGION = {row[0]: row[4] for row in MEMBERS}
DISCIPLINE = {row[0]: row[2] for row in MEMBERS}
SIGS = {m: {sig for sig, ids in SIG_MEMBERS.items() if m in ids} for m in ORG}
IDEA = TeamRequest(idea_id="idea-1", constraints=asked(size=3))
NEVER = {"m-mri-optout", "m-mri-busy", "m-cyber-conflict", "m-proposer"}


@pytest.fixture
def small(graph: Graph, embedder: Embedder) -> Graph:
    build_graph(graph, embedder)
    return graph


def asking(request: TeamRequest, **changes: Any) -> TeamRequest:
    return replace(request, constraints=replace(request.constraints, **changes))


def team(
    graph: Graph, embedder: Embedder, request: TeamRequest, audience: str | Looker = "member"
) -> TeamResult:
    result = suggest_team(graph, embedder, request, audience)
    assert isinstance(result, TeamResult), getattr(result, "message", "")
    return result


def ids(result: TeamResult) -> list[str]:
    return [m.member_id for m in result.members]


Check = Callable[[list[str]], bool]
CONSTRAINTS: list[tuple[TeamRequest, Check]] = [
    (asking(IDEA, required_sectors={"nhs": 1, "academia": 1, "industry": 1}),
     lambda t: {SECTOR[ORG[m]] for m in t} == {"nhs", "academia", "industry"}),
    (asking(IDEA, max_per_org=1), lambda t: max(Counter(ORG[m] for m in t).values()) == 1),
    (asking(IDEA, min_early_career=1), lambda t: any(STAGE[m] in {"early", "trainee"} for m in t)),
    (asking(IDEA, min_regions=3), lambda t: len({REGION[m] for m in t}) == 3),
    (asking(IDEA, min_distinct_disciplines=3), lambda t: len({DISCIPLINE[m] for m in t}) == 3),
    (asking(IDEA, min_distinct_sigs=3), lambda t: len(set().union(*(SIGS[m] for m in t))) >= 3),
    (asking(IDEA, must_include=frozenset({"m-rt-1"})), lambda t: "m-rt-1" in t),
    (asking(IDEA, exclude=frozenset({"m-mri-uni", "m-cyber-ind"})),
     lambda t: not {"m-mri-uni", "m-cyber-ind"} & set(t)),
    (asking(IDEA, size=5), lambda t: len(t) == 5),
]  # fmt: skip


def test_every_constraint_kind_holds(small: Graph, embedder: Embedder) -> None:
    for request, holds in CONSTRAINTS:
        members = ids(team(small, embedder, request))
        assert len(members) == request.constraints.size
        assert holds(members), (request, members)
        assert not NEVER & set(members), members  # consent, capacity, conflict, proposer


def test_team_covers_the_skills_with_evidence(small: Graph, embedder: Embedder) -> None:
    result = team(small, embedder, IDEA)
    assert result.skills == ("MRI safety", "machine learning", "medical device cybersecurity")
    assert all(cover.covered for cover in result.coverage)
    assert result.gaps == ()
    for member in result.members:
        assert member.skills, member.member_id
        for skill in member.skills:
            assert skill.evidence
            assert skill.evidence[0].title
            assert skill.evidence[0].snippet
            assert 0 < skill.evidence[0].score <= 1
    mri = next(m for m in result.members if any(s.skill == "MRI safety" for s in m.skills))
    assert "MRI" in mri.shared_with_proposer
    assert mri.path_to_proposer is not None
    assert mri.path_to_proposer.nodes[0].id == "m-proposer"


MEMBER_REASONS = {"excluded", "declined", "constraint", "lower marginal gain"}
CYBER = asking(replace(IDEA, skills=("medical device cybersecurity",)), size=1)
HEATING = asking(replace(IDEA, skills=("MRI implant heating",)), size=1)


def reasons(result: TeamResult) -> dict[str, str]:
    return {w.member_id: w.reason for w in result.why_not}


def test_why_not_tells_members_only_of_their_own_request(small: Graph, embedder: Embedder) -> None:
    """docs/privacy.md: a member's why-not never names someone the policy keeps out of their
    team (opted out, at capacity, in conflict with the proposer), nor says why."""
    for request in (IDEA, CYBER, HEATING):
        result = team(small, embedder, request)
        assert result.why_not, request
        assert not NEVER & set(reasons(result)), reasons(result)
        assert set(reasons(result).values()) <= MEMBER_REASONS, reasons(result)
        assert result.not_open_to_matching == 0


def test_why_not_tells_staff_of_capacity_and_conflict_and_counts_consent(
    small: Graph, embedder: Embedder
) -> None:
    assert reasons(team(small, embedder, CYBER, "staff")).get("m-cyber-conflict") == "conflict"
    assert reasons(team(small, embedder, HEATING, "staff")).get("m-mri-busy") == "capacity"
    staff = team(small, embedder, IDEA, audience="staff")
    assert "m-mri-optout" not in {*reasons(staff), *ids(staff)}  # never named, even to staff
    assert staff.not_open_to_matching == 1


def test_no_path_passes_through_an_opted_out_member(small: Graph, embedder: Embedder) -> None:
    for member in team(small, embedder, asking(IDEA, size=5)).members:
        path = member.path_to_proposer
        assert path is None or "m-mri-optout" not in {n.id for n in path.nodes}


def test_same_organisation_as_the_proposer_is_flagged(small: Graph, embedder: Embedder) -> None:
    result = team(small, embedder, asking(IDEA, must_include=frozenset({"m-mri-same"})))
    flags = {m.member_id: m.same_organisation_as_proposer for m in result.members}
    assert flags["m-mri-same"] is True
    assert sum(flags.values()) == 1


def test_gaps_are_reported(small: Graph, embedder: Embedder) -> None:
    request = replace(IDEA, skills=("MRI safety", "paediatric orthodontics and dental braces"))
    result = team(small, embedder, request)
    assert [gap.skill for gap in result.gaps] == ["paediatric orthodontics and dental braces"]
    assert "no available member covers" in result.gaps[0].detail


@pytest.mark.parametrize(
    ("request_", "named"),
    [
        (asking(IDEA, required_sectors={"charity": 1}), "charity"),
        (asking(IDEA, min_early_career=6, size=6), "early-career"),
        (asking(IDEA, must_include=frozenset({"m-mri-optout"})), "m-mri-optout"),
    ],
)
def test_infeasible_names_the_binding_constraint(
    small: Graph, embedder: Embedder, request_: TeamRequest, named: str
) -> None:
    result = suggest_team(small, embedder, request_)
    assert isinstance(result, TeamInfeasible)
    assert result.binding
    assert named in result.message


def test_same_input_same_team(small: Graph, embedder: Embedder) -> None:
    request = asking(IDEA, size=4, min_regions=3)
    first, second = (team(small, embedder, request) for _ in range(2))
    assert first == second


def test_free_text_gets_derived_skills(small: Graph, embedder: Embedder) -> None:
    text = "Cutting the carbon footprint of imaging departments and single-use disposables"
    result = team(small, embedder, TeamRequest(text=text, constraints=asked(size=2)))
    assert result.skills_derived
    assert result.skills
    assert result.target.kind == "text"
    assert result.target.id.startswith("text:")
    assert "m-sus-1" in ids(result)


def test_a_declined_suggestion_does_not_come_back(small: Graph, embedder: Embedder) -> None:
    proposer, other = Looker("member", "m-proposer"), Looker("member", "m-rt-1")
    before = team(small, embedder, IDEA, proposer)
    declined = before.members[0].member_id
    assert declined in ids(team(small, embedder, IDEA, other))
    record_feedback(small, "idea-1", "idea", declined, "declined", by="m-proposer")
    after = team(small, embedder, IDEA, proposer)
    assert declined not in ids(after)
    assert {w.member_id: w.reason for w in after.why_not}.get(declined) == "declined"
    # a decision counts only for whoever made it (docs/privacy.md)
    assert declined in ids(team(small, embedder, IDEA, other))


def test_accepted_elsewhere_gives_a_documented_boost(small: Graph, embedder: Embedder) -> None:
    viewer, other = Looker("member", "m-proposer"), Looker("member", "m-rt-1")
    before = team(small, embedder, IDEA, viewer)
    chosen = before.members[0]
    record_feedback(small, "some-other-idea", "text", chosen.member_id, "accepted", by=viewer.id)
    after = team(small, embedder, IDEA, viewer)
    boosted = next(m for m in after.members if m.member_id == chosen.member_id)
    assert boosted.feedback_boost == pytest.approx(0.02)
    assert boosted.relevance == pytest.approx(min(1.0, chosen.relevance + 0.02), abs=1e-3)
    # the boost is only in the suggestions of whoever accepted (docs/privacy.md)
    elsewhere = team(small, embedder, IDEA, other)
    assert all(m.feedback_boost == 0.0 for m in elsewhere.members)


SHOWN = (
    "MATCH (s:Suggestion {decision: 'suggested'}) "
    "RETURN s.target_id AS target, s.candidate_id AS id"
)


def test_a_shown_team_is_marked_once_and_the_same_target_keeps_its_team(
    small: Graph, embedder: Embedder
) -> None:
    before = team(small, embedder, IDEA)
    assert before.objective.exposure == 0.0
    assert record_shown(small, before, by="m-proposer") == len(before.members)
    assert record_shown(small, before, by="m-proposer") == len(before.members)
    marked = sorted((r["target"], r["id"]) for r in small.read(SHOWN))
    assert marked == sorted(("idea-1", m) for m in ids(before))
    linked = small.read("MATCH (:Suggestion)-[:FOR]->(i:Idea) RETURN DISTINCT i.id AS id")
    assert linked == [{"id": "idea-1"}]
    assert team(small, embedder, IDEA) == before  # its own showing does not count


def test_concurrent_showings_of_a_team_leave_one_mark_per_member(
    small: Graph, embedder: Embedder
) -> None:
    shown = team(small, embedder, IDEA)
    with ThreadPoolExecutor(4) as pool:
        counts = list(pool.map(lambda _: record_shown(small, shown, by="m-proposer"), range(8)))
    assert counts == [len(shown.members)] * 8
    assert sorted(r["id"] for r in small.read(SHOWN)) == sorted(ids(shown))


def test_a_member_shown_for_other_targets_weighs_less(small: Graph, embedder: Embedder) -> None:
    before = team(small, embedder, IDEA)
    shown = before.members[0].member_id
    for text in ("text:a", "text:b", "text:c"):  # free text does not count (docs/privacy.md)
        record_feedback(small, text, "text", shown, "suggested", by="staff-steric")
    assert team(small, embedder, IDEA) == before
    for group in ("tg-1", "tg-2", "tg-old"):
        record_feedback(small, group, "task_group", shown, "suggested", by="staff-steric")
    after = team(small, embedder, IDEA)
    if shown in ids(after):  # e = 3 other targets: a penalty of e / (1 + e) / k
        assert after.objective.exposure == pytest.approx(0.75 / len(after.members))
    else:
        assert after.objective.total != before.objective.total
