"""The throughput bench judges each case against the floor of its own round, then takes medians:
a machine that slows between rounds must not pass or fail a case by itself."""

from __future__ import annotations

from bench.bench_throughput import CaseResult, summarise


def _round(floor: float, calls: float, failures: int = 0) -> dict[str, CaseResult]:
    return {
        "floor": CaseResult("floor", floor, 10.0, 50.0, 0),
        "calls": CaseResult("calls", calls, 20.0 + calls / 100, 90.0, failures),
    }


def test_each_share_is_over_its_own_rounds_floor_and_the_case_takes_the_median() -> None:
    rounds = [_round(600, 330), _round(400, 210), _round(500, 240, failures=2)]
    calls = {s.name: s for s in summarise(rounds)}["calls"]
    assert calls.shares == [0.55, 0.525, 0.48]
    assert calls.share == 0.525
    assert calls.requests_per_s == 240
    assert calls.p50_ms == 22.4
    assert calls.failures == 2


def test_the_floor_is_its_own_share_of_one_in_every_round() -> None:
    floor = summarise([_round(600, 330), _round(400, 210)])[0]
    assert floor.name == "floor"
    assert floor.shares == [1.0, 1.0]
    assert floor.requests_per_s == 500
