"""The one gateway to Neo4j: a driver, a database name and a count of the queries sent.

A single read runs as an auto-commit read query, several reads that belong together in a read
transaction, writes in write transactions; values are always
parameters. Only errors that mean "the database is not there" (no server, a lost session, a
refused or broken connection) become Neo4jUnavailable; every other driver error (a syntax
error, a broken constraint, a refused parameter) surfaces as it is, since retrying later
would not help and calling it "unavailable" would hide a fault in the code or the data.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager, suppress
from typing import Any, TypeVar

from neo4j import (
    READ_ACCESS,
    WRITE_ACCESS,
    Driver,
    GraphDatabase,
    ManagedTransaction,
    NotificationDisabledClassification,
    Session,
)
from neo4j import Record as DriverRecord
from neo4j.exceptions import DriverError, Neo4jError, ServiceUnavailable, SessionExpired

from graph_schema.queries import health
from matchmaker.config import Neo4jSettings
from matchmaker.errors import Neo4jUnavailable

T = TypeVar("T")
A = TypeVar("A")
B = TypeVar("B")
C = TypeVar("C")
Record = dict[str, Any]

# Values the driver hands over as they are: Record.data() passes each through the driver's
# exporter, which tests every one against its graph types and then against abstract
# collection types, and took about a tenth of a team suggestion's CPU decoding its
# candidates' profiles. Maps, lists and scalars are copied here by exact type; nodes,
# relationships, paths and anything else still go through the exporter, as before.
_AS_IS = frozenset({str, int, float, bool, type(None), bytes})


def plain(value: Any) -> Any:
    """`value` as Record.data() gives it: nodes as maps of their properties, and so on."""
    kind = type(value)
    if kind in _AS_IS:
        return value
    if kind is list:
        return [plain(v) for v in value]
    if kind is dict:
        return {k: plain(v) for k, v in value.items()}
    return DriverRecord([("v", value)]).data()["v"]  # type: ignore[no-untyped-call]


def records(result: Iterable[Any]) -> list[Record]:
    """Every record of a driver result, as Record.data() gives it (see `plain`)."""
    return [{k: plain(v) for k, v in zip(record.keys(), record, strict=True)} for record in result]


# The connection-level failures: the driver's own, and the socket errors it may let through.
UNAVAILABLE = (ServiceUnavailable, SessionExpired, ConnectionError, TimeoutError, socket.gaierror)
READ_RETRY_S = 5.0  # as the driver's max_transaction_retry_time below


def open_driver(uri: str, settings: Neo4jSettings) -> Driver:
    """A driver for `uri`. The server's "unrecognized" notifications are switched off: on a
    young graph every read of a property or relationship type not written yet would log one,
    and reading what may not exist yet is normal here (e.g. vectors before the first embed)."""
    return GraphDatabase.driver(uri, **driver_options(settings))


def driver_options(settings: Neo4jSettings) -> dict[str, Any]:
    """The settings every driver of the service opens with, blocking or async."""
    return {
        "auth": (settings.user, settings.password) if settings.password else None,
        "connection_acquisition_timeout": 10.0,
        "connection_timeout": 5.0,
        "max_transaction_retry_time": READ_RETRY_S,
        "max_connection_pool_size": 64,
        "notifications_disabled_classifications": [NotificationDisabledClassification.UNRECOGNIZED],
    }


def pauses() -> Iterator[float]:
    """Pauses between tries of a read: 50 ms, doubling, at most a second."""
    pause = 0.05
    while True:
        yield pause
        pause = min(1.0, pause * 2)


def retryable(error: BaseException | None) -> bool:
    return isinstance(error, (Neo4jError, DriverError)) and error.is_retryable()


def worth_retrying(error: Exception, pause: float, deadline: float) -> bool:
    """Whether a failed read is tried again after `pause`: the driver calls its failure
    retryable (for Neo4jUnavailable, the failure behind it) and the pause ends before
    `deadline`."""
    failure = error.__cause__ if isinstance(error, Neo4jUnavailable) else error
    return retryable(failure) and time.monotonic() + pause <= deadline


def _rows(records: list[Record]) -> list[Record]:
    return list(records[0]["rows"]) if records else []


class Graph:
    """Runs Cypher from graph_schema against one database; counts queries for tests.

    Independent reads of one request can run side by side (`read_all`, `submit`) on a small
    pool of I/O threads: Neo4j executes them on its own cores while Python waits, which is
    most of a suggestion's latency on a small machine."""

    IO_THREADS = 8
    _IO_PREFIX = "graph-io"

    def __init__(self, driver: Driver, database: str, owns_driver: bool = True) -> None:
        self.driver = driver
        self.database = database
        self._owns_driver = owns_driver
        self._lock = threading.Lock()
        self.queries_sent = 0
        self.writes = 0  # write transactions and raw sessions begun through this object
        self._pool = ThreadPoolExecutor(self.IO_THREADS, thread_name_prefix=self._IO_PREFIX)
        self._readers = threading.local()  # each thread's read session (see _reader)
        self._open_readers: list[Session] = []  # every one of them, to close with the graph

    def submit(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> Future[T]:
        """Start `fn(*args, **kwargs)` on an I/O thread; called from one, it runs at once
        (a pool thread waiting on its own pool could deadlock)."""
        if threading.current_thread().name.startswith(self._IO_PREFIX):
            done: Future[T] = Future()
            try:
                done.set_result(fn(*args, **kwargs))
            except BaseException as e:
                done.set_exception(e)
            return done
        return self._pool.submit(fn, *args, **kwargs)

    def alongside(self, background: Callable[[], A], foreground: Callable[[], B]) -> tuple[A, B]:
        """Run `background` on an I/O thread while `foreground` runs on this one (e.g. a read
        while the model encodes); both results, or the first error."""
        pending = self.submit(background)
        try:
            done = foreground()
        except BaseException:
            pending.cancel()
            raise
        return pending.result(), done

    def alongside_both(
        self, first: Callable[[], A], second: Callable[[], C], foreground: Callable[[], B]
    ) -> tuple[A, C, B]:
        """As `alongside`, with `first` and `second` each on an I/O thread of its own."""
        pending = self.submit(first)
        try:
            other, done = self.alongside(second, foreground)
        except BaseException:
            pending.cancel()
            raise
        return pending.result(), other, done

    def read_all(self, *queries: tuple[str, dict[str, Any]]) -> list[list[Record]]:
        """Run independent read queries at the same time, each in its own transaction; their
        records in the order given. Raises Neo4jUnavailable when any fails."""
        futures = [self.submit(self.read, query, **params) for query, params in queries]
        return [future.result() for future in futures]

    def read_rows(self, *queries: tuple[str, dict[str, Any]]) -> list[list[Record]]:
        """As read_all, for queries that return their items in one record as the list
        `rows` (the way of graph_schema queries that yield many: the driver's cost is per
        record): each query's items."""
        return [_rows(records) for records in self.read_all(*queries)]

    def count(self, write: bool = False) -> None:
        """Count one query sent (for tests), by this object or a reader beside it."""
        with self._lock:
            self.queries_sent += 1
            self.writes += write

    def read(self, query: str, **params: Any) -> list[Record]:
        """Run one read query and return its records as dicts; raises Neo4jUnavailable.

        One query needs no explicit transaction: sent as an auto-commit read it costs one
        round trip (RUN and PULL) where BEGIN, RUN and COMMIT cost three, and Neo4j spends
        about as much CPU on each BEGIN or COMMIT as on a small query. A retryable failure
        is retried, as the driver retries a managed transaction, within the same time."""
        self.count()
        deadline = time.monotonic() + READ_RETRY_S
        for pause in pauses():
            try:
                return self._read_once(query, params)
            except (Neo4jUnavailable, Neo4jError, DriverError) as e:
                if not worth_retrying(e, pause, deadline):
                    raise
            time.sleep(pause)
        raise AssertionError("unreachable: pauses never ends")

    def _read_once(self, query: str, params: dict[str, Any]) -> list[Record]:
        session = self._reader()
        try:
            return records(session.run(query, params))
        except BaseException as e:
            self._drop_reader(session)
            if isinstance(e, UNAVAILABLE):
                raise Neo4jUnavailable(f"Neo4j is not reachable: {e}") from e
            raise

    def _reader(self) -> Session:
        """This thread's read session, opened on its first read and kept: an idle session
        holds no connection (each auto-commit query borrows one from the driver's pool), and
        opening one per query rebuilt the driver's session configuration every time (about a
        twentieth of a worker's CPU when it serves short reads). A session is used by one
        thread at a time, as the driver requires."""
        session: Session | None = getattr(self._readers, "session", None)
        if session is None:
            session = self.driver.session(database=self.database, default_access_mode=READ_ACCESS)
            self._readers.session = session
            with self._lock:
                self._open_readers.append(session)
        return session

    def _drop_reader(self, session: Session) -> None:
        """Forget and close a session a query failed in; the next read opens a fresh one."""
        self._readers.session = None
        with self._lock:
            if session in self._open_readers:
                self._open_readers.remove(session)
        with suppress(Exception):
            session.close()

    def write(self, query: str, **params: Any) -> list[Record]:
        """Run a write query in its own transaction; raises Neo4jUnavailable."""
        return self.write_tx(lambda tx: records(tx.run(query, params)))

    def read_tx(self, work: Callable[[ManagedTransaction], T]) -> T:
        self.count()
        with self._session() as session:
            return session.execute_read(work)

    def write_tx(self, work: Callable[[ManagedTransaction], T]) -> T:
        self.count(write=True)
        with self._session() as session:
            return session.execute_write(work)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A raw session for long explicit transactions (imports); errors are wrapped."""
        self.count(write=True)
        with self._session() as session:
            yield session

    @contextmanager
    def _session(self, mode: str = WRITE_ACCESS) -> Iterator[Session]:
        try:
            with self.driver.session(database=self.database, default_access_mode=mode) as session:
                yield session
        except UNAVAILABLE as e:
            raise Neo4jUnavailable(f"Neo4j is not reachable: {e}") from e

    def bookmark(self, query: str) -> frozenset[str]:
        """Run a trivial read `query` and return its bookmark: an opaque token naming the last
        transaction the database had committed, so it changes with every commit anywhere."""
        self.count()
        with self._session() as session:
            session.execute_read(lambda tx: tx.run(query).consume())
            return frozenset(session.last_bookmarks().raw_values)

    def sibling(self) -> Graph:
        """Another Graph on the same driver with its own counters and I/O threads; closing it
        leaves the driver open (for background work that must not show in these counts)."""
        return Graph(self.driver, self.database, owns_driver=False)

    def ping(self) -> bool:
        try:
            self.read(health.PING)
        except Neo4jUnavailable:
            return False
        return True

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        with self._lock:
            readers, self._open_readers = self._open_readers, []
        for session in readers:
            with suppress(Exception):
                session.close()
        if self._owns_driver:
            self.driver.close()
