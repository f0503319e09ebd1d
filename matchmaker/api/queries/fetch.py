"""Shared resolver bodies for the root lookups: one node by id, one page of a label."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from matchmaker.adapters import reads
from matchmaker.api.context import AppInfo
from matchmaker.api.pagination import Connection, asks_total, connection, window
from matchmaker.api.types import load

T = TypeVar("T")


async def by_id(info: AppInfo, label: str, ident: str, wrap: Callable[[Any], T]) -> T | None:
    """The node with that id as a GraphQL type, or None if it is hidden or absent."""
    record = await load.node(info, label, ident)
    return None if record is None else wrap(record)


async def page_of(
    info: AppInfo,
    label: str,
    wrap: Callable[[Any], T],
    cursor: tuple[int | None, str | None],
    filters: Mapping[str, object] | None = None,
) -> Connection[T]:
    """A page of visible nodes; `cursor` is (first, after). Raises PublicError on bad paging.
    The total is counted only when the query selects totalCount."""
    skip, limit = window(*cursor)
    ctx = info.context
    counted = asks_total(info)
    read = reads.page_read(label, ctx.viewer, (skip, limit), filters, counted)
    found = await reads.run_async(ctx.reader, read)
    ctx.loaders.remember(label, found.items)
    for neighbour, records in found.linked.items():
        ctx.loaders.remember(neighbour, records)
    return connection(found.items, found.total, skip, wrap, found.more)


def enum_value(value: Any) -> str | None:
    """An enum's stored value (or None), for filter parameters."""
    return None if value is None else str(value.value)
