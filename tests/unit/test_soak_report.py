"""The soak's report says target by target what was met: a correct but slow run is no pass."""

from __future__ import annotations

from bench.load import LoadResult
from bench.soak import report, targets, verdict


def _result(requests: int, seconds: float, latency_ms: float, server_errors: int = 0) -> LoadResult:
    result = LoadResult(clients=64, seconds=seconds)
    result.statuses[200] = requests - server_errors
    if server_errors:
        result.statuses[503] = server_errors
    result.latencies["calls"] = [latency_ms] * requests
    return result


def test_a_slow_run_without_errors_names_the_speed_targets_it_missed() -> None:
    slow = _result(requests=2616, seconds=60, latency_ms=6000)
    met = {name: ok for name, _, _, ok in targets(slow, lost=[])}
    assert met == {
        "requests/s": False,
        "p99 of all requests": False,
        "5xx answers": True,
        "lost writes": True,
    }
    assert verdict(slow, []) == "Targets not met: requests/s, p99 of all requests."
    text = report(slow, [], clients=64, seconds=60)
    assert "| requests/s | >= 100 | 44 | no |" in text
    assert "PASS" not in text


def test_a_fast_correct_run_meets_every_target() -> None:
    fast = _result(requests=7200, seconds=60, latency_ms=250)
    assert verdict(fast, []) == "Every target met."


def test_a_lost_write_or_a_5xx_is_named_even_when_fast() -> None:
    broken = _result(requests=7200, seconds=60, latency_ms=250, server_errors=3)
    assert verdict(broken, ["idea-1"]) == "Targets not met: 5xx answers, lost writes."


def test_the_warm_up_is_left_out_of_the_rate_but_its_errors_still_count() -> None:
    result = _result(requests=7200, seconds=60, latency_ms=250)
    result.warm_up_s = 30
    result.warm_statuses[200] = 900
    assert result.requests == 7200
    assert verdict(result, []) == "Every target met."
    result.warm_statuses[500] = 1
    assert result.server_errors == 1
    assert verdict(result, []) == "Targets not met: 5xx answers."
    text = report(result, [], clients=64, seconds=60, warm_up_s=30)
    assert "after a 30 s warm-up of the same mix (901 requests, not counted)" in text
    assert "--warm-up 30" in text
