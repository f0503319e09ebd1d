"""The graph's Decisions port keeps the contract of tests/unit/team_contract, as in memory."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from embeddings import Embedder
from graph_schema import model as m
from matchmaker.adapters.graph import Graph
from matchmaker.services.feedback import record_feedback
from matchmaker.services.team_graph import GraphTeamSources
from tests.unit.team_contract import CANDIDATES, check_decisions


def test_graph_decisions_keep_the_contract(graph: Graph, embedder: Embedder) -> None:
    graph.write(f"UNWIND $ids AS id CREATE (:{m.MEMBER} {{id: id}})", ids=list(CANDIDATES))
    start = datetime(2025, 1, 1, tzinfo=UTC)
    recorded: list[int] = []

    def record(candidate: str, target: str, decision: str, by: str) -> None:
        at = start + timedelta(minutes=len(recorded))
        record_feedback(graph, target, "text", candidate, decision, by, at=at)
        recorded.append(1)

    check_decisions(GraphTeamSources(graph, embedder), record)
