"""A second event loop, on its own thread, where GraphQL operations are parsed, validated and run.

The server's own loop accepts connections, reads bodies, answers /healthz and writes
responses. Everything a document costs in CPU (parsing, validation, resolving, completing
the result) runs here instead, so a costly request delays other GraphQL requests at most by
the interpreter's thread switch interval, and never stops the server answering /healthz.
Resolvers keep sending their Neo4j reads to worker threads, as before.

The loop runs one long-lived task as its root. anyio (behind starlette's run_in_threadpool)
ties its worker threads to the root task it finds and stops them when that task ends; with
no root of its own each request's task became the root, so every request started and
stopped its own threads (and scanned every task to look for a root).

At most `concurrency` operations run at once; the others wait their turn in arrival order
on the server's loop. Dozens of operations interleaved on one interpreter all finish late
(each gets a slice of the GIL and of the worker threads in turn); a few at a time finish
in the order they came, with the same throughput and a shorter tail. A request that waits
longer than its time budget for a turn is refused as one that ran past it.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


class RequestTimedOut(Exception):
    """An operation ran past the request time budget and was cancelled."""

    def __init__(self, budget_s: float) -> None:
        super().__init__(
            f"The request took longer than {budget_s:g} s and was stopped; "
            "ask for less (fewer items or a narrower search) or try again."
        )


class ExecutionLoop:
    """Runs coroutines on a loop of its own thread, at most `concurrency` at once (None: no
    limit), each under a time budget."""

    def __init__(self, name: str = "graphql-execution", concurrency: int | None = None) -> None:
        self._concurrency = concurrency
        self._turns: asyncio.Semaphore | None = None  # made on the callers' loop
        self._loop = asyncio.new_event_loop()
        self._stopping = asyncio.Event()
        self._thread = threading.Thread(target=self._serve, name=name, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        asyncio.set_event_loop(self._loop)
        try:
            self._loop.run_until_complete(self._root())
        finally:
            self._loop.close()

    async def _root(self) -> None:
        await self._stopping.wait()
        others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        for task in others:
            task.cancel()
        await asyncio.gather(*others, return_exceptions=True)

    async def run(self, work: Coroutine[Any, Any, T], budget_s: float) -> T:
        """`work`'s result, awaited from the caller's loop; raises RequestTimedOut when it
        runs past `budget_s` (it is then cancelled) or waits as long for its turn, and
        cancels it when the caller is."""
        if self._concurrency is None:
            return await self._run(work, budget_s)
        if self._turns is None:
            self._turns = asyncio.Semaphore(self._concurrency)
        try:
            async with asyncio.timeout(budget_s):
                await self._turns.acquire()
        except BaseException as e:  # never started: close it, so nothing warns it was not run
            work.close()
            if isinstance(e, TimeoutError):
                raise RequestTimedOut(budget_s) from e
            raise
        try:
            return await self._run(work, budget_s)
        finally:
            self._turns.release()

    async def _run(self, work: Coroutine[Any, Any, T], budget_s: float) -> T:
        future = asyncio.run_coroutine_threadsafe(_within(work, budget_s), self._loop)
        try:
            return await asyncio.wrap_future(future)
        except asyncio.CancelledError:
            future.cancel()
            raise

    def close(self, timeout_s: float = 5.0) -> None:
        """Cancel what still runs, stop the loop and wait for its thread."""
        if not self._thread.is_alive():
            return
        self._loop.call_soon_threadsafe(self._stopping.set)
        self._thread.join(timeout_s)


async def _within(work: Coroutine[Any, Any, T], budget_s: float) -> T:
    try:
        async with asyncio.timeout(budget_s):
            return await work
    except TimeoutError as e:
        raise RequestTimedOut(budget_s) from e
