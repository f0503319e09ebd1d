"""`matchmaker suggest-team` takes the same counts per region, discipline and sector as the API."""

from __future__ import annotations

import argparse

import pytest

from matchmaker.cli.matching_commands import register, team_request
from matchmaker.errors import InvalidInput


def parsed(*flags: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers())
    return parser.parse_args(["suggest-team", "--text", "a remit", *flags])


def test_region_discipline_and_sector_limit_flags_reach_the_constraints() -> None:
    args = parsed(
        "--region", "North West=2", "--region", "Scotland",
        "--discipline", "Clinical engineering=1", "--max-sector", "industry=0",
    )  # fmt: skip
    spec = team_request(args).constraints
    assert spec.required_regions == {"North West": 2, "Scotland": 1}
    assert spec.required_disciplines == {"Clinical engineering": 1}
    assert spec.max_per_sector == {"industry": 0}


def test_a_count_that_is_not_a_number_names_its_flag() -> None:
    with pytest.raises(InvalidInput) as caught:
        team_request(parsed("--region", "Wales=some"))
    assert caught.value.field == "--region"
