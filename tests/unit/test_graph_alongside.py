"""Graph.alongside and alongside_both: background work on I/O threads while the caller's
own work runs, results in the order asked, the first error raised."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest

from matchmaker.adapters.graph import Graph


@pytest.fixture
def graph() -> Iterator[Graph]:
    """A Graph with no driver: only its I/O threads are used here."""
    made = Graph(driver=Any, database="neo4j", owns_driver=False)  # type: ignore[arg-type]
    yield made
    made.close()


def test_both_background_calls_run_while_the_foreground_waits_for_them(graph: Graph) -> None:
    started = threading.Barrier(3, timeout=5)  # all three at once, or a BrokenBarrierError

    def meet(value: str) -> tuple[str, str]:
        started.wait()
        return value, threading.current_thread().name

    first, second, here = graph.alongside_both(
        lambda: meet("a"), lambda: meet("b"), lambda: meet("c")
    )
    assert (first[0], second[0], here[0]) == ("a", "b", "c")
    assert here[1] == threading.current_thread().name
    assert first[1] != second[1]
    assert first[1].startswith("graph-io")


def test_an_error_in_either_side_is_raised(graph: Graph) -> None:

    def fail() -> str:
        raise ValueError("no")

    with pytest.raises(ValueError, match="no"):
        graph.alongside_both(lambda: "a", fail, lambda: "c")
    with pytest.raises(ValueError, match="no"):
        graph.alongside_both(lambda: "a", lambda: "b", fail)
