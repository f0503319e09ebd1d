"""Progress on stderr for long reads and writes: a tqdm bar with the count and the rate."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from tqdm import tqdm

# Wraps an iterable of rows with a label; yields the same rows.
Progress = Callable[[Iterable[Any], str], Iterator[Any]]


def bar(items: Iterable[Any], label: str) -> Iterator[Any]:
    """`items`, counted on stderr as they pass (unit: rows)."""
    return iter(tqdm(items, desc=label, unit=" rows", file=sys.stderr, mininterval=0.5))


def silent(items: Iterable[Any], _: str) -> Iterator[Any]:
    return iter(items)


def chooser(enabled: bool) -> Progress:
    """`bar` when progress is wanted, else `silent`."""
    return bar if enabled else silent
