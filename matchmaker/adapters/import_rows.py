"""Records to query parameters and graph rows back to records: the one place they are mapped."""

from __future__ import annotations

from typing import Any

from graph_schema.queries.imports import NODE_SHAPES, NodeShape
from matchmaker.importing.kinds import KindSpec
from matchmaker.importing.plain import from_plain, to_plain


def shape_of(spec: KindSpec) -> NodeShape | None:
    """The node shape of a node kind; None for memberships and conflicts (relationships)."""
    return NODE_SHAPES.get(spec.name)


def node_params(shape: NodeShape, spec: KindSpec, record: Any) -> dict[str, Any]:
    """{id, props, links} for upsert_nodes: every link as a list of ids, empty ids dropped."""
    plain = to_plain(spec, record)
    links = {link.field: _ids(plain[link.field]) for link in shape.links}
    props = {name: plain[name] for name in shape.properties}
    return {"id": plain["id"], "props": props, "links": links}


def link_params(spec: KindSpec, record: Any) -> dict[str, Any]:
    """The plain record: memberships and conflicts are written field by field."""
    return to_plain(spec, record)


def expected_links(shape: NodeShape, params: list[dict[str, Any]]) -> int:
    return sum(len(row["links"][link.field]) for row in params for link in shape.links)


def node_record(shape: NodeShape, spec: KindSpec, row: dict[str, Any]) -> Any:
    """The record of a row of exports.node_page or exports.nodes_by_id."""
    data = dict(row["props"])
    for link in shape.links:
        ids = row[link.field]
        data[link.field] = ids if link.many else (ids[0] if ids else "")
    return from_plain(spec, data)


def link_record(spec: KindSpec, row: dict[str, Any]) -> Any:
    return from_plain(spec, row)


def _ids(value: Any) -> list[str]:
    if isinstance(value, list):
        return value
    return [value] if value else []
