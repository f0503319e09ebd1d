"""Use cases for STERIC's analytics: the silo map and the pure counting behind it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

from matchmaker.adapters import analytics
from matchmaker.adapters.graph import Graph
from matchmaker.errors import InvalidInput

DIMENSIONS = ("sig", "discipline", "sector")


@dataclass(frozen=True)
class Pair:
    a: str
    b: str
    together: int  # work items (ideas, task groups, committees) involving both


@dataclass(frozen=True)
class SiloMap:
    dimension: str
    categories: tuple[str, ...]
    pairs: tuple[Pair, ...]  # every pair of categories, a < b

    @property
    def silos(self) -> tuple[Pair, ...]:
        """The pairs that never work together."""
        return tuple(p for p in self.pairs if p.together == 0)


def count_pairs(categories: Sequence[str], items: Iterable[frozenset[str]]) -> tuple[Pair, ...]:
    """How many items involve each pair of `categories` (pure; pairs sorted, a < b)."""
    seen: Counter[tuple[str, str]] = Counter()
    for item in items:
        seen.update(combinations(sorted(item), 2))
    names = sorted(set(categories))
    return tuple(Pair(a, b, seen[(a, b)]) for a, b in combinations(names, 2))


def silo_map(graph: Graph, dimension: str) -> SiloMap:
    """Which SIGs, disciplines or sectors work together, and which never do.

    Raises InvalidInput for an unknown dimension and Neo4jUnavailable.
    """
    if dimension not in DIMENSIONS:
        raise InvalidInput("dimension", f"must be one of {', '.join(DIMENSIONS)}")
    names = analytics.categories(graph, dimension)
    pairs = count_pairs(names, analytics.work_items(graph, dimension))
    return SiloMap(dimension, tuple(names), pairs)


@dataclass(frozen=True)
class SiloCell:
    """The ideas and groups behind one cell of the silo map (counts of members, never who)."""

    dimension: str
    a: str
    b: str
    links: tuple[analytics.CellLink, ...]


def silo_cell(graph: Graph, dimension: str, a: str, b: str) -> SiloCell:
    """The work items that bring categories `a` and `b` together.

    Raises InvalidInput for an unknown dimension, a category the graph does not hold, or the
    same category twice, and Neo4jUnavailable.
    """
    if dimension not in DIMENSIONS:
        raise InvalidInput("dimension", f"must be one of {', '.join(DIMENSIONS)}")
    if a == b:
        raise InvalidInput("b", "must be a different category from a")
    names = set(analytics.categories(graph, dimension))
    for field, name in (("a", a), ("b", b)):
        if name not in names:
            raise InvalidInput(field, f"no {dimension} named {name!r}")
    return SiloCell(dimension, a, b, tuple(analytics.cell_links(graph, dimension, a, b)))


def theme_activity(graph: Graph) -> list[analytics.ThemeCounts]:
    """Ideas, groups, active task groups and calls per theme, busiest first."""
    return analytics.theme_counts(graph)


def overloaded_members(graph: Graph, window: tuple[int, int]) -> tuple[list[tuple[str, int]], int]:
    """(member id, active groups) of members over their maximum, and how many there are."""
    return analytics.overloaded(graph, window)


def uninvolved_members(graph: Graph, window: tuple[int, int]) -> tuple[list[tuple[str, int]], int]:
    """(member id, 0) of members in no task group or committee and on no idea, by name."""
    return analytics.uninvolved(graph, window)
