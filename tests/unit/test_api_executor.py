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


def test_at_most_the_limit_run_at_once_and_the_rest_start_in_arrival_order() -> None:
    loop = ExecutionLoop(name="test-execution", concurrency=2)
    running: list[int] = []
    most = 0
    started: list[int] = []

    async def op(n: int) -> int:
        nonlocal most
        started.append(n)
        running.append(n)
        most = max(most, len(running))
        await asyncio.sleep(0.02)
        running.remove(n)
        return n

    async def many() -> list[int]:
        tasks = []
        for n in range(8):
            tasks.append(asyncio.ensure_future(loop.run(op(n), budget_s=5)))
            await asyncio.sleep(0)  # arrive one after another
        return list(await asyncio.gather(*tasks))

    try:
        answers = asyncio.run(many())
    finally:
        loop.close()
    assert answers == list(range(8))
    assert most == 2
    assert started == list(range(8))


def test_an_operation_that_waits_past_its_budget_for_a_turn_is_refused_and_never_runs() -> None:
    loop = ExecutionLoop(name="test-execution", concurrency=1)
    ran: list[str] = []

    async def op(name: str, seconds: float) -> str:
        ran.append(name)
        await asyncio.sleep(seconds)
        return name

    async def both() -> tuple[str, BaseException | str]:
        first = asyncio.ensure_future(loop.run(op("long", 0.3), budget_s=5))
        await asyncio.sleep(0.05)
        try:
            second: BaseException | str = await loop.run(op("late", 0), budget_s=0.05)
        except RequestTimedOut as e:
            second = e
        return await first, second

    try:
        first, second = asyncio.run(both())
    finally:
        loop.close()
    assert first == "long"
    assert isinstance(second, RequestTimedOut)
    assert ran == ["long"]
