"""The silo map's drill-down: the ideas and groups behind a cell, for staff only, counts not who.

The graph is tests/integration/api_world.py. By sector: idea-sub links nhs (Ada, submitter)
and charity (Dan, interested); tg-1 and the STERIC committee link nhs (Ada) and academia (Ben);
the draft idea-draft has Ben alone and links nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from graphql import build_schema
from starlette.testclient import TestClient

from matchmaker.api.schema import sdl
from matchmaker.app import create_app
from matchmaker.bootstrap import Runtime
from tests.integration.api_world import Api, build_world, ok, refused

CELL = """
query Cell($dimension: SiloDimension!, $a: String!, $b: String!) {
  analytics {
    siloCell(dimension: $dimension, a: $a, b: $b) {
      __typename
      ... on SiloCell {
        a b together
        links { fromA fromB idea { id title } group { id name kind } }
      }
      ... on ValidationErrors { errors { field message } }
    }
  }
}
"""
MAP = "{ analytics { siloMap(dimension: SECTOR) { categories pairs { a b together } } } }"


@pytest.fixture
def api(runtime: Runtime) -> Iterator[Api]:
    build_world(runtime.graph, runtime.embedder)
    with TestClient(create_app(runtime.settings, runtime_factory=lambda _: runtime)) as client:
        yield Api(client, runtime.settings)


def cell(api: Api, a: str, b: str, dimension: str = "SECTOR") -> dict[str, Any]:
    data = ok(api.gql("staff", CELL, dimension=dimension, a=a, b=b))
    found: dict[str, Any] = data["analytics"]["siloCell"]
    return found


def test_a_cell_lists_the_groups_and_ideas_linking_its_two_categories(api: Api) -> None:
    found = cell(api, "academia", "nhs")
    assert found["together"] == 2
    assert [(x["group"]["id"], x["fromA"], x["fromB"]) for x in found["links"]] == [
        ("steric", 1, 1),
        ("tg-1", 1, 1),
    ]
    assert all(x["idea"] is None for x in found["links"])

    idea = cell(api, "charity", "nhs")
    assert [(x["idea"]["id"], x["group"]) for x in idea["links"]] == [("idea-sub", None)]


def test_every_cell_of_the_map_drills_down_to_as_many_links(api: Api) -> None:
    pairs = ok(api.gql("staff", MAP))["analytics"]["siloMap"]["pairs"]
    assert {(p["a"], p["b"]): p["together"] for p in pairs if p["together"]} == {
        ("academia", "nhs"): 2,
        ("charity", "nhs"): 1,
    }
    for p in pairs:
        assert cell(api, p["a"], p["b"])["together"] == p["together"], p
        assert cell(api, p["b"], p["a"])["together"] == p["together"], p


def test_bad_categories_are_named_in_the_answer(api: Api) -> None:
    same = cell(api, "nhs", "nhs")
    assert same["__typename"] == "ValidationErrors"
    assert [e["field"] for e in same["errors"]] == ["b"]
    unknown = cell(api, "retail", "nhs")
    assert unknown["errors"] == [{"field": "a", "message": "no sector named 'retail'"}]
    assert cell(api, "MRI SIG", "Radiotherapy SIG", "SIG")["together"] == 2  # tg-1, STERIC


@pytest.mark.parametrize("who", ["member", "other_member", "partner"])
def test_only_staff_may_drill_down(api: Api, who: str) -> None:
    refused(api.gql(who, CELL, dimension="SECTOR", a="academia", b="nhs"), "FORBIDDEN")
    refused(
        api.gql("anonymous", CELL, dimension="SECTOR", a="academia", b="nhs"), "UNAUTHENTICATED"
    )


def test_a_link_counts_members_and_never_names_them() -> None:
    link = build_schema(sdl()).get_type("SiloLink")
    assert set(link.fields) == {"fromA", "fromB", "idea", "group"}  # type: ignore[union-attr]
