"""The execution loop: operations run on its own thread, reuse worker threads, stop cleanly."""

from __future__ import annotations

import asyncio
import threading

import pytest
from starlette.concurrency import run_in_threadpool

from matchmaker.api.executor import ExecutionLoop, RequestTimedOut


async def _worker_thread() -> int:
    return await run_in_threadpool(threading.get_ident)


def test_operations_reuse_the_same_worker_threads_from_one_request_to_the_next() -> None:
    loop = ExecutionLoop(name="test-execution")

    async def many() -> set[int]:
        return {await loop.run(_worker_thread(), budget_s=5) for _ in range(30)}

    try:
        threads = asyncio.run(many())
    finally:
        loop.close()
    # One request at a time: a pool that outlives each request needs a single thread.
    assert len(threads) == 1


def test_an_operation_past_its_budget_is_cancelled_and_reported() -> None:
    loop = ExecutionLoop(name="test-execution")
    cancelled = threading.Event()

    async def slow() -> None:
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError:
            cancelled.set()
            raise

    try:
        with pytest.raises(RequestTimedOut, match=r"longer than 0\.05 s"):
            asyncio.run(loop.run(slow(), budget_s=0.05))
    finally:
        loop.close()
    assert cancelled.is_set()


def test_close_cancels_what_still_runs_and_stops_the_thread() -> None:
    loop = ExecutionLoop(name="test-execution")
    started = threading.Event()
    cancelled = threading.Event()

    async def forever() -> None:
        started.set()
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            cancelled.set()
            raise

    async def start_then_close() -> None:
        task = asyncio.ensure_future(loop.run(forever(), budget_s=3600))
        await asyncio.to_thread(started.wait, 5)
        await asyncio.to_thread(loop.close)
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(start_then_close())
    assert cancelled.is_set()
    assert not any(t.name == "test-execution" for t in threading.enumerate())
