"""Checks the write services make before changing the graph (existence, ownership)."""

from __future__ import annotations

from collections.abc import Iterable

from graph_schema.queries import api_writes as q
from matchmaker.adapters.graph import Graph


def existing(graph: Graph, label: str, ids: Iterable[str]) -> set[str]:
    """Which of `ids` exist as `label` nodes (whoever may see them); raises Neo4jUnavailable."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return set()
    return {row["id"] for row in graph.read(q.EXISTING[label], ids=wanted)}


def idea_owner(graph: Graph, idea_id: str) -> str | None:
    """The id of the member who submitted the idea, '' if nobody, None if no such idea."""
    rows = graph.read(q.IDEA_OWNER, id=idea_id)
    return None if not rows else str(rows[0]["owner"] or "")


def membership_role(graph: Graph, group_id: str, member_id: str) -> str | None:
    """The member's role in the group, or None when they are not in it."""
    rows = graph.read(q.MEMBERSHIP, group_id=group_id, member_id=member_id)
    return str(rows[0]["role"]) if rows else None
