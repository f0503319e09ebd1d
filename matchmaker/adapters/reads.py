"""The API's reads: nodes by id, pages of nodes and relationship hops, always for a viewer.

Each function passes the viewer's audience to graph_schema/queries/api_visibility's rules, so
what a caller may not see never leaves the database. All raise Neo4jUnavailable when the
graph does not answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from graph_schema.queries import api_nodes as q
from graph_schema.queries.api_related import Hop, related
from matchmaker.adapters.graph import Graph
from matchmaker.adapters.records import Linked, from_row
from matchmaker.auth.roles import Viewer

_PARAM = re.compile(r"\$(\w+)")


@dataclass(frozen=True)
class Page:
    items: list[Any]
    total: int


def audience(viewer: Viewer) -> dict[str, str]:
    """The parameters every visibility rule reads."""
    return {"audience": viewer.audience, "viewer": viewer.id}


def _params(query: str, given: Mapping[str, object]) -> dict[str, object]:
    # Unset optional filters are null parameters; a filter the caller set is passed as is.
    return {name: given.get(name) for name in _PARAM.findall(query)}


def by_ids(graph: Graph, label: str, ids: Iterable[str], viewer: Viewer) -> dict[str, Any]:
    """The visible nodes among `ids`, by id (absent ids are hidden or do not exist)."""
    rows = graph.read(q.by_ids(label), ids=list(ids), **audience(viewer))
    return {row["id"]: from_row(label, row["node"]) for row in rows}


def one(graph: Graph, label: str, ident: str, viewer: Viewer) -> Any | None:
    return by_ids(graph, label, [ident], viewer).get(ident)


def page(
    graph: Graph,
    label: str,
    viewer: Viewer,
    window: tuple[int, int],
    filters: Mapping[str, object] | None = None,
) -> Page:
    """Visible nodes of `label` passing `filters`, `window` = (skip, limit), and their total."""
    skip, limit = window
    given = {**(filters or {}), **audience(viewer), "skip": skip, "limit": limit}
    query = q.page_with_total(label)
    row = graph.read(query, **_params(query, given))[0]
    items = [from_row(label, node) for node in row["rows"]]
    return Page(items, int(row["total"]))


def hop(
    graph: Graph, step: Hop, ids: Iterable[str], viewer: Viewer, per_source: int = 200
) -> dict[str, list[Linked]]:
    """For each source id, the visible nodes one `step` away, with the relationship's props."""
    keys = list(ids)
    rows = graph.read(related(step), ids=keys, per_source=per_source, **audience(viewer))
    found = {
        row["id"]: [Linked(from_row(step.target, i["node"]), i["rel"]) for i in row["items"]]
        for row in rows
    }
    return {key: found.get(key, []) for key in keys}
