"""Reads that tell who a signed-in subject is, whatever they may see themselves."""

from __future__ import annotations

from dataclasses import dataclass

from graph_schema.queries import api_identity as q
from matchmaker.adapters.graph import Graph


@dataclass(frozen=True)
class Identity:
    id: str
    name: str
    detail: str = ""


def member_name(graph: Graph, member_id: str) -> str | None:
    """The member's name, or None if no such member exists; raises Neo4jUnavailable."""
    rows = graph.read(q.MEMBER_NAME, id=member_id)
    return str(rows[0]["name"] or "") if rows else None


def partner_name(graph: Graph, partner_id: str) -> str | None:
    """The partner's name, or None if no such partner exists; raises Neo4jUnavailable."""
    rows = graph.read(q.PARTNER_NAME, id=partner_id)
    return str(rows[0]["name"] or "") if rows else None


def demo_members(graph: Graph, limit: int) -> list[Identity]:
    rows = graph.read(q.DEMO_MEMBERS, limit=limit)
    return [Identity(r["id"], r["name"] or "", r["discipline"] or "") for r in rows]


def demo_partners(graph: Graph, limit: int) -> list[Identity]:
    rows = graph.read(q.DEMO_PARTNERS, limit=limit)
    return [Identity(r["id"], r["name"] or "", r["kind"] or "") for r in rows]
