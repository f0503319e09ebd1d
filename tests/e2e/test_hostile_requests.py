"""Hostile requests against the running service, each beside a /healthz probe.

Every attack is small (well under the body limit) and anonymous or signed in as a member. Each
must be answered with a 4xx and a JSON error naming the problem, quickly, while /healthz keeps
answering: an attack that ties up the server shows as a slow probe.
"""

from __future__ import annotations

import json
import statistics
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import httpx
import pytest

from tests.e2e.conftest import Service

ATTACK_MS = 200.0
PROBE_MS = 200.0
ROUNDS = 3


def _fan_out(levels: int) -> str:
    fragments = ["fragment F0 on Call { id title }"]
    fragments += [f"fragment F{i} on Call {{ ...F{i - 1} ...F{i - 1} }}" for i in range(1, levels)]
    return f"{{ calls(first: 1) {{ nodes {{ ...F{levels - 1} }} }} }} " + " ".join(fragments)


def _query(text: str, variables: object = None) -> bytes:
    return json.dumps({"query": text, "variables": variables}).encode()


NESTED_PAGES = (
    "{ groups(first: 8) { nodes { members { member { memberships { group { members "
    "{ member { id } } } } } } } } }"
)
ATTACKS: dict[str, bytes] = {
    "fragment fan-out, 29 levels": _query(_fan_out(29)),
    "breadth amplification through nested lists": _query(NESTED_PAGES),
    "alias flood": _query(
        "{ " + " ".join(f"a{i}: calls {{ totalCount }}" for i in range(400)) + " }"
    ),
    "directive flood": _query("{ calls { totalCount " + "@skip(if: false) " * 300 + "} }"),
    "circular fragments": _query(
        "{ calls { nodes { ...A } } } fragment A on Call { ...B } fragment B on Call { ...A }"
    ),
    "deep selection nesting": _query(
        "{ calls { nodes { " + "themes { calls { " * 12 + "id" + " } }" * 12 + " } } }"
    ),
    "many operations": _query(
        " ".join(f"query Q{i} {{ calls {{ totalCount }} }}" for i in range(300))
    ),
    "huge list in variables": _query(
        "query($s: [String!]) { calls(status: $s) { totalCount } }", {"s": ["x"] * 20_000}
    ),
    "deep nesting in variables": b'{"query": "query($v: String) { calls(status: $v) '
    b'{ totalCount } }", "variables": {"v": ' + b"[" * 5_000 + b"]" * 5_000 + b"}}",
    "huge string in the document": _query(
        '{ calls(status: "' + "x" * 90_000 + '") { totalCount } }'
    ),
    "huge string in variables": _query(
        "query($s: String) { calls(status: $s) { totalCount } }", {"s": "x" * 90_000}
    ),
    "token flood": _query("{ calls { " + "totalCount " * 5_000 + "} }"),
}


@dataclass
class Probe:
    """Calls /healthz in a loop on its own thread and keeps each answer's time."""

    url: str
    times_ms: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        with httpx.Client(timeout=10) as client:
            while not self._stop.is_set():
                started = time.perf_counter()
                try:
                    status = client.get(f"{self.url}/healthz").status_code
                except httpx.HTTPError as e:
                    self.failures.append(type(e).__name__)
                    continue
                self.times_ms.append((time.perf_counter() - started) * 1000)
                if status != 200:
                    self.failures.append(f"HTTP {status}")
                self._stop.wait(0.02)

    def stop(self) -> None:
        self._stop.set()

    def answered_after(self, count: int, timeout_s: float) -> bool:
        """Whether an answer beyond the first `count` arrives within `timeout_s`."""
        deadline = time.monotonic() + timeout_s
        while len(self.times_ms) <= count and time.monotonic() < deadline:
            time.sleep(0.01)
        return len(self.times_ms) > count


@pytest.fixture
def probe(demo_service: Service) -> Iterator[Probe]:
    running = Probe(demo_service.url)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    # The probe must be answering before the attack starts, or a quick attack could end
    # before its first answer (a connection made on a busy machine) and prove nothing.
    assert running.answered_after(0, 10.0), f"/healthz did not answer: {running.failures}"
    yield running
    running.stop()
    thread.join(15)


def _attack(client: httpx.Client, body: bytes) -> tuple[int, float, httpx.Response]:
    started = time.perf_counter()
    response = client.post("/graphql", content=body, headers={"Content-Type": "application/json"})
    return response.status_code, (time.perf_counter() - started) * 1000, response


@pytest.mark.parametrize("name", list(ATTACKS))
def test_an_attack_is_refused_quickly_while_healthz_answers(
    name: str, demo_service: Service, probe: Probe
) -> None:
    times = []
    answered_before = len(probe.times_ms)
    with httpx.Client(base_url=demo_service.url, timeout=30) as client:
        for _ in range(ROUNDS):
            status, elapsed, response = _attack(client, ATTACKS[name])
            assert 400 <= status < 500, f"{name}: HTTP {status}: {response.text[:300]}"
            errors = response.json()["errors"]
            assert errors, f"{name}: no error"
            assert errors[0]["message"], f"{name}: no error message"
            times.append(elapsed)
    assert probe.answered_after(answered_before, 5.0), "/healthz was not answered after the attack"
    assert statistics.median(times) < ATTACK_MS, f"{name}: answered in {times} ms"
    assert not probe.failures, f"/healthz failed during {name}: {probe.failures}"
    assert max(probe.times_ms) < PROBE_MS * 5, f"/healthz stalled: {max(probe.times_ms):.0f} ms"
    assert statistics.median(probe.times_ms) < PROBE_MS, f"/healthz slow: {probe.times_ms}"
