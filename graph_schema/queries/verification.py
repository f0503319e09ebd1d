"""Reads that check acknowledged writes reached the graph (load tests and soak runs)."""

from __future__ import annotations

from graph_schema import model as m

IDEAS_PRESENT = f"MATCH (i:{m.IDEA}) WHERE i.id IN $ids RETURN i.id AS id"

INTERESTS_PRESENT = (
    f"UNWIND $pairs AS pair MATCH (:{m.MEMBER} {{id: pair[0]}})-[:{m.INTERESTED_IN}]->"
    f"(i:{m.IDEA} {{id: pair[1]}}) RETURN DISTINCT pair AS pair"
)
