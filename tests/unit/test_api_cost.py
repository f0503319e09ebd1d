"""The document cost: linear to measure, exact on expansion, and refusing with the cap named."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from graphql import GraphQLSchema, parse

from matchmaker.api.cost import (
    Budget,
    OverBudget,
    check,
    check_text,
    check_variables,
    measure,
)
from matchmaker.api.schema import schema as app_schema

REPO = Path(__file__).resolve().parents[2]
DOCUMENTS = sorted((REPO / "frontend" / "src" / "graphql").glob("*.graphql"))


@pytest.fixture(scope="module")
def schema() -> GraphQLSchema:
    return app_schema._schema


def fan_out(levels: int) -> str:
    """Fragments that each spread the one before twice: 2**levels fields once expanded."""
    fragments = ["fragment F0 on Member { id }"]
    fragments += [
        f"fragment F{i} on Member {{ ...F{i - 1} ...F{i - 1} }}" for i in range(1, levels + 1)
    ]
    return f'{{ member(id: "m") {{ ...F{levels} }} }} ' + " ".join(fragments)


def test_expanded_counts_are_exact(schema: GraphQLSchema) -> None:
    cost = measure(schema, parse(fan_out(4)), {}, Budget())
    assert cost.fields == 1 + 2**4  # member, then id sixteen times
    assert cost.spreads == 2**5 - 1  # 1 + 2 + 4 + 8 + 16
    assert cost.depth == 2


def test_fragment_fan_out_is_refused_in_linear_time(schema: GraphQLSchema) -> None:
    started = time.perf_counter()
    for levels in (19, 29, 60):
        with pytest.raises(OverBudget, match="fields once fragments are expanded"):
            check(schema, parse(fan_out(levels)), {}, Budget())
    # 2**60 expanded fields: measured, not walked (a walk would never end).
    assert time.perf_counter() - started < 1.0


def test_each_cap_is_named(schema: GraphQLSchema) -> None:
    cases = {
        "nests fields 12 deep": '{ member(id: "m") { '
        + "collaborators { member { " * 5
        + "id"
        + " } }" * 5
        + " } }",
        "uses 31 aliases": "{ " + " ".join(f"a{i}: me {{ role }}" for i in range(31)) + " }",
        "selects 601 fields": "{ me { " + "role " * 600 + "} }",
        "uses 61 directives": "{ me { role " + "@include(if: true) " * 61 + "} }",
    }
    for expected, query in cases.items():
        with pytest.raises(OverBudget, match=expected):
            check(schema, parse(query), {}, Budget())


def test_nested_pages_multiply(schema: GraphQLSchema) -> None:
    query = (
        "{ groups(first: 8) { nodes { members { member { memberships { group { members "
        "{ member { id } } } } } } } } }"
    )
    with pytest.raises(OverBudget, match="could return about") as refused:
        check(schema, parse(query), {}, Budget())
    assert "`first`" in str(refused.value)


def test_first_from_variables_counts(schema: GraphQLSchema) -> None:
    query = parse("query($n: Int) { calls(first: $n) { nodes { id } } }")
    small = measure(schema, query, {"n": 2}, Budget())
    unknown = measure(schema, query, {}, Budget())
    assert small.objects < unknown.objects  # a missing variable counts as the largest page


def test_variables_nested_too_deep_or_too_many_are_refused() -> None:
    deep: object = 1
    for _ in range(20):
        deep = [deep]
    with pytest.raises(OverBudget, match="nested more than"):
        check_variables({"v": deep}, Budget())
    with pytest.raises(OverBudget, match="more than 2,000 values"):
        check_variables({"v": list(range(2_001))}, Budget())
    check_variables({"input": {"skills": ["a", "b"], "size": 4}}, Budget())


def test_long_texts_and_strings_are_refused_except_file_contents(schema: GraphQLSchema) -> None:
    with pytest.raises(OverBudget, match="query text has 20,001 characters"):
        check_text("{" + " " * 19_999 + "}", Budget())
    calls = parse("query($s: String) { calls(status: $s) { totalCount } }")
    with pytest.raises(OverBudget, match="has 10,001 characters"):
        check(schema, calls, {"s": "x" * 10_001}, Budget())
    upload = parse(
        "mutation($c: String!) { importData(kind: MEMBERS, content: $c) { __typename } }"
    )
    check(schema, upload, {"c": "x" * 100_000}, Budget())


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_every_document_of_the_web_app_is_within_budget(schema: GraphQLSchema, path: Path) -> None:
    check(schema, parse(path.read_text()), {}, Budget())
