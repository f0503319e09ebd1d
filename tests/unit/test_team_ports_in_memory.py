"""The in-memory Decisions port keeps the contract the graph's keeps (tests/unit/team_contract)."""

from __future__ import annotations

from tests.unit.team_contract import check_decisions
from tests.unit.team_fakes import InMemoryDecisions


def test_in_memory_decisions_keep_the_contract() -> None:
    decisions = InMemoryDecisions()
    check_decisions(decisions, decisions.record)
