"""Only a missing database is "unavailable"; every other driver error surfaces as it is."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from graphql import GraphQLError
from neo4j import Record
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
    """A session, usable in a `with` block or kept open, as the driver's is."""

    def __init__(self, driver: FailingDriver) -> None:
        self.driver = driver
        self.closed = False

    def __enter__(self) -> FailingSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.closed = True

    def execute_read(self, work: Any) -> Any:
        return self._fail()

    execute_write = execute_read

    def run(self, query: str, params: dict[str, Any]) -> Any:
        return self._fail()

    def _fail(self) -> Any:
        self.driver.tries += 1
        if self.driver.failures is not None and self.driver.tries > self.driver.failures:
            return Answered()
        raise self.driver.error


class Answered:
    """A result of one record, as the driver iterates it."""

    def __iter__(self) -> Iterator[Record]:
        return iter([Record([("answer", 1)])])  # type: ignore[no-untyped-call]


class FailingDriver:
    """A driver whose every transaction fails with one error (or only the first `failures`)."""

    def __init__(self, error: BaseException, failures: int | None = None) -> None:
        self.error = error
        self.failures = failures
        self.tries = 0
        self.sessions: list[FailingSession] = []

    def session(self, database: str, default_access_mode: str = "WRITE") -> FailingSession:
        session = FailingSession(self)
        self.sessions.append(session)
        return session

    def close(self) -> None:
        return None


def _graph(error: BaseException, failures: int | None = None) -> Graph:
    return Graph(FailingDriver(error, failures), "neo4j")  # type: ignore[arg-type]


@pytest.fixture
def no_read_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("matchmaker.adapters.graph.READ_RETRY_S", 0.0)


@pytest.mark.parametrize(
    "error",
    [ServiceUnavailable("no route"), SessionExpired("gone"), ConnectionRefusedError(111, "no"),
     ConnectionResetError(104, "reset"), TimeoutError("timed out")],
    ids=type,
)  # fmt: skip
@pytest.mark.usefixtures("no_read_retries")
def test_connection_failures_read_as_unavailable(error: BaseException) -> None:
    graph = _graph(error)
    with pytest.raises(Neo4jUnavailable, match="Neo4j is not reachable") as caught:
        graph.read("RETURN 1")
    assert caught.value.__cause__ is error
    assert graph.ping() is False
    graph.close()


def test_a_read_that_fails_for_a_moment_is_tried_again() -> None:
    graph = _graph(SessionExpired("leader changed"), failures=2)
    assert graph.read("RETURN 1 AS answer") == [{"answer": 1}]
    assert graph.driver.tries == 3  # type: ignore[attr-defined]
    graph.close()


def test_reads_on_one_thread_share_a_session_which_closes_with_the_graph() -> None:
    graph = _graph(SessionExpired("unused"), failures=0)
    driver: FailingDriver = graph.driver  # type: ignore[assignment]
    assert graph.read("RETURN 1 AS answer") == [{"answer": 1}]
    assert graph.read("RETURN 1 AS answer") == [{"answer": 1}]
    other = threading.Thread(target=graph.read, args=("RETURN 1 AS answer",))
    other.start()
    other.join()
    assert len(driver.sessions) == 2  # this thread's and the other's
    assert not any(s.closed for s in driver.sessions)
    graph.close()
    assert all(s.closed for s in driver.sessions)


def test_a_session_a_read_failed_in_is_closed_and_the_next_try_opens_another() -> None:
    graph = _graph(SessionExpired("leader changed"), failures=1)
    driver: FailingDriver = graph.driver  # type: ignore[assignment]
    assert graph.read("RETURN 1 AS answer") == [{"answer": 1}]
    assert [s.closed for s in driver.sessions] == [True, False]
    assert graph.read("RETURN 1 AS answer") == [{"answer": 1}]
    assert len(driver.sessions) == 2
    graph.close()


def test_a_read_refused_for_its_query_is_not_tried_again() -> None:
    graph = _graph(CypherSyntaxError("Invalid input 'RETRUN'"), failures=1)
    with pytest.raises(CypherSyntaxError):
        graph.read("RETRUN 1")
    assert graph.driver.tries == 1  # type: ignore[attr-defined]
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
