"""The one gateway to Neo4j: a driver, a database name and a count of the queries sent.

Reads go through read transactions, writes through write transactions; values are always
parameters. Driver errors that mean "the database is not there" become Neo4jUnavailable.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from neo4j import Driver, GraphDatabase, ManagedTransaction, Session
from neo4j.exceptions import DriverError, ServiceUnavailable, SessionExpired

from matchmaker.config import Neo4jSettings
from matchmaker.errors import Neo4jUnavailable

T = TypeVar("T")
Record = dict[str, Any]
UNAVAILABLE = (ServiceUnavailable, SessionExpired, DriverError, OSError)


def open_driver(uri: str, settings: Neo4jSettings) -> Driver:
    auth = (settings.user, settings.password) if settings.password else None
    return GraphDatabase.driver(
        uri,
        auth=auth,
        connection_acquisition_timeout=10.0,
        connection_timeout=5.0,
        max_transaction_retry_time=5.0,
        max_connection_pool_size=64,
    )


class Graph:
    """Runs Cypher from graph_schema against one database; counts queries for tests."""

    def __init__(self, driver: Driver, database: str) -> None:
        self.driver = driver
        self.database = database
        self._lock = threading.Lock()
        self.queries_sent = 0

    def _count(self) -> None:
        with self._lock:
            self.queries_sent += 1

    def read(self, query: str, **params: Any) -> list[Record]:
        """Run a read query and return its records as dicts; raises Neo4jUnavailable."""
        return self.read_tx(lambda tx: [r.data() for r in tx.run(query, params)])

    def write(self, query: str, **params: Any) -> list[Record]:
        """Run a write query in its own transaction; raises Neo4jUnavailable."""
        return self.write_tx(lambda tx: [r.data() for r in tx.run(query, params)])

    def read_tx(self, work: Callable[[ManagedTransaction], T]) -> T:
        self._count()
        with self._session() as session:
            return session.execute_read(work)

    def write_tx(self, work: Callable[[ManagedTransaction], T]) -> T:
        self._count()
        with self._session() as session:
            return session.execute_write(work)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A raw session for long explicit transactions (imports); errors are wrapped."""
        self._count()
        with self._session() as session:
            yield session

    @contextmanager
    def _session(self) -> Iterator[Session]:
        try:
            with self.driver.session(database=self.database) as session:
                yield session
        except UNAVAILABLE as e:
            raise Neo4jUnavailable(f"Neo4j is not reachable: {e}") from e

    def ping(self) -> bool:
        try:
            self.read("RETURN 1 AS ok")
        except Neo4jUnavailable:
            return False
        return True

    def close(self) -> None:
        self.driver.close()
