"""The cost check runs once per known text for requests with no variables, and on every
request that sends variables; a refusal is the same whether measured or remembered."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from matchmaker.api import limits
from matchmaker.api.schema import schema

_texts = itertools.count()


def _unique(text: str) -> str:
    """`text` under a comment no other test sends, so the process's document table has
    never seen it."""
    return f"# checks-{next(_texts)}\n{text}"


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    seen: list[object] = []
    real = limits.check

    def counting(*args: Any, **kwargs: Any) -> Any:
        seen.append(args[2])  # the variables
        return real(*args, **kwargs)

    monkeypatch.setattr(limits, "check", counting)
    return seen


def _codes(result: Any) -> list[str]:
    return [e.extensions["code"] for e in result.errors or []]


def test_a_text_with_no_variables_is_measured_once(checks: list[object]) -> None:
    text = _unique("{ __typename }")
    for _ in range(3):
        assert schema.execute_sync(text).errors is None
    assert len(checks) == 1


def test_every_request_that_sends_variables_is_measured(checks: list[object]) -> None:
    text = _unique("query($skip: Boolean!) { __typename @skip(if: $skip) }")
    for skip in (True, False, True):
        assert schema.execute_sync(text, variable_values={"skip": skip}).errors is None
    assert checks == [{"skip": True}, {"skip": False}, {"skip": True}]


def test_a_remembered_refusal_is_the_measured_one(checks: list[object]) -> None:
    aliases = " ".join(f"a{i}: __typename" for i in range(limits.BUDGET.max_aliases + 5))
    text = _unique("{ " + aliases + " }")
    first, second = schema.execute_sync(text), schema.execute_sync(text)
    assert _codes(first) == _codes(second) == ["QUERY_TOO_COSTLY"]
    assert first.errors[0].message == second.errors[0].message  # type: ignore[index]
    assert "alias" in first.errors[0].message  # type: ignore[index]
    assert len(checks) == 1


def test_hostile_variables_beside_a_known_text_are_still_refused(checks: list[object]) -> None:
    text = _unique("{ __typename }")
    assert schema.execute_sync(text).errors is None
    nested: Any = "leaf"
    for _ in range(limits.BUDGET.variable_depth + 3):
        nested = [nested]
    refused = schema.execute_sync(text, variable_values={"unused": nested})
    assert _codes(refused) == ["QUERY_TOO_COSTLY"]
    assert "nested" in refused.errors[0].message  # type: ignore[index]
    assert len(checks) == 2
