"""Relay-style connections: edges with opaque cursors, page info and the total count."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

import strawberry

from matchmaker.api.errors import PublicError
from matchmaker.services.cursor import MAX_OFFSET, CursorTooDeep, ForeignCursor, encode_cursor
from matchmaker.services.cursor import decode_cursor as decode

T = TypeVar("T")
R = TypeVar("R")

DEFAULT_PAGE = 20
MAX_PAGE = 100
__all__ = [
    "DEFAULT_PAGE", "MAX_OFFSET", "MAX_PAGE", "Connection", "Edge", "PageInfo", "connection",
    "decode_cursor", "encode_cursor", "window",
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
    total_count: int

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


def connection(items: Sequence[R], total: int, skip: int, wrap: Callable[[R], T]) -> Connection[T]:
    """A connection over one page of `items` that starts at offset `skip` of `total`."""
    edges = [Edge(cursor=encode_cursor(skip + i), node=wrap(x)) for i, x in enumerate(items)]
    info = PageInfo(
        has_next_page=skip + len(edges) < total,
        has_previous_page=skip > 0,
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=edges[-1].cursor if edges else None,
    )
    return Connection(edges=edges, page_info=info, total_count=total)
