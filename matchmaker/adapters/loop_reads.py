"""Reads from coroutines: the API's reads, sent from the execution loop without a thread hop.

Every GraphQL operation runs on one event loop (api.executor). Its reads went to worker
threads through the blocking driver; each such read costs two wake-ups between threads, and
under load every thread in the process waits its turn for the interpreter before it can
send, decode or hand back a result. The driver's async API sends and decodes on the loop
itself: at concurrency 16, `calls(first: 10)` served 2-10% more requests per second this way
in paired runs (bench/results/report.md, eighth pass).

`Reader` is what the API's loaders and pages need; LoopReader provides it on the async driver.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any, Protocol

from neo4j import READ_ACCESS, AsyncDriver, AsyncGraphDatabase, AsyncSession
from neo4j.exceptions import DriverError, Neo4jError

from matchmaker.adapters.graph import (
    READ_RETRY_S,
    UNAVAILABLE,
    Graph,
    Record,
    driver_options,
    pauses,
    records,
    worth_retrying,
)
from matchmaker.config import Neo4jSettings
from matchmaker.errors import Neo4jUnavailable


class Reader(Protocol):
    async def read(self, query: str, **params: Any) -> list[Record]:
        """One read query's records, as Graph.read gives them; raises Neo4jUnavailable."""
        ...


def open_loop_reader(uri: str, settings: Neo4jSettings, graph: Graph) -> LoopReader:
    """A reader with a driver of its own for `uri`, counting its queries on `graph`."""
    driver = AsyncGraphDatabase.driver(uri, **driver_options(settings))
    return LoopReader(driver, graph.database, graph)


class LoopReader:
    """Auto-commit reads on the async driver, for coroutines of one event loop (the driver's
    pool belongs to the loop that first uses it). Retries as Graph.read does, pausing with
    asyncio.sleep, so the loop goes on serving while it waits."""

    def __init__(self, driver: AsyncDriver, database: str, graph: Graph) -> None:
        self.driver = driver
        self.database = database
        self.graph = graph
        # Sessions no read is using. A session runs one query at a time, and opening one
        # per query rebuilds its configuration each time (see Graph._reader); an idle one
        # holds no connection.
        self._idle: list[AsyncSession] = []
        self.sessions_opened = 0

    async def read(self, query: str, **params: Any) -> list[Record]:
        self.graph.count()
        deadline = time.monotonic() + READ_RETRY_S
        for pause in pauses():
            try:
                return await self._read_once(query, params)
            except (Neo4jUnavailable, Neo4jError, DriverError) as e:
                if not worth_retrying(e, pause, deadline):
                    raise
            await asyncio.sleep(pause)
        raise AssertionError("unreachable: pauses never ends")

    async def _read_once(self, query: str, params: dict[str, Any]) -> list[Record]:
        session = self._session()
        try:
            result = await session.run(query, params)
            found = [record async for record in result]
        except asyncio.CancelledError:
            # Cancelled mid-read (the request ran past its budget): the connection may be
            # half-way through a reply, so the driver drops it rather than reuse it.
            session.cancel()
            raise
        except BaseException as e:
            session.cancel()
            if isinstance(e, UNAVAILABLE):
                raise Neo4jUnavailable(f"Neo4j is not reachable: {e}") from e
            raise
        self._idle.append(session)
        return records(found)

    def _session(self) -> AsyncSession:
        if self._idle:
            return self._idle.pop()
        self.sessions_opened += 1
        return self.driver.session(database=self.database, default_access_mode=READ_ACCESS)

    async def close(self) -> None:
        """Close the idle sessions and the driver; on the reader's own loop."""
        idle, self._idle = self._idle, []
        for session in idle:
            try:
                await session.close()
            except (Neo4jError, DriverError, *UNAVAILABLE):
                pass
        await self.driver.close()
