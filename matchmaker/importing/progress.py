"""Progress on stderr for long reads and writes: a tqdm bar with the count and the rate."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

from tqdm import tqdm

T = TypeVar("T")


def bar(items: Iterable[T], label: str) -> Iterator[T]:
    """`items`, counted on stderr as they pass (unit: rows)."""
    counted: Iterator[T] = iter(
        tqdm(items, desc=label, unit=" rows", file=sys.stderr, mininterval=0.5, leave=True)
    )
    return counted


def silent(items: Iterable[T], _: str) -> Iterator[T]:
    return iter(items)


def chooser(enabled: bool) -> Any:
    """`bar` when progress is wanted, else `silent`."""
    return bar if enabled else silent
