"""What every implementation of the Decisions port (services.team_ports) must do: the same
checks run on the graph (tests/integration) and in memory (tests/unit)."""

from __future__ import annotations

from collections.abc import Callable

from matchmaker.matching.feedback import Outcome
from matchmaker.services.team_ports import Decisions

Record = Callable[[str, str, str, str], None]  # candidate, target, decision, by; in time order

CANDIDATES = ("m-1", "m-2", "m-3")
DECISIONS = [
    ("m-1", "text:a", "accepted", "s-1"),
    ("m-2", "text:a", "declined", "s-1"),
    ("m-1", "text:a", "declined", "s-1"),  # m-1 changed their answer: the latest counts
    ("m-2", "text:a", "accepted", "s-1"),
    ("m-3", "text:a", "declined", "s-2"),  # recorded by someone else
    ("m-1", "text:b", "accepted", "s-1"),
]


def check_decisions(port: Decisions, record: Record) -> None:
    for row in DECISIONS:
        record(*row)
    history, declined = port.decisions(list(CANDIDATES), "text:a", ["s-1"])
    assert declined == {"m-1"}
    assert {(e.candidate_id, e.idea_id, e.outcome) for e in history} == {
        ("m-1", "text:a", Outcome.DECLINED),
        ("m-2", "text:a", Outcome.ACCEPTED),
        ("m-1", "text:b", Outcome.ACCEPTED),
    }
    _, both = port.decisions(list(CANDIDATES), "text:a", ["s-1", "s-2"])
    assert both == {"m-1", "m-3"}
    only, _ = port.decisions(["m-2"], "text:b", ["s-1"])
    assert {e.candidate_id for e in only} == {"m-2"}
    assert port.decisions(list(CANDIDATES), "text:a", ["nobody"]) == ([], frozenset())
