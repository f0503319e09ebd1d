"""Resolver helpers: nodes and hops through the request's DataLoaders."""

from __future__ import annotations

from typing import Any

from graph_schema.queries.api_related import Hop
from matchmaker.adapters.records import Linked
from matchmaker.api.context import AppInfo


async def node(info: AppInfo, label: str, ident: str | None) -> Any | None:
    """The visible node of `label` with id `ident`, or None."""
    if not ident:
        return None
    return await info.context.loaders.node(label).load(ident)


async def nodes(info: AppInfo, label: str, ids: tuple[str, ...] | list[str]) -> list[Any]:
    """The visible nodes among `ids`, in order, hidden ones left out."""
    found = await info.context.loaders.node(label).load_many(list(ids))
    return [record for record in found if record is not None]


async def follow(info: AppInfo, step: Hop, ident: str) -> list[Linked]:
    """The visible nodes one `step` away from `ident`, with the relationships' properties."""
    return await info.context.loaders.hop(step).load(ident)


async def follow_nodes(info: AppInfo, step: Hop, ident: str) -> list[Any]:
    return [linked.node for linked in await follow(info, step, ident)]
