"""Reads behind STERIC's analytics; every function raises Neo4jUnavailable."""

from __future__ import annotations

from dataclasses import dataclass

from neo4j import ManagedTransaction

from graph_schema.queries import api_analytics as q
from matchmaker.adapters.graph import Graph


@dataclass(frozen=True)
class ThemeCounts:
    theme_id: str
    ideas: int
    groups: int
    active_task_groups: int
    calls: int


def categories(graph: Graph, dimension: str) -> list[str]:
    """Every SIG name, discipline or sector present in the graph, sorted."""
    rows = graph.read(q.ALL_CATEGORIES[dimension])
    return sorted({str(r["category"]) for r in rows if r["category"]})


def work_items(graph: Graph, dimension: str) -> list[frozenset[str]]:
    """The categories each idea or group brings together (only those with two or more)."""
    return [frozenset(map(str, r["categories"])) for r in graph.read(q.work_items(dimension))]


@dataclass(frozen=True)
class CellLink:
    """A work item behind a silo-map cell, and how many of its members are in each category."""

    work_id: str
    is_idea: bool  # otherwise a group (task group or committee)
    from_a: int
    from_b: int


def cell_links(graph: Graph, dimension: str, a: str, b: str) -> list[CellLink]:
    """The ideas and groups involving members of both `a` and `b`, most involved first."""
    rows = graph.read(q.cell_links(dimension), a=a, b=b)
    return [
        CellLink(str(r["id"]), bool(r["is_idea"]), int(r["from_a"]), int(r["from_b"])) for r in rows
    ]


def theme_counts(graph: Graph) -> list[ThemeCounts]:
    rows = graph.read(q.THEME_ACTIVITY)
    return [
        ThemeCounts(r["id"], r["ideas"], r["groups"], r["active_task_groups"], r["calls"])
        for r in rows
    ]


def _loads(
    graph: Graph, queries: tuple[str, str], window: tuple[int, int]
) -> tuple[list[tuple[str, int]], int]:
    page, count = queries

    def work(tx: ManagedTransaction) -> tuple[list[tuple[str, int]], int]:
        rows = tx.run(page, skip=window[0], limit=window[1]).data()
        total = tx.run(count).single()
        return [(r["id"], int(r["load"])) for r in rows], int(total["total"]) if total else 0

    return graph.read_tx(work)


def overloaded(graph: Graph, window: tuple[int, int]) -> tuple[list[tuple[str, int]], int]:
    """(member id, active groups) of members over their maximum (not at it), busiest first."""
    return _loads(graph, (q.OVERLOADED_PAGE, q.OVERLOADED_COUNT), window)


def uninvolved(graph: Graph, window: tuple[int, int]) -> tuple[list[tuple[str, int]], int]:
    """(member id, 0) of members in no task group or committee and on no idea, by name."""
    return _loads(graph, (q.UNINVOLVED_PAGE, q.UNINVOLVED_COUNT), window)
