"""A second event loop, on its own thread, where GraphQL operations are parsed, validated and run.

The server's own loop accepts connections, reads bodies, answers /healthz and writes
responses. Everything a document costs in CPU (parsing, validation, resolving, completing
the result) runs here instead, so a costly request delays other GraphQL requests at most by
the interpreter's thread switch interval, and never stops the server answering /healthz.
Resolvers keep sending their Neo4j reads to worker threads, as before.
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
    """Runs coroutines on a loop of its own thread; each under a time budget."""

    def __init__(self, name: str = "graphql-execution") -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name=name, daemon=True)
        self._thread.start()

    async def run(self, work: Coroutine[Any, Any, T], budget_s: float) -> T:
        """`work`'s result, awaited from the caller's loop; raises RequestTimedOut when it
        runs past `budget_s` (it is then cancelled), and cancels it when the caller is."""
        future = asyncio.run_coroutine_threadsafe(_within(work, budget_s), self._loop)
        try:
            return await asyncio.wrap_future(future)
        except asyncio.CancelledError:
            future.cancel()
            raise

    def close(self, timeout_s: float = 5.0) -> None:
        """Cancel what still runs, stop the loop and wait for its thread."""
        if not self._loop.is_running():
            return
        self._loop.call_soon_threadsafe(_cancel_all, self._loop)
        self._thread.join(timeout_s)


async def _within(work: Coroutine[Any, Any, T], budget_s: float) -> T:
    try:
        async with asyncio.timeout(budget_s):
            return await work
    except TimeoutError as e:
        raise RequestTimedOut(budget_s) from e


def _cancel_all(loop: asyncio.AbstractEventLoop) -> None:
    for task in asyncio.all_tasks(loop):
        task.cancel()
    loop.call_soon(loop.stop)
