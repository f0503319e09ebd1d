"""Reads that link an identity provider's account to a member of the graph."""

from __future__ import annotations

from graph_schema.queries import api_accounts as q
from matchmaker.adapters.graph import Graph
from matchmaker.adapters.identities import Identity


def members_by_email(graph: Graph, email: str) -> list[Identity]:
    """Members whose e-mail is `email` (case aside), at most two; raises Neo4jUnavailable."""
    rows = graph.read(q.MEMBERS_BY_EMAIL, email=email.strip().lower())
    return [Identity(r["id"], r["name"] or "") for r in rows]
