"""Counts per named value: at least N from a region, at least N in a discipline, at most N
from a sector. Each changes the team, says why in words, and fails with its reason."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from matchmaker.matching import (
    Candidate,
    Kind,
    TeamProblem,
    TeamSpec,
    TeamSuggestion,
)
from matchmaker.matching.constraints import violations
from matchmaker.matching.pool import build_pool
from matchmaker.matching.problem import sorted_problem
from tests.unit.people import infeasible, person, suggested

FOUR = [person("a"), person("b"), person("c"), person("d")]
SCORES = [[0.9, 0.1], [0.8, 0.2], [0.1, 0.7], [0.2, 0.2]]  # alone, the team is a and c
NAMES = {"a": "Ada Lovelace", "b": "Bea Smith", "c": "Cal Jones", "d": "Dee Khan"}


def problem(
    people: list[Candidate], spec: TeamSpec, scores: list[list[float]] = SCORES
) -> TeamProblem:
    skills = tuple(f"skill{j}" for j in range(len(scores[0])))
    rel = np.full(len(people), 0.5)
    return TeamProblem(tuple(people), skills, np.array(scores, dtype=float), rel, spec, NAMES)


def held(result: TeamSuggestion, cid: str) -> str:
    return next(m.held_in for m in result.members if m.candidate_id == cid)


SCOTLAND = [*FOUR[:3], replace(FOUR[3], region="Scotland")]
ENGINEER = [*FOUR[:3], replace(FOUR[3], discipline="Clinical engineering")]
INDUSTRY = [*(replace(p, sector="industry") for p in FOUR[:3]), FOUR[3]]


@pytest.mark.parametrize("solver", ["heuristic", "exact"])
@pytest.mark.parametrize(
    ("people", "spec", "reason"),
    [
        (
            SCOTLAND,
            TeamSpec(size=2, required_regions={"Scotland": 1}),
            "kept to meet the rule: required regions: at least 1 from Scotland "
            "(Cal Jones would otherwise fit the text better)",
        ),
        (
            ENGINEER,
            TeamSpec(size=2, required_disciplines={"Clinical engineering": 1}),
            "kept to meet the rule: required disciplines: at least 1 in Clinical engineering "
            "(Cal Jones would otherwise fit the text better)",
        ),
    ],
    ids=["region", "discipline"],
)
def test_at_least_one_from_a_region_or_in_a_discipline_brings_them_in(
    solver: str, people: list[Candidate], spec: TeamSpec, reason: str
) -> None:
    # Without the rule d is left out; with it d is in, and says which rule holds them there.
    assert "d" not in suggested(problem(people, TeamSpec(size=2)), solver).member_ids
    result = suggested(problem(people, spec), solver)
    assert "d" in result.member_ids
    assert held(result, "d") == reason


@pytest.mark.parametrize("solver", ["heuristic", "exact"])
def test_at_most_one_from_a_sector_splits_them(solver: str) -> None:
    assert suggested(problem(INDUSTRY, TeamSpec(size=2)), solver).member_ids == ("a", "c")
    spec = TeamSpec(size=2, max_per_sector={"industry": 1})
    result = suggested(problem(INDUSTRY, spec), solver)
    assert result.member_ids == ("a", "d")
    left_out = next(w.detail for w in result.why_not if w.candidate_id == "c")
    assert left_out == (
        "would make the team stronger in place of Dee Khan, but the team would then break "
        "the rule: sector limits: at most 1 from industry"
    )


def test_a_team_over_a_sector_maximum_breaks_it() -> None:
    spec = TeamSpec(size=2, max_per_sector={"industry": 1, "nhs": 2})
    pool = build_pool(sorted_problem(problem(INDUSTRY, spec)), range(4))
    assert violations(pool, [0, 2]) == [Kind.MAX_PER_SECTOR]
    assert violations(pool, [0, 3]) == []


def test_a_region_nobody_eligible_is_from_is_named() -> None:
    result = infeasible(problem(FOUR, TeamSpec(size=2, required_regions={"Scotland": 1})))
    assert [b.kind for b in result.binding] == [Kind.REQUIRED_REGION]
    assert result.message == "required region Scotland: 1 needed, 0 eligible candidates"


def test_a_discipline_nobody_eligible_holds_is_named() -> None:
    people = [*ENGINEER[:3], replace(ENGINEER[3], open_to_matching=False)]
    spec = TeamSpec(size=2, required_disciplines={"Clinical engineering": 1})
    result = infeasible(problem(people, spec))
    assert result.message == (
        "required discipline Clinical engineering: 1 needed, 0 eligible candidates"
    )


def test_more_required_from_a_region_than_places_is_named() -> None:
    people = [replace(p, region="Wales") for p in FOUR]
    result = infeasible(problem(people, TeamSpec(size=2, required_regions={"Wales": 3})))
    assert result.message == "team size 2 is too small for the required regions (3 members)"


def test_sector_maximums_that_cannot_fill_the_team_are_named() -> None:
    result = infeasible(problem(FOUR, TeamSpec(size=2, max_per_sector={"nhs": 1})))
    assert [b.kind for b in result.binding] == [Kind.MAX_PER_SECTOR]
    assert result.message == "at most 1 from nhs allows 1 members; team size 2"


def test_a_sector_maximum_below_its_minimum_is_named() -> None:
    spec = TeamSpec(size=2, required_sectors={"industry": 2}, max_per_sector={"industry": 1})
    result = infeasible(problem(INDUSTRY, spec))
    assert result.message == "sector industry: at least 2 required but at most 1 allowed"


def test_a_region_and_a_discipline_that_cannot_share_one_place_are_both_named() -> None:
    people = [*SCOTLAND, replace(ENGINEER[3], id="e")]
    spec = TeamSpec(
        size=1, required_regions={"Scotland": 1}, required_disciplines={"Clinical engineering": 1}
    )
    result = infeasible(problem(people, spec, [[0.5]] * 5))
    assert {b.kind for b in result.binding} == {
        Kind.SIZE,
        Kind.REQUIRED_REGION,
        Kind.REQUIRED_DISCIPLINE,
    }
    assert "required regions: at least 1 from Scotland: cannot hold together with" in (
        result.message
    )


@pytest.mark.parametrize(
    ("spec", "field", "reason"),
    [
        (
            TeamSpec(required_regions={"Atlantis": 1}),
            "required_regions",
            "unknown regions ['Atlantis']",
        ),
        (TeamSpec(max_per_sector={"pharma": 1}), "max_per_sector", "unknown sectors ['pharma']"),
        (
            TeamSpec(required_disciplines={" ": 1}),
            "required_disciplines",
            "a discipline must be named",
        ),
        (
            TeamSpec(required_disciplines={"x" * 101: 1}),
            "required_disciplines",
            "a discipline has at most 100 characters",
        ),
        (
            TeamSpec(required_regions={"Scotland": -1}),
            "required_regions.Scotland",
            "must not be negative, got -1",
        ),
        (
            TeamSpec(max_per_sector={"nhs": -2}),
            "max_per_sector.nhs",
            "must not be negative, got -2",
        ),
        (
            TeamSpec(required_disciplines={"MRI physics": -1}),
            "required_disciplines.MRI physics",
            "must not be negative, got -1",
        ),
    ],
)
def test_counts_out_of_range_are_refused_naming_the_value(
    spec: TeamSpec, field: str, reason: str
) -> None:
    assert spec.problems() == [(field, reason)]
