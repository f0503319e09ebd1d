"""The API's reads: nodes by id, pages of nodes and relationship hops, always for a viewer.

Each query is built for the viewer's audience from graph_schema/queries/api_visibility's rules, so
what a caller may not see never leaves the database. Parameters are named explicitly and
checked against each query (adapters.parameters.bind). All raise Neo4jUnavailable when the
graph does not answer and RowMismatch for a node that does not fit its record.

Each read is built as a `Read` (query, parameters, decoder) by a `*_read` function, so that
the blocking callers (`by_ids`, `page`, `hop`) and the API's coroutines (`run_async` with a
loop_reads.Reader) send the same query and read its records the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from graph_schema.queries import api_nodes as q
from graph_schema.queries.api_related import Hop, related
from matchmaker.adapters.graph import Graph, Record
from matchmaker.adapters.loop_reads import Reader
from matchmaker.adapters.parameters import bind, read_by
from matchmaker.adapters.records import Linked, from_row
from matchmaker.auth.roles import Viewer

T = TypeVar("T")


@dataclass(frozen=True)
class Page:
    items: list[Any]
    total: int | None  # None when the caller did not ask for it
    more: bool  # another page follows
    # Visible neighbours read with the page (graph_schema api_nodes.LINKED), by label.
    linked: dict[str, list[Any]] = field(default_factory=dict)


def audience(viewer: Viewer) -> dict[str, str]:
    """The parameters a visibility rule may read."""
    return {"audience": viewer.audience, "viewer": viewer.id}


def viewer_values(query: str, viewer: Viewer) -> dict[str, str]:
    """The viewer's parameters that `query`, built for the viewer's audience, reads: a rule
    built for one audience reads $viewer where it needs it, and never $audience."""
    return {k: v for k, v in audience(viewer).items() if k in read_by(query)}


def filter_values(label: str, filters: Mapping[str, object]) -> dict[str, object]:
    """The filters the caller set (not null); a filter name the label does not have stays
    in, for `bind` to refuse."""
    known = q.FILTER_PARAMETERS.get(label, ())
    return {k: v for k, v in filters.items() if v is not None or k not in known}


@dataclass(frozen=True)
class Read(Generic[T]):
    """One read query, its parameters, and what its records mean: built once, then run by
    the blocking Graph (`run`) or by a coroutine's reader (`run_async`)."""

    query: str
    params: dict[str, Any]
    decode: Callable[[list[Record]], T]


def run(graph: Graph, read: Read[T]) -> T:
    return read.decode(graph.read(read.query, **read.params))


async def run_async(reader: Reader, read: Read[T]) -> T:
    return read.decode(await reader.read(read.query, **read.params))


def by_ids(graph: Graph, label: str, ids: Iterable[str], viewer: Viewer) -> dict[str, Any]:
    """The visible nodes among `ids`, by id (absent ids are hidden or do not exist)."""
    return run(graph, by_ids_read(label, ids, viewer))


def by_ids_read(label: str, ids: Iterable[str], viewer: Viewer) -> Read[dict[str, Any]]:
    query = q.by_ids(label, viewer.audience)
    params = bind(query, {"ids": list(ids), **viewer_values(query, viewer)})
    return Read(query, params, lambda rows: {r["id"]: from_row(label, r["node"]) for r in rows})


def one(graph: Graph, label: str, ident: str, viewer: Viewer) -> Any | None:
    return by_ids(graph, label, [ident], viewer).get(ident)


def page(
    graph: Graph,
    label: str,
    viewer: Viewer,
    window: tuple[int, int],
    filters: Mapping[str, object] | None = None,
    counted: bool = True,
) -> Page:
    """Visible nodes of `label` passing `filters`, `window` = (skip, limit), and their total
    (left out, None, when not `counted`: counting walks every visible node). Raises
    ParameterMismatch for a filter name the label does not have."""
    return run(graph, page_read(label, viewer, window, filters, counted))


def page_read(
    label: str,
    viewer: Viewer,
    window: tuple[int, int],
    filters: Mapping[str, object] | None = None,
    counted: bool = True,
) -> Read[Page]:
    """The read behind `page`."""
    skip, limit = window
    given = filter_values(label, filters or {})
    known = frozenset(given) & frozenset(q.FILTER_PARAMETERS.get(label, ()))
    build = q.page_with_total if counted else q.page_only
    query = build(label, viewer.audience, known)
    given |= viewer_values(query, viewer)
    asked = limit if counted else limit + 1
    params = bind(query, {**given, "skip": skip, "limit": asked})

    def decode(rows: list[Record]) -> Page:
        row = rows[0]
        items = [from_row(label, node) for node in row["rows"][:limit]]
        linked = _linked(q.linked_label(label), row["linked"][:limit])
        if not counted:
            return Page(items, None, len(row["rows"]) > limit, linked)
        total = int(row["total"])
        return Page(items, total, skip + len(items) < total, linked)

    return Read(query, params, decode)


def _linked(label: str | None, found: list[list[dict[str, Any]]]) -> dict[str, list[Any]]:
    if label is None:
        return {}
    unique = {node["id"]: node for nodes in found for node in nodes}
    return {label: [from_row(label, node) for node in unique.values()]}


def hop(
    graph: Graph, step: Hop, ids: Iterable[str], viewer: Viewer, per_source: int = 200
) -> dict[str, list[Linked]]:
    """For each source id, the visible nodes one `step` away, with the relationship's props."""
    return run(graph, hop_read(step, ids, viewer, per_source))


def hop_read(
    step: Hop, ids: Iterable[str], viewer: Viewer, per_source: int = 200
) -> Read[dict[str, list[Linked]]]:
    keys = list(ids)
    query = related(step, viewer.audience)
    params = {"ids": keys, "per_source": per_source, **viewer_values(query, viewer)}

    def decode(rows: list[Record]) -> dict[str, list[Linked]]:
        found = {
            row["id"]: [Linked(from_row(step.target, i["node"]), i["rel"]) for i in row["items"]]
            for row in rows
        }
        return {key: found.get(key, []) for key in keys}

    return Read(query, bind(query, params), decode)
