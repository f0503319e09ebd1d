"""Only a missing database is "unavailable"; every other driver error surfaces as it is."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from graphql import GraphQLError
from neo4j.exceptions import (
    ClientError,
    ConstraintError,
    CypherSyntaxError,
    ServiceUnavailable,
    SessionExpired,
    TransactionError,
)

from matchmaker.adapters.graph import Graph
from matchmaker.api.errors import MaskUnexpected, should_mask
from matchmaker.errors import InvalidInput, Neo4jUnavailable, NotFound, PermissionDenied
from matchmaker.services.validation import InvalidFields


class FailingSession:
    def __init__(self, error: BaseException) -> None:
        self.error = error

    def execute_read(self, work: Any) -> Any:
        raise self.error

    execute_write = execute_read


class FailingDriver:
    """A driver whose every transaction fails with one error."""

    def __init__(self, error: BaseException) -> None:
        self.error = error

    @contextmanager
    def session(self, database: str) -> Iterator[FailingSession]:
        yield FailingSession(self.error)

    def close(self) -> None:
        return None


def _graph(error: BaseException) -> Graph:
    return Graph(FailingDriver(error), "neo4j")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "error",
    [ServiceUnavailable("no route"), SessionExpired("gone"), ConnectionRefusedError(111, "no"),
     ConnectionResetError(104, "reset"), TimeoutError("timed out")],
    ids=type,
)  # fmt: skip
def test_connection_failures_read_as_unavailable(error: BaseException) -> None:
    graph = _graph(error)
    with pytest.raises(Neo4jUnavailable, match="Neo4j is not reachable") as caught:
        graph.read("RETURN 1")
    assert caught.value.__cause__ is error
    assert graph.ping() is False
    graph.close()


@pytest.mark.parametrize(
    "error",
    [CypherSyntaxError("Invalid input 'MATC'"), ConstraintError("already exists"),
     ClientError("refused"), TransactionError("closed"), FileNotFoundError("x.csv")],
    ids=lambda e: type(e).__name__,
)  # fmt: skip
def test_other_errors_surface_as_they_are(error: BaseException) -> None:
    graph = _graph(error)
    with pytest.raises(type(error)) as caught:
        graph.write("CREATE (n)")
    assert caught.value is error
    graph.close()


def test_the_api_masks_a_driver_error_as_internal_and_an_outage_as_unavailable() -> None:
    mask = MaskUnexpected()
    syntax = GraphQLError("x", original_error=CypherSyntaxError("Invalid input"))
    down = GraphQLError("x", original_error=Neo4jUnavailable("Neo4j is not reachable"))
    assert mask.anonymise_error(syntax).extensions == {"code": "INTERNAL"}
    assert mask.anonymise_error(down).extensions == {"code": "UNAVAILABLE"}


def test_a_services_refusal_keeps_its_message_with_a_4xx_code() -> None:
    mask = MaskUnexpected()
    refusals = {
        "BAD_USER_INPUT": InvalidFields([InvalidInput("name", "must not be empty")]),
        "NOT_FOUND": NotFound("idea", "idea-9"),
        "FORBIDDEN": PermissionDenied("only staff can do this"),
    }
    for code, refusal in refusals.items():
        error = GraphQLError("x", original_error=refusal)
        assert should_mask(error)  # rewritten, never passed through as it is
        shown = mask.anonymise_error(error)
        assert shown.extensions == {"code": code}
        assert shown.message == str(refusal)[:1].upper() + str(refusal)[1:].rstrip(".") + "."
