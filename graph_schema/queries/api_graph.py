"""The neighbourhood of a node for the graph view, one hop per query, visibility applied.

Nodes come back as {eid, id, label, name, kind}: `label` is the node's main label (a group's
kind label, e.g. SIG), `kind` a short qualifier (sector, discipline, partner kind, theme kind).
Bookkeeping nodes (audit events, suggestions, rules, migrations) never appear.
"""

from __future__ import annotations

from graph_schema import model as m
from graph_schema.queries.api_visibility import visible_any

VIEW_LABELS: tuple[str, ...] = (
    m.MEMBER, m.ORGANISATION, *m.GROUP_KIND_LABELS, m.PARTNER, m.NETWORK, m.KTP, m.CALL,
    m.IDEA, m.THEME, m.SKILL, m.OUTPUT,
)  # fmt: skip
_LABELS = "[" + ", ".join(f"'{label}'" for label in VIEW_LABELS) + "]"


def _shown(v: str) -> str:
    return f"any(l IN labels({v}) WHERE l IN {_LABELS}) AND {visible_any(v)}"


def _node(v: str) -> str:
    return (
        f"{{eid: elementId({v}), id: {v}.id, "
        f"label: head([l IN labels({v}) WHERE l IN {_LABELS}]), "
        f"name: coalesce({v}.name, {v}.title, {v}.id), "
        f"kind: coalesce({v}.sector, {v}.discipline, {v}.kind, '')}}"
    )


START = (
    "CALL { "
    + " UNION ".join(f"MATCH (n:{label} {{id: $id}}) RETURN n" for label in VIEW_LABELS)
    + f" }} WITH n WHERE {_shown('n')} RETURN {_node('n')} AS node LIMIT 1"
)

EXPAND = (
    "UNWIND $frontier AS eid MATCH (a) WHERE elementId(a) = eid "
    f"MATCH (a)-[r]-(b) WHERE {_shown('b')} "
    "WITH r, b ORDER BY b.id LIMIT $limit "
    "RETURN startNode(r).id AS source, endNode(r).id AS target, type(r) AS type, "
    f"{_node('b')} AS node"
)
