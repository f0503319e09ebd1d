"""Relay-style connections: edges with opaque cursors, page info and the total count."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

import strawberry
from strawberry.types import Info
from strawberry.types.nodes import SelectedField, Selection

from matchmaker.api.errors import PublicError
from matchmaker.services.cursor import MAX_OFFSET, CursorTooDeep, ForeignCursor, encode_cursor
from matchmaker.services.cursor import decode_cursor as decode

T = TypeVar("T")
R = TypeVar("R")

DEFAULT_PAGE = 20
MAX_PAGE = 100
__all__ = [
    "DEFAULT_PAGE", "MAX_OFFSET", "MAX_PAGE", "Connection", "Edge", "PageInfo", "asks_total",
    "connection", "decode_cursor", "encode_cursor", "window",
]  # fmt: skip


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[T]):
    cursor: str
    node: T


@strawberry.type
class Connection(Generic[T]):
    edges: list[Edge[T]]
    page_info: PageInfo
    # None when the resolver knew the query does not select totalCount (asks_total).
    total: strawberry.Private[int | None]

    @strawberry.field
    def total_count(self) -> int:
        if self.total is None:  # a resolver skipped the count the query asks for: a bug
            raise RuntimeError("totalCount was selected but not counted")
        return self.total

    @strawberry.field(description="The nodes of the edges, for callers who need no cursors.")
    def nodes(self) -> list[T]:
        return [edge.node for edge in self.edges]


def decode_cursor(cursor: str) -> int:
    """The offset a cursor stands for; raises PublicError for a cursor this API did not make
    (services.cursor is the codec)."""
    try:
        return decode(cursor)
    except ForeignCursor as e:
        raise PublicError(f"`after` is not a cursor from this API: {cursor[:40]!r}.") from e
    except CursorTooDeep as e:
        raise PublicError(
            f"`after` points past the last page this API serves ({MAX_OFFSET:,})."
        ) from e


def window(first: int | None, after: str | None) -> tuple[int, int]:
    """(skip, limit) for `first` items after the cursor `after`; raises PublicError."""
    size = DEFAULT_PAGE if first is None else first
    if not 1 <= size <= MAX_PAGE:
        raise PublicError(f"`first` must be between 1 and {MAX_PAGE}, got {size}.")
    skip = 0 if after is None else decode_cursor(after) + 1
    return skip, size


def connection(
    items: Sequence[R],
    total: int | None,
    skip: int,
    wrap: Callable[[R], T],
    more: bool | None = None,
) -> Connection[T]:
    """A connection over one page of `items` that starts at offset `skip` of `total`; with
    no total (not asked for), `more` says whether another page follows."""
    edges = [Edge(cursor=encode_cursor(skip + i), node=wrap(x)) for i, x in enumerate(items)]
    info = PageInfo(
        has_next_page=bool(more) if total is None else skip + len(edges) < total,
        has_previous_page=skip > 0,
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=edges[-1].cursor if edges else None,
    )
    return Connection(edges=edges, page_info=info, total=total)


def asks_total(info: Info[Any, Any]) -> bool:
    """Whether the connection field being resolved selects totalCount, directly or through
    fragments (validation has refused circular ones before anything resolves). A totalCount
    under @skip or @include counts as asked."""
    return any(_selects(field.selections, "totalCount") for field in info.selected_fields)


def _selects(selections: Sequence[Selection], name: str) -> bool:
    for selection in selections:
        if isinstance(selection, SelectedField):
            if selection.name == name:
                return True
        elif _selects(selection.selections, name):
            return True
    return False
