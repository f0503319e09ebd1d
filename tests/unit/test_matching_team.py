"""Team suggestion: filters, each constraint kind, gaps, why-not, infeasibility, determinism."""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np
import pytest

from matchmaker.matching import (
    Candidate,
    Infeasible,
    Kind,
    Reason,
    TeamProblem,
    TeamSpec,
    TeamSuggestion,
    suggest_team,
)
from matchmaker.matching.random_instances import random_problem
from tests.unit.people import infeasible, person, suggested


def problem(
    people: list[Candidate],
    scores: list[list[float]],
    spec: TeamSpec,
    relevance: list[float] | None = None,
) -> TeamProblem:
    skills = tuple(f"skill{j}" for j in range(len(scores[0])))
    rel = np.array(relevance if relevance is not None else [0.5] * len(people))
    return TeamProblem(tuple(people), skills, np.array(scores, dtype=float), rel, spec)


def why(result: TeamSuggestion, cid: str) -> str:
    return next(w.detail for w in result.why_not if w.candidate_id == cid)


FOUR = [person("a"), person("b"), person("c"), person("d")]
FOUR_SCORES = [[0.9, 0.1], [0.8, 0.2], [0.1, 0.7], [0.2, 0.2]]


def test_opted_out_member_is_never_selected_and_told_why() -> None:
    people = [replace(FOUR[0], open_to_matching=False), *FOUR[1:]]
    result = suggested(problem(people, FOUR_SCORES, TeamSpec(size=2)))
    assert "a" not in result.member_ids
    assert why(result, "a") == "not open to matching"


def test_capacity_filters_unless_not_required() -> None:
    people = [replace(FOUR[0], current_groups=2, max_groups=2), *FOUR[1:]]
    result = suggested(problem(people, FOUR_SCORES, TeamSpec(size=2)))
    assert "a" not in result.member_ids
    assert why(result, "a").startswith("at capacity")
    relaxed = suggested(problem(people, FOUR_SCORES, TeamSpec(size=2, require_capacity=False)))
    assert "a" in relaxed.member_ids


def test_no_hours_counts_as_no_capacity() -> None:
    people = [replace(FOUR[0], availability_hours=0), *FOUR[1:]]
    result = suggested(problem(people, FOUR_SCORES, TeamSpec(size=2)))
    assert next(w.reason for w in result.why_not if w.candidate_id == "a") is Reason.CAPACITY


def test_conflicts_with_the_proposer_filter_both_ways() -> None:
    people = [replace(FOUR[0], conflicts=frozenset({"prop"})), *FOUR[1:]]
    spec = TeamSpec(size=2, proposer_id="prop", proposer_conflicts=frozenset({"c"}))
    result = suggested(problem(people, FOUR_SCORES, spec))
    assert {"a", "c"}.isdisjoint(result.member_ids)
    assert "conflict" in why(result, "a")


def test_excluded_and_declined_have_their_own_reasons() -> None:
    spec = TeamSpec(size=2, exclude=frozenset({"a"}), declined=frozenset({"b"}))
    result = suggested(problem(FOUR, FOUR_SCORES, spec))
    assert why(result, "a") == "excluded by the user"
    assert why(result, "b") == "declined for this idea"
    assert set(result.member_ids) == {"c", "d"}


def test_locked_member_is_kept_even_when_weak() -> None:
    result = suggested(problem(FOUR, FOUR_SCORES, TeamSpec(size=2, must_include=frozenset({"d"}))))
    assert "d" in result.member_ids


def test_max_per_org_holds_and_names_itself_in_why_not() -> None:
    people = [replace(p, organisation_id="same") if p.id in "ab" else p for p in FOUR]
    scores = [[0.9, 0.1], [0.8, 0.75], [0.1, 0.7], [0.2, 0.2]]
    result = suggested(problem(people, scores, TeamSpec(size=2, max_per_org=1)))
    assert result.member_ids == ("a", "c")
    assert why(result, "b") == (
        "would make the team stronger in place of c, but the team would then break the rule: "
        "at most 1 per organisation"
    )


def test_required_sector_is_met() -> None:
    people = [*FOUR[:3], replace(FOUR[3], sector="industry")]
    spec = TeamSpec(size=2, required_sectors={"industry": 1})
    assert "d" in suggested(problem(people, FOUR_SCORES, spec)).member_ids


def test_early_career_minimum_is_met() -> None:
    people = [*FOUR[:3], replace(FOUR[3], career_stage="trainee")]
    spec = TeamSpec(size=2, min_early_career=1)
    assert "d" in suggested(problem(people, FOUR_SCORES, spec)).member_ids


def test_distinct_disciplines_regions_and_sigs_are_met() -> None:
    people = [
        replace(FOUR[0], sigs=frozenset({"MRI"})),
        replace(FOUR[1], sigs=frozenset({"MRI"})),
        replace(FOUR[2], sigs=frozenset({"MRI"})),
        replace(FOUR[3], discipline="MRI physics", region="Wales", sigs=frozenset({"AI"})),
    ]
    specs = [
        TeamSpec(size=2, min_distinct_disciplines=2),
        TeamSpec(size=2, min_regions=2),
        TeamSpec(size=2, min_distinct_sigs=2),
    ]
    for spec in specs:
        assert "d" in suggested(problem(people, FOUR_SCORES, spec)).member_ids, spec


def test_members_in_declared_conflict_are_never_together() -> None:
    people = [replace(FOUR[0], conflicts=frozenset({"b"})), *FOUR[1:]]
    scores = [[0.9, 0.9], [0.9, 0.9], [0.1, 0.1], [0.1, 0.1]]
    result = suggested(problem(people, scores, TeamSpec(size=2)))
    assert not {"a", "b"} <= set(result.member_ids)


def test_gaps_name_skills_nobody_available_covers() -> None:
    scores = [[0.9, 0.05], [0.8, 0.1], [0.7, 0.0], [0.2, 0.1]]
    result = suggested(problem(FOUR, scores, TeamSpec(size=2)))
    assert [g.skill for g in result.gaps] == ["skill1"]
    assert result.gaps[0].detail == "no available member covers skill1"
    assert result.gaps[0].best_available_id is None


def test_gap_mentions_an_available_member_left_out_by_a_lock() -> None:
    scores = [[0.9, 0.0], [0.8, 0.0], [0.0, 0.9], [0.7, 0.0]]
    spec = TeamSpec(size=2, must_include=frozenset({"a", "b"}))
    result = suggested(problem(FOUR, scores, spec))
    assert result.gaps[0].best_available_id == "c"
    assert why(result, "c") == "every place is taken by members asked for by name"


def test_members_list_the_skills_they_cover() -> None:
    result = suggested(problem(FOUR, FOUR_SCORES, TeamSpec(size=2)))
    by_id = {m.candidate_id: m for m in result.members}
    assert [s.skill for s in by_id["c"].skills] == ["skill1"]
    assert by_id["c"].skills[0].best_in_team
    assert [c.member_id for c in result.coverage] == ["a", "c"]


def test_lower_marginal_gain_is_the_reason_for_a_plain_runner_up() -> None:
    result = suggested(problem(FOUR, FOUR_SCORES, TeamSpec(size=2)))
    assert result.member_ids == ("a", "c")
    assert why(result, "b").startswith("adds less than the chosen members: in place of a")


def test_infeasible_names_a_missing_sector() -> None:
    result = infeasible(
        problem(FOUR, FOUR_SCORES, TeamSpec(size=2, required_sectors={"industry": 1}))
    )
    assert [b.kind for b in result.binding] == [Kind.REQUIRED_SECTOR]
    assert result.message == "required sector industry: 1 needed, 0 eligible candidates"


def test_infeasible_when_the_team_is_too_small_for_the_sectors() -> None:
    people = [
        replace(p, sector=s)
        for p, s in zip(FOUR, ["nhs", "industry", "academia", "charity"], strict=True)
    ]
    spec = TeamSpec(size=2, required_sectors={"nhs": 1, "industry": 1, "academia": 1})
    assert (
        "too small for the required sectors"
        in infeasible(problem(people, FOUR_SCORES, spec)).message
    )


def test_no_candidate_at_all_is_an_infeasible_size_not_a_crash() -> None:
    empty = TeamProblem((), ("skill0", "skill1"), np.zeros((0, 2)), np.zeros(0), TeamSpec(size=3))
    assert [b.kind for b in infeasible(empty).binding] == [Kind.SIZE]


def test_infeasible_when_too_few_are_eligible_or_a_lock_is_opted_out() -> None:
    people = [replace(FOUR[0], open_to_matching=False), *FOUR[1:]]
    result = infeasible(
        problem(people, FOUR_SCORES, TeamSpec(size=4, must_include=frozenset({"a"})))
    )
    assert [b.kind for b in result.binding] == [Kind.MUST_INCLUDE, Kind.SIZE]
    assert result.binding[0].detail == "a is locked but not open to matching"


def test_infeasible_combination_names_every_binding_constraint() -> None:
    people = [
        person("a", sector="industry", region="London"),
        person("b", career_stage="early", region="London"),
        person("c", region="Wales"),
    ]
    spec = TeamSpec(size=2, required_sectors={"industry": 1}, min_early_career=1, min_regions=2)
    result = infeasible(problem(people, [[0.5], [0.5], [0.5]], spec))
    assert {b.kind for b in result.binding} == {
        Kind.SIZE,
        Kind.REQUIRED_SECTOR,
        Kind.EARLY_CAREER,
        Kind.REGIONS,
    }


def test_ties_break_by_id_whatever_the_input_order() -> None:
    people = [person(c, organisation_id="o") for c in "edcba"]
    scores = [[0.5]] * 5
    first = suggested(problem(people, scores, TeamSpec(size=2)))
    again = suggested(problem(people[::-1], scores, TeamSpec(size=2)))
    assert first.member_ids == again.member_ids == ("a", "b")
    assert first == again


def test_rerun_after_excluding_a_member_swaps_them_out() -> None:
    p = random_problem(seed=4)
    first = suggested(p)
    dropped = first.member_ids[0]
    spec = replace(
        p.spec, exclude=frozenset({dropped}), must_include=frozenset(first.member_ids[1:2])
    )
    second = suggested(replace(p, spec=spec))
    assert dropped not in second.member_ids
    assert first.member_ids[1] in second.member_ids
    assert why(second, dropped) == "excluded by the user" or dropped not in {
        w.candidate_id for w in second.why_not
    }


@pytest.mark.parametrize("seed", range(12))
def test_random_constrained_teams_satisfy_every_constraint(seed: int) -> None:
    p = random_problem(seed=seed)
    result = suggested(p)
    chosen = [c for c in p.candidates if c.id in result.member_ids]
    spec = p.spec
    assert len(chosen) == spec.size
    assert all(c.open_to_matching and c.has_capacity for c in chosen)
    assert (
        max(
            sum(c.organisation_id == o for c in chosen) for o in {c.organisation_id for c in chosen}
        )
        <= 2
    )
    assert sum(c.sector == "industry" for c in chosen) >= 1
    assert sum(c.sector == "nhs" for c in chosen) >= 1
    assert sum(c.early_career for c in chosen) >= spec.min_early_career
    assert len({c.discipline for c in chosen}) >= spec.min_distinct_disciplines
    assert len({c.region for c in chosen}) >= spec.min_regions
    assert len(set().union(*(c.sigs for c in chosen))) >= spec.min_distinct_sigs
    assert not any(a.id in b.conflicts for a in chosen for b in chosen)


NAMES = {"a": "Ada Lovelace", "b": "Bea Smith", "c": "Cal Jones", "d": "Dee Khan"}


def named(p: TeamProblem) -> TeamProblem:
    return replace(p, names=NAMES)


def every_text(result: TeamSuggestion) -> list[str]:
    return [
        *(w.detail for w in result.why_not),
        *(g.detail for g in result.gaps),
        *(m.held_in for m in result.members),
    ]


def test_members_come_best_first_by_relevance_to_the_text() -> None:
    scores = [[0.9, 0.1], [0.1, 0.1], [0.1, 0.9], [0.1, 0.1]]
    result = suggested(problem(FOUR, scores, TeamSpec(size=2), [0.3, 0.1, 0.6, 0.1]))
    assert result.member_ids == ("c", "a")
    assert [m.candidate_id for m in result.members] == ["c", "a"]


def test_reasons_name_people_and_hold_no_ids_or_decimals() -> None:
    people = [replace(p, organisation_id="same") if p.id in "ab" else p for p in FOUR]
    scores = [[0.9, 0.1], [0.8, 0.75], [0.1, 0.7], [0.2, 0.2]]
    result = suggested(named(problem(people, scores, TeamSpec(size=2, max_per_org=1))))
    assert "in place of Cal Jones" in why(result, "b")
    for text in every_text(result):
        assert not any(f" {cid} " in f" {text} " for cid in NAMES), text
        assert re.search(r"\d\.\d", text) is None, text


def test_gap_names_the_person_who_could_cover_it_with_a_band() -> None:
    scores = [[0.9, 0.0], [0.8, 0.0], [0.0, 0.9], [0.7, 0.0]]
    spec = TeamSpec(size=2, must_include=frozenset({"a", "b"}))
    gap = suggested(named(problem(FOUR, scores, spec))).gaps[0]
    assert gap.detail.startswith("no team member covers skill1; Cal Jones, a strong match")


def test_a_member_kept_by_a_rule_says_which_rule() -> None:
    people = [*FOUR[:3], replace(FOUR[3], sector="industry")]
    spec = TeamSpec(size=2, required_sectors={"industry": 1})
    result = suggested(named(problem(people, FOUR_SCORES, spec)))
    kept = next(m for m in result.members if m.candidate_id == "d")
    assert kept.held_in.startswith("kept to meet the rule: required sectors: at least 1 from")
    others = [m.held_in for m in result.members if m.candidate_id != "d"]
    assert others == [""]


def test_locked_members_are_held_in_by_name() -> None:
    spec = TeamSpec(size=2, must_include=frozenset({"d"}))
    result = suggested(named(problem(FOUR, FOUR_SCORES, spec)))
    assert next(m.held_in for m in result.members if m.candidate_id == "d") == "asked for by name"


def test_a_search_out_of_time_says_a_team_may_exist_rather_than_none_can() -> None:
    people = [
        person("a", sector="industry", region="London"),
        person("b", career_stage="early", region="London"),
        person("c", region="Wales"),
        person("d", region="Wales", career_stage="early"),
    ]
    spec = TeamSpec(size=2, required_sectors={"industry": 1}, min_early_career=1, min_regions=2)
    p = problem(people, [[0.9], [0.5], [0.5], [0.1]], spec)
    assert suggested(p).member_ids == ("a", "d")  # a team exists
    result = suggest_team(p, solver="exact", time_limit_s=0.0)
    assert isinstance(result, Infeasible), result
    assert not result.proven
    assert result.message.startswith("no team meeting every constraint was found in the time")
    assert "though one may exist" in result.message
