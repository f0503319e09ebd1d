"""Cypher that reads records back in their import shape: for exports, and to tell an import
which rows would change anything.

Node kinds are read a page at a time in id order (keyset paging on `id`), or by a list of ids.
Membership and conflict links are read by the member that holds them.
"""

from __future__ import annotations

from graph_schema import model as m
from graph_schema.queries.imports import Link, NodeShape


def _projection(shape: NodeShape) -> str:
    props = ", ".join(f".{p}" for p in shape.properties)
    links = "".join(f",\n  {_collect(link)} AS {link.field}" for link in shape.links)
    return f"RETURN n {{{props}}} AS props{links}"


def _collect(link: Link) -> str:
    order = "r.position, t.id" if link.ordered else "t.id"
    return f"COLLECT {{ MATCH {link.pattern('r')} RETURN t.id ORDER BY {order} }}"


def node_page(shape: NodeShape) -> str:
    """Up to $limit records with ids after $after, in id order."""
    return (
        f"MATCH (n:{shape.label}) WHERE n.id > $after\n"
        f"WITH n ORDER BY n.id LIMIT $limit\n{_projection(shape)}"
    )


def nodes_by_id(shape: NodeShape) -> str:
    """The records whose ids are in $ids (those that exist)."""
    return f"UNWIND $ids AS id MATCH (n:{shape.label} {{id: id}})\n{_projection(shape)}"


_MEMBERSHIP = (
    f"MATCH (a)-[r:{m.MEMBER_OF}]->(g:{m.GROUP}) "
    "RETURN {member_id: a.id, group_id: g.id, role: r.role} AS row ORDER BY g.id"
)
_CONFLICT = (
    f"MATCH (a)-[r:{m.DECLARED_CONFLICT}]->(o) WHERE o:{m.MEMBER} OR o:{m.PARTNER} "
    "RETURN {member_id: a.id, other_id: o.id, reason: r.reason} AS row ORDER BY o.id"
)


def _links_page(inner: str) -> str:
    return (
        f"MATCH (a:{m.MEMBER}) WHERE a.id > $after\n"
        f"WITH a ORDER BY a.id LIMIT $limit\n"
        f"RETURN a.id AS owner, COLLECT {{ {inner} }} AS rows"
    )


MEMBERSHIP_PAGE = _links_page(_MEMBERSHIP)
CONFLICT_PAGE = _links_page(_CONFLICT)

# Keys arrive as [member id, other id]; naming them before MATCH lets the id index be used.
MEMBERSHIPS_BY_KEY = (
    "UNWIND $keys AS key WITH key[0] AS member, key[1] AS other "
    f"MATCH (a:{m.MEMBER} {{id: member}})-[r:{m.MEMBER_OF}]->(g:{m.GROUP} {{id: other}}) "
    "RETURN {member_id: a.id, group_id: g.id, role: r.role} AS row"
)
CONFLICTS_BY_KEY = (
    "UNWIND $keys AS key WITH key[0] AS member, key[1] AS other "
    f"MATCH (a:{m.MEMBER} {{id: member}})-[r:{m.DECLARED_CONFLICT}]->(o) "
    f"WHERE o.id = other AND (o:{m.MEMBER} OR o:{m.PARTNER}) "
    "RETURN {member_id: a.id, other_id: o.id, reason: r.reason} AS row"
)
